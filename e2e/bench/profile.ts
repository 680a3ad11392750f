// In-process CPU profiling (node:inspector), summarized as self and inclusive time per function, so
// `npm run bench -- --profile` names the hot spots without extra tools.
import { Session } from 'node:inspector/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface HotSpot {
  fn: string;
  selfPct: number;
  totalPct: number;
  /** The caller that accounts for most of its self time. */
  mainCaller: string;
}

export async function profile(work: () => void | Promise<void>): Promise<CpuProfile> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    await session.post('Profiler.start');
    await work();
    const { profile: result } = await session.post('Profiler.stop');
    return result as unknown as CpuProfile;
  } finally {
    session.disconnect();
  }
}

/** Maps a script URL and 0-based line to a friendlier source name (e.g. the bundle's regions). */
export type SourceMapper = (url: string, line: number) => string | null;

let mapSource: SourceMapper = () => null;

export function setSourceMapper(mapper: SourceMapper): void {
  mapSource = mapper;
}

function label(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url ? (mapSource(url, lineNumber) ?? url.split('/').slice(-1)[0]) : '';
  // Anonymous functions are told apart by line (1-based).
  const where = file ? ` (${file}${functionName ? '' : `:${lineNumber + 1}`})` : '';
  return `${functionName || '(anonymous)'}${where}`;
}

/** Functions by self time, with their inclusive time, as percentages of the samples. */
export function hotSpots(p: CpuProfile, top = 25): HotSpot[] {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const timeById = new Map<number, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const dt = Math.max(0, p.timeDeltas[i] ?? 0);
    timeById.set(id, (timeById.get(id) ?? 0) + dt);
    total += dt;
  });
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  const callers = new Map<string, Map<string, number>>();
  for (const [id, t] of timeById) {
    const key = label(byId.get(id)!);
    self.set(key, (self.get(key) ?? 0) + t);
    const parentId = parent.get(id);
    if (parentId !== undefined) {
      const by = callers.get(key) ?? new Map<string, number>();
      const caller = label(byId.get(parentId)!);
      by.set(caller, (by.get(caller) ?? 0) + t);
      callers.set(key, by);
    }
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = label(byId.get(cur)!);
      if (seen.has(k)) continue;
      seen.add(k);
      incl.set(k, (incl.get(k) ?? 0) + t);
    }
  }
  const pct = (t: number) => Math.round((1000 * t) / (total || 1)) / 10;
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([fn, t]) => ({
      fn,
      selfPct: pct(t),
      totalPct: pct(incl.get(fn) ?? t),
      mainCaller: [...(callers.get(fn) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '',
    }));
}

/** Inclusive time of the named functions (e.g. the classifier's stages). */
export function inclusiveOf(p: CpuProfile, names: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  const byName = new Map<string, number>();
  // Recompute inclusive time per bare function name over every node.
  const ids = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  let total = 0;
  const perSample = new Map<number, number>();
  p.samples.forEach((id, i) => {
    const dt = Math.max(0, p.timeDeltas[i] ?? 0);
    perSample.set(id, (perSample.get(id) ?? 0) + dt);
    total += dt;
  });
  for (const [id, t] of perSample) {
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const name = ids.get(cur)!.callFrame.functionName;
      if (!names.includes(name) || seen.has(name)) continue;
      seen.add(name);
      byName.set(name, (byName.get(name) ?? 0) + t);
    }
  }
  for (const name of names) out[name] = Math.round((1000 * (byName.get(name) ?? 0)) / (total || 1)) / 10;
  return out;
}

/** A CPU profile as CDP's Profiler.stop returns it (timestamps in µs of the profiled process's clock). */
export interface TimedCpuProfile extends CpuProfile {
  startTime: number;
  endTime: number;
}

export interface StallProfile {
  /** The stall: its start (s from `t0`), its length, the profile's samples inside it (ms) and how many of those were idle. */
  t: number;
  ms: number;
  sampledMs: number;
  idleMs: number;
  /** Functions by self time inside the stall (ms), the largest first. */
  top: Array<{ fn: string; selfMs: number }>;
}

/**
 * The profile's self time inside each window (epoch ms), per function, and summed over all windows:
 * what the worker ran while its event loop was stalled. `epochAtStart` is the epoch ms at the
 * profile's startTime (taken around Profiler.start: off by that call's round trip, tens of ms at
 * most, against stalls of 200 ms and more).
 */
export function selfTimeInWindows(
  p: TimedCpuProfile,
  epochAtStart: number,
  windows: Array<[from: number, to: number]>,
  t0: number,
  top = 10,
): {
  stalls: StallProfile[];
  overall: Array<{ fn: string; selfMs: number; stalls: number }>;
  stacks: Array<{ stack: string; selfMs: number }>;
} {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // A sample's function and its first callers, innermost first: where in Faultline the time went.
  const stackOf = (id: number): string => {
    const frames: string[] = [];
    for (let cur: number | undefined = id; cur !== undefined && frames.length < 6; cur = parent.get(cur)) {
      const n = byId.get(cur)!;
      if (n.callFrame.functionName === '(root)') break;
      frames.push(label(n));
    }
    return frames.join(' < ');
  };
  const stacks = new Map<string, number>();
  // Sample i was taken at startTime + the sum of timeDeltas up to i (µs).
  const at: number[] = [];
  let ts = p.startTime;
  for (let i = 0; i < p.samples.length; i++) {
    ts += p.timeDeltas[i] ?? 0;
    at.push(epochAtStart + (ts - p.startTime) / 1000);
  }
  const overall = new Map<string, { selfMs: number; stalls: Set<number> }>();
  const stalls: StallProfile[] = windows.map(([from, to], w) => {
    const self = new Map<string, number>();
    let sampledMs = 0;
    let idleMs = 0;
    for (let i = 0; i < at.length; i++) {
      if (at[i] < from || at[i] >= to) continue;
      // A sample stands for the time since the one before it.
      const ms = (p.timeDeltas[i] ?? 0) / 1000;
      const fn = label(byId.get(p.samples[i])!);
      sampledMs += ms;
      if (fn.startsWith('(idle)')) idleMs += ms;
      self.set(fn, (self.get(fn) ?? 0) + ms);
      const stack = stackOf(p.samples[i]);
      stacks.set(stack, (stacks.get(stack) ?? 0) + ms);
      const o = overall.get(fn) ?? { selfMs: 0, stalls: new Set<number>() };
      o.selfMs += ms;
      o.stalls.add(w);
      overall.set(fn, o);
    }
    return {
      t: Math.round((from - t0) / 100) / 10,
      ms: Math.round(to - from),
      sampledMs: Math.round(sampledMs),
      idleMs: Math.round(idleMs),
      top: [...self]
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(([fn, ms]) => ({ fn, selfMs: Math.round(ms) })),
    };
  });
  return {
    stalls,
    overall: [...overall]
      .sort((a, b) => b[1].selfMs - a[1].selfMs)
      .slice(0, 25)
      .map(([fn, o]) => ({ fn, selfMs: Math.round(o.selfMs), stalls: o.stalls.size })),
    stacks: [...stacks]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 25)
      .map(([stack, ms]) => ({ stack, selfMs: Math.round(ms) })),
  };
}
