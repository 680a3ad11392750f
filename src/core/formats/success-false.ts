// Fallback for `{success: false, …}` envelopes: `message`/`msg`/`error`/`errors`, and the
// `errorInfo: {code, message, requestId}` variant (Ashby). `success: true` is an explicit success.
// Source: https://developers.ashbyhq.com/docs/responses
// WordPress `wp_send_json_error($data)` (admin-ajax, REST-less plugins) sends `{success: false, data}`: `data` is
// the plugin's message string, an array with `message`, or a WP_Error's `[{code, message}]` (session 19, reach-w).

import type { FormatRecognizer } from '../types';
import { apiCode, code, compact, firstId, firstRecord, get, isCodeLike, isRecord, joinTexts, str } from './util';

const nonZero = (c: string | number | undefined) => (c === 0 || c === '0' ? undefined : c);

export const successFalse: FormatRecognizer = {
  id: 'success-false',
  title: 'Generic {success: false, message | error | errors | errorInfo}',
  priority: 14,
  kinds: ['json'],
  keys: ['success'],
  recognize({ body, exchange }) {
    const j = body.json;
    const success = get(j, 'success');
    if (typeof success !== 'boolean') return null;
    if (success) return { saysSuccess: true };
    const info = get(j, 'errorInfo');
    const error = get(j, 'error');
    const errors = get(j, 'errors');
    const firstError = firstRecord(errors);
    const errorText = str(j, 'error');
    const data = get(j, 'data');
    const dataItem = Array.isArray(data) ? firstRecord(data) : isRecord(data) ? data : undefined;
    const dataText =
      typeof data === 'string' && /[A-Za-z]/.test(data) && !isCodeLike(data.trim()) ? str(j, 'data') : undefined;
    return compact({
      saysFailure: true,
      errorCode:
        code(get(info, 'code')) ??
        // ASP.NET Boilerplate's `error: {code: 0, …}`: 0 is its ErrorInfo's default, no code.
        nonZero(code(get(error, 'code'))) ??
        // A top-level number equal to the HTTP status is its echo (phpIPAM's `code: 404`), not the API's code.
        apiCode(get(j, 'code'), exchange.status) ??
        apiCode(get(j, 'error_code'), exchange.status) ??
        code(get(firstError, 'code')) ??
        (errorText && isCodeLike(errorText) ? errorText : undefined) ??
        (Array.isArray(data) ? code(get(dataItem, 'code')) : undefined),
      message:
        str(info, 'message') ??
        str(j, 'message') ??
        str(j, 'msg') ??
        (isRecord(error) ? str(error, 'message') : undefined) ??
        (errorText && !isCodeLike(errorText) ? errorText : undefined) ??
        joinTexts(errors) ??
        str(firstError, 'message') ??
        str(dataItem, 'message') ??
        dataText,
      ...firstId(j, [['errorInfo', 'requestId'], ['requestId'], ['request_id']]),
    });
  },
};
