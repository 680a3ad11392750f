// The real browser behind PanelPlatform: the only panel module that imports webextension-polyfill.
import browser from 'webextension-polyfill';
import { connectReconnecting } from '../platform/port';
import { loadRules, saveRules } from '../platform/rules-storage';
import { PANEL_PORT_PREFIX } from '../protocol/messages';
import type { PanelPlatform } from './platform-types';
import { SETTINGS_KEY } from './settings';

interface ThemeEvents {
  onThemeChanged?: { addListener(cb: (name: string) => void): void; removeListener(cb: (name: string) => void): void };
}

type OpenResource = (url: string, lineNumber: number, columnNumber?: number, callback?: () => void) => unknown;

/** devtools.panels.openResource, where the browser has it (Chrome; Firefox 100+ reveals the Debugger). */
function openResourceOf(panels: object): Pick<PanelPlatform, 'openResource'> {
  const open = (panels as { openResource?: OpenResource }).openResource;
  if (typeof open !== 'function') return {};
  return {
    openResource(url, lineNumber, columnNumber) {
      try {
        const returned = open.call(panels, url, lineNumber, columnNumber, () => undefined);
        if (returned && typeof (returned as Promise<unknown>).catch === 'function')
          (returned as Promise<unknown>).catch(() => undefined);
      } catch {
        /* the script is gone (navigated away): nothing to show */
      }
    },
  };
}

export function browserPlatform(): PanelPlatform {
  const tabId = browser.devtools.inspectedWindow.tabId;
  const panels = browser.devtools.panels as typeof browser.devtools.panels & ThemeEvents;
  return {
    tabId,
    browserName: browser.runtime.getURL('/').startsWith('moz-extension:') ? 'firefox' : 'chrome',
    version: browser.runtime.getManifest().version,
    themeName: () => panels.themeName ?? 'default',
    onThemeChanged(listener) {
      const event = panels.onThemeChanged;
      if (!event) return () => undefined;
      event.addListener(listener);
      return () => event.removeListener(listener);
    },
    async loadSettings() {
      const stored = await browser.storage.local.get(SETTINGS_KEY);
      return stored[SETTINGS_KEY];
    },
    async saveSettings(settings) {
      await browser.storage.local.set({ [SETTINGS_KEY]: settings });
    },
    connect: (handlers) => connectReconnecting(PANEL_PORT_PREFIX + tabId, handlers),
    ...openResourceOf(panels),
    openOptionsPage: () => browser.runtime.openOptionsPage(),
    loadRules: () => loadRules(),
    saveRules: (document) => saveRules(document),
  };
}
