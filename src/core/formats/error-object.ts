// Fallback for any `{error: {message | code | type …}}` object not claimed by a vendor recognizer
// (Vercel, Mapbox-style, many in-house APIs). Also takes `{error: {title, message}}` (Zendesk Help Center).

import type { FormatRecognizer } from '../types';
import { CODE_NAMES, MESSAGE_NAMES } from '../infer/dictionaries';
import { apiCodeNamed, compact, firstId, getNamed, isRecord, str, strNamed } from './util';

/** The message, then the shorter texts Zendesk-style objects carry, by name in any case style. */
const TEXT_NAMES = [...MESSAGE_NAMES, 'description', 'detail', 'title'];

const token = (s: string | undefined): string | undefined => (s !== undefined && !/\s/.test(s.trim()) ? s : undefined);

export const errorObject: FormatRecognizer = {
  id: 'error-object',
  title: 'Generic {error: {code, message}} object',
  priority: 11,
  kinds: ['json'],
  keys: ['error'],
  keysByName: true,
  recognize({ body, exchange }) {
    const root = body.json;
    const error = getNamed(root, ['error']);
    if (!isRecord(error)) return null;
    const message = strNamed(error, TEXT_NAMES);
    // `type`, `reason` and `name` are codes only when they are one token: Ory's `reason` is a sentence.
    const errCode =
      apiCodeNamed(error, CODE_NAMES, exchange.status) ??
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
