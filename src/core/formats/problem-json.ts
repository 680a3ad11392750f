// RFC 9457 (obsoletes RFC 7807) problem details: `{type, title, status, detail, instance}` plus
// extension members. Recognized by content type `application/problem+json`, or by the shape
// (title + numeric status + type/detail) for APIs that send it as plain JSON (Mollie, Zalando-style).
// Field errors come from the RFC's own examples: `errors: [{detail, pointer}]` (RFC 9457 §3) and
// `invalid-params: [{name, reason}]` (RFC 7807 §3).
// Source: https://www.rfc-editor.org/rfc/rfc9457

import type { FieldError, FormatRecognizer, RecognizerContext } from '../types';
import { CODE_NAMES, isGenericMessage, MESSAGE_NAMES, namesStatusOnly } from '../infer/dictionaries';
import { connectCode } from '../protocols/codes';
import {
  apiCodeNamed,
  code,
  compact,
  fieldErrorsFromDict,
  fieldErrorsFromList,
  firstId,
  get,
  has,
  isRecord,
  str,
  strNamed,
  type JsonRecord,
} from './util';

/** Extension members vendors use for the occurrence id, in preference order. */
const ID_MEMBERS = [
  'traceId',
  'requestId',
  'request_id',
  'correlationId',
  'errorId',
  'error_id',
  'trace_id',
  'incidentId',
  // Akamai Edge Diagnostics: the problem's own occurrence id.
  'problemId',
  'problem_id',
];

/** Extension objects that hold the occurrence ids (`trace: {requestId, rayId}` in Zuplo's problems). */
const ID_HOLDERS = ['trace', 'meta', 'debug'];
const NESTED_ID_MEMBERS = ['requestId', 'request_id', 'traceId', 'trace_id', 'correlationId', 'errorId'];
const ID_PATHS = [
  ...ID_MEMBERS.map((k) => [k]),
  ...ID_HOLDERS.flatMap((holder) => NESTED_ID_MEMBERS.map((k) => [holder, k])),
];

/** A `type` that links the HTTP status's own definition (an RFC section, MDN's status page) names the status, not an error. */
const STATUS_DOC_TYPE =
  /^https?:\/\/(?:tools\.ietf\.org\/html\/rfc\d+|(?:www\.)?rfc-editor\.org\/rfc\/rfc\d+|datatracker\.ietf\.org\/doc\/html\/rfc\d+|(?:www\.)?w3\.org\/Protocols\/rfc2616\/|httpstatuses\.(?:com|io|org)\/|developer\.mozilla\.org\/[\w-]*\/?docs\/Web\/HTTP\/Status\/)/i;

/** A `type` whose last segment is a docs page listing every status or error (BigCommerce `…/api-status-codes`): no one error's code. */
const DOCS_INDEX =
  /^(?:api[-_])?(?:http[-_])?(?:status|error|response)[-_]?codes(?:\.html?)?$|^(?:handling[-_])?errors(?:\.html?)?$|^error[-_]handling$/i;

/**
 * The code a problem `type` carries: the URI reference as written (RFC 9457 allows relative ones,
 * `/billing/problems/invalid-currency`), unless its last segment only restates the status
 * (`/sso-config/error-responses/service-unavailable`, `…/Errors#Conflict`, `…/409`).
 */
function typeCode(type: string | undefined, status: unknown): string | undefined {
  if (!type || type === 'about:blank' || STATUS_DOC_TYPE.test(type)) return undefined;
  if (!/^[a-z][a-z0-9+.-]*:|[/#]/i.test(type)) return type;
  const tail = type.replace(/\?.*$/, '').split(/[/#]/).filter(Boolean).pop();
  if (
    !tail ||
    /^\d+$/.test(tail) ||
    isGenericMessage(tail.replace(/[-_.]+/g, ' ')) ||
    DOCS_INDEX.test(tail) ||
    namesStatusOnly(tail) ||
    restatesStatusAsRpcCode(tail, status)
  )
    return undefined;
  return type;
}

/**
 * A tail that is the canonical RPC name of the problem's own status (`…/error-types#unauthenticated` on a 401,
 * `#permission-denied` on a 403, TrueLayer's anchors): the status in other words, like `#Forbidden`.
 */
function restatesStatusAsRpcCode(tail: string, status: unknown): boolean {
  if (typeof status !== 'number') return false;
  return connectCode(tail.toLowerCase().replace(/-/g, '_'))?.http === status;
}

export function isProblemContentType(ctx: RecognizerContext): boolean {
  return (
    ctx.body.mimeType.endsWith('problem+json') ||
    (ctx.header('content-type') ?? '').toLowerCase().includes('problem+json')
  );
}

export function looksLikeProblem(j: JsonRecord): boolean {
  return str(j, 'title') !== undefined && typeof get(j, 'status') === 'number' && (has(j, 'type') || has(j, 'detail'));
}

/** `#/age` or `/data/attributes/age` → `age`; other pointers kept as written. */
export function pointerField(pointer: string): string {
  const p = pointer.replace(/^#/, '').replace(/^\/data\/(attributes|relationships)\//, '/');
  return p.startsWith('/') ? p.slice(1).replace(/\//g, '.') : p;
}

/** The problem's fields, shared with the ASP.NET variant. */
export function problemFields(j: JsonRecord): {
  errorCode?: string | number;
  message?: string;
  fieldErrors?: FieldError[];
  errorId?: string;
  errorIdField?: string;
} {
  const type = str(j, 'type');
  const errors = get(j, 'errors');
  let fieldErrors: FieldError[] = [];
  if (Array.isArray(errors)) {
    fieldErrors = fieldErrorsFromList(
      errors,
      (e) => {
        const p = str(e, 'pointer') ?? str(get(e, 'source'), 'pointer') ?? str(e, 'field') ?? str(e, 'name');
        return p ? pointerField(p) : undefined;
      },
      (e) => str(e, 'detail') ?? str(e, 'message') ?? str(e, 'reason'),
    );
  } else if (isRecord(errors)) {
    fieldErrors = fieldErrorsFromDict(errors);
  }
  const invalidParams = get(j, 'invalid-params') ?? get(j, 'invalid_params');
  if (!fieldErrors.length && Array.isArray(invalidParams)) {
    fieldErrors = fieldErrorsFromList(
      invalidParams,
      (e) => str(e, 'name'),
      (e) => str(e, 'reason'),
    );
  }
  const instance = str(j, 'instance');
  // `instance` is only an occurrence id when it does not look like the request path.
  const instanceId =
    instance && (instance.startsWith('urn:') || /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/i.test(instance))
      ? instance
      : undefined;
  const id = firstId(j, ID_PATHS);
  const status = get(j, 'status');
  // A numeric code that repeats the problem's own status is an echo, not the API's code.
  const notEcho = (c: string | number | undefined) => (c !== undefined && String(c) === String(status) ? undefined : c);
  // RFC 9457's `title` summarizes the problem type and does not change between occurrences; an extension
  // member named as a message (`message`, `msg`, `errorMessage`) is this occurrence's own words.
  const ownMessage = strNamed(j, MESSAGE_NAMES);
  return compact({
    errorCode:
      notEcho(apiCodeNamed(j, CODE_NAMES, typeof status === 'number' ? status : Number(status))) ??
      code(get(j, 'error_type')) ??
      typeCode(type, status),
    message:
      str(j, 'detail') ??
      (ownMessage !== undefined && !isGenericMessage(ownMessage) ? ownMessage : undefined) ??
      str(j, 'title'),
    fieldErrors: fieldErrors.length ? fieldErrors : undefined,
    errorId: id?.errorId ?? instanceId,
    errorIdField: id?.errorIdField ?? (instanceId ? 'instance' : undefined),
  });
}

export const problemJson: FormatRecognizer = {
  id: 'problem+json',
  title: 'RFC 9457 problem details {type, title, status, detail, instance}',
  priority: 88,
  kinds: ['json'],
  // Its media type, or (by shape) a `title`: most JSON errors reach neither.
  gate: { mediaIncludes: ['problem+json'], keys: ['title'] },
  recognize(ctx) {
    const j = ctx.body.json;
    if (!isRecord(j)) return null;
    // By shape alone only on an error status: `{title, status, detail}` is also ordinary data.
    if (!isProblemContentType(ctx) && (ctx.exchange.status < 400 || !looksLikeProblem(j))) return null;
    // The media type alone, on a body with none of the problem members: the generic shapes read it.
    if (!has(j, 'type') && !has(j, 'title') && !has(j, 'detail') && !has(j, 'instance')) return null;
    return { saysFailure: true, ...problemFields(j) };
  },
};
