// webRequest event details → plain inputs for the tab store. Pure: plain objects in, plain objects out.
// Chrome and Firefox differ in small ways (initiator vs originUrl/documentUrl, requestBody shapes);
// those differences end here.
import { bodyHash, credentialsFingerprintOf } from '../core/fingerprint';
import { headerValue } from '../core/headers';
import { redactHeaderList } from '../core/redact';

export interface HttpHeader {
  name: string;
  value?: string;
  binaryValue?: ArrayLike<number>;
}

/** The union of what Chrome and Firefox put on webRequest details. */
export interface WebRequestDetails {
  requestId: string;
  url: string;
  method: string;
  tabId: number;
  type: string;
  timeStamp: number;
  frameId?: number;
  /** Chrome: the origin that started the request. */
  initiator?: string;
  /** Firefox: the URL of the resource that triggered the request / the document it is for. */
  originUrl?: string;
  documentUrl?: string;
  requestBody?: {
    raw?: Array<{ bytes?: ArrayBuffer | ArrayBufferView; file?: string }>;
    formData?: Record<string, string | string[]>;
    error?: string;
  } | null;
  requestHeaders?: HttpHeader[];
  responseHeaders?: HttpHeader[];
  statusCode?: number;
  statusLine?: string;
  redirectUrl?: string;
  error?: string;
  fromCache?: boolean;
}

export interface RequestStart {
  requestId: string;
  method: string;
  url: string;
  resourceType: string;
  startedAt: number;
  /** The origin of the page that made the request, for CORS (Chrome: initiator; Firefox: originUrl / documentUrl). */
  origin?: string;
  /** A main_frame or sub_frame load: its own navigation, never canceled "by navigation". */
  frame?: 'main' | 'sub';
  requestBodySize?: number;
  requestBodyHash?: string;
}

export interface RequestHeadersInput {
  requestId: string;
  /** Redacted: Authorization and other credentials are replaced by [REDACTED], so only their presence is kept. */
  requestHeaders: Array<{ name: string; value: string }>;
  credentialsFingerprint?: string;
}

export interface ResponseInput {
  requestId: string;
  status: number;
  statusText: string;
  responseHeaders: Array<{ name: string; value: string }>;
  at: number;
  /** webRequest's fromCache: the response came from the HTTP cache, not the network. */
  fromCache?: boolean;
}

export interface RedirectInput extends ResponseInput {
  redirectUrl: string;
}

export interface FailureInput {
  requestId: string;
  error: string;
  at: number;
}

/**
 * Whether a request belongs to a tab's list: only requests of a real tab (tabId ≥ 0), never the
 * extension's own (its pages, worker, or anything it initiated).
 */
export function isTabTraffic(
  details: Pick<WebRequestDetails, 'tabId' | 'url' | 'initiator' | 'originUrl' | 'documentUrl'>,
  extensionOrigin: string,
): boolean {
  if (typeof details.tabId !== 'number' || details.tabId < 0) return false;
  const own = (u: string | undefined): boolean =>
    typeof u === 'string' && extensionOrigin !== '' && (u === extensionOrigin || u.startsWith(extensionOrigin + '/'));
  return !own(details.url) && !own(details.initiator) && !own(details.originUrl) && !own(details.documentUrl);
}

/**
 * A load that may only be answered from the HTTP cache and was not: Chrome's check before each web
 * font request, and DevTools re-reading the document and stylesheets when it opens. Each is attributed
 * to the tab and ends in ERR_CACHE_MISS, of any subresource type; none is a request the page made, and
 * Chrome's Network panel lists none of them. See docs/capture.md.
 */
export function isCacheOnlyProbe(d: Pick<WebRequestDetails, 'type' | 'error'>): boolean {
  // A top-level document that misses the cache (a back navigation to a POST result) is the user's own load.
  return d.error === 'net::ERR_CACHE_MISS' && d.type !== 'main_frame';
}

/** The page's origin: Chrome's initiator is one; Firefox gives the triggering and document URLs. */
export function requestOrigin(
  d: Pick<WebRequestDetails, 'initiator' | 'originUrl' | 'documentUrl' | 'type'>,
): string | undefined {
  if (typeof d.initiator === 'string' && d.initiator !== '') return d.initiator;
  // A frame's own load is made on behalf of its parent, not from a script of the document it loads.
  const url = d.type === 'main_frame' ? undefined : (d.documentUrl ?? d.originUrl);
  if (typeof url !== 'string') return undefined;
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

/** "HTTP/1.1 404 Not Found" → "Not Found"; HTTP/2 lines without a reason phrase give ''. */
export function reasonPhrase(statusLine: string | undefined, status: number): string {
  if (typeof statusLine !== 'string') return '';
  const match = /^\S+\s+(\d{3})\s*(.*)$/.exec(statusLine.trim());
  if (!match || Number(match[1]) !== status) return '';
  return match[2].trim();
}

const decoder = typeof TextDecoder === 'function' ? new TextDecoder('utf-8', { fatal: false }) : null;

function byteView(bytes: ArrayBuffer | ArrayBufferView): Uint8Array {
  return bytes instanceof ArrayBuffer
    ? new Uint8Array(bytes)
    : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Bodies above this are sized but not hashed: hashing is for comparing retries, not for uploads. */
const HASH_LIMIT_BYTES = 1024 * 1024;

/** Size in bytes and a hash of the request body, from onBeforeRequest's requestBody. */
export function requestBodyFacts(body: WebRequestDetails['requestBody']): { size?: number; hash?: string } {
  if (!body || typeof body !== 'object') return {};
  if (Array.isArray(body.raw)) {
    let size = 0;
    const views: Uint8Array[] = [];
    let hasFile = false;
    for (const part of body.raw) {
      if (part?.bytes) {
        const view = byteView(part.bytes);
        size += view.byteLength;
        views.push(view);
      } else if (part?.file) {
        hasFile = true;
      }
    }
    if (size === 0 && hasFile) return {};
    if (size > HASH_LIMIT_BYTES || !decoder) return { size };
    const joined = new Uint8Array(size);
    let offset = 0;
    for (const view of views) {
      joined.set(view, offset);
      offset += view.byteLength;
    }
    return { size, hash: bodyHash(decoder.decode(joined)) };
  }
  if (body.formData && typeof body.formData === 'object') {
    const pairs: string[] = [];
    for (const [name, values] of Object.entries(body.formData)) {
      for (const value of Array.isArray(values) ? values : [values]) {
        pairs.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`);
      }
    }
    const text = pairs.join('&');
    return { size: new TextEncoder().encode(text).byteLength, hash: bodyHash(text) };
  }
  return {};
}

/** Header list with string values; binary values are decoded as Latin-1 like the wire bytes. */
export function plainHeaders(headers: HttpHeader[] | undefined): Array<{ name: string; value: string }> {
  if (!Array.isArray(headers)) return [];
  const out: Array<{ name: string; value: string }> = [];
  for (const h of headers) {
    if (!h || typeof h.name !== 'string') continue;
    if (typeof h.value === 'string') out.push({ name: h.name, value: h.value });
    else if (h.binaryValue) out.push({ name: h.name, value: String.fromCharCode(...Array.from(h.binaryValue)) });
  }
  return out;
}

export function toRequestStart(d: WebRequestDetails): RequestStart {
  const facts = requestBodyFacts(d.requestBody);
  const start: RequestStart = {
    requestId: d.requestId,
    method: (d.method || 'GET').toUpperCase(),
    url: d.url,
    resourceType: d.type,
    startedAt: d.timeStamp,
  };
  const origin = requestOrigin(d);
  if (origin !== undefined) start.origin = origin;
  if (d.type === 'main_frame') start.frame = 'main';
  else if (d.type === 'sub_frame') start.frame = 'sub';
  if (facts.size !== undefined) start.requestBodySize = facts.size;
  if (facts.hash !== undefined) start.requestBodyHash = facts.hash;
  return start;
}

export function toRequestHeaders(d: WebRequestDetails): RequestHeadersInput {
  const raw = plainHeaders(d.requestHeaders);
  const input: RequestHeadersInput = { requestId: d.requestId, requestHeaders: redactHeaderList(raw) };
  const fingerprint = credentialsFingerprintOf(raw);
  if (fingerprint !== undefined) input.credentialsFingerprint = fingerprint;
  return input;
}

/**
 * Whether a response webRequest reports as a 200 from the cache was a revalidation the server answered
 * 304. Chrome's webRequest reports the cached 200 it revalidated, never the 304 on the wire, and before
 * DevTools opens nothing else tells. A cached response whose own Cache-Control forbids reuse without
 * validation (no-cache, or max-age=0; RFC 9111 5.2.2.4, 4.2) and that carries a validator (ETag,
 * Last-Modified) can only have been reused after a 304. Not covered: a fetch with cache 'force-cache' or
 * 'only-if-cached' and a history navigation reuse it unvalidated (docs/capture.md).
 */
export function wasRevalidated(status: number, fromCache: boolean | undefined, headers: HttpHeader[]): boolean {
  if (status !== 200 || fromCache !== true) return false;
  const plain = plainHeaders(headers);
  if (headerValue(plain, 'etag') === undefined && headerValue(plain, 'last-modified') === undefined) return false;
  const directives = (headerValue(plain, 'cache-control') ?? '').toLowerCase().split(',');
  // A bare no-cache (no-cache="field" only bars reusing those fields) or max-age=0.
  return directives.some((d) => /^\s*(no-cache|max-age\s*=\s*"?0+"?)\s*$/.test(d));
}

export function toResponse(d: WebRequestDetails): ResponseInput {
  const reported = typeof d.statusCode === 'number' ? d.statusCode : 0;
  const revalidated = wasRevalidated(reported, d.fromCache, d.responseHeaders ?? []);
  const status = revalidated ? 304 : reported;
  return {
    requestId: d.requestId,
    status,
    statusText: revalidated ? 'Not Modified' : reasonPhrase(d.statusLine, status),
    // Set-Cookie and friends are redacted like request credentials.
    responseHeaders: redactHeaderList(plainHeaders(d.responseHeaders)),
    at: d.timeStamp,
    ...(d.fromCache === true ? { fromCache: true } : {}),
  };
}

export function toRedirect(d: WebRequestDetails): RedirectInput {
  return { ...toResponse(d), redirectUrl: d.redirectUrl ?? '' };
}

export function toFailure(d: WebRequestDetails): FailureInput {
  return { requestId: d.requestId, error: d.error || 'unknown network error', at: d.timeStamp };
}
