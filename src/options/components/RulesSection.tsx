// "Your rules": the toolbar (add, import, export, save), problems, the ordered list and the editor.
import type { JSX } from 'preact';
import { useRef } from 'preact/hooks';
import { useOptions, useOptionsStore } from '../context';
import { draftLabel, draftSummaries, isPristine, type RuleDraft } from '../../ui/rule-draft';
import { downloadText } from '../download';
import { RuleEditor } from '../../ui/RuleEditor';

export interface RulesSectionProps {
  /** Saves a file; the page downloads it, tests capture it. */
  download?: (fileName: string, text: string) => void;
}

export function RulesSection({ download = downloadText }: RulesSectionProps): JSX.Element {
  const store = useOptionsStore();
  const drafts = useOptions((s) => s.drafts);
  const selectedId = useOptions((s) => s.selectedId);
  const validation = useOptions((s) => s.validation);
  const phase = useOptions((s) => s.phase);
  const selected = drafts.find((d) => d.id === selectedId) ?? null;
  const selectedIndex = selected ? drafts.indexOf(selected) : -1;

  return (
    <section class="section" aria-labelledby="rules-heading" data-testid="rules-section">
      <h2 id="rules-heading">Your rules</h2>
      <p class="section-intro">
        Rules teach Faultline an API's own conventions. A rule beats the built-in profiles; among your rules the more
        specific one wins, and on a tie the one higher in the list.
      </p>
      <Toolbar download={download} />
      <Banners />
      {phase === 'loading' ? (
        <p class="empty" data-testid="rules-loading">
          Loading rules…
        </p>
      ) : drafts.length === 0 ? (
        <p class="empty" data-testid="rules-empty">
          No rules yet. Add one, import a JSON file, or override a built-in profile below.
        </p>
      ) : (
        <ol class="rule-list" data-testid="rule-list" aria-label="Rules, highest priority on ties first">
          {drafts.map((d, i) => (
            <RuleRow
              key={d.id}
              draft={d}
              index={i}
              last={i === drafts.length - 1}
              selected={d.id === selectedId}
              problemCount={isPristine(d) ? 0 : Object.keys(validation.byId[d.id] ?? {}).length}
            />
          ))}
        </ol>
      )}
      {selected ? (
        <div class="editor-panel" data-testid="rule-editor-panel">
          <h3>Edit: {draftLabel(selected, selectedIndex)}</h3>
          <RuleEditor
            rule={selected}
            problems={isPristine(selected) ? {} : (validation.byId[selected.id] ?? {})}
            onChange={(patch) => store.getState().update(selected.id, patch)}
          />
        </div>
      ) : null}
    </section>
  );
}

function Toolbar({ download }: { download: (fileName: string, text: string) => void }): JSX.Element {
  const store = useOptionsStore();
  const valid = useOptions((s) => s.validation.ok);
  const problemCount = useOptions((s) => s.validation.problems.length);
  const saving = useOptions((s) => s.saving);
  const dirty = useOptions((s) => s.dirty);
  const ready = useOptions((s) => s.phase === 'ready');
  const status = useOptions((s) => s.status);
  const area = useOptions((s) => s.area);
  const fileInput = useRef<HTMLInputElement>(null);

  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    await store.getState().importText(await file.text(), file.name);
  };
  const onExport = () => {
    const text = store.getState().exportText();
    if (text) download('faultline-rules.json', text);
  };
  const saveTitle = !valid
    ? `Fix ${problemCount} problem${problemCount === 1 ? '' : 's'} first`
    : dirty
      ? 'Save the rules'
      : 'Nothing to save';

  return (
    <div class="toolbar" role="toolbar" aria-label="Rules">
      <button type="button" data-testid="rules-add" disabled={!ready} onClick={() => store.getState().add()}>
        Add rule
      </button>
      <button
        type="button"
        data-testid="rules-import"
        disabled={!ready || saving}
        onClick={() => fileInput.current?.click()}
      >
        Import JSON…
      </button>
      <input
        ref={fileInput}
        type="file"
        accept="application/json,.json"
        hidden
        data-testid="rules-import-file"
        onChange={(e) => void onFile(e.currentTarget)}
      />
      <button
        type="button"
        data-testid="rules-export"
        disabled={!ready || !valid}
        title={valid ? 'Download the rules as JSON' : 'Fix the problems first'}
        onClick={onExport}
      >
        Export JSON
      </button>
      <span class="spacer" />
      {dirty ? (
        <span class="dirty" data-testid="rules-dirty">
          Unsaved changes
        </span>
      ) : null}
      <span
        class={`status${status ? ` status-${status.kind}` : ''}`}
        data-testid="rules-status"
        data-area={area ?? ''}
        role="status"
        aria-live="polite"
      >
        {status?.text ??
          (area && ready
            ? area === 'sync'
              ? 'Rules are kept in your browser profile and synced with your account.'
              : 'Rules are kept in this browser only (too large to sync).'
            : '')}
      </span>
      <button
        type="button"
        class="primary"
        data-testid="rules-save"
        disabled={!ready || !valid || saving || !dirty}
        title={saveTitle}
        onClick={() => void store.getState().save()}
      >
        {saving ? 'Saving…' : 'Save'}
      </button>
    </div>
  );
}

function Banners(): JSX.Element | null {
  const store = useOptionsStore();
  const drafts = useOptions((s) => s.drafts);
  const validation = useOptions((s) => s.validation);
  const loadProblems = useOptions((s) => s.loadProblems);
  const importError = useOptions((s) => s.importError);
  const indexOfField = (field: string) => Number(/^rules\[(\d+)\]/.exec(field)?.[1] ?? -1);
  return (
    <>
      {importError ? (
        <div class="banner error" role="alert" data-testid="rules-import-error">
          {importError}
        </div>
      ) : null}
      {loadProblems.length ? (
        <div class="banner warning" role="alert" data-testid="rules-load-problems">
          The stored rules had problems; the rules named here were skipped and are not used:
          <ul>
            {loadProblems.map((p) => (
              <li key={p.field + p.message}>
                <code>{p.field}</code>: {p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {!validation.ok &&
      drafts.length &&
      validation.problems.some((p) => !isPristine(drafts[indexOfField(p.field)] ?? drafts[0])) ? (
        <div class="banner error" data-testid="rules-problems">
          Fix before saving:
          <ul>
            {validation.problems
              .filter((p) => {
                const d = drafts[indexOfField(p.field)];
                return !d || !isPristine(d);
              })
              .map((p) => {
                const index = indexOfField(p.field);
                const draft = drafts[index];
                return (
                  <li key={p.field + p.message}>
                    {draft ? (
                      <button type="button" class="link" onClick={() => store.getState().select(draft.id)}>
                        {draftLabel(draft, index)}
                      </button>
                    ) : null}{' '}
                    <code>{p.field.replace(/^rules\[\d+\]\.?/, '') || p.field}</code>: {p.message}
                  </li>
                );
              })}
          </ul>
        </div>
      ) : null}
    </>
  );
}

interface RuleRowProps {
  draft: RuleDraft;
  index: number;
  last: boolean;
  selected: boolean;
  problemCount: number;
}

function RuleRow({ draft, index, last, selected, problemCount }: RuleRowProps): JSX.Element {
  const store = useOptionsStore();
  const actions = store.getState();
  const summary = draftSummaries(draft);
  const label = draftLabel(draft, index);
  const stop = (fn: () => void) => (e: Event) => {
    e.stopPropagation();
    fn();
  };
  return (
    <li
      class={`rule-row${selected ? ' selected' : ''}${draft.enabled ? '' : ' disabled'}${problemCount ? ' invalid' : ''}`}
      data-testid="rule-row"
      data-rule-id={draft.id}
      aria-current={selected ? 'true' : undefined}
      onClick={() => actions.select(draft.id)}
    >
      <input
        type="checkbox"
        data-testid="rule-enabled"
        checked={draft.enabled}
        title={draft.enabled ? 'Enabled: click to disable' : 'Disabled: click to enable'}
        aria-label={`Enable ${label}`}
        onClick={(e) => e.stopPropagation()}
        onChange={(e) => actions.setEnabled(draft.id, e.currentTarget.checked)}
      />
      <button type="button" class="rule-main" data-testid="rule-select" onClick={stop(() => actions.select(draft.id))}>
        <span class="rule-name">
          {label}
          {draft.enabled ? null : <span class="tag">disabled</span>}
          {problemCount ? (
            <span class="tag tag-error" data-testid="rule-row-problems">
              {problemCount} problem{problemCount === 1 ? '' : 's'}
            </span>
          ) : null}
        </span>
        <span class="rule-summary mono">{summary.match}</span>
        <span class="rule-summary">{summary.set}</span>
      </button>
      <span class="row-actions">
        <button
          type="button"
          data-testid="rule-up"
          title="Move up (wins ties)"
          aria-label={`Move ${label} up`}
          disabled={index === 0}
          onClick={stop(() => actions.move(draft.id, -1))}
        >
          ↑
        </button>
        <button
          type="button"
          data-testid="rule-down"
          title="Move down"
          aria-label={`Move ${label} down`}
          disabled={last}
          onClick={stop(() => actions.move(draft.id, 1))}
        >
          ↓
        </button>
        <button type="button" data-testid="rule-duplicate" onClick={stop(() => actions.duplicate(draft.id))}>
          Duplicate
        </button>
        <button type="button" data-testid="rule-delete" class="danger" onClick={stop(() => actions.remove(draft.id))}>
          Delete
        </button>
      </span>
    </li>
  );
}
