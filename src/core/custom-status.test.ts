// Statuses outside HTTP's five classes (6xx and up) are an API's own codes, not server errors: Qiniu answers 612 "no
// such file or directory" and 631 "no such bucket". Only their code or message makes them transient.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify } from './classify';
import { rows, variantMismatches, type Variant } from './testing/variants';

const CUSTOM: Variant[] = [
  {
    name: '631 no such bucket',
    status: 631,
    body: { error: 'no such bucket' },
    expect: { failure: true, message: 'no such bucket', retryable: false },
  },
  {
    name: '612 no such file or directory',
    status: 612,
    body: { error: 'no such file or directory' },
    expect: { failure: true, retryable: false },
  },
  {
    name: '614 whose message says try later',
    status: 614,
    body: { error: 'the server is busy, please try again later' },
    expect: { failure: true, retryable: true },
  },
  {
    name: '673 whose code names a rate limit',
    status: 673,
    body: { code: 'RATE_LIMITED', message: 'Too many requests' },
    expect: { failure: true, retryable: true },
  },
];

const classifyStatus = (status: number, body: unknown) =>
  classify({
    method: 'GET',
    url: 'https://api.example.test/v1/objects/1',
    status,
    responseHeaders: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe("an API's own status (6xx) is judged by its words, not as a 5xx", () => {
  it.each(rows(CUSTOM))('%s', (_n, v) => expect(variantMismatches(v)).toEqual([]));

  it('says what the status is when the body says nothing', () => {
    const c = classifyStatus(650, {});
    expect(c.failure).toBe(true);
    expect(c.retryable).toBe(false);
    expect(c.action).toMatch(/own status code/);
  });

  it('holds for every custom status', () => {
    fc.assert(
      fc.property(fc.integer({ min: 600, max: 999 }), (status) => {
        expect(classifyStatus(status, { error: 'no such object' }).retryable).toBe(false);
        expect(classifyStatus(status, { error: 'service temporarily unavailable, try again later' }).retryable).toBe(
          true,
        );
      }),
      { numRuns: 40 },
    );
  });

  it('leaves the 5xx class transient', () => {
    expect(classifyStatus(560, { error: 'upstream failed' }).retryable).toBe(true);
  });
});
