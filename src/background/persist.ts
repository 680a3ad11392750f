// Mirrors the per-tab stores into IndexedDB (src/platform/capture-db.ts) so a stopped worker
// (Chrome) or a suspended event page (Firefox) comes back with everything it had.
//
// - One row per record and one per body, keyed [tabId, seq]: a change writes that record, never
//   its neighbours, so the cost of a commit grows with what changed, not with what is held.
// - A request still in flight has no record row: its tab carries a copy of it in the meta store
//   (key [tabId, seq]), written when it changes and deleted in the transaction that writes its record
//   row. Its row is written once it is complete (first in line; the carried copy stays until then),
//   so a request costs one row write, not one per event (start, headers, response, completion), and a
//   stop finds it in a row or in its carried copy. (The copies once lived inside the tab's meta row,
//   which every commit rewrites: 1.6 copies a request in the soak.)
// - Changes are queued (coalesced per record: the queue holds a reference to the live record and
//   clones it at commit) and committed in one transaction after a short delay, one commit at a time.
// - The queue is bounded. A change to a record not yet queued that finds it full is not written and
//   counted (queueDropped); if the worker stops before that record is written, the restart counts it
//   in droppedRecords (below), so it is never lost silently. The meta names such requests (`refused`),
//   and the restart keeps them (TabMeta.lostRequests) so that a re-sent entry or an adopted response
//   of one is taken back from the count rather than counted twice.
// - Every commit writes the meta (the tab's counters) of each tab it touches in the same
//   transaction as its records. On start, a tab's held requests are reconciled against its counts:
//   seen - droppedRecords requests should be there; any missing are added to droppedRecords.
// - Bodies go in a lane of their own, newest first: a record's row is written with its change (oldest
//   first), its body row when the transaction has room, the newest bodies first. The per-tab body
//   budget drops the oldest bodies, so in a burst a body that waits is one the budget would drop next;
//   dropped before its turn, it is never written (the store counted the drop). Until store13 every body
//   went with its row and 562 M body characters were written in the soak's burst for 20 MiB held.
// - A backlog is split into several transactions. Deletes go in the first; a request a transaction
//   leaves queued without a row is treated like a refused one (counted in the meta's `seen`, named in
//   `refused`, counted in queueTooSlow) while it stays queued, so a stop then counts it as dropped and
//   its re-sent entry or adopted response takes it back. (maxUnwrittenAgeMs > 0 leaves the younger ones
//   out of `seen` for the devtools page's re-send to re-create: that lost requests uncounted, see the
//   option's default.)
// - Where the page has a synchronous journal (Firefox's event page: localStorage), every request is
//   journaled when first seen until a committed meta counts it: a page that unloads between two
//   commits (or during one) leaves it there, and the restart counts it as dropped and names it, so its
//   response adopted by the new page takes it back. Without it, a request whose every event reached the
//   old page after the last committed meta was neither held nor counted (Firefox with the toolbox
//   closed re-sends nothing).
// - Session semantics: a closed tab's rows are deleted with it; data from an earlier browser
//   session (no marker in storage.session) is wiped on start.
import {
  batchSize,
  emptyBatch,
  keyRuns,
  type CaptureDb,
  type CommitPhases,
  type PagedRead,
  type RowKey,
  type StoredBodies,
  type WriteBatch,
} from '../platform/capture-db';
import type { SessionMarker } from '../platform/storage';
import type { SyncJournal } from '../platform/sync-journal';
import { assertNever } from '../core/assert-never';
import {
  emptyStats,
  lostRequestOf,
  type LostRequest,
  type StoredRecord,
  type StoreEvent,
  type TabMeta,
} from './tab-store';

/** A commit whose oldest change waited longer than this is logged (PersistStats.lagLog). */
export const LAG_LOG_MS = 600;

/**
 * Entries the lag log keeps (the newest). The soak bench sets each against its own forced GCs, so it
 * must hold a whole run's: a loaded run logged the 100 it kept before by t = 92 s of 150.
 */
export const LAG_LOG_ENTRIES = 2_000;

/** Commits the persister's trace keeps (the newest): a 150 s soak makes about 4 a second. */
export const COMMIT_TRACE_ENTRIES = 3_000;

/**
 * One commit, as the soak bench sets it against its forced GCs: when it started (epoch ms) and how
 * long it took, how late the timer that started it ran, how long its oldest change had waited when it
 * started, the queue then, and what it wrote.
 */
export interface CommitTraceEntry {
  at: number;
  ms: number;
  /** How late the timer that started this commit fired (ms; 0 for a commit started otherwise, as a flush). */
  timerLateMs: number;
  /** How long the oldest change it took had waited when it started (ms). */
  waitedMs: number;
  /** Records waiting when it started, and bodies waiting for their row. */
  queued: number;
  bodiesQueued: number;
  records: number;
  bodies: number;
  metas: number;
  phases?: CommitPhases;
}

export interface PersistOptions {
  /** A change is committed at most this long after it was made (changes meanwhile join the commit). */
  delayMs: number;
  /** Records waiting to be written; changes to further records are not written and are counted. */
  maxQueuedRecords: number;
  /** After a failed commit, wait this long before trying again. */
  retryMs: number;
  /**
   * One transaction takes at most this many record rows and this many bytes (record rows at
   * RECORD_ROW_BYTES each plus their body characters; a single record larger than that goes alone);
   * the rest go in the next, at once.
   */
  maxBatchRecords: number;
  maxBatchBytes: number;
  /**
   * A commit slower than this halves the batch bounds (down to minBatchRecords / minBatchBytes);
   * a full batch much faster than it lets them grow back: a loaded IndexedDB backend gets smaller transactions.
   */
  targetCommitMs: number;
  minBatchRecords: number;
  minBatchBytes: number;
  /** In-flight requests a tab's meta row carries; beyond this they get rows of their own (the old way). */
  maxInFlightInMeta: number;
  /**
   * A queued request without a row, waiting longer than this, is counted in its meta's `seen` and
   * named in `refused` like a refused one (it stays queued): its DevTools entry may no longer be re-sent.
   */
  maxUnwrittenAgeMs: number;
  /**
   * A body's write should commit within this of the change that queued its record (the soak's budget
   * for one storage operation, queueing included). A waiting body that the transaction being built
   * leaves out, and that the next one could not commit in time (its wait so far plus two commits of the
   * last one's length), is dropped from the store (counted in droppedBodies, as the per-tab budget's
   * drops are) rather than written late: the write queue for bodies is bounded, its overflow counted.
   */
  bodyWriteBudgetMs: number;
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
  // Record rows count too: 250 bodiless rows are ~0.4 MB the bound on characters alone let through.
  maxBatchBytes: 1024 * 1024,
  // The budget is 1 s per storage operation; a quarter leaves room for a slower next one.
  targetCommitMs: 250,
  minBatchRecords: 32,
  minBatchBytes: 64 * 1024,
  // In flight at once is bounded by the browser's connections (a few dozen); a larger set is a page
  // of long polls, whose rows are cheaper than rewriting them all in every meta (in the soak, 256
  // carried made a ~300 KB meta row per commit).
  maxInFlightInMeta: 64,
  // 0: every queued request without a row is counted and named in the meta committed meanwhile, at
  // once. Leaving the younger ones to the devtools page's re-send lost requests uncounted: a re-sent
  // entry is merged into a held request of the same URL whose own merge was not written and whose entry
  // left the re-send window (store11's soak: 3 lost after a stop), and Firefox with the toolbox closed
  // re-sends nothing. Store10's RESEND_WINDOW_MS - 10 s still lost them that way; store8's soak before
  // it (changes waited 94-102 s): 1,852-1,934 lost. A re-sent entry takes a named one back (lostRequests).
  maxUnwrittenAgeMs: 0,
  // The budget of one storage operation (issue 19). Main's soak near idle before this bound: bodies
  // written up to 14.4 s after their change, behind a burst whose bodies arrived faster than the store
  // wrote them (docs/storage.md, store15).
  bodyWriteBudgetMs: 1_000,
};

/** The meta row as stored: the tab's meta (and the names of refused requests). */
export interface StoredMeta extends TabMeta {
  /** In-flight requests as an older version carried them, inside the meta row; read on load, no longer written. */
  inFlight?: StoredRecord[];
  /**
   * The requests whose latest change the full queue refused and that have no row and no carried copy:
   * counted in `seen`, so a restart counts them as dropped, and keeps these to take them back when they come again.
   */
  refused?: LostRequest[];
}

/**
 * What one record row (bodies stripped) counts for in a transaction's byte bound: V8 serializes a
 * typical record in 1.3-1.8 KB (docs/storage.md, "Size on disk"). An estimate, not a measurement of
 * each row: serializing a record to weigh it would cost what the bound saves.
 */
export const RECORD_ROW_BYTES = 2 * 1024;

/** Lost requests a tab keeps (TabMeta.lostRequests): as many as the devtools page re-sends at most. */
export const MAX_LOST_REQUESTS = 5_000;

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
  /** What the longest commit wrote: record rows, body rows (and their characters), requests carried in its metas, key ranges deleted. */
  maxCommitRows: { records: number; bodies: number; bodyChars: number; carried: number; deletes: number };
  /** Commits slower than 1 s (the budget of one storage operation). */
  slowCommits: number;
  /**
   * The last 100 of them: when each started (epoch ms), how long it took, the record and body rows it
   * wrote, and where its time went (waiting to start, its requests, the backend's commit) when measured.
   */
  slowCommitLog: Array<{ at: number; ms: number; records: number; bodies: number; phases?: CommitPhases }>;
  /** Where the commits' time went, summed over all of them (ms), and the longest of each phase. */
  commitPhasesTotal: CommitPhases;
  commitPhasesMax: CommitPhases;
  /** Copies of carried requests written (each when it changed while carried). */
  carriedWritten: number;
  /**
   * Commit times by the record rows written (up to 16, 64, 250, more): how many, their total and
   * longest ms. Whether a commit's time grows with its size says whether smaller transactions help.
   */
  commitsBySize: Array<{ records: string; count: number; totalMs: number; maxMs: number }>;
  /** Longest time a change waited before it was committed, in ms (queueing + commit). */
  maxLagMs: number;
  /**
   * The last LAG_LOG_ENTRIES commits whose oldest change (or body) waited over LAG_LOG_MS: when the commit ended
   * (epoch ms), the waits, and the commit's own length, so a long wait can be placed against what else
   * ran then (a stalled event loop, a forced GC) rather than guessed.
   */
  lagLog: Array<{ at: number; lagMs: number; bodyLagMs: number; commitMs: number; records: number; bodies: number }>;
  recordsWritten: number;
  bodiesWritten: number;
  /** Characters of body text written (UTF-16 code units; IndexedDB may store them compressed). */
  bodyCharsWritten: number;
  /**
   * Bodies that waited for their row and were dropped by the per-tab body budget (or went with their
   * record) first: never written. The store counted each drop (droppedBodies); this counts the writes saved.
   */
  bodiesNeverWritten: number;
  /**
   * Bodies dropped from the store because the write lane could not commit them within
   * bodyWriteBudgetMs (PersistOptions): counted in the tab's droppedBodies, never written.
   */
  bodiesDroppedLate: number;
  /** Longest a body waited for its row, in ms (from the change that queued its record). */
  maxBodyLagMs: number;
  /** Bodies waiting for their row now (their records' rows are written): a worker stop now counts them in droppedBodies. */
  bodiesWaiting: number;
  /** Record changes refused because the queue was full. */
  queueDropped: number;
  /** Records whose latest change was refused and is not written yet: a worker stop now counts them in droppedRecords. */
  unwritten: number;
  /**
   * Requests whose row waited in the queue longer than maxUnwrittenAgeMs ("write queue too slow"):
   * from then on counted and named like refused ones, so a stop before their row is written counts them as dropped.
   */
  queueTooSlow: number;
  /** Such requests still queued now: a worker stop now counts them in droppedRecords. */
  tooSlowUnwritten: number;
  /** Most records ever waiting at once. */
  maxQueued: number;
  /** Requests journaled (synchronously, until a committed meta counts them); 0 where there is no journal. */
  journaled: number;
  /** Journal writes that failed (storage full or disabled): such a request is lost uncounted if the page unloads before its meta commits. */
  journalErrors: number;
  /** Requests this start found only in the journal (seen after the last committed meta): counted as dropped and named. */
  journalRecovered: number;
  /** Records waiting now. */
  queued: number;
  errors: number;
  /** The current bounds of one transaction (they adapt to the commit time, see PersistOptions.targetCommitMs). */
  batchRecordsLimit: number;
  batchBytesLimit: number;
  /** Requests carried in meta rows now (in flight, or complete and waiting for their row). */
  inFlight: number;
  /** This worker's start read of the stored rows (LoadedRows.read): rows, pages, the slowest page and the whole read (ms); null before it or when not measured. */
  load: PagedRead | null;
  /** Rows of an earlier browser session deleted when this one started (0 when there were none). */
  previousSessionTabs: number;
  previousSessionRecords: number;
  previousSessionBodies: number;
}

/** Access to the live stores. */
export interface StoreSource {
  records(tabId: number): StoredRecord[] | undefined;
  meta(tabId: number): TabMeta | undefined;
  /**
   * Drops the record's bodies from its tab (counted in droppedBodies, the record changed to 'dropped'
   * and its change emitted): the write lane could not write them in time. False when the record is no
   * longer held or holds no body.
   */
  dropBody(tabId: number, record: StoredRecord): boolean;
}

export interface Timers {
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

const COMMIT_SIZE_BUCKETS = [16, 64, 250, Infinity];

const rowId = (tabId: number, seq: number): string => `${tabId}:${seq}`;

/** A request webRequest is still reporting on; everything else (navigations, DevTools-only records) is complete. */
function inFlight(record: StoredRecord): boolean {
  return record.kind === 'request' && record.sources.includes('webRequest') && record.webRequestDone !== true;
}

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
  /** When the change that queued it was made (later changes join it): how long it waited is measured from here. */
  queuedAt: number;
}

interface BodyWaiting {
  tabId: number;
  seq: number;
  /** The live record: its bodies at the time of the write are the ones written. */
  record: StoredRecord;
  queuedAt: number;
}

export class CapturePersister {
  /** Record rows to write or delete, by "tabId:seq". */
  private pending = new Map<string, Pending>();
  private dirtyMetas = new Set<number>();
  private removedTabs = new Set<number>();
  /**
   * Rows whose body row exists, with the bodies it holds (the record's own strings, no copy): a body
   * that arrives or changes after the row was written (a DevTools entry that came without its
   * response body, then a HAR backfill or Firefox's copy) is written again.
   */
  private readonly bodyRows = new Map<string, StoredBodies>();
  /** Rows whose record row exists. */
  private readonly recordRows = new Set<string>();
  /**
   * Bodies whose record's row is written (or goes in the transaction being built) and whose body row
   * is not: taken newest first (by seq) within a transaction's bytes. A body the store drops meanwhile
   * leaves without a write.
   */
  private readonly bodiesWaiting = new Map<string, BodyWaiting>();
  /** Requests whose carried copy is stored (meta store, key [tabId, seq]). */
  private readonly carriedRows = new Set<string>();
  /** Carried requests whose copy changed since it was last written (or was never written). */
  private carriedDirty = new Set<string>();
  private timer: unknown = null;
  /** When the timer is due (epoch ms), and how late the one that started the commit being built fired. */
  private timerDue = 0;
  private timerLateMs = 0;
  private readonly trace: CommitTraceEntry[] = [];
  private committing: Promise<void> | null = null;
  private lastCommitFailed = false;
  /** Queued requests without a row that waited longer than maxUnwrittenAgeMs (counted once each in queueTooSlow). */
  private readonly tooSlow = new Set<string>();
  /** Rows whose latest change the full queue refused, with the live record (its identity goes in the meta). */
  private readonly refused = new Map<string, { tabId: number; record: StoredRecord; at: number }>();
  /** Requests whose persisted copy is their tab's meta (in flight, or complete and waiting for their row), by tab and seq. */
  private readonly inFlight = new Map<number, Map<number, StoredRecord>>();
  /** Rows of carried requests that need a row now: all taken by the next transaction. */
  private readonly promoted = new Set<string>();
  /**
   * Written records whose body the store has dropped since (its meta counts the drop): each goes in the
   * next transaction whatever its bounds, with that meta. Left queued, its row on disk still said it held
   * the body, so a stop counted the drop twice (the meta, then the restart for a row without its body
   * row) or gave back a body counted as dropped (a body row written before the drop).
   */
  private readonly droppedBodyRows = new Set<string>();
  private batchRecords: number;
  private batchBytes: number;
  /** How long the last commit took (start to done): what a body left out of a transaction waits for, twice. */
  private lastCommitMs = 0;
  /** A transaction is being built: changes it causes (a body dropped late) go in it, not in a timer of their own. */
  private building = false;
  /** Set by a load that found a new browser session (and so wiped what the disk held). */
  newSession = false;
  /** Requests in the journal, by row id, with their entry's index: seen, not yet counted by a committed meta. */
  private readonly journaled = new Map<string, number>();
  /** Each tab's nextSeq in its last committed (or loaded) meta: requests from there on are not counted by it yet. */
  private readonly committedNextSeq = new Map<number, number>();
  private readonly counters: Omit<
    PersistStats,
    | 'queued'
    | 'errors'
    | 'unwritten'
    | 'tooSlowUnwritten'
    | 'batchRecordsLimit'
    | 'batchBytesLimit'
    | 'inFlight'
    | 'bodiesWaiting'
  > = {
    commits: 0,
    maxCommitMs: 0,
    maxCommitRows: { records: 0, bodies: 0, bodyChars: 0, carried: 0, deletes: 0 },
    slowCommits: 0,
    slowCommitLog: [],
    lagLog: [],
    commitsBySize: COMMIT_SIZE_BUCKETS.map((upTo) => ({
      records: Number.isFinite(upTo) ? `<=${upTo}` : `>${COMMIT_SIZE_BUCKETS.at(-2)}`,
      count: 0,
      totalMs: 0,
      maxMs: 0,
    })),
    commitPhasesTotal: { issueMs: 0, waitMs: 0, requestsMs: 0, finishMs: 0 },
    commitPhasesMax: { issueMs: 0, waitMs: 0, requestsMs: 0, finishMs: 0 },
    carriedWritten: 0,
    maxLagMs: 0,
    recordsWritten: 0,
    bodiesWritten: 0,
    bodyCharsWritten: 0,
    bodiesNeverWritten: 0,
    bodiesDroppedLate: 0,
    maxBodyLagMs: 0,
    queueDropped: 0,
    queueTooSlow: 0,
    maxQueued: 0,
    journaled: 0,
    journalErrors: 0,
    journalRecovered: 0,
    load: null,
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
    /** A synchronous journal (Firefox's event page), or null (Chrome's service worker: none there). */
    private readonly journal: SyncJournal | null = null,
  ) {
    this.batchRecords = options.maxBatchRecords;
    this.batchBytes = options.maxBatchBytes;
  }

  /** Whether the record's row and its body row are committed (the debug API: what a stop now must give back). */
  written(tabId: number, seq: number): { record: boolean; body: boolean } {
    const id = rowId(tabId, seq);
    return { record: this.recordRows.has(id), body: this.bodyRows.has(id) };
  }

  /** The newest commits (COMMIT_TRACE_ENTRIES) that started at or after `since` (epoch ms), oldest first. */
  commitTrace(since = 0): CommitTraceEntry[] {
    return this.trace.filter((c) => c.at >= since);
  }

  /** Records waiting to be written now. */
  get queued(): number {
    return this.pending.size;
  }

  /** True when everything known has been written. */
  get idle(): boolean {
    return this.timer === null && this.committing === null && !this.hasWork();
  }

  stats(): PersistStats {
    let inFlightRecords = 0;
    for (const tab of this.inFlight.values()) inFlightRecords += tab.size;
    return {
      ...this.counters,
      commitsBySize: this.counters.commitsBySize.map((b) => ({ ...b })),
      slowCommitLog: [...this.counters.slowCommitLog],
      lagLog: [...this.counters.lagLog],
      commitPhasesTotal: { ...this.counters.commitPhasesTotal },
      commitPhasesMax: { ...this.counters.commitPhasesMax },
      queued: this.pending.size,
      unwritten: this.refused.size,
      tooSlowUnwritten: this.tooSlow.size,
      errors: this.errors,
      batchRecordsLimit: this.batchRecords,
      batchBytesLimit: this.batchBytes,
      inFlight: inFlightRecords,
      bodiesWaiting: this.bodiesWaiting.size,
    };
  }

  /**
   * Ends a measuring window (the soak bench: the burst, then the run past the cap): returns the stats
   * so far and zeroes the peaks and the commit log, so the next window's longest commit and lag are its own.
   */
  resetPeaks(): PersistStats {
    const stats = this.stats();
    const c = this.counters;
    c.maxCommitMs = 0;
    c.maxCommitRows = { records: 0, bodies: 0, bodyChars: 0, carried: 0, deletes: 0 };
    c.maxLagMs = 0;
    c.maxBodyLagMs = 0;
    c.slowCommits = 0;
    c.slowCommitLog = [];
    c.lagLog = [];
    c.commitPhasesMax = { issueMs: 0, waitMs: 0, requestsMs: 0, finishMs: 0 };
    return stats;
  }

  /**
   * Reads every persisted tab (after wiping an earlier browser session's data). A tab's requests
   * missing against its counts are added to its droppedRecords; bodies missing for records that had
   * one are counted as dropped bodies.
   */
  async load(): Promise<Map<number, PersistedTab>> {
    if (this.marker) {
      const marked = await this.marker.read();
      // Kept in the marker: a later start of the worker in this session reports the same counts.
      const previous = marked?.previousSession ?? (await this.db.clearAll());
      this.counters.previousSessionTabs = previous.tabs;
      this.counters.previousSessionRecords = previous.records;
      this.counters.previousSessionBodies = previous.bodies;
      if (!marked) {
        // The journal outlives the browser (localStorage): what an earlier session left goes with the rest.
        this.journal?.clear();
        this.newSession = true;
        await this.marker.set(previous);
        return new Map();
      }
    }
    const rows = await this.db.loadAll();
    if (rows.read) this.counters.load = { ...rows.read };
    const bodies = new Map<string, StoredBodies>();
    for (const { key, value } of rows.bodies) {
      bodies.set(rowId(key[0], key[1]), value);
      this.bodyRows.set(rowId(key[0], key[1]), value);
    }
    const byTab = new Map<number, StoredRecord[]>();
    for (const { key, value } of rows.records) {
      this.recordRows.add(rowId(key[0], key[1]));
      const list = byTab.get(key[0]) ?? [];
      list.push(value as StoredRecord);
      byTab.set(key[0], list);
    }
    const carriedByTab = new Map<number, StoredRecord[]>();
    for (const { key, value } of rows.carried) {
      this.carriedRows.add(rowId(key[0], key[1]));
      const list = carriedByTab.get(key[0]) ?? [];
      list.push(value as StoredRecord);
      carriedByTab.set(key[0], list);
    }
    const journaledByTab = this.readJournal();
    const out = new Map<number, PersistedTab>();
    for (const { tabId, value } of rows.metas) {
      const { inFlight: inMeta = [], refused = [], ...meta } = value as StoredMeta;
      const rowsOfTab = byTab.get(tabId) ?? [];
      byTab.delete(tabId);
      const carriedRowsOfTab = carriedByTab.get(tabId) ?? [];
      carriedByTab.delete(tabId);
      // Copies inside the meta row (an older version): written as carried rows next, and the meta without them.
      const stored = new Set(carriedRowsOfTab.map((r) => r.seq));
      const legacy = inMeta.filter((r) => !stored.has(r.seq));
      for (const r of legacy) this.carriedDirty.add(rowId(tabId, r.seq));
      if (inMeta.length) this.dirtyMetas.add(tabId);
      const carried = [...carriedRowsOfTab, ...legacy];
      // A carried copy is written whenever the request changes and deleted with its row's write: it is the newest.
      const carriedSeqs = new Set(carried.map((r) => r.seq));
      const records = [...rowsOfTab.filter((r) => !carriedSeqs.has(r.seq)), ...carried];
      if (carried.length) this.inFlight.set(tabId, new Map(carried.map((r) => [r.seq, r])));
      // Complete but carried: its row was not written before the stop; it is first in line now.
      for (const record of carried) {
        if (inFlight(record)) continue;
        this.promoted.add(rowId(tabId, record.seq));
        this.queue(tabId, record.seq, record);
      }
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
        }
        if (
          body?.body === undefined &&
          (record.bodyState === 'captured' || record.bodyState === 'truncated' || record.bodyState === 'binary')
        ) {
          // The record says it holds a response body its rows do not have: a store damaged outside our
          // control, or written by a version that kept a body row's first bodies (a response body that
          // came later was never written). 'dropped' keeps the classification made with the body.
          record.bodyState = 'dropped';
          stats.droppedBodies++;
          this.queue(tabId, record.seq, record);
          changed = true;
        } else if (record.bodyState === 'empty') {
          record.exchange.body = '';
        }
      }
      let lostRequests = meta.lostRequests ?? [];
      // Seen after this meta was committed, gone with the page: counted as dropped, named to be taken back.
      let nextSeq = meta.nextSeq;
      const late = (journaledByTab.get(tabId) ?? []).filter((r) => r.seq >= meta.nextSeq);
      journaledByTab.delete(tabId);
      if (late.length) {
        stats.seen += late.length;
        stats.droppedRecords += late.length;
        lostRequests = [...lostRequests, ...late];
        nextSeq = Math.max(nextSeq, ...late.map((r) => r.seq + 1));
        this.counters.journalRecovered += late.length;
        changed = true;
      }
      this.committedNextSeq.set(tabId, meta.nextSeq);
      const expected = stats.seen - stats.droppedRecords;
      if (requests < expected) {
        // Seen and counted, but never written (the queue was full when the worker stopped).
        stats.droppedRecords += expected - requests;
        // Those the meta names are kept: a re-sent entry or an adopted response takes them back from the count.
        const held = new Set(records.map((r) => r.seq));
        const named = refused.filter((r) => !held.has(r.seq)).slice(-(expected - requests));
        lostRequests = [...lostRequests, ...named];
        changed = true;
      }
      // Beyond the cap the oldest are forgotten: still counted as dropped, no longer taken back.
      const kept = lostRequests.slice(-MAX_LOST_REQUESTS);
      if (kept.length !== (meta.lostRequests?.length ?? 0)) changed = true;
      if (changed) this.dirtyMetas.add(tabId);
      const loaded: TabMeta = { ...meta, nextSeq, stats };
      if (kept.length) loaded.lostRequests = kept;
      else delete loaded.lostRequests;
      out.set(tabId, { meta: loaded, records, changed });
    }
    // Journaled requests of a tab whose meta was never committed: the tab is known from them alone.
    for (const [tabId, late] of journaledByTab) {
      const stats = { ...emptyStats(), seen: late.length, droppedRecords: late.length };
      const nextSeq = Math.max(...late.map((r) => r.seq + 1));
      this.counters.journalRecovered += late.length;
      this.dirtyMetas.add(tabId);
      byTab.delete(tabId);
      carriedByTab.delete(tabId);
      const meta: TabMeta = {
        tabId,
        preserve: false,
        nextSeq,
        nextDevtoolsId: 1,
        stats,
        lostRequests: late.slice(-MAX_LOST_REQUESTS),
      };
      out.set(tabId, { meta, records: [], changed: true });
    }
    // Rows without a meta belong to no tab we know: remove them.
    for (const tabId of [...byTab.keys(), ...carriedByTab.keys()]) this.removedTabs.add(tabId);
    if (this.hasWork()) this.schedule();
    return out;
  }

  /**
   * The journal's requests by tab (a start reads it before any commit: every entry is one an earlier
   * page saw). They stay in the journal until the first commit, which writes their tabs' metas.
   */
  private readJournal(): Map<number, LostRequest[]> {
    const byTab = new Map<number, LostRequest[]>();
    for (const [index, value] of this.journal?.entries() ?? []) {
      let entry: { tabId: number } & LostRequest;
      try {
        entry = JSON.parse(value) as { tabId: number } & LostRequest;
      } catch {
        this.counters.journalErrors++;
        continue;
      }
      const { tabId, ...lost } = entry;
      this.journaled.set(rowId(tabId, lost.seq), index);
      const list = byTab.get(tabId) ?? [];
      list.push(lost);
      byTab.set(tabId, list);
    }
    return byTab;
  }

  /** A request the store just counted in `seen` goes in the journal at once, until a committed meta counts it (see the header). */
  private journalRequest(tabId: number, record: StoredRecord): void {
    if (!this.journal || record.kind !== 'request') return;
    const id = rowId(tabId, record.seq);
    if (this.journaled.has(id) || record.seq < (this.committedNextSeq.get(tabId) ?? 0)) return;
    try {
      this.journaled.set(id, this.journal.append(JSON.stringify({ tabId, ...lostRequestOf(record) })));
      this.counters.journaled++;
    } catch {
      this.counters.journalErrors++;
      this.journaled.set(id, -1);
    }
  }

  /** A journaled request left the store before a meta counted it (a discarded probe): its entry goes too. */
  private unjournal(tabId: number, seq: number): void {
    const id = rowId(tabId, seq);
    const index = this.journaled.get(id);
    if (index === undefined) return;
    this.journaled.delete(id);
    if (index > 0) this.journal?.remove(index);
  }

  /** Queues what a store change touched. */
  onEvent(event: StoreEvent): void {
    const { tabId } = event;
    switch (event.type) {
      case 'upsert':
        if (event.newlySeen) this.journalRequest(tabId, event.record);
        if (!this.carryInFlight(tabId, event.record)) {
          this.queue(tabId, event.record.seq, event.record);
          const id = rowId(tabId, event.record.seq);
          // Its rows on disk hold a body the record no longer has (dropped since, counted by the meta).
          const record = event.record;
          if (
            record.kind === 'request' &&
            this.recordRows.has(id) &&
            (record.bodyState === 'dropped' || (this.bodyRows.has(id) && !holdsBody(record)))
          )
            this.droppedBodyRows.add(id);
        }
        break;
      case 'remove':
        this.unjournal(tabId, event.record.seq);
        this.inFlight.get(tabId)?.delete(event.record.seq);
        this.carriedDirty.delete(rowId(tabId, event.record.seq));
        this.queue(tabId, event.record.seq, null);
        break;
      case 'clear':
        for (const record of event.removed) {
          this.unjournal(tabId, record.seq);
          this.inFlight.get(tabId)?.delete(record.seq);
          this.carriedDirty.delete(rowId(tabId, record.seq));
          this.queue(tabId, record.seq, null);
        }
        break;
      case 'meta':
        break; // only the meta below is dirty
      default:
        assertNever(event, 'store event');
    }
    this.dirtyMetas.add(tabId);
    this.schedule();
  }

  /**
   * Where a changed record is persisted. An in-flight request without a body travels in its tab's
   * meta (true: no row). Once it needs a row (complete, or holding a body) the meta keeps carrying
   * it until a transaction takes that row, first in line (promoted), so a worker stopped between two
   * transactions finds it in one place or the other. Beyond maxInFlightInMeta, rows as before.
   */
  private carryInFlight(tabId: number, record: StoredRecord): boolean {
    const carried = this.inFlight.get(tabId);
    const id = rowId(tabId, record.seq);
    // A body row (held, or to delete when the body is dropped) keeps the record with the rows.
    const needsRow = !inFlight(record) || holdsBody(record) || this.bodyRows.has(id) || this.pending.has(id);
    if (carried?.has(record.seq)) {
      if (!needsRow) {
        this.carriedDirty.add(id);
        return true;
      }
      this.promoted.add(id);
      return false;
    }
    if (needsRow || (carried?.size ?? 0) >= this.options.maxInFlightInMeta) return false;
    if (carried) carried.set(record.seq, record);
    else this.inFlight.set(tabId, new Map([[record.seq, record]]));
    this.carriedDirty.add(id);
    return true;
  }

  /** A body row to write: none yet, or the record's bodies are not the ones its row holds. */
  private bodiesToWrite(id: string, record: StoredRecord): boolean {
    const written = this.bodyRows.get(id);
    if (written === undefined) return true;
    if (record.kind !== 'request') return false;
    return written.body !== record.exchange.body || written.requestBody !== record.exchange.requestBody;
  }

  /** The tab closed: everything it stored goes. */
  dropTab(tabId: number): void {
    this.inFlight.delete(tabId);
    for (const id of this.promoted) if (id.startsWith(`${tabId}:`)) this.promoted.delete(id);
    for (const [id, entry] of this.pending) if (entry.tabId === tabId) this.pending.delete(id);
    for (const [id, entry] of this.refused) if (entry.tabId === tabId) this.refused.delete(id);
    for (const id of this.tooSlow) if (id.startsWith(`${tabId}:`)) this.tooSlow.delete(id);
    for (const id of this.recordRows) if (id.startsWith(`${tabId}:`)) this.recordRows.delete(id);
    for (const [id, body] of this.bodiesWaiting) if (body.tabId === tabId) this.bodiesWaiting.delete(id);
    for (const rows of [this.carriedRows, this.carriedDirty])
      for (const id of rows) if (id.startsWith(`${tabId}:`)) rows.delete(id);
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
      // Each transaction takes at least one record row or one body row.
      let batches = this.pending.size + this.bodiesWaiting.size + 1;
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

  /**
   * Requests still queued whose row was never written and that no meta carries, by tab: those queued
   * within maxUnwrittenAgeMs are not yet counted in the meta written now (`notYet`: a re-sent entry
   * re-creates them); older ones are counted and named like refused ones (`tooSlow`).
   */
  private unwrittenRequestsByTab(): { notYet: Map<number, number>; tooSlow: Map<number, LostRequest[]> } {
    const notYet = new Map<number, number>();
    const tooSlow = new Map<number, LostRequest[]>();
    const oldest = this.now() - this.options.maxUnwrittenAgeMs;
    for (const [id, { tabId, seq, record, queuedAt }] of this.pending) {
      if (record?.kind !== 'request' || this.recordRows.has(id) || this.inFlight.get(tabId)?.has(seq)) continue;
      // Re-queued after a failed commit while a newer change was refused: `refused` names it already.
      if (this.refused.has(id)) continue;
      if (queuedAt > oldest) {
        notYet.set(tabId, (notYet.get(tabId) ?? 0) + 1);
        continue;
      }
      if (!this.tooSlow.has(id)) {
        this.tooSlow.add(id);
        this.counters.queueTooSlow++;
      }
      const list = tooSlow.get(tabId) ?? [];
      list.push(lostRequestOf(record));
      tooSlow.set(tabId, list);
    }
    return { notYet, tooSlow };
  }

  /**
   * Requests whose latest change was refused and that have no row and no carried copy once this
   * transaction commits, by tab: a restart counts them as dropped, and the meta names them.
   */
  private refusedRequestsByTab(
    uncarried: Array<[number, StoredRecord]>,
    out: Map<number, LostRequest[]>,
  ): Map<number, LostRequest[]> {
    const leavingMeta = new Set(uncarried.map(([tabId, record]) => rowId(tabId, record.seq)));
    for (const [id, { tabId, record }] of this.refused) {
      if (record.kind !== 'request' || this.recordRows.has(id)) continue;
      if (this.inFlight.get(tabId)?.has(record.seq) && !leavingMeta.has(id)) continue;
      const list = out.get(tabId) ?? [];
      list.push(lostRequestOf(record));
      out.set(tabId, list);
    }
    // The newest by seq: a re-sent entry (at most MAX_LOST_REQUESTS, the newest) or an in-flight
    // response can only be one of them, and the meta row, rewritten by every commit, stays bounded.
    for (const [tabId, list] of out)
      if (list.length > MAX_LOST_REQUESTS) out.set(tabId, list.sort((a, b) => a.seq - b.seq).slice(-MAX_LOST_REQUESTS));
    return out;
  }

  private hasWork(): boolean {
    return (
      this.pending.size > 0 ||
      this.dirtyMetas.size > 0 ||
      this.removedTabs.size > 0 ||
      this.carriedDirty.size > 0 ||
      this.bodiesWaiting.size > 0
    );
  }

  private queue(tabId: number, seq: number, record: StoredRecord | null): void {
    const id = rowId(tabId, seq);
    if (record === null) this.tooSlow.delete(id);
    const entry = this.pending.get(id);
    if (entry) {
      entry.record = record;
      return;
    }
    // A promoted row is already held in memory by a meta (bounded by maxInFlightInMeta): never refused.
    if (record !== null && this.pending.size >= this.options.maxQueuedRecords && !this.promoted.has(id)) {
      this.counters.queueDropped++;
      this.refused.set(id, { tabId, record, at: this.refused.get(id)?.at ?? this.now() });
      return;
    }
    // A refused request queued now has waited since its refusal (its entry was sent by then): its age counts from there.
    const refusedAt = this.refused.get(id)?.at;
    this.refused.delete(id);
    // Deletes always queue: they are bounded by the evictions, which are bounded by the inserts.
    this.pending.set(id, { tabId, seq, record, queuedAt: Math.min(refusedAt ?? Infinity, this.now()) });
    if (this.pending.size > this.counters.maxQueued) this.counters.maxQueued = this.pending.size;
  }

  private schedule(): void {
    if (this.timer !== null || this.committing !== null || this.building) return;
    this.startTimer(this.options.delayMs);
  }

  private startTimer(ms: number): void {
    this.timerDue = this.now() + ms;
    this.timer = this.timers.setTimer(() => {
      this.timer = null;
      this.timerLateMs = Math.max(0, this.now() - this.timerDue);
      // A commit under way schedules what is left when it ends: commits never overlap.
      if (this.committing === null) void this.commitQueued();
    }, ms);
  }

  /**
   * Smaller transactions after a slow commit, larger again after fast full ones. Judged by the part
   * of the commit that grows with its size when the backend measures it: issuing its requests (the
   * structured clones) and running them. The wait to start and the backend's final commit are paid
   * once a transaction whatever its size (store8's soak before the change: commits of 2 records
   * took up to 0.8 s in the final commit, of 31 records 0.9 s), so halving the bounds for them only
   * made more commits, each paying them again: the bounds sat at their floor (32 records, 64 K), the
   * store wrote ~29 record rows a second for ~95 needed, and the write queue filled (5,000).
   */
  private adaptBatch(ms: number, full: boolean): void {
    const o = this.options;
    if (ms > o.targetCommitMs) {
      this.batchRecords = Math.max(o.minBatchRecords, Math.floor(this.batchRecords / 2));
      this.batchBytes = Math.max(o.minBatchBytes, Math.floor(this.batchBytes / 2));
    } else if (full && ms < o.targetCommitMs / 4) {
      this.batchRecords = Math.min(o.maxBatchRecords, Math.ceil(this.batchRecords * 1.5));
      this.batchBytes = Math.min(o.maxBatchBytes, Math.ceil(this.batchBytes * 1.5));
    }
  }

  /** Takes everything queued and commits it in one transaction; then schedules what came meanwhile. */
  private async commitQueued(): Promise<void> {
    // Promoted rows first (their requests are carried until written), then the oldest changes, at
    // most one batch's worth by rows and by bytes: a long transaction would stall the rest, and the
    // structured clone of its values runs on the worker's thread before it starts. The promoted rows
    // are within the bounds too (until store8 they all went, bodies and all: up to 64 a tab); those
    // left keep their carried copy and go first in the next. Deletes go in every batch whatever its
    // bounds (they are bounded by the inserts and cost a key range or two), so a meta's drop count
    // never runs ahead of the rows deleted with it.
    const timerLateMs = this.timerLateMs;
    this.timerLateMs = 0;
    const queuedBefore = this.pending.size;
    const bodiesQueuedBefore = this.bodiesWaiting.size;
    const taken = new Map<string, Pending>();
    let takenBytes = 0;
    let bounded = 0;
    let full = false;
    const consider = (id: string, entry: Pending) => {
      if (entry.record !== null) {
        // Record rows only: bodies follow in their own lane, below.
        const bytes = RECORD_ROW_BYTES;
        // Once one does not fit, none after it goes (the oldest first).
        if (full || bounded >= this.batchRecords || (bounded > 0 && takenBytes + bytes > this.batchBytes)) {
          full = true;
          return;
        }
        bounded++;
        takenBytes += bytes;
      }
      taken.set(id, entry);
    };
    for (const id of this.promoted) {
      const entry = this.pending.get(id);
      if (entry) consider(id, entry);
    }
    for (const [id, entry] of this.pending) if (!taken.has(id)) consider(id, entry);
    // Beyond the bounds (one row each, bounded by the drops since the last commit): see droppedBodyRows.
    for (const id of this.droppedBodyRows) {
      const entry = this.pending.get(id);
      if (entry && !taken.has(id)) taken.set(id, entry);
    }
    this.droppedBodyRows.clear();
    // A row taken here no longer needs its meta to carry the request.
    const uncarried: Array<[number, StoredRecord]> = [];
    for (const [id, { tabId, seq, record }] of taken) {
      this.promoted.delete(id);
      if (record !== null && this.inFlight.get(tabId)?.delete(seq)) uncarried.push([tabId, record]);
    }
    for (const id of taken.keys()) this.pending.delete(id);
    // The counts of every touched tab go with it: records still queued are counted as dropped if the worker stops.
    const metas = this.dirtyMetas;
    for (const entry of taken.values()) metas.add(entry.tabId);
    const removed = this.removedTabs;
    // The longest a change of this batch waited (a backlog keeps the queue non-empty for long, but the
    // oldest changes go first, so this is the wait of the oldest taken, not the age of the backlog).
    let queuedAt = this.now();
    for (const entry of taken.values()) queuedAt = Math.min(queuedAt, entry.queuedAt);
    this.dirtyMetas = new Set();
    this.removedTabs = new Set();

    const batch: WriteBatch = emptyBatch();
    const bodyRowsAdded: Array<[string, StoredBodies]> = [];
    const bodyRowsRemoved: string[] = [];
    let bodyChars = 0;
    batch.deleteTabs = [...removed];
    const carriedRowsDeleted: string[] = [];
    for (const [id, { tabId, seq, record }] of taken) {
      const key: RowKey = [tabId, seq];
      // Its row is written (or deleted) now: the carried copy goes in the same transaction.
      this.carriedDirty.delete(id);
      if (this.carriedRows.has(id)) {
        batch.deleteCarried.push(key);
        carriedRowsDeleted.push(id);
      }
      if (record === null) {
        // The body key goes too, held or not: the deletes then form the same key ranges in both stores.
        batch.deleteRecords.push(key);
        batch.deleteBodies.push(key);
        if (this.bodyRows.has(id)) bodyRowsRemoved.push(id);
        if (this.bodiesWaiting.delete(id)) this.counters.bodiesNeverWritten++;
        continue;
      }
      batch.putRecords.push({ key, value: stripBodies(record) });
      if (holdsBody(record)) {
        const waitingBody = this.bodiesWaiting.get(id);
        if (waitingBody) waitingBody.record = record;
        else if (this.bodiesToWrite(id, record))
          this.bodiesWaiting.set(id, { tabId, seq, record, queuedAt: taken.get(id)!.queuedAt });
      } else if (this.bodyRows.has(id)) {
        batch.deleteBodies.push(key);
        bodyRowsRemoved.push(id);
      }
    }
    // The body lane: newest first, in the bytes the record rows left; at least one body a transaction,
    // so neither lane waits for the other. A body the store dropped while it waited is never written.
    const bodiesTaken: Array<[string, BodyWaiting]> = [];
    const waiting = [...this.bodiesWaiting].sort((a, b) => b[1].seq - a[1].seq || b[1].tabId - a[1].tabId);
    let bodiesLeft = false;
    // A body left out now waits for this commit and the next: queued before this, it could not commit in time.
    const lateBefore = this.now() - this.options.bodyWriteBudgetMs + 2 * this.lastCommitMs;
    const late: Array<[string, BodyWaiting]> = [];
    for (const [id, body] of waiting) {
      const { record } = body;
      if (!holdsBody(record) || !this.bodiesToWrite(id, record)) {
        this.bodiesWaiting.delete(id);
        if (!this.bodyRows.has(id)) this.counters.bodiesNeverWritten++;
        continue;
      }
      const chars = bodiesLength(record);
      if (bodiesLeft || (bodiesTaken.length > 0 && takenBytes + chars > this.batchBytes)) {
        bodiesLeft = true;
        if (body.queuedAt < lateBefore) late.push([id, body]);
        continue;
      }
      takenBytes += chars;
      this.bodiesWaiting.delete(id);
      bodiesTaken.push([id, body]);
      const value = bodiesOf(record);
      batch.putBodies.push({ key: [body.tabId, body.seq], value });
      bodyRowsAdded.push([id, value]);
      bodyChars += chars;
    }
    // Bodies that could not be written in time leave the store (counted there as dropped), and their
    // records' rows, now saying so, go in this transaction with the meta that counts the drop: a stop
    // never finds a drop counted twice (by the meta, then again by the restart for a row without its body).
    this.building = true;
    try {
      for (const [id, body] of late) {
        this.bodiesWaiting.delete(id);
        // Held or queued, the record's row is never refused for this (it is already held in memory).
        this.promoted.add(id);
        const dropped = this.source.dropBody(body.tabId, body.record);
        this.promoted.delete(id);
        if (!dropped) {
          if (!this.bodyRows.has(id)) this.counters.bodiesNeverWritten++;
          continue;
        }
        this.counters.bodiesDroppedLate++;
        metas.add(body.tabId);
        const entry = this.pending.get(id);
        // Not queued: still in flight, its tab carries the changed copy (written below).
        if (!entry?.record) continue;
        this.pending.delete(id);
        taken.set(id, entry);
        const row = { key: [body.tabId, body.seq] as RowKey, value: stripBodies(entry.record) };
        const at = batch.putRecords.findIndex((r) => r.key[0] === body.tabId && r.key[1] === body.seq);
        if (at >= 0) batch.putRecords[at] = row;
        else batch.putRecords.push(row);
      }
    } finally {
      this.building = false;
    }
    if (bodiesLeft) full = true;
    // The carried copies that changed (those taken above left the carried set first).
    const carriedWritten = this.carriedDirty;
    this.carriedDirty = new Set();
    for (const id of carriedWritten) {
      const [tabId, seq] = id.split(':').map(Number);
      const record = this.inFlight.get(tabId)?.get(seq);
      if (!record) continue;
      batch.putCarried.push({ key: [tabId, seq], value: stripBodies(record) });
      metas.add(tabId);
    }
    const unwritten = this.unwrittenRequestsByTab();
    // A tab whose queued requests became too slow has its meta rewritten now, counting and naming them.
    for (const tabId of unwritten.tooSlow.keys()) metas.add(tabId);
    const refusedByTab = this.refusedRequestsByTab(uncarried, unwritten.tooSlow);
    for (const tabId of metas) {
      const meta = this.source.meta(tabId);
      if (!meta) continue;
      // A request neither written nor carried (a DevTools-only record of a split backlog) is not counted yet:
      // if the worker stops first, the re-sent entry re-creates it rather than the restart counting it dropped.
      const notYet = unwritten.notYet.get(tabId) ?? 0;
      const stats = notYet === 0 ? meta.stats : { ...meta.stats, seen: meta.stats.seen - notYet };
      const value: StoredMeta = { ...meta, stats };
      const refused = refusedByTab.get(tabId);
      if (refused) value.refused = refused;
      batch.putMetas.push({ tabId, value });
    }

    // Every request journaled so far is counted by a meta of this batch (each marked its tab's meta dirty).
    const journalMark = this.journal?.lastIndex ?? 0;
    const started = this.now();
    const commit = batchSize(batch) === 0 ? Promise.resolve() : this.db.commit(batch);
    this.committing = commit.then(
      (phases) => {
        const done = this.now();
        if (phases) {
          const { commitPhasesTotal: total, commitPhasesMax: max } = this.counters;
          for (const key of ['issueMs', 'waitMs', 'requestsMs', 'finishMs'] as const) {
            total[key] += phases[key];
            max[key] = Math.max(max[key], phases[key]);
          }
        }
        this.lastCommitFailed = false;
        this.counters.commits++;
        for (const { tabId, value } of batch.putMetas) this.committedNextSeq.set(tabId, (value as TabMeta).nextSeq);
        for (const tabId of removed) this.committedNextSeq.delete(tabId);
        if (this.journal && this.journaled.size) {
          this.journal.dropThrough(journalMark);
          for (const [id, index] of this.journaled) if (index <= journalMark) this.journaled.delete(id);
        }
        if (done - started > this.counters.maxCommitMs || this.counters.commits === 1) {
          this.counters.maxCommitMs = done - started;
          this.counters.maxCommitRows = {
            records: batch.putRecords.length,
            bodies: batch.putBodies.length,
            bodyChars,
            carried: batch.putCarried.length,
            deletes: batch.deleteTabs.length + keyRuns(batch.deleteRecords).length + keyRuns(batch.deleteBodies).length,
          };
        }
        if (done - started > 1_000) {
          this.counters.slowCommits++;
          const log = this.counters.slowCommitLog;
          log.push({
            at: started,
            ms: done - started,
            records: batch.putRecords.length,
            bodies: batch.putBodies.length,
            ...(phases ? { phases } : {}),
          });
          if (log.length > 100) log.shift();
        }
        const bucket =
          this.counters.commitsBySize[COMMIT_SIZE_BUCKETS.findIndex((upTo) => batch.putRecords.length <= upTo)];
        if (bucket) {
          bucket.count++;
          bucket.totalMs += done - started;
          bucket.maxMs = Math.max(bucket.maxMs, done - started);
        }
        this.trace.push({
          at: started,
          ms: done - started,
          timerLateMs,
          waitedMs: started - queuedAt,
          queued: queuedBefore,
          bodiesQueued: bodiesQueuedBefore,
          records: batch.putRecords.length,
          bodies: batch.putBodies.length,
          metas: batch.putMetas.length,
          ...(phases ? { phases } : {}),
        });
        if (this.trace.length > COMMIT_TRACE_ENTRIES) this.trace.shift();
        this.adaptBatch(phases ? phases.issueMs + phases.requestsMs : done - started, full);
        this.lastCommitMs = done - started;
        this.counters.maxLagMs = Math.max(this.counters.maxLagMs, done - queuedAt);
        let bodyLagMs = 0;
        for (const [, body] of bodiesTaken) bodyLagMs = Math.max(bodyLagMs, done - body.queuedAt);
        this.counters.maxBodyLagMs = Math.max(this.counters.maxBodyLagMs, bodyLagMs);
        if (Math.max(done - queuedAt, bodyLagMs) > LAG_LOG_MS) {
          const lagLog = this.counters.lagLog;
          lagLog.push({
            at: done,
            lagMs: done - queuedAt,
            bodyLagMs,
            commitMs: done - started,
            records: batch.putRecords.length,
            bodies: batch.putBodies.length,
          });
          if (lagLog.length > LAG_LOG_ENTRIES) lagLog.shift();
        }
        this.counters.recordsWritten += batch.putRecords.length;
        this.counters.carriedWritten += batch.putCarried.length;
        for (const { key } of batch.putCarried) this.carriedRows.add(rowId(key[0], key[1]));
        for (const id of carriedRowsDeleted) this.carriedRows.delete(id);
        this.counters.bodiesWritten += batch.putBodies.length;
        this.counters.bodyCharsWritten += bodyChars;
        for (const { key } of batch.putRecords) {
          this.recordRows.add(rowId(key[0], key[1]));
          this.tooSlow.delete(rowId(key[0], key[1]));
        }
        for (const key of batch.deleteRecords) this.recordRows.delete(rowId(key[0], key[1]));
        for (const [id, value] of bodyRowsAdded) this.bodyRows.set(id, value);
        for (const id of bodyRowsRemoved) this.bodyRows.delete(id);
        for (const tabId of removed)
          for (const rows of [this.bodyRows, this.recordRows, this.carriedRows])
            for (const id of [...rows.keys()]) if (id.startsWith(`${tabId}:`)) rows.delete(id);
      },
      () => {
        // Nothing of the batch was written: queue it again, under anything newer.
        this.errors++;
        this.lastCommitFailed = true;
        for (const [id, entry] of taken) if (!this.pending.has(id)) this.pending.set(id, entry);
        for (const [tabId, { seq }] of uncarried) {
          // Still held (not evicted or cleared meanwhile): its meta carries it again until written.
          const record = this.pending.get(rowId(tabId, seq))?.record;
          if (!record) continue;
          const carried = this.inFlight.get(tabId);
          if (carried) carried.set(record.seq, record);
          else this.inFlight.set(tabId, new Map([[record.seq, record]]));
          this.promoted.add(rowId(tabId, record.seq));
        }
        // Bodies not written wait again (a body dropped meanwhile leaves at the next commit).
        for (const [id, body] of bodiesTaken) if (!this.bodiesWaiting.has(id)) this.bodiesWaiting.set(id, body);
        // The copies not written are written next time (a removed request's is dropped there).
        for (const id of carriedWritten) this.carriedDirty.add(id);
        for (const tabId of metas) this.dirtyMetas.add(tabId);
        for (const tabId of removed) this.removedTabs.add(tabId);
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
            this.pending.size >= this.batchRecords || bodiesLeft
            ? 0
            : this.untilDue(),
      );
  }

  /**
   * When the next commit is due: delayMs after the oldest change waiting, not after this commit's end
   * (a change queued while a commit ran has waited for it already; waiting delayMs more once put the
   * soak's record rows 1.4 s behind their changes, near idle). Without a queued row, delayMs.
   */
  private untilDue(): number {
    let oldest = Infinity;
    for (const entry of this.pending.values()) if (entry.queuedAt < oldest) oldest = entry.queuedAt;
    if (oldest === Infinity) return this.options.delayMs;
    return Math.max(0, Math.min(this.options.delayMs, oldest + this.options.delayMs - this.now()));
  }
}
