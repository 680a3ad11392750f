// PostgREST / Supabase: `{code: "PGRST116" | SQLSTATE, message, details, hint}`.
// Source: https://docs.postgrest.org/en/stable/references/errors.html

import type { FormatRecognizer } from '../types';
import { compact, has, str } from './util';

export const postgrest: FormatRecognizer = {
  id: 'postgrest',
  title: 'PostgREST / Supabase {code, message, details, hint}',
  priority: 64,
  kinds: ['json'],
  keys: ['code'],
  recognize({ body }) {
    const j = body.json;
    const errCode = str(j, 'code');
    if (errCode === undefined || str(j, 'message') === undefined || !has(j, 'details') || !has(j, 'hint')) return null;
    const message = str(j, 'message');
    const details = str(j, 'details');
    const hint = str(j, 'hint');
    return compact({
      saysFailure: true,
      errorCode: errCode,
      message: [message, details, hint].filter(Boolean).join(' — '),
    });
  },
};
