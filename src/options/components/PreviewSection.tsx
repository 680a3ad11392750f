// Live preview: a pasted response classified with the rules as edited (saved or not).
import type { JSX } from 'preact';
import { useMemo } from 'preact/hooks';
import { useOptions, useOptionsStore } from '../context';
import { usableRules } from '../../ui/rule-draft';
import { previewOf, SET_FIELD_LABEL, type PreviewSample } from '../preview';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

export function PreviewSection(): JSX.Element {
  const store = useOptionsStore();
  const drafts = useOptions((s) => s.drafts);
  const sample = useOptions((s) => s.sample);
  const rules = useMemo(() => usableRules(drafts), [drafts]);
  const result = useMemo(() => previewOf(sample, rules), [sample, rules]);
  const c = result.classification;
  const set = (patch: Partial<PreviewSample>) => store.getState().setSample(patch);
  const skipped = drafts.length - rules.length;

  return (
    <section class="section" aria-labelledby="preview-heading" data-testid="preview-section">
      <h2 id="preview-heading">Preview</h2>
      <p class="section-intro">
        Paste a response and see how Faultline classifies it with the rules above, saved or not.
      </p>
      <div class="preview">
        <div class="preview-input">
          <div class="field-row">
            <div class="field">
              <label for="preview-method">Method</label>
              <select
                id="preview-method"
                data-testid="preview-method"
                value={sample.method}
                onChange={(e) => set({ method: e.currentTarget.value })}
              >
                {METHODS.map((m) => (
                  <option key={m} value={m}>
                    {m}
                  </option>
                ))}
              </select>
            </div>
            <div class="field grow">
              <label for="preview-url">URL</label>
              <input
                id="preview-url"
                type="text"
                data-testid="preview-url"
                spellcheck={false}
                value={sample.url}
                onInput={(e) => set({ url: e.currentTarget.value })}
              />
            </div>
            <div class="field narrow">
              <label for="preview-status">Status</label>
              <input
                id="preview-status"
                type="text"
                inputMode="numeric"
                data-testid="preview-status"
                value={sample.status}
                onInput={(e) => set({ status: e.currentTarget.value })}
              />
            </div>
          </div>
          {result.urlProblem ? (
            <div class="field-error" data-testid="preview-url-error">
              URL: {result.urlProblem}
            </div>
          ) : null}
          <div class="field wide">
            <label for="preview-headers">Response headers (name: value, one a line)</label>
            <textarea
              id="preview-headers"
              data-testid="preview-headers"
              rows={4}
              spellcheck={false}
              class="mono"
              value={sample.headers}
              onInput={(e) => set({ headers: e.currentTarget.value })}
            />
            {result.badHeaderLines.length ? (
              <div class="field-error" data-testid="preview-headers-error">
                headers: line{result.badHeaderLines.length === 1 ? '' : 's'} {result.badHeaderLines.join(', ')} not in
                the form name: value; ignored
              </div>
            ) : null}
          </div>
          <div class="field wide">
            <label for="preview-body">Response body</label>
            <textarea
              id="preview-body"
              data-testid="preview-body"
              rows={8}
              spellcheck={false}
              class="mono"
              value={sample.body}
              onInput={(e) => set({ body: e.currentTarget.value })}
            />
          </div>
        </div>
        <div class="preview-output" data-testid="preview-result" aria-live="polite">
          {skipped > 0 ? (
            <p class="note" data-testid="preview-skipped">
              {skipped} rule{skipped === 1 ? ' is' : 's are'} not used here until {skipped === 1 ? 'it is' : 'they are'}{' '}
              valid.
            </p>
          ) : null}
          <dl class="facts">
            <Fact label="Format" testid="preview-format" value={c.format} />
            <Fact label="Failure" testid="preview-failure" value={c.failure ? `yes (${c.kind})` : 'no'} />
            <Fact
              label="Status"
              testid="preview-status-meaning"
              value={c.status.code ? `${c.status.code} ${c.status.reason}` : 'no response'}
            />
            <Fact label="Error code" testid="preview-code" value={c.errorCode} mono />
            <Fact
              label="ID"
              testid="preview-id"
              value={c.errorId ? `${c.errorId}${c.errorIdSource ? ` (${c.errorIdSource})` : ''}` : null}
              mono
            />
            <Fact label="Message" testid="preview-message" value={c.message} />
            <Fact label="Retry" testid="preview-retry" value={result.retry} />
            <Fact label="Wait" testid="preview-wait" value={result.wait} />
            <Fact label="Action" testid="preview-action" value={c.action} />
          </dl>
          <h3>Set by</h3>
          {result.sources.length ? (
            <ul class="sources" data-testid="preview-sources">
              {result.sources.map((s) => (
                <li key={s.field} data-field={s.field}>
                  <span class="source-field">{SET_FIELD_LABEL[s.field]}</span> ← {s.by}
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted" data-testid="preview-sources">
              No rule or profile matches this response.
            </p>
          )}
        </div>
      </div>
    </section>
  );
}

function Fact({
  label,
  value,
  testid,
  mono = false,
}: {
  label: string;
  value: string | null;
  testid: string;
  mono?: boolean;
}): JSX.Element {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testid} class={`${mono ? 'mono' : ''}${value ? '' : ' muted'}`}>
        {value || '—'}
      </dd>
    </>
  );
}
