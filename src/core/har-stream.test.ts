import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HarError, parseHar, type HarParseResult } from './har';
import { convertEntryBytes, HarEntryStream, type HarStreamOptions } from './har-stream';

const REAL_HARS = fileURLToPath(new URL('../../../shared/fixtures/real-hars/', import.meta.url));

/** Streams `bytes` in chunks of `size` and collects what parseHar would return. */
function streamed(bytes: Uint8Array, size: number, options: HarStreamOptions = {}): HarParseResult {
  const exchanges: HarParseResult['exchanges'] = [];
  const problems: HarParseResult['problems'] = [];
  const stream = new HarEntryStream((converted) => {
    exchanges.push(converted.exchange);
    problems.push(...converted.problems);
  }, options);
  for (let at = 0; at < bytes.length; at += size) stream.push(bytes.subarray(at, at + size));
  const summary = stream.end();
  return {
    exchanges,
    problems,
    notes: summary.notes,
    wrapper: summary.wrapper,
    version: summary.version,
    creator: summary.creator,
    browser: summary.browser,
  };
}

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

function errorOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  return null;
}

describe('HarEntryStream', () => {
  const valid = readdirSync(REAL_HARS).filter((f) => f.endsWith('.har'));

  it.each(valid)('gives what parseHar gives for %s, in any chunking', (file) => {
    const bytes = readFileSync(REAL_HARS + file);
    const whole = parseHar(new TextDecoder().decode(bytes));
    for (const size of [1, 3, 61, 4096, bytes.length]) {
      if (size < 61 && bytes.length > 300_000) continue; // tiny chunks of a large file only cost time
      expect(streamed(bytes, size)).toEqual(whole);
    }
  });

  it('unwraps a JSONP/HARP file as parseHar does', () => {
    const bytes = readFileSync(REAL_HARS + 'invalid/harviewer-jsonp.har');
    const whole = parseHar(new TextDecoder().decode(bytes));
    expect(whole.wrapper).toBe('jsonp');
    for (const size of [1, 5, bytes.length]) expect(streamed(bytes, size)).toEqual(whole);
  });

  it.each(['harviewer-not-json.har', 'harviewer-not-valid.har', 'mitmproxy-corrupted_har-brokenfile.har'])(
    'rejects invalid/%s with one HarError, as parseHar does',
    (file) => {
      const bytes = readFileSync(REAL_HARS + 'invalid/' + file);
      expect(() => parseHar(new TextDecoder().decode(bytes))).toThrow(HarError);
      for (const size of [1, 7, bytes.length]) {
        const err = errorOf(() => streamed(bytes, size));
        expect(err).toBeInstanceOf(HarError);
        expect((err as Error).message).not.toContain('\n');
      }
    },
  );

  it('says what is wrong with empty, truncated and non-HAR input', () => {
    expect(() => streamed(encode(''), 4)).toThrow('the file is empty');
    expect(() => streamed(encode('  \n '), 4)).toThrow('the file is empty');
    expect(() => streamed(encode('{"log":{"entries":[{"request":'), 4)).toThrow('truncated');
    expect(() => streamed(encode('[1,2]'), 4)).toThrow('not a HAR file');
    expect(() => streamed(encode('{"log":{}}'), 4)).toThrow('no log.entries');
    expect(() => streamed(encode('{"log":{"entries":[]}} trailing'), 4)).toThrow(HarError);
    expect(() => streamed(encode('\u0000\u0000\u0000'), 4)).toThrow('at the start of the file');
  });

  it('reads escaped quotes and backslashes split across chunks', () => {
    const body = 'a \\"quoted\\" \\\\ back\\\\\\"slash\\\\';
    const har = `{"log":{"version":"1.2","entries":[{"request":{"method":"GET","url":"https://x.test/"},"response":{"status":500,"content":{"text":"${body}"}}}]}}`;
    const whole = parseHar(har);
    expect(whole.exchanges[0]?.body).toBe(JSON.parse(`"${body}"`));
    for (let size = 1; size < 12; size++) expect(streamed(encode(har), size)).toEqual(whole);
  });

  it('reads JSON-in-JSON bodies (an escaped quote every few bytes, backslash runs) in any chunking', () => {
    const inner = JSON.stringify({ items: [{ a: 'x\\"y', b: ['\\', '"', '\\\\"'] }, { c: 'é😀\n' }] });
    const entries = [500, 200, 429].map((status, i) => ({
      request: { method: 'GET', url: `https://x.test/${i}` },
      response: { status, content: { mimeType: 'application/json', text: inner.repeat(i + 1) } },
    }));
    const har = JSON.stringify({ log: { version: '1.2', entries } });
    const whole = parseHar(har);
    expect(whole.exchanges[0]?.body).toBe(inner);
    for (let size = 1; size < 40; size++) expect(streamed(encode(har), size)).toEqual(whole);
  });

  it('hands over entry bytes instead (onEntryBytes) that convertEntryBytes turns into the same entries', () => {
    const bytes = readFileSync(REAL_HARS + 'mitmproxy-har_files-chrome.har');
    const whole = parseHar(new TextDecoder().decode(bytes));
    const exchanges: HarParseResult['exchanges'] = [];
    const problems: HarParseResult['problems'] = [];
    const stream = new HarEntryStream(
      () => {
        throw new Error('onEntry is not called when onEntryBytes is given');
      },
      {
        onEntryBytes: (entry, index) => {
          const converted = convertEntryBytes(entry.slice(), index);
          exchanges.push(converted.exchange);
          problems.push(...converted.problems);
        },
      },
    );
    for (let at = 0; at < bytes.length; at += 997) stream.push(bytes.subarray(at, at + 997));
    stream.end();
    expect({ exchanges, problems }).toEqual({ exchanges: whole.exchanges, problems: whole.problems });
    expect(() => convertEntryBytes(encode('{"request": }'), 7)).toThrow(/^not JSON in log\.entries\[7\]: /);
  });

  it('does not take an "entries" key outside log, or nested deeper, for the entries', () => {
    const har =
      '{"entries":[1,2],"log":{"x":{"entries":[3]},"entries":[{"request":{"method":"GET","url":"u"},"response":{"status":404}}]}}';
    const got = streamed(encode(har), 3);
    expect(got.exchanges).toHaveLength(1);
    expect(got.exchanges[0]?.status).toBe(404);
  });

  it('reports an entry that is not an object as a skipped entry, like parseHar', () => {
    const har =
      '{"log":{"entries":[null, "text", 42, {"request":{"method":"GET","url":"u"},"response":{"status":503}}]}}';
    expect(streamed(encode(har), 2)).toEqual(parseHar(har));
  });

  it('counts entries past maxEntries and converts none of them', () => {
    const entry = '{"request":{"method":"GET","url":"u"},"response":{"status":500}}';
    const har = `{"log":{"entries":[${Array(5).fill(entry).join(',')}]}}`;
    const got = streamed(encode(har), 9, { maxEntries: 2 });
    expect(got.exchanges).toHaveLength(2);
    expect(got.notes).toEqual(['log has 5 entries; only the first 2 were read']);
  });

  it('refuses an oversized rest of the file instead of holding it', () => {
    const har = `{"log":{"pages":["${'p'.repeat(2000)}"],"entries":[]}}`;
    expect(() => streamed(encode(har), 100, { maxOutsideBytes: 1000 })).toThrow('larger than');
  });

  it('equals parseHar on generated HARs in random chunkings (property)', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', '"', '\\', '\n', '{', '}', '[', ']', ',', ':', 'é', '😀', ' '),
    });
    const entry = fc.record({
      request: fc.record({
        method: fc.constantFrom('GET', 'POST'),
        url: text,
        postData: fc.option(fc.record({ text }), { nil: undefined }),
      }),
      response: fc.record({
        status: fc.integer({ min: 0, max: 599 }),
        content: fc.record({ text, mimeType: fc.constant('application/json') }),
      }),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 6 }), fc.integer({ min: 1, max: 50 }), (entries, size) => {
        const har = JSON.stringify(
          { log: { version: '1.2', creator: { name: 't', version: '1' }, entries } },
          null,
          size % 3,
        );
        expect(streamed(encode(har), size)).toEqual(parseHar(har));
      }),
    );
  });

  it('throws nothing but HarError on arbitrary bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.integer({ min: 1, max: 40 }), (bytes, size) => {
        const err = errorOf(() => streamed(bytes, size));
        expect(err === null || err instanceof HarError).toBe(true);
      }),
    );
  });
});
