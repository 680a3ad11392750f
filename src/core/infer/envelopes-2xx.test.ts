// Issue 13, class 2: 2xx envelopes whose own status field says the call failed, and the look-alikes
// that must stay successes. Table-driven over the shapes API docs publish: status words, flags (as
// booleans, strings and numbers), numeric result codes where 0 means success, bulk responses with
// per-item errors, wrappers, and "no results" statuses.
// Sources (shapes, not bodies): Google Maps Platform status codes, Etherscan, Flickr, OMDb, GeoNames,
// JSend, Slack, Kraken, OKX, Huobi, KuCoin, WeChat, eBay Trading (Ack), ExchangeRate-API,
// apilayer (ipstack/fixer), Last.fm, Paystack, Elasticsearch bulk, Airtable/Mailchimp batch docs.
import { describe, expect, it } from 'vitest';
import { classify } from '../classify';
import type { Classification } from '../types';

type Want = Partial<Pick<Classification, 'failure' | 'errorCode' | 'errorId' | 'retryable'>> & {
  messageHas?: string;
  /** The message must not contain this (a status word or wrapper standing in for the message). */
  messageNot?: string;
};

interface Row {
  name: string;
  body: unknown;
  want: Want;
  status?: number;
}

function check(row: Row): void {
  const c = classify({
    method: 'GET',
    url: 'https://api.example.test/v1/thing',
    status: row.status ?? 200,
    responseHeaders: { 'content-type': 'application/json; charset=utf-8' },
    body: typeof row.body === 'string' ? row.body : JSON.stringify(row.body),
  });
  const { messageHas, messageNot, ...rest } = row.want;
  expect(c).toMatchObject(rest);
  if (messageHas !== undefined) expect((c.message ?? '').toLowerCase()).toContain(messageHas.toLowerCase());
  if (messageNot !== undefined) expect((c.message ?? '').toLowerCase()).not.toContain(messageNot.toLowerCase());
  expect(c.notes.join(' ')).not.toMatch(/internal error while classifying|recognizer \S+ failed/);
}

const FAILURES: Row[] = [
  // Status words
  {
    name: 'status REQUEST_DENIED with error_message',
    body: { error_message: 'The provided API key is invalid.', results: [], status: 'REQUEST_DENIED' },
    want: { failure: true, errorCode: 'REQUEST_DENIED', messageHas: 'API key is invalid' },
  },
  {
    name: 'status INVALID_REQUEST without a message',
    body: { results: [], status: 'INVALID_REQUEST' },
    want: { failure: true, errorCode: 'INVALID_REQUEST' },
  },
  {
    name: 'status OVER_QUERY_LIMIT',
    body: { error_message: 'You have exceeded your rate-limit for this API.', status: 'OVER_QUERY_LIMIT' },
    want: { failure: true, errorCode: 'OVER_QUERY_LIMIT' },
  },
  {
    name: 'Etherscan status "0" / message NOTOK / prose in result',
    body: { status: '0', message: 'NOTOK', result: 'Invalid API Key' },
    want: { failure: true, messageHas: 'Invalid API Key' },
  },
  {
    name: 'Flickr stat fail with a numeric code',
    body: { stat: 'fail', code: 100, message: 'Invalid API Key (Key has invalid format)' },
    want: { failure: true, errorCode: '100', messageHas: 'Invalid API Key' },
  },
  {
    name: 'JSend fail with a field → message data object',
    body: { status: 'fail', data: { title: 'A title is required' } },
    want: { failure: true, messageHas: 'A title is required' },
  },
  {
    name: 'JSend error with message and code',
    body: { status: 'error', message: 'Unable to communicate with database', code: 'DB_DOWN' },
    want: { failure: true, errorCode: 'DB_DOWN', messageHas: 'Unable to communicate' },
  },
  {
    name: 'upper-case Status/Message keys',
    body: { Status: 'Error', Message: 'Account is locked', ErrorCode: 'ACCOUNT_LOCKED' },
    want: { failure: true, errorCode: 'ACCOUNT_LOCKED', messageHas: 'Account is locked' },
  },
  {
    name: 'eBay-style Ack Failure with an Errors list',
    body: {
      Timestamp: '2026-01-01T00:00:00.000Z',
      Ack: 'Failure',
      Errors: [
        {
          ShortMessage: 'Auth token is invalid.',
          LongMessage: 'Validation of the authentication token in API request failed.',
          ErrorCode: '931',
          SeverityCode: 'Error',
          ErrorClassification: 'RequestError',
        },
      ],
      Version: '1271',
    },
    want: { failure: true, errorCode: '931', messageHas: 'authentication token' },
  },
  {
    name: 'ExchangeRate-API result error with error-type',
    body: { result: 'error', 'error-type': 'invalid-key' },
    want: { failure: true, errorCode: 'invalid-key' },
  },
  {
    name: 'Huobi status error with err-code / err-msg',
    body: { status: 'error', 'err-code': 'invalid-parameter', 'err-msg': 'invalid symbol', data: null },
    want: { failure: true, errorCode: 'invalid-parameter', messageHas: 'invalid symbol' },
  },
  {
    name: 'resultStatus FAILURE with a reason',
    body: { resultStatus: 'FAILURE', reason: 'Card expired', reasonCode: 'CARD_EXPIRED' },
    want: { failure: true, errorCode: 'CARD_EXPIRED', messageHas: 'Card expired' },
  },
  // Flags
  {
    name: 'ok false with a token error (Slack-like, other vendor)',
    body: { ok: false, error: 'invalid_auth', warning: 'missing_charset' },
    want: { failure: true, errorCode: 'invalid_auth' },
  },
  {
    name: 'success false with an error object',
    body: { success: false, error: { code: 'QUOTA_EXCEEDED', message: 'Monthly quota exceeded' } },
    want: { failure: true, errorCode: 'QUOTA_EXCEEDED', messageHas: 'Monthly quota exceeded' },
  },
  {
    name: 'apilayer success false with code/type/info',
    body: {
      success: false,
      error: { code: 101, type: 'missing_access_key', info: 'You have not supplied an API Access Key.' },
    },
    want: { failure: true, messageHas: 'not supplied an API Access Key' },
  },
  {
    name: 'success false, message only',
    body: { success: false, message: 'Invalid API key' },
    want: { failure: true, messageHas: 'Invalid API key' },
  },
  {
    name: 'success as the string "false"',
    body: { success: 'false', message: 'Token has expired' },
    want: { failure: true, messageHas: 'Token has expired' },
  },
  {
    name: 'OMDb Response "False" with Error',
    body: { Response: 'False', Error: 'Incorrect IMDb ID.' },
    want: { failure: true, messageHas: 'Incorrect IMDb ID' },
  },
  {
    name: 'Paystack status false',
    body: { status: false, message: 'Invalid key' },
    want: { failure: true, messageHas: 'Invalid key' },
  },
  {
    name: 'isSuccess false with errorMessage',
    body: { isSuccess: false, errorMessage: 'Customer not found', errorCode: 'E404_CUSTOMER' },
    want: { failure: true, errorCode: 'E404_CUSTOMER', messageHas: 'Customer not found' },
  },
  {
    name: 'hasErrors true with an errors list',
    body: { hasErrors: true, errors: [{ code: 'DUPLICATE', message: 'Email already registered' }], data: null },
    want: { failure: true, errorCode: 'DUPLICATE', messageHas: 'Email already registered' },
  },
  {
    name: 'error true with a message',
    body: { error: true, message: 'Invalid coordinates' },
    want: { failure: true, messageHas: 'Invalid coordinates' },
  },
  {
    name: 'Last.fm numeric error code beside the message',
    body: { error: 6, message: 'The artist you supplied could not be found', links: [] },
    want: { failure: true, errorCode: '6', messageHas: 'could not be found' },
  },
  {
    name: 'Kraken error list with a result object',
    body: { error: ['EGeneral:Invalid arguments'], result: {} },
    want: { failure: true, messageHas: 'Invalid arguments' },
  },
  // Numeric result codes
  {
    name: 'WeChat errcode/errmsg',
    body: { errcode: 40013, errmsg: 'invalid appid' },
    want: { failure: true, errorCode: '40013', messageHas: 'invalid appid' },
  },
  {
    name: 'OKX code as a string with msg',
    body: { code: '51000', msg: 'Parameter instId error', data: [] },
    want: { failure: true, errorCode: '51000', messageHas: 'Parameter instId error' },
  },
  {
    name: 'KuCoin six-digit code with msg',
    body: { code: '400100', msg: 'Parameter error: symbol is invalid' },
    want: { failure: true, errorCode: '400100', messageHas: 'symbol is invalid' },
  },
  {
    name: 'returnCode / returnMsg',
    body: { returnCode: '1001', returnMsg: 'Signature verification failed' },
    want: { failure: true, errorCode: '1001', messageHas: 'Signature verification failed' },
  },
  {
    name: 'result code under a meta object',
    body: { meta: { code: 4003, message: 'Token expired' }, data: null },
    want: { failure: true, errorCode: '4003', messageHas: 'Token expired' },
  },
  {
    name: 'GeoNames status object with message and value',
    body: {
      status: {
        message: 'user account not enabled to use the free webservice. Please enable it on your account page',
        value: 10,
      },
    },
    want: { failure: true, errorCode: '10', messageHas: 'user account not enabled' },
  },
  {
    name: 'an error object at the top with no flag',
    body: { error: { code: 'invalid_grant', message: 'Refresh token revoked' } },
    want: { failure: true, errorCode: 'invalid_grant', messageHas: 'Refresh token revoked' },
  },
  {
    name: 'errors list without data',
    body: { errors: [{ code: 'not_permitted', detail: 'You cannot edit this board' }] },
    want: { failure: true, errorCode: 'not_permitted', messageHas: 'cannot edit this board' },
  },
  // Bulk and per-item
  {
    name: 'Elasticsearch-style bulk: errors true, the first failed item speaks',
    body: {
      took: 3,
      errors: true,
      items: [
        { index: { _index: 'a', _id: '1', status: 201, result: 'created' } },
        {
          index: {
            _index: 'a',
            _id: '2',
            status: 400,
            error: { type: 'mapper_parsing_exception', reason: 'failed to parse field [age] of type [long]' },
          },
        },
      ],
    },
    want: { failure: true, errorCode: 'mapper_parsing_exception', messageHas: 'failed to parse field' },
  },
  {
    name: 'batch results with errors true and item error strings',
    body: { errors: true, results: [{ id: 1 }, { error: 'Email is invalid' }] },
    want: { failure: true, messageHas: 'Email is invalid' },
  },
  {
    name: 'per-item status error under data',
    body: {
      data: [{ status: 'error', code: 'INVALID_DATA', message: 'invalid data', details: { api_name: 'Email' } }],
    },
    want: { failure: true, errorCode: 'INVALID_DATA' },
  },
  {
    name: 'top-level array of per-item results, the first failed',
    body: [{ status: 'error', code: 'MANDATORY_NOT_FOUND', message: 'required field not found' }],
    want: { failure: true, errorCode: 'MANDATORY_NOT_FOUND', messageHas: 'required field not found' },
  },
  // Wrappers
  {
    name: 'one-key wrapper around a failed envelope',
    body: {
      'subsonic-response': {
        status: 'failed',
        version: '1.16.1',
        error: { code: 40, message: 'Wrong username or password' },
      },
    },
    want: { failure: true, errorCode: '40', messageHas: 'Wrong username or password' },
  },
  {
    name: 'Response wrapper with Error object',
    body: {
      Response: {
        Error: { Code: 'AuthFailure', Message: 'The signature does not match' },
        RequestId: 'b1f7c2d4-9e3a-4f6b-8c1d-2a5e7f9b0c3d',
      },
    },
    want: { failure: true, errorCode: 'AuthFailure', errorId: 'b1f7c2d4-9e3a-4f6b-8c1d-2a5e7f9b0c3d' },
  },
  {
    name: 'status failure with a reason sentence',
    body: { status: 'failure', reason: 'Invalid signature for this merchant' },
    want: { failure: true, messageHas: 'Invalid signature' },
  },
  {
    name: 'capitalised Success false with ErrorCode',
    body: { Success: false, Message: 'Session has expired', ErrorCode: 12 },
    want: { failure: true, errorCode: '12', messageHas: 'Session has expired' },
  },
  {
    name: 'result fail with errorCode / errorMsg',
    body: { result: 'fail', errorCode: 'E01', errorMsg: 'Order does not exist' },
    want: { failure: true, errorCode: 'E01', messageHas: 'Order does not exist' },
  },
  {
    name: 'a negative code beside a message',
    body: { code: -1, message: 'Invalid signature' },
    want: { failure: true, errorCode: '-1', messageHas: 'Invalid signature' },
  },
  {
    name: 'code as a failure word',
    body: { code: 'ERROR', message: 'Invalid token' },
    want: { failure: true, messageHas: 'Invalid token' },
  },
  {
    name: 'numeric status that is an HTTP error status',
    body: { status: 401, message: 'Authentication failed: token expired' },
    want: { failure: true, messageHas: 'token expired' },
  },
  {
    name: 'ok false alone',
    body: { ok: false },
    want: { failure: true },
  },
  {
    name: 'rc non-zero with an error text',
    body: { rc: 3, error: 'Device offline, command not delivered' },
    want: { failure: true, messageHas: 'Device offline' },
  },
  {
    name: 'Notion-style object "error" on a 200',
    body: {
      object: 'error',
      status: 400,
      code: 'validation_error',
      message: 'body failed validation: body.parent should be defined',
    },
    want: { failure: true, errorCode: 'validation_error', messageHas: 'body failed validation' },
  },
  {
    name: 'status error with a field → message object under errors',
    body: { status: 'error', errors: { email: 'Invalid email address' } },
    want: { failure: true, messageHas: 'Invalid email address' },
  },
  {
    name: 'success false with a field → messages dictionary',
    body: { success: false, errors: { name: ["can't be blank"] } },
    want: { failure: true, messageHas: "can't be blank" },
  },
  {
    name: 'result error with a reason sentence',
    body: { result: 'error', reason: 'Invalid API key supplied' },
    want: { failure: true, messageHas: 'Invalid API key supplied' },
  },
  {
    name: 'status NOT_OK and KO words',
    body: { status: 'NOT_OK', reason: 'Quota exhausted for today' },
    want: { failure: true, messageHas: 'Quota exhausted' },
  },
  {
    name: 'error.errors[0] under a 200',
    body: { error: { errors: [{ code: 'E_SCOPE', message: 'Token lacks scope orders:write' }] } },
    want: { failure: true, errorCode: 'E_SCOPE', messageHas: 'lacks scope' },
  },
  {
    name: 'a status one level down under result',
    body: { result: { status: 'error', error: 'srcActMissing', error_message: 'Source account not provided.' } },
    want: { failure: true, errorCode: 'srcActMissing', messageHas: 'Source account not provided' },
  },
];

const SUCCESSES: Row[] = [
  { name: 'error null beside data', body: { error: null, data: { id: 'u_1', name: 'Ada' } }, want: { failure: false } },
  { name: 'errors empty list beside data', body: { data: { items: [] }, errors: [] }, want: { failure: false } },
  {
    name: 'errors false',
    body: { errors: false, took: 4, items: [{ index: { status: 201 } }] },
    want: { failure: false },
  },
  { name: 'error false', body: { error: false, data: [1, 2] }, want: { failure: false } },
  { name: 'error empty string', body: { error: '', result: { balance: '1.0' } }, want: { failure: false } },
  { name: 'error empty object', body: { error: {}, result: 'ok' }, want: { failure: false } },
  {
    name: 'error 0 (a numeric no-error)',
    body: { error: 0, message: 'success', data: { n: 3 } },
    want: { failure: false },
  },
  { name: 'Kraken empty error list', body: { error: [], result: { XXBTZUSD: {} } }, want: { failure: false } },
  { name: 'ZERO_RESULTS', body: { results: [], status: 'ZERO_RESULTS' }, want: { failure: false } },
  { name: 'status OK', body: { results: [{ place_id: 'x' }], status: 'OK' }, want: { failure: false } },
  { name: 'ok true', body: { ok: true, channel: { id: 'C123' } }, want: { failure: false } },
  { name: 'success true with errors null', body: { success: true, errors: null, data: {} }, want: { failure: false } },
  { name: 'code 0 msg ok', body: { code: 0, msg: 'ok', data: {} }, want: { failure: false } },
  { name: 'code "0000" with a message', body: { code: '0000', msg: 'success', data: {} }, want: { failure: false } },
  { name: 'code 200 message OK', body: { code: 200, message: 'OK', data: [] }, want: { failure: false } },
  {
    name: 'code "SUCCESS" with a message',
    body: { code: 'SUCCESS', message: 'Request processed' },
    want: { failure: false },
  },
  { name: 'errcode 0', body: { errcode: 0, errmsg: 'ok', access_token: 'x' }, want: { failure: false } },
  { name: 'KuCoin success code 200000', body: { code: '200000', data: { balance: '1' } }, want: { failure: false } },
  { name: 'Etherscan status 1 OK', body: { status: '1', message: 'OK', result: [] }, want: { failure: false } },
  {
    name: 'Etherscan "no transactions found" is no results, not a failure',
    body: { status: '0', message: 'No transactions found', result: [] },
    want: { failure: false },
  },
  { name: 'stat ok', body: { stat: 'ok', photos: { page: 1 } }, want: { failure: false } },
  { name: 'OMDb Response True', body: { Response: 'True', Search: [], totalResults: '0' }, want: { failure: false } },
  { name: 'result success', body: { result: 'success', conversion_rate: 0.91 }, want: { failure: false } },
  { name: 'hasErrors false', body: { hasErrors: false, errors: [], data: { id: 1 } }, want: { failure: false } },
  { name: 'counts of failures are data', body: { failed: 0, succeeded: 10, errors: 0 }, want: { failure: false } },
  {
    name: 'a record whose state is failed',
    body: {
      id: 'job_8f2',
      object: 'job',
      status: 'failed',
      created: 1700000000,
      name: 'nightly',
      attempts: 3,
      queue: 'default',
      finished_at: 1700000100,
      error: 'OOMKilled',
      owner: 'ci',
    },
    want: { failure: false },
  },
  {
    name: 'a list of records with states',
    body: { data: [{ id: 1, status: 'error', message: 'webhook endpoint returned 500' }], has_more: false },
    want: { failure: false },
  },
  {
    name: 'status object with value 0',
    body: { status: { value: 0, message: 'OK' }, data: {} },
    want: { failure: false },
  },
  {
    name: 'a message that says success',
    body: { message: 'Successfully deleted', deleted: true },
    want: { failure: false },
  },
  {
    name: 'success with warnings',
    body: { success: true, warnings: [{ code: 'DEPRECATED', message: 'v1 ends soon' }] },
    want: { failure: false },
  },
  {
    name: 'error_code 0 with an empty error_msg',
    body: { error_code: 0, error_msg: '', data: { id: 5 } },
    want: { failure: false },
  },
  {
    name: 'errorCode "0" with a null message',
    body: { errorCode: '0', errorMessage: null, result: [] },
    want: { failure: false },
  },
  { name: 'errors null', body: { errors: null, data: { user: null } }, want: { failure: false } },
  { name: 'errors empty object', body: { errors: {}, total: 0 }, want: { failure: false } },
  {
    name: 'an error object with code 0 and no message',
    body: { error: { code: 0, message: '' }, data: { n: 1 } },
    want: { failure: false },
  },
  {
    name: 'a failed job inside data of a successful envelope',
    body: { status: 'success', data: { status: 'failed', id: 'job_1' } },
    want: { failure: false },
  },
  {
    name: 'numeric status 1 (success in several APIs)',
    body: { status: 1, message: 'Done', data: {} },
    want: { failure: false },
  },
  {
    name: 'an uptime check that reports the checked URL’s 404',
    body: {
      url: 'https://example.org/x',
      status: 404,
      message: 'Not Found',
      responseTimeMs: 120,
      checkedAt: '2026-01-01T00:00:00Z',
      region: 'eu-west-1',
      redirects: 0,
    },
    want: { failure: false },
  },
  { name: 'warning beside ok true', body: { ok: true, warning: 'superfluous_charset' }, want: { failure: false } },
  { name: 'ack Success', body: { Ack: 'Success', Timestamp: '2026-01-01T00:00:00Z' }, want: { failure: false } },
];

describe('class 2: 2xx envelopes that say they failed', () => {
  it.each(FAILURES.map((r) => [r.name, r] as const))('%s', (_n, row) => check(row));
});

describe('class 2: look-alikes that stay successes', () => {
  it.each(SUCCESSES.map((r) => [r.name, r] as const))('%s', (_n, row) => check(row));
});
