// Plain JSON data: a 2xx/3xx JSON object (or array of objects) with none of the top-level keys any error or success
// envelope uses. Claiming it first saves running every vendor recognizer on ordinary success bodies
// (the common case in a HAR). Anything else falls through; unrecognized JSON ends up as format
// 'json' through classify.ts's default (the body kind). formats.test.ts checks that this gate never
// hides a format the other recognizers would have found.

import type { FormatRecognizer } from '../types';
import {
  FAILURE_FLAG_PATTERN,
  keyBehindPrefix,
  namesErrorResponse,
  normalizeKey,
  sharedKeyPrefix,
} from '../infer/dictionaries';
import {
  errorNamedMember,
  explicitSuccessFlag,
  isFailureSentence,
  namesErrorCode,
  onlyViolations,
  SENTENCE_STATUS_KEYS,
  STATUS_HOLDER_SET,
  statusVerdict,
} from '../infer/json';
import { batchItemFailure } from '../infer/batch-items';
import { isRecord } from './util';

/**
 * Lowercased top-level keys of which every JSON-object recognizer requires at least one (e.g.
 * document360 needs `success`, Okta `errorCode`, Kubernetes `status`). Keys that only ever appear
 * next to one of these (`data`, `kind`, `title`, `timestamp`, `details`…) are deliberately absent.
 * The property test in formats.test.ts fails when a recognizer starts matching without one.
 */
export const SIGNAL_KEYS = new Set([
  'error',
  'errors',
  // The class of the exception a call ended in (`error_class`, Liquid Web Storm; `exceptionType`): the inference judges it.
  'errorclass',
  'exceptionclass',
  'exceptiontype',
  'exceptionname',
  'errormessages',
  'message',
  'detail',
  'success',
  'ok',
  'status',
  'statuscode',
  'code',
  'errorcode',
  'errcode',
  '__type',
]);

const hasOwn = Object.prototype.hasOwnProperty;
/**
 * Keys that signal an envelope only by their value: `result: false`, `state: "ERROR"`, `retcode: 3`,
 * `fault: {…}`. The generic inference (src/core/infer) reads these; `result: {…}` stays plain data.
 */
// Compared normalized (`result_status`, `resultStatus`, `err-code` → `resultstatus`, `errcode`).
const VALUE_SIGNAL_KEYS = new Set([
  'result',
  // Spanish/Portuguese `resultado`, `estado`, `estatus`, `exito`, `sucesso` (infer/dictionaries.ts STATUS_KEYS, SUCCESS_FLAGS).
  'resultado',
  'estado',
  'estatus',
  'exito',
  'exitoso',
  'sucesso',
  // Captcha solvers' `errorId: 1` (0 is success).
  'errorid',
  'resultstatus',
  'responsestatus',
  'returncode',
  'responsecode',
  'errcode',
  'state',
  'outcome',
  'resultcode',
  'retcode',
  'ret',
  'res',
  'errno',
  'rc',
  'returncode',
  'stat',
  'ack',
  'succeeded',
  'successful',
  'issuccess',
  'failed',
  'haserror',
  'haserrors',
  'iserror',
  'fault',
  'errorcode',
  'errormessage',
  'errmsg',
  'faultcode',
  'faultstring',
  'err',
  'messages',
  // An HTTP error status the body reports for itself (`{httpStatus: 401, msg}`).
  'httpstatus',
  'httpcode',
  'httpstatuscode',
]);
const STATUS_WORD =
  /^(?:error|err|fail|failed|failure|notok|not_ok|nok|ko|denied|request_denied|invalid_request|over_query_limit|over_daily_limit|unknown_error|exception|rejected|unauthorized|forbidden|invalid|errored|fault|fatal|ng|erro|falha|fallo|fallid[oa]|erreur|[eé]chec|fehler)$/i;

/** Keys that name themselves an error's message (normalized): any text under them is a failure's. */
const ERROR_MESSAGE_KEYS: ReadonlySet<string> = new Set([
  'errormessage',
  'errormsg',
  'errmsg',
  'errordescription',
  'errortext',
]);

/** `data: [{status: "error", message}]`: per-item results of which the first failed (push tickets, batch sends). */
function failedFirstItem(value: unknown): boolean {
  if (!Array.isArray(value) || value.length === 0) return false;
  const first = value[0];
  return (
    isRecord(first) &&
    typeof first.status === 'string' &&
    STATUS_WORD.test(first.status) &&
    typeof first.message === 'string'
  );
}

/** `{Response: {Error: {…}, RequestId}}`: an envelope wrapped in one key. */
function wrapsError(value: unknown): boolean {
  return isRecord(value) && ('Error' in value || 'error' in value || 'Errors' in value || 'errors' in value);
}

/** `{response: {result: "error", message: null, data: {}}}` (Tautulli): a wrapper whose own status fields say it failed. */
function wrapsFailure(value: unknown): boolean {
  return wrapsError(value) || (isRecord(value) && statusVerdict(value) === true);
}

function signalsByValue(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'boolean' || typeof value === 'object') return true;
  if (typeof value === 'number') return value !== 0;
  // `"false"` / `"true"` are flags sent as strings (`success: "false"`, OMDb's `Response: "False"`, `hasError: "true"`).
  return (
    typeof value === 'string' &&
    (STATUS_WORD.test(value.trim()) || /^-?[1-9]\d{0,8}$/.test(value.trim()) || /^(?:false|true)$/i.test(value.trim()))
  );
}

/** `meta: {code: 4003, message}` / `header: {code, msg}`: a status object one level down that names a failure. */
function failedStatusObject(value: unknown): boolean {
  if (!isRecord(value)) return false;
  for (const key of [
    'code',
    'status',
    'errorCode',
    'error_code',
    'errcode',
    'ret',
    'res',
    'retcode',
    'status_code',
    'statusCode',
    'RESPONSE_CODE',
    'response_code',
    'responseCode',
  ]) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    const v = value[key];
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d{1,9}$/.test(v.trim()) ? Number(v) : NaN;
    if (Number.isInteger(n) && n !== 0 && !(n >= 200 && n < 300)) return true;
    if (typeof v === 'string' && STATUS_WORD.test(v.trim())) return true;
  }
  return false;
}

/** A status object whose own fields judge it failed (`{ok: false, errmsg}`, `{ack: "Failure", message}`). */
function failedByVerdict(value: unknown): boolean {
  return isRecord(value) && statusVerdict(value) === true;
}

/** `alipay_trade_query_response`, `trade_create_result`: a method's result object named after the method. */
function signedResult(lower: string): boolean {
  return lower.length > 9 && (lower.endsWith('_response') || lower.endsWith('_result'));
}

/**
 * Keys of a status object beside the payload: `meta`/`header` (`{code: 4003, message}`), Synoptic's
 * `SUMMARY: {RESPONSE_CODE: -1, RESPONSE_MESSAGE}`, MiniMax's `base_resp: {status_code, status_msg}`.
 */
const STATUS_OBJECT_KEYS = new Set(['meta', 'header', 'summary', 'base_resp', 'baseresp', 'head']);

/** Keys the gate reads by name. */
function gateKey(norm: string): boolean {
  return SIGNAL_KEYS.has(norm) || valueSignalKey(norm);
}

/**
 * Keys that signal by value, any failure flag shaped `is|has` + `error(s)(ed)` (`isErroredOnProcessing`) and any key
 * that names itself an error code (`referenceErrorCode: 1001`).
 */
function valueSignalKey(norm: string): boolean {
  if (VALUE_SIGNAL_KEYS.has(norm)) return true;
  // Both shapes contain "err" or end in "code" (`failurecode`, `reasoncode`): most keys skip the tests.
  return (norm.includes('err') || norm.endsWith('code')) && (FAILURE_FLAG_PATTERN.test(norm) || namesErrorCode(norm));
}

/** The gate's one result object: classify.ts tells plain data from an unclaimed body by identity. */
export const PLAIN_DATA: Readonly<Record<string, never>> = Object.freeze({});

/** Objects with more top-level keys than this are not scanned by the gate; the recognizers handle them. */
const MAX_GATE_KEYS = 64;

export const json: FormatRecognizer = {
  id: 'json',
  title: 'Plain JSON data (no error or success envelope)',
  priority: 99,
  kinds: ['json'],
  recognize({ body, exchange, header }) {
    if (body.kind !== 'json' || exchange.status >= 400 || exchange.status < 200) return null;
    let j = body.json;
    // A top-level array is judged by its first element (Salesforce and streamed Google errors are arrays).
    if (Array.isArray(j)) {
      if (j.length === 0 || !isRecord(j[0])) return PLAIN_DATA;
      j = j[0];
      // Batched RPC answers (JSON-RPC, tRPC, GraphQL): a success first says nothing about the rest.
      if (isRecord(j) && (hasOwn.call(j, 'jsonrpc') || hasOwn.call(j, 'result') || hasOwn.call(j, 'data'))) return null;
    }
    if (!isRecord(j)) return null;
    // A streamed batch keyed by call index (tRPC v10 `{"0": {result}, "1": {error}}`): the same as an array.
    const firstCall = hasOwn.call(j, '0') ? j['0'] : undefined;
    if (isRecord(firstCall) && (hasOwn.call(firstCall, 'result') || hasOwn.call(firstCall, 'error'))) return null;
    // Media types and headers that identify a format regardless of keys.
    if (
      body.mimeType.includes('problem') ||
      body.mimeType.includes('vnd.api') ||
      header('x-amzn-errortype') !== undefined
    )
      return null;
    let n = 0;
    let first = '';
    const prefix = sharedKeyPrefix(j);
    for (const key in j) {
      if (!Object.prototype.hasOwnProperty.call(j, key)) continue;
      if (++n > MAX_GATE_KEYS) return null;
      if (n === 1) first = key;
      const lower = key.toLowerCase();
      // `acme_res_code`: behind a prefix all keys share, a key is read by its stem (dictionaries.ts).
      const norm = keyBehindPrefix(key, prefix, gateKey);
      // Compared normalized too: `ERROR_CODE`, `status_code` and `Error-Code` are `errorcode`/`statuscode`.
      if (SIGNAL_KEYS.has(lower) || SIGNAL_KEYS.has(norm) || (valueSignalKey(norm) && signalsByValue(j[key])))
        return null;
      // `result: "invalid or corrupt torrent file"`: a status field holding a failure sentence (Transmission RPC).
      if (SENTENCE_STATUS_KEYS.has(norm) && typeof j[key] === 'string' && isFailureSentence(j[key].trim())) return null;
      if (lower === 'data' ? failedFirstItem(j[key]) : lower === 'response' && wrapsFailure(j[key])) return null;
      if (lower === 'response' && typeof j[key] === 'string' && /^false$/i.test(j[key])) return null;
      // A status object whose flag or status word says failure (`meta: {success: false, msg}`) as well as its code;
      // the holders the inference reads (`resultInfo`, `responseInfo`, `statusInfo`) too.
      if (
        (STATUS_OBJECT_KEYS.has(lower) || STATUS_OBJECT_KEYS.has(norm) || STATUS_HOLDER_SET.has(norm)) &&
        (failedStatusObject(j[key]) || failedByVerdict(j[key]))
      )
        return null;
      // `{"Error Message": "Invalid API KEY…"}`: a key that names itself an error's message, holding text.
      if (ERROR_MESSAGE_KEYS.has(normalizeKey(key)) && typeof j[key] === 'string' && j[key].trim() !== '') return null;
      // `{gw_err_resp: {err_code, err_msg}}`: an object named as an error response that says it failed.
      if (namesErrorResponse(norm) && (wrapsError(j[key]) || failedByVerdict(j[key]))) return null;
      // A signed `<method>_response` object (Alipay) and a head/body envelope (Paytm) carry their result inside.
      if (signedResult(lower) && failedStatusObject(j[key])) return null;
      if (lower === 'body' && isRecord(j[key]) && (hasOwn.call(j, 'head') || hasOwn.call(j, 'header'))) return null;
    }
    // `{"subsonic-response": {status: "failed", error: {…}}}`: one key of any name wrapping an error envelope.
    if (n === 1 && (wrapsError(j[first]) || (/(?:response|reply)$/i.test(first) && wrapsFailure(j[first]))))
      return null;
    // `{back: {msg: "507", success: false}}` (Growatt): one key of any name around an explicit success flag.
    const lone = n === 1 ? j[first] : undefined;
    if (isRecord(lone) && explicitSuccessFlag(lone) === false) return null;
    // `{violations: [{constraint, description}]}`: a 2xx that only lists the request's violations (the inference judges it).
    if (n === 1 && onlyViolations(j)) return null;
    // `{reason: "no such user"}`, `{bucket, msg: "failed to write bucket"}`: a small body whose own verdict is failure.
    if (n <= 2 && statusVerdict(j) === true) return null;
    // A batch answer with a failed operation (`Failed: [...]`, a sub-response's 403, `userErrors`): the inference reads it.
    if (batchItemFailure(body.json) !== undefined) return null;
    // `{error_backend_alias: {http_status_code: 500, http_body}}`: a gateway's error details for one backend.
    if (errorNamedMember(j) !== undefined) return null;
    return PLAIN_DATA;
  },
};
