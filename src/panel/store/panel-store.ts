// The panel's state: records (in Datasets, mutable and incremental, outside zustand's immutable
// state; `revision` tells subscribers they changed), filter, grouping, selection, settings and
// connection status. No browser APIs here: the port and storage come in as dependencies.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { HarProblem } from '../../core/har';
import {
  envelope,
  parseEnvelopeOf,
  type CaptureStats,
  type Envelope,
  type MessageMap,
  type RequestRecord,
} from '../../protocol/messages';
import { parseFilter, type FilterSpec, type QuickChip } from '../filter';
import type { GroupBy } from '../grouping';
import type { Importer } from '../import';
import { DEFAULT_SETTINGS, type Order, type Settings, type ThemeChoice } from '../settings';
import { AuditIndex } from './audit-index';
import { Dataset } from './dataset';
import type { Selection } from './display';

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'invalidated';

/** Which records the list shows, or the retry audit of one of them. */
export type ViewSource = 'live' | 'imported' | 'audit';
/** The record lists: what the audit view audits and where its rows live. */
export type ListSource = Exclude<ViewSource, 'audit'>;

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
  /** The list the audit view audits: the one shown before switching to it. */
  auditOf: ListSource;
  /** Bumped whenever the current audit's results change. */
  auditRevision: number;
  /** Of the current audit: findings and retry sequences. */
  auditFindings: number;
  auditSequences: number;
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
  /** Column visibility, widths and sort (remembered). */
  setColumnPrefs(patch: Partial<Pick<Settings, 'hiddenColumns' | 'shownColumns' | 'columnWidths' | 'sort'>>): void;
  loadSettings(settings: Settings): void;
  toggleGroup(key: string): void;
  setView(view: ViewSource): void;
  /** Leaves the audit view for the list and opens the record's detail. */
  showRecord(id: string): void;

  // selection and detail
  select(selection: Selection): void;
  openDetail(): void;
  closeDetail(): void;

  // session actions
  clear(): void;
  setPreserve(preserve: boolean): void;
  importFile(fileName: string, text: string): void;
  /** A streamed import (src/panel/import): opens an empty imported view that batches then fill. */
  beginImport(fileName: string): void;
  /** Appends a batch of the streamed import's records, in file order. */
  importRecords(records: readonly RequestRecord[]): void;
  /** The streamed import ended: its counts, problems and notes; `error` when it stopped on a broken file. */
  finishImport(info: ImportedInfo, error?: string): void;
  closeImport(): void;
  showBanner(banner: Banner | null): void;
  showToast(text: string): void;
  dismissToast(id: number): void;

  /** The dataset behind the current view (for the audit view: the list it audits). */
  dataset(): Dataset;
  /** The retry audit of the current view's records. */
  audit(): AuditIndex;
  /** Runs any pending re-filter to the end (exports, tests). */
  flush(): void;
  /** The OpenAPI specs changed (issue 16): filter and group again. */
  contractChanged(): void;
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
  /** Runs the (debounced) audit refresh later. Default: a 250 ms timer. */
  scheduleAudit?: (task: () => void) => void;
}

export type PanelStore = StoreApi<PanelState> & {
  /** Where the connection plugs in its port. */
  setSender(send: ((message: Envelope) => void) | null): void;
};

/**
 * Rows the re-filter inside a keystroke looks for before it leaves the rest for later: more than a
 * screen holds (the scan runs newest first, so these are the rows in view when pinned to the end).
 */
const FIRST_SCREEN_ROWS = 200;

/** What the background sends the panel. */
const PANEL_MESSAGES = ['bg/snapshot', 'bg/upsert', 'bg/cleared', 'bg/protocol-mismatch'] as const;

/**
 * The rest of a long re-filter runs once the frame has painted (the first idle moment), so a
 * keystroke's own frame never waits for it. Without idle callbacks: after the next frame. Neither
 * fires reliably while the panel is hidden: a timer takes over then.
 */
function defaultSchedule(task: () => void): void {
  let done = false;
  const run = (): void => {
    if (done) return;
    done = true;
    task();
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run);
  else if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(run, 0));
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
  let auditScheduled = false;
  const scheduleAudit = deps.scheduleAudit ?? ((task: () => void) => void setTimeout(task, 250));

  const initialSpec = specOf('', [], DEFAULT_SETTINGS.showAll);
  const live = new Dataset(initialSpec);
  let imported: Dataset | null = null;
  const liveAudit = new AuditIndex();
  let importedAudit: AuditIndex | null = null;

  const store = createStore<PanelState>()((set, get) => {
    const datasets = (): Dataset[] => (imported ? [live, imported] : [live]);
    const listOf = (view: ViewSource, auditOf: ListSource): ListSource => (view === 'audit' ? auditOf : view);
    const current = (): Dataset => (listOf(get().view, get().auditOf) === 'imported' && imported ? imported : live);
    const currentAudit = (): AuditIndex =>
      listOf(get().view, get().auditOf) === 'imported' && importedAudit ? importedAudit : liveAudit;

    /** Publishes the current audit's counts (after a refresh or a change of view). */
    const publishAudit = (): void => {
      const audit = currentAudit();
      set({
        auditRevision: get().auditRevision + 1,
        auditFindings: audit.findingCount(),
        auditSequences: audit.sequenceCount(),
      });
    };

    /** Audits after a quiet moment, never inside an upsert: a burst of records costs one refresh. */
    const auditSoon = (): void => {
      if (auditScheduled) return;
      auditScheduled = true;
      scheduleAudit(() => {
        auditScheduled = false;
        let changed = false;
        for (const audit of importedAudit ? [liveAudit, importedAudit] : [liveAudit])
          changed = audit.refresh() || changed;
        if (changed) publishAudit();
      });
    };

    const bump = (extra: Partial<PanelState> = {}): void => {
      const view = extra.view ?? get().view;
      const d = listOf(view, extra.auditOf ?? get().auditOf) === 'imported' && imported ? imported : live;
      set({
        revision: get().revision + 1,
        scanning: datasets().some((x) => x.scanning),
        shown: d.visibleRequestCount(),
        failures: d.failureCount,
        total: d.size,
        ...extra,
      });
    };

    /**
     * Runs re-filter steps, the current view's first, until the budget is spent (at least one step),
     * or until the current view has found `enoughRows`.
     */
    const slice = (budgetMs: number, enoughRows = Infinity): void => {
      const deadline = now() + budgetMs;
      const shown = current();
      const order = [shown, ...datasets().filter((d) => d !== shown)];
      for (const d of order) {
        while (d.scanning) {
          d.step();
          if (now() >= deadline || shown.visible.length >= enoughRows) return;
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

    /**
     * After a filter change or new snapshot: the first screen now, the rest in later tasks. A
     * keystroke stops at `enoughRows`; a snapshot or import keeps the whole budget, so an opening
     * panel has its complete list sooner.
     */
    const scanNow = (extra: Partial<PanelState> = {}, enoughRows = Infinity): void => {
      slice(firstSliceMs, enoughRows);
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
      scanNow({ filterText, chips, filterProblems: spec.query.problems }, FIRST_SCREEN_ROWS);
    };

    const updateSettings = (patch: Partial<Settings>): Settings => {
      const settings = { ...get().settings, ...patch };
      set({ settings });
      deps.saveSettings?.(settings);
      return settings;
    };

    const post = <T extends keyof MessageMap>(type: T, payload: MessageMap[T]): void => {
      send?.(envelope(type, payload));
    };

    /** Keeps the selection only if its record still exists. */
    const keepSelection = (): Partial<PanelState> => {
      const sel = get().selection;
      if (sel && sel.kind === 'row' && !current().rowBySeq(sel.seq)) return { selection: null, detailOpen: false };
      return {};
    };

    const onSnapshot = (p: MessageMap['bg/snapshot']): void => {
      live.reset(p.records);
      liveAudit.reset(p.records);
      auditSoon();
      scanNow({ stats: p.stats, preserve: p.preserve, ready: true, connection: 'connected' });
      set(keepSelection());
      syncPreserve();
    };

    /** The tab keeps records across navigations only when the panel's setting says so. */
    const syncPreserve = (): void => {
      const want = get().settings.preserveLog;
      if (get().ready && get().preserve !== want) {
        set({ preserve: want });
        post('panel/set-preserve', { tabId: deps.tabId, preserve: want });
      }
    };

    const onUpsert = (p: MessageMap['bg/upsert']): void => {
      if (p.removedIds && p.removedIds.length > 0) {
        live.remove(p.removedIds);
        liveAudit.remove(p.removedIds);
      }
      live.upsert(p.records);
      liveAudit.upsert(p.records);
      auditSoon();
      bump({ stats: p.stats });
      continueScans();
    };

    const onCleared = (p: MessageMap['bg/cleared']): void => {
      live.clear();
      liveAudit.reset([]);
      const selection = current() === live ? { selection: null, detailOpen: false } : {};
      bump({ stats: p.stats, ...selection });
      publishAudit();
    };

    return {
      connection: 'connecting',
      ready: false,
      stats: EMPTY_STATS,
      preserve: false,
      view: 'live',
      auditOf: 'live',
      auditRevision: 0,
      auditFindings: 0,
      auditSequences: 0,
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

      contractChanged() {
        for (const d of datasets()) d.refilter();
        scanNow();
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

      setColumnPrefs(patch) {
        updateSettings(patch);
        bump();
      },

      loadSettings(settings) {
        set({ settings });
        for (const d of datasets()) d.setGroupBy(settings.groupBy);
        applySpec({ showAll: settings.showAll });
        syncPreserve();
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
        const from = get().view;
        const auditOf: ListSource = view === 'audit' ? (from === 'audit' ? get().auditOf : from) : view;
        bump({ view, auditOf, selection: null, detailOpen: false });
        publishAudit();
      },

      showRecord(id) {
        const record = currentAudit().record(id);
        if (!record) return;
        const view = get().auditOf;
        if (get().view !== view) bump({ view, selection: null, detailOpen: false });
        if (!current().rowBySeq(record.seq)) return;
        set({ selection: { kind: 'row', seq: record.seq }, detailOpen: true });
        publishAudit();
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
        if (current() !== live) return get().closeImport();
        live.clear();
        liveAudit.reset([]);
        bump({ selection: null, detailOpen: false });
        publishAudit();
        post('panel/clear', { tabId: deps.tabId });
      },

      setPreserve(preserve) {
        updateSettings({ preserveLog: preserve });
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
        get().beginImport(result.fileName);
        get().importRecords(result.records);
        const skipped = result.problems.filter((p) => p.skipped).length;
        get().finishImport({
          fileName: result.fileName,
          entries: result.entries,
          skipped,
          problems: result.problems,
          notes: result.notes,
        });
      },

      beginImport(fileName) {
        const state = get();
        const dataset = new Dataset(specOf(state.filterText, state.chips, state.settings.showAll));
        dataset.setGroupBy(state.settings.groupBy);
        imported = dataset;
        importedAudit = new AuditIndex();
        set({ view: 'imported', auditOf: 'imported' });
        scanNow({
          view: 'imported',
          selection: null,
          detailOpen: false,
          expandedGroups: new Set(),
          imported: { fileName, entries: 0, skipped: 0, problems: [], notes: [] },
          banner: null,
        });
        publishAudit();
      },

      importRecords(records) {
        if (!imported || !importedAudit || records.length === 0) return;
        imported.upsert(records);
        importedAudit.upsert(records);
        auditSoon();
        bump();
        continueScans();
      },

      finishImport(info, error) {
        if (!imported) return;
        const { fileName, entries, skipped } = info;
        const left = skipped > 0 ? ` ${skipped} of ${entries} entries could not be read and are left out.` : '';
        bump({
          imported: info,
          banner: error
            ? {
                kind: 'error',
                text: `${fileName}: ${error}. The ${entries - skipped} entries before it are shown.${left}`,
              }
            : skipped > 0
              ? { kind: 'info', text: `${fileName}:${left}` }
              : null,
        });
      },

      closeImport() {
        imported = null;
        importedAudit = null;
        bump({ imported: null, view: 'live', auditOf: 'live', selection: null, detailOpen: false });
        publishAudit();
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
      audit: currentAudit,

      flush() {
        for (const d of datasets()) d.finishScan();
        liveAudit.refresh();
        importedAudit?.refresh();
        bump();
        publishAudit();
      },
    };
  });

  return Object.assign(store, {
    setSender(next: ((message: Envelope) => void) | null) {
      send = next;
    },
  });
}
