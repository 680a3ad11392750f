// What an error code says about retrying, whatever the status: a 400 whose code says "try later"
// is transient; a 403/409/429 whose code says the quota, the billing or the storage is exhausted is
// not (waiting seconds does not refill it). Codes are read as words: `TEMPORARILY_UNAVAILABLE`,
// `storageQuotaExceeded`, `insufficient_funds`.

/** Splits `storageQuotaExceeded` / `STORAGE_QUOTA_EXCEEDED` / `storage-quota` into lower-case words. */
function words(code: string): string {
  return code
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .toLowerCase()
    .trim();
}

const TRY_LATER =
  /\b(?:try (?:again )?later|retry later|temporar(?:y|ily)|transient|unavailable|overload(?:ed)?|busy|timeout|timed out|time out|throttl(?:ed|ing)|rate ?limit(?:ed)?|too many requests|too frequent(?:ly)?|slow down|in progress|try again|backoff|back off|capacity|deadline exceeded|server busy|service busy|lock timeout|concurrent|retry|pending|aborted|contention|(?:resource|object|record|row|file|table) (?:is )?locked|still (?:running|processing|in progress)|not (?:yet )?ready|not (?:yet )?complete(?:d)?|(?:bandwidth|throughput) (?:limit )?exceeded|deadlock(?:ed)?|too many (?:write )?operations|too many calls|(?:institution|service|server|system|upstream|backend|provider|bank|host) (?:is )?(?:down|not responding|unreachable)|not responding|(?:planned|scheduled|under|down for) maintenance|maintenance (?:mode|window|in progress|ongoing)|^maintenance$|idempotency (?:key )?(?:in use|in flight|locked|being processed)|being (?:deleted|created|provisioned|updated|moved|migrated|restored|rehydrated|initiali[sz]ed)|(?:write|transaction|transactional) conflict|serializ(?:ation|e) (?:failure|error)|could not serialize|lock not available|try ?again|cluster ?down|master ?down|^loading$|retryable(?: error)?|communication (?:error|failure)|rate (?:exceeded|too high)|request limit exceeded|econnreset|econnrefused|econnaborted|etimedout|epipe|eai again|ehostunreach|enetunreach)\b/;
const EXHAUSTED =
  /\b(?:quota|billing|payment|insufficient (?:funds|balance|credits?|quota|storage|space|buying power)|(?:funds|balance|credits?|buying power) (?:is )?insufficient|credits? (?:exhausted|exceeded)|spend(?:ing)? limit|storage (?:full|limit|exceeded)|out of (?:space|storage|credits?)|not enough (?:space|storage|disk|credits?|funds|balance)|disk full|no space|plan (?:limit|exceeded)|subscription (?:expired|ended|required|inactive|not active|canceled|cancelled|limit)|(?:free|trial) (?:tier|plan|limit|quota|expired|ended)|limit reached|(?:daily|monthly) (?:\w+ )?limit|usage limit|account (?:suspended|disabled|inactive)|licen[cs]e (?:expired|revoked|suspended|inactive|not active|required)|(?:expired|revoked|no) licen[cs]e)\b/;
/** Words of a request to fix: `invalid_timeout`, `missing_retry_policy` are not transient. */
const FIX_WORDS =
  /\b(?:invalid|missing|required|malformed|unsupported|bad|not found|unknown|illegal|too (?:long|large|big))\b/;
/**
 * A whole code that blames the request or its credentials (`ValidationError`, `INVALID_API_KEY`,
 * `bad_request`): sending it again unchanged fails again, even when a server sends it with a 500.
 */
const FIX_THE_REQUEST =
  /^(?:(?:request |input |parameter |schema )?validation (?:error|errors|failed|failure|exception)|failed precondition|precondition failed|out of range|(?:\w+ )?already exists(?: error| exception)?|duplicate (?:record|entry|key|value|resource|name|email|item|object|entity)(?: error| exception)?|(?:unrecognized|unknown|invalid) client(?: error| exception)?|(?:expired|revoked) (?:token|key|api key|credentials)(?: error| exception)?|(?:token|key|api key|credentials) (?:expired|revoked)(?: error| exception)?|permission denied|unauthenticated|unimplemented|invalid (?:\w+ )?(?:request|argument|arguments|parameter|parameters|param|params|input|json|body|payload|api key|key|apikey|credentials|value|values|field|fields|format|query|signature|token)(?: value| values| format| error| exception)?|bad request(?: error| exception)?|malformed (?:request|json|body)|missing (?:\w+ )?(?:parameter|parameters|param|params|argument|arguments|field|fields|api key|key|value|header)(?: error| exception)?|unauthorized|forbidden|authentication failed)$/;
/**
 * a code that says the credentials or the session are wrong, in either word order
 * (`AccountPasswordInvalid`, `SessionNotValid`, `TOKEN_EXPIRED`, `invalid_session`, `credentials_incorrect`): sending
 * the same request again fails again, even when a server sends it with a 500.
 */
const CREDENTIAL_WRONG =
  /\b(?:password|passcode|passphrase|credentials?|session|token|api key|apikey|username|user name|login|signature|secret|pin)s? (?:is |are |was |has |have )?(?:been )?(?:invalid|not valid|incorrect|wrong|expired|revoked|mismatch(?:ed)?|rejected)\b|\b(?:invalid|incorrect|wrong|expired|revoked|bad) (?:\w+ )?(?:password|passcode|passphrase|credentials?|session|token|api key|apikey|username|user name|login|signature|secret|pin)s?\b/;
/** A code that says it outright: `NonRetryableError`, `NOT_RETRYABLE` (Temporal's nonRetryable application failures). */
const NOT_RETRYABLE = /\b(?:non|not|never|no) ?retr(?:y|yable|iable)\b/;
/**
 * Payment declines whose vendor says the same charge can pass later (Stripe decline codes: `try_again_later`,
 * `processing_error`, `issuer_not_available`, `reenter_transaction`, `approve_with_id`; Adyen refusal reasons
 * "Acquirer Error", "Issuer Unavailable"). Whole codes only: "processing error" alone elsewhere may be permanent.
 */
const PAYMENT_RETRY_CODES =
  /^(?:processing error|issuer (?:not available|unavailable)|reenter transaction|approve with id|acquirer error)$/;
/** "quota" words that are per-second rates, not an exhausted allowance (Apigee `policies.ratelimit.QuotaViolation`). */
const RATE_QUOTA =
  /\b(?:rate|ratelimit|spike ?arrest|per (?:second|minute)|requests per|concurrent|throttl(?:ed|ing))\b/;

/**
 * The retry hint an error code gives, or undefined when it says nothing. `false` for an exhausted
 * quota, billing or storage; `true` for a code that says to try later.
 */
const verdicts = new Map<string, boolean | undefined>();
/** Codes repeat across responses: their verdicts are kept (at most this many). */
const MAX_CACHED = 2000;

export function retryableFromCode(code: string | null | undefined): boolean | undefined {
  if (!code || code.length > 120 || /^-?\d+$/.test(code)) return undefined;
  if (verdicts.has(code)) return verdicts.get(code);
  const verdict = judge(code);
  if (verdicts.size >= MAX_CACHED) verdicts.clear();
  verdicts.set(code, verdict);
  return verdict;
}

/**
 * A code that says the request repeats one already taken (`DUPLICATE_TRANSACTION`, `token_already_used`, captcha
 * siteverify's `timeout-or-duplicate`): the same request sent again is the same duplicate, whatever timeout word sits
 * beside it. Not while the first is still being processed (`duplicate_request_in_progress`).
 */
const DUPLICATE = /\b(?:duplicated?|already (?:used|redeemed|consumed|spent|seen))\b/;
const STILL_PROCESSING = /\b(?:in progress|in flight|pending|processing)\b/;

/**
 * A nonce the server refused as used or stale (ACME `urn:ietf:params:acme:error:badNonce`, RFC 8555 §6.5: the client
 * retries with the fresh nonce the same response carries in Replay-Nonce). Not "invalid nonce" (an OpenID token's
 * nonce that does not match the sign-in: the sign-in must be redone).
 */
const NONCE_REFRESH = /\b(?:bad|stale) nonce$/;

function judge(code: string): boolean | undefined {
  const w = words(code);
  if (NOT_RETRYABLE.test(w)) return false;
  if (PAYMENT_RETRY_CODES.test(w)) return true;
  if (NONCE_REFRESH.test(w)) return true;
  if (EXHAUSTED.test(w) && !RATE_QUOTA.test(w)) return false;
  if (FIX_THE_REQUEST.test(w)) return false;
  if (CREDENTIAL_WRONG.test(w) && !TRY_LATER.test(w)) return false;
  if (DUPLICATE.test(w) && !STILL_PROCESSING.test(w)) return false;
  if (TRY_LATER.test(w) && !FIX_WORDS.test(w)) return true;
  return undefined;
}

/**
 * Whether a code names a broken setup (SETUP_BROKEN) and no try-later word. Not a verdict of its own: a rate limit
 * whose page or code says "access denied" (a CDN's rate-limit block page) stays a rate limit.
 */
export function codeNamesBrokenSetup(code: string | null | undefined): boolean {
  if (!code || code.length > 120 || /^-?\d+$/.test(code)) return false;
  const w = words(code);
  return SETUP_BROKEN.test(w) && !TRY_LATER.test(w);
}

/**
 * A code that names a setting that is wrong, denied or switched off, sent with a 5xx: AWS Lambda answers Invoke with a
 * 502 for `InvalidSubnetIDException`, `InvalidZipFileException`, `InvalidRuntimeException`, `KMSAccessDeniedException`,
 * `KMSDisabledException`, `EC2AccessDeniedException`; Vercel with a 503 for `DEPLOYMENT_PAUSED`. Only read when no
 * try-later word is in the code (`EC2ThrottledException`, `ResourceNotReadyException`, `TEMPORARILY_DISABLED` stay
 * transient), and "invalid" only for a setting: `invalid_upstream_response`, `InvalidState` blame the server side.
 * "Not found" is left out: a lookup behind a 5xx (DNS, an upstream) can pass later.
 */
const SETUP_BROKEN =
  /^(?:invalid (?!(?:state|status|upstream|response|reply|gateway|backend|server|origin)\b)\w|unsupported\b)|\b(?:access denied|disabled|paused|suspended|deactivated|not (?:supported|implemented))\b/;

/**
 * Whether a code only blames the request in generic words (`PERMISSION_DENIED`, `INVALID_ARGUMENT`, `bad_request`):
 * BigQuery sends "Exceeded rate limits: too many table update operations for this table" (reason `rateLimitExceeded`)
 * under the google.rpc status `PERMISSION_DENIED` on a 403, where the rate limit the message names decides.
 */
export function codeBlamesRequest(code: string | null | undefined): boolean {
  if (!code || code.length > 120 || /^-?\d+$/.test(code)) return false;
  return FIX_THE_REQUEST.test(words(code));
}

/**
 * Whether a code's only exhausted-word is a bare "limit reached" (Microsoft Graph's 429 `activityLimitReached`, "The app
 * or user has been throttled"): on a rate-limit failure the quota checks of limits.ts decide, not the code.
 */
export function codeSaysOnlyLimitReached(code: string | null | undefined): boolean {
  if (!code || code.length > 120 || /^-?\d+$/.test(code)) return false;
  const w = words(code);
  return /\blimit reached\b/.test(w) && !QUOTA_WORDS.test(w);
}
const QUOTA_WORDS =
  /\b(?:daily|monthly|yearly|annual|quota|billing|plan|credits?|storage|usage|trial|free|account|subscription|spend(?:ing)?|funds|balance)\b/;

/** A code that names a per-time rate limit (`API_KEY_RATE_LIMIT`, `Throttled`, `too_many_requests`): transient whatever 4xx carries it. */
// `ACCESS_TOO_FREQUENT` (Amap), `REQUEST_TOO_FREQUENT`: calls too close together.
const RATE_LIMIT_CODE =
  /\b(?:rate ?limit(?:ed|s)?|ratelimit(?:ed)?|throttl(?:e|ed|ing)|too many requests|too frequent(?:ly)?|slow down)\b/;

/** Whether an error code names a rate limit (not an exhausted quota or plan). */
export function codeNamesRateLimit(code: string | null | undefined): boolean {
  if (!code || code.length > 120 || /^-?\d+$/.test(code)) return false;
  const w = words(code);
  return RATE_LIMIT_CODE.test(w) && !FIX_WORDS.test(w) && retryableFromCode(code) === true;
}

const MESSAGE_EXHAUSTED =
  /\b(?:insufficient (?:funds|balance|credits?|storage|space|buying power)|(?:funds|balance|credits?|buying power) (?:is )?insufficient|storage (?:is )?full|out of storage|storage quota|disk (?:usage|space|quota) exceeded|no space left|exceeded (?:your|the) (?:storage|disk)|billing (?:account|details|is not active)|payment (?:is )?required|credit balance|(?:increase|raise) (?:the|your) (?:limit|quota) by (?:[a-z]+ing and )?upgrading|upgrade (?:your|to a (?:paid|higher)) (?:plan|account|subscription|tier)|(?:daily|monthly) (?:request |api |call |usage )?(?:limit|quota)\b[^.;]{0,40}?\b(?:reached|exceeded|exhausted)|(?:trial|subscription|plan) (?:has |is )?(?:expired|ended)|licen[cs]e\b[^.;]{0,60}?\b(?:has |have |is |was )?(?:expired|been revoked|revoked|suspended)|(?:expired|revoked) licen[cs]e)\b/i;

/**
 * Arrears and an empty balance as Chinese APIs word them (智谱 `1113`: "您的账户已欠费，请充值后重试"): in arrears,
 * balance insufficient, please top up.
 */
const MESSAGE_EXHAUSTED_ZH = /欠费|余额不足|请充值|额度不足/;

/**
 * A request larger than the server's fixed maximum ("Requested input length 99009 exceeds maximum input length
 * 8192"): the same request fails again, whatever status carries it.
 */
const MESSAGE_TOO_LARGE =
  /\b(?:input|prompt|context|request|payload|body|file|upload|content|message|text|tokens?|document)\b[^.;]{0,40}?\b(?:exceeds?|exceeded|exceeding|is (?:longer|larger|bigger) than)\s+(?:the\s+)?(?:max(?:imum)?|allowed|model'?s?|permitted|limit)\b[^.;]{0,30}?\b(?:length|size|tokens?|context(?: length| window)?|bytes|characters)\b/i;

/**
 * the same said of a size, without naming the maximum ("Context size has been exceeded.", "Payload
 * length exceeded", "maximum upload size exceeded", "request entity too large"): a fixed limit the request is over.
 */
const SIZE_EXCEEDED =
  /\b(?:context|input|prompt|request|payload|body|file|upload|content|message|document|entity|attachment)(?: window)? (?:size|length)s? (?:limit )?(?:has been |have been |was |is )?(?:exceeded|too (?:large|long|big))\b|\bmax(?:imum)? (?:allowed )?(?:context |input |prompt |request |payload |body |file |upload |content |message |document |attachment )?(?:size|length) (?:limit )?(?:has been |was |is )?exceeded\b|\b(?:request|payload|body|file|upload|entity|document|attachment) (?:is )?too (?:large|big)\b/i;

/**
 * A site, deployment or account its owner (or the host, for usage limits) paused or suspended: Netlify's 503 "This
 * site was paused as it reached its usage limits", Vercel's 503 "This Deployment is paused by the owner". Waiting does
 * not bring it back; a pause for maintenance or a temporary one does (left to the status).
 */
const OWNER_PAUSED =
  /\b(?:site|deployment|project|app|application|service|account|instance|database|workspace|api) (?:was|is|has been) (?:\w+ )?(?:paused|suspended|deactivated)\b|\breached its usage limits?\b/i;
const PAUSE_PASSES = /\btemporar|\bmaintenance\b|\b(?:try|retry|check) (?:again|back)\b/i;

/** An invitation to buy more: no exhausted allowance when the server also gave a wait (an upsell on a rate limit). */
const UPSELL =
  /\b(?:upgrade (?:your|to a (?:paid|higher)) (?:plan|account|subscription|tier)|(?:increase|raise) (?:the|your) (?:limit|quota) by (?:[a-z]+ing and )?upgrading)\b/gi;

/**
 * Only unmistakable wording in a message: billing, funds, full storage, arrears, a request over a fixed maximum.
 * `serverGaveWait`: the response states a wait, so an upgrade invitation alone says nothing about an allowance.
 */
export function exhaustedByMessage(message: string | null | undefined, serverGaveWait = false): boolean {
  if (!message) return false;
  const head = message.length > 2000 ? message.slice(0, 2000) : message;
  const text = serverGaveWait ? head.replace(UPSELL, ' ') : head;
  if (MESSAGE_EXHAUSTED_ZH.test(text)) return true;
  if (/paus|suspend|deactivat|usage limit/i.test(text) && OWNER_PAUSED.test(text) && !PAUSE_PASSES.test(text))
    return true;
  if (
    /exceed|longer than|larger than|bigger than|too (?:large|long|big)/i.test(text) &&
    (MESSAGE_TOO_LARGE.test(text) || SIZE_EXCEEDED.test(text)) &&
    !RATE_WORDS.test(text) &&
    !namesShortWait(text)
  )
    return true;
  if (
    !/insufficient|storage|billing|payment|credit|disk|space|upgrad|daily|monthly|trial|subscription|plan|licen[cs]e/i.test(
      text,
    )
  )
    return false;
  // "Upgrade your plan for higher rate limits or retry after 25s": a wait in seconds or minutes is a rate limit;
  // so is a limit per second or minute ("exceeded the maximum requests per minute, please wait or upgrade").
  return MESSAGE_EXHAUSTED.test(text) && !namesShortWait(text) && !SHORT_WINDOW.test(text);
}

/** A limit counted per second or minute: waiting that long lets the request through. */
const SHORT_WINDOW = /\bper (?:second|minute|min|sec)\b|\brequests? per (?:second|minute)\b|\b(?:rpm|rps|qps)\b/i;

/** A limit per unit of time is a rate limit, not a size: "exceeds the maximum requests per minute". */
const RATE_WORDS =
  /\b(?:rate|per (?:second|minute|hour|day)|requests? per|rpm|tpm|throttl|usage|peak|load|demand|busy|capacity)/i;

/** Whether a message asks for a retry after seconds or minutes ("please retry after 25s"): a rate limit, not a quota. */
export function namesShortWait(message: string): boolean {
  return SHORT_WAIT.test(message.length > 2000 ? message.slice(0, 2000) : message);
}

/** A retry after a wait counted in seconds or minutes, Go-style compounds too (Groq "try again in 9m38.016s"). */
const SHORT_WAIT =
  /\b(?:retry|try again)\s+(?:after|in)\s+(?:\d+\s*(?:m|mins?|minutes?)\s*)?\d+(?:\.\d+)?\s*(?:s|secs?|seconds?|m|mins?|minutes?)\b/i;

// Messages that decide retryability where the code says nothing (reach-r, session 18; corpus/tools/reach-r-sources.md).

/**
 * A message that says the same request will pass shortly (beside ASKS_TO_TRY_LATER's "try again later"): a resource "being deleted", a lock, a
 * deadlock or a serialization failure (PostgreSQL SQLSTATE class 40 and 55P03, MySQL 1205/1213, SQLite BUSY, Redis
 * LOADING/TRYAGAIN, Azure "Try operation later", AWS "Transaction is ongoing"). Reach-v: a stated short wait (SQS
 * QueueDeletedRecently "You must wait 60 seconds after deleting a queue before you can create another with the same
 * name") and an action still pending on the resource (DigitalOcean 422 "Droplet already has a pending event").
 * Reach-z: a timeout with its subject ("Upstream timeout", "The operation timed out") and another operation in flight
 * (Azure AnotherOperationInProgress's "Another operation is in progress", the IETF Idempotency-Key draft's "A request
 * is outstanding for this Idempotency-Key", "locked by another operation").
 */
const MESSAGE_TRY_LATER =
  /\b(?:(?:is|are) (?:currently )?being (?:deleted|created|provisioned|updated|modified|migrated|restored|rehydrated|initiali[sz]ed)|could not serialize access|deadlock (?:detected|found)|database is locked|could not obtain lock|lock wait timeout|try restarting (?:the )?transaction|canceling statement due to (?:statement|lock) timeout|might succeed if retried|transaction is ongoing|is loading the dataset|tryagain|clusterdown|temporarily (?:unavailable|overloaded|busy|locked|disabled|blocked)|(?:server|service|system|database|backend) (?:is )?(?:currently |temporarily )?(?:busy|overloaded)|(?:must|need to|have to|should) wait (?:for )?(?:at least )?\d+(?:\.\d+)? ?(?:ms|milliseconds?|s|secs?|seconds?|m|mins?|minutes?)|already has an? pending (?:event|action|operation|request)|(?:upstream|gateway|request|operation|connection|read|query|server|backend|service|socket) (?:has )?(?:timed out|timeout)|(?:another|a concurrent|the previous) (?:request|operation|process|update|job|task|transaction)s? (?:is |are )?(?:currently |still )?(?:in progress|running|pending|outstanding)|(?:request|operation) is (?:currently |still )?outstanding|(?:is|are) (?:currently )?(?:locked|in use|held) by (?:another|a concurrent) (?:operation|request|process|user|transaction|session)|in progress on this resource|connection (?:refused|reset|failed|closed unexpectedly)|socket hang up|took too long|(?:high|heavy) load|conflict with another (?:request|operation)|(?:resource|record|row|file|table|object|document|item|entity|database) is (?:currently )?locked|after the lock is released|bad gateway|gateway time-?out|service unavailable)\b/i;
/**
 * Session 21 (fresh-s21a): calls blocked for a stated short time (SolaX Cloud "There have been several violations in a
 * row, and the system will prohibit calls within the next hour"; "IP blocked for 15 minutes"): waiting lets the same
 * request through. Days and longer are left to the status.
 */
const TEMPORARY_BLOCK =
  /\b(?:prohibit|block|ban|suspend|lock|restrict|disabl|den(?:y|ied))\w*(?: [\w'-]+){0,4} (?:for|within|during) (?:the next |an? |one |\d+(?:\.\d+)? ?)(?:seconds?|secs?|minutes?|mins?|hours?|hrs?)\b/i;
/** The same in Chinese APIs (WeChat errcode -1 "系统繁忙"): busy, or please retry. */
const MESSAGE_TRY_LATER_ZH = /繁忙|[请請]重[试試]/;
/**
 * A state not reached yet and a request to try again (sms-code.ru "SMS code has not been received yet, please try one
 * more time"): the same request passes once the state is reached.
 */
const NOT_YET_TRY_AGAIN =
  /\b(?:(?:has|have) not (?:been )?|(?:is|are) not )(?!supported|allowed|permitted|implemented|enabled)\w+ yet\b[^.;]{0,40}?\b(?:try|retry|check)(?: it)? (?:again|one more time|once more|back)\b/i;
/** A message that also blames the request: the retry it asks for comes after a fix. */
const MESSAGE_FIX_WORDS =
  /\b(?:invalid|missing|required|malformed|must be|not (?:a )?valid|unauthori[sz]ed|forbidden|not found|expired|incorrect|wrong)\b/i;

/** An explicit request to send it again after a while ("try again in a few minutes", "try your request again after a short delay"). */
const ASKS_TO_TRY_LATER =
  /\b(?:(?:please )?(?:try|retry)(?: (?:the|this|your))?(?: (?:operation|request|call|action|it))?(?: again)? later|try (?:again )?after (?:some|a) (?:time|while|moment)|try again (?:in a (?:few|little|moment|bit|while)|shortly|soon)|retry (?:shortly|in a (?:moment|few|little))|(?:try|retry)(?: (?:the|this|your) (?:operation|request|call|action)| it)? again (?:after|in) (?:a |some |a few |a couple of )?(?:short |little |brief )?(?:delay|time|while|moment|bit|minutes?|seconds?))\b/i;
/** The same in Chinese, simplified and traditional (Alipay "请稍后重试", WeChat "稍候再试", "請在幾分鐘後再試一次"). */
const ASKS_TO_TRY_LATER_ZH = /稍[后候後](?:再|重)[试試]|(?:几|幾)分[钟鐘](?:之)?[后後](?:再|重)[试試]/;

/** Whether a message says the same request, unchanged, can pass after a wait. */
export function transientByMessage(message: string | null | undefined): boolean {
  if (!message) return false;
  const text = message.length > 2000 ? message.slice(0, 2000) : message;
  return (
    (ASKS_TO_TRY_LATER.test(text) ||
      ASKS_TO_TRY_LATER_ZH.test(text) ||
      MESSAGE_TRY_LATER.test(text) ||
      MESSAGE_TRY_LATER_ZH.test(text) ||
      TEMPORARY_BLOCK.test(text) ||
      NOT_YET_TRY_AGAIN.test(text)) &&
    !MESSAGE_FIX_WORDS.test(text) &&
    !exhaustedByMessage(text)
  );
}

/**
 * A 5xx whose message blames the request ("You must specify a key value", "Block height out of range", "The request
 * was rejected because…") or its credentials ("The access token expired"), or says it duplicates what exists (a unique
 * key violation surfaced as a 500): the fixtures README makes fix-the-request and fix-the-credentials errors not
 * retryable, whatever the status (reach-z probe grid).
 * Server faults that use the same words ("invalid memory address", "index out of range" in a panic) are not taken.
 * Also a request the server could not parse (Helidon's 500 "Cannot parse media type: …") and a GraphQL
 * document refused by validation or the parser ("Must provide operation name if query contains multiple operations.",
 * "Cannot query field …", "Syntax Error: Expected Name"), which GraphQL servers send with a 500.
 */
const MESSAGE_BLAMES_REQUEST =
  /\b(?:(?:invalid|missing|malformed) (?:\w+ )?(?:parameter|param|argument|field|value|input|request|query|json|body|payload|format|key|token|id|identifier|email|date|type|data|header|signature|credentials|login|session|username|password)s?|(?:is|are) (?:required|mandatory|not allowed|not valid)|you (?:must|cannot|can ?not|need to) (?:specify|provide|set|include|use|supply|pass|send)|must (?:not )?be (?:a |an |at (?:least|most) |between |one of |less |greater |more |positive|non-?negative|valid|provided|specified|unique)|(?:the )?request was rejected because|out of range|already exists|duplicate (?:entry|key|record|value)|(?:token|key|credentials|session|signature) (?:has |have |is |was )?(?:been )?(?:expired|revoked)|unsupported (?:media|content) type|credentials (?:were|was) not provided|not authenticated|(?:do|does) not have (?:the )?permissions?|not (?:authorized|permitted) to|permission denied|^must (?:provide|specify|supply|include|pass|send)|(?:cannot|can ?not|could not|unable to|failed to) parse (?:the )?(?:request|media type|content[- ]type|body|json|query|header|parameter|param|argument|input|payload|accept)|cannot query field|unknown (?:argument|fragment|directive) "|syntax error: expected)\b/i;
const SERVER_FAULT_WORDS =
  /\b(?:runtime error|nil pointer|null ?pointer|memory address|undefined|stack ?trace|traceback|segmentation|panic|internal|unexpected|exception|temporar(?:y|ily)|try again|timeout|timed out|unavailable)\b/i;

/**
 * A refusal in the resource's current state (Zaptec's 500 "Cannot update installation when using APM", "Can't delete
 * a project while it has open runs"): the same request fails until someone changes the state, as a 409 would say.
 * Not a connection, start-up or wait the server names ("cannot connect … while", "while the index is rebuilding").
 */
const REFUSED_IN_STATE =
  /\b(?:cannot|can ?not|can't) (?!connect|reach|start|load|open|allocate|acquire|obtain|read|write|process|serve|handle|complete|respond)[a-z]+\b[^.;:]{1,60}?\b(?:when|while) (?:using\b|(?:it|the \w+|\w+) (?:is|are|has|have) (?!\w+ing\b|busy\b|down\b|offline\b|overloaded\b|full\b|not ready\b|still\b)\w+)/i;

/** Whether a message on a 5xx blames the request rather than the server. */
export function requestBlamedByMessage(message: string | null | undefined): boolean {
  if (!message) return false;
  const text = message.length > 2000 ? message.slice(0, 2000) : message;
  if (SERVER_FAULT_WORDS.test(text)) return false;
  return MESSAGE_BLAMES_REQUEST.test(text) || (REFUSED_IN_STATE.test(text) && !NOT_SET_UP_PASSES.test(text));
}

/**
 * A 5xx that says the server that answered has nothing set up for this host or model: Fastly's 500 "Fastly error:
 * unknown domain: … Please check that this domain has been added to a service." (the fingerprint subdomain-takeover
 * scanners match, with status 500); the one-api/new-api LLM relays' 503 "No available channels for model … in group
 * default" / "当前分组 default 下对于模型 … 无可用渠道" (maintainers: the group has no channel for that model, a setting).
 * Nothing changes by waiting: the configuration must.
 */
const NOT_SET_UP =
  /\bunknown domain\b|\bcheck that this domain has been added to a service\b|\bno available channels? for model\b|无可用渠道/i;

/**
 * The same for a feature or a setting (reach-z probe grid): google.rpc UNIMPLEMENTED's "not implemented", "not
 * supported", an API or deployment "disabled" (Google SERVICE_DISABLED "… or it is disabled. Enable it by visiting …"),
 * a server "misconfigured" or missing an environment variable. Not when it says the state is temporary.
 */
const FEATURE_NOT_SET_UP =
  /\bnot (?:yet )?implemented\b|\b(?:is|are) not supported\b|\b(?:is|are|has been|have been|was|were) disabled\b|\bmisconfigur(?:ed|ation)\b|\bmissing (?:environment variable|configuration|config)\b|\benable it\b|\bhas not been (?:used|enabled)\b/i;
const NOT_SET_UP_PASSES = /\btemporar|\bmaintenance\b|\b(?:try|retry|check) (?:again|back|later)\b/i;

/** Whether a message on a 5xx says the host, model, feature or setting is not configured on the server that answered. */
export function hostNotSetUpByMessage(message: string | null | undefined): boolean {
  if (!message) return false;
  const text = message.length > 2000 ? message.slice(0, 2000) : message;
  return NOT_SET_UP.test(text) || (FEATURE_NOT_SET_UP.test(text) && !NOT_SET_UP_PASSES.test(text));
}
