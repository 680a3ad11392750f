// Round-3 reach-g classes of issue 13, from vendors' own error references:
// 1. a failure whose only message is an upper-case tag (`{status: "error", message: "API_KEY_EXPIRED"}`)
//    names its code there;
// 2. a failure with an empty body whose vendor header carries the message (`X-BambooHR-Error-Message`);
// 3. a rate-limit code on a fix-the-request status (a 401 `API_KEY_RATE_LIMIT`) is transient;
// 4. a 2xx whose `SUMMARY` status object carries a failing `RESPONSE_CODE` and `RESPONSE_MESSAGE` failed (Synoptic);
// 5. a top-level `reason` of one capitalized word beside a message is the code (Gemini `reason: "Maintenance"`).
// Each class has counter-examples that must keep their old reading.
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const MESSAGE_TAGS: Variant[] = [
  {
    name: 'status error + message tag on 401',
    status: 401,
    body: { status: 'error', message: 'API_KEY_EXPIRED' },
    expect: { failure: true, errorCode: 'API_KEY_EXPIRED', retryable: false },
  },
  {
    name: 'message tag on 400',
    status: 400,
    body: { status: 'error', message: 'WRONG_PARAMETERS' },
    expect: { failure: true, errorCode: 'WRONG_PARAMETERS', retryable: false },
  },
  {
    name: 'msg key with a tag and a numeric status',
    status: 403,
    body: { success: false, msg: 'ACCESS_NOT_ALLOWED' },
    expect: { failure: true, errorCode: 'ACCESS_NOT_ALLOWED' },
  },
  {
    name: 'tag under a wrapper object',
    status: 404,
    body: { result: 'error', data: null, message: 'SHIPMENT_NOT_FOUND' },
    expect: { failure: true, errorCode: 'SHIPMENT_NOT_FOUND', retryable: false },
  },
  {
    name: 'a 2xx that says it failed, message a tag',
    status: 200,
    body: { status: 'error', message: 'API_KEY_LIMIT_REACHED' },
    expect: { failure: true, errorCode: 'API_KEY_LIMIT_REACHED', retryable: false },
  },
  {
    name: 'counter: an explicit code wins over the message tag',
    status: 400,
    body: { code: 'invalid_request', message: 'MISSING_FIELD' },
    expect: { failure: true, errorCode: 'invalid_request' },
  },
  {
    name: 'counter: a one-word upper-case message is not taken as a code',
    status: 400,
    body: { status: 'error', message: 'FAILED' },
    expect: { failure: true, errorCode: null },
  },
  {
    name: 'counter: prose message stays the message and gives no code',
    status: 400,
    body: { status: 'error', message: 'The origin port is missing' },
    expect: { failure: true, errorCode: null, message: 'The origin port is missing' },
  },
  {
    name: 'counter: a success whose message is a tag stays a success with no code',
    status: 200,
    body: { status: 'ok', message: 'USER_CREATED' },
    expect: { failure: false, errorCode: null },
  },
];

const HEADER_MESSAGES: Variant[] = [
  {
    name: 'X-<vendor>-Error-Message on a 401 with an empty body',
    status: 401,
    headers: { 'x-bamboohr-error-message': 'Invalid API key' },
    body: '',
    expect: { failure: true, message: 'Invalid API key', retryable: false },
  },
  {
    name: 'X-Error-Message on a 403',
    status: 403,
    headers: { 'x-error-message': 'You do not have access to this table' },
    body: '',
    expect: { failure: true, message: 'You do not have access to this table' },
  },
  {
    name: 'X-<vendor>-Error-Detail on a 404',
    status: 404,
    headers: { 'x-acme-error-detail': 'Employee 999 does not exist' },
    body: '',
    expect: { failure: true, message: 'Employee 999 does not exist' },
  },
  {
    name: 'X-ErrorMessage (no hyphen) on a 400',
    status: 400,
    headers: { 'x-errormessage': 'Field lastName is required' },
    body: '',
    expect: { failure: true, message: 'Field lastName is required' },
  },
  {
    name: 'counter: the body message wins over the header',
    status: 400,
    headers: { 'x-error-message': 'generic header text' },
    body: { error: { code: 'bad_date', message: 'The date must be a valid date.' } },
    expect: { failure: true, message: 'The date must be a valid date.' },
  },
  {
    name: 'counter: a success keeps no message from a stray header',
    status: 200,
    headers: { 'x-error-message': 'none' },
    body: { id: 7 },
    expect: { failure: false, message: null },
  },
  {
    name: 'counter: a header value without letters is not a message',
    status: 500,
    headers: { 'x-error-message': '0' },
    body: '',
    expect: { failure: true, message: null },
  },
];

const RATE_CODES: Variant[] = [
  {
    name: '401 API_KEY_RATE_LIMIT (frequency limit on the key)',
    status: 401,
    body: { status: 'error', message: 'API_KEY_RATE_LIMIT' },
    expect: { failure: true, errorCode: 'API_KEY_RATE_LIMIT', retryable: true },
  },
  {
    name: '401 code rate_limited beside a message',
    status: 401,
    body: { error: { code: 'rate_limited', message: 'Slow down' } },
    expect: { failure: true, errorCode: 'rate_limited', retryable: true },
  },
  {
    name: '420 Throttled code',
    status: 420,
    body: { errors: [{ code: 'Throttled', message: 'Enhance your calm' }] },
    expect: { failure: true, retryable: true },
  },
  {
    name: 'counter: 401 API_KEY_LIMIT_REACHED (allowance used up) stays not retryable',
    status: 401,
    body: { status: 'error', message: 'API_KEY_LIMIT_REACHED' },
    expect: { failure: true, errorCode: 'API_KEY_LIMIT_REACHED', retryable: false },
  },
  {
    name: 'counter: 401 invalid_rate_limit_header is a request to fix',
    status: 401,
    body: { error: 'invalid_rate_limit_header', error_description: 'The header is malformed' },
    expect: { failure: true, retryable: false },
  },
  {
    name: 'counter: 401 rate_limit code whose message says the daily quota is used up and to upgrade',
    status: 401,
    body: { code: 'rate_limit_exceeded', message: 'Daily quota used up. Upgrade your plan to continue.' },
    expect: { failure: true, retryable: false },
  },
  {
    name: 'counter: 401 invalid token stays not retryable',
    status: 401,
    body: { status: 'error', message: 'API_KEY_WRONG' },
    expect: { failure: true, errorCode: 'API_KEY_WRONG', retryable: false },
  },
];

const SUMMARY_HOLDERS: Variant[] = [
  {
    name: 'SUMMARY with a negative RESPONSE_CODE in a 200',
    status: 200,
    body: { SUMMARY: { NUMBER_OF_OBJECTS: 0, RESPONSE_CODE: -1, RESPONSE_MESSAGE: 'START cannot be after END.' } },
    expect: { failure: true, message: 'START cannot be after END.', retryable: false },
  },
  {
    name: 'summary (lower case) with responseCode and responseMessage beside data',
    status: 200,
    body: { summary: { responseCode: 403, responseMessage: 'Token not authorized for this station' }, data: [] },
    expect: { failure: true, message: 'Token not authorized for this station' },
  },
  {
    name: 'top-level response_code and result_message in a 200',
    status: 200,
    body: { response_code: 7, result_message: 'Unknown station identifier' },
    expect: { failure: true, message: 'Unknown station identifier' },
  },
  {
    name: 'counter: SUMMARY with RESPONSE_CODE 0 and OK stays a success',
    status: 200,
    body: { SUMMARY: { NUMBER_OF_OBJECTS: 1, RESPONSE_CODE: 0, RESPONSE_MESSAGE: 'OK' }, STATION: [{ STID: 'WBB' }] },
    expect: { failure: false },
  },
  {
    name: 'counter: a summary of counts is data, not a status',
    status: 200,
    body: { summary: { total: 3, failed: 0 }, items: [1, 2, 3] },
    expect: { failure: false },
  },
];

const REASON_WORDS: Variant[] = [
  {
    name: 'result error + reason Maintenance on 503',
    status: 503,
    body: { result: 'error', reason: 'Maintenance', message: 'The system is down for maintenance' },
    expect: { failure: true, errorCode: 'Maintenance', retryable: true },
  },
  {
    name: 'reason Blocked beside a message on 403',
    status: 403,
    body: { reason: 'Blocked', message: 'This account is blocked from trading' },
    expect: { failure: true, errorCode: 'Blocked', retryable: false },
  },
  {
    name: 'camel-case reason still taken',
    status: 406,
    body: { result: 'error', reason: 'InsufficientFunds', message: 'Not enough USD to place the order' },
    expect: { failure: true, errorCode: 'InsufficientFunds', retryable: false },
  },
  {
    name: 'counter: a reason restating the status is no code',
    status: 401,
    body: { reason: 'Unauthorized', message: 'The API key is invalid' },
    expect: { failure: true, errorCode: null, message: 'The API key is invalid' },
  },
  {
    name: 'counter: a lower-case one-word reason at the top is not taken',
    status: 400,
    body: { reason: 'invalid', message: 'The price is invalid' },
    expect: { failure: true, errorCode: null },
  },
];

describe('a failure whose only message is an upper-case tag', () => {
  it.each(rows(MESSAGE_TAGS))('%s', (_, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('a failure whose message is in a vendor error-message header', () => {
  it.each(rows(HEADER_MESSAGES))('%s', (_, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('a rate-limit code on a fix-the-request status', () => {
  it.each(rows(RATE_CODES))('%s', (_, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('a summary status object of a 2xx', () => {
  it.each(rows(SUMMARY_HOLDERS))('%s', (_, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('a top-level reason word beside a message', () => {
  it.each(rows(REASON_WORDS))('%s', (_, v) => expect(variantMismatches(v)).toEqual([]));
});
