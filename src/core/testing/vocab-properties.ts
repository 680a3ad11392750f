// Generative properties for issue 13's miss classes (session 24): responses built from the names that
// real OpenAPI specs use for errors (src/core/infer/openapi-vocab.json, one half of the providers) and
// from the issue's and the fixtures README's rules, each with what the README says must be reported.
// Pure: the property tests and corpus/tools/property-rates.ts draw from these arbitraries.
import fc from 'fast-check';
import vocabFile from '../infer/openapi-vocab.json';
import type { Variant } from './variants';

export type Half = 'A' | 'B';
interface HalfVocab {
  code: Record<string, number>;
  message: Record<string, number>;
  wrapper: Record<string, number>;
  id: Record<string, number>;
  wait: Record<string, number>;
  idHeader: Record<string, number>;
  okFlag: Record<string, number>;
  failureWord: Record<string, number>;
  codeValue: Record<string, number>;
}

/** Names the issue and the README state (issue 13 "What the misses look like"); used with half A only. */
const ISSUE = {
  code: ['errorcode', 'errorCode', 'error_code', 'code'],
  wrapper: ['error', 'errors', 'fault', 'details'],
  id: ['request_id', 'requestId', 'correlation_id', 'trace_id', 'debug_id'],
  idHeader: ['x-request-id', 'x-acme-request-id', 'x-acme-trace-id', 'x-correlation-id', 'x-cache-request-id'],
  wait: ['retryAfter', 'retry_after'],
  okFlag: ['ok', 'success', 'result'],
  failureWord: ['status=NOTOK', 'status=REQUEST_DENIED', 'status=error'],
};

/** The words of a name: `errorCode`, `error_code`, `Error-Code` → [error, code]. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_.-]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}
const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
/** A name in each case style APIs use. */
export const CASE_STYLES: Record<string, (ws: string[]) => string> = {
  camel: (ws) => ws[0] + ws.slice(1).map(cap).join(''),
  snake: (ws) => ws.join('_'),
  pascal: (ws) => ws.map(cap).join(''),
  kebab: (ws) => ws.join('-'),
  upperSnake: (ws) => ws.join('_').toUpperCase(),
};
const styled = (names: string[]) =>
  fc
    .tuple(fc.constantFrom(...names), fc.constantFrom(...Object.keys(CASE_STYLES)))
    .map(([n, style]) => CASE_STYLES[style](words(n)));

/** The vocabulary of one half: mined names, plus the issue's for the tuning half A. */
export function vocabulary(half: Half) {
  const v = (vocabFile as unknown as Record<Half, HalfVocab>)[half];
  const keys = (r: Record<string, number>) => Object.keys(r);
  const plus = (mined: string[], issue: string[]) => [...new Set(half === 'A' ? [...mined, ...issue] : mined)];
  // Roles where the name alone does not say the role are read by their words (the README's rules):
  // a client-chosen ID is never a support ID; an `error`/`hasError` flag fails when true.
  return {
    code: plus(keys(v.code), ISSUE.code),
    message: keys(v.message),
    wrapper: plus(keys(v.wrapper), ISSUE.wrapper),
    id: plus(keys(v.id), ISSUE.id).filter((n) => !words(n).includes('client')),
    idHeader: plus(keys(v.idHeader), ISSUE.idHeader).filter((n) => !/client/.test(n)),
    wait: plus(keys(v.wait), ISSUE.wait),
    okFlag: plus(keys(v.okFlag), ISSUE.okFlag),
    // Words that say failure on their own, under an envelope's own status key (not a record's `state`).
    failureWord: plus(keys(v.failureWord), ISSUE.failureWord).filter((kv) =>
      /^(?:status|result|outcome)=(?:fail(?:ed|ure)?|errors?|errored|notok|request_denied)$/i.test(kv),
    ),
    // A value that names nothing (`None`, `string`) is no code whoever sends it.
    // A value in an event ID's shape (a UUID) is read as a code or an ID by its position (README): left out.
    codeValue: keys(v.codeValue).filter(
      (c) => !/^(?:none|null|string|unknown|error|other|undefined)$/i.test(c) && !/[0-9a-f]{8}-[0-9a-f]{4}-/i.test(c),
    ),
  };
}
export type Vocabulary = ReturnType<typeof vocabulary>;

const SUBJECTS = ['The invoice 4821', 'Field email', 'The start date', 'Project alpha-7', 'The webhook URL'];
const PREDICATES = [
  'is already used by another account',
  'must be a valid address',
  'could not be found in this workspace',
  'has expired and can no longer be changed',
  'must be before the end date',
];
/** A specific human sentence, never a wrapper phrase. */
export const sentence = fc
  .tuple(fc.constantFrom(...SUBJECTS), fc.constantFrom(...PREDICATES))
  .map(([s, p]) => `${s} ${p}.`);
/** Generic wrappers the issue and the README name. */
export const GENERIC = ['Validation Failed', 'Bad Request', 'Invalid input provided', 'The request is invalid.'];

const ERROR_STATUS = fc.constantFrom(400, 401, 403, 404, 409, 422, 500, 502, 503);
const NOISE: Record<string, unknown> = {
  timestamp: '2026-12-07T08:00:00Z',
  path: '/v1/things/42',
  field: 'email',
  documentation_url: 'https://docs.example.test/errors',
};
const noise = fc.subarray(Object.keys(NOISE)).map((ks) => Object.fromEntries(ks.map((k) => [k, NOISE[k]])));
/** Keys that sit beside an error and restate the status (Spring, problem+json, Boom): never the code. */
const statusEcho = (status: number) =>
  fc
    .subarray(['status', 'statusCode', 'error', 'title', 'type', 'success'])
    .map((ks) =>
      Object.fromEntries(
        ks.map((k) => [
          k,
          k === 'status' || k === 'statusCode'
            ? status
            : k === 'type'
              ? 'about:blank'
              : k === 'success'
                ? false
                : (REASON[status] ?? 'Error'),
        ]),
      ),
    );
const REASON: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/** `inner` nested under up to three wrapper names, each an object or the first item of a list. */
function nest(v: Vocabulary, inner: fc.Arbitrary<Record<string, unknown>>, maxDepth = 3) {
  return fc
    .tuple(
      inner,
      fc.array(fc.tuple(styled(v.wrapper), fc.constantFrom('object', 'list', 'list2')), { maxLength: maxDepth }),
    )
    .map(([obj, path]) => {
      let body: unknown = obj;
      for (const [name, shape] of [...path].reverse())
        body = {
          [name]:
            shape === 'object' ? body : shape === 'list' ? [body] : [body, { note: 'a later item', kind: 'other' }],
        };
      return body;
    });
}

const ID_SHAPES = fc.constantFrom(
  '7f3c2a10-4b5e-4c1d-9a8b-2e6f0d1c3b4a',
  '01HGW2N7Q5X9M3K8R4T6V0Y2ZB',
  'b5e1a9c04f2d4e7a8c3b6d9e0f1a2b3c',
  'req_8Hk2LmQ9xT4vN7pR',
);

/** The properties: name → arbitrary of variants (each variant's `expect` is what must be reported). */
export function properties(v: Vocabulary): Record<string, fc.Arbitrary<Variant>> {
  // A half without a mined name for a role has no property for it (stated as n/a in the rates).
  const need = (...lists: string[][]) => lists.every((l) => l.length > 0);
  const codeValue = v.codeValue.length ? fc.constantFrom(...v.codeValue) : fc.constant('INVALID_PARAMETER');
  const errObj = fc
    .tuple(styled(v.code), codeValue, styled(v.message), sentence, noise)
    .filter(([c, , m]) => words(c).join() !== words(m).join())
    .map(([ck, code, mk, msg, extra]) => ({ obj: { ...extra, [ck]: code, [mk]: msg }, code, msg }));
  const waitField = !need(v.wait)
    ? null
    : fc
        .tuple(
          styled(v.wait),
          fc.integer({ min: 2, max: 900 }),
          fc.constantFrom('s', 'ms', 'string'),
          fc.boolean(),
          sentence,
        )
        .map(([key0, n, unit, inError, msg]) => {
          // Milliseconds are named so (`retry_after_ms`); a string may carry its unit ("30s").
          const key = unit === 'ms' ? CASE_STYLES.snake([...words(key0), 'ms']) : key0;
          const value = unit === 'ms' ? n * 1000 : unit === 'string' ? `${n}s` : n;
          return {
            name: 'wait field',
            status: 429,
            body: inError ? { error: { message: msg, [key]: value } } : { message: msg, [key]: value },
            expect: { retryAfterSeconds: n },
          };
        });
  return {
    ...(waitField ? { 'wait in a body field': waitField } : {}),
    'code and message under any names and nesting': fc.tuple(errObj, ERROR_STATUS).chain(([e, status]) =>
      fc.tuple(nest(v, fc.constant(e.obj)), statusEcho(status)).map(([body, echo]) => ({
        name: 'code+message',
        status,
        body: body === e.obj ? { ...echo, ...e.obj } : { ...echo, ...(body as object) },
        expect: { failure: true, errorCode: e.code, message: e.msg },
      })),
    ),
    'empty or null message keys beside the real one say nothing': fc
      .tuple(
        styled(v.code),
        codeValue,
        styled(v.message),
        sentence,
        styled(v.message),
        fc.constantFrom(null, '', []),
        ERROR_STATUS,
        fc.option(styled(v.wrapper)),
      )
      .filter(([c, , m, , m2]) => new Set([words(c).join(), words(m).join(), words(m2).join()]).size === 3)
      .map(([ck, code, mk, msg, emptyKey, empty, status, wrapper]) => {
        const obj = { [emptyKey]: empty, [ck]: code, [mk]: msg };
        return {
          name: 'empty beside',
          status,
          body: wrapper ? { [wrapper]: obj } : obj,
          expect: { failure: true, errorCode: code, message: msg },
        };
      }),
    'a numeric code sent as text': fc
      .tuple(styled(v.code), fc.integer({ min: 1001, max: 99999 }), styled(v.message), sentence, ERROR_STATUS)
      .filter(([c, , m]) => words(c).join() !== words(m).join())
      .chain(([ck, code, mk, msg, status]) =>
        nest(v, fc.constant({ [ck]: String(code), [mk]: msg }), 2).map((body) => ({
          name: 'numeric text code',
          status,
          body,
          expect: { failure: true, errorCode: String(code), message: msg },
        })),
      ),
    'a numeric code under any names and nesting': fc
      .tuple(styled(v.code), fc.integer({ min: 1001, max: 99999 }), styled(v.message), sentence, ERROR_STATUS)
      .filter(([c, , m]) => words(c).join() !== words(m).join())
      .chain(([ck, code, mk, msg, status]) =>
        nest(v, fc.constant({ [ck]: code, [mk]: msg }), 2).map((body) => ({
          name: 'numeric code',
          status,
          body,
          expect: { failure: true, errorCode: String(code), message: msg },
        })),
      ),
    'generic wrapper message beside a specific one': fc
      .tuple(
        fc.constantFrom(...GENERIC),
        // problem+json's `title` is the wrapper beside a specific `detail` as often as a message key is.
        fc.oneof(styled(v.message), fc.constant('title')),
        styled(v.wrapper),
        styled(v.message),
        sentence,
        fc.boolean(),
        fc.constantFrom(400, 422),
      )
      .map(([generic, outerKey, wrapperKey, innerKey, msg, asList, status]) => ({
        name: 'wrapper+specific',
        status,
        body: { [outerKey]: generic, [wrapperKey]: asList ? [{ [innerKey]: msg }] : { [innerKey]: msg } },
        expect: { failure: true, message: msg },
      })),
    'a machine code under an ambiguous name (type, reason, name, status)': fc
      .tuple(
        fc.constantFrom('type', 'reason', 'name', 'status'),
        // A machine token (words joined by case or separators), not a number.
        codeValue.filter((c) => /[_.-]|[a-z][A-Z]/.test(c) && !/\d{3}/.test(c)),
        styled(v.message),
        sentence,
        fc.option(styled(v.wrapper)),
        ERROR_STATUS,
      )
      .map(([ck, code, mk, msg, wrapper, status]) => {
        const obj = { [ck]: code, [mk]: msg };
        return {
          name: 'ambiguous code name',
          status,
          body: wrapper ? { [wrapper]: obj } : obj,
          expect: { failure: true, errorCode: code, message: msg },
        };
      }),
    'support ID in a header family under any vendor name': fc
      .tuple(
        fc.stringMatching(/^[a-z]{3,9}$/),
        fc.constantFrom(...new Set(v.idHeader.map((h) => h.replace(/^x-/, '').split('-').slice(-2).join('-')))),
        fc.boolean(),
        ID_SHAPES,
        ERROR_STATUS,
        sentence,
      )
      .map(([vendor, family, x, id, status, msg]) => ({
        name: 'id header family',
        status,
        headers: { [`${x ? 'x-' : ''}${vendor}-${family}`]: id },
        body: { message: msg },
        expect: { failure: true, errorId: id },
      })),
    'an HTML error page: the message is its text, the ID its reference': fc
      .tuple(
        sentence,
        ID_SHAPES,
        fc.constantFrom('Reference #', 'Request ID: ', 'Incident ID: ', 'Ray ID: '),
        ERROR_STATUS,
      )
      .map(([msg, id, label, status]) => ({
        name: 'html page',
        status,
        body: `<!DOCTYPE html><html><head><title>${status} ${REASON[status] ?? 'Error'}</title></head><body><h1>${REASON[status] ?? 'Error'}</h1><p>${msg}</p><p>${label}${id}</p></body></html>`,
        expect: { failure: true, message: msg, errorId: id },
      })),
    'a numeric result code in a 2xx: non-zero failed, 0 succeeded': fc
      .tuple(
        styled(v.code),
        fc.oneof(fc.integer({ min: 1001, max: 99999 }), fc.constant(0)),
        styled(v.message),
        sentence,
        fc.boolean(),
      )
      .filter(([c, , m]) => words(c).join() !== words(m).join())
      .map(([ck, code, mk, msg, withData]) => ({
        name: 'result code',
        status: 200,
        body:
          code === 0
            ? { [ck]: 0, [mk]: 'success', ...(withData ? { data: { id: 42, name: 'alpha' } } : {}) }
            : { [ck]: code, [mk]: msg, ...(withData ? { data: null } : {}) },
        expect: code === 0 ? { failure: false } : { failure: true, errorCode: String(code), message: msg },
      })),
    'a 2xx status envelope one level down': fc
      .tuple(
        fc.constantFrom('meta', 'header', 'response', 'responseInfo', 'resultInfo', 'base_resp'),
        fc.constantFrom(...v.failureWord),
        styled(v.message),
        sentence,
      )
      .map(([holder, kv, mk, msg]) => {
        const [k, w] = kv.split('=');
        return {
          name: 'status holder',
          status: 200,
          body: { [holder]: { [k]: w, [mk]: msg }, data: null },
          expect: { failure: true, message: msg },
        };
      }),
    'a bulk 2xx with errors: true reports the first failed item': fc
      .tuple(styled(v.code), codeValue, styled(v.message), sentence, fc.integer({ min: 0, max: 2 }))
      .filter(([c, , m]) => words(c).join() !== words(m).join())
      .map(([ck, code, mk, msg, okBefore]) => ({
        name: 'bulk errors',
        status: 200,
        body: {
          took: 12,
          errors: true,
          items: [
            ...Array.from({ length: okBefore }, (_, i) => ({ id: `doc-${i}`, status: 201 })),
            { id: 'doc-x', status: 400, error: { [ck]: code, [mk]: msg } },
          ],
        },
        expect: { failure: true, errorCode: code, message: msg },
      })),
    'JSON-RPC: the error, never the client id as support ID': fc
      .tuple(
        fc.oneof(fc.integer({ min: -32768, max: -32000 }), fc.integer({ min: 1, max: 9999 })),
        sentence,
        fc.oneof(fc.integer({ min: 1, max: 99 }), ID_SHAPES),
        fc.boolean(),
        fc.constantFrom(200, 400, 500),
      )
      .map(([code, msg, id, batch, status]) => {
        const one = { jsonrpc: '2.0', id, error: { code, message: msg, data: { detail: 'see docs' } } };
        return {
          name: 'json-rpc',
          status,
          body: batch ? [{ jsonrpc: '2.0', id: 0, result: { ok: 1 } }, one] : one,
          expect: { failure: true, errorCode: String(code), message: msg, errorId: null },
        };
      }),
    'Twirp and Connect errors: code, message, retryable by the code': fc
      .tuple(
        fc.constantFrom(
          ['not_found', 404, false],
          ['invalid_argument', 400, false],
          ['permission_denied', 403, false],
          ['unavailable', 503, true],
          ['resource_exhausted', 429, true],
          ['deadline_exceeded', 504, true],
        ),
        sentence,
        fc.boolean(),
      )
      .map(([[code, status, retryable], msg, twirp]) => ({
        name: twirp ? 'twirp' : 'connect',
        status: status,
        body: twirp ? { code, msg, meta: { argument: 'start' } } : { code, message: msg, details: [] },
        expect: { failure: true, errorCode: code, message: msg, retryable: retryable },
      })),
    'a wait in a vendor reset header or RetryInfo': fc
      .tuple(
        fc.stringMatching(/^[a-z]{3,9}$/),
        fc.integer({ min: 2, max: 900 }),
        fc.constantFrom('header', 'retryinfo'),
        sentence,
      )
      .map(([vendor, n, where, msg]) => ({
        name: 'reset header',
        status: 429,
        headers: where === 'header' ? { [`x-${vendor}-ratelimit-reset`]: String(n) } : {},
        body:
          where === 'header'
            ? { message: msg }
            : {
                error: {
                  code: 429,
                  status: 'RESOURCE_EXHAUSTED',
                  message: msg,
                  details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: `${n}s` }],
                },
              },
        expect: { retryAfterSeconds: n },
      })),
    'an XML error under any names': fc
      .tuple(
        styled(v.code).filter((n) => /^[A-Za-z_][\w.-]*$/.test(n)),
        codeValue,
        styled(v.message).filter((n) => /^[A-Za-z_][\w.-]*$/.test(n)),
        sentence,
        fc.option(styled(v.wrapper).filter((n) => /^[A-Za-z_][\w.-]*$/.test(n))),
        ERROR_STATUS,
      )
      .filter(([c, , m]) => words(c).join() !== words(m).join())
      .map(([ck, code, mk, msg, wrapper, status]) => {
        const inner = `<${ck}>${code}</${ck}><${mk}>${msg}</${mk}>`;
        return {
          name: 'xml',
          status,
          type: 'application/xml',
          body: `<?xml version="1.0" encoding="UTF-8"?><Error>${wrapper ? `<${wrapper}>${inner}</${wrapper}>` : inner}</Error>`,
          expect: { failure: true, errorCode: code, message: msg },
        };
      }),
    'a framework or proxy page: its text is the message': fc
      .tuple(sentence, fc.constantFrom('html', 'pre', 'text'), ERROR_STATUS)
      .map(([msg, shape, status]) => ({
        name: 'page',
        status,
        type: shape === 'text' ? 'text/plain; charset=utf-8' : 'text/html; charset=utf-8',
        body:
          shape === 'html'
            ? `<html><head><title>Error</title></head><body><center><h1>${status} ${REASON[status] ?? 'Error'}</h1></center><hr><p>${msg}</p><center>nginx</center></body></html>`
            : shape === 'pre'
              ? `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Error</title></head><body><pre>${msg}</pre></body></html>`
              : `Error: ${msg}`,
        expect: { failure: true, message: msg },
      })),
    'support ID in a header of the families': fc
      .tuple(fc.constantFrom(...v.idHeader), ID_SHAPES, ERROR_STATUS, sentence, fc.boolean())
      .map(([header, id, status, msg, withClientId]) => ({
        name: 'id header',
        status,
        // The client's own request ID echoed beside it is never the support ID.
        headers: { [header]: id, ...(withClientId ? { 'x-client-request-id': 'client-5f1e2d3c-0001' } : {}) },
        body: { message: msg },
        expect: { failure: true, errorId: id },
      })),
    'support ID in a body field': fc
      .tuple(
        styled(v.id),
        ID_SHAPES,
        fc.oneof(fc.constantFrom('top', 'meta'), styled(v.wrapper)),
        ERROR_STATUS,
        sentence,
      )
      .map(([key, id, where, status, msg]) => ({
        name: 'id field',
        status,
        body:
          where === 'top'
            ? { message: msg, [key]: id }
            : where === 'meta'
              ? { message: msg, meta: { [key]: id } }
              : { [where]: { code: 'INVALID_STATE', message: msg, [key]: id } },
        expect: { failure: true, errorId: id },
      })),
    'wait in a message': fc
      .tuple(
        fc.integer({ min: 2, max: 900 }),
        fc.constantFrom(
          (n: number) => `Rate limit reached, retry in ${n} seconds.`,
          (n: number) => `The service will be available in ${n} seconds.`,
          (n: number) => `Quota exceeded for now. Please retry in ${n}.4s.`,
          (n: number) => `Too many requests, try again in ${n} seconds.`,
          (n: number) => `Too many requests. Please try again in ${Math.max(1, Math.round(n / 60))} minutes.`,
          (n: number) => `Request was throttled. Expected available in ${n} seconds.`,
          (n: number) => `You have exceeded the limit; retry in ${n} sec.`,
        ),
        fc.constantFrom(429, 503),
      )
      .map(([n, phrase, status]) => {
        const text = phrase(n);
        const m = /in (\d+)(\.4)?/.exec(text)!;
        const secs = text.includes('minutes') ? Number(m[1]) * 60 : Number(m[1]) + (m[2] ? 0.4 : 0);
        // The prose sits where messages sit: top level or in an error object.
        return {
          name: 'wait prose',
          status,
          body: n % 2 ? { message: text } : { error: { code: 'RATE_LIMITED', message: text } },
          expect: { retryAfterSeconds: secs },
        };
      }),
    '2xx envelope that says failure': fc
      .oneof(
        fc.tuple(styled(v.okFlag), fc.constantFrom(false, 'false', 'False')).map(([flag, value]) => {
          const failsWhenTrue = /error|fail/i.test(flag);
          return { [flag]: failsWhenTrue ? (value === false ? true : value === 'false' ? 'true' : 'True') : value };
        }),
        fc.constantFrom(...v.failureWord).map((kv) => {
          const [k, w] = kv.split('=');
          return { [k]: w };
        }),
      )
      .chain((flag) =>
        fc
          .tuple(
            styled(v.message),
            sentence,
            fc.option(fc.tuple(styled(v.code), fc.constantFrom('E1042', 'INVALID_DATE'))),
          )
          .map(([mk, msg, code]) => ({
            name: '2xx failure',
            status: 200,
            body: { ...flag, ...(code ? { [code[0]]: code[1] } : {}), [mk]: msg },
            expect: { failure: true, message: msg, ...(code ? { errorCode: code[1] } : {}) },
          })),
      ),
    '2xx envelope that stays a success': fc
      .tuple(
        fc.constantFrom(
          { error: null },
          { errors: [] },
          { errors: false },
          { status: 'ZERO_RESULTS', results: [] },
          { success: true },
          { ok: true },
        ),
        fc.constantFrom({ data: { id: 42, name: 'alpha' } }, { items: [] }, {}),
      )
      .map(([flag, payload]) => ({
        name: '2xx success',
        status: 200,
        body: { ...flag, ...payload },
        expect: { failure: false },
      })),
    'a try-later code on a 400 is retryable': fc
      .tuple(
        fc.constantFrom(
          ...v.codeValue.filter((c) => /later|busy|timeout|timed ?out|temporar|unavailable/.test(words(c).join(' '))),
          'TOO_MANY_ATTEMPTS_TRY_LATER',
          'ServerBusy',
          'REQUEST_TIMEOUT',
          'TEMPORARILY_UNAVAILABLE',
        ),
        fc.constantFrom(...Object.keys(CASE_STYLES)),
        styled(v.code),
        styled(v.wrapper),
        sentence,
      )
      .map(([code, style, ck, wk, msg]) => ({
        name: 'try later',
        status: 400,
        body: { [wk]: { [ck]: CASE_STYLES[style](words(code)), message: msg } },
        expect: { failure: true, retryable: true },
      })),
    'a quota, billing or storage-full code on 403/409/429 is not retryable': fc
      .tuple(
        fc.constantFrom(
          ...v.codeValue.filter((c) => {
            const w = words(c).join(' ');
            return (
              /quota|billing|payment|funds|storage|credit|balance/.test(w) &&
              /exceed|insufficient|full|exhaust|required|limit/.test(w) &&
              !/rate|throttl|second|concurren/.test(w)
            );
          }),
          'QUOTA_EXCEEDED',
          'BILLING_NOT_ENABLED',
          'STORAGE_FULL',
          'INSUFFICIENT_FUNDS',
        ),
        fc.constantFrom(...Object.keys(CASE_STYLES)),
        fc.constantFrom(403, 409, 429),
        styled(v.code),
        styled(v.wrapper),
        sentence,
      )
      .map(([code, style, status, ck, wk, msg]) => ({
        name: 'quota',
        status,
        body: { [wk]: { [ck]: CASE_STYLES[style](words(code)), message: msg } },
        expect: { failure: true, retryable: false },
      })),
  };
}
