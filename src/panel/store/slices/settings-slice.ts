// The remembered settings: list order, grouping, theme, columns, show-all, preserve log. Each
// change is saved; the ones that change what the list shows re-filter or regroup it.
import type { StateCreator } from 'zustand/vanilla';
import type { GroupBy } from '../../grouping';
import { DEFAULT_SETTINGS, type Order, type Settings, type ThemeChoice } from '../../settings';
import type { PanelState } from '../panel-types';
import type { GetPanelState, SetPanelState, StoreContext } from './context';

export interface SettingsSlice {
  settings: Settings;
  setShowAll(showAll: boolean): void;
  setGroupBy(groupBy: GroupBy): void;
  setOrder(order: Order): void;
  setTheme(theme: ThemeChoice): void;
  setRedactCopies(redact: boolean): void;
  /** Column visibility, widths and sort (remembered). */
  setColumnPrefs(patch: Partial<Pick<Settings, 'hiddenColumns' | 'shownColumns' | 'columnWidths' | 'sort'>>): void;
  loadSettings(settings: Settings): void;
  /** Keeps the tab's records across navigations (a setting, and a message to the background). */
  setPreserve(preserve: boolean): void;
}

export function settingsUpdater(set: SetPanelState, get: GetPanelState, deps: StoreContext['deps']) {
  return (patch: Partial<Settings>): Settings => {
    const settings = { ...get().settings, ...patch };
    set({ settings });
    deps.saveSettings?.(settings);
    return settings;
  };
}

export function preserveSyncer(set: SetPanelState, get: GetPanelState, ctx: Pick<StoreContext, 'deps' | 'post'>) {
  return (): void => {
    const want = get().settings.preserveLog;
    if (get().ready && get().preserve !== want) {
      set({ preserve: want });
      ctx.post('panel/set-preserve', { tabId: ctx.deps.tabId, preserve: want });
    }
  };
}

export function createSettingsSlice(
  ctx: Pick<StoreContext, 'deps' | 'lists' | 'scans' | 'post' | 'updateSettings' | 'syncPreserve'>,
): StateCreator<PanelState, [], [], SettingsSlice> {
  const { lists, scans, updateSettings } = ctx;
  return (set) => ({
    settings: { ...DEFAULT_SETTINGS },

    setShowAll(showAll) {
      updateSettings({ showAll });
      scans.applySpec({ showAll });
    },

    setGroupBy(groupBy) {
      updateSettings({ groupBy });
      for (const d of lists.datasets()) d.setGroupBy(groupBy);
      scans.bump({ expandedGroups: new Set() });
    },

    setOrder(order) {
      updateSettings({ order });
    },

    setTheme(theme) {
      updateSettings({ theme });
    },

    setRedactCopies(redactCopies) {
      updateSettings({ redactCopies });
    },

    setColumnPrefs(patch) {
      updateSettings(patch);
      scans.bump();
    },

    loadSettings(settings) {
      set({ settings });
      for (const d of lists.datasets()) d.setGroupBy(settings.groupBy);
      scans.applySpec({ showAll: settings.showAll });
      ctx.syncPreserve();
    },

    setPreserve(preserve) {
      updateSettings({ preserveLog: preserve });
      set({ preserve });
      ctx.post('panel/set-preserve', { tabId: ctx.deps.tabId, preserve });
    },
  });
}
