import { describe, expect, it } from 'vitest';
import { gcTimelines, type TracedCommit } from './soak-gc-timeline';

const commit = (at: number, ms: number, extra: Partial<TracedCommit> = {}): TracedCommit => ({
  at,
  ms,
  timerLateMs: 0,
  waitedMs: 250,
  queued: 10,
  bodiesQueued: 1,
  records: 10,
  bodies: 1,
  metas: 1,
  ...extra,
});

describe('gcTimelines', () => {
  it('places commits, waits, bench calls and loop stalls around a forced GC, relative to its start', () => {
    const [tl] = gcTimelines({
      gcWindows: [[100_000, 100_600]],
      commits: [commit(90_000, 50), commit(99_900, 900, { timerLateMs: 20 }), commit(101_000, 80)],
      waits: [
        { at: 100_800, lagMs: 1_150, bodyLagMs: 0, commitMs: 900 },
        { at: 120_000, lagMs: 700, bodyLagMs: 0, commitMs: 30 },
      ],
      steps: [
        ['forced GC', 100_000, 100_600],
        ['one-row read', 100_650, 100_700],
      ],
      loopStalls: [[100_010, 100_590]],
    });
    expect(tl.gcMs).toBe(600);
    // The commit at 90 s and the wait ending at 120 s are outside the span (2 s before, 4 s after).
    expect(tl.events.map((e) => [e.fromMs, e.toMs, e.what.split(' ')[0]])).toEqual([
      [-350, 800, 'wait'],
      [-100, 800, 'commit'],
      [0, 600, 'bench:'],
      [10, 590, 'worker'],
      [650, 700, 'bench:'],
      [1000, 1080, 'commit'],
    ]);
    expect(tl.longestWaitMs).toBe(1_150);
    expect(tl.longestWaitGcMs).toBe(600);
  });

  it('reports no wait across a GC that no logged wait overlapped', () => {
    const [tl] = gcTimelines({
      gcWindows: [[100_000, 100_100]],
      commits: [],
      waits: [{ at: 101_000, lagMs: 700, bodyLagMs: 0, commitMs: 10 }],
      steps: [],
      loopStalls: [],
    });
    expect(tl.events).toHaveLength(1);
    expect([tl.longestWaitMs, tl.longestWaitGcMs]).toEqual([0, 0]);
  });
});
