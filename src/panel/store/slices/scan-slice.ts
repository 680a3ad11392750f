// The filter and its re-filter scheduler: a keystroke filters every row at once when that fits in
// its frame, else the first screen now and the rest in later tasks, so typing never waits for
// 100,000 rows; the counts the toolbar shows are published after every step. In idle time the rows'
// search text is built ahead of the first keystroke.
import type { StateCreator } from 'zustand/vanilla';
import { parseFilter, type FilterSpec, type QuickChip } from '../../filter';
import { idleScheduler } from '../idle';
import { listOf } from '../lists';
import type { PanelState } from '../panel-types';
import type { GetPanelState, SetPanelState, StoreContext } from './context';

export interface ScanSlice {
  filterText: string;
  filterProblems: string[];
  chips: readonly QuickChip[];
  /** Bumped whenever a dataset's rows or visible set change. */
  revision: number;
  /** Of the current view: requests the filter shows, failures, and all records. */
  shown: number;
  failures: number;
  total: number;
  /** A re-filter is still running in the background. */
  scanning: boolean;
  setFilterText(text: string): void;
  toggleChip(chip: QuickChip): void;
  /** Runs any pending re-filter to the end (exports, tests). */
  flush(): void;
  /** The OpenAPI specs changed (issue 16): filter and group again. */
  contractChanged(): void;
}

export interface ScanScheduler {
  /** Publishes the current view's counts and a new revision, with `extra` in the same update. */
  bump(extra?: Partial<PanelState>): void;
  /**
   * After a new snapshot or import: the first slice now, the rest in later tasks. It keeps its whole
   * budget, so an opening panel has its complete list sooner.
   */
  scanNow(extra?: Partial<PanelState>): void;
  /** Schedules the next step of any unfinished re-filter. */
  continueScans(): void;
  /** Sets the filter of every list and re-filters. */
  applySpec(patch: { filterText?: string; chips?: readonly QuickChip[]; showAll?: boolean }): void;
}

/**
 * Rows the re-filter inside a keystroke looks for before it leaves the rest for later: more than a
 * screen holds (the scan runs newest first, so these are the rows in view when pinned to the end).
 */
const FIRST_SCREEN_ROWS = 200;
/** Rows whose search text one idle step builds (a fraction of a millisecond). */
const WARM_STEP_ROWS = 1_000;

export function specOf(filterText: string, chips: readonly QuickChip[], showAll: boolean): FilterSpec {
  return { query: parseFilter(filterText), chips: new Set(chips), showAll };
}

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

export function createScanScheduler(
  set: SetPanelState,
  get: GetPanelState,
  ctx: Pick<StoreContext, 'deps' | 'lists' | 'current'>,
): ScanScheduler {
  const { deps, lists } = ctx;
  const schedule = deps.schedule ?? defaultSchedule;
  const now = deps.now ?? (() => performance.now());
  const firstSliceMs = deps.firstSliceMs ?? 4;
  const keystrokeScanMs = deps.keystrokeScanMs ?? 8;
  const sliceMs = deps.sliceMs ?? 10;
  // Tests that drive `schedule` themselves get no idle work unless they give scheduleIdle too.
  const scheduleIdle = deps.scheduleIdle ?? (deps.schedule === undefined ? idleScheduler() : null);
  let scheduled = false;
  let warming = false;

  const bump = (extra: Partial<PanelState> = {}): void => {
    const d = lists.dataset(listOf(extra.view ?? get().view, extra.auditOf ?? get().auditOf));
    set({
      revision: get().revision + 1,
      scanning: lists.datasets().some((x) => x.scanning),
      shown: d.visibleRequestCount(),
      failures: d.failureCount,
      total: d.size,
      ...extra,
    });
  };

  /** Runs re-filter steps, the current view's first, until the budget is spent (at least one step). */
  const slice = (budgetMs: number): void => {
    const deadline = now() + budgetMs;
    const shown = ctx.current();
    const order = [shown, ...lists.datasets().filter((d) => d !== shown)];
    for (const d of order) {
      while (d.scanning) {
        d.step();
        if (now() >= deadline) return;
      }
    }
  };

  /**
   * The keystroke's own slice. The current view's scan runs to its end when its rate so far says it
   * ends within keystrokeScanMs (the complete result is then in this frame); otherwise it stops once
   * it has a first screen of rows or firstSliceMs is spent, and the rest follows after the paint.
   */
  const keystrokeSlice = (): void => {
    const d = ctx.current();
    const start = now();
    const left = d.scanLeft;
    while (d.scanning) {
      d.step();
      const elapsed = now() - start;
      const tested = left - d.scanLeft;
      const ends = elapsed + (elapsed / Math.max(1, tested)) * d.scanLeft;
      if (ends <= keystrokeScanMs && elapsed < keystrokeScanMs) continue;
      if (elapsed >= firstSliceMs || d.visible.length >= FIRST_SCREEN_ROWS) return;
    }
  };

  /** Builds rows' search text in idle periods once no re-filter runs (a keystroke's scan is then cheaper). */
  const warmSoon = (): void => {
    if (warming || !scheduleIdle || lists.datasets().every((d) => d.searchTextWarm)) return;
    warming = true;
    scheduleIdle((timeLeft) => {
      warming = false;
      // A re-filter first: continueScans asks again when it is done.
      if (lists.datasets().some((d) => d.scanning)) return;
      for (const d of lists.datasets()) while (timeLeft() > 1 && !d.warmSearchText(WARM_STEP_ROWS));
      warmSoon();
    });
  };

  const continueScans = (): void => {
    if (!lists.datasets().some((d) => d.scanning)) {
      warmSoon();
      return;
    }
    if (scheduled) return;
    scheduled = true;
    schedule(() => {
      scheduled = false;
      slice(sliceMs);
      bump();
      continueScans();
    });
  };

  const scanNow = (extra: Partial<PanelState> = {}): void => {
    slice(firstSliceMs);
    bump(extra);
    continueScans();
  };

  return {
    bump,
    scanNow,
    continueScans,
    applySpec(patch) {
      const state = get();
      const filterText = patch.filterText ?? state.filterText;
      const chips = patch.chips ?? state.chips;
      const spec = specOf(filterText, chips, patch.showAll ?? state.settings.showAll);
      for (const d of lists.datasets()) d.setSpec(spec);
      keystrokeSlice();
      bump({ filterText, chips, filterProblems: spec.query.problems });
      continueScans();
    },
  };
}

export function createScanSlice(
  ctx: Pick<StoreContext, 'lists' | 'scans' | 'audits'>,
): StateCreator<PanelState, [], [], ScanSlice> {
  const { lists, scans, audits } = ctx;
  return (_set, get) => ({
    filterText: '',
    filterProblems: [],
    chips: [],
    revision: 0,
    shown: 0,
    failures: 0,
    total: 0,
    scanning: false,

    setFilterText(filterText) {
      if (filterText === get().filterText) return;
      scans.applySpec({ filterText });
    },

    toggleChip(chip) {
      const chips = get().chips;
      scans.applySpec({ chips: chips.includes(chip) ? chips.filter((c) => c !== chip) : [...chips, chip] });
    },

    contractChanged() {
      for (const d of lists.datasets()) d.refilter();
      scans.scanNow();
    },

    flush() {
      for (const d of lists.datasets()) d.finishScan();
      audits.refreshAll();
      scans.bump();
      audits.publish();
    },
  });
}
