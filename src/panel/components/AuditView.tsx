// The retry audit view (README, "Retry audit"): each client retry mistake with its one-sentence fix, and a
// timeline of the attempts set against the advised waits. The thresholds are stated, not hidden.
import { useMemo } from 'preact/hooks';
import { AUDIT_LIMITS } from '../../core/audit';
import { auditCards, timelineGeometry, type AuditCard } from '../audit-view';
import { usePanel, usePanelStore } from '../context';
import { formatCount, formatSeconds, formatStatus } from '../format';
import type { AuditIndex } from '../store/audit-index';

/** Cards rendered at most: past this the list says how many more there are. */
const MAX_CARDS = 200;

const seconds = (n: number | null): string => (n === null ? '—' : n === 0 ? '0 s' : formatSeconds(n));

export function AuditView() {
  const store = usePanelStore();
  const revision = usePanel((s) => s.auditRevision);
  const sequenceCount = usePanel((s) => s.auditSequences);
  const auditOf = usePanel((s) => s.auditOf);
  const importedName = usePanel((s) => s.imported?.fileName);
  const audit = store.getState().audit();
  const cards = useMemo(() => auditCards(audit.sequences()), [audit, revision]);
  const L = AUDIT_LIMITS;
  const source = auditOf === 'imported' && importedName ? importedName : 'this tab';

  return (
    <section class="audit" data-testid="audit-view" aria-label="Retry audit">
      <header class="audit-head">
        <p>
          Retry audit of {source}: does the client follow the retry advice? Attempts of the same method and URL within{' '}
          {L.maxRetryGapSeconds} s of a failure form a retry sequence.
        </p>
        <p class="muted small" data-testid="audit-limits">
          Storm: more than {L.stormAttempts} attempts within {L.stormWindowSeconds} s. No backoff: {L.noBackoffRetries}{' '}
          retries in a row whose delays do not grow by ×{L.growthFactor}. A 423 or 409 retried within{' '}
          {L.lockWaitSeconds} s is hammering. Server waits are compared with {L.toleranceSeconds} s of slack.
        </p>
      </header>
      {cards.length === 0 ? (
        <div class="empty" data-testid="audit-empty" role="status">
          <p>
            No retry mistakes found in {formatCount(sequenceCount)} retry{' '}
            {sequenceCount === 1 ? 'sequence' : 'sequences'}.
          </p>
        </div>
      ) : (
        <div class="audit-list">
          <p class="muted small" data-testid="audit-summary">
            {formatCount(cards.length)} {cards.length === 1 ? 'finding' : 'findings'} in {formatCount(sequenceCount)}{' '}
            retry {sequenceCount === 1 ? 'sequence' : 'sequences'}.
          </p>
          {cards.slice(0, MAX_CARDS).map((card, i) => (
            <FindingCard key={`${card.sequence.attempts[0].id}:${card.rule}:${i}`} card={card} audit={audit} />
          ))}
          {cards.length > MAX_CARDS ? <p class="muted">…and {formatCount(cards.length - MAX_CARDS)} more.</p> : null}
        </div>
      )}
    </section>
  );
}

function FindingCard({ card, audit }: { card: AuditCard; audit: AuditIndex }) {
  const store = usePanelStore();
  const flagged = new Set(card.attemptIds);
  const geometry = timelineGeometry(card.sequence, (id) => audit.record(id)?.exchange.durationMs);
  return (
    <article
      class="audit-finding"
      data-testid="audit-finding"
      data-rule={card.rule}
      data-key={card.key}
      data-attempts={card.attemptIds.join(' ')}
    >
      <header class="audit-finding-head">
        <span class="audit-title">⚠ {card.title}</span>
        {card.count > 1 ? <span class="muted"> ×{card.count}</span> : null}
        <div class="mono audit-call" title={card.url}>
          {card.method} {card.url}
        </div>
      </header>
      <p class="audit-fix" data-testid="audit-fix">
        {card.fix}
      </p>
      <div
        class="timeline"
        data-testid="audit-timeline"
        role="img"
        aria-label={`${geometry.marks.length} attempts over ${formatSeconds(geometry.spanSeconds) || '0 s'}; shaded: the advised wait`}
      >
        {geometry.windows.map((w) => (
          <div
            key={`w${w.before}`}
            class={`advised-wait${w.early ? ' early' : ''}`}
            data-testid="advised-wait"
            style={{ left: `${w.from}%`, width: `${Math.max(0.5, w.to - w.from)}%` }}
            title={`Advised wait before attempt ${w.before}: ${seconds(w.seconds)}`}
          >
            <span class="advised-mark" aria-hidden="true" />
          </div>
        ))}
        {geometry.marks.map((m) => (
          <span
            key={m.id}
            class={`attempt-mark${m.status >= 400 || m.status === 0 ? ' failed' : ' ok'}${flagged.has(m.id) ? ' flagged' : ''}`}
            data-testid="attempt-mark"
            style={{ left: `${m.left}%` }}
            title={`Attempt ${m.n}: ${m.status || 'no response'} at +${seconds(m.offsetSeconds)}`}
          >
            {m.n}
          </span>
        ))}
        <span class="axis axis-start">0 s</span>
        <span class="axis axis-end">+{formatSeconds(geometry.spanSeconds) || '0 s'}</span>
      </div>
      <table class="kv audit-attempts" data-testid="audit-attempts">
        <thead>
          <tr>
            <th scope="col">Attempt</th>
            <th scope="col">Status</th>
            <th scope="col">Waited</th>
            <th scope="col">Advised</th>
          </tr>
        </thead>
        <tbody>
          {card.sequence.attempts.map((a, i) => {
            const record = audit.record(a.id);
            const early =
              a.gapSeconds !== null &&
              a.advisedGapSeconds !== null &&
              a.gapSeconds + AUDIT_LIMITS.toleranceSeconds < a.advisedGapSeconds;
            return (
              <tr key={a.id} class={flagged.has(a.id) ? 'flagged' : undefined}>
                <td>
                  <button
                    type="button"
                    class="link"
                    title="Show this request"
                    onClick={() => store.getState().showRecord(a.id)}
                  >
                    #{i + 1}
                  </button>
                </td>
                <td>
                  {formatStatus(
                    a.status,
                    record?.classification.status.reason || record?.exchange.statusText,
                    record?.exchange.error,
                    record?.classification.kind,
                    record?.exchange.outcomeLost,
                  )}
                </td>
                <td class={early ? 'early' : undefined}>{seconds(a.gapSeconds)}</td>
                <td>{seconds(a.advisedGapSeconds)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </article>
  );
}
