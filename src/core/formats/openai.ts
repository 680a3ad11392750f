// OpenAI (and OpenAI-compatible APIs): `{error: {message, type, param, code}}`.
// 429 `insufficient_quota` is billing (never clears by waiting); `rate_limit_exceeded` states its wait
// in the message ("Please try again in 7.315s" / "in 844ms").
// Source: https://platform.openai.com/docs/guides/error-codes/api-errors

import type { FormatRecognizer } from '../types';
import { code, compact, get, has, isRecord, str, waitInText } from './util';

/** Codes or types that mean the account cannot be served until billing/limits change. */
const EXHAUSTED = new Set([
  'insufficient_quota',
  'billing_hard_limit_reached',
  'billing_not_active',
  'access_terminated',
]);
const WAIT_IN_MESSAGE = /try again in ((?:\d+(?:\.\d+)?(?:ms|h|m|s))+)/i;
/** A `rate_limit_exceeded` whose request alone exceeds the per-minute limit: no wait lets it through ("Request too large … must be reduced"). */
const TOO_LARGE = /\brequest too large\b|\bmust be reduced\b/i;
/** Python's `None` (or a null) written out as text, as OpenAI-compatible proxies do (LiteLLM `type: "None"`): no value. */
const NULL_TEXT = /^\s*(?:none|null|undefined)\s*$/i;

function given<T extends string | number>(v: T | undefined): T | undefined {
  return typeof v === 'string' && NULL_TEXT.test(v) ? undefined : v;
}

export const openai: FormatRecognizer = {
  id: 'openai',
  vendor: true,
  title: 'OpenAI {error: {message, type, param, code}}',
  priority: 72,
  kinds: ['json'],
  keys: ['error'],
  recognize({ body, exchange }) {
    const error = get(body.json, 'error');
    if (!isRecord(error) || str(error, 'message') === undefined || !has(error, 'type') || !has(error, 'param'))
      return null;
    const rawCode = given(code(get(error, 'code')));
    // A code that only repeats the HTTP status (LiteLLM's `code: "429"` on a 429) is an echo, not the API's code.
    const errCode = rawCode !== undefined && String(rawCode).trim() === String(exchange.status) ? undefined : rawCode;
    const type = given(str(error, 'type'));
    const message = str(error, 'message');
    const param = given(str(error, 'param'));
    const exhausted =
      (typeof errCode === 'string' && EXHAUSTED.has(errCode)) || (type !== undefined && EXHAUSTED.has(type));
    const wait = exhausted ? undefined : waitInText(message, WAIT_IN_MESSAGE);
    return compact({
      saysFailure: true,
      errorCode: errCode ?? type,
      message,
      fieldErrors: param && message && type === 'invalid_request_error' ? [{ field: param, message }] : undefined,
      retryAfterSeconds: wait,
      retryAfterField: wait !== undefined ? 'error.message (text)' : undefined,
      retryable: exhausted
        ? false
        : errCode === 'rate_limit_exceeded' && !(message !== undefined && TOO_LARGE.test(message))
          ? true
          : undefined,
    });
  },
};
