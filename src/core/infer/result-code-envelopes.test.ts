// The failure verdict of a 2xx envelope whose own return code sits under `result` (issue 13): a positive integer
// there is a return code when it is the whole of a small envelope beside a message, and a value otherwise.
// Sources: corpus/tools/dev-s23v-sources.md.
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const RESULT_CODE_FAILURES: Variant[] = [
  {
    name: '`result` and an error message: the number is the code',
    status: 200,
    body: { result: 1014, errmsg: 'package format error, template params error', ext: '' },
    expect: { failure: true, errorCode: '1014', message: 'template params error' },
  },
  {
    name: '`result` and `desc`: desc is the message',
    status: 200,
    body: { result: 10000, desc: '鉴权失败' },
    expect: { failure: true, errorCode: '10000', message: '鉴权失败' },
  },
  {
    name: '`result` and `msg` in another order, as text',
    status: 200,
    body: { msg: 'sign check failed', result: 40013 },
    expect: { failure: true, errorCode: '40013', message: 'sign check failed' },
  },
  {
    name: '`result` and `message` beside an empty list',
    status: 200,
    body: { result: 302, message: 'template not approved', data: [] },
    expect: { failure: true, errorCode: '302', message: 'template not approved' },
  },
  {
    name: 'a negative `result` stays a return code',
    status: 200,
    body: { result: -3, msg: 'system busy' },
    expect: { failure: true, errorCode: '-3' },
  },
];

const RESULT_VALUES: Variant[] = [
  {
    name: 'counter: `result: 0` beside `errmsg: "OK"` and a record is a success',
    status: 200,
    body: { result: 0, errmsg: 'OK', ext: '', sid: '18:3a2dd2c010234e92833c3c53c78604cc', fee: 1 },
    expect: { failure: false },
  },
  {
    name: 'counter: `result: 1` beside a message is a success flag',
    status: 200,
    body: { result: 1, message: 'Saved' },
    expect: { failure: false },
  },
  {
    name: 'counter: a computed `result` alone is a value',
    status: 200,
    body: { result: 1024 },
    expect: { failure: false },
  },
  {
    name: 'counter: a JSON-RPC `result` beside `id` is a value',
    status: 200,
    body: { jsonrpc: '2.0', result: 10962, id: 1 },
    expect: { failure: false },
  },
  {
    name: 'counter: a `result` beside a payload is a value',
    status: 200,
    body: { result: 12, message: 'Found 12 items', items: [{ id: 1 }] },
    expect: { failure: false },
  },
  {
    name: 'counter: `result: 200` is a success echo',
    status: 200,
    body: { result: 200, msg: 'done' },
    expect: { failure: false },
  },
];

describe('result-code envelopes: a positive `result` beside a message is a return code', () => {
  it.each(rows(RESULT_CODE_FAILURES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('result-code envelopes: a `result` that is a value or a success flag', () => {
  it.each(rows(RESULT_VALUES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

// Issue 13, session 20: shapes the fresh set (corpus/cases/fresh-s20.json, unseen real responses scored before any
// change) showed in its dev part; corpus/tools/fresh-s20-sources.md names the sources. "counter" rows must not be taken.
const RES_CODES: Variant[] = [
  {
    name: 'Imperva API: a 200 with res ≠ 0 and res_message fails',
    status: 200,
    body: { res: 9418, res_message: 'Disabled API Key', debug_info: { 'id-info': '999999' } },
    expect: { failure: true, errorCode: '9418', message: 'Disabled API Key' },
  },
  {
    name: 'a message named for its code (result_msg) beside a non-zero return code fails a 200',
    status: 200,
    body: { ret: 1002, result_msg: 'Signature mismatch' },
    expect: { failure: true, errorCode: '1002', message: 'Signature mismatch' },
  },
  {
    name: 'counter: res 0 with res_message is a success',
    status: 200,
    body: { res: 0, res_message: 'OK', data: [1] },
    expect: { failure: false },
  },
  {
    name: 'counter: a welcome_message beside an object res is a success',
    status: 200,
    body: { res: { items: [] }, welcome_message: 'hi' },
    expect: { failure: false },
  },
];
describe('a 200 with a non-zero res code and its message fails', () => {
  it.each(rows(RES_CODES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
