// HAR reading and writing. The reader is tolerant of what real browsers and tools export (see
// ../shared/fixtures/real-hars/README.md) and validates everything at runtime: the input is untrusted.
// A broken file gives one HarError; a broken entry gives one entry-level problem and the rest still convert.
import { callStackOf } from './callsite';
import { assertNever } from './assert-never';
import { isRecord } from './is-record';
import type { Har, Entry as HarEntryOut, Header as HarHeaderOut } from 'har-format';
import type { Classification, Exchange } from './types';
import { redactClassification, redactExchange } from './redact';

/** The file as a whole is unusable. `message` is one line, e.g. "not JSON: unexpected 'x' at line 8 column 5". */
export class HarError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HarError';
  }
}

export interface HarProblem {
  /** 0-based position in log.entries. */
  index: number;
  message: string;
  /** True: the entry could not be converted and its exchange is null. False: converted, with this part dropped or cut. */
  skipped: boolean;
  /** Best-effort method and URL of a skipped entry, for display. */
  method?: string;
  url?: string;
}

export interface HarParseResult {
  /** One slot per log.entries item, in input order; null where the entry was skipped (see problems). */
  exchanges: Array<Exchange | null>;
  /** Entry-level problems, in index order. */
  problems: HarProblem[];
  /** File-level notes: unwrapped JSONP, entries beyond the cap, … */
  notes: string[];
  /** 'jsonp' when the HAR was wrapped in a HARP callback such as onInputData(...) and was unwrapped. */
  wrapper: 'jsonp' | null;
  version: string | null;
  /** "name version" of log.creator, when present. */
  creator: string | null;
  browser: string | null;
}

export interface HarParseOptions {
  /** Bodies longer than this (UTF-16 code units) are cut and marked bodyTruncated. Default 16 Mi. */
  maxBodyChars?: number;
  /** Entries past this count are not converted (reported in notes). Default 1,000,000. */
  maxEntries?: number;
}

export const HAR_DEFAULT_MAX_BODY_CHARS = 16 * 1024 * 1024;
export const HAR_DEFAULT_MAX_ENTRIES = 1_000_000;

/** Parses HAR text into exchanges. Throws HarError (and nothing else) when the file is not a usable HAR. */
export function parseHar(text: string, options: HarParseOptions = {}): HarParseResult {
  try {
    return parseHarUnsafe(text, options);
  } catch (err) {
    if (err instanceof HarError) throw err;
    // Engine limits (out of memory, stack) end up here: still one clear line.
    throw new HarError(`cannot read HAR: ${oneLine(err instanceof Error ? err.message : String(err))}`);
  }
}

function parseHarUnsafe(text: string, options: HarParseOptions): HarParseResult {
  if (typeof text !== 'string') throw new HarError('not JSON: input is not text');
  const maxBodyChars = options.maxBodyChars ?? HAR_DEFAULT_MAX_BODY_CHARS;
  const maxEntries = options.maxEntries ?? HAR_DEFAULT_MAX_ENTRIES;
  const notes: string[] = [];

  let source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let wrapper: 'jsonp' | null = null;
  const unwrapped = unwrapJsonp(source);
  if (unwrapped !== null) {
    source = unwrapped.inner;
    wrapper = 'jsonp';
    notes.push(`unwrapped JSONP/HARP callback ${unwrapped.callback}(...)`);
  }
  if (source.trim() === '') throw new HarError('not JSON: the file is empty');

  let root: unknown;
  try {
    root = JSON.parse(source);
  } catch (err) {
    throw new HarError(`not JSON: ${describeJsonError(source, err)}`);
  }

  const { log, entries } = readHarLog(root);
  const exchanges: Array<Exchange | null> = [];
  const problems: HarProblem[] = [];
  const count = Math.min(entries.length, Math.max(0, maxEntries));
  if (entries.length > count) notes.push(`log has ${entries.length} entries; only the first ${count} were read`);
  for (let index = 0; index < count; index++) {
    const converted = convertHarEntry(entries[index], index, maxBodyChars);
    exchanges.push(converted.exchange);
    problems.push(...converted.problems);
  }

  return { exchanges, problems, notes, wrapper, ...harLogHeader(log) };
}

/** The log object and its entries array of a parsed HAR root. Throws HarError when the shape is not a HAR's. */
export function readHarLog(root: unknown): { log: Record<string, unknown>; entries: unknown[] } {
  if (!isRecord(root))
    throw new HarError(`not a HAR file: expected a JSON object with a "log" property, got ${typeName(root)}`);
  if (!('log' in root) || root.log === undefined) throw new HarError('no log object: this is JSON but not a HAR file');
  const log = root.log;
  if (!isRecord(log)) throw new HarError(`log must be an object, got ${typeName(log)}`);
  if (!('entries' in log) || log.entries === undefined)
    throw new HarError('no log.entries array: this is JSON but not a HAR file');
  const entries = log.entries;
  if (!Array.isArray(entries)) throw new HarError(`log.entries must be an array, got ${typeName(entries)}`);
  return { log, entries };
}

/** What a HAR says about where it came from. */
export function harLogHeader(log: Record<string, unknown>): Pick<HarParseResult, 'version' | 'creator' | 'browser'> {
  return {
    version: typeof log.version === 'string' ? log.version : null,
    creator: nameVersion(log.creator),
    browser: nameVersion(log.browser),
  };
}

// ---------------------------------------------------------------------------------------------
// Entries

export interface ConvertedEntry {
  exchange: Exchange | null;
  problems: HarProblem[];
}

/** Thrown inside convertEntry for a fatal problem; never escapes this module. */
class EntryProblem {
  constructor(readonly message: string) {}
}

/** One log.entries item as an exchange, with its problems; never throws. */
export function convertHarEntry(
  raw: unknown,
  index: number,
  maxBodyChars: number = HAR_DEFAULT_MAX_BODY_CHARS,
): ConvertedEntry {
  const warnings: HarProblem[] = [];
  const warn = (message: string): void => {
    warnings.push({ index, message, skipped: false });
  };
  try {
    return { exchange: buildExchange(raw, warn, maxBodyChars), problems: warnings };
  } catch (err) {
    const message =
      err instanceof EntryProblem
        ? err.message
        : `cannot convert: ${oneLine(String(err instanceof Error ? err.message : err))}`;
    const skipped: HarProblem = { index, message, skipped: true };
    const request = isRecord(raw) && isRecord(raw.request) ? raw.request : null;
    if (request && typeof request.method === 'string') skipped.method = request.method;
    if (request && typeof request.url === 'string') skipped.url = request.url;
    return { exchange: null, problems: [...warnings, skipped] };
  }
}

function buildExchange(raw: unknown, warn: (m: string) => void, maxBodyChars: number): Exchange {
  if (!isRecord(raw)) throw new EntryProblem(`entry must be an object, got ${typeName(raw)}`);
  const request = raw.request;
  if (request === undefined || request === null) throw new EntryProblem('request is missing');
  if (!isRecord(request)) throw new EntryProblem(`request must be an object, got ${typeName(request)}`);
  const response = raw.response;
  if (response === undefined || response === null) throw new EntryProblem('response is missing');
  if (!isRecord(response)) throw new EntryProblem(`response must be an object, got ${typeName(response)}`);

  const method = request.method;
  if (typeof method !== 'string' || method.trim() === '')
    throw new EntryProblem(`request.method must be a non-empty string, got ${typeName(method)}`);
  const url = request.url;
  if (typeof url !== 'string') throw new EntryProblem(`request.url must be a string, got ${typeName(url)}`);

  const exchange: Exchange = {
    method: method.trim(),
    url,
    requestHeaders: readHeaders(request.headers, 'request.headers', warn),
    status: readStatus(response.status),
    statusText: typeof response.statusText === 'string' ? response.statusText : '',
    responseHeaders: readHeaders(response.headers, 'response.headers', warn),
  };

  const requestBody = readPostData(request.postData, warn);
  if (requestBody !== undefined) exchange.requestBody = requestBody;

  readContent(response.content, exchange, warn, maxBodyChars);

  const error = response._error;
  if (typeof error === 'string' && error.trim() !== '') exchange.error = error;
  else if (error !== undefined && error !== null && typeof error !== 'string')
    warn(`response._error must be a string, got ${typeName(error)}; ignored`);
  // Faultline's own export: the capture lost how the request ended (a background restart).
  const outcomeLost = response._outcomeLost;
  if (typeof outcomeLost === 'string' && outcomeLost.trim() !== '') exchange.outcomeLost = outcomeLost.slice(0, 100);
  else if (outcomeLost !== undefined && outcomeLost !== null && typeof outcomeLost !== 'string')
    warn(`response._outcomeLost must be a string, got ${typeName(outcomeLost)}; ignored`);

  if (raw.startedDateTime !== undefined && raw.startedDateTime !== null) {
    const startedAt = typeof raw.startedDateTime === 'string' ? parseIsoDate(raw.startedDateTime) : null;
    if (startedAt === null) warn(`startedDateTime ${preview(raw.startedDateTime)} is not a date; ignored`);
    else exchange.startedAt = startedAt;
  }
  const time = raw.time;
  if (typeof time === 'number' && Number.isFinite(time) && time >= 0) exchange.durationMs = time;
  // Chrome's HAR export carries the script stack that made the request.
  const callStack = callStackOf(raw._initiator);
  if (callStack) exchange.callStack = callStack;
  return exchange;
}

function readStatus(status: unknown): number {
  if (status === undefined || status === null || status === '') return 0;
  const n =
    typeof status === 'number'
      ? status
      : typeof status === 'string' && /^\s*-?\d+\s*$/.test(status)
        ? Number(status)
        : NaN;
  if (!Number.isFinite(n) || !Number.isInteger(n))
    throw new EntryProblem(`response.status must be an integer, got ${preview(status)}`);
  if (n <= 0) return 0;
  if (n > 999) throw new EntryProblem(`response.status ${n} is not an HTTP status code`);
  return n;
}

function readHeaders(
  headers: unknown,
  where: string,
  warn: (m: string) => void,
): Array<{ name: string; value: string }> {
  if (headers === undefined || headers === null) return [];
  if (!Array.isArray(headers)) throw new EntryProblem(`${where} must be an array, got ${typeName(headers)}`);
  const out: Array<{ name: string; value: string }> = [];
  let dropped = 0;
  for (const h of headers) {
    if (!isRecord(h) || typeof h.name !== 'string') {
      dropped++;
      continue;
    }
    const v = h.value;
    if (typeof v === 'string') out.push({ name: h.name, value: v });
    else if (typeof v === 'number' || typeof v === 'boolean') out.push({ name: h.name, value: String(v) });
    else if (v === undefined || v === null) out.push({ name: h.name, value: '' });
    else dropped++;
  }
  if (dropped > 0) warn(`${where}: ${dropped} malformed header${dropped === 1 ? '' : 's'} dropped`);
  return out;
}

function readPostData(postData: unknown, warn: (m: string) => void): string | undefined {
  if (postData === undefined || postData === null) return undefined;
  if (!isRecord(postData)) {
    warn(`request.postData must be an object, got ${typeName(postData)}; ignored`);
    return undefined;
  }
  if (typeof postData.text === 'string') return postData.text;
  if (Array.isArray(postData.params)) {
    // chrome-har writes params without text, sometimes with object values.
    return postData.params
      .filter(isRecord)
      .map((p) => {
        const value =
          typeof p.value === 'string'
            ? p.value
            : p.value === undefined || p.value === null
              ? ''
              : JSON.stringify(p.value);
        return `${encodeURIComponent(String(p.name ?? ''))}=${encodeURIComponent(value)}`;
      })
      .join('&');
  }
  return undefined;
}

function readContent(content: unknown, exchange: Exchange, warn: (m: string) => void, maxBodyChars: number): void {
  if (content === undefined || content === null) return;
  if (!isRecord(content)) {
    warn(`response.content must be an object, got ${typeName(content)}; body ignored`);
    return;
  }
  const mimeType = typeof content.mimeType === 'string' ? content.mimeType.trim() : '';
  // Chrome writes "x-unknown" when it does not know; that is no information.
  if (mimeType !== '' && mimeType.toLowerCase() !== 'x-unknown') exchange.mimeType = mimeType;

  const text = content.text;
  if (text === undefined || text === null) {
    if (content.size === 0) exchange.body = '';
    return;
  }
  if (typeof text !== 'string') {
    warn(`response.content.text must be a string, got ${typeName(text)}; body ignored`);
    return;
  }
  const encoding = content.encoding;
  let base64 = false;
  if (typeof encoding === 'string' && encoding.toLowerCase() === 'base64') base64 = true;
  else if (encoding !== undefined && encoding !== null && encoding !== '') {
    warn(`response.content.encoding ${preview(encoding)} is not supported; body ignored`);
    return;
  }
  let body = text;
  if (body.length > maxBodyChars) {
    const cut = base64 ? maxBodyChars - (maxBodyChars % 4) : maxBodyChars;
    warn(`response body of ${formatSize(body.length)} cut to ${formatSize(cut)}`);
    body = body.slice(0, cut);
    exchange.bodyTruncated = true;
  }
  exchange.body = body;
  if (base64) exchange.bodyEncoding = 'base64';
}

// ---------------------------------------------------------------------------------------------
// Writing

export interface HarCreator {
  name: string;
  version: string;
  comment?: string;
}

/** An exchange to export, optionally with Faultline's classification (written as `_faultline`). */
export interface HarExportItem {
  exchange: Exchange;
  classification?: Classification;
}

export interface ToHarOptions {
  /** Replace secrets with [REDACTED] (default true). */
  redact?: boolean;
}

/** Writes a HAR 1.2 log from exchanges. Secrets are redacted unless `redact: false`. */
export function toHar(
  items: ReadonlyArray<Exchange | HarExportItem>,
  creator: HarCreator,
  options: ToHarOptions = {},
): Har {
  const redact = options.redact ?? true;
  const entries = items.map((item) => {
    const isItem = 'exchange' in item && typeof item.exchange === 'object';
    const raw = isItem ? item.exchange : (item as Exchange);
    const classification = isItem ? item.classification : undefined;
    // The classification echoes server text (code, message, ID), which can carry credentials too.
    return toHarEntry(
      redact ? redactExchange(raw) : raw,
      redact && classification ? redactClassification(classification) : classification,
    );
  });
  const log: Har['log'] = {
    version: '1.2',
    creator: { name: creator.name, version: creator.version, ...(creator.comment ? { comment: creator.comment } : {}) },
    pages: [],
    entries,
  };
  if (redact)
    log.comment = 'Secrets (credentials, cookies, token-like parameters and fields) are replaced by [REDACTED].';
  return { log };
}

function toHarEntry(ex: Exchange, classification: Classification | undefined): HarEntryOut {
  const requestHeaders = headerPairs(ex.requestHeaders);
  const responseHeaders = headerPairs(ex.responseHeaders);
  const duration =
    typeof ex.durationMs === 'number' && Number.isFinite(ex.durationMs) && ex.durationMs >= 0 ? ex.durationMs : 0;
  const started = typeof ex.startedAt === 'number' && Number.isFinite(ex.startedAt) ? ex.startedAt : 0;
  const startedDate = new Date(started);
  const requestMime = findHeader(requestHeaders, 'content-type') ?? '';
  const responseMime = ex.mimeType ?? findHeader(responseHeaders, 'content-type') ?? 'x-unknown';

  const entry: HarEntryOut = {
    startedDateTime: Number.isNaN(startedDate.getTime()) ? new Date(0).toISOString() : startedDate.toISOString(),
    time: duration,
    request: {
      method: ex.method,
      url: ex.url,
      httpVersion: '',
      cookies: [],
      headers: requestHeaders,
      queryString: queryPairs(ex.url),
      headersSize: -1,
      bodySize: ex.requestBody === undefined ? 0 : ex.requestBody.length,
      ...(ex.requestBody !== undefined ? { postData: { mimeType: requestMime, text: ex.requestBody } } : {}),
    },
    response: {
      status: ex.status,
      statusText: ex.statusText ?? '',
      httpVersion: '',
      cookies: [],
      headers: responseHeaders,
      content: {
        // -1: not captured (the reader reads size 0 without text as an empty body).
        size: ex.body === undefined ? -1 : ex.body.length,
        mimeType: responseMime,
        ...(ex.body !== undefined ? { text: ex.body } : {}),
        ...(ex.bodyEncoding === 'base64' ? { encoding: 'base64' } : {}),
        ...(ex.bodyTruncated ? { comment: 'body truncated by Faultline' } : {}),
      },
      redirectURL: findHeader(responseHeaders, 'location') ?? '',
      headersSize: -1,
      bodySize: -1,
      ...(ex.error !== undefined ? { _error: ex.error } : {}),
      ...(ex.outcomeLost !== undefined ? { _outcomeLost: ex.outcomeLost } : {}),
    },
    cache: {},
    timings: { send: 0, wait: duration, receive: 0 },
  };
  if (classification) {
    (entry as HarEntryOut & { _faultline?: unknown })._faultline = {
      failure: classification.failure,
      kind: classification.kind,
      format: classification.format,
      errorCode: classification.errorCode,
      errorId: classification.errorId,
      message: classification.message,
      verdict: classification.verdict,
      retryAfterSeconds: classification.retryAfterSeconds,
      action: classification.action,
    };
  }
  return entry;
}

function headerPairs(headers: Exchange['requestHeaders']): HarHeaderOut[] {
  if (!headers) return [];
  if (Array.isArray(headers)) {
    return (headers as ReadonlyArray<{ name: string; value: string }>)
      .filter((h) => h && typeof h.name === 'string')
      .map((h) => ({ name: h.name, value: String(h.value ?? '') }));
  }
  return Object.entries(headers as Record<string, string>).map(([name, value]) => ({
    name,
    value: String(value ?? ''),
  }));
}

function findHeader(headers: HarHeaderOut[], name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find((h) => h.name.toLowerCase() === lower)?.value;
}

function queryPairs(url: string): Array<{ name: string; value: string }> {
  const q = url.indexOf('?');
  if (q < 0) return [];
  const hash = url.indexOf('#', q);
  const query = url.slice(q + 1, hash < 0 ? undefined : hash);
  if (query === '') return [];
  return query.split('&').map((pair) => {
    const eq = pair.indexOf('=');
    const name = eq < 0 ? pair : pair.slice(0, eq);
    const value = eq < 0 ? '' : pair.slice(eq + 1);
    return { name: decodeLoose(name), value: decodeLoose(value) };
  });
}

// ---------------------------------------------------------------------------------------------
// Helpers

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value === undefined) return 'nothing';
  return typeof value;
}

function preview(value: unknown): string {
  let s: string;
  try {
    s = typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value) ?? typeName(value));
  } catch {
    s = typeName(value);
  }
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function nameVersion(value: unknown): string | null {
  if (!isRecord(value) || typeof value.name !== 'string') return null;
  return typeof value.version === 'string' && value.version !== '' ? `${value.name} ${value.version}` : value.name;
}

function decodeLoose(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

function formatSize(chars: number): string {
  if (chars >= 1024 * 1024) return `${(chars / (1024 * 1024)).toFixed(1)} MB`;
  if (chars >= 1024) return `${(chars / 1024).toFixed(1)} KB`;
  return `${chars} B`;
}

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/** ISO 8601 as HAR writers emit it: Z or ±hh:mm, 0 to 9 fraction digits. No zone is read as UTC. Epoch ms or null. */
export function parseIsoDate(text: string): number | null {
  const m = ISO_DATE.exec(text.trim());
  if (!m) {
    const fallback = Date.parse(text);
    return Number.isFinite(fallback) ? fallback : null;
  }
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone = 'Z'] = m;
  const ms = Number((frac + '000').slice(0, 3));
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) return null;
  let t = Date.UTC(Number(y), month - 1, day, hour, minute, second, ms);
  if (zone !== 'Z' && zone !== 'z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offset = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0');
    t -= sign * offset * 60_000;
  }
  return Number.isFinite(t) ? t : null;
}

// ---------------------------------------------------------------------------------------------
// JSONP / HARP and JSON error messages

const JSONP_HEAD = /^\s*([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*\(/;
const JSONP_TAIL = /\)\s*;?\s*$/;

/** HARP files wrap the log in a callback call: onInputData({...}); */
function unwrapJsonp(text: string): { callback: string; inner: string } | null {
  const head = JSONP_HEAD.exec(text.slice(0, 300));
  if (!head) return null;
  const tailWindow = Math.max(head[0].length, text.length - 100);
  const tail = JSONP_TAIL.exec(text.slice(tailWindow));
  if (!tail) return null;
  return { callback: head[1], inner: text.slice(head[0].length, tailWindow + tail.index) };
}

/** Finds the first JSON syntax error without recursion and describes it with a line and column. */
export function describeJsonError(text: string, engineError?: unknown): string {
  const found = locateJsonError(text);
  if (found) {
    const { line, column } = lineColumn(text, found.pos);
    return `${found.what} at line ${line} column ${column}`;
  }
  const msg = engineError instanceof Error ? engineError.message : String(engineError ?? 'syntax error');
  return oneLine(msg).slice(0, 200);
}

function lineColumn(text: string, pos: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < pos; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: pos - lineStart + 1 };
}

function describeChar(text: string, pos: number): string {
  if (pos >= text.length) return 'end of file';
  const cp = text.codePointAt(pos)!;
  if (cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp < 0xa0))
    return `character U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  // Show the whole bare word ("xxx", "undefined") when there is one.
  const word = /^[A-Za-z_$][\w$]{0,30}/.exec(text.slice(pos, pos + 32));
  return word ? `token '${word[0]}'` : `'${String.fromCodePoint(cp)}'`;
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** A minimal JSON scanner, only run after JSON.parse failed. Returns the first error or null. */
function locateJsonError(text: string): { pos: number; what: string } | null {
  const stack: Array<'{' | '['> = [];
  // What the grammar allows next.
  type Want = 'value' | 'key-or-close' | 'key' | 'colon' | 'comma-or-close' | 'value-or-close' | 'end';
  let want = 'value' as Want;
  let i = 0;
  const n = text.length;
  const unexpected = (pos: number, expected: string): { pos: number; what: string } => ({
    pos,
    what: `unexpected ${describeChar(text, pos)}, expected ${expected}`,
  });
  const afterValue = (): void => {
    want = stack.length === 0 ? 'end' : 'comma-or-close';
  };
  const expectedFor = (w: Want): string => {
    const top = stack[stack.length - 1];
    switch (w) {
      case 'value':
        return 'a value';
      case 'value-or-close':
        return "a value or ']'";
      case 'key':
        return 'a "quoted" property name';
      case 'key-or-close':
        return `a "quoted" property name or '}'`;
      case 'colon':
        return "':'";
      case 'comma-or-close':
        return top === '{' ? "',' or '}'" : "',' or ']'";
      case 'end':
        return 'end of file';
      default:
        return assertNever(w, 'parser state');
    }
  };
  while (true) {
    while (i < n && WS.has(text.charCodeAt(i))) i++;
    if (i >= n) {
      if (want === 'end') return null;
      return unexpected(i, expectedFor(want));
    }
    const c = text[i];
    switch (want) {
      case 'end':
        return unexpected(i, 'end of file');
      case 'colon':
        if (c !== ':') return unexpected(i, "':'");
        i++;
        want = 'value';
        continue;
      case 'comma-or-close': {
        const top = stack[stack.length - 1];
        if (c === ',') {
          i++;
          want = top === '{' ? 'key' : 'value';
          continue;
        }
        if ((c === '}' && top === '{') || (c === ']' && top === '[')) {
          stack.pop();
          i++;
          afterValue();
          continue;
        }
        return unexpected(i, expectedFor(want));
      }
      case 'key':
      case 'key-or-close': {
        if (c === '}' && want === 'key-or-close') {
          stack.pop();
          i++;
          afterValue();
          continue;
        }
        if (c !== '"') return unexpected(i, expectedFor(want));
        const end = scanString(text, i);
        if (typeof end !== 'number') return end;
        i = end;
        want = 'colon';
        continue;
      }
      case 'value':
      case 'value-or-close': {
        if (c === ']' && want === 'value-or-close') {
          stack.pop();
          i++;
          afterValue();
          continue;
        }
        if (c === '{') {
          stack.push('{');
          i++;
          want = 'key-or-close';
          continue;
        }
        if (c === '[') {
          stack.push('[');
          i++;
          want = 'value-or-close';
          continue;
        }
        if (c === '"') {
          const end = scanString(text, i);
          if (typeof end !== 'number') return end;
          i = end;
          afterValue();
          continue;
        }
        const literal = /^(?:true|false|null)/.exec(text.slice(i, i + 5));
        if (literal) {
          i += literal[0].length;
          afterValue();
          continue;
        }
        const number = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
        if (number && number[0] !== '-') {
          i += number[0].length;
          afterValue();
          continue;
        }
        return unexpected(i, expectedFor(want));
      }
    }
  }
}

/** Returns the index after the closing quote, or the error. */
function scanString(text: string, start: number): number | { pos: number; what: string } {
  let i = start + 1;
  const n = text.length;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code === 0x5c) {
      const e = text[i + 1];
      if (e === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return { pos: i, what: 'bad \\u escape in string' };
        i += 6;
        continue;
      }
      if (e !== undefined && '"\\/bfnrt'.includes(e)) {
        i += 2;
        continue;
      }
      return { pos: i, what: `bad escape '\\${e ?? ''}' in string` };
    }
    if (code < 0x20) return { pos: i, what: `unescaped ${describeChar(text, i)} in string` };
    i++;
  }
  return { pos: start, what: 'unterminated string' };
}
