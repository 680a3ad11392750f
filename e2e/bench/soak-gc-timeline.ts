// What ran around each of the soak's forced GCs of the worker, on one clock (epoch ms, relative to the
// GC's start): the persister's commits (its commit trace), the long waits it logged, the bench's own
// calls and the worker's event-loop stalls. A wait that spans a forced GC is told apart into the GC,
// the commits before and after it, and what the bench did meanwhile (issue 19).
import type { CommitTraceEntry } from '../../src/background/persist';
import type { Window } from './soak-stall';

export type BenchStep = [name: string, from: number, to: number];

/** A commit of the persister's trace (`faultlineDebug.commitTrace`), as the worker records it. */
export type TracedCommit = CommitTraceEntry;

export interface TimelineInputs {
  gcWindows: Window[];
  commits: TracedCommit[];
  waits: Array<{ at: number; lagMs: number; bodyLagMs: number; commitMs: number }>;
  steps: BenchStep[];
  loopStalls: Window[];
  /** How far before the GC's start and after its end to look (ms). */
  beforeMs?: number;
  afterMs?: number;
}

export interface TimelineEvent {
  /** ms from the GC's start (negative: before it). */
  fromMs: number;
  toMs: number;
  what: string;
}

export interface GcTimeline {
  gcStart: number;
  gcMs: number;
  events: TimelineEvent[];
  /** The longest logged wait that overlapped the GC, and how much of it the GC was (0 if none). */
  longestWaitMs: number;
  longestWaitGcMs: number;
}

const overlaps = (a: Window, b: Window) => a[0] < b[1] && b[0] < a[1];

export function gcTimelines(i: TimelineInputs): GcTimeline[] {
  const before = i.beforeMs ?? 2_000;
  const after = i.afterMs ?? 4_000;
  return i.gcWindows.map(([gcStart, gcEnd]) => {
    const span: Window = [gcStart - before, gcEnd + after];
    const rel = (t: number) => Math.round(t - gcStart);
    const events: TimelineEvent[] = [];
    for (const c of i.commits) {
      if (!overlaps(span, [c.at, c.at + Math.max(c.ms, 1)])) continue;
      const p = c.phases;
      events.push({
        fromMs: rel(c.at),
        toMs: rel(c.at + c.ms),
        what:
          `commit ${Math.round(c.ms)} ms: ${c.records} rows, ${c.bodies} bodies, ${c.metas} metas; ` +
          `oldest change had waited ${Math.round(c.waitedMs)} ms, timer ${Math.round(c.timerLateMs)} ms late, ` +
          `queue ${c.queued} rows / ${c.bodiesQueued} bodies` +
          (p
            ? `; issue ${Math.round(p.issueMs)} / wait ${Math.round(p.waitMs)} / requests ${Math.round(p.requestsMs)} / finish ${Math.round(p.finishMs)}`
            : ''),
      });
    }
    let longestWaitMs = 0;
    let longestWaitGcMs = 0;
    for (const w of i.waits) {
      const longest = Math.max(w.lagMs, w.bodyLagMs, w.commitMs);
      const window: Window = [w.at - longest, w.at];
      if (!overlaps(span, window)) continue;
      events.push({
        fromMs: rel(window[0]),
        toMs: rel(window[1]),
        what: `wait ${Math.round(w.lagMs)} ms (body ${Math.round(w.bodyLagMs)} ms), its commit ${Math.round(w.commitMs)} ms`,
      });
      if (overlaps(window, [gcStart, gcEnd]) && longest > longestWaitMs) {
        longestWaitMs = longest;
        longestWaitGcMs = Math.min(gcEnd, window[1]) - Math.max(gcStart, window[0]);
      }
    }
    for (const [name, from, to] of i.steps)
      if (overlaps(span, [from, Math.max(to, from + 1)]))
        events.push({ fromMs: rel(from), toMs: rel(to), what: `bench: ${name}` });
    for (const [from, to] of i.loopStalls)
      if (overlaps(span, [from, to])) events.push({ fromMs: rel(from), toMs: rel(to), what: 'worker loop stalled' });
    events.sort((a, b) => a.fromMs - b.fromMs || a.toMs - b.toMs);
    return {
      gcStart,
      gcMs: gcEnd - gcStart,
      events,
      longestWaitMs: Math.round(longestWaitMs),
      longestWaitGcMs: Math.round(longestWaitGcMs),
    };
  });
}
