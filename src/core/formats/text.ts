// Plain-text bodies: the trimmed text (first lines, bounded) is the message.
// Source: seed 002_7ab5715a2edb4eb2.txt (`404 Not Found` as text/plain).

import type { FormatRecognizer } from '../types';
import { clip } from './util';

/** Plain-text messages longer than this are cut; the raw body stays available in the detail view. */
const MAX_TEXT_MESSAGE = 500;

export const text: FormatRecognizer = {
  id: 'text',
  title: 'Plain text',
  priority: 1,
  recognize({ body }) {
    if (body.kind !== 'text') return null;
    const t = body.text.trim().replace(/\s+/g, ' ');
    return t ? { message: clip(t, MAX_TEXT_MESSAGE) } : {};
  },
};
