// Session 19 (reach-w), issue 13: which text is the message (and whether a 2xx failed), in shapes official SDKs
// and clients parse (sources: corpus/tools/reach-w-sources.md). Each rule has counter rows: what those parsers
// leave alone (a warning beside a success, an all-success envelope, a success code 0, a message that says
// enough on its own).
import { describe, expect, it } from 'vitest';
import { partialRowMismatches, type PartialRow } from '../testing/partial-rows';

const table = (rows: PartialRow[]): void => {
  for (const row of rows) it(row.name, () => expect(partialRowMismatches(row)).toEqual([]));
};

const xml = 'application/xml';

describe('OData v3 `odata.error` and localized messages', () => {
  table([
    {
      name: 'SharePoint REST: code "-2147024809, System.ArgumentException" + message {lang, value}',
      status: 400,
      body: {
        'odata.error': {
          code: '-2147024809, System.ArgumentException',
          message: { lang: 'en-US', value: 'Value does not fall within the expected range.' },
        },
      },
      code: '-2147024809, System.ArgumentException',
      messageHas: 'Value does not fall within the expected range.',
    },
    {
      name: 'Azure Table storage: odata.error with RequestId lines in the value',
      status: 404,
      body: {
        'odata.error': {
          code: 'ResourceNotFound',
          message: {
            lang: 'en-US',
            value:
              'The specified resource does not exist.\nRequestId:0c0f2f4a-6002-0046-0b12-3b9c8d000000\nTime:2024-01-01T00:00:00.0000000Z',
          },
        },
      },
      code: 'ResourceNotFound',
      messageHas: 'The specified resource does not exist.',
    },
    {
      name: 'Azure AD Graph: odata.error message with only `value`',
      status: 400,
      body: {
        'odata.error': { code: 'Request_BadRequest', message: { value: 'Invalid value specified for property.' } },
      },
      code: 'Request_BadRequest',
      messageHas: 'Invalid value specified for property.',
    },
    {
      name: 'OData v2 under `error` with a SharePoint-style code and a {lang, value} message',
      status: 404,
      body: {
        error: {
          code: '-2130575338, Microsoft.SharePoint.SPException',
          message: { lang: 'en-US', value: 'The file /docs/a.docx does not exist.' },
        },
      },
      messageHas: 'does not exist',
    },
    {
      name: 'counter: a plain `{error: {code, message}}` stays what it was (no OData members)',
      status: 400,
      body: { error: { code: 'invalid_input', message: 'Name is required.' } },
      code: 'invalid_input',
      messageHas: 'Name is required.',
    },
  ]);
});

describe('the specific error below or beside a wrapper', () => {
  table([
    {
      name: 'Azure Resource Manager: a detail that itself says "refer to the details" gives way to the one below',
      status: 400,
      body: {
        error: {
          code: 'InvalidTemplateDeployment',
          message:
            "The template deployment 'x' is not valid according to the validation procedure. See inner errors for details.",
          details: [
            {
              code: 'PreflightValidationCheckFailed',
              message: 'Preflight validation failed. Please refer to the details for the specific errors.',
              details: [
                {
                  code: 'AccountNameInvalid',
                  target: 'bad_name',
                  message: 'bad_name is not a valid storage account name.',
                },
              ],
            },
          ],
        },
      },
      messageHas: 'is not a valid storage account name',
    },
    {
      name: 'Google Ads: GoogleAdsFailure errors[0].message completes "Request contains an invalid argument."',
      status: 400,
      body: {
        error: {
          code: 400,
          message: 'Request contains an invalid argument.',
          status: 'INVALID_ARGUMENT',
          details: [
            {
              '@type': 'type.googleapis.com/google.ads.googleads.v20.errors.GoogleAdsFailure',
              errors: [{ errorCode: { requestError: 'UNSUPPORTED_VERSION' }, message: 'Version v20 is deprecated.' }],
              requestId: 'abc123',
            },
          ],
        },
      },
      messageHas: 'Version v20 is deprecated.',
    },
    {
      name: 'Google Ads: a failure detail without message leaves the status message alone',
      status: 429,
      body: {
        error: {
          code: 429,
          message: 'Resource has been exhausted (e.g. check quota).',
          status: 'RESOURCE_EXHAUSTED',
          details: [
            {
              '@type': 'type.googleapis.com/google.ads.googleads.v14.errors.GoogleAdsFailure',
              errors: [{ errorCode: { quotaError: 'RESOURCE_EXHAUSTED' } }],
            },
          ],
        },
      },
      messageHas: 'Resource has been exhausted',
    },
    {
      name: 'Authorize.Net: "The transaction was unsuccessful." takes transactionResponse.errors[0].errorText',
      body: {
        transactionResponse: {
          responseCode: '2',
          errors: [{ errorCode: '2', errorText: 'This transaction has been declined.' }],
        },
        refId: '123456',
        messages: { resultCode: 'Error', message: [{ code: 'E00027', text: 'The transaction was unsuccessful.' }] },
      },
      messageHas: 'This transaction has been declined.',
    },
    {
      name: 'counter: Authorize.Net authentication error has no transaction errors; its own text stays',
      body: {
        messages: {
          resultCode: 'Error',
          message: [{ code: 'E00007', text: 'User authentication failed due to invalid authentication values.' }],
        },
      },
      code: 'E00007',
      messageHas: 'User authentication failed',
    },
    {
      name: 'counter: a specific status-holder message keeps its place beside a sibling error list',
      body: {
        order: { errors: [{ message: 'Line 2 has no price' }] },
        messages: { resultCode: 'Error', message: [{ code: 'E00040', text: 'The record cannot be found.' }] },
      },
      messageHas: 'The record cannot be found.',
      messageLacks: 'Line 2',
    },
    {
      name: 'tRPC: a flattened zodError beside zod’s JSON message shows the sentences',
      status: 400,
      body: {
        error: {
          json: {
            message: JSON.stringify(
              [
                {
                  code: 'too_small',
                  minimum: 1,
                  type: 'string',
                  message: 'String must contain at least 1 character(s)',
                  path: ['name'],
                },
              ],
              null,
              2,
            ),
            code: -32600,
            data: {
              code: 'BAD_REQUEST',
              httpStatus: 400,
              path: 'post.create',
              zodError: { formErrors: [], fieldErrors: { name: ['String must contain at least 1 character(s)'] } },
            },
          },
        },
      },
      messageHas: 'name: String must contain at least 1 character(s)',
      messageLacks: '"code"',
    },
    {
      name: 'counter: tRPC with zodError and a plain message keeps the message',
      status: 400,
      body: {
        error: {
          json: {
            message: 'Title is taken',
            code: -32600,
            data: {
              code: 'BAD_REQUEST',
              httpStatus: 400,
              path: 'post.create',
              zodError: { formErrors: [], fieldErrors: {} },
            },
          },
        },
      },
      messageHas: 'Title is taken',
    },
    {
      name: 'Frappe: _server_messages (a JSON list of JSON messages) is decoded',
      status: 417,
      body: {
        exc_type: 'ValidationError',
        _server_messages: JSON.stringify([
          JSON.stringify({ message: 'Row #1: Item Code is mandatory', title: 'Message', indicator: 'red' }),
        ]),
      },
      messageHas: 'Row #1: Item Code is mandatory',
      messageLacks: 'indicator',
    },
    {
      name: 'Frappe: PermissionError with only _server_messages',
      status: 403,
      body: {
        exc_type: 'PermissionError',
        _server_messages: JSON.stringify([JSON.stringify({ message: 'Not permitted' })]),
      },
      messageHas: 'Not permitted',
      messageLacks: '_server_messages',
    },
  ]);
});

describe('one item of a list: the error, not the warning before it', () => {
  table([
    {
      name: 'FHIR OperationOutcome: an information issue before the error issue',
      status: 400,
      contentType: 'application/fhir+json',
      body: {
        resourceType: 'OperationOutcome',
        issue: [
          { severity: 'information', code: 'informational', diagnostics: 'Validation started' },
          { severity: 'error', code: 'required', diagnostics: 'Patient.name: minimum required = 1, but only found 0' },
        ],
      },
      code: 'required',
      messageHas: 'minimum required = 1',
      messageLacks: 'Validation started',
    },
    {
      name: 'messages[] with severity WARNING then ERROR',
      status: 400,
      body: {
        messages: [
          { severity: 'WARNING', text: "Field 'nickname' is deprecated" },
          { severity: 'ERROR', text: "Field 'email' must be a valid address" },
        ],
      },
      messageHas: "Field 'email' must be a valid address",
    },
    {
      name: 'errors[] with level "warning" first',
      status: 422,
      body: {
        errors: [
          { level: 'warning', message: 'Unknown field "color" ignored' },
          { level: 'error', message: 'Quantity must be positive' },
        ],
      },
      messageHas: 'Quantity must be positive',
    },
    {
      name: 'counter: warnings alone still give a message',
      status: 400,
      body: { messages: [{ severity: 'WARNING', text: 'Request uses a deprecated API version' }] },
      messageHas: 'deprecated API version',
    },
    {
      name: 'counter: an error-rated first item stays first',
      status: 400,
      body: {
        issue: [
          { severity: 'error', code: 'invalid', diagnostics: 'Unknown resource type' },
          { severity: 'warning', code: 'informational', diagnostics: 'Profile not found' },
        ],
      },
      messageHas: 'Unknown resource type',
    },
  ]);
});

describe('2xx XML envelopes: which status word speaks', () => {
  table([
    {
      name: 'Sage Intacct: control and authentication success, result failure',
      contentType: xml,
      body: '<?xml version="1.0" encoding="UTF-8"?><response><control><status>success</status></control><operation><authentication><status>success</status></authentication><result><status>failure</status><function>create</function><errormessage><error><errorno>BL34000061</errorno><description></description><description2>Another Class with the given value(s) 1 already exists</description2><correction>Use a unique value instead.</correction></error></errormessage></result></operation></response>',
      messageHas: 'already exists',
    },
    {
      name: 'counter: Sage Intacct with every layer success',
      contentType: xml,
      failure: false,
      body: '<?xml version="1.0"?><response><control><status>success</status></control><operation><authentication><status>success</status></authentication><result><status>success</status><function>readByQuery</function><data count="0"></data></result></operation></response>',
    },
    {
      name: 'eBay Trading: <Ack>Failure</Ack>, LongMessage is the message',
      contentType: 'text/xml',
      body: '<?xml version="1.0" encoding="UTF-8"?><GeteBayOfficialTimeResponse xmlns="urn:ebay:apis:eBLBaseComponents"><Ack>Failure</Ack><Errors><ShortMessage>Auth token is invalid.</ShortMessage><LongMessage>Validation of the authentication token in API request failed.</LongMessage><ErrorCode>931</ErrorCode><SeverityCode>Error</SeverityCode></Errors></GeteBayOfficialTimeResponse>',
      code: '931',
      messageHas: 'Validation of the authentication token in API request failed.',
    },
    {
      name: 'PayPal classic SOAP: <Ack>Failure</Ack> with ShortMessage only',
      contentType: 'text/xml',
      body: '<?xml version="1.0"?><SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body><GetBalanceResponse xmlns="urn:ebay:api:PayPalAPI"><Ack xmlns="urn:ebay:apis:eBLBaseComponents">Failure</Ack><Errors xmlns="urn:ebay:apis:eBLBaseComponents"><ShortMessage>Authentication/Authorization Failed</ShortMessage><ErrorCode>10002</ErrorCode><SeverityCode>Error</SeverityCode></Errors></GetBalanceResponse></SOAP-ENV:Body></SOAP-ENV:Envelope>',
      messageHas: 'Authentication/Authorization Failed',
    },
    {
      name: 'counter: eBay <Ack>Warning</Ack> is a success',
      contentType: 'text/xml',
      failure: false,
      body: '<?xml version="1.0" encoding="UTF-8"?><AddItemResponse xmlns="urn:ebay:apis:eBLBaseComponents"><Ack>Warning</Ack><Errors><ShortMessage>Funds may be unavailable.</ShortMessage><LongMessage>Funds from your sales may be unavailable.</LongMessage><ErrorCode>21917236</ErrorCode><SeverityCode>Warning</SeverityCode></Errors><ItemID>110043671232</ItemID></AddItemResponse>',
    },
    {
      name: 'counter: eBay <Ack>Success</Ack>',
      contentType: 'text/xml',
      failure: false,
      body: '<?xml version="1.0"?><GeteBayOfficialTimeResponse xmlns="urn:ebay:apis:eBLBaseComponents"><Timestamp>2026-01-01T00:00:00.000Z</Timestamp><Ack>Success</Ack></GeteBayOfficialTimeResponse>',
    },
  ]);
});

describe('2xx JSON envelopes', () => {
  table([
    {
      name: 'WordPress wp_send_json_error: data {message}',
      body: { success: false, data: { message: 'Coupon code has expired' } },
      messageHas: 'Coupon code has expired',
    },
    {
      name: 'WordPress wp_send_json_error: data is the message string',
      body: { success: false, data: 'You are not allowed to do this.' },
      messageHas: 'You are not allowed to do this.',
    },
    {
      name: 'WordPress wp_send_json_error(WP_Error): data [{code, message}]',
      body: { success: false, data: [{ code: 'invalid_nonce', message: 'The link you followed has expired.' }] },
      code: 'invalid_nonce',
      messageHas: 'The link you followed has expired.',
    },
    {
      name: 'counter: wp_send_json_error("-1") has no message',
      body: { success: false, data: '-1' },
      messageHas: null,
    },
    {
      name: 'counter: errorCode 0 + errorMessage "success" is a success (WeIdentity)',
      failure: false,
      body: { errorCode: 0, errorMessage: 'success', result: { cptId: 1000, cptVersion: 1 } },
    },
    {
      name: 'counter: errorCode 0 + errorMessage "Success" beside a list',
      failure: false,
      body: { responseObject: [], errorCode: 0, errorMessage: 'Success' },
    },
    {
      name: 'a non-zero errorCode with its message on a 200 still fails',
      body: { succeed: false, data: {}, errorCode: 100002, errorMessage: 'Request parameters are wrong' },
      messageHas: 'Request parameters are wrong',
    },
  ]);
});
