// Adyen: `{status, errorCode, message, errorType, pspReference}`; pspReference identifies the event for support.
// Source: https://docs.adyen.com/development-resources/response-handling

import type { FormatRecognizer } from '../types';
import { code, compact, get, has, idAt, str } from './util';

export const adyen: FormatRecognizer = {
  id: 'adyen',
  title: 'Adyen {status, errorCode, message, errorType, pspReference}',
  priority: 70,
  kinds: ['json'],
  keys: ['errorCode'],
  recognize({ body }) {
    const j = body.json;
    if (!has(j, 'errorCode') || str(j, 'errorType') === undefined || str(j, 'message') === undefined) return null;
    return compact({
      saysFailure: true,
      errorCode: code(get(j, 'errorCode')),
      message: str(j, 'message'),
      ...idAt(j, ['pspReference']),
    });
  },
};
