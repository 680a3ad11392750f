// One exchange against the loaded specs: which operation, what the contract documents for the status,
// and where the response breaks it (undocumented status, undeclared content type, schema violations,
// unknown path or method). Pure and bounded; never throws.
import { declaredMediaTypes, documentedResponse, mediaTypeCovers, responseFor, schemaFor } from './explain';
import { matchOperation } from './match';
import type { LoadedSpec, SpecFinding } from './types';
import { checkSchema } from './validate';

/** Bodies longer than this are not schema-checked (said in a note). */
export const MAX_CHECKED_BODY_CHARS = 2 * 1024 * 1024;

export interface ContractInput {
  method: string;
  url: string;
  /** 0 = no response. */
  status: number;
  /** The response Content-Type, or null when absent. */
  contentType: string | null;
  /** Response body text; undefined when not captured. */
  body?: string;
  bodyEncoding?: 'base64';
  bodyTruncated?: boolean;
}

const isJson = (contentType: string): boolean => {
  const t = contentType.split(';')[0].trim().toLowerCase();
  return t === 'application/json' || t.endsWith('+json');
};

export function checkExchange(specs: readonly LoadedSpec[], input: ContractInput): SpecFinding | null {
  try {
    return checkUnsafe(specs, input);
  } catch (error) {
    return null;
  }
}

function checkUnsafe(specs: readonly LoadedSpec[], input: ContractInput): SpecFinding | null {
  const match = matchOperation(specs, input.method, input.url);
  if (!match) return null;
  const finding: SpecFinding = {
    specId: match.spec.id,
    specTitle: match.spec.title,
    operation: null,
    documented: null,
    problems: [],
    violations: [],
    violationCount: 0,
    notes: [],
  };
  if (match.kind === 'unknown') {
    finding.problems.push({
      kind: 'unknown-operation',
      message: match.template
        ? `${input.method.toUpperCase()} is not documented for ${match.template} (documented: ${match.methods.join(', ')})`
        : `no path of "${match.spec.title}" matches ${match.path}`,
    });
    return finding;
  }
  const { spec, operation: op } = match;
  finding.operation = {
    key: op.key,
    method: op.method,
    path: op.path,
    operationId: op.operationId ?? null,
    summary: op.summary ?? null,
    tags: op.tags,
  };
  if (!(input.status > 0)) return finding; // no response: nothing to compare with the contract
  finding.documented = documentedResponse(spec, op, input.status, input.contentType);
  const entry = responseFor(spec, op, input.status);
  if (!entry) {
    const documented = Object.keys(op.responses);
    finding.problems.push({
      kind: 'undocumented',
      message: `status ${input.status} is not documented for ${op.key}${documented.length ? ` (documented: ${documented.join(', ')})` : ''}`,
    });
    return finding;
  }
  const declared = declaredMediaTypes(spec, op, entry);
  const hasBody = input.body !== undefined && input.body !== '';
  if (
    input.contentType &&
    hasBody &&
    declared.length &&
    !declared.some((t) => mediaTypeCovers(t, input.contentType!))
  ) {
    finding.problems.push({
      kind: 'mismatch',
      message: `content type ${input.contentType.split(';')[0].trim()} is not declared for ${input.status} (declared: ${declared.join(', ')})`,
    });
    return finding;
  }
  const media = schemaFor(spec, op, entry, input.contentType);
  if (!media) return finding;
  if (input.body === undefined) finding.notes.push('body not captured: schema not checked');
  else if (input.bodyTruncated) finding.notes.push('body truncated: schema not checked');
  else if (input.bodyEncoding === 'base64') finding.notes.push('binary body: schema not checked');
  else if (input.body.length > MAX_CHECKED_BODY_CHARS)
    finding.notes.push(`body over ${MAX_CHECKED_BODY_CHARS / 1024 / 1024} MB: schema not checked`);
  else if (input.contentType && !isJson(input.contentType))
    finding.notes.push(`${input.contentType.split(';')[0].trim()} body: schema not checked`);
  else if (input.body !== '') {
    let json: unknown;
    try {
      json = JSON.parse(input.body);
    } catch {
      finding.problems.push({
        kind: 'mismatch',
        message: `the body is not valid JSON, but ${media.mediaType} is documented`,
      });
      return finding;
    }
    const result = checkSchema(spec, media.schema, media.pointer, json);
    if (!result.ok) finding.notes.push(result.note);
    else if (result.count) {
      finding.violations = result.violations;
      finding.violationCount = result.count;
      const first = result.violations[0];
      finding.problems.push({
        kind: 'mismatch',
        message: `the body does not match the documented schema: ${first.path} ${first.message}${result.count > 1 ? ` (+${result.count - 1} more)` : ''}`,
      });
    }
  }
  return finding;
}
