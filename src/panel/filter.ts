// The filter box, in the Network panel's style: free text plus `key:value` tokens, `-` negates.
// Parsing and matching are pure; subjects are precomputed once per record (see store/rows.ts),
// so a keystroke costs one pass of cheap string tests and no re-classification.
import type { FailureKind } from '../core/types';

/** The fields a filter looks at, lower-cased once when the record arrives. */
export interface FilterSubject {
  failure: boolean;
  kind: FailureKind;
  status: number;
  /** Upper case. */
  method: string;
  host: string;
  /** Path with query, lower case. */
  path: string;
  /** '' when the response has none. */
  code: string;
  id: string;
  message: string;
  /** URL, code, ID and message joined: what free text searches. */
  hay: string;
  retryable: boolean;
  idempotent: boolean;
  truncated: boolean;
}

export type FilterKey = 'text' | 'status' | 'host' | 'path' | 'code' | 'method' | 'id' | 'is' | 'message';

export interface FilterTerm {
  key: FilterKey;
  /** Lower case (method: upper case). */
  value: string;
  negate: boolean;
  /** Free text written as /…/. */
  regex?: RegExp;
  /** The token as typed, for problems and display. */
  raw: string;
}

export interface ParsedFilter {
  terms: FilterTerm[];
  /** Tokens that were ignored, with why: "status:abc: not a status code". */
  problems: string[];
}

export const QUICK_CHIPS = ['4xx', '5xx', 'network', '2xx-error', 'canceled', 'retryable', 'not-retryable'] as const;
export type QuickChip = (typeof QUICK_CHIPS)[number];

export const CHIP_LABELS: Record<QuickChip, string> = {
  '4xx': '4xx',
  '5xx': '5xx',
  network: 'Network',
  '2xx-error': '2xx with error',
  canceled: 'Canceled',
  retryable: 'Retryable',
  'not-retryable': 'Not retryable',
};

/** Chips of one group are OR-ed (4xx or 5xx); the two groups are AND-ed. */
const KIND_CHIPS: Partial<Record<QuickChip, FailureKind>> = {
  '4xx': 'client',
  '5xx': 'server',
  network: 'network',
  '2xx-error': 'body',
  canceled: 'canceled',
};
const RETRY_CHIPS: Partial<Record<QuickChip, boolean>> = { retryable: true, 'not-retryable': false };

/** Everything that decides which records a view shows. */
export interface FilterSpec {
  query: ParsedFilter;
  chips: ReadonlySet<QuickChip>;
  /** False: failures only (the default view). */
  showAll: boolean;
}

const KEY_ALIASES: Record<string, FilterKey> = {
  status: 'status',
  'status-code': 'status',
  host: 'host',
  domain: 'host',
  path: 'path',
  url: 'path',
  code: 'code',
  method: 'method',
  id: 'id',
  is: 'is',
  message: 'message',
  msg: 'message',
};

/** `is:` values and what they test. */
const IS_TESTS: Record<string, (s: FilterSubject) => boolean> = {
  retryable: (s) => s.retryable,
  failure: (s) => s.failure,
  failed: (s) => s.failure,
  network: (s) => s.kind === 'network',
  '4xx': (s) => s.kind === 'client',
  client: (s) => s.kind === 'client',
  '5xx': (s) => s.kind === 'server',
  server: (s) => s.kind === 'server',
  '2xx-error': (s) => s.kind === 'body',
  body: (s) => s.kind === 'body',
  canceled: (s) => s.kind === 'canceled',
  idempotent: (s) => s.idempotent,
  truncated: (s) => s.truncated,
};

/** Keys whose value is a substring test: an extension of the value can only narrow the result. */
const SUBSTRING_KEYS: ReadonlySet<FilterKey> = new Set(['text', 'host', 'path', 'code', 'id', 'message']);
/** Keys where an empty value means "has one" rather than "ignore me". */
const PRESENCE_KEYS: ReadonlySet<FilterKey> = new Set(['code', 'id']);

/** Splits on white space, keeping "double quoted" runs (also after key: or -) together. */
export function tokenize(input: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let quoted = false;
  let inToken = false;
  for (const ch of input) {
    if (ch === '"') {
      quoted = !quoted;
      inToken = true;
      continue;
    }
    if (!quoted && /\s/.test(ch)) {
      if (inToken) tokens.push(current);
      current = '';
      inToken = false;
      continue;
    }
    current += ch;
    inToken = true;
  }
  if (inToken) tokens.push(current);
  return tokens;
}

const STATUS_PATTERN = /^(\d{1,3})$|^([0-9])xx$|^(\d{1,3})-(\d{1,3})$/i;

function validStatusValue(value: string): boolean {
  return value.split(',').every((part) => STATUS_PATTERN.test(part));
}

export function parseFilter(input: string): ParsedFilter {
  const terms: FilterTerm[] = [];
  const problems: string[] = [];
  for (const raw of tokenize(input)) {
    let token = raw;
    let negate = false;
    if (token.length > 1 && token[0] === '-') {
      negate = true;
      token = token.slice(1);
    } else if (token === '-') {
      continue;
    }
    const colon = token.indexOf(':');
    const key = colon > 0 ? KEY_ALIASES[token.slice(0, colon).toLowerCase()] : undefined;
    if (key === undefined) {
      const regex = textRegex(token);
      if (regex === 'invalid') {
        problems.push(`${raw}: not a valid regular expression`);
        continue;
      }
      if (token === '') continue;
      terms.push({ key: 'text', value: token.toLowerCase(), negate, raw, ...(regex ? { regex } : {}) });
      continue;
    }
    const value = token.slice(colon + 1).trim();
    if (value === '' && !PRESENCE_KEYS.has(key)) continue; // still being typed
    if (key === 'status' && !validStatusValue(value)) {
      problems.push(`${raw}: not a status code, class (5xx) or range (500-504)`);
      continue;
    }
    if (key === 'is') {
      const unknown = value.toLowerCase().split(',').filter((v) => !(v in IS_TESTS));
      if (unknown.length > 0) {
        problems.push(`${raw}: unknown; try ${Object.keys(IS_TESTS).join(', ')}`);
        continue;
      }
    }
    terms.push({ key, value: key === 'method' ? value.toUpperCase() : value.toLowerCase(), negate, raw });
  }
  return { terms, problems };
}

function textRegex(token: string): RegExp | null | 'invalid' {
  if (token.length < 3 || token[0] !== '/' || token[token.length - 1] !== '/') return null;
  try {
    return new RegExp(token.slice(1, -1), 'i');
  } catch {
    return 'invalid';
  }
}

function statusTest(value: string): (status: number) => boolean {
  const tests = value.split(',').map((part): ((n: number) => boolean) => {
    const m = STATUS_PATTERN.exec(part)!;
    if (m[1] !== undefined) {
      const code = Number(m[1]);
      return (n) => n === code;
    }
    if (m[2] !== undefined) {
      const cls = Number(m[2]);
      return (n) => Math.floor(n / 100) === cls && n >= 100;
    }
    const lo = Number(m[3]);
    const hi = Number(m[4]);
    return (n) => n >= lo && n <= hi;
  });
  return tests.length === 1 ? tests[0] : (n) => tests.some((t) => t(n));
}

function termTest(term: FilterTerm): (s: FilterSubject) => boolean {
  const v = term.value;
  switch (term.key) {
    case 'text':
      if (term.regex) {
        const re = term.regex;
        return (s) => re.test(s.hay);
      }
      return (s) => s.hay.includes(v);
    case 'status': {
      const test = statusTest(v);
      return (s) => test(s.status);
    }
    case 'method': {
      const methods = v.split(',');
      return methods.length === 1 ? (s) => s.method === v : (s) => methods.includes(s.method);
    }
    case 'host':
      return (s) => s.host.includes(v);
    case 'path':
      return (s) => s.path.includes(v);
    case 'message':
      return (s) => s.message.includes(v);
    case 'code':
      return v === '' ? (s) => s.code !== '' : (s) => s.code.includes(v);
    case 'id':
      return v === '' ? (s) => s.id !== '' : (s) => s.id.includes(v);
    case 'is': {
      const tests = v.split(',').map((name) => IS_TESTS[name]);
      return tests.length === 1 ? tests[0] : (s) => tests.some((t) => t(s));
    }
  }
}

/** One predicate for a whole spec; built once per keystroke, run once per record. */
export function compileFilter(spec: FilterSpec): (s: FilterSubject) => boolean {
  const tests: Array<(s: FilterSubject) => boolean> = [];
  // Canceled requests are not failures; their chip shows them in the failures-only view (Chrome's "(canceled)").
  const showCanceled = spec.chips.has('canceled');
  if (!spec.showAll) tests.push(showCanceled ? (s) => s.failure || s.kind === 'canceled' : (s) => s.failure);
  const kinds = new Set<FailureKind>();
  const retry = new Set<boolean>();
  for (const chip of spec.chips) {
    const kind = KIND_CHIPS[chip];
    if (kind !== undefined) kinds.add(kind);
    const r = RETRY_CHIPS[chip];
    if (r !== undefined) retry.add(r);
  }
  if (kinds.size > 0) tests.push((s) => kinds.has(s.kind));
  if (retry.size === 1) {
    const want = retry.has(true);
    // "Not retryable" is about failures; a success is neither.
    tests.push((s) => s.failure && s.retryable === want);
  } else if (retry.size === 2) {
    tests.push((s) => s.failure);
  }
  for (const term of spec.query.terms) {
    const test = termTest(term);
    tests.push(term.negate ? (s) => !test(s) : test);
  }
  if (tests.length === 0) return () => true;
  if (tests.length === 1) return tests[0];
  return (s) => {
    for (let i = 0; i < tests.length; i++) if (!tests[i](s)) return false;
    return true;
  };
}

/** True when neither chips nor query narrow the view (navigation markers are shown then). */
export function isUnfiltered(spec: FilterSpec): boolean {
  return spec.chips.size === 0 && spec.query.terms.length === 0;
}

function implies(next: FilterTerm, prev: FilterTerm): boolean {
  if (next.key !== prev.key || next.negate !== prev.negate) return false;
  if (next.regex || prev.regex || !SUBSTRING_KEYS.has(next.key)) return next.raw === prev.raw;
  // contains "foob" ⇒ contains "foo"; lacks "fo" ⇒ lacks "foo".
  return next.negate ? prev.value.includes(next.value) : next.value.includes(prev.value);
}

function chipGroup(chips: ReadonlySet<QuickChip>, table: Partial<Record<QuickChip, unknown>>): QuickChip[] {
  return [...chips].filter((c) => c in table);
}

function groupNarrows(prev: QuickChip[], next: QuickChip[]): boolean {
  if (prev.length === 0) return true;
  return next.length > 0 && next.every((c) => prev.includes(c));
}

/**
 * True when every record `next` shows is also shown by `prev`, so the new result can be computed
 * from the previous result instead of from every record (typing one more character).
 */
export function isNarrowing(prev: FilterSpec, next: FilterSpec): boolean {
  if (!prev.showAll && next.showAll) return false;
  if (next.chips.has('canceled') && !prev.chips.has('canceled') && !next.showAll) return false;
  if (!groupNarrows(chipGroup(prev.chips, KIND_CHIPS), chipGroup(next.chips, KIND_CHIPS))) return false;
  if (!groupNarrows(chipGroup(prev.chips, RETRY_CHIPS), chipGroup(next.chips, RETRY_CHIPS))) return false;
  return prev.query.terms.every((p) => next.query.terms.some((n) => implies(n, p)));
}

export const FILTER_HELP =
  'Filter: text, status:429, status:5xx, host:api.example.com, code:invalid_input, method:POST, id:, is:retryable; -token negates';
