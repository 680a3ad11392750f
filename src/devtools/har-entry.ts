// A DevTools HAR entry (onRequestFinished or getHAR) → what the background merges. Pure.
// Chrome and Firefox both speak HAR 1.2 here, with their own extras (_resourceType, _error) and
// their own second getContent value (Chrome: the encoding, Firefox: the MIME type).
import { callStackOf } from '../core/callsite';
import { bodyHash, credentialsFingerprintOf } from '../core/fingerprint';
import { isRecord } from '../core/is-record';
import { redactBody, redactHeaderList } from '../core/redact';
import type { Exchange } from '../core/types';
import type { BodyState, DevtoolsEntry } from '../protocol/messages';

export const DEVTOOLS_BODY_CAP_CHARS = 256 * 1024;
export const DEVTOOLS_REQUEST_BODY_CAP_CHARS = 64 * 1024;

type Json = Record<string, unknown>;

/** Schemes webRequest also sees; data:, blob: and extension URLs are not network traffic. */
const NETWORK_URL = /^(https?|wss?):/i;

/** MIME types whose bodies are never worth fetching on a success (media, fonts, bundles). */
const SKIP_ON_SUCCESS =
  /^(image|audio|video|font)\/|^application\/(octet-stream|wasm|pdf|zip|x-font|font)|^text\/(css|javascript)|^application\/(x-)?javascript/i;
/**
 * MIME types of API responses: fetched even on a 2xx, where a body may still report failure.
 * event-stream: an SSE 200 can end in an error event, and Firefox's HAR has no resource type to fall back on.
 */
const API_MIME = /json|xml|graphql|^text\/plain|x-www-form-urlencoded|problem|event-stream/i;
const API_RESOURCE_TYPES = new Set(['fetch', 'xhr', 'xmlhttprequest']);

function headerList(value: unknown): Array<{ name: string; value: string }> {
  if (!Array.isArray(value)) return [];
  const out: Array<{ name: string; value: string }> = [];
  for (const h of value)
    if (isRecord(h) && typeof h.name === 'string' && typeof h.value === 'string')
      out.push({ name: h.name, value: h.value });
  return out;
}

function mimeOf(entry: Json): string {
  const response = isRecord(entry.response) ? entry.response : {};
  const content = isRecord(response.content) ? response.content : {};
  if (typeof content.mimeType === 'string' && content.mimeType !== '' && content.mimeType !== 'x-unknown')
    return content.mimeType;
  const type = headerList(response.headers).find((h) => h.name.toLowerCase() === 'content-type');
  return type?.value ?? '';
}

function statusOf(entry: Json): number {
  const response = isRecord(entry.response) ? entry.response : {};
  const status = Number(response.status);
  return Number.isInteger(status) && status > 0 && status < 1000 ? status : 0;
}

export function resourceTypeOf(entry: Json): string | undefined {
  return typeof entry._resourceType === 'string' ? entry._resourceType : undefined;
}

/** Whether the entry describes network traffic of the page (not data:, blob:, extension pages). */
export function isNetworkEntry(entry: unknown): entry is Json {
  return (
    isRecord(entry) &&
    isRecord(entry.request) &&
    typeof entry.request.url === 'string' &&
    NETWORK_URL.test(entry.request.url)
  );
}

/**
 * A success body larger than this is data (a download, a page of results), not a failure envelope;
 * fetching it would move megabytes through DevTools for a check on its first bytes.
 */
export const SUCCESS_BODY_MAX_BYTES = 1024 * 1024;

/** The decoded body size DevTools reports (content.size, else the transferred bodySize); -1 if unknown. */
function bodySizeOf(entry: Json): number {
  const response = isRecord(entry.response) ? entry.response : {};
  const content = isRecord(response.content) ? response.content : {};
  for (const size of [content.size, response.bodySize])
    if (typeof size === 'number' && Number.isFinite(size) && size >= 0) return size;
  return -1;
}

/**
 * Whether to ask for the body: always for failures; on success only for API-like responses, since the
 * classifier only reads bodies of 2xx to find "success:false" envelopes and GraphQL errors.
 */
export function wantsBody(entry: Json): boolean {
  const status = statusOf(entry);
  if (status === 0 || status >= 400) return true;
  if (status === 204 || status === 304 || (status >= 100 && status < 200)) return false;
  if (bodySizeOf(entry) > SUCCESS_BODY_MAX_BYTES) return false;
  const mime = mimeOf(entry).toLowerCase();
  if (API_MIME.test(mime)) return true;
  if (SKIP_ON_SUCCESS.test(mime)) return false;
  const type = resourceTypeOf(entry);
  return type !== undefined && API_RESOURCE_TYPES.has(type.toLowerCase());
}

export interface FetchedContent {
  content: unknown;
  /** Chrome: 'base64' or ''. Firefox: the MIME type. */
  second: unknown;
}

const BINARY_MIME =
  /^(image\/(?!svg)|audio\/|video\/|font\/|application\/(octet-stream|pdf|zip|gzip|x-gzip|x-tar|wasm|x-protobuf|protobuf|vnd\.google\.protobuf|grpc|x-msgpack|msgpack|cbor))/i;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Chrome says 'base64' when it encoded the body. Firefox says the MIME type instead, and base64-encodes
 * bodies it does not take for text: a binary MIME type with valid base64 content is base64.
 */
function encodingOf(content: unknown, second: unknown): 'base64' | undefined {
  if (second === 'base64') return 'base64';
  if (typeof second !== 'string' || !BINARY_MIME.test(second.trim())) return undefined;
  return typeof content === 'string' && content.length % 4 === 0 && BASE64.test(content) ? 'base64' : undefined;
}

/** Applies a body (from getContent or the HAR's content.text) to the exchange; returns its state. */
export function applyContent(
  exchange: Exchange,
  fetched: FetchedContent | undefined,
  capChars = DEVTOOLS_BODY_CAP_CHARS,
): BodyState {
  if (!fetched) return 'not-captured';
  const { content, second } = fetched;
  const encoding = encodingOf(content, second);
  if (typeof second === 'string' && second.includes('/') && exchange.mimeType === undefined) exchange.mimeType = second;
  if (content === null || content === undefined) {
    // Chrome gives null for bodies it does not have; an empty-bodied status has nothing to give.
    if (exchange.status === 204 || exchange.status === 304) {
      exchange.body = '';
      return 'empty';
    }
    return 'not-captured';
  }
  let text = typeof content === 'string' ? content : String(content);
  if (text === '') {
    exchange.body = '';
    return 'empty';
  }
  let truncated = false;
  if (text.length > capChars) {
    // Keep base64 decodable: cut on a 4-character boundary.
    text = text.slice(0, encoding === 'base64' ? capChars - (capChars % 4) : capChars);
    truncated = true;
  }
  exchange.body = text;
  if (encoding) exchange.bodyEncoding = encoding;
  if (truncated) exchange.bodyTruncated = true;
  const mime = exchange.mimeType ?? '';
  if (truncated) return 'truncated';
  if (encoding && BINARY_MIME.test(mime)) return 'binary';
  return 'captured';
}

/**
 * The entry as an Exchange with redacted headers (credentials kept only as their presence and a
 * fingerprint). `fetched`: the body from getContent, if it was asked for; a HAR entry's own
 * content.text is used otherwise (Firefox's getHAR may carry it, Chrome's does not).
 */
export function toDevtoolsEntry(raw: unknown, fetched?: FetchedContent): DevtoolsEntry | null {
  if (!isNetworkEntry(raw)) return null;
  const request = raw.request as Json;
  const response = isRecord(raw.response) ? raw.response : {};
  const content = isRecord(response.content) ? response.content : {};
  const rawRequestHeaders = headerList(request.headers);
  const exchange: Exchange = {
    method: typeof request.method === 'string' && request.method !== '' ? request.method.toUpperCase() : 'GET',
    url: request.url as string,
    requestHeaders: redactHeaderList(rawRequestHeaders),
    status: statusOf(raw),
    statusText: typeof response.statusText === 'string' ? response.statusText : '',
    responseHeaders: redactHeaderList(headerList(response.headers)),
  };
  const mime = mimeOf(raw);
  if (mime) exchange.mimeType = mime;
  const error = response._error;
  if (typeof error === 'string' && error.trim() !== '') exchange.error = error;
  if (typeof raw.startedDateTime === 'string') {
    const at = Date.parse(raw.startedDateTime);
    if (Number.isFinite(at)) exchange.startedAt = at;
  }
  if (typeof raw.time === 'number' && Number.isFinite(raw.time) && raw.time >= 0) exchange.durationMs = raw.time;
  const fingerprint = credentialsFingerprintOf(rawRequestHeaders);
  if (fingerprint !== undefined) exchange.credentialsFingerprint = fingerprint;
  // Chrome: the script stack that made the request (the call site). Firefox's entries carry none.
  const callStack = callStackOf(raw._initiator);
  if (callStack) exchange.callStack = callStack;

  const postData = isRecord(request.postData) ? request.postData : undefined;
  if (postData && typeof postData.text === 'string') {
    exchange.requestBodyHash = bodyHash(postData.text);
    const text =
      postData.text.length > DEVTOOLS_REQUEST_BODY_CAP_CHARS
        ? postData.text.slice(0, DEVTOOLS_REQUEST_BODY_CAP_CHARS)
        : postData.text;
    exchange.requestBody =
      redactBody(text, typeof postData.mimeType === 'string' ? postData.mimeType : undefined) ?? text;
  }

  const fromHar: FetchedContent | undefined =
    typeof content.text === 'string'
      ? { content: content.text, second: content.encoding === 'base64' ? 'base64' : '' }
      : undefined;
  const bodyState = applyContent(exchange, fetched ?? fromHar);

  const entry: DevtoolsEntry = { exchange, bodyState };
  const resourceType = resourceTypeOf(raw);
  if (resourceType !== undefined) entry.resourceType = resourceType;
  return entry;
}
