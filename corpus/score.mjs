#!/usr/bin/env node
// Scores the corpus the way an outside scorer does: every case becomes a HAR entry, the built CLI
// triages the HAR (--json), and each row is checked against the case's expected fields.
// Usage: node corpus/score.mjs [--part dev|test|all] [--verbose] [--json] [--by-field]
// --by-field: per part, how many cases miss each field and each source kind (counts only, no case names).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

const pairs = (headers = {}) => Object.entries(headers).map(([name, value]) => ({ name, value: String(value) }));
const START = Date.parse('2026-11-23T18:00:00.000Z');

function toEntry(c, i) {
  const { request: rq, response: rs } = c;
  let query = [];
  try {
    query = [...new URL(rq.url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {}
  const mimeType = (rs.headers?.['content-type'] ?? '').split(';')[0].trim() || 'x-unknown';
  const content = { size: (rs.body ?? '').length, mimeType, text: rs.body ?? '' };
  if (rs.bodyEncoding === 'base64') content.encoding = 'base64';
  const entry = {
    startedDateTime: new Date(START + i * 1000).toISOString(),
    time: 42,
    request: {
      method: rq.method,
      url: rq.url,
      httpVersion: 'HTTP/1.1',
      headers: pairs(rq.headers),
      cookies: [],
      queryString: query,
      headersSize: -1,
      bodySize: rq.body ? rq.body.length : 0,
    },
    response: {
      status: rs.status,
      statusText: rs.statusText ?? '',
      httpVersion: rs.status ? 'HTTP/1.1' : '',
      headers: pairs(rs.headers),
      cookies: [],
      content,
      redirectURL: '',
      headersSize: -1,
      bodySize: content.size,
    },
    cache: {},
    timings: { send: 1, wait: 40, receive: 1 },
  };
  if (rq.body) entry.request.postData = { mimeType: rq.headers?.['content-type'] ?? 'application/json', text: rq.body };
  if (rs.error) entry.response._error = rs.error;
  return entry;
}

const squash = (s) => String(s).replace(/\s+/g, ' ').trim().toLowerCase();

/** The fixtures README's rules; the same as src/core/testing/seed-cases.ts seedMismatches. */
function mismatches(want, got) {
  const out = [];
  const check = (f, ok) => {
    if (!ok)
      out.push(
        `${f}: expected ${JSON.stringify(want[f])}, got ${JSON.stringify(f === 'actionMentionsAny' ? got.action : got[f])}`,
      );
  };
  for (const f of ['failure', 'errorCode', 'errorId', 'retryable', 'idempotent'])
    if (f in want) check(f, got[f] === want[f]);
  if ('message' in want)
    check(
      'message',
      want.message === null
        ? got.message == null
        : got.message != null && squash(got.message).includes(squash(want.message)),
    );
  if ('retryAfterSeconds' in want) {
    const w = want.retryAfterSeconds;
    check(
      'retryAfterSeconds',
      w === null
        ? got.retryAfterSeconds == null
        : got.retryAfterSeconds != null && Math.abs(got.retryAfterSeconds - w) <= 1,
    );
  }
  if (want.actionMentionsAny)
    check(
      'actionMentionsAny',
      want.actionMentionsAny.some((w) => (got.action ?? '').toLowerCase().includes(w.toLowerCase())),
    );
  return out;
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

const parts = { dev: { pass: 0, total: 0, apis: new Set() }, test: { pass: 0, total: 0, apis: new Set() } };
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
