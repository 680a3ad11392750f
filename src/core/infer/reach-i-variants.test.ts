// Issue 13, session 16 (reach-i): the classes behind the misses of a fresh batch of IoT clouds, FHIR
// servers, serverless platforms, accounting and AI APIs. Each table varies names, nestings, casing and
// value shapes, with counter-examples that must keep today's reading.
// Shapes from: Apache OpenWhisk (`{code: <transaction id>, error}`), Tuya (`tid`), MyQ
// (`ReturnCode`/`ErrorMessage`/`CorrelationId` in a 200), HL7 FHIR OperationOutcome (JSON and XML),
// Azure IoT Hub (`ErrorCode:…;…` and a JSON document inside `Message`), Sage SData (`$dataCode`),
// DeepInfra and Zhipu (retry verdicts worded in the message), ChainGateway (UUID error codes).
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

/** Class 4: an envelope's top-level `code` that holds an opaque event ID is the support ID, not a code. */
const CODE_IS_AN_ID: Variant[] = [
  {
    name: 'OpenWhisk: 404 {code: <32 hex>, error}',
    status: 404,
    body: { code: 'befa971cf82a29c21ccda7d5879e2aec', error: 'The requested resource does not exist.' },
    expect: { errorCode: null, errorId: 'befa971cf82a29c21ccda7d5879e2aec', message: 'does not exist' },
  },
  {
    name: 'OpenWhisk: 400 {code: <base62 mix>, error}',
    status: 400,
    body: { code: 'FEa0EXBk1vGsft3ojp0QbiLRcXYnGf0g', error: 'Sequence component does not exist.' },
    expect: { errorCode: null, errorId: 'FEa0EXBk1vGsft3ojp0QbiLRcXYnGf0g' },
  },
  {
    name: 'code first or last, message under `message`: 502 {message, code: <upper hex 24>}',
    status: 502,
    body: { message: 'The action did not produce a valid response.', code: 'A1B2C3D4E5F60718293A4B5C' },
    expect: { errorCode: null, errorId: 'A1B2C3D4E5F60718293A4B5C', message: 'did not produce a valid response' },
  },
  {
    name: 'a UUID under the top-level code: 500 {code: <uuid>, error}',
    status: 500,
    body: { code: '3f9c2a51-7d4e-4b8a-9c1f-2e6d8a0b7c34', error: 'Internal error while invoking the action.' },
    expect: { errorCode: null, errorId: '3f9c2a51-7d4e-4b8a-9c1f-2e6d8a0b7c34' },
  },
  {
    name: 'Code key in PascalCase: 403 {Code: <hex 40>, Error}',
    status: 403,
    body: { Code: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b', Error: 'The supplied authentication is not authorized.' },
    expect: { errorCode: null, errorId: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b' },
  },
];

/** Counter-examples: codes that read as codes stay codes, wherever they sit. */
const CODE_STAYS_A_CODE: Variant[] = [
  {
    name: 'a camel-case word: 400 {code: "InvalidParameterValue", message}',
    status: 400,
    body: { code: 'InvalidParameterValue', message: 'The value of limit is out of range.' },
    expect: { errorCode: 'InvalidParameterValue' },
  },
  {
    name: 'a token with separators and digits: 400 {code: "ERR_VALIDATION_1234", message}',
    status: 400,
    body: { code: 'ERR_VALIDATION_1234', message: 'name is required' },
    expect: { errorCode: 'ERR_VALIDATION_1234', errorId: null },
  },
  {
    name: 'a short alphanumeric code: 409 {code: "E0001", message}',
    status: 409,
    body: { code: 'E0001', message: 'The record already exists.' },
    expect: { errorCode: 'E0001' },
  },
  {
    name: 'a short hex code is no ID: 400 {code: "deadbeef42", message}',
    status: 400,
    body: { code: 'deadbeef42', message: 'The checksum does not match.' },
    expect: { errorCode: 'deadbeef42', errorId: null },
  },
  {
    name: 'ChainGateway: a UUID as the code of an item of `errors`',
    status: 400,
    body: { errors: [{ code: 'de1e3db3-5ed4-4941-aae4-59f3667cc3a3', message: 'Address format is invalid' }] },
    expect: { errorCode: 'de1e3db3-5ed4-4941-aae4-59f3667cc3a3', message: 'Address format is invalid' },
  },
  {
    name: 'a long code of words and digits: 429 {code: "RateLimitExceededFor2Minutes", message}',
    status: 429,
    body: { code: 'RateLimitExceededFor2Minutes', message: 'Slow down.' },
    expect: { errorCode: 'RateLimitExceededFor2Minutes' },
  },
];

/** Class 4: short or abbreviated ID keys count only in an ID's shape (Tuya `tid`). */
const SHORT_ID_KEYS: Variant[] = [
  {
    name: 'Tuya: 200 {code: 1106, msg, success: false, t, tid: <32 hex>}',
    status: 200,
    body: {
      code: 1106,
      msg: 'permission deny',
      success: false,
      t: 1681571643631,
      tid: '2854a834dba011eda449a670cd33099a',
    },
    expect: { failure: true, errorCode: '1106', errorId: '2854a834dba011eda449a670cd33099a' },
  },
  {
    name: 'tid as a UUID on an error status: 401 {code, msg, tid}',
    status: 401,
    body: { code: 1010, msg: 'token is expired', tid: '6a3f2d0e-1b4c-4e8f-9a7d-5c2b1e0f3a9d' },
    expect: { errorId: '6a3f2d0e-1b4c-4e8f-9a7d-5c2b1e0f3a9d' },
  },
  {
    name: 'counter: a thread number under tid is no support ID',
    status: 500,
    body: { code: 500, msg: 'system error, please contact the admin', tid: 42 },
    expect: { errorId: null },
  },
  {
    name: 'counter: a word under tid is no support ID',
    status: 500,
    body: { error: 'worker crashed', tid: 'main-worker' },
    expect: { errorId: null },
  },
];

/** Class 2: a result code in the 2xx range beside an explicit error message is a failure code, not an echo. */
const RESULT_CODES_2XX: Variant[] = [
  {
    name: 'MyQ: 200 {ReturnCode: "216", ErrorMessage, CorrelationId}',
    status: 200,
    body: {
      ReturnCode: '216',
      ErrorMessage: 'Unauthorized (216)',
      CorrelationId: 'eda79a01-352e-4cb7-a78f-147f6f47e3ec',
    },
    expect: {
      failure: true,
      errorCode: '216',
      errorId: 'eda79a01-352e-4cb7-a78f-147f6f47e3ec',
      message: 'Unauthorized (216)',
    },
  },
  {
    name: 'snake case, a number: 200 {return_code: 210, error_message}',
    status: 200,
    body: { return_code: 210, error_message: 'Device is offline.' },
    expect: { failure: true, errorCode: '210', message: 'Device is offline.' },
  },
  {
    name: 'counter: 200 {resultCode: 200, errorMessage: ""} is a success',
    status: 200,
    body: { resultCode: 200, errorMessage: '', data: { id: 7 } },
    expect: { failure: false },
  },
  {
    name: 'counter: 200 {code: 201, message: "Created"} is a success',
    status: 200,
    body: { code: 201, message: 'Created' },
    expect: { failure: false },
  },
  {
    name: 'counter: an echo beside an error message slot: 200 {ReturnCode: 200, ErrorMessage: "OK"}',
    status: 200,
    body: { ReturnCode: 200, ErrorMessage: 'OK' },
    expect: { failure: false },
  },
];

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

/** Class 3 and 4: a message that is itself a JSON error document is read inside. */
const JSON_IN_MESSAGE: Variant[] = [
  {
    name: 'Azure IoT Hub: 401 {Message: "{errorCode, trackingId, message}", ExceptionMessage: ""}',
    status: 401,
    body: {
      Message: JSON.stringify({
        errorCode: 401002,
        trackingId: '84f2a56e7ab248f899af0a413f7b1a59-G:6-TimeStamp:08/28/2018 15:34:17',
        message: 'Unauthorized',
        timestampUtc: '2018-08-28T15:34:17.5432324Z',
      }),
      ExceptionMessage: '',
    },
    expect: {
      errorCode: '401002',
      errorId: '84f2a56e7ab248f899af0a413f7b1a59-G:6-TimeStamp:08/28/2018 15:34:17',
      message: 'Unauthorized',
    },
  },
  {
    name: 'a nested error object as text: 502 {message: "{\\"error\\":{\\"code\\":…,\\"message\\":…}}"}',
    status: 502,
    body: {
      message: JSON.stringify({
        error: { code: 'UpstreamTimeout', message: 'The upstream model did not answer in time.' },
      }),
    },
    expect: { errorCode: 'UpstreamTimeout', message: 'did not answer in time' },
  },
  {
    name: 'Sage sample: 422 {error_message: "[{$severity, $dataCode, $message}]"}',
    status: 422,
    body: {
      error_message: JSON.stringify([
        { $severity: 'error', $dataCode: 'RecordNotFound', $message: "Couldn't find record.", $source: '' },
      ]),
    },
    expect: { errorCode: 'RecordNotFound', message: "Couldn't find record." },
  },
  {
    name: 'counter: braces that are no JSON stay the message',
    status: 400,
    body: { message: '{name} must not be empty' },
    expect: { message: '{name} must not be empty' },
  },
  {
    name: 'counter: a JSON list of words stays the message when nothing inside reads as an error',
    status: 400,
    body: { message: '["alpha","beta"]', code: 'BAD_TAGS' },
    expect: { errorCode: 'BAD_TAGS' },
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

/** Class 7: the message says retrying unchanged cannot help (a fixed maximum, arrears), or that it can. */
const RETRY_WORDING: Variant[] = [
  {
    name: 'DeepInfra: 500 input longer than the maximum',
    status: 500,
    body: { error: { message: 'Requested input length 99009 exceeds maximum input length 8192' } },
    expect: { retryable: false },
  },
  {
    name: '503 prompt over the context window',
    status: 503,
    body: { error: 'The prompt exceeds the model’s context window of 32768 tokens.' },
    expect: { retryable: false },
  },
  {
    name: '502 payload larger than the allowed size',
    status: 502,
    body: { message: 'Request payload is larger than the allowed size of 6291456 bytes' },
    expect: { retryable: false },
  },
  {
    name: 'Zhipu: 429 {error: {code: "1113", message: 欠费}}',
    status: 429,
    body: { error: { code: '1113', message: '您的账户已欠费，请充值后重试。' } },
    expect: { retryable: false },
  },
  {
    name: '403 余额不足 (balance insufficient)',
    status: 403,
    body: { code: 30011, message: '余额不足，请充值后再试' },
    expect: { retryable: false },
  },
  {
    name: 'counter: 429 over a per-minute maximum stays transient',
    status: 429,
    body: { message: 'Your request exceeds the maximum requests per minute allowed for this key.' },
    expect: { retryable: true },
  },
  {
    name: 'counter: 429 "exceeds the maximum usage size allowed during peak load… retry after 20 seconds"',
    status: 429,
    body: {
      success: false,
      error: {
        message: 'Your request exceeds the maximum usage size allowed during peak load. Please retry after 20 seconds.',
        code: 'RATE_LIMITED',
      },
    },
    expect: { retryable: true },
  },
  {
    name: 'counter: 503 busy stays transient',
    status: 503,
    body: { error: { message: 'Model busy, retry later' } },
    expect: { retryable: true },
  },
];

/** Class 4: an ID that ends in a clock time after a space (Azure IoT tracking IDs). */
const IDS_WITH_TIME: Variant[] = [
  {
    name: 'top-level trackingId with a time stamp',
    status: 500,
    body: {
      message: 'The operation failed.',
      trackingId: '3c1f0a9b8e7d4c6b5a4f3e2d1c0b9a8f-G:2-TimeStamp:03/14/2024 09:26:53',
    },
    expect: { errorId: '3c1f0a9b8e7d4c6b5a4f3e2d1c0b9a8f-G:2-TimeStamp:03/14/2024 09:26:53' },
  },
  {
    name: 'counter: a request ID with a space and no time is none',
    status: 500,
    body: { message: 'The operation failed.', requestId: 'not available' },
    expect: { errorId: null },
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

describe('reach-i: a top-level code that holds an event ID is the support ID', () => {
  it.each(rows(CODE_IS_AN_ID))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('reach-i: codes that read as codes stay codes', () => {
  it.each(rows(CODE_STAYS_A_CODE))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('reach-i: short ID keys count only in an ID shape', () => {
  it.each(rows(SHORT_ID_KEYS))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('reach-i: 2xx-range result codes beside an error message', () => {
  it.each(rows(RESULT_CODES_2XX))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('reach-i: FHIR OperationOutcome in JSON and XML', () => {
  it.each(rows(FHIR_OUTCOMES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('reach-i: codes labelled at the start of a message', () => {
  it.each(rows(LABELLED_CODES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('reach-i: a message that is a JSON error document', () => {
  it.each(rows(JSON_IN_MESSAGE))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('reach-i: SData diagnoses', () => {
  it.each(rows(SDATA))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('reach-i: retry verdicts worded in the message', () => {
  it.each(rows(RETRY_WORDING))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('reach-i: IDs that end in a time stamp', () => {
  it.each(rows(IDS_WITH_TIME))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('reach-i (second batch): malformed-request wrappers and internalCode', () => {
  it.each(rows(SECOND_BATCH))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
