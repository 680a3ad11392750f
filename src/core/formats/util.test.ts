import { describe, expect, it } from 'vitest';
import {
  apiCode,
  at,
  durationSeconds,
  fieldErrorsFromDict,
  firstText,
  get,
  getCI,
  hostIs,
  isMachineToken,
  MAX_FIELD_ERRORS,
  railsFieldErrors,
  tagText,
} from './util';

describe('own-property access', () => {
  it('reads own properties and never inherited ones', () => {
    const inherited = Object.create({ message: 'from prototype' });
    expect(get(inherited, 'message')).toBeUndefined();
    expect(get({ message: 'own' }, 'message')).toBe('own');
    expect(get({}, 'toString')).toBeUndefined();
    expect(get(JSON.parse('{"__proto__": {"x": 1}}'), '__proto__')).toEqual({ x: 1 });
  });

  it('prefers the exact spelling, then any case', () => {
    expect(getCI({ Message: 'upper' }, 'message')).toBe('upper');
    expect(getCI({ message: 'exact', MESSAGE: 'other' }, 'message')).toBe('exact');
    expect(getCI(Object.create({ Message: 'x' }), 'message')).toBeUndefined();
  });

  it('walks paths through objects and array indexes', () => {
    const body = { error: { details: [{ reason: 'A' }, { reason: 'B' }] } };
    expect(at(body, ['error', 'details', 1, 'reason'])).toBe('B');
    expect(at(body, ['error', 'details', 5, 'reason'])).toBeUndefined();
    expect(
      firstText(body, [
        ['error', 'message'],
        ['error', 'details', 0, 'reason'],
      ])?.value,
    ).toBe('A');
  });
});

describe('durationSeconds', () => {
  it.each([
    ['58s', 58],
    ['45.837906927s', 45.837906927],
    ['844ms', 0.844],
    ['1m30s', 90],
    ['2h', 7200],
    ['12', 12],
    [3.5, 3.5],
  ] as const)('%s → %s', (input, seconds) => {
    expect(durationSeconds(input)).toBeCloseTo(seconds, 6);
  });

  it.each(['', 'soon', '5 minutes', '-3s', 'ms', '1'.repeat(100) + 's'])('rejects %j', (input) => {
    expect(durationSeconds(input)).toBeUndefined();
  });
});

describe('field dictionaries', () => {
  it('flattens nested dictionaries and message objects', () => {
    expect(
      fieldErrorsFromDict({
        email: ['is invalid', 'is taken'],
        address: { zip: ['is required'] },
        phone: [{ description: 'Phone: is invalid', error: 'InvalidFormat' }],
        summary: 'is required',
      }),
    ).toEqual([
      { field: 'email', message: 'is invalid' },
      { field: 'email', message: 'is taken' },
      { field: 'address.zip', message: 'is required' },
      { field: 'phone', message: 'Phone: is invalid' },
      { field: 'summary', message: 'is required' },
    ]);
  });

  it('caps the number of field errors', () => {
    const many = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`f${i}`, ['bad']]));
    expect(fieldErrorsFromDict(many)).toHaveLength(MAX_FIELD_ERRORS);
  });
});

describe('railsFieldErrors', () => {
  it('words the message like full_messages from the first error and lists the field errors', () => {
    expect(railsFieldErrors({ email: ['is invalid', 'has already been taken'], name: ["can't be blank"] })).toEqual({
      message: 'email is invalid',
      fieldErrors: [
        { field: 'email', message: 'is invalid' },
        { field: 'email', message: 'has already been taken' },
        { field: 'name', message: "can't be blank" },
      ],
    });
  });

  it('lets a base error stand alone as the message and keeps it out of the field errors', () => {
    expect(railsFieldErrors({ base: ['Order is locked'], quantity: ['must be positive'] })).toEqual({
      message: 'Order is locked',
      fieldErrors: [{ field: 'quantity', message: 'must be positive' }],
    });
    expect(railsFieldErrors({ title: ['is too long'], base: ['Order is locked'] })).toEqual({
      message: 'title is too long',
      fieldErrors: [{ field: 'title', message: 'is too long' }],
    });
  });

  it('has no message for an empty dictionary', () => {
    expect(railsFieldErrors({})).toEqual({ message: undefined, fieldErrors: [] });
  });
});

describe('codes and tokens', () => {
  it('drops numeric codes that only repeat the status', () => {
    expect(apiCode(404, 404)).toBeUndefined();
    expect(apiCode('404', 404)).toBeUndefined();
    expect(apiCode(21211, 400)).toBe(21211);
    expect(apiCode('invalid_input', 400)).toBe('invalid_input');
  });

  it('tells machine tokens from prose', () => {
    expect(isMachineToken('invalid_model')).toBe(true);
    expect(isMachineToken('ArticleNotFound')).toBe(true);
    expect(isMachineToken('auth.invalid-token')).toBe(true);
    expect(isMachineToken('Invalid Token')).toBe(false);
    expect(isMachineToken('Unauthorized')).toBe(false);
  });

  it('matches hosts and their subdomains only', () => {
    expect(hostIs('https://api.stripe.com/v1/x', 'stripe.com')).toBe(true);
    expect(hostIs('https://notstripe.com/v1/x', 'stripe.com')).toBe(false);
    expect(hostIs('https://user@slack.com:443/api', 'slack.com')).toBe(true);
  });
});

describe('tagText', () => {
  it('reads the first element case-insensitively, decoding entities and CDATA', () => {
    const xml =
      '<?xml version="1.0"?><Error><Code>NoSuchKey</Code><Message>Key &quot;a&amp;b&quot; <![CDATA[is gone]]></Message></Error>';
    expect(tagText(xml, 'code')).toBe('NoSuchKey');
    expect(tagText(xml, 'Message')).toBe('Key "a&b" is gone');
  });

  it('does not match longer element names or self-closing elements', () => {
    expect(tagText('<titles>x</titles><title lang="en">Real</title>', 'title')).toBe('Real');
    expect(tagText('<Code/><Other>x</Other>', 'Code')).toBeUndefined();
    expect(tagText('<Code>unterminated', 'Code')).toBeUndefined();
  });

  it('treats markers alone the same as markers inside markup', () => {
    expect(tagText('<m>a ]]> b</m>', 'm')).toBe('a b');
    expect(tagText('<m>a &amp; b &#x41;</m>', 'm')).toBe('a & b A');
    expect(tagText('<m>  a\n\t b  </m>', 'm')).toBe('a b');
    expect(tagText('<m>x <b>bold</b> &lt;y&gt; <![CDATA[z]]></m>', 'm')).toBe('x bold <y> z');
  });
});
