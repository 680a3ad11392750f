import { describe, expect, it } from 'vitest';
import { headerEntries, headerValue, indexHeaders } from './headers';

describe('indexHeaders', () => {
  it('looks names up case-insensitively in both list and record form', () => {
    const list = indexHeaders([{ name: 'Retry-After', value: '30' }]);
    const record = indexHeaders({ 'RETRY-AFTER': '30' });
    for (const h of [list, record]) {
      expect(h.get('retry-after')).toBe('30');
      expect(h.get('Retry-After')).toBe('30');
      expect(h.has('RETRY-after')).toBe(true);
      expect(h.get('x-missing')).toBeUndefined();
    }
  });

  it('joins repeated headers with ", " in wire order', () => {
    const h = indexHeaders([
      { name: 'Allow', value: 'GET' },
      { name: 'x-other', value: 'x' },
      { name: 'allow', value: 'PATCH' },
    ]);
    expect(h.get('allow')).toBe('GET, PATCH');
  });

  it('joins repeats the same way when the list is large enough to be indexed by a map', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({ name: `x-h-${i}`, value: String(i) }));
    many.push({ name: 'Set-Cookie', value: 'a=1' }, { name: 'set-cookie', value: 'b=2' });
    const h = indexHeaders(many);
    expect(h.size).toBe(5002);
    expect(h.get('X-H-4999')).toBe('4999');
    expect(h.get('set-cookie')).toBe('a=1, b=2');
  });

  it('answers the same before and after the names are lower-cased for repeated lookups', () => {
    for (const size of [3, 40]) {
      const list = [
        { name: 'Content-Type', value: 'a' },
        { name: 'X-Grpc', value: '1' },
        { name: 'content-TYPE', value: 'b' },
        ...Array.from({ length: size - 3 }, (_, i) => ({ name: `X-Pad-${i}`, value: String(i) })),
      ];
      const h = indexHeaders(list);
      const answers = Array.from({ length: 6 }, () => [h.get('content-type'), h.get('CONTENT-TYPE'), h.get('x-grpc')]);
      for (const a of answers) expect(a).toEqual(['a, b', 'a, b', '1']);
      expect(h.get('grpc-status')).toBeUndefined();
      expect(h.lowerNames().slice(0, 3)).toEqual(['content-type', 'x-grpc', 'content-type']);
    }
  });

  it('skips malformed entries and turns numbers into strings', () => {
    const h = indexHeaders([
      null,
      42,
      { name: 5, value: 'x' },
      { name: 'a' },
      { name: 'content-length', value: 0 },
      { name: '', value: 'e' },
    ] as never);
    expect(h.entries()).toEqual([{ name: 'content-length', value: '0' }]);
  });

  it('treats non-object input as no headers', () => {
    for (const input of [undefined, null, 'x: y', 7, true]) expect(indexHeaders(input).size).toBe(0);
  });

  it('does not read inherited properties of a record', () => {
    const rec = Object.create({ 'retry-after': '99' }) as Record<string, string>;
    expect(indexHeaders(rec).get('retry-after')).toBeUndefined();
    expect(headerValue(rec, 'retry-after')).toBeUndefined();
  });

  it('survives headers whose getters throw', () => {
    const hostile = {};
    Object.defineProperty(hostile, 'boom', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(indexHeaders(hostile).size).toBe(0);
    expect(headerValue(hostile, 'boom')).toBeUndefined();
  });
});

describe('headerValue', () => {
  it('finds values in lists and records, combining different spellings of one name', () => {
    expect(headerValue([{ name: 'X-Request-Id', value: 'abc' }], 'x-request-id')).toBe('abc');
    expect(headerValue({ 'x-request-id': 'a', 'X-Request-ID': 'b' }, 'X-REQUEST-ID')).toBe('a, b');
    expect(headerValue({ 'X-Request-ID': 'b' }, 'x-request-id')).toBe('b');
    expect(headerValue(undefined, 'x')).toBeUndefined();
  });
});

describe('headerEntries', () => {
  it('reads Map input too', () => {
    expect(headerEntries(new Map([['A', '1']]))).toEqual([{ name: 'A', value: '1' }]);
  });
});
