// Is this failure a rate limit, and is it a quota that will not clear soon?
// The status alone does not say: 403 carries rate limits (GitHub, Salesforce, SendGrid) and
// 429 carries exhausted quotas (OpenAI insufficient_quota, HubSpot DAILY, Gemini PerDay).
// Source: ../shared/research/retry-semantics.md §2 and §6.
import type { HeaderIndex } from './headers';
import { exhaustedCounter, rateLimitFieldExhausted } from './retry';
import { namesShortWait } from './infer/semantics';

const RATE_LIMIT_CODE =
  /rate.?limit|throttl|too.?many.?requests|request_?limit_?exceeded|SlowDown|RequestLimitExceeded|LimitExceededException|ProvisionedThroughputExceeded|BandwidthLimitExceeded|RESOURCE_EXHAUSTED|concurrent_?requests|quota/i;
const RATE_LIMIT_MESSAGE =
  /rate.?limit|too many requests|throttl|abuse detection|request limit exceeded|limit exceeded|temporary block|slow down|quota exceeded|exceeded (?:your|the) (?:current )?quota|too many (?:calls|attempts)|\bover (?:the )?qps\b|queries per second/i;

/**
 * A limit on how often or how many at once, named with its subject: calls too frequent ("request freq over limit",
 * "request frequency limit exceeded"), flood control ("blocked for flooding", "Flood control", `FLOOD_WAIT_30`), too
 * many requests or transactions running at once ("Too many concurrent requests", "running txns on this database: 100,
 * larger than limit 100"), calls made too quickly ("request too quickly, please retry later"), too many attempts with a
 * "try later". Each clears as earlier calls age out or finish, so the same request passes later. A bare
 * "frequency" (a radio tuner's) or "flood" (a flood-zone field) does not count: the words need their subject.
 */
const FREQUENCY_LIMIT =
  /\b(?:api|calls?|requests?|access|quer(?:y|ies)|invocations?|visits?)[ _-]?freq(?:uency)?\b[^.;\n]{0,20}?\b(?:out of|over|exceed(?:s|ed|ing)?|beyond|reach(?:ed)?) (?:the |its |your )?limits?\b|\b(?:api|calls?|requests?|access|quer(?:y|ies)|invocations?|visits?)[ _-]?freq(?:uency)? limits? (?:exceeded|reached|hit)\b|\bblocked (?:by|for|due to) flood(?:ing)?\b|\bflood(?:ing)?[ _-]?(?:control|wait|protection|detected)(?![a-z])|\btoo many (?:concurrent|simultaneous|parallel|running|in-?flight) (?:requests?|calls?|quer(?:y|ies)|connections?|jobs?|tasks?|transactions?|txns?|operations?|uploads?|streams?)\b|\b(?:api|calls?|calling|requests?|requesting|access(?:ing)?|quer(?:y|ies|ying)|invocations?|visits?|sends?|sending|sent|operations?|submissions?|submitting)\b[^.;\n]{0,20}?\btoo (?:quickly|fast|frequent(?:ly)?|often|rapidly)\b|\btoo many (?:\w+ )?attempts\b[^.;\n]{0,40}?\b(?:try|retry) (?:again )?later\b|\b(?:concurrent|running|simultaneous|parallel|in-?flight) (?:requests?|calls?|quer(?:y|ies)|connections?|jobs?|tasks?|transactions?|txns?|operations?|uploads?|streams?)\b[^.;\n]{0,60}?\b(?:larger|more|greater|higher) than (?:the )?(?:limit|max(?:imum)?|allowed)\b/i;

/**
 * The same in Chinese APIs: calls or sends too fast or too frequent ("发送速度过快", "请求过于频繁", "访问频率超限",
 * "调用频率受限"). A frequency or speed over its limit, or a call "too fast/frequent": a bare "频率" (a `frequency`
 * parameter) does not count, nor a count over its limit ("调用次数超限" is an allowance, often per day).
 */
const FREQUENCY_LIMIT_ZH =
  /(?:请求|调用|访问|发送|推送|操作|提交|查询|接口)[^，。,.;；]{0,4}?(?:过快|太快|频繁)|(?:频率|速度)[^，。,.;；]{0,2}?(?:过快|太快|过高|超限|超过限制|超出限制|受限|超过上限|超出上限)/;

/** A cheap first look: most messages name none of these words, and the full lexicon then never runs. */
const FREQUENCY_HINT =
  /freq|flood|concurren|running|simultaneous|parallel|in-?flight|too (?:quick|fast|often|rapid)|attempts|过快|太快|频繁|频率|速度/i;

/** Whether a code or message (its first 2,000 characters) names a frequency, flood or concurrency limit. */
function namesFrequencyLimit(text: string | null): boolean {
  if (!text) return false;
  const head = text.length > 2000 ? text.slice(0, 2000) : text;
  return FREQUENCY_HINT.test(head) && (FREQUENCY_LIMIT.test(head) || FREQUENCY_LIMIT_ZH.test(head));
}

/** On a 400 or a 2xx body failure only unmistakable wording counts ("limit exceeded" may be a size limit). */
const STRICT_RATE_LIMIT = /rate.?limit|too.?many.?requests|too many (?:visits|calls)\b|throttl/i;

/**
 * A call quota named as exceeded ("Quota limit exceeded", "API quota exceeded", "exceeded the request quota") on a 400
 * or a 2xx body failure: the same wording 403 and 429 carry, believed where nothing names a quota of storage, seats or
 * size, which no wait refills (a daily or billing quota is told apart afterwards, by quotaExhaustion).
 */
const CALL_QUOTA_EXCEEDED =
  /\b(?:(?:api|request|call|rate|query) )?quota (?:limit )?(?:(?:has been|was) )?(?:exceeded|reached)\b|\bexceeded (?:the |your )?(?:(?:api|request|call|query) )?quota\b/i;
const NOT_A_CALL_QUOTA =
  /\b(?:storage|disk|space|upload|file|memory|size|seats?|users?|members?|projects?|instances?|resources?|cpu|gpu|vcpus?)\b/i;

function namesCallQuota(text: string | null): boolean {
  if (!text) return false;
  const head = text.length > 2000 ? text.slice(0, 2000) : text;
  return CALL_QUOTA_EXCEEDED.test(head) && !NOT_A_CALL_QUOTA.test(head);
}

/**
 * A rate-limit code sitting deeper in the body than the code and message read (`"message": "TOO_MANY_ATTEMPTS_TRY_LATER"`
 * under `data.otpSession.error`): a whole JSON string value in upper snake case, so prose ("blocked by:
 * [TOO_MANY_REQUESTS/12/disk usage exceeded]") and key names do not count.
 */
const NESTED_RATE_LIMIT_CODE =
  /:\s*"(?:[A-Z0-9]+_)*(?:TOO_MANY_(?:REQUESTS|ATTEMPTS|CALLS)|RATE_LIMIT(?:ED|_EXCEEDED|_REACHED)?|THROTTLED)(?:_[A-Z0-9]+)*"/;

function nestedRateLimitCode(bodyText: string | undefined): string | null {
  if (!bodyText) return null;
  const head = bodyText.length > 16_384 ? bodyText.slice(0, 16_384) : bodyText;
  const m = NESTED_RATE_LIMIT_CODE.exec(head);
  return m ? m[0].slice(m[0].indexOf('"') + 1, -1) : null;
}

/**
 * Statuses that say "the request as sent was refused" (400, and reach-z: 409 and 422) on which unmistakable wording
 * makes a rate limit ("Rate limit exceeded" on a 422). Not a 404 ("rate limit policy not found" names a thing) nor 413.
 */
const STRICT_STATUSES: ReadonlySet<number> = new Set([400, 409, 422]);

/** Statuses on which any rate-limit message or code is believed. */
const RATE_LIMIT_CARRIERS = new Set([403, 420, 429, 503, 509]);

export interface LimitInput {
  status: number;
  headers: HeaderIndex;
  errorCode: string | null;
  message: string | null;
  /** True for a 2xx whose body reports failure (GraphQL RATE_LIMITED on 200). */
  bodyFailure: boolean;
  /** The body, searched for a rate-limit code nested below the code and message read. */
  bodyText?: string;
}

/** Why this failure is a rate limit (for notes), or null when it is not one. */
export function rateLimitEvidence(f: LimitInput): string | null {
  if (f.status === 429) return 'HTTP 429';
  if (f.status === 420) return 'HTTP 420 (Enhance Your Calm)';
  // An API's own status (6xx) is read as these are: only its words can make it a rate limit.
  if (STRICT_STATUSES.has(f.status) || (f.bodyFailure && f.status < 400) || f.status >= 600) {
    if (f.errorCode && STRICT_RATE_LIMIT.test(f.errorCode)) return `error code ${f.errorCode}`;
    if (f.message && STRICT_RATE_LIMIT.test(f.message.slice(0, 2000))) return 'the message mentions a rate limit';
    if (namesFrequencyLimit(f.errorCode)) return `error code ${f.errorCode}`;
    if (namesFrequencyLimit(f.message)) return 'the message names a limit on call frequency or concurrency';
    if (namesCallQuota(f.message)) return 'the message names an exceeded call quota';
    const nested = nestedRateLimitCode(f.bodyText);
    return nested ? `the body holds the code ${nested}` : null;
  }
  if (!RATE_LIMIT_CARRIERS.has(f.status)) return null;
  if (f.status === 403 || f.status === 503 || f.status === 509) {
    const counter = exhaustedCounter(f.headers);
    if (counter) return `${counter}: 0`;
    if (rateLimitFieldExhausted(f.headers)) return 'RateLimit r=0';
  }
  if (f.errorCode && RATE_LIMIT_CODE.test(f.errorCode)) return `error code ${f.errorCode}`;
  if (f.message && RATE_LIMIT_MESSAGE.test(f.message.slice(0, 2000))) return 'the message mentions a rate limit';
  // The code is read as on the strict statuses: `FLOOD_WAIT_30` on a 403 is as much a frequency limit as its message.
  if (namesFrequencyLimit(f.errorCode)) return `error code ${f.errorCode}`;
  if (namesFrequencyLimit(f.message)) return 'the message names a limit on call frequency or concurrency';
  if (f.status === 403 && f.headers.has('retry-after')) return 'Retry-After on a 403';
  if (f.status === 509) return 'HTTP 509 (bandwidth limit)';
  return null;
}

const QUOTA_CODE =
  /^(?:insufficient_quota|enforced_spend_limit_reached|billing_hard_limit_reached|billing_not_active|dailyLimitExceeded(?:Unreg)?|quotaExceeded|daily_limit_exceeded|monthly_limit_exceeded|usage_limit_exceeded)$/i;
const QUOTA_MESSAGE =
  /exceeded your current quota|check your plan and billing|spend(?:ing)? limit|daily (?:rate |requests? |api |call )?(?:limit|quota)|\blimit \((?:daily|monthly)\)|per[ -]?(?:day|month|year)\b|monthly (?:rate |requests? |api |call )?(?:limit|quota)|billing (?:hard )?limit|credit balance is too low|\b24[- ]hours? (?:period|window)|maximum number of (?!requests|calls|attempts|queries)\w+ (?:allowed )?(?:on|for|in) (?:your|the|this) (?:plan|account|tier|subscription)/i;
/**
 * An invitation to buy more ("Upgrade your plan"): a quota only when the server gave no wait. With one (ipapi's 429
 * `wait: 1399` beside "SignUp / Upgrade your plan") it is an upsell on a rate limit that clears after the wait.
 */
const UPSELL_MESSAGE =
  /upgrade (?:to a paid|your) plan|upgrade to (?:create|add|get) more|\b(?:change|switch) (?:your |the )?plan (?:or|to|for)\b/i;
/** A rate-limited request that no wait lets through: it alone exceeds the limit (OpenAI "Request too large … must be reduced"). */
const TOO_LARGE_FOR_LIMIT = /\brequest too large for\b|\bmust be reduced in order to\b/i;
const QUOTA_BODY = /"policyName"\s*:\s*"DAILY"|PerDay|"quota_?id"\s*:\s*"[^"]*(?:day|daily)/i;

/** Why a rate-limit failure is an exhausted quota that waiting seconds will not fix, or null. */
export function quotaExhaustion(
  errorCode: string | null,
  message: string | null,
  bodyText: string,
  serverGaveWait = false,
): string | null {
  if (errorCode && QUOTA_CODE.test(errorCode)) return `error code ${errorCode}`;
  // "Upgrade your plan for higher rate limits or retry after 25s" names a wait, not an exhausted quota.
  if (message && QUOTA_MESSAGE.test(message.slice(0, 2000)) && !namesShortWait(message))
    return 'the message names a daily, billing or spend quota';
  if (message && !serverGaveWait && UPSELL_MESSAGE.test(message.slice(0, 2000)) && !namesShortWait(message))
    return 'the message asks for a plan upgrade and the server gave no wait';
  if (message && TOO_LARGE_FOR_LIMIT.test(message.slice(0, 2000)))
    return 'the request alone is larger than the limit: it must be made smaller';
  const head = bodyText.length > 16_384 ? bodyText.slice(0, 16_384) : bodyText;
  if (head && QUOTA_BODY.test(head)) {
    return /"policyName"\s*:\s*"DAILY"/i.test(head) ? 'policyName DAILY' : 'a per-day quota id';
  }
  return null;
}
