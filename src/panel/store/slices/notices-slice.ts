// Notices: the banner (an import's problems, an error) and the short-lived toast ("Copied …").
import type { StateCreator } from 'zustand/vanilla';
import type { Banner, PanelState, Toast } from '../panel-types';
import type { StoreContext } from './context';

export interface NoticesSlice {
  banner: Banner | null;
  toast: Toast | null;
  showBanner(banner: Banner | null): void;
  showToast(text: string): void;
  dismissToast(id: number): void;
}

export function createNoticesSlice(ctx: Pick<StoreContext, 'deps'>): StateCreator<PanelState, [], [], NoticesSlice> {
  let toastCounter = 0;
  return (set, get) => ({
    banner: null,
    toast: null,

    showBanner(banner) {
      set({ banner });
    },

    showToast(text) {
      const id = ++toastCounter;
      set({ toast: { id, text } });
      setTimeout(() => get().dismissToast(id), ctx.deps.toastMs ?? 1600);
    },

    dismissToast(id) {
      if (get().toast?.id === id) set({ toast: null });
    },
  });
}
