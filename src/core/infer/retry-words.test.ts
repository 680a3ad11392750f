// Issue 13, classes 6 and 7 (session 25): the code's and the message's words decide retryability over the status
// class, both ways. A licence that expired is not cured by waiting, whatever 5xx carries it; a nonce the server
// refused as stale is retried with the fresh one it sent.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';
import { exhaustedByMessage, retryableFromCode } from './semantics';

const LICENSE: Variant[] = [
  {
    name: 'problem+json 503 whose type and detail say the licence expired',
    status: 503,
    type: 'application/problem+json',
    body: {
      type: 'https://problems.example.test/license-expired',
      title: 'License Expired',
      detail: 'The service is unavailable as the license associated with your organization has expired.',
      status: 503,
    },
    expect: { failure: true, retryable: false },
  },
  {
    name: '500 whose message alone says the licence expired',
    status: 500,
    body: { message: 'Your licence has expired. Contact your account manager.' },
    expect: { failure: true, retryable: false },
  },
  {
    name: '502 whose code is LICENSE_REVOKED',
    status: 502,
    body: { code: 'LICENSE_REVOKED', message: 'Upstream refused the call' },
    expect: { failure: true, retryable: false },
  },
];

/** A licence named in another sense stays a transient 5xx. */
const LICENSE_NOT_EXHAUSTED: Variant[] = [
  {
    name: '503 while the licence server is checked',
    status: 503,
    body: { message: 'Service temporarily unavailable while the license server is contacted' },
    expect: { failure: true, retryable: true },
  },
  {
    name: '500 that names a licence field in a stack of words',
    status: 500,
    body: { message: 'Internal error reading license metadata' },
    expect: { failure: true, retryable: true },
  },
];

const NONCE: Variant[] = [
  {
    name: 'ACME 400 badNonce (RFC 8555 §6.5: retry with the fresh Replay-Nonce)',
    status: 400,
    type: 'application/problem+json',
    headers: { 'replay-nonce': 'Xf-FG2-v4EkvD1Jm4NZx0Q' },
    body: { type: 'urn:ietf:params:acme:error:badNonce', detail: 'JWS has an invalid anti-replay nonce', status: 400 },
    expect: { failure: true, retryable: true },
  },
  {
    name: 'ACME 400 malformed stays a request to fix',
    status: 400,
    type: 'application/problem+json',
    body: { type: 'urn:ietf:params:acme:error:malformed', detail: 'JWS has no anti-replay nonce', status: 400 },
    expect: { failure: true, retryable: false },
  },
  {
    name: 'OpenID invalid_nonce on 400: the sign-in must be redone',
    status: 400,
    body: { error: 'invalid_nonce', error_description: 'The nonce does not match the authentication request' },
    expect: { failure: true, retryable: false },
  },
];

describe('a licence that expired is not retryable on any status', () => {
  it.each(rows(LICENSE))('%s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(LICENSE_NOT_EXHAUSTED))('not exhausted: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));

  it('reads the licence words in codes and messages, either spelling', () => {
    const spelling = fc.constantFrom('license', 'licence', 'License', 'LICENSE');
    const state = fc.constantFrom('expired', 'revoked', 'suspended');
    fc.assert(
      fc.property(spelling, state, fc.constantFrom('_', '-', ' '), (l, s, sep) => {
        expect(retryableFromCode(`${l}${sep}${s}`.toUpperCase())).toBe(false);
        expect(retryableFromCode(`${l.toLowerCase()}${sep}${s}`)).toBe(false);
      }),
    );
    const owner = fc.constantFrom('', ' associated with your account', ' for this workspace', ' of your organization');
    fc.assert(
      fc.property(spelling, owner, fc.constantFrom('has expired', 'was revoked', 'is suspended'), (l, o, s) => {
        expect(exhaustedByMessage(`The ${l}${o} ${s}.`)).toBe(true);
      }),
    );
  });

  it('leaves a licence named without an ended state alone', () => {
    expect(exhaustedByMessage('Could not reach the license server')).toBe(false);
    expect(retryableFromCode('LICENSE_SERVER_UNAVAILABLE')).toBe(true);
  });
});

describe('a refused stale nonce is retried with the fresh one', () => {
  it.each(rows(NONCE))('%s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it('judges the codes', () => {
    expect(retryableFromCode('urn:ietf:params:acme:error:badNonce')).toBe(true);
    expect(retryableFromCode('stale_nonce')).toBe(true);
    expect(retryableFromCode('invalid_nonce')).not.toBe(true);
  });
});

/** A bare `wait` number on a rate limit is its wait; an upgrade invitation beside a stated wait is no quota. */
const BARE_WAIT: Variant[] = [
  {
    name: '429 with a top-level wait and an upsell message',
    status: 429,
    body: {
      reason: 'RateLimited',
      wait: 1399.0,
      message: 'SignUp / Upgrade your plan @ https://example.test/',
      error: true,
    },
    expect: { failure: true, retryable: true, retryAfterSeconds: 1399 },
  },
  {
    name: '400 whose code names a rate limit, with a wait',
    status: 400,
    body: { code: 'RATE_LIMITED', wait: 30 },
    expect: { failure: true, retryable: true, retryAfterSeconds: 30 },
  },
  {
    name: 'an upsell on a 429 with no wait stays a quota',
    status: 429,
    body: { reason: 'RateLimited', message: 'SignUp / Upgrade your plan @ https://example.test/' },
    expect: { failure: true, retryable: false, retryAfterSeconds: null },
  },
  {
    name: '400 whose wait is a setting echoed back is no wait',
    status: 400,
    body: { error: 'invalid_request', message: 'poll interval too short', wait: 5 },
    expect: { failure: true, retryable: false, retryAfterSeconds: null },
  },
  {
    name: '429 whose wait is a flag is no wait',
    status: 429,
    body: { error: 'Too many requests', wait: true },
    expect: { failure: true, retryable: true, retryAfterSeconds: null },
  },
];

describe('a bare wait field on a rate limit', () => {
  it.each(rows(BARE_WAIT))('%s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it('keeps funds and billing exhausted whatever wait is given', () => {
    expect(exhaustedByMessage('Insufficient balance. Upgrade your plan.', true)).toBe(true);
    expect(exhaustedByMessage('Upgrade your plan for more requests', true)).toBe(false);
    expect(exhaustedByMessage('Upgrade your plan for more requests', false)).toBe(true);
  });
});

// Issue 13, session 16 (reach-i): the classes behind the misses of a fresh batch of IoT clouds, FHIR
// servers, serverless platforms, accounting and AI APIs. Each table varies names, nestings, casing and
// value shapes, with counter-examples that must keep today's reading.
// Shapes from: Apache OpenWhisk (`{code: <transaction id>, error}`), Tuya (`tid`), MyQ
// (`ReturnCode`/`ErrorMessage`/`CorrelationId` in a 200), HL7 FHIR OperationOutcome (JSON and XML),
// Azure IoT Hub (`ErrorCode:…;…` and a JSON document inside `Message`), Sage SData (`$dataCode`),
// DeepInfra and Zhipu (retry verdicts worded in the message), ChainGateway (UUID error codes).
/** Class 7: the message says retrying unchanged cannot help (a fixed maximum, arrears), or that it can. */
const RETRY_WORDING: Variant[] = [
  {
    name: 'DeepInfra: 500 input longer than the maximum',
    status: 500,
    body: { error: { message: 'Requested input length 99009 exceeds maximum input length 8192' } },
    expect: { retryable: false },
  },
  {
    name: '503 prompt over the context window',
    status: 503,
    body: { error: 'The prompt exceeds the model’s context window of 32768 tokens.' },
    expect: { retryable: false },
  },
  {
    name: '502 payload larger than the allowed size',
    status: 502,
    body: { message: 'Request payload is larger than the allowed size of 6291456 bytes' },
    expect: { retryable: false },
  },
  {
    name: 'Zhipu: 429 {error: {code: "1113", message: 欠费}}',
    status: 429,
    body: { error: { code: '1113', message: '您的账户已欠费，请充值后重试。' } },
    expect: { retryable: false },
  },
  {
    name: '403 余额不足 (balance insufficient)',
    status: 403,
    body: { code: 30011, message: '余额不足，请充值后再试' },
    expect: { retryable: false },
  },
  {
    name: 'counter: 429 over a per-minute maximum stays transient',
    status: 429,
    body: { message: 'Your request exceeds the maximum requests per minute allowed for this key.' },
    expect: { retryable: true },
  },
  {
    name: 'counter: 429 "exceeds the maximum usage size allowed during peak load… retry after 20 seconds"',
    status: 429,
    body: {
      success: false,
      error: {
        message: 'Your request exceeds the maximum usage size allowed during peak load. Please retry after 20 seconds.',
        code: 'RATE_LIMITED',
      },
    },
    expect: { retryable: true },
  },
  {
    name: 'counter: 503 busy stays transient',
    status: 503,
    body: { error: { message: 'Model busy, retry later' } },
    expect: { retryable: true },
  },
];
describe('retry verdicts worded in the message', () => {
  it.each(rows(RETRY_WORDING))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
