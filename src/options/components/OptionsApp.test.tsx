// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { validateRules, VENDOR_PROFILES, type Rule, type RulesDocument } from '../../core/rules';
import type { LoadedRules } from '../../platform/rules-storage';
import { RuleEditor } from '../../ui/RuleEditor';
import { emptyDraft, type RuleDraft } from '../../ui/rule-draft';
import { createOptionsStore, type OptionsStore } from '../store';
import { OptionsApp } from './OptionsApp';

let root: HTMLDivElement | null = null;
afterEach(() => {
  if (root) act(() => render(null, root!));
  root?.remove();
  root = null;
});

interface View {
  root: HTMLDivElement;
  store: OptionsStore;
  saves: RulesDocument[];
  downloads: Array<{ fileName: string; text: string }>;
}

async function renderOptions(initial: Rule[] = []): Promise<View> {
  const saves: RulesDocument[] = [];
  const downloads: View['downloads'] = [];
  const loaded: LoadedRules = { document: { version: 1, rules: initial }, area: 'sync' };
  const store = createOptionsStore({
    load: async () => loaded,
    save: async (document) => {
      const valid = validateRules(document);
      if (!valid.ok) throw new Error('invalid');
      saves.push(valid.document);
      return { area: 'sync', document: valid.document, bytes: 10 };
    },
  });
  root = document.createElement('div');
  document.body.appendChild(root);
  act(() =>
    render(<OptionsApp store={store} download={(fileName, text) => downloads.push({ fileName, text })} />, root!),
  );
  await act(() => store.getState().load());
  return { root, store, saves, downloads };
}

const $ = (el: ParentNode, testid: string) => el.querySelector<HTMLElement>(`[data-testid="${testid}"]`);
const $$ = (el: ParentNode, testid: string) =>
  Array.from(el.querySelectorAll<HTMLElement>(`[data-testid="${testid}"]`));
const text = (el: ParentNode, testid: string) => $(el, testid)?.textContent ?? null;

function type(el: HTMLElement | null, value: string): void {
  if (!el) throw new Error('no field');
  act(() => {
    (el as HTMLInputElement).value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function choose(el: HTMLElement | null, value: string): void {
  if (!el) throw new Error('no select');
  act(() => {
    (el as HTMLSelectElement).value = value;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

function click(el: HTMLElement | null): void {
  if (!el) throw new Error('nothing to click');
  act(() => el.click());
}

const locked: Rule = {
  id: 'locked',
  name: 'Locked',
  enabled: true,
  match: { host: 'api.example-verify.com', status: '423' },
  set: { retryable: true },
};

describe('options page', () => {
  it('adds a rule, names bad fields inline, blocks saving until valid, then saves it', async () => {
    const view = await renderOptions();
    expect($(view.root, 'rules-empty')).not.toBeNull();
    click($(view.root, 'rules-add'));
    expect($$(view.root, 'rule-row')).toHaveLength(1);
    const save = $(view.root, 'rules-save') as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    // A new rule greets a first-time user without errors; they come once something is typed.
    expect($(view.root, 'rule-host-error')).toBeNull();
    expect($(view.root, 'rules-problems')).toBeNull();
    expect($(view.root, 'rule-row-problems')).toBeNull();
    type($(view.root, 'rule-path'), '/v1/');
    expect(text(view.root, 'rule-host-error')).toMatch(/^match\.host: expected a host/);

    type($(view.root, 'rule-host'), 'api.example-verify.com');
    type($(view.root, 'rule-path'), '');
    type($(view.root, 'rule-status'), '42');
    expect(text(view.root, 'rule-status-error')).toMatch(/^match\.status: /);
    expect($(view.root, 'rule-host-error')).toBeNull();
    expect($(view.root, 'rule-set-error')).not.toBeNull();
    expect(text(view.root, 'rules-problems')).toContain('match.status');
    expect(save.disabled).toBe(true);

    type($(view.root, 'rule-status'), '423');
    type($(view.root, 'rule-wait'), 'soon');
    expect(text(view.root, 'rule-wait-error')).toMatch(/^set\.defaultWaitSeconds: /);
    type($(view.root, 'rule-wait'), '7');
    choose($(view.root, 'rule-retryable'), 'yes');
    type($(view.root, 'rule-action'), 'Rule: wait 7 s');
    expect($(view.root, 'rules-problems')).toBeNull();
    expect(save.disabled).toBe(false);

    await act(async () => save.click());
    expect(view.saves).toHaveLength(1);
    expect(view.saves[0].rules[0]).toMatchObject({
      match: { host: 'api.example-verify.com', status: '423' },
      set: { retryable: true, defaultWaitSeconds: 7, action: 'Rule: wait 7 s' },
    });
    expect(text(view.root, 'rules-status')).toBe('Saved 1 rule; synced with your browser account.');
    expect((view.root.querySelector('[data-testid="rules-save"]') as HTMLButtonElement).disabled).toBe(true);
  });

  it('keeps every field typed in quick succession, before the page re-renders', async () => {
    const view = await renderOptions();
    click($(view.root, 'rules-add'));
    act(() => {
      for (const [id, value] of [
        ['rule-host', 'a.example.com'],
        ['rule-status', '423'],
        ['rule-wait', '7'],
      ]) {
        const field = $(view.root, id) as HTMLInputElement;
        field.value = value;
        field.dispatchEvent(new Event('input', { bubbles: true }));
      }
    });
    expect(view.store.getState().drafts[0]).toMatchObject({
      host: 'a.example.com',
      status: '423',
      defaultWaitSeconds: '7',
    });
  });

  it('updates the preview live as the rule changes, and says which rule set each field', async () => {
    const view = await renderOptions([locked]);
    // The default sample is the locked 423 of api.example-verify.com.
    expect(text(view.root, 'preview-action')).not.toBe('Rule: wait 7 s');
    expect(text(view.root, 'preview-sources')).toContain('Retryable ← Locked');
    type($(view.root, 'rule-wait'), '7');
    type($(view.root, 'rule-action'), 'Rule: wait 7 s');
    expect(text(view.root, 'preview-action')).toBe('Rule: wait 7 s');
    expect(text(view.root, 'preview-retry')).toBe('retry in 7 s');
    expect(text(view.root, 'preview-sources')).toContain('Action ← Locked');

    // The sample changes too: another host is not matched.
    type($(view.root, 'preview-url'), 'https://other.example.org/x');
    expect(text(view.root, 'preview-action')).not.toBe('Rule: wait 7 s');
    expect(text(view.root, 'preview-sources')).toContain('No rule or profile matches');
  });

  it('keeps using the valid rules in the preview while another rule is invalid', async () => {
    const view = await renderOptions([{ ...locked, set: { action: 'from the valid rule' } }]);
    click($(view.root, 'rules-add'));
    expect(text(view.root, 'preview-action')).toBe('from the valid rule');
    expect($(view.root, 'preview-skipped')).not.toBeNull();
  });

  it('reorders, duplicates, disables and deletes rules from their rows', async () => {
    const view = await renderOptions([locked, { ...locked, id: 'second', name: 'Second' }]);
    const names = () => $$(view.root, 'rule-row').map((r) => r.querySelector('.rule-name')?.firstChild?.textContent);
    click($$(view.root, 'rule-down')[0]);
    expect(names()).toEqual(['Second', 'Locked']);
    click($$(view.root, 'rule-duplicate')[1]);
    expect(names()).toEqual(['Second', 'Locked', 'Locked (copy)']);
    act(() => ($$(view.root, 'rule-enabled')[0] as HTMLInputElement).click());
    expect(view.store.getState().drafts[0].enabled).toBe(false);
    expect($$(view.root, 'rule-row')[0].classList.contains('disabled')).toBe(true);
    click($$(view.root, 'rule-delete')[0]);
    expect(names()).toEqual(['Locked', 'Locked (copy)']);
  });

  it('shows the built-in profiles read-only and overrides one into a user rule', async () => {
    const view = await renderOptions();
    const rows = $$(view.root, 'profile-row');
    expect(rows).toHaveLength(VENDOR_PROFILES.length);
    expect(rows[0].textContent).toContain(VENDOR_PROFILES[0].vendor);
    expect(rows[0].textContent).toContain(VENDOR_PROFILES[0].docs);
    expect(rows[0].querySelector('input, textarea, select')).toBeNull();
    click(rows[0].querySelector<HTMLElement>('[data-testid="profile-override"]'));
    expect($$(view.root, 'rule-row')).toHaveLength(1);
    expect(($(view.root, 'rule-host') as HTMLInputElement).value).toBe(VENDOR_PROFILES[0].match.host);
    expect(($(view.root, 'rule-action') as HTMLTextAreaElement).value).toBe(VENDOR_PROFILES[0].set.action ?? '');
  });

  it('exports the rules as JSON', async () => {
    const view = await renderOptions([locked]);
    click($(view.root, 'rules-export'));
    expect(view.downloads).toHaveLength(1);
    expect(view.downloads[0].fileName).toBe('faultline-rules.json');
    expect(JSON.parse(view.downloads[0].text)).toEqual({ version: 1, rules: [locked] });
  });

  it('shows an import error naming the field and saves nothing', async () => {
    const view = await renderOptions([locked]);
    await act(() =>
      view.store.getState().importText('{"rules":[{"match":{"host":"*"},"set":{"retryable":"maybe"}}]}', 'rules.json'),
    );
    expect(text(view.root, 'rules-import-error')).toContain('rules[0].set.retryable');
    expect(view.saves).toHaveLength(0);
    expect($$(view.root, 'rule-row')).toHaveLength(1);
  });
});

describe('RuleEditor on its own', () => {
  it('validates the rule it is given and reports changes', () => {
    root = document.createElement('div');
    document.body.appendChild(root);
    let current: RuleDraft = { ...emptyDraft('x'), host: 'bad host', retryable: 'yes' };
    const draw = () =>
      render(
        <RuleEditor rule={current} compact onChange={(patch) => ((current = { ...current, ...patch }), draw())} />,
        root!,
      );
    act(draw);
    expect(text(root, 'rule-host-error')).toMatch(/^match\.host: /);
    type($(root, 'rule-host'), 'api.example.com');
    expect(current.host).toBe('api.example.com');
    expect($(root, 'rule-host-error')).toBeNull();
  });
});
