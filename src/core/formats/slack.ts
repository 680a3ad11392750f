// Slack Web API: always HTTP 200; `{ok: false, error: "invalid_auth", warning?, response_metadata: {messages}}`.
// There is no human message beyond the code; `response_metadata.messages` sometimes explains it.
// Source: https://api.slack.com/web#evaluating_responses

import type { FormatRecognizer } from '../types';
import { at, compact, get, hostIs, joinTexts, str } from './util';

export const slack: FormatRecognizer = {
  id: 'slack',
  vendor: true,
  title: 'Slack {ok: false, error: "code"}',
  priority: 79,
  kinds: ['json'],
  keys: ['ok'],
  recognize({ body, exchange }) {
    const j = body.json;
    const ok = get(j, 'ok');
    if (typeof ok !== 'boolean') return null;
    const error = str(j, 'error');
    if (ok) return hostIs(exchange.url, 'slack.com') ? { saysSuccess: true } : null;
    // Slack bodies carry no top-level message; `{ok:false, error, message}` is someone else's envelope.
    if (
      error === undefined ||
      (!hostIs(exchange.url, 'slack.com') && (get(j, 'message') !== undefined || !/^[a-z0-9_]+$/.test(error)))
    )
      return null;
    return compact({
      saysFailure: true,
      errorCode: error,
      message: joinTexts(at(j, ['response_metadata', 'messages'])) ?? str(j, 'detail'),
    });
  },
};
