// A sub-status number under an echoed status (issue 13): `{status: 401, subStatus: 6004, userMessage}` (Tidal) names
// the API's own error under the HTTP status it repeats, so the sub-status is the code. A sub-status that repeats the
// status, a zero on a success, or one beside a field named `code` is not.
// Sources: corpus/cases dev part (tidal-401-substatus-*).
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const CODES: Variant[] = [
  {
    name: 'camel-case subStatus beside the echoed status, on a 403',
    status: 403,
    body: { status: 403, subStatus: 4005, userMessage: 'Asset is not ready for playback' },
    expect: { failure: true, errorCode: '4005', message: 'Asset is not ready for playback' },
  },
  {
    name: 'snake-case sub_status with a message, on a 404',
    status: 404,
    body: { status: 404, sub_status: 2001, message: 'Track 77 is not available in your region' },
    expect: { failure: true, errorCode: '2001' },
  },
];

const COUNTER: Variant[] = [
  {
    name: 'counter: a sub-status equal to the status is an echo',
    status: 404,
    body: { status: 404, subStatus: 404, userMessage: 'Playlist was not found' },
    expect: { failure: true, errorCode: null },
  },
  {
    name: 'counter: a zero sub-status on a success stays a success',
    status: 200,
    body: { status: 200, subStatus: 0, items: [{ id: 1 }] },
    expect: { failure: false, errorCode: null },
  },
  {
    name: 'counter: a field named code wins over the sub-status',
    status: 401,
    body: { status: 401, subStatus: 11002, code: 'TOKEN_EXPIRED', message: 'Token has expired' },
    expect: { failure: true, errorCode: 'TOKEN_EXPIRED' },
  },
];

describe('a sub-status number under an echoed status is the code', () => {
  it.each(rows(CODES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
describe('echoes, success zeros and named codes keep their reading', () => {
  it.each(rows(COUNTER))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
