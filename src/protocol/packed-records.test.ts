import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classify } from '../core/classify';
import { seedExchange, type SeedCase } from '../core/testing/seed-cases';
import { toListRecord } from './list-record';
import type { CaptureRecord, RequestRecord } from './messages';
import { isPackedRecords, packRecords, unpackRecords } from './packed-records';

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
    expect(() => unpackRecords({ ...packed, tokens: packed.tokens.slice(0, -8) })).toThrow(/damaged record pack/);
    expect(() => unpackRecords({ ...packed, tokens: `${packed.tokens}"` })).toThrow(/damaged record pack/);
    expect(() => unpackRecords({ ...packed, text: packed.text.slice(0, -1) })).toThrow(/damaged record pack/);
    expect(() => unpackRecords({ ...packed, heads: packed.heads.slice(0, -2) })).toThrow(/damaged record pack/);
    expect(() => unpackRecords({ ...packed, shapes: [] })).toThrow(/damaged record pack/);
    expect(() => unpackRecords({ ...packed, numbers: packed.numbers.map(String) as unknown as number[] })).toThrow(
      /damaged record pack/,
    );
    const { text: _text, ...noText } = packed;
    expect(() => unpackRecords(noText as typeof packed)).toThrow(/damaged record pack: a part is missing/);
    expect(() => unpackRecords({ ...packed, count: packed.count - 1 })).toThrow(/tokens left over/);
    expect(() => unpackRecords({ ...packed, count: packed.count + 1 })).toThrow(/ran out of tokens/);
    expect(isPackedRecords({ ...packed, format: 99 })).toBe(false);
  });
});
