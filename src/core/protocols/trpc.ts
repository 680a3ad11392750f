// tRPC v10/v11: an error is `{error:{message, code, data:{code, httpStatus, path, stack?, zodError?}}}`,
// with superjson (or another transformer) wrapping it as `{error:{json:{…}}}`. httpBatchLink answers a
// batch with an array of `{result:{data}}` / `{error}` in call order (HTTP 207 when mixed).
// errorCode = data.code ("UNAUTHORIZED"); retryability follows data.httpStatus (else the code's status).
// Sources: https://trpc.io/docs/server/error-handling , https://trpc.io/docs/rpc ,
// https://github.com/trpc/trpc/blob/main/packages/server/src/unstable-core-do-not-import/rpc/codes.ts
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
  return isRecord(value) && (isRecord(get(value, 'result')) || errorShape(get(value, 'error')) !== undefined);
}

function batch(list: unknown[]): Extracted | null {
  if (!isElement(list[0])) return null;
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
  if (!first) return { protocol: 'trpc', saysSuccess: true, ...summary };
  return { ...extracted(first), ...summary };
}

export const trpc: FormatRecognizer = {
  id: 'trpc',
  title: 'tRPC {error:{json?:{message, code, data:{code, httpStatus, path}}}}, single and batched',
  priority: 87,
  kinds: ['json'],
  keys: ['error'],
  recognize({ body }) {
    const j = body.json;
    if (Array.isArray(j)) return j.length ? batch(j) : null;
    const err = errorOf(j);
    return err ? extracted(err) : null;
  },
};
