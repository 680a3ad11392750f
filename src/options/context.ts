// The store reaches components through context, so tests render with their own.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { useStore } from 'zustand';
import type { OptionsState, OptionsStore } from './store';

export const OptionsStoreContext = createContext<OptionsStore | null>(null);

export function useOptionsStore(): OptionsStore {
  const store = useContext(OptionsStoreContext);
  if (!store) throw new Error('useOptionsStore outside <OptionsStoreContext.Provider>');
  return store;
}

export function useOptions<T>(selector: (state: OptionsState) => T): T {
  return useStore(useOptionsStore(), selector);
}
