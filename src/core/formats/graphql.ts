// GraphQL responses: `{data, errors: [{message, locations, path, extensions: {code}}]}`, usually on HTTP 200.
// No data (or data null) means the operation failed. GitHub signals rate limits with
// `errors[].type: "RATE_LIMITED"`; Shopify with `extensions.code: "THROTTLED"` plus a cost budget
// from which the wait follows: (requested − available) / restoreRate seconds.
// Sources: https://spec.graphql.org/October2021/#sec-Errors ,
// https://www.apollographql.com/docs/apollo-server/data/errors ,
// https://docs.github.com/en/graphql/overview/rate-limits-and-query-limits-for-the-graphql-api ,
// https://shopify.dev/docs/api/usage/rate-limits#graphql-admin-api-rate-limits
// GraphQL over HTTP ("Processing the response"): an `application/json` body on a non-200 status may be a gateway's,
// not the server's; on a gateway retry status (transportRetries: 408, 425, 429, 5xx but 500/501/505) the status judges.
// https://github.com/graphql/graphql-over-http/blob/main/spec/GraphQLOverHTTP.md#processing-the-response

import type { Extracted, FormatRecognizer, OperationFailure } from '../types';
import { idText, MAX_BATCH_ELEMENTS, OperationList } from '../protocols/operations';
import { transportRetries } from '../protocols/codes';
import { normalizeKey, isGenericMessage } from '../infer/dictionaries';
import {
  at,
  code,
  compact,
  fieldErrorsFromDict,
  firstRecord,
  get,
  has,
  isCodeLike,
  isFieldDict,
  isRecord,
  joinTexts,
  num,
  str,
} from './util';

/**
 * Whether the HTTP status, not the body's code, judges retryability: a gateway retry status over a body that is not
 * `application/graphql-response+json` (the only media type whose non-200 body the spec lets a client trust).
 */
const statusJudges = (status: number, mimeType: string): boolean =>
  transportRetries(status) && mimeType !== 'application/graphql-response+json';

const RATE_LIMIT_CODES = new Set(['RATE_LIMITED', 'RATE_LIMIT', 'THROTTLED', 'TOO_MANY_REQUESTS']);

const ID_KEYS = ['requestId', 'request_id', 'traceId', 'trace_id', 'correlationId', 'errorId'];
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;

/**
 * A support ID: a request/trace ID in the error's `extensions` (or one vendor object down, e.g.
 * Contentful's `extensions.contentful.requestId`), in the response's `extensions`, or a UUID in the
 * message (masked internal errors: Spring's "INTERNAL_ERROR for <uuid>").
 */
function errorIdOf(error: unknown, topExtensions: unknown): { errorId: string; errorIdField: string } | undefined {
  const scan = (obj: unknown, path: string, depth: number): { errorId: string; errorIdField: string } | undefined => {
    if (!isRecord(obj)) return undefined;
    for (const key of ID_KEYS) {
      const v = get(obj, key);
      if (typeof v === 'string' && v) return { errorId: v.slice(0, 200), errorIdField: `${path}.${key}` };
    }
    if (depth === 0) return undefined;
    let n = 0;
    for (const key in obj) {
      if (++n > 16) break;
      const found = scan(get(obj, key), `${path}.${key}`, depth - 1);
      if (found) return found;
    }
    return undefined;
  };
  const found = scan(get(error, 'extensions'), 'errors[0].extensions', 1) ?? scan(topExtensions, 'extensions', 0);
  if (found) return found;
  const uuid = UUID.exec(str(error, 'message') ?? '');
  return uuid ? { errorId: uuid[0], errorIdField: 'errors[0].message' } : undefined;
}

/** Nested errors a server lists under a wrapper error's `extensions.errors` (Contentstack: "Failed to run query."). */
function nestedErrors(error: unknown): unknown[] | undefined {
  const nested = at(error, ['extensions', 'errors']);
  return Array.isArray(nested) && nested.length > 0 ? nested : undefined;
}

/**
 * The error's code: Apollo's `extensions.code`, GitHub's `type`, AppSync's `errorType`, a bare
 * `code` (not an HTTP status echo), `extensions.errorType` (Netflix DGS's `NOT_FOUND`,
 * `UNAUTHENTICATED`), graphql-java's `extensions.classification`, else the first
 * nested error's code.
 */
function errorCodeOf(error: unknown): string | number | undefined {
  const bare = code(get(error, 'code'));
  return (
    code(at(error, ['extensions', 'code'])) ??
    code(get(error, 'type')) ??
    code(at(error, ['extensions', 'type'])) ??
    code(get(error, 'errorType')) ??
    (typeof bare === 'number' && bare >= 100 && bare <= 599 ? undefined : bare) ??
    code(at(error, ['extensions', 'errorCode'])) ??
    namedCodeOf(get(error, 'extensions')) ??
    code(at(error, ['extensions', 'errorType'])) ??
    code(at(error, ['extensions', 'classification'])) ??
    code(get(firstRecord(nestedErrors(error)), 'code'))
  );
}

/** Keys of `extensions` that end in `code` but hold a status, not the error's code. */
const STATUS_CODE_KEY = /(?:status|http|response)code$/;

/** Any other `…Code` key of `extensions` (Braintree's `legacyCode`, a `reasonCode`, `error_code`). */
function namedCodeOf(extensions: unknown): string | number | undefined {
  if (!isRecord(extensions)) return undefined;
  let n = 0;
  for (const key in extensions) {
    if (!Object.prototype.hasOwnProperty.call(extensions, key)) continue;
    if (++n > 32) break;
    const norm = normalizeKey(key);
    if (norm === 'code' || !norm.endsWith('code') || STATUS_CODE_KEY.test(norm)) continue;
    const v = code(get(extensions, key));
    if (typeof v === 'string' ? isCodeLike(v) : v !== undefined && Number.isInteger(v) && (v < 100 || v > 599))
      return v;
  }
  return undefined;
}

/** `extensions` keys holding a field → messages dictionary (Lighthouse `validation`, `errors`, `validationErrors`). */
const FIELD_DICT_KEYS = ['validation', 'validationErrors', 'errors', 'fieldErrors'];

/** "field: message" from the first entry of a validation dictionary in the error's `extensions`. */
function validationDetail(error: unknown): string | undefined {
  const extensions = get(error, 'extensions');
  for (const key of FIELD_DICT_KEYS) {
    const dict = get(extensions, key);
    if (!isFieldDict(dict, true)) continue;
    const first = fieldErrorsFromDict(dict)[0];
    if (first) return `${first.field}: ${first.message}`;
  }
  return undefined;
}

/** Where servers put the HTTP status of a GraphQL error (Apollo `http.status`, Boom's `exception.output`, a REST data source's `response`). */
const STATUS_PATHS: ReadonlyArray<readonly string[]> = [
  ['extensions', 'http', 'status'],
  ['extensions', 'statusCode'],
  ['extensions', 'status'],
  ['extensions', 'exception', 'output', 'statusCode'],
  ['extensions', 'exception', 'statusCode'],
  ['extensions', 'exception', 'status'],
  ['extensions', 'response', 'status'],
];

/** The HTTP error status (400–599) a GraphQL error names for itself, or undefined. */
function embeddedStatusOf(error: unknown): number | undefined {
  for (const path of STATUS_PATHS) {
    const v = at(error, path);
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{3}$/.test(v.trim()) ? Number(v) : NaN;
    if (Number.isInteger(n) && n >= 400 && n <= 599) return n;
  }
  return undefined;
}

/** The error's message, with the specific messages of nested errors after a wrapper's. */
function messageOf(error: unknown): string | undefined {
  const own = str(error, 'message');
  // A wrapper ("Validation failed for the field [createUser].") with a validation dictionary beside it.
  const detail = own === undefined || isGenericMessage(own) ? validationDetail(error) : undefined;
  if (detail) return own ? `${own}${/[.:!?]$/.test(own) ? ' ' : ': '}${detail}` : detail;
  const nested = nestedErrors(error);
  const inner = nested ? joinTexts(nested.map((e) => str(e, 'message'))) : undefined;
  if (!inner || (own && own.includes(inner))) return own ?? inner;
  return own ? `${own}${/[.:!?]$/.test(own) ? ' ' : ': '}${inner}` : inner;
}

/** A GraphQL error path (`["user", 0, "name"]`) as `user.0.name`. */
function pathText(path: unknown): string | undefined {
  if (!Array.isArray(path)) return undefined;
  return idText(
    path
      .slice(0, 32)
      .filter((p) => typeof p === 'string' || typeof p === 'number')
      .join('.'),
  );
}

/**
 * Batched operations (Apollo / graphql-http batching): an array of results in request order. An
 * operation failed when it has errors, as for a single response.
 */
function batch(list: unknown[], fromStatus: boolean): Extracted | null {
  const head = list[0];
  if (!isRecord(head) || !(has(head, 'data') || has(head, 'errors'))) return null;
  const ops = new OperationList();
  let first: { result: unknown; code: string | number | undefined; message: string | undefined } | undefined;
  const read = Math.min(list.length, MAX_BATCH_ELEMENTS);
  for (let i = 0; i < read; i++) {
    const result = list[i];
    const errors = get(result, 'errors');
    const firstError = firstRecord(errors);
    if (!firstError) continue;
    const errCode = errorCodeOf(firstError);
    const message = joinTexts((errors as unknown[]).map(messageOf));
    const op: OperationFailure = {
      index: i,
      failure: true,
      errorCode: errCode === undefined ? null : String(errCode),
      message: message ?? null,
      retryable: typeof errCode === 'string' && RATE_LIMIT_CODES.has(errCode),
    };
    const path = pathText(get(firstError, 'path'));
    if (path !== undefined) op.path = path;
    ops.add(op);
    first ??= { result, code: errCode, message };
  }
  const summary = ops.summary(list.length, read, 'GraphQL');
  if (!first) return { protocol: 'graphql', ...summary };
  const throttled = typeof first.code === 'string' && RATE_LIMIT_CODES.has(first.code);
  return compact({
    protocol: 'graphql' as const,
    saysFailure: true,
    errorCode: first.code,
    message: first.message,
    retryable: throttled ? true : undefined,
    retryFromStatus: fromStatus || undefined,
    httpEquivalent: throttled ? 429 : undefined,
    ...summary,
  });
}

export const graphql: FormatRecognizer = {
  id: 'graphql',
  title: 'GraphQL {data, errors: [{message, path, extensions: {code}}]}',
  priority: 66,
  kinds: ['json'],
  keys: ['errors'],
  recognize({ body, exchange }) {
    const j = body.json;
    const fromStatus = statusJudges(exchange.status, body.mimeType);
    if (Array.isArray(j)) return j.length ? batch(j, fromStatus) : null;
    const errors = get(j, 'errors');
    const first = firstRecord(errors);
    if (!first || str(first, 'message') === undefined) return null;
    const graphqlish =
      has(j, 'data') ||
      has(first, 'locations') ||
      // A GraphQL path is a list (`["user", 0]`); a string path (`/query/limit`) is a REST field pointer.
      Array.isArray(get(first, 'path')) ||
      isRecord(get(first, 'extensions')) ||
      /graphql/i.test(exchange.url);
    if (!graphqlish) return null;
    // A GraphQL response map holds only `data`, `errors` and `extensions` (spec, Response Format): a top-level code
    // or message of its own beside `errors` is a REST envelope whose errors carry a field path (zod, Joi).
    if ((has(j, 'code') || has(j, 'message')) && !has(j, 'data') && !/graphql/i.test(exchange.url)) return null;

    const list = errors as unknown[];
    const errCode = errorCodeOf(first);

    // Shopify's throttle budget: wait until enough points are restored.
    const throttle = at(j, ['extensions', 'cost', 'throttleStatus']);
    const requested = num(at(j, ['extensions', 'cost']), 'requestedQueryCost');
    const available = num(throttle, 'currentlyAvailable');
    const restoreRate = num(throttle, 'restoreRate');
    const throttled = typeof errCode === 'string' && RATE_LIMIT_CODES.has(errCode);
    const wait =
      throttled && requested !== undefined && available !== undefined && restoreRate
        ? Math.max(0, (requested - available) / restoreRate)
        : undefined;

    const id = errorIdOf(first, get(j, 'extensions'));
    // An HTTP status the server put in the error (Boom's 403 under INTERNAL_SERVER_ERROR) is advised as that status.
    const embedded = throttled ? undefined : embeddedStatusOf(first);
    // Any error is a failure, partial data or not: some field the client asked for did not resolve.
    return compact({
      protocol: 'graphql' as const,
      saysFailure: true,
      errorCode: errCode,
      errorId: id?.errorId,
      errorIdField: id?.errorIdField,
      message: joinTexts(list.map(messageOf)),
      retryAfterSeconds: wait,
      retryAfterField: wait !== undefined ? 'extensions.cost.throttleStatus' : undefined,
      retryable: throttled ? true : undefined,
      retryFromStatus: fromStatus || undefined,
      httpEquivalent: embedded,
    });
  },
};
