import { describe, expect, it } from 'vitest';
import { VENDOR_PROFILES, type Rule } from '../core/rules';
import {
  draftFromRule,
  draftToRaw,
  emptyDraft,
  freshId,
  usableRules,
  validateDraft,
  validateDrafts,
  type RuleDraft,
} from './rule-draft';

const draft = (id: string, patch: Partial<RuleDraft> = {}): RuleDraft => ({
  ...emptyDraft(id),
  host: 'api.example.com',
  retryable: 'yes',
  ...patch,
});

describe('drafts and rules', () => {
  it('round-trips every field of a rule through a draft', () => {
    const rule: Rule = {
      id: 'r1',
      name: 'Busy',
      enabled: false,
      match: { host: '*.example.com', pathPrefix: '/v1/', status: '4xx', errorCode: 'LOCKED' },
      set: {
        failure: true,
        retryable: false,
        defaultWaitSeconds: 2.5,
        errorCodePath: 'errors[0].code',
        errorIdPath: 'error.id',
        messagePath: 'error.detail',
        requestIdHeader: 'x-trace',
        action: 'Wait.',
      },
    };
    const result = validateDrafts([draftFromRule(rule)]);
    expect(result.ok).toBe(true);
    expect(result.document?.rules).toEqual([rule]);
  });

  it('round-trips every built-in profile', () => {
    const result = validateDrafts(VENDOR_PROFILES.map(draftFromRule));
    expect(result.document?.rules).toEqual(VENDOR_PROFILES.map(({ vendor: _v, docs: _d, ...rule }) => rule));
  });

  it('leaves empty fields and unset choices out of the rule', () => {
    expect(draftToRaw(draft('a', { status: '  ', failure: 'unset', retryable: 'no' }))).toEqual({
      id: 'a',
      name: undefined,
      enabled: true,
      match: { host: 'api.example.com' },
      set: { retryable: false },
    });
  });
});

describe('validateDrafts', () => {
  it('maps each problem to the draft and field it names', () => {
    const drafts = [
      draft('ok'),
      draft('bad', { status: '42', defaultWaitSeconds: 'soon', requestIdHeader: 'x id' }),
      draft('bare', { host: '', retryable: 'unset' }),
    ];
    const result = validateDrafts(drafts);
    expect(result.ok).toBe(false);
    expect(result.document).toBeNull();
    expect(result.byId.ok).toBeUndefined();
    expect(Object.keys(result.byId.bad ?? {}).sort()).toEqual(['defaultWaitSeconds', 'requestIdHeader', 'status']);
    expect(result.byId.bad?.status).toMatch(/423, 4xx or 500-599/);
    expect(Object.keys(result.byId.bare ?? {}).sort()).toEqual(['host', 'set']);
    expect(result.problems.map((p) => p.field)).toContain('rules[1].match.status');
  });

  it('rejects a wait that is not a plain number of seconds, and accepts decimals', () => {
    expect(validateDraft(draft('a', { defaultWaitSeconds: '7s' })).defaultWaitSeconds).toBeDefined();
    expect(validateDraft(draft('a', { defaultWaitSeconds: '-1' })).defaultWaitSeconds).toBeDefined();
    expect(validateDraft(draft('a', { defaultWaitSeconds: ' 1.5 ' }))).toEqual({});
  });
});

describe('usableRules', () => {
  it('keeps each valid draft, named by its position, and skips invalid ones', () => {
    const rules = usableRules([draft('a'), draft('b', { status: 'x' }), draft('c', { name: 'Named' })]);
    expect(rules.map((r) => [r.id, r.name])).toEqual([
      ['a', 'Rule 1'],
      ['c', 'Named'],
    ]);
  });
});

describe('freshId', () => {
  it('takes the smallest free rule-N', () => {
    expect(freshId([])).toBe('rule-1');
    expect(freshId(['rule-1', 'rule-3'])).toBe('rule-2');
  });
});
