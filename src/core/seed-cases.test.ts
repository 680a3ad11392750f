// Every case of ../shared/fixtures/seed-cases.json, checked field by field as the fixtures README defines.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classify } from './classify';
import type { Exchange } from './types';

interface SeedCase {
  name: string;
  source: string;
  request: { method: string; url: string; headers?: Record<string, string>; body?: string };
  response: { status: number; statusText?: string; headers?: Record<string, string>; body?: string; error?: string };
  expected: {
    failure?: boolean;
    errorCode?: string | null;
    errorId?: string | null;
    message?: string | null;
    retryable?: boolean;
    retryAfterSeconds?: number | null;
    idempotent?: boolean;
    actionMentionsAny?: string[];
  };
}

const seedPath = fileURLToPath(new URL('../../../shared/fixtures/seed-cases.json', import.meta.url));
const cases = JSON.parse(readFileSync(seedPath, 'utf8')) as SeedCase[];

/** A fixed clock far from every Date header, so only the response's own clock can make waits right. */
const NOW = Date.parse('2030-01-01T00:00:00Z');

export function seedExchange(c: SeedCase): Exchange {
  return {
    method: c.request.method,
    url: c.request.url,
    requestHeaders: c.request.headers ?? {},
    requestBody: c.request.body,
    status: c.response.status,
    statusText: c.response.statusText,
    responseHeaders: c.response.headers ?? {},
    body: c.response.body,
    error: c.response.error,
  };
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

describe('seed cases', () => {
  it('the fixture file holds cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(28);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const got = classify(seedExchange(c), { now: NOW });
    const want = c.expected;
    if ('failure' in want) expect(got.failure, 'failure').toBe(want.failure);
    if ('errorCode' in want) expect(got.errorCode, 'errorCode').toBe(want.errorCode);
    if ('errorId' in want) expect(got.errorId, 'errorId').toBe(want.errorId);
    if ('message' in want) {
      if (want.message === null) expect(got.message, 'message').toBeNull();
      else {
        expect(got.message, 'message').not.toBeNull();
        expect(squash(got.message as string)).toContain(squash(want.message as string));
      }
    }
    if ('retryable' in want) expect(got.retryable, 'retryable').toBe(want.retryable);
    if ('retryAfterSeconds' in want) {
      if (want.retryAfterSeconds === null) expect(got.retryAfterSeconds, 'retryAfterSeconds').toBeNull();
      else {
        expect(got.retryAfterSeconds, 'retryAfterSeconds').not.toBeNull();
        expect(Math.abs((got.retryAfterSeconds as number) - (want.retryAfterSeconds as number))).toBeLessThanOrEqual(1);
      }
    }
    if ('idempotent' in want) expect(got.idempotent, 'idempotent').toBe(want.idempotent);
    if (want.actionMentionsAny) {
      const action = got.action.toLowerCase();
      expect(
        want.actionMentionsAny.some((w) => action.includes(w.toLowerCase())),
        `action "${got.action}" mentions one of ${want.actionMentionsAny.join(', ')}`,
      ).toBe(true);
    }
  });
});
