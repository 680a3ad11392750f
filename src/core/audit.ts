// Retry audit: checks whether the client being debugged follows the advice Faultline gives.
// Works on the ordered attempts of one tab (or one HAR), grouped by method + URL.
import type { Classification, Exchange } from './types';
import { bodyHash, credentialsFingerprint } from './fingerprint';
import { headerValue } from './headers';

export interface AuditAttempt {
  /** Record or entry id, so findings can point at rows. */
  id: string;
  exchange: Exchange;
  classification: Classification;
}

export type AuditRule =
  'unchanged-retry' | 'retry-too-soon' | 'no-backoff' | 'retry-storm' | 'unsafe-retry' | 'hammered-lock';

export interface AuditFinding {
  rule: AuditRule;
  /** `METHOD url` of the retried call. */
  key: string;
  /** The attempts the finding is about, in order. */
  attemptIds: string[];
  /** One sentence on how to fix the client. */
  fix: string;
  /** Figures behind the finding, e.g. waited vs advised seconds. */
  figures: Record<string, number>;
}

export interface TimelineAttempt {
  id: string;
  at: number;
  status: number;
  /** Seconds since the previous attempt of the sequence; null for the first. */
  gapSeconds: number | null;
  /** The wait the advice asked for before this attempt (server figure or backoff step); null for the first. */
  advisedGapSeconds: number | null;
}

export interface RetrySequence {
  key: string;
  attempts: TimelineAttempt[];
  findings: AuditFinding[];
}

/** The thresholds the rules use; exported so the panel and docs can state them. */
export const AUDIT_LIMITS = {
  /** Attempts further apart than this are separate calls, not retries. */
  maxRetryGapSeconds: 300,
  /** Storm: more than K attempts of one call within T seconds. */
  stormAttempts: 5,
  stormWindowSeconds: 5,
  /** No backoff: at least this many consecutive retries whose delays do not grow. */
  noBackoffRetries: 3,
  /** A delay counts as grown when it is at least this factor of the previous one. */
  growthFactor: 1.25,
  /** Slack for timers and clock granularity when comparing with the server's wait. */
  toleranceSeconds: 0.25,
  /** 423/409 retried sooner than this, with delays that do not grow, is hammering. */
  lockWaitSeconds: 1,
  /**
   * A retry sooner than this did not wait at all: a first retry of a 423/409, and any delay of a
   * no-backoff run (timer noise of a few ms grows by large ratios without being a backoff).
   */
  immediateSeconds: 0.25,
} as const;

const CALL_KEY_DROP = /#.*$/;

function callKey(exchange: Exchange): string {
  return `${exchange.method.toUpperCase()} ${exchange.url.replace(CALL_KEY_DROP, '')}`;
}

function bodyOf(a: AuditAttempt): string {
  return a.exchange.requestBodyHash ?? bodyHash(a.exchange.requestBody);
}

function credentialsOf(a: AuditAttempt): string {
  return a.exchange.credentialsFingerprint ?? credentialsFingerprint(a.exchange.requestHeaders) ?? 'none';
}

function hasIdempotencyKey(a: AuditAttempt): boolean {
  const headers = a.exchange.requestHeaders;
  return (
    !!headers &&
    ['idempotency-key', 'x-idempotency-key', 'paypal-request-id'].some((h) => headerValue(headers, h) !== undefined)
  );
}

const seconds = (n: number) => (Math.round(n * 10) / 10).toString();

/** Splits a tab's attempts into retry sequences: same call, each following a failure, close in time. */
export function retrySequences(attempts: readonly AuditAttempt[]): AuditAttempt[][] {
  const ordered = attempts
    .filter((a) => typeof a.exchange.startedAt === 'number')
    .slice()
    .sort((x, y) => x.exchange.startedAt! - y.exchange.startedAt!);
  const open = new Map<string, AuditAttempt[]>();
  const done: AuditAttempt[][] = [];
  for (const attempt of ordered) {
    const key = callKey(attempt.exchange);
    const current = open.get(key);
    const last = current?.[current.length - 1];
    const continues =
      last !== undefined &&
      // A canceled attempt (a client timeout) is followed by a retry as often as a failure is.
      (last.classification.failure || last.classification.kind === 'canceled') &&
      (attempt.exchange.startedAt! - last.exchange.startedAt!) / 1000 <= AUDIT_LIMITS.maxRetryGapSeconds;
    if (current && continues) current.push(attempt);
    else {
      if (current) done.push(current);
      open.set(key, [attempt]);
    }
  }
  done.push(...open.values());
  return done.filter((s) => s.length > 1);
}

function gap(prev: AuditAttempt, next: AuditAttempt): number {
  // From the end of the failed response when known: that is when a client can start waiting.
  const prevEnd = prev.exchange.startedAt! + (prev.exchange.durationMs ?? 0);
  return Math.max(0, (next.exchange.startedAt! - prevEnd) / 1000);
}

function advisedGap(prev: AuditAttempt, retryIndex: number): number | null {
  const c = prev.classification;
  if (c.retryAfterSeconds !== null) return c.retryAfterSeconds;
  const step = c.backoff?.steps[Math.min(retryIndex, (c.backoff?.steps.length ?? 1) - 1)];
  return step ? step.delaySeconds : null;
}

/** Runs every rule over one sequence. */
export function auditSequence(seq: readonly AuditAttempt[]): RetrySequence {
  const key = callKey(seq[0].exchange);
  const findings: AuditFinding[] = [];
  const L = AUDIT_LIMITS;
  const gaps: number[] = [];

  for (let i = 1; i < seq.length; i++) {
    const prev = seq[i - 1];
    const next = seq[i];
    const c = prev.classification;
    const waited = gap(prev, next);
    gaps.push(waited);
    const unchanged = bodyOf(prev) === bodyOf(next) && credentialsOf(prev) === credentialsOf(next);
    const ids = [prev.id, next.id];

    if (prev.exchange.status === 423 || prev.exchange.status === 409) {
      // A backing-off client may start below a second; hammering is not waiting, or not growing the wait.
      const previousGap = gaps.length > 1 ? gaps[gaps.length - 2] : null;
      const hammered =
        waited < L.lockWaitSeconds &&
        (previousGap === null ? waited < L.immediateSeconds : waited < previousGap * L.growthFactor);
      if (hammered) {
        findings.push({
          rule: 'hammered-lock',
          key,
          attemptIds: ids,
          fix: `${prev.exchange.status} means the resource is busy: waited ${seconds(waited)} s; wait a few seconds (with backoff) before retrying.`,
          figures: { waitedSeconds: waited, status: prev.exchange.status },
        });
        continue;
      }
    }
    if (!c.retryable && unchanged) {
      const reauth = c.verdict === 'reauthenticate';
      findings.push({
        rule: 'unchanged-retry',
        key,
        attemptIds: ids,
        fix: reauth
          ? `A ${prev.exchange.status} was retried with the same credentials: refresh or fix the credentials before sending again.`
          : `A ${prev.exchange.status} was sent again unchanged: it will fail the same way; fix the request instead of retrying.`,
        figures: { status: prev.exchange.status },
      });
      continue;
    }
    if (c.retryAfterSeconds !== null && waited + L.toleranceSeconds < c.retryAfterSeconds) {
      findings.push({
        rule: 'retry-too-soon',
        key,
        attemptIds: ids,
        fix: `Honour ${c.retryAfterSource ?? "the server's wait"}: waited ${seconds(waited)} s of ${seconds(c.retryAfterSeconds)} s.`,
        figures: {
          waitedSeconds: waited,
          advisedSeconds: c.retryAfterSeconds,
          shortBySeconds: c.retryAfterSeconds - waited,
        },
      });
    }
    const transient = prev.exchange.status >= 500 || prev.exchange.status === 0;
    if (transient && !c.idempotent && !hasIdempotencyKey(next)) {
      findings.push({
        rule: 'unsafe-retry',
        key,
        attemptIds: ids,
        fix: `${prev.exchange.method.toUpperCase()} was re-sent after ${prev.exchange.status === 0 ? 'a network failure' : `a ${prev.exchange.status}`} without an Idempotency-Key: the first attempt may have been applied, so add an Idempotency-Key before retrying.`,
        figures: { status: prev.exchange.status },
      });
    }
  }

  // No backoff: a run of retries whose delays do not grow while the server gave no figure to follow.
  let flat = 0;
  let flatStart = 0;
  for (let i = 1; i < gaps.length; i++) {
    const serverFigure = seq[i].classification.retryAfterSeconds !== null;
    const grew = gaps[i] >= L.immediateSeconds && gaps[i] >= gaps[i - 1] * L.growthFactor;
    if (!serverFigure && !grew) {
      if (flat === 0) flatStart = i - 1;
      flat++;
    } else flat = 0;
    if (flat + 1 === L.noBackoffRetries) {
      const run = seq.slice(flatStart, flatStart + L.noBackoffRetries + 1);
      findings.push({
        rule: 'no-backoff',
        key,
        attemptIds: run.map((a) => a.id),
        fix: `Retries came ${gaps
          .slice(flatStart, flatStart + L.noBackoffRetries)
          .map(seconds)
          .join(' s, ')} s apart: back off exponentially (e.g. 1 s, 2 s, 4 s) with jitter.`,
        figures: { retries: L.noBackoffRetries },
      });
    }
  }

  // Storm: more than K attempts within T seconds.
  for (let start = 0, end = 0; end < seq.length; end++) {
    while ((seq[end].exchange.startedAt! - seq[start].exchange.startedAt!) / 1000 > L.stormWindowSeconds) start++;
    if (end - start + 1 === L.stormAttempts + 1) {
      findings.push({
        rule: 'retry-storm',
        key,
        attemptIds: seq.slice(start, end + 1).map((a) => a.id),
        fix: `${end - start + 1} attempts within ${L.stormWindowSeconds} s: cap retries (2–3) and back off; a storm makes an outage worse and can get the client blocked.`,
        figures: { attempts: end - start + 1, windowSeconds: L.stormWindowSeconds },
      });
      break;
    }
  }

  const attempts: TimelineAttempt[] = seq.map((a, i) => ({
    id: a.id,
    at: a.exchange.startedAt!,
    status: a.exchange.status,
    gapSeconds: i === 0 ? null : gaps[i - 1],
    advisedGapSeconds: i === 0 ? null : advisedGap(seq[i - 1], i - 1),
  }));
  return { key, attempts, findings };
}

/** Audits all attempts of a tab or HAR; returns only sequences that are retries. */
export function auditAttempts(attempts: readonly AuditAttempt[]): RetrySequence[] {
  return retrySequences(attempts).map(auditSequence);
}

export const AUDIT_RULE_TITLES: Record<AuditRule, string> = {
  'unchanged-retry': 'Non-retryable failure retried unchanged',
  'retry-too-soon': "Retried before the server's wait",
  'no-backoff': 'Retries without backoff',
  'retry-storm': 'Retry storm',
  'unsafe-retry': 'Non-idempotent request retried without an Idempotency-Key',
  'hammered-lock': '423/409 hammered without waiting',
};
