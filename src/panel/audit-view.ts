// What the audit view draws, as data: one card per rule and retry sequence, and the geometry of
// a sequence's timeline (attempts against the advised waits). Pure, so it is tested without a DOM.
import { AUDIT_RULE_TITLES, type AuditRule, type RetrySequence } from '../core/audit';
import { redactUrl } from '../core/redact';

export interface AuditCard {
  rule: AuditRule;
  title: string;
  /** `METHOD url` with secrets in the URL redacted. */
  key: string;
  method: string;
  url: string;
  /** The first finding's sentence: later ones of the same rule repeat it with other figures. */
  fix: string;
  /** Findings merged into this card (e.g. each unchanged re-send). */
  count: number;
  attemptIds: string[];
  sequence: RetrySequence;
}

/** Splits `METHOD url` and redacts the URL. */
export function displayCall(key: string): { method: string; url: string } {
  const space = key.indexOf(' ');
  const method = space > 0 ? key.slice(0, space) : key;
  const url = space > 0 ? redactUrl(key.slice(space + 1)) : '';
  return { method, url };
}

export function auditCards(sequences: readonly RetrySequence[]): AuditCard[] {
  const cards: AuditCard[] = [];
  for (const sequence of sequences) {
    const byRule = new Map<AuditRule, AuditCard>();
    for (const finding of sequence.findings) {
      const card = byRule.get(finding.rule);
      if (card) {
        card.count++;
        for (const id of finding.attemptIds) if (!card.attemptIds.includes(id)) card.attemptIds.push(id);
        continue;
      }
      const { method, url } = displayCall(finding.key);
      const next: AuditCard = {
        rule: finding.rule,
        title: AUDIT_RULE_TITLES[finding.rule],
        key: `${method} ${url}`,
        method,
        url,
        fix: finding.fix,
        count: 1,
        attemptIds: [...finding.attemptIds],
        sequence,
      };
      byRule.set(finding.rule, next);
      cards.push(next);
    }
  }
  return cards;
}

export interface TimelineMark {
  id: string;
  /** 1-based attempt number. */
  n: number;
  status: number;
  /** Position on the axis, 0–100. */
  left: number;
  offsetSeconds: number;
}

export interface AdvisedWindow {
  /** The attempt this wait came before (1-based). */
  before: number;
  seconds: number;
  /** From the end of the previous response to the earliest advised retry, 0–100. */
  from: number;
  to: number;
  /** The attempt came before the window ended. */
  early: boolean;
}

export interface TimelineGeometry {
  spanSeconds: number;
  marks: TimelineMark[];
  windows: AdvisedWindow[];
}

/**
 * Lays the attempts on an axis from the first attempt to the last attempt or advised retry time,
 * whichever is later. `durationMs` gives each attempt's response time, where known: the advised
 * wait runs from the end of the previous response, as the audit measures it.
 */
export function timelineGeometry(
  sequence: RetrySequence,
  durationMs: (id: string) => number | undefined,
): TimelineGeometry {
  const attempts = sequence.attempts;
  const t0 = attempts[0].at;
  const raw: Array<{ before: number; seconds: number; fromMs: number; toMs: number; early: boolean }> = [];
  let end = attempts[attempts.length - 1].at;
  for (let i = 1; i < attempts.length; i++) {
    const advised = attempts[i].advisedGapSeconds;
    if (advised === null || advised <= 0) continue;
    const fromMs = attempts[i - 1].at + (durationMs(attempts[i - 1].id) ?? 0);
    const toMs = fromMs + advised * 1000;
    raw.push({ before: i + 1, seconds: advised, fromMs, toMs, early: attempts[i].at < toMs });
    end = Math.max(end, toMs);
  }
  const spanMs = Math.max(end - t0, 1);
  const pos = (ms: number) => Math.min(100, Math.max(0, ((ms - t0) / spanMs) * 100));
  return {
    spanSeconds: spanMs / 1000,
    marks: attempts.map((a, i) => ({
      id: a.id,
      n: i + 1,
      status: a.status,
      left: pos(a.at),
      offsetSeconds: (a.at - t0) / 1000,
    })),
    windows: raw.map((w) => ({
      before: w.before,
      seconds: w.seconds,
      from: pos(w.fromMs),
      to: pos(w.toMs),
      early: w.early,
    })),
  };
}
