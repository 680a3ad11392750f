// Keys behind a prefix that every key of an object shares (issue 13): `{acme_res_code, acme_res_error, acme_res_body}`
// names the vendor in the prefix and the field in the stem, so a key no dictionary knows is read by what follows the
// prefix, as the same envelope without it would be. Sources: corpus/tools/dev-s23v-sources.md.
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const PREFIXED_ENVELOPES: Variant[] = [
  {
    name: 'a vendor prefix before code, error and body: the 2xx failed with that code',
    status: 200,
    body: { acme_res_code: -1, acme_res_error: 'appid is not a number, please check it', acme_res_body: {} },
    expect: { failure: true, errorCode: '-1', message: 'appid is not a number' },
  },
  {
    name: 'the same with code and message only',
    status: 200,
    body: { acme_res_code: -4, acme_res_error: 'quota exhausted for this month' },
    expect: { failure: true, errorCode: '-4' },
  },
  {
    name: 'another prefix before code and msg',
    status: 200,
    body: { acme_api_code: 40001, acme_api_msg: 'invalid token' },
    expect: { failure: true, errorCode: '40001', message: 'invalid token' },
  },
  {
    name: 'the same envelope in camel case',
    status: 200,
    body: { acmeResCode: -1, acmeResError: 'appid is not a number, please check it', acmeResBody: {} },
    expect: { failure: true, errorCode: '-1', message: 'appid is not a number' },
  },
  {
    name: 'the same envelope in kebab case',
    status: 200,
    body: { 'acme-res-code': -2, 'acme-res-error': 'sign check failed for this request' },
    expect: { failure: true, errorCode: '-2' },
  },
  {
    name: 'a prefix before a success flag and a message',
    status: 200,
    body: { xyz_success: false, xyz_message: 'Signature mismatch' },
    expect: { failure: true, message: 'Signature mismatch' },
  },
];

const PREFIXED_SUCCESSES: Variant[] = [
  {
    name: 'counter: code 0 and an empty error beside the payload is a success',
    status: 200,
    body: { acme_res_error: '', acme_res_code: 0, acme_res_body: { ret_code: 0, list: [1, 2] } },
    expect: { failure: false },
  },
  {
    name: 'counter: a record whose fields share a prefix is data',
    status: 200,
    body: { user_id: 5, user_name: 'bob', user_email: 'bob@example.test' },
    expect: { failure: false },
  },
  {
    name: 'counter: a camel-case record whose fields share a prefix is data',
    status: 200,
    body: { userId: 5, userName: 'bob', userStatus: 'active' },
    expect: { failure: false },
  },
  {
    name: 'counter: a known key keeps its own reading (`error_code` is not read as `code`)',
    status: 200,
    body: { error_code: 0, error_msg: '' },
    expect: { failure: false },
  },
];

describe('prefixed keys: read by their stem behind a shared prefix', () => {
  it.each(rows(PREFIXED_ENVELOPES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('prefixed keys: data and successes stay so', () => {
  it.each(rows(PREFIXED_SUCCESSES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
