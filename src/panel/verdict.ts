// The retry column's text. The classifier owns the wording; the panel only picks it up.
import { describeRetry } from '../core/describe';
import type { Classification } from '../core/types';

export function retryText(c: Classification): string {
  return describeRetry(c);
}
