import { describe, expect, it } from 'vitest';
import { challengeError } from './auth-challenge';
import { rows, variantMismatches, type Variant } from './testing/variants';

describe('challengeError (RFC 6750 §3, RFC 9449 §7.1)', () => {
  it.each([
    [
      'Bearer realm="example", error="invalid_token", error_description="The access token expired"',
      { error: 'invalid_token', description: 'The access token expired' },
    ],
    ['Bearer error="insufficient_scope", scope="read write"', { error: 'insufficient_scope' }],
    [
      'DPoP algs="ES256", error="use_dpop_nonce", error_description="Resource server requires nonce in DPoP proof"',
      {
        error: 'use_dpop_nonce',
        description: 'Resource server requires nonce in DPoP proof',
      },
    ],
    ['Bearer error=invalid_token', { error: 'invalid_token' }],
    [
      'Bearer error_description="quoted \\"inner\\" text", error="invalid_request"',
      {
        error: 'invalid_request',
        description: 'quoted "inner" text',
      },
    ],
  ])('%s', (value, want) => expect(challengeError(value)).toEqual(want));

  it.each([
    ['Basic realm="api"'],
    ['Bearer realm="example"'],
    ['Bearer realm="errors"'],
    [''],
    ['Bearer error="not a token"'],
    ['x'.repeat(5000) + ' error="invalid_token"'],
  ])('nothing in %s', (value) => expect(challengeError(value)).toBeUndefined());
});

describe('a challenge speaks only when the body said nothing', () => {
  const challenge =
    'Bearer error="invalid_token", error_description="An error occurred while attempting to decode the Jwt: Jwt expired"';
  const variants: Variant[] = [
    {
      name: 'empty body: code and message from the challenge',
      status: 401,
      type: 'text/plain',
      headers: { 'www-authenticate': challenge },
      body: '',
      expect: { failure: true, errorCode: 'invalid_token', message: 'Jwt expired', retryable: false },
    },
    {
      name: 'insufficient_scope on a 403 with an empty body',
      status: 403,
      type: 'text/plain',
      headers: {
        'www-authenticate':
          'Bearer error="insufficient_scope", error_description="The request requires higher privileges than provided by the access token."',
      },
      body: '',
      expect: { failure: true, errorCode: 'insufficient_scope', message: 'requires higher privileges' },
    },
    {
      name: "the body's own message keeps the body's (absent) code",
      status: 401,
      headers: {
        'www-authenticate': 'Bearer realm="x", error="invalid_token", error_description="The access token expired"',
      },
      body: { error: { status: 401, message: 'The access token expired' } },
      expect: { failure: true, errorCode: null, message: 'The access token expired' },
    },
    {
      name: 'counter: a challenge without an error names nothing',
      status: 401,
      type: 'text/plain',
      headers: { 'www-authenticate': 'Bearer realm="api"' },
      body: '',
      expect: { failure: true, errorCode: null, message: null },
    },
    {
      name: 'counter: a success with a challenge header stays a success',
      status: 200,
      headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
      body: { id: 1 },
      expect: { failure: false, errorCode: null },
    },
  ];
  it.each(rows(variants))('%s', (_, v) => expect(variantMismatches(v)).toEqual([]));
});
