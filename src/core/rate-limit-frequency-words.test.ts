// A limit on how often or how many at once, named in a message or code on a 400/409/422 or a 2xx failure
// envelope: calls too frequent, flood control, too many requests or transactions running at once. Each clears as
// earlier calls age out or finish, so the same request passes later (retryable). The words need their subject: a
// radio frequency, a flood-zone field or a `frequency` parameter is a request to fix.
import { describe, expect, it } from 'vitest';
import { rateLimitEvidence } from './limits';
import { limitInput } from './testing/limit-input';
import { rows, variantMismatches, type Variant } from './testing/variants';

const input = limitInput;

const FREQUENCY: Variant[] = [
  {
    name: 'errcode envelope on a 200: calls too frequent',
    status: 200,
    body: { errcode: 45011, errmsg: 'request freq over limit' },
    expect: { failure: true, retryable: true },
  },
  {
    name: '400: request frequency limit exceeded',
    status: 400,
    body: { error: 'Request frequency limit exceeded' },
    expect: { failure: true, retryable: true },
  },
  {
    name: '422: API call frequency beyond the limit',
    status: 422,
    body: { message: 'API call frequency is beyond the limit for this token' },
    expect: { failure: true, retryable: true },
  },
];

const FLOOD: Variant[] = [
  {
    name: '400: blocked for flooding',
    status: 400,
    body: { ok: false, message: 'Blocked for flooding' },
    expect: { failure: true, retryable: true },
  },
  {
    name: '2xx envelope: flood control',
    status: 200,
    body: { ok: false, error: { error_code: 9, error_msg: 'Flood control' } },
    expect: { failure: true, retryable: true },
  },
  {
    name: '400 whose code is FLOOD_WAIT_n',
    status: 400,
    body: { ok: false, error_code: 'FLOOD_WAIT_30', description: 'A wait is required' },
    expect: { failure: true, retryable: true },
  },
];

const CONCURRENCY: Variant[] = [
  {
    name: '400: too many concurrent requests',
    status: 400,
    body: { message: 'Too many concurrent requests' },
    expect: { failure: true, retryable: true },
  },
  {
    name: '2xx load envelope: running jobs larger than the limit',
    status: 200,
    body: { Status: 'Fail', Message: 'current running jobs on queue 7 is 20, larger than limit 20', TxnId: -1 },
    expect: { failure: true, retryable: true },
  },
  {
    name: '409: too many parallel uploads',
    status: 409,
    body: { error: { code: 'conflict', message: 'Too many parallel uploads for this account' } },
    expect: { failure: true, retryable: true },
  },
  {
    name: '422: concurrent transactions more than the allowed count',
    status: 422,
    body: { message: 'Concurrent transactions for this merchant: 50, more than the allowed 40' },
    expect: { failure: true, retryable: true },
  },
];

/** The same words without their subject name a field or a value: the request must change. */
const NOT_RATE_LIMITS: Variant[] = [
  {
    name: '400: a flood-zone field',
    status: 400,
    body: { error: 'invalid_request', message: 'Invalid flood zone code' },
    expect: { failure: true, retryable: false },
  },
  {
    name: '400: a radio frequency over its limit',
    status: 400,
    body: { message: 'Tuner frequency exceeds limit of 1.7 GHz' },
    expect: { failure: true, retryable: false },
  },
  {
    name: '400: a frequency parameter',
    status: 400,
    body: { message: 'frequency must be one of daily, weekly, monthly' },
    expect: { failure: true, retryable: false },
  },
];

describe('frequency, flood and concurrency limits named in words', () => {
  it.each(rows(FREQUENCY))('frequency: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(FLOOD))('flood: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(CONCURRENCY))('concurrency: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(NOT_RATE_LIMITS))('not a rate limit: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));

  it('gives the evidence on a 400, a 2xx failure and a 503', () => {
    expect(rateLimitEvidence(input(400, { message: 'Too many simultaneous connections' }))).toMatch(/concurrency/);
    expect(rateLimitEvidence(input(200, { bodyFailure: true, message: 'access freq out of limit' }))).toMatch(
      /frequency/,
    );
    expect(rateLimitEvidence(input(400, { errorCode: 'FLOOD_WAIT_12' }))).toMatch(/FLOOD_WAIT_12/);
    expect(rateLimitEvidence(input(503, { message: 'running queries on this node: 64, greater than max 64' }))).toMatch(
      /concurrency/,
    );
  });

  it('gives none for the bare words', () => {
    expect(rateLimitEvidence(input(400, { message: 'Frequency out of range' }))).toBeNull();
    expect(rateLimitEvidence(input(400, { message: 'flood_zone is required' }))).toBeNull();
    expect(
      rateLimitEvidence(input(400, { message: 'concurrent edits are not supported by this endpoint' })),
    ).toBeNull();
  });
});

/** Chinese APIs word the same limits as calls too fast or too frequent (vivo push "发送速度过快"). */
const CHINESE: Variant[] = [
  {
    name: 'result envelope on a 200: sending too fast',
    status: 200,
    body: { result: 10072, desc: '发送速度过快' },
    expect: { failure: true, retryable: true },
  },
  {
    name: '400: requests too frequent',
    status: 400,
    body: { code: 4001, msg: '请求过于频繁，请稍后' },
    expect: { failure: true, retryable: true },
  },
  {
    name: 'errcode envelope on a 200: access frequency over the limit',
    status: 200,
    body: { errcode: 45009, errmsg: '接口访问频率超限' },
    expect: { failure: true, retryable: true },
  },
];

/** The same characters naming a parameter, or a count (an allowance), are not a rate limit. */
const CHINESE_NOT_RATE_LIMITS: Variant[] = [
  {
    name: '400: an invalid frequency parameter',
    status: 400,
    body: { code: 40001, msg: '频率参数无效' },
    expect: { failure: true, retryable: false },
  },
  {
    name: '400: the call count over its limit',
    status: 400,
    body: { code: 40002, msg: '调用次数超限' },
    expect: { failure: true, retryable: false },
  },
];

describe('frequency limits in Chinese', () => {
  it.each(rows(CHINESE))('rate limit: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(CHINESE_NOT_RATE_LIMITS))('not a rate limit: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it('names its evidence', () => {
    expect(rateLimitEvidence(input(200, { bodyFailure: true, message: '发送速度过快' }))).toMatch(/frequency/);
    expect(rateLimitEvidence(input(400, { message: '频率参数无效' }))).toBeNull();
  });
});
