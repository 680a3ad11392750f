import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classify } from './classify';
import { HarError, parseHar } from './har';
import { HarSlicedReader, type SlicedEntry } from './har-slices';

const REAL_HARS = fileURLToPath(new URL('../../../shared/fixtures/real-hars/', import.meta.url));

/** Reads `bytes` in chunks of `chunkSize`, one piece per step (a clock that is always up). */
function readSliced(bytes: Uint8Array, chunkSize: number, pieceBytes: number) {
  const entries: SlicedEntry[] = [];
  const reader = new HarSlicedReader((e) => entries.push(e), { pieceBytes });
  let steps = 0;
  for (let at = 0; at < bytes.length; at += chunkSize) {
    reader.push(bytes.subarray(at, at + chunkSize));
    while (!reader.idle) {
      reader.step(() => true);
      steps++;
    }
  }
  const summary = reader.end();
  return { entries, summary, counts: reader.counts(), problems: reader.problems, steps };
}

describe('HarSlicedReader', () => {
  const files = readdirSync(REAL_HARS).filter((f) => f.endsWith('.har'));

  it.each(files)('reads %s in small steps exactly as parseHar reads it whole', (file) => {
    const bytes = readFileSync(REAL_HARS + file);
    const whole = parseHar(bytes.toString('utf8'));
    const sliced = readSliced(bytes, 7_919, 1_024);
    const converted = whole.exchanges.flatMap((x, index) => (x ? [{ index, exchange: x }] : []));
    expect(sliced.entries.map((e) => e.index)).toEqual(converted.map((c) => c.index));
    expect(sliced.entries.map((e) => e.exchange)).toEqual(converted.map((c) => c.exchange));
    expect(sliced.entries.map((e) => e.classification)).toEqual(converted.map((c) => classify(c.exchange)));
    expect(sliced.problems).toEqual(whole.problems);
    expect(sliced.counts).toEqual({
      bytesRead: bytes.length,
      entries: whole.exchanges.length,
      skipped: whole.exchanges.filter((x) => x === null).length,
    });
    // One piece per step: the work of a step is bounded by the piece size, not the file size.
    expect(sliced.steps).toBeGreaterThanOrEqual(Math.ceil(bytes.length / 1_024));
  });

  it('counts a broken entry as skipped with its problem, and reads on', () => {
    const har = JSON.stringify({
      log: {
        entries: [
          { request: { method: 'GET', url: 'https://a.test/1' }, response: { status: 500 } },
          { request: { method: 'GET', url: 'https://a.test/2' } },
          42,
          { request: { method: 'GET', url: 'https://a.test/3' }, response: { status: 404 } },
        ],
      },
    });
    const { entries, counts, problems } = readSliced(new TextEncoder().encode(har), 5, 3);
    expect(entries.map((e) => [e.index, e.exchange.url, e.classification.kind])).toEqual([
      [0, 'https://a.test/1', 'server'],
      [3, 'https://a.test/3', 'client'],
    ]);
    expect(counts.entries).toBe(4);
    expect(counts.skipped).toBe(2);
    expect(problems.filter((p) => p.skipped).map((p) => [p.index, p.message])).toEqual([
      [1, 'response is missing'],
      [2, 'entry must be an object, got number'],
    ]);
  });

  it('stops a step when time is up, and does all queued work when it is not', () => {
    const har = new TextEncoder().encode(
      JSON.stringify({
        log: {
          entries: Array.from({ length: 50 }, (_, i) => ({
            request: { method: 'GET', url: `https://a.test/${i}` },
            response: { status: 503 },
          })),
        },
      }),
    );
    const seen: number[] = [];
    const reader = new HarSlicedReader((e) => seen.push(e.index), { pieceBytes: 100 });
    reader.push(har);
    let calls = 0;
    reader.step(() => ++calls >= 3);
    expect(reader.idle).toBe(false);
    expect(reader.counts().bytesRead).toBe(300);
    reader.step(() => false);
    expect(reader.idle).toBe(true);
    expect(reader.end().entries).toBe(50);
    expect(seen).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it.each(readdirSync(REAL_HARS + 'invalid'))('gives invalid/%s one clear HarError (or unwraps JSONP)', (file) => {
    const bytes = readFileSync(`${REAL_HARS}invalid/${file}`);
    let error: unknown = null;
    let result: ReturnType<typeof readSliced> | null = null;
    try {
      result = readSliced(bytes, 16, 8);
    } catch (err) {
      error = err;
    }
    if (file.includes('jsonp')) {
      expect(error).toBeNull();
      expect(result!.summary.notes.join()).toContain('unwrapped JSONP');
      expect(result!.entries).toHaveLength(1);
    } else {
      expect(error).toBeInstanceOf(HarError);
      expect((error as Error).message).not.toContain('\n');
      expect((error as Error).message.length).toBeGreaterThan(10);
    }
  });
});
