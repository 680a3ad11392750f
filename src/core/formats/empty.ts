// An empty body: nothing to extract, but the format is known.

import type { FormatRecognizer } from '../types';

export const empty: FormatRecognizer = {
  id: 'empty',
  title: 'Empty body',
  priority: 1,
  kinds: ['empty'],
  recognize({ body }) {
    return body.kind === 'empty' ? {} : null;
  },
};
