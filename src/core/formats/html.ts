// HTML error pages (proxies, load balancers, framework debug pages): the `<title>` or first `<h1>`
// is the message. The page carries no machine code, so errorCode stays null.
// Source: seed 002_7ab5715a2edb4eb2.txt (nginx 502 page).

import type { FormatRecognizer } from '../types';
import { tagText } from './util';

export const html: FormatRecognizer = {
  id: 'html',
  title: 'HTML error page (<title> / <h1>)',
  priority: 2,
  kinds: ['html'],
  recognize({ body }) {
    if (body.kind !== 'html') return null;
    const title = tagText(body.text, 'title');
    const h1 = tagText(body.text, 'h1');
    // Prefer the heading when the title is generic and the heading says more.
    const message =
      h1 && (!title || (h1.length > title.length && h1.toLowerCase().includes(title.toLowerCase())))
        ? h1
        : (title ?? h1);
    return message ? { message } : {};
  },
};
