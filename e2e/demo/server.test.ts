import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { get } from 'node:http';
import { fileURLToPath } from 'node:url';
import { startDemoServer, type DemoServer } from './server.mjs';

interface SeedCase {
  name: string;
  request: { method: string; url: string; headers?: Record<string, string>; body?: string };
  response: { status: number; statusText: string; headers: Record<string, string>; body: string; error?: string };
}

const seedCases: SeedCase[] = JSON.parse(
  readFileSync(new URL('../../../shared/fixtures/seed-cases.json', import.meta.url), 'utf8'),
);
const httpCases = seedCases.filter((c) => c.response.status > 0);
const noResponseCases = seedCases.filter((c) => !c.response.status);

let demo: DemoServer;

beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
});

afterAll(async () => {
  await demo?.close();
});

function at(path: string, init?: RequestInit) {
  return fetch(`${demo.url}${path}`, init);
}

async function expectAlive() {
  const response = await at('/api/ok');
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ ok: true });
}

/** Raw HTTP/1.1 exchange, so no client-side header limits get in the way. */
function rawGet(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port: demo.port });
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.on('error', reject);
    socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${demo.port}\r\nConnection: close\r\n\r\n`);
  });
}

function headerLines(raw: string): string[] {
  return raw.slice(0, raw.indexOf('\r\n\r\n')).split('\r\n').slice(1);
}

describe('binding and the request log', () => {
  it('listens on 127.0.0.1 and refuses any other host', async () => {
    expect(new URL(demo.url).hostname).toBe('127.0.0.1');
    await expect(startDemoServer({ host: '0.0.0.0' })).rejects.toThrow(/127\.0\.0\.1/);
  });

  it('logs every request with method, path (query included), time and status', async () => {
    demo.resetLog();
    expect(demo.log).toHaveLength(0);
    const before = Date.now();
    await (await at('/api/ok')).text();
    await (await at('/api/burst/13?x=1')).text();
    await (await at('/api/echo', { method: 'POST', body: 'x' })).text();
    await (await at('/no/such/route')).text();
    expect(demo.log.map(({ method, path, status }) => ({ method, path, status }))).toEqual([
      { method: 'GET', path: '/api/ok', status: 200 },
      { method: 'GET', path: '/api/burst/13?x=1', status: 404 },
      { method: 'POST', path: '/api/echo', status: 200 },
      { method: 'GET', path: '/no/such/route', status: 404 },
    ]);
    for (const entry of demo.log) expect(entry.at).toBeGreaterThanOrEqual(before);
  });

  it('counts N requests as N log entries, concurrent ones included', async () => {
    demo.resetLog();
    const n = 120;
    await Promise.all(Array.from({ length: n }, (_, i) => at(`/api/burst/${i}`).then((r) => r.text())));
    expect(demo.log.filter((e) => e.path.startsWith('/api/burst/'))).toHaveLength(n);
  });
});

describe('seed cases', () => {
  it('has a route for every case that got an HTTP response', () => {
    expect(httpCases.length).toBeGreaterThan(0);
    expect(httpCases.length + noResponseCases.length).toBe(seedCases.length);
  });

  it.each(httpCases.map((c) => [c.name, c] as const))(
    '%s replays status, statusText, headers and body exactly',
    async (_, seedCase) => {
      const { request, response: expected } = seedCase;
      const init: RequestInit = { method: request.method, headers: request.headers ?? {} };
      if (request.body && !['GET', 'HEAD'].includes(request.method)) init.body = request.body;
      const response = await at(`/api/case/${seedCase.name}${new URL(request.url).search}`, init);
      expect(response.status).toBe(expected.status);
      expect(response.statusText).toBe(expected.statusText);
      for (const [name, value] of Object.entries(expected.headers))
        expect(response.headers.get(name), name).toBe(value);
      expect(response.headers.get('access-control-expose-headers')).toBe('*');
      expect(await response.text()).toBe(expected.body);
    },
  );

  it('keeps the HTTP-date Retry-After and the Date it counts from verbatim', async () => {
    const response = await at('/api/case/retry-after-http-date');
    expect(response.headers.get('date')).toBe('Mon, 23 Nov 2026 18:00:00 GMT');
    expect(response.headers.get('retry-after')).toBe('Mon, 23 Nov 2026 18:01:30 GMT');
  });

  it('answers cases without an HTTP response without crashing', async () => {
    expect(noResponseCases.map((c) => c.name)).toContain('network-connection-refused');
    for (const seedCase of noResponseCases) {
      const response = await at(`/api/case/${seedCase.name}`);
      expect(response.status).toBe(404);
      expect((await response.json()).error.code).toBe('no_http_response');
    }
    await expectAlive();
  });

  it('answers an unknown case with 404', async () => {
    const response = await at('/api/case/no-such-case');
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('unknown_case');
  });

  it('really refuses connections on the refused URL', async () => {
    const { port, hostname } = new URL(demo.refusedUrl);
    expect(hostname).toBe('127.0.0.1');
    expect(Number(port)).not.toBe(9); // browsers block port 9 as unsafe before connecting
    const code = await new Promise<string>((resolve) => {
      const socket = connect({ host: hostname, port: Number(port) });
      socket.on('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? String(error)));
    });
    expect(code).toBe('ECONNREFUSED');
    await expect(fetch(demo.refusedUrl)).rejects.toThrow();
  });
});

describe('demo page', () => {
  it('serves the page with a strict CSP, no inline script and the seed requests as data', async () => {
    const response = await at('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(csp).toContain(new URL(demo.refusedUrl).origin);
    const html = await response.text();
    expect(html).toContain('<title>Faultline demo API</title>');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    for (const [, attributes, content] of scripts) {
      const isData = /type="application\/json"/.test(attributes);
      expect(isData || (/\bsrc="\/[^"]+"/.test(attributes) && content.trim() === '')).toBe(true);
    }
    expect(html).not.toMatch(/\b(?:src|href)="(?:https?:)?\/\//);
    const data = html.match(/<script type="application\/json" id="seed-requests">([\s\S]*?)<\/script>/);
    const requests: Array<{ name: string; method: string; url: string }> = JSON.parse(data![1]);
    expect(requests.map((r) => r.name)).toEqual(seedCases.map((c) => c.name));
    const nested = requests.find((r) => r.name === 'vendor-nested-message-400')!;
    expect(nested.url).toBe('/api/case/vendor-nested-message-400?limit=10');
    const refused = requests.find((r) => r.name === 'network-connection-refused')!;
    expect(refused.url).toBe(demo.refusedUrl);
  });

  it('serves demo.js and demo.css, and the page for /?page=2', async () => {
    const script = await at('/demo.js');
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(await script.text()).toContain('window.faultlineDemo');
    expect((await at('/demo.css')).headers.get('content-type')).toMatch(/text\/css/);
    expect((await at('/?page=2')).status).toBe(200);
  });
});

describe('extra demo routes', () => {
  it('GraphQL: a 200 that carries errors', async () => {
    const response = await at('/api/graphql', { method: 'POST', body: '{"query":"{ user {nme} }"}' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      data: null,
      errors: [
        {
          message: 'Cannot query field "nme" on type "User".',
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          locations: [{ line: 1, column: 9 }],
        },
      ],
    });
  });

  it('429 with an HTTP-date Retry-After 30 s after its own Date header', async () => {
    const response = await at('/api/extra/retry-after-date');
    expect(response.status).toBe(429);
    const date = Date.parse(response.headers.get('date')!);
    const retryAt = Date.parse(response.headers.get('retry-after')!);
    expect(response.headers.get('retry-after')).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    expect(retryAt - date).toBe(30_000);
  });

  it('405 with Allow for a method it does not allow, 200 for one it does', async () => {
    const refused = await at('/api/extra/method-not-allowed', { method: 'POST' });
    expect(refused.status).toBe(405);
    expect(refused.headers.get('allow')).toBe('GET, PATCH, DELETE');
    expect((await at('/api/extra/method-not-allowed', { method: 'PATCH' })).status).toBe(200);
  });

  it.each([
    ['/api/extra/conflict', 409, 'application/json; charset=utf-8'],
    ['/api/extra/locked', 423, 'application/json; charset=utf-8'],
    ['/api/extra/bad-gateway-html', 502, 'text/html'],
    ['/api/extra/problem-json', 422, 'application/problem+json'],
    ['/api/unread', 500, 'application/json; charset=utf-8'],
  ])('%s answers %i as %s', async (path, status, type) => {
    const response = await at(path, { method: 'POST' });
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe(type);
    expect((await response.text()).length).toBeGreaterThan(0);
  });

  it('problem+json lists its field errors', async () => {
    const body = await (await at('/api/extra/problem-json', { method: 'POST' })).json();
    expect(body.status).toBe(422);
    expect(body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['#/email', '#/age']);
  });

  it('504 with an empty body', async () => {
    const response = await at('/api/extra/gateway-timeout-empty');
    expect(response.status).toBe(504);
    expect(response.headers.get('content-length')).toBe('0');
    expect(await response.text()).toBe('');
  });

  it('an event stream that ends with an error event', async () => {
    const response = await at('/api/extra/sse-error');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const text = await response.text();
    const events = text.split('\n\n').filter(Boolean);
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events.at(-1)).toMatch(/^id: \d+\nevent: error\ndata: \{.*"stream_failed".*\}$/);
  });

  it('slow answers after the delay it was asked for', async () => {
    const response = await at('/api/slow?ms=50');
    expect(await response.json()).toEqual({ ok: true, delayedMs: 50 });
  });

  it('burst: 404 for n ending in 3, 500 for n ending in 7, 200 otherwise', async () => {
    const statuses = await Promise.all(
      [0, 3, 7, 10, 13, 17, 1999].map((n) => at(`/api/burst/${n}`).then((r) => r.status)),
    );
    expect(statuses).toEqual([200, 404, 500, 200, 404, 500, 200]);
  });

  it('echo reflects the method, headers and body', async () => {
    const response = await at('/api/echo?status=503', {
      method: 'POST',
      headers: { 'idempotency-key': 'k-1' },
      body: 'hello',
    });
    expect(response.status).toBe(503);
    const echo = await response.json();
    expect(echo).toMatchObject({
      method: 'POST',
      path: '/api/echo',
      query: { status: '503' },
      body: 'hello',
      bodyBytes: 5,
    });
    expect(echo.headers['idempotency-key']).toBe('k-1');
  });
});

describe('capture page routes (issue 14)', () => {
  it('answers the redirect chain hop by hop and loops /cap/loop onto itself', async () => {
    const first = await at('/cap/redirect/301', { redirect: 'manual' });
    expect([first.status, first.headers.get('location')]).toEqual([301, '/cap/redirect/302']);
    const second = await at('/cap/redirect/302', { redirect: 'manual' });
    expect([second.status, second.headers.get('location')]).toEqual([302, '/cap/ok?from=redirect']);
    const loop = await at('/cap/loop', { redirect: 'manual' });
    expect([loop.status, loop.headers.get('location')]).toEqual([302, '/cap/loop']);
  });

  it('ends the event stream after one event, and resets /cap/reset without a response', async () => {
    const events = await at('/cap/events');
    expect(events.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(await events.text()).toBe('retry: 60000\ndata: hello\n\n');
    await expect(at('/cap/reset')).rejects.toThrow();
    await expectAlive();
  });

  it('upgrades /cap/ws to a WebSocket with the RFC 6455 accept key, one text frame and a close frame', async () => {
    const { port } = new URL(demo.url);
    const reply = await new Promise<Buffer>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(
          'GET /cap/ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
            'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
        );
      });
      const chunks: Buffer[] = [];
      socket.on('data', (chunk) => chunks.push(chunk));
      socket.on('end', () => resolve(Buffer.concat(chunks)));
      socket.on('error', reject);
    });
    const text = reply.toString('latin1');
    expect(text).toMatch(/^HTTP\/1\.1 101 /);
    // The RFC's own example key and answer.
    expect(text).toContain('Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n');
    const frames = reply.subarray(reply.indexOf('\r\n\r\n') + 4);
    expect([...frames]).toEqual([0x81, 5, ...Buffer.from('hello'), 0x88, 2, 0x03, 0xe8]);
    expect(demo.log.filter((e) => e.path === '/cap/ws').map((e) => e.status)).toContain(101);
  });
});

describe('retry-audit scenarios', () => {
  async function sequence(path: string, attempts: number, init?: RequestInit) {
    const out: Array<{ status: number; retryAfter: string | null; body: unknown }> = [];
    for (let i = 0; i < attempts; i += 1) {
      const response = await at(path, init);
      out.push({
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        body: await response.json(),
      });
    }
    return out;
  }

  it('rate-limited: 429 with Retry-After 2 twice, then 200', async () => {
    const attempts = await sequence('/api/audit/rate-limited?run=t1', 3);
    expect(attempts.map((a) => [a.status, a.retryAfter])).toEqual([
      [429, '2'],
      [429, '2'],
      [200, null],
    ]);
  });

  it('counts attempts per run id', async () => {
    await sequence('/api/audit/flaky?run=t2-a', 2);
    const fresh = await sequence('/api/audit/flaky?run=t2-b', 3);
    expect(fresh.map((a) => a.status)).toEqual([503, 503, 200]);
    expect((await sequence('/api/audit/flaky?run=t2-a', 1))[0].status).toBe(200);
  });

  it('flaky honours ?fail=', async () => {
    const attempts = await sequence('/api/audit/flaky?run=t3&fail=4', 5);
    expect(attempts.map((a) => a.status)).toEqual([503, 503, 503, 503, 200]);
  });

  it('validation and unauthorized always fail; locked fails 3 times', async () => {
    expect((await sequence('/api/audit/validation?run=t4', 4)).map((a) => a.status)).toEqual([422, 422, 422, 422]);
    expect((await sequence('/api/audit/unauthorized?run=t4', 3)).map((a) => a.status)).toEqual([401, 401, 401]);
    expect((await sequence('/api/audit/locked?run=t4', 4)).map((a) => a.status)).toEqual([423, 423, 423, 200]);
  });

  it('create: POST only, 500 then 201; a replayed Idempotency-Key returns the same resource', async () => {
    expect((await at('/api/audit/create?run=t5', { method: 'GET' })).status).toBe(405);
    const post = { method: 'POST', headers: { 'idempotency-key': 'key-1' }, body: '{}' };
    const attempts = await sequence('/api/audit/create?run=t5', 3, post);
    expect(attempts.map((a) => a.status)).toEqual([500, 201, 201]);
    expect((attempts[2].body as { id: string }).id).toBe((attempts[1].body as { id: string }).id);
    const withoutKey = await sequence('/api/audit/create?run=t6', 3, { method: 'POST', body: '{}' });
    expect((withoutKey[2].body as { id: string }).id).not.toBe((withoutKey[1].body as { id: string }).id);
  });
});

describe('hostile responses', () => {
  beforeEach(() => demo.resetLog());

  it('huge: a 50 MiB JSON error body, streamed; an aborted download leaves the server up', async () => {
    const { contentLength, type, firstBytes } = await new Promise<{
      contentLength: string | undefined;
      type: string | undefined;
      firstBytes: string;
    }>((resolve, reject) => {
      const request = get(`${demo.url}/api/hostile/huge`, (response) => {
        let received = Buffer.alloc(0);
        let chunks = 0;
        response.on('data', (chunk: Buffer) => {
          if (received.length < 100) received = Buffer.concat([received, chunk]);
          chunks += 1;
          if (chunks === 3) {
            request.destroy();
            resolve({
              contentLength: response.headers['content-length'],
              type: response.headers['content-type'],
              firstBytes: received.subarray(0, 20).toString(),
            });
          }
        });
      });
      request.on('error', (error) => {
        if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(error);
      });
    });
    expect(contentLength).toBe(String(50 * 1024 * 1024));
    expect(type).toMatch(/^application\/json/);
    expect(firstBytes).toBe('{"error":{"code":"hu');
    await expectAlive();
  });

  it('huge ?mb=1 is complete, valid JSON of exactly 1 MiB', async () => {
    const text = await (await at('/api/hostile/huge?mb=1')).text();
    expect(Buffer.byteLength(text)).toBe(1024 * 1024);
    expect(JSON.parse(text).error.code).toBe('huge_body');
  });

  it('deep: JSON nested 100,000 levels', async () => {
    const text = await (await at('/api/hostile/deep')).text();
    let depth = 0;
    let max = 0;
    for (const char of text) {
      if (char === '{' || char === '[') max = Math.max(max, ++depth);
      else if (char === '}' || char === ']') depth -= 1;
    }
    expect(max).toBe(100_000);
    expect(depth).toBe(0);
  });

  it('binary and invalid UTF-8 bodies are not valid UTF-8', async () => {
    const binary = await at('/api/hostile/binary');
    expect(binary.status).toBe(500);
    expect(binary.headers.get('content-type')).toBe('application/octet-stream');
    const utf8 = new TextDecoder('utf-8', { fatal: true });
    expect(() => utf8.decode(new Uint8Array(0))).not.toThrow();
    const bytes = new Uint8Array(await binary.arrayBuffer());
    expect(bytes.length).toBeGreaterThan(4096);
    expect(() => utf8.decode(bytes)).toThrow();
    const json = await at('/api/hostile/invalid-utf8');
    expect(json.headers.get('content-type')).toMatch(/application\/json/);
    const jsonBytes = new Uint8Array(await json.arrayBuffer());
    expect(() => utf8.decode(jsonBytes)).toThrow();
  });

  it('proto: __proto__, constructor and prototype as own keys carrying {"polluted":true}', async () => {
    const text = await (await at('/api/hostile/proto')).text();
    const body = JSON.parse(text);
    expect(Object.keys(body)).toEqual(['__proto__', 'constructor', 'prototype', 'error']);
    expect(Object.getOwnPropertyDescriptor(body, '__proto__')?.value).toEqual({ polluted: true });
    expect(body.prototype).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('xss: payloads in code, message, id, a header and the status text; the beacon is not hit by serving them', async () => {
    const response = await at('/api/hostile/xss');
    expect(response.status).toBe(400);
    const script = '<script>window.__faultline_xss=1</script>';
    const onerror = `<img src=x onerror="window.__faultline_xss=1;fetch('${demo.url}/api/xss-beacon?via=onerror')">`;
    expect(response.statusText).toContain(script);
    expect(response.headers.get('x-request-id')).toBe(onerror);
    expect(response.headers.get('x-error-code')).toBe(script);
    const body = await response.json();
    expect(body.error.code).toBe(script);
    expect(body.error.request_id).toBe(onerror);
    expect(body.error.message).toContain(onerror);
    expect(body.error.message).toContain(`<img src="${demo.url}/api/xss-beacon?via=img-src">`);
    expect(demo.xssBeaconHits()).toBe(0);
  });

  it('xss beacon records each hit', async () => {
    expect((await at('/api/xss-beacon?via=test')).status).toBe(204);
    expect(demo.xssBeaconHits()).toBe(1);
    expect(demo.log.at(-1)?.path).toBe('/api/xss-beacon?via=test');
  });

  it('headers: a 500 with 5,000 response headers', async () => {
    const raw = await rawGet('/api/hostile/headers');
    expect(raw.startsWith('HTTP/1.1 500 ')).toBe(true);
    expect(headerLines(raw).filter((line) => /^x-h\d{5}: \d$/.test(line))).toHaveLength(5000);
    await expectAlive();
  });

  it.each([['-5'], ['1e309'], ['soon'], ['Fri, 31 Dec 9999 23:59:59 GMT'], ['Thu, 01 Jan 1970 00:00:00 GMT']])(
    'retry-garbage: 429 with Retry-After %s and garbage RateLimit headers',
    async (value) => {
      const response = await at(`/api/hostile/retry-garbage?v=${encodeURIComponent(value)}`);
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toBe(value);
      expect(response.headers.get('ratelimit')).toBe('limit=abc, remaining=-1, reset=soon');
      expect(response.headers.get('x-ratelimit-reset')).toBe('tomorrow');
      expect((await response.json()).error.retry_after).toBe(value);
    },
  );

  it('retry-garbage replaces characters a header cannot carry instead of crashing', async () => {
    const raw = await rawGet(`/api/hostile/retry-garbage?v=${encodeURIComponent('1\r\nx-injected: yes ✓')}`);
    expect(raw.startsWith('HTTP/1.1 429 ')).toBe(true);
    const lines = headerLines(raw);
    expect(lines.some((line) => line.toLowerCase().startsWith('x-injected'))).toBe(false);
    expect(lines).toContain('retry-after: 1??x-injected: yes ?');
    await expectAlive();
  });

  it('no hostile route takes the server down', async () => {
    for (const path of [
      '/api/hostile/deep?levels=1000000',
      '/api/hostile/headers?count=20000',
      '/api/hostile/retry-garbage',
      '/api/case/%E0%A4%A',
      '/api/burst/999999999',
    ]) {
      // Raw, because Node's own fetch refuses 20,000 headers (a client limit, not the server's).
      expect(await rawGet(path)).toMatch(/^HTTP\/1\.1 [2-5]\d\d /);
    }
    await expectAlive();
  });
});

describe('command line', () => {
  it('node server.mjs --port 0 prints the URL it serves', async () => {
    const child = spawn(process.execPath, [fileURLToPath(new URL('./server.mjs', import.meta.url)), '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk) => {
          out += chunk;
          if (out.includes('\n')) resolve(out.trim());
        });
        child.on('exit', (code) => reject(new Error(`exited with ${code}`)));
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(`${url}/api/ok`)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
