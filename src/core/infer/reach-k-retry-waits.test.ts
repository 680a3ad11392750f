// Issue 13, classes 6 and 7, fresh shapes (session 16, reach-k): where a server writes its wait and
// what says retry or don't. Each row is written from a documented format; counter-examples keep
// figures that are not waits out, and keep fix-the-request codes from reading as transient.
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const DATE = 'Mon, 01 Jan 2024 10:00:00 GMT';

/** Vendor reset headers in the forms the retry-semantics notes list (section 4). */
const RESET_HEADERS: Variant[] = [
  {
    name: 'Atlassian X-RateLimit-Reset as an ISO 8601 time, from the Date header',
    status: 429,
    headers: { date: DATE, 'x-ratelimit-reset': '2024-01-01T10:00:40Z' },
    body: { message: 'Rate limit exceeded' },
    expect: { retryAfterSeconds: 40, retryable: true },
  },
  {
    name: 'Anthropic anthropic-ratelimit-requests-reset as RFC 3339',
    status: 429,
    headers: { date: DATE, 'anthropic-ratelimit-requests-reset': '2024-01-01T10:00:12Z' },
    body: {
      type: 'error',
      error: { type: 'rate_limit_error', message: 'Number of requests has exceeded your rate limit' },
    },
    expect: { retryAfterSeconds: 12, retryable: true },
  },
  {
    name: 'OpenAI x-ratelimit-reset-requests as a Go duration',
    status: 429,
    headers: { date: DATE, 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '6m0s' },
    body: { error: { message: 'Rate limit reached for requests', type: 'requests', code: 'rate_limit_exceeded' } },
    expect: { retryAfterSeconds: 360 },
  },
  {
    name: 'Zendesk ratelimit-reset as delta seconds',
    status: 429,
    headers: { date: DATE, 'ratelimit-limit': '700', 'ratelimit-remaining': '0', 'ratelimit-reset': '41' },
    body: 'Rate limit for ticket updates exceeded, please wait before updating this ticket again',
    type: 'text/plain',
    expect: { retryAfterSeconds: 41, retryable: true },
  },
  {
    name: 'Brevo x-sib-ratelimit-reset as delta seconds',
    status: 429,
    headers: {
      date: DATE,
      'x-sib-ratelimit-limit': '10',
      'x-sib-ratelimit-remaining': '0',
      'x-sib-ratelimit-reset': '12',
    },
    body: { code: 'too_many_requests', message: 'The expected rate limit is exceeded.' },
    expect: { retryAfterSeconds: 12 },
  },
  {
    name: 'Discord X-RateLimit-Reset as an epoch with a fraction',
    status: 429,
    headers: { date: DATE, 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1704103230.5' },
    body: { message: 'You are being rate limited.', global: false },
    expect: { retryAfterSeconds: 30.5 },
  },
  {
    name: 'Xweather X-RateLimit-Reset-Minute as a GMT date',
    status: 429,
    headers: {
      date: DATE,
      'x-ratelimit-remaining-minute': '0',
      'x-ratelimit-reset-minute': 'Mon, 01 Jan 2024 10:01:00 GMT',
    },
    body: {
      success: false,
      error: { code: 'maxhits_min', description: 'Maximum number of hits per minute exceeded.' },
    },
    expect: { retryAfterSeconds: 60 },
  },
  {
    name: 'RapidAPI x-ratelimit-requests-reset as delta seconds',
    status: 429,
    headers: { date: DATE, 'x-ratelimit-requests-remaining': '0', 'x-ratelimit-requests-reset': '3600' },
    body: { message: 'You have exceeded the rate limit per hour for your plan, BASIC, by the API provider' },
    expect: { retryAfterSeconds: 3600 },
  },
  {
    name: 'a Retry-After joined twice by a proxy',
    status: 429,
    headers: { date: DATE, 'retry-after': '30, 30' },
    body: { error: 'rate_limited' },
    expect: { retryAfterSeconds: 30 },
  },
];

/** Waits in body fields under names the earlier tables do not list. */
const BODY_WAITS: Variant[] = [
  {
    name: 'monday.com error_data.retry_in_seconds',
    status: 429,
    body: {
      error_message: 'Concurrency limit exceeded for the field',
      error_code: 'FIELD_LIMIT_EXCEEDED',
      error_data: { retry_in_seconds: 15, entity: 'boards' },
      status_code: 429,
      account_id: 123456,
    },
    expect: { retryAfterSeconds: 15, retryable: true, errorCode: 'FIELD_LIMIT_EXCEEDED' },
  },
  {
    name: 'reset_in seconds beside a quota code',
    status: 429,
    body: { code: 'RATE_LIMITED', message: 'Too many requests', reset_in: 20 },
    expect: { retryAfterSeconds: 20 },
  },
  {
    name: 'retryAfter as an ISO time, from the Date header',
    status: 429,
    headers: { date: DATE },
    body: { error: 'Too Many Requests', retryAfter: '2024-01-01T10:00:30Z' },
    expect: { retryAfterSeconds: 30 },
  },
  {
    name: 'rateLimitNext as an ISO time (Akamai)',
    status: 429,
    headers: { date: 'Wed, 08 Nov 2023 05:49:06 GMT' },
    body: {
      type: '/mtls-edge-truststore/error-types/account-rate-limit-exceeded',
      title: 'Account Rate Limit Exceeded',
      status: 429,
      rateLimitNext: '2023-11-08T05:49:55.123456Z',
      rateLimitRemaining: 0,
    },
    expect: { retryAfterSeconds: 49 },
  },
  {
    name: 'retry_after_seconds inside an x402-style error',
    status: 409,
    body: {
      error: 'payment_not_settleable',
      message: 'The presented authorization can still be settled',
      retryable: true,
      retry_action: 'wait_and_retry',
      retry_after_seconds: 512,
    },
    expect: { retryAfterSeconds: 512, retryable: true, errorCode: 'payment_not_settleable' },
  },
  {
    name: 'retryAfterSeconds beside an error string',
    status: 429,
    body: { error: 'Too many requests', retryAfterSeconds: 12 },
    expect: { retryAfterSeconds: 12, retryable: true },
  },
  {
    name: 'Zulip retry-after (hyphenated body field)',
    status: 429,
    body: { result: 'error', msg: 'API usage exceeded rate limit', code: 'RATE_LIMIT_HIT', 'retry-after': 2.1 },
    expect: { retryAfterSeconds: 2.1, retryable: true, errorCode: 'RATE_LIMIT_HIT' },
  },
  {
    name: 'reset_in=3600 inside a details message',
    status: 429,
    body: {
      code: 'API_KEY_QUOTA_EXCEEDED',
      details: [{ message: 'limit=1000;type=DAILY;reset_in=3600', field: 'DAILY' }],
    },
    expect: { retryAfterSeconds: 3600, errorCode: 'API_KEY_QUOTA_EXCEEDED' },
  },
];

/** Waits written in prose that the earlier tables do not cover. */
const PROSE_WAITS: Variant[] = [
  {
    name: 'You can submit the request after 49 seconds',
    status: 429,
    body: {
      title: 'Account Rate Limit Exceeded',
      detail: 'Quota has been exhausted. You can submit the request after 49 seconds',
    },
    expect: { retryAfterSeconds: 49 },
  },
  {
    name: 'please wait 5 minutes and try again',
    status: 429,
    body: { error: { message: 'Too many attempts, please wait 5 minutes and try again.' } },
    expect: { retryAfterSeconds: 300 },
  },
  {
    name: 'try again in 1 minute and 30 seconds',
    status: 429,
    body: { message: 'Slow down. Try again in 1 minute and 30 seconds.' },
    expect: { retryAfterSeconds: 90 },
  },
  {
    name: 'retry after 1343.2 minutes (Weatherbit)',
    status: 429,
    body: {
      status_code: 429,
      status_message:
        'Your request count (1007) is over the allowed limit of 1000 per day - Upgrade your key, or retry after 1343.2 minutes',
    },
    expect: { retryAfterSeconds: 80592 },
  },
  {
    name: 'wait for 10 seconds',
    status: 429,
    body: { message: 'Rate limited. Wait for 10 seconds before sending another request.' },
    expect: { retryAfterSeconds: 10 },
  },
  {
    name: 'retry in 1 second (fastify-rate-limit)',
    status: 429,
    body: { statusCode: 429, error: 'Too Many Requests', message: 'Rate limit exceeded, retry in 1 second' },
    expect: { retryAfterSeconds: 1, retryable: true },
  },
  {
    name: 'try again in 24 hours',
    status: 429,
    body: { error: 'Too many password reset requests. Try again in 24 hours.' },
    expect: { retryAfterSeconds: 86400 },
  },
];

/** Retryable or not, read from a code the earlier tables do not list. */
const RETRY_BY_CODE: Variant[] = [
  {
    name: 'idempotency key still in flight on 409',
    status: 409,
    method: 'POST',
    body: {
      error: {
        type: 'idempotency_error',
        code: 'idempotency_key_in_use',
        message: 'A request with this key is in progress.',
      },
    },
    expect: { retryable: true, errorCode: 'idempotency_key_in_use' },
  },
  {
    name: 'RequestInProgressException on 409',
    status: 409,
    method: 'POST',
    body: {
      error: {
        message: 'A request with this Idempotency-Key is still in progress',
        type: 'RequestInProgressException',
        code: 409,
      },
    },
    expect: { retryable: true },
  },
  {
    name: 'PayPal PREVIOUS_REQUEST_IN_PROGRESS on 409',
    status: 409,
    method: 'POST',
    body: {
      name: 'RESOURCE_CONFLICT',
      message: 'The server has detected a conflict while processing this request.',
      debug_id: '90957fca61718',
      details: [
        {
          issue: 'PREVIOUS_REQUEST_IN_PROGRESS',
          description:
            'A previous request on this resource is currently in progress. Please wait for sometime and try again.',
        },
      ],
    },
    expect: { retryable: true, errorId: '90957fca61718' },
  },
  {
    name: 'ConcurrentModificationException on 400 (AWS JSON)',
    status: 400,
    headers: { 'x-amzn-requestid': 'b25f48e8-84fd-11e6-80d1-57e1f2c6e1d4' },
    body: {
      __type: 'ConcurrentModificationException',
      message: 'You are trying to update a resource when another request is in progress.',
    },
    expect: { retryable: true, errorCode: 'ConcurrentModificationException' },
  },
  {
    name: 'Ably server_temporarily_busy on 500',
    status: 500,
    body: {
      error: {
        code: 50004,
        statusCode: 500,
        message: 'Server temporarily busy',
        href: 'https://help.ably.io/error/50004',
      },
    },
    expect: { retryable: true },
  },
  {
    name: 'M_SERVER_BUSY with retry_after_ms (Matrix MSC3269)',
    status: 503,
    body: { errcode: 'M_SERVER_BUSY', error: 'Server is busy', retry_after_ms: 2000 },
    expect: { retryable: true, retryAfterSeconds: 2, errorCode: 'M_SERVER_BUSY' },
  },
  {
    name: 'Kombo PLATFORM.CONCURRENCY_LIMIT_EXCEEDED on 429',
    status: 429,
    body: {
      status: 'error',
      error: { code: 'PLATFORM.CONCURRENCY_LIMIT_EXCEEDED', title: 'Too many concurrent requests.' },
    },
    expect: { retryable: true, errorCode: 'PLATFORM.CONCURRENCY_LIMIT_EXCEEDED' },
  },
  {
    name: 'Twitter v1 rate limit on a 400',
    status: 400,
    body: {
      error: 'Rate limit exceeded. Clients may not make more than 350 requests per hour.',
      request: '/1/lists.json',
    },
    expect: { retryable: true },
  },
  {
    name: 'maintenance code on 503',
    status: 503,
    body: { code: 'MAINTENANCE_MODE', message: 'The API is down for scheduled maintenance.' },
    expect: { retryable: true, errorCode: 'MAINTENANCE_MODE' },
  },
  {
    name: 'Blockfrost Mempool Full on 425',
    status: 425,
    method: 'POST',
    body: { status_code: 425, error: 'Mempool Full', message: 'Mempool is full, please try resubmitting again later.' },
    expect: { retryable: true },
  },
  {
    name: 'ElevenLabs system_busy on 429',
    status: 429,
    body: { detail: { status: 'system_busy', message: 'Our services are experiencing high levels of traffic.' } },
    expect: { retryable: true },
  },
  {
    name: 'Eloqua temporary error on 500 with Retry-After',
    status: 500,
    headers: { 'retry-after': '120' },
    body: { error: 'Unable to process request due to a temporary error.', errorSeverity: 3 },
    expect: { retryable: true, retryAfterSeconds: 120 },
  },
];

const NOT_RETRYABLE: Variant[] = [
  {
    name: 'idempotency key reused with another payload on 422',
    status: 422,
    method: 'POST',
    body: { code: 'idempotency_key_reused', status: 422, title: 'Unprocessable Entity' },
    expect: { retryable: false },
  },
  {
    name: 'IDEMPOTENCY_KEY_MISMATCH on 409',
    status: 409,
    method: 'POST',
    body: {
      errors: [
        { code: 'IDEMPOTENCY_KEY_MISMATCH', detail: 'The idempotency key was used with a different request body.' },
      ],
    },
    expect: { retryable: false, errorCode: 'IDEMPOTENCY_KEY_MISMATCH' },
  },
  {
    name: 'VM_STORAGE_QUOTA_EXCEEDED on 400',
    status: 400,
    body: {
      code: 'VM_STORAGE_QUOTA_EXCEEDED',
      message: 'Storage quota exceeded',
      storageQuotaMb: 1024,
      requestedSizeMb: 2048,
    },
    expect: { retryable: false, errorCode: 'VM_STORAGE_QUOTA_EXCEEDED' },
  },
  {
    name: 'ScreenshotOne screenshots_limit_reached (a monthly quota)',
    status: 402,
    body: {
      is_successful: false,
      error_code: 'screenshots_limit_reached',
      error_message: 'The usage quota has been exceeded. Please, either upgrade to a plan with more quota',
    },
    expect: { retryable: false, errorCode: 'screenshots_limit_reached' },
  },
  {
    name: 'credit balance too low on 400 (Anthropic wording)',
    status: 400,
    body: {
      type: 'error',
      error: {
        type: 'invalid_request_error',
        message:
          'Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.',
      },
    },
    expect: { retryable: false },
  },
  {
    name: 'DAILY quota on a RapidAPI 429 stays exhausted',
    status: 429,
    body: {
      message:
        'You have exceeded the DAILY quota for API Requests on your current plan, BASIC. Upgrade your plan at https://rapidapi.com/x',
    },
    expect: { retryable: false },
  },
  {
    name: 'a duplicate on 409 is not a lock',
    status: 409,
    method: 'POST',
    body: { code: 'already_exists', message: 'A customer with this email already exists.' },
    expect: { retryable: false },
  },
  {
    name: 'server says retryable: false on a 503',
    status: 503,
    body: { error: { code: 'model_not_available', message: 'This model is deprecated.', retryable: false } },
    expect: { retryable: false },
  },
];

/** Figures that are not waits, beside rate-limit words. */
const NOT_WAITS: Variant[] = [
  {
    name: 'a window length is not a wait',
    status: 429,
    body: { error: 'Too many requests', limit: 10, windowSeconds: 60 },
    expect: { retryAfterSeconds: null, retryable: true },
  },
  {
    name: 'a limit of N per 1 minute is not a wait',
    status: 429,
    body: { code: 429, description: '100 per 1 minute', name: 'Too Many Requests' },
    expect: { retryAfterSeconds: null, retryable: true },
  },
  {
    name: 'X-RateLimit-Reset on a 400 validation error is no wait',
    status: 400,
    headers: { date: DATE, 'x-ratelimit-remaining': '99', 'x-ratelimit-reset': '1704103230' },
    body: { error: { code: 'invalid_email', message: 'email is not valid' } },
    expect: { retryAfterSeconds: null, retryable: false },
  },
];

/**
 * A 409 whose prose says the resource is busy with another request (a race, an operation in progress):
 * the same request can succeed once it is done. Versions, duplicates and stale state stay fix-the-request.
 */
const CONFLICT_IN_FLIGHT: Variant[] = [
  {
    name: 'text 409: modified while the request was being processed (ThreatKB)',
    status: 409,
    method: 'POST',
    body: 'A conflict happened while processing the request.  The resource might have been modified while the request was being processed.',
    type: 'text/html; charset=utf-8',
    expect: { retryable: true },
  },
  {
    name: 'Azure API Management: Operation on the API is in progress',
    status: 409,
    method: 'PUT',
    body: { error: { code: 'Conflict', message: 'Operation on the API is in progress', details: null } },
    expect: { retryable: true, message: 'Operation on the API is in progress' },
  },
  {
    name: 'another operation is in progress on the resource',
    status: 409,
    method: 'POST',
    body: { message: 'Another operation is currently in progress on this cluster. Please try again later.' },
    expect: { retryable: true },
  },
  {
    name: 'concurrent modification in a message',
    status: 409,
    method: 'PATCH',
    body: { error: 'conflict', error_description: 'Concurrent modification detected, please retry the request.' },
    expect: { retryable: true },
  },
  {
    name: 'a duplicate stays a conflict to resolve',
    status: 409,
    method: 'POST',
    body: "Duplicate IP: '34.254.233.143'",
    type: 'text/html; charset=utf-8',
    expect: { retryable: false },
  },
  {
    name: 'already exists stays a conflict to resolve',
    status: 409,
    method: 'POST',
    body: { message: 'A user with this email already exists.' },
    expect: { retryable: false },
  },
  {
    name: 'a stale version stays a conflict to resolve, even when another request changed it',
    status: 409,
    method: 'PUT',
    body: {
      message: 'Version conflict: the document was updated by another request; reload it and apply your changes.',
    },
    expect: { retryable: false },
  },
  {
    name: 'a resource in the wrong state stays a conflict',
    status: 409,
    method: 'POST',
    body: { code: 'invalid_state', message: 'The order has already been shipped and cannot be cancelled.' },
    expect: { retryable: false },
  },
];

/** A 2xx whose body reports a failure in words that say to retry; and the words that do not. */
const BODY_FAILURE_RETRY: Variant[] = [
  {
    name: '2xx status error: internal server error, please retry',
    status: 200,
    body: { status: 'error', message: 'Internal server error, please retry.' },
    expect: { failure: true, retryable: true },
  },
  {
    name: '2xx success false: the server is busy',
    status: 200,
    body: { success: false, message: 'The server is busy at the moment. Retry shortly.' },
    expect: { failure: true, retryable: true },
  },
  {
    name: '2xx ok false: request timed out upstream',
    status: 200,
    body: { ok: false, error: 'The upstream request timed out.' },
    expect: { failure: true, retryable: true },
  },
  {
    name: '2xx: "Invalid API KEY. Please retry…" is a retry after a fix',
    status: 200,
    body: { error: 'Invalid API KEY. Please retry with a valid key.' },
    expect: { failure: true, retryable: false },
  },
  {
    name: '2xx result error: invalid key stays a fix',
    status: 200,
    body: { result: 'error', msg: 'Invalid API key' },
    expect: { failure: true, retryable: false },
  },
  {
    name: '2xx success false: a feature unavailable on the plan stays a fix',
    status: 200,
    body: { success: false, message: 'This feature is unavailable on your plan.' },
    expect: { failure: true, retryable: false },
  },
  {
    name: '2xx success false: an invalid timeout value stays a fix',
    status: 200,
    body: { success: false, message: 'Invalid timeout value: must be between 1 and 30.' },
    expect: { failure: true, retryable: false },
  },
];

/** A quota counted per month or per year is not refilled by waiting seconds. */
const PERIOD_QUOTAS: Variant[] = [
  {
    name: '429: the limit of N requests per month for your plan',
    status: 429,
    body: { message: 'You have reached the limit of 1000 requests per month for your plan.' },
    expect: { retryable: false },
  },
  {
    name: '429: requests per year',
    status: 429,
    body: { error: { message: 'Quota of 10000 requests per year exceeded.' } },
    expect: { retryable: false },
  },
  {
    name: '429: requests per minute stays a rate limit',
    status: 429,
    body: { message: 'You have reached the limit of 100 requests per minute.' },
    expect: { retryable: true },
  },
  {
    name: '429: per month, but the server names a short wait',
    status: 429,
    body: { message: 'Monthly plan limit nearly reached; too many requests per second, retry after 2 seconds.' },
    expect: { retryable: true, retryAfterSeconds: 2 },
  },
];

/**
 * Waits written in other languages, as localized APIs write them (a Chinese login API "请约 N 秒后重试";
 * express-rate-limit configured in French "Veuillez réessayer dans 15 minutes"; a NestJS 429
 * "Tu pourras réessayer dans N h"), and figures in those languages that are not waits.
 */
const LOCALIZED_WAITS: Variant[] = [
  {
    name: 'Chinese: 请60秒后重试',
    status: 429,
    body: { code: 'Throttling', message: '请求过于频繁，请60秒后重试' },
    expect: { retryAfterSeconds: 60, retryable: true },
  },
  {
    name: 'Chinese: 请约 30 秒后重试 (a cooling-down login API)',
    status: 429,
    body: { error: 'rate_limit', message: '登录接口仍在冷却，请约 30 秒后重试' },
    expect: { retryAfterSeconds: 30 },
  },
  {
    name: 'Chinese: 5 分钟后再试',
    status: 429,
    body: { msg: '操作太频繁，请5分钟后再试' },
    expect: { retryAfterSeconds: 300 },
  },
  {
    name: 'Japanese: 30秒後に再試行',
    status: 429,
    body: { message: 'リクエストが多すぎます。30秒後に再試行してください。' },
    expect: { retryAfterSeconds: 30, retryable: true },
  },
  {
    name: 'French: Veuillez réessayer dans 15 minutes (express-rate-limit message)',
    status: 429,
    body: { success: false, message: 'Trop de tentatives de connexion. Veuillez réessayer dans 15 minutes.' },
    expect: { retryAfterSeconds: 900, retryable: true },
  },
  {
    name: 'French: réessayer dans 2 h (NestJS HttpException)',
    status: 429,
    body: { statusCode: 429, message: 'Tu pourras réessayer dans 2 h.' },
    expect: { retryAfterSeconds: 7200 },
  },
  {
    name: 'German: in 30 Sekunden erneut',
    status: 429,
    body: { message: 'Zu viele Anfragen. Bitte versuchen Sie es in 30 Sekunden erneut.' },
    expect: { retryAfterSeconds: 30, retryable: true },
  },
  {
    name: 'Spanish: de nuevo en 30 segundos',
    status: 429,
    body: { message: 'Demasiadas solicitudes. Inténtelo de nuevo en 30 segundos.' },
    expect: { retryAfterSeconds: 30 },
  },
  {
    name: 'Portuguese: novamente em 2 minutos',
    status: 429,
    body: { message: 'Muitas requisições. Tente novamente em 2 minutos.' },
    expect: { retryAfterSeconds: 120 },
  },
  {
    name: 'Russian: повторите попытку через 30 секунд',
    status: 429,
    body: { message: 'Слишком много запросов. Повторите попытку через 30 секунд.' },
    expect: { retryAfterSeconds: 30 },
  },
  {
    name: 'Retry-After: 20 written in a plain-text body',
    status: 429,
    body: 'Too Many Requests. Retry-After: 20',
    type: 'text/plain',
    expect: { retryAfterSeconds: 20 },
  },
  {
    name: 'Chinese: 请在60秒内完成验证 (complete within 60 s) is no wait',
    status: 400,
    body: { code: 'CaptchaExpired', message: '验证码已过期，请在60秒内完成验证' },
    expect: { retryAfterSeconds: null },
  },
  {
    name: 'Russian: сессия истекает через 30 минут (a session expiry) is no wait',
    status: 401,
    body: { message: 'Сессия истекает через 30 минут. Войдите снова.' },
    expect: { retryAfterSeconds: null },
  },
  {
    name: 'French: valable pendant 30 minutes (a validity) is no wait',
    status: 400,
    body: { message: 'Le code est valable pendant 30 minutes.' },
    expect: { retryAfterSeconds: null },
  },
];

describe('reach-k: retry advice and waits (issue 13, classes 6 and 7)', () => {
  it.each(rows(RESET_HEADERS))('reset header: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(BODY_WAITS))('body wait: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(PROSE_WAITS))('prose wait: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(RETRY_BY_CODE))('retryable by code: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(NOT_RETRYABLE))('not retryable: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(NOT_WAITS))('not a wait: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(BODY_FAILURE_RETRY))('2xx failure: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(PERIOD_QUOTAS))('period quota: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(LOCALIZED_WAITS))('localized wait: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(CONFLICT_IN_FLIGHT))('409 in flight: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
});
