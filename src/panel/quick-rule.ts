// The panel's "Add rule for this host": a draft prefilled from a record, appended to the stored
// rules. Validation is the options page's (`validateDrafts`), so both editors judge alike.
import type { Rule } from '../core/rules';
import {
  draftFromRule,
  emptyDraft,
  freshId,
  validateDrafts,
  type DraftValidation,
  type RuleDraft,
} from '../ui/rule-draft';

/** `host[:port]` of a URL as rules match it, or '' for a URL without one. */
export function ruleHostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return '';
  }
}

/** A new rule for the record's host and status, under an id the stored rules do not use. */
export function prefillDraft(exchange: { url: string; status: number }, existing: readonly Rule[]): RuleDraft {
  const host = ruleHostOf(exchange.url);
  const status = exchange.status > 0 ? String(exchange.status) : '';
  return {
    ...emptyDraft(freshId(existing.map((r) => r.id))),
    name: [host, status].filter(Boolean).join(' ') || 'New rule',
    host,
    status,
  };
}

/** The stored rules plus the draft, validated as one document (problems name the draft's fields). */
export function appendRule(existing: readonly Rule[], draft: RuleDraft): DraftValidation {
  return validateDrafts([...existing.map(draftFromRule), draft]);
}
