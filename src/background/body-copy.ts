// Which responses Firefox's webRequest.filterResponseData copies a body of.
// Pure: the stream filter lives in src/platform/response-filter.ts, the bytes-to-text step in body-bytes.ts.
// The same choice as the devtools page's (har-entry.ts wantsBody): every failure, and API-like
// successes (JSON and friends), where a 2xx body may still say it failed.
import type { CopyPlan } from '../platform/body-bytes';
import { plainHeaders, type WebRequestDetails } from './webrequest-events';

/** Success bodies larger than this are data, not failure envelopes (as SUCCESS_BODY_MAX_BYTES for DevTools). */
export const COPY_SUCCESS_MAX_BYTES = 1024 * 1024;

const API_MIME = /json|xml|graphql|^text\/plain|x-www-form-urlencoded|problem/i;
/** Failure bodies of these types carry no error envelope worth reading (a broken image's bytes). */
const BINARY_MIME = /^(image\/(?!svg)|audio\/|video\/|font\/)|^application\/(octet-stream|wasm|pdf|zip|font)/i;
/** Documents are the page itself, and a filter on them would hold back the page's first paint. */
const SKIPPED_TYPES = new Set(['main_frame', 'sub_frame', 'websocket', 'media', 'object', 'imageset', 'image', 'font']);

export type { CopyPlan };

function header(d: WebRequestDetails, name: string): string | undefined {
  return plainHeaders(d.responseHeaders).find((h) => h.name.toLowerCase() === name)?.value;
}

/** Whether to copy this response's body (from onHeadersReceived details), and how much of it. */
export function bodyCopyPlan(d: WebRequestDetails, capBytes: number): CopyPlan | null {
  const status = typeof d.statusCode === 'number' ? d.statusCode : 0;
  if (status === 0 || SKIPPED_TYPES.has(d.type)) return null;
  if (status === 204 || status === 304 || (status >= 100 && status < 200) || (status >= 300 && status < 400))
    return null;
  if (d.method?.toUpperCase() === 'HEAD') return null;
  const mime = (header(d, 'content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (status >= 400) return BINARY_MIME.test(mime) ? null : { capBytes };
  if (!API_MIME.test(mime)) return null;
  const length = Number(header(d, 'content-length'));
  if (Number.isFinite(length) && length > COPY_SUCCESS_MAX_BYTES) return null;
  return { capBytes };
}
