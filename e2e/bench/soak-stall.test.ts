import { describe, expect, it } from 'vitest';
import { soakStall, type StallInputs } from './soak-stall';

const base: StallInputs = {
  maxCommitMs: 400,
  maxLagMs: 500,
  maxBodyLagMs: 300,
  lagLog: [],
  lagLogMs: 600,
  lagLogFull: false,
  maxReadMs: 120,
  gcWindows: [[100_000, 103_000]],
};

describe('soakStall', () => {
  it('takes the peaks when nothing was logged', () => {
    expect(soakStall(base)).toMatchObject({
      longestStallMs: 500,
      includingBenchGcMs: 500,
      withoutBenchGcMs: 500,
      duringBenchGcMs: 0,
    });
  });

  it('counts a wait that overlapped a forced GC of the bench (issue 19: heaps sampled after forced GCs), and tells it apart', () => {
    const f = soakStall({
      ...base,
      maxLagMs: 2_659,
      maxCommitMs: 900,
      lagLog: [
        { at: 102_600, lagMs: 2_659, bodyLagMs: 0, commitMs: 139 },
        { at: 120_000, lagMs: 900, bodyLagMs: 850, commitMs: 900 },
      ],
    });
    expect(f).toEqual({
      longestStallMs: 2_659,
      includingBenchGcMs: 2_659,
      withoutBenchGcMs: 900,
      duringBenchGcMs: 2_659,
      waitsDuringBenchGc: 1,
      fellBack: false,
    });
  });

  it('counts a wait that ended just after the GC began, and one outside it in full', () => {
    const f = soakStall({
      ...base,
      maxLagMs: 1_400,
      lagLog: [
        // Ended 10 ms into the GC: it overlapped, left out.
        { at: 100_010, lagMs: 700, bodyLagMs: 0, commitMs: 50 },
        // Began after the GC ended: the store's own.
        { at: 105_000, lagMs: 1_400, bodyLagMs: 0, commitMs: 80 },
      ],
    });
    expect(f.withoutBenchGcMs).toBe(1_400);
    expect(f.waitsDuringBenchGc).toBe(1);
  });

  it('never leaves out a slow read, and bounds unlogged waits by the log threshold', () => {
    const f = soakStall({
      ...base,
      maxLagMs: 3_000,
      maxReadMs: 1_100,
      lagLog: [{ at: 101_000, lagMs: 3_000, bodyLagMs: 0, commitMs: 10 }],
    });
    expect(f.withoutBenchGcMs).toBe(1_100);
    expect(f.longestStallMs).toBe(3_000);
    expect(
      soakStall({
        ...base,
        maxLagMs: 3_000,
        maxReadMs: 0,
        lagLog: [{ at: 101_000, lagMs: 3_000, bodyLagMs: 0, commitMs: 10 }],
      }).withoutBenchGcMs,
    ).toBe(600);
  });

  it('falls back to the figure with the GCs when the log was full or lost its entries', () => {
    const full = soakStall({
      ...base,
      maxLagMs: 2_000,
      lagLogFull: true,
      lagLog: [{ at: 101_000, lagMs: 2_000, bodyLagMs: 0, commitMs: 5 }],
    });
    expect(full).toMatchObject({ longestStallMs: 2_000, withoutBenchGcMs: 2_000, fellBack: true });
    expect(soakStall({ ...base, maxLagMs: 2_000 })).toMatchObject({ withoutBenchGcMs: 2_000, fellBack: true });
  });
});
