// `{code, message, status:"failure"}` with `message` sometimes an object
// `{error_code, message:[…]}`; success bodies are `{status:"success", content}`.
// The top-level numeric `code` echoes the HTTP status, so it is not reported as the API's code.
// Source: seed 001_d29483aeed37b9d0.txt (an identity-verification API's status-code page).

import type { FormatRecognizer } from '../types';
import { STATUS_HOLDER_SET, statusVerdict } from '../infer/json';
import { normalizeKey } from '../infer/dictionaries';
import { code, compact, get, isRecord, joinTexts, str, text } from './util';

/**
 * `{status: "success", answer: {status: "error", errors: [{error_code, error_text}]}}` (Beget): a status holder one
 * level down that says it failed and carries the error. A holder that only reports a state (`result: {status:
 * "failed"}`, a job the call looked up) is the answer's data and leaves the outer success standing.
 */
function holderFailed(j: Record<string, unknown>): boolean {
  return Object.keys(j)
    .slice(0, 16)
    .some((k) => {
      const inner = j[k];
      if (!STATUS_HOLDER_SET.has(normalizeKey(k)) || !isRecord(inner) || statusVerdict(inner) !== true) return false;
      const error = get(inner, 'errors') ?? get(inner, 'error');
      return Array.isArray(error) ? error.length > 0 : isRecord(error) || (typeof error === 'string' && error !== '');
    });
}

export const codeMessageStatus: FormatRecognizer = {
  id: 'code-message-status',
  title: 'Envelope {code, message, status: "success" | "failure"}',
  priority: 55,
  kinds: ['json'],
  keys: ['status', 'message'],
  recognize({ body, exchange }) {
    const j = body.json;
    if (!isRecord(j)) return null;
    const status = get(j, 'status');
    const message = get(j, 'message');
    const nested =
      isRecord(message) && (get(message, 'error_code') !== undefined || Array.isArray(get(message, 'message')));
    if (status !== 'success' && status !== 'failure' && !nested) return null;
    // The outer `success` says the request reached the API; a holder inside that failed is left to the inference.
    if (status === 'success') return holderFailed(j) ? null : { saysSuccess: true };

    const top = code(get(j, 'code'));
    // A numeric top-level code equal to (or shaped like) the HTTP status is an echo, not the API's code.
    const echo = typeof top === 'number' && (top === exchange.status || (top >= 100 && top <= 599));
    return compact({
      saysFailure: true,
      errorCode: nested ? code(get(message, 'error_code')) : echo ? undefined : top,
      message: nested ? (joinTexts(get(message, 'message')) ?? str(message, 'message')) : text(message),
    });
  },
};
