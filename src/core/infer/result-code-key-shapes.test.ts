// A 2xx envelope's result code under a key no list names but whose shape says result code: an abbreviation of
// result, response, return or error before `code`/`cd`/`no` (`res_code`, `respCode`, `rspCode`, `rtn_code`). Beside a
// message, nonzero is a failure and 0 (or a 2xx echo) a success; a code under another prefix (`checkCode`, `zipCode`)
// is data, not the call's result.
import { describe, expect, it } from 'vitest';
import { classify } from '../classify';
import { isResultCodeKey } from './dictionaries';

const failureOf = (body: unknown): boolean =>
  classify({
    method: 'POST',
    url: 'https://api.example.test/v1/login',
    status: 200,
    responseHeaders: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).failure;

describe('result-code keys by shape', () => {
  it('takes result-code abbreviations, not other codes', () => {
    for (const k of ['rescode', 'respcode', 'rspcode', 'rtncode', 'retno', 'replycode', 'errorcode', 'ret'])
      expect(isResultCodeKey(k), k).toBe(true);
    for (const k of ['checkcode', 'zipcode', 'postalcode', 'taxcode', 'exitcode', 'countrycode'])
      expect(isResultCodeKey(k), k).toBe(false);
  });

  it.each([
    ['res_code with a sentence', { res_code: 500, message: 'Please contact support' }],
    ['respCode as text', { respCode: '61', respMsg: 'Refer to card issuer' }],
    ['rspCode beside a msg', { rspCode: 1002, msg: 'Check the signature parameter' }],
  ])('%s is a failure', (_n, body) => expect(failureOf(body)).toBe(true));

  it.each([
    ['res_code 0', { res_code: 0, message: 'Login completed', data: { token: 't' } }],
    ['respCode "00"', { respCode: '00', respMsg: 'Approved' }],
    ['res_code echoing 200', { res_code: 200, message: 'Fetched' }],
    ['a check code beside a message', { checkCode: 3, message: 'Please provide proof of address.' }],
  ])('%s stays a success', (_n, body) => expect(failureOf(body)).toBe(false));
});
