import { describe, expect, it } from 'vitest';
import type { Exchange } from '../core/types';
import { applyContent, toDevtoolsEntry, wantsBody, DEVTOOLS_BODY_CAP_CHARS, SUCCESS_BODY_MAX_BYTES } from './har-entry';

function harEntry(
  overrides: {
    status?: number;
    mimeType?: string;
    url?: string;
    resourceType?: string;
    text?: string;
    error?: string;
    postData?: string;
  } = {},
) {
  return {
    startedDateTime: '2026-01-02T03:04:05.678Z',
    time: 12.5,
    _resourceType: overrides.resourceType ?? 'fetch',
    request: {
      method: 'post',
      url: overrides.url ?? 'https://api.test/v1/orders',
      headers: [
        { name: 'Authorization', value: 'Bearer live_secret_value_123' },
        { name: 'Idempotency-Key', value: 'abc' },
        { name: 'Cookie', value: 'sid=s3cr3t' },
      ],
      ...(overrides.postData !== undefined && { postData: { mimeType: 'application/json', text: overrides.postData } }),
    },
    response: {
      status: overrides.status ?? 422,
      statusText: 'Unprocessable Entity',
      headers: [{ name: 'Content-Type', value: overrides.mimeType ?? 'application/json' }],
      content: {
        size: 10,
        mimeType: overrides.mimeType ?? 'application/json',
        ...(overrides.text !== undefined && { text: overrides.text }),
      },
      ...(overrides.error !== undefined && { _error: overrides.error }),
    },
  };
}

const blank = (status = 200): Exchange => ({ method: 'GET', url: 'https://a.test/', status });

describe('getContent normalization', () => {
  it('Chrome: (content, "base64") is an encoding', () => {
    const exchange = { ...blank(), mimeType: 'image/png' };
    expect(applyContent(exchange, { content: 'iVBORw0KGgo=', second: 'base64' })).toBe('binary');
    expect(exchange.bodyEncoding).toBe('base64');
  });

  it('Chrome: (content, "") is plain text', () => {
    const exchange = blank(500);
    expect(applyContent(exchange, { content: '{"error":"x"}', second: '' })).toBe('captured');
    expect(exchange.body).toBe('{"error":"x"}');
    expect(exchange.bodyEncoding).toBeUndefined();
  });

  it('Firefox: (content, mimeType) gives the MIME type, not an encoding', () => {
    const exchange = blank(500);
    expect(applyContent(exchange, { content: '<h1>Bad gateway</h1>', second: 'text/html; charset=utf-8' })).toBe(
      'captured',
    );
    expect(exchange.mimeType).toBe('text/html; charset=utf-8');
    expect(exchange.bodyEncoding).toBeUndefined();
  });

  it('Firefox: base64 content with a binary MIME type is a base64 body, not text', () => {
    const bytes = 'AAECA/7/gIEiPHA+'; // 00 01 02 03 fe ff 80 81 22 3c 70 3e
    const octets = blank(500);
    expect(applyContent(octets, { content: bytes, second: 'application/octet-stream' })).toBe('binary');
    expect(octets.bodyEncoding).toBe('base64');
    expect(octets.body).toBe(bytes);
    expect(octets.mimeType).toBe('application/octet-stream');
    const png = blank(500);
    expect(applyContent(png, { content: 'iVBORw0KGgo=', second: 'Image/PNG' })).toBe('binary');
    expect(png.bodyEncoding).toBe('base64');
  });

  it('Firefox: a binary MIME type with content that is not base64, or a text MIME type, stays text', () => {
    const notBase64 = blank(500);
    expect(applyContent(notBase64, { content: 'not base64 at all!', second: 'application/octet-stream' })).toBe(
      'captured',
    );
    expect(notBase64.bodyEncoding).toBeUndefined();
    // Text that happens to be valid base64 is still text under a text MIME type.
    const plain = blank(500);
    expect(applyContent(plain, { content: 'Fail', second: 'text/plain' })).toBe('captured');
    expect(plain.bodyEncoding).toBeUndefined();
    const svg = blank(500);
    applyContent(svg, { content: 'PHN2Zz4=', second: 'image/svg+xml' });
    expect(svg.bodyEncoding).toBeUndefined();
  });

  it('an empty body is "empty", a missing one "not-captured" (but 204 is empty)', () => {
    expect(applyContent(blank(500), { content: '', second: '' })).toBe('empty');
    expect(applyContent(blank(500), { content: null, second: '' })).toBe('not-captured');
    expect(applyContent(blank(204), { content: null, second: '' })).toBe('empty');
    expect(applyContent(blank(500), undefined)).toBe('not-captured');
  });

  it('cuts a long body at the cap, on a base64 boundary when encoded', () => {
    const exchange = blank(500);
    expect(applyContent(exchange, { content: 'a'.repeat(DEVTOOLS_BODY_CAP_CHARS + 10), second: '' })).toBe('truncated');
    expect(exchange.body).toHaveLength(DEVTOOLS_BODY_CAP_CHARS);
    expect(exchange.bodyTruncated).toBe(true);
    const encoded = blank(500);
    applyContent(encoded, { content: 'QUJD'.repeat(100), second: 'base64' }, 10);
    expect(encoded.body!.length % 4).toBe(0);
  });
});

describe('which bodies are fetched', () => {
  it('always for failures, for API-like successes, never for media and bundles', () => {
    expect(wantsBody(harEntry({ status: 500, mimeType: 'text/html' }))).toBe(true);
    // Firefox: a 200 event stream without a resource type still has its body read (it may end in an error event).
    expect(wantsBody(harEntry({ status: 200, mimeType: 'text/event-stream; charset=utf-8' }))).toBe(true);
    expect(wantsBody(harEntry({ status: 404, mimeType: 'image/png', resourceType: 'image' }))).toBe(true);
    expect(wantsBody(harEntry({ status: 200, mimeType: 'application/json' }))).toBe(true);
    expect(wantsBody(harEntry({ status: 200, mimeType: 'application/problem+json', resourceType: 'other' }))).toBe(
      true,
    );
    expect(wantsBody(harEntry({ status: 200, mimeType: 'image/png', resourceType: 'image' }))).toBe(false);
    expect(wantsBody(harEntry({ status: 200, mimeType: 'text/javascript', resourceType: 'script' }))).toBe(false);
    expect(wantsBody(harEntry({ status: 204 }))).toBe(false);
    expect(wantsBody(harEntry({ status: 200, mimeType: 'text/html', resourceType: 'fetch' }))).toBe(true);
    // A huge success is data, not an error envelope; a huge failure is still read.
    const huge = (status: number) => {
      const entry = harEntry({ status, mimeType: 'application/json' });
      entry.response.content.size = SUCCESS_BODY_MAX_BYTES + 1;
      return entry;
    };
    expect(wantsBody(huge(200))).toBe(false);
    expect(wantsBody(huge(500))).toBe(true);
  });
});

describe('toDevtoolsEntry', () => {
  it('converts a HAR entry: upper-case method, start time, redacted headers, credentials fingerprinted', () => {
    const entry = toDevtoolsEntry(harEntry({ postData: '{"password":"hunter2","item":1}' }), {
      content: '{"code":"invalid"}',
      second: '',
    })!;
    expect(entry.exchange.method).toBe('POST');
    expect(entry.exchange.startedAt).toBe(Date.parse('2026-01-02T03:04:05.678Z'));
    expect(entry.exchange.durationMs).toBe(12.5);
    expect(entry.bodyState).toBe('captured');
    expect(entry.resourceType).toBe('fetch');
    const text = JSON.stringify(entry);
    expect(text).not.toContain('live_secret_value_123');
    expect(text).not.toContain('s3cr3t');
    expect(text).not.toContain('hunter2');
    expect(text).toContain('Idempotency-Key');
    expect(entry.exchange.credentialsFingerprint).toMatch(/^[0-9a-f]{8}$/);
    expect(entry.exchange.requestBodyHash).toMatch(/^[0-9a-f]{8}$/);
  });

  it("keeps Chrome's _error for requests without a response", () => {
    const entry = toDevtoolsEntry(harEntry({ status: 0, error: 'net::ERR_CONNECTION_REFUSED' }))!;
    expect(entry.exchange.status).toBe(0);
    expect(entry.exchange.error).toBe('net::ERR_CONNECTION_REFUSED');
    expect(entry.bodyState).toBe('not-captured');
  });

  it("uses a HAR entry's own content.text when no getContent result is given", () => {
    expect(toDevtoolsEntry(harEntry({ text: '{"a":1}' }))!.exchange.body).toBe('{"a":1}');
  });

  it('ignores data:, blob: and extension URLs, and malformed entries', () => {
    expect(toDevtoolsEntry(harEntry({ url: 'data:text/plain,hi' }))).toBeNull();
    expect(toDevtoolsEntry(harEntry({ url: 'blob:https://a.test/123' }))).toBeNull();
    expect(toDevtoolsEntry(harEntry({ url: 'chrome-extension://abc/x.js' }))).toBeNull();
    expect(toDevtoolsEntry({ request: null })).toBeNull();
    expect(toDevtoolsEntry('nope')).toBeNull();
  });
});

describe('toDevtoolsEntry: the initiator stack', () => {
  it("keeps Chrome's _initiator script stack as the exchange's call stack", () => {
    const raw = {
      ...harEntry({ status: 500 }),
      _initiator: {
        type: 'script',
        stack: {
          callFrames: [
            {
              functionName: 'loadItems',
              scriptId: '3',
              url: 'http://127.0.0.1:5173/cap/app.js',
              lineNumber: 41,
              columnNumber: 9,
            },
          ],
        },
      },
    };
    expect(toDevtoolsEntry(raw)?.exchange.callStack).toEqual([
      { functionName: 'loadItems', url: 'http://127.0.0.1:5173/cap/app.js', lineNumber: 41, columnNumber: 9 },
    ]);
    expect(
      toDevtoolsEntry({ ...harEntry({ status: 500 }), _initiator: { type: 'other' } })?.exchange.callStack,
    ).toBeUndefined();
  });
});
