// One bounded pass over a parsed JSON body that lists every leaf a field dictionary could want.
// Own properties only (a `__proto__` key is data), at most MAX_DEPTH levels, MAX_KEYS keys per
// object, the first MAX_ARRAY_ITEMS items of a list and MAX_NODES leaves in all: a hostile body
// costs a bounded amount of work.
import {
  DATA_CONTAINERS,
  FAILURE_WORDS,
  isErrorContainer,
  keyBehindPrefix,
  normalizeKey,
  sharedKeyPrefix,
} from './dictionaries';

export const MAX_DEPTH = 5;
export const MAX_NODES = 400;
const MAX_KEYS = 64;
const MAX_ARRAY_ITEMS = 3;

export interface Leaf {
  /** Dotted path as rules write it: `errors[0].code`. */
  path: string;
  /** The key as written and normalized (for array items: the list's key). */
  key: string;
  norm: string;
  value: string | number | boolean | string[];
  /** Objects above the leaf (0 = a top-level field). */
  depth: number;
  /** Under a key such as `error`, `errors`, `fault`, `details`. */
  inError: boolean;
  /** Inside a list item (the first item counts most). */
  item: number;
  /** The leaf's object also has an HTTP status field (`status`, `statusCode`, `httpStatus`). */
  besideStatus: boolean;
  /** The leaf's object rates itself below an error (`severity: "warning"`, `level: "info"`): a side note. */
  minor?: boolean;
  /** The leaf's object rates itself an error (`severity: "error"`) outside any error container. */
  major?: boolean;
}

/** Keys an item rates itself under, and the ratings below an error (FHIR `information`, eBay `Warning`). */
const SEVERITY_KEYS = new Set(['severity', 'level', 'type', 'messagetype', 'severitycode', 'severitylevel']);
const MINOR_SEVERITY = /^(?:info|information|informational|warning|warn|notice|debug|hint|note|success)$/i;
const ERROR_SEVERITY = /^(?:error|fatal|critical)$/i;

function ratedError(obj: Record<string, unknown>): boolean {
  for (const key of ['severity', 'level', 'Severity', 'SeverityCode']) {
    const v = hasOwn.call(obj, key) ? obj[key] : undefined;
    if (typeof v === 'string' && ERROR_SEVERITY.test(v)) return true;
  }
  return false;
}

const STATUS_FIELDS = new Set(['status', 'statuscode', 'httpstatus', 'httpstatuscode', 'httpcode', 'statuscodevalue']);

const hasOwn = Object.prototype.hasOwnProperty;

function isStringList(v: unknown[]): v is string[] {
  if (v.length === 0 || v.length > 50) return false;
  for (const x of v) if (typeof x !== 'string') return false;
  return true;
}

function nameLike(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 && v.length <= 64 && !v.includes('/') ? v : undefined;
}

/**
 * A name/value pair (`{url: "requestId", valueUuid: "…"}` in FHIR, `{name, value}`, `{key, value}`):
 * the value under the name it carries, so dictionaries find IDs and codes kept in such lists.
 */
function namedValue(
  obj: Record<string, unknown>,
): { name: string; norm: string; valueKey: string; value: string | number } | undefined {
  // The first of name, key, url that reads as a name (tested in that order, without a list per object).
  const name = nameLike(obj.name) ?? nameLike(obj.key) ?? nameLike(obj.url);
  if (name === undefined) return undefined;
  for (const key in obj) {
    if (!hasOwn.call(obj, key) || !/^value/i.test(key)) continue;
    const value = obj[key];
    if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)))
      return { name, norm: normalizeKey(name), valueKey: key, value };
  }
  return undefined;
}

/** Outcome flags an envelope sets beside its payload, and the status keys whose failure word says the call failed. */
const OUTCOME_FLAGS = new Set(['success', 'ok']);
const OUTCOME_WORD_KEYS = new Set(['status', 'state', 'result']);

/**
 * An envelope that says its call failed (`success: false` or `0`, `ok: false`, `error: true`, `status: "Error"`,
 * in any key case): the payload beside such a flag carries that failure's details (`{success: 0, data: {code}}`,
 * `{status: "Error", payload: {code, message}}`), not a resource.
 */
function flagsFailure(obj: Record<string, unknown>): boolean {
  let scanned = 0;
  for (const key in obj) {
    if (!hasOwn.call(obj, key)) continue;
    if (++scanned > MAX_KEYS) break;
    const v = obj[key];
    if (typeof v === 'object') continue;
    const norm = normalizeKey(key);
    if (OUTCOME_FLAGS.has(norm) && (v === false || v === 0)) return true;
    if (norm === 'error' && v === true) return true;
    if (
      OUTCOME_WORD_KEYS.has(norm) &&
      typeof v === 'string' &&
      v.length <= 32 &&
      FAILURE_WORDS.has(v.trim().toUpperCase())
    )
      return true;
  }
  return false;
}

/** The payload keys an envelope reports a failure's details under when it flags the failure itself. */
const FAILURE_PAYLOADS = new Set(['data', 'payload']);

/** An error class's name (`ValidationError`, `ServiceNotFoundError`, `NotFoundException`) under `name`. */
const ERROR_CLASS_NAME = /^[A-Z][A-Za-z0-9]{0,60}(?:Error|Exception)$/;

function namesErrorClass(obj: Record<string, unknown>): boolean {
  return hasOwn.call(obj, 'name') && typeof obj.name === 'string' && ERROR_CLASS_NAME.test(obj.name);
}

/**
 * a locale map (`{en: "…", de: "…"}` under `message`, MediaWiki's `messageTranslations`,
 * `title_i18n`) holds one text in several languages: read as one leaf under its parent key, in English when it has it.
 * Every key must be a language tag, and one of them a common language, so `{id: …}` or `{to: …}` is no locale map.
 */
const LANGUAGE_TAG = /^[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?$/;
const COMMON_LANGUAGES = new Set(
  'en de fr es it pt nl ru ja zh ko pl sv da fi nb nn cs sk hu ro el tr uk ar he hi th vi'.split(' '),
);
const MAX_LOCALES = 40;

/** OData v3's localized text (`message: {lang: "en-US", value: "…"}`): one language, its text under `value`. */
function taggedText(obj: Record<string, unknown>): { key: string; text: string } | undefined {
  const keys = Object.keys(obj);
  if (keys.length !== 2 || !hasOwn.call(obj, 'lang') || !hasOwn.call(obj, 'value')) return undefined;
  const { lang, value } = obj;
  if (typeof lang !== 'string' || !LANGUAGE_TAG.test(lang) || typeof value !== 'string') return undefined;
  const text = value.trim();
  return text ? { key: 'value', text } : undefined;
}

function localeText(obj: Record<string, unknown>): { key: string; text: string } | undefined {
  const tagged = taggedText(obj);
  if (tagged) return tagged;
  let english: string | undefined;
  let first: string | undefined;
  let common = false;
  let n = 0;
  for (const key in obj) {
    if (!hasOwn.call(obj, key)) continue;
    if (++n > MAX_LOCALES || !LANGUAGE_TAG.test(key) || typeof obj[key] !== 'string') return undefined;
    const lang = key.slice(0, key.search(/[-_]|$/)).toLowerCase();
    if (COMMON_LANGUAGES.has(lang)) common = true;
    if (first === undefined) first = key;
    if (english === undefined && lang === 'en') english = key;
  }
  const chosen = english ?? first;
  if (!common || chosen === undefined) return undefined;
  const text = (obj[chosen] as string).trim();
  return text ? { key: chosen, text } : undefined;
}

/** `messageTranslations` → `message`: the field the locale map translates. */
function withoutLocaleSuffix(norm: string): string {
  const m = /^(.+?)(?:translations?|i18n|l10n|localized|localizations?)$/.exec(norm);
  return m ? m[1] : norm;
}

/**
 * a W3C `traceparent` (`00-<32 hex trace ID>-<16 hex span ID>-<2 hex flags>`) names the request
 * in the server's traces whatever key holds it: kept as a leaf by its shape alone.
 */
export const TRACEPARENT = /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

function isTraceparent(value: unknown): boolean {
  return typeof value === 'string' && value.length === 55 && TRACEPARENT.test(value);
}

/** Every leaf of `root` within the bounds, in document order (shallow first within an object). */
export function leavesOf(
  root: unknown,
  wanted: (norm: string) => boolean,
  maxNodes = MAX_NODES,
  maxDepth = MAX_DEPTH,
): Leaf[] {
  const out: Leaf[] = [];
  // `nesting` counts lists too (`[[[…]]]` has no object depth), so every recursion is bounded.
  const visit = (node: unknown, path: string, depth: number, inError: boolean, item: number, nesting: number): void => {
    if (out.length >= maxNodes || depth > maxDepth || nesting > 2 * maxDepth) return;
    if (Array.isArray(node)) {
      const n = Math.min(node.length, MAX_ARRAY_ITEMS);
      for (let i = 0; i < n; i++) visit(node[i], `${path}[${i}]`, depth, inError, i, nesting + 1);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    const underValidation = path === 'validation' || path.endsWith('.validation');
    // `{type: "error", id: 6200, message}`: an object that says it is an error is read as one.
    if (!inError && hasOwn.call(obj, 'type') && typeof obj.type === 'string' && /^error$/i.test(obj.type))
      inError = true;
    // An item that rates itself an error (`messages: [{severity: "ERROR", text}]`) outranks the warnings beside it.
    const major = !inError && ratedError(obj);
    const nested: Array<[string, unknown, string]> = [];
    const first = out.length;
    let besideStatus = false;
    let minor = false;
    let scanned = 0;
    const prefix = sharedKeyPrefix(obj);
    for (const key in obj) {
      if (!hasOwn.call(obj, key)) continue;
      if (++scanned > MAX_KEYS || out.length >= maxNodes) break;
      const value = obj[key];
      const norm = keyBehindPrefix(key, prefix, wanted);
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        const locale = localeText(value as Record<string, unknown>);
        if (locale) {
          const field = withoutLocaleSuffix(norm);
          if (wanted(field))
            out.push({
              path: `${path ? `${path}.${key}` : key}.${locale.key}`,
              key,
              norm: field,
              value: locale.text,
              depth,
              inError,
              item,
              besideStatus: false,
            });
          continue;
        }
      }
      if (value !== null && typeof value === 'object' && !(Array.isArray(value) && isStringList(value))) {
        nested.push([path ? `${path}.${key}` : key, value, norm]);
        continue;
      }
      if (STATUS_FIELDS.has(norm) && typeof value === 'number') besideStatus = true;
      if (SEVERITY_KEYS.has(norm) && typeof value === 'string' && MINOR_SEVERITY.test(value)) minor = true;
      // Only leaves under a key some dictionary knows are kept: most keys of a body are none of them.
      if (!wanted(norm) && !isTraceparent(value)) continue;
      if (
        typeof value === 'string' ||
        typeof value === 'boolean' ||
        (typeof value === 'number' && Number.isFinite(value)) ||
        Array.isArray(value)
      ) {
        out.push({
          path: path ? `${path}.${key}` : key,
          key,
          norm,
          value: value as Leaf['value'],
          depth,
          inError,
          item,
          besideStatus: false,
        });
      }
    }
    const pair = scanned <= 6 && out.length < maxNodes ? namedValue(obj) : undefined;
    if (pair && wanted(pair.norm)) {
      out.push({
        path: path ? `${path}.${pair.valueKey}` : pair.valueKey,
        key: pair.name,
        norm: pair.norm,
        value: pair.value,
        depth,
        inError,
        item,
        besideStatus: false,
      });
    }
    if (besideStatus) for (let i = first; i < out.length; i++) out[i].besideStatus = true;
    if (minor) for (let i = first; i < out.length; i++) out[i].minor = true;
    if (major) for (let i = first; i < out.length; i++) out[i].major = true;
    // Decided once per object, and only when a payload container is there to enter.
    let failing: boolean | undefined;
    for (const [childPath, value, norm] of nested) {
      // celebrate's `validation: {body: {source, keys, message}}` names the request part at fault, not a payload.
      // The `data` of a serialized error class (`{name: "ValidationError", message, data: [{field, message}]}`:
      // Moleculer, Payload CMS) holds that error's details, not a payload.
      const details = norm === 'data' && namesErrorClass(obj);
      // Miro `{type: "error", code, message: "Invalid parameters", context: {fields: [{field, message}]}}`: inside
      // an error object, `context` holds that error's own details (reach-t), not a request's context.
      const errorContext = norm === 'context' && inError;
      if (DATA_CONTAINERS.has(norm) && !underValidation && !details && !errorContext) {
        if (!FAILURE_PAYLOADS.has(norm) || Array.isArray(value)) continue;
        failing ??= flagsFailure(obj);
        if (!failing) continue;
      }
      visit(value, childPath, depth + 1, inError || isErrorContainer(norm), item, nesting + 1);
    }
  };
  visit(root, '', 0, false, 0, 0);
  return out;
}
