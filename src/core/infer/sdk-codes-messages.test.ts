// Session 17 (reach-o), issue 13 class 3: where SDKs and API clients read the code and the message of
// an error body, and which wrappers they skip for the errors beside them. Each row is a shape a vendor
// documents or an SDK parses (sources: corpus/tools/reach-o-sources.md); counter-examples are the
// values those parsers refuse (a success status's echo, a sent message's ID, a plain word, a class name
// beside its number).
import { describe, expect, it } from 'vitest';
import { classify } from '../classify';
import { isGenericMessage } from './dictionaries';

interface Row {
  name: string;
  status: number;
  body: unknown;
  /** `null`: no code may be reported. */
  code?: string | null;
  /** Text the message must contain (case-insensitive). */
  messageHas?: string;
  /** Text the message must not contain. */
  messageLacks?: string;
  failure?: boolean;
}

function run(row: Row): void {
  const c = classify({
    method: 'POST',
    url: 'https://api.example.test/v1/items',
    status: row.status,
    responseHeaders: { 'content-type': 'application/json' },
    body: JSON.stringify(row.body),
  });
  expect(c.failure).toBe(row.failure ?? true);
  if (row.code === null) expect(c.errorCode ?? null).toBeNull();
  else if (row.code !== undefined) expect(c.errorCode).toBe(row.code);
  const message = (c.message ?? '').toLowerCase();
  if (row.messageHas !== undefined) expect(message).toContain(row.messageHas.toLowerCase());
  if (row.messageLacks !== undefined) expect(message).not.toContain(row.messageLacks.toLowerCase());
  expect(c.notes.join(' ')).not.toMatch(/internal error while classifying|recognizer \S+ failed/);
}

describe('wrapper messages give way to (and keep) the specific error beside them', () => {
  const rows: Row[] = [
    {
      name: 'Calendly: "The supplied parameters are invalid." + details[].message',
      status: 400,
      body: {
        title: 'Invalid Argument',
        message: 'The supplied parameters are invalid.',
        details: [{ parameter: 'user', message: 'must be a valid URI' }],
      },
      messageHas: 'must be a valid URI',
    },
    {
      name: 'the provided fields were invalid + errors[].message',
      status: 422,
      body: { message: 'The provided fields were invalid', errors: [{ field: 'email', message: 'is already taken' }] },
      messageHas: 'is already taken',
    },
    {
      name: 'EasyPost: "Missing required parameter." + error.errors[]',
      status: 422,
      body: {
        error: {
          code: 'PARAMETER.REQUIRED',
          message: 'Missing required parameter.',
          errors: [{ field: 'shipment.to_address', message: 'cannot be blank' }],
        },
      },
      code: 'PARAMETER.REQUIRED',
      messageHas: 'cannot be blank',
    },
    {
      name: 'PingOne: two wrapper sentences + details[]',
      status: 400,
      body: {
        id: '8d9c8e5f-5b0a-4d8c-9b6e-1f2e3d4c5b6a',
        code: 'INVALID_DATA',
        message: 'The request could not be completed. One or more validation errors were in the request.',
        details: [{ code: 'INVALID_VALUE', target: 'email', message: 'must be a well-formed email address' }],
      },
      code: 'INVALID_DATA',
      messageHas: 'must be a well-formed email address',
    },
    {
      name: "Mailchimp: a detail that points to the 'errors' array",
      status: 400,
      body: {
        type: 'https://mailchimp.com/developer/marketing/docs/errors/',
        title: 'Invalid Resource',
        status: 400,
        detail: "The resource submitted could not be validated. For field-specific details, see the 'errors' array.",
        instance: '2b7d3b4f-7f5a-4c6e-9d1e-8d8b2a0b9c11',
        errors: [{ field: 'email_address', message: 'This value should not be blank.' }],
      },
      messageHas: 'This value should not be blank.',
    },
    {
      name: 'Azure Resource Manager: "See inner errors for details." + details[]',
      status: 400,
      body: {
        error: {
          code: 'InvalidTemplateDeployment',
          message:
            "The template deployment 'x' is not valid according to the validation procedure. See inner errors for details.",
          details: [
            { code: 'QuotaExceeded', message: 'Operation results in exceeding approved Total Regional Cores quota.' },
          ],
        },
      },
      code: 'InvalidTemplateDeployment',
      messageHas: 'exceeding approved Total Regional Cores quota',
    },
    {
      name: 'Vonage: "The value of one or more parameters is invalid." + invalid_parameters[].reason',
      status: 422,
      body: {
        type: 'https://developer.nexmo.com/api-errors#invalid-params',
        title: 'Invalid parameters',
        detail: 'The value of one or more parameters is invalid.',
        instance: '797a8f199c45014ab7b08bfe9cc1c12c',
        invalid_parameters: [{ name: 'to', reason: 'Must be a valid phone number' }],
      },
      messageHas: 'Must be a valid phone number',
    },
    {
      name: 'Twitter v2: "One or more parameters to your request was invalid." + errors[].message',
      status: 400,
      body: {
        errors: [{ parameters: { ids: ['abc'] }, message: 'The `ids` query parameter value [abc] is not valid' }],
        title: 'Invalid Request',
        detail: 'One or more parameters to your request was invalid.',
        type: 'https://api.twitter.com/2/problems/invalid-request',
      },
      messageHas: 'is not valid',
    },
    {
      name: 'BigCommerce: "JSON data is missing or invalid" + errors{field: msg}',
      status: 422,
      body: {
        status: 422,
        title: 'JSON data is missing or invalid',
        type: 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes',
        errors: { name: "The field 'name' cannot be blank." },
      },
      messageHas: 'cannot be blank',
      // The type links the docs page of every status code: no one error's code.
      code: null,
    },
    {
      name: 'counter: a problem type naming one error stays its code',
      status: 422,
      body: {
        status: 422,
        title: 'Invalid currency',
        type: 'https://api.example.test/problems/invalid-currency',
        detail: 'EUR is not supported for this account',
      },
      code: 'https://api.example.test/problems/invalid-currency',
    },
    {
      name: 'a pointer sentence with nothing beside it stays the message',
      status: 400,
      body: { message: 'Validation failed. See errors for details.' },
      messageHas: 'See errors for details',
    },
    {
      name: 'a specific message that mentions "see" is no wrapper',
      status: 404,
      body: {
        message: 'Project 42 was archived; see the project settings to restore it.',
        errors: [{ message: 'archived' }],
      },
      messageHas: 'was archived; see the project settings',
    },
  ];
  for (const row of rows) it(row.name, () => run(row));

  const wrappers = [
    'The supplied parameters are invalid.',
    'Missing required parameter.',
    'JSON data is missing or invalid',
    'The value of one or more parameters is invalid.',
    'Invalid parameter(s): status',
    'The request could not be completed. One or more validation errors were in the request.',
    "The resource submitted could not be validated. For field-specific details, see the 'errors' array.",
    'One or more parameters to your request was invalid.',
    'The request body is malformed',
  ];
  const specific = [
    'Name is invalid',
    'The email parameter is invalid',
    'The parameters are missing the currency',
    'See you later',
    'Please see the documentation at https://example.test for details on the id field',
    'The data is invalid because the email is taken',
    'Not found. Try again.',
    'Bad Request. Email is required.',
    'Missing required parameter: amount',
  ];
  for (const m of wrappers) it(`wrapper: ${m}`, () => expect(isGenericMessage(m)).toBe(true));
  for (const m of specific) it(`specific: ${m}`, () => expect(isGenericMessage(m)).toBe(false));
});

describe('codes under the keys and nestings SDKs read', () => {
  const rows: Row[] = [
    {
      name: 'Twitter v1.1: errors[0].code 215 on a 400 is a code, not a success echo',
      status: 400,
      body: { errors: [{ code: 215, message: 'Bad Authentication data.' }] },
      code: '215',
    },
    {
      name: 'Zoom: code 200 "No permission." on a 400',
      status: 400,
      body: { code: 200, message: 'No permission.' },
      code: '200',
    },
    {
      name: 'counter: a 2xx status number under statusCode on a 400 is no code',
      status: 400,
      body: { statusCode: 201, message: 'Quantity must be positive' },
      code: null,
    },
    {
      name: 'counter: code 200 in a 2xx body is its success echo',
      status: 200,
      body: { code: 200, message: 'OK', data: { id: 1 } },
      failure: false,
    },
    {
      name: 'counter: the status itself under code is its echo',
      status: 422,
      body: { code: 422, message: 'Quantity must be positive' },
      code: null,
    },
    {
      name: 'Checkout.com: the first of error_codes outranks error_type',
      status: 422,
      body: { request_id: '0HL80RJLS76I7', error_type: 'request_invalid', error_codes: ['payment_source_required'] },
      code: 'payment_source_required',
    },
    {
      name: 'counter: an empty error_codes leaves error_type',
      status: 422,
      body: { request_id: '0HL80RJLS76I7', error_type: 'request_invalid', error_codes: [] },
      code: 'request_invalid',
    },
    {
      name: 'Azure DevOps: typeKey names the exception',
      status: 404,
      body: {
        $id: '1',
        innerException: null,
        message: 'TF401019: The Git repository with name or identifier foo does not exist.',
        typeName:
          'Microsoft.TeamFoundation.Git.Server.GitRepositoryNotFoundException, Microsoft.TeamFoundation.Git.Server',
        typeKey: 'GitRepositoryNotFoundException',
        errorCode: 0,
        eventId: 3000,
      },
      code: 'GitRepositoryNotFoundException',
    },
    {
      name: 'counter: a plain-word typeKey is no code',
      status: 404,
      body: { message: 'The item does not exist.', typeKey: 'Item' },
      code: null,
    },
    {
      name: 'Infobip: requestError.serviceException.messageId',
      status: 401,
      body: { requestError: { serviceException: { messageId: 'UNAUTHORIZED', text: 'Invalid login details' } } },
      code: 'UNAUTHORIZED',
      messageHas: 'Invalid login details',
    },
    {
      name: 'Infobip: requestError.policyException.messageId',
      status: 403,
      body: { requestError: { policyException: { messageId: 'INSUFFICIENT_FUNDS', text: 'Insufficient funds' } } },
      code: 'INSUFFICIENT_FUNDS',
    },
    {
      name: "counter: a sent message's messageId at the top is no code",
      status: 400,
      body: { messageId: 'SMABCDEF1234567890', message: 'The destination number is not reachable' },
      code: null,
    },
    {
      name: 'counter: a numeric messageId inside an error is no code',
      status: 400,
      body: { errors: [{ messageId: 12345, message: 'The destination number is not reachable' }] },
      code: null,
    },
    {
      name: 'counter: a lower-case messageId inside an error is no code',
      status: 400,
      body: { error: { messageId: 'a1b2c3d4e5f6a7b8', message: 'The destination number is not reachable' } },
      code: null,
    },
    {
      name: 'Worldpay: the top-level errorName outranks the item errorNames below it',
      status: 400,
      body: {
        errorName: 'bodyDoesNotMatchSchema',
        message: 'The json body provided does not match the expected schema',
        validationErrors: [{ errorName: 'fieldIsMissing', message: 'Field is missing', jsonPath: '$.value.amount' }],
      },
      code: 'bodyDoesNotMatchSchema',
    },
    {
      name: 'counter: errorName holding a plain word is no code',
      status: 400,
      body: { errorName: 'Error', message: 'The amount must be positive' },
      code: null,
    },
    {
      name: "Mistral: the envelope's type outranks a validator's item type below it",
      status: 422,
      body: {
        object: 'error',
        message: { detail: [{ type: 'missing', loc: ['body', 'model'], msg: 'Field required', input: null }] },
        type: 'invalid_request_error',
        param: null,
        code: null,
      },
      code: 'invalid_request_error',
      messageHas: 'Field required',
    },
    {
      name: 'vLLM (OpenAI-compatible): type BadRequestError beside a status echo',
      status: 400,
      body: {
        object: 'error',
        message: 'max_tokens must be at least 1',
        type: 'BadRequestError',
        param: null,
        code: 400,
      },
      code: 'BadRequestError',
    },
    {
      name: 'counter: Xero ErrorNumber stays beside an exception class name',
      status: 400,
      body: {
        ErrorNumber: 10,
        Type: 'ValidationException',
        Message: 'A validation exception occurred',
        Elements: [{ ValidationErrors: [{ Message: 'Email address must be valid.' }] }],
      },
      code: '10',
      messageHas: 'Email address must be valid',
    },
    {
      name: 'counter: Facebook type OAuthException beside code 190',
      status: 400,
      body: { error: { message: 'Session has expired', type: 'OAuthException', code: 190, fbtrace_id: 'H2il2t5bn4e' } },
      code: '190',
    },
  ];
  for (const row of rows) it(row.name, () => run(row));
});

describe('the message written for the developer', () => {
  const rows: Row[] = [
    {
      name: "Snap Marketing API: debug_message over the end user's display_message",
      status: 400,
      body: {
        request_status: 'ERROR',
        request_id: '5d3f9a1c00ff0a1b2c3d4e5f',
        debug_message: 'Invalid ad account id',
        display_message: "We're sorry, but the data provided in the request is incomplete or incorrect",
        error_code: 'E1008',
      },
      code: 'E1008',
      messageHas: 'Invalid ad account id',
    },
    {
      name: 'Plaid: error_message when display_message is null',
      status: 400,
      body: {
        display_message: null,
        error_code: 'INVALID_FIELD',
        error_message: 'client_id must be a properly formatted, non-empty string',
        error_type: 'INVALID_REQUEST',
        request_id: 'm8MDnv9okwxFNBV',
      },
      code: 'INVALID_FIELD',
      messageHas: 'client_id must be a properly formatted',
    },
    {
      name: 'Clerk: long_message beside a fragment message',
      status: 422,
      body: {
        errors: [
          {
            message: 'is invalid',
            long_message: 'email_address must be a valid email address.',
            code: 'form_param_format_invalid',
            meta: { param_name: 'email_address' },
          },
        ],
        clerk_trace_id: '0f9e2b1c4a7d4b3e9f1a2c3d4e5f6a7b',
      },
      code: 'form_param_format_invalid',
      messageHas: 'email_address must be a valid email address.',
    },
    {
      name: 'counter: a full message keeps its place beside a long_message that says something else',
      status: 422,
      body: {
        errors: [
          {
            message: 'Password is incorrect.',
            long_message: 'Try again, or use another method to sign in.',
            code: 'form_password_incorrect',
          },
        ],
      },
      messageHas: 'Password is incorrect.',
    },
    {
      name: 'QuickBooks: Detail that extends Message',
      status: 400,
      body: {
        Fault: {
          Error: [
            {
              Message: 'Object Not Found',
              Detail: "Object Not Found : Something you're trying to use has been made inactive.",
              code: '610',
              element: '',
            },
          ],
          type: 'ValidationFault',
        },
        time: '2024-01-01T00:00:00.000-07:00',
      },
      code: '610',
      messageHas: 'has been made inactive',
    },
    {
      name: 'counter: a Detail that does not extend the Message leaves it',
      status: 400,
      body: {
        Fault: { Error: [{ Message: 'Object Not Found', Detail: 'Check the customer reference.', code: '610' }] },
      },
      messageHas: 'Object Not Found',
    },
    {
      name: 'Calendly: the parameter named beside a fragment',
      status: 400,
      body: {
        title: 'Invalid Argument',
        message: 'The supplied parameters are invalid.',
        details: [{ parameter: 'user', message: 'must be a valid URI' }],
      },
      messageHas: 'user: must be a valid URI',
    },
    {
      name: 'counter: a whole sentence is not prefixed with its field',
      status: 422,
      body: { message: 'Validation failed', errors: [{ field: 'email', message: 'Email is already taken' }] },
      messageHas: 'Email is already taken',
      messageLacks: 'email: Email',
    },
    {
      name: 'PocketBase: a wrapper and field error objects in data',
      status: 400,
      body: {
        code: 400,
        message: 'Failed to create record.',
        data: { email: { code: 'validation_invalid_email', message: 'Must be a valid email address.' } },
      },
      code: null,
      messageHas: 'email: Must be a valid email address.',
    },
    {
      name: 'WordPress REST: rest_invalid_param with data.params',
      status: 400,
      body: {
        code: 'rest_invalid_param',
        message: 'Invalid parameter(s): status',
        data: { status: 400, params: { status: 'status is not one of publish, future, draft.' } },
      },
      code: 'rest_invalid_param',
      messageHas: 'status is not one of publish',
    },
    {
      name: 'counter: data.params beside a specific message is not read',
      status: 404,
      body: { code: 'rest_post_invalid_id', message: 'Invalid post ID.', data: { status: 404, params: { id: 'abc' } } },
      messageHas: 'Invalid post ID.',
      messageLacks: 'id: abc',
    },
    {
      name: 'Magento: positional placeholders filled from parameters',
      status: 400,
      body: {
        message: 'The "%1" value\'s type is invalid. The "%2" type was expected. Verify and try again.',
        parameters: ['abc', 'int'],
      },
      messageHas: 'The "abc" value\'s type is invalid. The "int" type was expected.',
    },
    {
      name: 'Magento: named placeholders filled from parameters',
      status: 404,
      body: {
        message: 'No such entity with %fieldName = %fieldValue',
        parameters: { fieldName: 'cartId', fieldValue: '7' },
      },
      messageHas: 'No such entity with cartId = 7',
    },
    {
      name: 'counter: a percent sign without parameters stays',
      status: 507,
      body: { message: 'Disk usage at 95% of quota (%1 free)' },
      messageHas: 'Disk usage at 95% of quota (%1 free)',
    },
    {
      name: 'counter: a placeholder without its value stays',
      status: 400,
      body: { message: 'Field %3 is invalid', parameters: ['a'] },
      messageHas: 'Field %3 is invalid',
    },
  ];
  for (const row of rows) it(row.name, () => run(row));
});

describe('what error parsers treat as no code, and framework errors pasted into issues', () => {
  const rows: Row[] = [
    {
      name: 'counter: Feathers `code` is the HTTP status beside its class name (not a Discord code)',
      status: 401,
      body: {
        name: 'NotAuthenticated',
        message: 'Invalid login',
        code: 401,
        className: 'not-authenticated',
        errors: {},
      },
      code: null,
      messageHas: 'Invalid login',
    },
    {
      name: 'counter: code "error" says only that it failed',
      status: 400,
      body: { code: 'error', message: 'Amount must be positive' },
      code: null,
      messageHas: 'Amount must be positive',
    },
    {
      name: 'counter: errorCode 0 beside errorMessage is no code',
      status: 500,
      body: { errorCode: 0, errorMessage: 'Unexpected failure in upstream' },
      code: null,
      messageHas: 'Unexpected failure in upstream',
    },
    {
      name: 'a status-word code gives way to a real one beside it',
      status: 400,
      body: { code: 'error', message: 'Amount must be positive', error_code: 'AMOUNT_INVALID' },
      code: 'AMOUNT_INVALID',
    },
    {
      name: 'celebrate (Express): validation.body.message beside "Validation failed"',
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Validation failed',
        validation: { body: { source: 'body', keys: ['email'], message: '"email" is required' } },
      },
      code: null,
      messageHas: '"email" is required',
    },
    {
      name: 'counter: a payload body elsewhere stays unread',
      status: 400,
      body: { message: 'Validation failed', request: { body: { message: 'hello from the client' } } },
      messageLacks: 'hello from the client',
    },
    {
      name: "Mongoose: the thrown error's name outranks the per-field error names",
      status: 400,
      body: {
        errors: {
          email: { name: 'ValidatorError', message: 'Path `email` is required.', kind: 'required', path: 'email' },
        },
        _message: 'User validation failed',
        name: 'ValidationError',
        message: 'User validation failed: email: Path `email` is required.',
      },
      code: 'ValidationError',
      messageHas: 'Path `email` is required.',
    },
    {
      name: 'LoopBack 4: a message that points to `details` keeps the first detail',
      status: 422,
      body: {
        error: {
          statusCode: 422,
          name: 'UnprocessableEntityError',
          message: 'The request body is invalid. See error object `details` property for more info.',
          code: 'VALIDATION_FAILED',
          details: [{ path: '', code: 'required', message: "must have required property 'name'" }],
        },
      },
      code: 'VALIDATION_FAILED',
      messageHas: "must have required property 'name'",
    },
  ];
  for (const row of rows) it(row.name, () => run(row));
});
