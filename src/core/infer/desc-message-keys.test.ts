// `desc` is short for description, as `msg` is for message (issue 13): alone (`{result, desc}`) or as a key's ending
// (`error_response: {code, zh_desc, en_desc}`, `ResultDesc`), it names the message, and a 2xx envelope whose code
// fails beside it failed. Sources: corpus/tools/dev-s23v-sources.md.
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const DESC_MESSAGES: Variant[] = [
  {
    name: 'a signed-gateway error object with per-language descriptions',
    status: 200,
    body: { error_response: { code: '12', zh_desc: '无效签名' } },
    expect: { failure: true, errorCode: '12', message: '无效签名' },
  },
  {
    name: 'the same with an English description beside',
    status: 200,
    body: { error_response: { code: '15', zh_desc: '不存在的方法名', en_desc: 'Invalid Method' } },
    expect: { failure: true, errorCode: '15' },
  },
  {
    name: '`errDesc` beside a return code',
    status: 200,
    body: { retCode: 2003, errDesc: 'merchant not found' },
    expect: { failure: true, errorCode: '2003', message: 'merchant not found' },
  },
  {
    name: '`status_desc` on an error status',
    status: 400,
    body: { status_code: 'E104', status_desc: 'amount must be positive' },
    expect: { failure: true, message: 'amount must be positive' },
  },
];

const DESC_SUCCESSES: Variant[] = [
  {
    name: 'counter: code 0 beside a description is a success',
    status: 200,
    body: { retCode: 0, errDesc: '' },
    expect: { failure: false },
  },
  {
    name: 'counter: a record with a description field is data',
    status: 200,
    body: { id: 'prod_1', name: 'Tea', short_desc: 'Green tea, 100 g', price: 4 },
    expect: { failure: false },
  },
];

describe('desc message keys: a description names the message', () => {
  it.each(rows(DESC_MESSAGES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('desc message keys: successes and data stay so', () => {
  it.each(rows(DESC_SUCCESSES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
