import { describe, expect, it } from 'vitest';
import { indexHeaders } from './headers';
import {
  backoffPlan,
  MAX_WAIT_SECONDS,
  parseDuration,
  parseResetValue,
  parseRetryAfter,
  referenceTime,
  serverWait,
  shouldRetryHeader,
  waitInMessage,
  type ServerWaitInput,
} from './retry';

const REF = Date.parse('2026-11-23T18:00:00Z');

function wait(headers: Record<string, string>, extra: Partial<ServerWaitInput> = {}) {
  return serverWait({ status: 429, headers: indexHeaders(headers), rateLimited: true, referenceMs: REF, ...extra });
}

describe('parseRetryAfter', () => {
  it('reads delay-seconds, including fractions', () => {
    expect(parseRetryAfter('120', REF, [])).toBe(120);
    expect(parseRetryAfter(' 2.0 ', REF, [])).toBe(2);
    expect(parseRetryAfter('2.128', REF, [])).toBe(2.128);
  });

  it('reads an HTTP-date relative to the reference clock, in all three date formats', () => {
    expect(parseRetryAfter('Mon, 23 Nov 2026 18:01:30 GMT', REF, [])).toBe(90);
    expect(parseRetryAfter('Monday, 23-Nov-26 18:00:05 GMT', REF, [])).toBe(5);
    expect(parseRetryAfter('Mon Nov 23 18:00:10 2026', Date.parse('Mon Nov 23 18:00:00 2026'), [])).toBe(10);
  });

  it('ignores negative, non-finite and non-date values with a note', () => {
    for (const raw of ['-5', '1e309', 'soon', 'abc 12', '']) {
      const notes: string[] = [];
      expect(parseRetryAfter(raw, REF, notes), raw).toBeUndefined();
      if (raw) expect(notes.join(), raw).toMatch(/ignored/);
    }
  });

  it('caps absurd waits at one day with a note', () => {
    const notes: string[] = [];
    expect(parseRetryAfter('1e300', REF, notes)).toBe(MAX_WAIT_SECONDS);
    expect(parseRetryAfter('Fri, 31 Dec 9999 23:59:59 GMT', REF, notes)).toBe(MAX_WAIT_SECONDS);
    expect(notes.filter((n) => /capped/.test(n))).toHaveLength(2);
  });

  it('treats a date just past as "now" and a date long past (1970) as garbage', () => {
    expect(parseRetryAfter('Mon, 23 Nov 2026 17:59:58 GMT', REF, [])).toBe(0);
    const notes: string[] = [];
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:00 GMT', REF, notes)).toBeUndefined();
    expect(notes.join()).toMatch(/long in the past/);
  });

  it('uses the largest value of a repeated header', () => {
    expect(parseRetryAfter('30, 60', REF, [])).toBe(60);
  });
});

describe('parseDuration', () => {
  it('reads Go-style and protobuf durations', () => {
    expect(parseDuration('12ms')).toBeCloseTo(0.012);
    expect(parseDuration('7.315s')).toBeCloseTo(7.315);
    expect(parseDuration('1m30s')).toBe(90);
    expect(parseDuration('6m0s')).toBe(360);
    expect(parseDuration('2h')).toBe(7200);
    expect(parseDuration('45.837906927s')).toBeCloseTo(45.837906927);
    expect(parseDuration('12')).toBeUndefined();
    expect(parseDuration('soon')).toBeUndefined();
  });
});

describe('parseResetValue', () => {
  it('tells epoch seconds, epoch milliseconds and deltas apart by magnitude', () => {
    const epochS = REF / 1000 + 42;
    expect(parseResetValue(String(epochS), REF, 'x-ratelimit-reset', [])).toBe(42);
    expect(parseResetValue(String(REF + 1500), REF, 'x-ratelimit-reset', [])).toBe(1.5);
    expect(parseResetValue('41', REF, 'ratelimit-reset', [])).toBe(41);
    expect(parseResetValue(`${epochS}.123`, REF, 'x-ratelimit-reset', [])).toBeCloseTo(42.123);
  });

  it('reads durations and ISO dates', () => {
    expect(parseResetValue('1m30s', REF, 'x-ratelimit-reset-requests', [])).toBe(90);
    expect(parseResetValue('2026-11-23T18:00:20Z', REF, 'anthropic-ratelimit-requests-reset', [])).toBe(20);
  });

  it('uses the first of repeated numeric values', () => {
    expect(parseResetValue('10, 20', REF, 'x', [])).toBe(10);
  });

  it('ignores junk with a note', () => {
    const notes: string[] = [];
    expect(parseResetValue('whenever', REF, 'x-ratelimit-reset', notes)).toBeUndefined();
    expect(notes.join()).toMatch(/x-ratelimit-reset 'whenever' ignored/);
  });
});

describe('waitInMessage', () => {
  it.each([
    ['Rate limit reached for gpt-4 in organization org-x on tokens per min. Please try again in 7.315s.', 7.315],
    ['Rate limit reached. Please try again in 844ms.', 0.844],
    ["Requests to the API have exceeded rate limit. Please try again after '372' seconds.", 372],
    ['Request was throttled. Expected available in 57 seconds.', 57],
    ['Too Many Requests: retry after 34', 34],
    ['Quota exceeded for metric. Please retry in 58.934310785s.', 58.934310785],
    ['Please try again in 1m30s.', 90],
    ['Please wait 2 minutes before trying again.', 120],
  ])('%s', (message, seconds) => {
    expect(waitInMessage(message)).toBeCloseTo(seconds, 6);
  });

  it('finds nothing in messages without a wait', () => {
    expect(waitInMessage('Something went wrong')).toBeUndefined();
    expect(waitInMessage('Try again later.')).toBeUndefined();
  });
});

describe('serverWait precedence', () => {
  const all = {
    'retry-after': '30',
    'retry-after-ms': '5000',
    ratelimit: '"default";r=0;t=40',
    'x-ratelimit-remaining': '0',
    'x-ratelimit-reset': String(REF / 1000 + 50),
  };

  it('Retry-After beats everything', () => {
    expect(wait(all, { bodySeconds: 20, message: 'try again in 60s' }).wait).toEqual({
      seconds: 30,
      source: 'Retry-After header',
    });
  });

  it('then retry-after-ms', () => {
    const { 'retry-after': _, ...rest } = all;
    expect(wait(rest, { bodySeconds: 20 }).wait).toEqual({ seconds: 5, source: 'retry-after-ms header' });
  });

  it('then the body field', () => {
    const { 'retry-after': _a, 'retry-after-ms': _b, ...rest } = all;
    expect(wait(rest, { bodySeconds: 20, bodyField: 'retry_after' }).wait).toEqual({
      seconds: 20,
      source: 'body.retry_after',
    });
  });

  it('then RateLimit t', () => {
    const { 'retry-after': _a, 'retry-after-ms': _b, ...rest } = all;
    expect(wait(rest).wait).toEqual({ seconds: 40, source: 'RateLimit header (t)' });
  });

  it('then legacy reset headers, only on rate limits', () => {
    const legacy = { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(REF / 1000 + 50) };
    expect(wait(legacy).wait).toEqual({ seconds: 50, source: 'x-ratelimit-reset header' });
    expect(wait(legacy, { rateLimited: false, status: 500 }).wait).toBeNull();
  });

  it('then the message text', () => {
    expect(wait({}, { message: 'Please try again in 7.315s.' }).wait).toEqual({
      seconds: 7.315,
      source: 'message text',
    });
  });

  it('falls through a garbage Retry-After to the next source', () => {
    const r = wait({ 'retry-after': 'soon', 'retry-after-ms': '1500' });
    expect(r.wait).toEqual({ seconds: 1.5, source: 'retry-after-ms header' });
    expect(r.notes.join()).toMatch(/Retry-After 'soon' ignored/);
  });

  it('prefers the reset header whose remaining-counter is exhausted (OpenAI tokens vs requests)', () => {
    const r = wait({
      'x-ratelimit-remaining-requests': '99',
      'x-ratelimit-reset-requests': '120ms',
      'x-ratelimit-remaining-tokens': '0',
      'x-ratelimit-reset-tokens': '6m0s',
    });
    expect(r.wait).toEqual({ seconds: 360, source: 'x-ratelimit-reset-tokens header' });
  });

  it('reads the RateLimit field: the exhausted policy, the older dictionary form, and ignores malformed values', () => {
    expect(wait({ ratelimit: '"burst";r=5;t=1, "daily";r=0;t=3600' }).wait?.seconds).toBe(3600);
    expect(wait({ ratelimit: 'limit=100, remaining=0, reset=5' }).wait?.seconds).toBe(5);
    const bad = wait({ ratelimit: 'garbage;;' });
    expect(bad.wait).toBeNull();
    expect(bad.notes.join()).toMatch(/malformed/);
  });

  it('does not use a RateLimit t of a policy with quota left on a non-429', () => {
    expect(wait({ ratelimit: '"default";r=50;t=30' }, { status: 503, rateLimited: false }).wait).toBeNull();
  });

  it('names the exhausted policy from RateLimit-Policy', () => {
    const r = wait({
      ratelimit: '"daily";r=0;t=600',
      'ratelimit-policy': '"burst";q=100;w=60, "daily";q=1000;w=86400',
    });
    expect(r.notes.join()).toMatch(/"daily" \(q=1000, w=86400 s\) is exhausted/);
  });

  it('ignores negative body waits and caps huge ones', () => {
    expect(wait({}, { bodySeconds: -3 }).wait).toBeNull();
    expect(wait({}, { bodySeconds: 18053 }).wait?.seconds).toBe(18053);
    expect(wait({}, { bodySeconds: 1e12 }).wait?.seconds).toBe(MAX_WAIT_SECONDS);
  });
});

describe('referenceTime', () => {
  it('uses the Date header, else the end of the exchange, else now', () => {
    expect(referenceTime(indexHeaders({ date: 'Mon, 23 Nov 2026 18:00:00 GMT' }), 5, 5, 7)).toBe(REF);
    expect(referenceTime(indexHeaders({ date: 'garbage' }), 1000, 250, 7)).toBe(1250);
    expect(referenceTime(indexHeaders({}), undefined, undefined, 7)).toBe(7);
  });
});

describe('shouldRetryHeader', () => {
  it('reads x-should-retry and stripe-should-retry', () => {
    expect(shouldRetryHeader(indexHeaders({ 'x-should-retry': 'true' }))).toEqual({
      value: true,
      source: 'x-should-retry',
    });
    expect(shouldRetryHeader(indexHeaders({ 'Stripe-Should-Retry': 'False' }))).toEqual({
      value: false,
      source: 'stripe-should-retry',
    });
    expect(shouldRetryHeader(indexHeaders({ 'x-should-retry': 'maybe' }))).toBeUndefined();
  });
});

describe('backoffPlan', () => {
  it('doubles from 1 s up to the 60 s cap over 5 attempts with full jitter', () => {
    const plan = backoffPlan();
    expect(plan).toMatchObject({ baseSeconds: 1, factor: 2, capSeconds: 60, maxAttempts: 5, jitter: 'full' });
    expect(plan.steps.map((s) => s.delaySeconds)).toEqual([1, 2, 4, 8, 16]);
    expect(backoffPlan({ baseSeconds: 20 }).steps.map((s) => s.delaySeconds)).toEqual([20, 40, 60, 60, 60]);
  });
});
