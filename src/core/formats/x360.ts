// 360X API errors: `{id, timestamp, statusCode, message, error, path}`. `id` identifies the
// event for support. `message` is usually prose ("Invalid Token"), but validation errors put a
// machine token there ("invalid_model") with the human detail in `error`: then the token is the
// errorCode and `error` the message.
// Source: seed 004_e1858310c9f40349.txt (360X API error format).

import type { FormatRecognizer } from '../types';
import { compact, get, has, isMachineToken, isRecord, str } from './util';

export const x360: FormatRecognizer = {
  id: 'x360',
  vendor: true,
  title: '360X {id, timestamp, statusCode, message, error, path}',
  priority: 62,
  kinds: ['json'],
  keys: ['statusCode'],
  recognize({ body }) {
    const j = body.json;
    const statusCode = get(j, 'statusCode');
    if (!isRecord(j) || typeof statusCode !== 'number' || statusCode < 400 || !has(j, 'id') || !has(j, 'timestamp'))
      return null;
    const id = get(j, 'id');
    const errorId = typeof id === 'string' ? str(j, 'id') : typeof id === 'number' ? String(id) : undefined;
    const message = str(j, 'message');
    const error = str(j, 'error');
    const tokenInMessage = message !== undefined && isMachineToken(message);
    return compact({
      saysFailure: true,
      errorId,
      errorIdField: errorId ? 'id' : undefined,
      errorCode: tokenInMessage ? message : undefined,
      message: tokenInMessage ? (error ?? message) : (message ?? error),
    });
  },
};
