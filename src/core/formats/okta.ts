// Okta management API: `{errorCode: "E0000001", errorSummary, errorLink, errorId, errorCauses: [{errorSummary}]}`.
// errorId is the id Okta support asks for; causes are more specific than the summary and often
// read "field: problem".
// Source: https://developer.okta.com/docs/reference/error-codes/

import type { FieldError, FormatRecognizer } from '../types';
import { compact, get, idAt, str } from './util';

export const okta: FormatRecognizer = {
  id: 'okta',
  vendor: true,
  title: 'Okta {errorCode, errorSummary, errorLink, errorId, errorCauses}',
  priority: 84,
  kinds: ['json'],
  keys: ['errorCode'],
  recognize({ body }) {
    const j = body.json;
    const errorCode = str(j, 'errorCode');
    if (errorCode === undefined || str(j, 'errorSummary') === undefined) return null;
    const causes = get(j, 'errorCauses');
    const fieldErrors: FieldError[] = [];
    let firstCause: string | undefined;
    if (Array.isArray(causes)) {
      for (const c of causes.slice(0, 50)) {
        const summary = str(c, 'errorSummary');
        if (!summary) continue;
        firstCause ??= summary;
        const m = /^([\w.[\]]+):\s+(.+)$/s.exec(summary);
        if (m) fieldErrors.push({ field: m[1], message: m[2] });
      }
    }
    return compact({
      saysFailure: true,
      errorCode,
      message: firstCause ?? str(j, 'errorSummary'),
      ...idAt(j, ['errorId']),
      fieldErrors: fieldErrors.length ? fieldErrors : undefined,
    });
  },
};
