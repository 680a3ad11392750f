// Issue 13, session 25 (gen25): the generic inference failed by omission (codes, support IDs and messages the
// response carries but the engine did not report). Each table is one class of responses, with counter-examples
// a too-eager rule would get wrong. Shapes: gRPC-style kinds under `type` (Brex, Connect), lists of error codes
// (Friendly Captcha, reCAPTCHA/hCaptcha/Turnstile siteverify), support IDs in a message's `hint: [...]` (WeCom,
// WeChat), JSONP served as text/html (QQ Connect), a wrapper message qualified "as submitted" (Autodesk), a text body's `code: TOKEN` line (Deno Deploy), in block pages that ask for a UUID (Tencent Cloud WAF) or for "the following ID" (DDoS-Guard).
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const TYPE_KINDS: Variant[] = [
  {
    name: 'top-level type holding one upper-case word that names the failure, beside a message',
    status: 401,
    body: { type: 'UNAUTHORIZED', message: 'PERMISSION_DENIED: Invalid or Revoked Token' },
    expect: { failure: true, errorCode: 'UNAUTHORIZED', message: 'Invalid or Revoked Token' },
  },
  {
    name: 'the same kind in another word (FORBIDDEN) on a 403',
    status: 403,
    body: { type: 'FORBIDDEN', message: 'The token lacks the scope users:write.' },
    expect: { failure: true, errorCode: 'FORBIDDEN' },
  },
  {
    name: 'counter: type naming a kind of record (DOMAIN) is no code',
    status: 424,
    body: { type: 'DOMAIN', message: 'The domain could not be resolved.' },
    expect: { failure: true, errorCode: null },
  },
  {
    name: 'counter: type holding a severity (ERROR) is no code',
    status: 400,
    body: { type: 'ERROR', message: 'The amount must be positive.' },
    expect: { failure: true, errorCode: null },
  },
];

const ERROR_CODE_LISTS: Variant[] = [
  {
    name: 'errors: a list of one lower_snake token naming the error, on an error status',
    status: 400,
    body: { success: false, errors: ['sitekey_invalid'] },
    expect: { failure: true, errorCode: 'sitekey_invalid' },
  },
  {
    name: 'errors: a list of kebab-case tokens: the first is the code',
    status: 400,
    body: { errors: ['invalid-input-secret', 'missing-input-response'] },
    expect: { failure: true, errorCode: 'invalid-input-secret' },
  },
  {
    name: 'error: a list of UPPER_SNAKE tokens',
    status: 403,
    body: { error: ['ACCESS_TOKEN_EXPIRED'] },
    expect: { failure: true, errorCode: 'ACCESS_TOKEN_EXPIRED' },
  },
  {
    name: 'counter: errors listing sentences are messages, not codes',
    status: 422,
    body: { errors: ['Customer DOB is not a valid date'] },
    expect: { failure: true, errorCode: null, message: 'Customer DOB is not a valid date' },
  },
  {
    name: 'counter: errors listing a reason phrase give no code',
    status: 404,
    body: { errors: ['Not Found'] },
    expect: { failure: true, errorCode: null },
  },
  {
    name: 'counter: a list of plain identifiers that name no error (field names) is no code',
    status: 400,
    body: { message: 'Some fields are wrong.', errors: ['first_name', 'last_name'] },
    expect: { failure: true, errorCode: null },
  },
];

const IDS_IN_TEXT: Variant[] = [
  {
    name: 'a result-code envelope whose message appends hint: [id] for support',
    status: 200,
    body: {
      errcode: 45009,
      errmsg:
        'api freq out of limit, hint: [1773643642077182456917975], from ip: 203.0.113.7, more info at https://example.test/q?e=45009',
    },
    expect: { failure: true, errorCode: '45009', errorId: '1773643642077182456917975' },
  },
  {
    name: 'the same hint with a hex token on an error status',
    status: 403,
    body: { code: 'ip_not_allowed', message: 'Your IP is not allowed, hint: [a81f3c0d9e7b4a2f]' },
    expect: { failure: true, errorId: 'a81f3c0d9e7b4a2f' },
  },
  {
    name: 'counter: an ordinary hint in prose is no ID',
    status: 400,
    body: { code: 'name_too_long', message: 'The name is too long, hint: use 64 characters or fewer.' },
    expect: { failure: true, errorId: null },
  },
  {
    name: 'counter: a short bracketed hint is no ID',
    status: 400,
    body: { code: 'bad_field', message: 'The field is invalid, hint: [field2]' },
    expect: { failure: true, errorId: null },
  },
  {
    name: 'a WAF block page asking for its request UUID (Chinese: "your request UUID is:")',
    status: 403,
    body:
      '<html><head><title>AccessDeny</title></head><body><h1>请求已被管理员设置的策略阻断</h1>' +
      '<p>如有疑问请联系网站管理员并提供UUID信息</p><p>您的请求UUID为：<span>0c5e7a1d2b3f4e5d6c7b8a9f0e1d2c3b-4f5e6d7c8b9a0f1e</span></p></body></html>',
    expect: { failure: true, errorId: '0c5e7a1d2b3f4e5d6c7b8a9f0e1d2c3b-4f5e6d7c8b9a0f1e' },
  },
  {
    name: 'a block page asking for its UUID in English',
    status: 403,
    body: '<html><body><h1>Request blocked</h1><p>Please contact the site owner with this UUID: 5b2f1e0a-9c8d-4e7f-a6b5-c4d3e2f1a0b9</p></body></html>',
    expect: { failure: true, errorId: '5b2f1e0a-9c8d-4e7f-a6b5-c4d3e2f1a0b9' },
  },
  {
    name: 'a block page asking to enclose "the following ID" in brackets with a hash',
    status: 403,
    body:
      "<html><body><center>We're sorry, your request cannot be processed.<br/>If you believe this was an error please contact us" +
      ' and enclose the following ID:<br/><br/>[ <b>#1125504</b> ]<br/></center></body></html>',
    expect: { failure: true, errorId: '1125504' },
  },
  {
    name: 'counter: "the following ID" followed by words names no ID',
    status: 403,
    body: '<html><body><p>Access denied. Contact us and include the following ID: the one shown in your account.</p></body></html>',
    expect: { failure: true, errorId: null },
  },
];

describe('omitted support IDs: hints in messages and IDs block pages ask for', () => {
  it.each(rows(IDS_IN_TEXT))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

const TEXT_CODE_LABELS: Variant[] = [
  {
    name: 'a text body whose last line labels the code in lower case',
    status: 404,
    type: 'text/plain;charset=UTF-8',
    body: 'The requested deployment does not exist. See https://example.test/docs for more.\n\ncode: DEPLOYMENT_NOT_FOUND\n',
    expect: { failure: true, errorCode: 'DEPLOYMENT_NOT_FOUND', message: 'The requested deployment does not exist.' },
  },
  {
    name: 'a text body with an error_code = token line',
    status: 429,
    type: 'text/plain',
    body: 'Slow down.\nerror_code = rate_limited\n',
    expect: { failure: true, errorCode: 'rate_limited' },
  },
  {
    name: 'counter: "code:" inside a sentence labels no code',
    status: 400,
    type: 'text/plain',
    body: 'Please check the code: it must be 6 digits long.',
    expect: { failure: true, errorCode: null },
  },
  {
    name: 'counter: a labelled code that only repeats the status is none',
    status: 404,
    type: 'text/plain',
    body: 'Nothing here.\ncode: 404\n',
    expect: { failure: true, errorCode: null },
  },
];

describe('omitted codes: a text line that labels the code', () => {
  it.each(rows(TEXT_CODE_LABELS))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

const WRAPPERS_WITH_QUALIFIER: Variant[] = [
  {
    name: 'problem+json whose detail is a wrapper "… could not be processed as submitted", the field error below it',
    status: 400,
    type: 'application/problem+json',
    body: {
      type: 'https://api.example.test/problems/invalid-request',
      title: 'Invalid request',
      status: 400,
      detail: 'The request could not be processed as submitted.',
      errors: [{ field: 'limit', title: 'Invalid value', detail: 'limit must be an integer between 1 and 100.' }],
    },
    expect: { failure: true, message: 'limit must be an integer between 1 and 100.' },
  },
  {
    name: 'a message envelope whose wrapper ends "as sent", the specific message in errors',
    status: 422,
    body: {
      message: 'Your request could not be processed as sent.',
      errors: [{ message: 'email is not a valid address' }],
    },
    expect: { failure: true, message: 'email is not a valid address' },
  },
  {
    name: 'counter: a specific sentence ending "as submitted" stays the message',
    status: 400,
    type: 'application/problem+json',
    body: {
      title: 'Invalid request',
      status: 400,
      detail: 'The invoice could not be processed as submitted.',
      errors: [{ field: 'memo', detail: 'memo is too long' }],
    },
    expect: { failure: true, message: 'The invoice could not be processed as submitted.' },
  },
];

describe('omitted messages: a wrapper with a trailing "as submitted" gives way to the specific message', () => {
  it.each(rows(WRAPPERS_WITH_QUALIFIER))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

const JSONP_AS_HTML: Variant[] = [
  {
    name: 'a JSONP call labelled text/html carrying an OAuth-style error with a numeric code',
    status: 200,
    type: 'text/html',
    body: 'callback( {"error":100016,"error_description":"access token check failed"} );',
    expect: { failure: true, errorCode: '100016', message: 'access token check failed' },
  },
  {
    name: 'counter: a JSONP call labelled text/html carrying data is a success',
    status: 200,
    type: 'text/html',
    body: 'callback( {"client_id":"101234567","openid":"4F1B2C3D4E5F60718293A4B5C6D7E8F9"} );',
    expect: { failure: false },
  },
];

describe('omitted fields: JSONP served as HTML is read as its JSON', () => {
  it.each(rows(JSONP_AS_HTML))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('omitted codes: an upper-case failure kind under `type`', () => {
  it.each(rows(TYPE_KINDS))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('omitted codes: a list of error codes under `errors`/`error`', () => {
  it.each(rows(ERROR_CODE_LISTS))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
