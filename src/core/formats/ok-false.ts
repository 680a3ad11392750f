// Fallback for `{ok: false, …}` envelopes not claimed by Slack/Telegram (many in-house and Node APIs).

import type { FormatRecognizer } from '../types';
import { code, compact, get, str } from './util';

export const okFalse: FormatRecognizer = {
  id: 'ok-false',
  title: 'Generic {ok: false | true, error, message}',
  priority: 15,
  kinds: ['json'],
  keys: ['ok'],
  recognize({ body }) {
    const ok = get(body.json, 'ok');
    if (typeof ok !== 'boolean') return null;
    if (ok) return { saysSuccess: true };
    const j = body.json;
    const error = str(j, 'error');
    return compact({
      saysFailure: true,
      errorCode: code(get(j, 'code')) ?? (error && !/\s/.test(error) ? error : undefined),
      message: str(j, 'message') ?? str(j, 'description') ?? (error && /\s/.test(error) ? error : undefined),
    });
  },
};
