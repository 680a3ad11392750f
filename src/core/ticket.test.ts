import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { shellQuote, supportTicket, toCurl, toFetch } from './ticket';
import type { Classification, Exchange } from './types';

/** A classification as the classifier would give for a 503 with a request ID; fields overridable. */
function classification(over: Partial<Classification> = {}): Classification {
  return {
    failure: true,
    kind: 'server',
    status: { code: 503, reason: 'Service Unavailable', class: 'server-error', meaning: 'The server cannot handle the request right now.', origin: 'iana' },
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
    action: 'Wait 120 s, then retry. If it persists, quote the trace ID c0ffee00-1111-4222-8333-944455556666 to support.',
    requestIdHeaders: [{ name: 'x-request-id', value: 'req_42abc' }, { name: 'cf-ray', value: '8c1f2a3b4c5d6e7f-FRA' }],
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
    { name: 'x-api-key', value: SECRETS[5]! },
    { name: 'Content-Type', value: 'application/json' },
    { name: 'Content-Length', value: '39' },
  ],
  requestBody: `{"title":"It's \`done\`","password":"${SECRETS[3]}"}`,
  status: 503,
  statusText: 'Service Unavailable',
  responseHeaders: [{ name: 'content-type', value: 'application/problem+json' }, { name: 'x-request-id', value: 'req_42abc' }],
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
      { ...exchange, startedAt: undefined, responseHeaders: [{ name: 'Date', value: 'Mon, 23 Nov 2026 18:00:00 GMT' }] },
      classification({ errorCode: null, errorId: null, errorIdSource: null }),
    );
    expect(t).toMatch(/Error code:\*\* none/);
    expect(t).toMatch(/Error ID:\*\* none/);
    expect(t).toContain('2026-11-23T18:00:00.000Z (from the response Date header)');
  });

  it('describes a network failure without a status', () => {
    const t = supportTicket(
      { method: 'GET', url: 'http://localhost:9/x', status: 0, error: 'net::ERR_CONNECTION_REFUSED' },
      classification({ kind: 'network', status: { code: 0, reason: 'No Response', class: 'network-error', meaning: '', origin: 'faultline' } }),
    );
    expect(t).toContain('no response (net::ERR_CONNECTION_REFUSED)');
    expect(t).toContain('Time (UTC):** not recorded');
  });

  it('keeps hostile text on its line and inside code spans', () => {
    const t = supportTicket(exchange, classification({ message: 'a ``` b\n# Heading\n<img src=x onerror=alert(1)>', errorCode: '`x`', fieldErrors: [{ field: 'title', message: '<b>required</b>\n- injected' }] }));
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
      '-X', 'PUT',
      '--globoff',
      'https://api.vendor.test/v2/articles/42?access_token=[REDACTED]&lang=en',
      '-H', 'Authorization: [REDACTED]',
      '-H', 'Cookie: [REDACTED]',
      '-H', 'x-api-key: [REDACTED]',
      '-H', 'Content-Type: application/json',
      '--data-raw', `{"title":"It's \`done\`","password":"[REDACTED]"}`,
    ]);
  });

  it('keeps the secrets when asked to, and uses the shortest form for GET and POST', () => {
    expect(shellArgs(toCurl({ method: 'GET', url: 'https://a.test/?token=t', status: 200 }, { redact: false }))).toEqual(['https://a.test/?token=t']);
    expect(shellArgs(toCurl({ method: 'POST', url: 'https://a.test/', requestBody: 'a=1', status: 200 }))).toEqual(['https://a.test/', '--data-raw', 'a=1']);
    expect(shellArgs(toCurl({ method: 'HEAD', url: 'https://a.test/', status: 200 }))).toEqual(['--head', 'https://a.test/']);
  });

  it('quotes any text so the shell passes it through unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1 }).filter((s) => !s.includes('\0')), fc.string({ unit: 'binary' }), (body, header) => {
        const cleanHeader = header.replace(/\0/g, '');
        const curl = toCurl(
          { method: 'PATCH', url: "https://a.test/it's$(id)`x`", requestHeaders: [{ name: 'X-Note', value: cleanHeader }], requestBody: body, status: 500 },
          { redact: false },
        );
        expect(shellArgs(curl)).toEqual(['-X', 'PATCH', "https://a.test/it's$(id)`x`", '-H', `X-Note: ${cleanHeader}`, '--data-raw', body]);
      }),
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
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
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
      headers: { Authorization: '[REDACTED]', Cookie: '[REDACTED]', 'x-api-key': '[REDACTED]', 'Content-Type': 'application/json' },
      body: `{"title":"It's \`done\`","password":"[REDACTED]"}`,
    });
  });

  it('leaves the body out of GET and keeps secrets when asked to', async () => {
    const [url, init] = await fetchArgs(toFetch({ method: 'GET', url: 'https://a.test/?token=t', requestBody: 'x', status: 200 }, { redact: false }));
    expect(url).toBe('https://a.test/?token=t');
    expect(init).toEqual({ method: 'GET' });
  });

  it('produces a valid JS literal for any text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary' }), fc.constantFrom('\u2028', '\u2029', '</script>', '${x}', '`', '\\'), async (body, extra) => {
        const text = body + extra;
        const [url, init] = await fetchArgs(
          toFetch({ method: 'POST', url: `https://a.test/${extra}`, requestHeaders: [{ name: '__proto__', value: text }], requestBody: text, status: 500 }, { redact: false }),
        );
        expect(url).toBe(`https://a.test/${extra}`);
        expect(init.body).toBe(text);
        expect(Object.getOwnPropertyDescriptor(init.headers, '__proto__')?.value).toBe(text);
      }),
      { numRuns: 150 },
    );
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
        { functionName: 'dispatchXhrRequest', url: 'http://127.0.0.1:5173/node_modules/axios/lib/adapters/xhr.js', lineNumber: 10, columnNumber: 0 },
        { functionName: 'loadItems', url: 'http://127.0.0.1:5173/cap/app.js?api_token=secret123456', lineNumber: 41, columnNumber: 9 },
      ],
    };
    const ticket = supportTicket(exchange, classify(exchange));
    expect(ticket).toContain('- **Call site:** `loadItems (app.js:42)`');
    expect(ticket).not.toContain('secret123456');
    expect(supportTicket({ ...exchange, callStack: undefined }, classify(exchange))).not.toContain('Call site');
  });
});
