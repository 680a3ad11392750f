// Issue 13, class 1: RPC protocols over HTTP, as their specs, SDK tests and users' pasted responses
// write them. Table-driven: every row is one wire shape (field names, nestings, casing, media types,
// headers, batches) with what classify() must report, and the look-alikes that must stay successes.
// Sources: https://www.jsonrpc.org/specification , https://eips.ethereum.org/EIPS/eip-1474 ,
// https://trpc.io/docs/rpc , https://github.com/grpc/grpc/blob/master/doc/PROTOCOL-WEB.md ,
// https://connectrpc.com/docs/protocol , https://twitchtv.github.io/twirp/docs/spec_v7.html
import { describe, expect, it } from 'vitest';
import { classify } from '../classify';
import { b64, concat, frame } from '../testing/grpc-frames';
import type { Classification, Exchange } from '../types';

const jsonEx = (
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  mime = 'application/json',
): Exchange => ({
  method: 'POST',
  url: 'https://rpc.example.test/',
  status,
  responseHeaders: { 'content-type': mime, ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
const grpc = (
  status: number,
  body: Uint8Array | null,
  headers: Record<string, string> = {},
  mime = 'application/grpc-web+proto',
): Exchange => ({
  method: 'POST',
  url: 'https://api.example.test/pkg.v1.Service/Method',
  status,
  responseHeaders: { 'content-type': mime, ...headers },
  ...(body ? { body: b64(body), bodyEncoding: 'base64' as const } : { body: '' }),
});
const textEx = (status: number, body: string, mime: string, headers: Record<string, string> = {}): Exchange => ({
  method: 'POST',
  url: 'https://api.example.test/pkg.v1.Service/Method',
  status,
  responseHeaders: { 'content-type': mime, ...headers },
  body,
});

type Want = Partial<
  Pick<
    Classification,
    'failure' | 'errorCode' | 'errorId' | 'retryable' | 'retryAfterSeconds' | 'protocol' | 'message' | 'operationCount'
  >
> & { operations?: number; messageHas?: string };

interface Row {
  name: string;
  exchange: Exchange;
  want: Want;
}

function check(row: Row): void {
  const c = classify(row.exchange);
  const { operations, messageHas, message, ...rest } = row.want;
  expect(c).toMatchObject(rest);
  if (message !== undefined) expect(c.message).toBe(message);
  if (messageHas !== undefined) expect((c.message ?? '').toLowerCase()).toContain(messageHas.toLowerCase());
  if (operations !== undefined) expect(c.operations?.length ?? 0).toBe(operations);
  expect(c.notes.join(' ')).not.toMatch(/internal error while classifying|recognizer \S+ failed/);
}

const rpc = (id: unknown, error: unknown) => ({ jsonrpc: '2.0', id, error });

const JSON_RPC: Row[] = [
  {
    name: 'method not found on 200; the client id is not a support ID',
    exchange: jsonEx(200, rpc('9b2f4e1c-6d3a-4b8e-a1f0-2c7d5e9b0a13', { code: -32601, message: 'Method not found' })),
    want: { failure: true, protocol: 'jsonrpc', errorCode: '-32601', errorId: null, retryable: false },
  },
  {
    name: 'invalid params with data.message detail',
    exchange: jsonEx(200, rpc(7, { code: -32602, message: 'Invalid params', data: 'missing field `to`' })),
    want: { failure: true, errorCode: '-32602', retryable: false, messageHas: 'missing field' },
  },
  {
    name: 'parse error with id null',
    exchange: jsonEx(200, rpc(null, { code: -32700, message: 'Parse error' })),
    want: { failure: true, errorCode: '-32700', retryable: false },
  },
  {
    name: 'internal error is retryable',
    exchange: jsonEx(200, rpc(1, { code: -32603, message: 'Internal error' })),
    want: { failure: true, errorCode: '-32603', retryable: true },
  },
  {
    name: 'code sent as a numeric string',
    exchange: jsonEx(200, rpc(1, { code: '-32602', message: 'invalid argument 0: hex string has length 3' })),
    want: { failure: true, errorCode: '-32602', retryable: false },
  },
  {
    name: 'EIP-1474 limit exceeded with backoff in data.rate',
    exchange: jsonEx(
      200,
      rpc(1, {
        code: -32005,
        message: 'daily request count exceeded, request rate limited',
        data: { rate: { allowed_rps: 1, backoff_seconds: 30, current_rps: 1.4 }, see: 'https://infura.io/dashboard' },
      }),
    ),
    want: { failure: true, errorCode: '-32005', retryable: true, retryAfterSeconds: 30 },
  },
  {
    name: 'limit exceeded that is a size limit stays fix-the-request',
    exchange: jsonEx(200, rpc(1, { code: -32005, message: 'query returned more than 10000 results' })),
    want: { failure: true, errorCode: '-32005', retryable: false },
  },
  {
    name: 'provider rate limit code with rate-limit wording',
    exchange: jsonEx(200, rpc(1, { code: -32029, message: 'Too Many Requests: rate limited' })),
    want: { failure: true, errorCode: '-32029', retryable: true },
  },
  {
    name: 'provider that sends an HTTP status as the code',
    exchange: jsonEx(
      429,
      rpc(1, { code: 429, message: 'Your app has exceeded its compute units per second capacity' }),
    ),
    want: { failure: true, errorCode: '429', retryable: true },
  },
  {
    name: 'node behind the chain tip is transient',
    exchange: jsonEx(200, rpc(1, { code: -32000, message: 'header not found' })),
    want: { failure: true, errorCode: '-32000', retryable: true },
  },
  {
    name: 'execution reverted keeps the message, not the hex data',
    exchange: jsonEx(
      200,
      rpc(1, {
        code: 3,
        message: 'execution reverted: ERC20: transfer amount exceeds balance',
        data: '0x08c379a00000000000000000000000000000000000000000000000000000000000000020',
      }),
    ),
    want: {
      failure: true,
      errorCode: '3',
      retryable: false,
      message: 'execution reverted: ERC20: transfer amount exceeds balance',
    },
  },
  {
    name: 'Bitcoin Core (JSON-RPC 1.0 shape) on HTTP 500 with an app code',
    exchange: jsonEx(500, { result: null, error: { code: -8, message: 'Block height out of range' }, id: 'curltest' }),
    want: { failure: true, errorCode: '-8', retryable: false, errorId: null },
  },
  {
    name: 'Bitcoin Core warming up is transient',
    exchange: jsonEx(500, { result: null, error: { code: -28, message: 'Loading block index…' }, id: 1 }),
    want: { failure: true, errorCode: '-28', retryable: true },
  },
  {
    name: 'JSON-RPC 1.0 success with error null stays a success',
    exchange: jsonEx(200, { result: 815000, error: null, id: 'curltest' }),
    want: { failure: false },
  },
  {
    name: 'media type application/json-rpc',
    exchange: jsonEx(200, rpc(3, { code: -32601, message: 'Method not found' }), {}, 'application/json-rpc'),
    want: { failure: true, errorCode: '-32601' },
  },
  {
    name: 'a string code outside the spec is still the code',
    exchange: jsonEx(200, rpc(4, { code: 'ACCOUNT_NOT_FOUND', message: 'Account not found' })),
    want: { failure: true, errorCode: 'ACCOUNT_NOT_FOUND', errorId: null, retryable: false },
  },
  {
    name: 'the request-ID header is the support ID, the id member never',
    exchange: jsonEx(200, rpc(42, { code: -32603, message: 'Internal error' }), {
      'x-request-id': 'req_7f3c2a91b4d8e605',
    }),
    want: { failure: true, errorId: 'req_7f3c2a91b4d8e605' },
  },
  {
    name: 'generic "Server error" with the specific message in data.message',
    exchange: jsonEx(
      200,
      rpc(1, {
        code: -32000,
        message: 'Server error',
        data: { message: 'insufficient funds for gas * price + value' },
      }),
    ),
    want: { failure: true, errorCode: '-32000', retryable: false, messageHas: 'insufficient funds for gas' },
  },
  {
    name: 'Solana preflight failure (-32002) is not transient',
    exchange: jsonEx(
      200,
      rpc(1, {
        code: -32002,
        message: 'Transaction simulation failed: Attempt to debit an account but found no record of a prior credit.',
        data: { accounts: null, err: 'AccountNotFound', logs: [], unitsConsumed: 0 },
      }),
    ),
    want: { failure: true, errorCode: '-32002', retryable: false },
  },
  {
    name: 'EIP-1474 resource unavailable (-32002) worded as such is transient',
    exchange: jsonEx(200, rpc(1, { code: -32002, message: 'Resource unavailable' })),
    want: { failure: true, errorCode: '-32002', retryable: true },
  },
  {
    name: 'per-second limit that also mentions upgrading is still a rate limit',
    exchange: jsonEx(
      200,
      rpc(1, {
        code: -32007,
        message: '15/second request limit reached - reduce calls per second or upgrade your account at quicknode.com',
      }),
    ),
    want: { failure: true, errorCode: '-32007', retryable: true },
  },
  {
    name: 'error with data but no message',
    exchange: jsonEx(200, rpc(5, { code: -32602, data: 'expected 2 params, got 1' })),
    want: { failure: true, errorCode: '-32602', messageHas: 'expected 2 params' },
  },
  {
    name: 'batch: one failed of three (error in the middle)',
    exchange: jsonEx(200, [
      { jsonrpc: '2.0', id: 1, result: '0x1' },
      rpc(2, { code: -32601, message: 'the method eth_foo does not exist/is not available' }),
      { jsonrpc: '2.0', id: 3, result: '0x2' },
    ]),
    want: { failure: true, errorCode: '-32601', operations: 1, operationCount: 3, errorId: null },
  },
  {
    name: 'batch: every element succeeded',
    exchange: jsonEx(200, [
      { jsonrpc: '2.0', id: 1, result: '0x1' },
      { jsonrpc: '2.0', id: 2, result: null },
    ]),
    want: { failure: false },
  },
  {
    name: 'batch: the whole batch rejected by a rate limit on HTTP 429',
    exchange: jsonEx(429, [rpc(null, { code: -32005, message: 'rate limit exceeded' })]),
    want: { failure: true, errorCode: '-32005', retryable: true },
  },
  {
    name: 'batch: an invalid batch answered with one error',
    exchange: jsonEx(200, rpc(null, { code: -32600, message: 'Invalid Request' })),
    want: { failure: true, errorCode: '-32600', retryable: false },
  },
];

const trpcErr = (code: string, httpStatus: number, message: string, path = 'post.byId', extra = {}) => ({
  message,
  code: -32600,
  data: { code, httpStatus, path, ...extra },
});

const TRPC: Row[] = [
  {
    name: 'v10 single, no transformer',
    exchange: jsonEx(401, { error: trpcErr('UNAUTHORIZED', 401, 'You must be logged in', 'user.me') }),
    want: { failure: true, protocol: 'trpc', errorCode: 'UNAUTHORIZED', retryable: false },
  },
  {
    name: 'v10 single with superjson (error.json)',
    exchange: jsonEx(404, { error: { json: trpcErr('NOT_FOUND', 404, 'No post with id 7') } }),
    want: { failure: true, protocol: 'trpc', errorCode: 'NOT_FOUND', message: 'No post with id 7' },
  },
  {
    name: 'v11 single with stack in data',
    exchange: jsonEx(500, {
      error: {
        json: trpcErr('INTERNAL_SERVER_ERROR', 500, 'connect ECONNREFUSED 127.0.0.1:5432', 'todo.list', {
          stack: 'Error: connect ECONNREFUSED\n    at TCPConnectWrap.afterConnect',
        }),
      },
    }),
    want: { failure: true, errorCode: 'INTERNAL_SERVER_ERROR', retryable: true, messageHas: 'ECONNREFUSED' },
  },
  {
    name: 'rate limited is retryable',
    exchange: jsonEx(429, { error: { json: trpcErr('TOO_MANY_REQUESTS', 429, 'Slow down') } }),
    want: { failure: true, errorCode: 'TOO_MANY_REQUESTS', retryable: true },
  },
  {
    name: 'zod issues in the message become field errors',
    exchange: jsonEx(400, {
      error: {
        json: trpcErr(
          'BAD_REQUEST',
          400,
          JSON.stringify([
            {
              code: 'too_small',
              minimum: 1,
              type: 'string',
              inclusive: true,
              message: 'String must contain at least 1 character(s)',
              path: ['title'],
            },
          ]),
        ),
      },
    }),
    want: { failure: true, errorCode: 'BAD_REQUEST', retryable: false, messageHas: 'title: String must contain' },
  },
  {
    name: 'batch (207): one success, one failure',
    exchange: jsonEx(207, [
      { result: { data: { json: { id: 1 } } } },
      { error: { json: trpcErr('FORBIDDEN', 403, 'Not your post', 'post.delete') } },
    ]),
    want: { failure: true, protocol: 'trpc', errorCode: 'FORBIDDEN', operations: 1, operationCount: 2 },
  },
  {
    name: 'batch without transformer on 200',
    exchange: jsonEx(200, [
      { result: { data: 'ok' } },
      { error: trpcErr('CONFLICT', 409, 'Slug taken', 'post.create') },
    ]),
    want: { failure: true, errorCode: 'CONFLICT', operations: 1 },
  },
  {
    name: 'batch of successes stays a success',
    exchange: jsonEx(200, [{ result: { data: { json: [] } } }, { result: { data: { json: null } } }]),
    want: { failure: false },
  },
  {
    name: 'an errorFormatter that keeps only data.code (no httpStatus, no path)',
    exchange: jsonEx(403, {
      error: { json: { message: 'Admins only', code: -32003, data: { code: 'FORBIDDEN' } } },
    }),
    want: { failure: true, protocol: 'trpc', errorCode: 'FORBIDDEN', retryable: false, message: 'Admins only' },
  },
  {
    name: 'v9/WebSocket-style envelope with id null',
    exchange: jsonEx(400, { id: null, error: trpcErr('BAD_REQUEST', 400, 'Invalid cursor', 'feed.list') }),
    want: { failure: true, errorCode: 'BAD_REQUEST', retryable: false, errorId: null },
  },
];

// gRPC-web trailer frames and headers
const trailer = (s: string) => frame(0x80, s);
const msg = frame(0, new Uint8Array([0x0a, 0x02, 0x68, 0x69]));

const GRPC_WEB: Row[] = [
  {
    name: 'trailers-only: status and percent-encoded message in headers',
    exchange: grpc(200, null, { 'grpc-status': '7', 'grpc-message': 'caller%20lacks%20role%20%22editor%22' }),
    want: {
      failure: true,
      protocol: 'grpc-web',
      errorCode: 'PERMISSION_DENIED',
      message: 'caller lacks role "editor"',
      retryable: false,
    },
  },
  {
    name: 'message frame then trailer frame (CRLF)',
    exchange: grpc(200, concat(msg, trailer('grpc-status:14\r\ngrpc-message:upstream connect error\r\n'))),
    want: { failure: true, errorCode: 'UNAVAILABLE', retryable: true },
  },
  {
    name: 'trailer frame with mixed-case names and LF only',
    exchange: grpc(200, trailer('Grpc-Status: 5\nGrpc-Message: book not found\n')),
    want: { failure: true, errorCode: 'NOT_FOUND', message: 'book not found', retryable: false },
  },
  {
    name: 'grpc-web-text (base64 of the frames)',
    exchange: textEx(
      200,
      b64(concat(msg, trailer('grpc-status:16\r\ngrpc-message:token%20expired\r\n'))),
      'application/grpc-web-text+proto',
    ),
    want: { failure: true, errorCode: 'UNAUTHENTICATED', message: 'token expired', retryable: false },
  },
  {
    name: 'UTF-8 percent-encoded message',
    exchange: grpc(200, null, { 'grpc-status': '3', 'grpc-message': 'caf%C3%A9%20is%20not%20a%20valid%20SKU' }),
    want: { failure: true, errorCode: 'INVALID_ARGUMENT', message: 'café is not a valid SKU' },
  },
  {
    name: 'status 0 in the trailer frame is a success',
    exchange: grpc(200, concat(msg, trailer('grpc-status:0\r\n'))),
    want: { failure: false },
  },
  {
    name: 'application/grpc-web (no suffix) trailers-only DEADLINE_EXCEEDED',
    exchange: grpc(200, null, { 'grpc-status': '4', 'grpc-message': 'deadline exceeded' }, 'application/grpc-web'),
    want: { failure: true, errorCode: 'DEADLINE_EXCEEDED', retryable: true },
  },
  {
    name: 'Envoy 503 with grpc-status in headers and a text body',
    exchange: textEx(
      503,
      'upstream connect error or disconnect/reset before headers. reset reason: overflow',
      'text/plain',
      {
        'grpc-status': '14',
        'grpc-message': 'upstream connect error or disconnect/reset before headers. reset reason: overflow',
      },
    ),
    want: { failure: true, errorCode: 'UNAVAILABLE', retryable: true },
  },
  {
    name: 'plain application/grpc through a proxy, trailers-only in headers',
    exchange: grpc(
      200,
      null,
      { 'grpc-status': '12', 'grpc-message': 'unknown service pkg.v1.Service' },
      'application/grpc',
    ),
    want: { failure: true, errorCode: 'UNIMPLEMENTED', retryable: false },
  },
  {
    name: 'INTERNAL from a reset stream, message in headers',
    exchange: grpc(200, null, {
      'grpc-status': '13',
      'grpc-message': 'stream terminated by RST_STREAM with error code: PROTOCOL_ERROR',
    }),
    want: { failure: true, errorCode: 'INTERNAL', retryable: true, messageHas: 'RST_STREAM' },
  },
  {
    name: 'RESOURCE_EXHAUSTED without details is retryable',
    exchange: grpc(200, null, { 'grpc-status': '8', 'grpc-message': 'quota exceeded for this minute' }),
    want: { failure: true, errorCode: 'RESOURCE_EXHAUSTED', retryable: true },
  },
  {
    name: 'ABORTED (a transaction conflict) is retryable',
    exchange: grpc(200, trailer('grpc-status: 10\r\ngrpc-message: transaction aborted\r\n')),
    want: { failure: true, errorCode: 'ABORTED', retryable: true },
  },
];

const connectStream = (...envelopes: Array<[number, unknown]>) =>
  concat(...envelopes.map(([flags, body]) => frame(flags, JSON.stringify(body))));

const CONNECT: Row[] = [
  {
    name: 'unary invalid_argument',
    exchange: jsonEx(400, { code: 'invalid_argument', message: 'sentence cannot be empty' }),
    want: { failure: true, protocol: 'connect', errorCode: 'invalid_argument', retryable: false },
  },
  {
    name: 'unary unavailable is retryable',
    exchange: jsonEx(503, { code: 'unavailable', message: 'the service is shutting down' }),
    want: { failure: true, protocol: 'connect', errorCode: 'unavailable', retryable: true },
  },
  {
    name: 'unary resource_exhausted is retryable',
    exchange: jsonEx(429, { code: 'resource_exhausted', message: 'too many concurrent streams' }),
    want: { failure: true, errorCode: 'resource_exhausted', retryable: true },
  },
  {
    name: 'unary with details (debug JSON)',
    exchange: jsonEx(404, {
      code: 'not_found',
      message: 'user 42 not found',
      details: [{ type: 'google.rpc.ErrorInfo', value: 'CgROT05F', debug: { reason: 'USER_NOT_FOUND' } }],
    }),
    want: { failure: true, protocol: 'connect', errorCode: 'not_found', message: 'user 42 not found' },
  },
  {
    name: 'unary aborted on 409 is retryable',
    exchange: jsonEx(409, { code: 'aborted', message: 'concurrent modification, try again' }),
    want: { failure: true, errorCode: 'aborted', retryable: true },
  },
  {
    name: 'unary error with code only (message is optional)',
    exchange: jsonEx(501, { code: 'unimplemented' }),
    want: { failure: true, errorCode: 'unimplemented', retryable: false },
  },
  {
    name: 'streaming end-of-stream error after a 200',
    exchange: {
      ...grpc(
        200,
        connectStream(
          [0, { sentence: 'hi' }],
          [2, { error: { code: 'permission_denied', message: 'not allowed' }, metadata: {} }],
        ),
      ),
      responseHeaders: { 'content-type': 'application/connect+json' },
    },
    want: { failure: true, protocol: 'connect', errorCode: 'permission_denied', retryable: false },
  },
  {
    name: 'streaming end-of-stream without error is a success',
    exchange: {
      ...grpc(200, connectStream([0, { sentence: 'hi' }], [2, { metadata: { 'x-trace': ['a'] } }])),
      responseHeaders: { 'content-type': 'application/connect+json' },
    },
    want: { failure: false },
  },
];

const TWIRP: Row[] = [
  {
    name: 'not_found with empty meta',
    exchange: jsonEx(404, { code: 'not_found', msg: 'hat not found', meta: {} }),
    want: { failure: true, protocol: 'twirp', errorCode: 'not_found', message: 'hat not found', retryable: false },
  },
  {
    name: 'internal with a cause in meta is retryable',
    exchange: jsonEx(500, { code: 'internal', msg: 'failed to reach db', meta: { cause: '*net.OpError' } }),
    want: { failure: true, protocol: 'twirp', errorCode: 'internal', retryable: true },
  },
  {
    name: 'malformed and bad_route are the request’s fault',
    exchange: jsonEx(404, {
      code: 'bad_route',
      msg: 'no handler for path "/twirp/example.Haberdasher/MakeHatt"',
      meta: { twirp_invalid_route: 'POST /twirp/example.Haberdasher/MakeHatt' },
    }),
    want: { failure: true, errorCode: 'bad_route', retryable: false },
  },
  {
    name: 'malformed without meta',
    exchange: jsonEx(400, { code: 'malformed', msg: 'the json request could not be decoded' }),
    want: { failure: true, errorCode: 'malformed', retryable: false },
  },
  {
    name: 'resource_exhausted with retry_after in meta',
    exchange: jsonEx(429, { code: 'resource_exhausted', msg: 'rate limited', meta: { retry_after: '30s' } }),
    want: { failure: true, errorCode: 'resource_exhausted', retryable: true, retryAfterSeconds: 30 },
  },
  {
    name: 'a request ID in meta is the support ID',
    exchange: jsonEx(503, {
      code: 'unavailable',
      msg: 'service temporarily unavailable',
      meta: { request_id: '01HF8Z4R6W4N2J3K5M7P9Q1S3T' },
    }),
    want: { failure: true, errorCode: 'unavailable', retryable: true, errorId: '01HF8Z4R6W4N2J3K5M7P9Q1S3T' },
  },
];

describe('class 1: RPC protocols over HTTP', () => {
  it.each(JSON_RPC.map((r) => [r.name, r] as const))('JSON-RPC: %s', (_n, row) => check(row));
  it.each(TRPC.map((r) => [r.name, r] as const))('tRPC: %s', (_n, row) => check(row));
  it.each(GRPC_WEB.map((r) => [r.name, r] as const))('gRPC-web: %s', (_n, row) => check(row));
  it.each(CONNECT.map((r) => [r.name, r] as const))('Connect: %s', (_n, row) => check(row));
  it.each(TWIRP.map((r) => [r.name, r] as const))('Twirp: %s', (_n, row) => check(row));
});
