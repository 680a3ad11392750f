// Fallback for any `{error: {message | code | type …}}` object not claimed by a vendor recognizer
// (Vercel, Mapbox-style, many in-house APIs). Also takes `{error: {title, message}}` (Zendesk Help Center).

import type { FormatRecognizer } from '../types';
import { apiCode, compact, firstId, get, isRecord, str, strCI } from './util';

const token = (s: string | undefined): string | undefined => (s !== undefined && !/\s/.test(s.trim()) ? s : undefined);

export const errorObject: FormatRecognizer = {
  id: 'error-object',
  title: 'Generic {error: {code, message}} object',
  priority: 11,
  kinds: ['json'],
  keys: ['error'],
  recognize({ body, exchange }) {
    const root = body.json;
    const error = get(root, 'error');
    if (!isRecord(error)) return null;
    const message = strCI(error, 'message') ?? str(error, 'description') ?? str(error, 'detail') ?? str(error, 'title');
    // `type`, `reason` and `name` are codes only when they are one token: Ory's `reason` is a sentence.
    const errCode =
      apiCode(get(error, 'code'), exchange.status) ??
      token(str(error, 'type')) ??
      token(str(error, 'reason')) ??
      token(str(error, 'name'));
    if (message === undefined && errCode === undefined) return null;
    // `{error: {code: 0, message: ""}}` beside the data of a 2xx is the "no error" placeholder.
    if (message === undefined && exchange.status < 400 && /^0+$/.test(String(errCode))) return null;
    return compact({
      saysFailure: true,
      errorCode: errCode,
      message,
      ...firstId(root, [['error', 'request_id'], ['error', 'requestId'], ['request_id'], ['requestId']]),
    });
  },
};
