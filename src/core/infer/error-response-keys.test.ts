// An object named as an error response (issue 13): `error_response`, a gateway's `gw_err_resp`, `errorResp`. Wherever it sits at the top of a 2xx, an object under such a key whose own fields say it failed is the
// failed call's envelope. Sources: corpus/tools/dev-s23v-sources.md.
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const ERROR_RESPONSES: Variant[] = [
  {
    name: 'a gateway error object under `…_err_resp`',
    status: 200,
    body: { gw_err_resp: { err_msg: '非法的请求凭证', err_code: 4201 } },
    expect: { failure: true, errorCode: '4201', message: '非法的请求凭证' },
  },
  {
    name: 'the same beside a request id',
    status: 200,
    body: { request_id: 'r-81d2', gw_err_resp: { err_msg: 'token expired', err_code: 4203 } },
    expect: { failure: true, errorCode: '4203', message: 'token expired' },
  },
  {
    name: '`error_response` beside another key',
    status: 200,
    body: { error_response: { code: 27, msg: 'Invalid session', request_id: 'a1b2' }, version: '2.0' },
    expect: { failure: true, errorCode: '27', message: 'Invalid session' },
  },
  {
    name: '`errorResp` in camel case',
    status: 200,
    body: { errorResp: { errcode: 40013, errmsg: 'invalid appid' } },
    expect: { failure: true, errorCode: '40013', message: 'invalid appid' },
  },
];

const NOT_ERROR_RESPONSES: Variant[] = [
  {
    name: 'counter: an error response object that holds only "no error" values is a success',
    status: 200,
    body: { gw_err_resp: { err_code: 0, err_msg: '' }, data: { id: 1 } },
    expect: { failure: false },
  },
  {
    name: 'counter: a `…_resp` wrapper that names no error is data',
    status: 200,
    body: { user_resp: { name: 'bob', code: 0 }, total: 1 },
    expect: { failure: false },
  },
];

describe('error-response keys: the object under them is the failed envelope', () => {
  it.each(rows(ERROR_RESPONSES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('error-response keys: successes and data stay so', () => {
  it.each(rows(NOT_ERROR_RESPONSES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
