import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { browserFromUserAgent, shellQuote, supportTicket, toCurl, toFetch } from './ticket';
import type { Classification, Exchange } from './types';

/** A classification as the classifier would give for a 503 with a request ID; fields overridable. */
function classification(over: Partial<Classification> = {}): Classification {
  return {
    failure: true,
    kind: 'server',
    status: {
      code: 503,
      reason: 'Service Unavailable',
      class: 'server-error',
      meaning: 'The server cannot handle the request right now.',
      origin: 'iana',
    },
    format: 'problem+json',
    errorCode: 'upstream_unavailable',
    errorId: 'c0ffee00-1111-4222-8333-944455556666',
    errorIdSource: 'body.traceId',
    message: 'The service is temporarily unavailable',
    fieldErrors: [],
    retryable: true,
    retryAfterSeconds: 120,
    retryAfterSource: 'Retry-After header',
    idempotent: true,
    idempotencySource: 'method',
    verdict: 'retry-after',
    backoff: null,
    action:
      'Wait 120 s, then retry. If it persists, quote the trace ID c0ffee00-1111-4222-8333-944455556666 to support.',
    requestIdHeaders: [
      { name: 'x-request-id', value: 'req_42abc' },
      { name: 'cf-ray', value: '8c1f2a3b4c5d6e7f-FRA' },
    ],
    notes: [],
    ...over,
  };
}

const SECRETS = ['SECRET-auth-1', 'SECRET-cookie-2', 'SECRET-url-3', 'SECRET-body-4', 'SECRET-msg-5', 'SECRET-key-6'];

const exchange: Exchange = {
  method: 'PUT',
  url: `https://api.vendor.test/v2/articles/42?access_token=${SECRETS[2]}&lang=en`,
  requestHeaders: [
    { name: ':authority', value: 'api.vendor.test' },
    { name: 'Authorization', value: `Bearer ${SECRETS[0]}` },
    { name: 'Cookie', value: `sid=${SECRETS[1]}` },
    { name: 'x-api-key', value: SECRETS[5] },
    { name: 'Content-Type', value: 'application/json' },
    { name: 'Content-Length', value: '39' },
  ],
  requestBody: `{"title":"It's \`done\`","password":"${SECRETS[3]}"}`,
  status: 503,
  statusText: 'Service Unavailable',
  responseHeaders: [
    { name: 'content-type', value: 'application/problem+json' },
    { name: 'x-request-id', value: 'req_42abc' },
  ],
  body: '{"title":"unavailable"}',
  startedAt: Date.UTC(2026, 10, 23, 18, 0, 1, 250),
  durationMs: 87,
};

describe('supportTicket', () => {
  const ticket = supportTicket(exchange, classification({ message: `upstream said: Bearer ${SECRETS[4]}-xyz failed` }));

  it('names the endpoint, status, code, ID, time, request IDs, retry advice and action', () => {
    expect(ticket).toContain('`PUT https://api.vendor.test/v2/articles/42?access_token=[REDACTED]&lang=en`');
    expect(ticket).toContain('503 Service Unavailable');
    expect(ticket).toContain('`upstream_unavailable`');
    expect(ticket).toContain('`c0ffee00-1111-4222-8333-944455556666` (from body.traceId)');
    expect(ticket).toContain('2026-11-23T18:00:01.250Z');
    expect(ticket).toContain('`x-request-id: req_42abc`');
    expect(ticket).toContain('`cf-ray: 8c1f2a3b4c5d6e7f-FRA`');
    expect(ticket).toMatch(/Retry:.*120 s/);
    expect(ticket).toContain('quote the trace ID c0ffee00-1111-4222-8333-944455556666 to support');
  });

  it('contains no secret from the headers, URL, body or message', () => {
    for (const s of SECRETS) expect(ticket).not.toContain(s);
    expect(ticket).toContain('upstream said: Bearer [REDACTED] failed');
  });

  it('says "none" for a missing code or ID and falls back to the Date header for the time', () => {
    const t = supportTicket(
      {
        ...exchange,
        startedAt: undefined,
        responseHeaders: [{ name: 'Date', value: 'Mon, 23 Nov 2026 18:00:00 GMT' }],
      },
      classification({ errorCode: null, errorId: null, errorIdSource: null }),
    );
    expect(t).toMatch(/Error code:\*\* none/);
    expect(t).toMatch(/Support ID:\*\* none given/);
    expect(t).toContain('2026-11-23T18:00:00.000Z (from the response Date header)');
  });

  it('describes a network failure without a status', () => {
    const t = supportTicket(
      { method: 'GET', url: 'http://localhost:9/x', status: 0, error: 'net::ERR_CONNECTION_REFUSED' },
      classification({
        kind: 'network',
        status: { code: 0, reason: 'No Response', class: 'network-error', meaning: '', origin: 'faultline' },
      }),
    );
    expect(t).toContain('no response (net::ERR_CONNECTION_REFUSED)');
    expect(t).toContain('Time (UTC):** not recorded');
  });

  it('keeps hostile text on its line and inside code spans', () => {
    const t = supportTicket(
      exchange,
      classification({
        message: 'a ``` b\n# Heading\n<img src=x onerror=alert(1)>',
        errorCode: '`x`',
        fieldErrors: [{ field: 'title', message: '<b>required</b>\n- injected' }],
      }),
    );
    expect(t).toContain('- **Message:** ````a ``` b # Heading <img src=x onerror=alert(1)>````');
    expect(t).toContain('- **Error code:** `` `x` ``');
    expect(t).toContain('  - `title`: \\<b\\>required\\</b\\> - injected');
    expect(t.split('\n').filter((l) => l.startsWith('#'))).toHaveLength(1);
  });
});

/** Runs the command with `printf '%s\0'` in place of curl and returns the arguments the shell passed. */
function shellArgs(command: string): string[] {
  expect(command.startsWith('curl ')).toBe(true);
  const out = execFileSync('/bin/sh', ['-c', `printf '%s\\0' ${command.slice(5)}`], { encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

describe('toCurl', () => {
  it('repeats the request with redacted secrets, without pseudo-headers or Content-Length', () => {
    const curl = toCurl(exchange);
    for (const s of SECRETS) expect(curl).not.toContain(s);
    expect(shellArgs(curl)).toEqual([
      '-X',
      'PUT',
      '--globoff',
      'https://api.vendor.test/v2/articles/42?access_token=[REDACTED]&lang=en',
      '-H',
      'Authorization: [REDACTED]',
      '-H',
      'Cookie: [REDACTED]',
      '-H',
      'x-api-key: [REDACTED]',
      '-H',
      'Content-Type: application/json',
      '--data-raw',
      `{"title":"It's \`done\`","password":"[REDACTED]"}`,
    ]);
  });

  it('keeps the secrets when asked to, and uses the shortest form for GET and POST', () => {
    expect(
      shellArgs(toCurl({ method: 'GET', url: 'https://a.test/?token=t', status: 200 }, { redact: false })),
    ).toEqual(['https://a.test/?token=t']);
    expect(shellArgs(toCurl({ method: 'POST', url: 'https://a.test/', requestBody: 'a=1', status: 200 }))).toEqual([
      'https://a.test/',
      '--data-raw',
      'a=1',
    ]);
    expect(shellArgs(toCurl({ method: 'HEAD', url: 'https://a.test/', status: 200 }))).toEqual([
      '--head',
      'https://a.test/',
    ]);
  });

  it('quotes any text so the shell passes it through unchanged', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 1 }).filter((s) => !s.includes('\0')),
        fc.string({ unit: 'binary' }),
        (body, header) => {
          const cleanHeader = header.replace(/\0/g, '');
          const curl = toCurl(
            {
              method: 'PATCH',
              url: "https://a.test/it's$(id)`x`",
              requestHeaders: [{ name: 'X-Note', value: cleanHeader }],
              requestBody: body,
              status: 500,
            },
            { redact: false },
          );
          expect(shellArgs(curl)).toEqual([
            '-X',
            'PATCH',
            "https://a.test/it's$(id)`x`",
            '-H',
            `X-Note: ${cleanHeader}`,
            '--data-raw',
            body,
          ]);
        },
      ),
      // Each run spawns /bin/sh; a few dozen shrinkable cases cover the quoting paths.
      { numRuns: 40 },
    );
  }, 60_000);

  it('single-quotes with the POSIX escape for quotes', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });
});

/** Evaluates the fetch() snippet with a stub fetch and returns what it was called with. */
async function fetchArgs(code: string): Promise<[string, RequestInit]> {
  let captured: [string, RequestInit] | null = null;
  const stub = (url: string, init: RequestInit) => {
    captured = [url, init];
    return Promise.resolve();
  };

  await new Function('fetch', `return (async () => { ${code} })();`)(stub);
  return captured!;
}

describe('toFetch', () => {
  it('repeats the request with redacted secrets', async () => {
    const code = toFetch(exchange);
    for (const s of SECRETS) expect(code).not.toContain(s);
    const [url, init] = await fetchArgs(code);
    expect(url).toBe('https://api.vendor.test/v2/articles/42?access_token=[REDACTED]&lang=en');
    expect(init).toEqual({
      method: 'PUT',
      headers: { Authorization: '[REDACTED]', 'x-api-key': '[REDACTED]', 'Content-Type': 'application/json' },
      body: `{"title":"It's \`done\`","password":"[REDACTED]"}`,
      // The cookie is the browser's to send: fetch() takes it as credentials, never as a header.
      credentials: 'include',
    });
  });

  it('leaves the body out of GET and keeps secrets when asked to', async () => {
    const [url, init] = await fetchArgs(
      toFetch({ method: 'GET', url: 'https://a.test/?token=t', requestBody: 'x', status: 200 }, { redact: false }),
    );
    expect(url).toBe('https://a.test/?token=t');
    expect(init).toEqual({ method: 'GET' });
  });

  it('produces a valid JS literal for any text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary' }),
        fc.constantFrom('\u2028', '\u2029', '</script>', '${x}', '`', '\\'),
        async (body, extra) => {
          const text = body + extra;
          const [url, init] = await fetchArgs(
            toFetch(
              {
                method: 'POST',
                url: `https://a.test/${extra}`,
                requestHeaders: [{ name: '__proto__', value: text }],
                requestBody: text,
                status: 500,
              },
              { redact: false },
            ),
          );
          expect(url).toBe(`https://a.test/${extra}`);
          expect(init.body).toBe(text);
          expect(Object.getOwnPropertyDescriptor(init.headers, '__proto__')?.value).toBe(text);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('copies as Chrome makes them', () => {
  const browserSet: Exchange = {
    method: 'POST',
    url: 'https://api.vendor.test/v1/items',
    requestHeaders: [
      { name: 'Accept-Encoding', value: 'gzip, deflate, br, zstd' },
      { name: 'Origin', value: 'https://app.test' },
      { name: 'Referer', value: 'https://app.test/page' },
      { name: 'User-Agent', value: 'Mozilla/5.0 Test' },
      { name: 'Sec-Fetch-Mode', value: 'cors' },
      { name: 'Content-Type', value: 'application/json' },
    ],
    requestBody: '{"a":1}',
    status: 500,
  };

  it('cURL: no Accept-Encoding header, --compressed instead', () => {
    const curl = toCurl(browserSet);
    expect(curl).not.toMatch(/accept-encoding/i);
    expect(curl).toContain('--compressed');
    expect(curl).toContain("-H 'Content-Type: application/json'");
    expect(toCurl({ ...browserSet, requestHeaders: [{ name: 'Accept', value: '*/*' }] })).not.toContain('--compressed');
  });

  it('fetch: none of the headers the browser sets itself; the referrer as an option', async () => {
    const [, init] = await fetchArgs(toFetch(browserSet));
    expect(Object.keys(init.headers ?? {}).map((h) => h.toLowerCase())).toEqual(['content-type']);
    expect(init.referrer).toBe('https://app.test/page');
  });
});

describe('vendor-ready ticket', () => {
  const failed: Exchange = {
    method: 'POST',
    url: 'https://api.vendor.test/v1/items?api_token=tok_live_secret123',
    requestHeaders: [{ name: 'Authorization', value: 'Bearer sk_live_abcdefghijklmnop' }],
    requestBody: '{"name":"x","password":"hunter2hunter2"}',
    status: 429,
    responseHeaders: [
      { name: 'Date', value: 'Sat, 05 Dec 2026 10:00:00 GMT' },
      { name: 'Retry-After', value: '30' },
      { name: 'X-Request-Id', value: 'req_123' },
      { name: 'Content-Type', value: 'application/json' },
      { name: 'Set-Cookie', value: 'session=abc' },
      { name: 'X-Powered-By', value: 'Express' },
    ],
    body: `{"error":"rate_limited","detail":"${'x'.repeat(5000)}"}`,
    startedAt: Date.UTC(2026, 11, 5, 10, 0, 0),
  };

  it('has the headers a vendor asks for, capped excerpts, the browser, and the advice apart', () => {
    const t = supportTicket(failed, classification({ errorId: 'req_123', errorIdSource: 'header x-request-id' }), {
      browser: browserFromUserAgent(
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.85 Safari/537.36',
      ),
    });
    expect(t).toContain('Retry-After: 30');
    expect(t).toContain('X-Request-Id: req_123');
    expect(t).toContain('Date: Sat, 05 Dec 2026 10:00:00 GMT');
    expect(t).not.toContain('X-Powered-By');
    expect(t).not.toContain('session=abc');
    expect(t).toContain('**Response body (first 2,000 of');
    expect(t).toContain('{"error":"rate_limited"');
    expect(t).toContain('**Request body**');
    expect(t).not.toContain('hunter2hunter2');
    expect(t).not.toContain('tok_live_secret123');
    expect(t).not.toContain('sk_live_abcdefghijklmnop');
    expect(t).toContain('**Browser:** Chrome 131.0.6778.85');
    expect(t).toContain('2026-12-05T10:00:00.000Z');
    const [vendor, developer] = t.split('\n---\n');
    expect(vendor).not.toContain('**Retry:**');
    expect(developer).toContain('**Retry:**');
  });

  it('a 2xx-with-error ticket says what the body reported, not "success"', () => {
    const t = supportTicket(
      { method: 'GET', url: 'https://a.test/x', status: 200, body: '{"success":false,"message":"Quota gone"}' },
      classification({ kind: 'body', message: 'Quota gone' }),
    );
    expect(t).toContain('the response body reported an error (Quota gone)');
    expect(t).not.toMatch(/\(success\)/);
  });

  it('names Firefox and Chrome from their user agents', () => {
    expect(browserFromUserAgent('Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0')).toBe(
      'Firefox 140.0',
    );
    expect(browserFromUserAgent('Mozilla/5.0 HeadlessChrome/131.0.1 Safari/537.36')).toBe('Chrome 131.0.1');
  });
});

describe('supportTicket: call site', () => {
  it('names the app frame that made the call (not the HTTP library), with a redacted URL', async () => {
    const { classify } = await import('./classify');
    const exchange: Exchange = {
      method: 'GET',
      url: 'http://127.0.0.1:5173/api/fail',
      status: 500,
      callStack: [
        {
          functionName: 'dispatchXhrRequest',
          url: 'http://127.0.0.1:5173/node_modules/axios/lib/adapters/xhr.js',
          lineNumber: 10,
          columnNumber: 0,
        },
        {
          functionName: 'loadItems',
          url: 'http://127.0.0.1:5173/cap/app.js?api_token=secret123456',
          lineNumber: 41,
          columnNumber: 9,
        },
      ],
    };
    const ticket = supportTicket(exchange, classify(exchange));
    expect(ticket).toContain('- **Call site:** `loadItems (app.js:42)`');
    expect(ticket).not.toContain('secret123456');
    expect(supportTicket({ ...exchange, callStack: undefined }, classify(exchange))).not.toContain('Call site');
  });
});
