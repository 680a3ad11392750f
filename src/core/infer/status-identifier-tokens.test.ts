// A 2xx envelope whose `status` holds an identifier that names the failure in lower snake or camel case
// (VoIP.ms `{status: "invalid_dst", message}`, VTEX Message Center `{status: "emailNotFound"}`): read like its
// upper-case spelling (`INVALID_DST`, `EMAIL_NOT_FOUND`). Status words of work in progress or success stay successes.
import { describe, expect, it } from 'vitest';
import { classify } from '../classify';
import { identifierToken } from './json';

const failureOf = (body: unknown): boolean =>
  classify({
    method: 'GET',
    url: 'https://api.example.test/v1/call',
    status: 200,
    responseHeaders: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).failure;

describe('status identifiers that name a failure', () => {
  it('spells snake and camel identifiers as upper-case tokens, and nothing else', () => {
    expect(identifierToken('invalid_dst')).toBe('INVALID_DST');
    expect(identifierToken('emailNotFound')).toBe('EMAIL_NOT_FOUND');
    expect(identifierToken('success')).toBeUndefined();
    expect(identifierToken('INVALID_KEY')).toBeUndefined();
    expect(identifierToken('not a token')).toBeUndefined();
  });

  it.each([
    ['snake case beside a sentence', { status: 'invalid_dst', message: 'This is not a valid Destination Number' }],
    ['snake case credentials', { status: 'invalid_credentials' }],
    ['camel case with an empty payload', { dkimKeys: null, status: 'emailNotFound' }],
    ['snake case ending in error', { state: 'upstream_error', detail: 'Upstream did not answer' }],
  ])('%s is a failure', (_n, body) => expect(failureOf(body)).toBe(true));

  it.each([
    ['work in progress', { status: 'in_progress', id: 'job_1' }],
    ['not started yet', { status: 'not_started' }],
    ['a success identifier', { status: 'email_sent', message: 'Queued for delivery' }],
    ['no error spelled as an identifier', { status: 'no_error', data: { n: 1 } }],
    ['camel no error', { status: 'noError' }],
    [
      'a record whose state names a failed item',
      {
        id: 'ord_1',
        object: 'order',
        created: 1,
        amount: 5,
        currency: 'usd',
        customer: 'c_1',
        email: 'a@b.c',
        items: [],
        shipping: null,
        status: 'payment_failed',
      },
    ],
  ])('%s stays a success', (_n, body) => expect(failureOf(body)).toBe(false));
});
