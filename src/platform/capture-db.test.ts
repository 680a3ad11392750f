import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  READ_FIRST_PAGE_ROWS,
  READ_PAGE_CHARS,
  READ_PAGE_MS,
  READ_PAGE_ROWS,
  emptyBatch,
  keyRuns,
  nextReadPageRows,
  openCaptureDb,
  type RowKey,
} from './capture-db';

describe('keyRuns', () => {
  it('merges consecutive seqs of one tab, in any order, and keeps tabs and gaps apart', () => {
    const keys: RowKey[] = [
      [2, 5],
      [1, 3],
      [1, 1],
      [1, 2],
      [2, 4],
      [1, 7],
      [1, 2],
    ];
    expect(keyRuns(keys)).toEqual([
      [1, 1, 3],
      [1, 7, 7],
      [2, 4, 5],
    ]);
    expect(keyRuns([])).toEqual([]);
  });
});

describe('nextReadPageRows', () => {
  const max = READ_PAGE_ROWS.records;
  it('halves after a slow page, grows by half after a fast one, within 1 and the maximum', () => {
    expect(nextReadPageRows(max, max, { rows: max, ms: READ_PAGE_MS * 2, chars: 0 })).toBe(max / 2);
    expect(nextReadPageRows(100, max, { rows: 100, ms: READ_PAGE_MS / 8, chars: 0 })).toBe(150);
    expect(nextReadPageRows(max, max, { rows: max, ms: 1, chars: 0 })).toBe(max);
    expect(nextReadPageRows(100, max, { rows: 100, ms: READ_PAGE_MS / 2, chars: 0 })).toBe(100);
    expect(nextReadPageRows(1, max, { rows: 1, ms: READ_PAGE_MS * 10, chars: 0 })).toBe(1);
  });

  it('sizes a body page to about READ_PAGE_CHARS at the last page mean', () => {
    const big = 120_000;
    expect(nextReadPageRows(50, 50, { rows: 50, ms: 1, chars: 50 * big })).toBe(Math.floor(READ_PAGE_CHARS / big));
    expect(nextReadPageRows(8, 50, { rows: 8, ms: 1, chars: 8 * 300 })).toBe(12);
    expect(nextReadPageRows(8, 50, { rows: 8, ms: 1, chars: 8 * 10 * READ_PAGE_CHARS })).toBe(1);
  });
});

describe('openCaptureDb commit', () => {
  it('deletes runs of evicted rows and nothing around them', async () => {
    const db = await openCaptureDb(`capture-db-test-${Math.random()}`);
    const put = emptyBatch();
    for (const tabId of [1, 2])
      for (let seq = 1; seq <= 10; seq++) {
        put.putRecords.push({ key: [tabId, seq], value: { seq } });
        if (seq % 2) put.putBodies.push({ key: [tabId, seq], value: { body: `b${seq}` } });
      }
    await db.commit(put);
    const evict = emptyBatch();
    for (const seq of [1, 2, 3, 4, 6, 7]) {
      evict.deleteRecords.push([1, seq]);
      evict.deleteBodies.push([1, seq]);
    }
    await db.commit(evict);
    const rows = await db.loadAll();
    const keysOf = (list: Array<{ key: RowKey }>, tabId: number) =>
      list.filter((r) => r.key[0] === tabId).map((r) => r.key[1]);
    expect(keysOf(rows.records, 1)).toEqual([5, 8, 9, 10]);
    expect(keysOf(rows.bodies, 1)).toEqual([5, 9]);
    expect(keysOf(rows.records, 2)).toHaveLength(10);
    expect(keysOf(rows.bodies, 2)).toEqual([1, 3, 5, 7, 9]);
  });
});

describe('openCaptureDb paged reads', () => {
  async function filled(tabs: number[], rows: number) {
    const db = await openCaptureDb(`capture-db-test-${Math.random()}`);
    const put = emptyBatch();
    for (const tabId of tabs) {
      put.putMetas.push({ tabId, value: { tabId } });
      for (let seq = 1; seq <= rows; seq++) {
        put.putRecords.push({ key: [tabId, seq], value: { seq } });
        put.putBodies.push({ key: [tabId, seq], value: { body: `b${tabId}-${seq}` } });
      }
    }
    await db.commit(put);
    return db;
  }

  /** The pages of a read of `n` rows that starts at `first` rows a page and grows by half each page up to `max`. */
  function pagesGrowing(first: number, max: number, n: number): number {
    let pages = 0;
    for (let page = first, read = 0; ; page = Math.min(max, Math.ceil(page * 1.5))) {
      pages++;
      read += page;
      if (read > n) return pages;
    }
  }

  it('loads every row of every store across several pages, each with its own key, in key order', async () => {
    const rows = READ_PAGE_ROWS.records + 7; // more than a page of records and several of bodies
    const db = await filled([3, 1, 2], rows);
    const loaded = await db.loadAll();
    expect(loaded.metas.map((m) => m.tabId)).toEqual([1, 2, 3]);
    const expectedKeys = [1, 2, 3].flatMap((tabId) => Array.from({ length: rows }, (_, i) => [tabId, i + 1]));
    expect(loaded.records.map((r) => r.key)).toEqual(expectedKeys);
    expect(loaded.records.every((r) => (r.value as { seq: number }).seq === r.key[1])).toBe(true);
    expect(loaded.bodies.map((b) => b.key)).toEqual(expectedKeys);
    expect(loaded.bodies.every((b) => b.value.body === `b${b.key[0]}-${b.key[1]}`)).toBe(true);
    // The read says what it read (the soak bench reports a restarted worker's load from it).
    // At least these pages: a slow page halves the next (a loaded machine), a small one never grows past the maximum.
    const pages = (n: number, page: number) => Math.floor(n / page) + 1;
    expect(loaded.read!.rows).toBe(3 + 2 * 3 * rows);
    expect(loaded.read!.pages).toBeGreaterThanOrEqual(
      pages(3, READ_PAGE_ROWS.meta) + pages(3 * rows, READ_PAGE_ROWS.records) + pages(3 * rows, READ_PAGE_ROWS.bodies),
    );
    expect(loaded.read!.byStore?.records?.rows).toBe(3 * rows);
    // Records start small and grow by half a page while pages are fast: at least as many pages as that makes.
    expect(loaded.read!.byStore?.records?.pages).toBeGreaterThanOrEqual(
      pagesGrowing(READ_FIRST_PAGE_ROWS.records, READ_PAGE_ROWS.records, 3 * rows),
    );
    expect(loaded.read!.totalMs).toBeGreaterThanOrEqual(loaded.read!.longestPageMs);
    // Each page says how late the event loop ran meanwhile.
    expect(loaded.read!.pageLateMs).toHaveLength(loaded.read!.pages);
    expect(loaded.read!.pageLateMs!.every((ms) => ms >= 0)).toBe(true);
  });

  it('reads the same rows where the backend has no getAllRecords (Firefox): getAllKeys and getAll instead', async () => {
    const db = await filled([1, 2], READ_PAGE_ROWS.records + 3);
    const withRecords = await db.loadAll();
    const proto = IDBObjectStore.prototype as { getAllRecords?: unknown };
    const getAllRecords = proto.getAllRecords;
    expect(typeof getAllRecords).toBe('function');
    delete proto.getAllRecords;
    try {
      const without = await db.loadAll();
      for (const part of ['metas', 'records', 'bodies', 'carried'] as const)
        expect(without[part]).toEqual(withRecords[part]);
    } finally {
      proto.getAllRecords = getAllRecords;
    }
  });

  it("reads one tab's rows in pages and nothing of its neighbours", async () => {
    const db = await filled([1, 2, 3], READ_PAGE_ROWS.records * 2);
    const records = await db.readTab('records', 2);
    expect(records.rows).toBe(READ_PAGE_ROWS.records * 2);
    // Two full pages, then an empty one that ends the read (more when a slow page halved the next).
    expect(records.pages).toBeGreaterThanOrEqual(3);
    const bodies = await db.readTab('bodies', 2);
    expect(bodies.rows).toBe(READ_PAGE_ROWS.records * 2);
    expect(bodies.pages).toBeGreaterThanOrEqual(Math.floor((READ_PAGE_ROWS.records * 2) / READ_PAGE_ROWS.bodies) + 1);
    expect((await db.readTab('records', 9)).rows).toBe(0);
  });

  it('reads large bodies in pages of about READ_PAGE_CHARS characters', async () => {
    const db = await openCaptureDb(`capture-db-test-${Math.random()}`);
    const put = emptyBatch();
    const body = 'x'.repeat(READ_PAGE_CHARS / 4);
    for (let seq = 1; seq <= 16; seq++) put.putBodies.push({ key: [1, seq], value: { body } });
    await db.commit(put);
    const loaded = await db.loadAll();
    expect(loaded.bodies).toHaveLength(16);
    expect(loaded.bodies.every((b) => b.value.body === body)).toBe(true);
    // A few bodies first, then 4 a page (one page of 50 would have held all 4 M characters).
    expect(loaded.read!.byStore?.bodies?.pages).toBeGreaterThanOrEqual(
      1 + Math.ceil((16 - READ_FIRST_PAGE_ROWS.bodies) / 4),
    );
  });

  it('lets a write in between two pages of a read instead of waiting for the whole read', async () => {
    const db = await filled([1], READ_PAGE_ROWS.records * 4);
    const order: string[] = [];
    const read = db.readTab('records', 1).then(() => order.push('read'));
    const write = emptyBatch();
    write.putRecords.push({ key: [1, 1_000_000], value: { seq: 1_000_000 } });
    write.putMetas.push({ tabId: 1, value: { tabId: 1 } });
    const commit = db.commit(write).then((phases) => {
      order.push('commit');
      return phases;
    });
    const [phases] = await Promise.all([commit, read]);
    expect(order).toEqual(['commit', 'read']);
    expect(phases).toMatchObject({
      issueMs: expect.any(Number),
      waitMs: expect.any(Number),
      requestsMs: expect.any(Number),
      finishMs: expect.any(Number),
    });
  });
});
