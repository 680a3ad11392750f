// A 5xx whose body says the request itself was malformed: a media type or body the server could not parse, a GraphQL
// document refused by its parser or validation. Sent again unchanged it fails again (not retryable). Ordinary 5xx,
// and server-side parse failures that say so, stay retryable.
import { describe, expect, it } from 'vitest';
import { requestBlamedByMessage } from './infer/semantics';
import { rows, variantMismatches, type Variant } from './testing/variants';

const BLAMES_REQUEST: Variant[] = [
  {
    name: 'text/plain 500: media type that cannot be parsed',
    status: 500,
    type: 'text/plain',
    body: 'Cannot parse media type: application.json',
    expect: { failure: true, retryable: false },
  },
  {
    name: 'GraphQL 500: operation name missing',
    status: 500,
    body: { errors: [{ message: 'Must provide operation name if query contains multiple operations.' }] },
    expect: { failure: true, retryable: false },
  },
  {
    name: 'GraphQL 500: field not in the schema',
    status: 500,
    body: { errors: [{ message: 'Cannot query field "nme" on type "User". Did you mean "name"?' }] },
    expect: { failure: true, retryable: false },
  },
  {
    name: 'GraphQL 500: syntax error in the document',
    status: 500,
    body: { errors: [{ message: 'Syntax Error: Expected Name, found <EOF>.' }] },
    expect: { failure: true, retryable: false },
  },
  {
    name: '500: request body could not be parsed',
    status: 500,
    body: { error: 'Unable to parse request body as JSON' },
    expect: { failure: true, retryable: false },
  },
];

const SERVER_FAULTS: Variant[] = [
  {
    name: '500: a plain internal error',
    status: 500,
    body: { error: 'Internal Server Error' },
    expect: { failure: true, retryable: true },
  },
  {
    name: '502: upstream reply that could not be parsed',
    status: 502,
    body: { message: 'Failed to parse upstream response' },
    expect: { failure: true, retryable: true },
  },
  {
    name: '500: parse failure inside the server, with an exception',
    status: 500,
    body: { message: 'Cannot parse request: unexpected NullPointerException in handler' },
    expect: { failure: true, retryable: true },
  },
];

describe('a 5xx whose body blames the request', () => {
  it.each(rows(BLAMES_REQUEST))('not retryable: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(SERVER_FAULTS))('still retryable: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));

  it('reads only a leading "must provide" and a named request part', () => {
    expect(requestBlamedByMessage('Must provide query string.')).toBe(true);
    expect(requestBlamedByMessage('The worker must provide a heartbeat')).toBe(false);
    expect(requestBlamedByMessage('Could not parse configuration file')).toBe(false);
  });
});
