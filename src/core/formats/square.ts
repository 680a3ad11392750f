// Square: `{errors: [{category: "INVALID_REQUEST_ERROR", code: "NOT_FOUND", detail, field}]}`.
// Bulk endpoints can put per-item errors in a 200.
// Source: https://developer.squareup.com/docs/build-basics/handling-errors

import type { FormatRecognizer } from '../types';
import { compact, fieldErrorsFromList, firstRecord, get, joinTexts, str } from './util';

export const square: FormatRecognizer = {
  id: 'square',
  vendor: true,
  title: 'Square {errors: [{category, code, detail, field}]}',
  priority: 72,
  kinds: ['json'],
  keys: ['errors'],
  recognize({ body }) {
    const errors = get(body.json, 'errors');
    const first = firstRecord(errors);
    if (!first || str(first, 'category') === undefined || str(first, 'code') === undefined) return null;
    const list = errors as unknown[];
    const fieldErrors = fieldErrorsFromList(
      list,
      (e) => str(e, 'field'),
      (e) => str(e, 'detail') ?? str(e, 'code'),
    );
    return compact({
      saysFailure: true,
      errorCode: str(first, 'code'),
      message: joinTexts(list.map((e) => str(e, 'detail'))),
      fieldErrors: fieldErrors.length ? fieldErrors : undefined,
      retryable: str(first, 'category') === 'RATE_LIMIT_ERROR' ? true : undefined,
    });
  },
};
