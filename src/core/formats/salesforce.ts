// Salesforce REST: a top-level array `[{message, errorCode, fields: ["Name"]}]`.
// 403 REQUEST_LIMIT_EXCEEDED "TotalRequests Limit exceeded." is the rolling 24 h limit (waiting
// minutes does not help); "ConcurrentPerOrgLongTxn Limit exceeded." is a concurrency limit (it does).
// Source: https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm

import type { FieldError, FormatRecognizer } from '../types';
import { compact, get, joinTexts, str, text } from './util';

export const salesforce: FormatRecognizer = {
  id: 'salesforce',
  vendor: true,
  title: 'Salesforce [{message, errorCode, fields}]',
  priority: 70,
  kinds: ['json'],
  keys: [],
  recognize({ body }) {
    const list = body.json;
    if (!Array.isArray(list) || list.length === 0) return null;
    const first = list[0];
    const errorCode = str(first, 'errorCode');
    const message = str(first, 'message');
    if (errorCode === undefined || message === undefined) return null;
    const fieldErrors: FieldError[] = [];
    for (const item of list.slice(0, 50)) {
      const fields = get(item, 'fields');
      const m = str(item, 'message');
      if (Array.isArray(fields) && m)
        for (const f of fields.slice(0, 20)) if (text(f)) fieldErrors.push({ field: text(f)!, message: m });
    }
    let retryable: boolean | undefined;
    if (errorCode === 'REQUEST_LIMIT_EXCEEDED') retryable = /ConcurrentPerOrg|Concurrent/i.test(message);
    else if (errorCode === 'UNABLE_TO_LOCK_ROW' || errorCode === 'SERVER_UNAVAILABLE') retryable = true;
    return compact({
      saysFailure: true,
      errorCode,
      message: joinTexts(list.map((e) => str(e, 'message'))),
      fieldErrors: fieldErrors.length ? fieldErrors : undefined,
      retryable,
    });
  },
};
