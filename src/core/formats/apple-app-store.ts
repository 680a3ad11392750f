// Apple App Store Server API / App Store Connect-style `{errorCode: 4040010, errorMessage: "…"}`.
// 4290000 is the rate limit; the docs say to retry later.
// Source: https://developer.apple.com/documentation/appstoreserverapi/error_codes

import type { FormatRecognizer } from '../types';
import { code, compact, get, str } from './util';

export const appleAppStore: FormatRecognizer = {
  id: 'apple-app-store',
  title: 'Apple App Store Server API {errorCode, errorMessage}',
  priority: 62,
  kinds: ['json'],
  keys: ['errorCode'],
  recognize({ body }) {
    const j = body.json;
    const errorCode = code(get(j, 'errorCode'));
    const errorMessage = str(j, 'errorMessage');
    if (errorCode === undefined || errorMessage === undefined) return null;
    return compact({ saysFailure: true, errorCode, message: errorMessage });
  },
};
