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

/** A Markdown support ticket for one exchange: what failed, when, the IDs support needs, and what to do. Redacted. */
export function supportTicket(exchange: Exchange, classification: Classification): string {
  const c = classification;
  const method = oneLine(String(exchange.method ?? '')).toUpperCase() || 'GET';
  const url = oneLine(redactUrl(String(exchange.url ?? '')));
  const status = c.status;
  const statusText =
    exchange.status > 0
      ? `${exchange.status} ${status.reason}${status.class ? ` (${status.class.replace('-', ' ')})` : ''}`
      : `no response${exchange.error ? ` (${redactText(exchange.error)})` : ''}`;

  const lines: string[] = [];
  lines.push(`### ${method} ${shortPath(url)}: ${exchange.status > 0 ? `${exchange.status} ${status.reason}` : 'no response'}`);
  lines.push('');
  lines.push(`- **Endpoint:** ${code(`${method} ${url}`)}`);
  lines.push(`- **Status:** ${escapeInline(statusText)}`);
  lines.push(`- **Error code:** ${c.errorCode ? code(redactText(c.errorCode)) : 'none'}`);
  lines.push(`- **Error ID:** ${c.errorId ? `${code(redactText(c.errorId))}${c.errorIdSource ? ` (from ${escapeInline(c.errorIdSource)})` : ''}` : 'none'}`);
  lines.push(`- **Time (UTC):** ${timestamp(exchange)}`);
  if (c.message) lines.push(`- **Message:** ${code(redactText(c.message))}`);
  if (exchange.error && exchange.status > 0) lines.push(`- **Network error:** ${code(redactText(exchange.error))}`);
  const site = callSiteOf(Array.isArray(exchange.callStack) ? exchange.callStack : undefined);
  if (site) lines.push(`- **Call site:** ${code(redactUrl(formatFrame(site)))} in ${code(redactUrl(oneLine(site.url)))}`);
  const ids = requestIdLines(c);
  if (ids.length > 0) lines.push(`- **Request IDs:** ${ids.join(', ')}`);
  if (c.fieldErrors.length > 0) {
    lines.push('- **Field errors:**');
    for (const f of c.fieldErrors.slice(0, 20)) lines.push(`  - ${code(redactText(f.field))}: ${escapeInline(redactText(f.message))}`);
    if (c.fieldErrors.length > 20) lines.push(`  - … and ${c.fieldErrors.length - 20} more`);
  }
  lines.push(`- **Retry:** ${escapeInline(retryText(c))}`);
  lines.push(`- **Action:** ${escapeInline(redactText(c.action))}`);
  lines.push('');
  lines.push('_Reported with Faultline. Credentials, cookies and token-like values are redacted._');
  return lines.join('\n') + '\n';
}

function retryText(c: Classification): string {
  const base = RETRY_TEXT[c.verdict] ?? (c.retryable ? 'retryable' : 'do not retry');
  const wait = c.retryAfterSeconds !== null && Number.isFinite(c.retryAfterSeconds) ? `; wait ${c.retryAfterSeconds} s${c.retryAfterSource ? ` (${c.retryAfterSource})` : ''}` : '';
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

/** Headers a copied request must not carry: HTTP/2 pseudo-headers and ones the client computes. */
const SKIPPED_REQUEST_HEADERS = new Set(['content-length', 'connection', 'host', 'transfer-encoding', 'keep-alive']);

function requestHeaderList(exchange: Exchange): Array<{ name: string; value: string }> {
  return headerEntries(exchange.requestHeaders).filter((h) => !h.name.startsWith(':') && !SKIPPED_REQUEST_HEADERS.has(h.name.toLowerCase()));
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
  for (const h of requestHeaderList(ex)) headers.set(h.name, headers.has(h.name) ? `${headers.get(h.name)}, ${h.value}` : h.value);
  const members: string[] = [`  "method": ${jsString(method)}`];
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
  return `await fetch(${jsString(String(ex.url ?? ''))}, {\n${members.join(',\n')}\n});`;
}
