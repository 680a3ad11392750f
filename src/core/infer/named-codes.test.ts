// Issue 13, class 3, second round: a numeric code is a category when a sibling names the error in
// words (`code: 101` beside `type: "missing_access_key"`, `code: "40004"` beside
// `sub_code: "ACQ.TRADE_NOT_EXIST"`), and a wrapper message ("One or several required parameters are
// missing or incorrect. …", "… see details in `fields`", "Validation failed for the field [x].")
// gives way to, or is joined with, the specific message beside it. Counter-examples keep the numeric
// code where the sibling is an exception class (`OAuthException`) or a plain word (`account`).
// Shapes from: apilayer (ipstack, fixer, currencylayer), Alipay (sub_code/sub_msg), Foursquare
// (meta.errorType), rippled (`error` beside `error_code`), MangoPay (Message + errors dict), GoDaddy
// (message + fields[]), Facebook Graph (code + type OAuthException), Deezer, Ampache, Stripe.
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const NAMED: Variant[] = [
  {
    name: 'apilayer: success false, error {code 101, type missing_access_key, info}',
    status: 200,
    body: {
      success: false,
      error: { code: 101, type: 'missing_access_key', info: 'You have not supplied an API Access Key.' },
    },
    expect: { failure: true, errorCode: 'missing_access_key', message: 'not supplied an API Access Key' },
  },
  {
    name: 'apilayer: error {code 104, type usage_limit_reached}',
    status: 200,
    body: {
      success: false,
      error: { code: 104, type: 'usage_limit_reached', info: 'Your monthly usage limit has been reached.' },
    },
    expect: { failure: true, errorCode: 'usage_limit_reached' },
  },
  {
    name: 'apilayer on an error status: 401 with error {code 101, type invalid_access_key}',
    status: 401,
    body: {
      success: false,
      error: { code: 101, type: 'invalid_access_key', info: 'You have not supplied a valid API Access Key.' },
    },
    expect: { failure: true, errorCode: 'invalid_access_key' },
  },
  {
    name: 'Taobao TOP error_response: numeric code beside sub_code isv.invalid-parameter',
    status: 200,
    body: {
      error_response: {
        code: 15,
        msg: 'Remote service error',
        sub_code: 'isv.invalid-parameter',
        sub_msg: 'the parameter num_iid is invalid',
        request_id: '10o1nj1qrbo1t',
      },
    },
    expect: { failure: true, errorCode: 'isv.invalid-parameter', message: 'num_iid is invalid' },
  },
  {
    name: 'numeric code beside errorType snake_case (in meta, on a 400)',
    status: 400,
    body: { meta: { code: 400, errorType: 'param_error', errorDetail: 'Must provide parameter ll' }, response: {} },
    expect: { failure: true, errorCode: 'param_error', message: 'Must provide parameter ll' },
  },
  {
    name: 'numeric error_code beside a camelCase error name (rippled)',
    status: 200,
    body: { result: { error: 'actNotFound', error_code: 19, error_message: 'Account not found.', status: 'error' } },
    expect: { failure: true, errorCode: 'actNotFound', message: 'Account not found.' },
  },
  {
    name: 'numeric code beside reason token in an error object (on a 403)',
    status: 403,
    body: { error: { code: 4031, reason: 'daily_quota_exceeded', message: 'Daily quota exceeded for this key.' } },
    expect: { failure: true, errorCode: 'daily_quota_exceeded' },
  },
  {
    name: 'numeric code beside an upper-case named sub code (on a 400)',
    status: 400,
    body: { error: { code: 1001, subCode: 'INVALID_EMAIL_FORMAT', message: 'The email address is not valid.' } },
    expect: { failure: true, errorCode: 'INVALID_EMAIL_FORMAT' },
  },
];

const KEPT_NUMERIC: Variant[] = [
  {
    name: 'Facebook Graph: code 190 beside type OAuthException stays 190',
    status: 400,
    body: {
      error: {
        message: 'Error validating access token: Session has expired.',
        type: 'OAuthException',
        code: 190,
        error_subcode: 463,
        fbtrace_id: 'AbCdEfGhIjKlMn',
      },
    },
    expect: { failure: true, errorCode: '190' },
  },
  {
    name: 'Deezer: code 800 beside type DataException stays 800',
    status: 200,
    body: { error: { type: 'DataException', message: 'no data', code: 800 } },
    expect: { failure: true, errorCode: '800' },
  },
  {
    name: 'Ampache: errorCode 4701 beside errorType "account" stays 4701',
    status: 200,
    body: {
      error: { errorCode: '4701', errorAction: 'handshake', errorType: 'account', errorMessage: 'Session Expired' },
    },
    expect: { failure: true, errorCode: '4701' },
  },
  {
    name: 'code 42 beside type "validation" (one word) stays 42',
    status: 422,
    body: { error: { code: 42, type: 'validation', message: 'Name is too long.' } },
    expect: { failure: true, errorCode: '42' },
  },
  {
    name: 'Stripe: a string code beside type card_error stays the code',
    status: 402,
    body: {
      error: {
        type: 'card_error',
        code: 'card_declined',
        decline_code: 'generic_decline',
        message: 'Your card was declined.',
      },
    },
    expect: { failure: true, errorCode: 'card_declined' },
  },
  {
    name: 'a numeric code beside a sibling in another object is not refined by it',
    status: 400,
    body: { error: { code: 1205, message: 'Invalid coordinates.' }, meta: { type: 'invalid_request_meta' } },
    expect: { failure: true, errorCode: '1205' },
  },
];

/** A reason phrase or wrapper written as a token (`NotFound`, `BadRequest`, `validation_error`) is a category. */
const CATEGORY_TOKENS: Variant[] = [
  {
    name: 'AfterShip: meta {code 4004, type NotFound} keeps 4004',
    status: 404,
    body: { meta: { code: 4004, message: 'Tracking does not exist.', type: 'NotFound' }, data: {} },
    expect: { failure: true, errorCode: '4004', message: 'Tracking does not exist.' },
  },
  {
    name: '{code 1002, type BadRequest} keeps 1002',
    status: 400,
    body: { error: { code: 1002, type: 'BadRequest', message: 'The date range is too wide.' } },
    expect: { failure: true, errorCode: '1002' },
  },
  {
    name: '{code 17, reason validation_error} keeps 17',
    status: 422,
    body: { error: { code: 17, reason: 'validation_error', message: 'Quantity must be positive.' } },
    expect: { failure: true, errorCode: '17' },
  },
];

const WRAPPERS: Variant[] = [
  {
    name: 'a two-sentence wrapper (MangoPay) with an errors dictionary',
    status: 400,
    body: {
      Message:
        'One or several required parameters are missing or incorrect. An incorrect resource ID also raises this kind of error.',
      Type: 'param_error',
      Id: '5c080105-4da3-467d-820d-0906164e55fe',
      Date: 1409048671.0,
      errors: { FirstName: 'The FirstName field is required.' },
    },
    expect: {
      failure: true,
      errorCode: 'param_error',
      message: 'The FirstName field is required.',
      errorId: '5c080105-4da3-467d-820d-0906164e55fe',
    },
  },
  {
    name: '"some of the fields are invalid" with an errors dict of lists',
    status: 422,
    body: { message: 'Some of the fields are invalid.', errors: { email: ['is not a valid address'] } },
    expect: { failure: true, message: 'is not a valid address' },
  },
  {
    name: 'a wrapper that points to `fields` (GoDaddy) with fields[] {code, message, path}',
    status: 422,
    body: {
      code: 'INVALID_BODY',
      message: "Request body doesn't fulfill schema, see details in `fields`",
      fields: [{ code: 'UNEXPECTED_TYPE', message: 'is not a ipv4', path: 'records[0].data' }],
    },
    expect: { failure: true, errorCode: 'INVALID_BODY', message: 'is not a ipv4' },
  },
  {
    name: 'a wrapper that says "see errors for details" with errors[]',
    status: 400,
    body: {
      message: 'Request validation failed, see errors for details.',
      errors: [{ field: 'amount', message: 'must be greater than 0' }],
    },
    expect: { failure: true, message: 'must be greater than 0' },
  },
  {
    name: '"Validation failed for the field [x]." is a wrapper',
    status: 422,
    body: {
      message: 'Validation failed for the field [createUser].',
      errors: { name: ['The name field is required.'] },
    },
    expect: { failure: true, message: 'The name field is required.' },
  },
  {
    name: 'a specific long message stays as it is',
    status: 400,
    body: {
      message:
        'The start date must be before the end date. Dates are compared in the account time zone, which is UTC here.',
      errors: { start: ['is after end'] },
    },
    expect: { failure: true, message: 'The start date must be before the end date' },
  },
];

describe('class 3 (round 2): a name beside a numeric code names the error', () => {
  it.each(rows(NAMED))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('class 3 (round 2): numeric codes that stay (class names, plain words, other objects)', () => {
  it.each(rows(KEPT_NUMERIC))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('class 3 (round 2): wrapper messages give way to the specific one beside them', () => {
  it.each(rows(WRAPPERS))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('class 3 (round 2): reason phrases written as tokens stay categories', () => {
  it.each(rows(CATEGORY_TOKENS))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
