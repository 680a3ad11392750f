// Mirrors the per-tab stores into IndexedDB (src/platform/capture-db.ts) so a stopped worker
// (Chrome) or a suspended event page (Firefox) comes back with everything it had.
//
// - One row per record and one per body, keyed [tabId, seq]: a change writes that record, never
//   its neighbours, so the cost of a commit grows with what changed, not with what is held.
// - Changes are queued (coalesced per record: the queue holds a reference to the live record and
//   clones it at commit) and committed in one transaction after a short delay, one commit at a time.
// - The queue is bounded. A change to a record not yet queued that finds it full is not written and
//   counted (queueDropped); if the worker stops before that record is written, the restart counts it
//   in droppedRecords (below), so it is never lost silently.
// - Every commit writes the meta (the tab's counters) of each tab it touches in the same
//   transaction as its records. On start, a tab's held requests are reconciled against its counts:
//   seen - droppedRecords requests should be there; any missing are added to droppedRecords.
// - A backlog is split into several transactions. Deletes go in the first; the meta written with
//   each counts in `seen` only the requests whose rows exist once it commits, so a worker stopped
//   between them leaves counts that match the rows. Requests not written yet are then like those
//   made after the last commit: the devtools page re-sends its recent entries after a reconnect and
//   they are re-created once, not also counted as dropped.
// - Session semantics: a closed tab's rows are deleted with it; data from an earlier browser
//   session (no marker in storage.session) is wiped on start.
import {
  batchSize,
  emptyBatch,
  type CaptureDb,
  type RowKey,
  type StoredBodies,
  type WriteBatch,
} from '../platform/capture-db';
import type { SessionMarker } from '../platform/storage';
import { assertNever } from '../core/assert-never';
import type { StoredRecord, StoreEvent, TabMeta } from './tab-store';

export interface PersistOptions {
  /** A change is committed at most this long after it was made (changes meanwhile join the commit). */
  delayMs: number;
  /** Records waiting to be written; changes to further records are not written and are counted. */
  maxQueuedRecords: number;
  /** After a failed commit, wait this long before trying again. */
  retryMs: number;
  /** One transaction takes at most this many records and body characters; the rest go in the next, at once. */
  maxBatchRecords: number;
  maxBatchBodyChars: number;
}

export const DEFAULT_PERSIST_OPTIONS: PersistOptions = {
  // A request changes 3-5 times within about 100 ms (start, headers, response, end, the DevTools
  // entry): one commit per quarter second writes it about once. At 10 ms, with commits back to back,
  // IndexedDB puts were the worker's largest cost in a burst (capture bench, docs/capture.md).
  delayMs: 250,
  maxQueuedRecords: 5_000,
  retryMs: 1_000,
  maxBatchRecords: 250,
  // 4 M characters of bodies made single commits of 6–21 s in the soak bench on a loaded machine.
  maxBatchBodyChars: 1024 * 1024,
};

export interface PersistedTab {
  meta: TabMeta;
  records: StoredRecord[];
  /** Loading changed what was stored (drops were counted); the changes are queued for writing. */
  changed: boolean;
}

/** How persistence is doing, for the debug API and the soak bench. */
export interface PersistStats {
  commits: number;
  /** Longest single commit (transaction) in ms. */
  maxCommitMs: number;
  /** Longest time a change waited before it was committed, in ms (queueing + commit). */
  maxLagMs: number;
  recordsWritten: number;
  bodiesWritten: number;
  /** Characters of body text written (UTF-16 code units; IndexedDB may store them compressed). */
  bodyCharsWritten: number;
  /** Record changes refused because the queue was full. */
  queueDropped: number;
  /** Records whose latest change was refused and is not written yet: a worker stop now counts them in droppedRecords. */
  unwritten: number;
  /** Most records ever waiting at once. */
  maxQueued: number;
  /** Records waiting now. */
  queued: number;
  errors: number;
  /** Rows of an earlier browser session deleted when this one started (0 when there were none). */
  previousSessionTabs: number;
  previousSessionRecords: number;
  previousSessionBodies: number;
}

/** Read access to the live stores. */
export interface StoreSource {
  records(tabId: number): StoredRecord[] | undefined;
  meta(tabId: number): TabMeta | undefined;
}

export interface Timers {
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

const rowId = (tabId: number, seq: number): string => `${tabId}:${seq}`;

function holdsBody(record: StoredRecord): boolean {
  return (
    record.kind === 'request' &&
    ((record.exchange.body !== undefined && record.exchange.body !== '') || record.exchange.requestBody !== undefined)
  );
}

/** The record without its bodies (they have their own row). */
function stripBodies(record: StoredRecord): StoredRecord {
  if (record.kind !== 'request' || !holdsBody(record)) return record;
  const exchange = { ...record.exchange };
  delete exchange.body;
  delete exchange.requestBody;
  return { ...record, exchange };
}

function bodiesLength(record: StoredRecord): number {
  return record.kind === 'request'
    ? (record.exchange.body?.length ?? 0) + (record.exchange.requestBody?.length ?? 0)
    : 0;
}

function bodiesOf(record: StoredRecord): StoredBodies {
  const out: StoredBodies = {};
  if (record.kind !== 'request') return out;
  if (record.exchange.body !== undefined) out.body = record.exchange.body;
  if (record.exchange.requestBody !== undefined) out.requestBody = record.exchange.requestBody;
  return out;
}

interface Pending {
  tabId: number;
  seq: number;
  /** The live record to write, or null to delete its rows. */
  record: StoredRecord | null;
}

export class CapturePersister {
  /** Record rows to write or delete, by "tabId:seq". */
  private pending = new Map<string, Pending>();
  private dirtyMetas = new Set<number>();
  private removedTabs = new Set<number>();
  /** Rows whose body row exists. */
  private readonly bodyRows = new Set<string>();
  /** Rows whose record row exists. */
  private readonly recordRows = new Set<string>();
  private timer: unknown = null;
  private firstQueuedAt: number | null = null;
  private committing: Promise<void> | null = null;
  private lastCommitFailed = false;
  /** Rows whose latest change the full queue refused. */
  private readonly refused = new Set<string>();
  private readonly counters: Omit<PersistStats, 'queued' | 'errors' | 'unwritten'> = {
    commits: 0,
    maxCommitMs: 0,
    maxLagMs: 0,
    recordsWritten: 0,
    bodiesWritten: 0,
    bodyCharsWritten: 0,
    queueDropped: 0,
    maxQueued: 0,
    previousSessionTabs: 0,
    previousSessionRecords: 0,
    previousSessionBodies: 0,
  };
  errors = 0;

  constructor(
    private readonly db: CaptureDb,
    private readonly marker: SessionMarker | null,
    private readonly source: StoreSource,
    private readonly options: PersistOptions = DEFAULT_PERSIST_OPTIONS,
    private readonly timers: Timers = realTimers,
    private readonly now: () => number = Date.now,
  ) {}

  /** True when everything known has been written. */
  get idle(): boolean {
    return this.timer === null && this.committing === null && !this.hasWork();
  }

  stats(): PersistStats {
    return { ...this.counters, queued: this.pending.size, unwritten: this.refused.size, errors: this.errors };
  }

  /**
   * Reads every persisted tab (after wiping an earlier browser session's data). A tab's requests
   * missing against its counts are added to its droppedRecords; bodies missing for records that had
   * one are counted as dropped bodies.
   */
  async load(): Promise<Map<number, PersistedTab>> {
    if (this.marker && !(await this.marker.present())) {
      const cleared = await this.db.clearAll();
      this.counters.previousSessionTabs = cleared.tabs;
      this.counters.previousSessionRecords = cleared.records;
      this.counters.previousSessionBodies = cleared.bodies;
      await this.marker.set();
      return new Map();
    }
    const rows = await this.db.loadAll();
    const bodies = new Map<string, StoredBodies>();
    for (const { key, value } of rows.bodies) {
      bodies.set(rowId(key[0], key[1]), value);
      this.bodyRows.add(rowId(key[0], key[1]));
    }
    const byTab = new Map<number, StoredRecord[]>();
    for (const { key, value } of rows.records) {
      this.recordRows.add(rowId(key[0], key[1]));
      const list = byTab.get(key[0]) ?? [];
      list.push(value as StoredRecord);
      byTab.set(key[0], list);
    }
    const out = new Map<number, PersistedTab>();
    for (const { tabId, value } of rows.metas) {
      const meta = value as TabMeta;
      const records = byTab.get(tabId) ?? [];
      byTab.delete(tabId);
      const stats = { ...meta.stats };
      let requests = 0;
      let changed = false;
      for (const record of records) {
        if (record.kind !== 'request') continue;
        requests++;
        const body = bodies.get(rowId(tabId, record.seq));
        if (body) {
          if (body.body !== undefined) record.exchange.body = body.body;
          if (body.requestBody !== undefined) record.exchange.requestBody = body.requestBody;
        } else if (
          record.bodyState === 'captured' ||
          record.bodyState === 'truncated' ||
          record.bodyState === 'binary'
        ) {
          // Written in one transaction with its record, so this is a store damaged outside our control.
          record.bodyState = 'dropped';
          stats.droppedBodies++;
          this.queue(tabId, record.seq, record);
          changed = true;
        } else if (record.bodyState === 'empty') {
          record.exchange.body = '';
        }
      }
      const expected = stats.seen - stats.droppedRecords;
      if (requests < expected) {
        // Seen and counted, but never written (the queue was full when the worker stopped).
        stats.droppedRecords += expected - requests;
        changed = true;
      }
      if (changed) this.dirtyMetas.add(tabId);
      out.set(tabId, { meta: { ...meta, stats }, records, changed });
    }
    // Rows without a meta belong to no tab we know: remove them.
    for (const tabId of byTab.keys()) this.removedTabs.add(tabId);
    if (this.hasWork()) this.schedule();
    return out;
  }

  /** Queues what a store change touched. */
  onEvent(event: StoreEvent): void {
    const { tabId } = event;
    switch (event.type) {
      case 'upsert':
        this.queue(tabId, event.record.seq, event.record);
        break;
      case 'remove':
        this.queue(tabId, event.record.seq, null);
        break;
      case 'clear':
        for (const record of event.removed) this.queue(tabId, record.seq, null);
        break;
      case 'meta':
        break; // only the meta below is dirty
      default:
        assertNever(event, 'store event');
    }
    this.dirtyMetas.add(tabId);
    this.schedule();
  }

  /** The tab closed: everything it stored goes. */
  dropTab(tabId: number): void {
    for (const [id, entry] of this.pending) if (entry.tabId === tabId) this.pending.delete(id);
    for (const id of this.refused) if (id.startsWith(`${tabId}:`)) this.refused.delete(id);
    for (const id of this.recordRows) if (id.startsWith(`${tabId}:`)) this.recordRows.delete(id);
    this.dirtyMetas.delete(tabId);
    this.removedTabs.add(tabId);
    this.schedule();
  }

  /** Writes everything queued now (before the worker is suspended, and for the debug API). */
  async flush(): Promise<void> {
    if (this.timer !== null) {
      this.timers.clearTimer(this.timer);
      this.timer = null;
    }
    while (this.committing) await this.committing;
    // The commit that just ended may have scheduled the rest: this takes it now.
    if (this.timer !== null) {
      this.timers.clearTimer(this.timer);
      this.timer = null;
    }
    // Everything queued now, in as many batches as it takes (not what keeps arriving meanwhile).
    for (
      let batches = Math.ceil(this.pending.size / this.options.maxBatchRecords) + 1;
      batches > 0 && this.hasWork();
      batches--
    ) {
      if (this.timer !== null) {
        this.timers.clearTimer(this.timer);
        this.timer = null;
      }
      await this.commitQueued();
    }
  }

  /** Requests still queued whose row was never written, by tab: not yet counted in the meta written now. */
  private unwrittenRequestsByTab(): Map<number, number> {
    const out = new Map<number, number>();
    for (const [id, { tabId, record }] of this.pending) {
      if (record?.kind === 'request' && !this.recordRows.has(id)) out.set(tabId, (out.get(tabId) ?? 0) + 1);
    }
    return out;
  }

  private hasWork(): boolean {
    return this.pending.size > 0 || this.dirtyMetas.size > 0 || this.removedTabs.size > 0;
  }

  private queue(tabId: number, seq: number, record: StoredRecord | null): void {
    const id = rowId(tabId, seq);
    const entry = this.pending.get(id);
    if (entry) {
      entry.record = record;
      return;
    }
    if (record !== null && this.pending.size >= this.options.maxQueuedRecords) {
      this.counters.queueDropped++;
      this.refused.add(id);
      return;
    }
    this.refused.delete(id);
    // Deletes always queue: they are bounded by the evictions, which are bounded by the inserts.
    this.pending.set(id, { tabId, seq, record });
    this.firstQueuedAt ??= this.now();
    if (this.pending.size > this.counters.maxQueued) this.counters.maxQueued = this.pending.size;
  }

  private schedule(): void {
    if (this.timer !== null || this.committing !== null) return;
    this.startTimer(this.options.delayMs);
  }

  private startTimer(ms: number): void {
    this.timer = this.timers.setTimer(() => {
      this.timer = null;
      // A commit under way schedules what is left when it ends: commits never overlap.
      if (this.committing === null) void this.commitQueued();
    }, ms);
  }

  /** Takes everything queued and commits it in one transaction; then schedules what came meanwhile. */
  private async commitQueued(): Promise<void> {
    // The oldest changes first, at most one batch's worth: a long transaction would stall the rest.
    const taken = new Map<string, Pending>();
    let takenChars = 0;
    // Every delete first (cheap key ranges): an eviction counted in droppedRecords must not leave its
    // row behind in a later transaction, or a stop in between would count it twice.
    for (const [id, entry] of this.pending) if (entry.record === null) taken.set(id, entry);
    const deletes = taken.size;
    for (const [id, entry] of this.pending) {
      if (entry.record === null) continue;
      if (
        taken.size - deletes >= this.options.maxBatchRecords ||
        (taken.size > deletes && takenChars >= this.options.maxBatchBodyChars)
      )
        break;
      taken.set(id, entry);
      if (entry.record && !this.bodyRows.has(id)) takenChars += bodiesLength(entry.record);
    }
    for (const id of taken.keys()) this.pending.delete(id);
    // The counts of every touched tab go with it: records still queued are counted as dropped if the worker stops.
    const metas = this.dirtyMetas;
    for (const entry of taken.values()) metas.add(entry.tabId);
    const removed = this.removedTabs;
    const queuedAt = this.firstQueuedAt ?? this.now();
    this.dirtyMetas = new Set();
    this.removedTabs = new Set();
    this.firstQueuedAt = this.pending.size ? queuedAt : null;

    const batch: WriteBatch = emptyBatch();
    const bodyRowsAdded: string[] = [];
    const bodyRowsRemoved: string[] = [];
    let bodyChars = 0;
    batch.deleteTabs = [...removed];
    for (const [id, { tabId, seq, record }] of taken) {
      const key: RowKey = [tabId, seq];
      if (record === null) {
        // The body key goes too, held or not: the deletes then form the same key ranges in both stores.
        batch.deleteRecords.push(key);
        batch.deleteBodies.push(key);
        if (this.bodyRows.has(id)) bodyRowsRemoved.push(id);
        continue;
      }
      batch.putRecords.push({ key, value: stripBodies(record) });
      if (holdsBody(record)) {
        if (!this.bodyRows.has(id)) {
          const value = bodiesOf(record);
          batch.putBodies.push({ key, value });
          bodyRowsAdded.push(id);
          bodyChars += (value.body?.length ?? 0) + (value.requestBody?.length ?? 0);
        }
      } else if (this.bodyRows.has(id)) {
        batch.deleteBodies.push(key);
        bodyRowsRemoved.push(id);
      }
    }
    const unwritten = this.unwrittenRequestsByTab();
    for (const tabId of metas) {
      const meta = this.source.meta(tabId);
      if (!meta) continue;
      const notYet = unwritten.get(tabId) ?? 0;
      const value = notYet === 0 ? meta : { ...meta, stats: { ...meta.stats, seen: meta.stats.seen - notYet } };
      batch.putMetas.push({ tabId, value });
    }

    const started = this.now();
    const commit = batchSize(batch) === 0 ? Promise.resolve() : this.db.commit(batch);
    this.committing = commit.then(
      () => {
        const done = this.now();
        this.lastCommitFailed = false;
        this.counters.commits++;
        this.counters.maxCommitMs = Math.max(this.counters.maxCommitMs, done - started);
        this.counters.maxLagMs = Math.max(this.counters.maxLagMs, done - queuedAt);
        this.counters.recordsWritten += batch.putRecords.length;
        this.counters.bodiesWritten += batch.putBodies.length;
        this.counters.bodyCharsWritten += bodyChars;
        for (const { key } of batch.putRecords) this.recordRows.add(rowId(key[0], key[1]));
        for (const key of batch.deleteRecords) this.recordRows.delete(rowId(key[0], key[1]));
        for (const id of bodyRowsAdded) this.bodyRows.add(id);
        for (const id of bodyRowsRemoved) this.bodyRows.delete(id);
        for (const tabId of removed)
          for (const rows of [this.bodyRows, this.recordRows])
            for (const id of [...rows]) if (id.startsWith(`${tabId}:`)) rows.delete(id);
      },
      () => {
        // Nothing of the batch was written: queue it again, under anything newer.
        this.errors++;
        this.lastCommitFailed = true;
        for (const [id, entry] of taken) if (!this.pending.has(id)) this.pending.set(id, entry);
        for (const tabId of metas) this.dirtyMetas.add(tabId);
        for (const tabId of removed) this.removedTabs.add(tabId);
        this.firstQueuedAt ??= queuedAt;
      },
    );
    try {
      await this.committing;
    } finally {
      this.committing = null;
    }
    if (this.hasWork() && this.timer === null)
      this.startTimer(
        this.lastCommitFailed
          ? this.options.retryMs
          : // A backlog goes at once; a trickle waits, so a request's several changes make one write.
            this.pending.size >= this.options.maxBatchRecords
            ? 0
            : this.options.delayMs,
      );
  }
}
