// Turns catalog entries into recognizers (one per entry, in the registry beside the coded ones)
// and into built-in rules for what only a rule can say (a vendor's request-ID header).
import { apiCode, clip, code, compact, durationSeconds, hostIs, text } from '../formats/util';
import type { VendorProfile } from '../rules';
import type { Extracted, FieldError, FormatRecognizer } from '../types';
import { CATALOG } from './entries';
import { SIGNAL_KEYS } from '../formats/json';
import { SUCCESS_NOTE } from '../formats/generic-error-message';
import type { CatalogEntry } from './types';

type Condition = (json: unknown) => boolean;
type Reader = (json: unknown) => unknown;

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * A rules.ts dotted path (`errors[0].error_code`) compiled once into its steps: reading it then
 * costs no parsing. Own properties only, as valueAtPath in rules.ts.
 */
function readerOf(path: string): Reader {
  const steps: Array<string | number> = [];
  for (const part of path.split('.')) {
    const m = /^([^[]+)((?:\[\d+\])*)$/.exec(part);
    if (!m) return () => undefined;
    steps.push(m[1]);
    for (const index of m[2].match(/\d+/g) ?? []) steps.push(Number(index));
  }
  return (json) => {
    let cur: unknown = json;
    for (const step of steps) {
      if (typeof step === 'number') {
        if (!Array.isArray(cur)) return undefined;
        cur = cur[step];
      } else {
        if (cur === null || typeof cur !== 'object' || Array.isArray(cur) || !hasOwn.call(cur, step)) return undefined;
        cur = (cur as Record<string, unknown>)[step];
      }
    }
    return cur;
  };
}

const readers = new Map<string, Reader>();
/** The compiled reader of a path, shared by every entry that names it. */
function valueAtPath(json: unknown, path: string): unknown {
  let reader = readers.get(path);
  if (!reader) {
    reader = readerOf(path);
    readers.set(path, reader);
  }
  return reader(json);
}

const TYPE_CHECKS: Record<string, (v: unknown) => boolean> = {
  string: (v) => typeof v === 'string' && v.trim() !== '',
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  object: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  list: (v) => Array.isArray(v),
};

function literal(raw: string): unknown {
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  if (raw === 'null') return null;
  if (/^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
  return raw;
}

/** One marker (`path`, `path:type`, `path=value`) as a test on the parsed body. */
function markerOf(marker: string): Condition {
  const eq = marker.indexOf('=');
  if (eq > 0) {
    const read = readerOf(marker.slice(0, eq));
    const want = literal(marker.slice(eq + 1));
    return (json) => read(json) === want;
  }
  const colon = marker.lastIndexOf(':');
  if (colon > 0 && TYPE_CHECKS[marker.slice(colon + 1)]) {
    const read = readerOf(marker.slice(0, colon));
    const check = TYPE_CHECKS[marker.slice(colon + 1)];
    return (json) => check(read(json));
  }
  const read = readerOf(marker);
  return (json) => read(json) !== undefined;
}

/** A marker with alternatives (`a|b`) holds when any of them does. */
export function conditionOf(marker: string): Condition {
  const alternatives = marker.split('|').map(markerOf);
  return alternatives.length === 1 ? alternatives[0] : (json) => alternatives.some((test) => test(json));
}

const list = (paths: string | string[] | undefined): string[] =>
  paths === undefined ? [] : Array.isArray(paths) ? paths : [paths];

interface CompiledPaths {
  paths: string[];
  readers: Reader[];
}

function compilePaths(paths: string | string[] | undefined): CompiledPaths {
  const all = list(paths);
  return { paths: all, readers: all.map(readerOf) };
}

function firstValue<T>(
  json: unknown,
  paths: CompiledPaths | string | string[] | undefined,
  read: (v: unknown) => T | undefined,
): { value: T; path: string } | undefined {
  if (paths === undefined) return undefined;
  if (typeof paths === 'string' || Array.isArray(paths)) {
    for (const path of list(paths)) {
      const value = read(valueAtPath(json, path));
      if (value !== undefined) return { value, path };
    }
    return undefined;
  }
  for (let i = 0; i < paths.readers.length; i++) {
    const value = read(paths.readers[i](json));
    if (value !== undefined) return { value, path: paths.paths[i] };
  }
  return undefined;
}

const idText = (v: unknown): string | undefined => {
  const id = typeof v === 'number' && Number.isFinite(v) ? String(v) : text(v);
  return id && id.length <= 200 ? id : undefined;
};

function fieldErrorsOf(json: unknown, spec: NonNullable<CatalogEntry['set']['fieldErrors']>): FieldError[] {
  const items = valueAtPath(json, spec.path);
  const out: FieldError[] = [];
  if (!Array.isArray(items)) return out;
  for (let i = 0; i < items.length && out.length < 50; i++) {
    const field = text(valueAtPath(items[i], spec.field));
    const message = firstValue(items[i], spec.message, text)?.value;
    if (field && message) out.push({ field, message });
  }
  return out;
}

/**
 * The top-level key a body needs for the entry to match: the root key of a marker without
 * alternatives. Every such marker must hold, so any of their roots is a complete route; a root that
 * is not a common envelope key (`more_info`, not `code`) lets fewer bodies run the entry.
 */
function routingKeys(entry: CatalogEntry): string[] | undefined {
  let common: string | undefined;
  for (const marker of entry.match.body) {
    if (marker.includes('|')) continue;
    const root = /^[^.[:=]+/.exec(marker)?.[0];
    if (!root) continue;
    if (!SIGNAL_KEYS.has(root.toLowerCase())) return [root];
    common ??= root;
  }
  return common ? [common] : undefined;
}

/** The recognizer of one catalog entry. */
export function catalogRecognizer(entry: CatalogEntry): FormatRecognizer {
  const conditions = entry.match.body.map(conditionOf);
  const { set, codes } = entry;
  const pattern = set.errorCodePattern ? new RegExp(set.errorCodePattern) : undefined;
  const retryable = new Set(codes?.retryable ?? []);
  const notRetryable = new Set([...(codes?.notRetryable ?? []), ...(codes?.credentials ?? [])]);
  const host = entry.match.host;
  // Compiled once per entry, not per call.
  const domain = host ? host.replace(/^\*\./, '') : '';
  const codePaths = compilePaths(set.errorCodePath);
  const messagePaths = compilePaths(set.messagePath);
  const idPaths = compilePaths(set.errorIdPath);
  const waitPaths = set.retryAfterPath === undefined ? undefined : compilePaths(set.retryAfterPath);
  const textOf = (v: unknown) => (typeof v === 'string' ? text(v) : undefined);
  return {
    id: entry.id,
    title: entry.title,
    priority: entry.priority,
    vendor: true,
    kinds: ['json'],
    keys: routingKeys(entry),
    recognize({ body, exchange }) {
      const json = body.json;
      if (json === null || typeof json !== 'object') return null;
      if (host && !hostIs(exchange.url, domain)) return null;
      for (const test of conditions) if (!test(json)) return null;
      const found = firstValue(json, codePaths, (v) => apiCode(v, exchange.status));
      let errorCode = found?.value;
      if (typeof errorCode === 'string' && pattern) errorCode = pattern.exec(errorCode)?.[1] ?? errorCode;
      const id = firstValue(json, idPaths, idText);
      const wait = waitPaths && firstValue(json, waitPaths, durationSeconds);
      const fieldErrors = set.fieldErrors ? fieldErrorsOf(json, set.fieldErrors) : [];
      const key = errorCode === undefined ? undefined : String(errorCode);
      const message = firstValue(json, messagePaths, textOf)?.value;
      // A 2xx whose code is the zero result code and whose message is a success word ("errorCode": 0,
      // "errorMessage": "Success") is the success form of the entry's envelope, not its error.
      if (
        set.failure === undefined &&
        exchange.status >= 200 &&
        exchange.status < 300 &&
        (key === undefined || key === '0') &&
        (message === undefined || SUCCESS_NOTE.test(message)) &&
        (key !== undefined || message !== undefined)
      )
        return null;
      const out: Extracted = {
        saysFailure: set.failure ?? true,
        errorCode: errorCode ?? undefined,
        message,
        errorId: id?.value,
        errorIdField: id?.path,
        retryAfterSeconds: wait?.value,
        retryAfterField: wait?.path,
        fieldErrors: fieldErrors.length ? fieldErrors : undefined,
        retryable:
          key === undefined ? undefined : retryable.has(key) ? true : notRetryable.has(key) ? false : undefined,
      };
      if (out.message) out.message = clip(out.message);
      if (typeof out.errorCode === 'string') out.errorCode = code(out.errorCode);
      return compact(out);
    },
  };
}

/** Every catalog entry as a recognizer. */
export const catalogRecognizers: FormatRecognizer[] = CATALOG.map(catalogRecognizer);

/** Built-in rules from the entries that name a host: what a recognizer cannot say (the request-ID header). */
export const CATALOG_PROFILES: readonly VendorProfile[] = CATALOG.filter(
  (e) => e.match.host && e.set.requestIdHeader,
).map((e) => ({
  id: `catalog-${e.id}-request-id`,
  vendor: e.vendor,
  name: `${e.vendor}: quote ${e.set.requestIdHeader}`,
  docs: e.docs,
  enabled: true,
  match: { host: e.match.host as string },
  set: { requestIdHeader: e.set.requestIdHeader },
}));
