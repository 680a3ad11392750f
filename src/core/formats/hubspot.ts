// HubSpot: `{status: "error", message, correlationId, category, subCategory?, errors: [{message, in}],
// policyName?, requestId?}`. A 429 with policyName DAILY resets at midnight (account time zone):
// do not retry; SECONDLY / TEN_SECONDLY_ROLLING clear within seconds.
// Source: https://developers.hubspot.com/docs/api/error-handling , https://developers.hubspot.com/docs/api/usage-details

import type { FormatRecognizer } from '../types';
import { compact, fieldErrorsFromList, firstId, get, has, str } from './util';

export const hubspot: FormatRecognizer = {
  id: 'hubspot',
  vendor: true,
  title: 'HubSpot {status: "error", message, correlationId, category, policyName}',
  priority: 78,
  kinds: ['json'],
  keys: ['status'],
  recognize({ body }) {
    const j = body.json;
    if (get(j, 'status') !== 'error' || !(has(j, 'correlationId') || has(j, 'policyName') || has(j, 'category')))
      return null;
    const policy = str(j, 'policyName');
    const fieldErrors = fieldErrorsFromList(
      get(j, 'errors'),
      (e) => str(e, 'in'),
      (e) => str(e, 'message'),
    );
    return compact({
      saysFailure: true,
      errorCode: str(j, 'category') ?? str(j, 'errorType') ?? str(j, 'subCategory'),
      message: str(j, 'message'),
      ...firstId(j, [['correlationId'], ['requestId']]),
      fieldErrors: fieldErrors.length ? fieldErrors : undefined,
      retryable: policy === undefined ? undefined : policy.toUpperCase() === 'DAILY' ? false : true,
    });
  },
};
