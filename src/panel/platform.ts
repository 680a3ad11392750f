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
    openOptionsPage: () => browser.runtime.openOptionsPage(),
    loadRules: () => loadRules(),
    saveRules: (document) => saveRules(document),
  };
}
