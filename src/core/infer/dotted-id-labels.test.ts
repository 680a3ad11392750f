// An ID labelled in the message with a dotted name (issue 13): ServiceStack-style "Request.Id: 74aa…" and
// "Correlation.Id = …" name the request's ID as "Request ID:" does. A dotted word that is not an ID label
// ("request.idle"), or a label followed by an ordinary word, names none.
// Sources: corpus/cases dev part (kobo-store `ResponseStatus.Message` "… Request.Id: <uuid>").
import { describe, expect, it } from 'vitest';
import { idInMessage } from '../ids';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const IDS: Variant[] = [
  {
    name: 'ServiceStack ResponseStatus whose message ends with Request.Id, on a 400',
    status: 400,
    body: {
      ResponseStatus: {
        ErrorCode: 'ArgumentException',
        Message: "Error handling 'LibrarySyncRequest' request. Request.Id: 0f6c2d1e-8a4b-4c3d-9e2f-5a6b7c8d9e0f",
        Errors: [],
      },
    },
    expect: { failure: true, errorId: '0f6c2d1e-8a4b-4c3d-9e2f-5a6b7c8d9e0f' },
  },
  {
    name: 'a Correlation.Id with an equals sign, on a 500',
    status: 500,
    body: { message: 'Upstream call failed (Correlation.Id = c0ffee12-3456-4789-abcd-ef0123456789)' },
    expect: { failure: true, errorId: 'c0ffee12-3456-4789-abcd-ef0123456789' },
  },
];

const COUNTER: Variant[] = [
  {
    name: 'counter: a dotted setting name is no ID label',
    status: 400,
    body: { message: 'Value of request.idleTimeout 300000 exceeds the maximum' },
    expect: { failure: true, errorId: null },
  },
  {
    name: 'counter: a label followed by an ordinary word names no ID',
    status: 400,
    body: { message: 'Header Request.Id must be set on every call' },
    expect: { failure: true, errorId: null },
  },
];

describe('a dotted ID label in the message names the ID', () => {
  it.each(rows(IDS))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
  it('reads it from prose directly', () => {
    expect(idInMessage('Failed. Request.Id: 9a8b7c6d-1111-2222-3333-444455556666')).toBe(
      '9a8b7c6d-1111-2222-3333-444455556666',
    );
  });
});
describe('dotted names that are no ID label name none', () => {
  it.each(rows(COUNTER))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
