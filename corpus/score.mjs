#!/usr/bin/env node
// Scores the corpus the way an outside scorer does: every case becomes a HAR entry, the built CLI
// triages the HAR (--json), and each row is checked against the case's expected fields.
// Usage: node corpus/score.mjs [--part dev|test|held-back|all] [--verbose] [--json] [--by-field]
// Only dev failures are ever listed (test and held-back ones with --verbose): reading them invites tuning.
// --by-field: per part, how many cases miss each field and each source kind (counts only, no case names).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { toEntry, mismatches } from './score-lib.mjs';
import { CORPUS_DIR, loadCorpus } from './split.mjs';

const args = process.argv.slice(2);
const part = args.includes('--part') ? args[args.indexOf('--part') + 1] : 'all';
const verbose = args.includes('--verbose');
const asJson = args.includes('--json');
const byField = args.includes('--by-field');
const cli = path.resolve(CORPUS_DIR, '../dist/cli/faultline.js');
if (!existsSync(cli)) {
  console.error('dist/cli/faultline.js is missing: run npm run build:cli first');
  process.exit(2);
}

const all = loadCorpus();
const dir = mkdtempSync(path.join(os.tmpdir(), 'faultline-corpus-'));
const harPath = path.join(dir, 'corpus.har');
writeFileSync(
  harPath,
  JSON.stringify({ log: { version: '1.2', creator: { name: 'corpus', version: '1' }, entries: all.map(toEntry) } }),
);
let out;
try {
  out = execFileSync(process.execPath, [cli, 'triage', harPath, '--json'], { maxBuffer: 512 << 20, encoding: 'utf8' });
} catch (e) {
  out = e.stdout; // exit 1 means failures were found
}
const rows = JSON.parse(out);
const byIndex = new Map(rows.map((r) => [r.index, r]));

const tally = () => ({ pass: 0, total: 0, apis: new Set() });
const parts = { dev: tally(), test: tally(), 'held-back': tally() };
const failures = [];
all.forEach((c, i) => {
  if (part !== 'all' && c.part !== part) return;
  const got = byIndex.get(i) ?? {};
  const problems = mismatches(c.expected, got);
  const p = parts[c.part];
  p.total++;
  p.apis.add(c.api);
  if (problems.length === 0) p.pass++;
  else failures.push({ part: c.part, name: c.name, api: c.api, kind: c.kind, problems });
});

const pct = (p) => (p.total ? ((100 * p.pass) / p.total).toFixed(1) : '–');
if (asJson) {
  console.log(
    JSON.stringify(
      {
        dev: { pass: parts.dev.pass, total: parts.dev.total, apis: parts.dev.apis.size },
        test: { pass: parts.test.pass, total: parts.test.total, apis: parts.test.apis.size },
        heldBack: {
          pass: parts['held-back'].pass,
          total: parts['held-back'].total,
          apis: parts['held-back'].apis.size,
        },
        failures: failures.filter((f) => verbose || f.part === 'dev'),
      },
      null,
      2,
    ),
  );
} else {
  for (const [name, p] of Object.entries(parts)) {
    if (p.total) console.log(`${name}: ${p.pass}/${p.total} = ${pct(p)}% (${p.apis.size} APIs)`);
  }
  // Test-part failures are listed only with --verbose: reading them invites tuning on them.
  for (const f of failures.filter((f) => verbose || f.part === 'dev'))
    console.log(`  ✗ [${f.part}] ${f.name} (${f.api}): ${f.problems.join('; ')}`);
}

// Counts of misses per field (expected a value vs expected none) and per source kind: a summary that
// says which class loses, without naming a case, so it is safe to print for the test part.
if (byField && !asJson) {
  for (const name of Object.keys(parts)) {
    const fs = failures.filter((f) => f.part === name);
    if (!fs.length) continue;
    const fields = new Map();
    const kinds = new Map();
    for (const f of fs) {
      kinds.set(f.kind ?? '?', (kinds.get(f.kind ?? '?') ?? 0) + 1);
      for (const pr of f.problems) {
        const field = pr.slice(0, pr.indexOf(':'));
        const key = `${field} (${/expected null/.test(pr) ? 'expected none' : /, got (null|undefined)$/.test(pr) ? 'missed' : 'other value'})`;
        fields.set(key, (fields.get(key) ?? 0) + 1);
      }
    }
    const fmt = (m) =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${k} ${v}`)
        .join(', ');
    console.log(`${name} misses by field: ${fmt(fields)}`);
    console.log(`${name} misses by kind: ${fmt(kinds)}`);
  }
}
