// The filter box, in the Network panel's style: free text plus `key:value` tokens, `-` negates.
// Parsing and matching are pure; subjects are precomputed once per record (see store/rows.ts),
// so a keystroke costs one pass of cheap string tests and no re-classification.
import { assertNever } from '../core/assert-never';
import type { FailureKind } from '../core/types';
import { WHAT_TO_DO_LABELS, WHAT_TO_DO_ORDER, type WhatToDo } from './what-to-do';

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
  /** Contract problems from the loaded OpenAPI specs, space-separated kinds; '' when none. */
  specProblems?: string;
  /** The documented operation, lower case; '' when none. */
  operation?: string;
  /** The what-to-do bucket of a failure (see what-to-do.ts). */
  todo?: WhatToDo | null;
  /** Response size in bytes: Content-Length, else the captured body's length; -1 when unknown. */
  size?: number;
  /** Response MIME type, lower case, without parameters. */
  mime?: string;
}

export type FilterKey =
  | 'text'
  | 'status'
  | 'host'
  | 'path'
  | 'code'
  | 'method'
  | 'id'
  | 'is'
  | 'message'
  | 'larger-than'
  | 'mime-type'
  | 'spec';

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

/**
 * The quick filters, one entry each. Chips of one group are OR-ed (fix request or re-auth); groups
 * are AND-ed. `summary` chips are the what-to-do summary the toolbar shows with their counts.
 */
export interface ChipDef {
  id: string;
  label: string;
  title: string;
  group: string;
  summary: boolean;
  test(s: FilterSubject): boolean;
}

export const CHIPS: readonly ChipDef[] = [
  ...WHAT_TO_DO_ORDER.map((todo: WhatToDo): ChipDef => ({
    id: todo,
    ...WHAT_TO_DO_LABELS[todo],
    group: 'todo',
    summary: true,
    test: (s) => (s.failure || todo === 'canceled') && s.todo === todo,
  })),
  { id: '4xx', label: '4xx', title: 'Client errors', group: 'kind', summary: false, test: (s) => s.kind === 'client' },
  { id: '5xx', label: '5xx', title: 'Server errors', group: 'kind', summary: false, test: (s) => s.kind === 'server' },
  {
    id: '2xx-error',
    label: '2xx with error',
    title: 'HTTP says success; the body says the call failed',
    group: 'kind',
    summary: false,
    test: (s) => s.kind === 'body',
  },
  // "Not retryable" is about failures; a success is neither.
  {
    id: 'retryable',
    label: 'Retryable',
    title: 'Failures a retry can fix',
    group: 'retry',
    summary: false,
    test: (s) => s.failure && s.retryable,
  },
  {
    id: 'not-retryable',
    label: 'Not retryable',
    title: 'Failures a retry will not fix',
    group: 'retry',
    summary: false,
    test: (s) => s.failure && !s.retryable,
  },
  // Contract chips (shown only when an OpenAPI spec is loaded; see SPEC_CHIPS).
  {
    id: 'spec:undocumented',
    label: 'Undocumented',
    title: 'A status the spec does not document',
    group: 'spec',
    summary: false,
    test: (s) => (s.specProblems ?? '').includes('undocumented'),
  },
  {
    id: 'spec:mismatch',
    label: 'Schema mismatch',
    title: 'A body that breaks the documented schema',
    group: 'spec',
    summary: false,
    test: (s) => (s.specProblems ?? '').includes('mismatch'),
  },
  {
    id: 'spec:unknown-operation',
    label: 'Unknown operation',
    title: 'A path or method the spec does not have',
    group: 'spec',
    summary: false,
    test: (s) => (s.specProblems ?? '').includes('unknown-operation'),
  },
];

/** Chips that need a loaded OpenAPI spec (shown only then); OR-ed among themselves. */
export const SPEC_CHIPS: Partial<Record<QuickChip, string>> = {
  'spec:undocumented': 'undocumented',
  'spec:mismatch': 'mismatch',
  'spec:unknown-operation': 'unknown-operation',
};
/** `spec:` values that test a problem kind; any other value searches the operation (`spec:getOrder`). */
const SPEC_VALUES: Record<string, (s: FilterSubject) => boolean> = {
  undocumented: (s) => (s.specProblems ?? '').includes('undocumented'),
  mismatch: (s) => (s.specProblems ?? '').includes('mismatch'),
  'unknown-operation': (s) => (s.specProblems ?? '').includes('unknown-operation'),
  problem: (s) => (s.specProblems ?? '') !== '',
  documented: (s) => (s.operation ?? '') !== '',
};

export type QuickChip = string;
export const QUICK_CHIPS: readonly QuickChip[] = CHIPS.map((c) => c.id);
const CHIP_BY_ID = new Map(CHIPS.map((c) => [c.id, c]));
export const CHIP_LABELS: Record<string, string> = Object.fromEntries(CHIPS.map((c) => [c.id, c.label]));

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
  spec: 'spec',
  operation: 'spec',
  op: 'spec',
  'larger-than': 'larger-than',
  'mime-type': 'mime-type',
  mime: 'mime-type',
};

/** Keys offered by completion and by the unknown-key warning (aliases included, as the Network panel's). */
export const FILTER_KEYS: readonly string[] = Object.keys(KEY_ALIASES);

/** `is:` values and what they test. */
const IS_TESTS: Record<string, (s: FilterSubject) => boolean> = {
  // The what-to-do buckets first, so the older names below (server, network) keep their meaning.
  ...Object.fromEntries(WHAT_TO_DO_ORDER.map((todo) => [todo, (s: FilterSubject) => s.failure && s.todo === todo])),
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
const SUBSTRING_KEYS: ReadonlySet<FilterKey> = new Set(['text', 'host', 'path', 'code', 'id', 'message', 'mime-type']);
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
    const typedKey = colon > 0 ? token.slice(0, colon).toLowerCase() : '';
    // Own keys only: `constructor:` is an unknown key, not Object.prototype's.
    const key = colon > 0 && Object.hasOwn(KEY_ALIASES, typedKey) ? KEY_ALIASES[typedKey] : undefined;
    if (key === undefined && /^[a-z][a-z-]*$/.test(typedKey) && !token.startsWith(`${typedKey}://`)) {
      // Still searched as text (like the Network panel), but never silently.
      const near = nearestKey(typedKey);
      problems.push(`${raw}: unknown key "${typedKey}:"${near ? `; did you mean ${near}:?` : ''} (searched as text)`);
    }
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
    if (key === 'larger-than' && parseSize(value) === null) {
      problems.push(`${raw}: not a size (1k, 20kb, 1.5M, 500)`);
      continue;
    }
    if (key === 'is') {
      const unknown = value
        .toLowerCase()
        .split(',')
        .filter((v) => !Object.hasOwn(IS_TESTS, v));
      if (unknown.length > 0) {
        problems.push(`${raw}: unknown; try ${Object.keys(IS_TESTS).join(', ')}`);
        continue;
      }
    }
    terms.push({ key, value: key === 'method' ? value.toUpperCase() : value.toLowerCase(), negate, raw });
  }
  return { terms, problems };
}

/** `1k`, `20kb`, `1.5M`, `500` → bytes (k = 1024, as the Network panel); null when not a size. */
export function parseSize(value: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*(k|kb|m|mb|b)?$/i.exec(value.trim());
  if (!m) return null;
  const unit = (m[2] ?? '').toLowerCase();
  const factor = unit.startsWith('k') ? 1024 : unit.startsWith('m') ? 1024 * 1024 : 1;
  return Number(m[1]) * factor;
}

/** Damerau-free edit distance, small strings only. */
function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

/** The known key closest to a typo (`stauts` → `status`), or null when none is close. */
export function nearestKey(typed: string): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const key of FILTER_KEYS) {
    const d = key.startsWith(typed) ? 0.5 : editDistance(typed, key);
    if (d < bestDistance) {
      best = key;
      bestDistance = d;
    }
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(typed.length / 3)) ? best : null;
}

/** Key completion for the last token of the filter text: `sta` → `status:`. Null when nothing fits. */
export function completeKey(text: string): string | null {
  const m = /(^|\s)(-?)([a-z][a-z-]*)$/i.exec(text);
  if (!m) return null;
  const typed = m[3].toLowerCase();
  const key = FILTER_KEYS.find((k) => k.startsWith(typed) && k !== typed);
  if (!key) return null;
  return `${text.slice(0, text.length - typed.length)}${key}:`;
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
    case 'larger-than': {
      const min = parseSize(v) ?? 0;
      return (s) => (s.size ?? -1) > min;
    }
    case 'mime-type':
      return (s) => (s.mime ?? '').includes(v);
    case 'is': {
      const tests = v.split(',').map((name) => IS_TESTS[name]);
      return tests.length === 1 ? tests[0] : (s) => tests.some((t) => t(s));
    }
    case 'spec': {
      const tests = v
        .split(',')
        .map((name) =>
          Object.hasOwn(SPEC_VALUES, name)
            ? SPEC_VALUES[name]
            : (s: FilterSubject) => (s.operation ?? '').includes(name),
        );
      return tests.length === 1 ? tests[0] : (s) => tests.some((t) => t(s));
    }
    default:
      return assertNever(term.key, 'filter key');
  }
}

/** Whether a spec narrows by the contract: then a success with a contract problem is shown too. */
function usesContract(spec: FilterSpec): boolean {
  return [...spec.chips].some((c) => c in SPEC_CHIPS) || spec.query.terms.some((t) => t.key === 'spec' && !t.negate);
}

/** One predicate for a whole spec; built once per keystroke, run once per record. */
export function compileFilter(spec: FilterSpec): (s: FilterSubject) => boolean {
  const tests: Array<(s: FilterSubject) => boolean> = [];
  // Canceled requests may not be failures; their chip shows them in the failures-only view. Contract
  // problems are shown whatever the status when a spec filter is on.
  const showCanceled = spec.chips.has('canceled');
  const contract = usesContract(spec);
  if (!spec.showAll)
    tests.push(
      (s) => s.failure || (showCanceled && s.todo === 'canceled') || (contract && (s.specProblems ?? '') !== ''),
    );
  const byGroup = new Map<string, ChipDef[]>();
  for (const id of spec.chips) {
    const chip = CHIP_BY_ID.get(id);
    if (!chip) continue;
    byGroup.set(chip.group, [...(byGroup.get(chip.group) ?? []), chip]);
  }
  for (const chips of byGroup.values()) {
    if (chips.length === 1) tests.push(chips[0].test);
    else tests.push((s) => chips.some((c) => c.test(s)));
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

function chipsOf(chips: ReadonlySet<QuickChip>, group: string): QuickChip[] {
  return [...chips].filter((id) => CHIP_BY_ID.get(id)?.group === group);
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
  // Contract results change when the specs do: always a full pass.
  if (usesContract(prev) || usesContract(next)) return false;
  // The canceled chip lets non-failures into the failures-only view: a widening.
  if (!next.showAll && next.chips.has('canceled') && !prev.chips.has('canceled')) return false;
  const groups = new Set(CHIPS.map((c) => c.group));
  for (const group of groups) if (!groupNarrows(chipsOf(prev.chips, group), chipsOf(next.chips, group))) return false;
  return prev.query.terms.every((p) => next.query.terms.some((n) => implies(n, p)));
}

export const FILTER_HELP =
  'Filter: text, status:429, status:5xx, host:api.example.com (domain:), code:invalid_input, method:POST, id:, is:retryable, larger-than:1k, mime-type:json, spec:undocumented|mismatch|unknown-operation|getOrder; -token negates; Tab completes a key';
