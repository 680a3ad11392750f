// Issue 13, session 18 (reach-u): support IDs, waits and error pages by breadth. Each row is written from a
// documented format or a response pasted in a public issue or SDK test (corpus/tools/reach-u-sources.md names
// them); "counter" rows must not be taken. Rows that already passed before this session stay as guards.
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const UUID = '3b0a7d1e-2c4f-4e8a-9b1d-6f2e8c4a1d05';
const DATE = 'Tue, 01 Jan 2030 00:00:00 GMT';

/** Request, trace and correlation IDs in headers and bodies (vendor docs, SDK fixtures, pasted responses). */
const IDS: Variant[] = [
  {
    name: 'x-zendesk-request-id',
    status: 500,
    headers: { 'x-zendesk-request-id': 'a1b2c3d4e5f60718' },
    body: { error: 'InternalError' },
    expect: { errorId: 'a1b2c3d4e5f60718' },
  },
  {
    name: 'x-railway-request-id',
    status: 502,
    headers: { 'x-railway-request-id': 'rDq3kX9pTQmZ1vB7n' },
    body: 'Application failed to respond',
    type: 'text/plain',
    expect: { errorId: 'rDq3kX9pTQmZ1vB7n' },
  },
  {
    name: 'x-acs-request-id',
    status: 400,
    headers: { 'x-acs-request-id': UUID },
    body: { Code: 'InvalidParameter', Message: 'The specified parameter is invalid.' },
    expect: { errorId: UUID },
  },
  {
    name: 'alibaba body RequestId/HostId/Recommend',
    status: 400,
    body: {
      RequestId: '8906582E-6722-409A-A6C4-0E7863B733A5',
      HostId: 'ecs.aliyuncs.com',
      Code: 'InvalidParameter',
      Message: 'The specified parameter "InstanceType" is not valid.',
      Recommend: 'https://api.aliyun.com/troubleshoot?q=InvalidParameter&product=Ecs',
    },
    expect: { errorId: '8906582E-6722-409A-A6C4-0E7863B733A5', errorCode: 'InvalidParameter' },
  },
  {
    name: 'tencent Response.Error + RequestId',
    status: 200,
    body: {
      Response: {
        Error: { Code: 'AuthFailure.SignatureFailure', Message: 'The provided credentials could not be validated.' },
        RequestId: 'ed93f3cb-f35e-473f-b9f3-0d451b8b79c6',
      },
    },
    expect: {
      failure: true,
      errorId: 'ed93f3cb-f35e-473f-b9f3-0d451b8b79c6',
      errorCode: 'AuthFailure.SignatureFailure',
    },
  },
  {
    name: 'volcengine ResponseMetadata',
    status: 400,
    body: {
      ResponseMetadata: {
        RequestId: '20230604110420461D8B3D6B4E3A1C2F0E',
        Action: 'DescribeInstances',
        Version: '2020-04-01',
        Service: 'ecs',
        Region: 'cn-beijing',
        Error: { Code: 'InvalidAccessKey', Message: 'The request has an invalid access key.' },
      },
    },
    expect: { errorId: '20230604110420461D8B3D6B4E3A1C2F0E', errorCode: 'InvalidAccessKey' },
  },
  {
    name: 'baidu bce requestId',
    status: 403,
    headers: { 'x-bce-request-id': UUID },
    body: { requestId: UUID, code: 'AccessDenied', message: 'Access denied.' },
    expect: { errorId: UUID },
  },
  {
    name: 'huawei body request_id',
    status: 401,
    body: {
      error_msg: 'Incorrect IAM authentication information',
      error_code: 'APIGW.0301',
      request_id: 'c2b9f3d0a1e34b5c8d7e6f5a4b3c2d1e',
    },
    expect: { errorId: 'c2b9f3d0a1e34b5c8d7e6f5a4b3c2d1e' },
  },
  {
    name: 'qiniu x-reqid',
    status: 401,
    headers: { 'x-reqid': 'p3MAAOCnRZ7fE_4W' },
    body: { error: 'bad token' },
    expect: { errorId: 'p3MAAOCnRZ7fE_4W' },
  },
  {
    name: 'jdcloud',
    status: 400,
    body: {
      requestId: 'bgvmivir54gbj6iq6cv5rqf8bd2c8gp1',
      error: { code: 400, status: 'INVALID_ARGUMENT', message: 'Invalid instanceId' },
    },
    expect: { errorId: 'bgvmivir54gbj6iq6cv5rqf8bd2c8gp1' },
  },
  {
    name: 'ibm x-global-transaction-id',
    status: 500,
    headers: { 'x-global-transaction-id': 'a1b2c3d4e5f6a7b8c9d0' },
    body: { code: 500, error: 'Internal Server Error' },
    expect: { errorId: 'a1b2c3d4e5f6a7b8c9d0' },
  },
  {
    name: 'ibm watson body trace + code',
    status: 400,
    body: {
      errors: [{ code: 'invalid_request', message: 'Invalid request', more_info: 'https://cloud.ibm.com/apidocs' }],
      trace: 'a1b2c3d4-e5f6-7a8b-9c0d-e1f2a3b4c5d6',
      status_code: 400,
    },
    expect: { errorId: 'a1b2c3d4-e5f6-7a8b-9c0d-e1f2a3b4c5d6' },
  },
  {
    name: 'IBM IAM context.requestId (BXNIM0415E, full context)',
    status: 401,
    body: {
      errorCode: 'BXNIM0415E',
      errorMessage: 'Provided API key could not be found.',
      context: {
        requestId: 'Y2FmYjQxZDAtNzFkOS00ZDcyLTkxMjgtOWZlNTU5NzQ5OTc2',
        requestType: 'incoming.Identity_Token',
        userAgent: 'curl',
        clientIp: '1.2.3.4',
        url: 'https://iam.cloud.ibm.com',
        instanceId: 'iamid-9',
        threadId: '1b2c',
        host: 'iamid-9',
        startTime: '01.01.2030 00:00:00:000 UTC',
        endTime: '01.01.2030 00:00:00:100 UTC',
        elapsedTime: '100',
        locale: 'en_US',
        clusterName: 'iam-id-prdal10',
      },
    },
    expect: { errorId: 'Y2FmYjQxZDAtNzFkOS00ZDcyLTkxMjgtOWZlNTU5NzQ5OTc2' },
  },
  {
    name: 'graph innerError request-id not client',
    status: 404,
    headers: { 'client-request-id': UUID },
    body: {
      error: {
        code: 'itemNotFound',
        message: 'The resource could not be found.',
        innerError: {
          date: '2030-01-01T00:00:00',
          'request-id': 'b6d6e0a4-8c93-4a9e-9f8d-7f0a8c4a1d99',
          'client-request-id': UUID,
        },
      },
    },
    expect: { errorId: 'b6d6e0a4-8c93-4a9e-9f8d-7f0a8c4a1d99' },
  },
  {
    name: 'anthropic body request_id',
    status: 529,
    body: {
      type: 'error',
      error: { type: 'overloaded_error', message: 'Overloaded' },
      request_id: 'req_011CSHoEeqs5C35K2UUqR7Fy',
    },
    expect: { errorId: 'req_011CSHoEeqs5C35K2UUqR7Fy' },
  },
  {
    name: 'deepgram err_code request_id',
    status: 400,
    body: {
      err_code: 'Bad Request',
      err_msg: 'Bad Request: failed to process audio: corrupt or unsupported data',
      request_id: UUID,
    },
    expect: { errorId: UUID },
  },
  {
    name: 'asana phrase',
    status: 500,
    body: { errors: [{ message: 'Server Error', phrase: '6 sad squid snuggle softly' }] },
    expect: { errorId: '6 sad squid snuggle softly' },
  },
  {
    name: 'box request_id',
    status: 404,
    body: {
      type: 'error',
      status: 404,
      code: 'not_found',
      help_url: 'https://developer.box.com/guides/api-calls/permissions-and-errors/common-errors/',
      message: 'Could not find the specified resource',
      request_id: 'abcdef123456',
    },
    expect: { errorId: 'abcdef123456' },
  },
  {
    name: 'digitalocean request_id',
    status: 404,
    body: {
      id: 'not_found',
      message: 'The resource you were accessing could not be found.',
      request_id: '4d6c1b3a-5f2e-4b7a-8c9d-0e1f2a3b4c5d',
    },
    expect: { errorId: '4d6c1b3a-5f2e-4b7a-8c9d-0e1f2a3b4c5d', errorCode: 'not_found' },
  },
  {
    name: 'ebay errorId is a code',
    status: 400,
    body: {
      errors: [{ errorId: 15008, domain: 'API_ORDER', category: 'REQUEST', message: 'Invalid Field : orderId.' }],
    },
    expect: { errorId: null },
  },
  {
    name: 'stackexchange error_id is a code + wait',
    status: 400,
    body: {
      error_id: 502,
      error_message: 'too many requests from this IP, more requests available in 82216 seconds',
      error_name: 'throttle_violation',
    },
    expect: { errorId: null, retryAfterSeconds: 82216, errorCode: 'throttle_violation' },
  },
  {
    name: 'x-li-uuid linkedin',
    status: 403,
    headers: { 'x-li-uuid': 'AAXk2p9y3fQ0s1hZzYbq6w==' },
    body: { serviceErrorCode: 100, message: 'Not enough permissions to access: GET /me', status: 403 },
    expect: { errorId: 'AAXk2p9y3fQ0s1hZzYbq6w==' },
  },
  {
    name: 'x-fb-trace-id',
    status: 400,
    headers: { 'x-fb-trace-id': 'Dl3Lh0v7w9A', 'x-fb-rev': '1009876543' },
    body: {
      error: { message: 'Invalid OAuth access token.', type: 'OAuthException', code: 190, fbtrace_id: 'AZ4pG3K9v2bXy' },
    },
    expect: { errorId: 'AZ4pG3K9v2bXy' },
  },
  {
    name: 'twitter x-transaction-id',
    status: 429,
    headers: { 'x-transaction-id': '2f1a9b7c3d5e8f01' },
    body: { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 },
    expect: { errorId: '2f1a9b7c3d5e8f01' },
  },
  {
    name: 'x-zm-trackingid zoom',
    status: 404,
    headers: { 'x-zm-trackingid': 'v=2.0;clid=us06;rid=WEB_a1b2c3d4e5f6' },
    body: { code: 3001, message: 'Meeting does not exist: 123.' },
    expect: { errorId: 'v=2.0;clid=us06;rid=WEB_a1b2c3d4e5f6' },
  },
  {
    name: 'sentry-trace alone: its trace id (Sentry tracing spec)',
    status: 500,
    headers: { 'sentry-trace': '771a43a4192642f0b136d5159a501700-a1b2c3d4e5f60718-1' },
    body: { detail: 'Internal Error' },
    expect: { errorId: '771a43a4192642f0b136d5159a501700' },
  },
  {
    name: 'x-amzn-trace-id response',
    status: 502,
    headers: { 'x-amzn-trace-id': 'Root=1-67891233-abcdef012345678912345678' },
    body: { message: 'Internal server error' },
    expect: { errorId: 'Root=1-67891233-abcdef012345678912345678' },
  },
  {
    name: 'x-served-by only: none',
    status: 503,
    headers: { 'x-served-by': 'cache-fra19120-FRA', 'x-timer': 'S1690000000.123,VS0,VE5', 'x-cache': 'MISS' },
    body: { message: 'Service unavailable' },
    expect: { errorId: null },
  },
  {
    name: 'etag not id',
    status: 412,
    headers: { etag: 'W/"a1b2c3d4e5f6"' },
    body: { message: 'Precondition failed' },
    expect: { errorId: null },
  },
  {
    name: 'x-render-origin-server no id',
    status: 502,
    headers: { 'x-render-origin-server': 'Render' },
    body: 'Bad Gateway',
    type: 'text/plain',
    expect: { errorId: null },
  },
  {
    name: 'x-session-id not support',
    status: 401,
    headers: { 'x-session-id': 'sess_9f8e7d6c5b4a' },
    body: { message: 'Unauthorized' },
    expect: { errorId: null },
  },
  {
    name: 'x-envoy-upstream-service-time no id',
    status: 503,
    headers: { 'x-envoy-upstream-service-time': '12' },
    body: 'no healthy upstream',
    type: 'text/plain',
    expect: { errorId: null },
  },
  {
    name: 'x-cache-key not id',
    status: 404,
    headers: { 'x-cache-key': '/v1/things/42' },
    body: { message: 'Not found' },
    expect: { errorId: null },
  },
  {
    name: 'x-datadog-trace-id alone',
    status: 500,
    headers: { 'x-datadog-trace-id': '1234567890123456789' },
    body: { message: 'Internal Server Error' },
    expect: { errorId: '1234567890123456789' },
  },
  {
    name: 'x-cloud-trace-context',
    status: 500,
    headers: { 'x-cloud-trace-context': '105445aa7843bc8bf206b12000100000/1;o=1' },
    body: 'Internal Server Error',
    type: 'text/plain',
    expect: { errorId: '105445aa7843bc8bf206b12000100000' },
  },
  {
    name: 'x-oss-request-id',
    status: 403,
    headers: { 'x-oss-request-id': '5C3D9175B6FC201293AD****' },
    body: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>You do not have read acl permission on this object.</Message><RequestId>5C3D9175B6FC201293AD4890</RequestId><HostId>bucket.oss-cn-hangzhou.aliyuncs.com</HostId></Error>',
    type: 'application/xml',
    expect: { errorId: '5C3D9175B6FC201293AD4890' },
  },
  {
    name: 'cos RequestId + TraceId XML',
    status: 404,
    body: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Resource>examplebucket-1250000000.cos.ap-beijing.myqcloud.com/a</Resource><RequestId>NjQ0ZjY2ZjFfMjBiNDU4NjRfNmY0N18xMjM0</RequestId><TraceId>OGVmYzZiMmQzYjA2OWNhODk0NTRkMTBiOWVmMDAxODc0OWRkZjk0ZDM1NmI1M2E2MTRlY2MzZDhmNmI5MWI1OTBjYzE2MjAxN2M1MzJiOTdkZjMxMDVlYTZjN2FiMmI0NTk3NWFiNjAyMzdhM2RlNmQ3ZWM5OGU2YzZmYTM1ZGI=</TraceId></Error>',
    type: 'application/xml',
    expect: { errorId: 'NjQ0ZjY2ZjFfMjBiNDU4NjRfNmY0N18xMjM0' },
  },
  {
    name: 'azure storage XML RequestId',
    status: 404,
    headers: { 'x-ms-request-id': 'fb6a4f27-501e-0046-3c0a-9a2b1c000000' },
    body: '<?xml version="1.0" encoding="utf-8"?><Error><Code>BlobNotFound</Code><Message>The specified blob does not exist.\nRequestId:fb6a4f27-501e-0046-3c0a-9a2b1c000000\nTime:2030-01-01T00:00:00.0000000Z</Message></Error>',
    type: 'application/xml',
    expect: { errorId: 'fb6a4f27-501e-0046-3c0a-9a2b1c000000', errorCode: 'BlobNotFound' },
  },
  {
    name: 'b3 single header (Zipkin b3-propagation): its trace id',
    status: 502,
    headers: { b3: '80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-1-05e3ac9a4f6e3b90' },
    body: { message: 'upstream error' },
    expect: { errorId: '80f198ee56343ba864fe8b2a57d3eff7' },
  },
  {
    name: 'b3 with a 64-bit trace id',
    status: 500,
    headers: { b3: '463ac35c9f6413ad-a2fb4a1d1a96d312-0' },
    body: { message: 'Internal Server Error' },
    expect: { errorId: '463ac35c9f6413ad' },
  },
  {
    name: 'counter: b3 holding only a sampling flag names no trace',
    status: 500,
    headers: { b3: '0' },
    body: { message: 'Internal Server Error' },
    expect: { errorId: null },
  },
  {
    name: 'counter: a malformed sentry-trace names no trace',
    status: 500,
    headers: { 'sentry-trace': 'not-a-trace' },
    body: { message: 'Internal Server Error' },
    expect: { errorId: null },
  },
  {
    name: 'a vendor request ID outranks sentry-trace',
    status: 500,
    headers: {
      'sentry-trace': '771a43a4192642f0b136d5159a501700-a1b2c3d4e5f60718-1',
      'x-request-id': 'req-7f3a9c2e1b',
    },
    body: { detail: 'Internal Error' },
    expect: { errorId: 'req-7f3a9c2e1b' },
  },
  {
    name: 'IBM IAM context.requestId beside errorDetails (BXNIM0602E)',
    status: 400,
    body: {
      errorCode: 'BXNIM0602E',
      errorMessage: 'The credentials you provided are incorrect',
      errorDetails: 'The credentials you entered for the user are incorrect',
      context: {
        requestId: '2512082279',
        requestType: 'incoming.OIDC_Token',
        startTime: '15.03.2017 22:50:39:925 UTC',
        instanceId: 'tokenservice/1',
        threadId: '8791',
        locale: 'en_US',
      },
    },
    expect: { errorId: '2512082279', errorCode: 'BXNIM0602E' },
  },
  {
    name: 'IBM IAM context first (watson SDK paste)',
    status: 400,
    body: {
      context: {
        requestId: '583ab17ab34d44fe890aef44f9fbee0b',
        requestType: 'incoming.Identity_Token',
        userAgent: 'watson-developer-cloud-nodejs-3.13.0;',
        clientIp: '70.80.204.99',
        instanceId: 'iamid-7568c4648f-m8fz7',
        threadId: '133f29',
      },
      errorCode: 'BXNIM0415E',
      errorMessage: 'Provided API key could not be found',
    },
    expect: { errorId: '583ab17ab34d44fe890aef44f9fbee0b', message: 'Provided API key could not be found' },
  },
  {
    name: "counter: a client request ID in context is the client's own",
    status: 400,
    body: { errorCode: 'E42', errorMessage: 'Bad input value', context: { clientRequestId: 'my-req-123456' } },
    expect: { errorId: null },
  },
  {
    name: 'counter: a bare id in context names a resource',
    status: 404,
    body: {
      errorCode: 'NOT_FOUND',
      errorMessage: 'No such order',
      context: { id: '8f2a91c3-d4e5-4f6a-8b7c-9d0e1f2a3b4c', type: 'order' },
    },
    expect: { errorId: null },
  },
  {
    name: 'counter: a success with context.requestId stays a success',
    status: 200,
    body: { answer: 'ok', context: { requestId: 'legal-qa-api-0001' } },
    expect: { failure: false, errorId: null },
  },
  {
    name: 'SAP OData v2 innererror.transactionid',
    status: 400,
    body: {
      error: {
        code: 'SY/530',
        message: { lang: 'en', value: 'Material 4711 does not exist' },
        innererror: {
          application: {
            component_id: 'MM',
            service_namespace: '/SAP/',
            service_id: 'API_PRODUCT_SRV',
            service_version: '0001',
          },
          transactionid: 'F1A2B3C4D5E6F708192A3B4C5D6E7F80',
          timestamp: '20300101000000.1234560',
          Error_Resolution: {
            SAP_Transaction: 'Run transaction /IWFND/ERROR_LOG on SAP Gateway hub system',
            SAP_Note: 'See SAP Note 1797736',
          },
          errordetails: [],
        },
      },
    },
    expect: {
      errorId: 'F1A2B3C4D5E6F708192A3B4C5D6E7F80',
      message: 'Material 4711 does not exist',
      errorCode: 'SY/530',
    },
  },
  {
    name: 'Dataverse REQ_ID header',
    status: 404,
    headers: { req_id: UUID },
    body: { error: { code: '0x80040217', message: 'account With Id = 00000000 Does Not Exist' } },
    expect: { errorId: UUID },
  },
  {
    name: 'Braintree GraphQL extensions.requestId',
    status: 200,
    body: {
      data: null,
      errors: [
        {
          message: 'Amount must be greater than zero.',
          locations: [{ line: 1, column: 1 }],
          path: ['chargePaymentMethod'],
          extensions: { errorClass: 'VALIDATION', legacyCode: '81531', inputPath: ['input', 'transaction', 'amount'] },
        },
      ],
      extensions: { requestId: 'a7b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d' },
    },
    expect: { failure: true, errorId: 'a7b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d' },
  },
  {
    name: 'Stripe request_log_url only',
    status: 402,
    body: {
      error: {
        code: 'card_declined',
        decline_code: 'generic_decline',
        doc_url: 'https://stripe.com/docs/error-codes/card-declined',
        message: 'Your card was declined.',
        request_log_url: 'https://dashboard.stripe.com/test/logs/req_8kQ2xYz1AbCdEf?t=1700000000',
        type: 'card_error',
      },
    },
    expect: { errorId: 'req_8kQ2xYz1AbCdEf' },
  },
  {
    name: 'Okta errorId no digits',
    status: 401,
    body: {
      errorCode: 'E0000011',
      errorSummary: 'Invalid token provided',
      errorLink: 'E0000011',
      errorId: 'oaeVuIxVgWRSdWbkrDBDgCBnQ',
      errorCauses: [],
    },
    expect: { errorId: 'oaeVuIxVgWRSdWbkrDBDgCBnQ' },
  },
  {
    name: 'HERE correlationId',
    status: 400,
    body: {
      title: 'Malformed request',
      status: 400,
      code: 'E605001',
      cause: 'Invalid value for parameter',
      action: 'Fix the request',
      correlationId: '4199533b-6290-41db-8d79-edf4f4019a74',
    },
    expect: { errorId: '4199533b-6290-41db-8d79-edf4f4019a74' },
  },
  {
    name: 'azure cosmos x-ms-retry-after-ms',
    status: 429,
    headers: { 'x-ms-retry-after-ms': '2500', 'x-ms-activity-id': UUID },
    body: {
      code: 'TooManyRequests',
      message:
        'Message: {"Errors":["Request rate is large. More Request Units may be needed, so no changes were made. Please retry this request later."]}',
    },
    expect: { retryAfterSeconds: 2.5, errorId: UUID },
  },
  {
    name: 'AWS x-amzn-ErrorType throttling',
    status: 400,
    headers: {
      'x-amzn-requestid': UUID,
      'x-amzn-errortype': 'ThrottlingException:http://internal.amazon.com/coral/com.amazon.coral.availability/',
    },
    body: { __type: 'com.amazon.coral.availability#ThrottlingException', message: 'Rate exceeded' },
    expect: { errorId: UUID, retryable: true },
  },
  {
    name: 'Azure ARM: empty x-ms-request-id falls to correlation',
    status: 409,
    headers: { 'x-ms-request-id': '', 'x-ms-correlation-request-id': UUID },
    body: { error: { code: 'Conflict', message: 'Operation is in progress' } },
    expect: { errorId: UUID },
  },
  {
    name: 'GraphQL extensions.requestId in error',
    status: 200,
    body: {
      errors: [
        {
          message: 'Internal server error',
          extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req_9f8e7d6c5b4a3210' },
        },
      ],
      data: null,
    },
    expect: { failure: true, errorId: 'req_9f8e7d6c5b4a3210' },
  },
  {
    name: 'Kong text request_id',
    status: 503,
    body: 'failure to get a peer from the ring-balancer\nrequest_id: 2f9a0b6c1d3e4f5a6b7c8d9e0f1a2b3c',
    type: 'text/plain',
    expect: { errorId: '2f9a0b6c1d3e4f5a6b7c8d9e0f1a2b3c' },
  },
  {
    name: 'Traefik/nginx 502 text with request id header x-request-id',
    status: 502,
    headers: { 'x-request-id': 'e3b0c44298fc1c149afbf4c8996fb924' },
    body: 'Bad Gateway',
    type: 'text/plain',
    expect: { errorId: 'e3b0c44298fc1c149afbf4c8996fb924', message: 'Bad Gateway' },
  },
  {
    name: 'traceresponse (W3C Trace Context Level 2; an Azure Digital Twins recording)',
    status: 400,
    headers: { traceresponse: '00-40e5df5fa54eca439efb7eb7b1af9041-0a56689e6a7aa24d-01' },
    body: {
      error: { code: 'ModelNotFound', message: 'There is no Model(s) available that matches the provided id(s).' },
    },
    expect: { errorId: '40e5df5fa54eca439efb7eb7b1af9041' },
  },
  {
    name: 'Server-Timing traceparent (OpenTelemetry ServerTimingResponsePropagator, Splunk RUM)',
    status: 500,
    headers: {
      'server-timing':
        'cdn-cache; desc=MISS, edge; dur=12, origin; dur=146, traceparent;desc="00-a4e850d476b40c734ccaa4472a53d855-81e431004717f4d2-01"',
    },
    body: { message: 'Internal Server Error' },
    expect: { errorId: 'a4e850d476b40c734ccaa4472a53d855' },
  },
  {
    name: 'a request ID outranks the Server-Timing trace',
    status: 500,
    headers: {
      'x-request-id': 'req-5b6c7d8e9f',
      'server-timing': 'traceparent;desc="00-a4e850d476b40c734ccaa4472a53d855-81e431004717f4d2-01"',
    },
    body: { message: 'Internal Server Error' },
    expect: { errorId: 'req-5b6c7d8e9f' },
  },
  {
    name: 'counter: Server-Timing metrics without a traceparent name no event',
    status: 503,
    headers: { 'server-timing': 'cdn-cache; desc=MISS, edge; dur=12, origin; dur=146' },
    body: { message: 'Service Unavailable' },
    expect: { errorId: null },
  },
  {
    name: 'counter: a Sucuri server ID header is no support ID',
    status: 403,
    headers: { 'x-sucuri-id': '14013' },
    body: { message: 'Access denied' },
    expect: { errorId: null },
  },
  {
    name: 'Entra AADSTS text Trace ID / Correlation ID',
    status: 400,
    body: {
      error: 'invalid_client',
      error_description:
        'AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value. Trace ID: 0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d00 Correlation ID: 4f5a6b7c-8d9e-4f0a-9b1c-2d3e4f5a6b7c Timestamp: 2030-01-01 00:00:00Z',
      error_codes: [7000215],
      timestamp: '2030-01-01 00:00:00Z',
    },
    expect: { errorId: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d00' },
  },
  {
    name: 'RequestId in brackets',
    status: 500,
    body: { message: 'Something went wrong [RequestId: 8e7f6a5b-4c3d-4e2f-9a1b-0c9d8e7f6a5b]' },
    expect: { errorId: '8e7f6a5b-4c3d-4e2f-9a1b-0c9d8e7f6a5b' },
  },
  {
    name: 'Request-Id quoted',
    status: 500,
    body: { message: "Internal error. Request-Id: 'req_5fG7hJ9kL1'" },
    expect: { errorId: 'req_5fG7hJ9kL1' },
  },
  {
    name: 'include this ID: (an ID after a short clause and a colon)',
    status: 500,
    body: {
      error: 'An unexpected error occurred. Please contact support and include this ID: 01HXZ3K9QW8E7R6T5Y4U3I2O1P',
    },
    expect: { errorId: '01HXZ3K9QW8E7R6T5Y4U3I2O1P' },
  },
  {
    name: 'x-request-id in message',
    status: 502,
    body: { message: 'upstream failed (x-request-id: 7c1e2a9b4d3f)' },
    expect: { errorId: '7c1e2a9b4d3f' },
  },
  {
    name: 'Correlation Id in Azure text',
    status: 500,
    body: 'An error has occurred. Correlation Id: 5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e',
    type: 'text/plain',
    expect: { errorId: '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e' },
  },
  {
    name: 'OpenAI message request ID',
    status: 500,
    body: {
      error: {
        message:
          'The server had an error while processing your request. Sorry about that! You can retry your request, or contact us through our help center at help.openai.com if the error persists. (Please include the request ID req_a1b2c3d4e5f60718293a4b5c6d7e8f90 in your message.)',
        type: 'server_error',
        param: null,
        code: null,
      },
    },
    expect: { errorId: 'req_a1b2c3d4e5f60718293a4b5c6d7e8f90' },
  },
  {
    name: 'Anthropic message',
    status: 500,
    body: {
      type: 'error',
      error: { type: 'api_error', message: 'Internal server error' },
      request_id: 'req_011CSHoEeqs5C35K2UUqR7Fy',
    },
    expect: { errorId: 'req_011CSHoEeqs5C35K2UUqR7Fy' },
  },
  {
    name: 'Google "error ID" in html',
    status: 500,
    body: '<html><body><h1>Server Error</h1><p>An internal error occurred. Error ID: 4f9b2c1e</p></body></html>',
    expect: { errorId: '4f9b2c1e' },
  },
  {
    name: 'Salesforce UNKNOWN_EXCEPTION: "include this ErrorId if you contact support: …"',
    status: 500,
    body: [
      {
        message:
          'An unexpected error occurred. Please include this ErrorId if you contact support: 1234567890-12345 (-1234567890)',
        errorCode: 'UNKNOWN_EXCEPTION',
      },
    ],
    expect: { errorId: '1234567890-12345' },
  },
  {
    name: 'Atlassian "Trace ID" text',
    status: 503,
    body: { message: 'Service unavailable. Please try again later.', 'status-code': 503, traceId: '7a8b9c0d1e2f3a4b' },
    expect: { errorId: '7a8b9c0d1e2f3a4b' },
  },
  {
    name: 'Cloudflare Access request id',
    status: 403,
    body: "<html><body><h1>Forbidden</h1><p>You don't have permission to view this application.</p><p>Ray ID: 8d1e2f3a4b5c6d7e</p></body></html>",
    expect: { errorId: '8d1e2f3a4b5c6d7e' },
  },
  {
    name: 'counter: order number is no support id',
    status: 409,
    body: { message: 'Order number 100234 has already been shipped' },
    expect: { errorId: null },
  },
  {
    name: 'counter: session ID in json message',
    status: 401,
    body: { message: 'Session ID abc123def456 has expired' },
    expect: { errorId: null },
  },
  {
    name: 'include this identifier: (a forum error page)',
    status: 500,
    body: '<html><body><p>An error was generated.</p><p>For more assistance, ask in the discussion topic and include this identifier: 7f3e2a1b9c</p></body></html>',
    expect: { errorId: '7f3e2a1b9c' },
  },
  {
    name: 'counter: "this ID" with a word after the colon is no ID',
    status: 400,
    body: { message: 'Please check this ID format: must be numeric' },
    expect: { errorId: null },
  },
  {
    name: 'counter: "the following fields" names no ID',
    status: 400,
    body: { message: 'Fix the following fields: email2, phone3' },
    expect: { errorId: null },
  },
];

/** Error pages of CDNs, WAFs, bot protection, hosting and servers: the headline as the message, the printed ID. */
const PAGES: Variant[] = [
  {
    name: 'heroku app error page',
    status: 503,
    headers: { server: 'cowboy' },
    body: '<!DOCTYPE html><html><head><meta name="viewport" content="width=device-width, initial-scale=1"><meta charset="utf-8"><title>Application Error</title><style media="screen">html,body,iframe{margin:0;padding:0}</style></head><body><iframe src="//www.herokucdn.com/error-pages/application-error.html"></iframe></body></html>',
    expect: { message: 'Application Error' },
  },
  {
    name: 'cloudflare 1015 wait none',
    status: 429,
    body: '<!DOCTYPE html><html><head><title>Access denied | example.com used Cloudflare to restrict access</title></head><body><div id="cf-error-details"><h1><span>Error</span><span>1015</span></h1><h2>You are being rate limited</h2><p>The owner of this website (example.com) has banned you temporarily from accessing this website.</p><p>Cloudflare Ray ID: <strong>7d1a2b3c4d5e6f70</strong></p></div></body></html>',
    expect: {
      errorId: '7d1a2b3c4d5e6f70',
      errorCode: '1015',
      message: 'You are being rate limited',
      retryAfterSeconds: null,
    },
  },
  {
    name: 'cloudflare challenge',
    status: 403,
    headers: { 'cf-ray': '8f1a2b3c4d5e6f70-AMS', 'cf-mitigated': 'challenge' },
    body: '<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title></head><body><div class="main-wrapper" role="main"><div class="main-content"><noscript><div class="h2"><span id="challenge-error-text">Enable JavaScript and cookies to continue</span></div></noscript></div></div><script>(function(){window._cf_chl_opt={cRay: \'8f1a2b3c4d5e6f70\'}})();</script></body></html>',
    expect: { errorId: '8f1a2b3c4d5e6f70-AMS' },
  },
  {
    name: 'azure front door new page',
    status: 503,
    headers: { 'x-azure-ref': '20300101T000000Z-17f8c9d5b6c7d8e9f0a1b2c3d4e5f6a7b8' },
    body: "<!DOCTYPE html><html><head><title>Our services aren't available right now</title></head><body><h2>Our services aren't available right now</h2><p>We're working to restore all services as soon as possible. Please check back soon.</p><div>20300101T000000Z-17f8c9d5b6c7d8e9f0a1b2c3d4e5f6a7b8</div></body></html>",
    expect: { errorId: '20300101T000000Z-17f8c9d5b6c7d8e9f0a1b2c3d4e5f6a7b8' },
  },
  {
    name: 'AWS API Gateway 403 Missing Auth',
    status: 403,
    headers: {
      'x-amzn-requestid': UUID,
      'x-amzn-errortype': 'MissingAuthenticationTokenException',
      'x-amz-apigw-id': 'Kx1yZGxyoAMFbcw=',
    },
    body: { message: 'Missing Authentication Token' },
    expect: { errorId: UUID, errorCode: 'MissingAuthenticationTokenException' },
  },
  {
    name: 'Akamai Edge 503 page',
    status: 503,
    body: '<HTML><HEAD><TITLE>Service Unavailable</TITLE></HEAD><BODY><H1>Service Unavailable - Zero size object</H1>The server is temporarily unable to service your request.  Please try again later.<P>Reference&#32;&#35;15&#46;9a8b7c6d&#46;1900000000&#46;4e5f6a7b</BODY></HTML>',
    expect: { errorId: '15.9a8b7c6d.1900000000.4e5f6a7b', message: 'Service Unavailable - Zero size object' },
  },
  {
    name: 'Akamai "Reference #" without entity',
    status: 403,
    body: '<HTML><HEAD><TITLE>Access Denied</TITLE></HEAD><BODY><H1>Access Denied</H1>You don\'t have permission to access "https://www.example.com/" on this server.<P>Reference #18.bd5c3a17.1700000000.9f8e7d6c<P>https&#58;&#47;&#47;errors&#46;edgesuite&#46;net&#47;18&#46;bd5c3a17&#46;1700000000&#46;9f8e7d6c</BODY></HTML>',
    expect: { errorId: '18.bd5c3a17.1700000000.9f8e7d6c' },
  },
  {
    name: 'Imperva new block page',
    status: 403,
    body: '<html><head><title>Access Denied</title></head><body><h1>Access denied</h1><p>Error 15</p><p>This request was blocked by our security service</p><p>Your IP: 203.0.113.7</p><p>Proxy IP: 198.51.100.1</p><p>Incident ID: 1234000210567890123-987654321098765432</p></body></html>',
    expect: { errorId: '1234000210567890123-987654321098765432' },
  },
  {
    name: 'Radware captcha incident ID',
    status: 403,
    body: '<html><head><title>Radware Bot Manager Captcha</title></head><body><h1>We apologize for the inconvenience...</h1><p>...but your activity and behavior on this site made us think that you are a bot.</p><p>Incident ID: 7c9a1f1d-0e6b-4c6a-9b0d-5a2b7e3c9d1f</p></body></html>',
    expect: { errorId: '7c9a1f1d-0e6b-4c6a-9b0d-5a2b7e3c9d1f' },
  },
  {
    name: 'HUMAN/PerimeterX block page: Reference ID: #…',
    status: 403,
    body: '<html><head><title>Access to this page has been denied.</title></head><body><h1>Access to this page has been denied.</h1><p>Press & Hold to confirm you are a human (and not a bot).</p><p>Reference ID: #8a2f1c3e-9b7d-11ee-a1b2-0242ac120002</p></body></html>',
    expect: { errorId: '8a2f1c3e-9b7d-11ee-a1b2-0242ac120002' },
  },
  {
    name: 'Wordfence block',
    status: 503,
    body: '<html><head><title>Your access to this site has been limited by the site owner</title></head><body><h1>Your access to this site has been limited by the site owner</h1><p>If you think you have been blocked in error, contact the owner of this site for assistance.</p><h2>Block Technical Data</h2><table><tr><th>Block Reason:</th><td>Access from your area has been temporarily limited for security reasons.</td></tr><tr><th>Time:</th><td>Tue, 1 Jan 2030 0:00:00 GMT</td></tr></table></body></html>',
    expect: { message: 'Your access to this site has been limited by the site owner', errorId: null },
  },
  {
    name: 'ModSecurity Not Acceptable',
    status: 406,
    body: '<html><head><title>Not Acceptable!</title></head><body><h1>Not Acceptable!</h1><p>An appropriate representation of the requested resource could not be found on this server. This error was generated by Mod_Security.</p></body></html>',
    expect: { message: 'An appropriate representation of the requested resource could not be found' },
  },
  {
    name: 'Jetty HTTP ERROR',
    status: 404,
    body: '<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html;charset=ISO-8859-1"/>\n<title>Error 404 Not Found</title>\n</head>\n<body><h2>HTTP ERROR 404 Not Found</h2>\n<table>\n<tr><th>URI:</th><td>/v1/things/42</td></tr>\n<tr><th>STATUS:</th><td>404</td></tr>\n<tr><th>MESSAGE:</th><td>No such thing</td></tr>\n<tr><th>SERVLET:</th><td>default</td></tr>\n</table>\n</body>\n</html>',
    expect: { message: 'No such thing' },
  },
  {
    name: 'GitHub Pages 404',
    status: 404,
    body: '<!DOCTYPE html><html><head><title>Page not found &middot; GitHub Pages</title></head><body><div class="container"><h1>404</h1><p><strong>File not found</strong></p><p>The site configured at this address does not contain the requested file.</p></div></body></html>',
    expect: { message: 'File not found' },
  },
  {
    name: 'GitLab 500 request id',
    status: 500,
    body: '<!DOCTYPE html><html><head><title>Something went wrong (500)</title></head><body><h1>500</h1><div class="container"><h3>We\'re sorry. Something went wrong on our end.</h3><p>Request ID: <code>01HQ3Z5K8Y2M4N6P8R0T2V4X6Z</code></p><p>Try refreshing the page, or going back and attempting the action again.</p></div></body></html>',
    expect: { errorId: '01HQ3Z5K8Y2M4N6P8R0T2V4X6Z', message: "We're sorry. Something went wrong on our end" },
  },
  {
    name: 'Shopify request id page',
    status: 503,
    body: '<!DOCTYPE html><html><head><title>Service unavailable</title></head><body><h1>There was a problem loading this website</h1><p>Try refreshing the page.</p><p>If the site still doesn\'t load, please try again in a few minutes.</p><p class="request-id">Request ID: 1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d</p></body></html>',
    expect: { errorId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', message: 'There was a problem loading this website' },
  },
  {
    name: 'Azure App Service stopped',
    status: 403,
    body: '<!DOCTYPE html><html><head><title>Web App - Unavailable</title></head><body><div><h1>Error 403 - This web app is stopped.</h1><p>The web app you have attempted to reach is currently stopped and does not accept any requests.</p></div></body></html>',
    expect: { message: 'This web app is stopped' },
  },
  {
    name: 'AppGW 502',
    status: 502,
    body: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>Microsoft-Azure-Application-Gateway/v2</center></body></html>',
    expect: { message: 'Bad Gateway' },
  },
  {
    name: 'Barracuda WAF page',
    status: 403,
    body: '<html><head><title>Request Rejected</title></head><body><div style="border:1px solid"><b>The requested URL was rejected. Please consult with your administrator.</b><br><br>Your support ID is: 14960712234567890123</div></body></html>',
    expect: { errorId: '14960712234567890123' },
  },
  {
    name: 'Cloud Armor 403',
    status: 403,
    body: '<!doctype html><meta charset="utf-8"><meta name=viewport content="width=device-width, initial-scale=1"><title>403</title>403 Forbidden',
    expect: { message: 'Forbidden' },
  },
  {
    name: 'Google LB 502 with wait',
    status: 502,
    body: '<!DOCTYPE html>\n<html lang=en>\n  <meta charset=utf-8>\n  <title>Error 502 (Server Error)!!1</title>\n  <p><b>502.</b> <ins>That’s an error.</ins>\n  <p>The server encountered a temporary error and could not complete your request.<p>Please try again in 30 seconds.  <ins>That’s all we know.</ins>',
    expect: { retryAfterSeconds: 30, message: 'The server encountered a temporary error' },
  },
  {
    name: 'Reference ID: # inside a sentence (support ticket form)',
    status: 403,
    body: '<html><body><h1>Request blocked</h1><p>Please contact support and quote Reference ID: #a7f3c9e2-41bb-4d0e-9c1a-2b3c4d5e6f70</p></body></html>',
    expect: { errorId: 'a7f3c9e2-41bb-4d0e-9c1a-2b3c4d5e6f70', message: 'Request blocked' },
  },
  {
    name: 'counter: "Reference #" followed by a word is no ID',
    status: 404,
    body: '<html><body><h1>Not Found</h1><p>See the API Reference # section for valid paths.</p></body></html>',
    expect: { errorId: null },
  },
  {
    name: 'Jenkins/Jetty no valid crumb',
    status: 403,
    body: '<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html;charset=utf-8"/>\n<title>Error 403 No valid crumb was included in the request</title>\n</head>\n<body><h2>HTTP ERROR 403 No valid crumb was included in the request</h2>\n<table>\n<tr><th>URI:</th><td>/job/x/build</td></tr>\n<tr><th>STATUS:</th><td>403</td></tr>\n<tr><th>MESSAGE:</th><td>No valid crumb was included in the request</td></tr>\n<tr><th>SERVLET:</th><td>Stapler</td></tr>\n</table>\n<hr><a href="https://eclipse.org/jetty">Powered by Jetty:// 10.0.13</a><hr/>\n\n</body>\n</html>',
    expect: { message: 'No valid crumb was included in the request' },
  },
  {
    name: 'IIS HTTP.sys 503',
    status: 503,
    body: '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN""http://www.w3.org/TR/html4/strict.dtd">\r\n<HTML><HEAD><TITLE>Service Unavailable</TITLE>\r\n<META HTTP-EQUIV="Content-Type" Content="text/html; charset=us-ascii"></HEAD>\r\n<BODY><h2>Service Unavailable</h2>\r\n<hr><p>HTTP Error 503. The service is unavailable.</p>\r\n</BODY></HTML>\r\n',
    expect: { message: 'The service is unavailable' },
  },
  {
    name: 'IIS 500 generic',
    status: 500,
    body: 'The page cannot be displayed because an internal server error has occurred.',
    type: 'text/html',
    expect: { message: 'The page cannot be displayed because an internal server error has occurred' },
  },
  {
    name: 'Vercel text timeout',
    status: 504,
    headers: {
      'x-vercel-error': 'FUNCTION_INVOCATION_TIMEOUT',
      'x-vercel-id': 'fra1::iad1::abcde-1700000000000-0123456789ab',
    },
    body: 'An error occurred with your deployment\n\nFUNCTION_INVOCATION_TIMEOUT\n\nfra1::iad1::abcde-1700000000000-0123456789ab\n',
    type: 'text/plain',
    expect: { errorCode: 'FUNCTION_INVOCATION_TIMEOUT', errorId: 'fra1::iad1::abcde-1700000000000-0123456789ab' },
  },
  {
    name: 'Railway 502 page request id',
    status: 502,
    body: '<!DOCTYPE html><html><head><title>Application Error</title></head><body><h1>Application failed to respond</h1><p>This error appears to be caused by the application.</p><p>Request ID: <span>Vxk2nT8eRvq0Yzp1AbC3dQ</span></p></body></html>',
    expect: { message: 'Application failed to respond', errorId: 'Vxk2nT8eRvq0Yzp1AbC3dQ' },
  },
  {
    name: 'Cloudflare 1101 worker threw',
    status: 500,
    body: '<!DOCTYPE html><html><head><title>Worker threw exception | example.com | Cloudflare</title></head><body><div id="cf-error-details"><h1><span>Error</span><span>1101</span></h1><h2>Worker threw exception</h2><p>You\'ve requested a page on a website (example.com) that is on the Cloudflare network. An unknown error occurred while rendering the page.</p><p>Cloudflare Ray ID: <strong>8b1c2d3e4f506172</strong></p></div></body></html>',
    expect: { errorCode: '1101', message: 'Worker threw exception', errorId: '8b1c2d3e4f506172' },
  },
  {
    name: 'Cloudflare text error code',
    status: 403,
    headers: { 'cf-ray': '8c1d2e3f40516273-FRA' },
    body: 'error code: 1020',
    type: 'text/plain',
    expect: { errorCode: '1020', errorId: '8c1d2e3f40516273-FRA' },
  },
  {
    name: 'Tyk JSON error',
    status: 403,
    body: { error: 'Access to this API has been disallowed' },
    expect: { message: 'Access to this API has been disallowed' },
  },
  {
    name: 'Apigee fault spike arrest',
    status: 429,
    body: {
      fault: {
        faultstring:
          'Spike arrest violation. Allowed rate : MessageRate{messagesPerPeriod=10, periodInMicroseconds=1000000, maxBurstMessageCount=1.0}',
        detail: { errorcode: 'policies.ratelimit.SpikeArrestViolation' },
      },
    },
    expect: { errorCode: 'policies.ratelimit.SpikeArrestViolation', retryAfterSeconds: null },
  },
  {
    name: 'Apigee quota violation',
    status: 429,
    body: {
      fault: {
        faultstring: 'Rate limit quota violation. Quota limit  exceeded. Identifier : _default',
        detail: { errorcode: 'policies.ratelimit.QuotaViolation' },
      },
    },
    expect: { errorCode: 'policies.ratelimit.QuotaViolation' },
  },
  {
    name: 'AWS ALB 503 temporarily',
    status: 503,
    body: '<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n</body>\r\n</html>\r\n',
    expect: { message: 'Service Temporarily Unavailable' },
  },
  {
    name: 'nginx 504 with request id comment',
    status: 504,
    headers: { 'x-request-id': 'd1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6' },
    body: '<html>\r\n<head><title>504 Gateway Time-out</title></head>\r\n<body>\r\n<center><h1>504 Gateway Time-out</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n',
    expect: { message: 'Gateway Time-out', errorId: 'd1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6' },
  },
  {
    name: 'Cloud Run 429 text',
    status: 429,
    body: 'Rate exceeded.',
    type: 'text/plain',
    expect: { message: 'Rate exceeded' },
  },
  {
    name: 'GFE 429 page',
    status: 429,
    body: '<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"/><title>Sorry...</title></head><body><div><h1>Sorry...</h1><p>We\'re sorry but your computer or network may be sending automated queries. To protect our users, we can\'t process your request right now.</p></div></body></html>',
    expect: { message: 'your computer or network may be sending automated queries' },
  },
  {
    name: 'Azure Functions host',
    status: 503,
    body: 'Function host is not running.',
    type: 'text/plain',
    expect: { message: 'Function host is not running' },
  },
  {
    name: 'API Gateway throttled',
    status: 429,
    headers: {
      'x-amzn-requestid': 'f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b',
      'x-amzn-errortype': 'TooManyRequestsException',
    },
    body: { message: 'Too Many Requests' },
    expect: { errorId: 'f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b', errorCode: 'TooManyRequestsException' },
  },
  {
    name: 'Lambda URL 502',
    status: 502,
    headers: { 'x-amzn-requestid': 'a1a2a3a4-b5b6-4c7c-8d8d-9e9e9e9e9e9e', 'x-amzn-errortype': 'Sandbox.Timedout' },
    body: { Message: 'Task timed out after 3.00 seconds' },
    expect: { message: 'Task timed out after 3.00 seconds', retryAfterSeconds: null },
  },
  {
    name: 'Envoy 503 overflow',
    status: 503,
    headers: { 'x-envoy-overloaded': 'true' },
    body: 'upstream connect error or disconnect/reset before headers. reset reason: overflow',
    type: 'text/plain',
    expect: { message: 'upstream connect error or disconnect/reset before headers' },
  },
  {
    name: 'Istio 404 none',
    status: 404,
    headers: { server: 'istio-envoy' },
    body: '',
    type: 'text/plain',
    expect: { message: null },
  },
  {
    name: 'Traefik 502',
    status: 502,
    body: 'Bad Gateway',
    type: 'text/plain; charset=utf-8',
    expect: { message: 'Bad Gateway' },
  },
  {
    name: 'Caddy 502 empty',
    status: 502,
    headers: { server: 'Caddy' },
    body: '',
    type: 'text/plain',
    expect: { failure: true },
  },
  {
    name: 'Netlify function crash JSON',
    status: 502,
    headers: { 'x-nf-request-id': '01HX3Y4Z5A6B7C8D9E0F1G2H3J' },
    body: {
      errorType: 'Runtime.UnhandledPromiseRejection',
      errorMessage: 'TypeError: Cannot read properties of undefined',
      trace: ['Runtime.UnhandledPromiseRejection: TypeError'],
    },
    expect: { errorId: '01HX3Y4Z5A6B7C8D9E0F1G2H3J', message: 'Cannot read properties of undefined' },
  },
  {
    name: 'Supabase PostgREST + sb-request-id',
    status: 401,
    headers: { 'sb-request-id': '019a2b3c-4d5e-7f60-8a9b-0c1d2e3f4a5b' },
    body: { code: 'PGRST301', details: null, hint: null, message: 'JWT expired' },
    expect: { errorId: '019a2b3c-4d5e-7f60-8a9b-0c1d2e3f4a5b', errorCode: 'PGRST301' },
  },
  {
    name: 'Firebase Hosting 404 page',
    status: 404,
    body: '<!DOCTYPE html><html><head><title>Page Not Found</title></head><body><div id="message"><h2>404</h2><h1>Page Not Found</h1><p>The specified file was not found on this website. Please check the URL for mistakes and try again.</p></div></body></html>',
    expect: { message: 'The specified file was not found on this website' },
  },
  {
    name: 'Render 503 page',
    status: 503,
    headers: { 'rndr-id': 'b1c2d3e4-f5a6-4b7c' },
    body: '<!DOCTYPE html><html><head><title>Service Suspended</title></head><body><h1>This service has been suspended.</h1></body></html>',
    expect: { errorId: 'b1c2d3e4-f5a6-4b7c', message: 'This service has been suspended' },
  },
];

/** Waits in reset headers, body fields and message text. */
const WAITS: Variant[] = [
  {
    name: 'discord body retry_after float',
    status: 429,
    body: { message: 'You are being rate limited.', retry_after: 64.57, global: false },
    expect: { retryAfterSeconds: 64.57 },
  },
  {
    name: 'telegram parameters.retry_after',
    status: 429,
    body: {
      ok: false,
      error_code: 429,
      description: 'Too Many Requests: retry after 35',
      parameters: { retry_after: 35 },
    },
    expect: { retryAfterSeconds: 35 },
  },
  {
    name: 'google RetryInfo retryDelay',
    status: 429,
    body: {
      error: {
        code: 429,
        message: 'You exceeded your current quota.',
        status: 'RESOURCE_EXHAUSTED',
        details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '58s' }],
      },
    },
    expect: { retryAfterSeconds: 58 },
  },
  {
    name: 'azure APIM try again in',
    status: 429,
    body: { statusCode: 429, message: 'Rate limit is exceeded. Try again in 5 seconds.' },
    expect: { retryAfterSeconds: 5 },
  },
  {
    name: 'mastodon ISO reset',
    status: 429,
    headers: { date: DATE, 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '2030-01-01T00:05:00.000Z' },
    body: { error: 'Too many requests' },
    expect: { retryAfterSeconds: 300 },
  },
  {
    name: 'message "try again in 2m30s"',
    status: 429,
    body: { error: { message: 'Rate limit reached. Please try again in 2m30s.' } },
    expect: { retryAfterSeconds: 150 },
  },
  {
    name: 'message "in 1 hour"',
    status: 429,
    body: { message: 'Quota exceeded. Try again in 1 hour.' },
    expect: { retryAfterSeconds: 3600 },
  },
  {
    name: 'retry after <ISO Z> is a time, not 2030 seconds',
    status: 429,
    headers: { date: DATE },
    body: { message: 'Too many requests. Please retry after 2030-01-01T00:02:00Z.' },
    expect: { retryAfterSeconds: 120 },
  },
  {
    name: 'message "in an hour"',
    status: 429,
    body: { message: 'You have exceeded the limit. Try again in an hour.' },
    expect: { retryAfterSeconds: 3600 },
  },
  {
    name: 'message "retry in 10 sec"',
    status: 429,
    body: { message: 'Too many attempts, retry in 10 sec' },
    expect: { retryAfterSeconds: 10 },
  },
  {
    name: 'message "wait 5 minutes before"',
    status: 429,
    body: { message: 'Please wait 5 minutes before trying again.' },
    expect: { retryAfterSeconds: 300 },
  },
  {
    name: 'message "Try again in 59 minutes"',
    status: 429,
    body: { error: 'Too many login attempts. Try again in 59 minutes.' },
    expect: { retryAfterSeconds: 3540 },
  },
  {
    name: 'message "Expected available in 3 seconds"',
    status: 429,
    body: { detail: 'Request was throttled. Expected available in 3 seconds.' },
    expect: { retryAfterSeconds: 3 },
  },
  {
    name: 'message "retry after 1.5 seconds"',
    status: 429,
    body: { message: 'Rate limited; retry after 1.5 seconds' },
    expect: { retryAfterSeconds: 1.5 },
  },
  {
    name: 'x-ratelimit-reset ms epoch (linear)',
    status: 400,
    headers: {
      date: DATE,
      'x-ratelimit-requests-remaining': '0',
      'x-ratelimit-requests-reset': String(Date.parse(DATE) + 90000),
    },
    body: { errors: [{ message: 'Rate limit exceeded', extensions: { code: 'RATELIMITED' } }] },
    expect: { retryAfterSeconds: 90 },
  },
  {
    name: 'x-ratelimit-reset-ms beside an exhausted counter',
    status: 429,
    headers: { 'x-ratelimit-reset-ms': '2500', 'x-ratelimit-remaining': '0' },
    body: { error: 'rate_limited' },
    expect: { retryAfterSeconds: 2.5 },
  },
  {
    name: 'body retryAfter ISO date',
    status: 429,
    headers: { date: DATE },
    body: { error: 'rate_limited', retryAfter: '2030-01-01T00:00:45Z' },
    expect: { retryAfterSeconds: 45 },
  },
  {
    name: 'body retry_after_seconds nested meta',
    status: 429,
    body: {
      errors: [
        { status: '429', title: 'Too Many Requests', detail: 'Rate limit exceeded', meta: { retry_after_seconds: 20 } },
      ],
    },
    expect: { retryAfterSeconds: 20 },
  },
  {
    name: 'body retry_after string "30s"',
    status: 429,
    body: { error: 'rate limit', retry_after: '30s' },
    expect: { retryAfterSeconds: 30 },
  },
  {
    name: 'body ratelimit reset_in_seconds',
    status: 429,
    body: { error: 'Too many requests', reset_in_seconds: 40 },
    expect: { retryAfterSeconds: 40 },
  },
  {
    name: 'body retryAfterMs',
    status: 429,
    body: { code: 'RATE_LIMITED', retryAfterMs: 1500 },
    expect: { retryAfterSeconds: 1.5 },
  },
  {
    name: 'GitLab RateLimit-ResetTime (HTTP-date) alone',
    status: 429,
    headers: { date: DATE, 'ratelimit-remaining': '0', 'ratelimit-resettime': 'Tue, 01 Jan 2030 00:01:00 GMT' },
    body: { message: { error: 'This endpoint has been requested too many times. Try again later.' } },
    expect: { retryAfterSeconds: 60 },
  },
  {
    name: 'GitLab: RateLimit-Reset (epoch) and ResetTime agree',
    status: 429,
    headers: {
      date: DATE,
      'ratelimit-remaining': '0',
      'ratelimit-reset': String(Date.parse(DATE) / 1000 + 61),
      'ratelimit-resettime': 'Tue, 01 Jan 2030 00:01:01 GMT',
    },
    body: 'Retry later\n',
    type: 'text/plain',
    expect: { retryAfterSeconds: 61 },
  },
  {
    name: 'Fastly API: Fastly-RateLimit-Reset epoch seconds',
    status: 429,
    headers: {
      date: DATE,
      'fastly-ratelimit-remaining': '0',
      'fastly-ratelimit-reset': String(Date.parse(DATE) / 1000 + 120),
    },
    body: { msg: 'Too many requests' },
    expect: { retryAfterSeconds: 120 },
  },
  {
    name: 'Bybit: retCode 10006 on a 200 with X-Bapi-Limit-Reset-Timestamp (epoch ms)',
    status: 200,
    headers: {
      date: DATE,
      'x-bapi-limit-status': '0',
      'x-bapi-limit': '10',
      'x-bapi-limit-reset-timestamp': String(Date.parse(DATE) + 5000),
    },
    body: { retCode: 10006, retMsg: 'Too many visits!', result: {}, retExtInfo: {}, time: Date.parse(DATE) },
    expect: { failure: true, retryAfterSeconds: 5 },
  },
  {
    name: 'Bybit on a 429',
    status: 429,
    headers: {
      date: DATE,
      'x-bapi-limit-status': '0',
      'x-bapi-limit': '120',
      'x-bapi-limit-reset-timestamp': String(Date.parse(DATE) + 2000),
    },
    body: { retCode: 10006, retMsg: 'Too many visits. Exceeded the API Rate Limit.' },
    expect: { retryAfterSeconds: 2 },
  },
  {
    name: 'x-ratelimit-reset-ms: a countdown in milliseconds',
    status: 429,
    headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-ms': '45000' },
    body: { error: 'rate_limited' },
    expect: { retryAfterSeconds: 45 },
  },
  {
    name: 'x-ratelimit-reset-ms: an epoch in milliseconds',
    status: 429,
    headers: { date: DATE, 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-ms': String(Date.parse(DATE) + 30000) },
    body: { error: 'rate_limited' },
    expect: { retryAfterSeconds: 30 },
  },
  {
    name: 'x-ratelimit-reset (seconds) is read before its -ms twin',
    status: 429,
    headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '45', 'x-ratelimit-reset-ms': '45000' },
    body: { error: 'rate_limited' },
    expect: { retryAfterSeconds: 45 },
  },
  {
    name: 'Feishu/Lark x-ogw-ratelimit-reset (seconds, fractional)',
    status: 429,
    headers: { 'x-ogw-ratelimit-reset': '2.5' },
    body: { code: 99991400, msg: 'request trigger frequency limit' },
    expect: { retryAfterSeconds: 2.5 },
  },
  {
    name: 'Akamai "Please try after <ISO>"',
    status: 429,
    headers: { date: DATE },
    body: {
      type: 'https://problems.luna.akamaiapis.net/-/resource-impl/forward-origin-error',
      title: 'Too Many Requests',
      detail: 'Please try after 2030-01-01T00:00:40.071Z',
    },
    expect: { retryAfterSeconds: 40 },
  },
  {
    name: 'retry after <ISO with offset>',
    status: 429,
    headers: { date: DATE },
    body: { message: 'Quota exhausted, retry after 2030-01-01T01:10:00+01:00' },
    expect: { retryAfterSeconds: 600 },
  },
  {
    name: 'Binance banned until',
    status: 418,
    headers: { date: DATE },
    body: {
      code: -1003,
      msg: `Way too many requests; IP(1.2.3.4) banned until ${Date.parse(DATE) + 120000}. Please use the websocket for live updates to avoid bans.`,
    },
    expect: { retryAfterSeconds: 120 },
  },
  {
    name: 'retry in 1 minute(s)',
    status: 429,
    body: { message: 'Rate limit exceeded, retry in 1 minute(s)' },
    expect: { retryAfterSeconds: 60 },
  },
  {
    name: 'try again in 1 minute and 30 seconds',
    status: 429,
    body: { message: 'Please try again in 1 minute and 30 seconds.' },
    expect: { retryAfterSeconds: 90 },
  },
  {
    name: 'retry in 47.4 s',
    status: 429,
    body: { message: 'Request limit reached. Please try again in 47.4 s' },
    expect: { retryAfterSeconds: 47.4 },
  },
  {
    name: 'Meta X-Business-Use-Case-Usage minutes',
    status: 400,
    headers: {
      'x-business-use-case-usage':
        '{"1234567890":[{"type":"ads_management","call_count":100,"total_cputime":25,"total_time":25,"estimated_time_to_regain_access":15}]}',
    },
    body: {
      error: {
        message: 'There have been too many calls to this ad-account. Wait a bit and try again.',
        type: 'OAuthException',
        code: 80004,
        error_subcode: 2446079,
        fbtrace_id: 'AbCdEfGhIjK',
      },
    },
    expect: { retryAfterSeconds: 900 },
  },
  {
    name: 'Meta X-Ad-Account-Usage reset_time_duration',
    status: 400,
    headers: {
      'x-ad-account-usage':
        '{"acc_id_util_pct":100,"reset_time_duration":60,"ads_api_access_tier":"development_access"}',
    },
    body: {
      error: { message: 'User request limit reached', type: 'OAuthException', code: 17, fbtrace_id: 'AbCdEfGhIjK' },
    },
    expect: { retryAfterSeconds: 60 },
  },
  {
    name: 'Retry-After with message too',
    status: 429,
    headers: { 'retry-after': '7' },
    body: { message: 'Try again in 30 seconds' },
    expect: { retryAfterSeconds: 7 },
  },
  {
    name: 'text plain try again in 5 minutes',
    status: 429,
    body: 'Too many requests, please try again in 5 minutes.',
    type: 'text/plain',
    expect: { retryAfterSeconds: 300 },
  },
  {
    name: 'html page wait',
    status: 429,
    body: '<html><body><h1>Too Many Requests</h1><p>You have sent too many requests. Please wait 60 seconds and try again.</p></body></html>',
    expect: { retryAfterSeconds: 60 },
  },
  {
    name: 'express-rate-limit default',
    status: 429,
    headers: {
      'ratelimit-policy': '100;w=900',
      'ratelimit-limit': '100',
      'ratelimit-remaining': '0',
      'ratelimit-reset': '847',
    },
    body: 'Too many requests, please try again later.',
    type: 'text/html',
    expect: { retryAfterSeconds: 847 },
  },
  {
    name: 'Azure APIM quota replenished',
    status: 403,
    body: { statusCode: 403, message: 'Out of call volume quota. Quota will be replenished in 00:05:00.' },
    expect: { retryAfterSeconds: 300 },
  },
  {
    name: 'WSO2 throttled',
    status: 429,
    body: {
      fault: {
        code: 900802,
        message: 'Message throttled out',
        description: 'You have exceeded your quota .You can access API after 2030-Jan-01 00:01:00+0000 UTC',
        nextAccessTime: '2030-Jan-01 00:01:00+0000 UTC',
      },
    },
    headers: { date: DATE },
    expect: { retryAfterSeconds: 60 },
  },
  {
    name: 'WSO2 nextAccessTime (Enedis, Met Office DataHub pastes)',
    status: 429,
    headers: { date: DATE },
    body: {
      fault: {
        code: 900804,
        message: 'Message throttled out',
        description: 'You have exceeded your quota',
        nextAccessTime: '2030-Jan-01 00:03:00+0000 UTC',
      },
    },
    expect: { retryAfterSeconds: 180 },
  },
  {
    name: 'WSO2 nextAccessTime at top level',
    status: 429,
    headers: { date: DATE },
    body: {
      code: '900804',
      message: 'Message throttled out',
      description: 'You have exceeded your quota .You can access API after 2030-Jan-01 00:00:30+0000 UTC',
      nextAccessTime: '2030-Jan-01 00:00:30+0000 UTC',
    },
    expect: { retryAfterSeconds: 30 },
  },
  {
    name: 'WSO2 wait in the message alone ("You can access API after …")',
    status: 429,
    headers: { date: DATE },
    body: 'You have exceeded your quota .You can access API after 2030-Jan-01 00:01:00+0000 UTC',
    type: 'text/plain',
    expect: { retryAfterSeconds: 60 },
  },
];

/** Figures that are no wait. */
const NOT_WAITS: Variant[] = [
  {
    name: 'x-ratelimit-reset on 500 not wait',
    status: 500,
    headers: { 'x-ratelimit-reset': '30', 'x-ratelimit-remaining': '10' },
    body: { message: 'Internal error' },
    expect: { retryAfterSeconds: null },
  },
  {
    name: 'window in message not a wait',
    status: 429,
    body: { message: 'Rate limit: 100 requests per 60 seconds' },
    expect: { retryAfterSeconds: null },
  },
  {
    name: 'timeout not wait',
    status: 504,
    body: { message: 'Request timed out after 30 seconds' },
    expect: { retryAfterSeconds: null },
  },
  {
    name: 'counter: "try again after 12:30" is a clock time, not 12 seconds',
    status: 429,
    body: { message: 'Daily limit reached. Try again after 12:30 UTC.' },
    expect: { retryAfterSeconds: null },
  },
  {
    name: 'counter: x-ratelimit-userreset is epoch seconds at Imgur and ms at hapi-rate-limit: no figure',
    status: 429,
    headers: { 'x-ratelimit-userremaining': '0', 'x-ratelimit-userreset': '3600000' },
    body: { data: { error: 'Too Many Requests' }, success: false, status: 429 },
    expect: { retryAfterSeconds: null },
  },
  {
    name: 'counter: Fastly-RateLimit-Reset on a 500 is no wait',
    status: 500,
    headers: { 'fastly-ratelimit-remaining': '900', 'fastly-ratelimit-reset': '1900000000' },
    body: { msg: 'Internal error' },
    expect: { retryAfterSeconds: null },
  },
  {
    name: 'Shopify calls per second not wait',
    status: 429,
    body: {
      errors: 'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.',
    },
    expect: { retryAfterSeconds: null },
  },
  {
    name: 'GitHub secondary few minutes',
    status: 403,
    body: {
      message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      documentation_url: 'https://docs.github.com/rest',
    },
    expect: { retryAfterSeconds: null },
  },
  {
    name: 'counter: access token expired at is no wait',
    status: 401,
    headers: { date: DATE },
    body: { error: 'invalid_token', error_description: 'The access token expired at 2029-12-31T23:00:00Z' },
    expect: { retryAfterSeconds: null },
  },
  {
    name: 'counter: Meta estimated_time_to_regain_access 0 is no wait',
    status: 400,
    headers: {
      'x-business-use-case-usage':
        '{"112130216863063":[{"type":"pages","call_count":1,"total_cputime":1,"total_time":1,"estimated_time_to_regain_access":0}]}',
    },
    body: { error: { message: 'Invalid parameter', type: 'OAuthException', code: 100, fbtrace_id: 'AbCdEfGhIjK' } },
    expect: { retryAfterSeconds: null },
  },
  {
    name: 'counter: a malformed usage header is ignored',
    status: 400,
    headers: { 'x-business-use-case-usage': '{"1":[{"estimated_time_to_regain_access":' },
    body: { error: { message: 'Invalid parameter', type: 'OAuthException', code: 100 } },
    expect: { retryAfterSeconds: null },
  },
  {
    name: 'counter: x-ad-account-usage below 100% on a validation error is no wait',
    status: 400,
    headers: {
      'x-ad-account-usage':
        '{"acc_id_util_pct":9.67,"reset_time_duration":120,"ads_api_access_tier":"standard_access"}',
    },
    body: { error: { message: 'Invalid parameter', type: 'OAuthException', code: 100 } },
    expect: { retryAfterSeconds: null },
  },
  {
    name: 'counter: nextAccessTime with an unknown month name is ignored',
    status: 429,
    headers: { date: DATE },
    body: {
      fault: { code: 900804, message: 'Message throttled out', nextAccessTime: '2030-Foo-01 00:01:00+0000 UTC' },
    },
    expect: { retryAfterSeconds: null },
  },
];

describe('support IDs by breadth (reach-u)', () => {
  it.each(rows(IDS))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('error pages by breadth (reach-u)', () => {
  it.each(rows(PAGES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('waits by breadth (reach-u)', () => {
  it.each(rows(WAITS))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(NOT_WAITS))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
