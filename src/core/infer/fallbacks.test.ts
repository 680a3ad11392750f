// diag24 (issue 13): shape-based fallbacks after the scored walk found nothing. Cases by class, not from the corpus.
import { describe, expect, it } from 'vitest';
import { inferJson } from './json';

describe('unlisted-key message fallback', () => {
  it('takes a sentence under a key no dictionary knows, on an error status', () => {
    const got = inferJson(
      { code: 'INVOICE_GONE', whatHappened: 'The invoice was deleted by another user last week' },
      404,
    );
    expect(got.message).toBe('The invoice was deleted by another user last week');
    expect(got.messageField).toBe('whatHappened');
  });

  it('looks one level down into an error container and its first item', () => {
    expect(
      inferJson({ error: { code: 'QUOTA_USED', whatHappened: 'The quota for this project is used up' } }, 403).message,
    ).toBe('The quota for this project is used up');
    expect(
      inferJson({ errors: [{ code: 'CARD_INVALID', whatHappened: 'The card number is not valid here' }] }, 402)
        .messageField,
    ).toBe('errors[0].whatHappened');
  });

  it('never takes links, help text, request echoes or short tokens, and never outranks a dictionary key', () => {
    expect(
      inferJson({ code: 'E_BAD', helpUrl: 'see the docs for more about this', whatHappened: 'bad' }, 400).message,
    ).toBeUndefined();
    expect(
      inferJson({ message: 'Quota exceeded', whatHappened: 'A longer sentence beside it here' }, 429).message,
    ).toBe('Quota exceeded');
  });

  it('leaves a success alone', () => {
    expect(
      inferJson({ code: 'PAID', whatHappened: 'The invoice was paid in full today' }, 200).message,
    ).toBeUndefined();
  });
});
