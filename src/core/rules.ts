// Per-host rules: an API's own conventions written down as data (README, "Per-host rules").
// A rule matches by host pattern, optionally narrowed by path prefix, status and error code, and
// sets parts of the classification. Built-in vendor profiles are rules too, with lower precedence.
import { isRecord } from './is-record';

export interface RuleMatch {
  /** `api.example.com`, `*.example.com` (any subdomain), or `*` (any host). */
  host: string;
  pathPrefix?: string;
  /** `423`, `4xx`, or a range `500-599`. */
  status?: string;
  errorCode?: string;
}

export interface RuleSet {
  /** Failure or not, whatever the status says. */
  failure?: boolean;
  retryable?: boolean;
  /** Wait to advise when the server gave no figure. */
  defaultWaitSeconds?: number;
  /** Dotted paths into the JSON body, e.g. `errors[0].error_code`. */
  errorCodePath?: string;
  errorIdPath?: string;
  messagePath?: string;
  /** Response header whose value is the ID to quote to support. */
  requestIdHeader?: string;
  action?: string;
}

export interface Rule {
  id: string;
  name: string;
  enabled: boolean;
  match: RuleMatch;
  set: RuleSet;
}

export interface RulesDocument {
  version: 1;
  rules: Rule[];
}

export interface VendorProfile extends Rule {
  vendor: string;
  docs: string;
}

export interface RuleProblem {
  /** Where in the document, e.g. `rules[2].match.status`. */
  field: string;
  message: string;
}

export type RulesValidation = { ok: true; document: RulesDocument } | { ok: false; problems: RuleProblem[] };

const MATCH_KEYS = ['host', 'pathPrefix', 'status', 'errorCode'] as const;
const SET_KEYS = [
  'failure',
  'retryable',
  'defaultWaitSeconds',
  'errorCodePath',
  'errorIdPath',
  'messagePath',
  'requestIdHeader',
  'action',
] as const;
const BOOLEAN_SETS = new Set(['failure', 'retryable']);
const PATH_SETS = new Set(['errorCodePath', 'errorIdPath', 'messagePath']);
const HOST_PATTERN = /^(\*|(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?)$/i;
const STATUS_PATTERN = /^([1-5]\d\d|[1-5]xx|[1-5]\d\d-[1-5]\d\d)$/i;
const PATH_PATTERN = /^[A-Za-z0-9_$@-]+(\[\d+\])*(\.[A-Za-z0-9_$@-]+(\[\d+\])*)*$/;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** A default wait longer than a day is a typo, not a convention. */
const MAX_DEFAULT_WAIT = 86_400;
const MAX_RULES = 500;
const MAX_TEXT = 1000;

/** Checks a rules document (from storage, an import or `--rules`); every problem names its field. */
export function validateRules(input: unknown): RulesValidation {
  const problems: RuleProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  const list = Array.isArray(input) ? input : isRecord(input) ? input.rules : undefined;
  if (!Array.isArray(list)) {
    add('rules', 'expected an array of rules (or an object with a "rules" array)');
    return { ok: false, problems };
  }
  if (isRecord(input) && input.version !== undefined && input.version !== 1)
    add('version', `unsupported version ${JSON.stringify(input.version)}; expected 1`);
  if (list.length > MAX_RULES) add('rules', `at most ${MAX_RULES} rules, got ${list.length}`);
  const rules: Rule[] = [];
  const seen = new Set<string>();
  list.slice(0, MAX_RULES).forEach((raw: unknown, i: number) => {
    const at = `rules[${i}]`;
    if (!isRecord(raw)) return add(at, 'expected an object');
    const match = raw.match;
    const set = raw.set;
    if (!isRecord(match)) return add(`${at}.match`, 'expected an object with at least "host"');
    if (!isRecord(set)) return add(`${at}.set`, 'expected an object with what the rule sets');
    const rule: Rule = {
      id: typeof raw.id === 'string' && raw.id ? raw.id.slice(0, 100) : `rule-${i + 1}`,
      name: typeof raw.name === 'string' && raw.name.trim() ? raw.name.trim().slice(0, 200) : `Rule ${i + 1}`,
      enabled: raw.enabled !== false,
      match: { host: '' },
      set: {},
    };
    if (seen.has(rule.id)) add(`${at}.id`, `duplicate id "${rule.id}"`);
    seen.add(rule.id);
    for (const key of Object.keys(match))
      if (!(MATCH_KEYS as readonly string[]).includes(key))
        add(`${at}.match.${key}`, `unknown field; expected one of ${MATCH_KEYS.join(', ')}`);
    for (const key of Object.keys(set))
      if (!(SET_KEYS as readonly string[]).includes(key))
        add(`${at}.set.${key}`, `unknown field; expected one of ${SET_KEYS.join(', ')}`);

    if (typeof match.host !== 'string' || !HOST_PATTERN.test(match.host.trim()))
      add(`${at}.match.host`, 'expected a host like api.example.com, *.example.com or *');
    else rule.match.host = match.host.trim().toLowerCase();
    if (match.pathPrefix !== undefined) {
      if (typeof match.pathPrefix !== 'string' || !match.pathPrefix.startsWith('/'))
        add(`${at}.match.pathPrefix`, 'expected a path starting with /');
      else rule.match.pathPrefix = match.pathPrefix;
    }
    if (match.status !== undefined) {
      const status = typeof match.status === 'number' ? String(match.status) : match.status;
      if (typeof status !== 'string' || !STATUS_PATTERN.test(status.trim()))
        add(`${at}.match.status`, 'expected a status like 423, 4xx or 500-599');
      else rule.match.status = status.trim().toLowerCase();
    }
    if (match.errorCode !== undefined) {
      if (typeof match.errorCode !== 'string' || !match.errorCode)
        add(`${at}.match.errorCode`, 'expected a non-empty string');
      else rule.match.errorCode = match.errorCode;
    }

    for (const key of SET_KEYS) {
      const value = set[key];
      if (value === undefined) continue;
      const field = `${at}.set.${key}`;
      if (BOOLEAN_SETS.has(key)) {
        if (typeof value !== 'boolean') add(field, 'expected true or false');
        else (rule.set as Record<string, unknown>)[key] = value;
      } else if (key === 'defaultWaitSeconds') {
        if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_DEFAULT_WAIT)
          add(field, `expected a number of seconds from 0 to ${MAX_DEFAULT_WAIT}`);
        else rule.set.defaultWaitSeconds = value;
      } else if (PATH_SETS.has(key)) {
        if (typeof value !== 'string' || !PATH_PATTERN.test(value))
          add(field, 'expected a dotted path like errors[0].error_code');
        else (rule.set as Record<string, unknown>)[key] = value;
      } else if (key === 'requestIdHeader') {
        if (typeof value !== 'string' || !HEADER_NAME.test(value))
          add(field, 'expected a header name like x-request-id');
        else rule.set.requestIdHeader = value.toLowerCase();
      } else if (key === 'action') {
        if (typeof value !== 'string' || !value.trim() || value.length > MAX_TEXT)
          add(field, `expected text of 1 to ${MAX_TEXT} characters`);
        else rule.set.action = value.trim();
      }
    }
    if (Object.keys(set).length === 0) add(`${at}.set`, 'sets nothing');
    rules.push(rule);
  });
  return problems.length ? { ok: false, problems } : { ok: true, document: { version: 1, rules } };
}

/** One-line text of the problems, for a CLI or an error banner. */
export function describeProblems(problems: readonly RuleProblem[]): string {
  return problems.map((p) => `${p.field}: ${p.message}`).join('; ');
}

export interface RuleTarget {
  host: string;
  path: string;
  status: number;
  errorCode?: string | null;
}

function hostMatches(pattern: string, hostWithPort: string, bareHost?: string): boolean {
  if (pattern === '*') return true;
  // A pattern without a port matches any port (localhost matches localhost:3000).
  const host = pattern.includes(':') ? hostWithPort : (bareHost ?? withoutPort(hostWithPort));
  if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1;
  return host === pattern;
}

function withoutPort(hostWithPort: string): string {
  return hostWithPort.includes(':') ? hostWithPort.replace(/:\d+$/, '') : hostWithPort;
}

const isDigitAt = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
};

function statusMatches(pattern: string, status: number): boolean {
  // `404` and `4xx` without a regex: this runs for every rule of every matching exchange.
  if (pattern.length === 3 && isDigitAt(pattern, 0)) {
    if (isDigitAt(pattern, 1) && isDigitAt(pattern, 2)) return status === Number(pattern);
    if (pattern.charCodeAt(1) === 120 && pattern.charCodeAt(2) === 120)
      return Math.floor(status / 100) === Number(pattern[0]);
  }
  const [lo, hi] = pattern.split('-').map(Number);
  return status >= lo && status <= hi;
}

export function ruleMatches(rule: Rule, target: RuleTarget, bareHost?: string): boolean {
  const m = rule.match;
  if (!rule.enabled || !hostMatches(m.host, target.host, bareHost)) return false;
  if (m.pathPrefix && !target.path.startsWith(m.pathPrefix)) return false;
  if (m.status && !statusMatches(m.status, target.status)) return false;
  if (m.errorCode !== undefined && m.errorCode !== target.errorCode) return false;
  return true;
}

/**
 * How specific a rule is. An exact host beats a wildcard beats `*`; then a longer path prefix,
 * an exact status over a class, and an error code each add to it.
 */
export function ruleSpecificity(rule: Rule): number {
  const m = rule.match;
  let score = m.host === '*' ? 0 : m.host.startsWith('*.') ? 1000 + m.host.length : 3000;
  if (m.pathPrefix) score += 10 * Math.min(m.pathPrefix.length, 50);
  if (m.status) score += /^\d{3}$/.test(m.status) ? 600 : 300;
  if (m.errorCode !== undefined) score += 800;
  return score;
}

export interface ResolvedRule {
  set: RuleSet;
  /** Which rule set each field, for the detail view ("set by rule …"). */
  from: Partial<Record<keyof RuleSet, string>>;
}

/**
 * Merges the rules that match, field by field. User rules beat built-in profiles; among one kind,
 * the more specific rule wins, and on a tie the one listed first.
 */
export function resolveRules(
  userRules: readonly Rule[],
  profiles: readonly Rule[],
  target: RuleTarget,
): ResolvedRule | null {
  // Per call, most rules do not match: collect the few that do before ranking them.
  const bareHost = withoutPort(target.host);
  const ranked: Array<{ rule: Rule; tier: number; order: number }> = [];
  for (let order = 0; order < profiles.length; order++) {
    if (ruleMatches(profiles[order], target, bareHost)) ranked.push({ rule: profiles[order], tier: 0, order });
  }
  for (let order = 0; order < userRules.length; order++) {
    if (ruleMatches(userRules[order], target, bareHost)) ranked.push({ rule: userRules[order], tier: 1, order });
  }
  if (!ranked.length) return null;
  // Lowest precedence first, so later assignments win.
  if (ranked.length > 1)
    ranked.sort((a, b) => a.tier - b.tier || ruleSpecificity(a.rule) - ruleSpecificity(b.rule) || b.order - a.order);
  const set: RuleSet = {};
  const from: ResolvedRule['from'] = {};
  for (const { rule } of ranked) {
    for (const key of SET_KEYS) {
      const value = rule.set[key];
      if (value === undefined) continue;
      (set as Record<string, unknown>)[key] = value;
      from[key] = rule.name;
    }
  }
  return { set, from };
}

/** Reads `errors[0].error_code` from parsed JSON: own properties only, never the prototype chain. */
export function valueAtPath(json: unknown, path: string): unknown {
  let current: unknown = json;
  for (const part of path.split('.')) {
    const [, key, indexes] = /^([^[]+)((?:\[\d+\])*)$/.exec(part) ?? [];
    if (key === undefined || !isRecord(current) || !Object.prototype.hasOwnProperty.call(current, key))
      return undefined;
    current = current[key];
    for (const index of indexes.match(/\d+/g) ?? []) {
      if (!Array.isArray(current)) return undefined;
      current = current[Number(index)];
    }
  }
  return current;
}

/** A value read by path as display text: strings and numbers as they are; other shapes are not text. */
export function textAtPath(json: unknown, path: string): string | null {
  const value = valueAtPath(json, path);
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join('; ') || null;
  return null;
}

/**
 * Built-in vendor profiles: the conventions of the seed vendors and common APIs, shown read-only.
 * They add what the body formats cannot know from one response; a user rule overrides any field.
 */
export const VENDOR_PROFILES: readonly VendorProfile[] = [
  {
    id: 'profile-document360-auth',
    vendor: 'Document360',
    name: 'Document360: 401/403 mean the api_token or its scope',
    docs: 'https://apidocs.document360.com/apidocs/api-status-codes',
    enabled: true,
    match: { host: '*.document360.io', status: '401-403' },
    set: {
      retryable: false,
      action: 'Check the api_token header: it must be a valid token whose scope covers this endpoint and method.',
    },
  },
  {
    id: 'profile-github-request-id',
    vendor: 'GitHub',
    name: 'GitHub: quote x-github-request-id',
    docs: 'https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api',
    enabled: true,
    match: { host: 'api.github.com' },
    set: { requestIdHeader: 'x-github-request-id' },
  },
  {
    id: 'profile-stripe-request-id',
    vendor: 'Stripe',
    name: 'Stripe: quote Request-Id',
    docs: 'https://docs.stripe.com/api/request_ids',
    enabled: true,
    match: { host: 'api.stripe.com' },
    set: { requestIdHeader: 'request-id' },
  },
  {
    id: 'profile-slack-200-errors',
    vendor: 'Slack',
    name: 'Slack: a 200 with ok:false is a failure; quote x-slack-req-id',
    docs: 'https://api.slack.com/web#evaluating_responses',
    enabled: true,
    match: { host: 'slack.com', pathPrefix: '/api/' },
    set: { requestIdHeader: 'x-slack-req-id' },
  },
  {
    id: 'profile-openai-request-id',
    vendor: 'OpenAI',
    name: 'OpenAI: quote x-request-id',
    docs: 'https://platform.openai.com/docs/api-reference/debugging-requests',
    enabled: true,
    match: { host: 'api.openai.com' },
    set: { requestIdHeader: 'x-request-id' },
  },
  {
    id: 'profile-anthropic-request-id',
    vendor: 'Anthropic',
    name: 'Anthropic: quote request-id',
    docs: 'https://docs.anthropic.com/en/api/errors',
    enabled: true,
    match: { host: 'api.anthropic.com' },
    set: { requestIdHeader: 'request-id' },
  },
];
