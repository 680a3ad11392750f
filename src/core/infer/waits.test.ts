// Class 6 of issue 13: the wait the server asked for, wherever it wrote it (message prose, vendor
// reset headers, body fields, gRPC RetryInfo in JSON), reported as given, however long. And the
// figures that are not waits (timeouts, expiries, sizes). Each row is written from a documented format.
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const DATE = 'Mon, 01 Jan 2024 10:00:00 GMT';
const msg = (message: string): Record<string, unknown> => ({ error: { code: 'rate_limited', message } });

const PROSE: Variant[] = [
  {
    name: 'retry in 30 seconds',
    status: 429,
    body: msg('Rate limit exceeded. Retry in 30 seconds.'),
    expect: { retryAfterSeconds: 30 },
  },
  {
    name: 'Please retry in 47.4s (Gemini)',
    status: 429,
    body: msg('You exceeded your current quota. Please retry in 47.4s.'),
    expect: { retryAfterSeconds: 47.4 },
  },
  {
    name: 'try again in 2 minutes',
    status: 429,
    body: msg('Too many requests, please try again in 2 minutes.'),
    expect: { retryAfterSeconds: 120 },
  },
  {
    name: 'Expected available in 831 seconds (DRF)',
    status: 429,
    body: { detail: 'Request was throttled. Expected available in 831 seconds.' },
    expect: { retryAfterSeconds: 831 },
  },
  {
    name: 'try again in 15 minutes',
    status: 429,
    body: msg('Too many login attempts. Try again in 15 minutes.'),
    expect: { retryAfterSeconds: 900 },
  },
  {
    name: 'wait 60 seconds before retrying',
    status: 429,
    body: msg('Please wait 60 seconds before retrying.'),
    expect: { retryAfterSeconds: 60 },
  },
  {
    name: 'try again after 20 seconds',
    status: 429,
    body: msg('Rate limit reached. Please try again after 20 seconds.'),
    expect: { retryAfterSeconds: 20 },
  },
  {
    name: 'try again in 6ms (OpenAI)',
    status: 429,
    body: {
      error: {
        message: 'Rate limit reached for requests. Please try again in 6ms.',
        type: 'requests',
        code: 'rate_limit_exceeded',
      },
    },
    expect: { retryAfterSeconds: 0.006 },
  },
  {
    name: 'try again in 1m30s (Go duration)',
    status: 429,
    body: msg('Rate limit reached. Please try again in 1m30s.'),
    expect: { retryAfterSeconds: 90 },
  },
  {
    name: 'retry after 34 (Telegram)',
    status: 429,
    body: {
      ok: false,
      error_code: 429,
      description: 'Too Many Requests: retry after 34',
      parameters: { retry_after: 34 },
    },
    expect: { retryAfterSeconds: 34 },
  },
  {
    name: 'retry in 1 hour',
    status: 429,
    body: msg('Daily limit reached, retry in 1 hour'),
    expect: { retryAfterSeconds: 3600 },
  },
  {
    name: 'try again in 3 days (long, reported as given)',
    status: 429,
    body: msg('Your account is locked. Try again in 3 days.'),
    expect: { retryAfterSeconds: 259_200 },
  },
  {
    name: 'try again in 10 secs',
    status: 429,
    body: msg('Slow down! Try again in 10 secs.'),
    expect: { retryAfterSeconds: 10 },
  },
  {
    name: 'in 45 seconds in a text/plain 429',
    status: 429,
    body: 'Too many requests. You can retry in 45 seconds.',
    type: 'text/plain',
    expect: { retryAfterSeconds: 45 },
  },
  {
    name: 'resets in 12s',
    status: 429,
    body: msg('Rate limit exceeded; limit resets in 12s'),
    expect: { retryAfterSeconds: 12 },
  },
  {
    name: 'try again in 30 sec.',
    status: 429,
    body: msg('Too many requests, try again in 30 sec.'),
    expect: { retryAfterSeconds: 30 },
  },
  {
    name: 'retry after 5.5 s',
    status: 503,
    body: msg('Service overloaded, retry after 5.5 s'),
    expect: { retryAfterSeconds: 5.5 },
  },
  {
    name: 'try again in a few minutes: no figure',
    status: 429,
    body: msg('Too many requests. Please try again in a few minutes.'),
    expect: { retryAfterSeconds: null },
  },
];

const BODY: Variant[] = [
  {
    name: 'retry_after (Discord, float seconds)',
    status: 429,
    body: { message: 'You are being rate limited.', retry_after: 64.57, global: false },
    expect: { retryAfterSeconds: 64.57 },
  },
  {
    name: 'retry_after_ms (Matrix)',
    status: 429,
    body: { errcode: 'M_LIMIT_EXCEEDED', error: 'Too many requests', retry_after_ms: 2000 },
    expect: { retryAfterSeconds: 2 },
  },
  {
    name: 'retryAfter (camel, seconds)',
    status: 429,
    body: { error: 'TooManyRequests', message: 'Slow down', retryAfter: 30 },
    expect: { retryAfterSeconds: 30 },
  },
  {
    name: 'retryAfterSeconds',
    status: 429,
    body: { code: 'RATE_LIMITED', message: 'Slow down', retryAfterSeconds: 12 },
    expect: { retryAfterSeconds: 12 },
  },
  {
    name: 'retry_after_seconds',
    status: 429,
    body: { error: { type: 'rate_limit', message: 'Slow down', retry_after_seconds: 7 } },
    expect: { retryAfterSeconds: 7 },
  },
  {
    name: 'retryAfterMs',
    status: 429,
    body: { error: 'rate_limited', message: 'Slow down', retryAfterMs: 1500 },
    expect: { retryAfterSeconds: 1.5 },
  },
  {
    name: 'error.retry_after nested',
    status: 429,
    body: { error: { code: 'too_many_requests', message: 'Slow down', retry_after: 5 } },
    expect: { retryAfterSeconds: 5 },
  },
  {
    name: 'meta.retryAfter',
    status: 429,
    body: { errors: [{ code: 'throttled', title: 'Too many requests' }], meta: { retryAfter: 20 } },
    expect: { retryAfterSeconds: 20 },
  },
  {
    name: 'available in N seconds (Stack Exchange throttle_violation)',
    status: 400,
    body: {
      error_id: 502,
      error_message: 'too many requests from this IP, more requests available in 82391 seconds',
      error_name: 'throttle_violation',
    },
    expect: { retryAfterSeconds: 82391 },
  },
  {
    name: 'gRPC RetryInfo as JSON (Google)',
    status: 429,
    body: {
      error: {
        code: 429,
        message: 'Resource has been exhausted (e.g. check quota).',
        status: 'RESOURCE_EXHAUSTED',
        details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '58s' }],
      },
    },
    expect: { retryAfterSeconds: 58 },
  },
  {
    name: 'RetryInfo with fractional seconds',
    status: 503,
    body: {
      error: {
        code: 503,
        message: 'The service is currently unavailable.',
        status: 'UNAVAILABLE',
        details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '1.500s' }],
      },
    },
    expect: { retryAfterSeconds: 1.5 },
  },
  {
    name: 'retry_after as a string of seconds',
    status: 429,
    body: { error: 'rate_limited', message: 'Slow down', retry_after: '30' },
    expect: { retryAfterSeconds: 30 },
  },
  {
    name: 'retry_after as an ISO date',
    status: 429,
    headers: { date: DATE },
    body: { error: 'rate_limited', message: 'Slow down', retry_after: '2024-01-01T10:05:00Z' },
    expect: { retryAfterSeconds: 300 },
  },
  {
    name: 'a multi-day wait in seconds, as given',
    status: 429,
    body: { error: 'quota_exhausted', message: 'Monthly quota used', retry_after: 1_209_600 },
    expect: { retryAfterSeconds: 1_209_600 },
  },
];

const HEADERS: Variant[] = [
  {
    name: 'Retry-After seconds',
    status: 429,
    headers: { 'retry-after': '120' },
    body: msg('Slow down'),
    expect: { retryAfterSeconds: 120 },
  },
  {
    name: 'Retry-After HTTP-date from the Date header',
    status: 503,
    headers: { date: DATE, 'retry-after': 'Mon, 01 Jan 2024 10:02:00 GMT' },
    body: msg('Maintenance'),
    expect: { retryAfterSeconds: 120 },
  },
  {
    name: 'retry-after-ms',
    status: 429,
    headers: { 'retry-after-ms': '2500' },
    body: msg('Slow down'),
    expect: { retryAfterSeconds: 2.5 },
  },
  {
    name: 'x-ratelimit-reset-after (Discord)',
    status: 429,
    headers: { 'x-ratelimit-reset-after': '1.5', 'x-ratelimit-remaining': '0' },
    body: msg('Slow down'),
    expect: { retryAfterSeconds: 1.5 },
  },
  {
    name: 'x-ratelimit-reset epoch seconds',
    status: 429,
    headers: { date: DATE, 'x-ratelimit-reset': String(Date.parse(DATE) / 1000 + 90), 'x-ratelimit-remaining': '0' },
    body: msg('Slow down'),
    expect: { retryAfterSeconds: 90 },
  },
  {
    name: 'x-contentful-ratelimit-reset (vendor family)',
    status: 429,
    headers: { 'x-contentful-ratelimit-reset': '7' },
    body: msg('Slow down'),
    expect: { retryAfterSeconds: 7 },
  },
  {
    name: 'x-acme-rate-limit-reset-after (vendor family)',
    status: 429,
    headers: { 'x-acme-rate-limit-reset-after': '11' },
    body: msg('Slow down'),
    expect: { retryAfterSeconds: 11 },
  },
  {
    name: 'IETF RateLimit t=',
    status: 429,
    headers: { ratelimit: '"default";r=0;t=42', 'ratelimit-policy': '"default";q=100;w=60' },
    body: msg('Slow down'),
    expect: { retryAfterSeconds: 42 },
  },
  {
    name: 'x-ratelimit-retry-after (Symfony)',
    status: 429,
    headers: { date: DATE, 'x-ratelimit-retry-after': String(Date.parse(DATE) / 1000 + 15) },
    body: msg('Slow down'),
    expect: { retryAfterSeconds: 15 },
  },
  {
    name: 'reset headers on a success-shaped 404 do not count',
    status: 404,
    headers: { 'x-ratelimit-reset': '30', 'x-ratelimit-remaining': '59' },
    body: { error: 'not_found', message: 'No such thing' },
    expect: { retryAfterSeconds: null },
  },
];

/** Figures that are not waits. */
const NOT_WAITS: Variant[] = [
  {
    name: 'a request that timed out after 30 seconds',
    status: 504,
    body: msg('The request timed out after 30 seconds.'),
    expect: { retryAfterSeconds: null },
  },
  {
    name: 'a session that expires after 30 minutes',
    status: 401,
    body: { error: 'session_expired', message: 'Your session expired after 30 minutes of inactivity.' },
    expect: { retryAfterSeconds: null },
  },
  {
    name: 'a token valid for 60 seconds',
    status: 401,
    body: { error: 'invalid_token', message: 'Tokens are valid for 60 seconds; this one has expired.' },
    expect: { retryAfterSeconds: null },
  },
  {
    name: 'a query that ran over its 10 s limit',
    status: 400,
    body: { error: 'query_timeout', message: 'Query exceeded the maximum execution time of 10 seconds.' },
    expect: { retryAfterSeconds: null },
  },
  {
    name: 'a limit per minute is not a wait',
    status: 429,
    body: msg('Limit of 100 requests per 60 seconds exceeded.'),
    expect: { retryAfterSeconds: null },
  },
  {
    name: 'a connection closed after 60 seconds',
    status: 502,
    body: 'upstream connection closed after 60 seconds of inactivity',
    type: 'text/plain',
    expect: { retryAfterSeconds: null },
  },
];

/** Waits as gateways and clouds write them (Azure API Management, Azure OpenAI, Google front end, Binance). */
const GATEWAYS: Variant[] = [
  {
    name: 'Azure APIM quota: replenished in hh:mm:ss',
    status: 403,
    body: { statusCode: 403, message: 'Out of call volume quota. Quota will be replenished in 03:30:56.' },
    expect: { retryAfterSeconds: 12_656 },
  },
  {
    name: 'Azure APIM quota: replenished in d.hh:mm:ss (a .NET TimeSpan)',
    status: 403,
    body: { statusCode: 403, message: 'Out of call volume quota. Quota will be replenished in 5.03:23:11' },
    expect: { retryAfterSeconds: 444_191 },
  },
  {
    name: 'Azure APIM rate limit: try again in N seconds',
    status: 429,
    body: { statusCode: 429, message: 'Rate limit is exceeded. Try again in 5 seconds.' },
    expect: { retryAfterSeconds: 5 },
  },
  {
    name: 'Azure OpenAI: Please retry after N seconds',
    status: 429,
    body: {
      error: {
        code: '429',
        message:
          'Requests to the ChatCompletions_Create Operation under Azure OpenAI API version 2024-02-01 have exceeded token rate limit of your current OpenAI S0 pricing tier. Please retry after 6 seconds.',
      },
    },
    expect: { retryAfterSeconds: 6 },
  },
  {
    name: 'Google front end page: Please try again in 30 seconds',
    status: 502,
    body: '<html><head>\n<meta http-equiv="content-type" content="text/html;charset=utf-8">\n<title>502 Server Error</title>\n</head>\n<body text=#000000 bgcolor=#ffffff>\n<h1>Error: Server Error</h1>\n<h2>The server encountered a temporary error and could not complete your request.<p>Please try again in 30 seconds.</h2>\n<h2></h2>\n</body></html>\n',
    expect: { retryAfterSeconds: 30, message: 'The server encountered a temporary error' },
  },
  {
    name: 'Binance: IP banned until an epoch in ms',
    status: 418,
    headers: { date: 'Sun, 08 Oct 2017 13:50:36 GMT' },
    body: {
      code: -1003,
      msg: 'Way too many requests; IP banned until 1507470736891. Please use the websocket for live updates to avoid bans.',
    },
    expect: { retryAfterSeconds: 100.891 },
  },
];

/** Times in prose that are not a time to wait for. */
const NOT_UNTIL: Variant[] = [
  {
    name: 'a plan valid until a date',
    status: 403,
    body: {
      error: 'not_in_plan',
      message: 'Your plan is active until 2030-01-01T00:00:00Z but does not include this endpoint.',
    },
    expect: { retryAfterSeconds: null },
  },
  {
    name: 'a record created at a date',
    status: 409,
    body: { error: 'conflict', message: 'A record was created at 2024-01-01T10:00:00Z with the same key.' },
    expect: { retryAfterSeconds: null },
  },
  {
    name: 'a clock time that is not a TimeSpan wait',
    status: 400,
    body: { error: 'invalid_time', message: 'Opening hours start at 09:00:00 and end at 17:00:00.' },
    expect: { retryAfterSeconds: null },
  },
];

/** Third pass: durations and times in other spellings. */
const MORE_WAITS: Variant[] = [
  {
    name: 'retryAfter as an ISO 8601 duration (PT30S)',
    status: 429,
    body: { error: 'rate_limited', message: 'Slow down', retryAfter: 'PT30S' },
    expect: { retryAfterSeconds: 30 },
  },
  {
    name: 'retry_after as an ISO 8601 duration (PT1M30S)',
    status: 429,
    body: { error: { code: 'throttled', message: 'Slow down', retry_after: 'PT1M30S' } },
    expect: { retryAfterSeconds: 90 },
  },
  {
    name: 'quota resets at an ISO time',
    status: 429,
    headers: { date: DATE },
    body: {
      error: { code: 'quota_exceeded', message: 'Daily quota exceeded. Your quota resets at 2024-01-02T00:00:00Z.' },
    },
    expect: { retryAfterSeconds: 50_400 },
  },
  {
    name: 'try again in 2h',
    status: 429,
    body: msg('Hourly limit reached, try again in 2h'),
    expect: { retryAfterSeconds: 7200 },
  },
  {
    name: 'Please try again after 1 minute',
    status: 429,
    body: msg('Too many requests. Please try again after 1 minute.'),
    expect: { retryAfterSeconds: 60 },
  },
  {
    name: 'Retry-After: 0 is a figure',
    status: 503,
    headers: { 'retry-after': '0' },
    body: msg('Busy'),
    expect: { retryAfterSeconds: 0 },
  },
];

/**
 * Fresh formats of session 15 (corpus/cases/reach-d.json): "Retry after: N seconds" with a colon,
 * "Please try after <ISO time>", Retry-After sent as an epoch time (Apple's App Store Server API sends
 * milliseconds), and RetryInfo-like delays nested deep in an error (Google Ads quotaErrorDetails).
 */
const FRESH_WAITS: Variant[] = [
  {
    name: 'Retry after: 21 seconds. (Akamai CPS problem detail)',
    status: 429,
    type: 'application/problem+json',
    body: {
      type: '429 Too Many Requests',
      title: 'Too Many Requests',
      detail: 'You have exhausted your API Request Quota. Retry after: 21 seconds.',
    },
    expect: { retryAfterSeconds: 21 },
  },
  {
    name: 'Retry after: 5 minutes',
    status: 429,
    body: msg('Request limit reached. Retry after: 5 minutes.'),
    expect: { retryAfterSeconds: 300 },
  },
  {
    name: 'Please try after <ISO time> in plain text (Akamai Cloudlets)',
    status: 429,
    type: 'text/plain',
    headers: { date: 'Tue, 09 Sep 2025 17:02:57 GMT' },
    body: 'Your request did not succeed as this operation has reached the limit for your account. Please try after 2025-09-09T17:03:57.071Z.',
    expect: { retryAfterSeconds: 60 },
  },
  {
    name: 'Please try after <ISO time> in a JSON detail',
    status: 429,
    headers: { date: 'Mon, 22 Jul 2024 06:21:37 GMT' },
    body: {
      title: 'Global Service Rate Limit Exceeded',
      type: 'global-rate-limit-exceeded',
      detail: 'Too many overall requests to the service. Please try after 2024-07-22T06:23:37.255Z',
    },
    expect: { retryAfterSeconds: 120 },
  },
  {
    name: 'Retry-After as epoch milliseconds (App Store Server API)',
    status: 429,
    headers: { date: 'Sat, 01 Jun 2024 12:00:00 GMT', 'retry-after': '1717243260000' },
    body: { errorCode: 4290000, errorMessage: 'Rate limit exceeded.' },
    expect: { retryAfterSeconds: 60 },
  },
  {
    name: 'Retry-After as epoch seconds',
    status: 503,
    headers: { date: 'Sat, 01 Jun 2024 12:00:00 GMT', 'retry-after': '1717243230' },
    body: msg('Down for maintenance'),
    expect: { retryAfterSeconds: 30 },
  },
  {
    name: 'Retry-After of a plain 3600 stays seconds',
    status: 503,
    headers: { 'retry-after': '3600' },
    body: msg('Down for maintenance'),
    expect: { retryAfterSeconds: 3600 },
  },
  {
    name: 'retryDelay deep in a Google Ads failure',
    status: 429,
    body: {
      error: {
        code: 429,
        message: 'Resource has been exhausted (e.g. check quota).',
        status: 'RESOURCE_EXHAUSTED',
        details: [
          {
            '@type': 'type.googleapis.com/google.ads.googleads.v21.errors.GoogleAdsFailure',
            errors: [
              {
                errorCode: { quotaError: 'RESOURCE_EXHAUSTED' },
                message: 'Too many requests. Retry in 40591 seconds.',
                details: {
                  quotaErrorDetails: {
                    rateScope: 'DEVELOPER',
                    rateName: 'Number of operations for basic access',
                    retryDelay: '40591s',
                  },
                },
              },
            ],
            requestId: 'xN_KaZRHZuU6Rlgt3cM2uQ',
          },
        ],
      },
    },
    expect: { retryAfterSeconds: 40591 },
  },
  {
    name: 'retry_after_ms deep in an error object',
    status: 429,
    body: {
      errors: [{ code: 'rate_limited', message: 'Slow down', meta: { limits: { window: { retry_after_ms: 2500 } } } }],
    },
    expect: { retryAfterSeconds: 2.5 },
  },
  {
    name: 'a deep backoff in plain data is no wait',
    status: 503,
    body: { message: 'Service unavailable', data: { client: { policy: { retry: { backoff: 5 } } } } },
    expect: { retryAfterSeconds: null },
  },
  {
    name: '"Retry after: the maintenance window" names no figure',
    status: 503,
    body: msg('Scheduled maintenance. Retry after: the maintenance window ends.'),
    expect: { retryAfterSeconds: null },
  },
  {
    name: '"try after" a date long past is no wait',
    status: 429,
    headers: { date: 'Sat, 01 Jun 2024 12:00:00 GMT' },
    body: msg('Limit reached. Please try after 2024-06-01T11:00:00Z.'),
    expect: { retryAfterSeconds: 0 },
  },
  {
    name: '"expires after 3600 seconds" is no wait',
    status: 401,
    body: msg('Token invalid: tokens expire after 3600 seconds'),
    expect: { retryAfterSeconds: null },
  },

  {
    name: 'rate limited for 60 seconds',
    status: 429,
    body: msg('You have been rate limited for 60 seconds.'),
    expect: { retryAfterSeconds: 60 },
  },
  {
    name: 'blocked for 15 minutes',
    status: 429,
    body: msg('Too many failed attempts: blocked for 15 minutes.'),
    expect: { retryAfterSeconds: 900 },
  },
  {
    name: '"blocked for 3 attempts" names no time',
    status: 429,
    body: msg('Your key was blocked for 3 attempts with a wrong signature.'),
    expect: { retryAfterSeconds: null },
  },
  {
    name: 'Resets in 13h 59m (a quota reset in parts)',
    status: 429,
    body: msg('You have exhausted your quota on this model. Resets in 13h 59m.'),
    expect: { retryAfterSeconds: 50340 },
  },
  {
    name: 'retry in 1h 30m',
    status: 429,
    body: msg('Quota exceeded. Retry in 1h 30m.'),
    expect: { retryAfterSeconds: 5400 },
  },
  {
    name: 'x-ms-retry-after-ms (Azure Cosmos DB)',
    status: 429,
    headers: { 'x-ms-retry-after-ms': '1500' },
    body: {
      code: '429',
      message:
        'Message: {"Errors":["Request rate is large. More Request Units may be needed, so no changes were made. Please retry this request later."]}',
    },
    expect: { retryAfterSeconds: 1.5 },
  },
  {
    name: 'a body wait as a duration of parts ("1m30s")',
    status: 429,
    body: { error: { code: 'rate_limited', message: 'Slow down', retryDelay: '1m30s' } },
    expect: { retryAfterSeconds: 90 },
  },

  {
    name: 'Telegram parameters.retry_after',
    status: 429,
    body: {
      ok: false,
      error_code: 429,
      description: 'Too Many Requests: retry after 34',
      parameters: { retry_after: 34 },
    },
    expect: { retryAfterSeconds: 34, retryable: true },
  },
  {
    name: 'Okta x-rate-limit-reset as an epoch, from the Date header',
    status: 429,
    headers: {
      date: 'Sat, 01 Jun 2024 12:00:00 GMT',
      'x-rate-limit-remaining': '0',
      'x-rate-limit-reset': '1717243245',
    },
    body: {
      errorCode: 'E0000047',
      errorSummary: 'API call exceeded rate limit due to too many requests.',
      errorId: 'oae1a2b3c4d5e6f7g8h9',
      errorCauses: [],
    },
    expect: { retryAfterSeconds: 45, errorId: 'oae1a2b3c4d5e6f7g8h9' },
  },
];

describe('waits (issue 13, class 6)', () => {
  it.each(rows(PROSE))('prose: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(BODY))('body: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(HEADERS))('header: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(NOT_WAITS))('not a wait: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(GATEWAYS))('gateway: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(NOT_UNTIL))('not a time to wait for: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(MORE_WAITS))('more: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(FRESH_WAITS))('fresh format: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
});

// Issue 13, classes 6 and 7, fresh shapes (session 16, reach-k): where a server writes its wait and
// what says retry or don't. Each row is written from a documented format; counter-examples keep
// figures that are not waits out, and keep fix-the-request codes from reading as transient.
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
/** Figures that are not waits, beside rate-limit words. */
const FIGURES_NOT_WAITS: Variant[] = [
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
describe('waits in reset headers, bodies and prose (issue 13, class 6)', () => {
  it.each(rows(RESET_HEADERS))('reset header: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(BODY_WAITS))('body wait: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(PROSE_WAITS))('prose wait: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(FIGURES_NOT_WAITS))('not a wait: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(LOCALIZED_WAITS))('localized wait: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
});

// Issue 13, session 18 (reach-u): support IDs, waits and error pages by breadth. Each row is written from a
// documented format or a response pasted in a public issue or SDK test (corpus/tools/reach-u-sources.md names
// them); "counter" rows must not be taken. Rows that already passed before this session stay as guards.
const DATE_2030 = 'Tue, 01 Jan 2030 00:00:00 GMT';
/** Waits in reset headers, body fields and message text. */
const WAITS_BY_BREADTH: Variant[] = [
  {
    name: 'discord body retry_after float',
    status: 429,
    body: { message: 'You are being rate limited.', retry_after: 64.57, global: false },
    expect: { retryAfterSeconds: 64.57 },
  },
  {
    name: 'telegram parameters.retry_after',
    status: 429,
    body: {
      ok: false,
      error_code: 429,
      description: 'Too Many Requests: retry after 35',
      parameters: { retry_after: 35 },
    },
    expect: { retryAfterSeconds: 35 },
  },
  {
    name: 'google RetryInfo retryDelay',
    status: 429,
    body: {
      error: {
        code: 429,
        message: 'You exceeded your current quota.',
        status: 'RESOURCE_EXHAUSTED',
        details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '58s' }],
      },
    },
    expect: { retryAfterSeconds: 58 },
  },
  {
    name: 'azure APIM try again in',
    status: 429,
    body: { statusCode: 429, message: 'Rate limit is exceeded. Try again in 5 seconds.' },
    expect: { retryAfterSeconds: 5 },
  },
  {
    name: 'mastodon ISO reset',
    status: 429,
    headers: { date: DATE_2030, 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '2030-01-01T00:05:00.000Z' },
    body: { error: 'Too many requests' },
    expect: { retryAfterSeconds: 300 },
  },
  {
    name: 'message "try again in 2m30s"',
    status: 429,
    body: { error: { message: 'Rate limit reached. Please try again in 2m30s.' } },
    expect: { retryAfterSeconds: 150 },
  },
  {
    name: 'message "in 1 hour"',
    status: 429,
    body: { message: 'Quota exceeded. Try again in 1 hour.' },
    expect: { retryAfterSeconds: 3600 },
  },
  {
    name: 'retry after <ISO Z> is a time, not 2030 seconds',
    status: 429,
    headers: { date: DATE_2030 },
    body: { message: 'Too many requests. Please retry after 2030-01-01T00:02:00Z.' },
    expect: { retryAfterSeconds: 120 },
  },
  {
    name: 'message "in an hour"',
    status: 429,
    body: { message: 'You have exceeded the limit. Try again in an hour.' },
    expect: { retryAfterSeconds: 3600 },
  },
  {
    name: 'message "retry in 10 sec"',
    status: 429,
    body: { message: 'Too many attempts, retry in 10 sec' },
    expect: { retryAfterSeconds: 10 },
  },
  {
    name: 'message "wait 5 minutes before"',
    status: 429,
    body: { message: 'Please wait 5 minutes before trying again.' },
    expect: { retryAfterSeconds: 300 },
  },
  {
    name: 'message "Try again in 59 minutes"',
    status: 429,
    body: { error: 'Too many login attempts. Try again in 59 minutes.' },
    expect: { retryAfterSeconds: 3540 },
  },
  {
    name: 'message "Expected available in 3 seconds"',
    status: 429,
    body: { detail: 'Request was throttled. Expected available in 3 seconds.' },
    expect: { retryAfterSeconds: 3 },
  },
  {
    name: 'message "retry after 1.5 seconds"',
    status: 429,
    body: { message: 'Rate limited; retry after 1.5 seconds' },
    expect: { retryAfterSeconds: 1.5 },
  },
  {
    name: 'x-ratelimit-reset ms epoch (linear)',
    status: 400,
    headers: {
      date: DATE_2030,
      'x-ratelimit-requests-remaining': '0',
      'x-ratelimit-requests-reset': String(Date.parse(DATE_2030) + 90000),
    },
    body: { errors: [{ message: 'Rate limit exceeded', extensions: { code: 'RATELIMITED' } }] },
    expect: { retryAfterSeconds: 90 },
  },
  {
    name: 'x-ratelimit-reset-ms beside an exhausted counter',
    status: 429,
    headers: { 'x-ratelimit-reset-ms': '2500', 'x-ratelimit-remaining': '0' },
    body: { error: 'rate_limited' },
    expect: { retryAfterSeconds: 2.5 },
  },
  {
    name: 'body retryAfter ISO date',
    status: 429,
    headers: { date: DATE_2030 },
    body: { error: 'rate_limited', retryAfter: '2030-01-01T00:00:45Z' },
    expect: { retryAfterSeconds: 45 },
  },
  {
    name: 'body retry_after_seconds nested meta',
    status: 429,
    body: {
      errors: [
        { status: '429', title: 'Too Many Requests', detail: 'Rate limit exceeded', meta: { retry_after_seconds: 20 } },
      ],
    },
    expect: { retryAfterSeconds: 20 },
  },
  {
    name: 'body retry_after string "30s"',
    status: 429,
    body: { error: 'rate limit', retry_after: '30s' },
    expect: { retryAfterSeconds: 30 },
  },
  {
    name: 'body ratelimit reset_in_seconds',
    status: 429,
    body: { error: 'Too many requests', reset_in_seconds: 40 },
    expect: { retryAfterSeconds: 40 },
  },
  {
    name: 'body retryAfterMs',
    status: 429,
    body: { code: 'RATE_LIMITED', retryAfterMs: 1500 },
    expect: { retryAfterSeconds: 1.5 },
  },
  {
    name: 'GitLab RateLimit-ResetTime (HTTP-date) alone',
    status: 429,
    headers: { date: DATE_2030, 'ratelimit-remaining': '0', 'ratelimit-resettime': 'Tue, 01 Jan 2030 00:01:00 GMT' },
    body: { message: { error: 'This endpoint has been requested too many times. Try again later.' } },
    expect: { retryAfterSeconds: 60 },
  },
  {
    name: 'GitLab: RateLimit-Reset (epoch) and ResetTime agree',
    status: 429,
    headers: {
      date: DATE_2030,
      'ratelimit-remaining': '0',
      'ratelimit-reset': String(Date.parse(DATE_2030) / 1000 + 61),
      'ratelimit-resettime': 'Tue, 01 Jan 2030 00:01:01 GMT',
    },
    body: 'Retry later\n',
    type: 'text/plain',
    expect: { retryAfterSeconds: 61 },
  },
  {
    name: 'Fastly API: Fastly-RateLimit-Reset epoch seconds',
    status: 429,
    headers: {
      date: DATE_2030,
      'fastly-ratelimit-remaining': '0',
      'fastly-ratelimit-reset': String(Date.parse(DATE_2030) / 1000 + 120),
    },
    body: { msg: 'Too many requests' },
    expect: { retryAfterSeconds: 120 },
  },
  {
    name: 'Bybit: retCode 10006 on a 200 with X-Bapi-Limit-Reset-Timestamp (epoch ms)',
    status: 200,
    headers: {
      date: DATE_2030,
      'x-bapi-limit-status': '0',
      'x-bapi-limit': '10',
      'x-bapi-limit-reset-timestamp': String(Date.parse(DATE_2030) + 5000),
    },
    body: { retCode: 10006, retMsg: 'Too many visits!', result: {}, retExtInfo: {}, time: Date.parse(DATE_2030) },
    expect: { failure: true, retryAfterSeconds: 5 },
  },
  {
    name: 'Bybit on a 429',
    status: 429,
    headers: {
      date: DATE_2030,
      'x-bapi-limit-status': '0',
      'x-bapi-limit': '120',
      'x-bapi-limit-reset-timestamp': String(Date.parse(DATE_2030) + 2000),
    },
    body: { retCode: 10006, retMsg: 'Too many visits. Exceeded the API Rate Limit.' },
    expect: { retryAfterSeconds: 2 },
  },
  {
    name: 'x-ratelimit-reset-ms: a countdown in milliseconds',
    status: 429,
    headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-ms': '45000' },
    body: { error: 'rate_limited' },
    expect: { retryAfterSeconds: 45 },
  },
  {
    name: 'x-ratelimit-reset-ms: an epoch in milliseconds',
    status: 429,
    headers: {
      date: DATE_2030,
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset-ms': String(Date.parse(DATE_2030) + 30000),
    },
    body: { error: 'rate_limited' },
    expect: { retryAfterSeconds: 30 },
  },
  {
    name: 'x-ratelimit-reset (seconds) is read before its -ms twin',
    status: 429,
    headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '45', 'x-ratelimit-reset-ms': '45000' },
    body: { error: 'rate_limited' },
    expect: { retryAfterSeconds: 45 },
  },
  {
    name: 'Feishu/Lark x-ogw-ratelimit-reset (seconds, fractional)',
    status: 429,
    headers: { 'x-ogw-ratelimit-reset': '2.5' },
    body: { code: 99991400, msg: 'request trigger frequency limit' },
    expect: { retryAfterSeconds: 2.5 },
  },
  {
    name: 'Akamai "Please try after <ISO>"',
    status: 429,
    headers: { date: DATE_2030 },
    body: {
      type: 'https://problems.luna.akamaiapis.net/-/resource-impl/forward-origin-error',
      title: 'Too Many Requests',
      detail: 'Please try after 2030-01-01T00:00:40.071Z',
    },
    expect: { retryAfterSeconds: 40 },
  },
  {
    name: 'retry after <ISO with offset>',
    status: 429,
    headers: { date: DATE_2030 },
    body: { message: 'Quota exhausted, retry after 2030-01-01T01:10:00+01:00' },
    expect: { retryAfterSeconds: 600 },
  },
  {
    name: 'Binance banned until',
    status: 418,
    headers: { date: DATE_2030 },
    body: {
      code: -1003,
      msg: `Way too many requests; IP(1.2.3.4) banned until ${Date.parse(DATE_2030) + 120000}. Please use the websocket for live updates to avoid bans.`,
    },
    expect: { retryAfterSeconds: 120 },
  },
  {
    name: 'retry in 1 minute(s)',
    status: 429,
    body: { message: 'Rate limit exceeded, retry in 1 minute(s)' },
    expect: { retryAfterSeconds: 60 },
  },
  {
    name: 'try again in 1 minute and 30 seconds',
    status: 429,
    body: { message: 'Please try again in 1 minute and 30 seconds.' },
    expect: { retryAfterSeconds: 90 },
  },
  {
    name: 'retry in 47.4 s',
    status: 429,
    body: { message: 'Request limit reached. Please try again in 47.4 s' },
    expect: { retryAfterSeconds: 47.4 },
  },
  {
    name: 'Meta X-Business-Use-Case-Usage minutes',
    status: 400,
    headers: {
      'x-business-use-case-usage':
        '{"1234567890":[{"type":"ads_management","call_count":100,"total_cputime":25,"total_time":25,"estimated_time_to_regain_access":15}]}',
    },
    body: {
      error: {
        message: 'There have been too many calls to this ad-account. Wait a bit and try again.',
        type: 'OAuthException',
        code: 80004,
        error_subcode: 2446079,
        fbtrace_id: 'AbCdEfGhIjK',
      },
    },
    expect: { retryAfterSeconds: 900 },
  },
  {
    name: 'Meta X-Ad-Account-Usage reset_time_duration',
    status: 400,
    headers: {
      'x-ad-account-usage':
        '{"acc_id_util_pct":100,"reset_time_duration":60,"ads_api_access_tier":"development_access"}',
    },
    body: {
      error: { message: 'User request limit reached', type: 'OAuthException', code: 17, fbtrace_id: 'AbCdEfGhIjK' },
    },
    expect: { retryAfterSeconds: 60 },
  },
  {
    name: 'Retry-After with message too',
    status: 429,
    headers: { 'retry-after': '7' },
    body: { message: 'Try again in 30 seconds' },
    expect: { retryAfterSeconds: 7 },
  },
  {
    name: 'text plain try again in 5 minutes',
    status: 429,
    body: 'Too many requests, please try again in 5 minutes.',
    type: 'text/plain',
    expect: { retryAfterSeconds: 300 },
  },
  {
    name: 'html page wait',
    status: 429,
    body: '<html><body><h1>Too Many Requests</h1><p>You have sent too many requests. Please wait 60 seconds and try again.</p></body></html>',
    expect: { retryAfterSeconds: 60 },
  },
  {
    name: 'express-rate-limit default',
    status: 429,
    headers: {
      'ratelimit-policy': '100;w=900',
      'ratelimit-limit': '100',
      'ratelimit-remaining': '0',
      'ratelimit-reset': '847',
    },
    body: 'Too many requests, please try again later.',
    type: 'text/html',
    expect: { retryAfterSeconds: 847 },
  },
  {
    name: 'Azure APIM quota replenished',
    status: 403,
    body: { statusCode: 403, message: 'Out of call volume quota. Quota will be replenished in 00:05:00.' },
    expect: { retryAfterSeconds: 300 },
  },
  {
    name: 'WSO2 throttled',
    status: 429,
    body: {
      fault: {
        code: 900802,
        message: 'Message throttled out',
        description: 'You have exceeded your quota .You can access API after 2030-Jan-01 00:01:00+0000 UTC',
        nextAccessTime: '2030-Jan-01 00:01:00+0000 UTC',
      },
    },
    headers: { date: DATE_2030 },
    expect: { retryAfterSeconds: 60 },
  },
  {
    name: 'WSO2 nextAccessTime (Enedis, Met Office DataHub pastes)',
    status: 429,
    headers: { date: DATE_2030 },
    body: {
      fault: {
        code: 900804,
        message: 'Message throttled out',
        description: 'You have exceeded your quota',
        nextAccessTime: '2030-Jan-01 00:03:00+0000 UTC',
      },
    },
    expect: { retryAfterSeconds: 180 },
  },
  {
    name: 'WSO2 nextAccessTime at top level',
    status: 429,
    headers: { date: DATE_2030 },
    body: {
      code: '900804',
      message: 'Message throttled out',
      description: 'You have exceeded your quota .You can access API after 2030-Jan-01 00:00:30+0000 UTC',
      nextAccessTime: '2030-Jan-01 00:00:30+0000 UTC',
    },
    expect: { retryAfterSeconds: 30 },
  },
  {
    name: 'WSO2 wait in the message alone ("You can access API after …")',
    status: 429,
    headers: { date: DATE_2030 },
    body: 'You have exceeded your quota .You can access API after 2030-Jan-01 00:01:00+0000 UTC',
    type: 'text/plain',
    expect: { retryAfterSeconds: 60 },
  },
];
/** Figures that are no wait. */
const NOT_WAITS_BY_BREADTH: Variant[] = [
  {
    name: 'x-ratelimit-reset on 500 not wait',
    status: 500,
    headers: { 'x-ratelimit-reset': '30', 'x-ratelimit-remaining': '10' },
    body: { message: 'Internal error' },
    expect: { retryAfterSeconds: null },
  },
  {
    name: 'window in message not a wait',
    status: 429,
    body: { message: 'Rate limit: 100 requests per 60 seconds' },
    expect: { retryAfterSeconds: null },
  },
  {
    name: 'timeout not wait',
    status: 504,
    body: { message: 'Request timed out after 30 seconds' },
    expect: { retryAfterSeconds: null },
  },
  {
    name: 'counter: "try again after 12:30" is a clock time, not 12 seconds',
    status: 429,
    body: { message: 'Daily limit reached. Try again after 12:30 UTC.' },
    expect: { retryAfterSeconds: null },
  },
  {
    name: 'counter: x-ratelimit-userreset is epoch seconds at Imgur and ms at hapi-rate-limit: no figure',
    status: 429,
    headers: { 'x-ratelimit-userremaining': '0', 'x-ratelimit-userreset': '3600000' },
    body: { data: { error: 'Too Many Requests' }, success: false, status: 429 },
    expect: { retryAfterSeconds: null },
  },
  {
    name: 'counter: Fastly-RateLimit-Reset on a 500 is no wait',
    status: 500,
    headers: { 'fastly-ratelimit-remaining': '900', 'fastly-ratelimit-reset': '1900000000' },
    body: { msg: 'Internal error' },
    expect: { retryAfterSeconds: null },
  },
  {
    name: 'Shopify calls per second not wait',
    status: 429,
    body: {
      errors: 'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.',
    },
    expect: { retryAfterSeconds: null },
  },
  {
    name: 'GitHub secondary few minutes',
    status: 403,
    body: {
      message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      documentation_url: 'https://docs.github.com/rest',
    },
    expect: { retryAfterSeconds: null },
  },
  {
    name: 'counter: access token expired at is no wait',
    status: 401,
    headers: { date: DATE_2030 },
    body: { error: 'invalid_token', error_description: 'The access token expired at 2029-12-31T23:00:00Z' },
    expect: { retryAfterSeconds: null },
  },
  {
    name: 'counter: Meta estimated_time_to_regain_access 0 is no wait',
    status: 400,
    headers: {
      'x-business-use-case-usage':
        '{"112130216863063":[{"type":"pages","call_count":1,"total_cputime":1,"total_time":1,"estimated_time_to_regain_access":0}]}',
    },
    body: { error: { message: 'Invalid parameter', type: 'OAuthException', code: 100, fbtrace_id: 'AbCdEfGhIjK' } },
    expect: { retryAfterSeconds: null },
  },
  {
    name: 'counter: a malformed usage header is ignored',
    status: 400,
    headers: { 'x-business-use-case-usage': '{"1":[{"estimated_time_to_regain_access":' },
    body: { error: { message: 'Invalid parameter', type: 'OAuthException', code: 100 } },
    expect: { retryAfterSeconds: null },
  },
  {
    name: 'counter: x-ad-account-usage below 100% on a validation error is no wait',
    status: 400,
    headers: {
      'x-ad-account-usage':
        '{"acc_id_util_pct":9.67,"reset_time_duration":120,"ads_api_access_tier":"standard_access"}',
    },
    body: { error: { message: 'Invalid parameter', type: 'OAuthException', code: 100 } },
    expect: { retryAfterSeconds: null },
  },
  {
    name: 'counter: nextAccessTime with an unknown month name is ignored',
    status: 429,
    headers: { date: DATE_2030 },
    body: {
      fault: { code: 900804, message: 'Message throttled out', nextAccessTime: '2030-Foo-01 00:01:00+0000 UTC' },
    },
    expect: { retryAfterSeconds: null },
  },
];
describe('waits by breadth', () => {
  it.each(rows(WAITS_BY_BREADTH))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(NOT_WAITS_BY_BREADTH))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

// Issue 13, session 21: shapes the fresh set fresh-s21a (corpus/cases/fresh-s21a.json, responses users pasted into
// issues, scored before any change) showed in its dev part; corpus/tools/fresh-s21a-sources.md names the sources.
// "counter" rows must keep their verdict.
const TEMPORARY_BLOCKS: Variant[] = [
  {
    name: 'calls prohibited "within the next hour" after violations: retryable after the wait',
    status: 200,
    body: {
      exception: 'There have been several violations in a row, and the system will prohibit calls within the next hour',
      code: 1,
      success: false,
    },
    expect: { failure: true, retryable: true },
  },
  {
    name: 'an IP blocked for 15 minutes (a 400): retryable',
    status: 400,
    body: { error: 'Too many failed logins: your IP is blocked for 15 minutes' },
    expect: { failure: true, retryable: true },
  },
  {
    name: 'counter: an account suspended for 30 days is not',
    status: 403,
    body: { error: 'Your account is suspended for 30 days' },
    expect: { failure: true, retryable: false },
  },
  {
    name: 'counter: a token that is invalid stays a fix even with a stated block',
    status: 401,
    body: { error: 'Invalid token; access is blocked for 10 minutes' },
    expect: { failure: true, retryable: false },
  },
];
describe('calls blocked for a stated short time', () => {
  it.each(rows(TEMPORARY_BLOCKS))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

// Issue 13, session 22 (tune22f): principles behind the misses of the fresh set fresh-s22f's dev half
// (corpus/cases/fresh-s22f.json; sources in corpus/tools/fresh-s22f-sources.md). Each table covers a class of
// responses, not one response: several spellings and envelopes, with counters that must keep their verdict.
const DATE_HEADER = { date: 'Tue, 01 Jan 2030 00:00:00 GMT' };
const WAIT_KEY_GRAMMAR: Variant[] = [
  {
    name: '`resets_in_seconds` beside a `resets_at` epoch: the duration is the wait',
    status: 429,
    headers: DATE_HEADER,
    body: {
      error: { type: 'usage_limit_reached', message: 'Limit reached', resets_at: 1777936568, resets_in_seconds: 13872 },
    },
    expect: { failure: true, retryAfterSeconds: 13872 },
  },
  {
    name: '`wait_ms` is milliseconds',
    status: 429,
    body: { error: 'slow down', wait_ms: 2500 },
    expect: { failure: true, retryAfterSeconds: 2.5 },
  },
  {
    name: '`cooldown_minutes` is minutes',
    status: 429,
    body: { message: 'Too many attempts', cooldown_minutes: 5 },
    expect: { failure: true, retryAfterSeconds: 300 },
  },
  {
    name: '`retryAfterSecs` and `resetAfterSeconds` by the same grammar',
    status: 429,
    body: { message: 'Rate limited', rateLimit: { resetAfterSeconds: 42 } },
    expect: { failure: true, retryAfterSeconds: 42 },
  },
  {
    name: '`tryAgainInMs` in camel case',
    status: 503,
    body: { message: 'Busy', tryAgainInMs: 1500 },
    expect: { failure: true, retryAfterSeconds: 1.5 },
  },
  {
    name: '`resets_at` alone, an epoch 60 s after the Date header, counts from that clock',
    status: 429,
    headers: DATE_HEADER,
    body: { error: { message: 'Limit reached', resets_at: Date.parse('2030-01-01T00:01:00Z') / 1000 } },
    expect: { failure: true, retryAfterSeconds: 60 },
  },
  {
    name: 'counter: a bare `wait` flag is no wait',
    status: 429,
    body: { message: 'Too many requests', wait: 1 },
    expect: { failure: true, retryAfterSeconds: null },
  },
];
describe('waits in body fields named as a stem plus a unit', () => {
  it.each(rows(WAIT_KEY_GRAMMAR))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
