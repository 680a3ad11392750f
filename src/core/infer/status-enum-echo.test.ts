// The HTTP status's enum name under `error` (issue 13): Spring-style bodies built with `HttpStatus.name()` write
// `{status: 500, error: "INTERNAL_SERVER_ERROR"}`, the status twice, so there is no API code (C3: a reason phrase in
// an `error` field is none). Alone, beside a string status, or a token that is not the status's name, it stays a code.
// Sources: corpus/tools/learn-s30c-sources.md (Datadis 500 without `path`).
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const ECHOES: Variant[] = [
  {
    name: 'the enum name beside the numeric status and a timestamp, on a 400',
    status: 400,
    body: {
      status: 400,
      error: 'BAD_REQUEST',
      message: 'Parameter startDate is required',
      timestamp: '2024-02-01T10:00:00Z',
    },
    expect: { failure: true, errorCode: null, message: 'Parameter startDate is required' },
  },
  {
    name: 'the same beside statusCode, on a 404',
    status: 404,
    body: { statusCode: 404, error: 'NOT_FOUND', message: 'Supply point ES0021 is not linked to this user' },
    expect: { failure: true, errorCode: null, message: 'Supply point ES0021 is not linked to this user' },
  },
  {
    name: 'a multi-word 503 enum name',
    status: 503,
    body: { status: 503, error: 'SERVICE_UNAVAILABLE', message: 'Meter reading backend is down for upgrade' },
    expect: { failure: true, errorCode: null },
  },
];

const CODES: Variant[] = [
  {
    name: 'counter: the enum name alone is the API code',
    status: 404,
    body: { error: 'NOT_FOUND', message: 'Could not find table tblX in this base' },
    expect: { failure: true, errorCode: 'NOT_FOUND' },
  },
  {
    name: 'counter: beside a status word, not a number, it stays a code',
    status: 403,
    body: { status: 'error', error: 'FORBIDDEN', error_description: 'Route disabled for this key.' },
    expect: { failure: true, errorCode: 'FORBIDDEN' },
  },
  {
    name: 'counter: a token that is not the status name stays a code beside the status',
    status: 400,
    body: { status: 400, error: 'INVALID_DATE_RANGE', message: 'End date before start date' },
    expect: { failure: true, errorCode: 'INVALID_DATE_RANGE' },
  },
];

describe('the status enum name beside the status number is no code', () => {
  it.each(rows(ECHOES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
describe('enum-like tokens elsewhere stay codes', () => {
  it.each(rows(CODES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
