// Telegram Bot API: `{ok: false, error_code: 429, description: "Too Many Requests: retry after 34",
// parameters: {retry_after: 34, migrate_to_chat_id?}}`. error_code repeats the HTTP status.
// Source: https://core.telegram.org/bots/api#making-requests , https://core.telegram.org/bots/api#responseparameters

import type { FormatRecognizer } from '../types';
import { apiCode, at, compact, get, has, str, toNumber } from './util';

export const telegram: FormatRecognizer = {
  id: 'telegram',
  title: 'Telegram Bot API {ok: false, error_code, description, parameters: {retry_after}}',
  priority: 80,
  kinds: ['json'],
  keys: ['ok'],
  recognize({ body, exchange }) {
    const j = body.json;
    if (get(j, 'ok') !== false || !has(j, 'error_code') || str(j, 'description') === undefined) return null;
    const wait = toNumber(at(j, ['parameters', 'retry_after']));
    return compact({
      saysFailure: true,
      errorCode: apiCode(get(j, 'error_code'), exchange.status),
      message: str(j, 'description'),
      retryAfterSeconds: wait,
      retryAfterField: wait !== undefined ? 'parameters.retry_after' : undefined,
    });
  },
};
