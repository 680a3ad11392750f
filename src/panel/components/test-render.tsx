// Rendering helpers for component tests (happy-dom + preact, no testing-library).
import { render } from 'preact';
import { vi } from 'vitest';
import { act } from 'preact/test-utils';
import type { CaptureRecord } from '../../protocol/messages';
import { envelope } from '../../protocol/messages';
import type { PanelPlatform } from '../platform-types';
import { createPanelStore, type PanelStore } from '../store/panel-store';
import { stats as makeStats } from '../testing';
import type { CaptureStats } from '../../protocol/messages';
import { App } from './App';

export interface Rendered {
  root: HTMLDivElement;
  store: PanelStore;
  platform: PanelPlatform;
  themeListeners: Array<(name: string) => void>;
  unmount(): void;
}

export function fakePlatform(
  patch: Partial<PanelPlatform> = {},
  themeListeners: Array<(name: string) => void> = [],
): PanelPlatform {
  return {
    tabId: 7,
    browserName: 'chrome',
    version: '9.9.9',
    themeName: () => 'default',
    onThemeChanged(listener) {
      themeListeners.push(listener);
      return () => undefined;
    },
    loadSettings: async () => undefined,
    saveSettings: async () => undefined,
    connect: () => ({ post: () => undefined, close: () => undefined }),
    ...patch,
  };
}

export function renderPanel(
  records: CaptureRecord[] | null,
  options: {
    stats?: Partial<CaptureStats>;
    platform?: Partial<PanelPlatform>;
    store?: PanelStore;
    viewport?: number;
  } = {},
): Rendered {
  const themeListeners: Array<(name: string) => void> = [];
  const platform = fakePlatform(options.platform, themeListeners);
  // Scans run to completion at once in tests.
  const store =
    options.store ??
    createPanelStore({ tabId: 7, schedule: (task) => task(), scheduleAudit: (task) => task(), toastMs: 60_000 });
  if (records)
    store
      .getState()
      .receive(envelope('bg/snapshot', { tabId: 7, records, stats: makeStats(options.stats), preserve: false }));
  const root = document.createElement('div');
  document.body.appendChild(root);
  act(() => {
    render(<App store={store} platform={platform} fallbackViewportHeight={options.viewport ?? 630} />, root);
  });
  return {
    root,
    store,
    platform,
    themeListeners,
    unmount() {
      act(() => render(null, root));
      root.remove();
    },
  };
}

export function key(target: EventTarget, keyName: string, init: KeyboardEventInit = {}): void {
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key: keyName, bubbles: true, cancelable: true, ...init }));
  });
}

export function click(el: Element | null): void {
  if (!el) throw new Error('nothing to click');
  act(() => {
    (el as HTMLElement).click();
  });
}

export function rows(root: Element, testid = 'failure-row'): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(`[data-testid="${testid}"]`));
}

export async function flush(): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

/** Replaces navigator.clipboard with a stub; returns the texts written to it. */
export function stubClipboard(): string[] {
  const written: string[] = [];
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: { writeText: vi.fn(async (text: string) => void written.push(text)) },
  });
  return written;
}
