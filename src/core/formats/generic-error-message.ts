// The most common hand-rolled envelope: `{error: "forbidden", message: "…"}`, plus its
// relatives `{error: "…"}` alone, `{code: "…", message: "…"}` and `{errors: ["…", …]}`.
// `error` is a code when it is one token, otherwise it is the message; a numeric `code` equal to the
// HTTP status is an echo, not a code.
// Source: seed 003_cefaae5cc64955c4.txt; e.g. Firebase Realtime Database `{"error": "Permission denied"}`
// (https://firebase.google.com/docs/reference/rest/database).

import type { FormatRecognizer } from '../types';
import { isGenericMessage, MESSAGE_NAMES, SUCCESS_NOTE, SUCCESS_WORDS } from '../infer/dictionaries';
import { isNoCode, reportsProgress, statusEnumName } from '../infer/json';
import { apiCode, compact, get, getNamed, isCodeLike, isErrorStatus, isRecord, joinTexts, str, strNamed } from './util';

/** Beside a string `error`: the developer's words first, then the message, then a reason (any case style). */
const BESIDE_ERROR_NAMES = ['developermessage', ...MESSAGE_NAMES, 'reason'];

/** `Unauthorized`, `Not Found`: the status reason phrase as servers print it (Spring, Boom), echoed, not a code. */
function isReasonPhrase(s: string): boolean {
  return /^[A-Z][a-z]+(?: [A-Z][a-z]+)*$/.test(s) && isGenericMessage(s);
}

/**
 * `{status: 500, error: "INTERNAL_SERVER_ERROR"}`: the status's enum name (Spring `HttpStatus.name()`) beside the
 * status number it names is the status repeated, not a code. Alone (`{error: "NOT_FOUND"}`) it stays the API's code.
 */
function echoesStatusEnum(j: Record<string, unknown>, error: string, status: number): boolean {
  const n = get(j, 'status') ?? get(j, 'statusCode') ?? get(j, 'status_code');
  return n === status && error === statusEnumName(status);
}

/**
 * `{code: 0 | 200, message: "success"}` is the success convention of many APIs, not an error; so is a code that is a
 * success word (Globus Transfer's `code: "Accepted"` beside "a task has been created and queued").
 */
function isSuccessCode(c: string | number): boolean {
  return (
    (typeof c === 'number' && (c === 0 || (c >= 200 && c < 300))) ||
    /^(0|2\d\d|ok|success)$/i.test(String(c)) ||
    (/^[A-Za-z]+$/.test(String(c)) && SUCCESS_WORDS.has(String(c).toUpperCase()))
  );
}

/** `{code: 10000, msg: "Success"}`: whatever the number, a message that is only a success word says it succeeded. */
export { SUCCESS_NOTE };

/** An `id` (or `object`) among more than 8 fields: a resource, not an envelope. */
function isRecordBody(j: Record<string, unknown>): boolean {
  return ('id' in j || 'object' in j) && Object.keys(j).length > 8;
}

export const genericErrorMessage: FormatRecognizer = {
  id: 'generic-error-message',
  title: 'Generic {error: "code", message: "…"} / {errors: ["…"]}',
  priority: 12,
  kinds: ['json'],
  keys: ['error', 'errors', ...MESSAGE_NAMES],
  keysByName: true,
  recognize(ctx) {
    const j = ctx.body.json;
    if (!isRecord(j)) return null;
    const error = strNamed(j, ['error']);
    // A 2xx record (an `id` among many fields) whose `error` field describes its own state is data.
    if (error !== undefined && !isErrorStatus(ctx) && isRecordBody(j)) return null;
    if (error !== undefined) {
      // A message addressed to the developer outranks the end user's wording beside it.
      const message = strNamed(j, BESIDE_ERROR_NAMES);
      // A reason phrase ("Unauthorized") is the status echoed: a message when nothing else is, never a code;
      // a flag sent as text (`error: "true"`) names nothing.
      const flagWord = /^\s*(?:true|false)\s*$/i.test(error);
      const errorIsCode =
        isCodeLike(error) &&
        !isReasonPhrase(error) &&
        !isNoCode(error) &&
        !echoesStatusEnum(j, error, ctx.exchange.status);
      return compact({
        saysFailure: true,
        errorCode: errorIsCode ? error : undefined,
        message: message ?? (errorIsCode || flagWord ? undefined : error),
      });
    }
    const message = str(j, 'message') ?? str(j, 'Message');
    const errCode = apiCode(get(j, 'code'), ctx.exchange.status) ?? apiCode(get(j, 'error_code'), ctx.exchange.status);
    // A 202 whose message says its work is under way (`333334` "Asynchronous execution in progress") is accepted.
    if (errCode !== undefined && ctx.exchange.status === 202 && reportsProgress(j)) return null;
    if (errCode !== undefined && message !== undefined && !isSuccessCode(errCode) && !SUCCESS_NOTE.test(message))
      return { saysFailure: true, errorCode: errCode, message };
    const errors = getNamed(j, ['errors']);
    if (Array.isArray(errors) && errors.length > 0 && typeof errors[0] === 'string') {
      // `{message: "success", errors: ["…"]}` on a 2xx (Braze's non-fatal errors): warnings of a call that went through.
      const status = str(j, 'status');
      if (!isErrorStatus(ctx) && (SUCCESS_NOTE.test(message ?? '') || SUCCESS_NOTE.test(status ?? ''))) return null;
      return { saysFailure: true, message: joinTexts(errors) };
    }
    // A lone `{message}` counts only on an error status (on 2xx it is often a success note).
    if (isErrorStatus(ctx) && message !== undefined) return { message };
    return null;
  },
};
