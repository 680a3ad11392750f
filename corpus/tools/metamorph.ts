// Metamorphic robustness of the generic layer (issue 13): unseen APIs differ from seen ones mostly by naming
// and nesting, not by meaning. Every dev case the generic layer (vendor knowledge off, as in ablate.ts) reads
// fully right is rewritten by meaning-preserving transformations (each a small pure function with a name), and
// the rewritten case, with its expected values rewritten alongside, is scored again. The invariance of a
// transformation is the share of its rewrites that stay fully right.
// Usage: npx tsx corpus/tools/metamorph.ts [--show NAME] [--limit N]
//   --show NAME|all prints the broken rewrites of one transformation or all (dev cases only; the test part is never
//   read), at most --limit N of them (20).
import { convertHarEntry } from '../../src/core/har';
import { classify } from '../../src/core/classify';
import { recognizers } from '../../src/core/formats/index';
import { redactClassification } from '../../src/core/redact';
import type { Classification } from '../../src/core/types';
// @ts-expect-error plain .mjs modules without types
import { loadCorpus } from '../split.mjs';
// @ts-expect-error plain .mjs modules without types
import { mismatches, toEntry } from '../score-lib.mjs';

const genericRecognizers = recognizers.filter((r) => !r.vendor);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface Case {
  name: string;
  api: string;
  kind: string;
  part: string;
  request: { method: string; url: string; headers?: Record<string, string>; body?: string };
  response: {
    status: number;
    statusText?: string;
    headers?: Record<string, string>;
    body?: string;
    bodyEncoding?: string;
    error?: string;
  };
  expected: Record<string, unknown>;
}

/** A rewritten case, or undefined when the transformation does not apply or would not obviously keep the meaning. */
type Transform = (c: Case) => Case | undefined;

// ---------- helpers ----------

const isObject = (v: Json | undefined): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);

function jsonBody(c: Case): Json | undefined {
  if (c.response.bodyEncoding === 'base64' || !c.response.body) return undefined;
  const type = (c.response.headers?.['content-type'] ?? '').toLowerCase();
  if (!/json/.test(type) && !/^\s*[{[]/.test(c.response.body)) return undefined;
  try {
    return JSON.parse(c.response.body) as Json;
  } catch {
    return undefined;
  }
}

function withBody(c: Case, body: Json, expected: Record<string, unknown> = c.expected): Case {
  return { ...c, response: { ...c.response, body: JSON.stringify(body) }, expected };
}

/** Words of a key in any case style: `errorCode`, `error_code`, `ErrorCode`, `ERROR-CODE` → [error, code]. */
function words(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_\-]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
const STYLES: Record<string, (ws: string[]) => string> = {
  camel: (ws) => ws.map((w, i) => (i ? cap(w) : w)).join(''),
  snake: (ws) => ws.join('_'),
  pascal: (ws) => ws.map(cap).join(''),
  upper: (ws) => ws.join('_').toUpperCase(),
  kebab: (ws) => ws.join('-'),
};

/** Only plain identifiers change style (`$dataCode`, `hydra:description`, `@type` keep their spelling). */
const PLAIN_KEY = /^[A-Za-z][A-Za-z0-9_\-]*$/;

function mapKeys(v: Json, rename: (key: string) => string): Json | undefined {
  if (Array.isArray(v)) {
    const out: Json[] = [];
    for (const x of v) {
      const y = mapKeys(x, rename);
      if (y === undefined) return undefined;
      out.push(y);
    }
    return out;
  }
  if (!isObject(v)) return v;
  const out: JsonObject = {};
  for (const [k, x] of Object.entries(v)) {
    const nk = rename(k);
    if (Object.prototype.hasOwnProperty.call(out, nk)) return undefined; // two keys collapse: not the same body
    const y = mapKeys(x, rename);
    if (y === undefined) return undefined;
    out[nk] = y;
  }
  return out;
}

function allKeys(v: Json, out = new Set<string>()): Set<string> {
  if (Array.isArray(v)) for (const x of v) allKeys(x, out);
  else if (isObject(v))
    for (const [k, x] of Object.entries(v)) {
      out.add(k);
      allKeys(x, out);
    }
  return out;
}

/** Expected strings (code, message, ID) that quote a key: renaming that key would change what is expected. */
function expectedQuotesKey(c: Case, keys: Iterable<string>): boolean {
  const texts = ['errorCode', 'message', 'errorId']
    .map((f) => c.expected[f])
    .filter((x): x is string => typeof x === 'string')
    .map((s) => s.toLowerCase());
  for (const k of keys) {
    const lk = k.toLowerCase();
    if (texts.some((t) => t.includes(lk))) return true;
  }
  return false;
}

/** Keys that hold data rather than name fields (validation maps keyed by input names) are renamed too; a case
 * whose expected values quote any key is skipped. */
const keyStyle =
  (style: string): Transform =>
  (c) => {
    if (c.kind === 'protocol') return undefined; // a protocol's field names are its spec
    const body = jsonBody(c);
    if (body === undefined || (!isObject(body) && !Array.isArray(body))) return undefined;
    const keys = allKeys(body);
    const changed = [...keys].filter((k) => PLAIN_KEY.test(k) && STYLES[style](words(k)) !== k);
    if (!changed.length || expectedQuotesKey(c, changed)) return undefined;
    const out = mapKeys(body, (k) => (PLAIN_KEY.test(k) ? STYLES[style](words(k)) : k));
    return out === undefined ? undefined : withBody(c, out);
  };

/** Every path (object keys) to a leaf whose value passes `test`. */
function findKeys(
  v: Json,
  test: (x: Json) => boolean,
  path: Array<string | number> = [],
  out: Array<Array<string | number>> = [],
) {
  if (Array.isArray(v)) v.forEach((x, i) => findKeys(x, test, [...path, i], out));
  else if (isObject(v))
    for (const [k, x] of Object.entries(v)) {
      if (!isObject(x) && !Array.isArray(x) && test(x)) out.push([...path, k]);
      findKeys(x, test, [...path, k], out);
    }
  return out;
}

function renameAt(body: Json, path: Array<string | number>, to: string): Json | undefined {
  const copy = JSON.parse(JSON.stringify(body)) as Json;
  let o: Json = copy;
  for (const p of path.slice(0, -1)) o = (o as Record<string | number, Json>)[p as string];
  const from = path[path.length - 1] as string;
  if (!isObject(o) || from === to || Object.prototype.hasOwnProperty.call(o, to)) return undefined;
  // Keep the key's place in the object.
  const entries = Object.entries(o).map(([k, x]) => [k === from ? to : k, x] as const);
  for (const k of Object.keys(o)) delete o[k];
  for (const [k, x] of entries) o[k] = x;
  return copy;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Renames the key that holds an expected value to a synonym. Only the key holding that very value moves (a code
 * key holding the expected code, a message key holding the expected text), so the meaning is the body's own.
 */
const synonym =
  (field: 'errorCode' | 'message' | 'errorId', to: string, from: ReadonlySet<string>): Transform =>
  (c) => {
    if (c.kind === 'protocol') return undefined;
    const want = c.expected[field];
    if (typeof want !== 'string') return undefined;
    const body = jsonBody(c);
    if (body === undefined) return undefined;
    const holds = (x: Json) =>
      field === 'message'
        ? typeof x === 'string' && squash(x).includes(squash(want))
        : (typeof x === 'string' || typeof x === 'number') && String(x) === want;
    const paths = findKeys(body, holds).filter((p) => from.has(String(p[p.length - 1]).toLowerCase()));
    if (paths.length !== 1) return undefined;
    const out = renameAt(body, paths[0], to);
    return out === undefined ? undefined : withBody(c, out);
  };

const CODE_SYNONYMS = ['error_code', 'errorCode', 'ErrorCode', 'errCode', 'err_code', 'code'];
const MESSAGE_SYNONYMS = ['message', 'msg', 'error_message', 'errorMessage', 'detail', 'description'];
const ID_SYNONYMS = ['request_id', 'requestId', 'RequestId', 'traceId', 'correlation_id'];
const lowerSet = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));

const ID_HEADERS = ['x-request-id', 'x-correlation-id', 'x-trace-id', 'request-id', 'x-req-id'];

/** Moves the support ID between request-ID header names. */
const idHeader =
  (to: string): Transform =>
  (c) => {
    const want = c.expected.errorId;
    if (typeof want !== 'string') return undefined;
    const headers = c.response.headers ?? {};
    const from = Object.keys(headers).filter((h) => ID_HEADERS.includes(h.toLowerCase()) && headers[h] === want);
    if (from.length !== 1 || from[0].toLowerCase() === to || Object.keys(headers).some((h) => h.toLowerCase() === to))
      return undefined;
    const out: Record<string, string> = {};
    for (const [h, v] of Object.entries(headers)) out[h === from[0] ? to : h] = v;
    return { ...c, response: { ...c.response, headers: out } };
  };

const headerCase =
  (style: 'title' | 'upper'): Transform =>
  (c) => {
    const headers = c.response.headers ?? {};
    if (!Object.keys(headers).length) return undefined;
    const out: Record<string, string> = {};
    for (const [h, v] of Object.entries(headers))
      out[style === 'upper' ? h.toUpperCase() : h.split('-').map(cap).join('-')] = v;
    return { ...c, response: { ...c.response, headers: out } };
  };

// ---------- nesting ----------

/** Wrappers of the error object; `failureOnly` ones say "error" themselves and so apply to failures only. */
const wrap =
  (name: string, make: (root: JsonObject) => Json, failureOnly: boolean): Transform =>
  (c) => {
    if (c.kind === 'protocol') return undefined;
    if (failureOnly && c.expected.failure !== true) return undefined;
    const body = jsonBody(c);
    if (!isObject(body)) return undefined;
    void name;
    return withBody(c, make(body));
  };

// ---------- order and extra keys ----------

function shuffled<T>(xs: T[], seed: number): T[] {
  const out = xs.slice();
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) >>> 0;
    s ^= s + Math.imul(s ^ (s >>> 7), 0x297a2d39);
    const j = (s >>> 0) % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function reorder(v: Json, order: (keys: string[]) => string[]): Json {
  if (Array.isArray(v)) return v.map((x) => reorder(x, order));
  if (!isObject(v)) return v;
  const out: JsonObject = {};
  for (const k of order(Object.keys(v))) out[k] = reorder(v[k], order);
  return out;
}

const keyOrder =
  (how: 'reverse' | 'shuffle'): Transform =>
  (c) => {
    const body = jsonBody(c);
    if (body === undefined || typeof body !== 'object' || body === null) return undefined;
    let seed = 7;
    return withBody(
      c,
      reorder(body, (keys) => (how === 'reverse' ? keys.slice().reverse() : shuffled(keys, seed++ * 2654435761))),
    );
  };

const EXTRA: Record<string, Json> = {
  timestamp: '2026-11-23T18:00:00.000Z',
  path: '/v1/things/42',
  docs_url: 'https://docs.example.test/errors',
  meta: { version: '1.4.2', region: 'eu-west-1' },
};

const extraKeys =
  (where: 'start' | 'end'): Transform =>
  (c) => {
    const body = jsonBody(c);
    if (!isObject(body) || Object.keys(EXTRA).some((k) => words(k).join('') in body || k in body)) return undefined;
    if (Object.keys(body).some((k) => Object.keys(EXTRA).includes(words(k).join('_')))) return undefined;
    return withBody(c, where === 'start' ? { ...EXTRA, ...body } : { ...body, ...EXTRA });
  };

// ---------- value shapes ----------

function mapStrings(v: Json, f: (s: string) => string): Json {
  if (typeof v === 'string') return f(v);
  if (Array.isArray(v)) return v.map((x) => mapStrings(x, f));
  if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mapStrings(x, f)]));
  return v;
}

/** A code token rewritten in another case style, everywhere it is a whole value; never when the message quotes it. */
const codeShape =
  (style: 'upper' | 'dotted' | 'kebab' | 'snake'): Transform =>
  (c) => {
    const want = c.expected.errorCode;
    if (typeof want !== 'string' || !/^[A-Za-z][A-Za-z0-9]*(?:[_.\-][A-Za-z0-9]+)*$/.test(want)) return undefined;
    const ws = words(want.replace(/\./g, '_'));
    if (ws.length < 2) return undefined;
    const to =
      style === 'upper'
        ? ws.join('_').toUpperCase()
        : style === 'dotted'
          ? ws.join('.')
          : style === 'kebab'
            ? ws.join('-')
            : ws.join('_');
    if (to === want) return undefined;
    const message = c.expected.message;
    if (typeof message === 'string' && message.toLowerCase().includes(want.toLowerCase())) return undefined;
    const body = jsonBody(c);
    if (body === undefined || !findKeys(body, (x) => x === want).length) return undefined;
    return withBody(
      c,
      mapStrings(body, (s) => (s === want ? to : s)),
      { ...c.expected, errorCode: to },
    );
  };

/** A numeric code sent as a numeric string (`1203` → `"1203"`). */
const numericCodeAsString: Transform = (c) => {
  const want = c.expected.errorCode;
  if (typeof want !== 'string' || !/^-?\d+$/.test(want)) return undefined;
  const body = jsonBody(c);
  if (body === undefined) return undefined;
  const paths = findKeys(body, (x) => typeof x === 'number' && String(x) === want);
  if (paths.length !== 1) return undefined;
  const copy = JSON.parse(JSON.stringify(body)) as Json;
  let o: Json = copy;
  for (const p of paths[0].slice(0, -1)) o = (o as Record<string | number, Json>)[p as string];
  (o as JsonObject)[paths[0][paths[0].length - 1] as string] = want;
  return withBody(c, copy);
};

const FRESH_IDS: Record<string, string> = {
  uuid: '3f2c9a1e-7b4d-4e8a-9c61-2d5f0b8e4a17',
  ulid: '01JDQ8ZK3F4V7XW9M2N5P6R8ST',
  hex: '9f86d081884c7d659a2feaa0c55ad015',
};

/** The support ID replaced by an ID of another shape, in the body text and the headers alike. */
const idShape =
  (shape: keyof typeof FRESH_IDS): Transform =>
  (c) => {
    const want = c.expected.errorId;
    if (typeof want !== 'string' || want.length < 6 || c.response.bodyEncoding === 'base64') return undefined;
    const to = FRESH_IDS[shape];
    const body = c.response.body ?? '';
    const headers = c.response.headers ?? {};
    const inHeaders = Object.values(headers).some((v) => v.includes(want));
    if (!body.includes(want) && !inHeaders) return undefined;
    const message = c.expected.message;
    if (typeof message === 'string' && message.includes(want)) return undefined;
    // The old ID's shape decided nothing else only if it is a plain token.
    if (!/^[A-Za-z0-9._:\-]+$/.test(want)) return undefined;
    const replace = (s: string) => s.split(want).join(to);
    return {
      ...c,
      response: {
        ...c.response,
        body: replace(body),
        headers: Object.fromEntries(Object.entries(headers).map(([h, v]) => [h, replace(v)])),
      },
      expected: { ...c.expected, errorId: to },
    };
  };

/** The message sentence with its trailing period dropped or added (where the body holds it whole). */
const messagePeriod =
  (add: boolean): Transform =>
  (c) => {
    const want = c.expected.message;
    if (typeof want !== 'string') return undefined;
    const body = jsonBody(c);
    if (body === undefined) return undefined;
    const trimmed = want.trim();
    if (add ? /[.!?]$/.test(trimmed) : !/\.$/.test(trimmed) || /\.\.$/.test(trimmed)) return undefined;
    const paths = findKeys(body, (x) => typeof x === 'string' && x.trim() === trimmed);
    if (paths.length !== 1) return undefined;
    const to = add ? `${trimmed}.` : trimmed.slice(0, -1);
    return withBody(
      c,
      mapStrings(body, (s) => (s.trim() === trimmed ? to : s)),
      { ...c.expected, message: add ? want : to },
    );
  };

// ---------- content types ----------

const contentType =
  (type: string): Transform =>
  (c) => {
    const headers = c.response.headers ?? {};
    const current = headers['content-type'];
    if (current === undefined || !/^application\/json\b/i.test(current) || jsonBody(c) === undefined) return undefined;
    if (current.toLowerCase() === type) return undefined;
    return { ...c, response: { ...c.response, headers: { ...headers, 'content-type': type } } };
  };

// ---------- the table ----------

const TRANSFORMS: Array<[string, Transform]> = [
  ...Object.keys(STYLES).map((s): [string, Transform] => [`keys-${s}`, keyStyle(s)]),
  ...CODE_SYNONYMS.map((to): [string, Transform] => [
    `code-key→${to}`,
    synonym('errorCode', to, lowerSet(CODE_SYNONYMS)),
  ]),
  ...MESSAGE_SYNONYMS.map((to): [string, Transform] => [
    `message-key→${to}`,
    synonym('message', to, lowerSet(MESSAGE_SYNONYMS)),
  ]),
  ...ID_SYNONYMS.map((to): [string, Transform] => [`id-key→${to}`, synonym('errorId', to, lowerSet(ID_SYNONYMS))]),
  ...ID_HEADERS.map((to): [string, Transform] => [`id-header→${to}`, idHeader(to)]),
  ['header-names-title', headerCase('title')],
  ['header-names-upper', headerCase('upper')],
  ['wrap-error', wrap('error', (b) => ({ error: b }), true)],
  ['wrap-errors-list', wrap('errors', (b) => ({ errors: [b] }), true)],
  ['wrap-data-null-error', wrap('data-null', (b) => ({ data: null, error: b }), true)],
  ['wrap-response', wrap('response', (b) => ({ response: b }), false)],
  ['wrap-result', wrap('result', (b) => ({ result: b }), false)],
  ['wrap-first-item', wrap('first-item', (b) => [b], true)],
  ['keys-reversed', keyOrder('reverse')],
  ['keys-shuffled', keyOrder('shuffle')],
  ['extra-keys-first', extraKeys('start')],
  ['extra-keys-last', extraKeys('end')],
  ['code-UPPER_SNAKE', codeShape('upper')],
  ['code-dotted.lower', codeShape('dotted')],
  ['code-kebab', codeShape('kebab')],
  ['code-snake', codeShape('snake')],
  ['code-number-as-string', numericCodeAsString],
  ['id-uuid', idShape('uuid')],
  ['id-ulid', idShape('ulid')],
  ['id-hex', idShape('hex')],
  ['message-drop-period', messagePeriod(false)],
  ['message-add-period', messagePeriod(true)],
  ['type-problem+json', contentType('application/problem+json')],
  ['type-vnd.api+json', contentType('application/vnd.api+json')],
  ['type-text/json', contentType('text/json')],
  ['type-charset', contentType('application/json; charset=utf-8')],
  ['type-charset-upper', contentType('application/json;charset=UTF-8')],
];

// ---------- scoring ----------

/** What the CLI prints of a classification: credential-looking text redacted (core/redact.ts). */
const row = (c: Classification): Record<string, unknown> => ({ ...redactClassification(c) });

function genericMismatches(c: Case, i: number): string[] | undefined {
  const { exchange } = convertHarEntry(toEntry(c, i), i);
  if (!exchange) return undefined;
  const now = (exchange.startedAt ?? 0) + (exchange.durationMs ?? 0);
  return mismatches(c.expected, row(classify(exchange, { now, profiles: [], recognizers: genericRecognizers })));
}

const args = process.argv.slice(2);
const show = args.includes('--show') ? args[args.indexOf('--show') + 1] : undefined;
const limit = args.includes('--limit') ? Number(args[args.indexOf('--limit') + 1]) : 20;

const dev: Array<[Case, number]> = [];
(loadCorpus() as Case[]).forEach((c, i) => {
  if (c.part === 'dev') dev.push([c, i]);
});
const right = dev.filter(([c, i]) => genericMismatches(c, i)?.length === 0);

interface Tally {
  tried: number;
  kept: number;
  fields: Map<string, number>;
}
const byTransform = new Map<string, Tally>();
const byField = new Map<string, { tried: number; broken: number }>();
const shown: string[] = [];
for (const [name, t] of TRANSFORMS) {
  const tally: Tally = { tried: 0, kept: 0, fields: new Map() };
  byTransform.set(name, tally);
  for (const [c, i] of right) {
    const v = t(c);
    if (v === undefined) continue;
    const miss = genericMismatches(v, i);
    if (miss === undefined) continue;
    tally.tried++;
    for (const f of Object.keys(v.expected)) {
      const b = byField.get(f) ?? { tried: 0, broken: 0 };
      b.tried++;
      if (miss.some((m) => m.startsWith(`${f}:`))) b.broken++;
      byField.set(f, b);
    }
    if (!miss.length) tally.kept++;
    for (const m of miss) {
      const f = m.slice(0, m.indexOf(':'));
      tally.fields.set(f, (tally.fields.get(f) ?? 0) + 1);
    }
    if (miss.length && (show === 'all' || name === show) && shown.length < limit)
      shown.push(
        `  [${name}] ${c.name} (${c.api}): ${miss.join('; ')}\n    body: ${(v.response.body ?? '').slice(0, 400)}`,
      );
  }
}

const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '-');
console.log(`dev cases: ${dev.length}; generic layer fully right: ${right.length} (the cases transformed)`);
console.log('transformation | tried | invariant | rate | broken fields');
let tried = 0;
let kept = 0;
for (const [name, t] of byTransform) {
  tried += t.tried;
  kept += t.kept;
  const fields = [...t.fields].map(([f, n]) => `${f} ${n}`).join(', ');
  console.log(`${name} | ${t.tried} | ${t.kept} | ${pct(t.kept, t.tried)}% | ${fields}`);
}
console.log(`per field (rewrites that check the field / broken):`);
for (const [f, b] of [...byField].sort((a, b) => b[1].broken - a[1].broken))
  console.log(`  ${f}: ${b.tried - b.broken}/${b.tried} = ${pct(b.tried - b.broken, b.tried)}% invariant`);
console.log(`all transformations: ${kept}/${tried} = ${pct(kept, tried)}% invariant`);
for (const s of shown) console.log(s);
