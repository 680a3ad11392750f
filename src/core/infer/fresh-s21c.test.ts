// Issue 13, session 21 (fresh21c): shapes the fresh set corpus/cases/fresh-s21c.json (unseen vendor-doc and SDK-fixture
// responses, labelled before any run) showed in its dev part; corpus/tools/fresh-s21c-sources.md names the sources.
// Values differ from the corpus cases; "counter" rows pin the successes the rules must leave alone.
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

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

describe('fresh-set shapes (session 21, fresh21c)', () => {
  it.each(rows(STATUS_TEXT))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

const STATUS_CODE_IN_BODY: Variant[] = [
  {
    name: 'an HTTP error status under status_code beside a message and an id fails a 200 (Midtrans-like)',
    status: 200,
    body: {
      status_code: '406',
      status_message: 'The request could not be processed due to duplicate order id',
      id: '0f4a1b2c-3d4e-4f50-8a9b-0c1d2e3f4a5b',
    },
    expect: { failure: true, message: 'duplicate order id', retryable: false },
  },
  {
    name: 'counter: a delivery record with an id, a URL and the status_code it received is data',
    status: 200,
    body: {
      id: 'evt_9f8e7d6c',
      url: 'https://hooks.example.test/a',
      status_code: 404,
      status_message: 'Not Found',
      created_at: '2030-01-01T00:00:00Z',
    },
    expect: { failure: false },
  },
];

describe('fresh-set shapes (session 21, fresh21c): status codes in a 2xx body', () => {
  it.each(rows(STATUS_CODE_IN_BODY))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
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

describe('fresh-set shapes (session 21, fresh21c): named errors in a 2xx body', () => {
  it.each(rows(NAMED_ERRORS))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

const REQUEST_OBJECT_IDS: Variant[] = [
  {
    name: 'the id of an object named request is the support ID (Sightengine-like)',
    status: 400,
    body: {
      status: 'failure',
      request: { id: 'req_7Hx2Kq9LmN3pR5tV', timestamp: 1893456000.5, operations: 0 },
      error: { type: 'argument_error', code: 21, message: 'Missing parameter: models' },
    },
    expect: { errorId: 'req_7Hx2Kq9LmN3pR5tV', message: 'Missing parameter: models' },
  },
  {
    name: 'counter: the id in an echo of the client request (method, url) is the client own, no support ID',
    status: 400,
    body: {
      error: { code: 'bad_input', message: 'Unknown field: colour' },
      request: { id: 'req_7Hx2Kq9LmN3pR5tV', method: 'POST', url: '/v1/things' },
    },
    expect: { errorId: null },
  },
  {
    name: 'counter: the id of a nested record that is not the request is no support ID',
    status: 404,
    body: { error: 'Not found', order: { id: 'ord_7Hx2Kq9LmN3pR5tV', state: 'missing' } },
    expect: { errorId: null },
  },
];

describe('fresh-set shapes (session 21, fresh21c): request objects', () => {
  it.each(rows(REQUEST_OBJECT_IDS))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
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

describe('fresh-set shapes (session 21, fresh21c): info status tokens', () => {
  it.each(rows(INFO_TOKENS))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

const TOO_FREQUENT: Variant[] = [
  {
    name: 'a code that says calls come too frequently is retryable (Amap ACCESS_TOO_FREQUENT-like)',
    status: 200,
    body: { status: '0', info: 'REQUEST_TOO_FREQUENT', infocode: '10021' },
    expect: { failure: true, retryable: true },
  },
  {
    name: 'a 400 whose code says the calls are too frequent is retryable',
    status: 400,
    body: { code: 'CALLS_TOO_FREQUENT', message: 'Calls exceed the allowed frequency' },
    expect: { retryable: true },
  },
  {
    name: 'counter: a code that says a field is invalid stays not retryable',
    status: 400,
    body: { code: 'INVALID_FREQUENCY', message: 'frequency must be one of daily, weekly' },
    expect: { retryable: false },
  },
];

describe('fresh-set shapes (session 21, fresh21c): too-frequent codes', () => {
  it.each(rows(TOO_FREQUENT))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

const TWO_HUNDRED_RANGE_CODES: Variant[] = [
  {
    name: 'a 2xx-range code no HTTP success uses, beside a message that says error, fails a 200 (Pushwoosh-like)',
    status: 200,
    body: { status_code: 210, status_message: 'Argument error: devices', response: null },
    expect: { failure: true, message: 'Argument error' },
  },
  {
    name: 'counter: a 201 echo beside a message is a success',
    status: 200,
    body: { status_code: 201, status_message: 'Created', response: { id: 7 } },
    expect: { failure: false },
  },
  {
    name: 'counter: a 2xx-range code beside a message without an error word is a success',
    status: 200,
    body: { status_code: 210, status_message: 'Queued for delivery', response: {} },
    expect: { failure: false },
  },
];

describe('fresh-set shapes (session 21, fresh21c): 2xx-range codes', () => {
  it.each(rows(TWO_HUNDRED_RANGE_CODES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
