// Issue 13, reach-j: the classes behind the misses of a fresh batch of responses that users pasted
// into issues of self-hosted software (Gotify, phpIPAM, Joomla, Tautulli, qBittorrent, Canonical's
// identity admin UI, OpenStack-style WebOb faults). Each table holds variants of one class (names,
// nestings, casing, value shapes) and the counter-examples that must keep their current reading.
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

/** WebOb's stock explanation of a 400, sent whatever the request did wrong. */
const WEBOB_400 = 'The server could not comply with the request since it is either malformed or otherwise incorrect.';

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

/** The message the API wrote, not the status phrase or the wrapper around it. */
const SPECIFIC_MESSAGES: Variant[] = [
  {
    name: '`error` reason phrase beside `description`',
    status: 400,
    body: { error: 'Bad Request', description: 'the field priority must be a number' },
    expect: { message: 'the field priority must be a number' },
  },
  {
    name: '`error` reason phrase beside `errorMessage`',
    status: 404,
    body: { error: 'Not Found', errorMessage: 'no movie with tmdbId 15338' },
    expect: { message: 'no movie with tmdbId 15338' },
  },
  {
    name: 'generic `message` with a field map under `data` (lists)',
    status: 400,
    body: {
      data: { name: ["value '' fails validation of type `required`"] },
      message: 'validation errors',
      status: 400,
    },
    expect: { message: 'fails validation of type `required`' },
  },
  {
    name: 'generic `message` with a field map under `data` (strings)',
    status: 422,
    body: { message: 'Validation failed', data: { email: 'must be an email address' } },
    expect: { message: 'must be an email address' },
  },
  {
    name: 'WebOb fault: stock `message`, specific `detail` (OpenStack)',
    status: 400,
    body: { BadRequest: { message: WEBOB_400, code: 400, detail: 'Resource 5ded6edd can not be retrieved.' } },
    expect: { message: 'Resource 5ded6edd can not be retrieved.' },
  },
  {
    name: 'WebOb fault in an error object: stock `message`, specific `detail`',
    status: 400,
    body: { error: { message: WEBOB_400, detail: 'Flavor 42 is not public' } },
    expect: { message: 'Flavor 42 is not public' },
  },
  {
    name: 'stock 404 explanation beside a specific detail',
    status: 404,
    body: { itemNotFound: { message: 'The resource could not be found.', code: 404, detail: 'No volume with id 9' } },
    expect: { message: 'No volume with id 9' },
  },
];

const MESSAGES_KEPT: Variant[] = [
  {
    name: 'a lone reason phrase is the message',
    status: 401,
    body: { error: 'Unauthorized' },
    expect: { message: 'Unauthorized' },
  },
  {
    name: 'a lone WebOb explanation is the message',
    status: 400,
    body: { message: WEBOB_400 },
    expect: { message: 'The server could not comply' },
  },
  {
    name: 'a specific message with a non-prose data map stays',
    status: 429,
    body: { message: 'Quota exceeded for project acme', data: { limit: ['100'] } },
    expect: { message: 'Quota exceeded for project acme' },
  },
  {
    name: 'a reason phrase with an empty data object stays',
    status: 404,
    body: { message: 'Not Found', data: {} },
    expect: { message: 'Not Found' },
  },
];

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

describe('reach-j: a number equal to the status is an echo, not the code', () => {
  it.each(rows(STATUS_ECHO_CODES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('reach-j: real codes beside the same shapes are kept', () => {
  it.each(rows(REAL_CODES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('reach-j: the specific message beats the reason phrase, the wrapper and the stock explanation', () => {
  it.each(rows(SPECIFIC_MESSAGES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('reach-j: a lone reason phrase, wrapper or explanation stays the message', () => {
  it.each(rows(MESSAGES_KEPT))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('reach-j: 2xx bodies whose wrapped or numeric status fields say they failed', () => {
  it.each(rows(FAILED_2XX))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('reach-j: the same shapes reporting success stay successes', () => {
  it.each(rows(SUCCESSES_2XX))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('reach-j: a 2xx XML document whose root is an error failed; other XML stays a success', () => {
  it.each(rows(XML_ROOT_ERRORS))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
