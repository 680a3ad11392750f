// Plain-text bodies: the trimmed text (first lines, bounded) is the message.
// Source: seed 002_7ab5715a2edb4eb2.txt (`404 Not Found` as text/plain).

import type { FormatRecognizer } from '../types';
import { clip } from './util';

/** Plain-text messages longer than this are cut; the raw body stays available in the detail view. */
const MAX_TEXT_MESSAGE = 500;

/** Characters read before collapsing whitespace: enough for MAX_TEXT_MESSAGE unless the text is mostly spaces. */
const HEAD_CHARS = 4 * MAX_TEXT_MESSAGE;

/**
 * The text trimmed with whitespace runs collapsed, as far as clipping to MAX_TEXT_MESSAGE can tell:
 * long bodies (scripts, styles) are collapsed only in their head, not all 256 KB of them.
 */
function collapsedHead(full: string): string {
  const start = full.trimStart();
  if (start.length > HEAD_CHARS) {
    const head = start.slice(0, HEAD_CHARS).replace(/\s+/g, ' ');
    // All but the last character are final (a whitespace run may continue past the cut), and more
    // than MAX_TEXT_MESSAGE of them means the clip sees the same text as with the whole body.
    if (head.length - 1 > MAX_TEXT_MESSAGE) return head.slice(0, head.length - 1);
  }
  return start.trimEnd().replace(/\s+/g, ' ');
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
