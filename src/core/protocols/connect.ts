// Connect: unary errors are JSON `{code, message, details:[{type, value, debug}]}` on a non-200 status,
// `code` one of 16 lower-case names with a fixed HTTP mapping. Streams (`application/connect+json`,
// `+proto`) are length-prefixed envelopes; the last one (flag 0x02) is the JSON end-of-stream message
// `{"error": {code, message, details}, "metadata": {…}}`, so a stream fails after a 200.
// Detail values are base64 (unpadded) protobuf: RetryInfo, ErrorInfo and RequestInfo are decoded.
// Sources: https://connectrpc.com/docs/protocol#error-end-stream ,
// https://github.com/connectrpc/conformance/blob/main/internal/app/connectconformance/testsuites/data/connect_client_error_endstream.yaml
import type { Extracted, FormatRecognizer, RecognizerContext } from '../types';
import { get, isRecord, str } from '../formats/util';
import { bodyBytes, decodeBase64Chunks, readEnvelopes, utf8Of } from './bytes';
import { connectCode, rpcRetryable } from './codes';
import { applyDetail, type StatusDetails } from './protobuf';

const MAX_DETAILS = 32;
const REQUEST_ID_KEY = /^(?:x-)?(?:request|correlation|trace)-?id$/i;

function detailsOf(value: unknown): StatusDetails {
  const out: StatusDetails = { types: [] };
  if (!Array.isArray(value)) return out;
  for (let i = 0; i < value.length && i < MAX_DETAILS; i++) {
    const d = value[i];
    const type = str(d, 'type');
    if (!type) continue;
    out.types.push(type);
    const raw = str(d, 'value');
    const bytes = raw ? decodeBase64Chunks(raw, 64 * 1024) : undefined;
    if (bytes) applyDetail(type, bytes.bytes, out);
    // `debug` is the detail as JSON, for humans; used when the value did not decode.
    const debug = get(d, 'debug');
    if (type === 'google.rpc.RetryInfo' && out.retryDelaySeconds === undefined) {
      const delay = str(debug, 'retryDelay');
      const m = delay ? /^(\d+(?:\.\d+)?)s$/.exec(delay) : null;
      if (m) out.retryDelaySeconds = Number(m[1]);
    }
    if (type === 'google.rpc.ErrorInfo' && !out.reason) out.reason = str(debug, 'reason');
    if (type === 'google.rpc.RequestInfo' && !out.requestId) out.requestId = str(debug, 'requestId');
  }
  return out;
}

/** The engine's fields for a Connect error object; `code` as sent, unknown codes read as `unknown`. */
export function connectError(error: Record<string, unknown>, notes: string[]): Extracted {
  const code = get(error, 'code');
  const sent = typeof code === 'string' && code !== '' ? code : undefined;
  const known = connectCode(sent) ?? connectCode('unknown')!;
  const details = detailsOf(get(error, 'details'));
  const out: Extracted = {
    protocol: 'connect',
    saysFailure: true,
    errorCode: sent ?? null,
    message: str(error, 'message') ?? details.localizedMessage ?? null,
    httpEquivalent: known.http,
    retryable: rpcRetryable(known.number, known.retryable, str(error, 'message') ?? details.localizedMessage),
    notes,
  };
  if (details.reason) notes.push(`Connect ErrorInfo reason ${details.reason}`);
  if (details.retryDelaySeconds !== undefined) {
    out.retryAfterSeconds = details.retryDelaySeconds;
    out.retryAfterField = 'details RetryInfo.retryDelay';
  }
  if (details.requestId) {
    out.errorId = details.requestId;
    out.errorIdField = 'details RequestInfo.requestId';
  }
  return out;
}

/**
 * The end-of-stream JSON of a stream captured as decoded text (HAR tools decode `application/connect+json`
 * as UTF-8, which changes byte counts and mangles length bytes ≥ 0x80): the text after the last 0x02 flag
 * character, from its first `{`. The end-of-stream message is always the last envelope.
 */
function endOfStreamByText(exchange: RecognizerContext['exchange']): unknown {
  const body = exchange.body;
  if (exchange.bodyEncoding === 'base64' || typeof body !== 'string') return undefined;
  const flag = body.lastIndexOf('\u0002');
  if (flag === -1) return undefined;
  const open = body.indexOf('{', flag + 1);
  if (open === -1 || open > flag + 5) return undefined;
  try {
    const json: unknown = JSON.parse(body.slice(open));
    return isRecord(json) ? json : undefined;
  } catch {
    return undefined;
  }
}

function endOfStream(ctx: RecognizerContext): Extracted | null {
  const notes: string[] = [];
  const raw = bodyBytes(ctx.exchange);
  if (!raw) return { protocol: 'connect' };
  const { envelopes } = readEnvelopes(raw.bytes);
  const end = envelopes.find((e) => (e.flags & 0x02) !== 0);
  const byText = end ? undefined : endOfStreamByText(ctx.exchange);
  if (byText !== undefined) {
    notes.push('Connect stream was captured as text; end-of-stream message found by its text');
    return endOfStreamMessage(byText, notes);
  }
  if (!end) {
    const last = envelopes[envelopes.length - 1];
    notes.push(
      last?.truncated
        ? 'Connect stream ends inside a message (truncated); no end-of-stream message'
        : 'Connect stream without an end-of-stream message',
    );
    return { protocol: 'connect', notes };
  }
  if (end.flags & 0x01)
    return { protocol: 'connect', notes: ['Connect end-of-stream message is compressed; not read'] };
  if (end.truncated) notes.push('Connect end-of-stream message is cut short');
  let json: unknown;
  try {
    json = JSON.parse(utf8Of(end.payload));
  } catch {
    return { protocol: 'connect', notes: [...notes, 'Connect end-of-stream message is not JSON'] };
  }
  return endOfStreamMessage(json, notes);
}

/** The engine's fields for an end-of-stream message `{error?, metadata?}`. */
function endOfStreamMessage(json: unknown, notes: string[]): Extracted {
  const error = get(json, 'error');
  if (!isRecord(error)) return { protocol: 'connect', saysSuccess: true };
  const out = connectError(error, notes);
  if (!out.errorId) {
    const metadata = get(json, 'metadata');
    if (isRecord(metadata)) {
      for (const key of Object.keys(metadata).slice(0, 64)) {
        if (!REQUEST_ID_KEY.test(key)) continue;
        const v = get(metadata, key);
        const id = Array.isArray(v) ? v[0] : v;
        if (typeof id === 'string' && id) {
          out.errorId = id.slice(0, 200);
          out.errorIdField = `metadata.${key}`;
          break;
        }
      }
    }
  }
  return out;
}

const CONNECT_ERROR_KEYS = new Set(['code', 'message', 'details']);

export const connect: FormatRecognizer = {
  id: 'connect',
  title: 'Connect error {code, message, details} and end-of-stream messages',
  priority: 83,
  kinds: ['json', 'binary', 'text'],
  keys: ['code'],
  // A unary error is a JSON object with `code`; an end-of-stream message needs the connect+ media type.
  gate: { mimePrefixes: ['application/connect+'], keys: ['code'] },
  recognize(ctx) {
    const { body } = ctx;
    if (body.kind === 'json') {
      const j = body.json;
      // Connect never sends an error with a 2xx; Twirp's `{code, msg}` is its own format.
      const code = isRecord(j) ? connectCode(get(j, 'code')) : undefined;
      if (ctx.exchange.status < 400 || !isRecord(j) || !code) return null;
      if (typeof get(j, 'msg') === 'string') return null;
      // `message` and `details` are optional: a lone `code` is a complete Connect error when the HTTP
      // status is the one the reference maps that code to.
      if (get(j, 'message') === undefined && get(j, 'details') === undefined && code.http !== ctx.exchange.status)
        return null;
      // The Connect error object has only these keys; an envelope with more (`type`, `status`, `request_id`) is a vendor's own.
      for (const key in j)
        if (Object.prototype.hasOwnProperty.call(j, key) && !CONNECT_ERROR_KEYS.has(key)) return null;
      return connectError(j, []);
    }
    if (!body.mimeType.startsWith('application/connect+')) return null;
    return endOfStream(ctx);
  },
};
