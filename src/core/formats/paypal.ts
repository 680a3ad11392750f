// PayPal REST: `{name: "INVALID_REQUEST", message, debug_id, information_link?, details: [{field, value,
// location, issue, description}], links}`. `issue` is the fine-grained code; debug_id is the id for support.
// Source: https://developer.paypal.com/api/rest/responses/#failed-requests ,
// https://developer.paypal.com/api/orders/v2/definitions/error

import type { FormatRecognizer } from '../types';
import { compact, fieldErrorsFromList, firstRecord, get, idAt, str } from './util';

export const paypal: FormatRecognizer = {
  id: 'paypal',
  title: 'PayPal {name, message, debug_id, details: [{field, issue, description}]}',
  priority: 78,
  kinds: ['json'],
  keys: ['name'],
  recognize({ body }) {
    const j = body.json;
    const name = str(j, 'name');
    if (name === undefined || str(j, 'message') === undefined || str(j, 'debug_id') === undefined) return null;
    const details = get(j, 'details');
    const first = firstRecord(details);
    const fieldErrors = fieldErrorsFromList(details, (d) => str(d, 'field'), (d) => str(d, 'description') ?? str(d, 'issue'));
    return compact({
      saysFailure: true,
      errorCode: str(first, 'issue') ?? name,
      message: str(first, 'description') ?? str(j, 'message'),
      ...idAt(j, ['debug_id']),
      fieldErrors: fieldErrors.length ? fieldErrors : undefined,
    });
  },
};
