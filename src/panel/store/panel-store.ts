// The panel's state: records (in Datasets, mutable and incremental, outside zustand's immutable
// state; `revision` tells subscribers they changed), filter, grouping, selection, settings and
// connection status. No browser APIs here: the port and storage come in as dependencies.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { HarProblem } from '../../core/har';
import {
  envelope,
  parseEnvelopeOf,
  type CaptureRecord,
  type CaptureStats,
  type Envelope,
  type MessageMap,
} from '../../protocol/messages';
import { parseFilter, type FilterSpec, type QuickChip } from '../filter';
import type { GroupBy } from '../grouping';
import type { Importer } from '../import';
import { DEFAULT_SETTINGS, type Order, type Settings, type ThemeChoice } from '../settings';
import { Dataset } from './dataset';
import type { Selection } from './display';

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'invalidated';

/** Which records the list shows. Later views (the retry audit) extend this union. */
export type ViewSource = 'live' | 'imported';

export interface ImportedInfo {
  fileName: string;
  /** Entries in the file, converted or not. */
  entries: number;
  /** Entries that could not be converted. */
  skipped: number;
  problems: HarProblem[];
  notes: string[];
}

export interface Banner {
  kind: 'error' | 'info';
  text: string;
}

export interface Toast {
  id: number;
  text: string;
}

export const EMPTY_STATS: Readonly<CaptureStats> = Object.freeze({
  seen: 0,
  droppedRecords: 0,
  truncatedBodies: 0,
  droppedBodies: 0,
  bodiesArriving: false,
});

export interface PanelState {
  connection: ConnectionStatus;
  /** The first snapshot has arrived. */
  ready: boolean;
  stats: CaptureStats;
  preserve: boolean;
  view: ViewSource;
  imported: ImportedInfo | null;
  banner: Banner | null;
  filterText: string;
  filterProblems: string[];
  chips: readonly QuickChip[];
  settings: Settings;
  expandedGroups: ReadonlySet<string>;
  selection: Selection;
  detailOpen: boolean;
  /** Bumped whenever a dataset's rows or visible set change. */
  revision: number;
  /** Of the current view: requests the filter shows, failures, and all records. */
  shown: number;
  failures: number;
  total: number;
  /** A re-filter is still running in the background. */
  scanning: boolean;
  toast: Toast | null;

  // messages from the background
  receive(message: unknown): void;
  setConnection(status: ConnectionStatus): void;

  // filter and view
  setFilterText(text: string): void;
  toggleChip(chip: QuickChip): void;
  setShowAll(showAll: boolean): void;
  setGroupBy(groupBy: GroupBy): void;
  setOrder(order: Order): void;
  setTheme(theme: ThemeChoice): void;
  setRedactCopies(redact: boolean): void;
  loadSettings(settings: Settings): void;
  toggleGroup(key: string): void;
  setView(view: ViewSource): void;

  // selection and detail
  select(selection: Selection): void;
  openDetail(): void;
  closeDetail(): void;

  // session actions
  clear(): void;
  setPreserve(preserve: boolean): void;
  importFile(fileName: string, text: string): void;
  closeImport(): void;
  showBanner(banner: Banner | null): void;
  showToast(text: string): void;
  dismissToast(id: number): void;

  /** The dataset behind the current view. */
  dataset(): Dataset;
  /** Runs any pending re-filter to the end (exports, tests). */
  flush(): void;
}

export interface PanelStoreDeps {
  tabId: number;
  /** Posts to the background; set later by the connection (messages before that are dropped). */
  send?: (message: Envelope) => void;
  saveSettings?: (settings: Settings) => void;
  /** Runs a continuation of a long re-filter later. Default: a macrotask. */
  schedule?: (task: () => void) => void;
  importHar?: Importer;
  /** Drops the toast after this many ms. Default 1600. */
  toastMs?: number;
  /** Time budget of the re-filter slice run inside a keystroke, ms. Default 4: leaves room to render and paint. */
  firstSliceMs?: number;
  /** Time budget of each later slice, ms. Default 10. */
  sliceMs?: number;
  now?: () => number;
}

export type PanelStore = StoreApi<PanelState> & {
  /** Where the connection plugs in its port. */
  setSender(send: ((message: Envelope) => void) | null): void;
};

/** What the background sends the panel. */
const PANEL_MESSAGES = ['bg/snapshot', 'bg/upsert', 'bg/cleared', 'bg/protocol-mismatch'] as const;

/**
 * The rest of a long re-filter runs after the next frame has painted, so a keystroke's own frame
 * never waits for it. rAF does not fire while the panel is hidden: a timer takes over then.
 */
function defaultSchedule(task: () => void): void {
  let done = false;
  const run = (): void => {
    if (done) return;
    done = true;
    task();
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(run, 0));
  setTimeout(run, 100);
}

function specOf(filterText: string, chips: readonly QuickChip[], showAll: boolean): FilterSpec {
  return { query: parseFilter(filterText), chips: new Set(chips), showAll };
}

export function createPanelStore(deps: PanelStoreDeps): PanelStore {
  const schedule = deps.schedule ?? defaultSchedule;
  const now = deps.now ?? (() => performance.now());
  const firstSliceMs = deps.firstSliceMs ?? 4;
  const sliceMs = deps.sliceMs ?? 10;
  let send = deps.send ?? null;
  let toastCounter = 0;
  let scanScheduled = false;

  const initialSpec = specOf('', [], DEFAULT_SETTINGS.showAll);
  const live = new Dataset(initialSpec);
  let imported: Dataset | null = null;

  const store = createStore<PanelState>()((set, get) => {
    const datasets = (): Dataset[] => (imported ? [live, imported] : [live]);
    const current = (): Dataset => (get().view === 'imported' && imported ? imported : live);

    const bump = (extra: Partial<PanelState> = {}): void => {
      const view = extra.view ?? get().view;
      const d = view === 'imported' && imported ? imported : live;
      set({
        revision: get().revision + 1,
        scanning: datasets().some((x) => x.scanning),
        shown: d.visibleRequestCount(),
        failures: d.failureCount,
        total: d.size,
        ...extra,
      });
    };

    /** Runs re-filter steps, the current view's first, until the budget is spent (at least one step). */
    const slice = (budgetMs: number): void => {
      const deadline = now() + budgetMs;
      const order = [current(), ...datasets().filter((d) => d !== current())];
      for (const d of order) {
        while (d.scanning) {
          d.step();
          if (now() >= deadline) return;
        }
      }
    };

    const continueScans = (): void => {
      if (scanScheduled || !datasets().some((d) => d.scanning)) return;
      scanScheduled = true;
      schedule(() => {
        scanScheduled = false;
        slice(sliceMs);
        bump();
        continueScans();
      });
    };

    /** After a filter change or new snapshot: the first screen now, the rest in later tasks. */
    const scanNow = (extra: Partial<PanelState> = {}): void => {
      slice(firstSliceMs);
      bump(extra);
      continueScans();
    };

    const applySpec = (patch: Partial<Pick<PanelState, 'filterText' | 'chips'>> & { showAll?: boolean }): void => {
      const state = get();
      const filterText = patch.filterText ?? state.filterText;
      const chips = patch.chips ?? state.chips;
      const showAll = patch.showAll ?? state.settings.showAll;
      const spec = specOf(filterText, chips, showAll);
      for (const d of datasets()) d.setSpec(spec);
      scanNow({ filterText, chips, filterProblems: spec.query.problems });
    };

    const updateSettings = (patch: Partial<Settings>): Settings => {
      const settings = { ...get().settings, ...patch };
      set({ settings });
      deps.saveSettings?.(settings);
      return settings;
    };

    const post = <T extends keyof MessageMap>(type: T, payload: MessageMap[T]): void => {
      send?.(envelope(type, payload) as Envelope);
    };

    /** Keeps the selection only if its record still exists. */
    const keepSelection = (): Partial<PanelState> => {
      const sel = get().selection;
      if (sel && sel.kind === 'row' && !current().rowBySeq(sel.seq)) return { selection: null, detailOpen: false };
      return {};
    };

    const onSnapshot = (p: MessageMap['bg/snapshot']): void => {
      live.reset(p.records);
      scanNow({ stats: p.stats, preserve: p.preserve, ready: true, connection: 'connected' });
      set(keepSelection());
    };

    const onUpsert = (p: MessageMap['bg/upsert']): void => {
      if (p.removedIds && p.removedIds.length > 0) live.remove(p.removedIds);
      live.upsert(p.records);
      bump({ stats: p.stats });
      continueScans();
    };

    const onCleared = (p: MessageMap['bg/cleared']): void => {
      live.clear();
      const selection = get().view === 'live' ? { selection: null, detailOpen: false } : {};
      bump({ stats: p.stats, ...selection });
    };

    return {
      connection: 'connecting',
      ready: false,
      stats: EMPTY_STATS,
      preserve: false,
      view: 'live',
      imported: null,
      banner: null,
      filterText: '',
      filterProblems: [],
      chips: [],
      settings: { ...DEFAULT_SETTINGS },
      expandedGroups: new Set<string>(),
      selection: null,
      detailOpen: false,
      revision: 0,
      shown: 0,
      failures: 0,
      total: 0,
      scanning: false,
      toast: null,

      receive(message) {
        const msg = parseEnvelopeOf(message, PANEL_MESSAGES);
        if (!msg || msg.payload.tabId !== deps.tabId) return;
        switch (msg.type) {
          case 'bg/snapshot':
            return onSnapshot(msg.payload as MessageMap['bg/snapshot']);
          case 'bg/upsert':
            return onUpsert(msg.payload as MessageMap['bg/upsert']);
          case 'bg/cleared':
            return onCleared(msg.payload as MessageMap['bg/cleared']);
          case 'bg/protocol-mismatch':
            // The extension was updated under this panel: only reopening DevTools helps.
            return set({ connection: 'invalidated' });
        }
      },

      setConnection(connection) {
        if (get().connection === 'invalidated') return; // final: only reopening DevTools helps
        set({ connection });
      },

      setFilterText(filterText) {
        if (filterText === get().filterText) return;
        applySpec({ filterText });
      },

      toggleChip(chip) {
        const chips = get().chips;
        applySpec({ chips: chips.includes(chip) ? chips.filter((c) => c !== chip) : [...chips, chip] });
      },

      setShowAll(showAll) {
        updateSettings({ showAll });
        applySpec({ showAll });
      },

      setGroupBy(groupBy) {
        updateSettings({ groupBy });
        for (const d of datasets()) d.setGroupBy(groupBy);
        bump({ expandedGroups: new Set() });
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

      loadSettings(settings) {
        set({ settings });
        for (const d of datasets()) d.setGroupBy(settings.groupBy);
        applySpec({ showAll: settings.showAll });
      },

      toggleGroup(key) {
        const expanded = new Set(get().expandedGroups);
        if (expanded.has(key)) expanded.delete(key);
        else expanded.add(key);
        set({ expandedGroups: expanded });
      },

      setView(view) {
        if (view === get().view) return;
        if (view === 'imported' && !imported) return;
        bump({ view, selection: null, detailOpen: false });
      },

      select(selection) {
        set({ selection, detailOpen: get().detailOpen && selection?.kind === 'row' });
      },

      openDetail() {
        const sel = get().selection;
        if (sel && sel.kind === 'row' && current().rowBySeq(sel.seq)) set({ detailOpen: true });
      },

      closeDetail() {
        set({ detailOpen: false });
      },

      clear() {
        if (get().view === 'imported') return get().closeImport();
        live.clear();
        bump({ selection: null, detailOpen: false });
        post('panel/clear', { tabId: deps.tabId });
      },

      setPreserve(preserve) {
        set({ preserve });
        post('panel/set-preserve', { tabId: deps.tabId, preserve });
      },

      importFile(fileName, text) {
        if (!deps.importHar) {
          set({ banner: { kind: 'error', text: 'Importing is not available here.' } });
          return;
        }
        let result;
        try {
          result = deps.importHar(fileName, text);
        } catch (err) {
          set({ banner: { kind: 'error', text: err instanceof Error ? err.message : String(err) } });
          return;
        }
        const state = get();
        const dataset = new Dataset(specOf(state.filterText, state.chips, state.settings.showAll));
        dataset.setGroupBy(state.settings.groupBy);
        dataset.reset(result.records as CaptureRecord[]);
        imported = dataset;
        set({ view: 'imported' });
        const skipped = result.problems.filter((p) => p.skipped).length;
        scanNow({
          view: 'imported',
          selection: null,
          detailOpen: false,
          expandedGroups: new Set(),
          imported: { fileName: result.fileName, entries: result.entries, skipped, problems: result.problems, notes: result.notes },
          banner:
            skipped > 0
              ? { kind: 'info', text: `${result.fileName}: ${skipped} of ${result.entries} entries could not be read and are left out.` }
              : null,
        });
      },

      closeImport() {
        imported = null;
        bump({ imported: null, view: 'live', selection: null, detailOpen: false });
      },

      showBanner(banner) {
        set({ banner });
      },

      showToast(text) {
        const id = ++toastCounter;
        set({ toast: { id, text } });
        setTimeout(() => get().dismissToast(id), deps.toastMs ?? 1600);
      },

      dismissToast(id) {
        if (get().toast?.id === id) set({ toast: null });
      },

      dataset: current,

      flush() {
        for (const d of datasets()) d.finishScan();
        bump();
      },
    };
  });

  return Object.assign(store, {
    setSender(next: ((message: Envelope) => void) | null) {
      send = next;
    },
  });
}
