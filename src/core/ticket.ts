// Text a developer copies out of Faultline: a Markdown support ticket, a cURL command, a fetch() call.
// Everything is redacted by default (see redact.ts); the ticket always is.
import type { Classification, Exchange } from './types';
import { callSiteOf, formatFrame } from './callsite';
import { headerEntries, headerValue } from './headers';
import { isSecretHeaderName, redactExchange, redactText, redactUrl, REDACTED } from './redact';

export interface CopyOptions {
  /** Replace secrets with [REDACTED] (default true). */
  redact?: boolean;
}

const MAX_FIELD_CHARS = 600;

/** What to write for the retry advice, by verdict. */
const RETRY_TEXT: Record<Classification['verdict'], string> = {
  'retry-after': 'retry after the wait the server asked for',
  'retry-backoff': 'transient: retry with exponential backoff',
  'retry-idempotent': 'transient, but only safe to retry with an idempotency key or an idempotent method',
  reauthenticate: 'refresh the credentials, then retry',
  'fix-request': 'do not retry unchanged: fix the request',
  'do-not-retry': 'do not retry',
  none: 'not a failure',
};

export interface TicketOptions {
  /** "Chrome 131.0.6778.85", from browserFromUserAgent. */
  browser?: string;
  /** Characters of each body excerpt (default 2,000). */
  excerptChars?: number;
}

const EXCERPT_CHARS = 2_000;

/** Response headers a vendor's support asks for: when, what type, how long to wait, and their request IDs. */
const VENDOR_HEADERS =
  /^(date|content-type|content-length|retry-after|server|via|www-authenticate|x-cache|age|(x-)?ratelimit-.*|x-rate-limit-.*|.*request-?id|.*correlation-?id|.*trace-?id|traceparent|x-amzn-.*|x-amz-cf-id|cf-ray|x-served-by|x-github-request-id|apigw-requestid)$/i;

/** "Chrome 131.0.6778.85" or "Firefox 140.0" from a user agent; the raw string when neither is found. */
export function browserFromUserAgent(userAgent: string): string {
  const ua = String(userAgent ?? '');
  const firefox = /Firefox\/([\d.]+)/.exec(ua);
  if (firefox) return `Firefox ${firefox[1]}`;
  const edge = /Edg\/([\d.]+)/.exec(ua);
  if (edge) return `Edge ${edge[1]}`;
  const chrome = /(?:HeadlessChrome|Chrome|Chromium)\/([\d.]+)/.exec(ua);
  if (chrome) return `Chrome ${chrome[1]}`;
  return oneLine(ua).slice(0, 200) || 'unknown';
}

/**
 * A Markdown support ticket for one exchange, written for the API vendor: what failed (method,
 * redacted URL, status, time in UTC, the support ID and where it came from), the response headers
 * they ask for, redacted and size-capped excerpts of the response and request bodies, and the
 * browser. The developer's own advice (retry, action) is kept apart at the end. Always redacted.
 */
export function supportTicket(exchange: Exchange, classification: Classification, options: TicketOptions = {}): string {
  const c = classification;
  const ex = redactExchange(exchange);
  const method = oneLine(String(ex.method ?? '')).toUpperCase() || 'GET';
  const url = oneLine(String(ex.url ?? ''));
  const status = c.status;
  const bodyFailure = c.kind === 'body';
  const what = bodyFailure
    ? c.message
      ? redactText(c.message)
      : c.errorCode
        ? redactText(c.errorCode)
        : 'an error'
    : '';
  const statusText =
    exchange.status > 0
      ? bodyFailure
        ? `${exchange.status} ${status.reason}: HTTP says success, but the response body reported an error (${what})`
        : `${exchange.status} ${status.reason}`
      : `no response${ex.error ? ` (${ex.error})` : ''}`;
  const limit = options.excerptChars ?? EXCERPT_CHARS;

  const lines: string[] = [];
  lines.push(
    `### ${method} ${shortPath(url)}: ${exchange.status > 0 ? `${exchange.status} ${escapeInline(status.reason)}${bodyFailure ? ' with an error in the body' : ''}` : 'no response'}`,
  );
  lines.push('');
  lines.push(`- **Request:** ${code(`${method} ${url}`)}`);
  lines.push(`- **Status:** ${escapeInline(statusText)}`);
  lines.push(`- **Time (UTC):** ${timestamp(exchange)}`);
  lines.push(
    `- **Support ID:** ${c.errorId ? `${code(redactText(c.errorId))}${c.errorIdSource ? ` (from ${escapeInline(c.errorIdSource)})` : ''}` : 'none given'}`,
  );
  lines.push(`- **Error code:** ${c.errorCode ? code(redactText(c.errorCode)) : 'none'}`);
  if (c.message) lines.push(`- **Message:** ${code(redactText(c.message))}`);
  if (ex.error && exchange.status > 0) lines.push(`- **Network error:** ${code(ex.error)}`);
  const site = callSiteOf(Array.isArray(exchange.callStack) ? exchange.callStack : undefined);
  if (site)
    lines.push(`- **Call site:** ${code(redactUrl(formatFrame(site)))} in ${code(redactUrl(oneLine(site.url)))}`);
  const ids = requestIdLines(c);
  if (ids.length > 0) lines.push(`- **Request IDs:** ${ids.join(', ')}`);
  if (c.fieldErrors.length > 0) {
    lines.push('- **Field errors:**');
    for (const f of c.fieldErrors.slice(0, 20))
      lines.push(`  - ${code(redactText(f.field))}: ${escapeInline(redactText(f.message))}`);
    if (c.fieldErrors.length > 20) lines.push(`  - … and ${c.fieldErrors.length - 20} more`);
  }
  if (options.browser) lines.push(`- **Browser:** ${escapeInline(options.browser)}`);

  const headers = headerEntries(ex.responseHeaders).filter((h) => VENDOR_HEADERS.test(h.name));
  lines.push('');
  lines.push('**Response headers**');
  lines.push('');
  if (headers.length === 0) lines.push('_None captured._');
  else
    lines.push(
      ...fenced(
        headers
          .slice(0, 30)
          .map((h) => `${oneLine(h.name)}: ${isSecretHeaderName(h.name) ? REDACTED : oneLine(h.value)}`)
          .join('\n'),
      ),
    );

  lines.push('');
  lines.push(...excerpt('Response body', ex.body, ex.bodyEncoding, exchange.bodyTruncated === true, limit));
  if (typeof ex.requestBody === 'string' && ex.requestBody !== '') {
    lines.push('');
    lines.push(...excerpt('Request body', ex.requestBody, undefined, false, limit));
  }

  lines.push('');
  lines.push('---');
  lines.push('');
  lines.push("_For the developer, not the vendor: Faultline's advice._");
  lines.push('');
  lines.push(`- **Retry:** ${escapeInline(retryText(c))}`);
  lines.push(`- **Action:** ${escapeInline(redactText(c.action))}`);
  lines.push('');
  lines.push('_Reported with Faultline. Credentials, cookies and token-like values are redacted._');
  return lines.join('\n') + '\n';
}

/** A redacted body excerpt in a fence, saying how much was cut. */
function excerpt(
  title: string,
  body: string | undefined,
  encoding: 'base64' | undefined,
  truncated: boolean,
  limit: number,
): string[] {
  if (body === undefined) return [`**${title}:** not captured.`];
  if (body === '') return [`**${title}:** empty.`];
  if (encoding === 'base64') return [`**${title}:** binary (${body.length} base64 characters), not included.`];
  const cut = body.length > limit;
  const text = cut ? body.slice(0, limit) : body;
  const note = cut
    ? ` (first ${limit.toLocaleString('en-US')} of ${body.length.toLocaleString('en-US')} characters)`
    : truncated
      ? ' (as captured: the body was cut before it reached Faultline)'
      : '';
  return [`**${title}${note}**`, '', ...fenced(text)];
}

/** A fenced code block that no content can close early. */
function fenced(text: string): string[] {
  let longest = 2;
  for (const run of text.match(/`{3,}/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  return [fence, text.replace(/\r\n?/g, '\n'), fence];
}

function retryText(c: Classification): string {
  const base = RETRY_TEXT[c.verdict] ?? (c.retryable ? 'retryable' : 'do not retry');
  const wait =
    c.retryAfterSeconds !== null && Number.isFinite(c.retryAfterSeconds)
      ? `; wait ${c.retryAfterSeconds} s${c.retryAfterSource ? ` (${c.retryAfterSource})` : ''}`
      : '';
  const idem = c.failure ? `; the request is ${c.idempotent ? '' : 'not '}idempotent` : '';
  return `${base}${wait}${idem}`;
}

function requestIdLines(c: Classification): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const h of c.requestIdHeaders ?? []) {
    if (!h || typeof h.name !== 'string') continue;
    const key = h.name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const value = isSecretHeaderName(h.name) ? REDACTED : redactText(String(h.value ?? ''));
    out.push(code(`${h.name}: ${value}`));
  }
  return out.slice(0, 12);
}

function timestamp(exchange: Exchange): string {
  if (typeof exchange.startedAt === 'number' && Number.isFinite(exchange.startedAt)) {
    const d = new Date(exchange.startedAt);
    if (!Number.isNaN(d.getTime())) return d.toISOString();
  }
  const date = headerValue(exchange.responseHeaders, 'date');
  if (date) {
    const t = Date.parse(date);
    if (Number.isFinite(t)) return `${new Date(t).toISOString()} (from the response Date header)`;
  }
  return 'not recorded';
}

function shortPath(url: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(url);
  const path = m ? m[1] || '/' : url;
  return escapeInline(path.length > 80 ? `${path.slice(0, 77)}...` : path);
}

function oneLine(text: string): string {
  return text.replace(/[\r\n\t\u2028\u2029]+/g, ' ').trim();
}

function clip(text: string): string {
  return text.length > MAX_FIELD_CHARS ? `${text.slice(0, MAX_FIELD_CHARS - 1)}…` : text;
}

/** An inline code span that survives any content: the fence is longer than any backtick run inside. */
function code(text: string): string {
  const body = clip(oneLine(text));
  if (body === '') return '``';
  let longest = 0;
  for (const run of body.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** Plain Markdown text with markup and HTML neutralized. Intraword underscores (api_token) cannot start emphasis and stay. */
function escapeInline(text: string): string {
  return clip(oneLine(text))
    .replace(/[\\`*[\]<>|~]/g, (ch) => `\\${ch}`)
    .replace(/(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, '\\_');
}

// ---------------------------------------------------------------------------------------------
// cURL and fetch

/** Headers a copied cURL command must not carry: ones curl computes itself (as Chrome's Copy as cURL). */
const SKIPPED_REQUEST_HEADERS = new Set([
  'content-length',
  'connection',
  'host',
  'transfer-encoding',
  'keep-alive',
  'accept-encoding',
]);

/**
 * Headers fetch() may not set (the Fetch standard's forbidden names) or that the browser sets
 * itself: a copied fetch() with them is rejected or silently altered.
 */
const FETCH_SKIPPED_HEADERS = new Set([
  'accept-charset',
  'accept-encoding',
  'access-control-request-headers',
  'access-control-request-method',
  'connection',
  'content-length',
  'cookie',
  'cookie2',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'set-cookie',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'via',
  'user-agent',
  'priority',
]);

function requestHeaderList(
  exchange: Exchange,
  skipped: ReadonlySet<string> = SKIPPED_REQUEST_HEADERS,
): Array<{ name: string; value: string }> {
  return headerEntries(exchange.requestHeaders).filter((h) => {
    const name = h.name.toLowerCase();
    if (name.startsWith(':') || skipped.has(name)) return false;
    return skipped === SKIPPED_REQUEST_HEADERS || !(name.startsWith('sec-') || name.startsWith('proxy-'));
  });
}

/** The request accepted a compressed response: curl must decode it too, or a gzip API prints binary. */
function acceptsCompression(exchange: Exchange): boolean {
  const value = headerValue(exchange.requestHeaders, 'accept-encoding');
  return typeof value === 'string' && /\b(gzip|deflate|br|zstd|compress)\b/i.test(value);
}

/** POSIX shell single-quoting: the only character that needs care inside '…' is ' itself. */
export function shellQuote(text: string): string {
  // NUL cannot be passed in an argument at all; drop it rather than emit a broken command.
  return `'${text.replace(/\0/g, '').replace(/'/g, `'\\''`)}'`;
}

/** A cURL command (POSIX shell) that repeats the request. Secrets are redacted unless `redact: false`. */
export function toCurl(exchange: Exchange, options: CopyOptions = {}): string {
  const ex = options.redact === false ? exchange : redactExchange(exchange);
  const method = String(ex.method ?? 'GET').toUpperCase();
  const body = ex.requestBody;
  const hasBody = typeof body === 'string' && body !== '';
  const url = String(ex.url ?? '');
  const parts: string[] = ['curl'];
  if (method === 'HEAD') parts.push('--head');
  else if (!(method === 'GET' && !hasBody) && !(method === 'POST' && hasBody)) parts.push(`-X ${shellQuote(method)}`);
  // [REDACTED] and IPv6 literals would be read as curl URL globs.
  if (/[[\]{}]/.test(url)) parts.push('--globoff');
  parts.push(shellQuote(url));
  for (const h of requestHeaderList(ex)) parts.push(`-H ${shellQuote(`${h.name}: ${h.value}`)}`);
  if (hasBody) parts.push(`--data-raw ${shellQuote(body)}`);
  if (acceptsCompression(ex)) parts.push('--compressed');
  return parts.join(' \\\n  ');
}

/** A JS string literal: JSON plus escapes for the line separators older engines reject. */
export function jsString(text: string): string {
  return jsSafe(JSON.stringify(text));
}

function jsSafe(json: string): string {
  return json.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** A fetch() call that repeats the request. Secrets are redacted unless `redact: false`. */
export function toFetch(exchange: Exchange, options: CopyOptions = {}): string {
  const ex = options.redact === false ? exchange : redactExchange(exchange);
  const method = String(ex.method ?? 'GET').toUpperCase();
  // Repeated headers are joined as fetch's Headers would join them.
  const headers = new Map<string, string>();
  for (const h of requestHeaderList(ex, FETCH_SKIPPED_HEADERS))
    headers.set(h.name, headers.has(h.name) ? `${headers.get(h.name)}, ${h.value}` : h.value);
  const members: string[] = [`  "method": ${jsString(method)}`];
  // What the browser sets itself goes where fetch() takes it: the referrer option, cookies by credentials.
  const referrer = headerValue(ex.requestHeaders, 'referer');
  if (headers.size > 0) {
    // A quoted "__proto__" key in a literal would set the prototype; a computed key is a plain property.
    const key = (name: string): string => (name === '__proto__' ? `[${jsString(name)}]` : jsString(name));
    const lines = [...headers].map(([name, value]) => `    ${key(name)}: ${jsString(value)}`);
    members.push(`  "headers": {\n${lines.join(',\n')}\n  }`);
  }
  // fetch() rejects a body on GET and HEAD.
  if (typeof ex.requestBody === 'string' && ex.requestBody !== '' && method !== 'GET' && method !== 'HEAD') {
    members.push(`  "body": ${jsString(ex.requestBody)}`);
  }
  if (typeof referrer === 'string' && /^https?:\/\//i.test(referrer))
    members.push(`  "referrer": ${jsString(referrer)}`);
  if (headerValue(ex.requestHeaders, 'cookie') !== undefined) members.push(`  "credentials": "include"`);
  return `await fetch(${jsString(String(ex.url ?? ''))}, {\n${members.join(',\n')}\n});`;
}
