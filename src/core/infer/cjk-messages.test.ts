// Chinese and Japanese messages (issue 13): written without spaces, a short one is still words, not a machine token,
// under keys that take only prose (`error`, `reason`) and with the punctuation a message ends with. Sources:
// corpus/tools/dev-s23v-sources.md.
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const CJK_MESSAGES: Variant[] = [
  {
    name: 'a short Chinese sentence under `error` on a 400',
    status: 400,
    body: { error: '配额不足' },
    expect: { failure: true, message: '配额不足' },
  },
  {
    name: 'a prefixed `…_error` with Chinese around an ASCII name',
    status: 200,
    body: { acme_res_code: -1, acme_res_error: '验证有误!app_id不是数字!', acme_res_body: {} },
    expect: { failure: true, errorCode: '-1', message: 'app_id不是数字' },
  },
  {
    name: 'a Chinese message ending in a full stop',
    status: 200,
    body: { result: 10000, desc: '鉴权失败.' },
    expect: { failure: true, message: '鉴权失败' },
  },
  {
    name: 'a Japanese message under `reason`',
    status: 403,
    body: { reason: '認証エラー', code: 'E401' },
    expect: { failure: true, message: '認証エラー' },
  },
];

const NOT_MESSAGES: Variant[] = [
  {
    name: 'counter: an upper-case token under `error` stays the code',
    status: 400,
    body: { error: 'INVALID_TOKEN' },
    expect: { failure: true, errorCode: 'INVALID_TOKEN', message: null },
  },
  {
    name: 'counter: Chinese values in a 2xx record are data',
    status: 200,
    body: { name: '张三', city: '北京', status: '正常' },
    expect: { failure: false },
  },
];

describe('CJK messages: words without spaces are prose', () => {
  it.each(rows(CJK_MESSAGES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('CJK messages: tokens stay tokens', () => {
  it.each(rows(NOT_MESSAGES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
