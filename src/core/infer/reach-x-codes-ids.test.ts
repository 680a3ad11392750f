// Issue 13, session 19 (reach-x): the API's own error code and the support ID, by breadth. Each row is written from a
// documented format, an SDK fixture or a response pasted in public code (corpus/tools/reach-x-sources.md names them);
// "counter" rows must not be taken.
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const UUID = '5b1c7f6e-0d2a-4f43-9d1b-2e7b9b5f3c10';

/** Support IDs under names no table listed before this session. */
const IDS: Variant[] = [
  {
    name: 'Twist error_uuid beside error_code and error_string',
    status: 401,
    body: {
      error_code: 200,
      error_uuid: 'af80bd0715434231a649f2258d7fb946',
      error_extra: {},
      error_string: 'Invalid token',
    },
    expect: { errorId: 'af80bd0715434231a649f2258d7fb946', errorCode: '200', message: 'Invalid token' },
  },
  {
    name: 'gematik IDP error_uuid beside error_code and detail_message',
    status: 400,
    body: {
      error_code: 'missing_parameters',
      error_uuid: UUID,
      timestamp: '2026-12-06T12:00:00Z',
      detail_message: "Required String parameter 'code_challenge' is not present",
    },
    expect: { errorId: UUID, errorCode: 'missing_parameters' },
  },
  {
    name: 'an errorUuid inside an error object',
    status: 500,
    body: { error: { code: 'internal_error', message: 'Something failed on our side', errorUuid: UUID } },
    expect: { errorId: UUID, errorCode: 'internal_error' },
  },
  {
    name: 'Conjure errorInstanceId without an errorCode (Foundry: errorName, message)',
    status: 400,
    body: { errorName: 'InvalidModel', errorInstanceId: UUID, message: 'bad model' },
    expect: { errorId: UUID, errorCode: 'InvalidModel', message: 'bad model' },
  },
  {
    name: 'x-litellm-call-id on a LiteLLM proxy error',
    status: 500,
    headers: { 'x-litellm-call-id': 'b980db26-9512-45cc-b1da-c511a363b83f' },
    body: {
      error: { message: 'litellm.APIConnectionError: Connection error.', type: 'None', param: 'None', code: '500' },
    },
    expect: { errorId: 'b980db26-9512-45cc-b1da-c511a363b83f', errorCode: null },
  },
  {
    name: 'X-ClickHouse-Query-Id on a ClickHouse exception',
    status: 404,
    type: 'text/plain; charset=UTF-8',
    headers: { 'x-clickhouse-exception-code': '60', 'x-clickhouse-query-id': '5abe861c-239c-467f-b955-8a201abb8b7f' },
    body: 'Code: 60. DB::Exception: Table default.events does not exist. (UNKNOWN_TABLE) (version 24.3.1.2672 (official build))\n',
    expect: { errorId: '5abe861c-239c-467f-b955-8a201abb8b7f' },
  },
  {
    name: 'counter: a vendor request-ID header outranks the query id',
    status: 500,
    type: 'text/plain',
    headers: { 'x-request-id': 'req-7f3a92b1c4d5', 'x-clickhouse-query-id': '5abe861c-239c-467f-b955-8a201abb8b7f' },
    body: 'Code: 241. DB::Exception: Memory limit exceeded. (MEMORY_LIMIT_EXCEEDED)',
    expect: { errorId: 'req-7f3a92b1c4d5' },
  },
  {
    name: "counter: iyzico's conversationId is the client's own reference",
    status: 200,
    body: {
      status: 'failure',
      errorCode: '5006',
      errorMessage: 'Transaction declined',
      errorGroup: 'CARD_ERROR',
      conversationId: 'order-7781-2026',
    },
    expect: { failure: true, errorId: null, errorCode: '5006' },
  },
];

/** Codes: the error's name over its category, and status echoes that are no code. */
const CODES: Variant[] = [
  {
    name: 'Conjure spec example: errorName names the error, errorCode is its category',
    status: 404,
    body: {
      errorCode: 'NOT_FOUND',
      errorName: 'Recipe:RecipeNotFound',
      errorInstanceId: UUID,
      parameters: { name: 'roasted broccoli with garlic' },
    },
    expect: { errorCode: 'Recipe:RecipeNotFound', errorId: UUID },
  },
  {
    name: 'Foundry ObjectNotFound (errorCode NOT_FOUND)',
    status: 404,
    body: {
      errorCode: 'NOT_FOUND',
      errorName: 'ObjectNotFound',
      errorInstanceId: UUID,
      parameters: { objectType: 'Employee' },
    },
    expect: { errorCode: 'ObjectNotFound', errorId: UUID },
  },
  {
    name: 'Conjure parameters.message is the message',
    status: 400,
    body: {
      errorCode: 'INVALID_ARGUMENT',
      errorName: 'Compass:InvalidName',
      errorInstanceId: UUID,
      parameters: { message: 'Folder names may not contain a slash' },
    },
    expect: { errorCode: 'Compass:InvalidName', message: 'Folder names may not contain a slash' },
  },
  {
    name: 'LiteLLM: code "400" on a 400 and type "None" are no code',
    status: 400,
    body: {
      error: {
        message: '/chat/completions: Invalid model name passed in model=claude-opus-5.',
        type: 'None',
        param: 'None',
        code: '400',
      },
    },
    expect: { errorCode: null, message: 'Invalid model name passed' },
  },
  {
    name: 'LiteLLM: the type names the error when the code only repeats the status',
    status: 401,
    body: {
      error: {
        message: 'Authentication Error, Only proxy admin can be used. Your role=internal_user',
        type: 'auth_error',
        param: 'None',
        code: '401',
      },
    },
    expect: { errorCode: 'auth_error' },
  },
  {
    name: 'LiteLLM: a numeric 429 echo on a budget refusal is no code',
    status: 429,
    body: {
      error: { message: "agent 'broke-agent' has exceeded its LLM budget", type: 'None', param: 'None', code: 429 },
    },
    expect: { errorCode: null },
  },
  {
    name: "counter: OpenAI's own code stays",
    status: 404,
    body: {
      error: {
        message: 'The model `gpt-9` does not exist',
        type: 'invalid_request_error',
        param: null,
        code: 'model_not_found',
      },
    },
    expect: { errorCode: 'model_not_found' },
  },
  {
    name: 'counter: an OpenAI-shaped numeric code that differs from the status stays',
    status: 400,
    body: {
      error: {
        message: 'Content blocked by the safety filter',
        type: 'invalid_request_error',
        param: null,
        code: 1301,
      },
    },
    expect: { errorCode: '1301' },
  },
  {
    name: 'TrueLayer problem type #unauthenticated on a 401 restates the status',
    status: 401,
    type: 'application/problem+json',
    body: {
      type: 'https://docs.truelayer.com/docs/error-types#unauthenticated',
      title: 'Unauthenticated',
      status: 401,
      detail: 'Invalid request signature.',
      trace_id: '53967d20065852ee6b4a7a8aed932311',
    },
    expect: { errorCode: null, errorId: '53967d20065852ee6b4a7a8aed932311', message: 'Invalid request signature.' },
  },
  {
    name: 'a problem type #permission-denied on a 403 restates the status',
    status: 403,
    type: 'application/problem+json',
    body: {
      type: 'https://api.example.test/errors#permission-denied',
      title: 'Permission denied',
      status: 403,
      detail: 'Scope payments:write is missing',
    },
    expect: { errorCode: null },
  },
  {
    name: "counter: RFC 9457's own example type names its problem",
    status: 403,
    type: 'application/problem+json',
    body: {
      type: 'https://example.com/probs/out-of-credit',
      title: 'You do not have enough credit.',
      status: 403,
      detail: 'Your current balance is 30, but that costs 50.',
      instance: '/account/12345/msgs/abc',
    },
    expect: { errorCode: 'https://example.com/probs/out-of-credit' },
  },
  {
    name: 'counter: an RPC name that is not the status names the error (#resource-exhausted on a 403)',
    status: 403,
    type: 'application/problem+json',
    body: {
      type: 'https://api.example.test/errors#resource-exhausted',
      title: 'Quota used up',
      status: 403,
      detail: 'Monthly quota used up',
    },
    expect: { errorCode: 'https://api.example.test/errors#resource-exhausted' },
  },
  {
    name: 'error_id holding a machine token is the code, not an ID (UNAUTHORIZED)',
    status: 401,
    body: { message: 'Votre email ou votre mot de passe est incorrect.', error_id: 'UNAUTHORIZED' },
    expect: { errorCode: 'UNAUTHORIZED', errorId: null },
  },
  {
    name: 'error_id holding a hyphenated token is the code (invalid-data)',
    status: 400,
    body: { message: 'Invalid data', error_id: 'invalid-data', details: {}, resource: 'emails' },
    expect: { errorCode: 'invalid-data', errorId: null },
  },
  {
    name: 'Interledger: error_id "Unauthorized" names the error, it is no support ID',
    status: 401,
    body: { error_id: 'Unauthorized', message: "Client certificate doesn't match known fingerprint" },
    expect: { errorId: null },
  },
  {
    name: 'Interledger: an error class under id is the code',
    status: 422,
    body: { id: 'InsufficientFundsError', message: 'Sender has insufficient funds.', owner: 'santiago' },
    expect: { errorCode: 'InsufficientFundsError', errorId: null },
  },
  {
    name: 'Slite: a hyphenated id naming an error is the code',
    status: 429,
    body: { message: "You've reached the api rate limit. Please wait and retry later.", id: 'rate-limit' },
    expect: { errorCode: 'rate-limit', errorId: null },
  },
  {
    name: 'counter: an error_id UUID stays the support ID',
    status: 500,
    body: { error_id: '7c9e6679-7425-40de-944b-e07fc1f90ae7', message: 'Internal error' },
    expect: { errorId: '7c9e6679-7425-40de-944b-e07fc1f90ae7', errorCode: null },
  },
  {
    name: "counter: Okta's errorId with digits stays the support ID",
    status: 401,
    body: {
      errorCode: 'E0000011',
      errorSummary: 'Invalid token provided',
      errorLink: 'E0000011',
      errorId: 'oaeuiUWCPr6TUSkOclgVGlWqw',
      errorCauses: [],
    },
    expect: { errorId: 'oaeuiUWCPr6TUSkOclgVGlWqw', errorCode: 'E0000011' },
  },
  {
    name: 'counter: a hyphenated id naming no error is no code',
    status: 404,
    body: { id: 'user-profile', message: 'The page you asked for was moved' },
    expect: { errorCode: null },
  },
];

/** Messages under names the code and ID rows above depend on. */
const MESSAGES: Variant[] = [
  {
    name: 'Yandex Direct: error_detail outranks the shorter error_string',
    status: 200,
    body: {
      error: {
        request_id: '8695244274068608439',
        error_detail: 'Invalid OAuth token',
        error_code: 53,
        error_string: 'Authorization error',
      },
    },
    expect: { failure: true, errorCode: '53', errorId: '8695244274068608439', message: 'Invalid OAuth token' },
  },
  {
    name: 'error_string alone is the message',
    status: 401,
    body: { error_code: 120, error_string: 'You are not logged in', error_extra: {} },
    expect: { message: 'You are not logged in', errorCode: '120' },
  },
];

describe('support IDs by breadth (reach-x)', () => {
  it.each(rows(IDS))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('codes by breadth (reach-x)', () => {
  it.each(rows(CODES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('messages beside codes and IDs (reach-x)', () => {
  it.each(rows(MESSAGES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
