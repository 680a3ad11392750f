// The live preview: a pasted sample response, classified with the rules being edited.
import { classify } from '../core/classify';
import { describeRetry } from '../core/describe';
import { formatSeconds } from '../core/advice';
import { resolveRules, type Rule, type RuleSet, type RuleTarget } from '../core/rules';
import { BUILT_IN_PROFILES } from '../core/built-in-profiles';
import type { Classification, Exchange } from '../core/types';

export interface PreviewSample {
  method: string;
  url: string;
  /** As typed; a non-number means "no response". */
  status: string;
  /** `name: value` lines. */
  headers: string;
  body: string;
}

/** The seed's "423: busy, try again" response: a convention only a rule can explain. */
export const DEFAULT_SAMPLE: PreviewSample = {
  method: 'PATCH',
  url: 'https://api.example-verify.com/v1/persons/per_1234',
  status: '423',
  headers: 'content-type: application/json',
  body: '{ "code": 423, "message": "The object is still being updated (locked). Try your request again later.", "status": "failure" }',
};

export interface HeaderParse {
  headers: Array<{ name: string; value: string }>;
  /** 1-based numbers of non-empty lines that are not `name: value`. */
  badLines: number[];
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function parseHeaderLines(text: string): HeaderParse {
  const headers: HeaderParse['headers'] = [];
  const badLines: number[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim() : '';
    if (!HEADER_NAME.test(name)) return void badLines.push(i + 1);
    headers.push({ name, value: line.slice(colon + 1).trim() });
  });
  return { headers, badLines };
}

export function sampleExchange(sample: PreviewSample): { exchange: Exchange; badHeaderLines: number[] } {
  const { headers, badLines } = parseHeaderLines(sample.headers);
  const status = /^\s*\d{1,3}\s*$/.test(sample.status) ? Number(sample.status) : 0;
  const exchange: Exchange = {
    method: sample.method.trim().toUpperCase() || 'GET',
    url: sample.url.trim(),
    status,
    responseHeaders: headers,
    body: sample.body,
  };
  if (status === 0) exchange.error = 'no response (preview)';
  return { exchange, badHeaderLines: badLines };
}

/** What a rule matches against: the URL's host (with a non-default port), path, status and code. */
export function ruleTargetOf(exchange: Exchange, errorCode: string | null): RuleTarget | null {
  let url: URL;
  try {
    url = new URL(exchange.url);
  } catch {
    return null;
  }
  return { host: url.host.toLowerCase(), path: url.pathname, status: exchange.status, errorCode };
}

export interface PreviewResult {
  classification: Classification;
  retry: string;
  wait: string;
  /** Which rule or profile set each field, in the order of the rule fields. */
  sources: Array<{ field: keyof RuleSet; by: string }>;
  badHeaderLines: number[];
  urlProblem: string | null;
}

export function previewOf(
  sample: PreviewSample,
  rules: readonly Rule[],
  profiles: readonly Rule[] = BUILT_IN_PROFILES,
): PreviewResult {
  const { exchange, badHeaderLines } = sampleExchange(sample);
  const classification = classify(exchange, { rules, profiles });
  const target = ruleTargetOf(exchange, classification.errorCode);
  const resolved = target ? resolveRules(rules, profiles, target) : null;
  const order = Object.keys(SET_FIELD_LABEL) as Array<keyof RuleSet>;
  const sources = resolved
    ? order.filter((field) => resolved.from[field] !== undefined).map((field) => ({ field, by: resolved.from[field]! }))
    : [];
  const wait =
    classification.retryAfterSeconds !== null
      ? `${formatSeconds(classification.retryAfterSeconds)}${classification.retryAfterSource ? ` (${classification.retryAfterSource})` : ''}`
      : '—';
  return {
    classification,
    retry: describeRetry(classification),
    wait,
    sources,
    badHeaderLines,
    urlProblem: target ? null : 'not an absolute URL: rules cannot match a host',
  };
}

/** Human names of the rule fields, for "set by". */
export const SET_FIELD_LABEL: Record<keyof RuleSet, string> = {
  failure: 'Failure',
  retryable: 'Retryable',
  defaultWaitSeconds: 'Default wait',
  errorCodePath: 'Error code field',
  errorIdPath: 'ID field',
  messagePath: 'Message field',
  requestIdHeader: 'Request-ID header',
  action: 'Action',
};
