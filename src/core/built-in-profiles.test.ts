// The worker, the CLI (with --spec) and the options preview pass their own profile lists to classify; each must
// start from the same built-in rules as classify's default, catalog request-ID headers included.
import { describe, expect, it } from 'vitest';
import { BUILT_IN_PROFILES, withSpecRules } from './built-in-profiles';
import { CATALOG } from './catalog/entries';
import { classify } from './classify';
import type { Rule } from './rules';

const withHeader = CATALOG.filter((e) => typeof e.match.host === 'string' && e.set.requestIdHeader);

const exchangeFor = (host: string, header: string) => ({
  method: 'GET',
  url: `https://${host.replace(/^\*\./, 'api.')}/v1/thing`,
  status: 500,
  statusText: 'Internal Server Error',
  responseHeaders: { 'content-type': 'text/plain', [header]: 'qid-7f3a9c2e-0001' },
  body: 'oops',
});

const specRule: Rule = { id: 'spec-1-rule', match: { host: 'spec.example' }, set: { errorCodePath: 'code' } } as Rule;

describe('built-in profiles shared by every caller', () => {
  it('include a rule for each catalog entry that names a host and a request-ID header', () => {
    expect(withHeader.length).toBeGreaterThan(0);
    for (const e of withHeader) expect(BUILT_IN_PROFILES.some((r) => r.id === `catalog-${e.id}-request-id`)).toBe(true);
  });

  it.each(withHeader.map((e) => [e.id, e] as const))(
    '%s: its request-ID header is the support ID with the default, with no specs and with spec rules',
    (_id, entry) => {
      const ex = exchangeFor(entry.match.host as string, entry.set.requestIdHeader!);
      for (const profiles of [undefined, withSpecRules([]), withSpecRules([specRule])]) {
        const c = classify(ex, profiles ? { profiles } : {});
        expect(c.errorId).toBe('qid-7f3a9c2e-0001');
      }
    },
  );

  it('keep the built-in list itself when no spec adds rules, and append spec rules after it', () => {
    expect(withSpecRules([])).toBe(BUILT_IN_PROFILES);
    const both = withSpecRules([specRule]);
    expect(both.slice(0, BUILT_IN_PROFILES.length)).toEqual(BUILT_IN_PROFILES);
    expect(both.at(-1)).toBe(specRule);
  });
});
