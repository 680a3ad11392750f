// Google's older JSON error format (Drive, YouTube, Gmail, Calendar, Firebase Auth REST):
// `{error: {code, message, errors: [{domain, reason, message, location}]}}`. `reason` is the code;
// 403 `userRateLimitExceeded`/`rateLimitExceeded` are rate limits, `dailyLimitExceeded`/`quotaExceeded` are not transient.
// Firebase Auth REST puts its code in `message` ("EMAIL_NOT_FOUND", "TOO_MANY_ATTEMPTS_TRY_LATER : Access to…")
// under the generic reason "invalid": the token at the head of the message is then the code.
// Source: https://developers.google.com/drive/api/guides/handle-errors ,
// https://firebase.google.com/docs/reference/rest/auth#section-error-format ,
// https://developers.google.com/youtube/v3/docs/errors

import type { FormatRecognizer } from '../types';
import { googleError } from './google-rpc';
import { compact, fieldErrorsFromList, firstRecord, get, str } from './util';

const RATE_LIMIT_REASONS = new Set(['userRateLimitExceeded', 'rateLimitExceeded', 'backendError', 'internalError']);
const EXHAUSTED_REASONS = new Set(['dailyLimitExceeded', 'quotaExceeded', 'dailyLimitExceededUnreg', 'limitExceeded']);

export const googleLegacy: FormatRecognizer = {
  id: 'google-legacy',
  title: 'Google legacy {error: {code, message, errors: [{domain, reason}]}}',
  priority: 74,
  kinds: ['json'],
  keys: ['error'],
  recognize({ body }) {
    const error = googleError(body.json);
    const first = firstRecord(get(error, 'errors'));
    if (!error || !first || (str(first, 'reason') === undefined && str(first, 'domain') === undefined)) return null;
    const message = str(error, 'message') ?? str(first, 'message');
    const head = message ? /^([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)(?:\s*:\s|$)/.exec(message)?.[1] : undefined;
    const reason = head ?? str(first, 'reason');
    const fieldErrors = fieldErrorsFromList(
      get(error, 'errors'),
      (e) => str(e, 'location'),
      (e) => str(e, 'message'),
    );
    return compact({
      saysFailure: true,
      errorCode: reason,
      message,
      fieldErrors: fieldErrors.length ? fieldErrors : undefined,
      retryable:
        reason && RATE_LIMIT_REASONS.has(reason) ? true : reason && EXHAUSTED_REASONS.has(reason) ? false : undefined,
    });
  },
};
