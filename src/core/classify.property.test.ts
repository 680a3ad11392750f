// Property tests: classify never throws and always returns a well-formed Classification,
// over random and hostile headers, bodies, statuses, methods and encodings.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { networkErrorRule } from './network-errors';
import { classify } from './classify';
import { MAX_WAIT_SECONDS } from './retry';
import type { Classification, Exchange } from './types';

const NOW = Date.parse('2026-11-23T18:00:00Z');

const VERDICTS = [
  'retry-after',
  'retry-backoff',
  'retry-idempotent',
  'reauthenticate',
  'fix-request',
  'do-not-retry',
  'none',
];
const KINDS = ['client', 'server', 'network', 'body', 'canceled', 'none'];
const RETRY_VERDICTS = new Set(['retry-after', 'retry-backoff', 'retry-idempotent']);

/** Checks every field's type and the invariants that tie fields together. */
function assertWellFormed(c: Classification): void {
  expect(typeof c.failure).toBe('boolean');
  expect(KINDS).toContain(c.kind);
  expect(typeof c.status.code).toBe('number');
  expect(typeof c.status.reason).toBe('string');
  expect(typeof c.status.meaning).toBe('string');
  expect(typeof c.format).toBe('string');
  for (const v of [c.errorCode, c.errorId, c.errorIdSource, c.message, c.retryAfterSource])
    expect(v === null || typeof v === 'string').toBe(true);
  expect(Array.isArray(c.fieldErrors)).toBe(true);
  for (const f of c.fieldErrors) expect(typeof f.field === 'string' && typeof f.message === 'string').toBe(true);
  expect(typeof c.retryable).toBe('boolean');
  if (c.retryAfterSeconds !== null) {
    expect(Number.isFinite(c.retryAfterSeconds)).toBe(true);
    expect(c.retryAfterSeconds).toBeGreaterThanOrEqual(0);
    expect(c.retryAfterSeconds).toBeLessThanOrEqual(MAX_WAIT_SECONDS);
  }
  expect(typeof c.idempotent).toBe('boolean');
  expect(['method', 'idempotency-key', 'none']).toContain(c.idempotencySource);
  expect(VERDICTS).toContain(c.verdict);
  expect(typeof c.action).toBe('string');
  expect(c.action.length).toBeGreaterThan(0);
  expect(Array.isArray(c.requestIdHeaders)).toBe(true);
  expect(Array.isArray(c.notes)).toBe(true);
  // Cross-field invariants.
  expect(c.failure).toBe(c.kind !== 'none' && c.kind !== 'canceled');
  if (!c.failure) expect(c.verdict).toBe('none');
  expect(c.retryable).toBe(RETRY_VERDICTS.has(c.verdict));
  if (c.backoff) {
    expect(c.retryable).toBe(true);
    expect(c.retryAfterSeconds).toBeNull();
    const delays = c.backoff.steps.map((s) => s.delaySeconds);
    expect(delays).toEqual([...delays].sort((a, b) => a - b));
  }
  // Plain data: it crosses message ports and storage unchanged.
  expect(structuredClone(c)).toEqual(c);
}

const HEADER_NAMES = [
  'retry-after',
  'Retry-After',
  'retry-after-ms',
  'date',
  'content-type',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'ratelimit',
  'ratelimit-policy',
  'x-request-id',
  'request-id',
  'cf-ray',
  'traceparent',
  'allow',
  'www-authenticate',
  'x-should-retry',
  'stripe-should-retry',
  'x-ratelimit-reset-requests',
  'x-amzn-errortype',
  '__proto__',
  'constructor',
];
const GARBAGE_VALUES = [
  '-5',
  '1e309',
  '1e300',
  'soon',
  '',
  ' ',
  'NaN',
  'Infinity',
  'Fri, 31 Dec 9999 23:59:59 GMT',
  'Thu, 01 Jan 1970 00:00:00 GMT',
  '30',
  '2.5',
  '0',
  '12ms',
  '1m30s',
  '"default";r=0;t=30',
  'garbage;;',
  'true',
  'false',
  '00-zz',
  '9'.repeat(400),
  'Mon, 23 Nov 2026 18:01:30 GMT',
  'application/json',
  'text/event-stream',
  'image/png',
];

const headerName = fc.oneof(fc.constantFrom(...HEADER_NAMES), fc.string({ maxLength: 20 }));
const headerValue = fc.oneof(fc.constantFrom(...GARBAGE_VALUES), fc.string({ maxLength: 60 }), fc.integer());
const headerList = fc.oneof(
  fc.array(fc.record({ name: headerName, value: headerValue }), { maxLength: 12 }),
  fc.dictionary(headerName, headerValue, { maxKeys: 12 }),
  fc.anything({ maxDepth: 2 }),
);

const jsonText = fc.jsonValue({ maxDepth: 5 }).map((v) => JSON.stringify(v));
const brokenJson = jsonText.chain((t) => fc.nat({ max: Math.max(0, t.length) }).map((cut) => t.slice(0, cut)));
const errorish = fc
  .record(
    {
      error: fc.oneof(fc.string(), fc.record({ message: fc.string(), code: fc.oneof(fc.string(), fc.integer()) })),
      message: fc.oneof(fc.string(), fc.array(fc.string())),
      code: fc.oneof(fc.string(), fc.integer(), fc.double()),
      success: fc.boolean(),
      errors: fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 3 }),
      retry_after: fc.oneof(fc.double(), fc.string()),
      __proto__: fc.anything({ maxDepth: 1 }),
    },
    { requiredKeys: [] },
  )
  .map((v) => JSON.stringify(v));
const body = fc.oneof(
  fc.constant(undefined),
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 100 }),
  jsonText,
  brokenJson,
  errorish,
  fc.constantFrom(
    '<html><head><title>502 Bad Gateway</title></head></html>',
    '<?xml version="1.0"?><Error><Code>SlowDown</Code><RequestId>X1</RequestId></Error>',
    'event: error\ndata: {"type":"error","error":{"type":"overloaded_error"}}\n\n',
    '{"a":1,}',
    '{"__proto__":{"polluted":true}}',
    'iVBORw0KGgo=',
    '\u0000\u0001\u0002',
  ),
);

const status = fc.oneof(
  fc.constantFrom(
    0,
    -1,
    200,
    201,
    204,
    301,
    304,
    400,
    401,
    403,
    404,
    405,
    409,
    413,
    422,
    423,
    429,
    500,
    502,
    503,
    504,
    520,
    529,
    599,
    999,
  ),
  fc.integer({ min: -10, max: 1200 }),
  fc.double(),
);

const exchange = fc.record(
  {
    method: fc.oneof(fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'get', ''), fc.string({ maxLength: 8 })),
    url: fc.oneof(fc.webUrl(), fc.string({ maxLength: 40 })),
    requestHeaders: headerList,
    status,
    statusText: fc.string({ maxLength: 20 }),
    responseHeaders: headerList,
    body,
    bodyEncoding: fc.constantFrom(undefined, 'base64', 'gzip'),
    bodyTruncated: fc.boolean(),
    error: fc.oneof(
      fc.constant(undefined),
      fc.constantFrom('net::ERR_CONNECTION_REFUSED', 'net::ERR_ABORTED', 'CORS error', 'net::ERR_QUIC_PROTOCOL_ERROR'),
      fc.string({ maxLength: 30 }),
    ),
    startedAt: fc.oneof(fc.constant(undefined), fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.double()),
    durationMs: fc.oneof(fc.constant(undefined), fc.double()),
    mimeType: fc.oneof(
      fc.constant(undefined),
      fc.constantFrom('application/json', 'text/html', 'image/png', 'text/event-stream', ''),
    ),
  },
  { requiredKeys: ['method', 'url', 'status'] },
) as unknown as fc.Arbitrary<Exchange>;

describe('classify properties', () => {
  it('never throws and always returns a well-formed classification', () => {
    fc.assert(
      fc.property(exchange, (e) => {
        assertWellFormed(classify(e, { now: NOW }));
      }),
      { numRuns: 1500 },
    );
  });

  it('never throws on anything at all', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 3, withNullPrototype: true, withMap: true, withSet: true }), (input) => {
        assertWellFormed(classify(input as Exchange, { now: NOW }));
      }),
      { numRuns: 500 },
    );
  });

  it('fails exactly when the status is 400 or above, for non-2xx statuses with a response and no browser error', () => {
    fc.assert(
      fc.property(
        exchange,
        fc.integer({ min: 100, max: 999 }).filter((s) => s < 200 || s >= 300),
        (e, s) => {
          const c = classify({ ...e, status: s, error: undefined }, { now: NOW });
          expect(c.failure).toBe(s >= 400);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('always fails without a response, unless the page canceled it', () => {
    fc.assert(
      fc.property(exchange, fc.integer({ min: -5, max: 0 }), (e, s) => {
        const c = classify({ ...e, status: s }, { now: NOW });
        const canceled = networkErrorRule(e.error).cause === 'aborted';
        expect(c).toMatchObject(canceled ? { failure: false, kind: 'canceled' } : { failure: true, kind: 'network' });
      }),
      { numRuns: 300 },
    );
  });

  it('is idempotent exactly for RFC 9110 methods or a request carrying an idempotency key', () => {
    fc.assert(
      fc.property(
        exchange,
        fc.constantFrom('GET', 'PUT', 'DELETE', 'POST', 'PATCH'),
        fc.boolean(),
        (e, method, key) => {
          const c = classify(
            { ...e, method, requestHeaders: key ? { 'Idempotency-Key': 'k-1' } : {}, requestBody: undefined },
            { now: NOW },
          );
          expect(c.idempotent).toBe(['GET', 'PUT', 'DELETE'].includes(method) || key);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never retries a 4xx other than 408, 423, 425 and 429 without a server hint or rate-limit evidence', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 400, max: 499 }).filter((s) => ![408, 420, 421, 423, 425, 429].includes(s)),
        fc.constantFrom('GET', 'POST'),
        (s, method) => {
          const c = classify({ method, url: 'https://api.example.com/', status: s, body: '' }, { now: NOW });
          expect(c.retryable).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is deterministic for a fixed clock', () => {
    fc.assert(
      fc.property(exchange, (e) => {
        expect(classify(e, { now: NOW })).toEqual(classify(e, { now: NOW }));
      }),
      { numRuns: 200 },
    );
  });
});

describe('hostile inputs', () => {
  it('handles 100,000 levels of JSON nesting, valid and invalid', () => {
    const depth = 100_000;
    for (const text of [
      `${'['.repeat(depth)}${']'.repeat(depth)}`,
      `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
      `${'['.repeat(depth)}1,${']'.repeat(depth)}`,
      '['.repeat(depth),
    ]) {
      const c = classify({
        method: 'GET',
        url: 'x',
        status: 500,
        body: text,
        responseHeaders: { 'content-type': 'application/json' },
      });
      assertWellFormed(c);
      expect(c.failure).toBe(true);
    }
  });

  it('never pollutes prototypes through __proto__, constructor or prototype keys', () => {
    const bodies = [
      '{"__proto__":{"polluted":"yes"},"error":"x","message":"m"}',
      '{"constructor":{"prototype":{"polluted":"yes"}},"errors":[{"__proto__":{"polluted":"yes"}}]}',
      '{"__proto__":{"polluted":"yes"},"error":{"__proto__":{"polluted":"yes"}},}', // lenient path
      '{"error":{"message":"x","__proto__":{"polluted":"yes"}}, "success": false, "data": null, "errors": [{"__proto__": {"polluted": "yes"}}]}',
    ];
    for (const text of bodies) {
      for (const status of [200, 400, 500]) {
        assertWellFormed(
          classify({
            method: 'POST',
            url: 'x',
            status,
            body: text,
            responseHeaders: { 'content-type': 'application/json', __proto__: 'x' },
          }),
        );
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    expect((Array.prototype as unknown as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('handles 5,000 headers', () => {
    const headers = Array.from({ length: 5000 }, (_, i) => ({
      name: i % 2 ? `X-Header-${i}` : 'Retry-After',
      value: i % 2 ? 'v'.repeat(50) : String(i),
    }));
    const c = classify(
      { method: 'GET', url: 'x', status: 429, responseHeaders: headers, requestHeaders: headers, body: '' },
      { now: NOW },
    );
    assertWellFormed(c);
    // Repeated Retry-After values join; the largest (4998) is used.
    expect(c.retryAfterSeconds).toBe(4998);
  });

  it('handles garbage Retry-After values sanely', () => {
    const expected: Array<[string, number | null]> = [
      ['-5', null],
      ['1e309', null],
      ['soon', null],
      ['', null],
      ['1e300', MAX_WAIT_SECONDS],
      ['Fri, 31 Dec 9999 23:59:59 GMT', MAX_WAIT_SECONDS],
      ['Thu, 01 Jan 1970 00:00:00 GMT', null],
      ['2.5', 2.5],
    ];
    for (const [value, seconds] of expected) {
      const c = classify({
        method: 'GET',
        url: 'x',
        status: 503,
        responseHeaders: { 'retry-after': value, date: 'Mon, 23 Nov 2026 18:00:00 GMT' },
        body: '',
      });
      assertWellFormed(c);
      expect(c.retryAfterSeconds, value).toBe(seconds);
      expect(c.retryable).toBe(true);
    }
  });

  it('handles a huge body and a huge base64 body', () => {
    const big = `{"message":"${'x'.repeat(3 * 1024 * 1024)}"}`;
    const c = classify({
      method: 'GET',
      url: 'x',
      status: 500,
      body: big,
      responseHeaders: { 'content-type': 'application/json' },
    });
    assertWellFormed(c);
    expect(c.notes.join()).toMatch(/2 MiB/);
    const b64 = classify({
      method: 'GET',
      url: 'x',
      status: 500,
      body: 'QUFB'.repeat(1_000_000),
      bodyEncoding: 'base64',
    });
    assertWellFormed(b64);
  });
});

// The generic inference (src/core/infer) walks whatever envelope arrives: random nestings of the
// keys it looks for, at any depth and width, must never throw, must stay bounded, and a 2xx body
// without any failure marker must stay a success with nothing invented.
describe('generic inference properties', () => {
  const envelopeKeys = [
    'error',
    'errors',
    'code',
    'errorCode',
    'error_code',
    'message',
    'msg',
    'detail',
    'details',
    'status',
    'type',
    'reason',
    'name',
    'fault',
    'request_id',
    'requestId',
    'trace_id',
    'debug_id',
    'meta',
    'retryAfter',
    'retry_after_ms',
    'ok',
    'success',
    'result',
    'items',
    'data',
    'Response',
    'id',
    'innerErrors',
    '__proto__',
    'constructor',
    'hereErrorCode',
    'clerk_trace_id',
  ];
  const leaf = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.constantFrom(
      'INVALID_ARGUMENT',
      'not_found',
      'Validation Failed',
      'NOTOK',
      'error',
      'ok',
      'REQUEST_DENIED',
      '3f1c2a9e-1111-4c2b-9a7e-5d2f0b6c7a10',
      'retry in 30 seconds',
    ),
    fc.integer({ min: -100000, max: 100000 }),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
  );
  const { envelope } = fc.letrec((tie) => ({
    envelope: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.array(tie('envelope'), { maxLength: 4 }),
      fc.dictionary(fc.constantFrom(...envelopeKeys), tie('envelope'), { maxKeys: 6 }),
    ),
  }));

  it('never throws, and every field it reports stays bounded', () => {
    fc.assert(
      fc.property(envelope, fc.constantFrom(200, 201, 400, 401, 403, 404, 409, 422, 429, 500, 503), (json, code) => {
        const c = classify(
          {
            method: 'POST',
            url: 'https://api.example.com/v1/x',
            status: code,
            responseHeaders: { 'content-type': 'application/json' },
            body: JSON.stringify(json),
          },
          { now: NOW },
        );
        assertWellFormed(c);
        expect(c.notes.some((n) => n.startsWith('internal error'))).toBe(false);
        expect((c.errorCode ?? '').length).toBeLessThanOrEqual(200);
        expect((c.errorId ?? '').length).toBeLessThanOrEqual(256);
        expect((c.message ?? '').length).toBeLessThanOrEqual(2000);
      }),
      { numRuns: 800 },
    );
  });

  it('a deep or wide envelope costs a bounded walk (10,000 keys, 2,000 levels)', () => {
    const wide: Record<string, unknown> = {};
    for (let i = 0; i < 10_000; i++) wide[`k${i}`] = { message: `m${i}`, code: `C_${i}` };
    let deep: unknown = { error: { code: 'DEEP', message: 'deep failure' } };
    for (let i = 0; i < 2000; i++) deep = i % 2 ? { error: deep } : { errors: [deep] };
    for (const json of [wide, deep]) {
      const c = classify(
        {
          method: 'GET',
          url: 'https://api.example.com/',
          status: 500,
          responseHeaders: { 'content-type': 'application/json' },
          body: JSON.stringify(json),
        },
        { now: NOW },
      );
      assertWellFormed(c);
      expect(c.notes.some((n) => n.startsWith('internal error'))).toBe(false);
    }
  });

  it('keeps 2xx bodies without a failure marker successes, with no code invented', () => {
    const plainKeys = [
      'id',
      'name',
      'title',
      'items',
      'data',
      'total',
      'page',
      'user',
      'created_at',
      'description',
      'tags',
      'count',
      'type',
      'reason',
    ];
    const plain = fc.dictionary(
      fc.constantFrom(...plainKeys),
      fc.oneof(
        fc.string({ maxLength: 20 }),
        fc.integer(),
        fc.boolean(),
        fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
      ),
      { maxKeys: 8 },
    );
    fc.assert(
      fc.property(plain, fc.constantFrom(200, 201, 202), (json, code) => {
        const c = classify(
          {
            method: 'GET',
            url: 'https://api.example.com/v1/things',
            status: code,
            responseHeaders: { 'content-type': 'application/json' },
            body: JSON.stringify(json),
          },
          { now: NOW },
        );
        expect(c.failure).toBe(false);
        expect(c.errorCode).toBeNull();
      }),
      { numRuns: 500 },
    );
  });
});
