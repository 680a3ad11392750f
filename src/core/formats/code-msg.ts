// `{code, msg}` / WeChat `{errcode, errmsg}` envelopes where 0 means success, common in APIs from
// Chinese platforms (WeChat, DingTalk, Feishu/Lark `{code, msg, data}`), often on HTTP 200.
// Sources: https://developers.weixin.qq.com/doc/offiaccount/en/Getting_Started/Global_Return_Code.html ,
// https://open.feishu.cn/document/server-docs/api-call-guide/generic-error-code

import type { FormatRecognizer } from '../types';
import { SUCCESS_NOTE } from './generic-error-message';
import { compact, get, str, toNumber } from './util';

/** WeChat -1 = system busy, Feishu 99991400 = rate limited: transient by the vendors' docs. */
const TRANSIENT = new Set([-1, 99991400]);
/** The HTTP success statuses an envelope's code repeats. */
const SUCCESS_ECHOES = new Set([200, 201, 202, 204]);

export const codeMsg: FormatRecognizer = {
  id: 'code-msg',
  title: '{code, msg} / {errcode, errmsg} with 0 = success',
  priority: 13,
  kinds: ['json'],
  keys: ['errcode', 'code'],
  recognize({ body, exchange }) {
    const j = body.json;
    const wechat = get(j, 'errcode') !== undefined;
    const rawCode = wechat ? get(j, 'errcode') : get(j, 'code');
    const msgKey = wechat ? 'errmsg' : 'msg';
    const n = toNumber(rawCode);
    if (n === undefined || get(j, msgKey) === undefined) return null;
    // `{code: 200, msg: "…"}` on a 2xx echoes the HTTP success, as `code: 0` says it in this convention.
    const echo = SUCCESS_ECHOES.has(n) && exchange.status >= 200 && exchange.status < 300;
    if (n === 0 || echo || SUCCESS_NOTE.test(str(j, msgKey) ?? '')) return { saysSuccess: true };
    return compact({
      saysFailure: true,
      // `{code: 404, msg}` on a 404 repeats the HTTP status (Dropwizard, Netlify with `msg`): no code of its own.
      errorCode: n === exchange.status ? undefined : n,
      message: str(j, msgKey),
      retryable: TRANSIENT.has(n) ? true : undefined,
    });
  },
};
