import { describe, expect, it } from 'vitest';
import type { Rule } from '../core/rules';
import { appendRule, prefillDraft, ruleHostOf } from './quick-rule';

const stored: Rule = {
  id: 'rule-1',
  name: 'Vendor 423',
  enabled: true,
  match: { host: 'api.vendor.com', status: '423' },
  set: { retryable: true },
};

describe('quick rule from the panel', () => {
  it('prefills host (with a non-default port) and status, under a free id', () => {
    const draft = prefillDraft({ url: 'http://127.0.0.1:5173/api/case/x?y=1', status: 423 }, [stored]);
    expect(draft).toMatchObject({
      id: 'rule-2',
      host: '127.0.0.1:5173',
      status: '423',
      failure: 'unset',
      retryable: 'unset',
    });
    expect(prefillDraft({ url: 'https://API.Example.com/v1', status: 0 }, []).status).toBe('');
    expect(ruleHostOf('not a url')).toBe('');
  });

  it('appends to the stored rules, and names the field when the draft sets nothing', () => {
    const draft = prefillDraft({ url: 'https://api.example.com/v1', status: 403 }, [stored]);
    const empty = appendRule([stored], draft);
    expect(empty.ok).toBe(false);
    expect(empty.byId['rule-2']?.set).toBeDefined();
    expect(empty.byId['rule-1']).toBeUndefined();

    const ok = appendRule([stored], { ...draft, retryable: 'yes', defaultWaitSeconds: '7' });
    expect(ok.ok).toBe(true);
    expect(
      ok.document!.rules.map((r) => [r.id, r.match.host, r.match.status, r.set.retryable, r.set.defaultWaitSeconds]),
    ).toEqual([
      ['rule-1', 'api.vendor.com', '423', true, undefined],
      ['rule-2', 'api.example.com', '403', true, 7],
    ]);
  });
});
