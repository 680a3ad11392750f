// One copy of the values that repeat across a tab's records (issue 19): header entries and whole
// header lists, call stacks, source lists and classifications. A DevTools entry reaches the worker as
// a message, so each record held its own copy of the same headers, stack and result: at the
// 10,000-record cap about 80 heap objects a record, which every full GC of the worker walks (the
// soak's forced GCs stopped the worker for 1.6–1.9 s). Shared values are frozen: a change makes a new
// value (copy on write), never edits one that other records hold. The maps are bounded and start
// over when full; a value already shared stays shared by the records holding it.
import { redactHeaderList } from '../core/redact';
import type { CallFrame, Classification, HeaderList } from '../core/types';
import type { RequestRecord } from '../protocol/messages';
import type { StoredRecord } from './tab-store';

type Source = RequestRecord['sources'][number];
type HeaderArray = ReadonlyArray<{ name: string; value: string }>;

const MAX_ENTRIES = 2000;
/** Longer keys are (nearly always) one record's own value: not worth a map entry. */
const MAX_KEY_CHARS = 4000;

/** Every value this module handed out: sharing it again costs one lookup. */
const shared = new WeakSet<object>();
const headerLists = new Map<string, HeaderArray>();
const callStacks = new Map<string, readonly CallFrame[]>();
const sourceLists = new Map<string, readonly Source[]>();
const classifications = new Map<string, Classification>();
/** Parts of results that differ elsewhere (a backoff plan, the status, notes), and short strings. */
const parts = new Map<string, object>();
const strings = new Map<string, string>();
const MAX_SHARED_STRING = 200;
const EMPTY: readonly never[] = Object.freeze([]);
shared.add(EMPTY);

function remember<T extends object>(map: Map<string, T>, key: string, value: T): T {
  if (key.length > MAX_KEY_CHARS) return value;
  const known = map.get(key);
  if (known !== undefined) return known;
  if (map.size >= MAX_ENTRIES) map.clear();
  Object.freeze(value);
  shared.add(value);
  map.set(key, value);
  return value;
}

/** The list with its entries shared (redactHeaderList's entries: redacted once, idempotent) and the list too when another record has the same. */
export function sharedHeaderList(headers: HeaderList): HeaderList {
  if (!Array.isArray(headers) || shared.has(headers)) return headers;
  const list = redactHeaderList(headers as HeaderArray);
  const key = list.map((h) => `${h.name}\n${h.value}`).join('\r');
  return remember(headerLists, key, list);
}

export function sharedCallStack(stack: readonly CallFrame[]): readonly CallFrame[] {
  if (shared.has(stack)) return stack;
  const key = JSON.stringify(stack);
  const known = callStacks.get(key);
  if (known !== undefined) return known;
  for (const frame of stack) Object.freeze(frame);
  return remember(callStacks, key, stack);
}

export function sharedSources(sources: readonly Source[]): Source[] {
  if (shared.has(sources)) return sources as Source[];
  return remember(sourceLists, sources.join(','), sources) as Source[];
}

function sharedPart<T extends object>(value: T): T {
  if (shared.has(value)) return value;
  if (Array.isArray(value) && value.length === 0) return EMPTY as unknown as T;
  return remember(parts, JSON.stringify(value), value as object) as T;
}

function sharedString<T extends string | null>(value: T): T {
  if (value === null || value.length > MAX_SHARED_STRING) return value;
  const known = strings.get(value);
  if (known !== undefined) return known as T;
  if (strings.size >= MAX_ENTRIES) strings.clear();
  strings.set(value, value);
  return value;
}

/**
 * Equal results (by their JSON) share one frozen object. A result of its own (an error ID, a message)
 * still shares its parts: the status, the backoff plan, empty and equal lists, short strings.
 */
export function sharedClassification(classification: Classification): Classification {
  if (shared.has(classification)) return classification;
  const key = JSON.stringify(classification);
  const known = classifications.get(key);
  if (known !== undefined) return known;
  const c = classification;
  c.status = sharedPart(c.status);
  if (c.backoff !== null) c.backoff = sharedPart(c.backoff);
  c.fieldErrors = sharedPart(c.fieldErrors);
  c.requestIdHeaders = sharedPart(c.requestIdHeaders);
  c.notes = sharedPart(c.notes);
  c.format = sharedString(c.format);
  c.action = sharedString(c.action);
  c.message = sharedString(c.message);
  c.errorCode = sharedString(c.errorCode);
  c.errorIdSource = sharedString(c.errorIdSource);
  c.retryAfterSource = sharedString(c.retryAfterSource);
  return remember(classifications, key, c);
}

/** Replaces the record's repeated values by their shared copies (in place; a record's own fields stay its own). */
export function shareRecordValues(record: StoredRecord): void {
  if (record.kind !== 'request') return;
  const exchange = record.exchange;
  if (exchange.requestHeaders !== undefined) exchange.requestHeaders = sharedHeaderList(exchange.requestHeaders);
  if (exchange.responseHeaders !== undefined) exchange.responseHeaders = sharedHeaderList(exchange.responseHeaders);
  if (exchange.callStack !== undefined) exchange.callStack = sharedCallStack(exchange.callStack) as CallFrame[];
  // Strings a message brings as copies of their own: the same few values on every record.
  exchange.method = sharedString(exchange.method);
  if (exchange.statusText !== undefined) exchange.statusText = sharedString(exchange.statusText);
  if (exchange.mimeType !== undefined) exchange.mimeType = sharedString(exchange.mimeType);
  if (exchange.origin !== undefined) exchange.origin = sharedString(exchange.origin);
  if (record.resourceType !== undefined) record.resourceType = sharedString(record.resourceType);
  record.bodyState = sharedString(record.bodyState);
  record.sources = sharedSources(record.sources);
  if (record.classification !== undefined) record.classification = sharedClassification(record.classification);
}
