// Session 22 (meta13): metamorphic invariance of the generic layer (corpus/tools/metamorph.ts). Dev cases the generic
// layer reads right, rewritten without changing their meaning (a key renamed within its synonym class or case
// style, a problem+json media type on a body that is not a problem), must still be read the same.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify } from '../classify';
import { recognizers } from '../formats/index';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const RENAMED: Variant[] = [
  {
    name: 'error object whose code key is `error_code` beside a `type` token (together-404-model, code key renamed)',
    status: 404,
    body: {
      error: {
        message: 'Unable to access model nope/model.',
        type: 'invalid_request_error',
        error_code: 'model_not_available',
      },
    },
    expect: { failure: true, errorCode: 'model_not_available', message: 'Unable to access model nope/model.' },
  },
  {
    name: '`{error, msg}`: the msg beside a reason-phrase error is the message (kit-401, message key renamed)',
    status: 401,
    body: { error: 'Authorization Failed', msg: 'API Key not valid' },
    expect: { failure: true, message: 'API Key not valid' },
  },
  {
    name: 'problem details with an occurrence `msg` beside the type title (weather-gov, message key renamed)',
    status: 503,
    body: {
      correlationId: 'b8a30cd9-f270-4d64-8d37-f44b35e5ee3c',
      title: 'Unavailable Resource',
      type: 'https://api.weather.gov/problems/UnavailableWebService',
      status: 503,
      msg: 'The resource you requested is currently unavailable. Please try again later.',
    },
    expect: { failure: true, message: 'The resource you requested is currently unavailable.' },
  },
  {
    name: 'problem details whose code key is `errorCode` beside a type URL (echo-pro, code key renamed)',
    status: 409,
    body: {
      errorCode: 'operation_in_progress',
      status: 409,
      title: 'Conflict',
      type: 'https://echo.example.test/problems/operation-in-progress',
    },
    expect: { failure: true, errorCode: 'operation_in_progress' },
  },
  {
    name: 'a problem+json media type on a body with no problem member (couchdb-409, content type changed)',
    status: 409,
    type: 'application/problem+json',
    body: { error: 'conflict', reason: 'Document update conflict.' },
    expect: { failure: true, errorCode: 'conflict', message: 'Document update conflict.' },
  },
  {
    name: 'a problem+json media type on a 2xx success with no problem member stays a success',
    status: 200,
    type: 'application/problem+json',
    body: { ok: true, result: { id: 7 } },
    expect: { failure: false },
  },
  {
    name: '`{code: 404, msg}` on a 404: the code repeats the HTTP status (heron-data, message key renamed)',
    status: 404,
    body: { code: 404, msg: 'Transaction not found', name: 'Not Found' },
    expect: { failure: true, errorCode: null, message: 'Transaction not found' },
  },
  {
    name: '`{code: 500, msg, status, title}` on a 500 (va-benefits, message key renamed)',
    status: 500,
    body: { code: 500, msg: 'Internal server error', status: 500, title: 'Internal server error' },
    expect: { failure: true, errorCode: null },
  },
];

describe('generic shapes read fields by name stem in any case style (metamorph.ts)', () => {
  it.each(rows(RENAMED))('%s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
});

/** Every spelling the metamorphic runs use for one key: synonyms × case styles. */
const words = (key: string) => key.split('_');
const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
const spellings = (names: string[]) =>
  names.flatMap((n) => [
    n,
    words(n)
      .map((w, i) => (i ? cap(w) : w))
      .join(''),
    words(n).map(cap).join(''),
    n.toUpperCase(),
    words(n).join('-'),
  ]);

describe('property: an error object reads its code and message whatever the keys are called', () => {
  const generic = recognizers.filter((r) => !r.vendor);
  it('`{error: {<code key>, <message key>, type}}` gives the code and the message, vendor knowledge off', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...spellings(['code', 'error_code', 'err_code'])),
        fc.constantFrom(...spellings(['message', 'msg', 'error_message'])),
        fc.constantFrom('error', 'Error', 'ERROR'),
        fc.stringMatching(/^[a-z]{3,8}_[a-z]{3,8}$/),
        fc.constantFrom(400, 403, 409, 422, 500),
        (codeKey, messageKey, errorKey, code, status) => {
          const body = {
            [errorKey]: { type: 'api_error', [messageKey]: 'The thing could not be done.', [codeKey]: code },
          };
          const got = classify(
            {
              method: 'GET',
              url: 'https://api.example.test/v1/x',
              status,
              responseHeaders: { 'content-type': 'application/json' },
              body: JSON.stringify(body),
            },
            { profiles: [], recognizers: generic },
          );
          expect(got.errorCode).toBe(code);
          expect(got.message).toContain('The thing could not be done.');
        },
      ),
    );
  });
});
