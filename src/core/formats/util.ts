// Safe reading of untrusted parsed bodies, shared by the format recognizers.
// Everything here checks own properties only (never the prototype chain), is depth-bounded
// and never throws, so a hostile body (`__proto__` keys, deep nesting, huge arrays) is harmless.

import { normalizeKey } from '../infer/dictionaries';
import { isRecord } from '../is-record';
import type { FieldError, RecognizerContext } from '../types';

export type JsonRecord = Record<string, unknown>;
export type PathStep = string | number;
export type Path = readonly PathStep[];

/** Longest message we hand back; the panel shows more via the raw body. */
export const MAX_MESSAGE_CHARS = 1000;
/** Most field errors we collect from one body. */
export const MAX_FIELD_ERRORS = 50;
/** Most keys scanned by a case-insensitive lookup (bounds work on huge objects). */
const MAX_KEYS_SCANNED = 256;
/** Deepest nesting walked when flattening field-error dictionaries. */
const MAX_FIELD_DEPTH = 6;

const hasOwn = Object.prototype.hasOwnProperty;

export { isRecord };

/** Own property `key` of `obj`, or undefined (never the prototype's). */
export function get(obj: unknown, key: string): unknown {
  if (!isRecord(obj) || !hasOwn.call(obj, key)) return undefined;
  return obj[key];
}

export function has(obj: unknown, key: string): boolean {
  return isRecord(obj) && hasOwn.call(obj, key);
}

/** Own property by name ignoring case (`Message` / `message`); the exact spelling wins. */
export function getCI(obj: unknown, key: string): unknown {
  if (!isRecord(obj)) return undefined;
  if (hasOwn.call(obj, key)) return obj[key];
  const wanted = key.toLowerCase();
  let scanned = 0;
  for (const k in obj) {
    if (!hasOwn.call(obj, k)) continue;
    if (++scanned > MAX_KEYS_SCANNED) break;
    if (k.toLowerCase() === wanted) return obj[k];
  }
  return undefined;
}

/**
 * The first of `names` (normalized as normalizeKey writes them: `errorcode` matches `errorCode`, `error_code`,
 * `ERROR-CODE`) that `obj` holds with a value `read` accepts: one scan of the keys, earlier names preferred.
 */
function named<T>(obj: unknown, names: readonly string[], read: (v: unknown) => T | undefined): T | undefined {
  if (!isRecord(obj)) return undefined;
  // Names spelled as written (lower case, no separators) need no scan: the first one present wins.
  let best = names.length;
  let out: T | undefined;
  for (let i = 0; i < names.length; i++) {
    if (!hasOwn.call(obj, names[i])) continue;
    const v = read(obj[names[i]]);
    if (v === undefined) continue;
    best = i;
    out = v;
    break;
  }
  if (best === 0) return out;
  // Other spellings of an earlier name: only keys with capitals or separators can be one.
  let scanned = 0;
  for (const k in obj) {
    if (!hasOwn.call(obj, k)) continue;
    if (++scanned > MAX_KEYS_SCANNED) break;
    if (PLAIN_LOWER.test(k)) continue;
    const i = names.indexOf(normalizeKey(k));
    if (i < 0 || i >= best) continue;
    const v = read(obj[k]);
    if (v === undefined) continue;
    best = i;
    out = v;
    if (i === 0) break;
  }
  return out;
}

/** A key that is its own normalized form. */
const PLAIN_LOWER = /^[a-z0-9]*$/;

const any = (v: unknown): unknown => v;

/** An own property by name stem in any case style (`named` above). */
export function getNamed(obj: unknown, names: readonly string[]): unknown {
  return named(obj, names, any);
}

/** Like `getNamed`, a trimmed non-empty string. */
export function strNamed(obj: unknown, names: readonly string[]): string | undefined {
  return named(obj, names, text);
}

/** Like `getNamed`, an API code that is not the HTTP status echoed (`apiCode`). */
export function apiCodeNamed(obj: unknown, names: readonly string[], status: number): string | number | undefined {
  return named(obj, names, (v) => apiCode(v, status));
}

/** Walks `path` through own properties and array indexes. */
export function at(root: unknown, path: Path): unknown {
  let cur: unknown = root;
  for (const step of path) {
    if (typeof step === 'number') {
      if (!Array.isArray(cur) || step < 0 || step >= cur.length) return undefined;
      cur = cur[step];
    } else {
      cur = get(cur, step);
      if (cur === undefined) return undefined;
    }
  }
  return cur;
}

/** A trimmed, non-empty string, or undefined. */
export function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const t = value.trim();
  return t ? clip(t) : undefined;
}

/** A string code or a finite number code (the engine stringifies numbers). */
export function code(value: unknown): string | number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const t = text(value);
  return t && t.length <= 200 ? t : undefined;
}

/** A string own property of `obj`, trimmed and non-empty. */
export function str(obj: unknown, key: string): string | undefined {
  return text(get(obj, key));
}

/** Like `str` but ignoring the key's case. */
export function strCI(obj: unknown, key: string): string | undefined {
  return text(getCI(obj, key));
}

/** A finite number own property (numeric strings accepted). */
export function num(obj: unknown, key: string): number | undefined {
  return toNumber(get(obj, key));
}

export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return undefined;
}

/** The first path whose value is a non-empty string, with the path it came from. */
export function firstText(root: unknown, paths: readonly Path[]): { value: string; path: Path } | undefined {
  for (const p of paths) {
    const v = text(at(root, p));
    if (v !== undefined) return { value: v, path: p };
  }
  return undefined;
}

/** `['error', 'details', 0]` → `error.details[0]`: how provenance is written. */
export function pathName(path: Path): string {
  let out = '';
  for (const step of path) {
    if (typeof step === 'number') out += `[${step}]`;
    else out += out ? `.${step}` : step;
  }
  return out;
}

/** An ID (string or number) at `path`, with the field it came from (classify.ts prefixes `body.`). */
export function idAt(root: unknown, path: Path): { errorId: string; errorIdField: string } | undefined {
  const v = at(root, path);
  const id = typeof v === 'number' && Number.isFinite(v) ? String(v) : text(v);
  return id && id.length <= 200 ? { errorId: id, errorIdField: pathName(path) } : undefined;
}

/** The first ID found among `paths`. */
export function firstId(root: unknown, paths: readonly Path[]): { errorId: string; errorIdField: string } | undefined {
  for (const p of paths) {
    const found = idAt(root, p);
    if (found) return found;
  }
  return undefined;
}

export function clip(s: string, max = MAX_MESSAGE_CHARS): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Joins the string items of a list (or returns a lone string); other items are skipped. */
export function joinTexts(value: unknown, sep = '; ', maxItems = 20): string | undefined {
  if (typeof value === 'string') return text(value);
  if (!Array.isArray(value)) return undefined;
  const parts: string[] = [];
  for (let i = 0; i < value.length && parts.length < maxItems; i++) {
    const t = text(value[i]);
    if (t) parts.push(t);
  }
  return parts.length ? clip(parts.join(sep)) : undefined;
}

/** Whether the exchange carries an error status (weak shapes only count on these). */
export function isErrorStatus(ctx: RecognizerContext): boolean {
  return ctx.exchange.status >= 400;
}

/**
 * A machine-readable token rather than prose: `invalid_model`, `RATE_LIMITED`, `ArticleNotFound`,
 * `auth.invalid-token`. Single plain words (`Unauthorized`) are not, they read as reason phrases.
 */
export function isMachineToken(s: string): boolean {
  if (s.length > 80 || !/^[A-Za-z][A-Za-z0-9._:-]*$/.test(s)) return false;
  return /[._:-]/.test(s) || /[a-z][A-Z]/.test(s);
}

/** A code-ish string: one token without spaces (`forbidden`, `invalid_auth`, `Throttling`). */
export function isCodeLike(s: string): boolean {
  return s.length <= 80 && /^[A-Za-z0-9][A-Za-z0-9._:\-/#]*$/.test(s);
}

/**
 * Duration text to seconds: protobuf `"58s"` / `"45.837906927s"`, OpenAI `"7.315s"`, `"844ms"`,
 * `"1m30s"`, `"2h"`, or a bare number of seconds.
 */
export function durationSeconds(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  if (s.length > 40) return undefined;
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  const m = /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m(?!s))?(?:(\d+(?:\.\d+)?)s)?(?:(\d+(?:\.\d+)?)ms)?$/.exec(s);
  if (!m || s === '') return undefined;
  const [, h, min, sec, ms] = m;
  if (!h && !min && !sec && !ms) return undefined;
  return Number(h ?? 0) * 3600 + Number(min ?? 0) * 60 + Number(sec ?? 0) + Number(ms ?? 0) / 1000;
}

/** A wait stated in prose, found with `pattern` whose group 1 is a duration (see durationSeconds). */
export function waitInText(message: string | undefined, pattern: RegExp): number | undefined {
  if (!message) return undefined;
  const m = pattern.exec(message);
  return m ? durationSeconds(m[1]) : undefined;
}

/** One field error per message; messages may be strings or objects with message/description/msg. */
function pushMessages(out: FieldError[], field: string, value: unknown, depth: number): void {
  if (out.length >= MAX_FIELD_ERRORS) return;
  const direct = text(value);
  if (direct) {
    out.push({ field, message: direct });
    return;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length && out.length < MAX_FIELD_ERRORS; i++) {
      const item = value[i];
      const t = text(item) ?? messageOf(item);
      if (t) out.push({ field, message: t });
      else if (isRecord(item) && depth < MAX_FIELD_DEPTH) flattenFieldDict(out, item, `${field}[${i}]`, depth + 1);
    }
    return;
  }
  if (isRecord(value) && depth < MAX_FIELD_DEPTH) {
    const t = messageOf(value);
    if (t) out.push({ field, message: t });
    else flattenFieldDict(out, value, field, depth + 1);
  }
}

function messageOf(value: unknown): string | undefined {
  if (!isRecord(value)) return undefined;
  return strCI(value, 'message') ?? str(value, 'description') ?? str(value, 'msg') ?? str(value, 'detail');
}

function flattenFieldDict(out: FieldError[], dict: JsonRecord, prefix: string, depth: number): void {
  let scanned = 0;
  for (const key in dict) {
    if (!hasOwn.call(dict, key)) continue;
    if (++scanned > MAX_KEYS_SCANNED || out.length >= MAX_FIELD_ERRORS) break;
    pushMessages(out, prefix ? `${prefix}.${key}` : key, dict[key], depth);
  }
}

/**
 * `{field: ["msg", …] | "msg" | {nested: [...]}}` (Rails, Laravel, DRF, ASP.NET, Jira) → FieldError[].
 * Nested dictionaries become dotted fields (`address.zip`).
 */
export function fieldErrorsFromDict(dict: unknown): FieldError[] {
  const out: FieldError[] = [];
  if (isRecord(dict)) flattenFieldDict(out, dict, '', 0);
  return out;
}

/**
 * Reads a Rails-style `{field: ["msg", …]}` dictionary (ActiveModel::Errors): the message is the
 * first error as Rails' full_messages writes it ("email is invalid"; a `base` error stands alone),
 * and `base` errors, which belong to no field, are left out of the field errors.
 */
export function railsFieldErrors(dict: JsonRecord): { message?: string; fieldErrors: FieldError[] } {
  const all = fieldErrorsFromDict(dict);
  const first = all[0];
  return {
    message: first ? (first.field === 'base' ? first.message : `${first.field} ${first.message}`) : undefined,
    fieldErrors: all.filter((f) => f.field !== 'base'),
  };
}

/** True when every own value is a list of strings or a string: the DRF / Rails field dictionary. */
export function isFieldDict(value: unknown, allowStrings = false): value is JsonRecord {
  if (!isRecord(value)) return false;
  let n = 0;
  for (const key in value) {
    if (!hasOwn.call(value, key)) continue;
    if (++n > MAX_KEYS_SCANNED) break;
    const v = value[key];
    if (
      typeof v === 'string'
        ? !allowStrings
        : !(Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string'))
    ) {
      return false;
    }
  }
  return n > 0;
}

/** Lists `{field, message}` from an array of objects, using the given keys. */
export function fieldErrorsFromList(
  list: unknown,
  fieldOf: (item: JsonRecord) => string | undefined,
  messageOfItem: (item: JsonRecord) => string | undefined,
): FieldError[] {
  const out: FieldError[] = [];
  if (!Array.isArray(list)) return out;
  for (let i = 0; i < list.length && out.length < MAX_FIELD_ERRORS; i++) {
    const item = list[i];
    if (!isRecord(item)) continue;
    const field = fieldOf(item);
    const message = messageOfItem(item);
    if (field && message) out.push({ field, message });
  }
  return out;
}

/** First element of an array when it is an object. */
export function firstRecord(value: unknown): JsonRecord | undefined {
  return Array.isArray(value) && isRecord(value[0]) ? value[0] : undefined;
}

/** Drops undefined keys so merged results stay tidy. */
export function compact<T extends object>(value: T): T {
  const out = {} as T;
  for (const key in value) {
    if (hasOwn.call(value, key) && value[key] !== undefined) out[key] = value[key];
  }
  return out;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Decodes the XML/HTML entities that matter for short messages. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,6});/g, (whole, ent: string) => {
    if (ent[0] === '#') {
      const cp = ent[1] === 'x' || ent[1] === 'X' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
      return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
    }
    return ENTITIES[ent.toLowerCase()] ?? whole;
  });
}

/** Markup beyond this many characters is not searched: error elements sit near the top. */
export const MAX_MARKUP_SCAN = 100_000;

const tagPatterns = new Map<string, { open: RegExp; close: RegExp }>();

function patternsFor(tag: string): { open: RegExp; close: RegExp } {
  let p = tagPatterns.get(tag);
  if (!p) {
    // `<title>` or `<title attr>`, not `<titles>`; names are matched exactly (no namespace prefix).
    p = { open: new RegExp(`<${tag}(?=[\\s>/])[^<>]{0,512}>`, 'i'), close: new RegExp(`</${tag}\\s*>`, 'gi') };
    tagPatterns.set(tag, p);
  }
  return p;
}

/** Inner text of the first `<tag>…</tag>` (case-insensitive, attributes allowed), tags stripped, entities decoded. */
export function tagText(source: string, tag: string): string | undefined {
  const region = source.length > MAX_MARKUP_SCAN ? source.slice(0, MAX_MARKUP_SCAN) : source;
  const { open, close } = patternsFor(tag);
  const o = open.exec(region);
  if (!o || o[0].endsWith('/>')) return undefined;
  const from = o.index + o[0].length;
  close.lastIndex = from;
  const c = close.exec(region);
  if (!c) return undefined;
  // CDATA markers are dropped (content kept) by splitting, which stays linear on hostile input.
  // Each step runs only when its marker occurs: most elements hold plain text.
  let inner = region.slice(from, c.index);
  if (inner.includes('<'))
    inner = inner
      .split('<![CDATA[')
      .join('')
      .split(']]>')
      .join('')
      .replace(/<[^<>]*>/g, ' ');
  else if (inner.includes(']]>')) inner = inner.split(']]>').join('');
  if (inner.includes('&')) inner = decodeEntities(inner);
  return text(inner.replace(/\s+/g, ' '));
}

/** A code value unless it merely repeats the HTTP status (`{code: 404}` on a 404). */
export function apiCode(value: unknown, status: number): string | number | undefined {
  const c = code(value);
  if (c === undefined) return undefined;
  if (typeof c === 'number' ? c === status : c === String(status)) return undefined;
  return c;
}

let lastUrl = '';
let lastHost = '';

/** Host name of a URL, lowercased ('' when unparseable). Remembers the last URL: recognizers ask repeatedly. */
export function hostOf(url: string): string {
  if (url === lastUrl) return lastHost;
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/?#:]+)/i.exec(url);
  lastUrl = url;
  lastHost = m ? m[1].toLowerCase() : '';
  return lastHost;
}

/** Whether the host is `domain` or a subdomain of it. */
export function hostIs(url: string, domain: string): boolean {
  const host = hostOf(url);
  return host === domain || host.endsWith(`.${domain}`);
}
