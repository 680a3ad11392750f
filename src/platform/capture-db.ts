// IndexedDB for the captured records, through `idb`. Works in Chrome's MV3 service worker and in
// Firefox's MV3 event page (both have indexedDB on the extension origin). Three object stores:
//   meta     key tabId          the tab's counters, preserve flag, next sequence numbers
//   records  key [tabId, seq]   one record, bodies stripped
//   bodies   key [tabId, seq]   that record's response body and request body
// Every write is one transaction, so a record, its body and the counts that account for it land
// together or not at all.
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
}

export interface LoadedRows {
  metas: Array<{ tabId: number; value: unknown }>;
  records: Array<{ key: RowKey; value: unknown }>;
  bodies: Array<{ key: RowKey; value: StoredBodies }>;
}

/** The persistence interface the background uses; `openCaptureDb` is the IndexedDB one. */
export interface CaptureDb {
  commit(batch: WriteBatch): Promise<void>;
  loadAll(): Promise<LoadedRows>;
  /** Deletes every row; resolves to how many there were. */
  clearAll(): Promise<ClearedRows>;
}

/** What a clearAll deleted. */
export interface ClearedRows {
  tabs: number;
  records: number;
  bodies: number;
}

interface CaptureSchema extends DBSchema {
  meta: { key: number; value: unknown };
  records: { key: RowKey; value: unknown };
  bodies: { key: RowKey; value: StoredBodies };
}

export const CAPTURE_DB_NAME = 'faultline-capture';
const STORES = ['meta', 'records', 'bodies'] as const;

export function emptyBatch(): WriteBatch {
  return { deleteTabs: [], deleteRecords: [], deleteBodies: [], putRecords: [], putBodies: [], putMetas: [] };
}

export function batchSize(batch: WriteBatch): number {
  return (
    batch.deleteTabs.length +
    batch.deleteRecords.length +
    batch.deleteBodies.length +
    batch.putRecords.length +
    batch.putBodies.length +
    batch.putMetas.length
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

class IdbCaptureDb implements CaptureDb {
  constructor(private readonly db: IDBPDatabase<CaptureSchema>) {}

  async commit(batch: WriteBatch): Promise<void> {
    if (batchSize(batch) === 0) return;
    // Relaxed: the data only has to outlive the worker, not a crash of the browser (a new browser
    // session starts empty anyway), and skipping the flush to disk keeps each commit cheap.
    const tx = this.db.transaction(STORES, 'readwrite', { durability: 'relaxed' });
    const meta = tx.objectStore('meta');
    const records = tx.objectStore('records');
    const bodies = tx.objectStore('bodies');
    // Requests are queued in order; only the commit is awaited, so one batch costs one round trip.
    const ops: Array<Promise<unknown>> = [];
    for (const tabId of batch.deleteTabs) {
      ops.push(meta.delete(tabId), records.delete(tabRange(tabId)), bodies.delete(tabRange(tabId)));
    }
    for (const run of keyRuns(batch.deleteRecords)) ops.push(records.delete(runQuery(run)));
    for (const run of keyRuns(batch.deleteBodies)) ops.push(bodies.delete(runQuery(run)));
    for (const { key, value } of batch.putRecords) ops.push(records.put(value, key));
    for (const { key, value } of batch.putBodies) ops.push(bodies.put(value, key));
    for (const { tabId, value } of batch.putMetas) ops.push(meta.put(value, tabId));
    // A failed request aborts the transaction; tx.done then rejects with the reason.
    for (const op of ops) op.catch(() => {});
    await tx.done;
  }

  async loadAll(): Promise<LoadedRows> {
    const tx = this.db.transaction(STORES, 'readonly');
    const [metaKeys, metaValues, recordKeys, recordValues, bodyKeys, bodyValues] = await Promise.all([
      tx.objectStore('meta').getAllKeys(),
      tx.objectStore('meta').getAll(),
      tx.objectStore('records').getAllKeys(),
      tx.objectStore('records').getAll(),
      tx.objectStore('bodies').getAllKeys(),
      tx.objectStore('bodies').getAll(),
    ]);
    await tx.done;
    return {
      metas: metaKeys.map((tabId, i) => ({ tabId, value: metaValues[i] })),
      records: recordKeys.map((key, i) => ({ key, value: recordValues[i] })),
      bodies: bodyKeys.map((key, i) => ({ key, value: bodyValues[i] })),
    };
  }

  async clearAll(): Promise<ClearedRows> {
    const tx = this.db.transaction(STORES, 'readwrite');
    // Counted in the same transaction, so the figures are exactly what the clear removed.
    const [tabs, records, bodies] = await Promise.all(STORES.map((name) => tx.objectStore(name).count()));
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
  };
}
