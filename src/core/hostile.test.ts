// The hostile set (issue 9) through the classifier and everything that copies or exports an exchange.
// Bounds are the documented constants (MAX_PARSE_BYTES, MAX_MESSAGE_CHARS, MAX_WAIT_SECONDS), never
// timings. Regressions found by fuzzing live in ./fixtures/hostile/ and run here too.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PARSE_BYTES } from './body';
import { classify, MAX_MESSAGE_CHARS } from './classify';
import { HAR_DEFAULT_MAX_BODY_CHARS, parseHar, toHar } from './har';
import { MAX_WAIT_SECONDS } from './retry';
import { supportTicket, toCurl, toFetch } from './ticket';
import type { Classification, Exchange } from './types';
import { exportHar, exportJson } from '../panel/export';
import type { RequestRecord } from '../protocol/messages';

const NOW = Date.parse('2026-11-23T18:00:00Z');
const MiB = 1024 * 1024;
/** Property runs scale with FAULTLINE_FUZZ_RUNS (a multiplier, default 1) for a longer local fuzzing session. */
const FUZZ = Math.max(1, Number(process.env.FAULTLINE_FUZZ_RUNS) || 1);
const FIXTURES = new URL('./fixtures/hostile/', import.meta.url);

/** Notes classify leaves when a stage threw and a fallback took over: a crash in all but name. */
const CRASH_NOTE = /internal error while classifying|recognizer \S+ failed|overrides failed/;

function classifyClean(exchange: Exchange): Classification {
  const c = classify(exchange, { now: NOW });
  expect(c.notes.filter((n) => CRASH_NOTE.test(n))).toEqual([]);
  expect(typeof c.action).toBe('string');
  if (c.retryAfterSeconds !== null) {
    expect(Number.isFinite(c.retryAfterSeconds)).toBe(true);
    expect(c.retryAfterSeconds).toBeGreaterThanOrEqual(0);
    expect(c.retryAfterSeconds).toBeLessThanOrEqual(MAX_WAIT_SECONDS);
  }
  return c;
}

const bytesToBase64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
/** What a browser hands over for bytes that are not UTF-8: the WHATWG decoder's U+FFFD replacements. */
const decodeLikeABrowser = (bytes: Uint8Array): string => new TextDecoder('utf-8').decode(bytes);

/** Invalid UTF-8: bad continuation, overlong, surrogate, 0xFF/0xFE, and a NUL (the demo's set). */
const INVALID_UTF8 = Uint8Array.from([
  0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xff, 0xfe, 0x00,
]);

function pseudoRandomBytes(length: number, seed = 0x9e3779b9): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

const concatBytes = (...parts: Array<Uint8Array | string>): Uint8Array => {
  const chunks = parts.map((p) => (typeof p === 'string' ? new TextEncoder().encode(p) : p));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
};

const json = (status: number, body: string, headers: Record<string, string> = {}): Exchange => ({
  method: 'GET',
  url: 'https://api.test/v1/hostile',
  status,
  responseHeaders: { 'content-type': 'application/json', ...headers },
  body,
});

// ---------------------------------------------------------------------------------------------
// Bodies

describe('hostile bodies', () => {
  it(`reads a 50 MB body only up to MAX_PARSE_BYTES (${MAX_PARSE_BYTES}) and says so in the notes`, () => {
    const head =
      '{"error":{"code":"huge_body","message":"A very large error body.","request_id":"req_hostile_huge"},"padding":"';
    const body = head + 'x'.repeat(50 * MiB - head.length - 2) + '"}';
    const c = classifyClean(json(500, body));
    expect(c.notes).toContain(`body parsed up to the first ${MAX_PARSE_BYTES} characters (2 MiB)`);
    // The head is still read: what a developer needs is at the start of an error body.
    expect(c.errorCode).toBe('huge_body');
    expect(c.errorId).toBe('req_hostile_huge');
  });

  it('passes on that a body was cut before it arrived (the capture cuts at its per-body cap)', () => {
    const c = classifyClean({ ...json(500, '{"error":{"code":"cut","message":"partial'), bodyTruncated: true });
    expect(c.notes).toContain('body was cut before it reached the classifier');
    expect(c.errorCode).toBe('cut');
  });

  it(`cuts a 50 MB message to at most MAX_MESSAGE_CHARS (${MAX_MESSAGE_CHARS}), ending in a visible …`, () => {
    // A recognized format clips its message itself (formats/util.ts, 1,000 characters, with '…');
    // an unrecognized one is clipped by classify, which also leaves a note.
    const recognized = classifyClean(json(500, `{"error":{"code":"long","message":"${'m'.repeat(50 * MiB)}"}}`));
    expect(recognized.errorCode).toBe('long');
    expect(recognized.message!.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
    expect(recognized.message!.endsWith('…')).toBe(true);
    const plain = classifyClean({
      ...json(500, 'm'.repeat(50 * MiB)),
      responseHeaders: { 'content-type': 'text/plain' },
    });
    expect(plain.notes).toContain(`body parsed up to the first ${MAX_PARSE_BYTES} characters (2 MiB)`);
    if (plain.message !== null) {
      expect(plain.message.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
      expect(plain.message.endsWith('…')).toBe(true);
    }
  });

  it(`decodes at most MAX_PARSE_BYTES of a 50 MB base64 body, with a note`, () => {
    const raw = `{"error":{"code":"b64_huge","message":"base64"},"pad":"${'p'.repeat(38 * MiB)}"}`;
    const c = classifyClean({ ...json(500, Buffer.from(raw).toString('base64')), bodyEncoding: 'base64' });
    expect(c.notes).toContain(`body parsed up to the first ${MAX_PARSE_BYTES} bytes (2 MiB)`);
    expect(c.errorCode).toBe('b64_huge');
  });

  it('classifies JSON nested 100,000 levels deep, valid or cut, without a crash', () => {
    const levels = 100_000;
    const valid = `{"error":{"code":"deep_json","message":"Nested ${levels} levels deep.","detail":${'['.repeat(levels - 2)}${']'.repeat(levels - 2)}}}`;
    const deepObjects = `{"error":{"code":"deep_objects","message":"m","detail":${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}}}`;
    const unterminated = `{"error":{"code":"deep_cut","message":"m","detail":${'['.repeat(levels)}`;
    const garbage = `{"error":{"code":"deep_garbage","detail":${'{"a":['.repeat(levels / 2)},,]`;
    expect(classifyClean(json(500, valid)).errorCode).toBe('deep_json');
    expect(classifyClean(json(500, deepObjects)).errorCode).toBe('deep_objects');
    const cut = classifyClean(json(500, unterminated));
    expect(cut.errorCode).toBe('deep_cut');
    expect(cut.notes.some((n) => n.startsWith('invalid JSON read leniently'))).toBe(true);
    const broken = classifyClean(json(500, garbage));
    expect(broken.failure).toBe(true);
  });

  it('classifies hostile XML without a crash: billion laughs, 10,000-deep nesting, a 5,000-attribute element', () => {
    const xml = (status: number, body: string): Exchange => ({
      method: 'GET',
      url: 'https://api.example.test/v1/x',
      status,
      responseHeaders: { 'content-type': 'application/xml' },
      body,
    });
    const lols = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">${lols}]><error><code>E_LAUGH</code><message>&lol9;</message></error>`;
    const laughed = classifyClean(xml(400, laughs));
    expect(laughed.errorCode).toBe('E_LAUGH');
    // The DTD's entities are never expanded: nothing of the 10^9 "lol"s reaches the message.
    expect(String(laughed.message ?? '')).not.toContain('lollol');
    const deep = `<error><code>E_DEEP</code><detail>${'<a>'.repeat(10_000)}x${'</a>'.repeat(10_000)}</detail></error>`;
    expect(classifyClean(xml(500, deep)).errorCode).toBe('E_DEEP');
    const attrs = Array.from({ length: 5000 }, (_, i) => `a${i}="v${i}"`).join(' ');
    const wide = classifyClean(
      xml(200, `<result ${attrs}><status>failure</status><message>Quota used up today</message></result>`),
    );
    expect(wide.failure).toBe(true);
  });

  it("gives format 'binary' with a note for invalid UTF-8 and random bytes, decoded or base64", () => {
    const invalidJson = concatBytes(
      '{"error":{"code":"bad_',
      INVALID_UTF8,
      '","message":"Invalid ',
      INVALID_UTF8,
      ' UTF-8.","request_id":"req_hostile_utf8"}}',
    );
    const binary = concatBytes(INVALID_UTF8, pseudoRandomBytes(4096), INVALID_UTF8);
    const cases: Array<[string, Exchange]> = [
      ['invalid UTF-8 JSON, decoded', json(500, decodeLikeABrowser(invalidJson))],
      ['invalid UTF-8 JSON, base64', { ...json(500, bytesToBase64(invalidJson)), bodyEncoding: 'base64' }],
      [
        'octet-stream, decoded',
        { ...json(500, decodeLikeABrowser(binary)), responseHeaders: { 'content-type': 'application/octet-stream' } },
      ],
      [
        'octet-stream, base64',
        {
          ...json(500, bytesToBase64(binary)),
          bodyEncoding: 'base64',
          responseHeaders: { 'content-type': 'application/octet-stream' },
        },
      ],
      ['no content type, base64', { ...json(500, bytesToBase64(binary)), bodyEncoding: 'base64', responseHeaders: {} }],
    ];
    for (const [name, exchange] of cases) {
      const c = classifyClean(exchange);
      expect(c.format, name).toBe('binary');
      expect(c.notes, name).toContain('binary body not parsed');
      expect(c.message, name).toBeNull();
    }
    const png = classifyClean({
      ...json(500, bytesToBase64(binary)),
      bodyEncoding: 'base64',
      responseHeaders: { 'content-type': 'image/png' },
    });
    expect(png.format).toBe('binary');
    expect(png.notes).toContain('binary body (image/png) not parsed');
  });

  it('decodes base64 bodies, standard and URL-safe, and notes a body marked base64 that is not', () => {
    const raw = '{"error":{"code":"b64_code","message":"from base64 ~~??","request_id":"req_b64"}}';
    const standard = Buffer.from(raw).toString('base64');
    const urlSafe = standard.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    expect(urlSafe).not.toBe(standard);
    for (const body of [standard, urlSafe, standard.replace(/(.{16})/g, '$1\r\n')]) {
      const c = classifyClean({ ...json(400, body), bodyEncoding: 'base64' });
      expect(c.errorCode).toBe('b64_code');
      expect(c.message).toBe('from base64 ~~??');
      expect(c.errorId).toBe('req_b64');
    }
    const notBase64 = classifyClean({ ...json(400, '{"error":{"code":"plain"}} ***'), bodyEncoding: 'base64' });
    expect(notBase64.notes).toContain('body marked base64 is not valid base64; read as text');
  });
});

// ---------------------------------------------------------------------------------------------
// Prototype keys

describe('__proto__, constructor and prototype keys', () => {
  const PROTO_BODY =
    '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true},"polluted":true},"prototype":{"polluted":true},' +
    '"error":{"__proto__":{"polluted":true},"constructor":{"polluted":true},"prototype":{"polluted":true},' +
    '"code":"__proto__","message":"constructor","request_id":"prototype"}}';
  const prototypes = [Object.prototype, Array.prototype, Function.prototype, String.prototype];
  let before: string[][];

  beforeAll(() => {
    before = prototypes.map((p) => Object.getOwnPropertyNames(p).sort());
  });
  afterAll(() => {
    // Also checked after the HAR and fuzz tests below have run in this file.
    expect(prototypes.map((p) => Object.getOwnPropertyNames(p).sort())).toEqual(before);
  });

  it('reads them as data and pollutes nothing', () => {
    for (const status of [200, 400, 500]) {
      for (const body of [PROTO_BODY, `${PROTO_BODY.slice(0, -1)},}`, PROTO_BODY.slice(0, 200)]) {
        // Header records parsed from JSON carry "__proto__" as an own key, as a HAR or a message would.
        const headers = JSON.parse(
          '{"content-type":"application/json","__proto__":"x","constructor":"y","x-request-id":"__proto__"}',
        ) as Record<string, string>;
        classifyClean({
          method: 'POST',
          url: 'https://api.test/__proto__?constructor=1',
          status,
          responseHeaders: headers,
          requestHeaders: headers,
          body,
        });
      }
    }
    const c = classifyClean(json(400, PROTO_BODY, { 'x-request-id': '__proto__' }));
    expect(c.errorCode).toBe('__proto__');
    expect(c.message).toBe('constructor');
    expect(c.errorId).toBe('prototype');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(prototypes.map((p) => Object.getOwnPropertyNames(p).sort())).toEqual(before);
    // The classification is plain data: it survives structured clone unchanged.
    expect(structuredClone(c)).toEqual(c);
  });

  it('reads a HAR full of them and writes them back out as plain names', () => {
    const entry =
      `{"__proto__":{"polluted":true},"request":{"method":"GET","url":"https://api.test/p","headers":[{"name":"__proto__","value":"v"},{"name":"constructor","value":"w"}]},` +
      `"response":{"status":400,"headers":[{"name":"__proto__","value":"v"}],"content":{"mimeType":"application/json","text":${JSON.stringify(PROTO_BODY)}}}}`;
    const har = parseHar(
      `{"__proto__":{"polluted":true},"log":{"constructor":{"polluted":true},"entries":[${entry}]}}`,
    );
    expect(har.exchanges).toHaveLength(1);
    const exchange = har.exchanges[0]!;
    expect(classifyClean(exchange).errorCode).toBe('__proto__');
    const out = JSON.stringify(toHar([exchange], { name: 't', version: '1' }));
    expect(JSON.parse(out).log.entries[0].request.headers).toEqual([
      { name: '__proto__', value: 'v' },
      { name: 'constructor', value: 'w' },
    ]);
    expect(toFetch(exchange)).toContain('["__proto__"]: "v"');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------
// Headers

/** The garbage the demo's /api/hostile/retry-garbage sends beside Retry-After. */
const GARBAGE_RATELIMIT_HEADERS: Record<string, string> = {
  ratelimit: 'limit=abc, remaining=-1, reset=soon',
  'ratelimit-policy': '"burst";q=??;w=-1, ;;;',
  'ratelimit-limit': 'NaN',
  'ratelimit-remaining': '-1',
  'ratelimit-reset': '1e309',
  'x-ratelimit-limit': '100, 100;w=1e309',
  'x-ratelimit-remaining': 'lots',
  'x-ratelimit-reset': 'tomorrow',
};

describe('hostile headers', () => {
  it('classifies 5,000 response headers and still finds the ID and the wait after them', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({
      name: `x-h${String(i).padStart(5, '0')}`,
      value: String(i % 10),
    }));
    const c = classifyClean({
      method: 'GET',
      url: 'https://api.test/v1/many',
      status: 503,
      responseHeaders: [
        ...many,
        { name: 'X-Request-Id', value: 'req_after_5000' },
        { name: 'Retry-After', value: '7' },
      ],
      body: '',
    });
    expect(c.errorId).toBe('req_after_5000');
    expect(c.retryAfterSeconds).toBe(7);
    // Nothing is dropped silently from what is copied: every header reaches cURL.
    const curl = toCurl({ method: 'GET', url: 'https://api.test/v1/many', requestHeaders: many, status: 503 });
    expect(curl.split('\n').filter((l) => l.includes("-H 'x-h"))).toHaveLength(5000);
  });

  it('classifies 50,000 response headers (the demo route maximum)', () => {
    const many = Array.from({ length: 50_000 }, (_, i) => ({ name: `x-h${i}`, value: 'v' }));
    expect(
      classifyClean({ method: 'GET', url: 'https://api.test/', status: 500, responseHeaders: many, body: '' }).failure,
    ).toBe(true);
  });

  // [Retry-After value, the wait (seconds) the documented rules give, the note that explains it]
  const RETRY_AFTER: Array<[string, number | null, RegExp]> = [
    ['-5', null, /^Retry-After '-5' ignored: negative$/],
    ['1e309', null, /^Retry-After '1e309' ignored: not a finite number$/],
    ['soon', null, /^Retry-After 'soon' ignored: neither seconds nor an HTTP-date$/],
    [
      'Fri, 31 Dec 9999 23:59:59 GMT',
      MAX_WAIT_SECONDS,
      /^Retry-After 'Fri, 31 Dec 9999 23:59:59 GMT' capped at 31622400 s/,
    ],
    [
      'Thu, 01 Jan 1970 00:00:00 GMT',
      null,
      /^Retry-After 'Thu, 01 Jan 1970 00:00:00 GMT' ignored: a date long in the past$/,
    ],
    ['1e300', MAX_WAIT_SECONDS, /capped at 31622400 s/],
    ['NaN', null, /^Retry-After 'NaN' ignored/],
    ['Infinity', null, /^Retry-After 'Infinity' ignored/],
  ];

  it.each(RETRY_AFTER)('Retry-After %j gives a sane wait (%s) with a note', (value, seconds, note) => {
    for (const withDate of [false, true]) {
      const headers: Record<string, string> = { 'retry-after': value, ...GARBAGE_RATELIMIT_HEADERS };
      if (withDate) headers.date = 'Mon, 23 Nov 2026 18:00:00 GMT';
      const c = classifyClean(json(429, '{"error":{"code":"rate_limited","message":"Slow down."}}', headers));
      expect(c.retryAfterSeconds).toBe(seconds);
      expect(
        c.notes.some((n) => note.test(n)),
        c.notes.join(' | '),
      ).toBe(true);
      // Still a rate limit: retry, with the server's wait or with backoff.
      expect(c.retryable).toBe(true);
      expect(c.verdict).toBe(seconds === null ? 'retry-backoff' : 'retry-after');
    }
  });

  it.each(['ratelimit', 'ratelimit-reset', 'x-ratelimit-reset'])(
    'a garbage %s header alone gives no wait, and a note says it was ignored',
    (name) => {
      const c = classifyClean(json(429, '', { [name]: GARBAGE_RATELIMIT_HEADERS[name] }));
      expect(c.retryAfterSeconds).toBeNull();
      expect(
        c.notes.some((n) => n.toLowerCase().startsWith(name) && /ignored/.test(n)),
        c.notes.join(' | '),
      ).toBe(true);
    },
  );

  it('never reports a wait outside [0, MAX_WAIT_SECONDS] for any value of any wait header (property)', () => {
    const waitHeaders = [
      'retry-after',
      'retry-after-ms',
      'ratelimit',
      'ratelimit-reset',
      'x-ratelimit-reset',
      'x-ratelimit-reset-after',
      'x-rate-limit-reset',
      'x-ratelimit-reset-requests',
      'anthropic-ratelimit-requests-reset',
      'date',
    ];
    const numberish = fc.oneof(
      fc.double().map(String),
      fc.bigInt().map(String),
      fc.integer().map((n) => `${n}e${n % 400}`),
      fc.constantFrom('-0', '+5', '.5', '5.', '0x10', '1_000', '١٢', 'Infinity', '-Infinity'),
    );
    const dateish = fc
      .date({ noInvalidDate: false })
      .map((d) => (Number.isNaN(d.getTime()) ? 'Invalid Date' : d.toUTCString()));
    const sfish = fc
      .tuple(fc.string({ maxLength: 8 }), numberish, numberish)
      .map(([n, r, t]) => `"${n}";r=${r};t=${t}`);
    const value = fc.oneof(
      numberish,
      dateish,
      sfish,
      fc.string({ maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(429, 503, 500, 403, 200),
        fc.array(fc.tuple(fc.constantFrom(...waitHeaders), value), { maxLength: 6 }),
        (status, pairs) => {
          classifyClean({
            method: 'GET',
            url: 'https://api.test/',
            status,
            responseHeaders: pairs.map(([name, v]) => ({ name, value: v })),
            body: '',
          });
        },
      ),
      { numRuns: 2000 * FUZZ },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Fuzzing the classifier with hostile shapes (shrinks to the smallest failing input)

describe('classifier fuzzing', () => {
  const keys = fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'error',
    'errors',
    'message',
    'code',
    'detail',
    'request_id',
    'retry_after',
    'status',
    'type',
    'title',
    'success',
    'data',
    'fault',
    'id',
    'toString',
    'valueOf',
    'hasOwnProperty',
  );
  const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
    v: fc.oneof(
      { depthSize: 'small' },
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('v'), { maxLength: 4 }),
      fc.dictionary(keys, tie('v'), { maxKeys: 5 }),
    ),
  })).v;
  const bodyText = fc.oneof(
    value.map((v) => JSON.stringify(v) ?? ''),
    value.chain((v) => {
      const s = JSON.stringify(v) ?? '';
      return fc.nat({ max: s.length }).map((cut) => s.slice(0, cut));
    }),
    fc
      .tuple(fc.nat({ max: 3000 }), fc.constantFrom('[', '{"a":', '{"error":', '[{"__proto__":'))
      .map(([n, open]) => open.repeat(n)),
    fc.string({ unit: 'binary', maxLength: 200 }),
  );
  const headerNames = fc.constantFrom(
    'content-type',
    'retry-after',
    'x-request-id',
    'ratelimit',
    'x-ratelimit-reset',
    'date',
    'x-amzn-errortype',
    'www-authenticate',
    'allow',
    'x-should-retry',
    '__proto__',
    'constructor',
  );
  const headers = fc.array(
    fc.record({
      name: headerNames,
      value: fc.oneof(
        fc.string({ unit: 'binary', maxLength: 50 }),
        fc.constantFrom(
          'application/json',
          'text/html',
          'application/problem+json',
          'text/event-stream',
          'application/octet-stream',
          'image/png',
        ),
      ),
    }),
    { maxLength: 8 },
  );

  it('never falls back to the internal-error classification, and keeps every wait in bounds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -2, max: 1000 }),
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', ''),
        headers,
        bodyText,
        fc.boolean(),
        (status, method, responseHeaders, body, asBase64) => {
          const exchange: Exchange = {
            method,
            url: 'https://api.test/fuzz',
            status,
            responseHeaders,
            body: asBase64 ? Buffer.from(body).toString('base64') : body,
          };
          if (asBase64) exchange.bodyEncoding = 'base64';
          classifyClean(exchange);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        },
      ),
      { numRuns: 3000 * FUZZ },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Secrets: every copy and export is redacted by default

type Output = [name: string, text: string];

function record(exchange: Exchange, classification: Classification): RequestRecord {
  return {
    kind: 'request',
    id: 'wr:1',
    tabId: 1,
    seq: 1,
    exchange,
    classification,
    bodyState: 'captured',
    sources: ['devtools'],
  };
}

/** Everything Faultline lets a user copy or export for one exchange, with the default (redacted) settings. */
function everyOutput(exchange: Exchange): Output[] {
  const c = classify(exchange, { now: NOW });
  const r = record(exchange, c);
  return [
    ['support ticket', supportTicket(exchange, c)],
    ['cURL', toCurl(exchange)],
    ['fetch', toFetch(exchange)],
    ['toHar', JSON.stringify(toHar([{ exchange, classification: c }], { name: 'Faultline', version: 'test' }))],
    ['JSON export', exportJson([r], { version: 'test', view: 'live', filter: '', chips: [] })],
    ['HAR export', exportHar([r], 'test')],
  ];
}

/** [output name, secret] for every secret found in an output: the expected value is []. */
function leaks(outputs: Output[], secrets: readonly string[]): string[] {
  const found: string[] = [];
  for (const [name, text] of outputs) {
    for (const s of secrets) {
      for (const form of new Set([s, encodeURIComponent(s), JSON.stringify(s).slice(1, -1)])) {
        if (text.includes(form)) found.push(`${name}: ${s}`);
      }
    }
  }
  return found;
}

const secretOf = (where: string): string => `Zx81${where}Secret0123456789`;

describe('secrets are redacted in every copy and export', () => {
  const placed = {
    authorization: secretOf('Authorization'),
    cookie: secretOf('Cookie'),
    apiToken: secretOf('ApiTokenHeader'),
    xApiKey: secretOf('XApiKey'),
    setCookie: secretOf('SetCookie'),
    proxyAuth: secretOf('ProxyAuthorization'),
    queryToken: secretOf('QueryToken'),
    queryAccessToken: secretOf('QueryAccessToken'),
    queryApiKey: secretOf('QueryApiKey'),
    querySig: secretOf('QuerySig'),
    querySignature: secretOf('QueryAmzSignature'),
    queryClientSecret: secretOf('QueryClientSecret'),
    queryCode: secretOf('QueryCode'),
    queryApiToken: secretOf('QueryApiToken'),
    fragmentToken: secretOf('FragmentToken'),
    password: secretOf('UserinfoPassword'),
    bodyPassword: secretOf('BodyPassword'),
    bodyApiToken: secretOf('BodyApiToken'),
    responseToken: secretOf('ResponseAccessToken'),
  };
  const exchange: Exchange = {
    method: 'POST',
    url:
      `https://user:${placed.password}@api.test/v1/articles?token=${placed.queryToken}&access_token=${placed.queryAccessToken}` +
      `&api_key=${placed.queryApiKey}&sig=${placed.querySig}&X-Amz-Signature=${placed.querySignature}&client_secret=${placed.queryClientSecret}` +
      `&code=${placed.queryCode}&api_token=${placed.queryApiToken}&page=2#access_token=${placed.fragmentToken}`,
    requestHeaders: [
      { name: 'Authorization', value: `Bearer ${placed.authorization}` },
      { name: 'Cookie', value: `sid=${placed.cookie}; theme=dark` },
      { name: 'api_token', value: placed.apiToken },
      { name: 'X-API-Key', value: placed.xApiKey },
      { name: 'Proxy-Authorization', value: `Basic ${placed.proxyAuth}` },
      { name: 'Content-Type', value: 'application/json' },
      { name: 'Idempotency-Key', value: 'idem-visible-1' },
    ],
    requestBody: JSON.stringify({
      title: 'visible title',
      password: placed.bodyPassword,
      nested: { api_token: placed.bodyApiToken },
    }),
    status: 401,
    statusText: 'Unauthorized',
    responseHeaders: [
      { name: 'Set-Cookie', value: `session=${placed.setCookie}; HttpOnly; Secure` },
      { name: 'content-type', value: 'application/json' },
      { name: 'x-request-id', value: 'req_visible_401' },
    ],
    body: JSON.stringify({
      error: { code: 'unauthorized', message: 'The api_token is invalid.', request_id: 'req_visible_401' },
      access_token: placed.responseToken,
    }),
    startedAt: NOW,
  };

  it('keeps Authorization, Cookie, Set-Cookie, api_token, x-api-key and token-like parameters out of all six outputs', () => {
    const outputs = everyOutput(exchange);
    expect(leaks(outputs, Object.values(placed))).toEqual([]);
    for (const [name, text] of outputs) {
      expect(text, name).toContain('[REDACTED]');
      // What is not secret is still there.
      expect(text, name).toContain('page=2');
      if (name === 'cURL' || name === 'fetch') expect(text, name).toContain('idem-visible-1');
      else expect(text, name).toContain('req_visible_401');
    }
  });

  it('keeps credentials the server echoes in its error code, message or ID out of every output', () => {
    const echoed = {
      bearer: secretOf('EchoedBearer'),
      apiKey: secretOf('EchoedApiKey'),
      code: secretOf('EchoedInCode'),
      id: secretOf('EchoedInId'),
      header: secretOf('EchoedInHeader'),
    };
    const ex: Exchange = {
      method: 'GET',
      url: 'https://api.test/v1/me',
      status: 401,
      responseHeaders: [
        { name: 'content-type', value: 'application/json' },
        { name: 'x-request-id', value: `api_key=${echoed.header}` },
      ],
      body: JSON.stringify({
        error: {
          code: `Bearer ${echoed.code}`,
          message: `Header Authorization: Bearer ${echoed.bearer} was rejected (api_key=${echoed.apiKey})`,
          request_id: `token=${echoed.id}`,
        },
      }),
    };
    // The classifier extracts them verbatim: it is the outputs' job to redact.
    const c = classify(ex, { now: NOW });
    expect(c.message).toContain(echoed.bearer);
    expect(leaks(everyOutput(ex), Object.values(echoed))).toEqual([]);
  });

  it('never leaks a credential put in a secret header, parameter or body field (property)', () => {
    const secret = fc.stringMatching(/^[A-Za-z0-9._~+/-]{16,40}$/).filter((s) => /\d/.test(s) && /[A-Za-z]/.test(s));
    const headerName = fc
      .constantFrom(
        'authorization',
        'proxy-authorization',
        'cookie',
        'api_token',
        'api-token',
        'x-api-key',
        'api-key',
        'x-auth-token',
        'private-token',
        'x-goog-api-key',
      )
      .chain((n) =>
        fc.constantFrom(
          n,
          n.toUpperCase(),
          n.replace(/(^|-)([a-z])/g, (m) => m.toUpperCase()),
        ),
      );
    const scheme = fc.constantFrom('', 'Bearer ', 'Basic ', 'Token ', 'token ');
    const param = fc.constantFrom(
      'token',
      'access_token',
      'refresh_token',
      'id_token',
      'api_key',
      'apikey',
      'api_token',
      'key',
      'code',
      'sig',
      'signature',
      'X-Amz-Signature',
      'client_secret',
      'password',
      'secret',
      'session',
      'sessionid',
      'jwt',
      'accessToken',
      'apiKey',
      'auth',
    );
    const field = fc.constantFrom(
      'password',
      'api_token',
      'access_token',
      'refresh_token',
      'client_secret',
      'apiKey',
      'token',
      'secret',
      'authorization',
      'privateKey',
    );
    fc.assert(
      fc.property(
        secret,
        headerName,
        scheme,
        param,
        field,
        fc.boolean(),
        fc.constantFrom('GET', 'POST', 'PUT'),
        (s, header, sch, p, f, inFragment, method) => {
          const ex: Exchange = {
            method,
            url: `https://api.test/v1/items?x=1&${p}=${encodeURIComponent(s)}${inFragment ? `#${p}=${encodeURIComponent(s)}` : ''}`,
            requestHeaders: [
              { name: header, value: `${sch}${s}` },
              { name: 'content-type', value: 'application/json' },
            ],
            requestBody: JSON.stringify({ [f]: s, name: 'visible' }),
            status: 401,
            responseHeaders: [
              { name: 'Set-Cookie', value: `sid=${s}; Path=/` },
              { name: 'content-type', value: 'application/json' },
            ],
            body: JSON.stringify({ error: { code: 'unauthorized', message: 'bad credentials' }, [f]: s }),
          };
          expect(leaks(everyOutput(ex), [s])).toEqual([]);
        },
      ),
      { numRuns: 500 * FUZZ },
    );
  });

  it('any casing of a credential header name is redacted: header names are case-insensitive (property)', () => {
    const casing = (name: string) =>
      fc
        .array(fc.boolean(), { minLength: name.length, maxLength: name.length })
        .map((upper) => [...name].map((ch, i) => (upper[i] ? ch.toUpperCase() : ch.toLowerCase())).join(''));
    const headerName = fc
      .constantFrom('authorization', 'proxy-authorization', 'cookie', 'api_token', 'x-api-key')
      .chain(casing);
    fc.assert(
      fc.property(headerName, (name) => {
        const s = 'Zx81-any-casing-credential';
        const ex: Exchange = {
          method: 'GET',
          url: 'https://api.test/',
          requestHeaders: [{ name, value: s }],
          status: 401,
        };
        expect(
          leaks(
            [
              ['cURL', toCurl(ex)],
              ['fetch', toFetch(ex)],
              ['toHar', JSON.stringify(toHar([ex], { name: 't', version: '1' }))],
            ],
            [s],
          ),
        ).toEqual([]);
      }),
      { numRuns: 300 * FUZZ },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Regression fixtures

interface HostileFixture {
  description: string;
  foundBy: string;
  exchange: Exchange;
  generate?: { field: 'body' | 'requestBody'; prefix: string; repeat: string; times: number; suffix: string };
  secrets?: string[];
}

const fixtureFiles = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('regression fixtures (src/core/fixtures/hostile)', () => {
  it('exist', () => {
    expect(fixtureFiles.length).toBeGreaterThan(0);
  });

  it.each(fixtureFiles)(
    '%s: classifies, copies and exports without a crash or a leak',
    (file) => {
      const fixture = JSON.parse(readFileSync(new URL(file, FIXTURES), 'utf8')) as HostileFixture;
      const exchange: Exchange = { ...fixture.exchange };
      if (fixture.generate) {
        const g = fixture.generate;
        exchange[g.field] = g.prefix + g.repeat.repeat(g.times) + g.suffix;
        // Generated inputs stay within what the HAR reader admits: they model a real import.
        expect(exchange[g.field]!.length).toBeLessThanOrEqual(HAR_DEFAULT_MAX_BODY_CHARS);
      }
      classifyClean(exchange);
      let outputs: Output[] = [];
      expect(() => {
        outputs = everyOutput(exchange);
      }).not.toThrow();
      expect(leaks(outputs, fixture.secrets ?? [])).toEqual([]);
    },
    180_000,
  );
});
