// Issue 13, round 2 (reach-e): shapes of error responses users pasted into GitHub issues that the
// inference missed, each class with variants (key spellings, nesting, value shapes, headers) and
// counter-examples that must stay as they are. Sources of the shapes: MiniMax `base_resp`, Baidu
// Qianfan `error_code`/`error_msg`, Financial Modeling Prep `"Error Message"`, OCR.space
// `IsErroredOnProcessing`, Exa `tag`, Open Bank Project `OBP-20002: …`, Firecrawl's 429 text.
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';
import { leadingCode } from './json';
import { exhaustedByMessage, namesShortWait } from './semantics';

const ok = (v: Variant) => expect(variantMismatches(v)).toEqual([]);

describe('a status object beside the payload (`base_resp: {status_code, status_msg}`)', () => {
  const variants: Variant[] = [
    {
      name: 'alone in a 200',
      status: 200,
      body: { base_resp: { status_code: 2049, status_msg: 'invalid api key' } },
      expect: { failure: true, errorCode: '2049', message: 'invalid api key', retryable: false },
    },
    {
      name: 'beside a null payload, with the trace header',
      status: 200,
      headers: { 'trace-id': '04592edea27dc20f1fe0786cb9091021' },
      body: { id: '0123', choices: null, base_resp: { status_code: 1008, status_msg: 'insufficient balance' } },
      expect: {
        failure: true,
        errorCode: '1008',
        errorId: '04592edea27dc20f1fe0786cb9091021',
        message: 'insufficient balance',
      },
    },
    {
      name: 'camelCase baseResp with statusCode/statusMsg',
      status: 200,
      body: { baseResp: { statusCode: 1004, statusMsg: 'authorization failed' } },
      expect: { failure: true, errorCode: '1004', message: 'authorization failed' },
    },
    {
      name: 'counter: status_code 0 beside the payload is a success',
      status: 200,
      body: { id: '1', choices: [{ text: 'hi' }], base_resp: { status_code: 0, status_msg: 'success' } },
      expect: { failure: false, errorCode: null },
    },
    {
      name: 'counter: status_code 0 alone is a success',
      status: 200,
      body: { base_resp: { status_code: 0, status_msg: '' } },
      expect: { failure: false },
    },
  ];
  it.each(rows(variants))('%s', (_, v) => ok(v));
});

describe('an explicit error code and error message in a small 2xx envelope, beside the call id', () => {
  const variants: Variant[] = [
    {
      name: 'error_code / error_msg / id (Baidu Qianfan)',
      status: 200,
      body: { error_code: 336003, error_msg: 'the length of messages must be an odd number', id: 'as-r2m1yiqv5z' },
      expect: { failure: true, errorCode: '336003', message: 'the length of messages must be an odd number' },
    },
    {
      name: 'errcode / errmsg / id',
      status: 200,
      body: { errcode: 40013, errmsg: 'invalid appid', id: 'req-1' },
      expect: { failure: true, errorCode: '40013', message: 'invalid appid' },
    },
    {
      name: 'errorCode / errorMessage / id / created',
      status: 200,
      body: { id: 'x1', created: 1700000000, errorCode: 17, errorMessage: 'Open api daily request limit reached' },
      expect: { failure: true, errorCode: '17', message: 'daily request limit reached' },
    },
    {
      name: 'counter: error_code 0 with an empty message beside the id',
      status: 200,
      body: { id: 'as-1', error_code: 0, error_msg: '', result: 'hello' },
      expect: { failure: false },
    },
    {
      name: 'counter: a record with an error code among many fields',
      status: 200,
      body: {
        id: 'job-1',
        name: 'export',
        created_at: '2024-01-01',
        updated_at: '2024-01-02',
        error_code: 12,
        error_msg: 'retry scheduled',
      },
      expect: { failure: false },
    },
  ];
  it.each(rows(variants))('%s', (_, v) => ok(v));
});

describe('a 2xx body that is only an error message', () => {
  const variants: Variant[] = [
    {
      name: '"Error Message" with a space (Financial Modeling Prep)',
      status: 200,
      body: { 'Error Message': 'Invalid API KEY. Please retry or visit our documentation to create one FREE' },
      expect: { failure: true, message: 'Invalid API KEY.', retryable: false },
    },
    {
      name: 'error_message',
      status: 200,
      body: { error_message: 'Unknown symbol' },
      expect: { failure: true, message: 'Unknown symbol' },
    },
    {
      name: 'errorMsg',
      status: 201,
      body: { errorMsg: 'Account locked' },
      expect: { failure: true, message: 'Account locked' },
    },
    {
      name: 'errmsg',
      status: 200,
      body: { errmsg: 'token expired' },
      expect: { failure: true, message: 'token expired' },
    },
    { name: 'counter: an empty error message', status: 200, body: { errorMessage: '' }, expect: { failure: false } },
    { name: 'counter: a null error message', status: 200, body: { errorMessage: null }, expect: { failure: false } },
    { name: 'counter: errmsg "ok" alone', status: 200, body: { errmsg: 'ok' }, expect: { failure: false } },
    {
      name: 'counter: errcode 0 / errmsg ok',
      status: 200,
      body: { errcode: 0, errmsg: 'ok' },
      expect: { failure: false },
    },
    {
      name: 'counter: a payload beside a null error message',
      status: 200,
      body: { data: [{ id: 1 }], errorMessage: null },
      expect: { failure: false },
    },
    { name: 'counter: a plain message', status: 200, body: { message: 'Created' }, expect: { failure: false } },
  ];
  it.each(rows(variants))('%s', (_, v) => ok(v));
});

describe('failure flags named by shape (`IsErroredOnProcessing`, `hasErrors`)', () => {
  const variants: Variant[] = [
    {
      name: 'IsErroredOnProcessing with an ErrorMessage list (OCR.space)',
      status: 200,
      body: {
        OCRExitCode: 99,
        IsErroredOnProcessing: true,
        ErrorMessage: ["Parameter name 'file' is invalid."],
        ProcessingTimeInMilliseconds: '2652',
      },
      expect: { failure: true, message: "Parameter name 'file' is invalid." },
    },
    {
      name: 'isErrored with a message',
      status: 200,
      body: { isErrored: true, message: 'Conversion failed: unsupported format' },
      expect: { failure: true, message: 'unsupported format' },
    },
    {
      name: 'has_errors with an errors list',
      status: 200,
      body: { has_errors: true, errors: [{ message: 'email is invalid' }] },
      expect: { failure: true, message: 'email is invalid' },
    },
    {
      name: 'counter: IsErroredOnProcessing false with results',
      status: 200,
      body: { ParsedResults: [{ ParsedText: 'hello' }], OCRExitCode: 1, IsErroredOnProcessing: false },
      expect: { failure: false },
    },
    {
      name: 'counter: a setting that starts with "isError"',
      status: 200,
      body: { isErrorReportingEnabled: true, theme: 'dark' },
      expect: { failure: false },
    },
  ];
  it.each(rows(variants))('%s', (_, v) => ok(v));
});

describe('an upper-case `tag` beside the error names it', () => {
  const variants: Variant[] = [
    {
      name: 'requestId / error / tag (Exa)',
      status: 400,
      body: {
        requestId: 'f96f334386717c8f37be8e911709134d',
        error: 'Invalid request body',
        tag: 'INVALID_REQUEST_BODY',
      },
      expect: {
        errorCode: 'INVALID_REQUEST_BODY',
        errorId: 'f96f334386717c8f37be8e911709134d',
        message: 'Invalid request body',
      },
    },
    {
      name: 'tag inside an error object',
      status: 403,
      body: { error: { message: 'Key revoked', tag: 'API_KEY_REVOKED' } },
      expect: { errorCode: 'API_KEY_REVOKED', message: 'Key revoked' },
    },
    {
      name: 'counter: a version tag is not a code',
      status: 404,
      body: { error: 'Image not found', tag: 'latest' },
      expect: { errorCode: null, message: 'Image not found' },
    },
  ];
  it.each(rows(variants))('%s', (_, v) => ok(v));
});

describe('a numbered code that opens the message', () => {
  const variants: Variant[] = [
    {
      name: 'OBP-20002: … under error',
      status: 400,
      body: { error: 'OBP-20002: These DirectLogin parameters are missing: username, password, consumer_key' },
      expect: { errorCode: 'OBP-20002', message: 'These DirectLogin parameters are missing' },
    },
    {
      name: 'APIG.0101: … under message',
      status: 404,
      body: { message: 'APIG.0101: The API does not exist or has not been published.' },
      expect: { errorCode: 'APIG.0101' },
    },
    {
      name: '[ERR_1001] … under detail',
      status: 409,
      body: { detail: '[ERR_1001] Duplicate order reference' },
      expect: { errorCode: 'ERR_1001' },
    },
    {
      name: 'counter: a code field wins over the message prefix',
      status: 400,
      body: { code: 'invalid_scope', message: 'AUTH-401: scope missing' },
      expect: { errorCode: 'invalid_scope' },
    },
    {
      name: 'counter: a sentence that starts with a word and a colon',
      status: 400,
      body: { error: 'Error: the date must follow ISO 8601' },
      expect: { errorCode: null },
    },
  ];
  it.each(rows(variants))('%s', (_, v) => ok(v));

  it.each([
    ['OBP-30001: Bank not found', 'OBP-30001'],
    ['E-1234: failure', 'E-1234'],
    ['  [AB_123] text', 'AB_123'],
    ['GPT-4: the model is overloaded', undefined],
    ['ISO 8601: bad date', undefined],
    ['2024-01-01: nothing', undefined],
    ['OBP-20002 without a colon', undefined],
  ])('leadingCode(%j) = %j', (text, code) => expect(leadingCode(text)).toBe(code));
});

describe('a rate limit that names a short wait is not an exhausted quota', () => {
  const variants: Variant[] = [
    {
      name: '429 "upgrade your plan … or retry after 25s" (Firecrawl)',
      status: 429,
      body: {
        success: false,
        error:
          'Rate limit exceeded. Upgrade your plan at https://firecrawl.dev/pricing for increased rate limits or please retry after 25s',
      },
      expect: { failure: true, retryable: true },
    },
    {
      name: '429 "upgrade your plan, or try again in 2 minutes"',
      status: 429,
      body: {
        error: { message: 'Too many requests. Upgrade your plan for higher limits, or try again in 2 minutes.' },
      },
      expect: { retryable: true },
    },
    {
      name: 'counter: 429 "upgrade your plan" without a wait',
      status: 429,
      body: { error: 'Monthly limit reached. Upgrade your plan to continue.' },
      expect: { retryable: false },
    },
    {
      name: 'counter: 429 current quota and billing',
      status: 429,
      body: {
        error: {
          message: 'You exceeded your current quota, please check your plan and billing details.',
          type: 'insufficient_quota',
        },
      },
      expect: { retryable: false },
    },
  ];
  it.each(rows(variants))('%s', (_, v) => ok(v));

  it.each([
    ['please retry after 25s', true],
    ['try again in 30 seconds', true],
    ['Retry after 1.5 min', true],
    ['retry after payment', false],
    ['try again tomorrow', false],
  ])('namesShortWait(%j) = %j', (text, want) => expect(namesShortWait(text as string)).toBe(want));

  it('an insufficient balance stays exhausted without a wait', () => {
    expect(exhaustedByMessage('Insufficient balance, please top up and retry after payment')).toBe(true);
    expect(exhaustedByMessage('Upgrade your plan for higher rate limits or retry after 10s')).toBe(false);
  });
});
