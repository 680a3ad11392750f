// A 2xx plain-text answer that is an error status word and only a code (`ERROR:14`, `ERR - 101`), as SMS and payment
// gateways answer: a failure with that code and no message. A status word followed by words is read as before; a
// line that only starts like one (`ERROR:14 rows skipped, import done`) or holds no code stays what it was.
import { describe, expect, it } from 'vitest';
import { classify } from '../classify';

const read = (text: string) =>
  classify({
    method: 'POST',
    url: 'https://api.example.test/send',
    status: 200,
    responseHeaders: { 'content-type': 'text/plain' },
    body: text,
  });

describe('status lines with only a code', () => {
  it.each([
    ['ERROR:14', '14'],
    ['ERR - 101', '101'],
    ['FAILED: E42', 'E42'],
  ])('%s is a failure with code %s', (text, code) => {
    const r = read(text);
    expect(r.failure).toBe(true);
    expect(String(r.errorCode)).toBe(code);
  });

  it('keeps the words of a status line that has them', () => {
    const r = read('ERR: 001, Authentication failed');
    expect(r.failure).toBe(true);
    expect(String(r.errorCode)).toBe('001');
    expect(r.message).toBe('Authentication failed');
  });

  it.each(['OK:14', 'ERROR:', '14', 'ID: 12345'])('%s stays a success', (text) =>
    expect(read(text).failure).toBe(false),
  );
});
