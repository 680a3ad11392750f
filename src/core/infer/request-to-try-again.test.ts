// Issue 13, session 27 (pooled learn-s27a and fresh-s24h material): a message that asks for the same request again
// after a while is transient, on a 2xx failure envelope and on the fix-the-request statuses that read the message,
// in English and in Chinese (simplified and traditional), unless it also blames the request or names an exhausted
// allowance.
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';
import { transientByMessage } from './semantics';

const ASKS_AGAIN: Variant[] = [
  {
    name: '2xx {code, msg}: try your request again after a short delay',
    status: 200,
    body: {
      code: 5000,
      msg: "We're having server issues. Please try your request again after a short delay. If the problem persists, contact support.",
    },
    expect: { failure: true, retryable: true },
  },
  {
    name: '2xx status error: not received yet, please try one more time',
    status: 200,
    body: { status: 'error', message: 'The code has not been received yet, please try one more time', data: [] },
    expect: { failure: true, retryable: true },
  },
  {
    name: '400: try it again in a few minutes',
    status: 400,
    body: { error: { code: 'Provisioning', message: 'The workspace is being set up. Try it again in a few minutes.' } },
    expect: { failure: true, retryable: true },
  },
  {
    name: '2xx traditional Chinese: try again in a few minutes',
    status: 200,
    body: { success: false, message: '資源正在建立中。請在幾分鐘後再試一次。' },
    expect: { failure: true, retryable: true },
  },
];

const NOT_TRANSIENT: Variant[] = [
  {
    name: '2xx: wrong code, try again after a short delay (the request must change)',
    status: 200,
    body: { code: 4001, msg: 'Incorrect verification code. Please try your request again after a short delay.' },
    expect: { failure: true, retryable: false },
  },
  {
    name: '2xx: balance insufficient, try again in a few minutes',
    status: 200,
    body: { code: 7001, msg: 'Insufficient balance. Please top up and try again in a few minutes.' },
    expect: { failure: true, retryable: false },
  },
  {
    name: '404 whose page says the resource is temporarily unavailable (a missing page, not a deferral)',
    status: 404,
    body: {
      error: { code: 'NotFound', message: 'The resource could have been removed or is temporarily unavailable.' },
    },
    expect: { failure: true, retryable: false },
  },
];

describe('a request to try again after a while', () => {
  it.each(rows(ASKS_AGAIN))('transient: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(NOT_TRANSIENT))('not transient: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));

  it('reads the wording, not a bare "try again"', () => {
    expect(transientByMessage('Please retry it again in a moment')).toBe(true);
    expect(transientByMessage('请稍後再試')).toBe(true);
    expect(transientByMessage('请在几分钟后再试')).toBe(true);
    expect(transientByMessage('Something went wrong, please try again')).toBe(false);
    expect(transientByMessage('This format is not supported yet, try again with another one')).toBe(false);
    expect(transientByMessage('The report is not ready yet, check back in a while')).toBe(true);
  });
});
