// Atlassian Jira / Confluence REST ErrorCollection: `{errorMessages: ["…"], errors: {field: "msg"}}`
// (Jira also adds `status` on some endpoints). No machine code is given.
// Source: https://developer.atlassian.com/cloud/jira/platform/rest/v3/intro/#status-codes

import type { FormatRecognizer } from '../types';
import { compact, fieldErrorsFromDict, get, joinTexts } from './util';

export const jira: FormatRecognizer = {
  id: 'jira',
  vendor: true,
  title: 'Atlassian Jira ErrorCollection {errorMessages: [], errors: {}}',
  priority: 62,
  kinds: ['json'],
  keys: ['errorMessages'],
  recognize({ body }) {
    const j = body.json;
    const errorMessages = get(j, 'errorMessages');
    if (!Array.isArray(errorMessages)) return null;
    const fieldErrors = fieldErrorsFromDict(get(j, 'errors'));
    const first = fieldErrors[0];
    return compact({
      saysFailure: true,
      message: joinTexts(errorMessages) ?? (first ? `${first.field}: ${first.message}` : undefined),
      fieldErrors: fieldErrors.length ? fieldErrors : undefined,
    });
  },
};
