// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import type { Rule, RulesDocument } from '../../core/rules';
import type { LoadedRules } from '../../platform/rules-storage';
import { requestRecord } from '../testing';
import { click, flush, renderPanel, type Rendered } from './test-render';

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

const q = (root: Element, id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const stored: Rule = {
  id: 'rule-1',
  name: 'Other',
  enabled: true,
  match: { host: 'other.example.com' },
  set: { retryable: false },
};

function rulesPlatform() {
  let doc: RulesDocument = { version: 1, rules: [stored] };
  const saveRules = vi.fn(async (next: RulesDocument) => {
    doc = next;
    return { area: 'sync' as const, document: next, bytes: 100 };
  });
  const loadRules = vi.fn(async (): Promise<LoadedRules> => ({ document: doc, area: 'sync' }));
  const openOptionsPage = vi.fn(async () => undefined);
  return { saveRules, loadRules, openOptionsPage };
}

function type(el: HTMLElement | null, value: string): void {
  act(() => {
    (el as HTMLInputElement).value = value;
    el!.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function choose(el: HTMLElement | null, value: string): void {
  act(() => {
    (el as HTMLSelectElement).value = value;
    el!.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

async function openQuickRule(platform: ReturnType<typeof rulesPlatform>): Promise<Rendered> {
  const v = renderPanel([requestRecord({ seq: 1, status: 423, url: 'http://127.0.0.1:5173/api/case/locked' })], {
    platform,
  });
  act(() => {
    v.store.getState().select({ kind: 'row', seq: 1 });
    v.store.getState().openDetail();
  });
  click(q(v.root, 'add-rule'));
  await flush();
  return v;
}

describe('rules from the panel', () => {
  it('"Rules…" in the settings menu opens the options page', () => {
    const platform = rulesPlatform();
    view = renderPanel([], { platform });
    click(q(view.root, 'settings'));
    click(q(view.root, 'open-rules'));
    expect(platform.openOptionsPage).toHaveBeenCalledTimes(1);
    expect(q(view.root, 'settings-menu')).toBeNull();
  });

  it('"Add rule for this host" opens the editor prefilled with host and status, and appends the rule on Save', async () => {
    const platform = rulesPlatform();
    view = await openQuickRule(platform);
    expect((q(view.root, 'rule-host') as HTMLInputElement).value).toBe('127.0.0.1:5173');
    expect((q(view.root, 'rule-status') as HTMLInputElement).value).toBe('423');
    choose(q(view.root, 'rule-retryable'), 'yes');
    type(q(view.root, 'rule-wait'), '7');
    type(q(view.root, 'rule-action'), 'Busy: wait 7 s');
    click(q(view.root, 'quick-rule-save'));
    await flush();
    expect(platform.saveRules).toHaveBeenCalledTimes(1);
    const saved = platform.saveRules.mock.calls[0][0];
    expect(saved.rules.map((r) => r.id)).toEqual(['rule-1', 'rule-2']);
    expect(saved.rules[1]).toMatchObject({
      match: { host: '127.0.0.1:5173', status: '423' },
      set: { retryable: true, defaultWaitSeconds: 7, action: 'Busy: wait 7 s' },
    });
    expect(q(view.root, 'quick-rule')).toBeNull();
    expect(q(view.root, 'toast')!.textContent).toBe('Rule saved to storage.sync');
  });

  it('a rule that sets nothing is not saved, and the editor says why', async () => {
    const platform = rulesPlatform();
    view = await openQuickRule(platform);
    click(q(view.root, 'quick-rule-save'));
    await flush();
    expect(platform.saveRules).not.toHaveBeenCalled();
    expect(q(view.root, 'rule-set-error')!.textContent).toContain('choose at least one thing');
    type(q(view.root, 'rule-status'), '99x');
    choose(q(view.root, 'rule-failure'), 'no');
    click(q(view.root, 'quick-rule-save'));
    await flush();
    expect(platform.saveRules).not.toHaveBeenCalled();
    expect(q(view.root, 'rule-status-error')!.textContent).toMatch(/^match\.status:/);
  });
});
