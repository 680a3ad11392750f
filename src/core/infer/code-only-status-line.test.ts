// A plain-text answer that is one error status line holding only a code (`ERROR:14`, `ERR: 103`): SMS and payment
// gateways' plain-text APIs print the status word and the code, and document each code's meaning apart. The same
// line with a message beside it (`ERR: 001, Authentication failed`) is result-envelopes.test.ts's. The body is a
// failure even on a 2xx, the code is its code, and it holds no human text, so no message (fixtures README; label
// conventions M5: code-only bodies).
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const text = (name: string, status: number, body: string, expect: Variant['expect']): Variant => ({
  name,
  status,
  type: 'text/plain; charset=utf-8',
  body,
  expect,
});

const FAILURES: Variant[] = [
  text('ERROR:14 on a 200', 200, 'ERROR:14', { failure: true, errorCode: '14', message: null }),
  text('ERR: 103 on a 200, with a line break', 200, 'ERR: 103\n', { failure: true, errorCode: '103', message: null }),
  text('ERROR: INVALID_TOKEN on a 200', 200, 'ERROR: INVALID_TOKEN', {
    failure: true,
    errorCode: 'INVALID_TOKEN',
    message: null,
  }),
  text('ERROR:101 on a 400: the code is read, the line is no message', 400, 'ERROR:101', {
    failure: true,
    errorCode: '101',
    message: null,
  }),
  text('ERR - 101 on a 200: a dash after the word', 200, 'ERR - 101', {
    failure: true,
    errorCode: '101',
    message: null,
  }),
  text('FAILED: E42 on a 200: a short letter prefix before the number', 200, 'FAILED: E42', {
    failure: true,
    errorCode: 'E42',
    message: null,
  }),
];

const NOT_CODE_ONLY: Variant[] = [
  text('OK: 12345 stays a success', 200, 'OK: 12345', { failure: false }),
  text('ERROR: with no code stays a success', 200, 'ERROR:', { failure: false }),
  text('a bare number stays a success', 200, '14', { failure: false }),
  text('ID: 12345 stays a success', 200, 'ID: 12345', { failure: false }),
  text('a sentence after ERROR: stays the message', 200, 'ERROR: 14 - Invalid phone number', {
    failure: true,
    errorCode: '14',
    message: 'Invalid phone number',
  }),
  text('a log whose second line is ERROR:14 stays a success', 200, 'sent 3 of 3\nERROR:14', { failure: false }),
];

describe('code-only status line: a text body that is ERROR:<code> fails with that code and no message', () => {
  it.each(rows(FAILURES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('code-only status line: other lines keep their reading', () => {
  it.each(rows(NOT_CODE_ONLY))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
