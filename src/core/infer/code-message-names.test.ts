// Issue 13, class 3: codes and messages under names and nestings no recognizer lists, and a generic
// wrapper message beside the specific one. Table-driven over the spellings API docs, SDK fixtures and
// framework defaults use (case and separators, containers, lists, value shapes), with the values that
// must not be taken (status echoes, reason phrases, record IDs).
// Sources (shapes): OAuth 2.0 (RFC 6749 §5.2), JSON:API errors, RFC 9457 problem details, Google
// API errors, Microsoft Graph errors, Apigee faults, Foursquare meta, VK API, Feathers, NestJS, Boom,
// Laravel, ASP.NET Core, FastAPI, Spring Boot, MySQL driver errors, Alibaba Cloud, Bitfinex.
import { describe, expect, it } from 'vitest';
import { classify } from '../classify';
import { type Classification } from '../types';
import { rows, variantMismatches, type Variant } from '../testing/variants';

type Want = Partial<Pick<Classification, 'failure' | 'errorCode' | 'errorId'>> & {
  messageHas?: string | string[];
};

interface Row {
  name: string;
  status: number;
  body: unknown;
  want: Want;
}

function check(row: Row): void {
  const c = classify({
    method: 'POST',
    url: 'https://api.example.test/v2/orders',
    status: row.status,
    responseHeaders: { 'content-type': 'application/json' },
    body: JSON.stringify(row.body),
  });
  const { messageHas, ...rest } = row.want;
  expect(c).toMatchObject({ failure: true, ...rest });
  for (const part of messageHas === undefined ? [] : Array.isArray(messageHas) ? messageHas : [messageHas])
    expect((c.message ?? '').toLowerCase()).toContain(part.toLowerCase());
  expect(c.notes.join(' ')).not.toMatch(/internal error while classifying|recognizer \S+ failed/);
}

const CODES: Row[] = [
  {
    name: 'all lower-case errorcode / errormessage',
    status: 400,
    body: { errorcode: 'E1001', errormessage: 'Merchant ID is missing' },
    want: { errorCode: 'E1001', messageHas: 'Merchant ID is missing' },
  },
  {
    name: 'Pascal-case ErrorCode / ErrorMessage',
    status: 403,
    body: { ErrorCode: 'InvalidSignature', ErrorMessage: 'The request signature is invalid.' },
    want: { errorCode: 'InvalidSignature', messageHas: 'signature is invalid' },
  },
  {
    name: 'snake error_code / error_description',
    status: 401,
    body: { error_code: 'token_expired', error_description: 'The access token expired at 12:00' },
    want: { errorCode: 'token_expired', messageHas: 'access token expired' },
  },
  {
    name: 'numeric errorCode that is not a status',
    status: 401,
    body: { errorCode: 40101, errorMessage: 'Signature mismatch' },
    want: { errorCode: '40101', messageHas: 'Signature mismatch' },
  },
  {
    name: 'OAuth error / error_description',
    status: 400,
    body: { error: 'invalid_grant', error_description: 'Bad credentials' },
    want: { errorCode: 'invalid_grant', messageHas: 'Bad credentials' },
  },
  {
    name: 'top-level type that is a machine token',
    status: 400,
    body: { type: 'invalid_request_error', message: 'Unrecognized request URL (GET: /v1/charge).' },
    want: { errorCode: 'invalid_request_error', messageHas: 'Unrecognized request URL' },
  },
  {
    name: 'top-level reason in camelCase',
    status: 403,
    body: { reason: 'dailyLimitExceeded', message: 'Daily Limit Exceeded' },
    want: { errorCode: 'dailyLimitExceeded' },
  },
  {
    name: 'name ending in Error',
    status: 400,
    body: { name: 'SequelizeUniqueConstraintError', message: 'email must be unique' },
    want: { errorCode: 'SequelizeUniqueConstraintError', messageHas: 'email must be unique' },
  },
  {
    name: 'status as a string token beside the message',
    status: 400,
    body: { status: 'INVALID_ARGUMENT', message: 'Request contains an invalid argument.' },
    want: { errorCode: 'INVALID_ARGUMENT' },
  },
  {
    name: 'errors[0].code',
    status: 422,
    body: { errors: [{ code: 'invalid_email', message: 'Email is not valid' }] },
    want: { errorCode: 'invalid_email', messageHas: 'Email is not valid' },
  },
  {
    name: 'error.errors[0].reason (Google legacy)',
    status: 404,
    body: {
      error: {
        errors: [{ domain: 'global', reason: 'notFound', message: 'File not found: 1a2b.' }],
        code: 404,
        message: 'File not found: 1a2b.',
      },
    },
    want: { errorCode: 'notFound', messageHas: 'File not found' },
  },
  {
    name: 'error.details[] under an error with a top code',
    status: 400,
    body: {
      error: {
        code: 'ValidationError',
        message: 'Validation failed',
        details: [{ code: 'too_short', target: 'password', message: 'Password must be at least 12 characters' }],
      },
    },
    want: { errorCode: 'ValidationError', messageHas: 'Password must be at least 12 characters' },
  },
  {
    name: 'Apigee fault with detail.errorcode',
    status: 401,
    body: { fault: { faultstring: 'Invalid ApiKey', detail: { errorcode: 'oauth.v2.InvalidApiKey' } } },
    want: { errorCode: 'oauth.v2.InvalidApiKey', messageHas: 'Invalid ApiKey' },
  },
  {
    name: 'capitalised Fault container',
    status: 500,
    body: { Fault: { faultcode: 'Server.Busy', faultstring: 'Server is busy, retry later' } },
    want: { errorCode: 'Server.Busy', messageHas: 'Server is busy' },
  },
  {
    name: 'error.status string beside a numeric echo',
    status: 403,
    body: { error: { code: 403, message: 'The caller does not have permission', status: 'PERMISSION_DENIED' } },
    want: { errorCode: 'PERMISSION_DENIED', messageHas: 'does not have permission' },
  },
  {
    name: 'error_type / error_message',
    status: 400,
    body: { error_type: 'OAuthParameterException', error_message: 'Missing client_id parameter.' },
    want: { errorCode: 'OAuthParameterException', messageHas: 'Missing client_id' },
  },
  {
    name: 'meta.errorType / meta.errorDetail (Foursquare)',
    status: 400,
    body: { meta: { code: 400, errorType: 'param_error', errorDetail: 'Must provide a valid venue ID' }, response: {} },
    want: { errorCode: 'param_error', messageHas: 'valid venue ID' },
  },
  {
    name: 'MySQL driver error: the symbolic code over errno',
    status: 500,
    body: {
      code: 'ER_DUP_ENTRY',
      errno: 1062,
      sqlMessage: "Duplicate entry 'a@b.c' for key 'email'",
      sqlState: '23000',
    },
    want: { errorCode: 'ER_DUP_ENTRY', messageHas: 'Duplicate entry' },
  },
  {
    name: 'JSON:API code and detail',
    status: 422,
    body: {
      errors: [
        {
          status: '422',
          code: 'blank',
          title: "can't be blank",
          detail: "Name can't be blank",
          source: { pointer: '/data/attributes/name' },
        },
      ],
    },
    want: { errorCode: 'blank', messageHas: "Name can't be blank" },
  },
  {
    name: 'VK-style error object with error_code / error_msg',
    status: 200,
    body: {
      error: {
        error_code: 5,
        error_msg: 'User authorization failed: invalid access_token (4).',
        request_params: [{ key: 'method', value: 'users.get' }],
      },
    },
    want: { errorCode: '5', messageHas: 'User authorization failed' },
  },
  {
    name: 'err container with code / msg',
    status: 401,
    body: { err: { code: 'E_AUTH', msg: 'bad credentials for user admin' } },
    want: { errorCode: 'E_AUTH', messageHas: 'bad credentials' },
  },
  {
    name: 'errorInfo container',
    status: 409,
    body: { errorInfo: { code: 'DUPLICATE_ORDER', message: 'Order 42 already exists' } },
    want: { errorCode: 'DUPLICATE_ORDER', messageHas: 'Order 42 already exists' },
  },
  {
    name: 'Alibaba-style Code / Message / RequestId',
    status: 400,
    body: {
      RequestId: '5E571499-D4E7-4B8C-8A7E-3F8A2C1D9B20',
      HostId: 'ecs.aliyuncs.com',
      Code: 'InvalidParameter',
      Message: 'The specified parameter "InstanceType" is not valid.',
    },
    want: {
      errorCode: 'InvalidParameter',
      errorId: '5E571499-D4E7-4B8C-8A7E-3F8A2C1D9B20',
      messageHas: 'InstanceType',
    },
  },
  {
    name: 'messages[0].code / text',
    status: 402,
    body: { messages: [{ type: 'error', code: 'E100', text: 'Card declined by issuer' }] },
    want: { errorCode: 'E100', messageHas: 'Card declined' },
  },
  {
    name: 'FastAPI detail object with code / message',
    status: 401,
    body: { detail: { code: 'not_authenticated', message: 'Session expired, sign in again' } },
    want: { errorCode: 'not_authenticated', messageHas: 'Session expired' },
  },
  {
    name: 'Microsoft Graph: request-id inside innerError is the support ID',
    status: 400,
    body: {
      error: {
        code: 'BadRequest',
        message: 'Uploaded fragment overlaps with existing data.',
        innerError: {
          code: 'invalidRange',
          'request-id': '0b3c1f4e-5a6d-4e7f-8a9b-1c2d3e4f5a6b',
          date: '2026-01-01T00:00:00',
        },
      },
    },
    want: { errorId: '0b3c1f4e-5a6d-4e7f-8a9b-1c2d3e4f5a6b', messageHas: 'overlaps' },
  },
  {
    name: 'an array [\"error\", code, message]',
    status: 500,
    body: ['error', 10020, 'symbol: invalid'],
    want: { errorCode: '10020', messageHas: 'symbol: invalid' },
  },
  {
    name: 'type "error" marks an error object whose numeric id is its code',
    status: 403,
    body: { type: 'error', id: 6200, message: 'You do not belong to this organisation' },
    want: { errorCode: '6200', messageHas: 'do not belong' },
  },
  {
    name: 'ASP.NET Web API 2 exception: ExceptionType and ExceptionMessage beside a wrapper',
    status: 500,
    body: {
      Message: 'An error has occurred.',
      ExceptionMessage: 'Object reference not set to an instance of an object.',
      ExceptionType: 'System.NullReferenceException',
      StackTrace: '   at Api.Controllers.OrdersController.Get()',
    },
    want: { errorCode: 'System.NullReferenceException', messageHas: 'Object reference not set' },
  },
  {
    name: 'ASP.NET Web API 2 ModelState dictionary beside a wrapper',
    status: 400,
    body: { Message: 'The request is invalid.', ModelState: { 'model.Email': ['The Email field is required.'] } },
    want: { messageHas: 'The Email field is required' },
  },
  {
    name: 'Firebase Auth: a token message is the code',
    status: 400,
    body: {
      error: {
        code: 400,
        message: 'EMAIL_EXISTS',
        errors: [{ message: 'EMAIL_EXISTS', domain: 'global', reason: 'invalid' }],
      },
    },
    want: { errorCode: 'EMAIL_EXISTS' },
  },
  {
    name: 'GoTrue: error_code beside a numeric echo and msg',
    status: 422,
    body: { code: 422, error_code: 'email_exists', msg: 'Email address already registered' },
    want: { errorCode: 'email_exists', messageHas: 'already registered' },
  },
  {
    name: 'Appwrite: type token beside a code echo',
    status: 401,
    body: {
      message: 'The current user is not authorized to perform the requested action.',
      code: 401,
      type: 'user_unauthorized',
      version: '1.5.7',
    },
    want: { errorCode: 'user_unauthorized' },
  },
  {
    name: 'Strapi: "2 errors occurred" wrapper with details.errors',
    status: 400,
    body: {
      data: null,
      error: {
        status: 400,
        name: 'ValidationError',
        message: '2 errors occurred',
        details: { errors: [{ path: ['email'], message: 'email must be a valid email', name: 'ValidationError' }] },
      },
    },
    want: { errorCode: 'ValidationError', messageHas: 'email must be a valid email' },
  },
  {
    name: 'Hasura: error / path / code',
    status: 400,
    body: { error: 'Could not verify JWT: JWTExpired', path: '$', code: 'invalid-jwt' },
    want: { errorCode: 'invalid-jwt', messageHas: 'JWTExpired' },
  },
  {
    name: 'Parse Server: numeric code and error prose',
    status: 404,
    body: { code: 101, error: 'Object not found.' },
    want: { errorCode: '101', messageHas: 'Object not found' },
  },
  {
    name: 'WordPress REST: code with data.status',
    status: 404,
    body: {
      code: 'rest_no_route',
      message: 'No route was found matching the URL and request method.',
      data: { status: 404 },
    },
    want: { errorCode: 'rest_no_route' },
  },
  {
    name: 'Postmark: ErrorCode / Message',
    status: 422,
    body: { ErrorCode: 300, Message: "Invalid 'From' address: 'x'." },
    want: { errorCode: '300', messageHas: 'Invalid' },
  },
  {
    name: 'Klarna: error_messages list and correlation_id',
    status: 400,
    body: {
      error_code: 'BAD_VALUE',
      error_messages: ['Bad value: order_lines'],
      correlation_id: '6a9b1cbc-0f2e-4a2b-9d5c-3b8e1f7a2c4d',
    },
    want: { errorCode: 'BAD_VALUE', errorId: '6a9b1cbc-0f2e-4a2b-9d5c-3b8e1f7a2c4d', messageHas: 'order_lines' },
  },
  {
    name: 'Razorpay: error.code and error.description with NA placeholders',
    status: 401,
    body: {
      error: {
        code: 'BAD_REQUEST_ERROR',
        description: 'The api key provided is invalid',
        source: 'NA',
        step: 'NA',
        reason: 'NA',
        metadata: {},
      },
    },
    want: { errorCode: 'BAD_REQUEST_ERROR', messageHas: 'api key provided is invalid' },
  },
  {
    name: 'Coinbase: errors[0].id is the code',
    status: 404,
    body: { errors: [{ id: 'not_found', message: 'Not found' }] },
    want: { errorCode: 'not_found' },
  },
  {
    name: 'Binance: negative code and msg on a 4xx',
    status: 400,
    body: { code: -1121, msg: 'Invalid symbol.' },
    want: { errorCode: '-1121', messageHas: 'Invalid symbol' },
  },
  {
    name: 'Box: type error, code, request_id',
    status: 404,
    body: {
      type: 'error',
      status: 404,
      code: 'not_found',
      help_url: 'https://developer.box.com/guides/api-calls/permissions-and-errors/common-errors/',
      message: 'Could not find the specified resource',
      request_id: 'abcdef123456',
    },
    want: { errorCode: 'not_found', errorId: 'abcdef123456' },
  },
  {
    name: 'Twitter v1.1: errors[0].code numeric',
    status: 401,
    body: { errors: [{ code: 89, message: 'Invalid or expired token.' }] },
    want: { errorCode: '89', messageHas: 'Invalid or expired token' },
  },
  {
    name: 'ServiceStack ResponseStatus',
    status: 404,
    body: { ResponseStatus: { ErrorCode: 'NotFound', Message: 'Order 7 does not exist', Errors: [] } },
    want: { errorCode: 'NotFound', messageHas: 'Order 7 does not exist' },
  },
  {
    name: 'fault.code / fault.message',
    status: 503,
    body: { fault: { code: 'SERVICE_BUSY', message: 'The service is busy, try again shortly' } },
    want: { errorCode: 'SERVICE_BUSY', messageHas: 'service is busy' },
  },
  {
    name: 'a status holder with a code and a message on an error status',
    status: 401,
    body: { status: { code: 'AUTH_EXPIRED', message: 'Session expired' }, data: null },
    want: { errorCode: 'AUTH_EXPIRED', messageHas: 'Session expired' },
  },
  {
    name: 'errors[0].errorCode with errors[0].errorMessage',
    status: 400,
    body: { errors: [{ errorCode: 'INVALID_FIELD', errorMessage: 'Field amount must be positive', field: 'amount' }] },
    want: { errorCode: 'INVALID_FIELD', messageHas: 'amount must be positive' },
  },
  {
    name: 'cause nested under the error',
    status: 502,
    body: {
      error: { message: 'Request failed', cause: { code: 'ETIMEDOUT', message: 'connect ETIMEDOUT 10.0.0.1:443' } },
    },
    want: { errorCode: 'ETIMEDOUT', messageHas: 'connect ETIMEDOUT' },
  },
];

const NOT_CODES: Row[] = [
  {
    name: 'a code, a status and a title that all echo 500',
    status: 500,
    body: { code: 500, detail: 'Internal server error', status: 500, title: 'Internal server error' },
    want: { errorCode: null, messageHas: 'Internal server error' },
  },
  {
    name: 'Boom: statusCode + reason phrase in error',
    status: 400,
    body: { statusCode: 400, error: 'Bad Request', message: '"email" must be a valid email' },
    want: { errorCode: null, messageHas: 'must be a valid email' },
  },
  {
    name: 'Spring Boot default error',
    status: 404,
    body: {
      timestamp: '2026-01-01T00:00:00.000+00:00',
      status: 404,
      error: 'Not Found',
      message: 'No static resource api/x.',
      path: '/api/x',
    },
    want: { errorCode: null, messageHas: 'No static resource' },
  },
  {
    name: 'a string code equal to the status',
    status: 429,
    body: { error: { code: '429', message: 'Rate limit is exceeded. Try again in 5 seconds.' } },
    want: { errorCode: null, messageHas: 'Rate limit is exceeded' },
  },
  {
    name: 'Reddit: a numeric error echoing the status beside a reason phrase',
    status: 401,
    body: { message: 'Unauthorized', error: 401 },
    want: { errorCode: null },
  },
  {
    name: 'Twitter v2 problem with about:blank',
    status: 401,
    body: { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' },
    want: { errorCode: null },
  },
  {
    name: 'a record id in data is not the support ID',
    status: 409,
    body: { message: 'Email already taken', data: { id: '7f9c2b1e-3d4a-4b5c-8d6e-1f2a3b4c5d6e' } },
    want: { errorId: null, messageHas: 'Email already taken' },
  },
];

const WRAPPERS: Row[] = [
  {
    name: '"Bad Request" with the detail beside it',
    status: 400,
    body: { message: 'Bad Request', details: "Field 'name' is required" },
    want: { messageHas: "Field 'name' is required" },
  },
  {
    name: '"Validation Failed" with a GitHub-style errors list',
    status: 422,
    body: { message: 'Validation Failed', errors: [{ resource: 'Issue', field: 'title', code: 'missing_field' }] },
    want: { errorCode: 'missing_field', messageHas: 'Validation Failed' },
  },
  {
    name: 'Laravel "The given data was invalid." with a field dictionary',
    status: 422,
    body: { message: 'The given data was invalid.', errors: { email: ['The email has already been taken.'] } },
    want: { messageHas: 'The email has already been taken' },
  },
  {
    name: 'NestJS message list beside a reason phrase',
    status: 400,
    body: {
      message: ['email must be an email', 'password should not be empty'],
      error: 'Bad Request',
      statusCode: 400,
    },
    want: { errorCode: null, messageHas: ['email must be an email', 'password should not be empty'] },
  },
  {
    name: 'ASP.NET Core "One or more validation errors occurred."',
    status: 400,
    body: {
      type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
      title: 'One or more validation errors occurred.',
      status: 400,
      errors: { Email: ['The Email field is required.'] },
    },
    want: { messageHas: 'The Email field is required' },
  },
  {
    name: 'problem+json detail over a reason-phrase title',
    status: 400,
    body: { type: 'about:blank', title: 'Bad Request', status: 400, detail: 'Amount must be positive' },
    want: { messageHas: 'Amount must be positive' },
  },
  {
    name: '"Invalid input" with path/message items',
    status: 400,
    body: { message: 'Invalid input', errors: [{ path: 'email', message: 'must be a valid email' }] },
    want: { messageHas: 'must be a valid email' },
  },
  {
    name: 'error "Validation Failed" with error_description',
    status: 400,
    body: { error: 'Validation Failed', error_description: 'password is too short' },
    want: { messageHas: 'password is too short' },
  },
  {
    name: 'errorMessage "Bad Request" with details[] of field messages',
    status: 400,
    body: {
      errorCode: 'INVALID_PARAMETER',
      errorMessage: 'Bad Request',
      details: [{ field: 'amount', message: 'must be greater than 0' }],
    },
    want: { errorCode: 'INVALID_PARAMETER', messageHas: 'must be greater than 0' },
  },
  {
    name: '"Request failed" with a specific message one level down',
    status: 500,
    body: { message: 'Request failed', error: { message: 'upstream returned invalid JSON' } },
    want: { messageHas: 'upstream returned invalid JSON' },
  },
  {
    name: 'GraphQL on HTTP 400 with extensions.code',
    status: 400,
    body: { errors: [{ message: 'Variable "$email" got invalid value', extensions: { code: 'BAD_USER_INPUT' } }] },
    want: { errorCode: 'BAD_USER_INPUT', messageHas: 'got invalid value' },
  },
];

describe('class 3: codes under names and nestings the recognizers do not list', () => {
  it.each(CODES.map((r) => [r.name, r] as const))('%s', (_n, row) => check(row));
});

describe('class 3: values that are not codes or IDs', () => {
  it.each(NOT_CODES.map((r) => [r.name, r] as const))('%s', (_n, row) => check(row));
});

describe('class 3: a generic wrapper message and the specific one beside it', () => {
  it.each(WRAPPERS.map((r) => [r.name, r] as const))('%s', (_n, row) => check(row));
});

// Issue 13, session 19 (reach-x): the API's own error code and the support ID, by breadth. Each row is written from a
// documented format, an SDK fixture or a response pasted in public code (corpus/tools/reach-x-sources.md names them);
// "counter" rows must not be taken.
const CODE_ID_UUID = '5b1c7f6e-0d2a-4f43-9d1b-2e7b9b5f3c10';
/** Codes: the error's name over its category, and status echoes that are no code. */
const CODES_BY_BREADTH: Variant[] = [
  {
    name: 'Conjure spec example: errorName names the error, errorCode is its category',
    status: 404,
    body: {
      errorCode: 'NOT_FOUND',
      errorName: 'Recipe:RecipeNotFound',
      errorInstanceId: CODE_ID_UUID,
      parameters: { name: 'roasted broccoli with garlic' },
    },
    expect: { errorCode: 'Recipe:RecipeNotFound', errorId: CODE_ID_UUID },
  },
  {
    name: 'Foundry ObjectNotFound (errorCode NOT_FOUND)',
    status: 404,
    body: {
      errorCode: 'NOT_FOUND',
      errorName: 'ObjectNotFound',
      errorInstanceId: CODE_ID_UUID,
      parameters: { objectType: 'Employee' },
    },
    expect: { errorCode: 'ObjectNotFound', errorId: CODE_ID_UUID },
  },
  {
    name: 'Conjure parameters.message is the message',
    status: 400,
    body: {
      errorCode: 'INVALID_ARGUMENT',
      errorName: 'Compass:InvalidName',
      errorInstanceId: CODE_ID_UUID,
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
describe('codes by breadth', () => {
  it.each(rows(CODES_BY_BREADTH))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

// Issue 13, session 16 (reach-i): the classes behind the misses of a fresh batch of IoT clouds, FHIR
// servers, serverless platforms, accounting and AI APIs. Each table varies names, nestings, casing and
// value shapes, with counter-examples that must keep today's reading.
// Shapes from: Apache OpenWhisk (`{code: <transaction id>, error}`), Tuya (`tid`), MyQ
// (`ReturnCode`/`ErrorMessage`/`CorrelationId` in a 200), HL7 FHIR OperationOutcome (JSON and XML),
// Azure IoT Hub (`ErrorCode:…;…` and a JSON document inside `Message`), Sage SData (`$dataCode`),
// DeepInfra and Zhipu (retry verdicts worded in the message), ChainGateway (UUID error codes).
const OPERATION_OUTCOME_XML_NS = 'xmlns="http://hl7.org/fhir"';
/** Class 3 and 5: FHIR OperationOutcome, whose message is `issue[].diagnostics` or `details.text`. */
const FHIR_OUTCOMES: Variant[] = [
  {
    name: 'JSON: 401 issue[{severity, code, diagnostics}]',
    status: 401,
    type: 'application/fhir+json',
    body: {
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'forbidden', diagnostics: 'Invalid token' }],
    },
    expect: { errorCode: 'forbidden', message: 'Invalid token' },
  },
  {
    name: 'JSON: 404 with a generated narrative beside the issue',
    status: 404,
    type: 'application/fhir+json',
    body: {
      resourceType: 'OperationOutcome',
      text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml"><p>not found</p></div>' },
      issue: [{ severity: 'error', code: 'not-found', diagnostics: 'The Patient with id `150158` was not found.' }],
    },
    expect: { message: 'was not found' },
  },
  {
    name: 'JSON: 400 details.text is a token, diagnostics is the sentence (Google Healthcare)',
    status: 400,
    type: 'application/fhir+json',
    body: {
      issue: [
        {
          code: 'not-supported',
          details: { text: 'bad_resource_type' },
          diagnostics: 'unsupported resource type',
          severity: 'error',
        },
      ],
      resourceType: 'OperationOutcome',
    },
    expect: { message: 'unsupported resource type' },
  },
  {
    name: 'JSON: 422 a coding code and details.text (NHS Spine)',
    status: 422,
    type: 'application/fhir+json',
    body: {
      resourceType: 'OperationOutcome',
      issue: [
        {
          severity: 'error',
          code: 'invalid',
          details: {
            coding: [{ system: 'https://fhir.nhs.uk/CodeSystem/Spine-ErrorOrWarningCode', code: 'INVALID_RESOURCE' }],
            text: 'Invalid dosage instruction',
          },
        },
      ],
    },
    expect: { errorCode: 'INVALID_RESOURCE', message: 'Invalid dosage instruction' },
  },
  {
    name: 'XML: 422 coding code and text in value attributes',
    status: 422,
    type: 'application/fhir+xml',
    body: `<?xml version="1.0" encoding="UTF-8"?><OperationOutcome ${OPERATION_OUTCOME_XML_NS}><issue><severity value="error"/><code value="not-found"/><details><coding><system value="http://fhir.nhs.net/ValueSet/gpconnect-error-or-warning-code-1"/><code value="INVALID_NHS_NUMBER"/></coding><text value="Patient Record Not Found"/></details></issue></OperationOutcome>`,
    expect: { errorCode: 'INVALID_NHS_NUMBER', message: 'Patient Record Not Found' },
  },
  {
    name: 'XML: 400 diagnostics value attribute, no coding',
    status: 400,
    type: 'application/xml+fhir',
    body: `<OperationOutcome ${OPERATION_OUTCOME_XML_NS}><issue><severity value="error"/><code value="processing"/><diagnostics value="Unknown search parameter &quot;nam&quot; for resource type Patient"/></issue></OperationOutcome>`,
    expect: { errorCode: 'processing', message: 'Unknown search parameter "nam" for resource type Patient' },
  },
  {
    name: 'counter: 200 OperationOutcome with an informational issue stays a success',
    status: 200,
    type: 'application/fhir+json',
    body: {
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'information', code: 'informational', diagnostics: 'All OK' }],
    },
    expect: { failure: false },
  },
];
/** Class 3: a code labelled at the start of a message (`ErrorCode:Name;text`). */
const LABELLED_CODES: Variant[] = [
  {
    name: 'Azure IoT Hub: 401 {Message: "ErrorCode:IotHubUnauthorizedAccess;Unauthorized", ExceptionMessage}',
    status: 401,
    body: {
      Message: 'ErrorCode:IotHubUnauthorizedAccess;Unauthorized',
      ExceptionMessage: 'Tracking ID:8d08ff1144d6450680295a10d760244f-G:9-TimeStamp:10/15/2018 03:54:24',
    },
    expect: { errorCode: 'IotHubUnauthorizedAccess' },
  },
  {
    name: 'Azure IoT Hub: 404 DeviceNotFound',
    status: 404,
    body: { Message: 'ErrorCode:DeviceNotFound;Device myDevice not registered', ExceptionMessage: '' },
    expect: { errorCode: 'DeviceNotFound' },
  },
  {
    name: 'lower case with an equals sign: 429 {message: "error_code=QuotaLow, try again tomorrow"}',
    status: 429,
    body: { message: 'error_code=QuotaLow, try again tomorrow' },
    expect: { errorCode: 'QuotaLow' },
  },
  {
    name: 'counter: "Code: the token has expired" names no code',
    status: 401,
    body: { message: 'Code: the token has expired' },
    expect: { errorCode: null },
  },
  {
    name: 'counter: a numbered code keeps its own reading (`OBP-20002: …`)',
    status: 400,
    body: { message: 'OBP-20002: These DirectLogin parameters are missing' },
    expect: { errorCode: 'OBP-20002' },
  },
];
/** Class 3: SData diagnoses (`$severity`, `$dataCode`, `$message`), top-level or under `$diagnoses`. */
const SDATA: Variant[] = [
  {
    name: 'Sage Accounting: 422 [{$severity, $dataCode, $message, $source}]',
    status: 422,
    body: [{ $severity: 'error', $dataCode: 'RecordInvalid', $message: "Couldn't find Supplier.", $source: '' }],
    expect: { errorCode: 'RecordInvalid', message: "Couldn't find Supplier." },
  },
  {
    name: 'SData: 400 {$diagnoses: [{$severity, $sdataCode, $message}]}',
    status: 400,
    body: {
      $diagnoses: [{ $severity: 'error', $sdataCode: 'ApplicationDiagnosis', $message: 'Customer code is mandatory.' }],
    },
    expect: { errorCode: 'ApplicationDiagnosis', message: 'Customer code is mandatory.' },
  },
];
/** Second batch, class 3: "The request is malformed." is a wrapper; `internalCode` is a code key. */
const SECOND_BATCH: Variant[] = [
  {
    name: 'SmartThings: 422 error {code, message: "The request is malformed.", details[{code, target, message}]}',
    status: 422,
    body: {
      requestId: 'B8EFFE9C-E61E-4C28-9844-B2A9AC09DF9C',
      error: {
        code: 'ConstraintViolationError',
        message: 'The request is malformed.',
        details: [
          { code: 'NotValidValue', target: 'capability', message: 'healthCheck is not a valid value.', details: [] },
        ],
      },
    },
    expect: {
      errorCode: 'ConstraintViolationError',
      errorId: 'B8EFFE9C-E61E-4C28-9844-B2A9AC09DF9C',
      message: 'healthCheck is not a valid value.',
    },
  },
  {
    name: 'a top-level wrapper "Malformed request" beside errors[0].message',
    status: 400,
    body: { message: 'Malformed request', errors: [{ field: 'email', message: 'email must be an address' }] },
    expect: { message: 'email must be an address' },
  },
  {
    name: 'counter: a malformed-request message alone stays the message',
    status: 400,
    body: { error: { code: 'BadRequest', message: 'The request is malformed.' } },
    expect: { errorCode: 'BadRequest', message: 'The request is malformed.' },
  },
  {
    name: 'LivePerson: 500 {time, message, internalCode: 20}',
    status: 500,
    body: { time: 1512586122824, message: 'Loading account: 83302562, vid: ZkMTY4N2I4YTQ0ZjMwMTg0', internalCode: 20 },
    expect: { errorCode: '20', message: 'Loading account' },
  },
  {
    name: 'LivePerson: error {time, message, internalCode: 28}',
    status: 404,
    body: {
      error: { time: '2018-03-21T13:27:24.985-04:00', message: 'null for uri: /api/account/1/x', internalCode: 28 },
    },
    expect: { errorCode: '28' },
  },
  {
    name: 'snake case internal_code as a token',
    status: 503,
    body: { internal_code: 'ACCOUNT_LOADING', message: 'The account is still loading.' },
    expect: { errorCode: 'ACCOUNT_LOADING' },
  },
];
describe('FHIR OperationOutcome in JSON and XML', () => {
  it.each(rows(FHIR_OUTCOMES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
describe('codes labelled at the start of a message', () => {
  it.each(rows(LABELLED_CODES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
describe('SData diagnoses', () => {
  it.each(rows(SDATA))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
describe('malformed-request wrappers and internalCode', () => {
  it.each(rows(SECOND_BATCH))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

// Issue 13, session 21 (fresh21b): shapes the fresh protocol/platform set (corpus/cases/fresh-s21b.json, unseen real
// responses labelled before any run) showed in its dev part; corpus/tools/fresh-s21b-sources.md names the sources.
// "counter" rows hold what must not change.
const SCIM_ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';
const SCIM_CODES: Variant[] = [
  {
    name: 'SCIM 2.0 (RFC 7644 §3.12): scimType is the error code',
    status: 400,
    type: 'application/scim+json',
    body: { schemas: [SCIM_ERROR], scimType: 'invalidFilter', detail: 'Filter syntax is invalid', status: '400' },
    expect: { errorCode: 'invalidFilter', message: 'Filter syntax is invalid', retryable: false },
  },
  {
    name: 'counter: a SCIM error without scimType carries no code',
    status: 404,
    type: 'application/scim+json',
    body: { schemas: [SCIM_ERROR], detail: 'Resource 42 not found', status: '404' },
    expect: { errorCode: null, message: 'Resource 42 not found' },
  },
];
describe('codes: SCIM 2.0 scimType', () => {
  it.each(rows(SCIM_CODES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

// Issue 13, session 21 (fresh21c): shapes the fresh set corpus/cases/fresh-s21c.json (unseen vendor-doc and SDK-fixture
// responses, labelled before any run) showed in its dev part; corpus/tools/fresh-s21c-sources.md names the sources.
// Values differ from the corpus cases; "counter" rows pin the successes the rules must leave alone.
const TWO_HUNDRED_RANGE_CODES: Variant[] = [
  {
    name: 'a 2xx-range code no HTTP success uses, beside a message that says error, fails a 200 (Pushwoosh-like)',
    status: 200,
    body: { status_code: 210, status_message: 'Argument error: devices', response: null },
    expect: { failure: true, message: 'Argument error' },
  },
  {
    name: 'counter: a 201 echo beside a message is a success',
    status: 200,
    body: { status_code: 201, status_message: 'Created', response: { id: 7 } },
    expect: { failure: false },
  },
  {
    name: 'counter: a 2xx-range code beside a message without an error word is a success',
    status: 200,
    body: { status_code: 210, status_message: 'Queued for delivery', response: {} },
    expect: { failure: false },
  },
];
describe('2xx-range codes', () => {
  it.each(rows(TWO_HUNDRED_RANGE_CODES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

// Issue 13, session 21 round 2 (fresh21d): shapes the second fresh protocol/platform set (corpus/cases/fresh-s21d.json,
// unseen real responses labelled before any run) showed in its dev part; corpus/tools/fresh-s21d-sources.md names the
// sources. "counter" rows hold what must not change.
const BRACKETED_CODES: Variant[] = [
  {
    name: 'a plain-text "[code] message" line names its code (Go jrpc2 error text, JSON-RPC code in brackets)',
    status: 500,
    type: 'text/plain; charset=utf-8',
    body: '[-32700] invalid request value\n',
    expect: { errorCode: '-32700', message: 'invalid request value', retryable: false },
  },
  {
    name: 'a bracketed symbolic code leads a plain-text line',
    status: 400,
    type: 'text/plain',
    body: '[INVALID_ARGUMENT] the field "name" is required',
    expect: { errorCode: 'INVALID_ARGUMENT', message: 'the field "name" is required' },
  },
  {
    name: 'counter: a bracketed log prefix that is not a code is no code',
    status: 500,
    type: 'text/plain',
    body: '[error] upstream connection refused',
    expect: { errorCode: null },
  },
  {
    name: 'counter: a bracketed date is no code',
    status: 502,
    type: 'text/plain',
    body: '[2026-12-06] upstream connection refused',
    expect: { errorCode: null },
  },
];
describe('codes: a bracketed code leading a plain-text line', () => {
  it.each(rows(BRACKETED_CODES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

// Issue 13, session 22 (tune22f): principles behind the misses of the fresh set fresh-s22f's dev half
// (corpus/cases/fresh-s22f.json; sources in corpus/tools/fresh-s22f-sources.md). Each table covers a class of
// responses, not one response: several spellings and envelopes, with counters that must keep their verdict.
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
describe('codes of the exception and failure families', () => {
  it.each(rows(EXCEPTION_FAMILY_CODES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
