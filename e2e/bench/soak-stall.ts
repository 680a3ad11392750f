// The soak's longest storage stall, with and without the waits that spanned the bench's own forced GCs.
// The budgeted figure counts every commit, wait and read (soak30): issue 19's method samples the heaps
// "every 10 s after a forced GC", so an outside judge sees the waits across those GCs too. Store25-29
// left them out of the budgeted figure; that figure is kept apart (withoutBenchGcMs), to tell how much
// of the longest stall is a forced GC (docs/storage.md, soak30).

export type Window = [from: number, to: number];

const overlaps = (a: Window, b: Window) => a[0] < b[1] && b[0] < a[1];

export interface StallInputs {
  /** The persister's peaks over the window (persistStats()). */
  maxCommitMs: number;
  maxLagMs: number;
  maxBodyLagMs: number;
  /** Its log of commits whose oldest change or body waited over `lagLogMs` (they hold every commit over it too: a wait includes its commit). */
  lagLog: Array<{ at: number; lagMs: number; bodyLagMs: number; commitMs: number }>;
  lagLogMs: number;
  /** The log is full: older entries fell out, so what overlapped the GCs cannot be told. */
  lagLogFull: boolean;
  /** The slowest read the bench timed (not a storage commit: never excluded). */
  maxReadMs: number;
  /** The bench's forced GCs (epoch ms). */
  gcWindows: Window[];
}

export interface StallFigures {
  /** The budgeted figure: the longest commit, wait or read of the run, the bench's forced GCs included. */
  longestStallMs: number;
  /** The same (the name store25-29 gave it, kept for comparing reports). */
  includingBenchGcMs: number;
  /** The figure store25-29 budgeted: the longest commit, wait or read that overlapped no forced GC of the bench. */
  withoutBenchGcMs: number;
  /** The longest commit or wait that overlapped a forced GC (0 if none). */
  duringBenchGcMs: number;
  /** How many logged waits overlapped a forced GC. */
  waitsDuringBenchGc: number;
  /** True when the log could not tell (it was full): withoutBenchGcMs is then the figure with the GCs. */
  fellBack: boolean;
}

export function soakStall(i: StallInputs): StallFigures {
  const includingBenchGcMs = Math.max(i.maxCommitMs, i.maxLagMs, i.maxBodyLagMs, i.maxReadMs);
  const storage = Math.max(i.maxCommitMs, i.maxLagMs, i.maxBodyLagMs);
  const during = i.lagLog.filter((l) => {
    const w: Window = [l.at - Math.max(l.lagMs, l.bodyLagMs, l.commitMs), l.at];
    return i.gcWindows.some((g) => overlaps(g, w));
  });
  const outside = i.lagLog.filter((l) => !during.includes(l));
  const duringBenchGcMs = Math.max(0, ...during.map((l) => Math.max(l.lagMs, l.bodyLagMs, l.commitMs)));
  if (i.lagLogFull || (storage > i.lagLogMs && i.lagLog.length === 0))
    return {
      longestStallMs: includingBenchGcMs,
      includingBenchGcMs,
      withoutBenchGcMs: includingBenchGcMs,
      duringBenchGcMs,
      waitsDuringBenchGc: during.length,
      fellBack: true,
    };
  // Unlogged commits and waits are at most lagLogMs (and at most the peaks).
  const unlogged = Math.min(storage, i.lagLogMs);
  const longestOutside = Math.max(unlogged, ...outside.map((l) => Math.max(l.lagMs, l.bodyLagMs, l.commitMs)));
  return {
    longestStallMs: includingBenchGcMs,
    includingBenchGcMs,
    withoutBenchGcMs: Math.max(longestOutside, i.maxReadMs),
    duringBenchGcMs,
    waitsDuringBenchGc: during.length,
    fellBack: false,
  };
}
