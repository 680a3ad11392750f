import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classify, MAX_MESSAGE_CHARS } from './classify';
import type { Exchange, FormatRecognizer } from './types';

const NOW = Date.parse('2026-11-23T18:00:00Z');
const ex = (status: number, over: Partial<Exchange> = {}): Exchange => ({
  method: 'GET',
  url: 'https://api.example.com/v1/x',
  status,
  ...over,
});
const json = (status: number, body: unknown, over: Partial<Exchange> = {}) =>
  ex(status, { responseHeaders: { 'content-type': 'application/json' }, body: JSON.stringify(body), ...over });

/** A recognizer that returns a fixed extraction for JSON bodies. */
const fixed = (id: string, priority: number, out: ReturnType<FormatRecognizer['recognize']>): FormatRecognizer => ({
  id,
  title: id,
  priority,
  recognize: ({ body }) => (body.kind === 'json' ? out : null),
});

describe('failure and kind', () => {
  it('is a client or server failure for every status of 400 and above', () => {
    expect(classify(ex(404))).toMatchObject({ failure: true, kind: 'client' });
    expect(classify(ex(503))).toMatchObject({ failure: true, kind: 'server' });
  });

  it('is not a failure for 1xx, 2xx and 3xx', () => {
    for (const status of [101, 200, 204, 301, 304])
      expect(classify(ex(status))).toMatchObject({ failure: false, kind: 'none', verdict: 'none', retryable: false });
  });

  it('is a network failure with no response, including negative HAR statuses and a missing status', () => {
    expect(classify(ex(0, { error: 'net::ERR_NAME_NOT_RESOLVED' }))).toMatchObject({
      failure: true,
      kind: 'network',
      message: 'net::ERR_NAME_NOT_RESOLVED',
    });
    expect(classify(ex(-1)).kind).toBe('network');
    expect(classify({ method: 'GET', url: 'x' } as Exchange).kind).toBe('network');
  });

  it('is a network failure when a 200 carries a browser error (Chrome HAR _error)', () => {
    const c = classify(ex(200, { error: 'net::ERR_QUIC_PROTOCOL_ERROR' }));
    expect(c).toMatchObject({ failure: true, kind: 'network', retryable: true });
    expect(c.status.code).toBe(200);
  });

  it('is a body failure when a 2xx body says it failed', () => {
    const c = classify(json(200, { ok: false }), {
      recognizers: [fixed('slack-like', 10, { saysFailure: true, errorCode: 'channel_not_found' })],
    });
    expect(c).toMatchObject({ failure: true, kind: 'body', errorCode: 'channel_not_found', retryable: false });
  });

  it('keeps the status failure when the body claims success', () => {
    expect(classify(json(500, {}), { recognizers: [fixed('liar', 10, { saysSuccess: true })] }).failure).toBe(true);
  });
});

describe('recognizers', () => {
  it('runs them by priority and the first non-null result wins', () => {
    const c = classify(json(400, {}), {
      recognizers: [
        fixed('low', 1, { errorCode: 'low' }),
        fixed('none', 50, null),
        fixed('high', 20, { errorCode: 'high' }),
      ],
    });
    expect(c.format).toBe('high');
    expect(c.errorCode).toBe('high');
  });

  it('skips a recognizer that throws, with a note', () => {
    const boom: FormatRecognizer = {
      id: 'boom',
      title: 'boom',
      priority: 99,
      recognize: () => {
        throw new Error('x');
      },
    };
    const c = classify(json(400, {}), { recognizers: [boom, fixed('ok', 1, { errorCode: 'E1' })] });
    expect(c.errorCode).toBe('E1');
    expect(c.notes.join()).toMatch(/recognizer boom failed/);
  });

  it('reports the body kind as the format when nothing recognizes the body', () => {
    expect(classify(json(500, { weird: 1 }), { recognizers: [] }).format).toBe('json');
    expect(classify(ex(500, { body: '' }), { recognizers: [] }).format).toBe('empty');
  });

  it('normalizes numeric codes to strings and trims messages', () => {
    const c = classify(json(400, {}), {
      recognizers: [fixed('n', 1, { errorCode: 21608, errorId: 7 as unknown as string, message: '  spaced  ' })],
    });
    expect(c).toMatchObject({ errorCode: '21608', errorId: '7', message: 'spaced' });
  });

  it(`cuts messages at ${MAX_MESSAGE_CHARS} characters with a note`, () => {
    const c = classify(json(400, {}), { recognizers: [fixed('long', 1, { message: 'x'.repeat(10_000) })] });
    expect(c.message!.length).toBe(MAX_MESSAGE_CHARS);
    expect(c.notes.join()).toMatch(/message cut/);
  });

  it('falls back to x-amzn-ErrorType for the code', () => {
    const c = classify(
      ex(400, {
        responseHeaders: {
          'x-amzn-ErrorType': 'ValidationException:http://internal.amazon.com/coral/com.amazon.coral.validate/',
        },
        body: '',
      }),
      { recognizers: [] },
    );
    expect(c.errorCode).toBe('ValidationException');
  });

  it('passes the body id through with its field name', () => {
    const c = classify(json(500, {}), {
      recognizers: [fixed('ids', 1, { errorId: 'oae6dB62', errorIdField: 'errorId' })],
    });
    expect(c).toMatchObject({ errorId: 'oae6dB62', errorIdSource: 'body.errorId' });
  });
});

describe('waits, ids and backoff', () => {
  it('measures an HTTP-date Retry-After from the end of the exchange when there is no Date header', () => {
    const c = classify(
      ex(503, {
        responseHeaders: { 'retry-after': 'Mon, 23 Nov 2026 18:01:00 GMT' },
        startedAt: NOW - 1000,
        durationMs: 1000,
      }),
      { now: 0 },
    );
    expect(c.retryAfterSeconds).toBe(60);
    expect(c.retryAfterSource).toBe('Retry-After header');
  });

  it('falls back to the injected clock', () => {
    const c = classify(ex(503, { responseHeaders: { 'retry-after': 'Mon, 23 Nov 2026 18:00:30 GMT' } }), { now: NOW });
    expect(c.retryAfterSeconds).toBe(30);
  });

  it('uses the body wait from the recognizer', () => {
    const c = classify(json(429, {}), {
      recognizers: [fixed('discord-like', 1, { retryAfterSeconds: 64.57, retryAfterField: 'retry_after' })],
    });
    expect(c).toMatchObject({ retryAfterSeconds: 64.57, retryAfterSource: 'body.retry_after', verdict: 'retry-after' });
  });

  it('reads a GitHub primary rate limit on a 403 from the reset header', () => {
    const c = classify(
      ex(403, {
        responseHeaders: {
          date: 'Mon, 23 Nov 2026 18:00:00 GMT',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String(NOW / 1000 + 120),
          'x-github-request-id': '0403:094E:157B29B:29134A0:61E4695A',
        },
        body: '',
      }),
    );
    expect(c).toMatchObject({
      retryable: true,
      verdict: 'retry-after',
      retryAfterSeconds: 120,
      errorId: '0403:094E:157B29B:29134A0:61E4695A',
    });
    expect(c.notes.join()).toMatch(/rate limit: x-ratelimit-remaining: 0/);
  });

  it('proposes a backoff plan only when retryable and the server gave no figure', () => {
    expect(classify(ex(503)).backoff?.steps.map((s) => s.delaySeconds)).toEqual([1, 2, 4, 8, 16]);
    expect(classify(ex(503, { responseHeaders: { 'retry-after': '5' } })).backoff).toBeNull();
    expect(classify(ex(400)).backoff).toBeNull();
  });

  it('lists the request-ID headers for the support ticket', () => {
    const c = classify(
      ex(500, {
        responseHeaders: [
          { name: 'CF-RAY', value: '4ee02a558935bdc3-AMS' },
          { name: 'X-Request-Id', value: 'req_9' },
        ],
      }),
    );
    expect(c.errorId).toBe('req_9');
    expect(c.requestIdHeaders).toEqual([
      { name: 'x-request-id', value: 'req_9' },
      { name: 'cf-ray', value: '4ee02a558935bdc3-AMS' },
    ]);
  });

  it('counts an Idempotency-Key on a POST', () => {
    const c = classify(ex(500, { method: 'post', requestHeaders: [{ name: 'Idempotency-Key', value: 'k1' }] }));
    expect(c).toMatchObject({ idempotent: true, idempotencySource: 'idempotency-key', verdict: 'retry-backoff' });
  });

  it('names the credential header in a 401 action', () => {
    expect(classify(ex(401, { requestHeaders: { api_token: 'secret' } })).action).toContain('api_token');
  });
});

describe('vendor profiles', () => {
  // Exact hosts, `*.suffix` hosts, any case, ports and userinfo: the host gate must not hide a profile the parser would match.
  it.each([
    'https://api.github.com/repos/o/r',
    'https://API.GitHub.com/repos/o/r',
    'https://api.github.com:443/repos/o/r',
    'https://user@api.github.com/repos/o/r',
  ])('applies the GitHub request-id profile to %s', (url) => {
    const c = classify(
      ex(500, { url, responseHeaders: { 'x-request-id': 'generic', 'x-github-request-id': 'GH:1' } }),
      { now: NOW },
    );
    expect(c.errorIdSource).toMatch(/^header x-github-request-id \(rule /);
  });

  it.each([
    'https://apihub.document360.io/v2/x',
    'https://APIHUB.Document360.IO/v2/x',
    'https://a.b.document360.io:8443/v2/x',
  ])('applies the Document360 suffix profile to %s', (url) => {
    expect(classify(ex(401, { url }), { now: NOW }).action).toMatch(/api_token/);
  });

  it.each([
    'https://document360.io/v2/x',
    'https://xdocument360.io/v2/x',
    'https://api.github.co/x',
    'https://api.github.com.evil.example/x',
  ])('leaves other hosts alone: %s', (url) => {
    const c = classify(ex(401, { url, responseHeaders: { 'x-github-request-id': 'GH:1' } }), { now: NOW });
    expect(c.action).not.toMatch(/api_token header/);
    expect(c.errorIdSource ?? '').not.toMatch(/rule/);
  });
});

describe('hostile input', () => {
  it('never throws on non-objects and wrong types', () => {
    for (const input of [
      null,
      undefined,
      42,
      'GET /',
      [],
      { status: '404' },
      { status: {}, body: 12, responseHeaders: 'x', error: {} },
    ]) {
      const c = classify(input as unknown as Exchange);
      expect(typeof c.failure).toBe('boolean');
      expect(typeof c.action).toBe('string');
    }
    expect(classify({ status: '404' } as unknown as Exchange).status.code).toBe(404);
  });

  it('survives getters that throw', () => {
    const evil = { method: 'GET', url: 'x' } as Record<string, unknown>;
    for (const key of ['status', 'body', 'responseHeaders', 'error'])
      Object.defineProperty(evil, key, {
        get() {
          throw new Error(key);
        },
      });
    const c = classify(evil as unknown as Exchange);
    expect(c.notes.join()).toMatch(/could not be read/);
  });

  it('survives a Proxy that throws on every operation and says so', () => {
    const trap = () => {
      throw new Error('trap');
    };
    const proxy = new Proxy({}, { get: trap, has: trap, ownKeys: trap, getOwnPropertyDescriptor: trap });
    const c = classify(proxy as Exchange);
    expect(c.failure).toBe(true);
  });

  it('returns a safe classification with a note when the overrides hook throws', () => {
    const c = classify(ex(500), {
      overrides: () => {
        throw new Error('bad rule');
      },
    });
    expect(c.retryable).toBe(true);
    expect(c.notes.join()).toMatch(/overrides failed: bad rule/);
  });

  it('applies the overrides hook last', () => {
    expect(classify(ex(500), { overrides: () => ({ action: 'Page the on-call.' }) }).action).toBe('Page the on-call.');
  });
});

// HAR files exported by real browsers and tools: every entry classifies, and the failures are the
// ones the fixtures README counts (status ≥ 400, status ≤ 0, or a non-null _error).
const harDir = fileURLToPath(new URL('../../../shared/fixtures/real-hars/', import.meta.url));
const DOCUMENTED_FAILURES: Record<string, number> = {
  'harviewer-issue-49-chrome51.har': 3,
  'harviewer-issue-49-ff47.har': 2,
  'harviewer-issue-61-chrome51.har': 0,
  'harviewer-issue-61-firefox47.har': 0,
  'harviewer-issue-61-ie11.har': 2,
  'harviewer-issue-61-ie11.fiddler.har': 0,
  'harviewer-issue-56-missing-content-type.har': 0,
  'harviewer-no-headers.har': 0,
  'harviewer-issue-62-svg.base64.har': 0,
  'harviewer-examples-google.com.har': 0,
  'harviewer-www-cnn-com.har': 0,
  'mitmproxy-import_har-timed_out.har': 22,
  'mitmproxy-har_files-chrome.har': 1,
  'mitmproxy-har_files-firefox.har': 0,
  'mitmproxy-har_files-safari.har': 0,
  'mitmproxy-flows-error_log.har': 2,
  'pagexray-responseCodes-304.har': 94,
  'pagexray-www.nytimes.com.har': 1,
  'pagexray-browsertime-recalculate-style.har': 0,
};

interface HarEntry {
  request: { method: string; url: string; headers: unknown };
  response: {
    status: number;
    headers: unknown;
    content?: { text?: string; encoding?: string; mimeType?: string };
    _error?: string | null;
  };
}

describe('real HAR files', () => {
  const files = readdirSync(harDir).filter((f) => f.endsWith('.har'));

  it('covers every documented file', () => {
    expect(files.sort()).toEqual(Object.keys(DOCUMENTED_FAILURES).sort());
  });

  it.each(files)('%s', (file) => {
    const har = JSON.parse(readFileSync(`${harDir}${file}`, 'utf8').replace(/^\uFEFF/, '')) as {
      log: { entries: HarEntry[] };
    };
    const results = har.log.entries.map((e) =>
      classify({
        method: e.request.method,
        url: e.request.url,
        requestHeaders: e.request.headers as Exchange['requestHeaders'],
        status: e.response.status,
        responseHeaders: e.response.headers as Exchange['responseHeaders'],
        body: e.response.content?.text,
        bodyEncoding: e.response.content?.encoding === 'base64' ? 'base64' : undefined,
        mimeType: e.response.content?.mimeType,
        error: e.response._error ?? undefined,
      }),
    );
    // Documented counts include canceled entries (ERR_ABORTED), which are shown but not failures.
    expect(results.filter((c) => c.failure || c.kind === 'canceled').length).toBe(DOCUMENTED_FAILURES[file]);
    for (const c of results) expect(c.notes.join()).not.toMatch(/internal error/);
  });
});

describe('classify: a request whose end the capture lost (a background restart)', () => {
  it('is no failure with no response known, says what happened, and keeps a known status otherwise', () => {
    const lost = classify(ex(0, { outcomeLost: 'background restart' }));
    expect(lost).toMatchObject({ failure: false, kind: 'none' });
    expect(lost.message).toMatch(
      /^\(outcome lost\): the extension's background was stopped while this request was in flight/,
    );
    expect(lost.notes).toContain('outcome lost: background restart');
    expect(lost.action).not.toBe('Nothing to do: the request succeeded.');
    // Without the fact, no response is a network failure, as before.
    expect(classify(ex(0)).failure).toBe(true);
    // A response that had started keeps its status; only its end is missing.
    const started = classify(ex(503, { outcomeLost: 'background restart' }));
    expect(started).toMatchObject({ failure: true, kind: 'server' });
    expect(started.notes.some((n) => n.startsWith('its end was lost (background restart)'))).toBe(true);
  });
});
