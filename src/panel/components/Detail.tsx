// The detail pane of one record: what the status means, retry advice, idempotency, the action,
// parsed fields, headers and the body. Page content is always rendered as text, never as HTML.
import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { AUDIT_RULE_TITLES } from '../../core/audit';
import { protocolLabel } from '../../core/protocols/label';
import { headerEntries } from '../../core/headers';
import { browserFromUserAgent, supportTicket, toCurl, toFetch } from '../../core/ticket';
import { callSiteOf, formatFrame, frameLocation, isLibraryUrl } from '../../core/callsite';
import type { BackoffPlan, CallFrame, Classification } from '../../core/types';
import type { RequestRecord } from '../../protocol/messages';
import { copyText } from '../clipboard';
import { usePanel, usePanelStore, usePlatform } from '../context';
import { useFullRecord } from '../hooks/useFullRecord';
import { formatBytes, formatSeconds, formatStatus, formatUtc } from '../format';
import { retryText, shortVerdict } from '../verdict';
import { JsonTree } from './JsonTree';
import { QuickRule } from './QuickRule';
import { ContractSection } from './ContractSection';

/** Bodies longer than this show a "Show all" button first: a <pre> of megabytes is slow to lay out. */
const BODY_PREVIEW_CHARS = 100_000;
/** Bodies longer than this are not parsed for the tree. */
const TREE_MAX_CHARS = 5_000_000;

export function Detail() {
  // The record object changes when it is updated (a body arriving): re-render then, not on every batch.
  const record = usePanel((s) =>
    s.selection?.kind === 'row' ? s.dataset().rowBySeq(s.selection.seq)?.record : undefined,
  );
  if (!record || record.kind !== 'request') return null;
  return <FullDetail key={record.id} row={record} />;
}

/** The list holds rows cut to what it shows: the detail waits for the full record. */
function FullDetail({ row }: { row: RequestRecord }) {
  const record = useFullRecord(row);
  const gone = usePanel((s) => !record && s.fullRecordGone(row));
  if (gone)
    return (
      <aside class="detail" aria-label="Failure detail" data-testid="detail-gone">
        <p class="muted">The background no longer holds this request (it was evicted or cleared).</p>
      </aside>
    );
  if (!record)
    return (
      <aside class="detail" aria-label="Failure detail" aria-busy="true" data-testid="detail-loading">
        <p class="muted">Loading the request…</p>
      </aside>
    );
  return <RecordDetail record={record} />;
}

function RecordDetail({ record }: { record: RequestRecord }) {
  const store = usePanelStore();
  const platform = usePlatform();
  const redact = usePanel((s) => s.settings.redactCopies);
  const auditRules = usePanel((s) => s.audit().rulesFor(record.id));
  const [ruleOpen, setRuleOpen] = useState(false);
  const x = record.exchange;
  const c = record.classification;

  const copy = (label: string, text: string): void => {
    void copyText(text).then((ok) => store.getState().showToast(ok ? `Copied ${label}` : `Could not copy ${label}`));
  };

  return (
    <aside class="detail" aria-label="Failure detail" data-testid="detail">
      <header class="detail-head">
        <div class="detail-title">
          <span class={`badge kind-${c.kind}`}>
            {formatStatus(x.status, c.status.reason || x.statusText, x.error, c.kind, x.outcomeLost)}
          </span>
          <span class="mono detail-method">{x.method.toUpperCase()}</span>
          <span class="mono detail-url" title={x.url}>
            {x.url}
          </span>
        </div>
        <button
          type="button"
          class="icon-button"
          aria-label="Close detail (Esc)"
          title="Close (Esc)"
          onClick={() => store.getState().closeDetail()}
        >
          ✕
        </button>
      </header>

      <div class="detail-actions" role="toolbar" aria-label="Copy">
        <button
          type="button"
          data-testid="copy-ticket"
          onClick={() =>
            copy(
              'support ticket',
              supportTicket(x, c, {
                browser: typeof navigator !== 'undefined' ? browserFromUserAgent(navigator.userAgent) : undefined,
              }),
            )
          }
        >
          Copy support ticket
        </button>
        <button
          type="button"
          data-testid="copy-id"
          disabled={!c.errorId}
          onClick={() => c.errorId && copy('ID', c.errorId)}
        >
          Copy ID
        </button>
        <button type="button" data-testid="copy-curl" onClick={() => copy('cURL', toCurl(x, { redact }))}>
          Copy as cURL
        </button>
        <button type="button" data-testid="copy-fetch" onClick={() => copy('fetch', toFetch(x, { redact }))}>
          Copy as fetch
        </button>
        <label class="check" title="Replace credentials in cURL and fetch with [REDACTED]">
          <input
            type="checkbox"
            checked={redact}
            onChange={(e) => store.getState().setRedactCopies((e.target as HTMLInputElement).checked)}
          />
          Redact secrets
        </label>
        {platform?.saveRules ? (
          <button
            type="button"
            data-testid="add-rule"
            aria-expanded={ruleOpen}
            onClick={() => setRuleOpen((open) => !open)}
          >
            Add rule for this host
          </button>
        ) : null}
      </div>

      <div class="detail-body">
        {ruleOpen ? <QuickRule record={record} onClose={() => setRuleOpen(false)} /> : null}
        {c.failure ? (
          <p class={`detail-verdict verdict-${c.verdict}`} data-testid="detail-verdict">
            <strong>{shortVerdict(c)}</strong>: {retryText(c)}. {c.action}
          </p>
        ) : null}
        <Section title="Summary">
          <dl class="facts">
            <Fact label="Status" testid="detail-status">
              {x.status > 0 ? `${x.status} ${c.status.reason}` : 'No response'}{' '}
              <span class="muted">({c.status.origin === 'iana' ? 'IANA' : c.status.origin})</span>
            </Fact>
            <Fact label="Meaning" testid="detail-meaning">
              {c.kind === 'body' ? 'HTTP says success; the body says the call failed.' : c.status.meaning}
            </Fact>
            {x.error ? <Fact label="Network error">{x.error}</Fact> : null}
            <Fact label="Retry" testid="detail-retry">
              {c.failure ? retryText(c) : 'not a failure'}
            </Fact>
            {c.retryAfterSeconds !== null ? (
              <Fact label="Wait" testid="detail-wait">
                {formatSeconds(c.retryAfterSeconds)}
                {c.retryAfterSource ? <span class="muted"> (from {c.retryAfterSource})</span> : null}
              </Fact>
            ) : null}
            {c.backoff ? <Fact label="Backoff">{describeBackoff(c.backoff)}</Fact> : null}
            <Fact label="Idempotent">{describeIdempotency(c)}</Fact>
            <Fact label="Action" testid="detail-action">
              {c.action}
            </Fact>
            {auditRules ? (
              <Fact label="Retry audit" testid="detail-audit">
                {auditRules.map((r) => AUDIT_RULE_TITLES[r]).join('; ')}.{' '}
                <button type="button" class="link" onClick={() => store.getState().setView('audit')}>
                  Open the audit
                </button>
              </Fact>
            ) : null}
            {x.startedAt !== undefined ? <Fact label="Time (UTC)">{formatUtc(x.startedAt)}</Fact> : null}
            {x.durationMs !== undefined ? <Fact label="Duration">{`${Math.round(x.durationMs)} ms`}</Fact> : null}
          </dl>
        </Section>

        <Section title="Parsed">
          <dl class="facts">
            <Fact label="Format">{c.format}</Fact>
            {c.protocol ? (
              <Fact label="Protocol" testid="detail-protocol">
                {protocolLabel(c)}
              </Fact>
            ) : null}
            <Fact label="Error code" testid="detail-code">
              <span class="mono">{c.errorCode ?? '—'}</span>
            </Fact>
            <Fact label="ID" testid="detail-id">
              <span class="mono">{c.errorId ?? '—'}</span>
              {c.errorIdSource ? <span class="muted"> (from {c.errorIdSource})</span> : null}
            </Fact>
            <Fact label="Message" testid="detail-message">
              {c.message ?? '—'}
            </Fact>
            {c.requestIdHeaders.length > 0 ? (
              <Fact label="Request IDs">
                {c.requestIdHeaders.map((h) => (
                  <div key={h.name} class="mono">
                    {h.name}: {h.value}
                  </div>
                ))}
              </Fact>
            ) : null}
          </dl>
          {c.fieldErrors.length > 0 ? (
            <table class="kv field-errors" data-testid="field-errors">
              <thead>
                <tr>
                  <th scope="col">Field</th>
                  <th scope="col">Error</th>
                </tr>
              </thead>
              <tbody>
                {c.fieldErrors.map((f, i) => (
                  <tr key={i}>
                    <td class="mono">{f.field}</td>
                    <td>{f.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {c.operations && c.operations.length > 0 ? <FailedOperations c={c} /> : null}
          {c.notes.length > 0 ? (
            <ul class="notes">
              {c.notes.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          ) : null}
        </Section>

        <ContractSection record={record} />

        <CallSiteSection
          record={record}
          firefox={platform?.browserName === 'firefox'}
          openResource={platform?.openResource}
        />
        {x.preflight ? (
          <Section title="CORS preflight">
            <dl class="facts">
              <Fact label="Status" testid="detail-preflight-status">
                {x.preflight.status > 0
                  ? `${x.preflight.status} ${x.preflight.statusText ?? ''}`.trim()
                  : `No response${x.preflight.error ? ` (${x.preflight.error})` : ''}`}
              </Fact>
            </dl>
            <h4 class="subhead">Preflight response headers</h4>
            <Headers list={x.preflight.responseHeaders} />
            <h4 class="subhead">Preflight request headers</h4>
            <Headers list={x.preflight.requestHeaders} />
          </Section>
        ) : null}
        <Section title="Response headers">
          <Headers list={x.responseHeaders} />
        </Section>
        <Section title="Request headers">
          <Headers list={x.requestHeaders} />
        </Section>
        {x.requestBody ? (
          <Section title="Request body" open={false}>
            <pre class="body-text">
              {x.requestBody.length > BODY_PREVIEW_CHARS
                ? `${x.requestBody.slice(0, BODY_PREVIEW_CHARS)}…`
                : x.requestBody}
            </pre>
          </Section>
        ) : null}
        <Section title="Response body">
          <Body record={record} firefox={platform?.browserName === 'firefox'} />
        </Section>
      </div>
    </aside>
  );
}

/** The script that made the request (DevTools' initiator stack), linked to the Sources panel. */
function CallSiteSection({
  record,
  firefox,
  openResource,
}: {
  record: RequestRecord;
  firefox: boolean;
  openResource: ((url: string, line: number, column: number) => void) | undefined;
}) {
  const stack = record.exchange.callStack;
  const site = callSiteOf(stack);
  const link = (frame: CallFrame, label: string, testid?: string) =>
    openResource ? (
      <button
        type="button"
        class="link mono"
        data-testid={testid}
        title={`Open ${frame.url} at line ${frame.lineNumber + 1} in Sources`}
        onClick={() => openResource(frame.url, frame.lineNumber, frame.columnNumber)}
      >
        {label}
      </button>
    ) : (
      <span class="mono" data-testid={testid} title={frame.url}>
        {label}
      </span>
    );
  return (
    <Section title="Call site">
      {site && stack ? (
        <>
          <p data-testid="detail-call-site">{link(site, formatFrame(site), 'call-site-link')}</p>
          <ol class="stack" aria-label="Initiator stack, innermost first">
            {stack.map((frame, i) => (
              <li key={i} class={isLibraryUrl(frame.url) ? 'muted' : undefined}>
                {link(frame, `${frame.functionName || '(anonymous)'} @ ${frameLocation(frame)}`)}
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p class="muted" data-testid="detail-call-site-none">
          {firefox
            ? `Firefox does not give extensions the script stack of a request (its DevTools entries carry no initiator). ${record.exchange.origin ? `Made by a page of ${record.exchange.origin}.` : ''}`
            : record.sources.includes('devtools') || record.sources.includes('har')
              ? 'DevTools recorded no script for this request (markup, a redirect, or the browser itself made it).'
              : 'Made before DevTools opened: Chrome records the script stack of a request only while DevTools is open.'}
        </p>
      )}
    </Section>
  );
}

function Section({ title, open = true, children }: { title: string; open?: boolean; children: ComponentChildren }) {
  return (
    <details class="section" open={open}>
      <summary>{title}</summary>
      <div class="section-body">{children}</div>
    </details>
  );
}

function Fact({ label, testid, children }: { label: string; testid?: string; children: ComponentChildren }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testid}>{children}</dd>
    </>
  );
}

function Headers({ list }: { list: RequestRecord['exchange']['responseHeaders'] }) {
  const entries = headerEntries(list);
  if (entries.length === 0) return <p class="muted">None captured.</p>;
  return (
    <table class="kv headers">
      <tbody>
        {entries.map((h, i) => (
          <tr key={i}>
            <th scope="row" class="mono">
              {h.name}
            </th>
            <td class="mono">{h.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type BodyMode = 'tree' | 'text' | 'raw';

function parseJsonBody(body: string): { ok: true; value: unknown } | { ok: false } {
  if (body.length > TREE_MAX_CHARS) return { ok: false };
  const first = body.trimStart()[0];
  if (first !== '{' && first !== '[') return { ok: false };
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    return { ok: false };
  }
}

const BODY_STATE_TEXT: Record<string, string> = {
  'not-captured': 'The body was not captured.',
  pending: 'The body has not arrived yet.',
  empty: 'The body is empty.',
  dropped:
    'The body was dropped to stay within the per-tab memory budget, or because storage could not keep up with a burst (the classification above was made with it).',
};

function Body({ record, firefox }: { record: RequestRecord; firefox: boolean }) {
  const x = record.exchange;
  const body = x.body;
  const parsed = useMemo(
    () => (body && x.bodyEncoding !== 'base64' ? parseJsonBody(body) : { ok: false as const }),
    [body, x.bodyEncoding],
  );
  const [mode, setMode] = useState<BodyMode>(parsed.ok ? 'tree' : 'text');
  const [full, setFull] = useState(false);
  const effective: BodyMode = mode === 'tree' && !parsed.ok ? 'text' : mode;

  if (body === undefined || body === '' || record.bodyState === 'dropped') {
    return (
      <p class="muted" data-testid="body-state">
        {BODY_STATE_TEXT[record.bodyState] ?? (body === '' ? 'The body is empty.' : 'The body was not captured.')}
        {body === undefined && record.bodyState === 'not-captured' && firefox
          ? ' Firefox: Faultline copies the bodies of failing and JSON responses as they load; this one was not among them, or ended before its body did.'
          : ''}
      </p>
    );
  }
  if (x.bodyEncoding === 'base64') {
    return (
      <p class="muted" data-testid="body-state">
        Binary body ({formatBytes(Math.floor((body.length * 3) / 4))}, base64), not shown.
      </p>
    );
  }
  const text = effective === 'text' && parsed.ok ? prettyJson(parsed.value, body) : body;
  const shown = full || text.length <= BODY_PREVIEW_CHARS ? text : text.slice(0, BODY_PREVIEW_CHARS);
  return (
    <div class="body" data-testid="body">
      <div class="segmented" role="tablist" aria-label="Body view">
        {(['tree', 'text', 'raw'] as const).map((m) => (
          <button
            key={m}
            type="button"
            role="tab"
            aria-selected={effective === m}
            disabled={m === 'tree' && !parsed.ok}
            onClick={() => setMode(m)}
          >
            {m === 'tree' ? 'JSON tree' : m === 'text' ? 'Pretty' : 'Raw'}
          </button>
        ))}
        {record.bodyState === 'truncated' || x.bodyTruncated ? <span class="muted"> Body truncated.</span> : null}
      </div>
      {effective === 'tree' && parsed.ok ? (
        <JsonTree value={parsed.value} />
      ) : (
        <>
          <pre class="body-text" data-testid="body-text">
            {shown}
          </pre>
          {shown.length < text.length ? (
            <button type="button" class="link" onClick={() => setFull(true)}>
              Show all ({formatBytes(text.length)})
            </button>
          ) : null}
        </>
      )}
    </div>
  );
}

export function describeBackoff(plan: BackoffPlan): string {
  const steps = plan.steps.map((s) => formatSeconds(s.delaySeconds)).join(', ');
  const jitter = plan.jitter === 'none' ? 'no jitter' : `${plan.jitter} jitter`;
  return `${steps} (base ${formatSeconds(plan.baseSeconds)} × ${plan.factor}, cap ${formatSeconds(plan.capSeconds)}, ${plan.maxAttempts} attempts, ${jitter})`;
}

export function describeIdempotency(c: Classification): string {
  if (c.idempotencySource === 'idempotency-key') return 'Yes: the request carries an idempotency key.';
  if (c.idempotent) return 'Yes: the method is idempotent.';
  return 'No: a retry may repeat side effects (send an Idempotency-Key).';
}

/** Pretty-printed JSON; a body nested too deep for the engine's stringifier is shown as it came. */
function prettyJson(value: unknown, raw: string): string {
  try {
    return JSON.stringify(value, null, 2);
  } catch {
    return raw;
  }
}

/** The failed operations of a batch (JSON-RPC, tRPC, GraphQL), each with its own code and message. */
function FailedOperations({ c }: { c: Classification }) {
  const ops = c.operations ?? [];
  const omitted = c.operationsOmitted ?? 0;
  return (
    <table class="kv field-errors" data-testid="operations">
      <caption class="muted">
        {`Failed operations: ${ops.length + omitted}${typeof c.operationCount === 'number' ? ` of ${c.operationCount}` : ''}`}
        {omitted > 0 ? ` (first ${ops.length} listed)` : ''}
      </caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">ID / path</th>
          <th scope="col">Code</th>
          <th scope="col">Message</th>
          <th scope="col">Retry</th>
        </tr>
      </thead>
      <tbody>
        {ops.map((op) => (
          <tr key={op.index}>
            <td class="mono">{op.index}</td>
            <td class="mono">{[op.id, op.path].filter(Boolean).join(' ') || '—'}</td>
            <td class="mono">{op.errorCode ?? '—'}</td>
            <td>{op.message ?? '—'}</td>
            <td>{op.retryable ? 'yes' : 'no'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
