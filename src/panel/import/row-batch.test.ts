import { describe, expect, it } from 'vitest';
import type { RequestRecord } from '../../protocol/messages';
import { decodeRowBatch, encodeRowBatch } from './row-batch';

const row = (i: number): RequestRecord =>
  ({
    id: `har:${i}`,
    seq: i,
    tabId: -1,
    exchange: { url: `https://api.test/é/${i}`, method: 'GET', status: 503, body: undefined },
    classification: { errorCode: `e${i}`, hints: ['retry', '✓'] },
  }) as unknown as RequestRecord;

describe('row batches (the import worker → panel)', () => {
  it('round-trips rows through one buffer, with non-ASCII text and undefined keys left out', () => {
    const rows = [row(1), row(2), row(3)];
    const batch = encodeRowBatch(rows);
    expect(batch.count).toBe(3);
    expect(batch.bytes).toBeInstanceOf(ArrayBuffer);
    const back = decodeRowBatch(batch);
    expect(back).toEqual(rows);
    expect('body' in back[0].exchange).toBe(false);
  });

  it('hands over a buffer that transferring detaches, as the worker does', () => {
    const batch = encodeRowBatch([row(1)]);
    const copy = structuredClone(batch, { transfer: [batch.bytes] });
    expect(batch.bytes.byteLength).toBe(0);
    expect(decodeRowBatch(copy)).toEqual([row(1)]);
  });
});
