// Kubernetes API server Status: `{kind: "Status", apiVersion: "v1", status: "Failure", message,
// reason: "NotFound", details: {name, kind, causes: [{reason, message, field}], retryAfterSeconds}, code}`.
// Source: https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/status/

import type { FormatRecognizer } from '../types';
import { compact, fieldErrorsFromList, get, num, str } from './util';

export const kubernetes: FormatRecognizer = {
  id: 'kubernetes',
  title: 'Kubernetes Status {kind: "Status", status, reason, message, details}',
  priority: 84,
  kinds: ['json'],
  keys: ['kind'],
  recognize({ body }) {
    const j = body.json;
    if (get(j, 'kind') !== 'Status' || typeof get(j, 'status') !== 'string') return null;
    if (get(j, 'status') === 'Success') return { saysSuccess: true };
    const details = get(j, 'details');
    const wait = num(details, 'retryAfterSeconds');
    const fieldErrors = fieldErrorsFromList(
      get(details, 'causes'),
      (c) => str(c, 'field'),
      (c) => str(c, 'message'),
    );
    return compact({
      saysFailure: true,
      errorCode: str(j, 'reason'),
      message: str(j, 'message'),
      fieldErrors: fieldErrors.length ? fieldErrors : undefined,
      retryAfterSeconds: wait,
      retryAfterField: wait !== undefined ? 'details.retryAfterSeconds' : undefined,
    });
  },
};
