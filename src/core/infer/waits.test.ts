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
