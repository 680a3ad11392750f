import { describe, expect, it } from 'vitest';
import { quotaExhaustion, rateLimitEvidence } from './limits';
import { limitInput } from './testing/limit-input';

const input = limitInput;

describe('rateLimitEvidence', () => {
  it('always counts 429', () => {
    expect(rateLimitEvidence(input(429))).toBe('HTTP 429');
  });

  it('counts a 403 with an exhausted counter, a rate-limit message or code, or Retry-After (GitHub, Salesforce)', () => {
    expect(rateLimitEvidence(input(403, { headers: { 'x-ratelimit-remaining': '0' } }))).toBe(
      'x-ratelimit-remaining: 0',
    );
    expect(
      rateLimitEvidence(
        input(403, { message: 'You have exceeded a secondary rate limit and have been temporarily blocked' }),
      ),
    ).toMatch(/message/);
    expect(
      rateLimitEvidence(input(403, { errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'TotalRequests Limit exceeded.' })),
    ).toMatch(/REQUEST_LIMIT_EXCEEDED/);
    expect(rateLimitEvidence(input(403, { headers: { 'retry-after': '60' } }))).toMatch(/Retry-After/);
    expect(rateLimitEvidence(input(403, { headers: { ratelimit: '"default";r=0;t=10' } }))).toBe('RateLimit r=0');
  });

  it('reads a frequency, flood or concurrency limit in the code on a carrier status as in the message', () => {
    expect(rateLimitEvidence(input(403, { errorCode: 'FLOOD_WAIT_30', message: 'Forbidden' }))).toBe(
      'error code FLOOD_WAIT_30',
    );
    expect(rateLimitEvidence(input(503, { errorCode: 'too_many_concurrent_requests' }))).toBe(
      'error code too_many_concurrent_requests',
    );
    // The words still need their subject: a bare frequency in a code is no limit.
    expect(rateLimitEvidence(input(403, { errorCode: 'INVALID_FREQUENCY' }))).toBeNull();
  });

  it('does not count a permission 403 or a counter that still has room', () => {
    expect(
      rateLimitEvidence(
        input(403, { message: 'You do not have access to this contact', headers: { 'x-ratelimit-remaining': '12' } }),
      ),
    ).toBeNull();
  });

  it('believes only unmistakable wording on a 400 ("limit exceeded" may be a size limit)', () => {
    expect(rateLimitEvidence(input(400, { message: 'File size limit exceeded' }))).toBeNull();
    expect(rateLimitEvidence(input(400, { message: 'Rate limit reached' }))).not.toBeNull();
  });

  it('counts a GraphQL RATE_LIMITED error on a 200', () => {
    expect(rateLimitEvidence(input(200, { bodyFailure: true, errorCode: 'RATE_LIMITED' }))).toMatch(/RATE_LIMITED/);
    expect(rateLimitEvidence(input(200, { bodyFailure: true, errorCode: 'NOT_FOUND' }))).toBeNull();
  });

  it('does not treat a 404 or 500 as a rate limit', () => {
    expect(rateLimitEvidence(input(404, { message: 'rate limit' }))).toBeNull();
    expect(rateLimitEvidence(input(500, { headers: { 'x-ratelimit-remaining': '0' } }))).toBeNull();
  });
});

describe('quotaExhaustion', () => {
  it('recognizes quota codes, messages and body markers', () => {
    expect(quotaExhaustion('insufficient_quota', null, '')).toMatch(/insufficient_quota/);
    expect(quotaExhaustion('enforced_spend_limit_reached', null, '')).not.toBeNull();
    expect(
      quotaExhaustion(null, 'You exceeded your current quota, please check your plan and billing details.', ''),
    ).not.toBeNull();
    expect(quotaExhaustion(null, null, '{"status":"error","policyName":"DAILY","errorType":"RATE_LIMIT"}')).toBe(
      'policyName DAILY',
    );
    expect(
      quotaExhaustion(null, null, '{"violations":[{"quotaId":"GenerateRequestsPerDayPerProjectPerModel-FreeTier"}]}'),
    ).not.toBeNull();
  });

  it('leaves short-window limits alone', () => {
    expect(
      quotaExhaustion('rate_limit_exceeded', 'Please try again in 7.315s.', '{"policyName":"TEN_SECONDLY_ROLLING"}'),
    ).toBeNull();
    expect(quotaExhaustion(null, null, '{"quotaId":"GenerateRequestsPerMinutePerProjectPerModel"}')).toBeNull();
  });
});
