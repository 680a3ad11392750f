import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { emptyBatch, keyRuns, openCaptureDb, type RowKey } from './capture-db';

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
