import { describe, expect, it } from 'vitest';
import { buildBodyView, decodeBase64, MAX_PARSE_BYTES, mimeEssence, parseEventStream } from './body';
import type { Exchange } from './types';

const ex = (body: string | undefined, contentType?: string, extra: Partial<Exchange> = {}): Exchange => ({
  method: 'GET',
  url: 'https://api.example.com/',
  status: 500,
  responseHeaders: contentType ? { 'content-type': contentType } : {},
  body,
  ...extra,
});

/** Base64 of a UTF-8 string, without Buffer or btoa. */
function toBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out +=
      abc[(n >> 18) & 63] +
      abc[(n >> 12) & 63] +
      (i + 1 < bytes.length ? abc[(n >> 6) & 63] : '=') +
      (i + 2 < bytes.length ? abc[n & 63] : '=');
  }
  return out;
}

describe('decodeBase64', () => {
  it('decodes standard and URL-safe base64, with or without padding and line breaks', () => {
    const dec = (s: string) => new TextDecoder().decode(decodeBase64(s)!.bytes);
    expect(dec(toBase64('{"é":"ü€"}'))).toBe('{"é":"ü€"}');
    expect(dec('aGk')).toBe('hi');
    expect(dec('aGk=\n')).toBe('hi');
    expect(dec('-_8')).toBe(new TextDecoder().decode(new Uint8Array([0xfb, 0xff])));
  });

  it('refuses text that is not base64', () => {
    expect(decodeBase64('{"a":1}')).toBeUndefined();
    expect(decodeBase64('aGk=aGk')).toBeUndefined();
  });

  it('stops at the byte limit and says so', () => {
    const r = decodeBase64(toBase64('abcdefgh'), 4)!;
    expect(new TextDecoder().decode(r.bytes)).toBe('abcd');
    expect(r.cut).toBe(true);
  });
});

describe('buildBodyView', () => {
  it('distinguishes a body that was not captured from an empty one', () => {
    expect(buildBodyView(ex(undefined)).kind).toBe('not-captured');
    expect(buildBodyView(ex('')).kind).toBe('empty');
    expect(buildBodyView(ex(' \r\n ')).kind).toBe('empty');
  });

  it('parses JSON once, whatever the declared type', () => {
    const v = buildBodyView(ex('{"error":"x"}', 'text/html; charset=utf-8'));
    expect(v.kind).toBe('json');
    expect(v.json).toEqual({ error: 'x' });
    expect(v.mimeType).toBe('text/html');
  });

  it('reads a JSONP call labelled as HTML as its JSON (servers label JSONP any text type)', () => {
    const v = buildBodyView(
      ex('callback( {"error":100016,"error_description":"access token check failed"} );', 'text/html'),
    );
    expect(v.kind).toBe('json');
    expect(v.json).toEqual({ error: 100016, error_description: 'access token check failed' });
    expect(v.notes.join()).toMatch(/JSONP/);
    // A page is still a page, and a call on no object or list is no JSONP.
    expect(buildBodyView(ex('<html><body>callback({"a":1})</body></html>', 'text/html')).kind).toBe('html');
    expect(buildBodyView(ex('alert("hello");', 'text/html')).kind).toBe('html');
  });

  it('reads invalid JSON leniently and notes the repair', () => {
    const v = buildBodyView(ex('{"error": "x", "message": "y",}', 'application/json'));
    expect(v.kind).toBe('json');
    expect(v.json).toEqual({ error: 'x', message: 'y' });
    expect(v.notes.join()).toMatch(/leniently.*trailing comma/);
  });

  it('falls back to text when JSON-looking text cannot be repaired', () => {
    const v = buildBodyView(ex('[error] upstream died', 'text/plain'));
    expect(v.kind).toBe('text');
    expect(v.json).toBeUndefined();
  });

  it('recognizes HTML, XML and text', () => {
    expect(buildBodyView(ex('<html><title>502 Bad Gateway</title></html>', 'text/html')).kind).toBe('html');
    expect(buildBodyView(ex('<!DOCTYPE html><p>x</p>')).kind).toBe('html');
    expect(buildBodyView(ex('<center><h1>502 Bad Gateway</h1></center>')).kind).toBe('html');
    const s3 =
      '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><RequestId>4442587FB7D0A2F9</RequestId></Error>';
    const xml = buildBodyView(ex(s3, 'application/xml'));
    expect(xml.kind).toBe('xml');
    expect(xml.text).toContain('<Code>NoSuchKey</Code>');
    expect(buildBodyView(ex('<Error><Code>AccessDenied</Code></Error>')).kind).toBe('xml');
    expect(buildBodyView(ex('Not Found', 'text/plain')).kind).toBe('text');
  });

  it('prefers the exchange mimeType over the Content-Type header', () => {
    expect(buildBodyView(ex('x', 'text/plain', { mimeType: 'Application/Problem+JSON' })).mimeType).toBe(
      'application/problem+json',
    );
  });

  it('decodes base64 bodies', () => {
    const v = buildBodyView(ex(toBase64('{"message":"héllo"}'), 'application/json', { bodyEncoding: 'base64' }));
    expect(v.kind).toBe('json');
    expect(v.json).toEqual({ message: 'héllo' });
  });

  it('reads a body marked base64 that is not base64 as text, with a note', () => {
    const v = buildBodyView(ex('{"message":"plain"}', 'application/json', { bodyEncoding: 'base64' }));
    expect(v.json).toEqual({ message: 'plain' });
    expect(v.notes.join()).toMatch(/not valid base64/);
  });

  it('does not parse binary bodies, by media type or by content', () => {
    const png = buildBodyView(
      ex('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk', 'image/png', { bodyEncoding: 'base64' }),
    );
    expect(png).toMatchObject({ kind: 'binary', text: '', json: undefined });
    expect(png.notes.join()).toMatch(/binary/);
    const bytes = toBase64(String.fromCharCode(0, 1, 2, 3, 0, 0, 255));
    expect(buildBodyView(ex(bytes, 'application/octet-stream', { bodyEncoding: 'base64' })).kind).toBe('binary');
    expect(buildBodyView(ex('a\u0000b\u0000c', 'text/plain')).kind).toBe('binary');
  });

  it('parses an octet-stream body that turns out to be JSON text', () => {
    const v = buildBodyView(ex('{"error":"x"}', 'application/octet-stream'));
    expect(v.kind).toBe('json');
  });

  it('parses SVG (image/svg+xml) as XML, not binary', () => {
    expect(buildBodyView(ex('<svg xmlns="http://www.w3.org/2000/svg"></svg>', 'image/svg+xml')).kind).toBe('xml');
  });

  it(`caps parsing at MAX_PARSE_BYTES (${MAX_PARSE_BYTES}) and marks the view truncated`, () => {
    expect(MAX_PARSE_BYTES).toBe(2 * 1024 * 1024);
    const big = `{"message":"${'x'.repeat(MAX_PARSE_BYTES + 10)}"}`;
    const v = buildBodyView(ex(big, 'application/json'));
    expect(v.truncated).toBe(true);
    expect(v.text.length).toBe(MAX_PARSE_BYTES);
    expect(v.notes.join()).toMatch(/2 MiB/);
    // The cut JSON is still read (containers closed), so the message is not lost.
    expect(v.kind).toBe('json');
    expect((v.json as { message: string }).message.length).toBe(MAX_PARSE_BYTES - 12);
  });

  it('caps decoded base64 bodies at the same byte limit', () => {
    const big = toBase64('a'.repeat(MAX_PARSE_BYTES + 3000));
    const v = buildBodyView(ex(big, 'text/plain', { bodyEncoding: 'base64' }));
    expect(v.truncated).toBe(true);
    expect(v.text.length).toBe(MAX_PARSE_BYTES);
  });

  it('passes on that the body was cut before it arrived', () => {
    const v = buildBodyView(ex('{"a":1}', 'application/json', { bodyTruncated: true }));
    expect(v.truncated).toBe(true);
    expect(v.notes.join()).toMatch(/cut before/);
  });

  it('parses server-sent events and marks error events', () => {
    const stream = [
      'event: message_start',
      'data: {"type":"message_start"}',
      '',
      ': keep-alive comment',
      'event: error',
      'data: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',
      '',
      'data: {"error":{"message":"Rate limit reached","code":"rate_limit_exceeded"}}',
      '',
    ].join('\n');
    const v = buildBodyView(ex(stream, 'text/event-stream'));
    expect(v.kind).toBe('event-stream');
    expect(v.events).toHaveLength(3);
    expect(v.events!.map((e) => e.isError)).toEqual([false, true, true]);
    expect(v.events![1].json).toMatchObject({ error: { type: 'overloaded_error' } });
    expect(v.events![2].event).toBe('message');
  });
});

describe('parseEventStream', () => {
  it('joins multi-line data, handles CRLF and a last event without a blank line', () => {
    const events = parseEventStream('id: 7\r\ndata: a\r\ndata: b\r\n\r\nevent: done\ndata: [DONE]');
    expect(events).toEqual([
      { event: 'message', data: 'a\nb', id: '7', isError: false },
      { event: 'done', data: '[DONE]', isError: false },
    ]);
  });

  it('keeps at most the given number of events', () => {
    expect(parseEventStream('data: x\n\n'.repeat(50), 10)).toHaveLength(10);
  });
});

describe('mimeEssence', () => {
  it('lower-cases and drops parameters', () => {
    expect(mimeEssence(' Application/JSON ; charset=UTF-8')).toBe('application/json');
    expect(mimeEssence(undefined)).toBe('');
  });
});
