// classifyRatio: classify() over a mixed corpus vs JSON.parse over the same bodies, measured as
// interleaved pairs in one process so machine noise hits both sides alike.
import type { Exchange } from '../../src/core/types';
import os from 'node:os';
import { bundleSourceOf, loadBaselineCore, loadBundledCore, type CoreModule } from './core-bundle';
import { buildCorpus } from './corpus';
import { median, round } from './stats';

export interface ClassifyFigures {
  classifyRatio: number;
  classifyPerSecond: number;
  detail: {
    exchanges: number;
    bodies: number;
    bodyMiB: number;
    sources: { seedCases: number; formatFixtures: number; realHarEntries: number };
    rounds: number;
    /** What classifyMs and jsonParseMs count. */
    clock: string;
    classifyMs: number;
    jsonParseMs: number;
    /** The same ratio over each part of the corpus, to show where the time goes. */
    apiErrorRatio: number;
    realHarRatio: number;
  };
  /** This tree's classify against a baseline's (--baseline), in alternating rounds in one process. */
  classifyVsBaseline?: BaselineComparison;
  /** Why the baseline could not be measured (e.g. the revision is absent from a shallow clone). */
  baselineError?: string;
}

export interface PartComparison {
  baselineMs: number;
  currentMs: number;
  /** Median over rounds of current ÷ baseline (below 1: this tree is faster). */
  ratio: number;
}

export interface BaselineComparison {
  baseline: string;
  rounds: number;
  clock: string;
  overall: PartComparison;
  apiError: PartComparison;
  realHar: PartComparison;
  loadAverage: { start: number[]; end: number[] };
}

let sink = 0;

/**
 * Process CPU time in ms. On a shared machine a timed loop is often descheduled; wall time then
 * counts other processes' work, CPU time does not.
 */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
let classify: CoreModule['classify'];

function parseAll(list: readonly Exchange[]): number {
  const t = cpuMs();
  for (const x of list) {
    const body = x.body;
    if (typeof body !== 'string' || body === '') continue;
    try {
      const v = JSON.parse(body);
      if (v !== null && typeof v === 'object') sink++;
    } catch {
      sink--;
    }
  }
  return cpuMs() - t;
}

function classifyAll(list: readonly Exchange[], now: number, fn: CoreModule['classify'] = classify): number {
  const t = cpuMs();
  for (const x of list) {
    if (fn(x, { now }).failure) sink++;
  }
  return cpuMs() - t;
}

/** Baseline and current classify over the same list, the order alternating per round. */
function pairedAgainst(
  baseline: CoreModule['classify'],
  list: readonly Exchange[],
  rounds: number,
  now: number,
): PartComparison {
  for (let i = 0; i < 2; i++) {
    classifyAll(list, now, baseline);
    classifyAll(list, now);
  }
  const ratios: number[] = [];
  const before: number[] = [];
  const after: number[] = [];
  for (let i = 0; i < rounds; i++) {
    let b: number;
    let a: number;
    if (i % 2 === 0) {
      b = classifyAll(list, now, baseline);
      a = classifyAll(list, now);
    } else {
      a = classifyAll(list, now);
      b = classifyAll(list, now, baseline);
    }
    ratios.push(a / b);
    before.push(b);
    after.push(a);
  }
  return { baselineMs: round(median(before), 1), currentMs: round(median(after), 1), ratio: round(median(ratios)) };
}

/** Median over rounds of (classify time / JSON.parse time), the order alternating per round. */
function pairedRatio(list: readonly Exchange[], rounds: number, warmup: number, now: number) {
  for (let i = 0; i < warmup; i++) {
    parseAll(list);
    classifyAll(list, now);
  }
  const ratios: number[] = [];
  const parses: number[] = [];
  const classifies: number[] = [];
  for (let i = 0; i < rounds; i++) {
    let p: number;
    let c: number;
    if (i % 2 === 0) {
      p = parseAll(list);
      c = classifyAll(list, now);
    } else {
      c = classifyAll(list, now);
      p = parseAll(list);
    }
    ratios.push(c / p);
    parses.push(p);
    classifies.push(c);
  }
  return { ratio: median(ratios), parseMs: median(parses), classifyMs: median(classifies) };
}

export async function runClassifyBench(
  opts: { size?: number; rounds?: number; log?: (s: string) => void; baseline?: string } = {},
): Promise<ClassifyFigures> {
  classify = (await loadBundledCore()).classify;
  const log = opts.log ?? (() => {});
  const corpus = buildCorpus(opts.size ?? 10_000);
  const rounds = opts.rounds ?? 15;
  const now = Date.parse('2026-11-23T18:00:00Z');
  log(
    `classify: ${corpus.exchanges.length} exchanges, ${corpus.bodies} bodies, ${(corpus.bodyChars / 2 ** 20).toFixed(1)} Mi chars`,
  );
  const all = pairedRatio(corpus.exchanges, rounds, 3, now);
  const isHar = (x: Exchange) => corpus.harUrls.has(x.url);
  const har = corpus.exchanges.filter(isHar);
  const api = corpus.exchanges.filter((x) => !isHar(x));
  const apiPart = pairedRatio(api, rounds, 2, now);
  const harPart = pairedRatio(har, rounds, 2, now);
  let classifyVsBaseline: BaselineComparison | undefined;
  let baselineError: string | undefined;
  let baseline: Awaited<ReturnType<typeof loadBaselineCore>> | undefined;
  if (opts.baseline) {
    try {
      baseline = await loadBaselineCore(opts.baseline);
    } catch (error) {
      baselineError = `baseline ${opts.baseline} could not be loaded: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
    }
  }
  if (baseline) {
    const { core, source } = baseline;
    log(`classify: side by side with the baseline ${source}…`);
    // This tree's bundle is already warm from the rounds above: warm the baseline as much first, or
    // its first measured part pays for its JIT warm-up.
    for (let i = 0; i < rounds; i++) classifyAll(corpus.exchanges, now, core.classify);
    const start = os.loadavg().map((v) => round(v, 2));
    classifyVsBaseline = {
      baseline: source,
      rounds,
      clock: 'process CPU time (user + system)',
      overall: pairedAgainst(core.classify, corpus.exchanges, rounds, now),
      apiError: pairedAgainst(core.classify, api, rounds, now),
      // The real-HAR part takes a few ms a round: more rounds for a steadier median.
      realHar: pairedAgainst(core.classify, har, rounds * 4, now),
      loadAverage: { start, end: os.loadavg().map((v) => round(v, 2)) },
    };
  }
  if (sink === 0.5) log('');
  return {
    ...(classifyVsBaseline ? { classifyVsBaseline } : {}),
    ...(baselineError ? { baselineError } : {}),
    classifyRatio: round(all.ratio),
    classifyPerSecond: Math.round(corpus.exchanges.length / (all.classifyMs / 1000)),
    detail: {
      exchanges: corpus.exchanges.length,
      bodies: corpus.bodies,
      bodyMiB: round(corpus.bodyChars / 2 ** 20, 2),
      sources: corpus.sources,
      rounds,
      clock: 'process CPU time (user + system)',
      classifyMs: round(all.classifyMs, 1),
      jsonParseMs: round(all.parseMs, 1),
      apiErrorRatio: round(apiPart.ratio),
      realHarRatio: round(harPart.ratio),
    },
  };
}

/** Where classify's time goes: a CPU profile of a few rounds over the corpus. */
export async function profileClassify(opts: { size?: number; rounds?: number } = {}) {
  const core = await loadBundledCore();
  classify = core.classify;
  const corpus = buildCorpus(opts.size ?? 10_000);
  const now = Date.parse('2026-11-23T18:00:00Z');
  for (let i = 0; i < 3; i++) classifyAll(corpus.exchanges, now);
  const { profile, hotSpots, inclusiveOf, setSourceMapper } = await import('./profile');
  setSourceMapper((url, line) =>
    url.endsWith('core.mjs') ? (bundleSourceOf(line)?.replace(/^src\/core\//, '') ?? null) : null,
  );
  const p = await profile(() => {
    for (let i = 0; i < (opts.rounds ?? 10); i++) classifyAll(corpus.exchanges, now);
  });
  return {
    hotSpots: hotSpots(p, 20),
    stages: inclusiveOf(p, [
      'normalizeExchange',
      'indexHeaders',
      'buildBodyView',
      'runRecognizers',
      'statusSemantics',
      'idempotency',
      'pickErrorId',
      'rateLimitEvidence',
      'serverWait',
      'advise',
      'backoffPlan',
      'parseJson',
    ]),
  };
}
