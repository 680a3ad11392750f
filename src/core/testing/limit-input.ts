import { indexHeaders } from '../headers';
import type { LimitInput } from '../limits';

/** A rate-limit input for tests: a status with nothing else said, plus what a test sets (headers as a plain object). */
export function limitInput(
  status: number,
  extra: Partial<Omit<LimitInput, 'headers'>> & { headers?: Record<string, string> } = {},
): LimitInput {
  return {
    status,
    errorCode: null,
    message: null,
    bodyFailure: false,
    ...extra,
    headers: indexHeaders(extra.headers ?? {}),
  };
}
