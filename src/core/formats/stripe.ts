// Stripe: `{error: {type, code, decline_code, message, param, doc_url, request_log_url}}`.
// The request ID (`req_…`) sits inside request_log_url; `Stripe-Should-Retry` overrides retry advice.
// Source: https://docs.stripe.com/api/errors and https://docs.stripe.com/error-low-level#idempotency

import type { FormatRecognizer } from '../types';
import { code, compact, get, has, hostIs, isRecord, str } from './util';

const STRIPE_ONLY_TYPES = new Set(['card_error', 'api_error', 'idempotency_error', 'api_connection_error']);
/** Codes Stripe documents as safe to retry (lock contention, rate limits). */
const TRANSIENT_CODES = new Set(['lock_timeout', 'rate_limit']);
/**
 * Card declines whose next step is "the payment should be attempted again" (docs.stripe.com/declines/codes):
 * the same charge can pass later, unlike insufficient_funds or expired_card. As `code` or as `decline_code`.
 */
const RETRY_DECLINES = new Set([
  'try_again_later',
  'processing_error',
  'issuer_not_available',
  'reenter_transaction',
  'approve_with_id',
]);

export const stripe: FormatRecognizer = {
  id: 'stripe',
  vendor: true,
  title: 'Stripe {error: {type, code, message, param, request_log_url}}',
  priority: 78,
  kinds: ['json'],
  keys: ['error'],
  recognize({ body, exchange, header }) {
    const error = get(body.json, 'error');
    if (!isRecord(error)) return null;
    const type = str(error, 'type');
    const marked =
      has(error, 'request_log_url') ||
      has(error, 'doc_url') ||
      has(error, 'decline_code') ||
      (type !== undefined && STRIPE_ONLY_TYPES.has(type)) ||
      (type === 'invalid_request_error' && hostIs(exchange.url, 'stripe.com'));
    if (!marked) return null;

    const errCode = code(get(error, 'code'));
    const message = str(error, 'message');
    const param = str(error, 'param');
    const logUrl = str(error, 'request_log_url');
    const reqId = logUrl ? /req_[A-Za-z0-9]+/.exec(logUrl)?.[0] : undefined;
    const shouldRetry = header('stripe-should-retry');
    let retryable: boolean | undefined;
    if (shouldRetry === 'true') retryable = true;
    else if (shouldRetry === 'false') retryable = false;
    else if (
      (typeof errCode === 'string' && RETRY_DECLINES.has(errCode)) ||
      RETRY_DECLINES.has(str(error, 'decline_code') ?? '')
    )
      retryable = true;
    else if (type === 'card_error') retryable = false;
    else if (typeof errCode === 'string' && TRANSIENT_CODES.has(errCode)) retryable = true;

    return compact({
      saysFailure: true,
      errorCode: errCode ?? type,
      message,
      errorId: reqId,
      errorIdField: reqId ? 'error.request_log_url' : undefined,
      fieldErrors: param && message ? [{ field: param, message }] : undefined,
      retryable,
    });
  },
};
