// classify(exchange) → Classification: the engine that ties the parts together.
// It never throws: input is copied into a plain, typed exchange first (hostile getters, wrong
// types), each stage is bounded, and any internal error yields a safe classification with a note.
import { advise, isCustomStatus, type AdviceFacts } from './advice';
import { canceledFacts, corsFacts, lostOutcomeFacts } from './capture-facts';
import { buildBodyView } from './body';
import { recognizers as registry } from './formats/index';
import { MAX_MESSAGE_CHARS as RECOGNIZER_MESSAGE_CHARS } from './formats/util';
import { headerEntries, indexEntries, type HeaderEntry, type HeaderIndex } from './headers';
import { isSettledSuccess } from './fast-path';
import { bodilessSuccess, SUCCESS_ACTION, type BodilessGates } from './bodiless-success';
import { idempotency } from './idempotency';
import { pickErrorId } from './ids';
import {
  codeNamesRateLimit,
  exhaustedByMessage,
  inferMissing,
  requestBlamedByMessage,
  retryableFromCode,
  codeBlamesRequest,
  hostNotSetUpByMessage,
  codeNamesBrokenSetup,
  codeSaysOnlyLimitReached,
  transientByMessage,
} from './infer/index';
import { challengeError } from './auth-challenge';
import { PLAIN_DATA } from './formats/json';
import { quotaExhaustion, rateLimitEvidence } from './limits';
import { backoffPlan, referenceTime, serverWait, shouldRetryHeader } from './retry';
import { networkErrorRule } from './network-errors';
import { statusSemantics } from './status';
import { candidates, routeTable, type RouteTable } from './routing';
import { exactParts, plainHostSpan, urlParts } from './url-parts';
import { resolveRules, textAtPath, type ResolvedRule, type Rule } from './rules';
import { BUILT_IN_PROFILES } from './built-in-profiles';
import type {
  BodyView,
  Classification,
  Exchange,
  Extracted,
  FailureKind,
  FieldError,
  FormatRecognizer,
  RecognizerContext,
} from './types';

/** Messages longer than this are cut (with a note); the raw body stays available elsewhere. */
export const MAX_MESSAGE_CHARS = 2000;
/** Longest errorCode / errorId kept. */
const MAX_CODE_CHARS = 200;
/** Most field errors kept. */
const MAX_FIELD_ERRORS = 100;

export interface ClassifyOptions {
  /** Epoch ms used when the response has no Date header (tests inject it for determinism). */
  now?: number;
  /** Recognizers to run instead of the registry (highest priority first after sorting). */
  recognizers?: readonly FormatRecognizer[];
  /** The user's per-host rules (validated with `validateRules`); they beat the built-in profiles. */
  rules?: readonly Rule[];
  /** Built-in vendor profiles; defaults to BUILT_IN_PROFILES. Pass [] to classify without them. */
  profiles?: readonly Rule[];
  /** false: every stage runs even for a settled success (src/core/fast-path.ts); tests compare both paths. */
  fastPath?: boolean;
  /** Last word on a classification: the returned fields replace the computed ones. */
  overrides?: (draft: Classification, exchange: Exchange) => Partial<Classification> | null | undefined | void;
}

/** Request headers that carry credentials, in the order named in a 401 action. */
const CREDENTIAL_HEADERS = [
  'api_token',
  'api-token',
  'authorization',
  'x-api-key',
  'api-key',
  'apikey',
  'x-auth-token',
  'private-token',
  'x-goog-api-key',
  'cookie',
];
const CREDENTIAL_RANK: ReadonlyMap<string, number> = new Map(CREDENTIAL_HEADERS.map((name, rank) => [name, rank]));

/** The first of CREDENTIAL_HEADERS the request carries, in one pass over its headers. */
function credentialHeaderOf(requestHeaders: HeaderIndex): string | undefined {
  let best = CREDENTIAL_HEADERS.length;
  for (const name of requestHeaders.lowerNames()) {
    const rank = CREDENTIAL_RANK.get(name);
    if (rank !== undefined && rank < best) best = rank;
  }
  return CREDENTIAL_HEADERS[best];
}

function read(obj: unknown, key: string, notes: string[]): unknown {
  try {
    return (obj as Record<string, unknown>)[key];
  } catch {
    notes.push(`exchange.${key} could not be read`);
    return undefined;
  }
}

function asFinite(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function safeEntries(v: unknown, what: string, notes: string[]): Array<{ name: string; value: string }> {
  try {
    return headerEntries(v);
  } catch {
    notes.push(`${what} could not be read`);
    return [];
  }
}

/** The engine's own copy: headers are always well-formed entry lists. */
interface NormalExchange extends Exchange {
  requestHeaders: HeaderEntry[];
  responseHeaders: HeaderEntry[];
}

const STATUS_TEXT = /^\s*-?\d+\s*$/;

/** The status as an integer; 0 (with a note) when it is neither a number nor a numeric string. */
function statusOf(raw: unknown, notes: string[]): number {
  const status = typeof raw === 'number' ? raw : typeof raw === 'string' && STATUS_TEXT.test(raw) ? Number(raw) : NaN;
  if (Number.isFinite(status)) return Math.trunc(status);
  if (raw !== undefined) notes.push('status is not a number; treated as no response');
  return 0;
}

/** The copy from fields already read; shared by the fast and the careful path so both give the same result. */
function exchangeOf(
  status: number,
  rawError: unknown,
  method: unknown,
  url: unknown,
  requestHeaders: HeaderEntry[],
  responseHeaders: HeaderEntry[],
  statusText: unknown,
  body: unknown,
  bodyEncoding: unknown,
  bodyTruncated: unknown,
  startedAt: unknown,
  durationMs: unknown,
  mimeType: unknown,
  requestBody: unknown,
): NormalExchange {
  const error =
    typeof rawError === 'string' ? rawError : rawError == null || rawError === false ? undefined : safeString(rawError);
  // Every field always present (undefined when missing or ill-typed): one object shape for all exchanges
  // keeps the stages that read it monomorphic.
  return {
    method: typeof method === 'string' ? method : '',
    url: typeof url === 'string' ? url : '',
    status,
    requestHeaders,
    responseHeaders,
    statusText: typeof statusText === 'string' ? statusText : undefined,
    body: body !== undefined ? (body as string) : undefined,
    bodyEncoding: bodyEncoding === 'base64' ? 'base64' : undefined,
    bodyTruncated: bodyTruncated === true ? true : undefined,
    error: error && error.trim() ? error : undefined,
    startedAt: asFinite(startedAt),
    durationMs: asFinite(durationMs),
    mimeType: typeof mimeType === 'string' ? mimeType : undefined,
    requestBody: typeof requestBody === 'string' ? requestBody : undefined,
  };
}

/**
 * Plain objects (the common case) are read field by field without a guard each; when anything throws
 * (a hostile getter), the careful path reads again and notes which field failed.
 */
function copyPlain(o: Record<string, unknown>, notes: string[]): NormalExchange | null {
  try {
    const status = statusOf(o.status, notes);
    const rawError = o.error;
    const method = o.method;
    const url = o.url;
    const requestHeaders = headerEntries(o.requestHeaders);
    const responseHeaders = headerEntries(o.responseHeaders);
    return exchangeOf(
      status,
      rawError,
      method,
      url,
      requestHeaders,
      responseHeaders,
      o.statusText,
      o.body,
      o.bodyEncoding,
      o.bodyTruncated,
      o.startedAt,
      o.durationMs,
      o.mimeType,
      o.requestBody,
    );
  } catch {
    return null;
  }
}

/** A plain, well-typed copy of whatever was passed in. */
export function normalizeExchange(input: unknown, notes: string[]): NormalExchange {
  if (input === null || typeof input !== 'object') {
    notes.push('exchange is not an object');
    return { method: '', url: '', status: 0, requestHeaders: [], responseHeaders: [] };
  }
  let proto: unknown;
  try {
    proto = Object.getPrototypeOf(input);
  } catch {
    proto = undefined;
  }
  if (proto === Object.prototype || proto === null) {
    const before = notes.length;
    const ex = copyPlain(input as Record<string, unknown>, notes);
    if (ex) return ex;
    notes.length = before; // the careful path writes its own notes
  }
  const status = statusOf(read(input, 'status', notes), notes);
  return exchangeOf(
    status,
    read(input, 'error', notes),
    read(input, 'method', notes),
    read(input, 'url', notes),
    safeEntries(read(input, 'requestHeaders', notes), 'request headers', notes),
    safeEntries(read(input, 'responseHeaders', notes), 'response headers', notes),
    read(input, 'statusText', notes),
    read(input, 'body', notes),
    read(input, 'bodyEncoding', notes),
    read(input, 'bodyTruncated', notes),
    read(input, 'startedAt', notes),
    read(input, 'durationMs', notes),
    read(input, 'mimeType', notes),
    read(input, 'requestBody', notes),
  );
}

function safeString(v: unknown): string | undefined {
  try {
    const s = String(v);
    return s === '[object Object]' ? undefined : s;
  } catch {
    return undefined;
  }
}

/** The registry's routing index per body kind (src/core/routing.ts), built on first use. */
const routes = new Map<BodyView['kind'], RouteTable>();

function routeFor(kind: BodyView['kind']): RouteTable {
  let route = routes.get(kind);
  if (!route) {
    route = routeTable(registry, kind);
    routes.set(kind, route);
  }
  return route;
}

type Recognized = { format: string; extracted: Extracted };

/** Runs one recognizer; a throw is noted and counts as no match. */
function tryRecognizer(r: FormatRecognizer, ctx: RecognizerContext, notes: string[]): Recognized | null {
  try {
    const out = r.recognize(ctx);
    return out && typeof out === 'object' ? { format: r.id, extracted: out } : null;
  } catch {
    notes.push(`recognizer ${r.id} failed; skipped`);
    return null;
  }
}

/** The first match among the positions set in `mask`, in priority order (low bits first). */
function firstInMask(
  list: readonly FormatRecognizer[],
  mask: Int32Array,
  ctx: RecognizerContext,
  notes: string[],
): Recognized | null {
  for (let w = 0; w < mask.length; w++) {
    let word = mask[w];
    while (word !== 0) {
      const bit = word & -word;
      word ^= bit;
      const found = tryRecognizer(list[w * 32 + 31 - Math.clz32(bit)], ctx, notes);
      if (found) return found;
    }
  }
  return null;
}

function runRecognizers(
  list: readonly FormatRecognizer[],
  exchange: Exchange,
  body: BodyView,
  headers: HeaderIndex,
  notes: string[],
): Recognized {
  const ctx: RecognizerContext = { exchange, body, header: (name: string) => headers.get(name) };
  const kind = body.kind;
  if (list === registry) {
    const route = routeFor(kind);
    return firstInMask(route.list, candidates(route, body, headers), ctx, notes) ?? { format: kind, extracted: {} };
  }
  // Caller-supplied recognizers run unrouted; their `kinds` is checked here (a hostile getter counts as a failure).
  for (const r of list) {
    let skip: boolean;
    try {
      const kinds = r.kinds;
      skip = Array.isArray(kinds) && !kinds.includes(kind);
    } catch {
      notes.push(`recognizer ${r.id} failed; skipped`);
      continue;
    }
    if (skip) continue;
    const found = tryRecognizer(r, ctx, notes);
    if (found) return found;
  }
  return { format: kind, extracted: {} };
}

function normalizeCode(v: unknown): string | null {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : null;
  if (typeof v !== 'string') return null;
  const t = v.trim();
  return t === '' ? null : t.length > MAX_CODE_CHARS ? t.slice(0, MAX_CODE_CHARS) : t;
}

function normalizeMessage(v: unknown, notes: string[]): string | null {
  let s: string | undefined;
  if (typeof v === 'string') s = v;
  else if (typeof v === 'number' && Number.isFinite(v)) s = String(v);
  else if (Array.isArray(v))
    s = v
      .filter((x) => typeof x === 'string')
      .slice(0, 20)
      .join('; ');
  if (s === undefined) return null;
  s = s.trim();
  if (s === '') return null;
  if (s.length > MAX_MESSAGE_CHARS) {
    notes.push(`message cut at ${MAX_MESSAGE_CHARS} characters`);
    s = `${s.slice(0, MAX_MESSAGE_CHARS - 1)}…`;
  } else if (s.length === RECOGNIZER_MESSAGE_CHARS && s.endsWith('…')) {
    // The recognizers' own clip (formats/util clip) leaves only the ellipsis: say so, as above.
    notes.push(`message cut at ${RECOGNIZER_MESSAGE_CHARS} characters`);
  }
  return s;
}

function normalizeFieldErrors(v: unknown): FieldError[] {
  if (!Array.isArray(v)) return [];
  const out: FieldError[] = [];
  for (const item of v) {
    if (out.length >= MAX_FIELD_ERRORS) break;
    if (item === null || typeof item !== 'object') continue;
    const field = normalizeCode((item as FieldError).field);
    const message = normalizeCode((item as FieldError).message);
    if (field !== null || message !== null) out.push({ field: field ?? '', message: message ?? '' });
  }
  return out;
}

/** Unlisted headers that carry the API's code: `x-vercel-error`, `x-sb-error-code`, `x-ms-error-code`, `x-ably-errorcode`. */
const ERROR_CODE_HEADER = /^x-(?:[a-z0-9]+-)?(?:error-?code|error-?type|error)$/;
const CODE_VALUE = /^[A-Za-z0-9][A-Za-z0-9._:\-/]{1,79}$/;

/** Headers that carry the API's message beside an empty body: `x-bamboohr-error-message`, `x-error-message`, `x-error-detail`. */
const ERROR_MESSAGE_HEADER = /^x-(?:[a-z0-9]+-)?error-?(?:message|msg|description|detail|details|reason)$/;

/** `x-…` (lower-cased): both header families above start so; most names are ruled out without a regex. */
function isXHeader(name: string): boolean {
  return name.charCodeAt(0) === 120 && name.charCodeAt(1) === 45;
}

/** The message a failure puts in a header, or null. */
function headerErrorMessage(headers: HeaderIndex): string | null {
  const names = headers.lowerNames();
  const entries = headers.entries();
  for (let i = 0; i < names.length; i++) {
    if (!isXHeader(names[i]) || !ERROR_MESSAGE_HEADER.test(names[i])) continue;
    const value = entries[i].value.trim();
    if (value.length > 1 && /[A-Za-z\u00C0-\uFFFF]/.test(value)) return value;
  }
  // An OAuth resource's challenge: `WWW-Authenticate: Bearer error="invalid_token", error_description="…"`.
  return challengeError(headers.get('www-authenticate'))?.description ?? null;
}

/**
 * A code the response puts in a header. AWS: `x-amzn-ErrorType: ValidationException:http://…` →
 * ValidationException; others by the header family above.
 */
function headerErrorCode(headers: HeaderIndex): string | null {
  const v = headers.get('x-amzn-errortype');
  if (v) {
    const code = v.split(':')[0].split('#').pop()?.trim();
    return code ? normalizeCode(code) : null;
  }
  const names = headers.lowerNames();
  const entries = headers.entries();
  for (let i = 0; i < names.length; i++) {
    if (!isXHeader(names[i]) || !ERROR_CODE_HEADER.test(names[i])) continue;
    const value = entries[i].value.trim();
    if (CODE_VALUE.test(value)) return normalizeCode(value);
  }
  return null;
}

/** Statuses on which a code that says "try later" makes the failure transient. */
const TRY_LATER_STATUSES = new Set([400, 402, 403, 409, 422]);

/** Statuses on which a message that says "try again later" makes the failure transient (not 403: a WAF block says it too). */
const MESSAGE_TRY_LATER_STATUSES = new Set([400, 409, 422]);

/** Fix-the-request statuses some APIs send for a rate limit (SeaRates: 401 `API_KEY_RATE_LIMIT`). */
const RATE_CODE_STATUSES = new Set([401, 404, 405, 406, 410, 412, 418, 420]);

/** Wording that names a per-time rate, not a quota ("Quota exceeded" under PERMISSION_DENIED stays a quota). */
const RATE_WORDING = /\brate ?limit|\bthrottl/i;

/** The retry hint of the error code itself (src/core/infer/semantics.ts), when the body gave none. */
function codeRetryHint(
  errorCode: string | null,
  message: string | null,
  status: number,
  kind: FailureKind,
  rateLimited: boolean,
  serverGaveWait = false,
): boolean | undefined {
  const hint = retryableFromCode(errorCode);
  // A rate limit (not a quota) under a generic fix-the-request code is still one (BigQuery 403 PERMISSION_DENIED "Exceeded rate limits").
  if (hint === false)
    return rateLimited &&
      ((codeBlamesRequest(errorCode) && RATE_WORDING.test(message?.slice(0, 2000) ?? '')) ||
        codeSaysOnlyLimitReached(errorCode))
      ? undefined
      : false;
  // An API's own status (6xx) is judged by its words alone, as a fix-the-request status is.
  const ownWords = kind === 'body' || isCustomStatus(status);
  if (hint === true && (ownWords || TRY_LATER_STATUSES.has(status))) return true;
  // A rate-limit code on a fix-the-request status (a 401 `API_KEY_RATE_LIMIT`) is transient; 413 and 429 keep their own rules.
  if (hint === true && RATE_CODE_STATUSES.has(status) && codeNamesRateLimit(errorCode) && !exhaustedByMessage(message))
    return true;
  if (exhaustedByMessage(message, rateLimited && serverGaveWait)) return false;
  // reach-r: where the code says nothing, the message may ("try again later" on a 400/409; a 500 that blames the request).
  if (hint === undefined && (ownWords || MESSAGE_TRY_LATER_STATUSES.has(status)) && transientByMessage(message))
    return true;
  if (hint === undefined && status >= 500 && requestBlamedByMessage(message)) return false;
  if (hint === undefined && status >= 500 && hostNotSetUpByMessage(message)) return false;
  // reach-v: a 5xx whose code names a wrong, denied or switched-off setting (Lambda's 502 `KMSAccessDeniedException`).
  if (hint === undefined && status >= 500 && !rateLimited && codeNamesBrokenSetup(errorCode)) return false;
  return undefined;
}

function requestHasOrigin(ex: NormalExchange): boolean {
  for (const h of ex.requestHeaders) if (h.name.length === 6 && h.name.toLowerCase() === 'origin') return true;
  return false;
}

function failureOf(ex: Exchange, extracted: Extracted): { failure: boolean; kind: FailureKind } {
  const status = ex.status;
  // Chrome's "(canceled)": the page or browser gave up on it (AbortController, a timeout, navigation); no server failure.
  if (!(status >= 400) && ex.error && networkErrorRule(ex.error).cause === 'aborted')
    return { failure: false, kind: 'canceled' };
  if (!(status > 0)) return { failure: true, kind: 'network' };
  if (status >= 400) return { failure: true, kind: status < 500 ? 'client' : 'server' };
  if (ex.error) return { failure: true, kind: 'network' };
  if (status >= 200 && status < 300 && extracted.saysFailure === true) return { failure: true, kind: 'body' };
  return { failure: false, kind: 'none' };
}

function sortedRecognizers(list: readonly FormatRecognizer[] | undefined): readonly FormatRecognizer[] {
  if (!list) return registry;
  return [...list]
    .filter((r) => r && typeof r.recognize === 'function')
    .sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0));
}

/** Which hosts a rule list can match at all: exact names and `*.suffix` patterns; null when any host may match. */
interface HostGate {
  exact: Set<string>;
  /** Lengths of the exact names: most hosts are ruled out without hashing a sliced string. */
  exactLengths: Set<number>;
  suffixes: string[];
}

function hostGateOf(rules: readonly Rule[]): HostGate | null {
  const exact = new Set<string>();
  const suffixes: string[] = [];
  for (const rule of rules) {
    const pattern = rule?.match?.host;
    // A port in the pattern or anything unusual: no gate, the full match decides.
    if (typeof pattern !== 'string' || pattern === '*' || pattern.includes(':')) return null;
    if (pattern.startsWith('*.')) suffixes.push(pattern.slice(1));
    else exact.add(pattern);
  }
  return { exact, exactLengths: new Set([...exact].map((h) => h.length)), suffixes };
}

const VENDOR_GATE = hostGateOf(BUILT_IN_PROFILES);

/** Host gates of caller-supplied profile lists (the background passes one list to every call), built once per list. */
const profileGates = new WeakMap<readonly Rule[], HostGate | null>();

function profilesGate(profiles: readonly Rule[]): HostGate | null {
  if (profiles === BUILT_IN_PROFILES) return VENDOR_GATE;
  let gate = profileGates.get(profiles);
  if (gate === undefined) {
    gate = hostGateOf(profiles);
    profileGates.set(profiles, gate);
  }
  return gate;
}

/** False only when no rule can match this URL's host: most traffic skips the WHATWG URL parse. */
function mayMatchHost(gate: HostGate | null, url: string): boolean {
  if (!gate) return true;
  const span = plainHostSpan(url);
  if (span === null) return true;
  if (!span.lowerCase) {
    const host = url.slice(span.start, span.end).toLowerCase();
    return gate.exact.has(host) || gate.suffixes.some((suffix) => host.length > suffix.length && host.endsWith(suffix));
  }
  // Compared in place: no host string is made for the (usual) host that no rule names.
  const { start, end } = span;
  const length = end - start;
  if (gate.exactLengths.has(length) && gate.exact.has(url.slice(start, end))) return true;
  for (const suffix of gate.suffixes) if (length > suffix.length && url.endsWith(suffix, end)) return true;
  return false;
}

/** The rules of one classify call, with the URL parsed at most once. */
interface RuleContext {
  user: readonly Rule[];
  profiles: readonly Rule[];
  host: string;
  path: string;
  /** Whether any rule matches on an error code; when none does, both lookups give one answer. */
  byErrorCode: boolean;
  /** The answer without an error code, kept for the second lookup. */
  first?: ResolvedRule | null;
}

function matchesOnErrorCode(rules: readonly Rule[]): boolean {
  return rules.some((rule) => rule?.match?.errorCode !== undefined);
}

const VENDOR_BY_ERROR_CODE = matchesOnErrorCode(BUILT_IN_PROFILES);

function ruleContext(options: ClassifyOptions, ex: Exchange): RuleContext | null {
  const user = Array.isArray(options.rules) ? options.rules : [];
  const profiles = Array.isArray(options.profiles) ? options.profiles : BUILT_IN_PROFILES;
  if (!user.length && !profiles.length) return null;
  if (!user.length && !mayMatchHost(profilesGate(profiles), ex.url)) return null;
  const { host, path } = exactParts(ex.url) ?? urlParts(ex.url);
  if (!host) return null;
  const byErrorCode =
    matchesOnErrorCode(user) || (profiles === BUILT_IN_PROFILES ? VENDOR_BY_ERROR_CODE : matchesOnErrorCode(profiles));
  return { user, profiles, host, path, byErrorCode };
}

/** Rules that match this exchange. Without an error code first (they may say where the code is), then with it. */
function matchRules(
  rules: RuleContext | null,
  ex: Exchange,
  errorCode: string | null | undefined,
): ResolvedRule | null {
  if (!rules) return null;
  if (!rules.byErrorCode && rules.first !== undefined) return rules.first;
  const resolved = resolveRules(rules.user, rules.profiles, {
    host: rules.host,
    path: rules.path,
    status: ex.status,
    errorCode,
  });
  if (rules.first === undefined) rules.first = resolved;
  return resolved;
}

/** A rule's field paths take precedence over what the recognizer found. */
function applyRulePaths(rule: ResolvedRule | null, body: BodyView, extracted: Extracted, notes: string[]): Extracted {
  if (!rule || body.json === undefined) return extracted;
  const { errorCodePath, errorIdPath, messagePath } = rule.set;
  if (!errorCodePath && !errorIdPath && !messagePath) return extracted;
  const out = { ...extracted };
  const read = (path: string | undefined, field: 'errorCode' | 'errorId' | 'message') => {
    if (!path) return;
    const value = textAtPath(body.json, path);
    if (value === null) return;
    out[field] = value;
    if (field === 'errorId') out.errorIdField = path;
    notes.push(`${field} read from body.${path} (rule "${rule.from[`${field}Path`]}")`);
  };
  read(errorCodePath, 'errorCode');
  read(errorIdPath, 'errorId');
  read(messagePath, 'message');
  return out;
}

/** What the bodiless-success path asks of the routing and the built-in rules. */
const BODILESS_GATES: BodilessGates = {
  route: routeFor,
  mayHaveRule: (url) => mayMatchHost(VENDOR_GATE, url),
};

/**
 * The bodiless-success path's gates when it applies: the registry, no rules of the user's, the fast
 * path on; the profiles given (the background passes its own list) or the built-in ones. Else null.
 */
function bodilessGates(options: ClassifyOptions): BodilessGates | null {
  if (options.fastPath === false || options.recognizers) return null;
  if (Array.isArray(options.rules) && options.rules.length > 0) return null;
  const profiles = options.profiles;
  if (!Array.isArray(profiles)) return BODILESS_GATES;
  return {
    route: routeFor,
    mayHaveRule: (url) => profiles.length > 0 && mayMatchHost(profilesGate(profiles), url),
  };
}

function classifyUnsafe(input: unknown, options: ClassifyOptions): Classification {
  const gates = bodilessGates(options);
  if (gates) {
    const settled = bodilessSuccess(input, gates);
    if (settled) return settled;
  }
  const notes: string[] = [];
  const ex = normalizeExchange(input, notes);
  const headers = indexEntries(ex.responseHeaders);
  const body = buildBodyView(ex, headers);
  for (const n of body.notes) notes.push(n);
  const recognized = runRecognizers(sortedRecognizers(options.recognizers), ex, body, headers, notes);
  const format = recognized.format;
  const rules = ruleContext(options, ex);
  const ruled = applyRulePaths(matchRules(rules, ex, undefined), body, recognized.extracted, notes);
  // The base layer: what neither the recognizer nor a rule said is inferred (never for plain data, nor
  // for a success whose body cannot hold an envelope: src/core/fast-path.ts).
  const extracted =
    options.fastPath !== false && ruled.saysFailure !== true && isSettledSuccess(ex.status, ex.error, body)
      ? ruled
      : inferMissing(ruled, format, body, ex.status, recognized.extracted === PLAIN_DATA, notes);

  const status = statusSemantics(ex.status);
  let { failure, kind } = failureOf(ex, extracted);
  // The capture lost how it ended: with no response known that is no failure, only an unknown outcome.
  const lost = lostOutcomeFacts(read(input, 'outcomeLost', notes));
  const outcomeUnknown = lost !== null && !(ex.status > 0) && !ex.error;
  if (outcomeUnknown) {
    failure = false;
    kind = 'none';
    notes.push(`outcome lost: ${lost.reason}`);
  } else if (lost) notes.push(lost.note);
  if (Array.isArray(extracted.notes))
    for (const n of extracted.notes.slice(0, 20)) if (typeof n === 'string') notes.push(n);
  const rule = matchRules(rules, ex, normalizeCode(extracted.errorCode));
  if (rule?.set.failure !== undefined && rule.set.failure !== failure && ex.status > 0) {
    failure = rule.set.failure;
    kind = !failure ? 'none' : ex.status >= 500 ? 'server' : ex.status >= 400 ? 'client' : 'body';
    notes.push(`${failure ? 'failure' : 'not a failure'} by rule "${rule.from.failure}"`);
  }
  const method = ex.method.toUpperCase();
  const requestHeaders = indexEntries(ex.requestHeaders);
  const idem = idempotency(method, requestHeaders, ex.requestBody);
  let message = normalizeMessage(extracted.message, notes);
  const bodySaidNothing = message === null && normalizeCode(extracted.errorCode) === null;
  if (message === null && failure && ex.status > 0) message = normalizeMessage(headerErrorMessage(headers), notes);
  // The OAuth challenge's `error` speaks only for a body that said nothing (the body's own words come first).
  const errorCode =
    normalizeCode(extracted.errorCode) ??
    (failure ? headerErrorCode(headers) : null) ??
    (failure && bodySaidNothing ? normalizeCode(challengeError(headers.get('www-authenticate'))?.error) : null);
  const fieldErrors = normalizeFieldErrors(extracted.fieldErrors);

  // A response the browser blocked under CORS though it completed (Firefox's webRequest sees it as a 200).
  if (!failure && kind === 'none' && ex.status > 0 && requestHasOrigin(ex)) {
    const blocked = corsFacts(ex, read(input, 'origin', notes), undefined);
    if (blocked) {
      failure = true;
      kind = 'network';
    }
  }
  if (!failure) {
    const canceled = kind === 'canceled' ? canceledFacts(ex.error, read(input, 'cancelReason', notes)) : null;
    if (canceled) notes.push(`canceled: ${canceled.reason}`);
    return withProtocol(extracted, {
      failure: false,
      kind: canceled ? 'canceled' : 'none',
      status,
      format,
      errorCode,
      errorId: null,
      errorIdSource: null,
      message: canceled ? canceled.message : outcomeUnknown ? lost.message : message,
      fieldErrors,
      retryable: false,
      retryAfterSeconds: null,
      retryAfterSource: null,
      idempotent: idem.idempotent,
      idempotencySource: idem.idempotencySource,
      verdict: 'none',
      backoff: null,
      action: canceled ? canceled.action : outcomeUnknown ? lost.action : SUCCESS_ACTION,
      requestIdHeaders: [],
      notes,
    });
  }

  if (kind === 'network' && message === null && ex.error) message = normalizeMessage(ex.error, notes);
  if (ex.error && kind !== 'network')
    notes.push(`the browser also reported ${ex.error.length > 200 ? `${ex.error.slice(0, 199)}…` : ex.error}`);

  const ids = pickErrorId(
    headers,
    normalizeCode(extracted.errorId),
    typeof extracted.errorIdField === 'string' ? extracted.errorIdField : undefined,
    message,
  );
  const ruleHeader = rule?.set.requestIdHeader;
  const ruleHeaderValue = ruleHeader ? headers.get(ruleHeader)?.trim() : undefined;
  if (ruleHeader && ruleHeaderValue && !ids.errorIdSource?.startsWith('body')) {
    ids.errorId = ruleHeaderValue.slice(0, 200);
    ids.errorIdSource = `header ${ruleHeader} (rule "${rule.from.requestIdHeader}")`;
  }
  // A protocol status in a 2xx (gRPC-web UNAVAILABLE, a JSON-RPC rate limit) is advised as its HTTP equivalent.
  const equivalent = kind === 'body' ? extracted.httpEquivalent : undefined;
  const adviceStatus =
    typeof equivalent === 'number' && equivalent >= 400 && equivalent <= 599 ? equivalent : ex.status;
  const adviceKind: FailureKind = adviceStatus === ex.status ? kind : adviceStatus >= 500 ? 'server' : 'client';
  const rateLimit =
    kind === 'network'
      ? null
      : rateLimitEvidence({
          status: adviceStatus,
          headers,
          errorCode,
          message,
          bodyFailure: adviceKind === 'body',
          bodyText: body.text,
        });
  if (rateLimit) notes.push(`rate limit: ${rateLimit}`);

  let wait: { seconds: number; source: string } | null = null;
  if (kind !== 'network') {
    const now = (): number =>
      typeof options.now === 'number' && Number.isFinite(options.now) ? options.now : Date.now();
    const result = serverWait({
      status: adviceStatus,
      headers,
      bodySeconds: typeof extracted.retryAfterSeconds === 'number' ? extracted.retryAfterSeconds : null,
      bodyAt: typeof extracted.retryAfterAt === 'number' ? extracted.retryAfterAt : undefined,
      bodyField: typeof extracted.retryAfterField === 'string' ? extracted.retryAfterField : undefined,
      message,
      rateLimited: rateLimit !== null,
      referenceMs: () => referenceTime(headers, ex.startedAt, ex.durationMs, now()),
    });
    wait = result.wait;
    for (const n of result.notes) notes.push(n);
  }
  // After the wait: an upsell beside a stated wait is no quota.
  const quota = rateLimit ? quotaExhaustion(errorCode, message, body.text, wait !== null) : null;
  if (wait === null && rule?.set.defaultWaitSeconds !== undefined) {
    wait = { seconds: rule.set.defaultWaitSeconds, source: `rule "${rule.from.defaultWaitSeconds}"` };
  }

  const credentialHeader = credentialHeaderOf(requestHeaders);
  const facts: AdviceFacts = {
    failure,
    kind: adviceKind,
    status: adviceStatus,
    method,
    url: ex.url,
    idempotent: idem.idempotent,
    errorCode,
    errorId: ids.errorId,
    message,
    fieldErrors,
    networkError: kind === 'network' ? (ex.error ?? null) : null,
    wait,
    rateLimit,
    quota,
    serverSaysRetry:
      rule?.set.retryable !== undefined
        ? { value: rule.set.retryable, source: `rule "${rule.from.retryable}"` }
        : kind === 'network'
          ? undefined
          : shouldRetryHeader(headers),
    bodySaysRetry:
      typeof extracted.retryable === 'boolean'
        ? extracted.retryable
        : kind === 'network'
          ? undefined
          : // A 2xx envelope that names its own status (`statusCode: 503`) is judged as that status, like its advice.
            codeRetryHint(
              extracted.retryFromStatus === true ? null : errorCode,
              message,
              adviceStatus,
              kind,
              rateLimit !== null && quota === null,
              wait !== null,
            ),
    allow: headers.get('allow'),
    wwwAuthenticate: headers.get('www-authenticate'),
    credentialHeader,
  };
  const advice = advise(facts);
  // A CORS block is named with its reason (Chrome's "CORS error"), from the origin and the preflight.
  const cors =
    kind === 'network' || ex.status >= 400
      ? corsFacts(ex, read(input, 'origin', notes), read(input, 'preflight', notes))
      : null;
  if (cors && kind === 'network') {
    message = cors.message;
    advice.action = cors.action;
    advice.retryable = false;
    advice.verdict = 'fix-request';
    notes.push(`cors: ${cors.reason}`);
  } else if (cors) {
    notes.push(`${cors.message} (${cors.reason}): the page cannot read this response either`);
  }
  if (rule?.set.action) advice.action = rule.set.action;
  const backoff =
    advice.retryable && wait === null
      ? backoffPlan(
          advice.backoffBaseSeconds
            ? { baseSeconds: advice.backoffBaseSeconds, capSeconds: advice.backoffBaseSeconds * 16 }
            : {},
        )
      : null;

  return withProtocol(extracted, {
    failure: true,
    kind,
    status,
    format,
    errorCode,
    errorId: ids.errorId,
    errorIdSource: ids.errorIdSource,
    message,
    fieldErrors,
    retryable: advice.retryable,
    retryAfterSeconds: wait ? wait.seconds : null,
    retryAfterSource: wait ? wait.source : null,
    idempotent: idem.idempotent,
    idempotencySource: idem.idempotencySource,
    verdict: advice.verdict,
    backoff,
    action: advice.action,
    requestIdHeaders: ids.requestIdHeaders,
    notes,
  });
}

/** The classification with the protocol fields after the others; plain HTTP rows are returned as they are (no spread per call). */
function withProtocol(extracted: Extracted, result: Classification): Classification {
  return typeof extracted.protocol === 'string' ? Object.assign(result, protocolFields(extracted)) : result;
}

/** The protocol and its failed operations, only when a protocol recognizer named one (plain HTTP rows stay as they were). */
function protocolFields(
  extracted: Extracted,
): Pick<Classification, 'protocol' | 'operations' | 'operationsOmitted' | 'operationCount'> {
  const protocol = extracted.protocol;
  if (typeof protocol !== 'string') return {};
  const out: Pick<Classification, 'protocol' | 'operations' | 'operationsOmitted' | 'operationCount'> = { protocol };
  if (Array.isArray(extracted.operations)) {
    out.operations = extracted.operations.map((op) => ({
      ...op,
      errorCode: normalizeCode(op.errorCode),
      message: typeof op.message === 'string' ? clipText(op.message) : null,
    }));
    out.operationsOmitted = typeof extracted.operationsOmitted === 'number' ? extracted.operationsOmitted : 0;
    if (typeof extracted.operationCount === 'number') out.operationCount = extracted.operationCount;
  }
  return out;
}

function clipText(s: string): string {
  return s.length > MAX_MESSAGE_CHARS ? `${s.slice(0, MAX_MESSAGE_CHARS - 1)}…` : s;
}

/** What classify returns when something inside it failed: status-based and cautious. */
function fallbackClassification(input: unknown, error: unknown): Classification {
  let code = 0;
  try {
    const s = (input as { status?: unknown } | null)?.status;
    if (typeof s === 'number' && Number.isFinite(s)) code = Math.trunc(s);
  } catch {
    /* keep 0 */
  }
  const failure = !(code > 0) || code >= 400;
  let why = 'unknown error';
  try {
    why = error instanceof Error ? error.message : String(error);
  } catch {
    /* keep the generic text */
  }
  return {
    failure,
    kind: !failure ? 'none' : code > 0 ? (code < 500 ? 'client' : 'server') : 'network',
    status: statusSemantics(code),
    format: 'unknown',
    errorCode: null,
    errorId: null,
    errorIdSource: null,
    message: null,
    fieldErrors: [],
    retryable: false,
    retryAfterSeconds: null,
    retryAfterSource: null,
    idempotent: false,
    idempotencySource: 'none',
    verdict: failure ? 'do-not-retry' : 'none',
    backoff: null,
    action: failure
      ? 'Faultline could not analyse this exchange; inspect the status, headers and body directly.'
      : 'Nothing to do: the request succeeded.',
    requestIdHeaders: [],
    notes: [`internal error while classifying: ${why.slice(0, 200)}`],
  };
}

/** Classifies one exchange. Never throws, whatever `exchange` is. */
export function classify(exchange: Exchange, options: ClassifyOptions = {}): Classification {
  let result: Classification;
  try {
    result = classifyUnsafe(exchange, options ?? {});
  } catch (error) {
    return fallbackClassification(exchange, error);
  }
  if (options && typeof options.overrides === 'function') {
    try {
      const patch = options.overrides(result, exchange);
      if (patch && typeof patch === 'object') result = { ...result, ...patch };
    } catch (error) {
      result.notes.push(`overrides failed: ${error instanceof Error ? error.message.slice(0, 200) : 'unknown error'}`);
    }
  }
  return result;
}
