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
