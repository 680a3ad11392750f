// Ruby on Rails: model errors rendered as `{errors: {field: ["can't be blank"]}}`, and API-mode
// exception bodies from ActionDispatch::PublicExceptions `{status: 404, error: "Not Found"}`
// (development adds `exception` and `traces`).
// Sources: https://api.rubyonrails.org/classes/ActiveModel/Errors.html ,
// https://github.com/rails/rails/blob/main/actionpack/lib/action_dispatch/middleware/public_exceptions.rb

import type { FormatRecognizer } from '../types';
import { compact, get, isFieldDict, isRecord, railsFieldErrors, str } from './util';

export const rails: FormatRecognizer = {
  id: 'rails',
  title: 'Rails {errors: {field: ["…"]}} / {status, error}',
  priority: 35,
  kinds: ['json'],
  keys: ['errors', 'status'],
  recognize({ body }) {
    const j = body.json;
    if (!isRecord(j)) return null;
    const errors = get(j, 'errors');
    if (isFieldDict(errors)) return compact({ saysFailure: true, ...railsFieldErrors(errors) });
    const status = get(j, 'status');
    const error = str(j, 'error');
    // Type checks before any string conversion: a hostile `{"toString": …}` object must not throw.
    if (!(typeof status === 'number' || (typeof status === 'string' && /^\d{3}$/.test(status))) || error === undefined)
      return null;
    for (const k in j)
      if (Object.prototype.hasOwnProperty.call(j, k) && !['status', 'error', 'exception', 'traces'].includes(k))
        return null;
    const exception = str(j, 'exception');
    return compact({
      saysFailure: true,
      // "#<ActiveRecord::RecordNotFound: Couldn't find User with 'id'=42>" → class and message.
      errorCode: exception ? /#<((?:\w+::)*\w+)/.exec(exception)?.[1] : undefined,
      message: exception ? /#<(?:\w+::)*\w+:\s*([\s\S]*)>$/.exec(exception)?.[1]?.trim() || error : error,
    });
  },
};
