// Every case of ../shared/fixtures/seed-cases.json, checked field by field as the fixtures README defines.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classify } from './classify';
import { seedExchange, seedMismatches, type SeedCase } from './testing/seed-cases';

const seedPath = fileURLToPath(new URL('../../../shared/fixtures/seed-cases.json', import.meta.url));
const cases = JSON.parse(readFileSync(seedPath, 'utf8')) as SeedCase[];

/** A fixed clock far from every Date header, so only the response's own clock can make waits right. */
const NOW = Date.parse('2030-01-01T00:00:00Z');

describe('seed cases', () => {
  it('the fixture file holds cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(28);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(seedMismatches(c.expected, classify(seedExchange(c), { now: NOW }))).toEqual([]);
  });

  it('the checker rejects a result that breaks any named expectation', () => {
    for (const c of cases) {
      const got = classify(seedExchange(c), { now: NOW });
      const want = c.expected;
      expect(seedMismatches(want, { ...got, failure: !got.failure })).toContain(
        `failure: expected ${want.failure}, got ${!got.failure}`,
      );
      if ('errorCode' in want) expect(seedMismatches(want, { ...got, errorCode: 'other' }).length).toBe(1);
      if ('retryable' in want) expect(seedMismatches(want, { ...got, retryable: !got.retryable }).length).toBe(1);
      if (typeof want.retryAfterSeconds === 'number')
        expect(seedMismatches(want, { ...got, retryAfterSeconds: want.retryAfterSeconds + 2 }).length).toBe(1);
      if (typeof want.message === 'string')
        expect(seedMismatches(want, { ...got, message: 'something else' }).length).toBe(1);
      if (want.actionMentionsAny) expect(seedMismatches(want, { ...got, action: 'nothing relevant' }).length).toBe(1);
    }
  });
});
