// JSend: `{status: "success", data}`, `{status: "fail", data: {field: "msg"}}` (the caller's fault),
// `{status: "error", message, code?, data?}` (the server's fault). Often sent with HTTP 200.
// Source: https://github.com/omniti-labs/jsend

import type { FormatRecognizer } from '../types';
import { apiCode, compact, fieldErrorsFromDict, get, has, isRecord, str } from './util';

export const jsend: FormatRecognizer = {
  id: 'jsend',
  title: 'JSend {status: "success" | "fail" | "error", data, message}',
  priority: 56,
  kinds: ['json'],
  keys: ['status'],
  recognize({ body, exchange }) {
    const j = body.json;
    if (!isRecord(j)) return null;
    const status = get(j, 'status');
    if (status === 'success') return has(j, 'data') ? { saysSuccess: true } : null;
    if (status === 'fail') {
      if (!has(j, 'data')) return null;
      const data = get(j, 'data');
      const fieldErrors = fieldErrorsFromDict(data);
      return compact({
        saysFailure: true,
        message:
          str(j, 'message') ?? (fieldErrors[0] ? `${fieldErrors[0].field}: ${fieldErrors[0].message}` : str(j, 'data')),
        fieldErrors: fieldErrors.length ? fieldErrors : undefined,
      });
    }
    if (status === 'error' && str(j, 'message') !== undefined) {
      // `{code: -1, name: "ValidationError"}`: a code of 0 or below is a placeholder; the name is the code.
      const raw = get(j, 'code');
      const name = str(j, 'name');
      const placeholder = raw === undefined || raw === null || (typeof raw === 'number' && raw <= 0);
      return compact({
        saysFailure: true,
        errorCode:
          placeholder && name && /^[A-Za-z][A-Za-z0-9_.-]{2,60}$/.test(name) ? name : apiCode(raw, exchange.status),
        message: str(j, 'message'),
      });
    }
    return null;
  },
};
