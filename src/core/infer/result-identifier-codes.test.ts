// Session 27 (learn27b): an answer that failed and names its outcome as a machine-made token under `result`
// (`{result: "requires_authentication", status: 401}`, `{Result: "MissingAffiliateOrSerialNumber"}`) carries the
// API's code there, as `status` does. Seen in two APIs of the dev part (a cloud provider's and an e-book store's).
// A status word under `result` ("error", "success"), prose, a token below the top level and any success stay no code.
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const CODES: Variant[] = [
  {
    name: 'snake-case outcome beside the status number',
    status: 401,
    body: { result: 'requires_login', status: 401 },
    expect: { failure: true, errorCode: 'requires_login' },
  },
  {
    name: 'Pascal-case outcome alone',
    status: 400,
    body: { Result: 'MissingAccountNumber' },
    expect: { failure: true, errorCode: 'MissingAccountNumber' },
  },
  {
    name: 'outcome token in a 2xx that says it failed',
    status: 200,
    body: { success: false, result: 'quota_exceeded', message: 'Monthly quota used up' },
    expect: { failure: true, errorCode: 'quota_exceeded', message: 'Monthly quota used up' },
  },
];

const NOT_CODES: Variant[] = [
  {
    name: 'a status word under result leaves the code to the code key',
    status: 400,
    body: { result: 'error', msg: 'Missing parameter', code: 'MISSING_PARAMETER' },
    expect: { failure: true, errorCode: 'MISSING_PARAMETER', message: 'Missing parameter' },
  },
  {
    name: 'a sentence under result is the message, not a code',
    status: 401,
    body: { code: 401, result: 'This access token was revoked.' },
    expect: { failure: true, errorCode: null, message: 'This access token was revoked.' },
  },
  {
    name: 'a token below the top level is a record value',
    status: 404,
    body: { error: 'Not Found', items: [{ id: 7, result: 'not_found' }] },
    expect: { failure: true, errorCode: null },
  },
  {
    name: 'a token inside the payload of a failed answer is the record state',
    status: 422,
    body: { message: 'The entry could not be saved', detail: { id: 'e_1', result: 'pending_review' } },
    expect: { failure: true, errorCode: null, message: 'The entry could not be saved' },
  },
  {
    name: 'a success that names its outcome',
    status: 200,
    body: { result: 'already_subscribed', id: 'sub_1' },
    expect: { failure: false, errorCode: null },
  },
];

describe('outcome tokens under result name the code of a failed answer', () => {
  it.each(rows(CODES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('result values that are no code', () => {
  it.each(rows(NOT_CODES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
