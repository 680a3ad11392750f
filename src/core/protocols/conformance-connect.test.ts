// Connect conformance, generated from the protocol reference: every error code × every framing the
// protocol allows (unary POST error with its mapped HTTP status, Connect-GET, a unary error without
// `message`, an end-of-stream message after a 200 in connect+json and connect+proto streams, an
// end-of-stream error alone), `details` with `type`/`value` (base64, padded or not) and `debug`, and
// the HTTP→code mapping a client applies when an intermediary answers with something that is not a
// Connect error.
// Sources: https://connectrpc.com/docs/protocol (Error Codes table, "Unary-Response", "Error-End-Stream",
// "HTTP to Error Code"), https://github.com/connectrpc/conformance/tree/main/internal/app/connectconformance/testsuites/data ,
// https://github.com/googleapis/googleapis/blob/master/google/rpc/error_details.proto
import { describe, expect, it } from 'vitest';
import { classify } from '../classify';
import { b64, concat, encodeText, frame } from '../testing/grpc-frames';
import type { Exchange } from '../types';

/** The Connect reference's table: code, HTTP status, and gRPC's retry guidance for the same code. */
const CODES: ReadonlyArray<[string, number, boolean]> = [
  ['canceled', 499, false],
  ['unknown', 500, true],
  ['invalid_argument', 400, false],
  ['deadline_exceeded', 504, true],
  ['not_found', 404, false],
  ['already_exists', 409, false],
  ['permission_denied', 403, false],
  ['resource_exhausted', 429, true],
  ['failed_precondition', 400, false],
  ['aborted', 409, true],
  ['out_of_range', 400, false],
  ['unimplemented', 501, false],
  ['internal', 500, true],
  ['unavailable', 503, true],
  ['data_loss', 500, false],
  ['unauthenticated', 401, false],
];

const MESSAGE = 'order 42 could not be read';

const unary = (status: number, body: unknown, method = 'POST', headers: Record<string, string> = {}): Exchange => ({
  method,
  url:
    method === 'GET'
      ? 'https://api.example.test/acme.v1.Orders/Get?connect=v1&encoding=json&message=%7B%7D'
      : 'https://api.example.test/acme.v1.Orders/Get',
  status,
  responseHeaders: { 'content-type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

const stream = (end: unknown, mime = 'application/connect+json', data = true): Exchange => {
  const first = mime.endsWith('+proto') ? frame(0x00, new Uint8Array([0x0a, 0x01, 0x61])) : frame(0x00, '{"id":"1"}');
  return {
    method: 'POST',
    url: 'https://api.example.test/acme.v1.Orders/List',
    status: 200,
    responseHeaders: { 'content-type': mime },
    body: b64(concat(...(data ? [first] : []), frame(0x02, JSON.stringify(end)))),
    bodyEncoding: 'base64',
  };
};

type Framing = { name: string; build: (code: string, http: number) => Exchange };
const FRAMINGS: Framing[] = [
  { name: 'unary POST error', build: (code, http) => unary(http, { code, message: MESSAGE }) },
  { name: 'Connect-GET error', build: (code, http) => unary(http, { code, message: MESSAGE }, 'GET') },
  {
    name: 'unary error with an empty details list',
    build: (code, http) => unary(http, { code, message: MESSAGE, details: [] }),
  },
  {
    name: 'unary error with a charset parameter',
    build: (code, http) =>
      unary(http, { code, message: MESSAGE }, 'POST', { 'content-type': 'application/json; charset=utf-8' }),
  },
  {
    name: 'end-of-stream error after a message (connect+json)',
    build: (code) => stream({ error: { code, message: MESSAGE } }),
  },
  {
    name: 'end-of-stream error after a message (connect+proto)',
    build: (code) => stream({ error: { code, message: MESSAGE } }, 'application/connect+proto'),
  },
  {
    name: 'end-of-stream error alone, with metadata',
    build: (code) =>
      stream(
        { error: { code, message: MESSAGE }, metadata: { 'acme-trace': ['t1'] } },
        'application/connect+json',
        false,
      ),
  },
];

describe('Connect: every error code × every framing', () => {
  for (const framing of FRAMINGS) {
    describe(framing.name, () => {
      it.each(CODES)('%s (HTTP %i)', (code, http, retryable) => {
        const c = classify(framing.build(code, http));
        expect(c).toMatchObject({ failure: true, protocol: 'connect', errorCode: code, retryable });
        expect(c.message).toBe(MESSAGE);
      });
    });
  }
  it.each(CODES)('unary error without a message: %s', (code, http, retryable) => {
    // The reference: `message` is optional; `code` alone is a complete error.
    const c = classify(unary(http, { code }));
    expect(c).toMatchObject({ failure: true, protocol: 'connect', errorCode: code, retryable });
  });
  it('a stream whose end-of-stream message has no error is a success', () => {
    expect(classify(stream({ metadata: { 'acme-trace': ['t1'] } })).failure).toBe(false);
    expect(classify(stream({})).failure).toBe(false);
  });
});

describe('Connect: details', () => {
  const retryInfo = (seconds: number): string => b64(new Uint8Array([0x0a, 0x02, 0x08, seconds]));
  it('RetryInfo value (unpadded base64) gives the wait', () => {
    const c = classify(
      unary(429, {
        code: 'resource_exhausted',
        message: 'slow down',
        details: [{ type: 'google.rpc.RetryInfo', value: retryInfo(12).replace(/=+$/, '') }],
      }),
    );
    expect(c).toMatchObject({ errorCode: 'resource_exhausted', retryable: true, retryAfterSeconds: 12 });
  });
  it('RetryInfo value padded base64 gives the wait', () => {
    const c = classify(
      unary(503, {
        code: 'unavailable',
        message: 'down',
        details: [{ type: 'google.rpc.RetryInfo', value: retryInfo(5) }],
      }),
    );
    expect(c.retryAfterSeconds).toBe(5);
  });
  it('RetryInfo only in debug', () => {
    const c = classify(
      unary(503, {
        code: 'unavailable',
        message: 'down',
        details: [{ type: 'google.rpc.RetryInfo', value: '', debug: { retryDelay: '3s' } }],
      }),
    );
    expect(c.retryAfterSeconds).toBe(3);
  });
  it('RequestInfo gives the support ID', () => {
    const id = 'req-2b7c1e';
    const value = b64(concat(new Uint8Array([0x0a, id.length]), encodeText(id))).replace(/=+$/, '');
    const c = classify(
      unary(500, { code: 'internal', message: 'boom', details: [{ type: 'google.rpc.RequestInfo', value }] }),
    );
    expect(c.errorId).toBe(id);
  });
  it('end-of-stream RetryInfo', () => {
    const c = classify(
      stream({
        error: {
          code: 'unavailable',
          message: 'draining',
          details: [{ type: 'google.rpc.RetryInfo', value: retryInfo(9) }],
        },
      }),
    );
    expect(c).toMatchObject({ errorCode: 'unavailable', retryAfterSeconds: 9, retryable: true });
  });
});

describe('Connect: an intermediary answers with something that is not a Connect error', () => {
  // "HTTP to Error Code": 400 internal, 401 unauthenticated, 403 permission_denied, 404 unimplemented,
  // 429/502/503/504 unavailable, others unknown. The verdict follows the HTTP status; no code is invented.
  const rows: Array<[number, boolean]> = [
    [400, false],
    [401, false],
    [403, false],
    [404, false],
    [429, true],
    [502, true],
    [503, true],
    [504, true],
  ];
  it.each(rows)('HTTP %i with a plain-text body', (status, retryable) => {
    const c = classify({ ...unary(status, 'upstream failure'), responseHeaders: { 'content-type': 'text/plain' } });
    expect(c).toMatchObject({ failure: true, retryable });
  });
});

describe('Connect: a stream captured as decoded text (HAR tools decode connect+json as UTF-8)', () => {
  const asText = (data: string, end: unknown): Exchange => {
    const bytes = concat(frame(0x00, data), frame(0x02, JSON.stringify(end)));
    return {
      method: 'POST',
      url: 'https://api.example.test/acme.v1.Orders/List',
      status: 200,
      responseHeaders: { 'content-type': 'application/connect+json' },
      body: new TextDecoder().decode(bytes),
    };
  };
  const rows: Array<[string, string, string]> = [
    ['ASCII', '{"id":"1"}', 'backend draining'],
    ['non-ASCII message (byte counts change)', '{"name":"café crème"}', 'état indisponible — réessayez'],
    [
      'a data message of 200 bytes (length byte ≥ 0x80 is mangled)',
      JSON.stringify({ text: 'x'.repeat(188) }),
      'backend draining',
    ],
    ['an end-of-stream message of 150 bytes', '{"id":"1"}', `backend draining ${'y'.repeat(110)}`],
  ];
  it.each(rows)('%s', (_name, data, message) => {
    const c = classify(asText(data, { error: { code: 'unavailable', message } }));
    expect(c).toMatchObject({ failure: true, protocol: 'connect', errorCode: 'unavailable', retryable: true, message });
  });
  it('a text-captured stream that ended well is a success', () => {
    expect(classify(asText('{"name":"café"}', { metadata: {} })).failure).toBe(false);
  });
});
