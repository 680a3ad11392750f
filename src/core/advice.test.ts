import { describe, expect, it } from 'vitest';
import { advise, formatSeconds, type AdviceFacts } from './advice';

function facts(over: Partial<AdviceFacts>): AdviceFacts {
  const status = over.status ?? 500;
  return {
    failure: true,
    kind: status >= 500 ? 'server' : status >= 400 ? 'client' : status === 0 ? 'network' : 'none',
    status,
    method: 'GET',
    url: 'https://api.example.com/v1/things/42',
    idempotent: true,
    errorCode: null,
    errorId: null,
    message: null,
    fieldErrors: [],
    networkError: null,
    wait: null,
    rateLimit: null,
    quota: null,
    serverSaysRetry: undefined,
    bodySaysRetry: undefined,
    allow: undefined,
    wwwAuthenticate: undefined,
    credentialHeader: undefined,
    ...over,
  };
}

describe('advise: 4xx', () => {
  it('never retries an ordinary 4xx unchanged', () => {
    for (const status of [
      400, 404, 405, 406, 409, 410, 411, 412, 414, 415, 416, 417, 422, 424, 426, 428, 431, 432, 451, 499,
    ]) {
      const a = advise(facts({ status }));
      expect(a.retryable, String(status)).toBe(false);
      expect(['fix-request', 'do-not-retry']).toContain(a.verdict);
    }
  });

  it('retries 408, 423 and 425 regardless of method', () => {
    for (const status of [408, 423, 425]) {
      const a = advise(facts({ status, method: 'POST', idempotent: false }));
      expect(a.retryable, String(status)).toBe(true);
      expect(a.verdict).toBe('retry-backoff');
    }
    expect(advise(facts({ status: 423 })).action).toMatch(/wait a few seconds/);
  });

  it('401 re-authenticates and names the credential header that was sent', () => {
    const a = advise(
      facts({ status: 401, credentialHeader: 'api_token', wwwAuthenticate: 'Bearer error="invalid_token"' }),
    );
    expect(a).toMatchObject({ verdict: 'reauthenticate', retryable: false });
    expect(a.action).toContain('api_token');
    expect(a.action).toContain('invalid_token');
  });

  it('401/403 from clock skew says to fix the clock', () => {
    expect(advise(facts({ status: 403, errorCode: 'RequestTimeTooSkewed' })).action).toMatch(/clock/);
  });

  it('403 without rate-limit evidence points at permissions', () => {
    expect(advise(facts({ status: 403 }))).toMatchObject({ verdict: 'do-not-retry', retryable: false });
    expect(advise(facts({ status: 403 })).action).toMatch(/permissions, scope or role/);
  });

  it('405 names the allowed methods', () => {
    expect(advise(facts({ status: 405, method: 'POST', allow: 'GET, PATCH, DELETE' })).action).toContain(
      'GET, PATCH, DELETE',
    );
  });

  it('400/422 with field errors names the fields', () => {
    const a = advise(
      facts({
        status: 422,
        fieldErrors: [
          { field: 'email', message: 'is invalid' },
          { field: 'name', message: "can't be blank" },
        ],
      }),
    );
    expect(a.action).toContain('email, name');
    expect(a.verdict).toBe('fix-request');
  });

  it('404 points at the URL', () => {
    expect(advise(facts({ status: 404 })).action).toContain('/v1/things/42');
  });

  it('413 shrinks the payload unless the server gave a wait', () => {
    expect(advise(facts({ status: 413 }))).toMatchObject({ retryable: false });
    expect(advise(facts({ status: 413 })).action).toMatch(/Shrink/);
    expect(advise(facts({ status: 413, wait: { seconds: 5, source: 'Retry-After header' } }))).toMatchObject({
      retryable: true,
      verdict: 'retry-after',
    });
  });

  it('409 is not retryable, except an outstanding idempotent request with Retry-After', () => {
    expect(advise(facts({ status: 409 })).retryable).toBe(false);
    const outstanding = advise(
      facts({
        status: 409,
        message: 'A request is outstanding for this Idempotency-Key',
        wait: { seconds: 1, source: 'Retry-After header' },
      }),
    );
    expect(outstanding).toMatchObject({ retryable: true, verdict: 'retry-after' });
    expect(outstanding.action).toMatch(/same Idempotency-Key/);
  });

  it('422 for a reused Idempotency-Key says to use a new key', () => {
    expect(advise(facts({ status: 422, message: 'Idempotency-Key is already used' })).action).toMatch(/new key/);
  });
});

describe('advise: rate limits and quotas', () => {
  it('gives the wait when the server stated one', () => {
    const a = advise(
      facts({ status: 429, rateLimit: 'HTTP 429', wait: { seconds: 30, source: 'Retry-After header' } }),
    );
    expect(a).toMatchObject({ verdict: 'retry-after', retryable: true });
    expect(a.action).toContain('30 s');
  });

  it('backs off exponentially without a figure', () => {
    const a = advise(facts({ status: 429, rateLimit: 'HTTP 429' }));
    expect(a).toMatchObject({ verdict: 'retry-backoff', retryable: true });
    expect(a.action).toMatch(/back off exponentially/);
  });

  it('treats a 403 rate limit as retryable after the wait', () => {
    const a = advise(
      facts({
        status: 403,
        rateLimit: 'x-ratelimit-remaining: 0',
        wait: { seconds: 42, source: 'x-ratelimit-reset header' },
      }),
    );
    expect(a).toMatchObject({ verdict: 'retry-after', retryable: true });
  });

  it('waits at least a minute on a GitHub secondary rate limit', () => {
    const a = advise(
      facts({ status: 403, rateLimit: 'message', message: 'You have exceeded a secondary rate limit.' }),
    );
    expect(a.backoffBaseSeconds).toBe(60);
    expect(a.action).toMatch(/at least a minute/);
  });

  it('does not retry an exhausted quota, even on a 429 with a wait', () => {
    const a = advise(
      facts({
        status: 429,
        rateLimit: 'HTTP 429',
        quota: 'error code insufficient_quota',
        wait: { seconds: 20, source: 'x' },
      }),
    );
    expect(a).toMatchObject({ verdict: 'do-not-retry', retryable: false });
    expect(a.action).toMatch(/quota/);
  });
});

describe('advise: 5xx', () => {
  it('retries idempotent 5xx with backoff and quotes the ID', () => {
    const a = advise(facts({ status: 500, errorId: 'req_123' }));
    expect(a).toMatchObject({ verdict: 'retry-backoff', retryable: true });
    expect(a.action).toContain('quote ID req_123 to support');
  });

  it('keeps non-idempotent 5xx retryable but only with an Idempotency-Key', () => {
    const a = advise(facts({ status: 500, method: 'POST', idempotent: false }));
    expect(a).toMatchObject({ verdict: 'retry-idempotent', retryable: true });
    expect(a.action).toMatch(/duplicate.*Idempotency-Key/);
  });

  it('describes 502/503/504 as transient gateway or maintenance states', () => {
    expect(advise(facts({ status: 502 })).action).toMatch(/gateway.*transient/i);
    expect(advise(facts({ status: 503 })).action).toMatch(/maintenance/);
    expect(advise(facts({ status: 504 })).action).toMatch(/timed out/);
  });

  it('does not retry configuration errors', () => {
    for (const status of [501, 505, 506, 510, 511, 525, 526, 527])
      expect(advise(facts({ status })).retryable, String(status)).toBe(false);
  });

  it('lets any method retry when Cloudflare proves the request never reached the app', () => {
    for (const status of [521, 522, 523])
      expect(advise(facts({ status, method: 'POST', idempotent: false })).verdict).toBe('retry-backoff');
    expect(advise(facts({ status: 524, method: 'POST', idempotent: false })).verdict).toBe('retry-idempotent');
  });

  it('falls back to the class for unknown 5xx codes', () => {
    expect(advise(facts({ status: 567 }))).toMatchObject({ retryable: true, verdict: 'retry-backoff' });
  });
});

describe('advise: network errors', () => {
  const net = (networkError: string | null, over: Partial<AdviceFacts> = {}) =>
    advise(facts({ status: 0, kind: 'network', networkError, ...over }));

  it('retries unreachable servers for any method', () => {
    expect(net('net::ERR_CONNECTION_REFUSED', { method: 'POST', idempotent: false })).toMatchObject({
      retryable: true,
      verdict: 'retry-backoff',
    });
  });

  it('retries timeouts, but only with a key for non-idempotent requests', () => {
    expect(net('net::ERR_TIMED_OUT', { method: 'POST', idempotent: false })).toMatchObject({
      retryable: true,
      verdict: 'retry-idempotent',
    });
  });

  it('does not retry CORS or blocker failures and says what to fix', () => {
    expect(net('CORS error')).toMatchObject({ retryable: false, verdict: 'fix-request' });
    const blocked = net('net::ERR_BLOCKED_BY_CLIENT');
    expect(blocked.retryable).toBe(false);
    expect(blocked.action).toMatch(/blocker/);
  });

  it('says an aborted request is not a server failure', () => {
    const a = net('net::ERR_ABORTED');
    expect(a.retryable).toBe(false);
    expect(a.action).toMatch(/not a server failure/);
  });
});

describe('advise: 2xx bodies that report failure', () => {
  it('does not retry by default', () => {
    const a = advise(facts({ status: 200, kind: 'body', errorCode: 'AlreadyPublished' }));
    expect(a).toMatchObject({ retryable: false, verdict: 'fix-request' });
    expect(a.action).toContain('AlreadyPublished');
  });

  it('retries when the body code says the failure is transient', () => {
    expect(advise(facts({ status: 200, kind: 'body', errorCode: 'INTERNAL_SERVER_ERROR' })).retryable).toBe(true);
  });
});

describe('advise: explicit hints', () => {
  it('obeys x-should-retry / stripe-should-retry over the table', () => {
    expect(
      advise(facts({ status: 500, serverSaysRetry: { value: false, source: 'stripe-should-retry' } })),
    ).toMatchObject({ retryable: false, verdict: 'do-not-retry' });
    const yes = advise(facts({ status: 400, serverSaysRetry: { value: true, source: 'x-should-retry' } }));
    expect(yes.retryable).toBe(true);
    expect(yes.action).toContain('x-should-retry');
  });

  it("obeys the body's retry hint when no header says otherwise", () => {
    expect(advise(facts({ status: 500, bodySaysRetry: false })).retryable).toBe(false);
    expect(
      advise(facts({ status: 500, bodySaysRetry: false, serverSaysRetry: { value: true, source: 'x-should-retry' } }))
        .retryable,
    ).toBe(true);
  });

  it('has nothing to do for non-failures', () => {
    expect(advise(facts({ failure: false, kind: 'none', status: 200 }))).toMatchObject({
      verdict: 'none',
      retryable: false,
    });
  });
});

describe('formatSeconds', () => {
  it('picks a readable unit', () => {
    expect(formatSeconds(0.844)).toBe('844 ms');
    expect(formatSeconds(7.315)).toBe('7.3 s');
    expect(formatSeconds(37)).toBe('37 s');
    expect(formatSeconds(120)).toBe('2 min');
    expect(formatSeconds(86400)).toBe('24 h');
  });
});
