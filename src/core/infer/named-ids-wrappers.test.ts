// Issue 13, round 3 (reach-h): an error object whose `code` is a number and whose `id` names the
// error in words (`{id: "services.storage.not_found", code: 16908292}`) is coded by the id; and
// "The model state is invalid." (and the like) is a wrapper that the field messages beside it refine.
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const NAMED_IDS: Variant[] = [
  {
    name: 'dotted id beside a large numeric code, request id at the top',
    status: 404,
    body: {
      requestId: 'b1b7a9c2-4d3e-4f5a-8b6c-7d8e9f0a1b2c',
      status: 404,
      error: { id: 'services.storage.not_found', code: 16908292, message: 'Document "foo" not found.', status: 404 },
      result: null,
    },
    expect: { errorCode: 'services.storage.not_found', errorId: 'b1b7a9c2-4d3e-4f5a-8b6c-7d8e9f0a1b2c' },
  },
  {
    name: 'dotted id naming an invalid token',
    status: 401,
    body: { error: { id: 'security.token.invalid', code: 117506052, message: 'Invalid token.' } },
    expect: { errorCode: 'security.token.invalid', message: 'Invalid token.' },
  },
  {
    name: 'snake id beside a numeric code string',
    status: 400,
    body: { error: { id: 'quota_exceeded_error', code: '7001', message: 'Quota exceeded for this key' } },
    expect: { errorCode: 'quota_exceeded_error' },
  },
  {
    name: 'counter: a record UUID under id stays no code; the numeric code stays',
    status: 400,
    body: { error: { id: '4cd79250-cef5-41cc-a0c4-2dcca6faaaa8', code: 7001, message: 'Amount too small' } },
    expect: { errorCode: '7001' },
  },
  {
    name: 'counter: an id naming no error (a resource name) leaves the numeric code',
    status: 400,
    body: { error: { id: 'orders.europe.main', code: 7002, message: 'Amount too small' } },
    expect: { errorCode: '7002' },
  },
];

const WRAPPERS: Variant[] = [
  {
    name: '"The model state is invalid." with validationErrors',
    status: 400,
    body: {
      message: 'The model state is invalid.',
      validationErrors: { Email: ['The Email field is not a valid e-mail address.'] },
      object: 'error',
    },
    expect: { message: 'The Email field is not a valid e-mail address.' },
  },
  {
    name: '"The payload is invalid" with errors dictionary',
    status: 422,
    body: { message: 'The payload is invalid', errors: { name: ['must not be blank'] } },
    expect: { message: 'must not be blank' },
  },
  {
    name: 'counter: "The coupon is invalid" is a specific message',
    status: 400,
    body: { message: 'The coupon is invalid' },
    expect: { message: 'The coupon is invalid' },
  },
];

describe('named ids beside numeric codes, model-state wrappers (issue 13, reach-h)', () => {
  it.each(rows(NAMED_IDS))('named id: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(WRAPPERS))('wrapper: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
});
