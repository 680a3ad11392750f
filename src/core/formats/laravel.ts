// Laravel: validation `{message: "The name field is required. (and 1 more error)", errors: {name: ["…"]}}` (422),
// and the debug exception body `{message, exception, file, line, trace}`.
// Source: https://laravel.com/docs/validation#validation-error-response-format ,
// https://laravel.com/docs/errors#rendering-exceptions

import type { FormatRecognizer } from '../types';
import { compact, fieldErrorsFromDict, get, has, isFieldDict, isRecord, str } from './util';

export const laravel: FormatRecognizer = {
  id: 'laravel',
  title: 'Laravel {message, errors: {field: ["…"]}} / {message, exception, file, line}',
  priority: 60,
  kinds: ['json'],
  keys: ['message'],
  recognize({ body }) {
    const j = body.json;
    if (!isRecord(j) || !has(j, 'message')) return null;
    const errors = get(j, 'errors');
    const validation = isFieldDict(errors);
    const debug = str(j, 'exception') !== undefined && has(j, 'file') && has(j, 'line');
    if (!validation && !debug) return null;
    const exception = str(j, 'exception');
    return compact({
      saysFailure: true,
      errorCode: exception ? exception.slice(exception.lastIndexOf('\\') + 1) : undefined,
      message: str(j, 'message'),
      fieldErrors: validation ? fieldErrorsFromDict(errors) : undefined,
    });
  },
};
