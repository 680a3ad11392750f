// The canonical RPC status codes shared by gRPC, gRPC-web, Connect and Twirp, with the HTTP status
// each stands for and whether an unchanged re-send can succeed. The advice engine reads a 2xx that
// carries one of these as if it were the equivalent HTTP status (UNAVAILABLE → 503).
// Sources: https://github.com/googleapis/googleapis/blob/master/google/rpc/code.proto (HTTP mapping),
// https://grpc.github.io/grpc/core/md_doc_statuscodes.html , https://connectrpc.com/docs/protocol#error-codes ,
// https://twitchtv.github.io/twirp/docs/spec_v7.html#error-codes , https://google.aip.dev/194

import { quotaExhaustion } from '../limits';

export interface RpcCode {
  /** gRPC number (0–16). */
  number: number;
  /** gRPC canonical name, e.g. 'UNAVAILABLE'. */
  name: string;
  /** The HTTP status google.rpc.Code maps it to. */
  http: number;
  /**
   * Whether waiting and re-sending unchanged can succeed: transient server states (UNAVAILABLE,
   * DEADLINE_EXCEEDED, INTERNAL, UNKNOWN), rate limits (RESOURCE_EXHAUSTED) and ABORTED (gRPC:
   * "retry at a higher level", a concurrency conflict). DATA_LOSS is unrecoverable.
   */
  retryable: boolean;
}

const TABLE: readonly RpcCode[] = [
  { number: 0, name: 'OK', http: 200, retryable: false },
  { number: 1, name: 'CANCELLED', http: 499, retryable: false },
  { number: 2, name: 'UNKNOWN', http: 500, retryable: true },
  { number: 3, name: 'INVALID_ARGUMENT', http: 400, retryable: false },
  { number: 4, name: 'DEADLINE_EXCEEDED', http: 504, retryable: true },
  { number: 5, name: 'NOT_FOUND', http: 404, retryable: false },
  { number: 6, name: 'ALREADY_EXISTS', http: 409, retryable: false },
  { number: 7, name: 'PERMISSION_DENIED', http: 403, retryable: false },
  { number: 8, name: 'RESOURCE_EXHAUSTED', http: 429, retryable: true },
  { number: 9, name: 'FAILED_PRECONDITION', http: 400, retryable: false },
  { number: 10, name: 'ABORTED', http: 409, retryable: true },
  { number: 11, name: 'OUT_OF_RANGE', http: 400, retryable: false },
  { number: 12, name: 'UNIMPLEMENTED', http: 501, retryable: false },
  { number: 13, name: 'INTERNAL', http: 500, retryable: true },
  { number: 14, name: 'UNAVAILABLE', http: 503, retryable: true },
  { number: 15, name: 'DATA_LOSS', http: 500, retryable: false },
  { number: 16, name: 'UNAUTHENTICATED', http: 401, retryable: false },
];

/** The gRPC code with this number, or undefined outside 0–16. */
export function grpcCode(n: number): RpcCode | undefined {
  return Number.isInteger(n) && n >= 0 && n < TABLE.length ? TABLE[n] : undefined;
}

/**
 * Connect's lower-case names and their HTTP statuses (the Connect spec differs from google.rpc.Code
 * for a few: canceled 499, deadline_exceeded 504, failed_precondition 400, unimplemented 501).
 */
const CONNECT_HTTP: Readonly<Record<string, number>> = {
  canceled: 499,
  unknown: 500,
  invalid_argument: 400,
  deadline_exceeded: 504,
  not_found: 404,
  already_exists: 409,
  permission_denied: 403,
  resource_exhausted: 429,
  failed_precondition: 400,
  aborted: 409,
  out_of_range: 400,
  unimplemented: 501,
  internal: 500,
  unavailable: 503,
  data_loss: 500,
  unauthenticated: 401,
};

/** Twirp's codes (v7 table): its own `malformed` and `bad_route`, `dataloss` without the underscore. */
const TWIRP_HTTP: Readonly<Record<string, number>> = {
  canceled: 408,
  unknown: 500,
  invalid_argument: 400,
  malformed: 400,
  deadline_exceeded: 408,
  not_found: 404,
  bad_route: 404,
  already_exists: 409,
  permission_denied: 403,
  unauthenticated: 401,
  resource_exhausted: 429,
  failed_precondition: 412,
  aborted: 409,
  out_of_range: 400,
  unimplemented: 501,
  internal: 500,
  unavailable: 503,
  dataloss: 500,
  data_loss: 500,
};

const hasOwn = Object.prototype.hasOwnProperty;

/** The gRPC entry for a Connect/Twirp code string (`unavailable` → UNAVAILABLE). */
function byLowerName(code: string): RpcCode | undefined {
  const upper = code === 'canceled' ? 'CANCELLED' : code === 'dataloss' ? 'DATA_LOSS' : code.toUpperCase();
  return TABLE.find((c) => c.name === upper);
}

/**
 * The code a gRPC (or gRPC-web, Connect) client infers from the HTTP status of a response that carries no
 * protocol status, i.e. one an intermediary wrote: 400 INTERNAL, 401 UNAUTHENTICATED, 403 PERMISSION_DENIED,
 * 404 UNIMPLEMENTED, 429/502/503/504 UNAVAILABLE, any other UNKNOWN. Only for such responses: a status the
 * server sent always wins. https://github.com/grpc/grpc/blob/master/doc/http-grpc-status-mapping.md ,
 * https://connectrpc.com/docs/protocol#http-to-error-code
 */
export function grpcCodeOfHttp(status: number): RpcCode | undefined {
  if (!Number.isInteger(status) || status < 100 || status > 599 || status === 200) return undefined;
  return TABLE[GRPC_CODE_BY_HTTP_STATUS[status] ?? 2];
}

/** http-grpc-status-mapping.md's table: HTTP status → gRPC code number; any other status is UNKNOWN (2). */
const GRPC_CODE_BY_HTTP_STATUS: Readonly<Record<number, number>> = {
  400: 13,
  401: 16,
  403: 7,
  404: 12,
  429: 14,
  502: 14,
  503: 14,
  504: 14,
};

export interface NamedCode {
  http: number;
  retryable: boolean;
  /** gRPC number, when the code has one (Twirp's malformed and bad_route do not). */
  number?: number;
}

/** A Connect error code string, or undefined when it is not one of the 16. */
export function connectCode(code: unknown): NamedCode | undefined {
  if (typeof code !== 'string' || !hasOwn.call(CONNECT_HTTP, code)) return undefined;
  const grpc = byLowerName(code);
  return { http: CONNECT_HTTP[code], retryable: grpc?.retryable ?? false, number: grpc?.number };
}

/** A Twirp error code string, or undefined when it is not in Twirp's table. */
export function twirpCode(code: unknown): NamedCode | undefined {
  if (typeof code !== 'string' || !hasOwn.call(TWIRP_HTTP, code)) return undefined;
  const grpc = byLowerName(code);
  // Twirp's deadline_exceeded and canceled map to 408, which the advice treats as safe to resend;
  // the gRPC semantics decide retryability.
  return { http: TWIRP_HTTP[code], retryable: grpc?.retryable ?? false, number: grpc?.number };
}

/** Whether an HTTP-equivalent status is worth an unchanged re-send: 408, 425, 429 and 5xx except 501/505. */
export function retryableHttp(status: number): boolean {
  if (status === 408 || status === 425 || status === 429) return true;
  return status >= 500 && status !== 501 && status !== 505;
}

/**
 * Whether the HTTP status is the transport's own retry verdict (a gateway's 429, 502, 503, 504; 408, 425 …):
 * then an RPC code that says "fix the request" gives no verdict and the general rules judge the exchange by its
 * status, as retry libraries do, a quota or a bad key in the message still saying no. 500 is left out: JSON-RPC
 * servers answer every error with it (Bitcoin Core; json-rpc-over-http maps parse errors to it).
 */
export function transportRetries(status: number): boolean {
  return status !== 500 && status >= 400 && status <= 599 && retryableHttp(status);
}

/**
 * RESOURCE_EXHAUSTED (8) is a rate limit, so a re-send after a wait can succeed; unless its message
 * names a quota that waiting seconds won't refill (per day or month, billing, spend). Other codes keep
 * their table verdict. Reach-k, session 16.
 */
export function rpcRetryable(number: number | undefined, retryable: boolean, message: unknown): boolean {
  if (number !== 8 || !retryable || typeof message !== 'string' || message === '') return retryable;
  return quotaExhaustion(null, message, '') === null;
}
