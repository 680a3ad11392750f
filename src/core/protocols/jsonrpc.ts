// JSON-RPC 2.0: `{jsonrpc:"2.0", id, error:{code, message, data}}`, usually on HTTP 200, alone or in a
// batch (an array answering an array of calls, successes and failures mixed, in any order).
// errorCode = String(error.code). The client's `id` pairs answer and call; it is not a support ID.
// Code semantics: -32700/-32600/-32602 fix the request, -32601 the method does not exist, -32603
// internal error; -32000..-32099 are server errors, among them EIP-1474's provider codes
// (-32005 limit exceeded: retry after the wait in `data` when given).
// Sources: https://www.jsonrpc.org/specification#error_object , https://www.jsonrpc.org/specification#batch ,
// https://eips.ethereum.org/EIPS/eip-1474#error-codes
import type { Extracted, FormatRecognizer, OperationFailure } from '../types';
import { compact, durationSeconds, get, has, isRecord, text } from '../formats/util';
import { isGenericMessage } from '../infer/dictionaries';
import { retryableHttp, transportRetries } from './codes';
import { idText, MAX_BATCH_ELEMENTS, OperationList } from './operations';

const STANDARD: Readonly<Record<number, number>> = {
  [-32700]: 400, // parse error
  [-32600]: 400, // invalid request
  [-32601]: 501, // method not found
  [-32602]: 400, // invalid params
  [-32603]: 500, // internal error
  // EIP-1474
  [-32000]: 400, // invalid input
  [-32001]: 404, // resource not found
  // -32002 is EIP-1474's "resource unavailable" but Solana's failed preflight: the message decides
  // (TRANSIENT wording makes it a 503), a fault of the request otherwise.
  [-32002]: 400,
  [-32003]: 400, // transaction rejected
  [-32004]: 501, // method not supported
  // -32005 "limit exceeded" is mostly a size limit (too many results, request too large): fix the
  // request. Worded as a rate limit, or with a wait in `data`, it is a 429.
  [-32005]: 400,
  [-32006]: 400, // JSON-RPC version not supported
};

const RATE_LIMITED =
  /rate.?limit|too many requests|request rate|rate exceeded|throttl|daily request count|requests? limit reached|\/\s?second|per second/i;
/** Transient server states, blockchain nodes' included (warming up, behind the chain tip, syncing). */
const TRANSIENT =
  /timed? ?out|temporar|unavailable|try again|overload|busy|header not found|server error|internal error|warm(?:ing)? ?up|loading|starting up|\bbehind\b|syncing|not (?:yet )?synced/i;

/**
 * The HTTP status a JSON-RPC error code stands for; the message refines it. Undefined for an
 * application's own code (outside the reserved range) that says nothing transient.
 */
export function jsonRpcHttp(code: number, message: string | undefined): number | undefined {
  if (message && RATE_LIMITED.test(message)) return 429;
  if (code >= 400 && code <= 599 && Number.isInteger(code)) return code;
  const transient = message !== undefined && TRANSIENT.test(message);
  const reserved = code <= -32000 && code >= -32768;
  if (transient && code !== -32601 && code !== -32602 && code !== -32700 && code !== -32600) return 503;
  const known = STANDARD[code];
  if (known !== undefined) return known;
  // Other implementation-defined server errors (-32000..-32099) are application errors in practice
  // (Solana's skipped slot, a reverted call): not worth a blind re-send.
  return reserved ? 400 : undefined;
}

const WAIT_KEYS: ReadonlyArray<[string, number]> = [
  ['retryAfter', 1],
  ['retry_after', 1],
  ['retryAfterSeconds', 1],
  ['retry_after_seconds', 1],
  ['backoff_seconds', 1],
  ['retryAfterMs', 0.001],
  ['retry_after_ms', 0.001],
];

/** A wait in `error.data` (or one level down, e.g. `data.rate.backoff_seconds`). */
function waitIn(data: unknown): { seconds: number; field: string } | undefined {
  const scan = (obj: unknown, prefix: string): { seconds: number; field: string } | undefined => {
    if (!isRecord(obj)) return undefined;
    for (const [key, scale] of WAIT_KEYS) {
      const v = get(obj, key);
      const s = typeof v === 'number' ? (Number.isFinite(v) && v >= 0 ? v : undefined) : durationSeconds(v);
      if (s !== undefined) return { seconds: s * scale, field: `${prefix}${key}` };
    }
    return undefined;
  };
  const direct = scan(data, 'error.data.');
  if (direct || !isRecord(data)) return direct;
  let n = 0;
  for (const key in data) {
    if (++n > 32) break;
    const found = scan(get(data, key), `error.data.${key}.`);
    if (found) return found;
  }
  return undefined;
}

interface RpcError {
  code: string;
  message: string | undefined;
  http: number | undefined;
  retryable: boolean | undefined;
  wait?: { seconds: number; field: string };
}

/**
 * `error.data` as prose worth showing (Zabbix puts the detail there, geth-style servers an object's
 * `message`), not hex (an EVM revert) or a blob.
 */
function dataText(data: unknown): string | undefined {
  const t = isRecord(data)
    ? (text(get(data, 'message')) ?? text(get(data, 'reason')) ?? text(get(data, 'details')))
    : text(data);
  if (!t || t.length > 1000 || /^0x[0-9a-f]*$/i.test(t)) return undefined;
  return t;
}

/** `error.cause.name` when it is an upper-case token (`UNKNOWN_ACCOUNT`), as verror-style servers send it. */
function causeName(error: Record<string, unknown>): string | undefined {
  const name = text(get(get(error, 'cause'), 'name'));
  return name !== undefined && /^[A-Z][A-Z0-9_]{2,60}$/.test(name) ? name : undefined;
}

function errorOf(response: unknown, status: number): RpcError | undefined {
  const err = codeError(response);
  // No verdict then: the exchange is judged by its status (a batch operation still reads as not retryable).
  return err && err.retryable === false && transportRetries(status) ? { ...err, retryable: undefined } : err;
}

function codeError(response: unknown): RpcError | undefined {
  const error = get(response, 'error');
  if (!isRecord(error)) return undefined;
  const raw = get(error, 'code');
  const code =
    typeof raw === 'number' && Number.isFinite(raw)
      ? raw
      : typeof raw === 'string' && /^-?\d{1,12}$/.test(raw)
        ? Number(raw)
        : undefined;
  if (code === undefined) return undefined;
  const base = text(get(error, 'message'));
  const data = get(error, 'data');
  const detail = dataText(data);
  // "Server error" beside a specific detail only wraps it: the detail's wording decides.
  const http = jsonRpcHttp(code, detail && (!base || isGenericMessage(base)) ? detail : base);
  const message =
    base && detail && !base.includes(detail)
      ? `${base}${/[.:!?]$/.test(base) ? ' ' : ': '}${detail}`
      : (base ?? detail);
  // A wait in `data` makes any code a rate limit.
  const wait = waitIn(data);
  if (wait)
    return { code: String(code), message, http: http === undefined || http < 500 ? 429 : http, retryable: true, wait };
  // verror convention (NEAR): `{name: "HANDLER_ERROR", cause: {name: "UNKNOWN_ACCOUNT"}, code: -32000}`; the
  // cause names the error and the numeric code is a legacy catch-all. A transient cause is a 503, an
  // internal one a 500, any other a fault of the request.
  const cause = causeName(error);
  if (cause) {
    const causeHttp = TRANSIENT.test(cause.replace(/_/g, ' '))
      ? 503
      : /INTERNAL/.test(`${cause} ${text(get(error, 'name')) ?? ''}`)
        ? 500
        : 400;
    return { code: cause, message, http: causeHttp, retryable: retryableHttp(causeHttp) };
  }
  // The code decides, not the transport: JSON-RPC servers send every error with the same HTTP status
  // (Bitcoin Core: 500), so an app's own code that says nothing transient is not worth a re-send; unless the
  // status is a gateway's retry verdict (errorOf).
  return { code: String(code), message, http, retryable: http === undefined ? false : retryableHttp(http) };
}

/** A JSON-RPC response object: `jsonrpc: "2.0"`, or a 1.0-style `{id, result|error}` with nothing else. */
function isResponse(value: unknown): boolean {
  if (!isRecord(value)) return false;
  if (get(value, 'jsonrpc') === '2.0') return true;
  if (!has(value, 'id') || !(has(value, 'result') || has(value, 'error'))) return false;
  for (const key in value) if (key !== 'id' && key !== 'result' && key !== 'error' && key !== 'jsonrpc') return false;
  return true;
}

function single(j: Record<string, unknown>, status: number): Extracted | null {
  if (!isResponse(j)) return null;
  const err = errorOf(j, status);
  // A lone success is plain data: the json gate claims it for 2xx, and it needs no label.
  if (!err) return null;
  const out: Extracted = compact({
    protocol: 'jsonrpc' as const,
    saysFailure: true,
    errorCode: err.code,
    message: err.message ?? null,
    httpEquivalent: err.http,
    retryable: err.retryable,
  });
  if (err.wait) {
    out.retryAfterSeconds = err.wait.seconds;
    out.retryAfterField = err.wait.field;
  }
  return out;
}

function batch(list: unknown[], status: number): Extracted | null {
  if (!isResponse(list[0])) return null;
  const ops = new OperationList();
  let first: { err: RpcError; response: unknown } | undefined;
  const read = Math.min(list.length, MAX_BATCH_ELEMENTS);
  for (let i = 0; i < read; i++) {
    const response = list[i];
    const err = errorOf(response, status);
    if (!err) continue;
    const op: OperationFailure = {
      index: i,
      failure: true,
      errorCode: err.code,
      message: err.message ?? null,
      retryable: err.retryable ?? false,
    };
    const id = idText(get(response, 'id'));
    if (id !== undefined) op.id = id;
    ops.add(op);
    first ??= { err, response };
  }
  const summary = ops.summary(list.length, read, 'JSON-RPC');
  if (!first) return { protocol: 'jsonrpc', saysSuccess: true, ...summary };
  const out: Extracted = compact({
    protocol: 'jsonrpc' as const,
    saysFailure: true,
    errorCode: first.err.code,
    message: first.err.message ?? null,
    httpEquivalent: first.err.http,
    retryable: first.err.retryable,
    ...summary,
  });
  const wait = first.err.wait;
  if (wait) {
    out.retryAfterSeconds = wait.seconds;
    out.retryAfterField = wait.field.replace(/^error\./, `[${ops.list[0].index}].error.`);
  }
  return out;
}

export const jsonRpc: FormatRecognizer = {
  id: 'jsonrpc',
  title: 'JSON-RPC 2.0 {jsonrpc, id, error:{code, message, data}}, single and batched',
  priority: 86,
  kinds: ['json'],
  keys: ['jsonrpc', 'id'],
  recognize({ body, exchange }) {
    const j = body.json;
    if (Array.isArray(j)) return j.length ? batch(j, exchange.status) : null;
    return isRecord(j) ? single(j, exchange.status) : null;
  },
};
