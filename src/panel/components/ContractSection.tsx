// The detail's "API contract" section: the operation the exchange matched in a loaded
// OpenAPI spec, what the spec documents for its status, and where the response breaks the contract.
import { useMemo } from 'preact/hooks';
import { useStore } from 'zustand';
import type { RequestRecord } from '../../protocol/messages';
import { contractStore, findingFor } from '../contract';

const PROBLEM_LABEL = {
  undocumented: 'Undocumented status',
  mismatch: 'Contract mismatch',
  'unknown-operation': 'Unknown operation',
} as const;

export function ContractSection({ record }: { record: RequestRecord }) {
  const version = useStore(contractStore, (s) => s.version);
  const finding = useMemo(() => findingFor(record), [record, version]);
  if (!finding) return null;
  const op = finding.operation;
  const doc = finding.documented;
  return (
    <details class="section" open data-testid="detail-contract">
      <summary>API contract</summary>
      <div class="section-body">
        <dl class="facts">
          <dt>Spec</dt>
          <dd>{finding.specTitle}</dd>
          <dt>Operation</dt>
          <dd data-testid="contract-operation">
            {op ? (
              <>
                <span class="mono">{op.key}</span>
                {op.operationId ? <span class="mono"> · {op.operationId}</span> : null}
                {op.summary ? <div>{op.summary}</div> : null}
                {op.tags.length ? <div class="muted">tags: {op.tags.join(', ')}</div> : null}
              </>
            ) : (
              '—'
            )}
          </dd>
          {op ? (
            <>
              <dt>Documented</dt>
              <dd data-testid="contract-documented">
                {doc ? (
                  <>
                    <span class="mono">{doc.key}</span>
                    {doc.description ? `: ${doc.description}` : ''}
                    {doc.schemaTitle ? <span class="muted"> (schema {doc.schemaTitle})</span> : null}
                  </>
                ) : (
                  <span>not documented for this status</span>
                )}
              </dd>
            </>
          ) : null}
        </dl>
        {doc && doc.errorCodes.length ? (
          <table class="kv" data-testid="contract-codes">
            <caption class="visually-hidden">Documented error codes</caption>
            <thead>
              <tr>
                <th scope="col">Documented code</th>
                <th scope="col">Meaning</th>
              </tr>
            </thead>
            <tbody>
              {doc.errorCodes.map((c) => (
                <tr key={c.code}>
                  <td class="mono">{c.code}</td>
                  <td>{c.description ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {finding.problems.length ? (
          <ul class="contract-problems" data-testid="contract-problems">
            {finding.problems.map((p, i) => (
              <li key={i} data-kind={p.kind}>
                <strong>{PROBLEM_LABEL[p.kind]}:</strong> {p.message}
              </li>
            ))}
          </ul>
        ) : op ? (
          <p class="muted" data-testid="contract-ok">
            The response matches the contract.
          </p>
        ) : null}
        {finding.violations.length ? (
          <table class="kv" data-testid="contract-violations">
            <caption class="visually-hidden">Schema violations</caption>
            <thead>
              <tr>
                <th scope="col">Body path</th>
                <th scope="col">Violation</th>
              </tr>
            </thead>
            <tbody>
              {finding.violations.map((v, i) => (
                <tr key={i}>
                  <td class="mono">{v.path}</td>
                  <td>{v.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {finding.violationCount > finding.violations.length ? (
          <p class="muted">{finding.violationCount - finding.violations.length} more violations not shown.</p>
        ) : null}
        {finding.notes.length ? (
          <ul class="notes">
            {finding.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </details>
  );
}
