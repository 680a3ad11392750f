// Plain JSON data: a 2xx/3xx JSON object (or array of objects) with none of the top-level keys any error or success
// envelope uses. Claiming it first saves running every vendor recognizer on ordinary success bodies
// (the common case in a HAR). Anything else falls through; unrecognized JSON ends up as format
// 'json' through classify.ts's default (the body kind). formats.test.ts checks that this gate never
// hides a format the other recognizers would have found.

import type { FormatRecognizer } from '../types';
import { isRecord } from './util';

/**
 * Lowercased top-level keys of which every JSON-object recognizer requires at least one (e.g.
 * document360 needs `success`, Okta `errorCode`, Kubernetes `status`). Keys that only ever appear
 * next to one of these (`data`, `kind`, `title`, `timestamp`, `details`…) are deliberately absent.
 * The property test in formats.test.ts fails when a recognizer starts matching without one.
 */
export const SIGNAL_KEYS = new Set([
  'error', 'errors', 'errormessages', 'message', 'detail', 'success', 'ok', 'status', 'statuscode', 'code',
  'errorcode', 'errcode', '__type',
]);

const hasOwn = Object.prototype.hasOwnProperty;

/** Objects with more top-level keys than this are not scanned by the gate; the recognizers handle them. */
const MAX_GATE_KEYS = 64;

export const json: FormatRecognizer = {
  id: 'json',
  title: 'Plain JSON data (no error or success envelope)',
  priority: 99,
  kinds: ['json'],
  recognize({ body, exchange, header }) {
    if (body.kind !== 'json' || exchange.status >= 400 || exchange.status < 200) return null;
    let j = body.json;
    // A top-level array is judged by its first element (Salesforce and streamed Google errors are arrays).
    if (Array.isArray(j)) {
      if (j.length === 0 || !isRecord(j[0])) return {};
      j = j[0];
      // Batched RPC answers (JSON-RPC, tRPC, GraphQL): a success first says nothing about the rest.
      if (isRecord(j) && (hasOwn.call(j, 'jsonrpc') || hasOwn.call(j, 'result') || hasOwn.call(j, 'data'))) return null;
    }
    if (!isRecord(j)) return null;
    // Media types and headers that identify a format regardless of keys.
    if (body.mimeType.includes('problem') || body.mimeType.includes('vnd.api') || header('x-amzn-errortype') !== undefined) return null;
    let n = 0;
    for (const key in j) {
      if (!Object.prototype.hasOwnProperty.call(j, key)) continue;
      if (++n > MAX_GATE_KEYS || SIGNAL_KEYS.has(key.toLowerCase())) return null;
    }
    return {};
  },
};
