// Miss diagnosis: for every case where a field is wrong, where the expected value sits in the response
// and what the engine did with it (never a candidate, and which gate; a candidate rejected by its score;
// outranked, and by what class of candidate; or answered by a recognizer the inference does not override).
// Reasons are computed here by replaying the JSON walk (infer/walk.ts) and the scorers from the body root;
// src/ carries no tracing. Issue 13, session 24 (diag24).
// Usage: npx tsx corpus/tools/diagnose.ts [--part dev|test|held-back] [--json]
//   dev: one line per miss (case name, field, location, reason). test and held-back: ONLY counts per
//   (field, reason class): no case names, no key names, no values (the classes below name none).
import { readFileSync } from 'node:fs';
import { convertHarEntry } from '../../src/core/har';
import { classify } from '../../src/core/classify';
import { redactClassification } from '../../src/core/redact';
import { leavesOf, MAX_DEPTH, type Leaf } from '../../src/core/infer/walk';
import { inferJson, isFailureSentence, scorersForDiagnosis as S } from '../../src/core/infer/json';
import { DATA_CONTAINERS, normalizeKey } from '../../src/core/infer/dictionaries';
import { recognizers } from '../../src/core/formats/index';
import { GENERIC_FORMATS } from '../../src/core/infer/index';
// @ts-expect-error plain .mjs modules without types
import { loadCorpus } from '../split.mjs';
// @ts-expect-error plain .mjs modules without types
import { mismatches, toEntry } from '../score-lib.mjs';

const args = process.argv.slice(2);
const part = args.includes('--part') ? args[args.indexOf('--part') + 1] : 'dev';
const perCase = part === 'dev';

interface Case {
  name: string;
  api: string;
  part: string;
  collection: string;
  expected: Record<string, unknown>;
  response: { status: number; headers?: Record<string, string>; body?: string; bodyEncoding?: string };
}

const vendorFormats = new Set(recognizers.filter((r) => r.vendor).map((r) => r.id));
const squash = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** Where a value sits in a parsed JSON body: each path with its chain of normalized keys. */
interface Spot {
  path: string;
  keys: string[]; // normalized object keys from the root ('' for list items)
  items: number[]; // list indexes along the way
  exact: boolean; // the whole value (false: inside a longer string)
  value: unknown;
}

/** A key's class by its shape, never its name. */
function keyShape(norm: string): string {
  if (/(?:id|uuid|guid)$/.test(norm)) return 'ending in id';
  if (/code/.test(norm)) return 'naming a code';
  if (/(?:msg|message|text|desc|detail|reason|info)/.test(norm)) return 'naming text';
  if (/err|fault|fail/.test(norm)) return 'naming an error';
  if (/status|state|result|ret|resp/.test(norm)) return 'naming a status/result';
  return 'other';
}

/** A value's class by its shape. */
function valueShape(v: unknown): string {
  if (typeof v === 'number')
    return Number.isInteger(v) ? (v >= 100 && v <= 599 ? 'status-range number' : 'number') : 'fraction';
  if (typeof v !== 'string') return typeof v;
  const s = v.trim();
  if (/^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(s)) return 'uuid';
  if (/^\d+$/.test(s)) return 'digits';
  if (/^[0-9a-f]{16,}$/i.test(s)) return 'hex';
  if (/\s/.test(s)) return s.split(/\s+/).length > 3 ? 'sentence' : 'short phrase';
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(s)) return 'UPPER_SNAKE token';
  if (/^[a-z][a-z0-9]*(?:[_.-][a-z0-9]+)+$/.test(s)) return 'lower_snake/dotted token';
  if (/^[A-Za-z]+$/.test(s)) return 'one word';
  if (/\d/.test(s) && /[A-Za-z]/.test(s) && s.length >= 12) return 'long mixed token';
  return 'short mixed token';
}

/** What a 2xx body says of itself, by class: the signal a failure verdict could read, and the envelope's size. */
function failureSignal(root: unknown): string {
  const obj = Array.isArray(root) ? root[0] : root;
  if (obj === null || typeof obj !== 'object') return 'not an object';
  const sig: string[] = [];
  const top = Object.keys(obj as object).length;
  const walk = (o: Record<string, unknown>, depth: number): void => {
    for (const [k, v] of Object.entries(o)) {
      const n = normalizeKey(k);
      if (v !== null && typeof v === 'object' && !Array.isArray(v) && depth < 1)
        walk(v as Record<string, unknown>, depth + 1);
      const at = depth ? 'nested ' : '';
      const text = typeof v === 'string' ? v.trim() : '';
      if (/err|fault|fail/.test(n) && v !== null && v !== false && v !== '' && !(Array.isArray(v) && !v.length))
        sig.push(`${at}error-named key`);
      else if (/code|ret|result|status|state/.test(n) && typeof v === 'number' && v !== 0 && v !== 200)
        sig.push(`${at}nonzero numeric status/code`);
      else if (/code|ret|result|status|state/.test(n) && text && !/^(?:0|ok|success|200)$/i.test(text))
        sig.push(`${at}status/code word`);
      else if (typeof v === 'boolean' && v === false) sig.push(`${at}false flag`);
      else if (text && isFailureSentence(text))
        sig.push(`${at}failure sentence under a ${S.isDictionaryKey(n) ? 'dictionary' : 'unlisted'} key`);
      else if (text && /\s/.test(text)) sig.push(`${at}other sentence`);
    }
  };
  walk(obj as Record<string, unknown>, 0);
  const size = top <= 1 ? '1 key' : top <= 3 ? '2-3 keys' : top <= 6 ? '4-6 keys' : '7+ keys';
  return `${size}: ${sig.length ? [...new Set(sig)].sort().join(' + ') : 'nothing the tool recognises'}`;
}

function spotsIn(root: unknown, match: (v: unknown) => 'exact' | 'inside' | undefined): Spot[] {
  const out: Spot[] = [];
  const visit = (node: unknown, path: string, keys: string[], items: number[], n: number): void => {
    if (out.length > 20 || n > 40) return;
    if (Array.isArray(node)) {
      node.forEach((v, i) => visit(v, `${path}[${i}]`, keys, [...items, i], n + 1));
      return;
    }
    if (node !== null && typeof node === 'object') {
      for (const [k, v] of Object.entries(node as Record<string, unknown>))
        visit(v, path ? `${path}.${k}` : k, [...keys, normalizeKey(k)], items, n + 1);
      return;
    }
    const m = match(node);
    if (m) out.push({ path, keys, items, exact: m === 'exact', value: node });
  };
  visit(root, '', [], [], 0);
  return out;
}

type Field = 'errorCode' | 'errorId' | 'message';

function scoreOf(field: Field, leaf: Leaf, status: number): number {
  if (field === 'errorCode') return S.codeScore(leaf, status);
  if (field === 'errorId') return S.idScore(leaf);
  return typeof leaf.value === 'string' ? S.messageScore(leaf, leaf.value.trim()) : 0;
}
const MIN: Record<Field, number> = { errorCode: 3, errorId: 2, message: 0 };

/** A class for a leaf that won instead: its value's shape and its position relative to the expected one. No names. */
function rivalClass(field: Field, rival: Leaf | undefined, spot: Spot | undefined): string {
  if (!rival) return 'a value the leaf walk does not list (recognizer, unwrap or fallback rule)';
  const v = rival.value;
  const shape =
    typeof v === 'number'
      ? 'a number'
      : Array.isArray(v)
        ? 'a list'
        : typeof v === 'string' && /\s/.test(v.trim())
          ? 'a sentence'
          : 'a token';
  const depthRel = spot
    ? rival.depth < spot.keys.length - 1
      ? 'shallower'
      : rival.depth > spot.keys.length - 1
        ? 'deeper'
        : 'same depth'
    : '?';
  return `${shape}, ${depthRel}${rival.inError ? ', in an error container' : ''}${rival.item > 0 ? ', later list item' : ''}`;
}

function gateOf(spot: Spot, field: Field, status: number, leaves: Leaf[]): string {
  const depth = spot.keys.length - 1;
  if (!spot.exact) return 'never a candidate: inside the prose of another field';
  if (depth > MAX_DEPTH) return 'never a candidate: deeper than the walk (depth gate)';
  if (spot.items.some((i) => i >= 3)) return 'never a candidate: list item past the walk bound';
  if (spot.keys.slice(0, -1).some((k) => DATA_CONTAINERS.has(k)))
    return 'never a candidate: under a payload container the walk skips';
  const leaf = leaves.find((l) => l.path === spot.path);
  const key = spot.keys[spot.keys.length - 1];
  const shapes = `key ${keyShape(key)}, value ${valueShape(spot.value)}`;
  if (!leaf) {
    if (!S.isDictionaryKey(key)) return `never a candidate: key in no dictionary (${shapes})`;
    return 'never a candidate: walk bound or key prefix (leaf not listed)';
  }
  const s = scoreOf(field, leaf, status);
  if (s <= MIN[field]) {
    // Is the key one this field's dictionary knows at all?
    const probe = {
      ...leaf,
      value:
        field === 'errorCode'
          ? 'SOME_CODE'
          : field === 'errorId'
            ? '3f2b8c1e-9d7a-4e2b-8f1a-0c2d3e4f5a6b'
            : 'Some words here',
    } as Leaf;
    const keyKnown = scoreOf(field, probe, status) > MIN[field];
    return keyKnown
      ? `candidate rejected: value shape/type rule (${shapes})`
      : `candidate rejected: key not in this field's dictionary (${shapes})`;
  }
  return `candidate (score ${s.toFixed(1)})`;
}

interface Diagnosis {
  field: string;
  how: string; // missed | other value | expected none
  where: string; // location class
  reason: string;
  detail?: string; // dev only
}

function diagnose(c: Case, got: Record<string, unknown>, problems: string[]): Diagnosis[] {
  const out: Diagnosis[] = [];
  const rs = c.response;
  const status = rs.status;
  const body = rs.bodyEncoding === 'base64' ? '' : (rs.body ?? '');
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    json = undefined;
  }
  const format = String(got.format ?? '');
  const answeredBy = GENERIC_FORMATS.has(format)
    ? 'generic'
    : vendorFormats.has(format)
      ? 'vendor recognizer'
      : got.protocol
        ? 'protocol reader'
        : ['text', 'html', 'xml', 'empty', 'binary'].includes(format)
          ? 'markup/text reader'
          : 'generic-shape recognizer';
  for (const p of problems) {
    const field = p.slice(0, p.indexOf(':'));
    const want = c.expected[field];
    const have = field === 'actionMentionsAny' ? got.action : got[field];
    const how = want === null ? 'expected none' : have == null ? 'missed' : 'other value';
    if (field !== 'errorCode' && field !== 'errorId' && field !== 'message') {
      // Verdict fields: class by the verdict and the status class.
      const cls = `${Math.floor(status / 100)}xx`;
      const wanted = typeof want === 'boolean' ? String(want) : want === null ? 'none' : 'a figure';
      const signal =
        field === 'failure' && status < 300 && json !== undefined ? `; body signal: ${failureSignal(json)}` : '';
      out.push({
        field,
        how,
        where: `status ${cls}`,
        reason: `expected ${wanted}, answered by ${answeredBy}${signal}`,
        detail: p,
      });
      continue;
    }
    const f = field as Field;
    if (want === null) {
      out.push({
        field,
        how,
        where: 'n/a',
        reason: `a value was reported where none is expected (answered by ${answeredBy})`,
        detail: p,
      });
      continue;
    }
    const w = String(want);
    const matchExact = (v: unknown): 'exact' | 'inside' | undefined => {
      if (v === null || v === undefined) return undefined;
      const s = String(v);
      if (f === 'message')
        // A message passes when it contains the expected text, so any field holding it is where it sits.
        return squash(s).includes(squash(w)) ? 'exact' : undefined;
      if (s.trim() === w) return 'exact';
      return s.includes(w) ? 'inside' : undefined;
    };
    // Location
    const headerHit = Object.entries(rs.headers ?? {}).find(([, v]) => matchExact(v) !== undefined);
    const jsonSpots = json !== undefined && typeof json === 'object' ? spotsIn(json, matchExact) : [];
    let where: string;
    let reason: string;
    let detail = p;
    if (jsonSpots.length) {
      const exact = jsonSpots.find((s) => s.exact) ?? jsonSpots[0];
      where = exact.exact ? `json field, depth ${Math.min(exact.keys.length - 1, 6)}` : 'json, inside a longer string';
      const leaves = leavesOf(json, S.isDictionaryKey);
      const gate = gateOf(exact, f, status, leaves);
      detail += ` | at body.${exact.path}`;
      if (!gate.startsWith('candidate ('))
        reason = `${gate}; answered by ${answeredBy}${status < 300 && format === 'json' && got.failure === false ? ' (plain-data gate: inference not run)' : ''}`;
      else {
        // A scored candidate: did something else win, or did a later rule drop it?
        const scored = leaves
          .map((l) => ({ l, s: scoreOf(f, l, status) }))
          .filter((x) => x.s > MIN[f])
          .sort((a, b) => b.s - a.s);
        const top = scored[0];
        const mine = scored.find((x) => x.l.path === exact.path);
        if (
          answeredBy === 'vendor recognizer' ||
          answeredBy === 'generic-shape recognizer' ||
          answeredBy === 'protocol reader'
        ) {
          reason = `candidate, but a ${answeredBy} answered and the inference did not override`;
        } else if (have == null) {
          // Replay the inference on the body alone: did its scope leave the value out, or did a rule after the scoring drop it?
          const inferred = inferJson(json, status);
          const fieldPath =
            f === 'errorCode'
              ? inferred.errorCodeField
              : f === 'errorId'
                ? inferred.errorIdField
                : inferred.messageField;
          const value = f === 'errorCode' ? inferred.errorCode : f === 'errorId' ? inferred.errorId : inferred.message;
          const elsewhere = [inferred.errorCodeField, inferred.messageField, inferred.errorIdField].find(
            (x) => x !== undefined && x.includes('.') && !exact.path.startsWith(x.slice(0, x.lastIndexOf('.'))),
          );
          reason =
            status < 300 && got.failure === false
              ? 'candidate, but the 2xx was judged a success (nothing is reported for a success)'
              : value !== undefined
                ? `candidate, the inference found it${fieldPath === exact.path ? '' : ' elsewhere'} but the merge with the recognizer's answer dropped it`
                : elsewhere !== undefined
                  ? 'candidate, outside the scope the inference narrowed to (unwrap, status holder or failed item)'
                  : `candidate, rejected by a rule after the scoring (answered by ${answeredBy}${status < 300 && got.failure === false ? '; 2xx judged a success' : ''})`;
        } else if (top && mine && top.l.path !== exact.path && top.s > mine.s) {
          reason = `candidate outranked by ${rivalClass(f, top.l, exact)}`;
          detail += ` (beaten by body.${top.l.path} ${top.s.toFixed(1)} vs ${mine.s.toFixed(1)})`;
        } else reason = 'candidate ranked first by the walk, replaced by a later rule (wrapper/echo/refinement)';
      }
    } else if (headerHit) {
      const name = headerHit[0].toLowerCase();
      where = 'header';
      if (f === 'errorCode') reason = 'in a header only (codes are read from the body)';
      else if (f === 'errorId') {
        const listed = (got.requestIdHeaders as Array<{ name: string }> | undefined)?.some((h) => h.name === name);
        reason = listed
          ? have == null
            ? 'ID header recognised but not picked'
            : 'ID header recognised, outranked by another source'
          : 'header name in no ID family';
      } else reason = 'in a header only';
      detail += ` | header ${name}`;
    } else if (body.includes(w) || (f === 'message' && squash(body).includes(squash(w)))) {
      const kind =
        json !== undefined
          ? 'json (raw text only: escaped or split)'
          : /^\s*</.test(body)
            ? /<html|<!doctype|<body|<h1|<p>/i.test(body)
              ? 'html page text'
              : 'xml'
            : 'plain text';
      where = kind;
      reason =
        f === 'errorId'
          ? 'in text, no support-ID phrase matched'
          : f === 'errorCode'
            ? 'in text, no code pattern matched'
            : have == null
              ? 'in text, no message taken'
              : 'in text, another part of the page taken';
      detail += ` | ${kind}`;
    } else {
      where = 'absent';
      reason = 'not literally in the response (derived, decoded or relabelled)';
    }
    out.push({ field, how, where, reason, detail });
  }
  return out;
}

// Verification sets (held-back.json `verification`) are never diagnosed (issue 13): point FAULTLINE_CORPUS_DIRS elsewhere.
const VERIFICATION_SETS = new Set<string>(
  JSON.parse(readFileSync(new URL('../held-back.json', import.meta.url), 'utf8')).verification.collections,
);
const all: Case[] = loadCorpus();
if (all.some((c) => c.part === part && VERIFICATION_SETS.has(c.collection))) {
  console.error(
    `the ${part} part holds a verification set (${[...VERIFICATION_SETS].join(', ')}): set FAULTLINE_CORPUS_DIRS to folders without it`,
  );
  process.exit(2);
}
let total = 0;
let pass = 0;
const counts = new Map<string, number>();
const lines: string[] = [];
const verdictLost = { cases: 0, fields: 0 };
all.forEach((c, i) => {
  if (c.part !== part) return;
  const { exchange } = convertHarEntry(toEntry(c, i), i);
  if (!exchange) return;
  const now = (exchange.startedAt ?? 0) + (exchange.durationMs ?? 0);
  const got = { ...redactClassification(classify(exchange, { now })) } as Record<string, unknown>;
  const problems: string[] = mismatches(c.expected, got);
  total++;
  if (!problems.length) {
    pass++;
    return;
  }
  const diagnoses = diagnose(c, got, problems);
  // A 2xx failure judged a success loses every other field with it: counted apart as the root cause.
  if (c.response.status < 300 && c.expected.failure === true && got.failure === false) {
    verdictLost.cases++;
    verdictLost.fields += diagnoses.length - 1;
  }
  for (const d of diagnoses) {
    const key = `${d.field} (${d.how}) | ${d.where} | ${d.reason}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (perCase) lines.push(`  ${c.name} [${d.field} ${d.how}] ${d.where}: ${d.reason}\n      ${d.detail ?? ''}`);
  }
});

if (args.includes('--json')) {
  console.log(JSON.stringify({ part, pass, total, counts: Object.fromEntries(counts) }, null, 2));
} else {
  console.log(`${part}: ${pass}/${total} fully right; misses by (field, location, reason):`);
  console.log(
    `2xx failures judged a success: ${verdictLost.cases} cases, carrying ${verdictLost.fields} other wrong fields with them`,
  );
  for (const [k, n] of [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])))
    console.log(`${String(n).padStart(4)}  ${k}`);
  for (const l of lines) console.log(l);
}
