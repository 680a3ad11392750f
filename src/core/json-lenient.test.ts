import { describe, expect, it } from 'vitest';
import { parseJsonLenient } from './json-lenient';

describe('parseJsonLenient', () => {
  it('parses valid JSON to the same value as JSON.parse', () => {
    const text = '{"a":[1,2.5,-3e2,{"b":null}],"c":"x\\n\\u00e9\\"","d":true,"e":false}';
    expect(parseJsonLenient(text)).toEqual({ ok: true, value: JSON.parse(text), repairs: [] });
  });

  it('repairs trailing commas', () => {
    const r = parseJsonLenient('{"a": [1, 2,], "b": 3,}');
    expect(r.ok).toBe(true);
    expect(r.value).toEqual({ a: [1, 2], b: 3 });
    expect(r.repairs.join()).toMatch(/trailing comma ×2/);
  });

  it('repairs a missing comma between members and between elements', () => {
    // The RateLimit draft's appendix example is missing a comma like this.
    expect(parseJsonLenient('{"title": "Too Many Requests"\n "status": 429}').value).toEqual({
      title: 'Too Many Requests',
      status: 429,
    });
    expect(parseJsonLenient('[1 2 3]').value).toEqual([1, 2, 3]);
    expect(parseJsonLenient('[1 2]').repairs.join()).toMatch(/missing comma/);
  });

  it('skips comments and reads single quotes, bare keys and Python literals', () => {
    const r = parseJsonLenient("{ // note\n error: 'bad', /* x */ 'ok': False, 'detail': None }");
    expect(r.value).toEqual({ error: 'bad', ok: false, detail: null });
  });

  it('closes containers of a body cut short', () => {
    const r = parseJsonLenient('{"error": {"message": "Rate limit", "code": 42');
    expect(r.ok).toBe(true);
    expect(r.value).toEqual({ error: { message: 'Rate limit', code: 42 } });
    expect(r.repairs.join()).toMatch(/closed 2 open containers/);
    expect(parseJsonLenient('{"message": "cut in the mid').value).toEqual({ message: 'cut in the mid' });
  });

  it('rejects text that is not JSON with typos', () => {
    for (const text of [
      'Not Found',
      '[2024-01-01] error',
      '{"a" 1}',
      '{"a":}',
      '[,1]',
      '{"a":1} trailing',
      'undefined',
      '',
      '[1]]',
      '{"a":1]',
    ]) {
      expect(parseJsonLenient(text).ok, text).toBe(false);
    }
  });

  it('gives up after too many repairs', () => {
    expect(parseJsonLenient(`[${Array.from({ length: 40 }, (_, i) => i).join(' ')}]`).ok).toBe(false);
  });

  it('parses 100,000 levels of nesting without overflowing the stack', () => {
    const depth = 100_000;
    const r = parseJsonLenient(`${'['.repeat(depth)}1,${']'.repeat(depth)}`);
    expect(r.ok).toBe(true);
    let v = r.value;
    let levels = 0;
    while (Array.isArray(v)) {
      v = v[0];
      levels++;
    }
    expect(levels).toBe(depth);
    expect(v).toBe(1);
  });

  it('keeps __proto__, constructor and prototype as plain own data', () => {
    const r = parseJsonLenient('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}},}');
    const obj = r.value as Record<string, unknown>;
    expect(r.ok).toBe(true);
    expect(Object.getPrototypeOf(obj)).toBe(Object.prototype);
    expect(Object.keys(obj)).toEqual(['__proto__', 'constructor']);
    expect(obj.__proto__).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
