// Document360 API: every body is `{data, success, errors:[{description, error_code}], warnings, information}`,
// including 2xx ones, so `success` must be checked first.
// Source: https://apidocs.document360.com/apidocs/response-format (seed 000_d3a57571bd56efd5.txt)

import type { FormatRecognizer } from '../types';
import { compact, firstRecord, get, has, joinTexts, str } from './util';

export const document360: FormatRecognizer = {
  id: 'document360',
  vendor: true,
  title: 'Document360 {success, errors[{description, error_code}]}',
  priority: 80,
  kinds: ['json'],
  keys: ['success'],
  recognize({ body }) {
    const j = body.json;
    const success = get(j, 'success');
    if (typeof success !== 'boolean') return null;
    const errors = get(j, 'errors');
    if (!Array.isArray(errors) || !has(j, 'data')) return null;
    // Document360 always carries warnings/information next to errors; Cloudflare uses messages/result.
    if (!has(j, 'warnings') && !has(j, 'information') && !(errors.length > 0 && has(errors[0], 'error_code')))
      return null;
    if (success) return { saysSuccess: true };
    const first = firstRecord(errors);
    const descriptions = errors.map((e) => str(e, 'description'));
    return compact({
      saysFailure: true,
      errorCode: str(first, 'error_code'),
      message: joinTexts(descriptions),
    });
  },
};
