// The store and platform reach components through context, so tests render with their own.
import { createContext } from 'preact';
import { useContext, useLayoutEffect, useReducer, useRef } from 'preact/hooks';
import type { PanelPlatform } from './platform-types';
import type { PanelState, PanelStore } from './store/panel-store';

export const StoreContext = createContext<PanelStore | null>(null);
export const PlatformContext = createContext<PanelPlatform | null>(null);

export function usePanelStore(): PanelStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('usePanelStore outside <StoreContext.Provider>');
  return store;
}

/**
 * A slice of the state; the component re-renders when it changes (Object.is). zustand's own hook
 * would pull in preact/compat, whose global hook rewrites the props of every element rendered.
 */
export function usePanel<T>(selector: (state: PanelState) => T): T {
  const store = usePanelStore();
  const value = selector(store.getState());
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const latest = useRef({ selector, value });
  latest.current.selector = selector;
  latest.current.value = value;
  useLayoutEffect(() => {
    const check = (): void => {
      const { selector: select, value: shown } = latest.current;
      if (!Object.is(select(store.getState()), shown)) rerender(0);
    };
    check(); // a change between render and subscription
    return store.subscribe(check);
  }, [store]);
  return value;
}

export function usePlatform(): PanelPlatform | null {
  return useContext(PlatformContext);
}
