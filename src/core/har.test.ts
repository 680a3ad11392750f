import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HarError, parseHar, parseIsoDate, toHar, type HarParseResult } from './har';
import { classify } from './classify';
import type { Exchange } from './types';

const REAL_HARS = fileURLToPath(new URL('../../../shared/fixtures/real-hars/', import.meta.url));
const INVALID = `${REAL_HARS}invalid/`;
const read = (path: string): string => readFileSync(path, 'utf8');

/** The README's table of real HAR files: file name → entries and failures, as documented there. */
function readmeTable(): Map<string, { entries: number; failures: number }> {
  const rows = new Map<string, { entries: number; failures: number }>();
  for (const line of read(`${REAL_HARS}README.md`).split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    // | file | source | produced by | entries | failures |
    if (cells.length < 7 || !/\.har\b/.test(cells[1]) || cells[1].startsWith('invalid/')) continue;
    const file = cells[1].replace(/\s*†$/, '');
    const entries = /^\d+/.exec(cells[4]);
    const failures = /^\d+/.exec(cells[5]);
    if (entries && failures) rows.set(file, { entries: Number(entries[0]), failures: Number(failures[0]) });
  }
  return rows;
}

const table = readmeTable();
const harFiles = readdirSync(REAL_HARS)
  .filter((f) => f.endsWith('.har'))
  .sort();

/** The README's definition of a failure, applied to converted exchanges. */
const readmeFailure = (e: Exchange): boolean => e.status >= 400 || e.status === 0 || e.error !== undefined;

describe('parseHar on real HAR files', () => {
  it('has a README row for every file and a file for every row', () => {
    expect(harFiles.length).toBeGreaterThanOrEqual(19);
    expect([...table.keys()].sort()).toEqual(harFiles);
  });

  const parsed = new Map<string, HarParseResult>();
  const parse = (file: string): HarParseResult => {
    if (!parsed.has(file)) parsed.set(file, parseHar(read(REAL_HARS + file)));
    return parsed.get(file)!;
  };

  it.each(harFiles)('%s: every entry converts and the counts match the README', (file) => {
    const result = parse(file);
    const expected = table.get(file)!;
    expect(result.exchanges).toHaveLength(expected.entries);
    expect(result.problems.filter((p) => p.skipped)).toEqual([]);
    const exchanges = result.exchanges.filter((e): e is Exchange => e !== null);
    expect(exchanges).toHaveLength(expected.entries);
    expect(exchanges.filter(readmeFailure)).toHaveLength(expected.failures);
    for (const e of exchanges) {
      expect(typeof e.method).toBe('string');
      expect(e.url).toMatch(/^(https?|wss?|data|blob|about|chrome-extension):/);
      expect(Number.isInteger(e.status) && e.status >= 0).toBe(true);
      expect(Number.isFinite(e.startedAt)).toBe(true);
      if (e.durationMs !== undefined) expect(e.durationMs).toBeGreaterThanOrEqual(0);
    }
  });

  it.each(harFiles)('%s: the classifier finds the README failure count', (file) => {
    const exchanges = parse(file).exchanges.filter((e): e is Exchange => e !== null);
    // The README counts every entry without a response; a canceled one (ERR_ABORTED) is shown, not counted as failed.
    const failures = exchanges.filter((e) => classify(e).failure);
    const canceled = exchanges.filter((e) => classify(e).kind === 'canceled');
    expect(failures.length + canceled.length).toBe(table.get(file)!.failures);
    expect(canceled.every((e) => /ERR_ABORTED/.test(e.error ?? ''))).toBe(true);
  });

  it('keeps a network error recorded on a status-200 entry (mitmproxy timed_out)', () => {
    const exchanges = parse('mitmproxy-import_har-timed_out.har').exchanges as Exchange[];
    const quic = exchanges.filter((e) => e.status === 200 && e.error !== undefined);
    expect(quic).toHaveLength(1);
    expect(quic[0].error).toContain('ERR_QUIC_PROTOCOL_ERROR');
    expect(classify(quic[0]).failure).toBe(true);
    expect(exchanges.filter((e) => e.status === 0 && e.error?.includes('ERR_INTERNET_DISCONNECTED'))).toHaveLength(20);
    expect(exchanges.filter((e) => classify(e).kind === 'canceled')).toHaveLength(1);
    // `"_error": null` on successful entries is no error.
    expect(exchanges.filter((e) => e.status >= 200 && e.status < 400 && e.error === undefined).length).toBe(11);
  });

  it('reads free-text _error and status 0 without _error', () => {
    const mitm = parse('mitmproxy-flows-error_log.har').exchanges as Exchange[];
    expect(mitm.map((e) => e.status).sort()).toEqual([0, 405]);
    expect(mitm.find((e) => e.status === 0)!.error!.length).toBeGreaterThan(10);
    const ff47 = parse('harviewer-issue-49-ff47.har').exchanges as Exchange[];
    const noResponse = ff47.filter((e) => e.status === 0);
    expect(noResponse).toHaveLength(2);
    expect(noResponse.every((e) => e.error === undefined)).toBe(true);
  });

  it('marks base64 bodies and keeps them decodable', () => {
    const [svg] = parse('harviewer-issue-62-svg.base64.har').exchanges as Exchange[];
    expect(svg.bodyEncoding).toBe('base64');
    expect(atob(svg.body!)).toContain('<svg');
    // Firefox 47: encoding base64 with empty text on a status-0 entry.
    const empty = (parse('harviewer-issue-49-ff47.har').exchanges as Exchange[]).filter(
      (e) => e.bodyEncoding === 'base64' && e.body === '',
    );
    expect(empty.length).toBeGreaterThan(0);
  });

  it('takes mimeType from content.mimeType and leaves it out when absent', () => {
    const [missing] = parse('harviewer-issue-56-missing-content-type.har').exchanges as Exchange[];
    expect(missing.mimeType).toBeUndefined();
    const chrome = parse('harviewer-issue-61-chrome51.har').exchanges as Exchange[];
    expect(chrome.some((e) => e.mimeType === 'text/html')).toBe(true);
  });

  it('reads the BOM- and CRLF-laden Fiddler exports that a plain JSON.parse rejects', () => {
    const text = read(`${REAL_HARS}harviewer-www-cnn-com.har`);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('\r\n');
    expect(() => JSON.parse(text)).toThrow();
    expect(parseHar(text).exchanges).toHaveLength(22);
  });

  it('turns chrome-har postData.params with object values into a form body', () => {
    const exchanges = parse('pagexray-responseCodes-304.har').exchanges as Exchange[];
    const withParams = exchanges.filter((e) => e.requestBody !== undefined);
    expect(withParams.length).toBeGreaterThan(0);
    expect(withParams.every((e) => typeof e.requestBody === 'string')).toBe(true);
  });

  it('reads dates with Z or offsets and 2 to 7 fraction digits', () => {
    const ie = (parse('harviewer-issue-61-ie11.har').exchanges as Exchange[])[0];
    const raw = JSON.parse(read(`${REAL_HARS}harviewer-issue-61-ie11.har`)).log.entries[0].startedDateTime as string;
    expect(raw).toMatch(/\.\d{2}[+-Z]/);
    expect(ie.startedAt).toBe(Date.parse(raw));
  });
});

describe('parseIsoDate', () => {
  it.each([
    ['2016-06-22T10:11:12.1234567+02:00', Date.UTC(2016, 5, 22, 8, 11, 12, 123)],
    ['2016-06-22T10:11:12.12+02:00', Date.UTC(2016, 5, 22, 8, 11, 12, 120)],
    ['2023-03-20T12:00:00.123456Z', Date.UTC(2023, 2, 20, 12, 0, 0, 123)],
    ['2023-03-20T12:00:00-0530', Date.UTC(2023, 2, 20, 17, 30, 0, 0)],
    ['2023-03-20T12:00:00', Date.UTC(2023, 2, 20, 12, 0, 0, 0)],
    ['2023-03-20', Date.UTC(2023, 2, 20)],
  ])('%s', (text, expected) => {
    expect(parseIsoDate(text)).toBe(expected);
  });

  it('rejects non-dates', () => {
    expect(parseIsoDate('yesterday')).toBeNull();
    expect(parseIsoDate('2023-13-45T99:99:99Z')).toBeNull();
  });
});

describe('parseHar on broken files', () => {
  const errorOf = (text: string): HarError => {
    try {
      parseHar(text);
    } catch (err) {
      expect(err).toBeInstanceOf(HarError);
      return err as HarError;
    }
    throw new Error('parseHar accepted the input');
  };
  /** Line and column of `needle` in text, 1-based, counted independently of the parser. */
  const positionOf = (text: string, needle: string): string => {
    const before = text.slice(0, text.indexOf(needle)).split('\n');
    return `line ${before.length} column ${before[before.length - 1].length + 1}`;
  };

  it('reports a syntax error with its line and column (harviewer-not-json)', () => {
    const text = read(`${INVALID}harviewer-not-json.har`);
    const err = errorOf(text);
    expect(err.message).toBe(`not JSON: unexpected token 'xxx', expected ',' or '}' at ${positionOf(text, 'xxx')}`);
  });

  it('says a JSON file without log.entries is not a HAR (harviewer-not-valid)', () => {
    expect(errorOf(read(`${INVALID}harviewer-not-valid.har`)).message).toBe(
      'no log.entries array: this is JSON but not a HAR file',
    );
  });

  it('reports the first syntax error of the mitmproxy broken file', () => {
    const text = read(`${INVALID}mitmproxy-corrupted_har-brokenfile.har`);
    expect(errorOf(text).message).toBe(
      `not JSON: unexpected '"', expected ',' or '}' at ${positionOf(text, '"request:"')}`,
    );
  });

  it('unwraps the HARP/JSONP file and says so', () => {
    const result = parseHar(read(`${INVALID}harviewer-jsonp.har`));
    expect(result.wrapper).toBe('jsonp');
    expect(result.notes.join(' ')).toContain('onInputData');
    expect(result.exchanges).toHaveLength(1);
    expect(result.exchanges[0]!.url).toMatch(/^https?:\/\//);
    expect(result.creator).toBe('Firebug 1.6X.0a11');
  });

  it('gives every invalid fixture one single-line message', () => {
    for (const file of readdirSync(INVALID)) {
      let message: string | null = null;
      try {
        parseHar(read(INVALID + file));
      } catch (err) {
        message = (err as Error).message;
      }
      if (file.includes('jsonp')) expect(message).toBeNull();
      else {
        expect(message, file).toMatch(/^\S.*\S$/);
        expect(message).not.toContain('\n');
      }
    }
  });

  it.each([
    ['', 'not JSON: the file is empty'],
    ['\ufeff  \r\n', 'not JSON: the file is empty'],
    ['[]', 'not a HAR file: expected a JSON object with a "log" property, got array'],
    ['"log"', 'not a HAR file: expected a JSON object with a "log" property, got string'],
    ['{"entries":[]}', 'no log object: this is JSON but not a HAR file'],
    ['{"log":[]}', 'log must be an object, got array'],
    ['{"log":null}', 'log must be an object, got null'],
    ['{"log":{"entries":{}}}', 'log.entries must be an array, got object'],
    ['{"log":{"entries":[]', "not JSON: unexpected end of file, expected ',' or '}' at line 1 column 21"],
    ['{"log":{"entries":[]}}}', "not JSON: unexpected '}', expected end of file at line 1 column 23"],
    ['{"log":{"entries":[], }}', `not JSON: unexpected '}', expected a "quoted" property name at line 1 column 23`],
    ['{"log":"a\u0001"}', 'not JSON: unescaped character U+0001 in string at line 1 column 10'],
    ['{"log":"\\q"}', "not JSON: bad escape '\\q' in string at line 1 column 9"],
    ['{"log":"abc', 'not JSON: unterminated string at line 1 column 8'],
  ])('%j → %s', (text, message) => {
    expect(errorOf(text).message).toBe(message);
  });

  it('never throws anything but a HarError, whatever the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.string({ unit: 'binary' })), (text) => {
        try {
          parseHar(text);
        } catch (err) {
          return err instanceof HarError && !err.message.includes('\n');
        }
        return true;
      }),
      { numRuns: 500 },
    );
  });
});

describe('parseHar entry by entry', () => {
  const ok = (url: string, status = 200) => ({
    startedDateTime: '2026-11-23T18:00:00.000Z',
    time: 12.5,
    request: { method: 'GET', url, headers: [{ name: 'Accept', value: '*/*' }] },
    response: { status, statusText: 'X', headers: [], content: { size: 2, mimeType: 'application/json', text: '{}' } },
  });
  const har = (entries: unknown[]): string => JSON.stringify({ log: { version: '1.2', entries } });

  it('skips a broken entry with one problem and converts the others', () => {
    const result = parseHar(
      har([
        ok('https://a.test/1'),
        { response: { status: 500 } },
        { request: { method: 'POST', url: 'https://a.test/3', headers: { a: 'b' } }, response: { status: 500 } },
        42,
        { request: { method: 'GET', url: 'https://a.test/5' }, response: { status: 'teapot' } },
        ok('https://a.test/6', 503),
      ]),
    );
    expect(result.exchanges.map((e) => e?.url ?? null)).toEqual([
      'https://a.test/1',
      null,
      null,
      null,
      null,
      'https://a.test/6',
    ]);
    expect(result.problems).toEqual([
      { index: 1, message: 'request is missing', skipped: true },
      {
        index: 2,
        message: 'request.headers must be an array, got object',
        skipped: true,
        method: 'POST',
        url: 'https://a.test/3',
      },
      { index: 3, message: 'entry must be an object, got number', skipped: true },
      {
        index: 4,
        message: 'response.status must be an integer, got "teapot"',
        skipped: true,
        method: 'GET',
        url: 'https://a.test/5',
      },
    ]);
    expect(result.exchanges[5]!.status).toBe(503);
  });

  it('converts the HAR fields into an exchange', () => {
    const result = parseHar(
      har([
        {
          startedDateTime: '2026-11-23T19:00:00.5+01:00',
          time: 42,
          request: {
            method: 'POST',
            url: 'https://api.test/v1/things?x=1',
            headers: [
              { name: 'Content-Type', value: 'application/json' },
              { name: 'Idempotency-Key', value: 'k1' },
            ],
            postData: { mimeType: 'application/json', text: '{"a":1}' },
          },
          response: {
            status: 429,
            statusText: 'Too Many Requests',
            headers: [{ name: 'Retry-After', value: '30' }],
            content: { size: 10, mimeType: 'application/problem+json', text: 'eyJhIjoxfQ==', encoding: 'base64' },
            _error: null,
          },
        },
      ]),
    );
    expect(result.exchanges[0]).toEqual({
      method: 'POST',
      url: 'https://api.test/v1/things?x=1',
      requestHeaders: [
        { name: 'Content-Type', value: 'application/json' },
        { name: 'Idempotency-Key', value: 'k1' },
      ],
      requestBody: '{"a":1}',
      status: 429,
      statusText: 'Too Many Requests',
      responseHeaders: [{ name: 'Retry-After', value: '30' }],
      body: 'eyJhIjoxfQ==',
      bodyEncoding: 'base64',
      mimeType: 'application/problem+json',
      startedAt: Date.UTC(2026, 10, 23, 18, 0, 0, 500),
      durationMs: 42,
    });
  });

  it('reads negative, missing and numeric-string statuses, -1 times and x-unknown types', () => {
    const entry = (status: unknown) => ({
      time: -1,
      request: { method: 'GET', url: 'u' },
      response: { status, content: { mimeType: 'x-unknown', size: 0 } },
    });
    const result = parseHar(har([entry(-1), entry(undefined), entry(null), entry('404')]));
    expect(result.exchanges.map((e) => e!.status)).toEqual([0, 0, 0, 404]);
    expect(
      result.exchanges.every((e) => e!.durationMs === undefined && e!.mimeType === undefined && e!.body === ''),
    ).toBe(true);
  });

  it('drops malformed headers with a warning instead of dropping the entry', () => {
    const result = parseHar(
      har([
        {
          request: {
            method: 'GET',
            url: 'u',
            headers: [{ name: 'a', value: 'b' }, null, { value: 'x' }, { name: 'n', value: 5 }],
          },
          response: { status: 200 },
        },
      ]),
    );
    expect(result.exchanges[0]!.requestHeaders).toEqual([
      { name: 'a', value: 'b' },
      { name: 'n', value: '5' },
    ]);
    expect(result.problems).toEqual([
      { index: 0, message: 'request.headers: 2 malformed headers dropped', skipped: false },
    ]);
  });

  it('cuts oversized bodies, marks them and reports it', () => {
    const big = 'x'.repeat(1000);
    const result = parseHar(
      har([{ request: { method: 'GET', url: 'u' }, response: { status: 500, content: { text: big } } }]),
      { maxBodyChars: 100 },
    );
    expect(result.exchanges[0]!.body).toHaveLength(100);
    expect(result.exchanges[0]!.bodyTruncated).toBe(true);
    expect(result.problems[0]).toMatchObject({ index: 0, skipped: false });
    expect(result.problems[0].message).toMatch(/cut/);
  });

  it('reports entries beyond the entry cap', () => {
    const result = parseHar(har([ok('a'), ok('b'), ok('c')]), { maxEntries: 2 });
    expect(result.exchanges).toHaveLength(2);
    expect(result.notes).toEqual(['log has 3 entries; only the first 2 were read']);
  });

  it('keeps __proto__ header names as data', () => {
    const text =
      '{"log":{"entries":[{"request":{"method":"GET","url":"u","headers":[{"name":"__proto__","value":"x"}]},"response":{"status":200,"__proto__":{"status":500}}}]}}';
    const result = parseHar(text);
    expect(result.exchanges[0]!.status).toBe(200);
    expect(result.exchanges[0]!.requestHeaders).toEqual([{ name: '__proto__', value: 'x' }]);
    expect(({} as Record<string, unknown>).status).toBeUndefined();
  });

  const junkEntry = fc.oneof(
    fc.anything(),
    fc.record(
      {
        request: fc.oneof(
          fc.anything(),
          fc.record(
            {
              method: fc.oneof(fc.constantFrom('GET', 'POST'), fc.anything()),
              url: fc.oneof(fc.webUrl(), fc.anything()),
              headers: fc.oneof(fc.array(fc.record({ name: fc.string(), value: fc.anything() })), fc.anything()),
            },
            { requiredKeys: [] },
          ),
        ),
        response: fc.oneof(
          fc.anything(),
          fc.record(
            {
              status: fc.oneof(fc.integer({ min: -5, max: 1200 }), fc.anything()),
              content: fc.anything(),
              _error: fc.anything(),
            },
            { requiredKeys: [] },
          ),
        ),
        startedDateTime: fc.oneof(
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          fc.anything(),
        ),
        time: fc.anything(),
      },
      { requiredKeys: [] },
    ),
  );

  it('gives every entry of any HAR-like log a slot, and every empty slot a reason', () => {
    fc.assert(
      fc.property(fc.array(junkEntry, { maxLength: 8 }), (entries) => {
        const result = parseHar(JSON.stringify({ log: { entries } }));
        expect(result.exchanges).toHaveLength(entries.length);
        result.exchanges.forEach((e, i) => {
          const skipped = result.problems.filter((p) => p.index === i && p.skipped);
          expect(skipped).toHaveLength(e === null ? 1 : 0);
          if (e) expect(Number.isInteger(e.status) && e.status >= 0 && e.status <= 999).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('toHar', () => {
  const exchangeArb: fc.Arbitrary<Exchange> = fc
    .record({
      method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
      url: fc.webUrl({ withQueryParameters: true }),
      requestHeaders: fc.array(
        fc.record({ name: fc.constantFrom('accept', 'content-type', 'x-trace'), value: fc.string() }),
        { maxLength: 3 },
      ),
      status: fc.integer({ min: 0, max: 599 }),
      statusText: fc.string(),
      responseHeaders: fc.array(
        fc.record({ name: fc.constantFrom('content-type', 'x-request-id', 'retry-after'), value: fc.string() }),
        { maxLength: 3 },
      ),
      body: fc.option(fc.string(), { nil: undefined }),
      startedAt: fc.integer({ min: 0, max: 4102444800000 }),
      durationMs: fc.nat({ max: 100000 }),
    })
    .map((e) => {
      const out: Exchange = { ...e };
      if (out.body === undefined) delete out.body;
      return out;
    });

  it('round-trips through parseHar when not redacting', () => {
    fc.assert(
      fc.property(fc.array(exchangeArb, { maxLength: 5 }), (exchanges) => {
        const har = toHar(exchanges, { name: 'test', version: '1' }, { redact: false });
        const back = parseHar(JSON.stringify(har));
        expect(back.problems).toEqual([]);
        // mimeType is written from the content-type header; compare the rest.
        expect(back.exchanges.map((e) => stripUndefined({ ...e!, mimeType: undefined }))).toEqual(exchanges);
      }),
      { numRuns: 200 },
    );
  });

  it('writes a HAR 1.2 log with redacted secrets by default', () => {
    const exchange: Exchange = {
      method: 'POST',
      url: 'https://api.test/login?access_token=SECRET-URL-1&page=2',
      requestHeaders: [
        { name: 'Authorization', value: 'Bearer SECRET-HDR-2' },
        { name: 'Content-Type', value: 'application/json' },
      ],
      requestBody: '{"user":"me","password":"SECRET-BODY-3"}',
      status: 401,
      statusText: 'Unauthorized',
      responseHeaders: [
        { name: 'Set-Cookie', value: 'sid=SECRET-COOKIE-4; HttpOnly' },
        { name: 'x-request-id', value: 'req-77' },
      ],
      body: '{"error":"invalid_grant","refresh_token":"SECRET-RESP-5"}',
      mimeType: 'application/json',
      startedAt: Date.UTC(2026, 10, 23, 18),
      durationMs: 42,
    };
    const har = toHar([exchange], { name: 'Faultline', version: '0.1.0' });
    const text = JSON.stringify(har);
    expect(text).not.toMatch(/SECRET-/);
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator).toEqual({ name: 'Faultline', version: '0.1.0' });
    const [entry] = har.log.entries;
    expect(entry.startedDateTime).toBe('2026-11-23T18:00:00.000Z');
    expect(entry.request.queryString).toEqual([
      { name: 'access_token', value: '[REDACTED]' },
      { name: 'page', value: '2' },
    ]);
    expect(entry.response.headers).toContainEqual({ name: 'x-request-id', value: 'req-77' });
    expect(JSON.parse(entry.request.postData!.text!)).toEqual({ user: 'me', password: '[REDACTED]' });
    expect(entry.response.content.mimeType).toBe('application/json');
    const back = parseHar(text);
    expect(back.exchanges[0]!.status).toBe(401);
  });
});

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

describe('HAR: an outcome the capture lost', () => {
  it('is written as response._outcomeLost and read back, so the CLI classifies the export as the panel did', () => {
    const exchange: Exchange = {
      method: 'GET',
      url: 'https://api.example.test/v1/x',
      status: 0,
      outcomeLost: 'background restart',
    };
    const har = toHar([{ exchange, classification: classify(exchange) }], { name: 'Faultline', version: '0' });
    const entry = har.log.entries[0] as { response: { _outcomeLost?: string }; _faultline?: { message: string } };
    expect(entry.response._outcomeLost).toBe('background restart');
    expect(entry._faultline?.message).toMatch(/^\(outcome lost\)/);
    const [back] = parseHar(JSON.stringify(har)).exchanges;
    expect(back?.outcomeLost).toBe('background restart');
    expect(classify(back!)).toMatchObject({ failure: false, kind: 'none' });
  });
});
