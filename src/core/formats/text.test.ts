import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BodyView } from '../types';
import { clip } from './util';
import { text } from './text';

/** The plain definition the recognizer's scan must agree with. */
function expected(body: string): { message?: string } {
  const t = body.trim().replace(/\s+/g, ' ');
  return t ? { message: clip(t, 500) } : {};
}

function recognize(body: string) {
  const view: BodyView = {
    kind: 'text',
    text: body,
    json: undefined,
    mimeType: 'text/plain',
    truncated: false,
    notes: [],
  };
  return text.recognize({ exchange: { method: 'GET', url: '', status: 404 }, body: view, header: () => undefined });
}

// Every character JavaScript's \s matches, and some that it does not.
const SPACES = ' \t\n\v\f\r\u00a0\u1680\u2000\u2005\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
const OTHERS = 'ab.,<>\u200b\u180e\u0085x';

describe('text recognizer', () => {
  it('collapses whitespace and clips exactly like trim + replace(/\\s+/g) + clip', () => {
    const char = fc.constantFrom(...(SPACES + OTHERS).split(''));
    fc.assert(
      fc.property(
        fc.array(char, { maxLength: 1400 }).map((cs) => cs.join('')),
        (body) => {
          expect(recognize(body)).toEqual(expected(body));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('clips a long script at 500 characters after collapsing its head', () => {
    const body = `  \n${'function  f() {\n\treturn 1;\n}\n'.repeat(5000)}`;
    const out = recognize(body);
    expect(out).toEqual(expected(body));
    expect(out?.message).toHaveLength(500);
    expect(out?.message?.startsWith('function f() { return 1; } function')).toBe(true);
  });

  it('keeps a short message whole and gives nothing for a blank body', () => {
    expect(recognize(' \r\n 404   Not\tFound \n')).toEqual({ message: '404 Not Found' });
    expect(recognize(' \u3000\n')).toEqual({});
  });
});
