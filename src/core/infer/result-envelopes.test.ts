// Issue 13, class 2, second round: 2xx envelopes whose failure sits in a result object one level or
// two down, in a signed `<method>_response` wrapper, in a head/body envelope, in a one-letter status
// (`F`/`S`), in an `errorId`/`errorCode` pair, in a numeric `status` beside a message, or in an XML
// root's `Status` attribute; and the successes of the same shapes, which must stay successes.
// Shapes from: Alipay open platform (`alipay_trade_query_response`, code 10000/40004, sub_code),
// Alipay+ (`result.resultStatus` S/F/U), Paytm (`head`/`body.resultInfo`), Anti-Captcha and
// CapMonster (`errorId` 0/1, `errorCode`, `errorDescription`), Baidu Maps and Tencent-style
// `{status, message}`, LINE Pay (`returnCode` "0000"), Namecheap (`<ApiResponse Status="ERROR">`,
// `<Error Number>`), DingTalk/WeCom (`errcode` 0 / `errmsg` "ok").
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const FAILURES: Variant[] = [
  // A signed `<method>_response` wrapper beside its signature.
  {
    name: '`x_response` wrapper + sign: numeric code, generic msg, sub_code and sub_msg',
    status: 200,
    body: {
      alipay_trade_query_response: {
        code: '40004',
        msg: 'Business Failed',
        sub_code: 'ACQ.TRADE_NOT_EXIST',
        sub_msg: 'trade does not exist',
      },
      sign: 'ERITJKEIJKJHKKKKKKKHJEREEEEEEEEEEE',
    },
    expect: { failure: true, errorCode: 'ACQ.TRADE_NOT_EXIST', message: 'trade does not exist', errorId: null },
  },
  {
    name: '`x_response` wrapper: numeric code 20001 with sub_code aop.invalid-auth-token',
    status: 200,
    body: {
      alipay_user_info_share_response: {
        code: '20001',
        msg: 'Insufficient Token Permissions',
        sub_code: 'aop.invalid-auth-token',
        sub_msg: 'the auth token is invalid',
      },
      sign: 'abc',
    },
    expect: { failure: true, errorCode: 'aop.invalid-auth-token', message: 'the auth token is invalid' },
  },
  {
    name: '`x_result` wrapper + signature + timestamp',
    status: 200,
    body: {
      trade_create_result: {
        code: 40002,
        msg: 'Invalid Arguments',
        sub_code: 'isv.missing-app-id',
        sub_msg: 'app_id is missing',
      },
      signature: 'zz',
      timestamp: '2024-01-01 10:00:00',
    },
    expect: { failure: true, errorCode: 'isv.missing-app-id', message: 'app_id is missing' },
  },
  // One-letter result statuses.
  {
    name: 'result.resultStatus F with resultCode / resultMessage',
    status: 200,
    body: {
      result: {
        resultCode: 'INVALID_CONTRACT',
        resultStatus: 'F',
        resultMessage: 'The parameter values in the contract do not match.',
      },
    },
    expect: { failure: true, errorCode: 'INVALID_CONTRACT', message: 'contract do not match' },
  },
  {
    name: 'head/body envelope: body.resultInfo resultStatus F, numeric resultCode as a string',
    status: 200,
    body: {
      head: { responseTimestamp: '1553496322922', version: 'v1', signature: 'x' },
      body: { resultInfo: { resultStatus: 'F', resultCode: '501', resultMsg: 'System Error' } },
    },
    expect: { failure: true, errorCode: '501', message: 'System Error' },
  },
  {
    name: 'head/body envelope: resultStatus TXN_FAILURE',
    status: 200,
    body: {
      head: { version: 'v1' },
      body: {
        resultInfo: {
          resultStatus: 'TXN_FAILURE',
          resultCode: '227',
          resultMsg: 'Your payment has been declined by your bank.',
        },
      },
    },
    expect: { failure: true, errorCode: '227', message: 'declined by your bank' },
  },
  {
    name: 'header/body envelope with responseInfo status F',
    status: 200,
    body: {
      header: { requestTime: '2024-01-01' },
      body: { responseInfo: { status: 'F', code: 'E1002', message: 'Merchant key is invalid' } },
    },
    expect: { failure: true, errorCode: 'E1002', message: 'Merchant key is invalid' },
  },
  // errorId / errorCode pairs (captcha solvers).
  {
    name: 'errorId 1 + errorCode token + errorDescription',
    status: 200,
    body: {
      errorId: 1,
      errorCode: 'ERROR_KEY_DOES_NOT_EXIST',
      errorDescription: 'Account authorization key not found in the system',
    },
    expect: {
      failure: true,
      errorCode: 'ERROR_KEY_DOES_NOT_EXIST',
      message: 'Account authorization key not found',
      errorId: null,
    },
  },
  {
    name: 'errorId 16 + errorCode + errorDescription',
    status: 200,
    body: {
      errorId: 16,
      errorCode: 'ERROR_NO_SUCH_CAPCHA_ID',
      errorDescription: 'Task you are requesting does not exist in your current task list.',
    },
    expect: { failure: true, errorCode: 'ERROR_NO_SUCH_CAPCHA_ID', errorId: null },
  },
  {
    name: 'errorCode token + errorDescription, no errorId',
    status: 200,
    body: { errorCode: 'ERROR_ZERO_BALANCE', errorDescription: 'Account has zero or negative balance' },
    expect: { failure: true, errorCode: 'ERROR_ZERO_BALANCE', message: 'zero or negative balance' },
  },
  {
    name: 'errorId 1 + errorDescription only',
    status: 200,
    body: { errorId: 1, errorDescription: 'Captcha could not be solved by 5 different workers' },
    expect: { failure: true, message: 'could not be solved', errorId: null },
  },
  // A numeric status beside a message, with nothing else.
  {
    name: '{status: 240, message} (Baidu Maps: APP service disabled)',
    status: 200,
    body: { status: 240, message: 'APP 服务被禁用' },
    expect: { failure: true, errorCode: '240', message: 'APP 服务被禁用' },
  },
  {
    name: '{status: 2, message: "Parameter Invalid"}',
    status: 200,
    body: { status: 2, message: 'Parameter Invalid' },
    expect: { failure: true, errorCode: '2', message: 'Parameter Invalid' },
  },
  {
    name: '{status: 302, message} (daily quota) in a 200',
    status: 200,
    body: { status: 302, message: '天配额超限，限制访问' },
    expect: { failure: true, errorCode: '302' },
  },
  {
    name: '{status: 311, message, request_id} (key invalid)',
    status: 200,
    body: { status: 311, message: 'key格式错误', request_id: 'a2b7c9d0e1f24a6b' },
    expect: { failure: true, errorCode: '311', message: 'key格式错误' },
  },
  // A numeric result code beside a success word is a success; beside anything else a failure.
  {
    name: 'returnCode "1104" + returnMessage',
    status: 200,
    body: { returnCode: '1104', returnMessage: 'Merchant not found.' },
    expect: { failure: true, errorCode: '1104', message: 'Merchant not found.' },
  },
  {
    name: 'errcode 40014 + errmsg (WeCom/DingTalk)',
    status: 200,
    body: { errcode: 40014, errmsg: 'invalid access_token' },
    expect: { failure: true, errorCode: '40014', message: 'invalid access_token' },
  },
  // XML: the root's own Status attribute, the error's Number attribute.
  {
    name: 'XML root Status="ERROR" with <Error Number>',
    status: 200,
    type: 'text/xml; charset=utf-8',
    body: '<?xml version="1.0" encoding="utf-8"?>\n<ApiResponse Status="ERROR" xmlns="http://api.namecheap.com/xml.response"><Errors><Error Number="1011102">API Key is invalid or API access has not been enabled</Error></Errors><Warnings /><RequestedCommand /><Server>API01</Server></ApiResponse>',
    expect: { failure: true, errorCode: '1011102', message: 'API Key is invalid' },
  },
  {
    name: 'XML root status="failed" with <error code=…> element',
    status: 200,
    type: 'application/xml',
    body: '<response status="failed"><error code="INVALID_LOGIN">The login or password is wrong</error></response>',
    expect: { failure: true, errorCode: 'INVALID_LOGIN', message: 'login or password is wrong' },
  },
  {
    name: 'XML root stat="fail" (Flickr REST) with <err code msg>',
    status: 200,
    type: 'text/xml; charset=utf-8',
    body: '<?xml version="1.0" encoding="utf-8" ?>\n<rsp stat="fail">\n\t<err code="100" msg="Invalid API Key (Key has invalid format)" />\n</rsp>',
    expect: { failure: true, errorCode: '100', message: 'Invalid API Key' },
  },
];

const SUCCESSES: Variant[] = [
  {
    name: '`x_response` wrapper, code 10000 msg Success',
    status: 200,
    body: {
      alipay_trade_query_response: {
        code: '10000',
        msg: 'Success',
        trade_no: '2013112011001004330000121536',
        trade_status: 'TRADE_SUCCESS',
      },
      sign: 'abc',
    },
    expect: { failure: false },
  },
  {
    name: 'result.resultStatus S',
    status: 200,
    body: {
      result: { resultCode: 'SUCCESS', resultStatus: 'S', resultMessage: 'success' },
      paymentId: '2020010123456789XXXX',
    },
    expect: { failure: false },
  },
  {
    name: 'result.resultStatus U with PAYMENT_IN_PROCESS (unknown yet, not a failure)',
    status: 200,
    body: {
      result: { resultCode: 'PAYMENT_IN_PROCESS', resultStatus: 'U', resultMessage: 'payment in process' },
      paymentId: '2020010123456789XXXX',
    },
    expect: { failure: false },
  },
  {
    name: 'head/body envelope, resultStatus S',
    status: 200,
    body: {
      head: { version: 'v1' },
      body: {
        resultInfo: { resultStatus: 'S', resultCode: '0000', resultMsg: 'Success' },
        txnToken: 'fe795335ed3049c78a',
      },
    },
    expect: { failure: false },
  },
  {
    name: 'head/body envelope, TXN_SUCCESS',
    status: 200,
    body: {
      head: { version: 'v1' },
      body: { resultInfo: { resultStatus: 'TXN_SUCCESS', resultCode: '01', resultMsg: 'Txn Success' }, txnId: '2021' },
    },
    expect: { failure: false },
  },
  {
    name: 'errorId 0 + taskId',
    status: 200,
    body: { errorId: 0, taskId: 7654321 },
    expect: { failure: false },
  },
  {
    name: 'errorId 0 + status processing',
    status: 200,
    body: { errorId: 0, status: 'processing' },
    expect: { failure: false },
  },
  {
    name: 'errorId 0 + errorCode null + solution',
    status: 200,
    body: { errorId: 0, errorCode: null, errorDescription: null, status: 'ready', solution: { text: 'deditur' } },
    expect: { failure: false },
  },
  {
    name: 'errorCode "" beside data',
    status: 200,
    body: { errorCode: '', errorMessage: '', data: { id: 1 } },
    expect: { failure: false },
  },
  {
    name: '{status: 0, result} (Baidu Maps success)',
    status: 200,
    body: { status: 0, result: { location: { lng: 116.3, lat: 40.05 }, precise: 1 } },
    expect: { failure: false },
  },
  {
    name: '{status: 0, message: "ok"}',
    status: 200,
    body: { status: 0, message: 'ok' },
    expect: { failure: false },
  },
  {
    name: '{status: 1, message: "Email queued"} (status 1 is success for many APIs)',
    status: 200,
    body: { status: 1, message: 'Email queued' },
    expect: { failure: false },
  },
  {
    name: '{status: 1, request} (Pushover success)',
    status: 200,
    body: { status: 1, request: '647d2300-702c-4b38-8b2f-d56326ae460b' },
    expect: { failure: false },
  },
  {
    name: '{status: 200, message: "Created"}',
    status: 200,
    body: { status: 200, message: 'Created' },
    expect: { failure: false },
  },
  {
    name: 'returnCode "0000" returnMessage "Success." + info',
    status: 200,
    body: { returnCode: '0000', returnMessage: 'Success.', info: { transactionId: 2018123112345678 } },
    expect: { failure: false },
  },
  {
    name: 'code 10000 msg "Success" without a wrapper',
    status: 200,
    body: { code: 10000, msg: 'Success' },
    expect: { failure: false },
  },
  {
    name: 'code 1 message "OK"',
    status: 200,
    body: { code: 1, message: 'OK' },
    expect: { failure: false },
  },
  {
    name: 'errcode 0 errmsg ok + access_token',
    status: 200,
    body: { errcode: 0, access_token: 'fw8ef8we8f76e6f7s8df8s', errmsg: 'ok', expires_in: 7200 },
    expect: { failure: false },
  },
  {
    name: 'record with numeric status and a description (not an envelope)',
    status: 200,
    body: { id: 17, status: 3, message: 'Order shipped', createdAt: '2024-01-01', total: 12.5, currency: 'EUR' },
    expect: { failure: false },
  },
  {
    name: 'XML root Status="OK"',
    status: 200,
    type: 'text/xml; charset=utf-8',
    body: '<?xml version="1.0" encoding="UTF-8"?>\n<ApiResponse xmlns="http://api.namecheap.com/xml.response" Status="OK"><Errors /><CommandResponse Type="namecheap.domains.check"><DomainCheckResult Domain="domain1.com" Available="true" /></CommandResponse></ApiResponse>',
    expect: { failure: false },
  },
  {
    name: 'XML <rsp stat="ok">',
    status: 200,
    type: 'text/xml; charset=utf-8',
    body: '<?xml version="1.0" encoding="utf-8" ?>\n<rsp stat="ok"><user id="1" /></rsp>',
    expect: { failure: false },
  },
];

/** Plain-text gateway answers (Clickatell's HTTP API, SMS and payment gateways): one status line. */
const text = (name: string, body: string, expect: Variant['expect'], type = 'text/plain; charset=utf-8'): Variant => ({
  name,
  status: 200,
  type,
  body,
  expect,
});
const TEXT_LINES: Variant[] = [
  text('ERR: 001, Authentication failed', 'ERR: 001, Authentication failed', {
    failure: true,
    errorCode: '001',
    message: 'Authentication failed',
  }),
  text(
    'ERROR: 101 - Invalid credentials (sent as text/html, no tags)',
    'ERROR: 101 - Invalid credentials\n',
    { failure: true, errorCode: '101', message: 'Invalid credentials' },
    'text/html; charset=utf-8',
  ),
  text('FAILED: Insufficient balance', 'FAILED: Insufficient balance', {
    failure: true,
    errorCode: null,
    message: 'Insufficient balance',
  }),
  text('Error: Invalid API key', 'Error: Invalid API key', { failure: true, message: 'Invalid API key' }),
];
const TEXT_SUCCESSES: Variant[] = [
  text('ID: <message id>', 'ID: 8d3b2d9c5a8f4b6e9e0f1a2b3c4d5e6f', { failure: false }),
  text('OK: 12345', 'OK: 12345', { failure: false }),
  text('"Error handling …" prose is no status line', 'Error handling is described at https://example.test/docs', {
    failure: false,
  }),
  text('a log whose second line has ERROR: stays a success', 'job 42 finished\nERROR: 0 files failed', {
    failure: false,
  }),
];

describe('class 2 (round 2): result objects, wrappers and attributes that say the call failed', () => {
  it.each(rows(FAILURES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('class 2 (round 2): the same shapes reporting success stay successes', () => {
  it.each(rows(SUCCESSES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('class 2 (round 2): a plain-text 2xx that is one error status line', () => {
  it.each(rows(TEXT_LINES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('class 2 (round 2): plain-text successes and prose stay successes', () => {
  it.each(rows(TEXT_SUCCESSES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
