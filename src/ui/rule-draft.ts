// A rule as the editor holds it: every field a string (or a tri-state), so half-typed values can
// be shown and validated. `validateRules` stays the one judge; its problems are mapped back to
// the draft fields they name.
import { validateRules, type Rule, type RuleProblem, type RulesDocument, type RuleSet } from '../core/rules';

/** A yes/no setting that may also be left to the classifier. */
export type Tri = 'unset' | 'yes' | 'no';

export interface RuleDraft {
  id: string;
  name: string;
  enabled: boolean;
  // match
  host: string;
  pathPrefix: string;
  status: string;
  errorCode: string;
  // set
  failure: Tri;
  retryable: Tri;
  defaultWaitSeconds: string;
  errorCodePath: string;
  errorIdPath: string;
  messagePath: string;
  requestIdHeader: string;
  action: string;
}

export type DraftField = Exclude<keyof RuleDraft, 'enabled'>;

/** Problems of one draft by field; '' is the rule as a whole, 'set' is "sets nothing". */
export type DraftProblems = Partial<Record<DraftField | '' | 'set', string>>;

/** Document field path (after `rules[i].`) → draft field. */
const FIELD_OF_PATH: Record<string, DraftField | '' | 'set'> = {
  '': '',
  id: '',
  name: 'name',
  match: 'host',
  'match.host': 'host',
  'match.pathPrefix': 'pathPrefix',
  'match.status': 'status',
  'match.errorCode': 'errorCode',
  set: 'set',
  'set.failure': 'failure',
  'set.retryable': 'retryable',
  'set.defaultWaitSeconds': 'defaultWaitSeconds',
  'set.errorCodePath': 'errorCodePath',
  'set.errorIdPath': 'errorIdPath',
  'set.messagePath': 'messagePath',
  'set.requestIdHeader': 'requestIdHeader',
  'set.action': 'action',
};

export function emptyDraft(id: string): RuleDraft {
  return {
    id,
    name: '',
    enabled: true,
    host: '',
    pathPrefix: '',
    status: '',
    errorCode: '',
    failure: 'unset',
    retryable: 'unset',
    defaultWaitSeconds: '',
    errorCodePath: '',
    errorIdPath: '',
    messagePath: '',
    requestIdHeader: '',
    action: '',
  };
}

/** A rule just added and not yet touched: its problems are not shown until the user types. */
export function isPristine(draft: RuleDraft): boolean {
  const empty = emptyDraft(draft.id);
  return (Object.keys(empty) as Array<keyof RuleDraft>).every((k) => draft[k] === empty[k]);
}

const triOf = (v: boolean | undefined): Tri => (v === undefined ? 'unset' : v ? 'yes' : 'no');
const boolOf = (t: Tri): boolean | undefined => (t === 'unset' ? undefined : t === 'yes');

export function draftFromRule(rule: Rule): RuleDraft {
  const { match, set } = rule;
  return {
    id: rule.id,
    name: rule.name,
    enabled: rule.enabled,
    host: match.host,
    pathPrefix: match.pathPrefix ?? '',
    status: match.status ?? '',
    errorCode: match.errorCode ?? '',
    failure: triOf(set.failure),
    retryable: triOf(set.retryable),
    defaultWaitSeconds: set.defaultWaitSeconds === undefined ? '' : String(set.defaultWaitSeconds),
    errorCodePath: set.errorCodePath ?? '',
    errorIdPath: set.errorIdPath ?? '',
    messagePath: set.messagePath ?? '',
    requestIdHeader: set.requestIdHeader ?? '',
    action: set.action ?? '',
  };
}

/** Seconds as typed: a plain decimal becomes a number; anything else stays text, for the validator to name. */
function secondsOf(text: string): number | string {
  const t = text.trim();
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : t;
}

/** The draft as a raw rule object, for `validateRules`. Empty fields are left out. */
export function draftToRaw(d: RuleDraft): Record<string, unknown> {
  const match: Record<string, unknown> = { host: d.host.trim() };
  if (d.pathPrefix.trim()) match.pathPrefix = d.pathPrefix.trim();
  if (d.status.trim()) match.status = d.status.trim();
  if (d.errorCode.trim()) match.errorCode = d.errorCode.trim();
  const set: Record<string, unknown> = {};
  const failure = boolOf(d.failure);
  if (failure !== undefined) set.failure = failure;
  const retryable = boolOf(d.retryable);
  if (retryable !== undefined) set.retryable = retryable;
  if (d.defaultWaitSeconds.trim()) set.defaultWaitSeconds = secondsOf(d.defaultWaitSeconds);
  const texts: Array<keyof RuleSet & keyof RuleDraft> = [
    'errorCodePath',
    'errorIdPath',
    'messagePath',
    'requestIdHeader',
  ];
  for (const key of texts) if (d[key].trim()) set[key] = d[key].trim();
  if (d.action.trim()) set.action = d.action.trim();
  return { id: d.id, name: d.name.trim() || undefined, enabled: d.enabled, match, set };
}

export interface DraftValidation {
  ok: boolean;
  /** The normalized document, when every draft is valid. */
  document: RulesDocument | null;
  /** Every problem, with document field paths (`rules[1].match.status`). */
  problems: RuleProblem[];
  /** Problems per draft id, by draft field. */
  byId: Record<string, DraftProblems>;
}

export function validateDrafts(drafts: readonly RuleDraft[]): DraftValidation {
  const result = validateRules({ version: 1, rules: drafts.map(draftToRaw) });
  if (result.ok) return { ok: true, document: result.document, problems: [], byId: {} };
  const byId: Record<string, DraftProblems> = {};
  for (const problem of result.problems) {
    const m = /^rules\[(\d+)\](?:\.(.*))?$/.exec(problem.field);
    const draft = m ? drafts[Number(m[1])] : undefined;
    if (!m || !draft) continue;
    const path = m[2] ?? '';
    // Unknown keys cannot come from a draft; anything unmapped is shown on the rule as a whole.
    const field = FIELD_OF_PATH[path] ?? '';
    const forDraft = (byId[draft.id] ??= {});
    forDraft[field] = forDraft[field] ? `${forDraft[field]}; ${problem.message}` : problem.message;
  }
  return { ok: false, document: null, problems: result.problems, byId };
}

/** Problems of one draft on its own (for the editor used outside the options page). */
export function validateDraft(draft: RuleDraft): DraftProblems {
  return validateDrafts([draft]).byId[draft.id] ?? {};
}

/** Rules to classify with while editing: every draft that is valid on its own. */
export function usableRules(drafts: readonly RuleDraft[]): Rule[] {
  const rules: Rule[] = [];
  drafts.forEach((d, index) => {
    // Named by position as in the saved document, so "set by" reads the same.
    const one = validateRules({ version: 1, rules: [{ ...draftToRaw(d), name: draftLabel(d, index) }] });
    if (one.ok) rules.push(one.document.rules[0]);
  });
  return rules;
}

/** `rule-N` with the smallest N not taken. */
export function freshId(taken: Iterable<string>): string {
  const used = new Set(taken);
  let n = 1;
  while (used.has(`rule-${n}`)) n++;
  return `rule-${n}`;
}

/** The name a draft is shown under: its own, or its position. */
export function draftLabel(d: RuleDraft, index: number): string {
  return d.name.trim() || `Rule ${index + 1}`;
}

/** "api.example.com/v1 · 423 · code LOCKED" */
export function matchSummary(match: Rule['match']): string {
  const parts = [`${match.host || '(no host)'}${match.pathPrefix ?? ''}`];
  if (match.status) parts.push(`status ${match.status}`);
  if (match.errorCode !== undefined) parts.push(`code ${match.errorCode}`);
  return parts.join(' · ');
}

const yesNo = (v: boolean) => (v ? 'yes' : 'no');

/** "retryable: yes · wait 7 s · action "…"" */
export function setSummary(set: RuleSet): string {
  const parts: string[] = [];
  if (set.failure !== undefined) parts.push(`failure: ${yesNo(set.failure)}`);
  if (set.retryable !== undefined) parts.push(`retryable: ${yesNo(set.retryable)}`);
  if (set.defaultWaitSeconds !== undefined) parts.push(`wait ${set.defaultWaitSeconds} s`);
  if (set.errorCodePath) parts.push(`code ← ${set.errorCodePath}`);
  if (set.errorIdPath) parts.push(`ID ← ${set.errorIdPath}`);
  if (set.messagePath) parts.push(`message ← ${set.messagePath}`);
  if (set.requestIdHeader) parts.push(`ID header ${set.requestIdHeader}`);
  if (set.action) parts.push(`action “${set.action.length > 60 ? `${set.action.slice(0, 59)}…` : set.action}”`);
  return parts.join(' · ') || 'sets nothing';
}

/** Summaries straight from a draft, valid or not. */
export function draftSummaries(d: RuleDraft): { match: string; set: string } {
  const raw = draftToRaw(d);
  const match = raw.match as Rule['match'];
  const set = raw.set as Record<string, unknown>;
  const typedSet: RuleSet = {
    ...(set as RuleSet),
    defaultWaitSeconds: typeof set.defaultWaitSeconds === 'number' ? set.defaultWaitSeconds : undefined,
  };
  if (typedSet.defaultWaitSeconds === undefined) delete typedSet.defaultWaitSeconds;
  return { match: matchSummary(match), set: setSummary(typedSet) };
}
