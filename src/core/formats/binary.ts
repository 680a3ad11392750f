// Binary bodies (images, protobuf, archives) are not parsed; the engine notes it.

import type { FormatRecognizer } from '../types';

export const binary: FormatRecognizer = {
  id: 'binary',
  title: 'Binary body (not parsed)',
  priority: 0,
  kinds: ['binary'],
  recognize({ body }) {
    return body.kind === 'binary' ? {} : null;
  },
};
