// The number under an envelope's own `status_code` (issue 13): an HTTP status only when it is the response's own
// status (or, in a 2xx, an HTTP error status the call reports for itself); any other number is the API's code.
// Sources: corpus/tools/dev-s23v-sources.md.
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const API_CODES: Variant[] = [
  {
    name: 'a number no HTTP status has, sent as text, in a 2xx',
    status: 200,
    body: { statusCode: '2001', statusMessage: 'Invalid App Key' },
    expect: { failure: true, errorCode: '2001', message: 'Invalid App Key' },
  },
  {
    name: 'the same as a number, in snake case',
    status: 200,
    body: { status_code: 2056, status_message: 'Invalid Payment State' },
    expect: { failure: true, errorCode: '2056' },
  },
  {
    name: 'another client-error number than the response status, on a 400',
    status: 400,
    body: { return: false, status_code: 406, message: 'Invalid Sender ID' },
    expect: { failure: true, errorCode: '406', message: 'Invalid Sender ID' },
  },
  {
    name: 'the same on a 400 with a balance message',
    status: 400,
    body: { return: false, status_code: 416, message: "You don't have sufficient wallet balance" },
    expect: { failure: true, errorCode: '416' },
  },
  {
    name: 'a 2xx-range number that is not the response status, in a 2xx that says ERROR',
    status: 200,
    body: { status: 'ERROR', status_code: 204, status_text: 'sender name is not approved' },
    expect: { failure: true, errorCode: '204', message: 'sender name is not approved' },
  },
  {
    name: 'the same in camel case, status word in lower case',
    status: 200,
    body: { status: 'error', statusCode: 207, statusText: 'Number is on the stop list' },
    expect: { failure: true, errorCode: '207' },
  },
];

const STATUS_ECHOES: Variant[] = [
  {
    name: 'counter: the response status repeated, as a number',
    status: 400,
    body: { statusCode: 400, error: 'Bad Request', message: 'email must be an email' },
    expect: { failure: true, errorCode: null, message: 'email must be an email' },
  },
  {
    name: 'counter: the response status repeated, as text',
    status: 401,
    body: { statusCode: '401', message: 'Access denied due to invalid subscription key.' },
    expect: { failure: true, errorCode: null },
  },
  {
    name: 'counter: an HTTP error status a 2xx reports for itself is no code',
    status: 200,
    body: { status_code: '401', status_message: 'Transaction cannot be authorized with the current key.' },
    expect: { failure: true, errorCode: null },
  },
  {
    name: 'counter: a success envelope with leading-zero text stays a success',
    status: 200,
    body: { statusCode: '0000', id_token: 'T', expires_in: 3600 },
    expect: { failure: false },
  },
  {
    name: 'counter: a status_code nested in a list item is that item’s status',
    status: 422,
    body: { errors: [{ message: 'Area mail requires a minimum of 1000 Addresses', status_code: 400 }] },
    expect: { failure: true, errorCode: null },
  },
];

describe('status-code fields: a number that is not the response status is the API code', () => {
  it.each(rows(API_CODES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('status-code fields: echoes of the HTTP status', () => {
  it.each(rows(STATUS_ECHOES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

// Issue 13, reach-j: the classes behind the misses of a fresh batch of responses that users pasted
// into issues of self-hosted software (Gotify, phpIPAM, Joomla, Tautulli, qBittorrent, Canonical's
// identity admin UI, OpenStack-style WebOb faults). Each table holds variants of one class (names,
// nestings, casing, value shapes) and the counter-examples that must keep their current reading.
/** A number equal to the HTTP status is the status echoed, not the API's code. */
const STATUS_ECHO_CODES: Variant[] = [
  {
    name: 'errorCode equal to the status beside the reason phrase in `error` (Gotify)',
    status: 401,
    body: { error: 'Unauthorized', errorCode: 401, errorDescription: 'you need to provide a valid access token' },
    expect: { failure: true, errorCode: null, message: 'you need to provide a valid access token' },
  },
  {
    name: 'errorCode 403 beside `error: "Forbidden"`',
    status: 403,
    body: { error: 'Forbidden', errorCode: 403, errorDescription: 'the token lacks the admin scope' },
    expect: { errorCode: null, message: 'the token lacks the admin scope' },
  },
  {
    name: 'snake-case error_code 404 beside `error: "Not Found"`',
    status: 404,
    body: { error: 'Not Found', error_code: 404, message: 'no application with id 7' },
    expect: { errorCode: null, message: 'no application with id 7' },
  },
  {
    name: 'errorCode 429 beside `title: "Too Many Requests"`',
    status: 429,
    body: { title: 'Too Many Requests', errorCode: 429, detail: 'slow down: 10 requests per second' },
    expect: { errorCode: null, message: 'slow down' },
  },
  {
    name: 'the echo pair inside an error object',
    status: 401,
    body: { fault: { error: 'Unauthorized', errorCode: 401, errorDescription: 'session expired' } },
    expect: { errorCode: null, message: 'session expired' },
  },
  {
    name: 'JSON:API errors[0].code 404 beside a title (Joomla)',
    status: 404,
    body: { errors: [{ title: 'Resource not found', code: 404 }] },
    expect: { errorCode: null, message: 'Resource not found' },
  },
  {
    name: 'JSON:API errors[0].code "422" as a string',
    status: 422,
    body: { errors: [{ title: 'Invalid attribute', detail: 'name is too long', code: '422' }] },
    expect: { errorCode: null, message: 'name is too long' },
  },
  {
    name: 'success:false with code 404 (phpIPAM)',
    status: 404,
    body: { code: 404, success: false, message: 'Hostname not found', time: 0.017 },
    expect: { errorCode: null, message: 'Hostname not found' },
  },
  {
    name: 'success:false with code "409" as a string',
    status: 409,
    body: { code: '409', success: false, message: 'Address already exists' },
    expect: { errorCode: null, message: 'Address already exists' },
  },
  {
    name: 'success:false with code 422 and a list of errors',
    status: 422,
    body: { success: false, code: 422, errors: ['name is required'] },
    expect: { errorCode: null, message: 'name is required' },
  },
];
const REAL_CODES: Variant[] = [
  {
    name: 'a different number beside the reason phrase is the API code',
    status: 401,
    body: { error: 'Unauthorized', errorCode: 4011, errorDescription: 'token expired' },
    expect: { errorCode: '4011', message: 'token expired' },
  },
  {
    name: 'a token errorCode beside the reason phrase is the API code',
    status: 401,
    body: { error: 'Unauthorized', errorCode: 'TOKEN_EXPIRED', errorDescription: 'token expired' },
    expect: { errorCode: 'TOKEN_EXPIRED', message: 'token expired' },
  },
  {
    name: 'JSON:API code that is not the status',
    status: 404,
    body: { errors: [{ title: 'Not found', detail: 'article 7 does not exist', code: 'E1002' }] },
    expect: { errorCode: 'E1002', message: 'article 7 does not exist' },
  },
  {
    name: 'JSON:API numeric code that is not the status',
    status: 404,
    body: { errors: [{ title: 'Not found', detail: 'article 7 does not exist', code: 1002 }] },
    expect: { errorCode: '1002' },
  },
  {
    name: 'success:false with an app code',
    status: 400,
    body: { code: 1044, success: false, message: 'Subnet overlaps' },
    expect: { errorCode: '1044', message: 'Subnet overlaps' },
  },
];
describe('a number equal to the status is an echo, not the code', () => {
  it.each(rows(STATUS_ECHO_CODES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
describe('real codes beside the same shapes are kept', () => {
  it.each(rows(REAL_CODES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

// Issue 13, session 21 (fresh21c): shapes the fresh set corpus/cases/fresh-s21c.json (unseen vendor-doc and SDK-fixture
// responses, labelled before any run) showed in its dev part; corpus/tools/fresh-s21c-sources.md names the sources.
// Values differ from the corpus cases; "counter" rows pin the successes the rules must leave alone.
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
describe('status codes in a 2xx body', () => {
  it.each(rows(STATUS_CODE_IN_BODY))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
