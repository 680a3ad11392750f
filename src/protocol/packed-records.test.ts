import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { classify } from '../core/classify';
import { seedExchange, type SeedCase } from '../core/testing/seed-cases';
import { toListRecord } from './list-record';
import type { CaptureRecord, RequestRecord } from './messages';
import { inflateAhead, isPackedRecords, packRecords, unpackRecords } from './packed-records';

// fflate's inflate as it is, counted: the runtime's inflate ahead must spare it.
vi.mock('fflate', async (original) => {
  const fflate = await original<typeof import('fflate')>();
  return { ...fflate, inflateSync: vi.fn(fflate.inflateSync) };
});

const seedPath = fileURLToPath(new URL('../../../shared/fixtures/seed-cases.json', import.meta.url));
const cases = JSON.parse(readFileSync(seedPath, 'utf8')) as SeedCase[];

/** n list rows as a tab holds them: the seed cases over and over, each with its own id, URL and time. */
function rows(n: number): CaptureRecord[] {
  const now = Date.parse('2026-11-23T18:00:00Z');
  const templates = cases.map((c) => {
    const exchange = seedExchange(c);
    return { exchange, classification: classify(exchange, { now }) };
  });
  const out: CaptureRecord[] = [];
  for (let i = 0; i < n; i++) {
    const t = templates[i % templates.length];
    const record: RequestRecord = {
      kind: 'request',
      id: `wr:${i}`,
      tabId: 3,
      seq: i + 1,
      exchange: { ...t.exchange, url: `${t.exchange.url}#${i}`, startedAt: now + i * 17.25, durationMs: i % 900 },
      classification: t.classification,
      bodyState: 'captured',
      sources: ['webRequest', 'devtools'],
    };
    out.push(
      i % 50 === 7
        ? { kind: 'navigation', id: `nav:${i}`, tabId: 3, seq: i + 1, url: 'https://app.example.com/', at: now }
        : toListRecord(record),
    );
  }
  return out;
}

/** The value as JSON carries it: what a port would deliver without the pack. */
const viaJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('packRecords / unpackRecords', () => {
  it('gives back exactly what JSON would, for rows of every seed case and navigation markers', () => {
    const records = rows(cases.length * 3);
    const packed = viaJson(packRecords(records));
    expect(isPackedRecords(packed)).toBe(true);
    expect(unpackRecords(packed as ReturnType<typeof packRecords>)).toEqual(viaJson(records));
  });

  it('counts the records and the markers among them', () => {
    const records = rows(120);
    const packed = packRecords(records);
    expect(packed.count).toBe(120);
    expect(packed.markers).toBe(records.filter((r) => r.kind === 'navigation').length);
    expect(packed.markers).toBeGreaterThan(0);
  });

  it('follows JSON for undefined, non-finite numbers, negative and fractional numbers and empty containers', () => {
    const values = [
      { a: undefined, b: 1, c: [undefined, NaN, Infinity, -0.5, -3, 2 ** 60, 0], d: {}, e: [], f: '' },
      { b: 1, f: '', nested: { deep: [{ x: null, y: false, z: true }] } },
      { b: 1, f: '', nested: { deep: [{ x: null, y: false, z: true }] } },
    ];
    expect(unpackRecords(viaJson(packRecords(values)) as ReturnType<typeof packRecords>)).toEqual(viaJson(values));
  });

  it('keeps keys that hold the shape separator apart', () => {
    const values = [{ 'a\u0000b': 1 }, { a: 1, b: 2 }, { 'a\u0000b': 3 }];
    expect(unpackRecords(packRecords(values))).toEqual(values);
  });

  it('carries each repeated string and object once, so rows weigh far less than their JSON', () => {
    const records = rows(5_000);
    const packedBytes = JSON.stringify(packRecords(records)).length;
    const jsonBytes = JSON.stringify(records).length;
    // Each row keeps its own id, URL and times; what repeats (the classification's texts) goes once.
    expect(packedBytes).toBeLessThan(jsonBytes / 4);
  });

  it('shares a repeated object between unpacked records, frozen so a change cannot leak into another', () => {
    const [a, b] = unpackRecords<RequestRecord>(
      packRecords(
        [0, 1].map((i) => ({
          id: `r${i}`,
          exchange: { url: `u${i}` },
          classification: { status: { code: 500, reason: 'x' } },
        })),
      ),
    ) as unknown as Array<{ classification: { status: { code: number } } }>;
    expect(a.classification.status).toBe(b.classification.status);
    expect(Object.isFrozen(a.classification.status)).toBe(true);
    expect(() => {
      'use strict';
      a.classification.status.code = 1;
    }).toThrow(TypeError);
  });

  it('refuses a damaged pack with a message rather than returning wrong records', () => {
    const packed = packRecords(rows(10));
    expect(() => unpackRecords({ ...packed, body: packed.body.slice(0, -8) })).toThrow(/damaged record pack/);
    expect(() => unpackRecords({ ...packed, body: '' })).toThrow(/damaged record pack/);
    expect(() => unpackRecords({ ...packed, body: btoa('{"text":""}') })).toThrow(/damaged record pack/);
    expect(() => unpackRecords({ ...packed, count: packed.count - 1 })).toThrow(/tokens left over/);
    expect(() => unpackRecords({ ...packed, count: packed.count + 1 })).toThrow(/ran out of tokens/);
    expect(isPackedRecords({ ...packed, format: 99 })).toBe(false);
  });

  it("unpacks a body the runtime's own inflate read ahead (DecompressionStream) without fflate's, to the same records", async () => {
    const records = rows(cases.length * 2);
    const packed = viaJson(packRecords(records)) as ReturnType<typeof packRecords>;
    vi.mocked(inflateSync).mockClear();
    await inflateAhead(packed);
    expect(unpackRecords(packed)).toEqual(viaJson(records));
    expect(inflateSync).not.toHaveBeenCalled();
    // Read ahead once: a second unpacking of the same pack inflates it itself.
    expect(unpackRecords(packed)).toEqual(viaJson(records));
    expect(inflateSync).toHaveBeenCalledTimes(1);
  });

  it("feeds the runtime's inflate from memory, not through a Blob (whose bytes would go to the browser's blob store and back)", async () => {
    const records = rows(cases.length);
    const packed = viaJson(packRecords(records)) as ReturnType<typeof packRecords>;
    vi.stubGlobal(
      'Blob',
      class {
        constructor() {
          throw new Error('no Blob here');
        }
      },
    );
    try {
      vi.mocked(inflateSync).mockClear();
      await inflateAhead(packed);
      expect(unpackRecords(packed)).toEqual(viaJson(records));
      expect(inflateSync).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('leaves a body the runtime cannot inflate, or a runtime without DecompressionStream, to unpackRecords', async () => {
    const packed = packRecords(rows(10));
    const damaged = { ...packed, body: packed.body.slice(0, -8) };
    await expect(inflateAhead(damaged)).resolves.toBeUndefined();
    expect(() => unpackRecords(damaged)).toThrow(/damaged record pack/);
    vi.stubGlobal('DecompressionStream', undefined);
    try {
      vi.mocked(inflateSync).mockClear();
      await inflateAhead(packed);
      expect(unpackRecords(packed)).toEqual(viaJson(rows(10)));
      expect(inflateSync).toHaveBeenCalledTimes(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("reads the body with the runtime's own base64 decoder where it has one, as with atob", () => {
    const native = Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array };
    const records = rows(cases.length * 2);
    const packed = viaJson(packRecords(records)) as ReturnType<typeof packRecords>;
    expect(native.fromBase64).toBeUndefined(); // Node 20: the atob path above
    let calls = 0;
    native.fromBase64 = (text) => {
      calls++;
      // Strict, as the runtime's: atob would let a bad character through as a bad byte.
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw new SyntaxError('not base64');
      return new Uint8Array(Buffer.from(text, 'base64'));
    };
    try {
      expect(unpackRecords(packed)).toEqual(viaJson(records));
      expect(calls).toBe(1);
      expect(() => unpackRecords({ ...packed, body: `*${packed.body}` })).toThrow(
        /damaged record pack: its body cannot be read \(not base64\)/,
      );
    } finally {
      delete native.fromBase64;
    }
  });
});
