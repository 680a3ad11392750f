// Zendesk Support API: `{error: "RecordInvalid", description: "Record validation errors",
// details: {field: [{description, error}]}}`.
// Source: https://developer.zendesk.com/api-reference/introduction/requests/#errors

import type { FormatRecognizer } from '../types';
import { compact, fieldErrorsFromDict, get, str } from './util';

export const zendesk: FormatRecognizer = {
  id: 'zendesk',
  vendor: true,
  title: 'Zendesk {error, description, details: {field: [{description}]}}',
  priority: 57,
  kinds: ['json'],
  keys: ['error'],
  recognize({ body }) {
    const j = body.json;
    const error = str(j, 'error');
    const description = str(j, 'description');
    if (error === undefined || description === undefined) return null;
    const fieldErrors = fieldErrorsFromDict(get(j, 'details'));
    return compact({
      saysFailure: true,
      errorCode: error,
      message: fieldErrors[0]?.message ?? description,
      fieldErrors: fieldErrors.length ? fieldErrors : undefined,
    });
  },
};
