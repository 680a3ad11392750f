// Envelopes and body forms the first dictionaries did not cover, drawn from vendor docs (corpus/cases/vendors2.json):
// what the inference reads from them, and the look-alikes it must leave alone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildBodyView } from '../body';
import { classify } from '../classify';
import { formFields } from './index';
import { inferJson, statusVerdict } from './json';

/** The note classify() leaves when a reader threw (see hostile.test.ts). */
const CRASH_NOTE = /internal error while classifying|recognizer \S+ failed|overrides failed/;

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  classify({
    method: 'POST',
    url: 'https://api.example.test/v1/x',
    status,
    responseHeaders: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

const raw = (status: number, body: string, contentType: string) =>
  classify({
    method: 'GET',
    url: 'https://api.example.test/v1/x',
    status,
    responseHeaders: { 'content-type': contentType },
    body,
  });

describe('envelopes the dictionaries did not cover', () => {
  it('reads ret* result codes and their messages in a 2xx; a zero result code stays a success', () => {
    const failed = json(200, { retCode: 170131, retMsg: 'Insufficient balance for this order', result: {} });
    expect(failed).toMatchObject({
      failure: true,
      errorCode: '170131',
      message: 'Insufficient balance for this order',
    });
    expect(json(200, { retCode: 0, retMsg: 'OK', result: { list: [] } }).failure).toBe(false);
  });

  it('a 2xx status token that ends by saying it failed is a failure and the code', () => {
    expect(json(200, { status: 'RESET_PASSWORD_INVALID_TOKEN_ERROR' })).toMatchObject({
      failure: true,
      errorCode: 'RESET_PASSWORD_INVALID_TOKEN_ERROR',
    });
    // A status that only names a state is not a failure.
    expect(json(200, { status: 'EMAIL_VERIFICATION_PENDING' }).failure).toBe(false);
    expect(statusVerdict({ status: 'UNKNOWN_USER_ID_ERROR' })).toBe(true);
  });

  it('judges a status one level down (`result`, `messages`) and reads the code beside it', () => {
    expect(
      json(200, { result: { status: 'error', error: 'srcActMissing', error_message: 'Source account not provided.' } }),
    ).toMatchObject({ failure: true, errorCode: 'srcActMissing', message: 'Source account not provided.' });
    expect(
      json(200, {
        messages: {
          resultCode: 'Error',
          message: [{ code: 'E00003', text: 'An error occurred while parsing the XML.' }],
        },
      }),
    ).toMatchObject({ failure: true, errorCode: 'E00003', message: 'An error occurred while parsing the XML.' });
    // A result object that succeeded stays plain data.
    expect(json(200, { result: { status: 'success', account: 'r9cZ' } }).failure).toBe(false);
  });

  it('on an error status, reads the first failed per-item result under data', () => {
    const got = inferJson(
      { data: [{ code: 'INVALID_DATA', details: { api_name: 'Email' }, message: 'invalid data', status: 'error' }] },
      400,
    );
    expect(got).toMatchObject({ errorCode: 'INVALID_DATA', message: 'invalid data', errorCodeField: 'data[0].code' });
  });

  it('takes an integer errorId in an error list as the code, not as a support ID', () => {
    const got = inferJson({ errors: [{ errorId: 25002, category: 'REQUEST', message: 'Item not available' }] }, 400);
    expect(got.errorCode).toBe(25002);
    expect(got.errorId).toBeUndefined();
  });

  it('keeps numeric codes that are not HTTP error or success statuses (101, 137), drops 404-like echoes', () => {
    expect(inferJson({ code: 141, error: 'Cloud function failed' }, 400).errorCode).toBe(141);
    expect(inferJson({ code: 404, error: 'Object not found' }, 400).errorCode).toBeUndefined();
  });

  it('reads an upper-case `label` as a code, not a word label', () => {
    expect(inferJson({ label: 'BALANCE_NOT_ENOUGH', message: 'Not enough balance' }, 400).errorCode).toBe(
      'BALANCE_NOT_ENOUGH',
    );
    expect(inferJson({ label: 'Email', message: 'Email is taken' }, 400).errorCode).toBeUndefined();
  });

  it('reads bracketed codes under generalErrors/fieldErrors', () => {
    const got = inferJson(
      { generalErrors: [{ code: '[TenantIdRequired]', message: 'A tenant Id is required.' }] },
      400,
    );
    expect(got).toMatchObject({ errorCode: '[TenantIdRequired]', message: 'A tenant Id is required.' });
  });

  it('an error object: a sentence under `reason` is not a code; a snake `id` is; a UUID `request` is the support ID', () => {
    const got = json(403, {
      error: {
        id: 'self_service_flow_disabled',
        code: 403,
        status: 'Forbidden',
        request: '0c1f5e5a-6a3e-4a8e-9a55-9b4b0e1b7f21',
        reason: 'Registration is not allowed because it was disabled.',
        message: 'registration flow disabled',
      },
    });
    expect(got).toMatchObject({
      errorCode: 'self_service_flow_disabled',
      errorId: '0c1f5e5a-6a3e-4a8e-9a55-9b4b0e1b7f21',
      message: 'registration flow disabled',
    });
  });

  it("reads a short number under an error object's `id` as its code, never a record ID or a UUID", () => {
    expect(
      inferJson({ error: { id: '1020', name: 'Resource Not Found', message: 'The survey was not found.' } }, 404)
        .errorCode,
    ).toBe('1020');
    expect(
      inferJson({ error: { id: '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f', message: 'Gone' } }, 410).errorCode,
    ).toBeUndefined();
  });

  it('prefers the top-level code to the codes of the details below it', () => {
    const got = inferJson(
      { code: 'INVALID_PAYLOAD', description: 'Bad payload', details: [{ code: 'TOO_LONG', field: '/title' }] },
      400,
    );
    expect(got.errorCode).toBe('INVALID_PAYLOAD');
    // Without a top-level code the detail's code is the code.
    expect(inferJson({ description: 'Bad payload', details: [{ code: 'TOO_LONG' }] }, 400).errorCode).toBe('TOO_LONG');
  });

  it('a limit marked "(daily)" is an exhausted quota, not a rate to wait out', () => {
    const got = json(420, { errors: [{ message: 'Exceed Sending Limit (monthly)', code: '2101' }] });
    expect(got.retryable).toBe(false);
    expect(json(420, { errors: [{ message: 'Exceed Sending Limit (per second)', code: '2103' }] }).retryable).toBe(
      true,
    );
  });

  it('a 2xx body that says "too many visits" or "too many calls" is a rate limit', () => {
    expect(json(200, { retCode: 10018, retMsg: 'Too many calls from this IP' }).retryable).toBe(true);
    expect(json(200, { retCode: 10001, retMsg: 'params error' }).retryable).toBe(false);
  });
});

describe('bodies that are not bare JSON', () => {
  it('reads JSON behind an anti-XSSI prefix and inside a JSONP callback', () => {
    const xssi = buildBodyView({
      method: 'GET',
      url: 'https://x.test/',
      status: 400,
      responseHeaders: {},
      mimeType: 'application/json',
      body: ')]}\'\n{"error":"bad_input"}',
    });
    expect(xssi).toMatchObject({ kind: 'json', json: { error: 'bad_input' } });
    expect(
      raw(200, 'handle({"stat":"fail","code":96,"message":"Invalid signature"});', 'text/javascript'),
    ).toMatchObject({
      failure: true,
      errorCode: '96',
      message: 'Invalid signature',
    });
    // A script that calls a function with code, not data, stays text.
    expect(
      buildBodyView({
        method: 'GET',
        url: 'https://x.test/',
        status: 200,
        responseHeaders: {},
        mimeType: 'text/javascript',
        body: 'init(function () { return 1; })',
      }).kind,
    ).toBe('text');
  });

  it('reads a form-encoded answer like a JSON object (OAuth errors, NVP list fields)', () => {
    expect(formFields('error=invalid_grant&error_description=Code+expired')).toEqual({
      error: 'invalid_grant',
      error_description: 'Code expired',
    });
    expect(formFields('ACK=Failure&L_ERRORCODE0=10413&L_ERRORCODE1=10001')).toEqual({
      ACK: 'Failure',
      ERRORCODE: '10413',
    });
    expect(formFields('Just a sentence = not a form')).toBeUndefined();
    expect(formFields('a=%E0%A4%A&b=1')).toBeUndefined();
    expect(
      raw(200, 'error=access_denied&error_description=The+user+denied+access', 'application/x-www-form-urlencoded'),
    ).toMatchObject({
      failure: true,
      errorCode: 'access_denied',
      message: 'The user denied access',
    });
    // A form-encoded success stays a success.
    expect(
      raw(200, 'access_token=abc123&token_type=bearer&scope=repo', 'application/x-www-form-urlencoded').failure,
    ).toBe(false);
  });

  it('reads the error in the payload slot of a failed envelope, not of a successful one', () => {
    expect(
      json(400, { data: { error: 'Image format not supported', request: '/3/upload' }, success: false, status: 400 }),
    ).toMatchObject({
      message: 'Image format not supported',
    });
    expect(inferJson({ data: { error: null, items: [] }, success: true }, 200).saysFailure).not.toBe(true);
  });
});

describe('properties: the new readers never throw', () => {
  it('form-encoded, XSSI-prefixed and JSONP-shaped bodies of any content classify without throwing', () => {
    const pieces = fc.constantFrom(
      ")]}'\n",
      'while(1);',
      'cb(',
      'a=',
      '&b=',
      '%',
      '%E0',
      '+',
      '{',
      '[',
      ')',
      ';',
      'L_CODE0=',
      '=',
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(pieces, fc.string({ maxLength: 12 })), { maxLength: 30 }),
        fc.constantFrom('text/plain', 'application/json', 'text/javascript', 'application/x-www-form-urlencoded', ''),
        fc.constantFrom(200, 400, 500),
        (parts, mime, status) => {
          const body = parts.join('');
          expect(() => formFields(body)).not.toThrow();
          const got = classify({
            method: 'GET',
            url: 'https://x.test/',
            status,
            responseHeaders: mime ? { 'content-type': mime } : {},
            body,
          });
          expect(got.notes.filter((n) => CRASH_NOTE.test(n))).toEqual([]);
          expect(typeof got.action).toBe('string');
        },
      ),
      { numRuns: 300 },
    );
  });
});
