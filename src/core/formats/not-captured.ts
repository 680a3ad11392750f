// The body was not captured (DevTools closed, Firefox before the Network panel opened, HAR without content).

import type { FormatRecognizer } from '../types';

export const notCaptured: FormatRecognizer = {
  id: 'not-captured',
  title: 'Body not captured',
  priority: 0,
  kinds: ['not-captured'],
  recognize({ body }) {
    return body.kind === 'not-captured' ? {} : null;
  },
};
