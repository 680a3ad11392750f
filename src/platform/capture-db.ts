// IndexedDB for the captured records, through `idb`. Works in Chrome's MV3 service worker and in
// Firefox's MV3 event page (both have indexedDB on the extension origin). Three object stores:
//   meta     key tabId          the tab's counters, preserve flag, next sequence numbers
//            key [tabId, seq]   a request in flight that has no record row yet (a carried copy)
//   records  key [tabId, seq]   one record, bodies stripped
//   bodies   key [tabId, seq]   that record's response body and request body
// Every write is one transaction, so a record, its body and the counts that account for it land
// together or not at all; it is scoped to the stores it touches. Reads go in pages, each page a
// transaction of its own: a write waits for at most one page, never for a whole tab's rows (in
// Chromium a readwrite transaction waits for every readonly one on its stores, and one getAll of
// 10,000 rows took seconds under load).
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

export type RowKey = [tabId: number, seq: number];

export interface StoredBodies {
  body?: string;
  requestBody?: string;
}

/** One transaction's worth of changes. Values are structured-cloned when the batch is committed. */
export interface WriteBatch {
  /** Tabs whose rows all go (closed tabs), applied first. */
  deleteTabs: number[];
  deleteRecords: RowKey[];
  deleteBodies: RowKey[];
  putRecords: Array<{ key: RowKey; value: unknown }>;
  putBodies: Array<{ key: RowKey; value: StoredBodies }>;
  putMetas: Array<{ tabId: number; value: unknown }>;
  /** Carried copies of requests in flight (meta store, key [tabId, seq]): written when they change, deleted with their row's write. */
  putCarried: Array<{ key: RowKey; value: unknown }>;
  deleteCarried: RowKey[];
}

export interface LoadedRows {
  metas: Array<{ tabId: number; value: unknown }>;
  records: Array<{ key: RowKey; value: unknown }>;
  bodies: Array<{ key: RowKey; value: StoredBodies }>;
  carried: Array<{ key: RowKey; value: unknown }>;
  /** How the read went (all three stores' pages), when the backend measures it. */
  read?: PagedRead;
}

/**
 * Where one commit's time went (ms): issuing its requests (the worker's structured clone of every
 * value, synchronous in put()), waiting to start (other transactions on its stores, the backend's
 * queue, a worker that could not run), running its requests, and committing after the last one (the
 * backend's write). Issuing, requests and commit grow with the batch; the wait does not.
 */
export interface CommitPhases {
  issueMs: number;
  waitMs: number;
  requestsMs: number;
  finishMs: number;
}

/** A paged read: rows, pages (one transaction each), the slowest page and the whole read, in ms. */
export interface PagedRead {
  rows: number;
  pages: number;
  longestPageMs: number;
  totalMs: number;
  /** Which page was the slowest: its store, its place in that store's read (0-based), its rows. */
  slowestPage?: { store: 'meta' | ReadableStore; index: number; rows: number; lateMs?: number };
  /** A worker start's read: every page's ms (rounded), in order, and the pages and rows per store. */
  pageMs?: number[];
  /**
   * A worker start's read: how late the worker's event loop ran during each page (ms, rounded; a 25 ms
   * timer's largest delay). A page about as slow as its lateness waited for the worker's thread (a long
   * task: a message, a GC, the page's own values), not for the backend.
   */
  pageLateMs?: number[];
  byStore?: Partial<Record<'meta' | ReadableStore, { pages: number; rows: number; ms: number }>>;
}

export type ReadableStore = 'records' | 'bodies';

/** The persistence interface the background uses; `openCaptureDb` is the IndexedDB one. */
export interface CaptureDb {
  /** Resolves to where its time went, when the backend measures it. */
  commit(batch: WriteBatch): Promise<CommitPhases | void>;
  /** Every row, read in pages (READ_PAGE_ROWS), each page its own transaction. */
  loadAll(): Promise<LoadedRows>;
  /** Deletes every row; resolves to how many there were. */
  clearAll(): Promise<ClearedRows>;
  /**
   * Reads one tab's rows of a store through the same paged read as loadAll, and times it (debug API,
   * soak bench); `keysOnly` reads the keys alone (getAllKeys), as the bench read before pages did.
   */
  readTab(store: ReadableStore, tabId: number, keysOnly?: boolean): Promise<PagedRead>;
}

/**
 * Rows per read transaction at most. A record row is about 1.3-1.8 KB and a page of 250 of them ~0.4 MB; a
 * body row is up to maxBodyChars, so body pages are smaller, and bounded by characters too (below).
 */
export const READ_PAGE_ROWS = { meta: 64, records: 250, bodies: 50 } as const;

/**
 * The rows a read's first page asks for; later pages grow from there while they stay fast. A worker's
 * first page is read while everything else of its start competes for the thread (the soak's slowest
 * page, 1,558 ms, was the first page of records at 250 rows), so no store starts at its maximum. 8
 * bodies are at most ~2 M characters at 256 K a body.
 */
export const READ_FIRST_PAGE_ROWS = { meta: 16, records: 32, bodies: 8 } as const;

/**
 * What one read page aims at. A page over READ_PAGE_MS halves the next one; one under a quarter of it
 * grows the next by half, up to READ_PAGE_ROWS (as the commit bounds adapt). A body page holds about
 * READ_PAGE_CHARS characters at the last page's mean: 50 bodies of 120,000 characters were 6 M, read
 * as one transaction, and Chromium hands large values over one by one.
 */
export const READ_PAGE_MS = 200;
export const READ_PAGE_CHARS = 1_000_000;

/** The rows the next page asks for, after a page of `rows` (of `asked`) that took `ms` and held `chars` body characters. */
export function nextReadPageRows(
  asked: number,
  max: number,
  page: { rows: number; ms: number; chars: number },
): number {
  let next = asked;
  if (page.ms > READ_PAGE_MS) next = Math.floor(asked / 2);
  else if (page.ms < READ_PAGE_MS / 4) next = Math.ceil(asked * 1.5);
  if (page.chars > 0 && page.rows > 0) next = Math.min(next, Math.floor(READ_PAGE_CHARS / (page.chars / page.rows)));
  return Math.max(1, Math.min(max, next));
}

/** The body characters of a page of body rows (0 for other stores' values). */
function bodyChars(values: readonly unknown[]): number {
  let chars = 0;
  for (const value of values) {
    const v = value as StoredBodies | null;
    if (typeof v?.body === 'string') chars += v.body.length;
    if (typeof v?.requestBody === 'string') chars += v.requestBody.length;
  }
  return chars;
}

/** What a clearAll deleted. */
export interface ClearedRows {
  tabs: number;
  records: number;
  bodies: number;
}

interface CaptureSchema extends DBSchema {
  meta: { key: number | RowKey; value: unknown };
  records: { key: RowKey; value: unknown };
  bodies: { key: RowKey; value: StoredBodies };
}

export const CAPTURE_DB_NAME = 'faultline-capture';
const STORES = ['meta', 'records', 'bodies'] as const;

export function emptyBatch(): WriteBatch {
  return {
    deleteTabs: [],
    deleteRecords: [],
    deleteBodies: [],
    putRecords: [],
    putBodies: [],
    putMetas: [],
    putCarried: [],
    deleteCarried: [],
  };
}

export function batchSize(batch: WriteBatch): number {
  return (
    batch.deleteTabs.length +
    batch.deleteRecords.length +
    batch.deleteBodies.length +
    batch.putRecords.length +
    batch.putBodies.length +
    batch.putMetas.length +
    batch.putCarried.length +
    batch.deleteCarried.length
  );
}

/**
 * The keys as runs of consecutive seqs per tab, [tabId, first, last]: evictions take the oldest
 * records, so a batch's deletes are usually one run, deleted with one key-range request.
 */
export function keyRuns(keys: readonly RowKey[]): Array<[tabId: number, first: number, last: number]> {
  const sorted = [...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const runs: Array<[number, number, number]> = [];
  for (const [tabId, seq] of sorted) {
    const run = runs.at(-1);
    if (run && run[0] === tabId && seq <= run[2] + 1) run[2] = Math.max(run[2], seq);
    else runs.push([tabId, seq, seq]);
  }
  return runs;
}

function runQuery([tabId, first, last]: [number, number, number]): RowKey | IDBKeyRange {
  return first === last ? [tabId, first] : IDBKeyRange.bound([tabId, first], [tabId, last]);
}

/** Every [tabId, seq] of one tab: arrays sort after numbers, so [tabId, []] bounds them above. */
function tabRange(tabId: number): IDBKeyRange {
  return IDBKeyRange.bound([tabId], [tabId, []]);
}

/** How late the event loop runs: a timer every `periodMs`, its largest delay since the last take(). */
function loopLateness(periodMs = 25): { take(): number; stop(): void } {
  let due = performance.now() + periodMs;
  let late = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    late = Math.max(late, now - due);
    due = now + periodMs;
  }, periodMs);
  return {
    take() {
      // A tick still overdue counts too: the task that delays it may have just ended.
      const out = Math.max(late, performance.now() - due);
      late = 0;
      return Math.max(0, out);
    },
    stop: () => clearInterval(timer),
  };
}

class IdbCaptureDb implements CaptureDb {
  constructor(private readonly db: IDBPDatabase<CaptureSchema>) {}

  async commit(batch: WriteBatch): Promise<CommitPhases | void> {
    if (batchSize(batch) === 0) return;
    const touchesBodies = batch.deleteTabs.length + batch.deleteBodies.length + batch.putBodies.length > 0;
    const touchesRecords = batch.deleteTabs.length + batch.deleteRecords.length + batch.putRecords.length > 0;
    const touchesMeta =
      batch.deleteTabs.length + batch.putMetas.length + batch.putCarried.length + batch.deleteCarried.length > 0;
    const scope = STORES.filter((name) =>
      name === 'meta' ? touchesMeta : name === 'records' ? touchesRecords : touchesBodies,
    );
    const started = performance.now();
    // Relaxed: the data only has to outlive the worker, not a crash of the browser (a new browser
    // session starts empty anyway), and skipping the flush to disk keeps each commit cheap.
    const tx = this.db.transaction(scope, 'readwrite', { durability: 'relaxed' });
    // Requests are queued in order; only the commit is awaited, so one batch costs one round trip.
    const ops: Array<Promise<unknown>> = [];
    for (const tabId of batch.deleteTabs) {
      ops.push(
        tx.objectStore('meta').delete(tabId),
        tx.objectStore('meta').delete(tabRange(tabId)),
        tx.objectStore('records').delete(tabRange(tabId)),
        tx.objectStore('bodies').delete(tabRange(tabId)),
      );
    }
    for (const run of keyRuns(batch.deleteRecords)) ops.push(tx.objectStore('records').delete(runQuery(run)));
    for (const run of keyRuns(batch.deleteBodies)) ops.push(tx.objectStore('bodies').delete(runQuery(run)));
    for (const { key, value } of batch.putRecords) ops.push(tx.objectStore('records').put(value, key));
    for (const { key, value } of batch.putBodies) ops.push(tx.objectStore('bodies').put(value, key));
    for (const run of keyRuns(batch.deleteCarried)) ops.push(tx.objectStore('meta').delete(runQuery(run)));
    for (const { key, value } of batch.putCarried) ops.push(tx.objectStore('meta').put(value, key));
    for (const { tabId, value } of batch.putMetas) ops.push(tx.objectStore('meta').put(value, tabId));
    const issuedAt = performance.now();
    // The first request's success marks when the transaction ran; the last's, when its requests were done.
    let firstAt: number | null = null;
    for (const op of ops) op.then(() => (firstAt ??= performance.now())).catch(() => {});
    const lastAt = ops.at(-1)!.then(
      () => performance.now(),
      () => performance.now(),
    );
    // A failed request aborts the transaction; tx.done then rejects with the reason.
    await tx.done;
    const doneAt = performance.now();
    const last = await lastAt;
    const first = firstAt ?? last;
    return { issueMs: issuedAt - started, waitMs: first - issuedAt, requestsMs: last - first, finishMs: doneAt - last };
  }

  /** Every row of a store within `range`, page by page, each page one readonly transaction. */
  private async readPaged<S extends ReadableStore | 'meta'>(
    store: S,
    range: IDBKeyRange | null,
    keysOnly: boolean,
    onPage: (
      keys: Array<CaptureSchema[S]['key']>,
      values: Array<CaptureSchema[S]['value']>,
      ms: number,
      index: number,
    ) => void,
  ): Promise<void> {
    const maxRows = READ_PAGE_ROWS[store];
    let pageRows: number = READ_FIRST_PAGE_ROWS[store];
    let after: CaptureSchema[S]['key'] | null = null;
    for (let index = 0; ; index++) {
      const started = performance.now();
      let query: IDBKeyRange | null = range;
      if (after !== null) {
        // From just after the last key read, within the range.
        const upper = range?.upper as IDBValidKey | undefined;
        query =
          upper === undefined
            ? IDBKeyRange.lowerBound(after, true)
            : IDBKeyRange.bound(after, upper, true, range?.upperOpen ?? false);
      }
      const tx = this.db.transaction(store, 'readonly');
      const os = tx.objectStore(store) as unknown as {
        getAllKeys(q: IDBKeyRange | null, n: number): Promise<Array<CaptureSchema[S]['key']>>;
        getAll(q: IDBKeyRange | null, n: number): Promise<Array<CaptureSchema[S]['value']>>;
        /** Chromium 141+: keys and values in one request (Firefox 140 has none). */
        getAllRecords?(options: {
          query: IDBKeyRange | null;
          count: number;
        }): Promise<Array<{ primaryKey: CaptureSchema[S]['key']; value: CaptureSchema[S]['value'] }>>;
      };
      let keys: Array<CaptureSchema[S]['key']>;
      let values: Array<CaptureSchema[S]['value']> = [];
      if (!keysOnly && typeof os.getAllRecords === 'function') {
        // One request instead of two over the same rows: the backend walks the range once.
        const [rows] = await Promise.all([os.getAllRecords({ query, count: pageRows }), tx.done]);
        keys = rows.map((r) => r.primaryKey);
        values = rows.map((r) => r.value);
      } else {
        // Keys and values of the same range and count in one transaction: the same rows, in order.
        [keys, values] = await Promise.all([
          os.getAllKeys(query, pageRows),
          keysOnly ? [] : os.getAll(query, pageRows),
          tx.done,
        ]);
      }
      const ms = performance.now() - started;
      onPage(keys, values, ms, index);
      if (keys.length < pageRows) return;
      after = keys[keys.length - 1];
      const chars = store === 'bodies' && !keysOnly ? bodyChars(values) : 0;
      pageRows = nextReadPageRows(pageRows, maxRows, { rows: keys.length, ms, chars });
    }
  }

  async loadAll(): Promise<LoadedRows> {
    // No write runs meanwhile (the worker loads before it handles any event), so the pages add up
    // to one consistent read.
    const pageMs: number[] = [];
    const pageLateMs: number[] = [];
    const byStore: NonNullable<PagedRead['byStore']> = {};
    const read: PagedRead = { rows: 0, pages: 0, longestPageMs: 0, totalMs: 0, pageMs, pageLateMs, byStore };
    const out: LoadedRows = { metas: [], records: [], bodies: [], carried: [], read };
    const started = performance.now();
    const loop = loopLateness();
    const page = (store: 'meta' | ReadableStore, rows: number, ms: number, index: number) => {
      const lateMs = Math.round(loop.take());
      read.rows += rows;
      read.pages++;
      pageMs.push(Math.round(ms));
      pageLateMs.push(lateMs);
      const of = (byStore[store] ??= { pages: 0, rows: 0, ms: 0 });
      of.pages++;
      of.rows += rows;
      of.ms = Math.round(of.ms + ms);
      if (ms < read.longestPageMs) return;
      read.longestPageMs = ms;
      read.slowestPage = { store, index, rows, lateMs };
    };
    try {
      await this.readPaged('meta', null, false, (keys, values, ms, index) => {
        page('meta', keys.length, ms, index);
        keys.forEach((key, i) => {
          // Numbers sort before arrays: the tabs' metas, then their carried copies.
          if (typeof key === 'number') out.metas.push({ tabId: key, value: values[i] });
          else out.carried.push({ key, value: values[i] });
        });
      });
      await this.readPaged('records', null, false, (keys, values, ms, index) => {
        page('records', keys.length, ms, index);
        keys.forEach((key, i) => out.records.push({ key, value: values[i] }));
      });
      await this.readPaged('bodies', null, false, (keys, values, ms, index) => {
        page('bodies', keys.length, ms, index);
        keys.forEach((key, i) => out.bodies.push({ key, value: values[i] }));
      });
    } finally {
      loop.stop();
    }
    read.totalMs = performance.now() - started;
    return out;
  }

  async readTab(store: ReadableStore, tabId: number, keysOnly = false): Promise<PagedRead> {
    const read: PagedRead = { rows: 0, pages: 0, longestPageMs: 0, totalMs: 0 };
    const started = performance.now();
    await this.readPaged(store, tabRange(tabId), keysOnly, (keys, _values, ms, index) => {
      read.rows += keys.length;
      read.pages++;
      if (ms < read.longestPageMs) return;
      read.longestPageMs = ms;
      read.slowestPage = { store, index, rows: keys.length };
    });
    read.totalMs = performance.now() - started;
    return read;
  }

  async clearAll(): Promise<ClearedRows> {
    const tx = this.db.transaction(STORES, 'readwrite');
    // Counted in the same transaction, so the figures are exactly what the clear removed.
    // Tabs are the meta store's number keys (its array keys are carried copies).
    const [tabs, records, bodies] = await Promise.all([
      tx.objectStore('meta').count(IDBKeyRange.bound(-Infinity, Infinity)),
      tx.objectStore('records').count(),
      tx.objectStore('bodies').count(),
    ]);
    await Promise.all([...STORES.map((name) => tx.objectStore(name).clear()), tx.done]);
    return { tabs, records, bodies };
  }
}

/** Opens (creating on first use) the capture database. */
export async function openCaptureDb(name = CAPTURE_DB_NAME): Promise<CaptureDb> {
  const db = await openDB<CaptureSchema>(name, 1, {
    upgrade(database) {
      for (const store of STORES) if (!database.objectStoreNames.contains(store)) database.createObjectStore(store);
    },
  });
  return new IdbCaptureDb(db);
}

/** A CaptureDb that opens on first use, so the worker's top level stays synchronous. */
export function lazyCaptureDb(open: () => Promise<CaptureDb> = () => openCaptureDb()): CaptureDb {
  let db: Promise<CaptureDb> | null = null;
  const get = (): Promise<CaptureDb> => {
    db ??= open().catch((error: unknown) => {
      db = null; // try again on the next use
      throw error;
    });
    return db;
  };
  return {
    commit: async (batch) => (await get()).commit(batch),
    loadAll: async () => (await get()).loadAll(),
    clearAll: async () => (await get()).clearAll(),
    readTab: async (store, tabId, keysOnly) => (await get()).readTab(store, tabId, keysOnly),
  };
}
