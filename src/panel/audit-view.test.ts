import { describe, expect, it } from 'vitest';
import type { RetrySequence } from '../core/audit';
import { auditCards, displayCall, timelineGeometry } from './audit-view';

const T0 = 1_700_000_000_000;
const seq: RetrySequence = {
  key: 'GET https://api.example.com/rl?run=7&api_key=SECRET123',
  attempts: [
    { id: 'a', at: T0, status: 429, gapSeconds: null, advisedGapSeconds: null },
    { id: 'b', at: T0 + 300, status: 429, gapSeconds: 0.2, advisedGapSeconds: 2 },
    { id: 'c', at: T0 + 600, status: 200, gapSeconds: 0.2, advisedGapSeconds: 2 },
  ],
  findings: [
    {
      rule: 'retry-too-soon',
      key: 'GET https://api.example.com/rl?run=7&api_key=SECRET123',
      attemptIds: ['a', 'b'],
      fix: 'Honour Retry-After header: waited 0.2 s of 2 s.',
      figures: {},
    },
    {
      rule: 'retry-too-soon',
      key: 'GET https://api.example.com/rl?run=7&api_key=SECRET123',
      attemptIds: ['b', 'c'],
      fix: 'Honour Retry-After header: waited 0.2 s of 2 s.',
      figures: {},
    },
  ],
};

describe('audit view data', () => {
  it('merges findings of one rule in a sequence into one card, with the URL redacted', () => {
    const cards = auditCards([seq]);
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({
      rule: 'retry-too-soon',
      count: 2,
      attemptIds: ['a', 'b', 'c'],
      method: 'GET',
      fix: 'Honour Retry-After header: waited 0.2 s of 2 s.',
    });
    expect(cards[0].key).toContain('run=7');
    expect(cards[0].key).not.toContain('SECRET123');
    expect(displayCall('DELETE https://x.test/a')).toEqual({ method: 'DELETE', url: 'https://x.test/a' });
  });

  it('lays the attempts against the advised waits, measured from the end of the previous response', () => {
    const g = timelineGeometry(seq, (id) => (id === 'a' ? 100 : 0));
    // Axis: from the first attempt to the last advised retry time (0.3 s + 2 s).
    expect(g.spanSeconds).toBeCloseTo(2.3, 5);
    expect(g.marks.map((m) => m.n)).toEqual([1, 2, 3]);
    expect(g.marks[0].left).toBe(0);
    expect(g.marks[1].left).toBeCloseTo((300 / 2300) * 100, 5);
    expect(g.windows).toHaveLength(2);
    expect(g.windows[0]).toMatchObject({ before: 2, seconds: 2, early: true });
    expect(g.windows[0].from).toBeCloseTo((100 / 2300) * 100, 5);
    expect(g.windows[0].to).toBeCloseTo((2100 / 2300) * 100, 5);
    expect(g.windows[1].to).toBe(100);
  });

  it('a retry after the advised wait is not early', () => {
    const polite: RetrySequence = {
      ...seq,
      attempts: [seq.attempts[0], { ...seq.attempts[1], at: T0 + 2050, gapSeconds: 2.05 }],
      findings: [],
    };
    const g = timelineGeometry(polite, () => 0);
    expect(g.windows[0].early).toBe(false);
    expect(g.marks[1].left).toBe(100);
  });
});
