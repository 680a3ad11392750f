// What the long tasks of one renderer thread are made of, from a Chrome trace (issue 18): for each
// task over the threshold on the main thread of the renderer that runs a given origin (from a file's
// drop on, when the trace holds one), the events inside it by self time (a GC, a message's
// deserialization, a script, a layout…), and its thread time (CPU, not stretched by load). Used by
// `npm run bench -- --only import --trace <file>`; also runs on a saved trace:
// `npx tsx e2e/bench/trace-tasks.ts trace.json chrome-extension://<id> [minMs]`; with `--profile
// <file.cpuprofile>` instead of minMs, the script in the longest tasks (scriptsOfLongTasks).
import { readFile } from 'node:fs/promises';

interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, µs: unlike `dur`, not stretched while the thread waits for a core. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

export interface TaskPart {
  /** An event name, with the script function or GC kind where the trace names one. */
  what: string;
  selfMs: number;
}

export interface LongTaskCause {
  /** Trace time of the task's start, ms after the first long task of the list. */
  atMs: number;
  ms: number;
  /** The task's thread time: what it cost on a core, whatever the load. */
  threadMs: number;
  /** The task's parts by self time, largest first (the task's own self time is "RunTask"). */
  parts: TaskPart[];
}

export interface LongTaskSummary {
  tasks: number;
  /**
   * Of those, the tasks whose thread time alone is 50 ms or more, and the longest thread time: on a
   * loaded machine a task of a few ms of CPU waits for a core and passes 50 ms of wall time.
   */
  tasksOver50ThreadMs: number;
  longestThreadMs: number;
  /** Each part's self time summed over all the long tasks, largest first. */
  totals: TaskPart[];
  longest: LongTaskCause[];
}

/** A label that separates what matters: which script function, which GC, which event type. */
function labelOf(e: TraceEvent): string {
  const d = e.args?.data ?? {};
  if (e.name === 'FunctionCall' && d.functionName) return `FunctionCall ${String(d.functionName)}`;
  if (e.name === 'EventDispatch' && d.type) return `EventDispatch ${String(d.type)}`;
  if (e.name === 'TimerFire' || e.name === 'FireAnimationFrame') return e.name;
  return e.name;
}

/** The main thread of the renderer whose events mention `origin` most. */
function mainThreadOf(events: TraceEvent[], origin: string): { pid: number; tid: number } | null {
  const mains = new Set<string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') mains.add(`${e.pid}:${e.tid}`);
  const hits = new Map<string, number>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (!mains.has(key) || !e.args?.data) continue;
    if (JSON.stringify(e.args.data).includes(origin)) hits.set(key, (hits.get(key) ?? 0) + 1);
  }
  const best = [...hits].sort((a, b) => b[1] - a[1])[0];
  if (!best) return null;
  const [pid, tid] = best[0].split(':').map(Number);
  return { pid, tid };
}

export function longTasksOf(events: TraceEvent[], origin: string, minMs = 50, keep = 10): LongTaskSummary | null {
  const thread = mainThreadOf(events, origin);
  if (!thread) return null;
  const mine = events
    .filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  // From the task that dispatches the drop on (when there is one): the bench's building of its file comes before.
  const drop = mine.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'drop');
  const from = drop?.ts ?? -Infinity;
  const tasks = mine.filter((e) => e.name === 'RunTask' && e.dur! >= minMs * 1000 && e.ts + e.dur! >= from);
  const totals = new Map<string, number>();
  const causes: LongTaskCause[] = [];
  let i = 0;
  for (const task of tasks) {
    const end = task.ts + task.dur!;
    while (i < mine.length && mine[i].ts < task.ts) i++;
    // Self time by nesting: each event's duration less its direct children's.
    const self = new Map<TraceEvent, number>([[task, task.dur!]]);
    const stack: TraceEvent[] = [task];
    for (let j = i; j < mine.length && mine[j].ts < end; j++) {
      const e = mine[j];
      if (e === task) continue;
      while (stack.length > 1 && stack.at(-1)!.ts + stack.at(-1)!.dur! <= e.ts) stack.pop();
      const parent = stack.at(-1)!;
      const inside = Math.min(e.dur!, parent.ts + parent.dur! - e.ts);
      self.set(parent, self.get(parent)! - inside);
      self.set(e, inside);
      stack.push(e);
    }
    const parts = new Map<string, number>();
    for (const [e, us] of self) parts.set(labelOf(e), (parts.get(labelOf(e)) ?? 0) + us / 1000);
    for (const [what, ms] of parts) totals.set(what, (totals.get(what) ?? 0) + ms);
    causes.push({
      atMs: (task.ts - tasks[0].ts) / 1000,
      ms: task.dur! / 1000,
      threadMs: (task.tdur ?? 0) / 1000,
      parts: [...parts]
        .map(([what, selfMs]) => ({ what, selfMs: Math.round(selfMs * 10) / 10 }))
        .filter((p) => p.selfMs >= 1)
        .sort((a, b) => b.selfMs - a.selfMs)
        .slice(0, 8),
    });
  }
  return {
    tasks: tasks.length,
    tasksOver50ThreadMs: causes.filter((c) => c.threadMs >= 50).length,
    longestThreadMs: Math.round(Math.max(0, ...causes.map((c) => c.threadMs))),
    totals: [...totals]
      .map(([what, selfMs]) => ({ what, selfMs: Math.round(selfMs) }))
      .sort((a, b) => b.selfMs - a.selfMs)
      .slice(0, 15),
    longest: causes
      .sort((a, b) => b.ms - a.ms)
      .slice(0, keep)
      .map((c) => ({ ...c, atMs: Math.round(c.atMs), ms: Math.round(c.ms), threadMs: Math.round(c.threadMs) })),
  };
}

export const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-v8.gc',
  'v8.execute',
  // Blink's garbage collector (Oilpan): its sweeping ran inside the import's longest layouts (issue 18).
  'cppgc',
  // The panel's own user timing (faultline:arrived, faultline:intake), to place its messages.
  'blink.user_timing',
].join(',');

export async function longTasksOfFile(file: string, origin: string, minMs = 50): Promise<LongTaskSummary | null> {
  const parsed = JSON.parse(await readFile(file, 'utf8')) as TraceEvent[] | { traceEvents: TraceEvent[] };
  return longTasksOf(Array.isArray(parsed) ? parsed : parsed.traceEvents, origin, minMs);
}

/** A CPU profile as CDP's Profiler.stop returns it; its clock is the trace's (µs). */
interface TimedProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }>;
  samples: number[];
  timeDeltas: number[];
  startTime: number;
}

export interface TaskScripts {
  atMs: number;
  ms: number;
  threadMs: number;
  /** Functions by samples inside the task (self, then inclusive), as `n fn (file:line)`. */
  self: string[];
  inclusive: string[];
}

/**
 * What script ran in the longest tasks by thread time: the samples of a CPU profile taken during
 * the trace (`npm run bench -- --only import --profile --trace t.json --out r.json` writes
 * r.import.cpuprofile) that fall inside each task. The trace itself samples no JS.
 */
export function scriptsOfLongTasks(
  events: TraceEvent[],
  origin: string,
  profile: TimedProfile,
  keep = 8,
): TaskScripts[] {
  const thread = mainThreadOf(events, origin);
  if (!thread) return [];
  const mine = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X');
  const from = mine.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'drop')?.ts ?? -Infinity;
  const tasks = mine
    .filter((e) => e.name === 'RunTask' && e.ts + e.dur! >= from && (e.tdur ?? 0) >= 20_000)
    .sort((a, b) => b.tdur! - a.tdur!)
    .slice(0, keep);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (id: number): string => {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    return `${functionName || '(anonymous)'} (${url.split('/').pop()}:${lineNumber + 1})`;
  };
  const times: number[] = [];
  let t = profile.startTime;
  for (const d of profile.timeDeltas) times.push((t += d));
  const top = (m: Map<string, number>): string[] =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([fn, n]) => `${n} ${fn}`);
  return tasks.map((task) => {
    const self = new Map<string, number>();
    const inclusive = new Map<string, number>();
    times.forEach((at, i) => {
      if (at < task.ts || at > task.ts + task.dur!) return;
      const frames = new Set<string>();
      for (let id: number | undefined = profile.samples[i]; id !== undefined; id = parent.get(id))
        if (byId.get(id)!.callFrame.functionName !== '(root)') frames.add(label(id));
      const first = label(profile.samples[i]);
      self.set(first, (self.get(first) ?? 0) + 1);
      for (const f of frames) inclusive.set(f, (inclusive.get(f) ?? 0) + 1);
    });
    return {
      atMs: Math.round((task.ts - from) / 1000),
      ms: Math.round(task.dur! / 1000),
      threadMs: Math.round(task.tdur! / 1000),
      self: top(self),
      inclusive: top(inclusive),
    };
  });
}

if (process.argv[1]?.endsWith('trace-tasks.ts')) {
  const [file, origin, third, fourth] = process.argv.slice(2);
  if (!file || !origin)
    throw new Error(
      'usage: tsx e2e/bench/trace-tasks.ts trace.json chrome-extension://<id> [minMs | --profile import.cpuprofile]',
    );
  if (third === '--profile' && fourth) {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as TraceEvent[] | { traceEvents: TraceEvent[] };
    const profile = JSON.parse(await readFile(fourth, 'utf8')) as TimedProfile;
    const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
    console.log(JSON.stringify(scriptsOfLongTasks(events, origin, profile), null, 2));
  } else console.log(JSON.stringify(await longTasksOfFile(file, origin, Number(third) || 50), null, 2));
}
