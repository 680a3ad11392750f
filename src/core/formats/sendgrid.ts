// Twilio SendGrid v3: `{errors: [{message, field, help, error_id?}], id?}`.
// Source: https://www.twilio.com/docs/sendgrid/api-reference/how-to-use-the-sendgrid-v3-api/responses#failed-requests

import type { FormatRecognizer } from '../types';
import { compact, fieldErrorsFromList, firstId, firstRecord, get, has, joinTexts, str } from './util';

export const sendgrid: FormatRecognizer = {
  id: 'sendgrid',
  vendor: true,
  title: 'SendGrid v3 {errors: [{message, field, help}]}',
  priority: 67,
  kinds: ['json'],
  keys: ['errors'],
  recognize({ body }) {
    const j = body.json;
    const errors = get(j, 'errors');
    const first = firstRecord(errors);
    if (!first || str(first, 'message') === undefined || !(has(first, 'field') || has(first, 'help'))) return null;
    if (has(first, 'locations') || has(first, 'path') || has(first, 'extensions')) return null;
    const list = errors as unknown[];
    const fieldErrors = fieldErrorsFromList(
      list,
      (e) => str(e, 'field'),
      (e) => str(e, 'message'),
    );
    return compact({
      saysFailure: true,
      message: joinTexts(list.map((e) => str(e, 'message'))),
      ...firstId(j, [['id'], ['errors', 0, 'error_id']]),
      fieldErrors: fieldErrors.length ? fieldErrors : undefined,
    });
  },
};
