// "Add rule for this host" in the detail pane: the options page's RuleEditor, compact, prefilled
// with the record's host and status, appended to the stored rules on Save. The background
// re-classifies on rule changes, so the row updates by itself.
import { useEffect, useState } from 'preact/hooks';
import type { Rule } from '../../core/rules';
import { RuleEditor } from '../../ui/RuleEditor';
import type { DraftProblems, RuleDraft } from '../../ui/rule-draft';
import type { RequestRecord } from '../../protocol/messages';
import { usePanelStore, usePlatform } from '../context';
import { appendRule, prefillDraft } from '../quick-rule';

export function QuickRule({ record, onClose }: { record: RequestRecord; onClose(): void }) {
  const store = usePanelStore();
  const platform = usePlatform();
  const [draft, setDraft] = useState<RuleDraft | null>(null);
  const [problems, setProblems] = useState<DraftProblems>({});
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let live = true;
    if (!platform?.loadRules) {
      setError('Rules cannot be stored here.');
      return;
    }
    platform
      .loadRules()
      .then((loaded) => live && setDraft(prefillDraft(record.exchange, loaded.document.rules)))
      .catch((err: unknown) => live && setError(`Could not read the rules: ${String(err)}`));
    return () => {
      live = false;
    };
  }, [platform]);

  const save = async (): Promise<void> => {
    if (!draft || !platform?.loadRules || !platform.saveRules) return;
    setSaving(true);
    setError(null);
    try {
      // Re-read right before writing: the options page may have saved since this editor opened.
      const existing: Rule[] = (await platform.loadRules()).document.rules;
      const ids = new Set(existing.map((r) => r.id));
      const next = ids.has(draft.id) ? prefillDraft(record.exchange, existing) : null;
      const candidate = next ? { ...draft, id: next.id } : draft;
      const result = appendRule(existing, candidate);
      if (!result.ok || !result.document) {
        setProblems(result.byId[candidate.id] ?? {});
        if (!result.byId[candidate.id]) setError(result.problems.map((p) => `${p.field}: ${p.message}`).join('; '));
        return;
      }
      const saved = await platform.saveRules(result.document);
      store.getState().showToast(`Rule saved to storage.${saved.area}`);
      onClose();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section class="quick-rule" data-testid="quick-rule" aria-label="Add rule for this host">
      <div class="quick-rule-head">
        <strong>Add rule for this host</strong>
        <span class="muted small"> Applies to new and already listed requests.</span>
        {platform?.openOptionsPage ? (
          <button type="button" class="link" onClick={() => void platform.openOptionsPage!().catch(() => undefined)}>
            All rules…
          </button>
        ) : null}
      </div>
      {error ? (
        <div class="field-error" role="alert" data-testid="quick-rule-error">
          {error}
        </div>
      ) : null}
      {draft ? (
        <RuleEditor
          compact
          rule={draft}
          problems={problems}
          onChange={(patch) => {
            setDraft((d) => (d ? { ...d, ...patch } : d));
            setProblems({});
          }}
        />
      ) : error ? null : (
        <p class="muted">Loading rules…</p>
      )}
      <div class="quick-rule-actions">
        <button type="button" data-testid="quick-rule-save" disabled={!draft || saving} onClick={() => void save()}>
          Save rule
        </button>
        <button type="button" data-testid="quick-rule-cancel" onClick={onClose}>
          Cancel
        </button>
      </div>
    </section>
  );
}
