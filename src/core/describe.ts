// The short retry verdict for the panel's column: "retry in 37 s", "don't retry: fix the request".
import { formatSeconds } from './advice';
import { assertNever } from './assert-never';
import type { Classification } from './types';

export function describeRetry(c: Classification): string {
  if (!c.failure) return '—';
  switch (c.verdict) {
    case 'retry-after':
      return c.retryAfterSeconds !== null ? `retry in ${formatSeconds(c.retryAfterSeconds)}` : 'retry with backoff';
    case 'retry-backoff':
      return 'retry with backoff';
    case 'retry-idempotent':
      return 'retry only with an Idempotency-Key';
    case 'reauthenticate':
      return 're-authenticate';
    case 'fix-request':
      return "don't retry: fix the request";
    case 'do-not-retry':
      return "don't retry";
    case 'none':
      return '—';
    default:
      return assertNever(c.verdict, 'verdict', '—');
  }
}
