import { describe, expect, it } from 'vitest';
import { requestRecord, type RecordSpec } from '../testing';
import { AuditIndex } from './audit-index';

const T0 = 1_700_000_000_000;
/** Attempts of one call: the same URL, at the given offsets. */
function call(url: string, steps: Array<[number, number, Partial<RecordSpec>?]>, firstSeq: number) {
  return steps.map(([at, status, extra], i) =>
    requestRecord({ seq: firstSeq + i, url, status, startedAt: T0 + at, method: 'POST', ...extra }),
  );
}

describe('AuditIndex', () => {
  it('flags each attempt of a 422 re-sent unchanged, and counts one finding per rule and sequence', () => {
    const index = new AuditIndex();
    index.reset(
      call(
        'https://api.example.com/orders?run=1',
        [
          [0, 422],
          [50, 422],
          [100, 422],
        ],
        1,
      ),
    );
    expect(index.refresh()).toBe(true);
    expect(index.sequenceCount()).toBe(1);
    expect(index.findingCount()).toBe(1);
    expect(index.rulesFor('wr:1')).toEqual(['unchanged-retry']);
    expect(index.rulesFor('wr:3')).toEqual(['unchanged-retry']);
    expect(index.sequences()[0].key).toBe('POST https://api.example.com/orders?run=1');
  });

  it('audits only the calls an upsert touched, and none of a burst of distinct URLs', () => {
    const index = new AuditIndex();
    index.reset(
      call(
        'https://api.example.com/a',
        [
          [0, 422],
          [50, 422],
        ],
        1,
      ),
    );
    index.refresh();
    const before = index.auditedCalls;
    const burst = Array.from({ length: 2000 }, (_, i) =>
      requestRecord({ seq: 100 + i, url: `https://api.example.com/burst/${i}`, status: i % 10 === 7 ? 500 : 200 }),
    );
    index.upsert(burst);
    expect(index.refresh()).toBe(false);
    expect(index.auditedCalls).toBe(before);
    expect(index.rulesFor('wr:1')).toEqual(['unchanged-retry']);
  });

  it('a record updated in place or evicted re-audits its call', () => {
    const index = new AuditIndex();
    const [first, second] = call(
      'https://api.example.com/b',
      [
        [0, 422],
        [50, 422],
      ],
      1,
    );
    index.reset([first, second]);
    index.refresh();
    expect(index.rulesFor(second.id)).toBeDefined();
    // An update (here the second response changing) re-audits the call; an unchanged re-send of a 422 stays a finding.
    const before = index.auditedCalls;
    index.upsert([
      requestRecord({
        seq: 2,
        url: 'https://api.example.com/b',
        status: 201,
        startedAt: T0 + 50,
        method: 'POST',
        failure: false,
      }),
    ]);
    index.refresh();
    expect(index.auditedCalls).toBe(before + 1);
    expect(index.rulesFor(second.id)).toEqual(['unchanged-retry']);
    index.remove([first.id]);
    expect(index.refresh()).toBe(true);
    expect(index.rulesFor(second.id)).toBeUndefined();
    expect(index.sequenceCount()).toBe(0);
  });

  it('counts clean retry sequences: a 503 retried after a growing wait is no finding', () => {
    const index = new AuditIndex();
    index.reset(
      call(
        'https://api.example.com/c',
        [
          [0, 503, { method: 'GET', retryable: true }],
          [1000, 503, { method: 'GET', retryable: true }],
          [3000, 200, { method: 'GET' }],
        ],
        1,
      ),
    );
    index.refresh();
    expect(index.sequenceCount()).toBe(1);
    expect(index.findingCount()).toBe(0);
    expect([...index.flaggedIds()]).toEqual([]);
  });

  it('queues upserts and buckets them when read: a removal or a lookup sees every record, in order', () => {
    const index = new AuditIndex();
    const [first, second, third] = call(
      'https://api.example.com/queued',
      [
        [0, 422],
        [50, 422],
        [100, 422],
      ],
      1,
    );
    index.upsert([first]);
    index.upsert([second, third]);
    expect(index.pending).toBe(true);
    expect(index.record('wr:2')).toBe(second);
    // A removal after queued upserts applies to them, not to an empty index.
    index.remove(['wr:3']);
    expect(index.record('wr:3')).toBeUndefined();
    expect(index.refresh()).toBe(true);
    expect(index.pending).toBe(false);
    expect(index.rulesFor('wr:1')).toEqual(['unchanged-retry']);
    expect(index.rulesFor('wr:3')).toBeUndefined();
    // A reset drops what was queued before it.
    index.upsert([third]);
    index.reset([first]);
    expect(index.record('wr:3')).toBeUndefined();
    expect(index.refresh()).toBe(false);
    expect(index.sequenceCount()).toBe(0);
  });

  it('buckets a backlog in slices: ingestUntil stops at the deadline and the next call goes on where it stopped', () => {
    const index = new AuditIndex();
    const retried = call(
      'https://api.example.com/sliced',
      [
        [0, 422],
        [50, 422],
      ],
      1,
    );
    const distinct = Array.from({ length: 1_200 }, (_, i) =>
      requestRecord({ seq: 10 + i, url: `https://api.example.com/items/${i}`, status: 200, startedAt: T0 + i }),
    );
    index.upsert([retried[0], ...distinct]);
    index.upsert([retried[1]]);
    let clock = 0;
    const now = () => clock++;
    // Time for one step only: the backlog is not all in.
    expect(index.ingestUntil(1, now)).toBe(false);
    expect(index.pending).toBe(true);
    clock = 0;
    expect(index.ingestUntil(1, now)).toBe(false);
    // Enough time: the rest, the second batch included, and the call's two attempts are audited.
    expect(index.ingestUntil(Infinity, now)).toBe(true);
    expect(index.refresh()).toBe(true);
    expect(index.rulesFor('wr:2')).toEqual(['unchanged-retry']);
    expect(index.record('wr:1209')).toBe(distinct[1_199]);
  });
});
