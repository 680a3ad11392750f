// A message that is only a success word says the call went through, in the languages APIs answer in
// (`{code: 200, msg: "成功"}`, `{code: 10000, msg: "操作成功"}`, `"Éxito"`); a negated one (不成功, 未成功) does not.
// A `{code, msg}` envelope whose code echoes the 2xx it came with (`code: 200`) is a success, as `code: 0` is.
import { describe, expect, it } from 'vitest';
import { classify } from '../classify';
import { SUCCESS_NOTE } from './dictionaries';

const failureOf = (body: unknown, status = 200): boolean =>
  classify({
    method: 'GET',
    url: 'https://api.example.test/v1/list',
    status,
    responseHeaders: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).failure;

describe('success notes', () => {
  it.each(['ok', 'Success.', '成功', '操作成功', '查询成功！', '성공', 'Éxito', 'erfolgreich', 'успешно'])(
    'is a success note: %s',
    (t) => expect(SUCCESS_NOTE.test(t)).toBe(true),
  );
  it.each(['不成功', '操作未成功', '登录失败', 'Success rate too low', 'error', '参数错误'])('is not: %s', (t) =>
    expect(SUCCESS_NOTE.test(t)).toBe(false),
  );

  it.each([
    ['code 200 with a Chinese success word and paging', { msg: '成功', total: 0, code: 200, list: [], status: 0 }],
    ['code 200 with any message', { code: 200, msg: '已获取' }],
    ['a nonzero result code beside a Chinese success word', { code: 10000, msg: '请求成功' }],
    ['a result code beside a Spanish success word', { code: 1, message: 'Éxito' }],
  ])('%s stays a success', (_n, body) => expect(failureOf(body)).toBe(false));

  it.each([
    ['a nonzero code beside a negated success word', { code: 1001, msg: '操作未成功' }],
    ['a nonzero code beside a failure word', { code: 40001, msg: '参数错误' }],
  ])('%s is a failure', (_n, body) => expect(failureOf(body)).toBe(true));

  it('a code 200 on an error status is no success echo', () =>
    expect(failureOf({ code: 200, msg: '成功' }, 500)).toBe(true));
});
