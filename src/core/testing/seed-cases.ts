// The shared fixture cases (../shared/fixtures/seed-cases.json) and the rules of their README, for tests
// and benchmarks. Pure: callers read the file themselves.
import type { Exchange } from '../types';

export interface SeedCase {
  name: string;
  source: string;
  request: { method: string; url: string; headers?: Record<string, string>; body?: string };
  response: { status: number; statusText?: string; headers?: Record<string, string>; body?: string; error?: string };
  /** Checks only the fields it names; null means "the response carries none". */
  expected: {
    failure: boolean;
    errorCode?: string | null;
    errorId?: string | null;
    message?: string | null;
    retryable?: boolean;
    retryAfterSeconds?: number | null;
    idempotent?: boolean;
    actionMentionsAny?: string[];
  };
}

export function seedExchange(c: SeedCase): Exchange {
  return {
    method: c.request.method,
    url: c.request.url,
    requestHeaders: c.request.headers ?? {},
    requestBody: c.request.body,
    status: c.response.status,
    statusText: c.response.statusText,
    responseHeaders: c.response.headers ?? {},
    body: c.response.body,
    error: c.response.error,
  };
}

/** What a classification (or a CLI row) reported, in the fields the cases check. */
export interface SeedResult {
  failure: boolean | null;
  errorCode: string | null;
  errorId: string | null;
  message: string | null;
  retryable: boolean | null;
  retryAfterSeconds: number | null;
  idempotent: boolean | null;
  action: string | null;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The fields of `got` that break the case's expectations, as the fixtures README defines them:
 * messages match by containment ignoring case and white space, waits within one second, and the
 * action must mention one of the listed words. Empty when the case passes.
 */
export function seedMismatches(want: SeedCase['expected'], got: SeedResult): string[] {
  const problems: string[] = [];
  const check = (field: keyof SeedCase['expected'], ok: boolean, value: unknown) => {
    if (!ok) problems.push(`${field}: expected ${JSON.stringify(want[field])}, got ${JSON.stringify(value)}`);
  };
  if ('failure' in want) check('failure', got.failure === want.failure, got.failure);
  if ('errorCode' in want) check('errorCode', got.errorCode === want.errorCode, got.errorCode);
  if ('errorId' in want) check('errorId', got.errorId === want.errorId, got.errorId);
  if ('retryable' in want) check('retryable', got.retryable === want.retryable, got.retryable);
  if ('idempotent' in want) check('idempotent', got.idempotent === want.idempotent, got.idempotent);
  if ('message' in want) {
    const ok =
      want.message === null
        ? got.message === null
        : got.message !== null && squash(got.message).includes(squash(want.message!));
    check('message', ok, got.message);
  }
  if ('retryAfterSeconds' in want) {
    const w = want.retryAfterSeconds;
    const ok =
      w === null
        ? got.retryAfterSeconds === null
        : got.retryAfterSeconds !== null && Math.abs(got.retryAfterSeconds - w!) <= 1;
    check('retryAfterSeconds', ok, got.retryAfterSeconds);
  }
  if (want.actionMentionsAny) {
    const action = (got.action ?? '').toLowerCase();
    check(
      'actionMentionsAny',
      want.actionMentionsAny.some((w) => action.includes(w.toLowerCase())),
      got.action,
    );
  }
  return problems;
}
