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
