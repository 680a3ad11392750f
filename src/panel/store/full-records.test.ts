import { afterEach, describe, expect, it, vi } from 'vitest';
import { toListRecord, type ListRequestRecord } from '../../protocol/list-record';
import type { RequestRecord } from '../../protocol/messages';
import { manyFailures } from '../testing';
import { FullRecords } from './full-records';

const full = manyFailures(3);
const rows = full.map((r) => toListRecord(r) as ListRequestRecord);

function setup(timeoutMs = 1000) {
  const asked: Array<{ requestId: number; ids: string[] }> = [];
  let arrived = 0;
  const cache = new FullRecords(
    (requestId, ids) => asked.push({ requestId, ids }),
    () => arrived++,
    timeoutMs,
  );
  return { cache, asked, arrived: () => arrived };
}

describe('FullRecords', () => {
  afterEach(() => vi.useRealTimers());

  it('a full record (an imported file) is its own; a list row is asked for once and kept', async () => {
    const { cache, asked, arrived } = setup();
    expect(cache.get(full[0])).toBe(full[0]);
    expect(cache.get(rows[0])).toBeUndefined();
    const first = cache.requestFromBackground([rows[0], rows[1]]);
    const again = cache.requestFromBackground([rows[1]]);
    expect(asked).toEqual([{ requestId: 1, ids: ['wr:1', 'wr:2'] }]);
    cache.receive([full[0], full[1]], []);
    expect(await first).toEqual({ records: [full[0], full[1]], missing: 0 });
    expect(await again).toEqual({ records: [full[1]], missing: 0 });
    expect(cache.get(rows[1])).toBe(full[1]);
    expect(arrived()).toBe(1);
    await cache.requestFromBackground([rows[0]]);
    expect(asked.length).toBe(1);
  });

  it('counts what the background no longer holds', async () => {
    const { cache } = setup();
    const pending = cache.requestFromBackground(rows);
    cache.receive([full[2]], ['wr:1', 'wr:2']);
    expect(await pending).toEqual({ records: [full[2]], missing: 2 });
  });

  it('an update makes the kept copy stale: the next fetch asks again', async () => {
    const { cache, asked } = setup();
    const pending = cache.requestFromBackground([rows[0]]);
    cache.receive([full[0]], []);
    await pending;
    cache.invalidate(['wr:1']);
    expect(cache.get(rows[0])).toBeUndefined();
    const updated: RequestRecord = { ...full[0], bodyState: 'captured' };
    const next = cache.requestFromBackground([rows[0]]);
    cache.receive([updated], []);
    expect((await next).records[0]).toBe(updated);
    expect(asked.map((a) => a.ids)).toEqual([['wr:1'], ['wr:1']]);
  });

  it('without an answer, resolves with what it has after the timeout and asks again next time', async () => {
    vi.useFakeTimers();
    const { cache, asked } = setup(500);
    const pending = cache.requestFromBackground([rows[0]]);
    vi.advanceTimersByTime(500);
    expect(await pending).toEqual({ records: [], missing: 1 });
    void cache.requestFromBackground([rows[0]]);
    expect(asked.length).toBe(2);
  });

  it('a clear settles every waiter', async () => {
    const { cache } = setup();
    const pending = cache.requestFromBackground(rows);
    cache.clear();
    expect(await pending).toEqual({ records: [], missing: 3 });
  });
});
