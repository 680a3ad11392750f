// The real-HAR part split by what classify does with it (bodiless successes, bodiless failures, bodied
// exchanges), timed against the part's JSON.parse and, with a baseline, against an earlier classifier,
// in alternating order per round (CPU time). Also two floors: a classify that only returns a fresh
// result, and one that also reads every field and header entry once.
//   npx tsx e2e/bench/classify-subsets.ts [baseline: a git revision or a tree holding src/core]
//   ROUNDS=21 PASSES=5 …
import type { Exchange } from '../../src/core/types';
import { loadBaselineCore, loadBundledCore, type CoreModule } from './core-bundle';
import { realHarExchanges } from './corpus';
import { median } from './stats';

type Classify = (x: Exchange) => { failure: boolean };
const PASSES = Number(process.env.PASSES ?? 5);
const ROUNDS = Number(process.env.ROUNDS ?? 15);
const now = Date.parse('2026-11-23T18:00:00Z');
let sink = 0;

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function timeAll(list: readonly Exchange[], fn: Classify): number {
  const t = cpuMs();
  for (let p = 0; p < PASSES; p++) for (const x of list) if (fn(x).failure) sink++;
  return cpuMs() - t;
}

function parseAll(list: readonly Exchange[]): number {
  const t = cpuMs();
  for (let p = 0; p < PASSES; p++)
    for (const x of list) {
      const b = x.body;
      if (typeof b !== 'string' || b === '') continue;
      try {
        JSON.parse(b);
        sink++;
      } catch {
        sink--;
      }
    }
  return cpuMs() - t;
}

// Results are kept in a ring so the engine cannot drop their allocation.
const ring: unknown[] = new Array(1024);
let at = 0;
function resultOnly(x: Exchange): { failure: boolean } {
  const s = x.status;
  const result = {
    failure: !(s >= 200 && s < 400),
    kind: 'none',
    status: null,
    format: 'empty',
    errorCode: null,
    errorId: null,
    errorIdSource: null,
    message: null,
    fieldErrors: [],
    retryable: false,
    retryAfterSeconds: null,
    retryAfterSource: null,
    idempotent: true,
    idempotencySource: 'method',
    verdict: 'none',
    backoff: null,
    action: '',
    requestIdHeaders: [],
    notes: [],
  };
  ring[at++ & 1023] = result;
  return result;
}

const FIELDS = ['status', 'error', 'method', 'url', 'statusText', 'body', 'bodyEncoding', 'bodyTruncated'];
const MORE = ['startedAt', 'durationMs', 'mimeType', 'requestBody', 'outcomeLost', 'origin'];
function readsAndResult(x: Exchange): { failure: boolean } {
  const o = x as unknown as Record<string, unknown>;
  for (const k of FIELDS) if (o[k] !== undefined) sink++;
  for (const k of MORE) if (o[k] !== undefined) sink++;
  for (const list of [o.requestHeaders, o.responseHeaders])
    if (Array.isArray(list))
      for (let i = 0; i < list.length; i++) {
        const item = list[i] as { name?: unknown; value?: unknown };
        if (typeof item.name === 'string' && typeof item.value === 'string') sink++;
      }
  return resultOnly(x);
}

async function main(): Promise<void> {
  const current = await loadBundledCore();
  const spec = process.argv[2];
  const baseline: CoreModule | null = spec ? (await loadBaselineCore(spec)).core : null;
  const har = realHarExchanges();
  const bodied = (x: Exchange) => typeof x.body === 'string' && x.body !== '';
  const subsets: Record<string, Exchange[]> = {
    'whole part': har,
    'bodiless successes': har.filter((x) => !bodied(x) && !current.classify(x, { now }).failure),
    'bodiless failures': har.filter((x) => !bodied(x) && current.classify(x, { now }).failure),
    'bodied exchanges': har.filter(bodied),
  };
  const fns: Record<string, Classify> = {
    'result only': resultOnly,
    'reads + result': readsAndResult,
    current: (x) => current.classify(x, { now }),
  };
  if (baseline) fns.baseline = (x) => baseline.classify(x, { now });
  const names = Object.keys(fns);
  for (let i = 0; i < 3; i++) {
    parseAll(har);
    for (const f of names) for (const list of Object.values(subsets)) timeAll(list, fns[f]);
  }
  const rows = new Map<string, number[]>();
  const add = (key: string, v: number) => rows.set(key, [...(rows.get(key) ?? []), v]);
  for (let r = 0; r < ROUNDS; r++) {
    const parse = parseAll(har);
    const order = r % 2 ? [...names].reverse() : names;
    for (const [subset, list] of Object.entries(subsets)) {
      const t: Record<string, number> = {};
      for (const f of order) t[f] = timeAll(list, fns[f]);
      for (const f of names) {
        add(`${subset}\t${f}\t÷ part's JSON.parse`, t[f] / parse);
        add(`${subset}\t${f}\tµs per exchange`, (t[f] * 1000) / (list.length * PASSES));
      }
      if (baseline) add(`${subset}\tcurrent ÷ baseline\t`, t.current / t.baseline);
    }
    add(`JSON.parse of the part\t\tµs per exchange`, (parse * 1000) / (har.length * PASSES));
  }
  const counts = Object.entries(subsets).map(([k, v]) => `${k} ${v.length}`);
  process.stdout.write(`${counts.join(', ')}; ${ROUNDS} rounds of ${PASSES} passes, medians\n`);
  for (const [key, values] of rows) process.stdout.write(`${key}\t${median(values).toFixed(3)}\n`);
  if (sink === 0.5) process.stdout.write('\n');
}

void main().then(() => process.exit(0));
