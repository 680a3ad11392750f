// The verdict column: short and complete ("fix request", "retry in 30 s", "re-auth"); the full
// sentence goes in the tooltip and the detail. The classifier owns the full wording.
import { assertNever } from '../core/assert-never';
import { describeRetry } from '../core/describe';
import type { Classification } from '../core/types';
import { formatSeconds } from './format';

export function retryText(c: Classification): string {
  return describeRetry(c);
}

/** A few words that fit a narrow column without an ellipsis. */
export function shortVerdict(c: Classification): string {
  if (!c.failure) return '';
  switch (c.verdict) {
    case 'retry-after':
      return c.retryAfterSeconds !== null && Number.isFinite(c.retryAfterSeconds) && c.retryAfterSeconds >= 0
        ? `retry in ${compactSeconds(c.retryAfterSeconds)}`
        : 'retry later';
    case 'retry-backoff':
      return 'retry, backoff';
    case 'retry-idempotent':
      return 'retry w/ key';
    case 'reauthenticate':
      return 're-auth';
    case 'fix-request':
      return 'fix request';
    case 'do-not-retry':
      return "don't retry";
    case 'none':
      return c.retryable ? 'retry' : "don't retry";
    default:
      return assertNever(c.verdict, 'verdict', c.retryable ? 'retry' : "don't retry");
  }
}

/** One unit, rounded: "90 s", "5 min", "24 h" (the exact figure is in the tooltip and the detail). */
export function compactSeconds(seconds: number): string {
  if (seconds < 100)
    return Number.isInteger(seconds) || seconds >= 10 ? `${Math.round(seconds)} s` : formatSeconds(seconds);
  if (seconds < 100 * 60) return `${Math.round(seconds / 60)} min`;
  if (seconds < 48 * 3600) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86400)} d`;
}

/** The tooltip: the retry sentence and the action. */
export function verdictSentence(c: Classification): string {
  if (!c.failure) return '';
  return `${describeRetry(c)}. ${c.action}`;
}
