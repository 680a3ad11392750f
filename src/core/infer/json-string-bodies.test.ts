// A JSON body that is one string (issue 13): on an error status the string is the API's text, the message, as a
// plain-text body's line would be. Not on a success, not a lone token, not the reason phrase alone.
// Sources: corpus/tools/learn-s30c-sources.md (Eloverblik `"#30002: …"` on a 400), fresh-s24h (la-cale).
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const JSON_TYPE = 'application/json; charset=utf-8';

const MESSAGES: Variant[] = [
  {
    name: 'a numbered sentence as a JSON string, on a 400',
    status: 400,
    type: JSON_TYPE,
    body: '"#41007: Metering point is not linked to this customer."',
    expect: { failure: true, message: 'Metering point is not linked to this customer.' },
  },
  {
    name: 'a two-word phrase in another language, on a 403',
    status: 403,
    type: JSON_TYPE,
    body: '"Zugriff verweigert"\n',
    expect: { failure: true, message: 'Zugriff verweigert', retryable: false },
  },
  {
    name: 'a sentence with escapes, on a 500',
    status: 500,
    type: JSON_TYPE,
    body: '"An error occurred while saving \\"invoice\\" 7781."',
    expect: { failure: true, message: 'An error occurred while saving "invoice" 7781.' },
  },
];

const COUNTER: Variant[] = [
  {
    name: 'counter: a JSON string on a 200 is data, no failure',
    status: 200,
    type: JSON_TYPE,
    body: '"Order accepted and queued"',
    expect: { failure: false, message: null },
  },
  {
    name: 'counter: a lone token is no message',
    status: 400,
    type: JSON_TYPE,
    body: '"INVALID_PERIOD"',
    expect: { failure: true, message: null },
  },
  {
    name: 'counter: the reason phrase alone says nothing more',
    status: 404,
    type: JSON_TYPE,
    body: '"Not Found"',
    expect: { failure: true, message: null },
  },
  {
    name: 'counter: a JSON object keeps its own message',
    status: 400,
    type: JSON_TYPE,
    body: { message: 'Period not allowed' },
    expect: { failure: true, message: 'Period not allowed' },
  },
];

describe('a JSON string body on an error status is the message', () => {
  it.each(rows(MESSAGES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
describe('success strings, lone tokens and reason phrases are not', () => {
  it.each(rows(COUNTER))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
