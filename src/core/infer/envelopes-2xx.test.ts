// Issue 13, class 2: 2xx envelopes whose own status field says the call failed, and the look-alikes
// that must stay successes. Table-driven over the shapes API docs publish: status words, flags (as
// booleans, strings and numbers), numeric result codes where 0 means success, bulk responses with
// per-item errors, wrappers, and "no results" statuses.
// Sources (shapes, not bodies): Google Maps Platform status codes, Etherscan, Flickr, OMDb, GeoNames,
// JSend, Slack, Kraken, OKX, Huobi, KuCoin, WeChat, eBay Trading (Ack), ExchangeRate-API,
// apilayer (ipstack/fixer), Last.fm, Paystack, Elasticsearch bulk, Airtable/Mailchimp batch docs.
import { describe, expect, it } from 'vitest';
import { classify } from '../classify';
import { type Classification } from '../types';
import { partialRowMismatches, type PartialRow } from '../testing/partial-rows';
import { rows, variantMismatches, type Variant } from '../testing/variants';

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

// Session 19 (reach-w), issue 13: which text is the message (and whether a 2xx failed), in shapes official SDKs
// and clients parse (sources: corpus/tools/reach-w-sources.md). Each rule has counter rows: what those parsers
// leave alone (a warning beside a success, an all-success envelope, a success code 0, a message that says
// enough on its own).
const table = (rows: PartialRow[]): void => {
  for (const row of rows) it(row.name, () => expect(partialRowMismatches(row)).toEqual([]));
};
const xml = 'application/xml';
describe('2xx XML envelopes: which status word speaks', () => {
  table([
    {
      name: 'Sage Intacct: control and authentication success, result failure',
      contentType: xml,
      body: '<?xml version="1.0" encoding="UTF-8"?><response><control><status>success</status></control><operation><authentication><status>success</status></authentication><result><status>failure</status><function>create</function><errormessage><error><errorno>BL34000061</errorno><description></description><description2>Another Class with the given value(s) 1 already exists</description2><correction>Use a unique value instead.</correction></error></errormessage></result></operation></response>',
      messageHas: 'already exists',
    },
    {
      name: 'counter: Sage Intacct with every layer success',
      contentType: xml,
      failure: false,
      body: '<?xml version="1.0"?><response><control><status>success</status></control><operation><authentication><status>success</status></authentication><result><status>success</status><function>readByQuery</function><data count="0"></data></result></operation></response>',
    },
    {
      name: 'eBay Trading: <Ack>Failure</Ack>, LongMessage is the message',
      contentType: 'text/xml',
      body: '<?xml version="1.0" encoding="UTF-8"?><GeteBayOfficialTimeResponse xmlns="urn:ebay:apis:eBLBaseComponents"><Ack>Failure</Ack><Errors><ShortMessage>Auth token is invalid.</ShortMessage><LongMessage>Validation of the authentication token in API request failed.</LongMessage><ErrorCode>931</ErrorCode><SeverityCode>Error</SeverityCode></Errors></GeteBayOfficialTimeResponse>',
      code: '931',
      messageHas: 'Validation of the authentication token in API request failed.',
    },
    {
      name: 'PayPal classic SOAP: <Ack>Failure</Ack> with ShortMessage only',
      contentType: 'text/xml',
      body: '<?xml version="1.0"?><SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body><GetBalanceResponse xmlns="urn:ebay:api:PayPalAPI"><Ack xmlns="urn:ebay:apis:eBLBaseComponents">Failure</Ack><Errors xmlns="urn:ebay:apis:eBLBaseComponents"><ShortMessage>Authentication/Authorization Failed</ShortMessage><ErrorCode>10002</ErrorCode><SeverityCode>Error</SeverityCode></Errors></GetBalanceResponse></SOAP-ENV:Body></SOAP-ENV:Envelope>',
      messageHas: 'Authentication/Authorization Failed',
    },
    {
      name: 'counter: eBay <Ack>Warning</Ack> is a success',
      contentType: 'text/xml',
      failure: false,
      body: '<?xml version="1.0" encoding="UTF-8"?><AddItemResponse xmlns="urn:ebay:apis:eBLBaseComponents"><Ack>Warning</Ack><Errors><ShortMessage>Funds may be unavailable.</ShortMessage><LongMessage>Funds from your sales may be unavailable.</LongMessage><ErrorCode>21917236</ErrorCode><SeverityCode>Warning</SeverityCode></Errors><ItemID>110043671232</ItemID></AddItemResponse>',
    },
    {
      name: 'counter: eBay <Ack>Success</Ack>',
      contentType: 'text/xml',
      failure: false,
      body: '<?xml version="1.0"?><GeteBayOfficialTimeResponse xmlns="urn:ebay:apis:eBLBaseComponents"><Timestamp>2026-01-01T00:00:00.000Z</Timestamp><Ack>Success</Ack></GeteBayOfficialTimeResponse>',
    },
  ]);
});
describe('2xx JSON envelopes', () => {
  table([
    {
      name: 'WordPress wp_send_json_error: data {message}',
      body: { success: false, data: { message: 'Coupon code has expired' } },
      messageHas: 'Coupon code has expired',
    },
    {
      name: 'WordPress wp_send_json_error: data is the message string',
      body: { success: false, data: 'You are not allowed to do this.' },
      messageHas: 'You are not allowed to do this.',
    },
    {
      name: 'WordPress wp_send_json_error(WP_Error): data [{code, message}]',
      body: { success: false, data: [{ code: 'invalid_nonce', message: 'The link you followed has expired.' }] },
      code: 'invalid_nonce',
      messageHas: 'The link you followed has expired.',
    },
    {
      name: 'counter: wp_send_json_error("-1") has no message',
      body: { success: false, data: '-1' },
      messageHas: null,
    },
    {
      name: 'counter: errorCode 0 + errorMessage "success" is a success (WeIdentity)',
      failure: false,
      body: { errorCode: 0, errorMessage: 'success', result: { cptId: 1000, cptVersion: 1 } },
    },
    {
      name: 'counter: errorCode 0 + errorMessage "Success" beside a list',
      failure: false,
      body: { responseObject: [], errorCode: 0, errorMessage: 'Success' },
    },
    {
      name: 'a non-zero errorCode with its message on a 200 still fails',
      body: { succeed: false, data: {}, errorCode: 100002, errorMessage: 'Request parameters are wrong' },
      messageHas: 'Request parameters are wrong',
    },
  ]);
});

// Issue 13, session 16 (reach-i): the classes behind the misses of a fresh batch of IoT clouds, FHIR
// servers, serverless platforms, accounting and AI APIs. Each table varies names, nestings, casing and
// value shapes, with counter-examples that must keep today's reading.
// Shapes from: Apache OpenWhisk (`{code: <transaction id>, error}`), Tuya (`tid`), MyQ
// (`ReturnCode`/`ErrorMessage`/`CorrelationId` in a 200), HL7 FHIR OperationOutcome (JSON and XML),
// Azure IoT Hub (`ErrorCode:…;…` and a JSON document inside `Message`), Sage SData (`$dataCode`),
// DeepInfra and Zhipu (retry verdicts worded in the message), ChainGateway (UUID error codes).
/** Class 2: a result code in the 2xx range beside an explicit error message is a failure code, not an echo. */
const RESULT_CODES_2XX: Variant[] = [
  {
    name: 'MyQ: 200 {ReturnCode: "216", ErrorMessage, CorrelationId}',
    status: 200,
    body: {
      ReturnCode: '216',
      ErrorMessage: 'Unauthorized (216)',
      CorrelationId: 'eda79a01-352e-4cb7-a78f-147f6f47e3ec',
    },
    expect: {
      failure: true,
      errorCode: '216',
      errorId: 'eda79a01-352e-4cb7-a78f-147f6f47e3ec',
      message: 'Unauthorized (216)',
    },
  },
  {
    name: 'snake case, a number: 200 {return_code: 210, error_message}',
    status: 200,
    body: { return_code: 210, error_message: 'Device is offline.' },
    expect: { failure: true, errorCode: '210', message: 'Device is offline.' },
  },
  {
    name: 'counter: 200 {resultCode: 200, errorMessage: ""} is a success',
    status: 200,
    body: { resultCode: 200, errorMessage: '', data: { id: 7 } },
    expect: { failure: false },
  },
  {
    name: 'counter: 200 {code: 201, message: "Created"} is a success',
    status: 200,
    body: { code: 201, message: 'Created' },
    expect: { failure: false },
  },
  {
    name: 'counter: an echo beside an error message slot: 200 {ReturnCode: 200, ErrorMessage: "OK"}',
    status: 200,
    body: { ReturnCode: 200, ErrorMessage: 'OK' },
    expect: { failure: false },
  },
];
describe('2xx-range result codes beside an error message', () => {
  it.each(rows(RESULT_CODES_2XX))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

// Issue 13, reach-j: the classes behind the misses of a fresh batch of responses that users pasted
// into issues of self-hosted software (Gotify, phpIPAM, Joomla, Tautulli, qBittorrent, Canonical's
// identity admin UI, OpenStack-style WebOb faults). Each table holds variants of one class (names,
// nestings, casing, value shapes) and the counter-examples that must keep their current reading.
/** 2xx bodies whose own status fields, wrapped or sent as numbers, say the call failed. */
const FAILED_2XX: Variant[] = [
  {
    name: '`response` wrapper with result "error" and no message (Tautulli)',
    status: 200,
    body: { response: { message: null, data: {}, result: 'error' } },
    expect: { failure: true, message: null },
  },
  {
    name: '`response` wrapper with result "error" and a message',
    status: 200,
    body: { response: { result: 'error', message: 'Invalid apikey', data: {} } },
    expect: { failure: true, message: 'Invalid apikey' },
  },
  {
    name: 'a lone `api-response` wrapper with status "failed"',
    status: 200,
    body: { 'api-response': { status: 'failed', message: 'No such user' } },
    expect: { failure: true, message: 'No such user' },
  },
  {
    name: 'a lone `reply` wrapper with status "error"',
    status: 200,
    body: { reply: { status: 'error', msg: 'device offline' } },
    expect: { failure: true, message: 'device offline' },
  },
  {
    name: 'success: 0 beside code 200 and a message (phpIPAM)',
    status: 200,
    body: { code: 200, success: 0, message: 'Address not found', time: 0.004 },
    expect: { failure: true, message: 'Address not found' },
  },
  {
    name: 'success: 0 beside a message',
    status: 200,
    body: { success: 0, message: 'Invalid token' },
    expect: { failure: true, message: 'Invalid token' },
  },
  {
    name: 'ok: 0 beside errmsg and a code (MongoDB)',
    status: 200,
    body: { ok: 0, errmsg: 'not authorized on admin to execute command', code: 13 },
    expect: { failure: true, message: 'not authorized on admin' },
  },
  {
    name: 'plain text `Fails.` (qBittorrent login)',
    status: 200,
    type: 'text/plain; charset=UTF-8',
    body: 'Fails.',
    expect: { failure: true, message: 'Fails.' },
  },
  {
    name: 'plain text `FAILED`',
    status: 200,
    type: 'text/plain',
    body: 'FAILED\n',
    expect: { failure: true },
  },
  {
    name: 'plain text `Error`',
    status: 200,
    type: 'text/plain',
    body: 'Error',
    expect: { failure: true },
  },
];
const SUCCESSES_2XX: Variant[] = [
  {
    name: '`response` wrapper with result "success"',
    status: 200,
    body: { response: { result: 'success', message: null, data: { count: 3 } } },
    expect: { failure: false },
  },
  {
    name: 'a record whose state is "failed" under a resource key',
    status: 200,
    body: { job: { id: 'j1', status: 'failed', finishedAt: '2026-01-01T00:00:00Z' } },
    expect: { failure: false },
  },
  {
    name: 'success: 1 beside a message',
    status: 200,
    body: { success: 1, message: 'Saved' },
    expect: { failure: false },
  },
  {
    name: 'success: 0 as a tally beside failed and total',
    status: 200,
    body: { success: 0, failed: 0, total: 0, message: 'nothing to import' },
    expect: { failure: false },
  },
  {
    name: 'ok: 1 (MongoDB)',
    status: 200,
    body: { ok: 1, n: 1 },
    expect: { failure: false },
  },
  {
    name: 'plain text `Ok.`',
    status: 200,
    type: 'text/plain',
    body: 'Ok.',
    expect: { failure: false },
  },
  {
    name: 'plain text that mentions failures',
    status: 200,
    type: 'text/plain',
    body: 'Failed jobs: 0',
    expect: { failure: false },
  },
  {
    name: 'plain text word that starts like a failure',
    status: 200,
    type: 'text/plain',
    body: 'fail2ban',
    expect: { failure: false },
  },
];
/** A 2xx XML document whose root element is itself the error (Newznab/Torznab `<error code description/>`). */
const XML_ROOT_ERRORS: Variant[] = [
  {
    name: 'Newznab `<error code description/>` after an XML declaration',
    status: 200,
    type: 'application/xml; charset=utf-8',
    body: '<?xml version="1.0" encoding="UTF-8"?>\n    <error code="100" description="Incorrect user credentials"/>',
    expect: { failure: true, errorCode: '100', message: 'Incorrect user credentials' },
  },
  {
    name: 'a bare `<error code description/>` root',
    status: 200,
    type: 'text/xml',
    body: '<error code="201" description="Incorrect parameter"/>',
    expect: { failure: true, errorCode: '201', message: 'Incorrect parameter' },
  },
  {
    name: 'an `<error>` root with the message as text',
    status: 200,
    type: 'application/xml',
    body: '<error code="429">Request limit reached for today</error>',
    expect: { failure: true, errorCode: '429', message: 'Request limit reached for today' },
  },
  {
    name: 'an RSS feed stays a success',
    status: 200,
    type: 'application/rss+xml',
    body: '<?xml version="1.0"?><rss version="2.0"><channel><title>Releases</title></channel></rss>',
    expect: { failure: false },
  },
  {
    name: 'an empty `<error/>` root names nothing and stays a success',
    status: 200,
    type: 'application/xml',
    body: '<error/>',
    expect: { failure: false },
  },
  {
    name: 'a feed whose item mentions an error attribute stays a success',
    status: 200,
    type: 'application/xml',
    body: '<feed><entry><title>Fixed</title><error code="0" description="none"/></entry></feed>',
    expect: { failure: false },
  },
];
describe('2xx bodies whose wrapped or numeric status fields say they failed', () => {
  it.each(rows(FAILED_2XX))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
describe('wrapped or numeric status fields reporting success stay successes', () => {
  it.each(rows(SUCCESSES_2XX))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
describe('a 2xx XML document whose root is an error failed; other XML stays a success', () => {
  it.each(rows(XML_ROOT_ERRORS))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

// Issue 13, session 21: shapes the fresh set fresh-s21a (corpus/cases/fresh-s21a.json, responses users pasted into
// issues, scored before any change) showed in its dev part; corpus/tools/fresh-s21a-sources.md names the sources.
// "counter" rows must keep their verdict.
const SERVER_ERROR_IN_2XX: Variant[] = [
  {
    name: 'a 2xx body failure whose message says "Server error" is a server fault: retryable',
    status: 200,
    body: { code: '1000', message: 'Server error', traceId: '91ab29041c0be4123c28eeaaa744c595' },
    expect: { failure: true, errorCode: '1000', message: 'Server error', retryable: true },
  },
  {
    name: 'the same for "System error"',
    status: 200,
    body: { ret: -1, msg: 'System error' },
    expect: { failure: true, message: 'System error', retryable: true },
  },
  {
    name: 'counter: a server error that blames the key stays not retryable',
    status: 200,
    body: { code: 1001, message: 'Server error: invalid api key' },
    expect: { failure: true, retryable: false },
  },
];
describe('a 2xx failure that says the server erred', () => {
  it.each(rows(SERVER_ERROR_IN_2XX))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
const LONE_WRAPPER_FLAG: Variant[] = [
  {
    name: 'a lone key of any name around success:false fails a 200',
    status: 200,
    body: { back: { msg: '507', success: false } },
    expect: { failure: true },
  },
  {
    name: 'the same with ok:"false" and a message',
    status: 200,
    body: { device: { ok: 'false', message: 'Device is offline' } },
    expect: { failure: true, message: 'Device is offline' },
  },
  {
    name: 'counter: a lone key around success:true is a success',
    status: 200,
    body: { back: { msg: '', success: true, data: { plantId: 1 } } },
    expect: { failure: false },
  },
  {
    name: 'counter: a lone resource whose `done` is false (a running job) is a success',
    status: 200,
    body: { job: { id: 'j-1', done: false, progress: 40 } },
    expect: { failure: false },
  },
];
describe('a lone wrapper around an explicit success flag', () => {
  it.each(rows(LONE_WRAPPER_FLAG))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
const STATUS_TXT: Variant[] = [
  {
    name: 'a token under status_txt beside status_code is the code',
    status: 401,
    body: { status_txt: 'INVALID_API_TOKEN', data: null, status_code: 401 },
    expect: { failure: true, errorCode: 'INVALID_API_TOKEN', retryable: false },
  },
  {
    name: 'the same for a rate limit',
    status: 403,
    body: { status_code: 403, status_txt: 'RATE_LIMIT_EXCEEDED', data: null },
    expect: { failure: true, errorCode: 'RATE_LIMIT_EXCEEDED' },
  },
  {
    name: 'counter: a reason phrase under status_txt is no code',
    status: 500,
    body: { status_code: 500, status_txt: 'Internal Server Error', data: null },
    expect: { failure: true, errorCode: null },
  },
];
describe('status_txt', () => {
  it.each(rows(STATUS_TXT))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

// Issue 13, session 21 (fresh21b): shapes the fresh protocol/platform set (corpus/cases/fresh-s21b.json, unseen real
// responses labelled before any run) showed in its dev part; corpus/tools/fresh-s21b-sources.md names the sources.
// "counter" rows hold what must not change.
const RESULT_SENTENCES: Variant[] = [
  {
    name: 'a 200 whose result is a failure sentence and no payload fails (Transmission RPC shape)',
    status: 200,
    body: { arguments: {}, result: 'unable to save resume file' },
    expect: { failure: true, message: 'unable to save resume file' },
  },
  {
    name: 'a 200 whose status is a failure sentence beside an empty data slot fails',
    status: 200,
    body: { status: 'Invalid session token', data: null },
    expect: { failure: true, message: 'Invalid session token' },
  },
  {
    name: 'counter: result "success" with a payload is a success',
    status: 200,
    body: { arguments: { 'torrent-added': { id: 1, name: 'x' } }, result: 'success' },
    expect: { failure: false },
  },
  {
    name: 'counter: a result sentence beside a payload is data, not the call failing',
    status: 200,
    body: { result: 'invalid address format', data: { input: 'foo', suggestions: ['bar'] } },
    expect: { failure: false },
  },
  {
    name: 'counter: a one-word result is left to the status words',
    status: 200,
    body: { result: 'unknown', arguments: {} },
    expect: { failure: false },
  },
  {
    name: 'counter: a neutral result sentence is a success',
    status: 200,
    body: { arguments: {}, result: 'torrent queued for download' },
    expect: { failure: false },
  },
];
describe('a 2xx whose result is a failure sentence', () => {
  it.each(rows(RESULT_SENTENCES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

// Issue 13, session 21 (fresh21c): shapes the fresh set corpus/cases/fresh-s21c.json (unseen vendor-doc and SDK-fixture
// responses, labelled before any run) showed in its dev part; corpus/tools/fresh-s21c-sources.md names the sources.
// Values differ from the corpus cases; "counter" rows pin the successes the rules must leave alone.
const STATUS_TEXT: Variant[] = [
  {
    name: 'a status "1" sent as text beside an error text fails a 200, and its number is the code',
    status: 200,
    body: { status: '1', error_text: 'Too many requests in one second' },
    expect: { failure: true, errorCode: '1', message: 'Too many requests in one second' },
  },
  {
    name: 'a status number sent as text beside an error text is the code of the failed 200',
    status: 200,
    body: { status: '15', error_text: 'The destination number is not in a supported network' },
    expect: { failure: true, errorCode: '15', retryable: false },
  },
  {
    name: 'counter: a status "1" beside a plain message and a result is a success (Etherscan-like)',
    status: 200,
    body: { status: '1', message: 'OK', result: '1000000' },
    expect: { failure: false, errorCode: null },
  },
  {
    name: 'counter: a status "0" beside an empty error text is a success',
    status: 200,
    body: { status: '0', error_text: '', request_id: 'abcdef0123456789abcdef0123456789' },
    expect: { failure: false, errorCode: null },
  },
];
describe('status text in a 2xx body', () => {
  it.each(rows(STATUS_TEXT))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
const NAMED_ERRORS: Variant[] = [
  {
    name: 'an errors object of named messages fails a 200 and its message is reported (API-Football-like)',
    status: 200,
    body: {
      get: 'teams',
      parameters: { league: '39' },
      errors: { season: 'The Season field is required.' },
      results: 0,
      response: [],
    },
    expect: { failure: true, message: 'The Season field is required.', retryable: false },
  },
  {
    name: 'an errors object naming a rate limit fails a 200 as retryable',
    status: 200,
    body: { errors: { requests: 'Too many requests. Your rate limit is 10 requests per minute.' }, response: [] },
    expect: { failure: true, retryable: true },
  },
  {
    name: 'counter: an empty errors object is a success',
    status: 200,
    body: { get: 'teams', errors: {}, results: 1, response: [{ id: 33 }] },
    expect: { failure: false },
  },
  {
    name: 'counter: an errors object of counts is a tally, not a failure',
    status: 200,
    body: { errors: { total: 0, last_hour: 0 }, uptime: 99.9 },
    expect: { failure: false },
  },
];
describe('named errors in a 2xx body', () => {
  it.each(rows(NAMED_ERRORS))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
const INFO_TOKENS: Variant[] = [
  {
    name: 'an info token that starts INVALID_ fails a 200 beside a status "0" (Amap-like)',
    status: 200,
    body: { status: '0', info: 'INVALID_USER_SIGNATURE', infocode: '10007' },
    expect: { failure: true, retryable: false },
  },
  {
    name: 'an info token that ends _OVER_LIMIT fails a 200',
    status: 200,
    body: { status: '0', info: 'IP_QUERY_OVER_LIMIT', infocode: '10010' },
    expect: { failure: true },
  },
  {
    name: 'counter: an info OK token is a success',
    status: 200,
    body: { status: '1', info: 'OK', infocode: '10000', count: '1', geocodes: [{ adcode: '110101' }] },
    expect: { failure: false },
  },
  {
    name: 'counter: an info token naming a kind of data is no verdict',
    status: 200,
    body: { info: 'PLAN_STANDARD', seats: 5 },
    expect: { failure: false },
  },
];
describe('info status tokens', () => {
  it.each(rows(INFO_TOKENS))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

// Issue 13, session 21 round 2 (fresh21d): shapes the second fresh protocol/platform set (corpus/cases/fresh-s21d.json,
// unseen real responses labelled before any run) showed in its dev part; corpus/tools/fresh-s21d-sources.md names the
// sources. "counter" rows hold what must not change.
const ERROR_OBJECTS_AND_PROGRESS: Variant[] = [
  {
    name: 'a 200 whose only member is an error-named object holding an HTTP error status fails (gateway error details)',
    status: 200,
    body: { error_backend_alias: { http_body: 'Data does not exist in the system', http_status_code: 500 } },
    expect: { failure: true, message: 'Data does not exist in the system' },
  },
  {
    name: 'counter: an error-named counter beside a payload is a success',
    status: 200,
    body: { error_count: 0, items: [{ id: 1 }] },
    expect: { failure: false },
  },
  {
    name: 'counter: an error-named object holding a success status is a success',
    status: 200,
    body: { error_backend_alias: { http_status_code: 200 }, data: { id: 1 } },
    expect: { failure: false },
  },
  {
    name: 'a 202 whose code and message say the work is in progress is accepted, not failed (Snowflake SQL API 333334)',
    status: 202,
    body: {
      code: '333334',
      message: 'Asynchronous execution in progress. Use provided query id to perform query monitoring and management.',
      statementHandle: '01b2c3d4-0000-1a2b-0000-00a1b2c3d4e6',
    },
    expect: { failure: false },
  },
  {
    name: 'counter: a 202 whose message says another operation is in progress still fails',
    status: 202,
    body: { code: 1001, message: 'Another operation is in progress for this resource' },
    expect: { failure: true },
  },
  {
    name: 'counter: a 200 with a code and a progress message is left to the code',
    status: 200,
    body: { code: 5003, message: 'Export queued' },
    expect: { failure: true },
  },
];
describe('error-named objects holding a status, and 202s whose work is in progress', () => {
  it.each(rows(ERROR_OBJECTS_AND_PROGRESS))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

// Issue 13, session 22 (tune22f): principles behind the misses of the fresh set fresh-s22f's dev half
// (corpus/cases/fresh-s22f.json; sources in corpus/tools/fresh-s22f-sources.md). Each table covers a class of
// responses, not one response: several spellings and envelopes, with counters that must keep their verdict.
const SUCCESS_WITH_WARNINGS: Variant[] = [
  {
    name: 'a 201 `{message: "success", errors: ["…"]}` lists non-fatal errors: a success',
    status: 201,
    body: { message: 'success', errors: ['Minor problem with one recipient'] },
    expect: { failure: false },
  },
  {
    name: 'the same with the list first and `status: "ok"`',
    status: 200,
    body: { errors: ['field x is deprecated'], status: 'ok' },
    expect: { failure: false },
  },
  {
    name: 'the same with error objects',
    status: 200,
    body: { errors: [{ code: 'W1', message: 'Deprecated parameter' }], message: 'Success' },
    expect: { failure: false },
  },
  {
    name: 'counter: an errors list with no success word fails a 2xx',
    status: 200,
    body: { errors: ['Invalid recipient'] },
    expect: { failure: true, message: 'Invalid recipient' },
  },
  {
    name: 'counter: an errors list on a 400 fails whatever the message says',
    status: 400,
    body: { message: 'success', errors: ['Invalid recipient'] },
    expect: { failure: true },
  },
];
describe('an explicit success word beside an errors list stays a success', () => {
  it.each(rows(SUCCESS_WITH_WARNINGS))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
const VIOLATIONS_ONLY_2XX: Variant[] = [
  {
    name: 'a 200 that is only `violations: [{constraint, value, description}]` fails; the description is the message',
    status: 200,
    body: { violations: [{ constraint: 'firstName', value: '', description: 'First Name should be specified' }] },
    expect: { failure: true, message: 'First Name should be specified', retryable: false },
  },
  {
    name: 'Bean Validation `constraintViolations` with `message`',
    status: 200,
    body: { constraintViolations: [{ path: 'order.qty', message: 'must be greater than 0' }] },
    expect: { failure: true, message: 'must be greater than 0' },
  },
  {
    name: '`invalid_params` with `reason`',
    status: 200,
    body: { invalid_params: [{ name: 'age', reason: 'must be a positive integer' }] },
    expect: { failure: true },
  },
  {
    name: 'counter: an empty violations list is a success',
    status: 200,
    body: { violations: [] },
    expect: { failure: false },
  },
  {
    name: 'counter: violations beside a payload are data (a linter report)',
    status: 200,
    body: { file: 'a.ts', violations: [{ rule: 'no-var', description: 'Unexpected var, use let or const' }] },
    expect: { failure: false },
  },
];
describe('a 2xx that is only a list of violations fails', () => {
  it.each(rows(VIOLATIONS_ONLY_2XX))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
