// A 2xx body that is only a message saying failure is a failure; a success message, an empty result, work under
// way, or the same sentence beside a payload, a success flag or a `code: 0` stays a success (issue 13, verdict25).
import { describe, expect, it } from 'vitest';
import { saysFailureAlone } from './lone-message';
import { statusVerdict } from './json';
import { partialRowMismatches, type PartialRow } from '../testing/partial-rows';

const run = (rows: PartialRow[]): void =>
  it.each(rows.map((r) => [r.name, r] as const))('%s', (_n, r) => expect(partialRowMismatches(r)).toEqual([]));

describe('saysFailureAlone', () => {
  it.each([
    'Account already exists',
    'no such user',
    'Invalid API key',
    'Too many requests',
    'Record not found',
    "The user doesn't exist",
    'Daily quota exceeded for this key',
    'Service is temporarily unavailable. Please try again later.',
    'The server is busy',
    'Upstream request timed out',
  ])('says failure: %s', (t) => expect(saysFailureAlone(t)).toBe(true));
  it.each([
    'Deleted successfully.',
    'No results found',
    'OK',
    'Invalid',
    'Job queued to rename user. It may take a few minutes to complete.',
    "Items couldn't be marked in one request. They are being marked in the background.",
    'Please provide proof of address.',
    'Please try again with a different name.',
    'Service restored',
    'x '.repeat(40) + 'invalid',
  ])('does not: %s', (t) => expect(saysFailureAlone(t)).toBe(false));
});

describe('statusVerdict on a lone message', () => {
  it('judges a lone failure message, or one beside `result: 0` or one scalar, a failure', () => {
    expect(statusVerdict({ reason: 'no such user' })).toBe(true);
    expect(statusVerdict({ result: 0, reason: 'Account already exists' })).toBe(true);
    expect(statusVerdict({ bucket: 'b1', detail: 'failed to write bucket' })).toBe(true);
  });
  it('leaves it undecided beside a payload, a record, or in a larger body', () => {
    expect(statusVerdict({ message: 'Invalid API key', items: [{ id: 1 }] })).toBeUndefined();
    expect(statusVerdict({ id: 'u1', message: 'Account already exists' })).toBeUndefined();
    expect(
      statusVerdict({ nameAvailable: false, reason: 'Already exists', message: 'Already in use' }),
    ).toBeUndefined();
  });
  it('keeps a success code or flag beside it a success', () => {
    expect(statusVerdict({ code: 0, message: 'Invalid API key' })).toBe(false);
    expect(statusVerdict({ success: 1, message: 'Invalid API key' })).toBe(false);
  });
});

describe('classify: a 2xx that is only a failure message', () => {
  run([
    { name: 'message alone', body: { message: 'Account already exists' }, messageHas: 'already exists' },
    { name: '`reason` alone', body: { reason: 'no such user' }, messageHas: 'no such user' },
    {
      name: '`metadata` holder with result 0',
      body: { metadata: { result: 0, reason: 'no such user' } },
      messageHas: 'no such user',
    },
    { name: 'a success message stays a success', body: { message: 'Deleted successfully.' }, failure: false },
    { name: 'an empty result stays a success', body: { message: 'No results found' }, failure: false },
    {
      name: 'a `metadata` holder with result 1 stays a success',
      body: { metadata: { result: 1, reason: 'OK' }, data: { acct: [] } },
      failure: false,
    },
    {
      name: 'a 202 under way stays a success',
      status: 202,
      body: { message: 'Notifications are being marked as read in the background, could not mark in one request.' },
      failure: false,
    },
  ]);
});

describe('classify: a 2xx plain-text line that opens with a refusal', () => {
  run([
    {
      name: 'bad request line',
      contentType: 'text/html; charset=utf-8',
      body: 'Bad API request, invalid api_user_key',
      messageHas: 'invalid api_user_key',
    },
    { name: 'no such', contentType: 'text/plain', body: 'No such file or directory', messageHas: 'no such file' },
    {
      name: 'a URL answer stays a success',
      contentType: 'text/plain',
      body: 'https://paste.example.test/abc123',
      failure: false,
    },
    {
      name: 'a tally naming invalid rows stays a success',
      contentType: 'text/plain',
      body: '3 rows imported, 0 invalid',
      failure: false,
    },
    {
      name: 'a verb starting with invalid stays a success',
      contentType: 'text/plain',
      body: 'Invalidated 3 sessions',
      failure: false,
    },
  ]);
});
