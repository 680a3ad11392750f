// Issue 13, class 3: codes and messages under names and nestings no recognizer lists, and a generic
// wrapper message beside the specific one. Table-driven over the spellings API docs, SDK fixtures and
// framework defaults use (case and separators, containers, lists, value shapes), with the values that
// must not be taken (status echoes, reason phrases, record IDs).
// Sources (shapes): OAuth 2.0 (RFC 6749 §5.2), JSON:API errors, RFC 9457 problem details, Google
// API errors, Microsoft Graph errors, Apigee faults, Foursquare meta, VK API, Feathers, NestJS, Boom,
// Laravel, ASP.NET Core, FastAPI, Spring Boot, MySQL driver errors, Alibaba Cloud, Bitfinex.
import { describe, expect, it } from 'vitest';
import { classify } from '../classify';
import type { Classification } from '../types';

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
