import { describe, expect, it } from 'vitest';
import { bodyHash } from '../core/fingerprint';
import {
  isCacheOnlyProbe,
  isTabTraffic,
  plainHeaders,
  reasonPhrase,
  requestBodyFacts,
  requestOrigin,
  toRequestHeaders,
  toRequestStart,
  toResponse,
} from './webrequest-events';

const ORIGIN = 'chrome-extension://abc';

describe('webRequest details', () => {
  it("accepts tab traffic and rejects the extension's own and non-tab requests", () => {
    expect(isTabTraffic({ tabId: 3, url: 'https://a.test/' }, ORIGIN)).toBe(true);
    expect(isTabTraffic({ tabId: -1, url: 'https://a.test/' }, ORIGIN)).toBe(false);
    expect(isTabTraffic({ tabId: 3, url: `${ORIGIN}/src/panel/panel.html` }, ORIGIN)).toBe(false);
    expect(isTabTraffic({ tabId: 3, url: 'https://a.test/', initiator: ORIGIN }, ORIGIN)).toBe(false);
    expect(
      isTabTraffic({ tabId: 3, url: 'https://a.test/', originUrl: 'moz-extension://u/x.html' }, 'moz-extension://u'),
    ).toBe(false);
    expect(
      isTabTraffic({ tabId: 3, url: 'https://a.test/', documentUrl: 'moz-extension://u/x.html' }, 'moz-extension://u'),
    ).toBe(false);
    // A look-alike origin is not ours.
    expect(isTabTraffic({ tabId: 3, url: 'https://a.test/', initiator: `${ORIGIN}def` }, ORIGIN)).toBe(true);
  });

  it('takes the reason phrase from the status line', () => {
    expect(reasonPhrase('HTTP/1.1 404 Not Found', 404)).toBe('Not Found');
    expect(reasonPhrase('HTTP/2 429', 429)).toBe('');
    expect(reasonPhrase('HTTP/1.1 200 OK', 500)).toBe('');
    expect(reasonPhrase(undefined, 200)).toBe('');
  });

  it('sizes and hashes raw request bodies as the text the page sent', () => {
    const text = '{"item":"book","quantity":1}';
    const bytes = new TextEncoder().encode(text);
    const half = Math.floor(bytes.length / 2);
    const facts = requestBodyFacts({
      raw: [{ bytes: bytes.slice(0, half).buffer }, { bytes: bytes.slice(half).buffer }],
    });
    expect(facts).toEqual({ size: bytes.length, hash: bodyHash(text) });
  });

  it('sizes form bodies and leaves file uploads unsized', () => {
    const facts = requestBodyFacts({ formData: { a: ['1', '2'], b: ['x y'] } });
    expect(facts.size).toBe('a=1&a=2&b=x%20y'.length);
    expect(requestBodyFacts({ raw: [{ file: '/tmp/upload.bin' }] })).toEqual({});
    expect(requestBodyFacts(undefined)).toEqual({});
  });

  it('decodes binary header values', () => {
    expect(
      plainHeaders([
        { name: 'X-Bin', binaryValue: [104, 105] },
        { name: 'X-Text', value: 'ok' },
      ]),
    ).toEqual([
      { name: 'X-Bin', value: 'hi' },
      { name: 'X-Text', value: 'ok' },
    ]);
  });

  it('redacts credentials in request and response headers but fingerprints them', () => {
    const base = {
      requestId: '1',
      url: 'https://a.test/',
      method: 'GET',
      tabId: 1,
      type: 'xmlhttprequest',
      timeStamp: 1,
    };
    const a = toRequestHeaders({
      ...base,
      requestHeaders: [
        { name: 'Authorization', value: 'Bearer tok_aaaaaaaaaaaa' },
        { name: 'Idempotency-Key', value: 'k-1' },
      ],
    });
    const b = toRequestHeaders({
      ...base,
      requestHeaders: [{ name: 'Authorization', value: 'Bearer tok_bbbbbbbbbbbb' }],
    });
    expect(JSON.stringify(a.requestHeaders)).not.toContain('tok_');
    expect(a.requestHeaders.find((h) => h.name === 'Idempotency-Key')?.value).toBe('k-1');
    expect(a.credentialsFingerprint).toBeDefined();
    expect(a.credentialsFingerprint).not.toBe(b.credentialsFingerprint);
    const response = toResponse({
      ...base,
      statusCode: 200,
      statusLine: 'HTTP/1.1 200 OK',
      responseHeaders: [{ name: 'Set-Cookie', value: 'session=abcdef123456' }],
    });
    expect(JSON.stringify(response.responseHeaders)).not.toContain('abcdef123456');
  });

  it("recognizes cache-only probes of any subresource type (DevTools' document re-read, Chrome's font cache check)", () => {
    for (const type of ['other', 'font', 'stylesheet', 'script', 'image', 'xmlhttprequest']) {
      expect(isCacheOnlyProbe({ type, error: 'net::ERR_CACHE_MISS' }), type).toBe(true);
    }
    // A top-level navigation that misses the cache (back to a POST result) is the user's own load.
    expect(isCacheOnlyProbe({ type: 'main_frame', error: 'net::ERR_CACHE_MISS' })).toBe(false);
    expect(isCacheOnlyProbe({ type: 'font', error: 'net::ERR_CONNECTION_REFUSED' })).toBe(false);
  });

  it("gives the page's origin for CORS: Chrome's initiator, Firefox's document URL", () => {
    expect(requestOrigin({ initiator: 'http://127.0.0.1:5173', type: 'xmlhttprequest' })).toBe('http://127.0.0.1:5173');
    expect(
      requestOrigin({
        documentUrl: 'http://127.0.0.1:5173/cap/page.html?x=1',
        originUrl: 'http://127.0.0.1:5173/cap/app.js',
        type: 'xmlhttprequest',
      }),
    ).toBe('http://127.0.0.1:5173');
    expect(requestOrigin({ originUrl: 'http://127.0.0.1:5173/', type: 'main_frame' })).toBeUndefined();
    expect(requestOrigin({ documentUrl: 'about:blank', type: 'script' })).toBeUndefined();
    const start = toRequestStart({
      requestId: '1',
      url: 'http://localhost:5174/x',
      method: 'get',
      tabId: 1,
      type: 'xmlhttprequest',
      timeStamp: 1,
      initiator: 'http://127.0.0.1:5173',
    });
    expect(start.origin).toBe('http://127.0.0.1:5173');
  });
});
