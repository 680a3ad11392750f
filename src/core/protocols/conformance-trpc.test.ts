// tRPC conformance, generated from its RPC reference and server sources: every error code with its
// JSON-RPC number and HTTP status × every framing (httpLink single response, superjson-wrapped,
// httpBatchLink array with mixed success/failure on 207, v10 unstable_httpBatchStreamLink's
// index-keyed object, v11 httpBatchStreamLink's JSON Lines: a head line of placeholders, then one
// `[chunk, status, [[value]]]` line per procedure, plain or superjson-serialised).
// Sources: https://trpc.io/docs/rpc (error codes, HTTP statuses, response shapes),
// https://github.com/trpc/trpc/blob/main/packages/server/src/unstable-core-do-not-import/rpc/codes.ts ,
// https://github.com/trpc/trpc/blob/main/packages/server/src/unstable-core-do-not-import/http/getHTTPStatusCode.ts ,
// https://github.com/trpc/trpc/blob/main/packages/server/src/unstable-core-do-not-import/stream/jsonl.ts
// (head + chunk lines), v10 getBatchStreamFormatter (`{"1":…\n,"0":…\n}`)
import { describe, expect, it } from 'vitest';
import { classify } from '../classify';
import type { Exchange } from '../types';

/** code, JSON-RPC number, HTTP status (trpc.io/docs/rpc), and whether a re-send can succeed. */
const CODES: ReadonlyArray<[string, number, number, boolean]> = [
  ['PARSE_ERROR', -32700, 400, false],
  ['BAD_REQUEST', -32600, 400, false],
  ['UNAUTHORIZED', -32001, 401, false],
  ['PAYMENT_REQUIRED', -32002, 402, false],
  ['FORBIDDEN', -32003, 403, false],
  ['NOT_FOUND', -32004, 404, false],
  ['METHOD_NOT_SUPPORTED', -32005, 405, false],
  ['TIMEOUT', -32008, 408, true],
  ['CONFLICT', -32009, 409, false],
  ['PRECONDITION_FAILED', -32012, 412, false],
  ['PAYLOAD_TOO_LARGE', -32013, 413, false],
  ['UNSUPPORTED_MEDIA_TYPE', -32015, 415, false],
  ['UNPROCESSABLE_CONTENT', -32022, 422, false],
  ['TOO_MANY_REQUESTS', -32029, 429, true],
  ['CLIENT_CLOSED_REQUEST', -32099, 499, false],
  ['INTERNAL_SERVER_ERROR', -32603, 500, true],
  ['NOT_IMPLEMENTED', -32603, 501, false],
  ['BAD_GATEWAY', -32603, 502, true],
  ['SERVICE_UNAVAILABLE', -32603, 503, true],
  ['GATEWAY_TIMEOUT', -32603, 504, true],
];

const MESSAGE = 'Post with id 42 could not be loaded';

const shape = (code: string, number: number, http: number) => ({
  message: MESSAGE,
  code: number,
  data: { code, httpStatus: http, path: 'post.byId', stack: 'TRPCError: …\n    at resolve (/app/server.ts:1:1)' },
});
const success = { result: { data: { id: 1, title: 'hello' } } };

const ex = (status: number, body: string, url = 'https://app.example.test/api/trpc/post.byId'): Exchange => ({
  method: 'GET',
  url,
  status,
  responseHeaders: { 'content-type': 'application/json' },
  body,
});
const batchUrl = 'https://app.example.test/api/trpc/post.list,post.byId?batch=1&input=%7B%7D';

const jsonl = (lines: unknown[]): string => lines.map((l) => JSON.stringify(l)).join('\n') + '\n';
const head2 = { '0': [[0], [null, 0, 0]], '1': [[0], [null, 0, 1]] };

type Framing = { name: string; build: (code: string, number: number, http: number) => Exchange; ops?: number };
const FRAMINGS: Framing[] = [
  { name: 'httpLink single error', build: (c, n, h) => ex(h, JSON.stringify({ error: shape(c, n, h) })) },
  {
    name: 'httpLink single error, superjson',
    build: (c, n, h) => ex(h, JSON.stringify({ error: { json: shape(c, n, h) } })),
  },
  {
    name: 'httpBatchLink: success then failure (207)',
    build: (c, n, h) => ex(207, JSON.stringify([success, { error: shape(c, n, h) }]), batchUrl),
    ops: 2,
  },
  {
    name: 'httpBatchLink: all failed (the common status)',
    build: (c, n, h) => ex(h, JSON.stringify([{ error: shape(c, n, h) }, { error: shape(c, n, h) }]), batchUrl),
    ops: 2,
  },
  {
    name: 'httpBatchLink superjson: failure then success (207)',
    build: (c, n, h) =>
      ex(
        207,
        JSON.stringify([{ error: { json: shape(c, n, h) } }, { result: { data: { json: { id: 1 } } } }]),
        batchUrl,
      ),
    ops: 2,
  },
  {
    name: 'v10 unstable_httpBatchStreamLink (index-keyed object, out of order)',
    build: (c, n, h) =>
      ex(200, `{"1":${JSON.stringify({ error: shape(c, n, h) })}\n,"0":${JSON.stringify(success)}\n}`, batchUrl),
    ops: 2,
  },
  {
    name: 'v11 httpBatchStreamLink JSON Lines',
    build: (c, n, h) => ex(200, jsonl([head2, [0, 0, [[success]]], [1, 0, [[{ error: shape(c, n, h) }]]]]), batchUrl),
    ops: 2,
  },
  {
    name: 'v11 httpBatchStreamLink JSON Lines, superjson',
    build: (c, n, h) =>
      ex(
        200,
        jsonl([{ json: head2 }, { json: [1, 0, [[{ error: shape(c, n, h) }]]] }, { json: [0, 0, [[success]]] }]),
        batchUrl,
      ),
    ops: 2,
  },
];

describe('tRPC: every error code × every framing', () => {
  for (const framing of FRAMINGS) {
    describe(framing.name, () => {
      it.each(CODES)('%s (%i, HTTP %i)', (code, number, http, retryable) => {
        const c = classify(framing.build(code, number, http));
        expect(c).toMatchObject({ failure: true, protocol: 'trpc', errorCode: code, retryable, errorId: null });
        expect(c.message).toContain(MESSAGE);
        if (framing.ops !== undefined) expect(c.operationCount).toBe(framing.ops);
      });
    });
  }
});

describe('tRPC: httpSubscriptionLink SSE, event: serialized-error (v11 stream/sse.ts)', () => {
  const sse = (data: unknown): Exchange => ({
    method: 'GET',
    url: 'https://app.example.test/api/trpc/post.onAdd?input=%7B%7D',
    status: 200,
    responseHeaders: { 'content-type': 'text/event-stream' },
    body: `event: connected\ndata: {}\n\n\nid: 1\ndata: {"id":1}\n\n\nevent: serialized-error\ndata: ${JSON.stringify(data)}\n\n\n`,
  });
  it.each(CODES)('%s (%i, HTTP %i)', (code, number, http, retryable) => {
    const c = classify(sse(shape(code, number, http)));
    expect(c).toMatchObject({ failure: true, protocol: 'trpc', errorCode: code, retryable });
    expect(c.message).toContain(MESSAGE);
  });
  it.each(CODES)('superjson: %s', (code, number, http, retryable) => {
    const c = classify(sse({ json: shape(code, number, http) }));
    expect(c).toMatchObject({ failure: true, protocol: 'trpc', errorCode: code, retryable });
  });
});

describe('tRPC: successes', () => {
  it('a single result', () => {
    expect(classify(ex(200, JSON.stringify(success))).failure).toBe(false);
  });
  it('a batch of results', () => {
    expect(classify(ex(200, JSON.stringify([success, success]), batchUrl)).failure).toBe(false);
  });
  it('a v11 JSON Lines batch of results', () => {
    expect(classify(ex(200, jsonl([head2, [0, 0, [[success]]], [1, 0, [[success]]]]), batchUrl)).failure).toBe(false);
  });
  it('a subscription that returns', () => {
    const body = 'event: connected\ndata: {}\n\n\ndata: {"id":1}\n\n\nevent: return\ndata: \n\n\n';
    expect(classify({ ...ex(200, body), responseHeaders: { 'content-type': 'text/event-stream' } }).failure).toBe(
      false,
    );
  });
  it('a v10 stream of results', () => {
    expect(
      classify(ex(200, `{"0":${JSON.stringify(success)}\n,"1":${JSON.stringify(success)}\n}`, batchUrl)).failure,
    ).toBe(false);
  });
});
