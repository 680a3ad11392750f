// Cloudflare API v4 envelope: `{success, errors: [{code: 7003, message, error_chain?}], messages: [], result}`.
// success:false on any status (including 200) is a failure.
// Source: https://developers.cloudflare.com/fundamentals/api/how-to/make-api-calls/ ,
// https://developers.cloudflare.com/api/ (response envelope schema)

import type { FormatRecognizer } from '../types';
import { code, compact, firstRecord, get, has, joinTexts, str } from './util';

export const cloudflare: FormatRecognizer = {
  id: 'cloudflare',
  vendor: true,
  title: 'Cloudflare API v4 {success, errors: [{code, message}], messages, result}',
  priority: 80,
  kinds: ['json'],
  keys: ['success'],
  recognize({ body }) {
    const j = body.json;
    const success = get(j, 'success');
    if (typeof success !== 'boolean' || !has(j, 'messages') || !has(j, 'result') || !has(j, 'errors')) return null;
    if (success) return { saysSuccess: true };
    const errors = get(j, 'errors');
    const list = Array.isArray(errors) ? errors : [];
    const first = firstRecord(errors);
    const chained = firstRecord(get(first, 'error_chain'));
    return compact({
      saysFailure: true,
      errorCode: code(get(chained, 'code')) ?? code(get(first, 'code')),
      message: str(chained, 'message') ?? joinTexts(list.map((e) => str(e, 'message'))),
    });
  },
};
