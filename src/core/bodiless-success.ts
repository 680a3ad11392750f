// A bodiless success decided before the exchange is copied (issue 18). Most traffic is a 2xx/3xx
// without a body (HAR entries without content, beacons, redirects); its classification follows from the
// status, the method and the few response headers the routing's gates name. So the fields are read
// once, as normalizeExchange's copy reads them, but no header list is copied or indexed, no body view
// is built and no recognizer is called. Anything this module does not settle returns null and classify
// takes the full path, which also writes the notes of a field that cannot be read.
import { mimeEssence } from './body';
import { IDEMPOTENT_METHODS } from './idempotency';
import type { RouteTable } from './routing';
import { statusSemantics } from './status';
import type { Classification } from './types';

/** The action of every success. */
export const SUCCESS_ACTION = 'Nothing to do: the request succeeded.';

export type BodilessKind = 'empty' | 'not-captured';

/** What classify knows that this module asks about. */
export interface BodilessGates {
  /** The registry's routing table of a body kind. */
  route(kind: BodilessKind): RouteTable;
  /** False only when no built-in rule can match the URL's host. */
  mayHaveRule(url: string): boolean;
}

/**
 * Per route table: whether the only recognizers it admits without a gate are the kind's own marker
 * (`empty`, `not-captured`: they return `{}`, so the format is the kind). Otherwise this path is off.
 */
const markersOnly = new WeakMap<RouteTable, boolean>();

function onlyMarkers(table: RouteTable): boolean {
  let known = markersOnly.get(table);
  if (known === undefined) {
    known = true;
    for (let i = 0; i < table.list.length; i++)
      if ((table.ungated[i >>> 5] & (1 << (i & 31))) !== 0 && table.list[i].id !== table.kind) known = false;
    markersOnly.set(table, known);
  }
  return known;
}

/**
 * Reads each entry's name and value once (as headerEntries does, so a throwing entry throws here too)
 * and returns the content-type value, or null when a gate header is present, a content-type is
 * repeated or not a string, or the list is not an array: the full path then decides.
 */
function contentTypeOf(list: unknown, gateHeaders: RouteTable['gateHeaders']): string | undefined | null {
  if (list === undefined) return undefined;
  if (!Array.isArray(list)) return null;
  let contentType: string | undefined;
  const n = list.length;
  for (let i = 0; i < n; i++) {
    const item: unknown = list[i];
    if (item == null || typeof item !== 'object') continue;
    const name = (item as { name?: unknown }).name;
    const value = (item as { value?: unknown }).value;
    if (typeof name !== 'string') continue;
    const length = name.length;
    for (let g = 0; g < gateHeaders.length; g++) {
      const gate = gateHeaders[g][0];
      if (length === gate.length && name.toLowerCase() === gate) return null;
    }
    if (length === 12 && name.toLowerCase() === 'content-type') {
      if (contentType !== undefined || typeof value !== 'string') return null;
      contentType = value;
    }
  }
  return contentType;
}

/** Reads each entry's name and value once, as headerEntries does; false when the list is not an array. */
function readEntries(list: unknown): boolean {
  if (list === undefined) return true;
  if (!Array.isArray(list)) return false;
  const n = list.length;
  for (let i = 0; i < n; i++) {
    const item: unknown = list[i];
    if (item == null || typeof item !== 'object') continue;
    void (item as { name?: unknown }).name;
    void (item as { value?: unknown }).value;
  }
  return true;
}

/** Whether a gated recognizer of `table` is admitted by this media type (routing.ts `candidates`). */
function gateOpenByMedia(table: RouteTable, mime: string, contentType: string | undefined): boolean {
  for (let i = 0; i < table.gateMimes.length; i++) if (mime.startsWith(table.gateMimes[i][0])) return true;
  if (table.gateMediaIncludes.length) {
    const lower = contentType?.toLowerCase() ?? '';
    for (let i = 0; i < table.gateMediaIncludes.length; i++) {
      const text = table.gateMediaIncludes[i][0];
      if (mime.includes(text) || lower.includes(text)) return true;
    }
  }
  return false;
}

/**
 * The classification of a plain exchange that is a bodiless success by an idempotent method, or null
 * when the full path must decide: a browser error, a body, a cut body, a non-idempotent method, an
 * origin (a CORS check), a lost outcome, a header or media type a gate names, a host a built-in rule
 * may match, or anything that throws.
 */
export function bodilessSuccess(input: unknown, gates: BodilessGates): Classification | null {
  try {
    if (input === null || typeof input !== 'object') return null;
    const proto: unknown = Object.getPrototypeOf(input);
    if (proto !== Object.prototype && proto !== null) return null;
    const o = input as Record<string, unknown>;
    // The fields that rule this path out most often first (a failure, a body); then every other field
    // the copy reads (copyPlain, exchangeOf), so one that throws sends the exchange to the full path.
    const status = o.status;
    if (typeof status !== 'number' || !Number.isInteger(status) || status < 200 || status >= 400) return null;
    const error = o.error;
    if (error != null && error !== false) return null;
    const body = o.body;
    if (body !== undefined && body !== '') return null;
    const method = o.method;
    if (typeof method !== 'string' || !IDEMPOTENT_METHODS.has(method.toUpperCase())) return null;
    const url = o.url;
    if (typeof url !== 'string') return null;
    if (o.bodyTruncated === true) return null;
    if (!readEntries(o.requestHeaders)) return null;
    const responseHeaders = o.responseHeaders;
    void o.statusText;
    void o.bodyEncoding;
    void o.startedAt;
    void o.durationMs;
    const mimeType = o.mimeType;
    void o.requestBody;
    // Read after the copy by classify: a lost outcome adds a note, an origin a CORS check.
    if (o.outcomeLost != null || o.origin != null) return null;

    const kind: BodilessKind = body === '' ? 'empty' : 'not-captured';
    const table = gates.route(kind);
    if (!onlyMarkers(table)) return null;
    const contentType = contentTypeOf(responseHeaders, table.gateHeaders);
    if (contentType === null) return null;
    const mime = mimeEssence(mimeType) || mimeEssence(contentType);
    if (gateOpenByMedia(table, mime, contentType)) return null;
    if (gates.mayHaveRule(url)) return null;
    // The full path's success literal (classify.ts), field for field and in its order.
    return {
      failure: false,
      kind: 'none',
      status: statusSemantics(status),
      format: kind,
      errorCode: null,
      errorId: null,
      errorIdSource: null,
      message: null,
      fieldErrors: [],
      retryable: false,
      retryAfterSeconds: null,
      retryAfterSource: null,
      idempotent: true,
      idempotencySource: 'method',
      verdict: 'none',
      backoff: null,
      action: SUCCESS_ACTION,
      requestIdHeaders: [],
      notes: [],
    };
  } catch {
    return null;
  }
}
