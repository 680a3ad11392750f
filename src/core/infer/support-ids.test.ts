// Class 4 of issue 13: the support ID, wherever a server puts it (vendor header families, CDN and
// gateway IDs, body fields, phrases meant for support, error pages), and what is not one (the
// client's own IDs, resource IDs, timestamps). Each row is written from a documented format.
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const UUID = '0d5f7e84-3b1c-4c1e-9a51-6f2b8d7c9e10';
const HEX32 = '4bf92f3577b34da6a3ce929d0e0e4736';
const err = { error: 'not_found', message: 'The thing was not found' };

/** Header families: `*-request-id`, `*-requestid`, `*-trace-id`, `*-correlation-id`, CDN and gateway IDs. */
const HEADERS: Variant[] = [
  {
    name: 'x-request-id (nginx, Rails, Heroku)',
    status: 404,
    headers: { 'x-request-id': UUID },
    body: err,
    expect: { errorId: UUID },
  },
  {
    name: 'opc-request-id (Oracle Cloud)',
    status: 404,
    headers: { 'opc-request-id': 'A1B2C3D4E5F6/7890ABCDEF/1234' },
    body: err,
    expect: { errorId: 'A1B2C3D4E5F6/7890ABCDEF/1234' },
  },
  {
    name: 'x-nf-request-id (Netlify)',
    status: 404,
    headers: { 'x-nf-request-id': '01HQ3W5Z8K2V7XJ4D6M9N0P1R2' },
    body: err,
    expect: { errorId: '01HQ3W5Z8K2V7XJ4D6M9N0P1R2' },
  },
  {
    name: 'apigw-requestid (AWS HTTP API)',
    status: 500,
    headers: { 'apigw-requestid': 'Ab1CdEfGhIjKlM=' },
    body: { message: 'Internal Server Error' },
    expect: { errorId: 'Ab1CdEfGhIjKlM=' },
  },
  {
    name: 'cdn-requestid (bunny.net)',
    status: 502,
    headers: { 'cdn-requestid': HEX32 },
    body: 'Bad gateway',
    type: 'text/plain',
    expect: { errorId: HEX32 },
  },
  { name: 'x-request-uuid', status: 500, headers: { 'x-request-uuid': UUID }, body: err, expect: { errorId: UUID } },
  {
    name: 'X-Correlation-ID in mixed case',
    status: 400,
    headers: { 'X-Correlation-ID': UUID },
    body: err,
    expect: { errorId: UUID },
  },
  {
    name: 'x-acme-correlationid (no dash before id)',
    status: 400,
    headers: { 'x-acme-correlationid': UUID },
    body: err,
    expect: { errorId: UUID },
  },
  {
    name: 'x-ms-activity-id (Azure)',
    status: 503,
    headers: { 'x-ms-activity-id': UUID },
    body: err,
    expect: { errorId: UUID },
  },
  {
    name: 'x-amz-cf-id (CloudFront) alone',
    status: 403,
    headers: { 'x-amz-cf-id': 'qGSLiUmRWiBfc1nNiTD_pnFmDdWaZT3lDkZ9rFlw7KPTjDcP1Nl6lg==' },
    body: err,
    expect: { errorId: 'qGSLiUmRWiBfc1nNiTD_pnFmDdWaZT3lDkZ9rFlw7KPTjDcP1Nl6lg==' },
  },
  {
    name: 'x-azure-ref (Front Door) alone',
    status: 503,
    headers: { 'x-azure-ref': '0kW5oZQAAAAB3Wc4bM1Y6R5a2L0SzPZfRFJBRURHRTA1MDkAZTUyNjk' },
    body: err,
    expect: { errorId: '0kW5oZQAAAAB3Wc4bM1Y6R5a2L0SzPZfRFJBRURHRTA1MDkAZTUyNjk' },
  },
  {
    name: 'cf-ray alone',
    status: 520,
    headers: { 'cf-ray': '8a1b2c3d4e5f6a7b-FRA' },
    body: err,
    expect: { errorId: '8a1b2c3d4e5f6a7b-FRA' },
  },
  {
    name: 'a vendor request ID beats cf-ray',
    status: 500,
    headers: { 'cf-ray': '8a1b2c3d4e5f6a7b-FRA', 'x-acme-request-id': 'req_7Hq2Lx9' },
    body: err,
    expect: { errorId: 'req_7Hq2Lx9' },
  },
  {
    name: 'x-b3-traceid only (Zipkin)',
    status: 500,
    headers: { 'x-b3-traceid': '80f198ee56343ba864fe8b2a57d3eff7' },
    body: err,
    expect: { errorId: '80f198ee56343ba864fe8b2a57d3eff7' },
  },
  {
    name: 'x-acme-trace-id only',
    status: 500,
    headers: { 'x-acme-trace-id': HEX32 },
    body: err,
    expect: { errorId: HEX32 },
  },
  {
    name: 'traceparent only (W3C)',
    status: 500,
    headers: { traceparent: `00-${HEX32}-00f067aa0ba902b7-01` },
    body: err,
    expect: { errorId: HEX32 },
  },
  {
    name: 'akamai-grn (Akamai)',
    status: 403,
    headers: { 'akamai-grn': '0.2f1e1002.1690000000.1a2b3c4d' },
    body: err,
    expect: { errorId: '0.2f1e1002.1690000000.1a2b3c4d' },
  },
  {
    name: "x-client-request-id alone is the client's own",
    status: 500,
    headers: { 'x-client-request-id': UUID },
    body: err,
    expect: { errorId: null },
  },
  {
    name: 'x-idempotency-key is not a support ID',
    status: 409,
    headers: { 'x-idempotency-key': UUID },
    body: err,
    expect: { errorId: null },
  },
  {
    name: 'x-served-by / x-cache name no event',
    status: 503,
    headers: { 'x-served-by': 'cache-fra19120-FRA', 'x-cache': 'MISS' },
    body: err,
    expect: { errorId: null },
  },
  {
    name: 'an empty x-request-id falls through',
    status: 500,
    headers: { 'x-request-id': ' ', 'x-acme-trace-id': HEX32 },
    body: err,
    expect: { errorId: HEX32 },
  },
];

/** Body fields: `request_id`, `requestId`, `meta.request_id`, `correlation_id`, `trace_id`, `debug_id`, … */
const BODY_FIELDS: Variant[] = [
  {
    name: 'error.request_id',
    status: 400,
    body: { error: { code: 'bad_input', message: 'Bad input', request_id: 'req_9f8e7d6c' } },
    expect: { errorId: 'req_9f8e7d6c' },
  },
  {
    name: 'top requestId (camel)',
    status: 500,
    body: { message: 'Internal error', requestId: UUID },
    expect: { errorId: UUID },
  },
  {
    name: 'meta.request_id',
    status: 422,
    body: { errors: [{ code: 'invalid', detail: 'Name is invalid' }], meta: { request_id: 'a1b2c3d4e5f6' } },
    expect: { errorId: 'a1b2c3d4e5f6' },
  },
  {
    name: 'correlation_id',
    status: 503,
    body: { error: 'service_unavailable', message: 'Try later', correlation_id: UUID },
    expect: { errorId: UUID },
  },
  {
    name: 'correlationId (HubSpot-like)',
    status: 400,
    body: {
      status: 'error',
      message: 'Property values were not valid',
      correlationId: UUID,
      category: 'VALIDATION_ERROR',
    },
    expect: { errorId: UUID },
  },
  {
    name: 'trace_id (Yandex-like)',
    status: 401,
    body: { message: 'Token is missing', code: 'AUTHENTICATION_ERROR', trace_id: HEX32 },
    expect: { errorId: HEX32, errorCode: 'AUTHENTICATION_ERROR' },
  },
  {
    name: 'errors[] + trace_id (Qonto)',
    status: 422,
    body: { errors: [{ code: 'not_in_list', detail: 'currency is not in list' }], trace_id: HEX32 },
    expect: { errorId: HEX32 },
  },
  {
    name: 'traceId + requestId: requestId wins (Broadcom)',
    status: 400,
    body: {
      statusCode: 400,
      timestamp: '2024-01-01T00:00:00Z',
      traceId: 'b13a30a88b1e4d64',
      requestId: '61f8f6d7acb254330dc6cbc9cf993717',
      errorDetails: [{ errorCode: 'VMW-XXX-123', message: 'Error occurred while processing your request.' }],
    },
    expect: { errorId: '61f8f6d7acb254330dc6cbc9cf993717' },
  },
  {
    name: 'debug_id (PayPal-like)',
    status: 400,
    body: { name: 'INVALID_REQUEST', message: 'Request is not well-formed', debug_id: '90957fca61718' },
    expect: { errorId: '90957fca61718' },
  },
  {
    name: 'trackingId (Webex)',
    status: 404,
    body: {
      message: 'The requested resource could not be found.',
      errors: [{ description: 'The requested resource could not be found.' }],
      trackingId: 'ROUTER_5F3C8A1B-1234-01A2-BC34-0A1B2C3D4E5F',
    },
    expect: { errorId: 'ROUTER_5F3C8A1B-1234-01A2-BC34-0A1B2C3D4E5F' },
  },
  {
    name: 'ErrorId (Visma, PascalCase)',
    status: 401,
    body: {
      ErrorCode: 4005,
      DeveloperErrorMessage: 'AuthorizationException - Authorization has been denied for this request.',
      ErrorId: '1c296026-489d-434c-b7e9-70401278a086',
    },
    expect: { errorId: '1c296026-489d-434c-b7e9-70401278a086' },
  },
  {
    name: 'trace (numeric string, quo)',
    status: 400,
    body: {
      title: 'Bad Request',
      message: 'Validation failed for 1 field.',
      trace: '6897907457496870895',
      errors: [{ path: '/query/limit', message: 'must be <= 50' }],
    },
    expect: { errorId: '6897907457496870895' },
  },
  {
    name: 'top-level trace (watsonx)',
    status: 400,
    body: {
      errors: [{ code: 'json_validation_error', message: 'Json document validation error' }],
      trace: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
      status_code: 400,
    },
    expect: { errorId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' },
  },
  {
    name: 'incident_id',
    status: 500,
    body: { error: 'internal_error', message: 'Something went wrong', incident_id: 'INC-20240101-8f2a' },
    expect: { errorId: 'INC-20240101-8f2a' },
  },
  {
    name: 'error.errorId UUID inside error',
    status: 500,
    body: { error: { errorId: UUID, message: 'Unexpected failure' } },
    expect: { errorId: UUID },
  },
  {
    name: 'reference (support reference)',
    status: 500,
    body: { message: 'An unexpected error occurred', reference: 'ERR-7F3A9C21' },
    expect: { errorId: 'ERR-7F3A9C21' },
  },
  {
    name: 'error_reference',
    status: 500,
    body: { error: 'server_error', error_reference: 'f3a9c21b7d' },
    expect: { errorId: 'f3a9c21b7d' },
  },
  {
    name: 'a UUID under error.request',
    status: 500,
    body: { error: { message: 'Oops', request: UUID } },
    expect: { errorId: UUID },
  },
  {
    name: 'x-request-id as a body key',
    status: 502,
    body: { message: 'Upstream failed', 'x-request-id': UUID },
    expect: { errorId: UUID },
  },
  {
    name: 'request_id beside a header: the body wins',
    status: 400,
    headers: { 'x-request-id': 'hdr-111111' },
    body: { error: { message: 'Bad', request_id: 'body-222222' } },
    expect: { errorId: 'body-222222' },
  },
];

/** Phrases meant for support, inside the message. */
const PHRASES: Variant[] = [
  {
    name: 'quote this ID to support',
    status: 500,
    body: {
      message: 'Internal error. Please contact support and quote request ID 7f3a9c21-5b6d-4e8f-9a0b-1c2d3e4f5a6b.',
    },
    expect: { errorId: '7f3a9c21-5b6d-4e8f-9a0b-1c2d3e4f5a6b' },
  },
  {
    name: 'error ID: in a sentence',
    status: 500,
    body: { error: 'An internal error occurred (error ID: e-88231af0).' },
    expect: { errorId: 'e-88231af0' },
  },
  {
    name: 'reference code in a sentence',
    status: 500,
    body: { message: 'Something went wrong. Reference code: XK2-99F-T3Q' },
    expect: { errorId: 'XK2-99F-T3Q' },
  },
  {
    name: 'Trace ID: in text/plain',
    status: 503,
    body: 'Service unavailable. Trace ID: 3c9d1e7a5b2f4086',
    type: 'text/plain',
    expect: { errorId: '3c9d1e7a5b2f4086' },
  },
];

/** Error pages of CDNs, WAFs and gateways. */
const PAGES: Variant[] = [
  {
    name: 'Akamai Access Denied: Reference #',
    status: 403,
    body: '<HTML><HEAD>\n<TITLE>Access Denied</TITLE>\n</HEAD><BODY>\n<H1>Access Denied</H1>\n \nYou don\'t have permission to access "http&#58;&#47;&#47;www&#46;example&#46;com&#47;" on this server.<P>\nReference&#32;&#35;18&#46;2f1e1002&#46;1690000000&#46;1a2b3c4d\n</BODY>\n</HTML>\n',
    expect: { errorId: '18.2f1e1002.1690000000.1a2b3c4d', message: "You don't have permission to access" },
  },
  {
    name: 'CloudFront: Request ID in <PRE>',
    status: 403,
    body: '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">\n<HTML><HEAD><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=iso-8859-1">\n<TITLE>ERROR: The request could not be satisfied</TITLE>\n</HEAD><BODY>\n<H1>403 ERROR</H1>\n<H2>The request could not be satisfied.</H2>\n<HR noshade size="1px">\nRequest blocked.\nWe can\'t connect to the server for this app or website at this time.\n<BR clear="all">\n<HR noshade size="1px">\n<PRE>\nGenerated by cloudfront (CloudFront)\nRequest ID: 3pTdWZxm9Lq0cZ8Zp7hQ5sKk2vH1gJ4wE6rT9yU0iO3aS2dF1gH==\n</PRE>\n<ADDRESS>\n</ADDRESS>\n</BODY></HTML>',
    expect: {
      errorId: '3pTdWZxm9Lq0cZ8Zp7hQ5sKk2vH1gJ4wE6rT9yU0iO3aS2dF1gH==',
      message: 'The request could not be satisfied',
    },
  },
  {
    name: 'Cloudflare 1020: Ray ID',
    status: 403,
    body: '<!DOCTYPE html><html><head><title>Access denied | example.com used Cloudflare to restrict access</title></head><body><div id="cf-wrapper"><div id="cf-error-details"><h1><span>Error</span><span>1020</span></h1><h2>Access denied</h2><p>This website is using a security service to protect itself from online attacks.</p><p>Cloudflare Ray ID: <strong>7c5b3a2d1e0f9a8b</strong> &bull; Your IP: 203.0.113.7 &bull; Performance &amp; security by Cloudflare</p></div></div></body></html>',
    expect: { errorId: '7c5b3a2d1e0f9a8b', errorCode: '1020' },
  },
  {
    name: 'F5 BIG-IP ASM: support ID',
    status: 200,
    body: "<html><head><title>Request Rejected</title></head><body>The requested URL was rejected. Please consult with your administrator.<br><br>Your support ID is: 12345678901234567890<br><br><a href='javascript:history.back();'>[Go Back]</a></body></html>",
    expect: { failure: true, errorId: '12345678901234567890', message: 'The requested URL was rejected' },
  },
  {
    name: 'Imperva: Incapsula incident ID',
    status: 403,
    body: '<html style="height:100%"><head><META NAME="ROBOTS" CONTENT="NOINDEX, NOFOLLOW"></head><body style="margin:0px;height:100%"><iframe id="main-iframe" src="/_Incapsula_Resource?CWUDNSAI=9&xinfo=1-2-3" frameborder=0 width="100%" height="100%">Request unsuccessful. Incapsula incident ID: 1234000180123456789-123456789012345678</iframe></body></html>',
    expect: { errorId: '1234000180123456789-123456789012345678', message: 'Request unsuccessful' },
  },
  {
    name: 'Varnish Guru Meditation: XID',
    status: 503,
    body: '<!DOCTYPE html>\n<html>\n  <head>\n    <title>503 Backend fetch failed</title>\n  </head>\n  <body>\n    <h1>Error 503 Backend fetch failed</h1>\n    <p>Backend fetch failed</p>\n    <h3>Guru Meditation:</h3>\n    <p>XID: 45678912</p>\n    <hr>\n    <p>Varnish cache server</p>\n  </body>\n</html>\n',
    expect: { errorId: '45678912', message: 'Backend fetch failed' },
  },
  {
    name: 'Fastly: Details: cache-…',
    status: 503,
    body: '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n<html>\n  <head>\n    <title>503 first byte timeout</title>\n  </head>\n  <body>\n    <h1>Error 503 first byte timeout</h1>\n    <p>first byte timeout</p>\n    <h3>Error 54113</h3>\n    <p>Details: cache-fra19120-FRA 1690000000 1234567890</p>\n    <hr>\n    <p>Varnish cache server</p>\n  </body>\n</html>\n',
    type: 'text/html',
    expect: { errorId: 'cache-fra19120-FRA 1690000000 1234567890', message: 'first byte timeout', errorCode: null },
  },
  {
    name: 'AWS WAF / API Gateway text with request id',
    status: 403,
    body: 'Forbidden. Request ID: 9b0c3f1e-4a2d-4b6f-8e7a-1c2d3e4f5a6b',
    type: 'text/plain',
    expect: { errorId: '9b0c3f1e-4a2d-4b6f-8e7a-1c2d3e4f5a6b' },
  },
  {
    name: 'Azure Front Door text: x-azure-ref in the page',
    status: 503,
    headers: {},
    body: "<!DOCTYPE html><html><head><title>Our services aren't available right now</title></head><body><h2>Our services aren't available right now</h2><p>We're working to restore all services as soon as possible. Please check back soon.</p>0kW5oZQAAAAB3Wc4bM1Y6R5a2L0SzPZfRFJBRURHRTA1MDkAZTUyNjk=</body></html>",
    expect: { message: "Our services aren't available right now" },
  },
  {
    name: 'Sucuri: the Block ID is a code, not a support ID',
    status: 403,
    body: '<html><head><title>Sucuri WebSite Firewall - Access Denied</title></head><body><h1>Access Denied - Sucuri Website Firewall</h1><table><tr><td>Your IP:</td><td>203.0.113.7</td></tr><tr><td>URL:</td><td>www.example.com/</td></tr><tr><td>Block ID:</td><td>BNP005</td></tr><tr><td>Block reason:</td><td>Bad bot access attempt.</td></tr><tr><td>Time:</td><td>2024-01-01 10:00:00</td></tr><tr><td>Server ID:</td><td>14013</td></tr></table></body></html>',
    expect: { message: 'Access Denied - Sucuri Website Firewall' },
  },
];

/** What is not a support ID. */
const NOT_IDS: Variant[] = [
  {
    name: 'a resource id beside the error',
    status: 404,
    body: { error: 'not_found', message: 'Order not found', order_id: 'ord_8f2a91c3d4' },
    expect: { errorId: null },
  },
  {
    name: 'a resource id under data',
    status: 409,
    body: { error: { code: 'conflict', message: 'Already exists' }, data: { id: 'usr_5f3c8a1b2d' } },
    expect: { errorId: null },
  },
  {
    name: 'a timestamp',
    status: 500,
    body: { message: 'Internal error', timestamp: '2024-01-01T10:00:00.000Z', time: 1704103200 },
    expect: { errorId: null },
  },
  {
    name: 'client_request_id echoed',
    status: 500,
    body: { error: { message: 'Internal error', client_request_id: UUID } },
    expect: { errorId: null },
  },
  {
    name: 'idempotency_key echoed',
    status: 409,
    body: { error: { code: 'idempotency_conflict', message: 'Key reused', idempotency_key: UUID } },
    expect: { errorId: null },
  },
  {
    name: 'a user id in the message is not a support ID',
    status: 404,
    body: { message: 'User id 123456789 not found' },
    expect: { errorId: null },
  },
  {
    name: 'the path is not an ID',
    status: 404,
    body: { timestamp: '2024-01-01T10:00:00.000+00:00', status: 404, error: 'Not Found', path: '/api/v1/things/42' },
    expect: { errorId: null },
  },
  {
    name: 'a page naming no ID',
    status: 502,
    body: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx/1.25.3</center></body></html>',
    expect: { errorId: null, message: '502 Bad Gateway' },
  },
];

/** Third pass: more field spellings, and values under ID keys that are not IDs. */
const MORE_SHAPES: Variant[] = [
  {
    name: 'requestID (upper-case ID)',
    status: 500,
    body: { message: 'Internal error', requestID: 'R-20240101-7f3a9c' },
    expect: { errorId: 'R-20240101-7f3a9c' },
  },
  {
    name: '_meta.request_id',
    status: 400,
    body: { error: { code: 'bad', message: 'Bad' }, _meta: { request_id: 'req_5Yd8s2Kq' } },
    expect: { errorId: 'req_5Yd8s2Kq' },
  },
  {
    name: 'event_id (Sentry-style)',
    status: 500,
    body: { detail: 'Internal Error', event_id: '3e5bd3c1c0f84a6f9f8c2b1d0e7a6b5c' },
    expect: { errorId: '3e5bd3c1c0f84a6f9f8c2b1d0e7a6b5c' },
  },
  {
    name: 'log_id',
    status: 500,
    body: { err_msg: 'system busy', err_code: 'SYS_BUSY', log_id: '2024010110000012345' },
    expect: { errorId: '2024010110000012345' },
  },
  {
    name: 'errors[0].meta.request_id',
    status: 422,
    body: {
      errors: [{ code: 'invalid', title: 'Invalid', meta: { request_id: 'c0ffee00-1234-4abc-8def-0123456789ab' } }],
    },
    expect: { errorId: 'c0ffee00-1234-4abc-8def-0123456789ab' },
  },
  {
    name: 'trace holding an exception name is no ID',
    status: 500,
    body: { message: 'Internal error', trace: 'NullPointerException' },
    expect: { errorId: null },
  },
  {
    name: 'trace holding a stack frame is no ID',
    status: 500,
    body: { message: 'Internal error', trace: 'com.acme.Foo.bar(Foo.java:12)' },
    expect: { errorId: null },
  },
  {
    name: 'requestId holding a URL is no ID',
    status: 500,
    body: { message: 'Internal error', requestId: 'https://api.example.test/v1/requests/42' },
    expect: { errorId: null },
  },
  {
    name: 'S3 website error page: RequestId in a list',
    status: 404,
    body: '<html>\n<head><title>404 Not Found</title></head>\n<body>\n<h1>404 Not Found</h1>\n<ul>\n<li>Code: NoSuchKey</li>\n<li>Message: The specified key does not exist.</li>\n<li>Key: index.html</li>\n<li>RequestId: 8XNAQ3B2KZ7YQ1RT</li>\n<li>HostId: pSh3tVNqHh0wUyxkXbbGgH4OVXJzUVb1M0yQ7HX9H5o=</li>\n</ul>\n<hr/>\n</body>\n</html>\n',
    expect: { errorId: '8XNAQ3B2KZ7YQ1RT', errorCode: 'NoSuchKey', message: 'The specified key does not exist.' },
  },
  {
    name: 'Cloudflare 524 timeout page: Ray ID, no code',
    status: 524,
    body: '<!DOCTYPE html><html><head><title>example.com | 524: A timeout occurred</title></head><body><div id="cf-error-details"><header><h1><span class="inline-block">A timeout occurred</span> <span class="code-label">Error code 524</span></h1></header><div class="cf-section"><h2>What happened?</h2><p>The origin web server timed out responding to this request.</p></div><span>Cloudflare Ray ID: <strong>8a1b2c3d4e5f6a7b</strong></span></div></body></html>',
    expect: { errorId: '8a1b2c3d4e5f6a7b', errorCode: null, message: 'A timeout occurred' },
  },
  {
    name: 'Cloudflare 1006: banned IP',
    status: 403,
    body: '<!DOCTYPE html><html><head><title>Access denied | example.com used Cloudflare to restrict access</title></head><body><div id="cf-error-details"><h1><span>Error</span><span>1006</span></h1><h2>Access denied</h2><p>The owner of this website (example.com) has banned your IP address (203.0.113.7).</p><p>Cloudflare Ray ID: <strong>7c5b3a2d1e0f9a8b</strong></p></div></body></html>',
    expect: { errorId: '7c5b3a2d1e0f9a8b', errorCode: '1006', retryable: false },
  },
];

/** Fresh formats of session 15 (corpus/cases/reach-d.json): WAF pages, nested request IDs, and `id`s that name the error kind. */
const FRESH_IDS: Variant[] = [
  {
    name: 'FortiWeb block page: Message ID, not Attack ID',
    status: 403,
    body: '<html><head><title>Web Page Blocked</title></head><body><h1>Web Page Blocked!</h1><p>The page cannot be displayed. Please contact the administrator for additional information.</p><p>URL: www.example.it/administrator/index.php</p><p>Client IP: 62.170.141.181</p><p>Attack ID: 20000008</p><p>Message ID: 000424641743</p></body></html>',
    expect: { errorId: '000424641743' },
  },
  {
    name: 'FortiWeb page as plain text',
    status: 403,
    type: 'text/plain',
    body: 'Web Page Blocked!\nThe page cannot be displayed. Please contact the administrator for additional information.\nURL: shop.example.com/cart\nClient IP: 10.1.2.3\nAttack ID: 20000051\nMessage ID: 000013521\n',
    expect: { errorId: '000013521' },
  },
  {
    name: 'an Attack ID alone is a signature, not a support ID',
    status: 403,
    body: '<html><body><h1>Request blocked</h1><p>Attack ID: 20000008</p></body></html>',
    expect: { errorId: null },
  },
  {
    name: 'a message ID of mail in prose is no support ID',
    status: 400,
    body: { error: { code: 'invalid_header', message: 'The header Message-ID is missing' } },
    expect: { errorId: null },
  },
  {
    name: 'Todoist error_extra.event_id',
    status: 429,
    body: {
      error: 'Too many requests. Limits reached. Try again later',
      error_code: 35,
      error_extra: { event_id: '07c3fb965eaa4ec6a42e977c3e035c6b', retry_after: 66 },
      error_tag: 'LIMITS_REACHED',
      http_code: 429,
    },
    expect: { errorId: '07c3fb965eaa4ec6a42e977c3e035c6b' },
  },
  {
    name: 'Webex trackingId',
    status: 429,
    body: {
      code: 429,
      message: 'Too many requests. Rate limit exceeded.',
      trackingId: 'GTWY_e6763c9a-71b2-4515-ad5b-89260f7f595',
    },
    expect: { errorId: 'GTWY_e6763c9a-71b2-4515-ad5b-89260f7f595' },
  },
  {
    name: 'Akamai incidentId beside nested details',
    status: 400,
    body: {
      details: [{ code: 'required.param.missing', message: 'Required parameter missing' }],
      code: 'bad.request',
      title: 'Bad Request',
      incidentId: '4fbffdcb-dd74-4d0d-9dfe-3b17fbdf66df',
    },
    expect: { errorId: '4fbffdcb-dd74-4d0d-9dfe-3b17fbdf66df' },
  },
  {
    name: 'Google Ads requestId inside a failure detail',
    status: 400,
    body: {
      error: {
        code: 400,
        message: 'Request contains an invalid argument.',
        status: 'INVALID_ARGUMENT',
        details: [
          {
            '@type': 'type.googleapis.com/google.ads.googleads.v21.errors.GoogleAdsFailure',
            errors: [{ errorCode: { requestError: 'INVALID_CUSTOMER_ID' }, message: 'Invalid customer ID.' }],
            requestId: 'Ra7Tq1PXf5Qw8e0x9B2kLg',
          },
        ],
      },
    },
    expect: { errorId: 'Ra7Tq1PXf5Qw8e0x9B2kLg' },
  },
  {
    name: 'an `id` that names the error kind (Slite) is no support ID',
    status: 429,
    body: { message: "You've reached the api rate limit. Please wait and retry later.", id: 'rate-limit' },
    expect: { errorId: null },
  },
  {
    name: 'an empty response_id is none (Giphy)',
    status: 429,
    body: { data: [], meta: { status: 429, msg: 'API rate limit exceeded', response_id: '' } },
    expect: { errorId: null },
  },
  {
    name: 'S3 website page: RequestId in the list',
    status: 404,
    body: '<html>\n<head><title>404 Not Found</title></head>\n<body>\n<h1>404 Not Found</h1>\n<ul>\n<li>Code: NoSuchKey</li>\n<li>Message: The specified key does not exist.</li>\n<li>Key: about</li>\n<li>RequestId: BF54147FF3BC0476</li>\n<li>HostId: /sfe4HiXv17iXdgdJkR/VicWupccv6xP81STSaxtFK1bJsCI3aW/ZkdNMWM6ogDnC22adzBxEhM=</li>\n</ul>\n<hr/>\n</body>\n</html>\n',
    expect: { errorId: 'BF54147FF3BC0476', errorCode: 'NoSuchKey' },
  },
  {
    name: 'Huawei APIG request_id beside error_code',
    status: 404,
    body: {
      error_code: 'APIG.0101',
      error_msg: 'API does not exist or is not published in the environment.',
      request_id: 'acbc548ac6f2a0dbdb9e3518a7c0ff84',
    },
    expect: { errorId: 'acbc548ac6f2a0dbdb9e3518a7c0ff84', errorCode: 'APIG.0101' },
  },

  {
    name: 'Cloudflare JSON error body: ray_id',
    status: 403,
    body: { error_code: 1020, error_name: 'access_denied', ray_id: '8a1b2c3d4e5f6a7b', title: 'Access denied' },
    expect: { errorId: '8a1b2c3d4e5f6a7b' },
  },
  {
    name: 'a `cf_ray_id` key ends like one',
    status: 503,
    body: { message: 'Origin unreachable', cf_ray_id: '8a1b2c3d4e5f6a7c-FRA' },
    expect: { errorId: '8a1b2c3d4e5f6a7c-FRA' },
  },
  {
    name: 'x-ms-correlation-request-id (Azure Resource Manager)',
    status: 409,
    headers: { 'x-ms-correlation-request-id': '0d5f7e84-3b1c-4c1e-9a51-6f2b8d7c9e10' },
    body: { error: { code: 'Conflict', message: 'Another operation is in progress on the resource.' } },
    expect: { errorId: '0d5f7e84-3b1c-4c1e-9a51-6f2b8d7c9e10' },
  },
  {
    name: 'apim-request-id (Azure AI services)',
    status: 401,
    headers: { 'apim-request-id': '7c1d0f9a-2b3e-4d5c-6b7a-8f9e0d1c2b3a' },
    body: { error: { code: '401', message: 'Access denied due to invalid subscription key or wrong API endpoint.' } },
    expect: { errorId: '7c1d0f9a-2b3e-4d5c-6b7a-8f9e0d1c2b3a' },
  },
  {
    name: 'Azure DevOps: a numeric eventId beside a TF code is no support ID',
    status: 404,
    body: {
      $id: '1',
      innerException: null,
      message: 'TF401019: The Git repository with name or identifier Foo does not exist',
      typeName: 'Microsoft.TeamFoundation.Git.Server.GitRepositoryNotFoundException',
      typeKey: 'GitRepositoryNotFoundException',
      errorCode: 0,
      eventId: 3000,
    },
    expect: { errorId: null },
  },

  {
    name: 'Netlify error page: Netlify Internal ID',
    status: 404,
    body: '<html><body><h1>Page not found</h1><p>Looks like you followed a broken link or entered a URL that does not exist on this site.</p><p>Netlify Internal ID: 01HXA1B2C3D4E5F6G7H8J9K0LM</p></body></html>',
    expect: { errorId: '01HXA1B2C3D4E5F6G7H8J9K0LM' },
  },
  {
    name: 'Salesforce classic page: Error ID',
    status: 500,
    body: '<html><body><p>An internal server error has occurred</p><p>An error has occurred while processing your request. The salesforce.com support team has been notified of the problem.</p><p>Error ID: 1234567890-12345 (-1234567890)</p></body></html>',
    expect: { errorId: '1234567890-12345' },
  },
  {
    name: 'Entra sign-in page: Request Id before Correlation Id',
    status: 400,
    body: '<html><body><div>Sorry, but we are having trouble signing you in.</div><div>AADSTS50011: The redirect URI specified in the request does not match.</div><div>Request Id: 0d5f7e84-3b1c-4c1e-9a51-6f2b8d7c9e10</div><div>Correlation Id: 6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d</div></body></html>',
    expect: { errorId: '0d5f7e84-3b1c-4c1e-9a51-6f2b8d7c9e10' },
  },
  {
    name: 'an internal id of a resource in JSON prose is not taken from a page phrase',
    status: 404,
    body: { error: { code: 'not_found', message: 'No order with that number' }, internal: { order: 'A-1' } },
    expect: { errorId: null },
  },
];

describe('support IDs (issue 13, class 4)', () => {
  it.each(rows(HEADERS))('header: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(BODY_FIELDS))('body: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(PHRASES))('phrase: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(PAGES))('page: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(NOT_IDS))('not an ID: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(MORE_SHAPES))('more shapes: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(FRESH_IDS))('fresh format: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
});
