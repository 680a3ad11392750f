// The list row of a record: what the panel's list needs (columns, filters, grouping, the summary
// and the audit badges) and nothing more, so opening a panel on many records posts little. The
// detail, copies and exports need the full record and ask for it (issue 18).
import { callSiteOf } from '../core/callsite';
import { bodyHash, credentialsFingerprint } from '../core/fingerprint';
import { headerValue } from '../core/headers';
import type { Exchange, HeaderList } from '../core/types';
import type { CaptureRecord, RequestRecord } from './messages';

/**
 * Response bodies up to this many characters stay in the row: the contract check (a `spec:`
 * filter, grouping, the tooltip) reads them. Error bodies are small; a larger body is a page or a
 * download, and its row is checked from its status and content type until its detail opens.
 */
export const ROW_BODY_CHARS = 8 * 1024;

/** Request headers the list reads: the audit's "re-sent without an Idempotency-Key". */
const ROW_REQUEST_HEADERS = ['idempotency-key', 'x-idempotency-key', 'paypal-request-id'] as const;
/** Response headers the list reads: the size column and the contract check's content type. */
const ROW_RESPONSE_HEADERS = ['content-type', 'content-length'] as const;

/** A request record cut to its list row. `listOnly` says the full record must be asked for. */
export type ListRequestRecord = RequestRecord & { listOnly: true };
export type ListRecord = ListRequestRecord | Exclude<CaptureRecord, RequestRecord>;

export function isListOnly(record: CaptureRecord): record is ListRequestRecord {
  return record.kind === 'request' && (record as Partial<ListRequestRecord>).listOnly === true;
}

function pick(headers: HeaderList | undefined, names: readonly string[]): Array<{ name: string; value: string }> {
  const out: Array<{ name: string; value: string }> = [];
  for (const name of names) {
    const value = headerValue(headers, name);
    if (value !== undefined) out.push({ name, value });
  }
  return out;
}

function rowExchange(x: Exchange, bodyChars: number): Exchange {
  const {
    requestHeaders,
    requestBody,
    responseHeaders,
    body,
    bodyEncoding,
    callStack,
    preflight: _preflight,
    ...rest
  } = x;
  const rowResponseHeaders = pick(responseHeaders, ROW_RESPONSE_HEADERS);
  const row: Exchange = {
    ...rest,
    requestHeaders: pick(requestHeaders, ROW_REQUEST_HEADERS),
    responseHeaders: rowResponseHeaders,
    // What the audit compares, computed as it would from the full exchange.
    requestBodyHash: x.requestBodyHash ?? bodyHash(requestBody),
  };
  const credentials = x.credentialsFingerprint ?? credentialsFingerprint(requestHeaders);
  if (credentials !== undefined) row.credentialsFingerprint = credentials;
  if (body !== undefined && body.length <= bodyChars) {
    row.body = body;
    if (bodyEncoding) row.bodyEncoding = bodyEncoding;
  } else if (body !== undefined && headerValue(responseHeaders, 'content-length') === undefined) {
    // The size column falls back to the body's length: keep the figure without the body.
    rowResponseHeaders.push({ name: 'content-length', value: String(body.length) });
  }
  // The initiator column shows one frame: the call site.
  const site = callSiteOf(callStack);
  if (site) row.callStack = [site];
  return row;
}

/** The list row of a record; navigation markers are small and go as they are. One argument, so `map(toListRecord)` is safe. */
export function toListRecord(record: CaptureRecord): ListRecord {
  return listRecordKeeping(record, ROW_BODY_CHARS);
}

/** The list row of a record keeping response bodies up to `bodyChars` (an imported file's rows keep none unless a spec is loaded). */
export function listRecordKeeping(record: CaptureRecord, bodyChars: number): ListRecord {
  if (record.kind !== 'request') return record;
  return { ...record, exchange: rowExchange(record.exchange, bodyChars), listOnly: true };
}
