// Redaction of secrets in anything Faultline copies or exports (tickets, cURL, fetch, HAR, CLI JSON).
// Over-redaction is acceptable; a leaked credential is not. Everything is table-driven: add a name or
// a pattern to a table below, not a branch.
import type { Classification, Exchange, HeaderList } from './types';
import { headerValue } from './headers';

export const REDACTED = '[REDACTED]';

/** A name is secret when one of its words (split on -, _, ., space and camelCase) is, or ends with, one of these. */
const SECRET_WORD_SUFFIXES = [
  'token',
  'secret',
  'password',
  'passwd',
  'passphrase',
  'apikey',
  'credential',
  'credentials',
  'signature',
  'cookie',
  'authorization',
  'sessionid',
  'jwt',
  'assertion',
  'privatekey',
  'accesskey',
  'secretkey',
  'clientsecret',
  'csrftoken',
  'xsrftoken',
  'samlresponse',
  'samlrequest',
];

/** Whole words that make a name secret. */
const SECRET_WORDS = ['auth', 'session', 'sig', 'pass', 'pwd', 'otp', 'csrf', 'xsrf', 'bearer', 'hmac', 'sas'];

/** Two adjacent words that make a name secret: x-api-key, private_key, dd-application-key, … */
const SECRET_WORD_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['api', 'key'],
  ['private', 'key'],
  ['access', 'key'],
  ['secret', 'key'],
  ['signing', 'key'],
  ['subscription', 'key'],
  ['functions', 'key'],
  ['application', 'key'],
  ['app', 'key'],
  ['master', 'key'],
  ['account', 'key'],
  ['client', 'key'],
  ['encryption', 'key'],
];

/** Extra exact names that are secret only in URLs and form bodies (too generic for JSON bodies, where `code` is the error code). */
const URL_ONLY_SECRET_NAMES = ['key', 'code', 'ticket', 'access_code', 'authcode', 'state_token', 'k'];

/** Names that look secret but never are; they are kept so tickets stay useful. */
const NEVER_SECRET_PREFIXES = ['access-control-', 'www-authenticate', 'x-ratelimit-', 'ratelimit'];
const NEVER_SECRET_NAMES = ['token_type', 'token_type_hint', 'auth_type', 'tokentype', 'authtype'];

/** Credential-looking values, redacted wherever they appear. `keep` is the capture group kept verbatim (the scheme). */
interface ValuePattern {
  name: string;
  pattern: RegExp;
  /** Return the replacement, or null to leave the match alone. */
  replace: (match: string, ...groups: string[]) => string | null;
}

const whole = (): string => REDACTED;
// A word ending a sentence ("Token expired.") is prose: trailing punctuation does not make it a credential.
const looksLikeCredential = (text: string): boolean => {
  const core = text.replace(/[.,;:!?]+$/, '');
  return core.length >= 16 || /[0-9._~+/\-=]/.test(core);
};

export const SECRET_VALUE_PATTERNS: readonly ValuePattern[] = [
  {
    name: 'authorization scheme',
    pattern: /\b(Bearer|Basic|Digest|AWS4-HMAC-SHA256|Negotiate|NTLM)(\s+)([A-Za-z0-9._~+/\-=]{8,})/gi,
    // "Bearer authentication" is prose, not a token: demand a digit or symbol, or a long run.
    replace: (_m, scheme, space, cred) => (looksLikeCredential(cred) ? `${scheme}${space}${REDACTED}` : null),
  },
  {
    name: 'vendor authorization scheme',
    pattern: /\b(Token|Bot|SSWS|OAuth|GoogleLogin|Splunk|Klaviyo-API-Key|ApiKey|Key)(\s+)([A-Za-z0-9._~+/\-=]{8,})/g,
    replace: (_m, scheme, space, cred) => (looksLikeCredential(cred) ? `${scheme}${space}${REDACTED}` : null),
  },
  { name: 'JWT', pattern: /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, replace: whole },
  { name: 'GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/g, replace: whole },
  { name: 'GitLab token', pattern: /\bgl(?:pat|ptt|dt|rt|oas)-[A-Za-z0-9_-]{16,}/g, replace: whole },
  { name: 'Slack token', pattern: /\bxox[abposre]-[A-Za-z0-9-]{10,}/g, replace: whole },
  {
    name: 'Stripe key',
    pattern: /\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{10,}|\bwhsec_[A-Za-z0-9]{10,}/g,
    replace: whole,
  },
  { name: 'OpenAI/Anthropic key', pattern: /\bsk-(?:proj-|ant-|svcacct-)?[A-Za-z0-9_-]{20,}/g, replace: whole },
  { name: 'AWS access key id', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, replace: whole },
  { name: 'Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}/g, replace: whole },
  { name: 'npm token', pattern: /\bnpm_[A-Za-z0-9]{30,}/g, replace: whole },
];

/** Splits "X-Api-Key", "accessToken", "client_secret" into lower-case words. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

function isSecretByWords(name: string): boolean {
  const lower = name.toLowerCase();
  if (NEVER_SECRET_NAMES.includes(lower) || NEVER_SECRET_PREFIXES.some((p) => lower.startsWith(p))) return false;
  const ws = words(name);
  const joined = ws.join('');
  if (SECRET_WORD_SUFFIXES.some((s) => joined === s)) return true;
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i];
    if (SECRET_WORDS.includes(w)) return true;
    if (SECRET_WORD_SUFFIXES.some((s) => w.endsWith(s))) return true;
    const next = ws[i + 1];
    if (next !== undefined && SECRET_WORD_PAIRS.some(([a, b]) => a === w && b === next)) return true;
  }
  return false;
}

/** True for header names whose value is a credential (Authorization, Cookie, x-api-key, api_token, …). */
export function isSecretHeaderName(name: string): boolean {
  // Header names are case-insensitive; camelCase splitting would turn `api_tokeN` into "toke n".
  return isSecretByWords(name) || isSecretByWords(name.toLowerCase());
}

/** True for JSON body field names whose value is a credential. */
export function isSecretFieldName(name: string): boolean {
  return isSecretByWords(name);
}

/** True for URL query / fragment / form parameter names whose value is a credential. */
export function isSecretParamName(name: string): boolean {
  return URL_ONLY_SECRET_NAMES.includes(name.toLowerCase()) || isSecretByWords(name);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** Redacts credential-looking values (bearer tokens, JWTs, vendor key formats) and `name=value` pairs with secret names. */
export function redactText(text: string): string {
  if (typeof text !== 'string' || text === '') return text;
  let out = redactValuePatterns(text);
  // name=value pairs: after ?, & or # they are URL parameters (URL rules), otherwise prose or config text.
  out = out.replace(
    /(^|[?&#;\s,("'])([A-Za-z0-9_.\-[\]]{1,100})=([^&#\s"'<>;,)]*)/g,
    (m, lead: string, name: string, value: string) => {
      if (value === '' || value === REDACTED) return m;
      const secret =
        lead === '?' || lead === '&' || lead === '#' ? isSecretParamName(safeDecode(name)) : isSecretFieldName(name);
      return secret ? `${lead}${name}=${REDACTED}` : m;
    },
  );
  return out;
}

/** Redacts secret query and fragment parameters, userinfo passwords, and credential-looking values in a URL. */
export function redactUrl(url: string): string {
  if (typeof url !== 'string' || url === '') return url;
  let rest = url;
  // userinfo: scheme://user:password@host
  rest = rest.replace(/^([A-Za-z][A-Za-z0-9+.-]*:\/\/)([^/?#@]*)@/, (_m, scheme: string, userinfo: string) => {
    const colon = userinfo.indexOf(':');
    return colon < 0 ? `${scheme}${userinfo}@` : `${scheme}${userinfo.slice(0, colon)}:${REDACTED}@`;
  });
  const hashAt = rest.indexOf('#');
  const beforeHash = hashAt < 0 ? rest : rest.slice(0, hashAt);
  const fragment = hashAt < 0 ? null : rest.slice(hashAt + 1);
  const qAt = beforeHash.indexOf('?');
  const base = qAt < 0 ? beforeHash : beforeHash.slice(0, qAt);
  const query = qAt < 0 ? null : beforeHash.slice(qAt + 1);
  let out = redactValuePatterns(base);
  if (query !== null) out += '?' + redactParams(query);
  if (fragment !== null) out += '#' + redactParams(fragment);
  return out;
}

/** Applies SECRET_VALUE_PATTERNS: bearer tokens, JWTs and vendor key formats, wherever they appear. */
function redactValuePatterns(text: string): string {
  let out = text;
  for (const { pattern, replace } of SECRET_VALUE_PATTERNS) {
    out = out.replace(pattern, (...args: unknown[]) => {
      const match = args[0] as string;
      // Callback args: match, groups…, offset, whole string. No optional groups are used, so all are strings.
      const offsetAt = args.findIndex((a, i) => i > 0 && typeof a === 'number');
      const groups = args.slice(1, offsetAt) as string[];
      return replace(match, ...groups) ?? match;
    });
  }
  return out;
}

/** Redacts an `a=1&token=2` parameter string (query, fragment, or form body), keeping order and encoding. */
export function redactParams(params: string): string {
  const pairs = params.split('&');
  // Form bodies can hold millions of parameters with few distinct names: decide each name once.
  const secretByName = new Map<string, boolean>();
  for (let i = 0; i < pairs.length; i++) {
    const pair = pairs[i];
    const eq = pair.indexOf('=');
    if (eq < 0) {
      pairs[i] = redactValuePatterns(pair);
      continue;
    }
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    if (value === '') continue;
    let secret = secretByName.get(name);
    if (secret === undefined) {
      secret = isSecretParamName(safeDecode(name));
      if (secretByName.size < 10_000) secretByName.set(name, secret);
    }
    if (secret) {
      pairs[i] = `${name}=${REDACTED}`;
      continue;
    }
    // Plain values (letters, digits, a few symbols, shorter than any vendor key) cannot match a value pattern.
    if (value.length < 8 || (value.length < 16 && /^[A-Za-z0-9]*$/.test(value))) continue;
    const decoded = safeDecode(value);
    if (redactValuePatterns(decoded) !== decoded) pairs[i] = `${name}=${REDACTED}`;
  }
  return pairs.join('&');
}

/** Returns a copy of the header list (same shape: array or record) with secret values replaced. */
export function redactHeaders<T extends HeaderList | undefined>(headers: T): T;
export function redactHeaders(headers: HeaderList | undefined): HeaderList | undefined {
  if (headers === undefined || headers === null) return headers;
  const redactOne = (name: string, value: string): string => {
    if (typeof value !== 'string') return value;
    if (isSecretHeaderName(name)) return REDACTED;
    return redactText(value);
  };
  if (Array.isArray(headers)) {
    return headers.map((h: { name: string; value: string }) => ({
      name: h.name,
      value: redactOne(h.name, h.value),
    }));
  }
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [name, value] of Object.entries(headers as Record<string, string>)) out[name] = redactOne(name, value);
  return out;
}

/**
 * Redacted header entries by name and value. Most headers repeat on every request (content-type,
 * accept, user-agent, …): each is redacted once, and records share the entry and its strings. Only
 * entries that redaction left unchanged are kept, so no credential stays in the map.
 */
const sharedHeaders = new Map<string, { name: string; value: string }>();
const MAX_SHARED_HEADERS = 2000;

/** redactHeaders for a plain header list, with repeated headers redacted once and shared. */
export function redactHeaderList(
  headers: ReadonlyArray<{ name: string; value: string }>,
): Array<{ name: string; value: string }> {
  const out = new Array<{ name: string; value: string }>(headers.length);
  for (let i = 0; i < headers.length; i++) {
    const header = headers[i];
    const key = `${header.name}\n${header.value}`;
    let entry = sharedHeaders.get(key);
    if (entry === undefined) {
      // Frozen: one entry object is shared by many records.
      entry = Object.freeze(redactHeaders([header])[0]);
      if (entry.value === header.value) {
        if (sharedHeaders.size >= MAX_SHARED_HEADERS) sharedHeaders.clear();
        sharedHeaders.set(key, entry);
      }
    }
    out[i] = entry;
  }
  return out;
}

/** A JSON literal value after a member name: number, true or false (strings are scanned by hand). */
const JSON_LITERAL = /-?\d[\d.eE+-]*|true|false/y;
const MAX_NAME_CHARS = 400;

/**
 * Where the string starting at the quote `open` ends: the index of its closing quote, or a negative
 * number when it does not end (-1: at the end of the text; -2 - i: at a raw newline at i, which a
 * member name cannot hold). A scan, not a regex: strings of many MiB or with millions of escapes
 * overflow the regex engine's stack.
 */
function stringEnd(text: string, open: number, newlineEnds: boolean): number {
  for (let i = open + 1; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22) return i;
    if (ch === 0x5c) i++;
    else if (newlineEnds && ch === 0x0a) return -2 - i;
  }
  return -1;
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

/** Replaces the values of JSON members with secret names, by text (invalid, huge or deeply nested JSON works, formatting is kept). */
function redactJsonMembers(body: string): string {
  const parts: string[] = [];
  let copied = 0;
  let at = 0;
  for (;;) {
    const open = body.indexOf('"', at);
    if (open < 0) break;
    const close = stringEnd(body, open, true);
    // Every later quote reaches the same end (see stringEnd), so skip past it.
    if (close === -1) break;
    if (close < -1) {
      at = -2 - close + 1;
      continue;
    }
    at = close + 1;
    const colon = skipSpace(body, close + 1);
    if (body[colon] !== ':') continue;
    const valueAt = skipSpace(body, colon + 1);
    let valueEnd: number;
    if (body[valueAt] === '"') {
      const valueClose = stringEnd(body, valueAt, false);
      if (valueClose < 0) break;
      valueEnd = valueClose + 1;
    } else {
      JSON_LITERAL.lastIndex = valueAt;
      const literal = JSON_LITERAL.exec(body);
      if (literal === null) continue;
      valueEnd = valueAt + literal[0].length;
    }
    const name = body.slice(open + 1, close);
    const value = body.slice(valueAt, valueEnd);
    if (
      name !== '' &&
      name.length <= MAX_NAME_CHARS &&
      isSecretFieldName(name) &&
      value !== `"${REDACTED}"` &&
      value !== '""'
    ) {
      parts.push(body.slice(copied, valueAt), `"${REDACTED}"`);
      copied = valueEnd;
    }
    at = valueEnd;
  }
  if (copied === 0) return body;
  parts.push(body.slice(copied));
  return parts.join('');
}

const FORM_PAIR = /^[\w.%\-[\]]+=[^&\s]*$/;

/** True when the whole body is `name=value&name=value…`, checked pair by pair (no backtracking over the body). */
function looksLikeForm(body: string): boolean {
  const trimmed = body.trim();
  return trimmed !== '' && !/^[{[<]/.test(trimmed) && trimmed.split('&').every((pair) => FORM_PAIR.test(pair));
}

/**
 * Redacts secrets in a body: JSON members with secret names (by text, so invalid, huge or deeply nested
 * JSON works and formatting is kept), form-encoded parameters, and credential-looking values anywhere.
 * Base64 bodies are returned unchanged: they are binary by construction.
 * If redaction fails (an engine limit on a hostile body) the whole body is replaced: never returned as is.
 */
export function redactBody(body: string | undefined, mimeType?: string, encoding?: 'base64'): string | undefined {
  if (typeof body !== 'string' || body === '' || encoding === 'base64') return body;
  try {
    return redactBodyText(body, mimeType);
  } catch {
    return `${REDACTED} (body of ${body.length} characters could not be redacted)`;
  }
}

function redactBodyText(body: string, mimeType: string | undefined): string {
  const mime = (typeof mimeType === 'string' ? mimeType : '').toLowerCase();
  if (mime.includes('x-www-form-urlencoded') || looksLikeForm(body)) return redactParams(body);
  return redactText(redactJsonMembers(body));
}

/** A copy of the exchange with every secret replaced by `[REDACTED]`: URL, headers, bodies, error text. */
export function redactExchange(exchange: Exchange): Exchange {
  const out: Exchange = {
    ...exchange,
    url: redactUrl(exchange.url),
  };
  if (exchange.requestHeaders !== undefined) out.requestHeaders = redactHeaders(exchange.requestHeaders);
  if (exchange.responseHeaders !== undefined) out.responseHeaders = redactHeaders(exchange.responseHeaders);
  if (exchange.requestBody !== undefined) {
    out.requestBody = redactBody(exchange.requestBody, headerValue(exchange.requestHeaders, 'content-type'));
  }
  if (exchange.body !== undefined) {
    out.body = redactBody(
      exchange.body,
      exchange.mimeType ?? headerValue(exchange.responseHeaders, 'content-type'),
      exchange.bodyEncoding,
    );
  }
  if (exchange.error !== undefined) out.error = redactText(exchange.error);
  return out;
}

/**
 * A copy of the classification with credential-looking text redacted: servers echo tokens in their
 * error code, message, ID and request-ID headers, and exports copy those fields.
 */
export function redactClassification(c: Classification): Classification {
  const text = (value: string | null): string | null => (typeof value === 'string' ? redactText(value) : value);
  return {
    ...c,
    errorCode: text(c.errorCode),
    errorId: text(c.errorId),
    message: text(c.message),
    action: typeof c.action === 'string' ? redactText(c.action) : c.action,
    notes: Array.isArray(c.notes) ? c.notes.map((n) => (typeof n === 'string' ? redactText(n) : n)) : c.notes,
    fieldErrors: Array.isArray(c.fieldErrors)
      ? c.fieldErrors.map((f) => ({ ...f, message: typeof f.message === 'string' ? redactText(f.message) : f.message }))
      : c.fieldErrors,
    requestIdHeaders: Array.isArray(c.requestIdHeaders)
      ? c.requestIdHeaders.map((h) => ({
          name: h.name,
          value: isSecretHeaderName(h.name) ? REDACTED : redactText(h.value),
        }))
      : c.requestIdHeaders,
    ...(Array.isArray(c.operations)
      ? {
          operations: c.operations.map((op) => ({
            ...op,
            errorCode: text(op.errorCode),
            message: text(op.message),
            ...(typeof op.id === 'string' ? { id: redactText(op.id) } : {}),
          })),
        }
      : {}),
  };
}
