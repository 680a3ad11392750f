// The store and platform reach components through context, so tests render with their own.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { useStore } from 'zustand';
import type { PanelPlatform } from './platform-types';
import type { PanelState, PanelStore } from './store/panel-store';

export const StoreContext = createContext<PanelStore | null>(null);
export const PlatformContext = createContext<PanelPlatform | null>(null);

export function usePanelStore(): PanelStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('usePanelStore outside <StoreContext.Provider>');
  return store;
}

export function usePanel<T>(selector: (state: PanelState) => T): T {
  return useStore(usePanelStore(), selector);
}

export function usePlatform(): PanelPlatform | null {
  return useContext(PlatformContext);
}
