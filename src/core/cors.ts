// Why the browser blocked a response under CORS, from what a capture can see: the page's origin, the
// response's Access-Control-* headers and the preflight's. Chrome's Network panel names these
// "CORS error" with a reason (its Protocol.Network.CorsError names are used as ids); webRequest and
// HAR give only net::ERR_FAILED / NS_ERROR_DOM_BAD_URI, so the reason is worked out here. Pure.
import type { Exchange, HeaderList } from './types';
import { headerEntries, headerValue } from './headers';

export type CorsReason =
  | 'PreflightInvalidStatus'
  | 'PreflightMissingAllowOriginHeader'
  | 'PreflightAllowOriginMismatch'
  | 'PreflightWildcardOriginNotAllowed'
  | 'MethodDisallowedByPreflightResponse'
  | 'HeaderDisallowedByPreflightResponse'
  | 'MissingAllowOriginHeader'
  | 'MultipleAllowOriginValues'
  | 'WildcardOriginNotAllowed'
  | 'AllowOriginMismatch'
  | 'InvalidAllowCredentials'
  | 'Unknown';

export interface CorsDiagnosis {
  reason: CorsReason;
  /** One line for the row and the detail, e.g. "CORS error: the preflight got 404". */
  message: string;
  /** What to change on the server. */
  action: string;
}

/** Errors a browser reports for a CORS-blocked response (Chrome: the generic ERR_FAILED; Firefox: BAD_URI). */
const CORS_ERROR = /net::ERR_FAILED\b|NS_ERROR_DOM_BAD_URI|\bCORS\b|cross-origin/i;

/** Request headers a page may send without a preflight listing them (Fetch "CORS-safelisted"), plus the ones the browser adds. */
const SAFELISTED = new Set(['accept', 'accept-language', 'content-language', 'content-type', 'range']);

function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.origin === 'null' ? null : u.origin;
  } catch {
    return null;
  }
}

/** Whether `url` is cross-origin for a page at `origin`; null when either is unknown. */
export function isCrossOrigin(origin: string | undefined, url: string): boolean | null {
  if (!origin) return null;
  const target = originOf(url);
  const from = originOf(origin) ?? (origin === 'null' ? 'null' : null);
  if (!target || !from) return null;
  return target !== from;
}

function allowOriginValues(headers: HeaderList | undefined): string[] {
  if (!headers) return [];
  const out: string[] = [];
  for (const { name, value } of headerEntries(headers)) {
    if (name.toLowerCase() !== 'access-control-allow-origin') continue;
    for (const part of value.split(',')) if (part.trim() !== '') out.push(part.trim());
  }
  return out;
}

function tokens(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t !== '');
}

/** Whether the request carried credentials the page could not have sent without `credentials: 'include'` (a cookie). */
function sentCookies(ex: Exchange): boolean {
  return headerValue(ex.requestHeaders ?? [], 'cookie') !== undefined;
}

const ALLOW_ORIGIN_FIX = (origin: string) =>
  `Make the server answer with "Access-Control-Allow-Origin: ${origin}" (or "*" for public data without credentials), on error responses too.`;

function originProblem(
  headers: HeaderList | undefined,
  origin: string,
  credentials: boolean,
  preflight: boolean,
): CorsDiagnosis | null {
  const values = allowOriginValues(headers);
  const prefix = preflight ? 'the preflight response' : 'the response';
  if (values.length === 0) {
    return {
      reason: preflight ? 'PreflightMissingAllowOriginHeader' : 'MissingAllowOriginHeader',
      message: `CORS error: ${prefix} has no Access-Control-Allow-Origin header`,
      action: ALLOW_ORIGIN_FIX(origin),
    };
  }
  if (values.length > 1) {
    return {
      reason: 'MultipleAllowOriginValues',
      message: `CORS error: ${prefix} has several Access-Control-Allow-Origin values (${values.join(', ')})`,
      action: `Send exactly one Access-Control-Allow-Origin value: echo the request's Origin (${origin}) when it is allowed; check that a proxy does not add a second one.`,
    };
  }
  const value = values[0];
  if (value === '*') {
    if (!credentials) return null;
    return {
      reason: preflight ? 'PreflightWildcardOriginNotAllowed' : 'WildcardOriginNotAllowed',
      message: `CORS error: ${prefix} allows origin "*", which a request with credentials may not use`,
      action: `For requests with credentials, answer with "Access-Control-Allow-Origin: ${origin}" and "Access-Control-Allow-Credentials: true" instead of "*".`,
    };
  }
  if (value !== origin) {
    return {
      reason: preflight ? 'PreflightAllowOriginMismatch' : 'AllowOriginMismatch',
      message: `CORS error: ${prefix} allows origin ${value}, not ${origin}`,
      action: ALLOW_ORIGIN_FIX(origin),
    };
  }
  if (credentials && headerValue(headers ?? [], 'access-control-allow-credentials')?.trim() !== 'true') {
    return {
      reason: 'InvalidAllowCredentials',
      message: `CORS error: the request had credentials but ${prefix} lacks "Access-Control-Allow-Credentials: true"`,
      action:
        'Add "Access-Control-Allow-Credentials: true" to the response (and its preflight), or send the request without credentials.',
    };
  }
  return null;
}

/**
 * The CORS reason for an exchange the browser failed, or null when it does not look like a CORS
 * block (same-origin, origin unknown, no CORS-style error, or nothing to go on).
 */
export function corsDiagnosis(ex: Exchange): CorsDiagnosis | null {
  const origin = ex.origin;
  if (!origin || isCrossOrigin(origin, ex.url) !== true) return null;
  // A WebSocket handshake is not under CORS (the server checks Origin itself), and ws: is never the page's scheme.
  if (/^wss?:/i.test(ex.url)) return null;
  const preflight = ex.preflight;
  const credentials = sentCookies(ex);
  const blocked =
    (ex.error !== undefined && CORS_ERROR.test(ex.error)) ||
    (preflight !== undefined && !(preflight.status >= 200 && preflight.status < 300));
  if (!blocked) {
    // Firefox reports a CORS-blocked response as completed (the check runs after webRequest): a CORS-mode
    // request (it sent Origin) whose response does not allow the page's origin was blocked all the same.
    const corsMode = headerValue(ex.requestHeaders ?? [], 'origin') !== undefined;
    if (!corsMode || !(ex.status > 0) || (ex.status >= 300 && ex.status < 400)) return null;
    return originProblem(ex.responseHeaders, origin, credentials, false);
  }

  if (preflight) {
    if (!(preflight.status >= 200 && preflight.status < 300)) {
      const got =
        preflight.status > 0
          ? `${preflight.status}${preflight.statusText ? ` ${preflight.statusText}` : ''}`
          : `no response${preflight.error ? ` (${preflight.error})` : ''}`;
      return {
        reason: 'PreflightInvalidStatus',
        message: `CORS error: the preflight (OPTIONS) got ${got}`,
        action: `Make the server answer OPTIONS ${pathOf(ex.url)} with a 2xx (204 is usual) and the Access-Control-Allow-* headers, before any authentication or routing that rejects it.`,
      };
    }
    const problem = originProblem(preflight.responseHeaders, origin, credentials, true);
    if (problem) return problem;
    const method = (
      headerValue(preflight.requestHeaders ?? [], 'access-control-request-method') ?? ex.method
    ).toUpperCase();
    const allowedMethods = tokens(headerValue(preflight.responseHeaders ?? [], 'access-control-allow-methods')).map(
      (m) => m.toUpperCase(),
    );
    const simpleMethod = method === 'GET' || method === 'HEAD' || method === 'POST';
    if (!simpleMethod && !allowedMethods.includes(method) && !(allowedMethods.includes('*') && !credentials)) {
      return {
        reason: 'MethodDisallowedByPreflightResponse',
        message: `CORS error: the preflight does not allow method ${method}${allowedMethods.length ? ` (allows ${allowedMethods.join(', ')})` : ''}`,
        action: `Add ${method} to the preflight's Access-Control-Allow-Methods.`,
      };
    }
    const asked = tokens(headerValue(preflight.requestHeaders ?? [], 'access-control-request-headers')).filter(
      (h) => !SAFELISTED.has(h),
    );
    const allowedHeaders = tokens(headerValue(preflight.responseHeaders ?? [], 'access-control-allow-headers'));
    const wildcard = allowedHeaders.includes('*') && !credentials;
    const missing = asked.filter((h) => !allowedHeaders.includes(h) && !(wildcard && h !== 'authorization'));
    if (missing.length > 0) {
      return {
        reason: 'HeaderDisallowedByPreflightResponse',
        message: `CORS error: the preflight does not allow request header${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
        action: `Add ${missing.join(', ')} to the preflight's Access-Control-Allow-Headers.`,
      };
    }
  }
  if (ex.status > 0) {
    const problem = originProblem(ex.responseHeaders, origin, credentials, false);
    if (problem) return problem;
  }
  if (ex.status > 0 || preflight) {
    return {
      reason: 'Unknown',
      message: 'CORS error',
      action:
        'The browser blocked the response under CORS; its console names the reason. The server must allow this origin (Access-Control-Allow-Origin) and answer the preflight.',
    };
  }
  // No response and no preflight seen: a refused connection also reads net::ERR_FAILED; not enough to say CORS.
  return null;
}

function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return u.pathname;
  } catch {
    return url;
  }
}
