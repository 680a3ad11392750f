// Issue 13, session 22 (tune22f): principles behind the misses of the fresh set fresh-s22f's dev half
// (corpus/cases/fresh-s22f.json; sources in corpus/tools/fresh-s22f-sources.md). Each table covers a class of
// responses, not one response: several spellings and envelopes, with counters that must keep their verdict.
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const DATE = { date: 'Tue, 01 Jan 2030 00:00:00 GMT' };

const WAIT_KEY_GRAMMAR: Variant[] = [
  {
    name: '`resets_in_seconds` beside a `resets_at` epoch: the duration is the wait',
    status: 429,
    headers: DATE,
    body: {
      error: { type: 'usage_limit_reached', message: 'Limit reached', resets_at: 1777936568, resets_in_seconds: 13872 },
    },
    expect: { failure: true, retryAfterSeconds: 13872 },
  },
  {
    name: '`wait_ms` is milliseconds',
    status: 429,
    body: { error: 'slow down', wait_ms: 2500 },
    expect: { failure: true, retryAfterSeconds: 2.5 },
  },
  {
    name: '`cooldown_minutes` is minutes',
    status: 429,
    body: { message: 'Too many attempts', cooldown_minutes: 5 },
    expect: { failure: true, retryAfterSeconds: 300 },
  },
  {
    name: '`retryAfterSecs` and `resetAfterSeconds` by the same grammar',
    status: 429,
    body: { message: 'Rate limited', rateLimit: { resetAfterSeconds: 42 } },
    expect: { failure: true, retryAfterSeconds: 42 },
  },
  {
    name: '`tryAgainInMs` in camel case',
    status: 503,
    body: { message: 'Busy', tryAgainInMs: 1500 },
    expect: { failure: true, retryAfterSeconds: 1.5 },
  },
  {
    name: '`resets_at` alone, an epoch 60 s after the Date header, counts from that clock',
    status: 429,
    headers: DATE,
    body: { error: { message: 'Limit reached', resets_at: Date.parse('2030-01-01T00:01:00Z') / 1000 } },
    expect: { failure: true, retryAfterSeconds: 60 },
  },
  {
    name: 'counter: a bare `wait` flag is no wait',
    status: 429,
    body: { message: 'Too many requests', wait: 1 },
    expect: { failure: true, retryAfterSeconds: null },
  },
];

describe('tune22f: waits in body fields named as a stem plus a unit', () => {
  it.each(rows(WAIT_KEY_GRAMMAR))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

const CREDENTIALS_WRONG_ON_5XX: Variant[] = [
  {
    name: 'a 500 whose code says the password is invalid (noun first): not retryable',
    status: 500,
    body: { Code: 'AccountPasswordInvalid', Message: 'Publisher account password failed', TypeName: 'FaultException' },
    expect: { failure: true, errorCode: 'AccountPasswordInvalid', retryable: false },
  },
  {
    name: 'a 500 whose code says the session is not valid',
    status: 500,
    body: { Code: 'SessionNotValid', Message: 'Error in the application.' },
    expect: { failure: true, errorCode: 'SessionNotValid', retryable: false },
  },
  {
    name: 'a 503 with `TOKEN_EXPIRED`',
    status: 503,
    body: { error: { code: 'TOKEN_EXPIRED', message: 'Something went wrong' } },
    expect: { failure: true, errorCode: 'TOKEN_EXPIRED', retryable: false },
  },
  {
    name: 'a 502 with `credentials_incorrect`',
    status: 502,
    body: { errorCode: 'credentials_incorrect', errorMessage: 'Upstream login failed' },
    expect: { failure: true, errorCode: 'credentials_incorrect', retryable: false },
  },
  {
    name: 'counter: a 503 `SessionStoreUnavailable` stays retryable',
    status: 503,
    body: { Code: 'SessionStoreUnavailable', Message: 'Error in the application.' },
    expect: { failure: true, retryable: true },
  },
  {
    name: 'counter: a 500 `TokenServiceTimeout` stays retryable',
    status: 500,
    body: { code: 'TokenServiceTimeout', message: 'Internal error' },
    expect: { failure: true, retryable: true },
  },
];

describe('tune22f: a 5xx whose code says the credentials or session are wrong, in either word order', () => {
  it.each(rows(CREDENTIALS_WRONG_ON_5XX))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

const SIZE_EXCEEDED_ON_5XX: Variant[] = [
  {
    name: 'a 500 "Context size has been exceeded.": the request is over a fixed size, not retryable',
    status: 500,
    body: { error: { code: 500, message: 'Context size has been exceeded.', type: 'server_error' } },
    expect: { failure: true, message: 'Context size has been exceeded.', retryable: false },
  },
  {
    name: 'a 502 "Payload length exceeded"',
    status: 502,
    body: { message: 'Payload length exceeded' },
    expect: { failure: true, retryable: false },
  },
  {
    name: 'a 500 "Maximum upload size exceeded"',
    status: 500,
    body: { error: 'Maximum upload size exceeded' },
    expect: { failure: true, retryable: false },
  },
  {
    name: 'a 503 "Request entity too large"',
    status: 503,
    body: { detail: 'Request entity too large' },
    expect: { failure: true, retryable: false },
  },
  {
    name: 'counter: a 500 "Rate limit exceeded" stays retryable',
    status: 500,
    body: { message: 'Rate limit exceeded' },
    expect: { failure: true, retryable: true },
  },
  {
    name: 'counter: a 503 "Queue size exceeded, try again in 5 seconds" is the server\'s queue: retryable',
    status: 503,
    body: { message: 'Queue size exceeded, try again in 5 seconds' },
    expect: { failure: true, retryable: true },
  },
  {
    name: 'counter: a 500 "Bandwidth limit exceeded" stays retryable',
    status: 500,
    body: { message: 'Bandwidth limit exceeded' },
    expect: { failure: true, retryable: true },
  },
];

describe('tune22f: a 5xx whose message says the request is over a size', () => {
  it.each(rows(SIZE_EXCEEDED_ON_5XX))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

const LOCALE_MAPS: Variant[] = [
  {
    name: 'MediaWiki REST `messageTranslations: {en}` is the message',
    status: 404,
    body: { messageTranslations: { en: 'The specified title does not exist' }, httpCode: 404, httpReason: 'Not Found' },
    expect: { failure: true, message: 'The specified title does not exist' },
  },
  {
    name: '`message: {de, en}`: the English text, wherever it sits',
    status: 400,
    body: { code: 'INVALID_DATE', message: { de: 'Ungültiges Datum', en: 'Invalid date' } },
    expect: { failure: true, errorCode: 'INVALID_DATE', message: 'Invalid date' },
  },
  {
    name: '`error.description_i18n` with regional tags (`en-US`)',
    status: 422,
    body: { error: { code: 'E42', description_i18n: { 'fr-FR': 'Montant invalide', 'en-US': 'Invalid amount' } } },
    expect: { failure: true, message: 'Invalid amount' },
  },
  {
    name: 'no English: the first language',
    status: 400,
    body: { error: { message: { fr: 'Paramètre manquant' } } },
    expect: { failure: true, message: 'Paramètre manquant' },
  },
  {
    name: 'counter: `{id: …}` under `message` is no locale map',
    status: 400,
    body: { error: 'bad_input', message: { id: 'abc123' } },
    expect: { failure: true, errorCode: 'bad_input', message: null },
  },
];

describe('tune22f: a locale map is one message in several languages', () => {
  it.each(rows(LOCALE_MAPS))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

const EXCEPTION_FAMILY_CODES: Variant[] = [
  {
    name: "`exceptionCode` in an exception wrapper's detail list is the code",
    status: 400,
    body: {
      exception: {
        exceptionDetailList: [{ exceptionCode: 21405, exceptionDescription: 'Validation error.' }],
        timestamp: '2026-03-27T13:58:40Z',
      },
    },
    expect: { failure: true, errorCode: '21405' },
  },
  {
    name: '`exception_code` as a token at the top',
    status: 409,
    body: { exception_code: 'ORDER_LOCKED_BY_OTHER_USER', message: 'The order is locked' },
    expect: { failure: true, errorCode: 'ORDER_LOCKED_BY_OTHER_USER' },
  },
  {
    name: '`failureCode` beside a failure reason',
    status: 422,
    body: { failureCode: 'card_declined', failureMessage: 'Your card was declined.' },
    expect: { failure: true, errorCode: 'card_declined' },
  },
  {
    name: '`innerExceptionCode` by the suffix',
    status: 500,
    body: { error: { innerExceptionCode: 'DB_CONN_LOST', message: 'Database unreachable' } },
    expect: { failure: true, errorCode: 'DB_CONN_LOST' },
  },
  {
    name: 'counter: a `postCode` in an error is no code',
    status: 400,
    body: { error: { message: 'Address incomplete', postCode: '10115' } },
    expect: { failure: true, errorCode: null },
  },
];

describe('tune22f: codes of the exception and failure families', () => {
  it.each(rows(EXCEPTION_FAMILY_CODES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

const TRACEPARENT_IDS: Variant[] = [
  {
    name: 'a traceparent under `serviceCode` in an exception wrapper is the support ID',
    status: 400,
    body: {
      exception: {
        exceptionDetailList: [{ exceptionCode: 21405, exceptionDescription: 'Validation error.' }],
        serviceCode: '00-954c2993b73b221d7d4c07167ec29cc7-4b030c5bfcf0cf94-01',
      },
    },
    expect: { failure: true, errorId: '00-954c2993b73b221d7d4c07167ec29cc7-4b030c5bfcf0cf94-01' },
  },
  {
    name: 'the same under `operation` at the top',
    status: 500,
    body: { message: 'Unexpected failure', operation: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' },
    expect: { failure: true, errorId: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' },
  },
  {
    name: 'the same inside `error` under `ctx`',
    status: 503,
    body: { error: { code: 'UPSTREAM', ctx: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00' } },
    expect: {
      failure: true,
      errorCode: 'UPSTREAM',
      errorId: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00',
    },
  },
  {
    name: 'counter: a 32-hex checksum under an unknown key is no support ID',
    status: 400,
    body: { message: 'Checksum mismatch', checksum: '4bf92f3577b34da6a3ce929d0e0e4736' },
    expect: { failure: true, errorId: null },
  },
];

describe('tune22f: a W3C traceparent anywhere in an error body is the support ID', () => {
  it.each(rows(TRACEPARENT_IDS))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

const VALUE_ONLY_BODIES: Variant[] = [
  {
    name: 'a body holding only the request path gives no message',
    status: 429,
    body: { path: '/authentication/login_with_xbox' },
    expect: { failure: true, message: null, retryable: true },
  },
  {
    name: 'a path and a timestamp give none either',
    status: 403,
    body: { timestamp: '2026-03-27T13:58:40.1518726Z', path: '/api/v2/private/orders/export' },
    expect: { failure: true, message: null },
  },
  {
    name: 'nor a lone UUID under an unknown key',
    status: 500,
    body: { trace: 'f06c565b-7a09-452b-a164-ead72d70395e' },
    expect: { failure: true, message: null },
  },
  {
    name: 'counter: a sentence beside the path is the message',
    status: 404,
    body: { path: '/api/v2/things/42', reason: 'The thing was deleted by its owner' },
    expect: { failure: true, message: 'The thing was deleted by its owner' },
  },
  {
    name: 'counter: a long message without spaces (CJK) stays a message',
    status: 400,
    body: { msg: '请求参数错误请检查签名是否正确以及时间戳是否在有效范围内' },
    expect: { failure: true, message: '请求参数错误请检查签名是否正确以及时间戳是否在有效范围内' },
  },
];

describe('tune22f: a body of paths, times and IDs alone gives no message', () => {
  it.each(rows(VALUE_ONLY_BODIES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

const SUCCESS_WITH_WARNINGS: Variant[] = [
  {
    name: 'a 201 `{message: "success", errors: ["…"]}` lists non-fatal errors: a success',
    status: 201,
    body: { message: 'success', errors: ['Minor problem with one recipient'] },
    expect: { failure: false },
  },
  {
    name: 'the same with the list first and `status: "ok"`',
    status: 200,
    body: { errors: ['field x is deprecated'], status: 'ok' },
    expect: { failure: false },
  },
  {
    name: 'the same with error objects',
    status: 200,
    body: { errors: [{ code: 'W1', message: 'Deprecated parameter' }], message: 'Success' },
    expect: { failure: false },
  },
  {
    name: 'counter: an errors list with no success word fails a 2xx',
    status: 200,
    body: { errors: ['Invalid recipient'] },
    expect: { failure: true, message: 'Invalid recipient' },
  },
  {
    name: 'counter: an errors list on a 400 fails whatever the message says',
    status: 400,
    body: { message: 'success', errors: ['Invalid recipient'] },
    expect: { failure: true },
  },
];

describe('tune22f: an explicit success word beside an errors list stays a success', () => {
  it.each(rows(SUCCESS_WITH_WARNINGS))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

const VIOLATIONS_ONLY_2XX: Variant[] = [
  {
    name: 'a 200 that is only `violations: [{constraint, value, description}]` fails; the description is the message',
    status: 200,
    body: { violations: [{ constraint: 'firstName', value: '', description: 'First Name should be specified' }] },
    expect: { failure: true, message: 'First Name should be specified', retryable: false },
  },
  {
    name: 'Bean Validation `constraintViolations` with `message`',
    status: 200,
    body: { constraintViolations: [{ path: 'order.qty', message: 'must be greater than 0' }] },
    expect: { failure: true, message: 'must be greater than 0' },
  },
  {
    name: '`invalid_params` with `reason`',
    status: 200,
    body: { invalid_params: [{ name: 'age', reason: 'must be a positive integer' }] },
    expect: { failure: true },
  },
  {
    name: 'counter: an empty violations list is a success',
    status: 200,
    body: { violations: [] },
    expect: { failure: false },
  },
  {
    name: 'counter: violations beside a payload are data (a linter report)',
    status: 200,
    body: { file: 'a.ts', violations: [{ rule: 'no-var', description: 'Unexpected var, use let or const' }] },
    expect: { failure: false },
  },
];

describe('tune22f: a 2xx that is only a list of violations fails', () => {
  it.each(rows(VIOLATIONS_ONLY_2XX))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
