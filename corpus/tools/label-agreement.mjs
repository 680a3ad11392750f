#!/usr/bin/env node
// Field-by-field agreement between two labellers of the same cases, by the scorer's rules
// (corpus/score-lib.mjs): message by containment either way (case and white space ignored), wait ±1 s,
// every other field strictly equal. Only the fields the ORIGINAL label names are compared.
//   node corpus/tools/label-agreement.mjs --originals A.json --labels B.json [--list] [--json] [--code-as-string]
// --code-as-string compares errorCode as text (17 and "17" agree): the strict figure is the scorer's, this one
// separates "which code" from "how it is written".
//   node corpus/tools/label-agreement.mjs --self-check
// Both files: arrays of {set?, name, expected}. Cases missing from --labels are counted, never skipped silently.
import fs from 'node:fs';

export const FIELDS = ['failure', 'errorCode', 'errorId', 'message', 'retryable', 'retryAfterSeconds'];

const squash = (s) => String(s).replace(/\s+/g, ' ').trim().toLowerCase();

/** Do two labels of one field agree? `typeOnly` marks a strict miss that is only number-vs-string. */
export function fieldAgrees(field, a, b) {
  if (a === undefined || b === undefined) return { agree: false, missing: true };
  if (field === 'message') {
    if (a === null || b === null) return { agree: a === b };
    const x = squash(a);
    const y = squash(b);
    return { agree: x.includes(y) || y.includes(x) };
  }
  if (field === 'retryAfterSeconds') {
    if (a === null || b === null) return { agree: a === b };
    return { agree: Math.abs(a - b) <= 1 };
  }
  if (a === b) return { agree: true };
  return { agree: false, typeOnly: a !== null && b !== null && String(a) === String(b) };
}

/** Pure: compares `labels` with `originals` on the fields each original names. */
export function agreement(originals, labels, { codeAsString = false } = {}) {
  const second = new Map(labels.map((c) => [c.name, c]));
  const stats = {}; // set -> field -> {n, agree}
  const bump = (set, field, ok) => {
    for (const key of [set, 'all']) {
      stats[key] ??= {};
      for (const f of [field, 'overall']) {
        stats[key][f] ??= { n: 0, agree: 0 };
        stats[key][f].n += 1;
        if (ok) stats[key][f].agree += 1;
      }
    }
  };
  const disagreements = [];
  const unlabelled = [];
  let casesFullyAgreeing = 0;
  for (const orig of originals) {
    const other = second.get(orig.name);
    if (!other) {
      unlabelled.push(orig.name);
      continue;
    }
    const set = orig.set ?? other.set ?? '?';
    let all = true;
    for (const field of FIELDS) {
      if (!(field in orig.expected)) continue;
      const got = field in other.expected ? other.expected[field] : undefined;
      const asText = (v) => (codeAsString && field === 'errorCode' && typeof v === 'number' ? String(v) : v);
      const verdict = fieldAgrees(field, asText(orig.expected[field]), asText(got));
      bump(set, field, verdict.agree);
      if (!verdict.agree) {
        all = false;
        disagreements.push({
          set,
          name: orig.name,
          field,
          original: orig.expected[field],
          second: got,
          ...(verdict.typeOnly ? { typeOnly: true } : {}),
          ...(verdict.missing ? { secondMissing: true } : {}),
        });
      }
    }
    if (all) casesFullyAgreeing += 1;
  }
  return { stats, disagreements, unlabelled, cases: originals.length, casesFullyAgreeing };
}

const pct = ({ n, agree }) => (n ? `${((100 * agree) / n).toFixed(1)}% (${agree}/${n})` : '-');

export function formatTable(result) {
  const sets = Object.keys(result.stats).sort((a, b) => (a === 'all') - (b === 'all') || a.localeCompare(b));
  const cols = [...FIELDS, 'overall'];
  const lines = [`| set | ${cols.join(' | ')} |`, `|${'---|'.repeat(cols.length + 1)}`];
  for (const set of sets)
    lines.push(`| ${set} | ${cols.map((f) => pct(result.stats[set][f] ?? { n: 0 })).join(' | ')} |`);
  lines.push(
    `cases fully agreeing: ${result.casesFullyAgreeing}/${result.cases}; unlabelled by the second labeller: ${result.unlabelled.length}` +
      `; disagreements: ${result.disagreements.length} (number-vs-string only: ${result.disagreements.filter((d) => d.typeOnly).length})`,
  );
  return lines.join('\n');
}

function selfCheck() {
  const originals = [
    {
      set: 's',
      name: 'a',
      expected: { failure: true, errorCode: 'x', message: 'Rate limit exceeded', retryAfterSeconds: 30 },
    },
    { set: 's', name: 'b', expected: { failure: true, errorCode: 17, message: null } },
    { set: 't', name: 'c', expected: { failure: false } },
    { set: 't', name: 'd', expected: { failure: true } },
  ];
  const labels = [
    {
      name: 'a',
      expected: {
        failure: true,
        errorCode: 'x',
        message: 'rate  LIMIT exceeded. Slow down',
        retryAfterSeconds: 31,
        errorId: 'free',
      },
    },
    { name: 'b', expected: { failure: true, errorCode: '17', message: 'oops' } },
    { name: 'c', expected: { failure: true } },
  ];
  const r = agreement(originals, labels);
  const expect = (what, ok) => {
    if (!ok) throw new Error(`self-check failed: ${what}`);
  };
  expect('message containment either way, case and spaces ignored', r.stats.s.message.agree === 1);
  expect('wait within 1 s', r.stats.s.retryAfterSeconds.agree === 1);
  expect('field the original does not name is not compared', !r.stats.all.errorId);
  expect(
    'number vs string is a strict miss, flagged typeOnly',
    r.disagreements.some((d) => d.name === 'b' && d.field === 'errorCode' && d.typeOnly),
  );
  expect(
    'null message vs text disagrees',
    r.disagreements.some((d) => d.name === 'b' && d.field === 'message'),
  );
  expect('per-set counts', r.stats.t.failure.n === 1 && r.stats.t.failure.agree === 0 && r.stats.s.overall.n === 7);
  expect('missing case is counted', r.unlabelled.length === 1 && r.unlabelled[0] === 'd');
  expect('fully agreeing cases', r.casesFullyAgreeing === 1);
  const loose = agreement(originals, labels, { codeAsString: true });
  expect('--code-as-string: 17 and "17" agree', loose.stats.s.errorCode.agree === 2 && r.stats.s.errorCode.agree === 1);
  console.log('label-agreement self-check: ok');
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${fs.realpathSync(process.argv[1])}`).href;
if (isMain) {
  const args = process.argv.slice(2);
  const opt = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  if (args.includes('--self-check')) selfCheck();
  else {
    const originals = JSON.parse(fs.readFileSync(opt('--originals'), 'utf8'));
    const labels = JSON.parse(fs.readFileSync(opt('--labels'), 'utf8'));
    const result = agreement(originals, labels, { codeAsString: args.includes('--code-as-string') });
    if (args.includes('--json')) console.log(JSON.stringify(result, null, 1));
    else {
      console.log(formatTable(result));
      if (args.includes('--list'))
        for (const d of result.disagreements)
          console.log(
            `${d.set}\t${d.name}\t${d.field}\toriginal=${JSON.stringify(d.original)}\tsecond=${JSON.stringify(d.second)}${d.typeOnly ? '\t(type only)' : ''}`,
          );
    }
  }
}
