// Plain-text bodies: the trimmed text (first lines, bounded) is the message.
// Source: seed 002_7ab5715a2edb4eb2.txt (`404 Not Found` as text/plain).

import type { FormatRecognizer } from '../types';
import { clip } from './util';

/** Plain-text messages longer than this are cut; the raw body stays available in the detail view. */
const MAX_TEXT_MESSAGE = 500;

/** Whether a UTF-16 unit is in JavaScript's `\s` (the set trimStart/trimEnd remove). */
function isSpace(c: number): boolean {
  return c <= 32
    ? c === 32 || (c >= 9 && c <= 13)
    : c >= 0x00a0 &&
        (c === 0x00a0 ||
          c === 0x1680 ||
          (c >= 0x2000 && c <= 0x200a) ||
          c === 0x2028 ||
          c === 0x2029 ||
          c === 0x202f ||
          c === 0x205f ||
          c === 0x3000 ||
          c === 0xfeff);
}

/**
 * The text trimmed with whitespace runs collapsed (`trim().replace(/\s+/g, ' ')`), as far as clipping
 * to MAX_TEXT_MESSAGE can tell: one scan that stops once more than MAX_TEXT_MESSAGE characters are
 * final, so a long body (a script, a style sheet) costs a few hundred characters, not all of it.
 */
function collapsedHead(full: string): string {
  const n = full.length;
  let i = 0;
  while (i < n && isSpace(full.charCodeAt(i))) i++;
  let out = '';
  while (i < n) {
    let j = i + 1;
    while (j < n && !isSpace(full.charCodeAt(j))) j++;
    out += full.slice(i, j);
    // Every character so far is final: the clip sees the same text as with the whole body.
    if (out.length > MAX_TEXT_MESSAGE) return out;
    i = j + 1;
    while (i < n && isSpace(full.charCodeAt(i))) i++;
    if (i < n) out += ' ';
  }
  return out;
}

export const text: FormatRecognizer = {
  id: 'text',
  title: 'Plain text',
  priority: 1,
  kinds: ['text'],
  recognize({ body }) {
    if (body.kind !== 'text') return null;
    const t = collapsedHead(body.text);
    return t ? { message: clip(t, MAX_TEXT_MESSAGE) } : {};
  },
};
