// Heroku Platform API: `{id: "rate_limit", message, url}`. Here `id` is the error code, not an event id.
// Source: https://devcenter.heroku.com/articles/platform-api-reference#errors

import type { FormatRecognizer } from '../types';
import { compact, str } from './util';

const ALLOWED = new Set(['id', 'message', 'url']);

export const heroku: FormatRecognizer = {
  id: 'heroku',
  vendor: true,
  title: 'Heroku {id: "error_code", message, url}',
  priority: 63,
  kinds: ['json'],
  keys: ['id'],
  recognize({ body }) {
    const j = body.json;
    const id = str(j, 'id');
    if (id === undefined || !/^[a-z][a-z_]{2,}$/.test(id) || str(j, 'message') === undefined) return null;
    for (const k in j as object) if (Object.prototype.hasOwnProperty.call(j, k) && !ALLOWED.has(k)) return null;
    return compact({ saysFailure: true, errorCode: id, message: str(j, 'message') });
  },
};
