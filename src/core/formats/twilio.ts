// Twilio REST: `{code: 21211, message, more_info: "https://www.twilio.com/docs/errors/21211", status: 400}`.
// 20429 is Twilio's "Too Many Requests".
// Source: https://www.twilio.com/docs/usage/twilios-response#response-formats-exceptions

import type { FormatRecognizer } from '../types';
import { compact, get, str } from './util';

export const twilio: FormatRecognizer = {
  id: 'twilio',
  title: 'Twilio {code, message, more_info, status}',
  priority: 72,
  kinds: ['json'],
  keys: ['code'],
  recognize({ body }) {
    const j = body.json;
    const errCode = get(j, 'code');
    if (typeof errCode !== 'number' || str(j, 'message') === undefined || str(j, 'more_info') === undefined) return null;
    return compact({
      saysFailure: true,
      errorCode: errCode,
      message: str(j, 'message'),
      retryable: errCode === 20429 ? true : undefined,
    });
  },
};
