// A throttle named in the body on a 400, 403 or 2xx failure: calls made too quickly, too many attempts with a "try
// later", a call quota exceeded, or a rate-limit code nested below the code and message read. Each clears with time,
// so the same request passes later (retryable). A WAF or permission refusal on a 403, a storage or seat quota, and a
// "too fast" without its subject stay not retryable.
import { describe, expect, it } from 'vitest';
import { rateLimitEvidence } from './limits';
import { limitInput } from './testing/limit-input';
import { rows, variantMismatches, type Variant } from './testing/variants';

const input = limitInput;

const THROTTLES: Variant[] = [
  {
    name: '403: request too quickly, retry later',
    status: 403,
    body: { code: 403, message: 'request too quickly, please retry later.' },
    expect: { failure: true, retryable: true },
  },
  {
    name: '400: requests sent too fast',
    status: 400,
    body: { error: 'Requests are being sent too fast' },
    expect: { failure: true, retryable: true },
  },
  {
    name: '2xx envelope: calling too frequently',
    status: 200,
    body: { success: false, msg: 'You are calling this API too frequently' },
    expect: { failure: true, retryable: true },
  },
  {
    name: '400: too many attempts, try again later',
    status: 400,
    body: { message: 'Too many verification attempts. Please try again later.' },
    expect: { failure: true, retryable: true },
  },
  {
    name: '2xx error envelope: quota limit exceeded',
    status: 200,
    body: { error: { type: 'Exception', message: 'Quota limit exceeded', code: 4 } },
    expect: { failure: true, retryable: true },
  },
  {
    name: '400: a rate-limit code nested under data',
    status: 400,
    body: {
      status: 400,
      message: 'Code not sent',
      data: { session: { error: { code: 400, message: 'TOO_MANY_ATTEMPTS_TRY_LATER' } } },
    },
    expect: { failure: true, retryable: true },
  },
];

const NOT_THROTTLES: Variant[] = [
  {
    name: '403: a WAF block',
    status: 403,
    body: { code: 403, message: 'Request blocked by the web application firewall' },
    expect: { failure: true, retryable: false },
  },
  {
    name: '400: a storage quota exceeded',
    status: 400,
    body: { error: 'Storage quota exceeded for this account' },
    expect: { failure: true, retryable: false },
  },
  {
    name: '400: a value too fast without its subject',
    status: 400,
    body: { error: 'Playback speed too fast: must be at most 2.0' },
    expect: { failure: true, retryable: false },
  },
  {
    name: '400: a rate-limit word in prose, not a code value',
    status: 400,
    body: { reason: 'index blocked by: [TOO_MANY_REQUESTS/12/disk usage exceeded flood-stage watermark]' },
    expect: { failure: true, retryable: false },
  },
];

describe('throttles named in the body on any status', () => {
  it.each(rows(THROTTLES))('retryable: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(NOT_THROTTLES))('not retryable: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));

  it('names its evidence', () => {
    expect(rateLimitEvidence(input(403, { message: 'request too quickly, please retry later.' }))).toMatch(/frequency/);
    expect(rateLimitEvidence(input(200, { bodyFailure: true, message: 'Quota limit exceeded' }))).toMatch(/quota/);
    expect(rateLimitEvidence(input(400, { bodyText: '{"error":{"message":"TOO_MANY_ATTEMPTS_TRY_LATER"}}' }))).toMatch(
      /TOO_MANY_ATTEMPTS_TRY_LATER/,
    );
    expect(rateLimitEvidence(input(400, { message: 'Storage quota exceeded' }))).toBeNull();
    expect(rateLimitEvidence(input(400, { bodyText: '{"RATE_LIMIT": "off"}' }))).toBeNull();
  });
});
