// Anthropic API: `{type: "error", error: {type, message}, request_id}`. The error type is the code;
// `overloaded_error` (529) is transient by definition.
// Source: https://docs.claude.com/en/api/errors

import type { FormatRecognizer } from '../types';
import { compact, get, idAt, isRecord, str } from './util';

/** Error types Anthropic documents as "try again later". */
const TRANSIENT_TYPES = new Set(['overloaded_error', 'api_error', 'rate_limit_error']);

export const anthropic: FormatRecognizer = {
  id: 'anthropic',
  title: 'Anthropic {type: "error", error: {type, message}, request_id}',
  priority: 85,
  kinds: ['json'],
  keys: ['type'],
  recognize({ body }) {
    const j = body.json;
    if (get(j, 'type') !== 'error') return null;
    const error = get(j, 'error');
    if (!isRecord(error)) return null;
    const type = str(error, 'type');
    return compact({
      saysFailure: true,
      errorCode: type,
      message: str(error, 'message'),
      ...idAt(j, ['request_id']),
      retryable: type && TRANSIENT_TYPES.has(type) ? true : undefined,
    });
  },
};
