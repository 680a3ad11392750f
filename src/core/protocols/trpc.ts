// tRPC v10/v11: an error is `{error:{message, code, data:{code, httpStatus, path, stack?, zodError?}}}`,
// with superjson (or another transformer) wrapping it as `{error:{json:{…}}}`. httpBatchLink answers a
// batch with an array of `{result:{data}}` / `{error}` in call order (HTTP 207 when mixed).
// errorCode = data.code ("UNAUTHORIZED"); retryability follows data.httpStatus (else the code's status).
// Streamed batches: v10's unstable_httpBatchStreamLink writes one object keyed by call index
// (`{"1":{…}\n,"0":{…}\n}`); v11's httpBatchStreamLink writes JSON Lines: a head line mapping each call
// index to a placeholder `[[0],[null, 0, chunk]]`, then one `[chunk, 0, [[response]]]` line per call as it
// settles (`[chunk, 1]` when it rejected), each line `{json: …}` under superjson.
// Sources: https://trpc.io/docs/server/error-handling , https://trpc.io/docs/rpc ,
// https://github.com/trpc/trpc/blob/main/packages/server/src/unstable-core-do-not-import/rpc/codes.ts ,
// https://github.com/trpc/trpc/blob/main/packages/server/src/unstable-core-do-not-import/stream/jsonl.ts
import type { Extracted, FieldError, FormatRecognizer, OperationFailure } from '../types';
import { get, has, isRecord, num, str, text } from '../formats/util';
import { retryableHttp } from './codes';
import { idText, MAX_BATCH_ELEMENTS, OperationList } from './operations';

const HTTP_BY_CODE: Readonly<Record<string, number>> = {
  PARSE_ERROR: 400,
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  PAYMENT_REQUIRED: 402,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_SUPPORTED: 405,
  TIMEOUT: 408,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE_CONTENT: 422,
  TOO_MANY_REQUESTS: 429,
  CLIENT_CLOSED_REQUEST: 499,
  INTERNAL_SERVER_ERROR: 500,
  NOT_IMPLEMENTED: 501,
  BAD_GATEWAY: 502,
  SERVICE_UNAVAILABLE: 503,
  GATEWAY_TIMEOUT: 504,
};
const MAX_FIELD_ERRORS = 50;

/** tRPC's HTTP status for its code; own keys only (`constructor` is not a code). */
function httpOfCode(code: unknown): number | undefined {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(HTTP_BY_CODE, code)
    ? HTTP_BY_CODE[code]
    : undefined;
}

interface TrpcError {
  code: string;
  message: string | undefined;
  path: string | undefined;
  http: number;
  retryable: boolean;
  fieldErrors: FieldError[];
}

/** The error shape inside `error` (or `error.json`), or undefined when it is not tRPC's. */
function errorShape(error: unknown): Record<string, unknown> | undefined {
  if (!isRecord(error)) return undefined;
  const inner = isRecord(get(error, 'json')) ? (get(error, 'json') as Record<string, unknown>) : error;
  const data = get(inner, 'data');
  if (typeof get(inner, 'code') !== 'number' || !isRecord(data) || typeof get(data, 'code') !== 'string')
    return undefined;
  // An errorFormatter may drop httpStatus and path: a JSON-RPC-range number beside one of tRPC's own codes still is tRPC.
  if (typeof get(data, 'httpStatus') !== 'number' && !has(data, 'path')) {
    const n = get(inner, 'code') as number;
    if (!(n <= -32000 && n >= -32768 && httpOfCode(get(data, 'code')) !== undefined)) return undefined;
  }
  return inner;
}

/** Zod issues: `data.zodError.fieldErrors` (flattened), else a message that is the JSON list of issues. */
function zodFieldErrors(
  shape: Record<string, unknown>,
  message: string | undefined,
): { fieldErrors: FieldError[]; message?: string } {
  const out: FieldError[] = [];
  const flat = get(get(get(shape, 'data'), 'zodError'), 'fieldErrors');
  if (isRecord(flat)) {
    for (const field of Object.keys(flat).slice(0, MAX_FIELD_ERRORS)) {
      const msgs = get(flat, field);
      const first = Array.isArray(msgs) ? text(msgs[0]) : text(msgs);
      if (first) out.push({ field, message: first });
    }
    // The message beside a flattened `zodError` is still the JSON list of issues (zod's `ZodError.message`):
    // shown as the issues' own sentences, never as the JSON text.
    if (!message || !message.startsWith('[')) return { fieldErrors: out };
    const issues = zodFieldErrors({}, message);
    if (issues.message) return { fieldErrors: out.length ? out : issues.fieldErrors, message: issues.message };
    return out.length ? { fieldErrors: out, message: joinFieldErrors(out) } : { fieldErrors: out };
  }
  if (!message || !message.startsWith('[') || message.length > 100_000) return { fieldErrors: out };
  let issues: unknown;
  try {
    issues = JSON.parse(message);
  } catch {
    return { fieldErrors: out };
  }
  if (!Array.isArray(issues)) return { fieldErrors: out };
  for (const issue of issues.slice(0, MAX_FIELD_ERRORS)) {
    const m = str(issue, 'message');
    const path = get(issue, 'path');
    if (m)
      out.push({
        field: Array.isArray(path) ? path.filter((p) => typeof p === 'string' || typeof p === 'number').join('.') : '',
        message: m,
      });
  }
  return out.length ? { fieldErrors: out, message: joinFieldErrors(out) } : { fieldErrors: out };
}

const joinFieldErrors = (errors: readonly FieldError[]): string =>
  errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; ');

function errorOf(element: unknown): TrpcError | undefined {
  const shape = errorShape(get(element, 'error'));
  if (!shape) return undefined;
  const data = get(shape, 'data');
  const code = str(data, 'code')!;
  const status = num(data, 'httpStatus');
  const http = status !== undefined && status >= 400 && status <= 599 ? status : (httpOfCode(code) ?? 500);
  const raw = text(get(shape, 'message'));
  const zod = zodFieldErrors(shape, raw);
  return {
    code,
    message: zod.message ?? raw,
    path: idText(get(data, 'path')),
    http,
    retryable: retryableHttp(http),
    fieldErrors: zod.fieldErrors,
  };
}

function extracted(err: TrpcError): Extracted {
  const out: Extracted = {
    protocol: 'trpc',
    saysFailure: true,
    errorCode: err.code,
    message: err.message ?? null,
    httpEquivalent: err.http,
    retryable: err.retryable,
  };
  if (err.fieldErrors.length) out.fieldErrors = err.fieldErrors;
  return out;
}

/** A batch element: `{result: {data}}` or a tRPC error. */
function isElement(value: unknown): boolean {
  if (!isRecord(value)) return false;
  // A tRPC result always wraps `data` (`{result: {data}}`, `{result: {type: "data", data}}`); a JSON-RPC batch's
  // `{jsonrpc: "2.0", id, result: {…}}` is the JSON-RPC recognizer's.
  const result = get(value, 'result');
  if (isRecord(result)) return 'data' in result || 'type' in result || !('jsonrpc' in value);
  return errorShape(get(value, 'error')) !== undefined;
}

function batch(list: unknown[]): Extracted | null {
  return isElement(list[0]) ? operationsOf(list, []) : null;
}

/** The batch's failed calls; `list` holds the responses in call order (undefined: none arrived). */
function operationsOf(list: unknown[], notes: string[]): Extracted {
  const ops = new OperationList();
  let first: TrpcError | undefined;
  const read = Math.min(list.length, MAX_BATCH_ELEMENTS);
  for (let i = 0; i < read; i++) {
    const err = errorOf(list[i]);
    if (!err) continue;
    const op: OperationFailure = {
      index: i,
      failure: true,
      errorCode: err.code,
      message: err.message ?? null,
      retryable: err.retryable,
    };
    if (err.path !== undefined) op.path = err.path;
    ops.add(op);
    first ??= err;
  }
  const summary = ops.summary(list.length, read, 'tRPC');
  if (notes.length) summary.notes = [...(summary.notes ?? []), ...notes];
  if (!first) return { protocol: 'trpc', saysSuccess: true, ...summary };
  return { ...extracted(first), ...summary };
}

const INDEX_KEY = /^(?:0|[1-9]\d{0,5})$/;

/** v10 stream: `{"0": element, "1": element, …}` with every key a call index; the elements in call order. */
function indexKeyed(j: Record<string, unknown>): unknown[] | undefined {
  const out: unknown[] = [];
  let n = 0;
  for (const key in j) {
    if (++n > MAX_BATCH_ELEMENTS || !INDEX_KEY.test(key)) return undefined;
    out[Number(key)] = j[key];
  }
  for (let i = 0; i < out.length; i++) if (!(i in out)) return undefined;
  return out.length && isElement(out[0]) ? out : undefined;
}

const MAX_STREAM_LINES = MAX_BATCH_ELEMENTS + 1;
/** superjson (and other transformers) wrap every line as `{json: …}`. */
const unwrap = (v: unknown): unknown =>
  isRecord(v) && has(v, 'json') && Object.keys(v).every((k) => k === 'json' || k === 'meta') ? get(v, 'json') : v;

/** The value a hydrated `[[value], …defs]` carries. */
const hydratedValue = (v: unknown): unknown => (Array.isArray(v) && Array.isArray(v[0]) ? v[0][0] : undefined);

/**
 * v11 JSON Lines: the calls' responses in call order, or undefined when the text is not such a stream.
 * A call whose chunk never arrived or was rejected has no response; it is named in the notes.
 */
function jsonLinesBatch(textBody: string): { list: unknown[]; notes: string[] } | undefined {
  const lines = textBody.split('\n', MAX_STREAM_LINES + 1);
  let head: unknown;
  try {
    head = unwrap(JSON.parse(lines[0]));
  } catch {
    return undefined;
  }
  if (!isRecord(head) || !('0' in head)) return undefined;
  // call index → chunk id (a placeholder) or the response itself (inline)
  const calls: Array<{ chunk?: number; value?: unknown }> = [];
  for (const key in head) {
    if (!INDEX_KEY.test(key) || calls.length >= MAX_BATCH_ELEMENTS) return undefined;
    const def = get(head, key);
    if (!Array.isArray(def) || !Array.isArray(def[0])) return undefined;
    const chunk = Array.isArray(def[1]) && def[1][0] === null && typeof def[1][2] === 'number' ? def[1][2] : undefined;
    calls[Number(key)] = chunk !== undefined ? { chunk } : { value: def[0][0] };
  }
  const settled = new Map<number, { status: number; value: unknown }>();
  for (let i = 1; i < lines.length && i <= MAX_STREAM_LINES; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    let chunk: unknown;
    try {
      chunk = unwrap(JSON.parse(line));
    } catch {
      continue;
    }
    if (!Array.isArray(chunk) || typeof chunk[0] !== 'number' || typeof chunk[1] !== 'number') continue;
    if (!settled.has(chunk[0])) settled.set(chunk[0], { status: chunk[1], value: hydratedValue(chunk[2]) });
  }
  const list: unknown[] = [];
  let missing = 0;
  let rejected = 0;
  for (let i = 0; i < calls.length; i++) {
    const call = calls[i];
    if (call === undefined) return undefined;
    if (call.chunk === undefined) {
      list.push(call.value);
      continue;
    }
    const got = settled.get(call.chunk);
    if (!got) missing++;
    else if (got.status !== 0) rejected++;
    list.push(got && got.status === 0 ? got.value : undefined);
  }
  const notes: string[] = [];
  if (missing) notes.push(`tRPC stream: ${missing} of ${calls.length} calls have no response line (stream cut short?)`);
  if (rejected) notes.push(`tRPC stream: ${rejected} of ${calls.length} calls were rejected without an error shape`);
  return list.some(isElement) ? { list, notes } : undefined;
}

/**
 * A tRPC error shape on its own (`{message, code, data}`, or `{json: shape}` under superjson), as
 * httpSubscriptionLink's `event: serialized-error` carries it; undefined when it is not one.
 */
export function trpcShapeError(shape: unknown): Extracted | undefined {
  const err = errorOf({ error: shape });
  return err ? extracted(err) : undefined;
}

export const trpc: FormatRecognizer = {
  id: 'trpc',
  title: 'tRPC {error:{json?:{message, code, data:{code, httpStatus, path}}}}, single and batched',
  priority: 87,
  kinds: ['json', 'text'],
  // `0`: the first call of a v10 stream's index-keyed object.
  keys: ['error', '0'],
  recognize({ body }) {
    if (body.kind === 'text') {
      const stream = body.text.startsWith('{') ? jsonLinesBatch(body.text) : undefined;
      return stream ? operationsOf(stream.list, stream.notes) : null;
    }
    const j = body.json;
    if (Array.isArray(j)) return j.length ? batch(j) : null;
    const err = errorOf(j);
    if (err) return extracted(err);
    const streamed = isRecord(j) ? indexKeyed(j) : undefined;
    return streamed ? batch(streamed) : null;
  },
};
