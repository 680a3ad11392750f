// Packed list rows kept between panel opens (issue 18). Building 100,000 list rows and packing them
// was most of the time a panel took to open on a large store; rows of records that did not change
// since the last open (or since the worker read them back) are packed already.
//
// The cache holds runs: consecutive records of a tab's list, packed together (a run is one port
// message). A run is kept only while none of its records changed: every upsert or removal the
// store reports drops the run that holds that record, and clearing or closing the tab drops them
// all. A run is reused only where the list still holds exactly its records, in its order.
import { toListRecord } from '../protocol/list-record';
import type { CaptureRecord } from '../protocol/messages';
import { packRecords, type PackedRecords } from '../protocol/packed-records';

interface PackedRun {
  ids: string[];
  packed: PackedRecords;
}

interface TabRuns {
  /** Runs by the id of their first record. */
  byFirst: Map<string, PackedRun>;
  /** The run holding each packed record. */
  byId: Map<string, PackedRun>;
}

export interface PackedRowStats {
  /** Rows sent from a kept run, and rows packed (on open or while warming). */
  reusedRows: number;
  packedRows: number;
  /** Runs dropped because a record of theirs changed, was removed or the tab was cleared. */
  droppedRuns: number;
}

export class PackedRowCache {
  private readonly tabs = new Map<number, TabRuns>();
  readonly stats: PackedRowStats = { reusedRows: 0, packedRows: 0, droppedRuns: 0 };

  /** A record was added, changed or removed: the run holding it is out of date. */
  changed(tabId: number, id: string): void {
    const tab = this.tabs.get(tabId);
    const run = tab?.byId.get(id);
    if (tab && run) this.drop(tab, run);
  }

  /** The tab was cleared or closed. */
  forget(tabId: number): void {
    const tab = this.tabs.get(tabId);
    if (!tab) return;
    this.stats.droppedRuns += tab.byFirst.size;
    this.tabs.delete(tabId);
  }

  /**
   * The list rows of `records` from `from`, packed: a kept run that starts there, holds exactly the
   * next records and is `max` rows long (or ends the list); else a new run of up to `max` rows,
   * which stops where a kept run starts. Returns the pack and where the next run starts. A kept run
   * counts as reused unless `warming` (packing ahead of an open walks over the kept runs).
   */
  take(
    tabId: number,
    records: readonly CaptureRecord[],
    from: number,
    max: number,
    warming = false,
  ): { packed: PackedRecords; end: number } {
    let tab = this.tabs.get(tabId);
    if (!tab) this.tabs.set(tabId, (tab = { byFirst: new Map(), byId: new Map() }));
    const kept = tab.byFirst.get(records[from].id);
    if (kept && this.fits(tab, kept, records, from, max)) {
      if (!warming) this.stats.reusedRows += kept.ids.length;
      return { packed: kept.packed, end: from + kept.ids.length };
    }
    const limit = Math.min(records.length, from + Math.max(1, max));
    let end = from + 1;
    while (end < limit && !tab.byFirst.has(records[end].id)) end++;
    const slice = records.slice(from, end);
    for (const record of slice) {
      const old = tab.byId.get(record.id);
      if (old) this.drop(tab, old);
    }
    const run: PackedRun = { ids: slice.map((r) => r.id), packed: packRecords(slice.map(toListRecord)) };
    tab.byFirst.set(run.ids[0], run);
    for (const id of run.ids) tab.byId.set(id, run);
    this.stats.packedRows += run.ids.length;
    return { packed: run.packed, end };
  }

  private fits(tab: TabRuns, run: PackedRun, records: readonly CaptureRecord[], from: number, max: number): boolean {
    const n = run.ids.length;
    if (n > max || from + n > records.length) return false;
    // A short run is kept while it ends the list or a kept run follows it; once other records
    // follow, it is packed again with them, so the tail does not split into many small messages.
    const next = records[from + n];
    if (n < max && next !== undefined && !tab.byFirst.has(next.id)) return false;
    for (let i = 0; i < n; i++) if (records[from + i].id !== run.ids[i]) return false;
    return true;
  }

  private drop(tab: TabRuns, run: PackedRun): void {
    if (tab.byFirst.get(run.ids[0]) === run) tab.byFirst.delete(run.ids[0]);
    for (const id of run.ids) if (tab.byId.get(id) === run) tab.byId.delete(id);
    this.stats.droppedRuns++;
  }
}
