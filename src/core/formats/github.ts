// GitHub REST: `{message, documentation_url, errors: [{resource, field, code, message?}], status?}`.
// Rate limits arrive as 403 or 429; only the message tells a secondary rate limit from a permission error.
// Source: https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api ,
// https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#exceeding-the-rate-limit

import type { FormatRecognizer } from '../types';
import { code, compact, fieldErrorsFromList, firstRecord, get, str } from './util';

const RATE_LIMIT_MESSAGE = /secondary rate limit|API rate limit exceeded|abuse detection/i;

export const github: FormatRecognizer = {
  id: 'github',
  vendor: true,
  title: 'GitHub REST {message, documentation_url, errors: [{resource, field, code}]}',
  priority: 70,
  kinds: ['json'],
  keys: ['message'],
  recognize({ body }) {
    const j = body.json;
    const message = str(j, 'message');
    const docs = str(j, 'documentation_url');
    if (message === undefined || docs === undefined) return null;
    const errors = get(j, 'errors');
    const fieldErrors = fieldErrorsFromList(
      errors,
      (e) => str(e, 'field'),
      (e) => str(e, 'message') ?? [str(e, 'resource'), str(e, 'code')].filter(Boolean).join(' '),
    );
    return compact({
      saysFailure: true,
      errorCode: code(get(firstRecord(errors), 'code')),
      message,
      fieldErrors: fieldErrors.length ? fieldErrors : undefined,
      retryable: RATE_LIMIT_MESSAGE.test(message) ? true : undefined,
    });
  },
};
