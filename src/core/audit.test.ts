import { describe, expect, it } from 'vitest';
import { auditAttempts, AUDIT_LIMITS, type AuditAttempt } from './audit';
import { classify } from './classify';
import type { Exchange } from './types';

const T0 = Date.parse('2026-11-23T18:00:00Z');
const json = { 'content-type': 'application/json' };

/** Builds a sequence of attempts of one call: [offsetMs, status, extra response headers, request overrides]. */
function attempts(
  base: Partial<Exchange>,
  steps: Array<[number, number, Record<string, string>?, Partial<Exchange>?]>,
): AuditAttempt[] {
  return steps.map(([at, status, headers, request], i) => {
    const exchange: Exchange = {
      method: 'GET',
      url: 'https://api.example.com/v1/things',
      requestHeaders: {},
      ...base,
      ...request,
      status,
      responseHeaders: { ...json, ...headers },
      body: status >= 400 ? '{"error":"e","message":"m"}' : '{}',
      startedAt: T0 + at,
      durationMs: 0,
    };
    return { id: `a${i}`, exchange, classification: classify(exchange, { now: T0 + at }) };
  });
}

const rulesOf = (a: AuditAttempt[]) => auditAttempts(a).flatMap((s) => s.findings.map((f) => f.rule));

describe('retry audit rules', () => {
  it('flags a 422 sent again unchanged, but not a corrected re-send', () => {
    const post = { method: 'POST', requestBody: '{"amount":-1}' };
    expect(
      rulesOf(
        attempts(post, [
          [0, 422],
          [100, 422],
        ]),
      ),
    ).toContain('unchanged-retry');
    const fixed = attempts(post, [
      [0, 422],
      [5000, 201, {}, { requestBody: '{"amount":1}' }],
    ]);
    expect(rulesOf(fixed)).not.toContain('unchanged-retry');
  });

  it('flags a 401 retried with the same credentials, not one retried after a token refresh', () => {
    const auth = { requestHeaders: { authorization: 'Bearer old' } };
    const same = attempts(auth, [
      [0, 401],
      [200, 401],
    ]);
    const finding = auditAttempts(same)[0].findings.find((f) => f.rule === 'unchanged-retry');
    expect(finding?.fix).toMatch(/credentials/);
    const refreshed = attempts(auth, [
      [0, 401],
      [200, 200, {}, { requestHeaders: { authorization: 'Bearer new' } }],
    ]);
    expect(rulesOf(refreshed)).toEqual([]);
  });

  it('flags a retry sooner than Retry-After and says by how much', () => {
    const seq = attempts({}, [
      [0, 429, { 'retry-after': '2' }],
      [200, 200],
    ]);
    const finding = auditAttempts(seq)[0].findings.find((f) => f.rule === 'retry-too-soon')!;
    expect(finding.figures.advisedSeconds).toBe(2);
    expect(finding.figures.waitedSeconds).toBeCloseTo(0.2, 5);
    expect(finding.fix).toMatch(/waited 0\.2 s of 2 s/);
  });

  it('accepts a retry that honours Retry-After', () => {
    expect(
      rulesOf(
        attempts({}, [
          [0, 429, { 'retry-after': '2' }],
          [2050, 200],
        ]),
      ),
    ).toEqual([]);
  });

  it(`flags ${AUDIT_LIMITS.noBackoffRetries} retries at a constant delay as no backoff`, () => {
    const seq = attempts({}, [
      [0, 503],
      [300, 503],
      [600, 503],
      [900, 503],
      [1200, 200],
    ]);
    expect(rulesOf(seq)).toContain('no-backoff');
  });

  it('flags zero-delay retries whose millisecond gaps grow (4 → 22 → 66 ms) as no backoff', () => {
    // axios-retry with no delay: timer noise grows by large ratios, but none of it is a wait.
    const seq = attempts({}, [
      [0, 500],
      [4, 500],
      [26, 500],
      [92, 200],
    ]);
    const finding = auditAttempts(seq)[0].findings.find((f) => f.rule === 'no-backoff');
    expect(finding?.attemptIds).toEqual(['a0', 'a1', 'a2', 'a3']);
    // The same growth at real delays is a backoff.
    expect(
      rulesOf(
        attempts({}, [
          [0, 500],
          [400, 500],
          [2600, 500],
          [9200, 200],
        ]),
      ),
    ).not.toContain('no-backoff');
  });

  it('still sees a canceled attempt (a client timeout) followed by a retry', () => {
    const seq = attempts({}, [
      [0, 0, {}, { error: 'net::ERR_ABORTED' }],
      [10, 0, {}, { error: 'net::ERR_ABORTED' }],
      [20, 0, {}, { error: 'net::ERR_ABORTED' }],
      [30, 200],
    ]);
    expect(seq[0].classification.kind).toBe('canceled');
    expect(seq[0].classification.failure).toBe(false);
    expect(auditAttempts(seq)).toHaveLength(1);
    expect(rulesOf(seq)).toContain('no-backoff');
  });

  it(`flags more than ${AUDIT_LIMITS.stormAttempts} attempts within ${AUDIT_LIMITS.stormWindowSeconds} s as a storm`, () => {
    const steps: Array<[number, number]> = Array.from({ length: 10 }, (_, i) => [i * 100, 503]);
    const finding = auditAttempts(attempts({}, steps))[0].findings.find((f) => f.rule === 'retry-storm')!;
    expect(finding.attemptIds.length).toBe(AUDIT_LIMITS.stormAttempts + 1);
    const calm: Array<[number, number]> = Array.from({ length: AUDIT_LIMITS.stormAttempts }, (_, i) => [i * 100, 503]);
    expect(rulesOf(attempts({}, calm))).not.toContain('retry-storm');
  });

  it('flags a POST re-sent after a 500 without an Idempotency-Key, not one with a key', () => {
    const post = { method: 'POST', requestBody: '{"sku":1}' };
    expect(
      rulesOf(
        attempts(post, [
          [0, 500],
          [1000, 201],
        ]),
      ),
    ).toContain('unsafe-retry');
    const keyed = { ...post, requestHeaders: { 'idempotency-key': 'k-1' } };
    expect(
      rulesOf(
        attempts(keyed, [
          [0, 500],
          [1000, 201],
        ]),
      ),
    ).not.toContain('unsafe-retry');
    // PUT is idempotent by method.
    expect(
      rulesOf(
        attempts({ method: 'PUT' }, [
          [0, 500],
          [1000, 200],
        ]),
      ),
    ).not.toContain('unsafe-retry');
  });

  it('flags a 423 hammered without waiting, not one retried after a few seconds', () => {
    expect(
      rulesOf(
        attempts({ method: 'PATCH' }, [
          [0, 423],
          [50, 423],
          [100, 200],
        ]),
      ),
    ).toContain('hammered-lock');
    expect(
      rulesOf(
        attempts({ method: 'PATCH' }, [
          [0, 423],
          [2000, 423],
          [6000, 200],
        ]),
      ),
    ).toEqual([]);
    // Sub-second but growing, as an exponential client does: not hammering.
    expect(
      rulesOf(
        attempts({ method: 'PUT' }, [
          [0, 423],
          [300, 423],
          [900, 423],
          [2100, 200],
        ]),
      ),
    ).toEqual([]);
    // Sub-second and flat after a first short wait: hammering.
    expect(
      rulesOf(
        attempts({ method: 'PUT' }, [
          [0, 423],
          [400, 423],
          [800, 423],
        ]),
      ),
    ).toContain('hammered-lock');
  });

  it('finds nothing for a well-behaved ky-style client', () => {
    // Exponential backoff 0.3·2^n on 503, Retry-After honoured on 429, POST carries an Idempotency-Key.
    const flaky = attempts({}, [
      [0, 503],
      [300, 503],
      [900, 503],
      [2100, 200],
    ]);
    const limited = attempts({ url: 'https://api.example.com/v1/limited' }, [
      [0, 429, { 'retry-after': '2' }],
      [2100, 429, { 'retry-after': '2' }],
      [4200, 200],
    ]);
    const create = attempts(
      {
        method: 'POST',
        url: 'https://api.example.com/v1/orders',
        requestHeaders: { 'idempotency-key': 'k-9' },
        requestBody: '{}',
      },
      [
        [0, 500],
        [300, 201],
      ],
    );
    const validation = attempts({ method: 'POST', url: 'https://api.example.com/v1/validate' }, [[0, 422]]);
    expect(rulesOf([...flaky, ...limited, ...create, ...validation])).toEqual([]);
  });

  it('does not treat separate calls minutes apart as retries', () => {
    const far = attempts({}, [
      [0, 422],
      [(AUDIT_LIMITS.maxRetryGapSeconds + 1) * 1000, 422],
    ]);
    expect(auditAttempts(far)).toEqual([]);
  });

  it('sets each attempt against the advised schedule in the timeline', () => {
    const [seq] = auditAttempts(
      attempts({}, [
        [0, 429, { 'retry-after': '3' }],
        [1000, 200],
      ]),
    );
    expect(seq.attempts.map((a) => a.advisedGapSeconds)).toEqual([null, 3]);
    expect(seq.attempts[1].gapSeconds).toBeCloseTo(1, 5);
  });
});
