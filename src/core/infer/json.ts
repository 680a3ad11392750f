// Generic inference over any JSON envelope: the code, message, support ID, wait and retry flag
// are picked by scoring every leaf (field dictionaries × value shape × position), and a 2xx body
// is judged by its own status fields. Used for whatever a recognizer or catalog entry did not say.
import {
  CODE_KEY_SUFFIXES,
  CODE_KEYS,
  ID_KEY_SUFFIXES,
  FAILURE_FLAGS,
  FAILURE_FLAG_PATTERN,
  FAILURE_WORDS,
  ID_KEYS,
  isGenericMessage,
  DATA_CONTAINERS,
  namesStatusOnly,
  MESSAGE_KEY_SUFFIXES,
  MESSAGE_KEYS,
  INCIDENTAL_KEYS,
  keyBehindPrefix,
  namesErrorResponse,
  normalizeKey,
  RESULT_CODE_KEYS,
  isResultCodeKey,
  RETRYABLE_KEYS,
  NON_RETRYABLE_KEYS,
  RETRY_HINT_VALUES,
  STATUS_KEYS,
  SUCCESS_FLAGS,
  sharedKeyPrefix,
  SUCCESS_WORDS,
  SUCCESS_NOTE,
  waitUnitOf,
} from './dictionaries';
import { parseDuration, parseHttpOrIsoDate } from '../retry';
import { codeNamesRateLimit } from './semantics';
import { statusSemantics } from '../status';
import { leavesOf, MAX_DEPTH, TRACEPARENT, type Leaf } from './walk';
import { batchItemFailure } from './batch-items';
import { unlistedMessage } from './fallbacks';
import { LONE_MESSAGE_KEYS, saysFailureAlone } from './lone-message';

export interface Inferred {
  errorCode?: string | number;
  errorCodeField?: string;
  /** The code is a name found beside a numeric code (`type: "missing_access_key"` beside `code: 101`): it refines that number. */
  errorCodeRefines?: boolean;
  message?: string;
  messageField?: string;
  errorId?: string;
  errorIdField?: string;
  retryAfterSeconds?: number;
  retryAfterField?: string;
  /** A wait given as a date (`retry_after: "2024-01-01T10:05:00Z"`), epoch ms: counted from the response's clock by the engine. */
  retryAfterAt?: number;
  retryable?: boolean;
  /** What a 2xx body says of itself: true failed, false succeeded, undefined silent. */
  saysFailure?: boolean;
  /** The HTTP error status of the failed operation a 2xx batch answer reports (a `$batch` sub-response's 429). */
  itemStatus?: number;
}

/** A code: one token (`invalid_token`, `E0000011`, `RATE_LIMITED`, `auth/user-not-found`, `[blank]loginId`). */
const CODE_TOKEN = /^\[?[A-Za-z0-9][A-Za-z0-9._:\-/#[\]]{0,79}$/;
/** Status words that say only "failed": not a code of their own. */
const NOT_A_CODE = new Set([
  'error',
  'errors',
  'fail',
  'failed',
  'failure',
  'false',
  'true',
  'null',
  'none',
  'ok',
  'success',
  'notok',
  'ko',
  'nok',
  'err',
  'exception',
  'undefined',
  'object',
  'string',
  'unknown',
]);
/** A code that names nothing: a status word that says only "failed" (`code: "error"`) or the "no error" 0. */
export function isNoCode(v: unknown): boolean {
  if (typeof v === 'number') return v === 0;
  return typeof v === 'string' && (v.trim() === '0' || NOT_A_CODE.has(v.trim().toLowerCase()));
}

/** Words that make a token read as an error code. */
const ERROR_WORD =
  /(?:^|_|\.)(?:bad|invalid|not|missing|unauthori[sz]ed|forbidden|denied|error|failed|failure|conflict|limit|limited|exceeded|expired|unavailable|required|unknown|unsupported|too|rate|quota|timeout|already|no|inactive|disabled|locked|blocked|revoked|suspended|duplicate|mismatch|unverified)(?:$|_|\.)/;
/** A value of an ID: no spaces, 6–200 characters, with a digit; a hierarchical Request-Id opens with `|` (.NET's `|8e6ef0c8-4e46ba1c.`). */
const ID_SHAPE = /^\|?[A-Za-z0-9][A-Za-z0-9_\-:.\/+=|@]{5,199}$/;
/** An ID that ends in a clock time after a space (Azure IoT's `…-G:6-TimeStamp:08/28/2018 15:34:17`). */
const ID_WITH_TIME = /^[A-Za-z0-9][A-Za-z0-9_\-:.\/+=|@]{5,199} \d{1,2}:\d{2}(?::\d{2})?$/;
const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const UUID_START = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?:$|[-_:.])/i;
const HEX_ID = /^[0-9a-f]{24,64}$/i;
const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
/** Normalized keys of an ID the client chose and sent (`client_request_id`, `x-ms-client-request-id`). */
const CLIENT_ID_KEY = /^(?:x)?(?:ms)?client(?:request|trace|correlation)?id$/;
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * A value under an envelope's top-level `code` that is an event's identifier, not a code: a UUID, a long
 * hex string or a random mix of cases and digits (OpenWhisk's `{code: "FEa0EXBk…", error}` is its
 * transaction ID). Codes are words, numbers or short tokens (`InvalidParameterValue`, `E0001`, `ERR_1234`).
 */
function randomToken(s: string): boolean {
  if (s.length < 20 || s.length > 64) return false;
  if (UUID.test(s)) return true;
  if (!/^[A-Za-z0-9]+$/.test(s)) return false;
  if (HEX_ID.test(s)) return /\d/.test(s) && /[a-f]/i.test(s);
  let digits = 0;
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c >= 65 && c <= 90) upper++;
    else lower++;
  }
  // A word of five lower-case letters reads as a name (`Throttling2020Request…`), not as noise.
  return digits >= 3 && upper >= 3 && lower >= 3 && !/[a-z]{5}/.test(s);
}

function hasLetters(s: string): boolean {
  return /[A-Za-z\u00C0-\uFFFF]/.test(s);
}

/** A sentence or phrase a person would read: has letters and a space, or is a long word. */
function isProse(s: string): boolean {
  if (!hasLetters(s) || URL_LIKE.test(s)) return false;
  if (s.includes(' ')) return true;
  // Chinese and Japanese write words without spaces: two ideographs or kana in a row are words, not a token.
  if (CJK_WORDS.test(s)) return true;
  // one long word may be prose (CJK has no spaces), but not a path, a time or an ID.
  return s.length >= 24 && !NOT_PROSE_SHAPE.test(s);
}

/** Two ideographs or kana in a row (`鉴权失败`, `配额不足`, `認証エラー`). */
const CJK_WORDS = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2}/;

/** A request path (`/authentication/login_with_xbox`), an ISO time, a UUID or a long hex: values, not words. */
const NOT_PROSE_SHAPE =
  /^(?:\/[\w.~%@:+-]*(?:\/[\w.~%@:+-]*)*(?:\?\S*)?|\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}\S*)?|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{24,})$/i;

function isCodeToken(s: string): boolean {
  return CODE_TOKEN.test(s) && !NOT_A_CODE.has(s.toLowerCase()) && !URL_LIKE.test(s);
}

/** `INVALID_ARGUMENT`, `invalid_token`, `ValidationError`, `auth/invalid-email`: clearly machine-made. */
function isMachineToken(s: string): boolean {
  return /[._:\-/]/.test(s) || /[a-z][A-Z]/.test(s) || (/^[A-Z0-9]+$/.test(s) && /[A-Z]/.test(s) && s.length > 1);
}

function suffixWeight(norm: string, suffixes: readonly string[], weight: number): number | undefined {
  for (const suffix of suffixes) if (norm.length > suffix.length && norm.endsWith(suffix)) return weight;
  return undefined;
}

/** Key endings that make a message for the 2xx verdict (not `details`/`description`: success resources use those). */
const VERDICT_MESSAGE_SUFFIXES: readonly string[] = ['message', 'msg', 'desc'];

/** A 2xx's own return code in the 2xx range (`ReturnCode: 216` beside an error message) is no status echo. */
const RETURN_CODE_KEYS: ReadonlySet<string> = new Set(['returncode', 'resultcode', 'retcode', 'responsecode']);

/** Keys whose own name says the number is the API's error code, even when it equals the status. */
const EXPLICIT_CODE_KEYS = new Set(['errorcode', 'errcode']);
/** Keys that name an error's number, where 0 means no error (ASCOM Alpaca `ErrorNumber`, ArangoDB `errorNum`). */
const ERROR_NUMBER_KEYS: ReadonlySet<string> = new Set(['errornumber', 'errornum', 'errnum']);
/** A numbered code that opens a message (`OBP-20002: …`, `APIG.0101: …`, `[ERR_1001] …`): letters, a separator, 3–6 digits. */
const LEADING_CODE = /^\s*\[?([A-Z]{1,12}[-_.]\d{3,6})\]?\s*[:\]]\s*\S/;

/** A labelled code opening a message: `ErrorCode:IotHubUnauthorizedAccess;Unauthorized` (Azure IoT Hub), `code=QUOTA_LOW, …`. */
const LABELLED_CODE = /^\s*(?:error[ _]?code|code)\s*[:=]\s*([A-Za-z][A-Za-z0-9_.\-]{2,60})\s*(?:[;,|]|$)/i;

/** The code leading a message, or undefined. */
export function leadingCode(text: string): string | undefined {
  const head = text.length > 200 ? text.slice(0, 200) : text;
  return LEADING_CODE.exec(head)?.[1] ?? LABELLED_CODE.exec(head)?.[1];
}

/** Message keys that say they hold an error's message, not any message. */
// Vonage's `error_text` beside a numeric-string `status` (Verify, SMS): `errortext`.
const ERROR_MESSAGE_KEYS: ReadonlySet<string> = new Set([
  'errormessage',
  'errormsg',
  'errmsg',
  'errordescription',
  'errortext',
]);

/**
 * An `errorId` holding a small integer names the kind of error (eBay's `errorId: 32100`), not the event; so does one
 * holding a digitless machine token (`error_id: "invalid-data"`, `"UNAUTHORIZED"`, `"InvalidUriParameterError"`).
 */
function numericErrorId(leaf: Leaf): number | undefined {
  const v = leaf.value;
  if (leaf.norm !== 'errorid') return undefined;
  if (typeof v === 'number') return Number.isInteger(v) && v > 0 && v < 100000 ? 5 : undefined;
  return typeof v === 'string' && !/\d/.test(v) && isMachineToken(v.trim()) ? 5 : undefined;
}

/** Words in Pascal case (`Unauthorized`, `InvalidUriParameterError`): a name, not a generated ID. */
const PASCAL_WORDS = /^(?:[A-Z][a-z]{2,})+$/;

/** HTTP statuses a body repeats: a success echo or an error status. 101 or 302 in an error body is a code. */
function statusLike(n: number): boolean {
  return (n >= 200 && n < 300) || (n >= 400 && n <= 599);
}

/** A status's reason phrase as a Java/C# enum constant: 500 → `INTERNAL_SERVER_ERROR`, 404 → `NOT_FOUND`. */
export function statusEnumName(status: number): string {
  return statusSemantics(status)
    .reason.toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

/** The path of the object that holds a leaf (`error.` for `error.code`, `` for a top-level field). */
function parentOf(leaf: Leaf): string {
  return leaf.path.slice(0, leaf.path.length - leaf.key.length);
}

/** Keys whose string may be the status's reason phrase echoed (`error: "Unauthorized"`, `title: "Not Found"`). */
const ECHO_TEXT_KEYS: ReadonlySet<string> = new Set(['error', 'title', 'status', 'reason', 'statustext', 'name']);

/** Objects that echo the HTTP status in words: one of their fields is its reason phrase. */
function reasonEchoParents(leaves: readonly Leaf[], status: number): Set<string> | undefined {
  if (status < 400) return undefined;
  const reason = statusSemantics(status).reason.toLowerCase();
  let out: Set<string> | undefined;
  for (const leaf of leaves)
    if (
      typeof leaf.value === 'string' &&
      ECHO_TEXT_KEYS.has(leaf.norm) &&
      leaf.value.trim().toLowerCase().replace(/[.!]$/, '') === reason
    )
      (out ??= new Set()).add(parentOf(leaf));
  return out;
}

/** One upper-case word that names a failure, as gRPC-style kinds do (`UNAUTHORIZED`, `FORBIDDEN`, `INVALID`). */
const FAILURE_KIND =
  /^(?:UNAUTHORI[SZ]ED|UNAUTHENTICATED|FORBIDDEN|INVALID|DENIED|EXPIRED|REVOKED|LOCKED|BLOCKED|SUSPENDED|DISABLED|CONFLICT|DUPLICATE|UNAVAILABLE|UNSUPPORTED|MISSING|REQUIRED|THROTTLED|RATELIMITED|TIMEOUT|NOTFOUND)$/;

/**
 * A list of errors whose first item is a machine token that names an error (friendly-captcha and reCAPTCHA-style
 * `errors: ["sitekey_invalid"]`): a list of codes, not of sentences.
 */
function codeListOfErrors(leaf: Leaf): boolean {
  const v = leaf.value;
  if (!Array.isArray(v) || !ERROR_LIST_KEYS.has(leaf.norm)) return false;
  const first = (v[0] ?? '').trim();
  return (
    first.length <= 80 &&
    !/\s/.test(first) &&
    (UPPER_TAG.test(first) || (/^[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)+$/.test(first) && namesAnError(first)))
  );
}
/** Keys of a list of errors that may hold codes instead of sentences. */
const ERROR_LIST_KEYS: ReadonlySet<string> = new Set(['errors', 'error']);

/** The value a code leaf stands for: the first item of a list of codes (`error_codes: ["payment_source_required"]`). */
function codeValue(leaf: Leaf): Leaf['value'] {
  const v = leaf.value;
  return Array.isArray(v) && (CODE_LIST_KEYS.has(leaf.norm) || codeListOfErrors(leaf)) ? (v[0] ?? '') : v;
}

function codeScore(leaf: Leaf, status: number, echoParents?: ReadonlySet<string>, failed2xx = false): number {
  const weight =
    (codeListOfErrors(leaf) ? 6 : undefined) ??
    CODE_KEYS.get(leaf.norm) ??
    suffixWeight(leaf.norm, CODE_KEY_SUFFIXES, 9) ??
    numericErrorId(leaf);
  if (weight === undefined) return 0;
  const v0 = codeValue(leaf);
  const norm = leaf.norm;
  // `ret: "-1"`: a negative number sent as text is judged as the number (no token starts with a minus); so is any
  // number sent as text under a status-code key (`statusCode: "2001"`), which is judged as a status below.
  const v =
    typeof v0 === 'string' && (/^\s*-\d{1,9}\s*$/.test(v0) || (norm === 'statuscode' && /^\s*\d{1,9}\s*$/.test(v0)))
      ? Number(v0)
      : v0;
  let score = weight;
  if (typeof v === 'number') {
    if (!Number.isInteger(v) || v === 0) return 0;
    // Inside an error object a short number under `id` is the error's number (`{type: "error", id: 6200}`).
    const errorNumber = norm === 'id' && leaf.inError && v > 0 && v < 1000000;
    // `{status: 240, message}` in a 2xx that judged itself failed: the app's own status number is its code.
    if (norm === 'status' && leaf.depth === 0 && status >= 200 && status < 300 && appStatusCode(v)) return 5;
    // Numbers under these keys are HTTP statuses or record IDs, not codes.
    if (
      norm === 'status' ||
      norm === 'type' ||
      norm === 'name' ||
      norm === 'reason' ||
      norm === 'messageid' ||
      norm === 'typekey' ||
      (norm === 'id' && !errorNumber)
    )
      return 0;
    const explicit =
      EXPLICIT_CODE_KEYS.has(norm) || CODE_KEYS.get(norm) === undefined || otherStatusCode(leaf, v, status, failed2xx);
    if (v === status) {
      // Only a key that names itself an error code (`error_code: 429`) keeps a number equal to the status,
      // and not beside the status's own reason phrase (`{error: "Unauthorized", errorCode: 401}`): all echo.
      if (leaf.besideStatus || !EXPLICIT_CODE_KEYS.has(norm) || echoParents?.has(parentOf(leaf))) return 0;
      score -= 3;
    } else if (
      statusLike(v) &&
      // Only a registered status is repeated: 527/528 beside a 500 (Zaptec `{Code: 528}`) is the API's own number.
      statusSemantics(v).origin === 'iana' &&
      !explicit &&
      norm !== 'subcode' &&
      !(status < 300 && v < 300 && RETURN_CODE_KEYS.has(norm)) &&
      // An error response repeats no success status: inside its error object a 2xx-range number is the
      // API's code (Twitter `errors: [{code: 215}]`, Zoom `{code: 200, message: "No permission."}` on a 400).
      !(status >= 400 && v < 300 && (leaf.inError || norm === 'code') && !STATUS_NUMBER_KEYS.has(norm))
    )
      return 0;
    score -= 1;
  } else if (typeof v === 'string') {
    const s = v.trim();
    // `{status: "29", error_text}` in a 2xx that judged itself failed: the status number sent as text is the code.
    if (norm === 'status' && failed2xx && leaf.depth === 0 && /^\d{1,6}$/.test(s)) {
      const n = Number(s);
      return n !== 0 && !SUCCESS_ECHOES.has(n) && (n < 400 || n > 599) ? 5 : 0;
    }
    if (!isCodeToken(s) || s === String(status)) return 0;
    if (norm === 'code' && leaf.depth === 0 && randomToken(s)) return 0;
    switch (norm) {
      case 'error':
        // A one-word reason phrase ("Unauthorized") is the status echoed, not a code.
        if (!isMachineToken(s)) return 0;
        // The status's enum name (Spring `HttpStatus.name()`: `INTERNAL_SERVER_ERROR`) beside the numeric status it
        // names is that status repeated; without a status number beside it (`NOT_FOUND` alone) it is the API's code.
        if (leaf.besideStatus && s === statusEnumName(status)) return 0;
        // A token under `error` names the error (`actNotFound`); a number beside it is its numeric alias.
        if (/[a-z][A-Z]|[a-z]_[a-z]/.test(s)) score += 3;
        break;
      case 'status':
      case 'exception':
        if (!isMachineToken(s)) return 0;
        break;
      case 'reason':
      case 'type':
        // problem+json's "no type".
        if (/^about:/i.test(s)) return 0;
        // Inside an error object a plain word is a code (`type: "missing"`); elsewhere it must look machine-made,
        // save a top-level `reason` of one capitalized word that is no status phrase (Gemini `reason: "Maintenance"`).
        if (
          !(leaf.inError && /^[a-z][a-z]+$/.test(s)) &&
          !isMachineToken(s) &&
          !/(?:error|exception|fault)$/i.test(s) &&
          !(norm === 'reason' && leaf.depth === 0 && /^[A-Z][a-z]{3,29}$/.test(s) && !isGenericMessage(s))
        )
          return 0;
        // `type: "DOMAIN"` names a kind of record; one upper-case word that names a failure (`UNAUTHORIZED`,
        // `FORBIDDEN`) is the error's kind. A severity (`ERROR`, `FATAL`) only rates it and stays out.
        if (/^[A-Z]+$/.test(s) && !FAILURE_KIND.test(s)) return 0;
        break;
      case 'errorname':
        // The key says it names the error: any machine token (Worldpay `errorName: "bodyDoesNotMatchSchema"`).
        if (!isMachineToken(s)) return 0;
        break;
      case 'name':
      case 'exceptiontype':
        // Below the top, a joined-words token that names an error (`errors: {name: "CombinationNotAllowed"}`) is one
        // too; a field's name is not, nor a top-level class that only names the status (Feathers `NotAuthenticated`).
        if (
          !/(?:error|exception|fault)$/i.test(s) &&
          !/[_.:/]/.test(s) &&
          !(norm === 'name' && leaf.depth > 0 && /^[A-Za-z][a-z0-9]+(?:[A-Z][a-z0-9]+)+$/.test(s) && namesAnError(s))
        )
          return 0;
        // A dotted field path (Kinto's `details: [{location: "body", name: "data.name"}]`) names the input, not the error.
        if (/^[a-z][\w]*(?:\.[\w]+)+$/i.test(s) && !/(?:error|exception|fault)$/i.test(s) && !namesAnError(s)) return 0;
        break;
      case 'typekey':
        // Azure DevOps `typeKey: "GitRepositoryNotFoundException"`.
        if (!isMachineToken(s)) return 0;
        break;
      case 'messageid':
        // Infobip `serviceException.messageId: "UNAUTHORIZED"` (an upper-case token inside an error) and Grafana's
        // `messageId: "dashboards.notFound"` (a dotted token) name the error; elsewhere a message ID (a UUID, a
        // number) is a sent message's record.
        if (
          !(leaf.inError && /^[A-Z][A-Z0-9_]{2,63}$/.test(s)) &&
          !(/^[A-Za-z][A-Za-z0-9]*(?:[._-][A-Za-z0-9]+)+$/.test(s) && !UUID_START.test(s))
        )
          return 0;
        break;
      case 'id':
        // Inside an error object a short number is the error's number (`error: {id: "1014", name, message}`).
        if (leaf.inError && /^\d{1,6}$/.test(s)) break;
        // An error class as the id (Interledger's ledger API `{id: "InsufficientFundsError", message}`): its code.
        if (/^[A-Z][A-Za-z]+(?:Error|Exception|Fault)$/.test(s)) break;
        // `{id: "not_found", message}`, Slite's `{id: "rate-limit"}`: an id that reads as a code, not as an identifier
        // (`rudder_file_footer`).
        if (/\d/.test(s) || !/^[a-z]+(?:[-_.][a-z]+)*$/.test(s) || !ERROR_WORD.test(s.replace(/-/g, '_'))) return 0;
        break;
      case 'statuscode':
        if (/^\d+$/.test(s)) return 0;
        break;
      case 'result':
        // A word under `result` is a status word or a payload; a machine-made token at the top of the answer names
        // the outcome as `status` does (`{result: "requires_login", status: 401}`, `{Result: "MissingAccountNumber"}`,
        // seen in a cloud API and a store API); below the top it is a record's state. Status words are no codes.
        if (leaf.depth > 0 || !isMachineToken(s) || SUCCESS_WORDS.has(s.toUpperCase())) return 0;
        break;
      case 'label':
      case 'tag':
        // `label: "INVALID_CURRENCY_PAIR"` (Gate.io), `tag: "INVALID_REQUEST_BODY"` (Exa); a label or tag in data is a word, not an upper-case token.
        if (!/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(s)) return 0;
        break;
      default:
        if (!/[A-Za-z0-9]/.test(s)) return 0;
    }
    if (leaf.norm === 'status' && SUCCESS_WORDS.has(s.toUpperCase())) return 0;
  } else return 0;
  if (leaf.inError) score += 3;
  // The envelope's own top-level code names the error; codes in `details`/`errors` below it refine it.
  else if (
    leaf.depth === 0 &&
    typeof v === 'string' &&
    // `name` too: the thrown error's class (Mongoose `name: "ValidationError"` above `errors.email.name: "ValidatorError"`).
    (norm === 'code' || norm === 'errorcode' || norm === 'errorname' || norm === 'name')
  )
    score += 3;
  // OpenAI-compatible `{object: "error", message: {detail: [{type: "missing"}]}, type: "invalid_request_error"}`
  // (Mistral, vLLM): the envelope's own error class outranks a validator's item types below it; so does an
  // upper-case constant (Moleculer `{name: "ServiceNotFoundError", type: "SERVICE_NOT_FOUND"}`: the type is the code).
  else if (
    leaf.depth === 0 &&
    norm === 'type' &&
    typeof v === 'string' &&
    (/error$/i.test(v) || /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(v))
  )
    score += 3;
  if (leaf.item > 0) score -= 2;
  // A warning's or a note's code (FHIR `informational`) is not the failure's; the min of 3 still takes it when alone.
  const final = score - leaf.depth * 0.75;
  return leaf.minor && final > 3.5 ? Math.max(final - 3, 3.5) : final;
}

/**
 * A number under the envelope's own `status_code` that is not the response's status: the API's own code, not an
 * echo. On a client error any other status-like number is one (`status_code: 406` on a 400); in a 2xx that says it
 * failed, a 2xx-range number is one (`{status: "ERROR", status_code: 204}`), while an HTTP error status
 * there is the status the call reports for itself. Numbers no HTTP status has (`statusCode: "2001"`) never echo.
 */
function otherStatusCode(leaf: Leaf, v: number, status: number, failed2xx: boolean): boolean {
  if (leaf.norm !== 'statuscode' || leaf.depth > 0 || v === status) return false;
  if (status >= 400 && status < 500) return v >= 400 && v <= 599;
  return failed2xx && v >= 200 && v < 300;
}

/** Keys whose value is a list of codes, the first one the error's (Checkout.com `error_codes`). */
const CODE_LIST_KEYS: ReadonlySet<string> = new Set(['errorcodes']);
/** Code keys whose numbers are HTTP statuses whatever their range. */
const STATUS_NUMBER_KEYS: ReadonlySet<string> = new Set(['statuscode', 'status', 'httpcode', 'httpstatus']);

/** Keys beside a numeric code that may name the error (`type: "missing_access_key"`, `sub_code: "ACQ.TRADE_NOT_EXIST"`). */
const NAMING_KEYS: ReadonlySet<string> = new Set([
  'type',
  'errortype',
  'subcode',
  'suberrorcode',
  'subcodes',
  'reason',
  'error',
  // `error: {id: "services.storage.not_found", code: 16908292}`: a dotted id that names the error.
  'id',
]);

/** A token that names an error in words (`missing_access_key`, `ACQ.TRADE_NOT_EXIST`, `actNotFound`), not a class name. */
function namesAnError(s: string): boolean {
  if (s.length > 80 || /(?:Error|Exception|Fault)$/.test(s)) return false;
  const words = s
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[._\-:/]+/)
    .filter(Boolean);
  if (words.length < 2 || !words.every((w) => /^[a-z0-9]+$/.test(w))) return false;
  // `NotFound`, `TooManyRequests`, `validation_error`: a reason phrase or wrapper as a token is a category, not a name.
  if (isGenericMessage(words.join(' '))) return false;
  for (const w of words) if (ERROR_WORD.test(w)) return true;
  return false;
}

/**
 * A numeric code (`code: 101`, `code: "40004"`) is a category; a sibling that names the error in words
 * says which one. The sibling leaf, or undefined when the code is not numeric or has none.
 */
function namedBeside(leaves: readonly Leaf[], code: Leaf): Leaf | undefined {
  const v = code.value;
  if (!(typeof v === 'number' || (typeof v === 'string' && /^-?\d+$/.test(v.trim())))) return undefined;
  const parent = code.path.slice(0, code.path.length - code.key.length);
  for (const leaf of leaves) {
    if (leaf === code || !NAMING_KEYS.has(leaf.norm) || typeof leaf.value !== 'string') continue;
    if (leaf.path.slice(0, leaf.path.length - leaf.key.length) !== parent) continue;
    if (namesAnError(leaf.value.trim())) return leaf;
  }
  return undefined;
}

/** An upper-case tag of two or more words (`WRONG_PARAMETERS`), not a success word. */
const UPPER_TAG = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

/**
 * A message key holding a translation key instead of words: Keycloak's admin API `{field: "email",
 * errorMessage: "error-invalid-email", params: [...]}` and its `invalidPasswordMinLengthMessage` keys, i18n
 * keys such as `errors.user_not_found`. Lower-case words joined by `-`, `_` or `.`, or camel case; the
 * words must name an error (namesAnError), so a plain identifier is not taken.
 */
const TRANSLATION_KEY = /^[a-z][a-z0-9]*(?:(?:[-_.][a-z0-9]+)+|(?:[A-Z][a-z0-9]+)+)$/;

/** A top-level message leaf that holds only an upper-case tag or a translation key: the code, not words to show. */
function messageTag(leaves: readonly Leaf[]): Leaf | undefined {
  for (const leaf of leaves) {
    if (leaf.depth > 1 || leaf.item > 0 || !MESSAGE_KEYS.has(leaf.norm) || typeof leaf.value !== 'string') continue;
    const s = leaf.value.trim();
    if (s.length > 80 || SUCCESS_WORDS.has(s)) continue;
    if (UPPER_TAG.test(s) || (TRANSLATION_KEY.test(s) && namesAnError(s))) return leaf;
  }
  return undefined;
}

function messageText(leaf: Leaf): string | undefined {
  const v = leaf.value;
  if (Array.isArray(v)) {
    const parts = v
      .map((s) => s.trim())
      .filter(Boolean)
      .slice(0, 20);
    return parts.length ? parts.join('; ') : undefined;
  }
  return typeof v === 'string' ? v.trim() || undefined : undefined;
}

function messageScore(leaf: Leaf, text: string): number {
  const weight = MESSAGE_KEYS.get(leaf.norm) ?? suffixWeight(leaf.norm, MESSAGE_KEY_SUFFIXES, 5);
  if (weight === undefined || !hasLetters(text) || URL_LIKE.test(text)) return 0;
  // Under keys that also hold codes, only prose counts as a message.
  if (
    (leaf.norm === 'error' ||
      leaf.norm === 'err' ||
      leaf.norm === 'reason' ||
      leaf.norm === 'result' ||
      leaf.norm === 'title' ||
      leaf.norm === 'text' ||
      leaf.norm === 'info' ||
      leaf.norm === 'cause' ||
      leaf.norm === 'exception') &&
    !isProse(text)
  )
    return 0;
  if (!isProse(text) && isMachineToken(text)) return 0;
  // A long translation key reads as one long word (`invalidPasswordMinLengthMessage`): a code, not words.
  if (!text.includes(' ') && TRANSLATION_KEY.test(text) && namesAnError(text)) return 0;
  let score = weight;
  if (leaf.inError || leaf.major) score += 2;
  // A message nested in an object that is no error container (`extra: [{message}]`, `messages: [{…}]`)
  // details something else; the top-level `detail` beside it is the API's own message.
  else if (leaf.depth > 0) score -= 2;
  if (leaf.item > 0) score -= 2;
  // A warning or a note listed before the error (FHIR `issue[]`, `messages[]` with a severity) is not what failed;
  // kept above zero so a body of warnings alone still shows one.
  const final = score - leaf.depth * 0.5;
  return leaf.minor && final > 0.5 ? Math.max(final - 3, 0.5) : final;
}

function idScore(leaf: Leaf): number {
  const weight =
    ID_KEYS.get(leaf.norm) ??
    suffixWeight(leaf.norm, ID_KEY_SUFFIXES, 8) ??
    // Only the envelope's own top-level `code`: inside an error list an opaque token may be the error's kind (ChainGateway's UUIDs).
    (leaf.norm === 'code' && leaf.depth === 0 && typeof leaf.value === 'string' && randomToken(leaf.value.trim())
      ? 5
      : undefined) ??
    // A W3C traceparent under a key no dictionary knows: the shape alone names a trace.
    (typeof leaf.value === 'string' && TRACEPARENT.test(leaf.value) ? 7 : undefined);
  // The client's own ID echoed back (`client_request_id`) finds nothing at the vendor.
  if (weight === undefined || CLIENT_ID_KEY.test(leaf.norm)) return 0;
  const v = leaf.value;
  const s =
    typeof v === 'number' && Number.isInteger(v) && v >= 100000 ? String(v) : typeof v === 'string' ? v.trim() : '';
  const generic =
    leaf.norm === 'id' ||
    leaf.norm === 'instance' ||
    leaf.norm === 'ref' ||
    leaf.norm === 'request' ||
    leaf.norm === 'tid' ||
    leaf.norm === 'code';
  // A key that names itself an ID may hold one without digits (`fbtrace_id: "AbCdEfGhIjK"`).
  if (
    !s ||
    !(ID_SHAPE.test(s) || ID_WITH_TIME.test(s)) ||
    URL_LIKE.test(s) ||
    (!/\d/.test(s) && (generic || s.length < 8 || !/[a-z]/.test(s) || !/[A-Z]/.test(s) || PASCAL_WORDS.test(s)))
  )
    return 0;
  // A URN names a kind (`urn:openproject-org:api:v3:errors:NotFound`), not one occurrence; `urn:uuid:` may be either.
  if (/^urn:/i.test(s) && !/^urn:uuid:/i.test(s)) return 0;
  // `trace` also names stack traces and exception names: only a number or a hex, UUID or ULID is a request's trace.
  if (leaf.norm === 'trace' && !/^\d{6,}$/.test(s) && !HEX_ID.test(s) && !UUID_START.test(s) && !ULID.test(s)) return 0;
  let score = weight;
  // `id` and `instance` name the failure only inside an error object, and only in an ID's shape.
  if (generic) {
    if (!leaf.inError && leaf.depth > 0) return 0;
    if (
      leaf.norm !== 'code' && // judged by randomToken already
      !UUID_START.test(s) &&
      !ULID.test(s) &&
      !HEX_ID.test(s) &&
      !/^[A-Za-z]{2,8}[_-][A-Za-z0-9]{8,}$/.test(s)
    )
      return 0;
    if (!leaf.inError) score -= 1;
  }
  if (UUID.test(s) || ULID.test(s)) score += 1;
  if (leaf.item > 0) score -= 2;
  // A warning or a note listed before the error (FHIR `issue[]`, `messages[]` with a severity) is not what failed;
  // kept above zero so a body of warnings alone still shows one.
  const final = score - leaf.depth * 0.5;
  return leaf.minor && final > 0.5 ? Math.max(final - 3, 0.5) : final;
}

/** How deep inside an error object a wait field is still the error's own (the walk's own bound). */
const MAX_ERROR_WAIT_DEPTH = MAX_DEPTH;

/** The last instant a Date can hold (ECMAScript: ±8.64e15 ms). */
const MAX_DATE_MS = 8.64e15;

/** A wait in seconds, or `{at}` for one given as a date (epoch ms); undefined when the leaf holds none. */
function waitOf(leaf: Leaf): number | { at: number } | undefined {
  const unit = waitUnitOf(leaf.norm);
  if (unit === undefined) return undefined;
  const v = leaf.value;
  let n: number | undefined;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string') {
    const s = v.trim();
    if (/^\d+(?:\.\d+)?$/.test(s)) n = Number(s);
    else {
      const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(s);
      if (m) return Number(m[1]) * (m[2] === 'ms' ? 0.001 : m[2] === 's' ? 1 : m[2] === 'm' ? 60 : 3600);
      // A Go/protobuf duration of several parts (`1m30s`, `6m0s`).
      const duration = parseDuration(s);
      if (duration !== undefined) return duration;
      // An ISO 8601 duration (`PT30S`, `PT1M30S`, `P1DT2H`), as Java's Duration and .NET serialize it.
      const iso = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(s);
      if (iso && s.length > 2 && !/T$/i.test(s))
        return (
          Number(iso[1] ?? 0) * 86_400 + Number(iso[2] ?? 0) * 3600 + Number(iso[3] ?? 0) * 60 + Number(iso[4] ?? 0)
        );
      // A date (`2024-01-01T10:05:00Z`, an HTTP-date): how far away it is depends on the response's clock.
      if (s.length <= 40 && /^\d{4}-\d{2}-\d{2}|\d{2}:\d{2}/.test(s)) {
        const at = parseHttpOrIsoDate(s);
        if (Number.isFinite(at)) return { at };
      }
    }
  }
  if (n === undefined || !Number.isFinite(n) || n < 0) return undefined;
  // No wait is decades long: such a figure is an epoch time (ms from 1e12, else seconds), as reset headers send it.
  if (unit === 1 && n >= 1e9) {
    const at = n >= 1e12 ? n : n * 1000;
    // Beyond the last representable date it is no time at all.
    return at <= MAX_DATE_MS ? { at } : undefined;
  }
  return n * unit;
}

/** A status word of a failed call: listed, or a token that ends by saying so (`WRONG_CREDENTIALS_ERROR`). */
export function isFailureWord(word: string): boolean {
  return (
    FAILURE_WORDS.has(word) ||
    /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*_(?:ERROR|FAILED|FAILURE|DENIED|REJECTED|EXCEEDED)$/.test(word) ||
    // `INVALID_USER_KEY`, `ACCESS_TOO_FREQUENT`, `DAILY_QUERY_OVER_LIMIT` (Amap's `info`): a token that says so at its start or end.
    /^(?:INVALID|ILLEGAL)_[A-Z0-9]+(?:_[A-Z0-9]+)*$/.test(word) ||
    /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*_(?:TOO_FREQUENT|OVER_LIMIT|NOT_FOUND)$/.test(word)
  );
}

/**
 * A status identifier in snake, kebab or camel case (`invalid_dst`, `invalid-token`, `emailNotFound`) as the upper-case
 * token it spells (`INVALID_DST`, `INVALID_TOKEN`, `EMAIL_NOT_FOUND`); undefined for words, sentences and upper-case tokens.
 */
export function identifierToken(text: string): string | undefined {
  if (/^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/.test(text)) return text.toUpperCase();
  // `status: "invalid-token"` (Technitium DNS): kebab case spells the same token.
  if (/^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/.test(text)) return text.replace(/-/g, '_').toUpperCase();
  if (/^[a-z][a-z0-9]*(?:[A-Z][a-z0-9]+)+$/.test(text))
    return text.replace(/([a-z0-9])(?=[A-Z])/g, '$1_').toUpperCase();
  return undefined;
}

/** Lists of a request's violations, as validation frameworks name them. */
const VIOLATION_LISTS: ReadonlySet<string> = new Set([
  'violations',
  'constraintviolations',
  'validationerrors',
  'validationviolations',
  'fielderrors',
  'invalidparams',
]);

/** A violation item: an object with a sentence under a message-like key (`description`, `message`, `reason`). */
function violationItem(item: unknown): boolean {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return false;
  for (const key in item as Record<string, unknown>) {
    const v = (item as Record<string, unknown>)[key];
    if (typeof v === 'string' && v.includes(' ') && MESSAGE_KEYS.has(normalizeKey(key))) return true;
  }
  return false;
}

/** Whether a body is only a list of violations (one key, a violation list whose first item is one). */
export function onlyViolations(o: Record<string, unknown>): boolean {
  let only: string | undefined;
  for (const key in o) {
    if (!Object.prototype.hasOwnProperty.call(o, key)) continue;
    if (only !== undefined) return false;
    only = key;
  }
  if (only === undefined || !VIOLATION_LISTS.has(normalizeKey(only))) return false;
  const v = o[only];
  return Array.isArray(v) && v.length > 0 && violationItem(v[0]);
}

/** What a 2xx envelope's own top-level status fields say. */
/** `{}` or `{code: 0, message: ""}`: an error slot that holds only "no error" values. */
function placeholderError(v: object): boolean {
  let n = 0;
  for (const key in v) {
    if (!Object.prototype.hasOwnProperty.call(v, key)) continue;
    if (++n > 8) return false;
    const x = (v as Record<string, unknown>)[key];
    if (!(x === null || x === '' || x === 0 || x === '0' || x === false || (Array.isArray(x) && x.length === 0)))
      return false;
  }
  return true;
}

/** A flag sent as a string (`success: "false"`, OMDb's `Response: "False"`). */
/** A zero sent as text (`"0"`, `"000"`). */
const ZERO_TEXT = /^\s*0+\s*$/;

function flagText(v: unknown): boolean | undefined {
  if (typeof v !== 'string' || v.length > 5) return undefined;
  const t = v.trim().toLowerCase();
  return t === 'true' ? true : t === 'false' ? false : undefined;
}

/**
 * What a 2xx envelope's own top-level status fields say. `holder`: the object is a status object one
 * level down (`status: {message, value: 10}`, GeoNames), where `value` is the result code.
 */
/** Keys naming the class of the exception a call ended in (`error_class`, `exceptionType`). */
const ERROR_CLASS_KEYS: ReadonlySet<string> = new Set([
  'errorclass',
  'exceptionclass',
  'exceptiontype',
  'exception',
  'exceptionname',
]);

/** Slots that carry a call's payload (`data`, `content`); one holding nothing but an error reports the failure. */
const PAYLOAD_SLOTS: ReadonlySet<string> = new Set(['data', 'content', 'payload', 'response', 'answer']);

/** An object whose only member is a non-empty `error`/`errors` (`{error: "LOGIN_ERROR"}`); `{error: null}` is none. */
function errorOnly(v: unknown): boolean {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  if (keys.length !== 1 || !/^errors?$/i.test(keys[0])) return false;
  const x = (v as Record<string, unknown>)[keys[0]];
  if (typeof x === 'string') return x.trim() !== '' && !SUCCESS_WORDS.has(x.trim().toUpperCase());
  if (Array.isArray(x)) return x.length > 0;
  return x !== null && typeof x === 'object' && !placeholderError(x);
}

/**
 * An object that is one variant tag of a sum type, as serde (Rust) and Haskell's aeson encode them: `{Err: …}` failed,
 * `{Ok: …}` succeeded, and a PascalCase tag ending in `Failure`/`Error` (`{EvaluationFailure: {…}}`) names a failure.
 * Undefined for anything else, and for a tag holding nothing (`{LastError: null}`).
 */
function loneTag(obj: Record<string, unknown>): boolean | undefined {
  let only: string | undefined;
  for (const key in obj) {
    if (!Object.prototype.hasOwnProperty.call(obj, key)) continue;
    if (only !== undefined) return undefined;
    only = key;
  }
  if (only === undefined) return undefined;
  const v = obj[only];
  if (v === null || (typeof v !== 'object' && (typeof v !== 'string' || v.trim() === ''))) return undefined;
  if (only === 'Ok') return false;
  if (only === 'Err' || /^(?:[A-Z][a-z0-9]+)+(?:Failure|Error)$/.test(only)) return true;
  return undefined;
}

/** The lone failure tag of a sum type (`{Err: …}`, `{EvaluationFailure: …}`) with its value, if the object is one. */
function failureTag(obj: Record<string, unknown>): { key: string; value: unknown } | undefined {
  if (loneTag(obj) !== true) return undefined;
  const key = Object.keys(obj)[0];
  return { key, value: obj[key] };
}

/** `{ClientCallback: "text"}`: an object of one member holding a non-empty string. */
function loneStringMember(v: unknown): { key: string; text: string } | undefined {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const keys = Object.keys(v);
  if (keys.length !== 1) return undefined;
  const text = (v as Record<string, unknown>)[keys[0]];
  return typeof text === 'string' && text.trim() ? { key: keys[0], text } : undefined;
}

export function statusVerdict(root: unknown, holder = false): boolean | undefined {
  if (root === null || typeof root !== 'object' || Array.isArray(root)) return undefined;
  const obj = root as Record<string, unknown>;
  let failure: boolean | undefined;
  let keys = 0;
  let hasMessage = false;
  let resourceLike = false;
  let numericCode: number | undefined;
  let httpStatus: number | undefined;
  // `{code: 10000, msg: "Success"}`: a result code beside a success word is a success, whatever its number.
  let successMessage = false;
  let errorsListed = false;
  // `{status: 240, message}` (Baidu, Tencent maps): an app's own numeric status, judged only in a small envelope.
  let appStatus: number | undefined;
  let errorToken = false;
  // `{error_code: 336003, error_msg}` / `{"Error Message": "…"}`: keys that name themselves an error's code and message.
  let errorMessage = false;
  let explicitCode = false;
  // `{success: 0, message}` (phpIPAM), `{ok: 0, errmsg}` (MongoDB): a 0/1 flag; beside counts it is a count.
  let numericFlag: number | undefined;
  let counts = false;
  // `{status: "3", error_text}` (Vonage Verify): a status number sent as text beside an error text.
  let statusText: number | undefined;
  // `{result: 10000, desc: "鉴权失败"}`: a positive integer under `result`, a return code only in a bare envelope.
  let positiveResult: number | undefined;
  // A message that says error or failed in so many words (`"Argument error"`, `"Internal Error"`).
  let errorPhrase = false;
  // `status_code: "401"` (Midtrans): an HTTP error status under a key that names itself one.
  let statusCodeError = false;
  // `status: "invalid"` in a large record without a message (ZeroBounce's verdict on an address): data, not the call's status.
  let invalidWord = false;
  // `{arguments: {}, result: "invalid or corrupt torrent file"}` (Transmission RPC): a status field that holds a failure
  // sentence instead of a status word; judged only when nothing beside it carries a payload.
  let failureSentence = false;
  let payload = false;
  // `{message: "Account already exists"}`, `{result: 0, reason: "no such user"}`: a message that alone says failure.
  let loneFailure = false;
  let resultZero = false;
  // `{success: 0, data: {code: 20001}}` (bitbank): the payload slot holds only an error's code.
  let codeOnlyData = false;
  // `{rc: 1, mc: "AUTH_103", result: null}`: the payload slot empty, a code token the only answer left.
  let nullPayload = false;
  let codeToken = false;
  // `{seq: 0, status: 1, content: {error: "LOGIN_ERROR"}}` (Tiny Tiny RSS): the payload slot holds only an error.
  let errorOnlyPayload = false;
  let errorClass = false;
  let n = 0;
  // `{Err: …}` (serde's externally tagged `Result`), `{EvaluationFailure: …}`: a lone variant tag that names a failure.
  const tag = loneTag(obj);
  if (tag !== undefined) return tag;
  const prefix = sharedKeyPrefix(obj);
  for (const key in obj) {
    if (!Object.prototype.hasOwnProperty.call(obj, key)) continue;
    if (++n > 64) break;
    const norm = keyBehindPrefix(key, prefix, verdictKey);
    if (INCIDENTAL_KEYS.has(norm)) continue;
    keys++;
    const v = obj[key];
    if (NUMERIC_FLAG_KEYS.has(norm) && (v === 0 || v === 1)) {
      numericFlag = v;
      continue;
    }
    if (COUNT_KEYS.has(norm) && typeof v === 'number') counts = true;
    if (norm === 'id' || norm === 'object' || norm === 'kind' || norm === 'createdat' || norm === 'created')
      resourceLike = true;
    // `res_message`, `result_msg`: a message named for the code beside it counts too.
    if (
      (MESSAGE_KEYS.has(norm) || suffixWeight(norm, VERDICT_MESSAGE_SUFFIXES, 1) !== undefined) &&
      typeof v === 'string' &&
      v.trim()
    ) {
      hasMessage = true;
      if (ERROR_PHRASE.test(v)) errorPhrase = true;
      // `{code: 1000, desc: "Command completed successfully"}` (EPP-style result codes): a success sentence under any
      // message key, not only `message`/`msg`, says the call went through whatever the number beside it.
      if (!/^err|reason|cause/.test(norm) && SUCCESS_NOTE.test(v)) successMessage = true;
      if (LONE_MESSAGE_KEYS.has(norm) && saysFailureAlone(v)) loneFailure = true;
    }
    const flag =
      typeof v === 'boolean'
        ? v
        : SUCCESS_FLAGS.has(norm) || FAILURE_FLAGS.has(norm) || FAILURE_FLAG_PATTERN.test(norm)
          ? flagText(v)
          : undefined;
    if (flag !== undefined) {
      const v = flag;
      if (SUCCESS_FLAGS.has(norm)) {
        if (!v) failure = true;
        else if (failure === undefined) failure = false;
      } else if ((FAILURE_FLAGS.has(norm) || FAILURE_FLAG_PATTERN.test(norm)) && v) failure = true;
      continue;
    }
    if (ERROR_MESSAGE_KEYS.has(norm) && typeof v === 'string' && v.trim() && !SUCCESS_WORDS.has(v.trim().toUpperCase()))
      errorMessage = true;
    // `errorCode: "108"` (Youdao) says so as `errorCode: 108` does.
    if (
      EXPLICIT_CODE_KEYS.has(norm) &&
      (typeof v === 'number' || (typeof v === 'string' && /^-?\d{1,9}$/.test(v.trim())))
    )
      if (Number.isInteger(Number(v)) && Number(v) !== 0) explicitCode = true;
    if (v !== null && typeof v === 'object' && !placeholderError(v)) payload = true;
    if (norm === 'data' && codeOnly(v)) codeOnlyData = true;
    if (PAYLOAD_SLOTS.has(norm) && errorOnly(v)) errorOnlyPayload = true;
    if ((norm === 'data' || norm === 'result') && v === null) nullPayload = true;
    if (typeof v === 'string' && ERROR_CODE_TOKEN.test(v.trim())) codeToken = true;
    if (typeof v === 'string' && STATUS_KEYS.has(norm)) {
      const word = v.trim().toUpperCase();
      if (SENTENCE_STATUS_KEYS.has(norm) && isFailureSentence(v.trim())) failureSentence = true;
      if (norm === 'status' && /^-?\d{1,6}$/.test(word)) {
        statusText = Number(word);
        // `"1"` reads as success in many APIs, but not beside an error text (Vonage `{status: "1", error_text:
        // "Throttled"}`): judged after the loop, when every key is known.
        if (SUCCESS_WORDS.has(word)) continue;
      }
      const prose = norm === 'message' || norm === 'msg';
      // `status: "invalid_dst"` (VoIP.ms), `status: "emailNotFound"`: an identifier that names the failure, in any case style.
      const token = prose || NO_ERROR_CODE.test(v.trim()) ? undefined : identifierToken(v.trim());
      if (
        FAILURE_WORDS.has(word) ||
        (!prose && isFailureWord(v.trim())) ||
        (token !== undefined && isFailureWord(token))
      ) {
        if (failure === undefined && word === 'INVALID') invalidWord = true;
        failure ??= true;
      } else if (SUCCESS_WORDS.has(word.replace(/[.!]$/, '')) || (prose && SUCCESS_NOTE.test(v))) {
        if (prose) successMessage = true;
        else failure ??= false;
      } else if (!prose && norm.endsWith('status') && (word === 'F' || word === 'S')) failure ??= word === 'F';
      continue;
    }
    // `{status: "0", info: "INVALID_USER_KEY", infocode}` (Amap): an `info` token is the status word; a sentence there is not.
    if (norm === 'info' && typeof v === 'string' && /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(v.trim())) {
      if (isFailureWord(v.trim())) failure ??= true;
      continue;
    }
    // `errorCode: "ERROR_KEY_DOES_NOT_EXIST"` at the top of a 2xx envelope names the failure (judged with a message).
    if ((norm === 'errorcode' || norm === 'errcode') && typeof v === 'string' && namedErrorCode(v.trim())) {
      errorToken = true;
      continue;
    }
    if (norm === 'status' && typeof v === 'number' && Number.isInteger(v) && (v < 400 || v > 599)) {
      appStatus = v;
      continue;
    }
    // `status: 401` in a 2xx body is the HTTP status the call reports for itself (a small number is an app's own);
    // so is `httpStatus: 401` / `httpCode` (`statusCode` is read as a result code below).
    if (
      (norm === 'status' || (EMBEDDED_STATUS_KEYS.has(norm) && !RESULT_CODE_KEYS.has(norm))) &&
      typeof v === 'number' &&
      v >= 400 &&
      v <= 599
    ) {
      httpStatus = v;
      continue;
    }
    // `{result: -1, msg: "system busy"}`: a negative `result` is a return code (a count or a value is never below 0);
    // a positive one may be a value, judged after the loop by what stands beside it.
    if (norm === 'result' && typeof v === 'number' && Number.isInteger(v)) {
      if (v === 0) resultZero = true;
      if (v <= 0) numericCode = v;
      else positiveResult = v;
      continue;
    }
    // ASCOM Alpaca `{ErrorNumber: 1024, ErrorMessage}` (its spec: 0 is success, any other number the error),
    // ArangoDB `errorNum`: a key that names the error's number is the call's result code, and says so as `error_code` does.
    if (
      ERROR_NUMBER_KEYS.has(norm) &&
      (typeof v === 'number' || (typeof v === 'string' && /^-?\d{1,9}$/.test(v.trim())))
    ) {
      numericCode = Number(v);
      if (Number.isInteger(numericCode) && numericCode !== 0) explicitCode = true;
      continue;
    }
    if (
      (typeof v === 'number' || (typeof v === 'string' && /^-?\d{1,9}$/.test(v.trim()))) &&
      (isResultCodeKey(norm) || (holder && norm === 'value') || namesErrorCode(norm))
    ) {
      numericCode = Number(v);
      // `referenceErrorCode: 1001`, `detailed_error_code`: a key that names itself an error code says so as `error_code` does.
      if (namesErrorCode(norm) && Number.isInteger(numericCode) && numericCode !== 0) explicitCode = true;
      if (EMBEDDED_STATUS_KEYS.has(norm) && numericCode >= 400 && numericCode <= 599) statusCodeError = true;
      continue;
    }
    // `{type: "jsonwsp/fault", fault: {code, string}}` (JSON-WSP, Ladon and Ogmios), `{fault: {faultcode, faultstring}}`:
    // a fault object is the call's error, as `error` is.
    if (norm === 'fault' && v !== null && typeof v === 'object' && !Array.isArray(v) && !placeholderError(v)) {
      failure ??= true;
      continue;
    }
    // `{field, error_class: "LW::Exception::RecordNotFound"}` (Liquid Web Storm): an exception's class named at the top of
    // a small body with no payload beside it (judged after the loop) is the error the call ended in.
    if (ERROR_CLASS_KEYS.has(norm) && typeof v === 'string' && isCodeToken(v.trim())) errorClass = true;
    // `error: 0` and its text form `error=0` (a name-value answer's values are all text: Micropayment) say no error.
    if (
      norm === 'error' &&
      v !== null &&
      v !== false &&
      v !== '' &&
      v !== 0 &&
      !(typeof v === 'string' && ZERO_TEXT.test(v))
    ) {
      if (typeof v === 'object' ? !placeholderError(v) : true) failure ??= true;
      continue;
    }
    if (
      norm === 'errors' &&
      (Array.isArray(v) ? v.length > 0 : messagesByName(v)) &&
      !('data' in obj && obj.data !== null && obj.data !== undefined)
    )
      errorsListed = true;
  }
  // `errors` beside an explicit success word (`{message: "success", errors: [...]}`, Braze's
  // non-fatal errors; `{status: "ok", errors: [...]}`) lists warnings of a call that went through, wherever it sits.
  if (errorsListed) failure ??= !successMessage;
  // a 2xx body that is only a list of violations (`{violations: [{constraint, description}]}`,
  // Bean Validation's `constraintViolations`, `invalid_params`) reports a rejected request.
  if (failure === undefined && keys === 1 && onlyViolations(obj)) failure = true;
  // A body that is only a message saying failure (at most one other scalar, an echo of the input), or that message
  // beside `result: 0` (cPanel's failed call; a `code: 0` beside it is a success code and stays one).
  if (
    failure === undefined &&
    loneFailure &&
    keys <= 2 &&
    !payload &&
    !resourceLike &&
    !successMessage &&
    (numericCode === undefined || resultZero) &&
    appStatus === undefined &&
    statusText === undefined &&
    numericFlag === undefined
  )
    return true;
  if (failure === true && resourceLike && keys > 8) return undefined; // a record whose state field reads "failed", not an envelope
  if (failure === undefined && failureSentence && !payload && !resourceLike && keys <= 4) return true;
  if (failure === true && invalidWord && !hasMessage && !errorMessage && keys > 8) return undefined;
  if (failure === undefined && statusText !== undefined && statusText !== 0 && errorMessage && keys <= 4) return true;
  // `{status: 0, error_message}` (CyberPanel), `{status: "0", message: "Unknown action", result: null}` (Etherscan-style
  // explorers): a status of 0 is a false flag when the text beside it says failure and no payload came back; beside a
  // payload or a success word it stays the success code it is elsewhere (`{status: 0, result: {…}}`, `status_message: "ok"`).
  if (
    failure === undefined &&
    (appStatus === 0 || statusText === 0) &&
    (errorMessage || loneFailure) &&
    !successMessage &&
    !payload &&
    !resourceLike &&
    keys <= 4
  )
    return true;
  if (failure === undefined && statusText !== undefined && SUCCESS_WORDS.has(String(statusText))) failure = false;
  if (failure === undefined && numericFlag !== undefined && !counts && !resourceLike) {
    if (numericFlag === 0 && (hasMessage || codeOnlyData)) return true;
    if (numericFlag === 1) failure = false;
  }
  // A small envelope of a non-zero `error_code` and an `error_msg` failed, even beside the call's `id` (Baidu Qianfan).
  if (failure === undefined && explicitCode && errorMessage && keys <= 4) return true;
  // `{result: 10000, desc: "鉴权失败"}`, `{result: 1014, errmsg, ext: ""}`: a positive
  // `result` beside a message, with no payload, is the call's return code. 1 and the 2xx echoes read as success flags,
  // and a computed value comes without a message or with a payload beside it.
  if (
    failure === undefined &&
    numericCode === undefined &&
    positiveResult !== undefined &&
    appStatusCode(positiveResult) &&
    hasMessage &&
    !successMessage &&
    !payload &&
    !resourceLike &&
    keys <= 3
  )
    return true;
  // `{"Error Message": "Invalid API KEY…"}`: a body that is only an error message (Financial Modeling Prep).
  if (failure === undefined && errorMessage && keys === 1) return true;
  // `{status: 401, message}`: a small envelope that reports an HTTP error status for itself (a record
  // with a checked URL's status has more fields).
  if (
    failure === undefined &&
    numericCode === undefined &&
    httpStatus !== undefined &&
    hasMessage &&
    !resourceLike &&
    keys <= 6
  )
    return true;
  // A nonzero return code, an empty payload slot and a code token (`AUTH_103`, `E1001`) beside them: nothing but the
  // error is left of the answer.
  if (
    failure === undefined &&
    numericCode !== undefined &&
    numericCode !== 0 &&
    !hasMessage &&
    nullPayload &&
    codeToken &&
    !payload &&
    !resourceLike &&
    keys <= 6
  )
    return true;
  if (failure === undefined && numericCode !== undefined && hasMessage) {
    // Result codes where 0 (or a 2xx echo, or any code beside a success word) means success.
    // `{ReturnCode: "216", ErrorMessage: "Unauthorized (216)"}`: beside an error message only the echoes are successes.
    // Pushwoosh `{status_code: 210, status_message: "Argument error"}`: a 2xx-range code no HTTP success uses, beside a
    // message that says error, is the API's own failure code.
    const echo =
      numericCode >= 200 && numericCode < 300 && (SUCCESS_ECHOES.has(numericCode) || (!errorMessage && !errorPhrase));
    if (numericCode === 0 || echo || successMessage) return false;
    if (!resourceLike) return true;
    // `{status_code: "401", status_message, id}`: three fields can hold no record; the id is the error's.
    if (statusCodeError && keys <= 3) return true;
  }
  if (failure === undefined && errorToken && hasMessage && !successMessage && !resourceLike) return true;
  // `{errorCode: "108"}` (Youdao): a body that is only a nonzero error code, under a key that names itself one.
  if (failure === undefined && (explicitCode || errorToken) && keys === 1) return true;
  if (failure === undefined && errorOnlyPayload && !successMessage && !resourceLike) return true;
  if (failure === undefined && errorClass && !payload && !successMessage && keys <= 4) return true;
  // `{status: 240, message: "APP 服务被禁用"}`: a lone numeric status and a message, no payload. 0 is
  // success; 1 and the 2xx echoes read as success in too many APIs to call them failures.
  if (
    failure === undefined &&
    numericCode === undefined &&
    appStatus !== undefined &&
    hasMessage &&
    !successMessage &&
    !resourceLike &&
    keys <= 3
  ) {
    if (appStatus === 0) return false;
    if (appStatusCode(appStatus)) return true;
  }
  return failure;
}

/** A code token that joins a category and a number (`AUTH_103`, `E1001`, `ERR-42`): an error's code, not a word. */
const ERROR_CODE_TOKEN = /^[A-Z][A-Z]{0,11}[_-]?\d{2,9}$/;

/** An object of one or two keys whose code (`code`, `errorCode`, `errCode`) is set and not 0: an error's code alone. */
function codeOnly(v: unknown): boolean {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  if (keys.length === 0 || keys.length > 2) return false;
  return keys.some((k) => {
    const norm = normalizeKey(k);
    const x = (v as Record<string, unknown>)[k];
    return (
      (norm === 'code' || norm === 'errorcode' || norm === 'errcode') &&
      ((typeof x === 'number' && Number.isInteger(x) && x !== 0) || (typeof x === 'string' && namedErrorCode(x.trim())))
    );
  });
}

/**
 * A key that names itself an error's code by its ending (`referenceErrorCode`, `detailed_error_code`, `innerFaultCode`) or
 * an error's own code kind (`reasonCode`, `internalCode`): a number under it is a result code, 0 success.
 */
export function namesErrorCode(norm: string): boolean {
  return suffixWeight(norm, CODE_KEY_SUFFIXES, 1) !== undefined || norm === 'reasoncode' || norm === 'internalcode';
}

/** Keys the 2xx verdict reads (a prefixed key is read by its stem only when its whole name is none of them). */
function verdictKey(norm: string): boolean {
  return (
    STATUS_KEYS.has(norm) ||
    isResultCodeKey(norm) ||
    MESSAGE_KEYS.has(norm) ||
    SUCCESS_FLAGS.has(norm) ||
    FAILURE_FLAGS.has(norm) ||
    norm === 'error' ||
    norm === 'errors'
  );
}

/** A message that says the work was taken and is under way: "execution in progress", "queued", "being processed". */
const PROGRESS_SENTENCE = /\b(?:in progress|queued|accepted|pending|being processed|processing|started|scheduled)\b/i;
/** Words that make such a sentence a refusal: "another operation is in progress", "already queued". */
const BUSY_WORDS = /\b(?:another|already|still|busy|wait|retry|try again)\b/i;

/** Whether a 2xx envelope's message only reports that its work is under way. */
export function reportsProgress(scope: object): boolean {
  const obj = scope as Record<string, unknown>;
  for (const key of ['message', 'msg', 'statusMessage', 'status_message']) {
    const v = obj[key];
    if (typeof v !== 'string') continue;
    const text = v.trim();
    return PROGRESS_SENTENCE.test(text) && !FAILURE_SENTENCE.test(text) && !BUSY_WORDS.test(text);
  }
  return false;
}

/** Status fields that may hold a whole sentence in place of a status word (`result: "duplicate torrent"`). */
export const SENTENCE_STATUS_KEYS: ReadonlySet<string> = new Set(['result', 'status', 'outcome']);
/** Words of a sentence that reports a failure: "unable to save resume file", "Invalid session token". */
const FAILURE_SENTENCE =
  /\b(?:invalid|error|failed|failure|unable|cannot|can ?not|could not|couldn't|not (?:found|allowed|permitted|authori[sz]ed|valid)|denied|unauthori[sz]ed|forbidden|corrupt(?:ed)?|missing|malformed|rejected|refused|expired)\b/i;
/** A status value of at least two words, no longer than a sentence, that says the call failed. */
export function isFailureSentence(s: string): boolean {
  return s.length <= 160 && /\S\s+\S/.test(s) && FAILURE_SENTENCE.test(s);
}

/** The top-level status field of an object that holds a failure sentence, and its text. */
function failureSentenceOf(scope: unknown): { key: string; text: string } | undefined {
  if (scope === null || typeof scope !== 'object' || Array.isArray(scope)) return undefined;
  for (const key of Object.keys(scope).slice(0, 64)) {
    const v = (scope as Record<string, unknown>)[key];
    if (typeof v === 'string' && SENTENCE_STATUS_KEYS.has(normalizeKey(key)) && isFailureSentence(v.trim()))
      return { key, text: v.trim() };
  }
  return undefined;
}

/** `errors: {token: "Invalid key"}` (API-Football): an object of a few named messages, every value a sentence or a list of them. */
function messagesByName(v: unknown): boolean {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  let n = 0;
  for (const key in v as Record<string, unknown>) {
    if (!Object.prototype.hasOwnProperty.call(v, key)) continue;
    if (++n > 16) return false;
    const x = (v as Record<string, unknown>)[key];
    const texts = Array.isArray(x) ? x : [x];
    if (texts.length === 0 || !texts.every((t) => typeof t === 'string' && hasLetters(t) && t.trim().length > 1))
      return false;
  }
  return n > 0;
}

/** A message naming an error or a failure as such (`Argument error`, `Update failed`); `No errors` does not. */
const ERROR_PHRASE = /\b(?:error|failed|failure)\b/i;

/** Flags that APIs also send as 0/1 (`success: 0`, `ok: 1`). `status` and `result` are left out: 0 there is a success code. */
const NUMERIC_FLAG_KEYS: ReadonlySet<string> = new Set(['ok', 'success', 'succeeded', 'successful', 'issuccess']);
/** Numbers beside a `success` that make it a tally of items (`{success: 0, failed: 0, total: 0}`), not a flag. */
const COUNT_KEYS: ReadonlySet<string> = new Set([
  'failed',
  'failure',
  'failures',
  'fail',
  'errors',
  'total',
  'count',
  'skipped',
  'warnings',
  'processed',
]);

/** HTTP success statuses a body echoes as its own `status`. */
const SUCCESS_ECHOES: ReadonlySet<number> = new Set([200, 201, 202, 204]);

/** A body `status` number that is an app's own failure code: not 0/1, not a success echo, not an HTTP error status. */
function appStatusCode(v: number): boolean {
  return Number.isInteger(v) && v !== 0 && v !== 1 && !SUCCESS_ECHOES.has(v) && (v < 400 || v > 599);
}

/**
 * An error code that names a failure, not "none" or a number: joined words (`ERROR_KEY_DOES_NOT_EXIST`, `invalid_key`),
 * letters and a number (`E1001`, `AUTH0042`) or camel words (`InvalidToken`, `quotaExceeded`).
 */
function namedErrorCode(s: string): boolean {
  return !NO_ERROR_CODE.test(s) && NAMED_ERROR_CODE.test(s);
}
const NO_ERROR_CODE = /^(?:no[_.\-]?error|none|ok|success|succeeded|null|nil|0+)$/i;
const NAMED_ERROR_CODE =
  /^(?:[A-Za-z][A-Za-z0-9]*(?:[_.\-:][A-Za-z0-9]+)+|[A-Za-z]{1,12}\d{2,9}|[A-Za-z][a-z]+(?:[A-Z][a-z0-9]*)+)$/;

/** Top-level keys of an HTTP status a 2xx body reports for itself (`{status_code: 429, error_code, …}`). */
// A bare `status` is left out: APIs number their own statuses there (Withings' `status: 503` is "invalid params").
const EMBEDDED_STATUS_KEYS = new Set(['statuscode', 'httpstatus', 'httpstatuscode', 'httpcode']);

/** The HTTP error status (400–599) a 2xx envelope names for itself, or undefined. */
export function embeddedHttpStatus(root: unknown): number | undefined {
  if (root === null || typeof root !== 'object' || Array.isArray(root)) return undefined;
  let n = 0;
  for (const key in root as Record<string, unknown>) {
    if (!Object.prototype.hasOwnProperty.call(root, key)) continue;
    if (++n > 64) break;
    if (!EMBEDDED_STATUS_KEYS.has(normalizeKey(key))) continue;
    const v = (root as Record<string, unknown>)[key];
    const s = typeof v === 'number' ? v : typeof v === 'string' && /^\d{3}$/.test(v.trim()) ? Number(v) : NaN;
    if (Number.isInteger(s) && s >= 400 && s <= 599) return s;
  }
  return undefined;
}

/** A member named for an error by its key's start (`error_backend_alias`, `errors-upstream`), not a count or a flag. */
const ERROR_NAMED_KEY = /^errors?[_-][a-z0-9]/i;
/** Keys of such a member that hold the failed call's own response text. */
const MEMBER_BODY_KEYS = ['http_body', 'httpBody', 'body'];

/**
 * `{error_backend_alias: {http_status_code: 500, http_body: "…"}}` (a gateway's per-backend error details, KrakenD's
 * `return_error_details`): a top-level member named for an error that reports an HTTP error status for a call the 2xx
 * envelope carries. Its status, and its response text when it has one.
 */
export function errorNamedMember(
  root: unknown,
): { key: string; value: Record<string, unknown>; status: number; body?: { key: string; text: string } } | undefined {
  if (root === null || typeof root !== 'object' || Array.isArray(root)) return undefined;
  let n = 0;
  for (const key in root as Record<string, unknown>) {
    if (!Object.prototype.hasOwnProperty.call(root, key)) continue;
    if (++n > 64) break;
    if (!ERROR_NAMED_KEY.test(key)) continue;
    const value = (root as Record<string, unknown>)[key];
    if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
    const status = embeddedHttpStatus(value);
    if (status === undefined) continue;
    const record = value as Record<string, unknown>;
    const bodyKey = MEMBER_BODY_KEYS.find((k) => typeof record[k] === 'string' && record[k].trim() !== '');
    return {
      key,
      value: record,
      status,
      body: bodyKey ? { key: bodyKey, text: (record[bodyKey] as string).trim() } : undefined,
    };
  }
  return undefined;
}

/** Keys of a wrapper around the whole envelope (`{Response: {Error: {…}, RequestId}}`). */
const WRAPPERS = ['Response', 'response'];

/**
 * Children that carry a call's own status one level down (`{result: {status: "error", error}}`,
 * `{messages: {resultCode: "Error"}}`, `{meta: {code: 4003, message}}`, `{header: {code, msg}}`,
 * GeoNames' `{status: {message, value}}`), as normalized keys in order of preference: any casing
 * (`Result`, `SUMMARY`, `base_resp`) is the same holder.
 */
const STATUS_HOLDERS = [
  'result',
  'messages',
  'meta',
  'header',
  'status',
  'resultinfo',
  'responseinfo',
  'statusinfo',
  // MiniMax's `base_resp: {status_code, status_msg}`, beside the payload or alone.
  'baseresp',
  // Synoptic's `SUMMARY: {RESPONSE_CODE: -1, RESPONSE_MESSAGE}` beside the payload.
  'summary',
  // `{head: {code, msg}, body}` gateway envelopes (the head says how the call went).
  'head',
  // cPanel WHM's `{metadata: {result: 0, reason}, data}`: the call's outcome beside (or instead of) the payload.
  'metadata',
  // Beget's `{status: "success", answer: {status: "error", errors: [{error_code, error_text}]}}`: the outer status
  // says the request reached the API, the answer says how the method went.
  'answer',
];
export const STATUS_HOLDER_SET: ReadonlySet<string> = new Set(STATUS_HOLDERS);

/** The root's keys that are status holders, by their normalized name (the first of each). */
function holderKeys(root: Record<string, unknown>): Map<string, string> | undefined {
  let out: Map<string, string> | undefined;
  let n = 0;
  for (const key in root) {
    if (!Object.prototype.hasOwnProperty.call(root, key) || ++n > 64) break;
    const norm = normalizeKey(key);
    if (STATUS_HOLDER_SET.has(norm) && !out?.has(norm)) (out ??= new Map()).set(norm, key);
  }
  return out;
}

/**
 * A signed envelope: one `<method>_response` / `<method>_result` object beside scalars only (its
 * signature, a timestamp), as Alipay's open platform sends it. The object, or undefined.
 */
function signedResponse(root: Record<string, unknown>): { key: string; inner: Record<string, unknown> } | undefined {
  let found: { key: string; inner: Record<string, unknown> } | undefined;
  let n = 0;
  for (const key in root) {
    if (!Object.prototype.hasOwnProperty.call(root, key)) continue;
    if (++n > 4) return undefined;
    const v = root[key];
    if (v === null || typeof v !== 'object') continue;
    const norm = normalizeKey(key);
    if (found || Array.isArray(v) || norm.length <= 8 || !(norm.endsWith('response') || norm.endsWith('result')))
      return undefined;
    found = { key, inner: v as Record<string, unknown> };
  }
  return found;
}

/** `{head: {…}, body: {…}}` (Paytm and other gateway envelopes): the body holds the call's result. */
function headBody(root: Record<string, unknown>): Record<string, unknown> | undefined {
  const body = Object.prototype.hasOwnProperty.call(root, 'body') ? root.body : undefined;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
  return 'head' in root || 'header' in root ? (body as Record<string, unknown>) : undefined;
}

/** An object with a text under a message key (`message`, `msg`, `error_description`) that is no status word (`result: "failure"`). */
function hasMessageField(o: Record<string, unknown>): boolean {
  let n = 0;
  for (const key in o) {
    if (!Object.prototype.hasOwnProperty.call(o, key) || ++n > 64) break;
    const v = o[key];
    if (typeof v !== 'string' || !MESSAGE_KEYS.has(normalizeKey(key))) continue;
    const word = v.trim().toUpperCase();
    if (word !== '' && !isFailureWord(word) && !SUCCESS_WORDS.has(word)) return true;
  }
  return false;
}

/** Flags that say, and only say, whether the call succeeded (`done`, `status`, `result` also describe data). */
const EXPLICIT_SUCCESS_FLAGS = NUMERIC_FLAG_KEYS;

/** The object's own explicit success flag (`success: false`, `ok: "false"`), if it has one. */
export function explicitSuccessFlag(o: Record<string, unknown>): boolean | undefined {
  let n = 0;
  for (const key in o) {
    if (!Object.prototype.hasOwnProperty.call(o, key) || ++n > 64) break;
    if (!EXPLICIT_SUCCESS_FLAGS.has(normalizeKey(key))) continue;
    const v = o[key];
    const flag = typeof v === 'boolean' ? v : flagText(v);
    if (flag !== undefined) return flag;
  }
  return undefined;
}

/** The envelope inside a one-key wrapper, with its path prefix; the object itself otherwise. */
/** The keys of an object that are not envelope metadata (INCIDENTAL_KEYS), counted up to 64. */
function ownKeys(obj: Record<string, unknown>): number {
  let n = 0;
  let seen = 0;
  for (const key in obj) {
    if (!Object.prototype.hasOwnProperty.call(obj, key)) continue;
    if (++seen > 64) break;
    if (!INCIDENTAL_KEYS.has(normalizeKey(key))) n++;
  }
  return n;
}

function unwrap(root: Record<string, unknown>, nested = false): { scope: Record<string, unknown>; prefix: string } {
  if (!nested) {
    const signed = signedResponse(root);
    if (signed && statusVerdict(signed.inner) !== undefined) {
      const inner = unwrap(signed.inner, true);
      return { scope: inner.scope, prefix: `${signed.key}.${inner.prefix}` };
    }
    const body = headBody(root);
    if (body) {
      const inner = unwrap(body, true);
      if (inner.scope !== body) return { scope: inner.scope, prefix: `body.${inner.prefix}` };
    }
  }
  // `{data: {error: …}, success: false, status: 400}`: the error sits in the payload slot of a failed envelope;
  // so does the message of one that has none of its own (`{status: "error", data: {message}}`). JSend's `fail`
  // keeps a field → message dictionary there instead, read as one elsewhere.
  const data = Object.prototype.hasOwnProperty.call(root, 'data') ? root.data : undefined;
  const status = root.status;
  if (
    data &&
    typeof data === 'object' &&
    !Array.isArray(data) &&
    (root.success === false ||
      root.ok === false ||
      (typeof status === 'number' && status >= 400) ||
      statusVerdict(root) === true) &&
    ('error' in data ||
      'errors' in data ||
      (status !== 'fail' && !hasMessageField(root) && hasMessageField(data as Record<string, unknown>)))
  )
    return { scope: data as Record<string, unknown>, prefix: 'data.' };
  // `{gw_err_resp: {err_code, err_msg}, request_id}`: an object named as an error response that says it failed.
  for (const key of Object.keys(root).slice(0, 16)) {
    const inner = root[key];
    if (!namesErrorResponse(normalizeKey(key)) || !inner || typeof inner !== 'object' || Array.isArray(inner)) continue;
    if (statusVerdict(inner) === true) return { scope: inner as Record<string, unknown>, prefix: `${key}.` };
  }
  const ownError = 'error' in root || 'errors' in root;
  const holders = holderKeys(root);
  for (const norm of holders ? STATUS_HOLDERS : []) {
    const key = holders?.get(norm);
    // `meta`/`header`/`status` speak only for an envelope with no error of its own beside them.
    if (key === undefined || (ownError && norm !== 'result' && norm !== 'messages')) continue;
    const inner = root[key];
    if (inner && typeof inner === 'object' && !Array.isArray(inner) && statusVerdict(inner, norm === 'status') === true)
      return { scope: inner as Record<string, unknown>, prefix: `${key}.` };
  }
  for (const key of WRAPPERS) {
    const inner = Object.prototype.hasOwnProperty.call(root, key) ? root[key] : undefined;
    if (inner && typeof inner === 'object' && !Array.isArray(inner) && ownKeys(root) <= 2) {
      const rec = inner as Record<string, unknown>;
      if ('Error' in rec || 'error' in rec || 'Errors' in rec || 'errors' in rec || statusVerdict(rec) !== undefined)
        return { scope: rec, prefix: `${key}.` };
    }
  }
  // `{"subsonic-response": {status: "failed", error: {…}}}`: a lone key of any name around the envelope.
  let only: string | undefined;
  for (const key in root) {
    if (!Object.prototype.hasOwnProperty.call(root, key) || INCIDENTAL_KEYS.has(normalizeKey(key))) continue;
    if (only !== undefined) return { scope: root, prefix: '' };
    only = key;
  }
  if (only !== undefined && !anyDictionary(normalizeKey(only)) && !/^(?:errors?|faults?)$/i.test(only)) {
    const inner = root[only];
    if (inner && typeof inner === 'object' && !Array.isArray(inner)) {
      const rec = inner as Record<string, unknown>;
      if ('error' in rec || 'errors' in rec || 'Error' in rec || 'Errors' in rec)
        return { scope: rec, prefix: `${only}.` };
      // `{"tautulli-like-response": {result: "error", message}}`: a lone `…response`/`…reply` whose own status fields speak.
      if (/(?:response|reply)$/.test(normalizeKey(only)) && statusVerdict(rec) !== undefined)
        return { scope: rec, prefix: `${only}.` };
      // `{back: {msg: "507", success: false}}` (Growatt): a lone key of any name around an explicit success flag.
      if (explicitSuccessFlag(rec) === false) return { scope: rec, prefix: `${only}.` };
    }
  }
  return { scope: root, prefix: '' };
}

/**
 * The specific message of an error list held by a sibling of the status holder the walk narrowed to: an object
 * beside it whose own `errors`/`error` member holds one. Undefined when none says more than a wrapper.
 */
function siblingErrorMessage(
  envelope: Record<string, unknown>,
  holder: unknown,
): { text: string; path: string } | undefined {
  let n = 0;
  for (const key in envelope) {
    if (!Object.prototype.hasOwnProperty.call(envelope, key) || ++n > 12) break;
    const v = envelope[key];
    if (v === holder || v === null || typeof v !== 'object' || Array.isArray(v)) continue;
    const rec = v as Record<string, unknown>;
    if (!('errors' in rec) && !('error' in rec)) continue;
    const leaves = leavesOf(rec, anyDictionary);
    const found = pickMessage(leaves, undefined, rec);
    if (found && !isGenericMessage(found.text)) return { text: found.text, path: `${key}.${found.path}` };
  }
  return undefined;
}

/** `{hasErrors: true, results: [...]}`: a batch whose flag says only that some item failed; the item says how. */
function flaggedBatch(scope: unknown): boolean {
  if (scope === null || typeof scope !== 'object') return false;
  const o = scope as Record<string, unknown>;
  return o.hasErrors === true || o.HasErrors === true || o.has_errors === true;
}

/** A failed item of a list of per-item results (`data: [{status: "error", message, details}]`), without an `id` of a record. */
function failedItem(list: unknown): number {
  if (!Array.isArray(list)) return -1;
  for (let i = 0; i < list.length && i < 100; i++) {
    const item = list[i];
    if (item === null || typeof item !== 'object' || Array.isArray(item)) continue;
    const rec = item as Record<string, unknown>;
    if ('id' in rec) return -1; // records with a state, not per-request results
    const status = rec.status;
    if (typeof status === 'string' && isFailureWord(status.trim().toUpperCase()) && typeof rec.message === 'string')
      return i;
  }
  return -1;
}

/** The first failed item of a bulk response (`errors: true, items: [...]`), as its error object. */
function bulkFailure(root: Record<string, unknown>, bulkFlag = true): { path: string; error: unknown } | undefined {
  if (root.errors !== true || !bulkFlag) {
    for (const listKey of ['data', 'results', 'items']) {
      const i = failedItem(root[listKey]);
      if (i >= 0) return { path: `${listKey}[${i}]`, error: (root[listKey] as unknown[])[i] };
    }
    return undefined;
  }
  for (const listKey of ['items', 'results', 'responses', 'data']) {
    const list = root[listKey];
    if (!Array.isArray(list)) continue;
    for (let i = 0; i < list.length && i < 1000; i++) {
      const item = list[i];
      if (item === null || typeof item !== 'object') continue;
      const direct = (item as Record<string, unknown>).error;
      if (direct != null && direct !== false) return { path: `${listKey}[${i}].error`, error: direct };
      // Elasticsearch: each item is keyed by its action ({index: {status, error}}).
      for (const action in item as object) {
        const inner = (item as Record<string, unknown>)[action];
        if (inner && typeof inner === 'object' && (inner as Record<string, unknown>).error != null) {
          return { path: `${listKey}[${i}].${action}.error`, error: (inner as Record<string, unknown>).error };
        }
      }
    }
  }
  return undefined;
}

function best(leaves: readonly Leaf[], score: (leaf: Leaf) => number, min: number): Leaf | undefined {
  let top: Leaf | undefined;
  let topScore = min;
  for (const leaf of leaves) {
    const s = score(leaf);
    if (s > topScore) {
      top = leaf;
      topScore = s;
    }
  }
  return top;
}

function pickMessage(
  leaves: readonly Leaf[],
  exclude: string | undefined,
  scope: unknown,
): { text: string; path: string } | undefined {
  let generic: { text: string; path: string; score: number } | undefined;
  let specific: { text: string; path: string; score: number } | undefined;
  for (const leaf of leaves) {
    const text = messageText(leaf);
    if (!text || text === exclude) continue;
    const score = messageScore(leaf, text);
    if (score <= 0) continue;
    if (isGenericMessage(text)) {
      if (!generic || score > generic.score) generic = { text, path: leaf.path, score };
    } else if (!specific || score > specific.score) specific = { text, path: leaf.path, score };
  }
  if (specific) specific = { ...specific, ...refineSpecific(leaves, specific, scope) };
  if (specific && generic && specific.score >= 3 && !specific.text.toLowerCase().includes(generic.text.toLowerCase())) {
    return { text: joinWrapper(generic.text, specific.text), path: specific.path };
  }
  if (specific) return specific;
  const validator = validatorErrorsMessage(scope);
  if (validator) {
    if (
      generic &&
      !validator.text.toLowerCase().includes(generic.text.toLowerCase()) &&
      !REASON_PHRASE.test(generic.text)
    )
      return { text: joinWrapper(generic.text, validator.text), path: validator.path };
    return validator;
  }
  const dict = fieldDictMessage(scope);
  if (
    dict &&
    generic &&
    !REASON_PHRASE.test(generic.text) &&
    !dict.text.toLowerCase().includes(generic.text.toLowerCase())
  )
    return { text: joinWrapper(generic.text, dict.text), path: dict.path };
  return dict ?? generic;
}

/**
 * class-validator's ValidationError objects sent as they are (NestJS `exceptionFactory: (errors) => new
 * BadRequestException(errors)`): `message: [{property, constraints: {isEmail: "email must be an email"},
 * children}]`. The first constraint's text (it names its property), one level of `children` deep.
 */
function validatorErrorsMessage(scope: unknown): { text: string; path: string } | undefined {
  if (scope === null || typeof scope !== 'object' || Array.isArray(scope)) return undefined;
  for (const key of ['message', 'errors', 'details']) {
    const list = Object.prototype.hasOwnProperty.call(scope, key) ? (scope as Record<string, unknown>)[key] : undefined;
    if (!Array.isArray(list)) continue;
    const found = constraintText(list[0], `${key}[0]`, 0);
    if (found) return found;
  }
  return undefined;
}

function constraintText(item: unknown, path: string, depth: number): { text: string; path: string } | undefined {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return undefined;
  const o = item as Record<string, unknown>;
  const constraints = Object.prototype.hasOwnProperty.call(o, 'constraints') ? o.constraints : undefined;
  if (constraints !== null && typeof constraints === 'object' && !Array.isArray(constraints)) {
    for (const rule in constraints as Record<string, unknown>) {
      const text = (constraints as Record<string, unknown>)[rule];
      if (typeof text === 'string' && isProse(text.trim()))
        return { text: text.trim(), path: `${path}.constraints.${rule}` };
    }
  }
  const children = depth === 0 && Object.prototype.hasOwnProperty.call(o, 'children') ? o.children : undefined;
  return Array.isArray(children) ? constraintText(children[0], `${path}.children[0]`, 1) : undefined;
}

/** Keys of the full wording beside a short message (Clerk `long_message`, eBay `longMessage`, `detailed_message`). */
const LONG_MESSAGE_KEYS: ReadonlySet<string> = new Set(['longmessage', 'fullmessage', 'detailedmessage']);
/** Keys that name the field an error item is about (`{field, message}`, Calendly `parameter`, PingOne `target`). */
const FIELD_NAME_KEYS = ['field', 'parameter', 'param', 'param_name', 'target', 'attribute', 'property', 'name'];

/** A message that only completes a field name: "is invalid", "must be a valid URI", "cannot be blank". */
function isFragment(text: string): boolean {
  return /^(?:is|are|was|were|must|should|cannot|can't|can not|may|has|have|does|do|not|already|required|invalid|missing|too)\b/.test(
    text,
  );
}

/**
 * What SDKs show for one error item: the full wording when the short one is a fragment or is only its
 * beginning (Clerk's `long_message`; QuickBooks' `Detail` "Object Not Found : Something you're trying
 * to use…" beside `Message` "Object Not Found"), and the field named beside a fragment ("user: must be
 * a valid URI", as Calendly's and EasyPost's clients print `{parameter|field, message}`).
 */
function refineSpecific(
  leaves: readonly Leaf[],
  chosen: { text: string; path: string },
  scope: unknown,
): { text: string; path: string } | undefined {
  const leaf = leaves.find((l) => l.path === chosen.path);
  if (!leaf || typeof leaf.value !== 'string') return undefined;
  const parent = parentOf(leaf);
  const lower = chosen.text.toLowerCase();
  for (const other of leaves) {
    if (other === leaf || parentOf(other) !== parent || typeof other.value !== 'string') continue;
    const text = other.value.trim();
    if (text.length <= chosen.text.length || text.length > 500 || !isProse(text)) continue;
    const longKey = LONG_MESSAGE_KEYS.has(other.norm);
    const extends_ =
      (MESSAGE_KEYS.get(other.norm) ?? 0) >= 5 &&
      text.toLowerCase().startsWith(lower) &&
      /^\W/.test(text.slice(lower.length));
    if ((longKey && (isFragment(chosen.text) || text.toLowerCase().includes(lower))) || extends_)
      return { text, path: other.path };
  }
  const titled = titledDetail(leaves, leaf, parent, chosen.text);
  if (titled) return titled;
  if (!isFragment(chosen.text) || !leaf.inError) return undefined;
  const holder = objectAt(scope, parent.replace(/\.$/, ''));
  if (!holder) return undefined;
  for (const key of FIELD_NAME_KEYS) {
    const v = Object.prototype.hasOwnProperty.call(holder, key) ? holder[key] : undefined;
    const field = typeof v === 'string' ? v.trim() : '';
    if (field && field.length <= 80 && !field.includes(' '))
      return { text: `${field}: ${chosen.text}`, path: chosen.path };
  }
  return undefined;
}

/** Message keys that often hold only a title (`msg: "Record not found"`). */
const TITLE_MESSAGE_KEYS: ReadonlySet<string> = new Set(['message', 'msg', 'errormessage', 'errormsg', 'error']);
/** Keys beside such a title that say what happened to this request (`detail: "Couldn't find Service 'x'"`). */
const DETAIL_SENTENCE_KEYS: ReadonlySet<string> = new Set(['detail', 'details', 'description', 'debuginfo']);

/**
 * A message that is only a title (at most five words, no sentence end) with a sentence beside it that says
 * more: Fastly's `{msg: "Record not found", detail: "Couldn't find Service '…'"}`, Docker Hub's and Apideck's
 * `{message, detail}`, DRACOON's `debugInfo`. Both are shown, the title first, as problem details read
 * `title` and `detail` together. A stack trace or a long dump (a newline, over 300 characters) is no sentence.
 */
function titledDetail(
  leaves: readonly Leaf[],
  leaf: Leaf,
  parent: string,
  title: string,
): { text: string; path: string } | undefined {
  if (!TITLE_MESSAGE_KEYS.has(leaf.norm) || /[.!?:;]$/.test(title) || title.split(/\s+/).length > 5) return undefined;
  const lower = title.toLowerCase();
  for (const other of leaves) {
    if (other === leaf || parentOf(other) !== parent || !DETAIL_SENTENCE_KEYS.has(other.norm)) continue;
    if (typeof other.value !== 'string') continue;
    const text = other.value.trim();
    if (
      text.length <= title.length ||
      text.length > 300 ||
      /[\r\n]/.test(text) ||
      !isProse(text) ||
      text.toLowerCase().includes(lower)
    )
      continue;
    return { text: joinWrapper(title, text), path: other.path };
  }
  return undefined;
}

/**
 * Magento's (Adobe Commerce) REST errors send the message as a template and its values apart:
 * `{message: "No such entity with %fieldName = %fieldValue", parameters: {fieldName: "cartId", …}}` or
 * `%1`, `%2` into a `parameters` list; its clients fill them in before showing the message. The filled
 * message, or undefined when there is nothing to fill.
 */
export function fillPlaceholders(message: string, root: unknown): string | undefined {
  if (!message.includes('%') || root === null || typeof root !== 'object' || Array.isArray(root)) return undefined;
  const params = Object.prototype.hasOwnProperty.call(root, 'parameters')
    ? (root as Record<string, unknown>).parameters
    : undefined;
  if (params === null || typeof params !== 'object') return undefined;
  let filled = false;
  const text = message.replace(/%(\d{1,2}|[A-Za-z_][A-Za-z0-9_]{0,40})/g, (whole, name: string) => {
    const v = Array.isArray(params)
      ? /^\d+$/.test(name)
        ? params[Number(name) - 1]
        : undefined
      : Object.prototype.hasOwnProperty.call(params, name)
        ? (params as Record<string, unknown>)[name]
        : undefined;
    if (typeof v !== 'string' && typeof v !== 'number') return whole;
    filled = true;
    return String(v);
  });
  return filled ? text : undefined;
}

/** The object at a walk path (`errors[0]`, `error.details[1]`), own properties only; undefined when there is none. */
function objectAt(root: unknown, path: string): Record<string, unknown> | undefined {
  let node: unknown = root;
  if (path !== '') {
    for (const part of path.split('.')) {
      const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
      if (!m) return undefined;
      if (m[1] !== '') {
        if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, m[1]))
          return undefined;
        node = (node as Record<string, unknown>)[m[1]];
      }
      for (const index of m[2].match(/\d+/g) ?? []) {
        if (!Array.isArray(node)) return undefined;
        node = node[Number(index)];
      }
    }
  }
  return node !== null && typeof node === 'object' && !Array.isArray(node)
    ? (node as Record<string, unknown>)
    : undefined;
}

/** An HTTP reason phrase echoed beside the body's message (`error: "Bad Request"`): the status, not a wrapper worth keeping. */
const REASON_PHRASE =
  /^(?:\d{3} )?(?:Bad Request|Unauthorized|Forbidden|Not Found|Conflict|Unprocessable Entity|Unprocessable Content|Internal Server Error|Service Unavailable|Too Many Requests|Method Not Allowed|Gone|Bad Gateway|Gateway Timeout|Payment Required|Not Acceptable|Precondition Failed)$/i;

/** "Validation Failed: name is taken"; a wrapper that ends a sentence is followed by a space. */
function joinWrapper(wrapper: string, specific: string): string {
  return `${wrapper}${/[.!?:]$/.test(wrapper) ? ' ' : ': '}${specific}`;
}

/** A fault name in camel or Pascal case with at least two words (`itemNotFound`, `overLimit`, `NeutronError`). */
const FAULT_NAME = /^(?:[a-z]+|[A-Z][a-z]+)(?:[A-Z][a-z]+)+$/;

/**
 * The name of a body's only key when that key is a fault's name around its error object, as OpenStack
 * Nova, Cinder and Glance send them (`{badRequest: {code, message}}`, `{overLimit: {…, retryAfter}}`):
 * no dictionary key and no status phrase (`{BadRequest: {…}}` from WebOb names only the status).
 */
function faultKey(scope: unknown): string | undefined {
  if (scope === null || typeof scope !== 'object' || Array.isArray(scope)) return undefined;
  let only: string | undefined;
  for (const key in scope as Record<string, unknown>) {
    if (!Object.prototype.hasOwnProperty.call(scope, key)) continue;
    if (only !== undefined) return undefined;
    only = key;
  }
  if (only === undefined || only.length > 60 || !FAULT_NAME.test(only)) return undefined;
  const norm = normalizeKey(only);
  if (anyDictionary(norm) || DATA_CONTAINERS.has(norm) || namesStatusOnly(only)) return undefined;
  const inner = (scope as Record<string, unknown>)[only];
  if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return undefined;
  const message = (inner as Record<string, unknown>).message;
  return typeof message === 'string' && message.trim() !== '' ? only : undefined;
}

/** goa's error ID: `NewErrorID()` is 6 random bytes in base64url (8 characters); custom IDs may be longer. */
const SERVICE_ERROR_ID = /^[A-Za-z0-9_\-]{4,64}$/;

/**
 * goa's ErrorResult (`goa.design/goa/v3/pkg` ServiceError, the default error body of every goa
 * service): `{name, id, message, temporary, timeout, fault}`, told by its three booleans. `name` is
 * the error's design name (its code, a plain word such as `unavailable` too), `id` the occurrence's
 * unique ID that goa logs (the support ID), and `temporary` or `timeout` say a retry may succeed.
 */
function serviceError(scope: unknown): { code?: string; id?: string; retryable: boolean } | undefined {
  if (scope === null || typeof scope !== 'object' || Array.isArray(scope)) return undefined;
  const o = scope as Record<string, unknown>;
  if (typeof o.temporary !== 'boolean' || typeof o.timeout !== 'boolean' || typeof o.fault !== 'boolean')
    return undefined;
  if (typeof o.name !== 'string' && typeof o.id !== 'string') return undefined;
  const name = typeof o.name === 'string' ? o.name.trim() : '';
  const id = typeof o.id === 'string' ? o.id.trim() : '';
  return {
    code: name && CODE_TOKEN.test(name) ? name : undefined,
    id: SERVICE_ERROR_ID.test(id) ? id : undefined,
    retryable: o.temporary === true || o.timeout === true,
  };
}

/** Keys that hold a field → messages dictionary (`{message: {name: ["has already been taken"]}}`). */
const FIELD_DICT_PARENTS = new Set([
  'modelstate',
  'message',
  'messages',
  'errors',
  'error',
  'detail',
  'details',
  'fielderrors',
  'validationerrors',
  // Eve's `_issues`, Laminas API Problem's `validation_messages` (corpus/tools/reach-q-sources.md).
  'issues',
  'validationmessages',
  // Session 18 (reach-t): Bitbucket Cloud `error: {message, fields: {src: ["This field is required."]}}`,
  // Bitstamp `{status: "error", reason: {__all__: ["Minimum order size is 10 USD."]}}` (a Django form's errors).
  'fields',
  'reason',
]);

/**
 * Field names that mean "no one field": Django forms' `__all__`, DRF's `non_field_errors`, Rails' `base`.
 * Their messages are shown alone, as those frameworks' own clients print them.
 */
const NO_FIELD_NAMES: ReadonlySet<string> = new Set(['__all__', 'non_field_errors', 'nonfielderrors', 'base']);

/** `{lang, value}`: a text with its language (OData v2 `error.message`). */
function localizedText(v: unknown): boolean {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  return keys.length === 2 && keys.includes('lang') && keys.includes('value');
}

/** "name: has already been taken", or the text alone for a form-wide entry. */
function fieldLine(field: string, text: string): string {
  return NO_FIELD_NAMES.has(field.toLowerCase()) ? text : `${field}: ${text}`;
}

/** Holders whose keys are always field names, even `message` or `code` (a form's own fields). */
const FIELDS_ONLY_PARENTS = new Set(['modelstate', 'validationmessages', 'fielderrors', 'validationerrors', 'issues']);

/**
 * Where a request's values came from, as webargs and flask-smorest key their messages
 * (`errors: {json: {name: ["Missing data for required field."]}}`): the field is the key below.
 */
const INPUT_LOCATIONS = new Set([
  'json',
  'query',
  'querystring',
  'form',
  'headers',
  'cookies',
  'files',
  'path',
  'matchinfo',
  'viewargs',
  'body',
]);

/**
 * The text of one field's entry: a string or a list of strings, or one level further down a field
 * dictionary (`{name: {isEmpty: "Value is required"}}`, Laminas; a nested serializer's `{address:
 * {city: [...]}}`, DRF) or a list of them (`{lines: [{}, {quantity: [...]}]}`, DRF's `many=True`).
 */
function fieldEntryText(v: unknown, nested: boolean): { sub?: string; text: string } | undefined {
  if (typeof v === 'string') return { text: v.trim() };
  if (!Array.isArray(v)) {
    if (nested || v === null || typeof v !== 'object') return undefined;
    const inner = fieldDictEntry(v, true);
    return inner && { sub: inner.field, text: inner.text };
  }
  if (v.every((x) => typeof x === 'string'))
    return {
      text: v
        .map((x: string) => x.trim())
        .filter(Boolean)
        .join('; '),
    };
  if (nested || v.length > 50) return undefined;
  // A list of per-item dictionaries, empty ones for the items that passed.
  for (let i = 0; i < v.length; i++) {
    const item: unknown = v[i];
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return undefined;
    const inner = fieldDictEntry(item, true);
    if (inner) return { sub: `[${i}].${inner.field}`, text: inner.text };
  }
  return undefined;
}

/** Keys that make a dictionary an error object rather than a field → messages map (`name`, `title` stay fields). */
const ERROR_OBJECT_KEYS = new Set([
  'message',
  'msg',
  'errormessage',
  'errmsg',
  'errordescription',
  'detail',
  'error',
  'code',
  'errorcode',
]);

/**
 * A field → messages dictionary: every value a string or a list of strings (or, one level down, such
 * a dictionary or a list of them), the first one prose. `nested` is true below the top dictionary.
 */
function fieldDictEntry(
  dict: unknown,
  nested = false,
  fieldsOnly = false,
): { field: string; text: string } | undefined {
  if (dict === null || typeof dict !== 'object' || Array.isArray(dict)) return undefined;
  let first: { field: string; text: string } | undefined;
  let n = 0;
  for (const field in dict as Record<string, unknown>) {
    if (!Object.prototype.hasOwnProperty.call(dict, field)) continue;
    if (++n > 50) break;
    const norm = normalizeKey(field);
    const raw = (dict as Record<string, unknown>)[field];
    // `{email: {code: "validation_invalid_email", message: "Must be a valid email address."}}` (PocketBase,
    // WordPress `data.details`): a field's error object speaks through its message.
    const value = fieldErrorObjectMessage(raw) ?? raw;
    // `{message: "Not found"}` is an error object, not a field named "message"; under a holder that only
    // ever maps fields (`validation_messages: {message: {isEmpty: "…"}}`, Laminas) it is a field.
    if (!fieldsOnly && ERROR_OBJECT_KEYS.has(norm)) return undefined;
    // `{errors: {…}}` one level down is a holder of its own (read as one by fieldDictMessage), not a field.
    if (
      !fieldsOnly &&
      FIELD_DICT_PARENTS.has(norm) &&
      value !== null &&
      typeof value === 'object' &&
      !Array.isArray(value)
    )
      return undefined;
    const entry = fieldEntryText(value, nested);
    if (!entry) return undefined;
    if (!first && entry.text && isProse(entry.text)) {
      const name =
        entry.sub === undefined
          ? field
          : INPUT_LOCATIONS.has(normalizeKey(field)) && !entry.sub.startsWith('[')
            ? entry.sub
            : entry.sub.startsWith('[')
              ? `${field}${entry.sub}`
              : `${field}.${entry.sub}`;
      first = { field: name, text: entry.text };
    }
  }
  return first;
}

/** The message of a field's error object (`{code, message}`), or undefined. */
function fieldErrorObjectMessage(v: unknown): string | undefined {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const o = v as Record<string, unknown>;
  const m = Object.prototype.hasOwnProperty.call(o, 'message') ? o.message : undefined;
  return typeof m === 'string' ? m : undefined;
}

/**
 * "name: has already been taken" from the first entry of a field dictionary (Rails, GitLab, Boom's
 * `data.errors`), at the top or under `data`/`error`, when nothing else reads as a message.
 */
function fieldDictMessage(scope: unknown, rootToo = false): { text: string; path: string } | undefined {
  if (scope === null || typeof scope !== 'object' || Array.isArray(scope)) return undefined;
  const root = scope as Record<string, unknown>;
  const holders: Array<[Record<string, unknown>, string]> = [[root, '']];
  for (const key of ['data', 'error']) {
    const inner = root[key];
    if (inner !== null && typeof inner === 'object' && !Array.isArray(inner))
      holders.push([inner as Record<string, unknown>, `${key}.`]);
  }
  // Jira's bulk operations: `errors: [{status, elementErrors: {errorMessages: [], errors: {field: "…"}}, failedElementNumber}]`,
  // one ErrorCollection per failed element; the first element's collection speaks.
  const list = root.errors;
  const first = Array.isArray(list) ? list[0] : undefined;
  if (first !== null && typeof first === 'object' && !Array.isArray(first)) {
    for (const key in first as Record<string, unknown>) {
      const inner = (first as Record<string, unknown>)[key];
      if (normalizeKey(key).endsWith('errors') && inner !== null && typeof inner === 'object' && !Array.isArray(inner))
        holders.push([inner as Record<string, unknown>, `errors[0].${key}.`]);
    }
  }
  for (const [holder, prefix] of holders) {
    for (const key in holder) {
      // `{message: "validation errors", data: {name: ["…"]}}`: at the top, the payload slot may hold the field map;
      // WordPress REST's `rest_invalid_param` keeps it in `data.params` (and `data.details`).
      if (
        !FIELD_DICT_PARENTS.has(normalizeKey(key)) &&
        !(prefix === '' && key === 'data') &&
        !(prefix === 'data.' && key === 'params')
      )
        continue;
      // OData v2's localized text `message: {lang: "en", value: "…"}` is one message, not a field named `value`.
      if (localizedText(holder[key])) continue;
      const entry = fieldDictEntry(holder[key], false, FIELDS_ONLY_PARENTS.has(normalizeKey(key)));
      if (entry) return { text: fieldLine(entry.field, entry.text), path: `${prefix}${key}.${entry.field}` };
    }
  }
  if (rootToo) {
    const entry = fieldDictEntry(root);
    if (entry) return { text: fieldLine(entry.field, entry.text), path: entry.field };
  }
  return undefined;
}

const endsWithAny = (norm: string, suffixes: readonly string[]): boolean => {
  for (const s of suffixes) if (norm.endsWith(s)) return true;
  return false;
};
/** What a leaf says about retrying: a `retryable` flag, an inverted `nonRetryable` flag, or a hint value (`durability`). */
function retryHintOf(leaf: Leaf): boolean | undefined {
  if (typeof leaf.value === 'boolean') {
    if (RETRYABLE_KEYS.has(leaf.norm)) return leaf.value;
    if (NON_RETRYABLE_KEYS.has(leaf.norm)) return !leaf.value;
    return undefined;
  }
  if (typeof leaf.value !== 'string' || leaf.value.length > 20) return undefined;
  return RETRY_HINT_VALUES.get(leaf.norm)?.get(leaf.value.toLowerCase());
}

/** Keys that may hold an ID, a wait or a retry flag. */
function isIdWaitOrRetryKey(norm: string): boolean {
  return (
    ID_KEYS.has(norm) ||
    waitUnitOf(norm) !== undefined ||
    RETRYABLE_KEYS.has(norm) ||
    NON_RETRYABLE_KEYS.has(norm) ||
    RETRY_HINT_VALUES.has(norm) ||
    endsWithAny(norm, ID_KEY_SUFFIXES)
  );
}
/** Keys any dictionary knows (code, message, ID, wait, retry flag). */
function isDictionaryKey(norm: string): boolean {
  return (
    CODE_KEYS.has(norm) ||
    MESSAGE_KEYS.has(norm) ||
    isIdWaitOrRetryKey(norm) ||
    endsWithAny(norm, CODE_KEY_SUFFIXES) ||
    endsWithAny(norm, MESSAGE_KEY_SUFFIXES)
  );
}

/**
 * An error sent as a tuple: `["error", 10020, "symbol: invalid"]` (a status word, then a code, then
 * the message). Fills `out` and returns true when `list` has that shape.
 */
function tupleError(list: unknown[], out: Inferred): boolean {
  if (list.length < 2 || list.length > 6 || typeof list[0] !== 'string' || !/^(?:error|err)$/i.test(list[0].trim()))
    return false;
  for (let i = 1; i < list.length; i++) {
    const v = list[i];
    if (out.errorCode === undefined && typeof v === 'number' && Number.isInteger(v)) {
      out.errorCode = v;
      out.errorCodeField = `[${i}]`;
    } else if (out.message === undefined && typeof v === 'string' && hasLetters(v)) {
      out.message = v.trim();
      out.messageField = `[${i}]`;
    }
  }
  return out.errorCode !== undefined || out.message !== undefined;
}

/**
 * Reddit's `json.errors`: a list of `[error_type, message, field]` tuples (PRAW's RedditErrorItem, JRAW's
 * ApiException read `node[0]` and `node[1]`). The first tuple's code and message, when it has that shape.
 */
const REDDIT_ERROR_TYPE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;

function errorTupleList(scope: unknown): { code: string; message: string } | undefined {
  if (scope === null || typeof scope !== 'object' || Array.isArray(scope)) return undefined;
  const list = Object.prototype.hasOwnProperty.call(scope, 'errors')
    ? (scope as Record<string, unknown>).errors
    : undefined;
  const first: unknown = Array.isArray(list) ? list[0] : undefined;
  if (!Array.isArray(first) || first.length < 2 || first.length > 4) return undefined;
  const [code, message] = first as unknown[];
  if (typeof code !== 'string' || typeof message !== 'string') return undefined;
  const c = code.trim();
  const m = message.trim();
  return c.length >= 3 && c.length <= 80 && REDDIT_ERROR_TYPE.test(c) && isProse(m)
    ? { code: c, message: m }
    : undefined;
}

/** The messages of a body that is only a list of sentences (at most 20 shown), or undefined. */
function messageList(list: unknown[]): string | undefined {
  if (list.length === 0 || list.length > 50) return undefined;
  const parts: string[] = [];
  for (const item of list) {
    if (typeof item !== 'string') return undefined;
    if (parts.length < 20 && item.trim()) parts.push(item.trim());
  }
  return parts.length && isProse(parts[0]) ? parts.join('; ') : undefined;
}

/** A key test remembered per normalized key: the walk asks it of every key, and bodies repeat their keys. */
function memoKeyTest(test: (norm: string) => boolean): (norm: string) => boolean {
  const known = new Map<string, boolean>();
  return (norm) => {
    let answer = known.get(norm);
    if (answer === undefined) {
      answer = test(norm);
      if (known.size >= 4000) known.clear();
      known.set(norm, answer);
    }
    return answer;
  };
}
const idWaitOrRetry = memoKeyTest(isIdWaitOrRetryKey);
const anyDictionary = memoKeyTest(isDictionaryKey);

/** The object or list a message holds as JSON text (`"{\"errorCode\":…}"`), or undefined; bounded, one parse. */
export function jsonInside(text: string): object | undefined {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  if (text.length < 8 || text.length > 4000 || !((first === 123 && last === 125) || (first === 91 && last === 93)))
    return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** ID keys a request's own context object is read for: named for a request, trace or correlation, never a bare `id`. */
const CONTEXT_ID_KEY = /(?:request|trace|correlation)(?:id|uuid|guid)$/;

/**
 * The request ID a failure keeps in its top-level `context` (IBM Cloud IAM: `{errorCode: "BXNIM0415E", errorMessage,
 * context: {requestId, requestType, instanceId, startTime, …}}`). `context` is otherwise payload and not walked.
 */
function contextRequestId(scope: unknown): Pick<Leaf, 'path' | 'value'> | undefined {
  if (scope === null || typeof scope !== 'object' || Array.isArray(scope)) return undefined;
  const context = (scope as Record<string, unknown>).context;
  if (context === null || typeof context !== 'object' || Array.isArray(context)) return undefined;
  const leaves = leavesOf(context, (norm) => CONTEXT_ID_KEY.test(norm), 8, 0).filter(
    (l) => !CLIENT_ID_KEY.test(l.norm),
  );
  const id = best(leaves, idScore, 2);
  return id ? { path: `context.${id.path}`, value: id.value } : undefined;
}

/** Keys of a request echoed back as the client sent it: its `id` may be the client's own. */
const REQUEST_ECHO_KEYS: ReadonlySet<string> = new Set([
  'method',
  'url',
  'uri',
  'path',
  'headers',
  'body',
  'params',
  'query',
]);

/**
 * The ID the server gave the request in a top-level `request` object of its own metadata (Sightengine: `request: {id:
 * "req_…", timestamp, operations}`). `request` is otherwise an echo of the client's call and not walked.
 */
function requestMetaId(scope: unknown): Pick<Leaf, 'path' | 'value'> | undefined {
  if (scope === null || typeof scope !== 'object' || Array.isArray(scope)) return undefined;
  const request = (scope as Record<string, unknown>).request;
  if (request === null || typeof request !== 'object' || Array.isArray(request)) return undefined;
  let n = 0;
  for (const key in request as Record<string, unknown>) {
    if (!Object.prototype.hasOwnProperty.call(request, key)) continue;
    if (++n > 6 || REQUEST_ECHO_KEYS.has(normalizeKey(key))) return undefined;
  }
  const leaves = leavesOf(request, (norm) => norm === 'id', 8, 0).map((l) => ({ ...l, norm: 'requestid' }));
  const id = best(leaves, idScore, 2);
  return id ? { path: `request.${id.path}`, value: id.value } : undefined;
}

/** Leaves walked when only the ID, wait and retry flag are wanted (a recognizer gave code and message). */
const LIGHT_NODES = 120;
const LIGHT_DEPTH = 3;

/**
 * Everything the engine can read from a JSON body without knowing its vendor. With `full` false
 * only the support ID, the wait and the retry flag are looked for, in a shallower walk: what a
 * recognizer leaves unsaid once it has named the code and the message.
 */
export function inferJson(root: unknown, status: number, full = true, codeAndMessage = full, nested = false): Inferred {
  const out: Inferred = {};
  let scope: unknown = root;
  let prefix = '';
  if (Array.isArray(root) && full && codeAndMessage && tupleError(root, out)) return out;
  // Storyblok's 404 `["This record could not be found"]`: an error status whose whole body is a list of messages.
  if (Array.isArray(root) && full && codeAndMessage && status >= 400) {
    const text = messageList(root);
    if (text !== undefined) {
      out.message = text;
      out.messageField = '[0]';
      return out;
    }
  }
  if (Array.isArray(root)) scope = root.length > 0 ? root[0] : undefined;
  let envelope: Record<string, unknown> | undefined;
  if (scope !== null && typeof scope === 'object' && !Array.isArray(scope)) {
    envelope = scope as Record<string, unknown>;
    const wrapped = unwrap(envelope);
    scope = wrapped.scope;
    prefix = wrapped.prefix;
  }
  if (status >= 400 && scope !== null && typeof scope === 'object' && !Array.isArray(scope)) {
    // An error status whose body lists per-item results (`data: [{code, message, status: "error"}]`): the first failed item speaks.
    const bulk = bulkFailure(scope as Record<string, unknown>, false);
    if (bulk && typeof bulk.error === 'object') {
      scope = bulk.error;
      prefix = `${prefix}${bulk.path}.`;
    }
  }
  if (status >= 200 && status < 300 && scope !== null && typeof scope === 'object' && !Array.isArray(scope)) {
    out.saysFailure = statusVerdict(scope, prefix === 'status.');
    // A 202 whose code and message say the work is under way (Snowflake's `333334` "Asynchronous execution in
    // progress"): accepted, not failed.
    if (out.saysFailure === true && status === 202 && reportsProgress(scope)) out.saysFailure = undefined;
    // The payload slot the walk narrowed to says nothing of itself: the envelope around it judged it failed.
    if (out.saysFailure === undefined && prefix === 'data.' && envelope) out.saysFailure = statusVerdict(envelope);
    // `{Err: {ClientCallback: "Performing version check…"}}` (grin-wallet's serde `Result`): the tag's value is the
    // error; a string is its message, a one-member object its variant (the code) and text.
    const tag = out.saysFailure === true ? failureTag(scope as Record<string, unknown>) : undefined;
    if (tag) {
      const at = `${prefix}${tag.key}`;
      if (typeof tag.value === 'string') {
        out.message = tag.value;
        out.messageField = at;
        return out;
      }
      const variant = loneStringMember(tag.value);
      if (variant) {
        if (isCodeToken(variant.key)) {
          out.errorCode = variant.key;
          out.errorCodeField = `${at}.${variant.key}`;
        }
        out.message = variant.text;
        out.messageField = `${at}.${variant.key}`;
        return out;
      }
      scope = tag.value;
      prefix = `${at}.`;
    }
    const bulk = bulkFailure(scope as Record<string, unknown>);
    if (bulk) {
      out.saysFailure = true;
      scope = bulk.error;
      prefix = `${prefix}${bulk.path}.`;
      if (typeof bulk.error === 'string') {
        out.message = bulk.error;
        out.messageField = bulk.path;
        return out;
      }
    } else if (out.saysFailure !== true || Array.isArray(root) || flaggedBatch(scope)) {
      // One failed operation of several (a `$batch` sub-response, `Failed: [...]`, a per-item error, `userErrors`),
      // when the envelope says nothing of itself. A top-level array is judged by its items, not by its first one's flags.
      // An envelope that says it succeeded (`{code: 0, result: [...]}`) is overruled only by an item that says it failed.
      const explicitOnly =
        out.saysFailure === false && !(Array.isArray(root) && root.length > 1) && !flaggedBatch(scope);
      const item = batchItemFailure(Array.isArray(root) ? root : scope, explicitOnly);
      if (item) {
        out.saysFailure = true;
        if (item.status !== undefined) out.itemStatus = item.status;
        const at = Array.isArray(root) ? item.path : `${prefix}${item.path}`;
        if (typeof item.error === 'string') {
          out.message = item.error;
          out.messageField = at;
          return out;
        }
        if (item.error !== null && typeof item.error === 'object') {
          scope = item.error;
          prefix = at ? `${at}.` : '';
        }
      }
    }
    // A gateway's error details for one backend (`error_<alias>: {http_status_code: 500, http_body}`) inside a 2xx.
    const member = out.saysFailure === undefined ? errorNamedMember(scope) : undefined;
    if (member) {
      out.saysFailure = true;
      out.itemStatus = member.status;
      const hasMessageKey = ['message', 'msg', 'error', 'detail'].some((k) => typeof member.value[k] === 'string');
      if (member.body && !hasMessageKey) {
        out.message = member.body.text;
        out.messageField = `${prefix}${member.key}.${member.body.key}`;
        return out;
      }
      scope = member.value;
      prefix = `${prefix}${member.key}.`;
    }
  }
  // The light walk reaches as deep as the full one for a wait inside an error; IDs and flags stay at LIGHT_DEPTH.
  const leaves = full
    ? leavesOf(scope, anyDictionary)
    : leavesOf(scope, idWaitOrRetry, LIGHT_NODES, MAX_ERROR_WAIT_DEPTH);
  const tuple = full && codeAndMessage ? errorTupleList(scope) : undefined;
  if (tuple) {
    out.errorCode = tuple.code;
    out.errorCodeField = `${prefix}errors[0][0]`;
    out.message = tuple.message;
    out.messageField = `${prefix}errors[0][1]`;
    if (!leaves.length) return out;
  }
  if (!leaves.length) {
    // `{errors: {field: "message"}}` holds no dictionary key below its top: the field dictionary is the message.
    // On an error status the body itself may be the dictionary (DRF's `{lines: [{}, {quantity: [...]}]}`).
    const dict = full && codeAndMessage ? fieldDictMessage(scope, status >= 400) : undefined;
    if (dict) {
      out.message = dict.text;
      out.messageField = prefix + dict.path;
    }
    const context = status >= 400 || out.saysFailure === true ? contextRequestId(scope) : undefined;
    if (context) {
      out.errorId = String(context.value).trim();
      out.errorIdField = prefix + context.path;
    }
    return out;
  }
  if (full && codeAndMessage && !tuple) {
    const echoParents = reasonEchoParents(leaves, status);
    const failed2xx = status >= 200 && status < 300 && out.saysFailure === true;
    const code0 = best(leaves, (l) => codeScore(l, status, echoParents, failed2xx), 3);
    const code = code0 && (namedBeside(leaves, code0) ?? code0);
    if (code) {
      const v = codeValue(code) as string | number;
      out.errorCode = typeof v === 'string' ? v.trim() : v;
      out.errorCodeField = prefix + code.path;
      if (code !== code0) out.errorCodeRefines = true;
    } else if (prefix === 'data.' && envelope) {
      // The walk narrowed to the payload slot of a failed envelope: the envelope's own top-level code still names it.
      const outer = best(
        leavesOf(envelope, anyDictionary, 64, 0),
        (l) => codeScore(l, status, echoParents, failed2xx),
        3,
      );
      if (outer) {
        const v = codeValue(outer) as string | number;
        out.errorCode = typeof v === 'string' ? v.trim() : v;
        out.errorCodeField = outer.path;
      }
    } else if (prefix === 'status.') {
      // A status object's `value` is its result code (GeoNames: `status: {message, value: 10}`).
      const value = (scope as Record<string, unknown>).value;
      if (typeof value === 'number' && Number.isInteger(value) && value !== 0) {
        out.errorCode = value;
        out.errorCodeField = 'status.value';
      }
    }
    // `{itemNotFound: {code: 404, message}}` (OpenStack's fault bodies): the lone key names the fault.
    if (out.errorCode === undefined && status >= 400 && prefix === '') {
      const fault = faultKey(scope);
      if (fault) {
        out.errorCode = fault;
        out.errorCodeField = fault;
      }
    }
    const message = pickMessage(leaves, typeof out.errorCode === 'string' ? out.errorCode : undefined, scope);
    // `{status: "error", message: "API_KEY_EXPIRED"}`: a failure whose only message is an upper-case tag names its code there.
    const tag =
      out.errorCode === undefined && !message && (status >= 400 || out.saysFailure === true)
        ? messageTag(leaves)
        : undefined;
    if (tag) {
      out.errorCode = (tag.value as string).trim();
      out.errorCodeField = prefix + tag.path;
    }
    // The status holder's message is a wrapper and a sibling object lists the errors: Authorize.Net's
    // `messages: {resultCode: "Error", message: [{text: "The transaction was unsuccessful."}]}` beside
    // `transactionResponse: {errors: [{errorText: "This transaction has been declined."}]}`.
    const sibling =
      envelope && scope !== envelope && (!message || isGenericMessage(message.text))
        ? siblingErrorMessage(envelope, scope)
        : undefined;
    if (sibling) {
      out.message = message ? joinWrapper(message.text, sibling.text) : sibling.text;
      out.messageField = sibling.path;
    } else if (message) {
      out.message = message.text;
      out.messageField = prefix + message.path;
      // `"OBP-20002: These DirectLogin parameters are missing"`: a numbered code leading the message is the code.
      const lead = out.errorCode === undefined ? leadingCode(message.text) : undefined;
      if (lead) {
        out.errorCode = lead;
        out.errorCodeField = out.messageField;
      }
    }
  }
  const service = full ? serviceError(scope) : undefined;
  if (service) {
    if (codeAndMessage && service.code !== undefined) {
      out.errorCode = service.code;
      out.errorCodeField = `${prefix}name`;
      delete out.errorCodeRefines;
    }
    if (service.retryable) out.retryable = true;
  }
  const id = service?.id
    ? ({ path: 'id', value: service.id } as Pick<Leaf, 'path' | 'value'>)
    : (best(full ? leaves : leaves.filter((l) => l.depth <= LIGHT_DEPTH), idScore, 2) ??
      (status >= 400 || out.saysFailure === true ? (contextRequestId(scope) ?? requestMetaId(scope)) : undefined) ??
      // The envelope's own top-level ID beside the payload slot the walk narrowed to (`{request_id, status, data}`).
      (prefix === 'data.' && envelope ? best(leavesOf(envelope, idWaitOrRetry, 64, 0), idScore, 2) : undefined));
  if (id) {
    out.errorId = typeof id.value === 'number' ? String(id.value) : (id.value as string).trim();
    out.errorIdField = prefix + id.path;
  }
  // `{Message: "{\"errorCode\":401002,\"trackingId\":…,\"message\":\"Unauthorized\"}"}` (Azure IoT Hub): a message
  // that is itself a JSON error document is read as one, one level deep.
  if (!nested && out.message !== undefined && out.messageField !== undefined) {
    let inner = jsonInside(out.message);
    // A list whose items are JSON documents in their turn (Frappe `_server_messages: "[\"{\\\"message\\\": …}\"]"`).
    if (Array.isArray(inner) && typeof inner[0] === 'string') inner = jsonInside(inner[0].trim()) ?? inner;
    if (inner !== undefined) {
      const found = inferJson(inner, status, true, true, true);
      const at = `${out.messageField}.`;
      if (found.message !== undefined) {
        out.message = found.message;
        out.messageField = at + found.messageField;
      }
      if (found.errorCode !== undefined && (out.errorCode === undefined || out.errorCodeField === out.messageField)) {
        out.errorCode = found.errorCode;
        out.errorCodeField = at + found.errorCodeField;
      }
      if (found.errorId !== undefined && out.errorId === undefined) {
        out.errorId = found.errorId;
        out.errorIdField = at + found.errorIdField;
      }
    }
  }
  // `{status: "Invalid session token", data: null}`: the failure sentence that failed the 2xx is its message.
  if (out.saysFailure === true && out.message === undefined && full && codeAndMessage) {
    const said = failureSentenceOf(scope);
    if (said) {
      out.message = said.text;
      out.messageField = prefix + said.key;
    }
  }
  // A certain failure that no dictionary key explained: the first sentence under an unlisted key (diag24).
  if (out.message === undefined && full && codeAndMessage && !nested && (status >= 400 || out.saysFailure === true)) {
    const unlisted = unlistedMessage(scope, anyDictionary);
    if (unlisted) {
      out.message = unlisted.text;
      out.messageField = prefix + unlisted.path;
    }
  }
  for (const leaf of leaves) {
    // Waits sit near the top; inside an error object they may sit deeper (Google Ads `quotaErrorDetails.retryDelay`).
    // A duration beats a time beside it (`resets_at` then `resets_in_seconds`): it does not depend on the clocks agreeing.
    if (
      out.retryAfterSeconds === undefined &&
      (leaf.depth <= 3 || (leaf.inError && leaf.depth <= MAX_ERROR_WAIT_DEPTH))
    ) {
      const wait = waitOf(leaf);
      if (typeof wait === 'number') {
        out.retryAfterSeconds = wait;
        out.retryAfterAt = undefined;
        out.retryAfterField = prefix + leaf.path;
      } else if (wait !== undefined && out.retryAfterAt === undefined) {
        out.retryAfterAt = wait.at;
        out.retryAfterField = prefix + leaf.path;
      }
    }
    if (out.retryable === undefined && (full || leaf.depth <= LIGHT_DEPTH)) {
      const hint = retryHintOf(leaf);
      if (hint !== undefined) out.retryable = hint;
    }
  }
  if (out.retryAfterSeconds === undefined && out.retryAfterAt === undefined) {
    const wait = bareWait(scope, status, out.errorCode);
    if (wait) {
      out.retryAfterSeconds = wait.seconds;
      out.retryAfterField = prefix + wait.key;
    }
  }
  return out;
}

/**
 * A bare top-level `wait` number (ipapi's 429 `{"reason": "RateLimited", "wait": 1399.0}`) is the seconds to wait,
 * but only on a rate limit (a 429, or a code that names one): elsewhere `wait` may be a flag or a setting echoed back.
 */
function bareWait(scope: unknown, status: number, code: unknown): { seconds: number; key: string } | undefined {
  if (scope === null || typeof scope !== 'object' || Array.isArray(scope)) return undefined;
  if (status !== 429 && !(typeof code === 'string' && codeNamesRateLimit(code))) return undefined;
  for (const key in scope as Record<string, unknown>) {
    if (!Object.prototype.hasOwnProperty.call(scope, key) || normalizeKey(key) !== 'wait') continue;
    const v = (scope as Record<string, unknown>)[key];
    // 0 and 1 are how flags are written (`wait: 1`): only a larger figure is a count of seconds.
    if (typeof v === 'number' && Number.isFinite(v) && v > 1 && v < 1e9) return { seconds: v, key };
  }
  return undefined;
}

/** The walk's scorers, for `corpus/tools/diagnose.ts` to replay why a value lost (read-only; nothing calls it here). */
export const scorersForDiagnosis = { codeScore, idScore, messageScore, isDictionaryKey: anyDictionary } as const;
