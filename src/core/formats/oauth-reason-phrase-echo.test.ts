// OAuth-shaped bodies whose `error` is the status's reason phrase (issue 13): `{error: "Unauthorized",
// error_description: ""}` on a 401 repeats the status (label C3: a reason phrase in an `error` field is no code).
// RFC 6749 codes (`invalid_token`, lower-case tokens) stay codes.
// Sources: corpus/cases dev part (youtrack-401-oauth-style-unauthorized-empty-description).
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const ECHOES: Variant[] = [
  {
    name: 'Title-case reason phrase with an empty description, on a 403',
    status: 403,
    body: { error: 'Forbidden', error_description: '' },
    expect: { failure: true, errorCode: null },
  },
  {
    name: 'reason phrase with a description, on a 401: the description is the message',
    status: 401,
    body: { error: 'Unauthorized', error_description: 'The access token is missing from the request' },
    expect: { failure: true, errorCode: null, message: 'The access token is missing from the request' },
  },
];

const CODES: Variant[] = [
  {
    name: 'counter: an RFC 6749 code stays the code',
    status: 401,
    body: { error: 'invalid_token', error_description: '' },
    expect: { failure: true, errorCode: 'invalid_token' },
  },
  {
    name: 'counter: a lower-case token that spells the phrase stays the code',
    status: 401,
    body: { error: 'unauthorized', error_description: 'Client is not allowed to use this grant' },
    expect: { failure: true, errorCode: 'unauthorized' },
  },
];

describe('an OAuth error that is the reason phrase is no code', () => {
  it.each(rows(ECHOES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
describe('OAuth codes stay codes', () => {
  it.each(rows(CODES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
