// Twirp: every error is JSON `{code, msg, meta}` with a non-200 status; `code` is from Twirp's table
// (gRPC's names plus malformed and bad_route), `meta` a string map. errorCode = code, message = msg.
// Sources: https://twitchtv.github.io/twirp/docs/spec_v7.html#error-codes ,
// https://github.com/twitchtv/twirp/blob/main/errors.go
import type { Extracted, FormatRecognizer } from '../types';
import { durationSeconds, get, isRecord, str } from '../formats/util';
import { rpcRetryable, twirpCode } from './codes';

const WAIT_KEYS = ['retry_after', 'retryAfter', 'retry_after_seconds', 'retry-after'];
/** `meta` keys a server puts its request ID under (meta is a free string map). */
const REQUEST_ID_KEY = /^(?:x[-_])?(?:request|correlation|trace)[-_]?id$/i;

export const twirp: FormatRecognizer = {
  id: 'twirp',
  title: 'Twirp error {code, msg, meta}',
  priority: 83,
  kinds: ['json'],
  keys: ['msg'],
  recognize({ body }) {
    const j = body.json;
    if (!isRecord(j)) return null;
    const msg = get(j, 'msg');
    const known = twirpCode(get(j, 'code'));
    if (!known || typeof msg !== 'string') return null;
    const out: Extracted = {
      protocol: 'twirp',
      saysFailure: true,
      errorCode: get(j, 'code') as string,
      message: msg || null,
      httpEquivalent: known.http,
      retryable: rpcRetryable(known.number, known.retryable, msg),
    };
    const meta = get(j, 'meta');
    for (const key of WAIT_KEYS) {
      const wait = durationSeconds(str(meta, key));
      if (wait !== undefined) {
        out.retryAfterSeconds = wait;
        out.retryAfterField = `meta.${key}`;
        break;
      }
    }
    if (isRecord(meta)) {
      let n = 0;
      for (const key in meta) {
        if (++n > 64) break;
        const id = str(meta, key);
        if (!REQUEST_ID_KEY.test(key) || !id) continue;
        out.errorId = id.slice(0, 200);
        out.errorIdField = `meta.${key}`;
        break;
      }
    }
    return out;
  },
};
