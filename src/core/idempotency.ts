// Whether re-sending a request is free of duplicate side effects: by method semantics
// (RFC 9110 §9.2.2) or because the request carries an idempotency key.
import type { HeaderIndex } from './headers';

/** RFC 9110 §9.2.2: the safe methods plus PUT and DELETE. QUERY is the safe method of draft-ietf-httpbis-safe-method-w-body. */
export const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set([
  'GET',
  'HEAD',
  'OPTIONS',
  'TRACE',
  'PUT',
  'DELETE',
  'QUERY',
]);

/** Request headers that make a POST/PATCH safe to replay (IETF draft, Stripe, PayPal, Open Banking, RazorPay). */
export const IDEMPOTENCY_KEY_HEADERS: readonly string[] = [
  'idempotency-key',
  'x-idempotency-key',
  'paypal-request-id',
  'x-payout-idempotency',
];

/** Square puts the key in the JSON body. Only the start of a body is searched. */
const BODY_KEY = /"idempotency_key"\s*:\s*"[^"]+"/;

export interface Idempotency {
  idempotent: boolean;
  idempotencySource: 'method' | 'idempotency-key' | 'none';
  /** The header (or body field) that carried the key. */
  keyName?: string;
}

export function idempotency(method: string, requestHeaders: HeaderIndex, requestBody?: string): Idempotency {
  if (IDEMPOTENT_METHODS.has(method.toUpperCase())) return { idempotent: true, idempotencySource: 'method' };
  for (const name of IDEMPOTENCY_KEY_HEADERS) {
    const v = requestHeaders.get(name);
    if (v !== undefined && v.trim() !== '')
      return { idempotent: true, idempotencySource: 'idempotency-key', keyName: name };
  }
  if (
    typeof requestBody === 'string' &&
    requestBody.includes('idempotency_key') &&
    BODY_KEY.test(requestBody.slice(0, 65_536))
  ) {
    return { idempotent: true, idempotencySource: 'idempotency-key', keyName: 'body.idempotency_key' };
  }
  return { idempotent: false, idempotencySource: 'none' };
}
