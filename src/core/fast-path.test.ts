import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildBodyView } from './body';
import { classify } from './classify';
import { isNoEnvelopeMime, isSettledSuccess } from './fast-path';
import { SIGNAL_KEYS } from './formats/json';
import type { Exchange } from './types';

const BLOCK_PAGE =
  '<html><body><h1>Request Rejected</h1><p>The requested URL was rejected. Please consult with your administrator.</p><p>Your support ID is: 1234567890123456789</p></body></html>';

const MIMES = [
  'image/png',
  'image/svg+xml',
  'font/woff2',
  'video/mp4',
  'text/css',
  'text/javascript',
  'application/javascript',
  'application/wasm',
  'text/html',
  'text/plain',
  'application/json',
  'application/xml',
  'application/problem+json',
  'application/grpc-web+proto',
  '',
];

const BODIES = [
  undefined,
  '',
  '   ',
  'body{margin:0}',
  '(function(){var blocked=true;})();',
  '{"ok":false,"error":"invalid_auth"}',
  '{"status":"REQUEST_DENIED","error_message":"The provided API key is invalid."}',
  '{"data":[1,2,3]}',
  '{"error":{"code":"unavailable","message":"try later","request_id":"req_123456789"}}',
  '<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>ABC123DEF456</RequestId></Error>',
  '<html><head><title>Home</title></head><body><h1>Welcome</h1></body></html>',
  BLOCK_PAGE,
  'Error 1020: Access denied. Ray ID: 7a1b2c3d4e5f6a7b',
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk',
];

describe('success fast path (fast-path.ts)', () => {
  it('settles only successes without a browser error', () => {
    const body = buildBodyView({
      method: 'GET',
      url: 'https://a.example/x.png',
      status: 200,
      body: 'x',
      mimeType: 'image/png',
    });
    expect(isSettledSuccess(200, undefined, body)).toBe(true);
    expect(isSettledSuccess(304, undefined, body)).toBe(true);
    expect(isSettledSuccess(404, undefined, body)).toBe(false);
    expect(isSettledSuccess(500, undefined, body)).toBe(false);
    expect(isSettledSuccess(0, undefined, body)).toBe(false);
    expect(isSettledSuccess(200, 'net::ERR_FAILED', body)).toBe(false);
  });

  it('settles by media type: code, styles, fonts and media; never JSON, XML, HTML or plain text', () => {
    for (const mime of [
      'image/png',
      'font/woff2',
      'audio/ogg',
      'video/webm',
      'text/css',
      'text/javascript',
      'application/javascript',
      'application/wasm',
    ])
      expect(isNoEnvelopeMime(mime), mime).toBe(true);
    for (const mime of [
      'application/json',
      'text/html',
      'text/plain',
      'application/xml',
      'application/problem+json',
      'application/grpc-web+proto',
      'application/octet-stream',
      '',
    ])
      expect(isNoEnvelopeMime(mime), mime).toBe(false);
    const json = buildBodyView({
      method: 'GET',
      url: 'https://a.example/x.js',
      status: 200,
      body: '{"ok":false}',
      mimeType: 'text/javascript',
    });
    expect(json.kind).toBe('json');
    expect(isSettledSuccess(200, undefined, json)).toBe(false);
  });

  it('never hides a failure: the fast and the full path agree on every generated exchange', () => {
    let settled = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(200, 201, 204, 206, 301, 304, 400, 429, 503),
        fc.constantFrom(...MIMES),
        fc.constantFrom(...BODIES),
        fc.boolean(),
        fc.subarray([
          { name: 'grpc-status', value: '14' },
          { name: 'grpc-message', value: 'unavailable' },
          { name: 'x-amzn-ErrorType', value: 'ThrottlingException' },
          { name: 'x-request-id', value: 'req-0123456789' },
        ]),
        fc.constantFrom('GET', 'POST'),
        (status, mimeType, body, base64, responseHeaders, method) => {
          const x: Exchange = {
            method,
            url: 'https://api.example.com/v1/x',
            status,
            mimeType,
            body: base64 && body ? Buffer.from(body).toString('base64') : body,
            bodyEncoding: base64 && body ? 'base64' : undefined,
            responseHeaders,
          };
          const fast = classify(x, { now: 0 });
          const full = classify(x, { now: 0, fastPath: false });
          if (isSettledSuccess(status, undefined, buildBodyView(x))) settled++;
          // The one difference by design: a block page (a WAF's "rejected… support ID") under a media type
          // that never carries a page (a script, a stylesheet) is not read as one; a WAF answers with HTML.
          const blockPage = (c: typeof full) => c.notes.some((n) => n.includes('block page'));
          if (blockPage(full) && !blockPage(fast) && isNoEnvelopeMime(mimeType)) {
            expect(fast.failure).toBe(false);
            expect(fast.format).toBe(full.format);
            return;
          }
          expect(fast).toEqual(full);
        },
      ),
      { numRuns: 2000 },
    );
    expect(settled).toBeGreaterThan(100);
  });

  it('keeps the protocol failure of a 2xx whose body it settles (grpc-status in a header)', () => {
    const x: Exchange = {
      method: 'POST',
      url: 'https://api.example.com/svc/Method',
      status: 200,
      mimeType: 'image/png',
      body: '',
      responseHeaders: [{ name: 'grpc-status', value: '14' }],
    };
    const c = classify(x, { now: 0 });
    expect(c.failure).toBe(true);
    expect(c.errorCode).toBe('UNAVAILABLE');
  });

  it('never settles a 2xx JSON body holding a failure-marker key of the plain-data gate, whatever keys the gate gains', () => {
    // Taken from the gate's own set, so a marker key added there is covered here without editing this test.
    expect(SIGNAL_KEYS.size).toBeGreaterThan(5);
    for (const key of SIGNAL_KEYS) {
      for (const mimeType of ['application/json', 'text/javascript', 'text/plain']) {
        const exchange: Exchange = {
          method: 'GET',
          url: 'https://api.example.test/v1/things',
          status: 200,
          mimeType,
          responseHeaders: [],
          body: JSON.stringify({ [key]: 'failed', message: 'The API key has expired.' }),
        };
        const body = buildBodyView(exchange);
        expect(body.kind, `${key} ${mimeType}`).toBe('json');
        expect(isSettledSuccess(200, undefined, body), `${key} ${mimeType}`).toBe(false);
        expect(classify(exchange), `${key} ${mimeType}`).toEqual(classify(exchange, { fastPath: false }));
      }
    }
  });

  it('leaves a 2xx HTML block page to the full path', () => {
    const c = classify(
      { method: 'GET', url: 'https://a.example/', status: 200, mimeType: 'text/html', body: BLOCK_PAGE },
      { now: 0 },
    );
    expect(c.failure).toBe(true);
  });
});
