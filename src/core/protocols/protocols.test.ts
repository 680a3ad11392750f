// Protocols through classify(): verdicts, batches, labels, hostile input, and never-throw properties.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify } from '../classify';
import { b64, concat, frame } from '../testing/grpc-frames';
import type { Exchange } from '../types';
import { decodeBase64Chunks, percentDecode, readEnvelopes } from './bytes';
import { protocolLabel } from './label';
import { MAX_OPERATIONS } from './operations';
import { decodeStatus, readFields } from './protobuf';

const grpcWeb = (
  body: Uint8Array | null,
  headers: Record<string, string> = {},
  mime = 'application/grpc-web+proto',
): Exchange => ({
  method: 'POST',
  url: 'https://api.example.com/pkg.Service/Method',
  status: 200,
  responseHeaders: { 'content-type': mime, ...headers },
  ...(body ? { body: b64(body), bodyEncoding: 'base64' as const } : { body: '' }),
});
const json = (status: number, body: unknown, mime = 'application/json'): Exchange => ({
  method: 'POST',
  url: 'https://api.example.com/rpc',
  status,
  responseHeaders: { 'content-type': mime },
  body: JSON.stringify(body),
});

describe('gRPC-web through classify()', () => {
  it('a 200 whose trailer frame says UNAVAILABLE is a retryable failure, advised as a 503', () => {
    const c = classify(
      grpcWeb(
        concat(
          frame(0, new Uint8Array([0x0a, 0x01, 0x61])),
          frame(0x80, 'grpc-status: 14\r\ngrpc-message: upstream%20unavailable\r\n'),
        ),
      ),
    );
    expect(c).toMatchObject({
      failure: true,
      kind: 'body',
      format: 'grpc-web',
      protocol: 'grpc-web',
      errorCode: 'UNAVAILABLE',
      message: 'upstream unavailable',
      retryable: true,
    });
    expect(c.action).toMatch(/temporarily unavailable/);
    expect(protocolLabel(c)).toBe('gRPC-web · UNAVAILABLE (14)');
  });

  it('UNAUTHENTICATED in a trailers-only response asks to re-authenticate; INVALID_ARGUMENT to fix the request', () => {
    expect(classify(grpcWeb(null, { 'grpc-status': '16', 'grpc-message': 'token expired' })).verdict).toBe(
      'reauthenticate',
    );
    const c = classify(grpcWeb(null, { 'grpc-status': '3', 'grpc-message': 'name is required' }));
    expect(c).toMatchObject({ verdict: 'fix-request', retryable: false, errorCode: 'INVALID_ARGUMENT' });
  });

  it('grpc-status 0 is a success, and the trailer frame wins over headers', () => {
    expect(classify(grpcWeb(frame(0x80, 'grpc-status:0\r\n'))).failure).toBe(false);
    const c = classify(grpcWeb(frame(0x80, 'grpc-status:5\r\ngrpc-message:no such book\r\n'), { 'grpc-status': '0' }));
    expect(c).toMatchObject({ failure: true, errorCode: 'NOT_FOUND', message: 'no such book' });
  });

  it('reads grpc-web-text made of separately padded base64 chunks, even when the capture base64-encoded it again', () => {
    const text =
      b64(frame(0, new Uint8Array([1, 2]))) + b64(frame(0x80, 'grpc-status:8\r\ngrpc-message:slow%20down\r\n'));
    const plain: Exchange = {
      method: 'POST',
      url: 'https://x.test/a.B/C',
      status: 200,
      responseHeaders: { 'content-type': 'application/grpc-web-text' },
      body: text,
    };
    expect(classify(plain)).toMatchObject({ errorCode: 'RESOURCE_EXHAUSTED', message: 'slow down', retryable: true });
    const twice = { ...plain, body: Buffer.from(text).toString('base64'), bodyEncoding: 'base64' as const };
    expect(classify(twice)).toMatchObject({ errorCode: 'RESOURCE_EXHAUSTED', message: 'slow down' });
  });

  it('finds the trailer text when a capture decoded the frames as UTF-8 and broke the lengths', () => {
    const mangled = `\u0000\u0000\u0000\u0000\u0005\ufffd\ufffd\u0001a\u0002\ufffd\u0000\u0000\u0000\u001bgrpc-status:13\r\ngrpc-message:boom\r\n`;
    const c = classify({
      method: 'POST',
      url: 'https://x.test/a.B/C',
      status: 200,
      responseHeaders: { 'content-type': 'application/grpc-web+proto' },
      body: mangled,
    });
    expect(c).toMatchObject({ failure: true, errorCode: 'INTERNAL', message: 'boom' });
  });

  it('notes what it cannot read: a truncated frame, a compressed trailer, bad base64, a non-numeric status', () => {
    const cut = frame(0x80, 'grpc-status:14\r\n').subarray(0, 9);
    expect(classify(grpcWeb(cut)).notes.join(' ')).toMatch(/cut short|truncated/);
    expect(classify(grpcWeb(frame(0x81, 'xx'))).notes.join(' ')).toMatch(/compressed/);
    const bad: Exchange = {
      method: 'POST',
      url: 'https://x.test/a',
      status: 200,
      responseHeaders: { 'content-type': 'application/grpc-web-text' },
      body: '!!not base64!!',
    };
    expect(classify(bad).notes.join(' ')).toMatch(/not valid base64/);
    expect(classify(grpcWeb(null, { 'grpc-status': 'banana' })).notes.join(' ')).toMatch(/not a number/);
    expect(classify(grpcWeb(null, { 'grpc-status': '14', 'grpc-status-details-bin': '***' })).notes.join(' ')).toMatch(
      /details-bin is not valid base64/,
    );
  });
});

describe('JSON-RPC and tRPC batches through classify()', () => {
  it('a verror-style error is named by its cause; a transient cause is retryable, a request fault is not', () => {
    const rpcError = (cause: string) =>
      classify(
        json(200, {
          jsonrpc: '2.0',
          id: 'dontcare',
          error: { name: 'HANDLER_ERROR', cause: { name: cause, info: {} }, code: -32000, message: 'Server error' },
        }),
      );
    expect(rpcError('UNKNOWN_BLOCK')).toMatchObject({ failure: true, errorCode: 'UNKNOWN_BLOCK', retryable: false });
    expect(rpcError('NO_SYNCED_BLOCKS').errorCode).toBe('NO_SYNCED_BLOCKS');
    expect(rpcError('SHARD_UNAVAILABLE')).toMatchObject({ errorCode: 'SHARD_UNAVAILABLE', retryable: true });
    // Without a cause the numeric code stays the code.
    expect(
      classify(json(200, { jsonrpc: '2.0', id: 1, error: { code: -32000, message: 'Server error', cause: 'x' } }))
        .errorCode,
    ).toBe('-32000');
  });

  it('lists each failed operation with its own code, and summarises the first; the id is never the support ID', () => {
    const c = classify(
      json(200, [
        { jsonrpc: '2.0', result: 1, id: 'req_8f14e45fceea167a5a36dedd4bea2543' },
        {
          jsonrpc: '2.0',
          error: { code: -32602, message: 'Invalid params' },
          id: 'req_c9f0f895fb98ab9159f51fd0297e236d',
        },
        { jsonrpc: '2.0', error: { code: -32005, message: 'limit exceeded', data: { retryAfter: 12 } }, id: 7 },
      ]),
    );
    expect(c).toMatchObject({
      failure: true,
      kind: 'body',
      protocol: 'jsonrpc',
      errorCode: '-32602',
      message: 'Invalid params',
      operationCount: 3,
      operationsOmitted: 0,
    });
    expect(c.errorId).toBeNull();
    expect(c.operations).toEqual([
      {
        index: 1,
        id: 'req_c9f0f895fb98ab9159f51fd0297e236d',
        failure: true,
        errorCode: '-32602',
        message: 'Invalid params',
        retryable: false,
      },
      { index: 2, id: '7', failure: true, errorCode: '-32005', message: 'limit exceeded', retryable: true },
    ]);
    expect(protocolLabel(c)).toBe('JSON-RPC 2.0 batch · 2 of 3 failed · -32602');
  });

  it('a single -32005 is a rate limit with the wait from error.data; -32601 is not retryable', () => {
    const limited = classify(
      json(200, {
        jsonrpc: '2.0',
        id: 1,
        error: { code: -32005, message: 'request rate exceeded', data: { rate: { backoff_seconds: 3 } } },
      }),
    );
    expect(limited).toMatchObject({ failure: true, retryable: true, retryAfterSeconds: 3, errorCode: '-32005' });
    const missing = classify(
      json(200, { jsonrpc: '2.0', id: 1, error: { code: -32601, message: 'Method not found' } }),
    );
    expect(missing).toMatchObject({ failure: true, retryable: false, errorCode: '-32601', errorId: null });
  });

  it('caps listed operations and counts the rest; a batch without failures is a success', () => {
    const many = Array.from({ length: 1500 }, (_, i) => ({
      jsonrpc: '2.0',
      id: i,
      error: { code: -32603, message: `internal ${i}` },
    }));
    const c = classify(json(200, many));
    expect(c.operations).toHaveLength(MAX_OPERATIONS);
    expect(c.operationsOmitted).toBe(1500 - MAX_OPERATIONS);
    expect(c.notes.join(' ')).toContain(`${1500 - MAX_OPERATIONS} more failed operations not listed`);
    expect(protocolLabel(c)).toBe('JSON-RPC 2.0 batch · 1500 of 1500 failed · -32603');
    expect(classify(json(200, [{ jsonrpc: '2.0', id: 1, result: 2 }])).failure).toBe(false);
  });

  it('reads a huge batch up to its limit and says so', () => {
    const huge = Array.from({ length: 12_000 }, (_, i) => ({ jsonrpc: '2.0', id: i, result: i }));
    huge.push({ jsonrpc: '2.0', id: -1, error: { code: -32603, message: 'late' } } as never);
    const c = classify(json(200, huge));
    expect(c.notes.join(' ')).toMatch(/read up to operation 10000 of 12001/);
  });

  it('tRPC batch: the failed procedure by path; UNAUTHORIZED re-authenticates', () => {
    const c = classify(
      json(207, [
        { result: { data: { json: { ok: true } } } },
        {
          error: {
            json: {
              message: 'Not signed in',
              code: -32001,
              data: { code: 'UNAUTHORIZED', httpStatus: 401, path: 'viewer.me' },
            },
          },
        },
      ]),
    );
    expect(c).toMatchObject({
      failure: true,
      protocol: 'trpc',
      errorCode: 'UNAUTHORIZED',
      message: 'Not signed in',
      verdict: 'reauthenticate',
    });
    expect(c.operations).toEqual([
      {
        index: 1,
        path: 'viewer.me',
        failure: true,
        errorCode: 'UNAUTHORIZED',
        message: 'Not signed in',
        retryable: false,
      },
    ]);
  });

  it('GraphQL batch: every operation with errors failed, partial data included', () => {
    const c = classify(
      json(200, [
        { data: { a: 1 } },
        { data: { a: null }, errors: [{ message: 'partial', path: ['a', 'b'] }] },
        {
          data: null,
          errors: [{ message: 'Too many requests', extensions: { code: 'RATE_LIMITED' }, path: ['search'] }],
        },
      ]),
    );
    expect(c).toMatchObject({
      failure: true,
      protocol: 'graphql',
      errorCode: null,
      message: 'partial',
      operationCount: 3,
    });
    expect(c.operations).toEqual([
      { index: 1, path: 'a.b', failure: true, errorCode: null, message: 'partial', retryable: false },
      {
        index: 2,
        path: 'search',
        failure: true,
        errorCode: 'RATE_LIMITED',
        message: 'Too many requests',
        retryable: true,
      },
    ]);
    expect(classify(json(200, [{ data: { a: 1 }, errors: [] }])).failure).toBe(false);
  });

  it('ordinary arrays of records stay plain data', () => {
    for (const body of [[{ id: 1, name: 'a' }], [{ data: { x: 1 } }, { data: { x: 2 } }], [{ result: 'ok' }]]) {
      expect(classify(json(200, body)).failure).toBe(false);
    }
  });
});

describe('Connect and Twirp through classify()', () => {
  it('an envelope with keys beyond code, message and details is not a Connect error', () => {
    const c = classify(
      json(404, {
        type: 'error',
        status: 404,
        code: 'not_found',
        message: 'Not Found',
        request_id: '1ovnxabh3e6f8q2m',
      }),
    );
    expect(c.protocol ?? null).toBeNull();
    expect(c).toMatchObject({ errorCode: 'not_found', errorId: '1ovnxabh3e6f8q2m' });
    expect(classify(json(404, { code: 'not_found', message: 'no such user', details: [] })).protocol).toBe('connect');
  });

  it('Connect unavailable is retryable and labelled with its number; Twirp names its code', () => {
    const c = classify(json(503, { code: 'unavailable', message: 'overloaded' }));
    expect(c).toMatchObject({ protocol: 'connect', errorCode: 'unavailable', retryable: true });
    expect(protocolLabel(c)).toBe('Connect · unavailable (14)');
    const t = classify(json(404, { code: 'bad_route', msg: 'no handler for path /twirp/x.Y/Z', meta: {} }));
    expect(t).toMatchObject({
      protocol: 'twirp',
      errorCode: 'bad_route',
      message: 'no handler for path /twirp/x.Y/Z',
      retryable: false,
    });
    expect(protocolLabel(t)).toBe('Twirp · bad_route');
  });

  it('a Connect stream that ends with an error after a 200 is a failure', () => {
    const body = concat(frame(0, '{"n":1}'), frame(2, '{"error":{"code":"resource_exhausted","message":"quota"}}'));
    const c = classify({
      method: 'POST',
      url: 'https://x.test/a.B/C',
      status: 200,
      responseHeaders: { 'content-type': 'application/connect+json' },
      body: b64(body),
      bodyEncoding: 'base64',
    });
    expect(c).toMatchObject({
      failure: true,
      kind: 'body',
      protocol: 'connect',
      errorCode: 'resource_exhausted',
      message: 'quota',
    });
  });
});

describe('readers on hostile input', () => {
  it('percent-decoding keeps malformed sequences and decodes UTF-8', () => {
    expect(percentDecode('caf%C3%A9 %zz 100%')).toBe('café %zz 100%');
    expect(percentDecode('%E2%82')).toBe('\ufffd');
  });

  it('base64 chunks: padding mid-stream restarts, garbage is refused', () => {
    expect(Buffer.from(decodeBase64Chunks('YQ==Yg==')!.bytes).toString()).toBe('ab');
    expect(decodeBase64Chunks('ab$c')).toBeUndefined();
  });

  it('protobuf: truncated, overlong and deeply nested input ends the read', () => {
    expect(readFields(new Uint8Array([0x0a, 0xff]))).toEqual([]);
    expect(readFields(new Uint8Array(12).fill(0xff))).toEqual([]);
    expect(decodeStatus(new Uint8Array([0x08, 0x0e, 0x12, 0x02, 0x68, 0x69])).message).toBe('hi');
    // A detail nested 10,000 deep is read only as far as the known messages go.
    let nested: Uint8Array = new Uint8Array([0x08, 0x01]);
    for (let i = 0; i < 10_000 && nested.length < 60_000; i++)
      nested = concat(new Uint8Array([0x1a, ...varint(nested.length)]), nested);
    expect(() => decodeStatus(nested)).not.toThrow();
  });

  it('envelopes: a length beyond the body is a truncated last envelope', () => {
    const { envelopes } = readEnvelopes(new Uint8Array([0x80, 0xff, 0xff, 0xff, 0xff, 1, 2]));
    expect(envelopes).toHaveLength(1);
    expect(envelopes[0].truncated).toBe(true);
  });

  it('deeply nested JSON-RPC data and tRPC messages do not overflow', () => {
    const deep = `${'{"d":'.repeat(5000)}{"retryAfter":1}${'}'.repeat(5000)}`;
    const body = `{"jsonrpc":"2.0","id":1,"error":{"code":-32000,"message":"x","data":${deep}}}`;
    const nested = classify({
      method: 'POST',
      url: 'https://x.test/rpc',
      status: 200,
      responseHeaders: { 'content-type': 'application/json' },
      body,
    });
    expect(nested.format).not.toBe('unknown');
    const hugeMessage = `[${'{"message":"m","path":["a"]},'.repeat(20_000)}{}]`;
    const c = classify(
      json(400, {
        error: { message: hugeMessage, code: -32600, data: { code: 'BAD_REQUEST', httpStatus: 400, path: 'p' } },
      }),
    );
    expect(c.fieldErrors.length).toBeLessThanOrEqual(100);
  });
});

function varint(n: number): number[] {
  const out: number[] = [];
  while (n > 127) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}

describe('properties: protocol readers never throw', () => {
  const mimes = [
    'application/grpc-web+proto',
    'application/grpc-web-text',
    'application/grpc-web',
    'application/connect+json',
    'application/connect+proto',
    'application/json',
  ];

  it('classify never throws on random bytes under protocol media types, raw or base64', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 400 }),
        fc.constantFrom(...mimes),
        fc.boolean(),
        fc.constantFrom(200, 400, 503),
        fc.option(fc.string({ maxLength: 20 })),
        (bytes, mime, encode, status, grpcStatus) => {
          const ex: Exchange = {
            method: 'POST',
            url: 'https://x.test/a.B/C',
            status,
            responseHeaders: {
              'content-type': mime,
              ...(grpcStatus !== null ? { 'grpc-status': grpcStatus, 'grpc-status-details-bin': grpcStatus } : {}),
            },
            body: encode ? b64(bytes) : String.fromCharCode(...bytes),
            ...(encode ? { bodyEncoding: 'base64' as const } : {}),
          };
          const c = classify(ex);
          expect(c.format).not.toBe('unknown');
        },
      ),
      { numRuns: 600 },
    );
  });

  it('well-framed bodies with random payloads and flags never throw', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(0, 1, 2, 0x80, 0x81, 3), fc.uint8Array({ maxLength: 60 })), { maxLength: 6 }),
        fc.constantFrom(...mimes),
        (frames, mime) => {
          const body = concat(...frames.map(([f, p]) => frame(f, p)));
          expect(() =>
            classify({
              method: 'POST',
              url: 'https://x.test/a',
              status: 200,
              responseHeaders: { 'content-type': mime },
              body: b64(body),
              bodyEncoding: 'base64',
            }),
          ).not.toThrow();
        },
      ),
      { numRuns: 400 },
    );
  });

  it('protobuf reader and percent-decoding never throw on garbage', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.string({ maxLength: 200 }), (bytes, text) => {
        decodeStatus(bytes);
        percentDecode(text);
        decodeBase64Chunks(text);
      }),
      { numRuns: 1000 },
    );
  });

  it('protocol-shaped JSON with random values never throws and failures stay failures', () => {
    const value = fc.jsonValue({ maxDepth: 3 });
    const shapes = fc.oneof(
      fc.record({
        jsonrpc: fc.constantFrom('2.0', 2, null),
        id: value,
        error: fc.oneof(value, fc.record({ code: fc.oneof(fc.integer(), fc.string()), message: value, data: value })),
      }),
      fc.record({
        error: fc.oneof(
          value,
          fc.record({
            json: fc.record({
              message: value,
              code: fc.integer(),
              data: fc.record({ code: fc.string(), httpStatus: fc.oneof(fc.integer(), value), path: value }),
            }),
          }),
        ),
      }),
      fc.record({
        code: fc.constantFrom('unavailable', 'internal', 'bad_route', 'x'),
        message: value,
        msg: value,
        details: value,
        meta: value,
      }),
    );
    fc.assert(
      fc.property(
        fc.oneof(shapes, fc.array(shapes, { maxLength: 5 })),
        fc.constantFrom(200, 207, 400, 500),
        (body, status) => {
          const c = classify(json(status, body));
          if (status >= 400) expect(c.failure).toBe(true);
          if (c.operations) expect(c.operations.length).toBeLessThanOrEqual(MAX_OPERATIONS);
        },
      ),
      { numRuns: 800 },
    );
  });
});

describe('exports', () => {
  it('redactClassification redacts credentials echoed in operation messages and ids', async () => {
    const { redactClassification } = await import('../redact');
    const c = classify(
      json(200, [
        {
          jsonrpc: '2.0',
          id: 'x',
          error: { code: -32602, message: 'bad token Bearer abcdefghijklmnopqrstuvwxyz0123456789' },
        },
      ]),
    );
    const red = redactClassification(c);
    expect(c.operations?.[0]?.message).toContain('abcdefghijklmnopqrstuvwxyz0123456789');
    expect(red.operations?.[0]?.message).not.toContain('abcdefghijklmnopqrstuvwxyz0123456789');
  });
});
