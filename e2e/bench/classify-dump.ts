// Classification of every exchange the project has (bench corpus, corpus/cases, format fixtures,
// seed cases, real HARs), one JSON line each. Performance work must leave this output unchanged:
//   npx tsx e2e/bench/classify-dump.ts --out /tmp/before.jsonl      (before a change)
//   npx tsx e2e/bench/classify-dump.ts --compare /tmp/before.jsonl  (after it: exits 1 on any difference)
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { seedExchange, type SeedCase } from '../../src/core/testing/seed-cases';
import type { Exchange } from '../../src/core/types';
import { REPO_ROOT } from '../harness/common';
import { loadBundledCore } from './core-bundle';
import { buildCorpus, formatFixtureExchanges, realHarExchanges, seedExchanges } from './corpus';

function corpusCaseExchanges(): Exchange[] {
  const dir = path.join(REPO_ROOT, 'corpus/cases');
  const out: Exchange[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    for (const c of JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as SeedCase[]) out.push(seedExchange(c));
  }
  return out;
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const at = (flag: string) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
  const { classify } = await loadBundledCore();
  const now = Date.parse('2026-11-23T18:00:00Z');
  const sets: Array<[string, Exchange[]]> = [
    ['seed', seedExchanges()],
    ['fixture', formatFixtureExchanges()],
    ['har', realHarExchanges()],
    ['corpus', corpusCaseExchanges()],
    ['bench', buildCorpus(10_000).exchanges],
  ];
  const lines: string[] = [];
  for (const [set, list] of sets)
    list.forEach((x, i) => lines.push(`${set}#${i} ${JSON.stringify(classify(x, { now }))}`));
  const out = at('--out');
  if (out) writeFileSync(out, lines.join('\n') + '\n');
  const compare = at('--compare');
  if (compare) {
    const expected = readFileSync(compare, 'utf8').trimEnd().split('\n');
    let diffs = 0;
    for (let i = 0; i < Math.max(expected.length, lines.length); i++) {
      if (expected[i] === lines[i]) continue;
      if (++diffs <= 5) process.stderr.write(`- ${expected[i]?.slice(0, 400)}\n+ ${lines[i]?.slice(0, 400)}\n`);
    }
    process.stdout.write(`${lines.length} classifications, ${diffs} differences\n`);
    return diffs ? 1 : 0;
  }
  process.stdout.write(`${lines.length} classifications${out ? ` written to ${out}` : ''}\n`);
  return 0;
}

void main().then((code) => process.exit(code));
