import { describe, expect, it } from 'vitest';
import { toListRecord } from '../protocol/list-record';
import type { CaptureRecord, RequestRecord } from '../protocol/messages';
import { unpackRecords } from '../protocol/packed-records';
import { fakeClassify } from './test-support';
import { PackedRowCache } from './packed-row-cache';
import { snapshotMessages, type PackRows } from './snapshot-messages';

function failure(seq: number, status = 500): RequestRecord {
  const exchange = {
    method: 'GET',
    url: `https://api.test/items/${seq}`,
    status,
    startedAt: 1_700_000_000_000 + seq,
    requestHeaders: [{ name: 'User-Agent', value: 'only in the full record' }],
  };
  return {
    kind: 'request',
    id: `wr:${seq}`,
    tabId: 1,
    seq,
    exchange,
    classification: fakeClassify(exchange),
    bodyState: 'not-captured',
    sources: ['webRequest'],
  };
}

const failures = (from: number, n: number) => Array.from({ length: n }, (_, i) => failure(from + i));

/** Every row a panel opening on `records` would get, packing through `pack`, with the message sizes. */
function open(records: CaptureRecord[], pack: PackRows, first = 3, rest = 10) {
  const stats = { seen: 0, droppedRecords: 0, truncatedBodies: 0, droppedBodies: 0, bodiesArriving: true };
  const messages = [...snapshotMessages(1, records, stats, false, { first, rest }, pack)];
  const sizes = messages.map((m) => m.payload.packed!.count);
  const parts = messages.map((m) => unpackRecords<CaptureRecord>(m.payload.packed!));
  // Newest first: every message is older than the one before it.
  for (let i = 1; i < parts.length; i++) expect(parts[i].at(-1)!.seq).toBeLessThan(parts[i - 1][0].seq);
  return { rows: parts.flat().sort((a, b) => a.seq - b.seq), sizes };
}

const listRows = (records: CaptureRecord[]) => JSON.parse(JSON.stringify(records.map(toListRecord)));

describe('PackedRowCache', () => {
  it('packs the list rows once: a second open of the same records posts the kept runs', () => {
    const cache = new PackedRowCache();
    const pack: PackRows = (records, from, max) => cache.take(1, records, from, max);
    const records = failures(1, 25);
    const first = open(records, pack);
    expect(first.rows).toEqual(listRows(records));
    // The newest 3 rows, then the older ones in runs from the oldest up, posted newest run first.
    expect(first.sizes).toEqual([3, 2, 10, 10]);
    expect(cache.stats).toMatchObject({ packedRows: 25, reusedRows: 0 });
    const second = open(records, pack);
    expect(second.rows).toEqual(listRows(records));
    expect(second.sizes).toEqual([3, 2, 10, 10]);
    expect(cache.stats).toMatchObject({ packedRows: 25, reusedRows: 25 });
  });

  it('packs again the run of a record that changed, and only that run', () => {
    const cache = new PackedRowCache();
    const pack: PackRows = (records, from, max) => cache.take(1, records, from, max);
    const records = failures(1, 25);
    open(records, pack);
    const changed = failure(8, 404);
    records[7] = changed;
    cache.changed(1, changed.id);
    const again = open(records, pack);
    expect(again.rows).toEqual(listRows(records));
    expect((again.rows[7] as RequestRecord).exchange.status).toBe(404);
    expect(cache.stats).toMatchObject({ packedRows: 35, reusedRows: 15, droppedRuns: 1 });
  });

  it('keeps the older runs when records are added, and packs the newest rows and the ones they pushed out again', () => {
    const cache = new PackedRowCache();
    const pack: PackRows = (records, from, max) => cache.take(1, records, from, max);
    const records = failures(1, 25);
    open(records, pack);
    records.push(...failures(26, 4));
    const again = open(records, pack);
    expect(again.rows).toEqual(listRows(records));
    // The newest 3 afresh; the 3 that were newest and the 1 after them as one run; the rest kept.
    expect(again.sizes).toEqual([3, 4, 2, 10, 10]);
    expect(cache.stats).toMatchObject({ packedRows: 32, reusedRows: 22 });
  });

  it('after the oldest records are evicted, packs only up to the next kept run', () => {
    const cache = new PackedRowCache();
    const pack: PackRows = (records, from, max) => cache.take(1, records, from, max);
    const records = failures(1, 25);
    open(records, pack);
    const evicted = records.splice(0, 2);
    for (const r of evicted) cache.changed(1, r.id);
    const again = open(records, pack);
    expect(again.rows).toEqual(listRows(records));
    expect(again.sizes).toEqual([3, 2, 10, 8]);
    expect(cache.stats).toMatchObject({ packedRows: 33, reusedRows: 15 });
    // That short run is kept too: it is followed by a kept run.
    open(records, pack);
    expect(cache.stats).toMatchObject({ packedRows: 33, reusedRows: 38 });
  });

  it('forgets a cleared tab, and keeps tabs apart', () => {
    const cache = new PackedRowCache();
    const records = failures(1, 5);
    cache.take(1, records, 0, 10);
    cache.take(2, records, 0, 10);
    cache.forget(1);
    cache.take(1, records, 0, 10);
    cache.take(2, records, 0, 10);
    expect(cache.stats).toMatchObject({ packedRows: 15, reusedRows: 5 });
  });
});
