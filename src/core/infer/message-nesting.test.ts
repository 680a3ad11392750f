// Issue 13, round 3 (reach-h): framework error bodies put the API's message at the top (`detail`)
// and per-item notes in a list beside it (`extra: [{message}]`, `messages: [{message}]`). A message
// nested in an object that is no error container details something else; the top-level one wins.
// Messages inside error containers (`errors`, `error`, `details`) keep their weight.
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const TOP_LEVEL_WINS: Variant[] = [
  {
    name: 'detail beside extra[].message (status_code + detail + extra)',
    status: 400,
    body: {
      status_code: 400,
      detail: 'Validation failed for POST /people',
      extra: [{ message: 'Expected `int`, got `str`', key: 'age', source: 'body' }],
    },
    expect: { message: 'Validation failed for POST /people', errorCode: null },
  },
  {
    name: 'detail + code beside messages[].message (token errors)',
    status: 401,
    body: {
      detail: 'Given token not valid for any token type',
      code: 'token_not_valid',
      messages: [{ token_class: 'AccessToken', token_type: 'access', message: 'Token is invalid or expired' }],
    },
    expect: { message: 'Given token not valid for any token type', errorCode: 'token_not_valid' },
  },
  {
    name: 'detail beside a nested object with a message (context)',
    status: 409,
    body: { detail: 'Order 17 is already shipped', hints: { message: 'See the order history for details' } },
    expect: { message: 'Order 17 is already shipped' },
  },
  {
    name: 'description beside notes[].msg',
    status: 400,
    body: { description: 'The request body is not valid JSON', notes: [{ msg: 'Unexpected token at column 14' }] },
    expect: { message: 'The request body is not valid JSON' },
  },
];

const COUNTER: Variant[] = [
  {
    name: 'counter: a message nested only in an error container is still found',
    status: 400,
    body: { error: { message: 'Amount must be positive', code: 'invalid_amount' } },
    expect: { message: 'Amount must be positive', errorCode: 'invalid_amount' },
  },
  {
    name: 'counter: the only message, nested in a plain wrapper, is still found',
    status: 404,
    body: { response: { message: 'Customer 42 does not exist' } },
    expect: { message: 'Customer 42 does not exist' },
  },
  {
    name: 'counter: errors[].message still refines a generic top-level message',
    status: 422,
    body: { message: 'Validation failed', errors: [{ field: 'email', message: 'Email is already taken' }] },
    expect: { message: 'Email is already taken' },
  },
  {
    name: 'counter: a nested error message outranks a top-level title',
    status: 400,
    body: { title: 'Request rejected', error: { message: 'Currency XYZ is not supported' } },
    expect: { message: 'Currency XYZ is not supported' },
  },
];

describe('top-level message over messages nested outside error containers (issue 13, reach-h)', () => {
  it.each(rows(TOP_LEVEL_WINS))('top level wins: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(COUNTER))('%s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
});
