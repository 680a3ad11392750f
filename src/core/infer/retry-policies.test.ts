// Session 17 (reach-p): retryability, waits and failure verdicts read from retry policies of real SDKs and
// retry libraries and from vendor docs (corpus/tools/reach-p-sources.md lists each source). Each row is a
// response shaped as its source documents it, with what ../shared/fixtures/README.md says must be reported:
// `retryable` is whether the same request, unchanged and after waiting, can succeed; `retryAfterSeconds`
// is the server's own figure. Counter-examples (what must NOT be taken) sit beside each rule.
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

/** Throttling and transient codes that AWS SDKs retry whatever the status (botocore standard.py, smithy constants.ts). */
const AWS_CODES: Variant[] = [
  ...[
    'LimitExceededException',
    'RequestLimitExceeded',
    'ThrottlingException',
    'Throttling',
    'ThrottledException',
    'RequestThrottledException',
    'TooManyRequestsException',
    'ProvisionedThroughputExceededException',
    'TransactionInProgressException',
    'BandwidthLimitExceeded',
    'RequestThrottled',
    'SlowDown',
    'PriorRequestNotComplete',
    'EC2ThrottledException',
    'RequestTimeout',
    'RequestTimeoutException',
  ].map((code): Variant => ({
    name: `AWS ${code} on 400 (botocore ThrottledRetryableChecker / TransientRetryableChecker)`,
    status: 400,
    headers: { 'x-amzn-requestid': 'b0e91dc8-3807-11e2-83c6-5d2e1a4b3c9f' },
    body: { __type: `com.amazonaws.service#${code}`, message: 'Rate exceeded' },
    expect: { errorCode: code, retryable: true },
  })),
  {
    name: 'AWS ValidationException on 400 stays a fix (counter-example)',
    status: 400,
    body: { __type: 'com.amazon.coral.validate#ValidationException', message: '1 validation error detected' },
    expect: { errorCode: 'ValidationException', retryable: false },
  },
  {
    name: 'AWS ResourceNotFoundException on 400 stays a fix (counter-example)',
    status: 400,
    body: {
      __type: 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException',
      message: 'Requested resource not found',
    },
    expect: { errorCode: 'ResourceNotFoundException', retryable: false },
  },
  {
    name: 'AWS ServiceQuotaExceededException on 402/400 is an exhausted quota (counter-example: a limit, not a rate)',
    status: 400,
    body: { __type: 'ServiceQuotaExceededException', message: 'You have reached the maximum number of functions' },
    expect: { retryable: false },
  },
];

/** Lock and contention codes: another writer holds the row; retrying the same request later succeeds. */
const LOCKS: Variant[] = [
  {
    name: 'Salesforce UNABLE_TO_LOCK_ROW on 400 (REST API error array; SOAP API Developer Guide ExceptionCode)',
    status: 400,
    body: [
      {
        message: 'unable to obtain exclusive access to this record or 1 records',
        errorCode: 'UNABLE_TO_LOCK_ROW',
        fields: [],
      },
    ],
    expect: { errorCode: 'UNABLE_TO_LOCK_ROW', retryable: true },
  },
  {
    name: 'a deadlock code on 400 (PostgreSQL 40P01 deadlock_detected, retried by pg clients)',
    status: 400,
    body: { error: { code: 'DEADLOCK_DETECTED', message: 'deadlock detected' } },
    expect: { retryable: true },
  },
  {
    name: 'a lock wait timeout on 409 (MySQL ER_LOCK_WAIT_TIMEOUT 1205)',
    status: 409,
    body: { error: 'ER_LOCK_WAIT_TIMEOUT', message: 'Lock wait timeout exceeded; try restarting transaction' },
    expect: { retryable: true },
  },
  {
    name: 'a serialization failure on 409 (PostgreSQL 40001, CockroachDB "restart transaction")',
    status: 409,
    body: { code: 'SERIALIZATION_FAILURE', message: 'could not serialize access due to concurrent update' },
    expect: { retryable: true },
  },
  {
    name: 'Dropbox too_many_write_operations on 409 path error (WriteError.TooManyWriteOperations: "Please retry")',
    status: 409,
    body: {
      error_summary: 'path/too_many_write_operations/',
      error: { '.tag': 'path', reason: { '.tag': 'too_many_write_operations' } },
    },
    expect: { retryable: true },
  },
  {
    name: 'a lock conflict that names the request (LockFileError.LockConflict is a fix; counter-example)',
    status: 409,
    body: { error_summary: 'cannot_be_locked/', error: { '.tag': 'cannot_be_locked' } },
    expect: { retryable: false },
  },
];

/** Body flags that say whether to retry, as SDKs and APIs name them. */
const BODY_FLAGS: Variant[] = [
  {
    name: 'Facebook Graph is_transient true on 500 (Graph API error-handling guide)',
    status: 500,
    body: {
      error: {
        message: 'An unexpected error has occurred. Please retry your request later.',
        type: 'OAuthException',
        is_transient: true,
        code: 2,
        fbtrace_id: 'EJplcsCHuLu',
      },
    },
    expect: { retryable: true },
  },
  {
    name: 'Facebook Graph is_transient false on 400',
    status: 400,
    body: {
      error: {
        message: '(#100) Invalid parameter',
        type: 'OAuthException',
        is_transient: false,
        code: 100,
        fbtrace_id: 'AoL5dmtgAsBjF9DyEU3Bk4M',
      },
    },
    expect: { retryable: false },
  },
  {
    name: 'Temporal ApplicationFailure nonRetryable true on 500 (an inverted flag)',
    status: 500,
    body: { message: 'card declined', applicationFailureInfo: { type: 'CardDeclined', nonRetryable: true } },
    expect: { retryable: false },
  },
  {
    name: 'non_retryable false on 503 stays retryable',
    status: 503,
    body: { error: { code: 'unavailable', message: 'try later', non_retryable: false } },
    expect: { retryable: true },
  },
  {
    name: 'a temporary flag on 400 (Go net.Error Temporary(), Apple CloudKit-style flags)',
    status: 400,
    body: { error: { code: 'NODE_BUSY', message: 'Node is busy', temporary: true } },
    expect: { retryable: true },
  },
  {
    name: 'Elasticsearch circuit_breaking_exception durability PERMANENT on 429 (ES CircuitBreakingException)',
    status: 429,
    body: {
      error: {
        root_cause: [
          {
            type: 'circuit_breaking_exception',
            reason: '[parent] Data too large',
            bytes_wanted: 1,
            bytes_limit: 1,
            durability: 'PERMANENT',
          },
        ],
        type: 'circuit_breaking_exception',
        reason:
          '[parent] Data too large, data for [<http_request>] would be [123848638/118.1mb], which is larger than the limit of [123273216/117.5mb]',
        bytes_wanted: 123848638,
        bytes_limit: 123273216,
        durability: 'PERMANENT',
      },
      status: 429,
    },
    expect: { retryable: false },
  },
  {
    name: 'Elasticsearch circuit_breaking_exception durability TRANSIENT on 429',
    status: 429,
    body: {
      error: {
        type: 'circuit_breaking_exception',
        reason: '[parent] Data too large, data for [<transport_request>] would be larger than the limit',
        bytes_wanted: 123848638,
        bytes_limit: 123273216,
        durability: 'TRANSIENT',
      },
      status: 429,
    },
    expect: { retryable: true },
  },
  {
    name: 'Elasticsearch es_rejected_execution_exception on 429 (rejected-requests docs: retry with backoff)',
    status: 429,
    body: {
      error: {
        type: 'es_rejected_execution_exception',
        reason:
          'rejected execution of coordinating operation [coordinating_and_primary_bytes=0, replica_bytes=0, all_bytes=0, coordinating_operation_bytes=1, max_coordinating_and_primary_bytes=0]',
      },
      status: 429,
    },
    expect: { retryable: true },
  },
];

/** Server waits in headers and body fields the SDKs read. */
const WAITS: Variant[] = [
  {
    name: 'x-amz-retry-after in milliseconds (botocore ExponentialBackoff._RETRY_AFTER_HEADER)',
    status: 503,
    headers: { 'x-amz-retry-after': '1500' },
    body: { __type: 'ServiceUnavailable', message: 'Service is unavailable' },
    expect: { retryable: true, retryAfterSeconds: 1.5 },
  },
  {
    name: 'Kubernetes Status details.retryAfterSeconds on 429 (apimachinery SuggestsClientDelay)',
    status: 429,
    body: {
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      message: 'storage is (re)initializing',
      reason: 'TooManyRequests',
      details: { retryAfterSeconds: 1 },
      code: 429,
    },
    expect: { retryable: true, retryAfterSeconds: 1 },
  },
  {
    name: 'Google Ads QuotaErrorDetails.retry_delay (a protobuf duration) on 429',
    status: 429,
    body: {
      error: {
        code: 429,
        status: 'RESOURCE_EXHAUSTED',
        message: 'Resource has been exhausted (e.g. check quota).',
        details: [
          {
            '@type': 'type.googleapis.com/google.ads.googleads.v17.errors.GoogleAdsFailure',
            errors: [
              {
                errorCode: { quotaError: 'RESOURCE_TEMPORARILY_EXHAUSTED' },
                message: 'Too many requests. Retry in 30 seconds.',
                details: {
                  quotaErrorDetails: {
                    rateScope: 'DEVELOPER',
                    rateName: 'Number of operations for basic access',
                    retryDelay: '30s',
                  },
                },
              },
            ],
          },
        ],
      },
    },
    expect: { retryable: true, retryAfterSeconds: 30 },
  },
];

/** 2xx envelopes whose own status says failed, and the reverse that must stay successes. */
const ENVELOPES: Variant[] = [
  {
    name: 'Etherscan status "0" NOTOK rate limit (docs.etherscan.io common-error-messages)',
    status: 200,
    body: { status: '0', message: 'NOTOK', result: 'Max rate limit reached, please use API Key for higher rate limit' },
    expect: { failure: true, retryable: true },
  },
  {
    name: 'Etherscan status "0" NOTOK invalid key is a fix',
    status: 200,
    body: { status: '0', message: 'NOTOK', result: 'Invalid API Key' },
    expect: { failure: true, retryable: false, message: 'Invalid API Key' },
  },
  {
    name: 'Etherscan status "1" OK with a warning in the message stays a success (counter-example)',
    status: 200,
    body: {
      status: '1',
      message: 'OK-Missing/Invalid API Key, rate limit of 1/5sec applied',
      result: '595623370144773018344492',
    },
    expect: { failure: false },
  },
  {
    name: 'Google Geocoding REQUEST_DENIED with error_message (GeocodingStatus)',
    status: 200,
    body: { error_message: 'The provided API key is invalid.', results: [], status: 'REQUEST_DENIED' },
    expect: { failure: true, retryable: false, message: 'The provided API key is invalid.' },
  },
  {
    name: 'Google Geocoding UNKNOWN_ERROR: "may succeed if you try again"',
    status: 200,
    body: { results: [], status: 'UNKNOWN_ERROR' },
    expect: { failure: true, retryable: true },
  },
  {
    name: 'Google Geocoding OVER_QUERY_LIMIT on a rate ("gone over the requests limit in too short a period")',
    status: 200,
    body: { error_message: 'You have exceeded your rate-limit for this API.', results: [], status: 'OVER_QUERY_LIMIT' },
    expect: { failure: true, retryable: true },
  },
  {
    name: 'Google Geocoding INVALID_REQUEST is a fix',
    status: 200,
    body: {
      error_message: "Invalid request. Missing the 'address', 'components', 'latlng' or 'place_id' parameter.",
      results: [],
      status: 'INVALID_REQUEST',
    },
    expect: { failure: true, retryable: false },
  },
  {
    name: 'Google Geocoding ZERO_RESULTS stays a success (counter-example)',
    status: 200,
    body: { results: [], status: 'ZERO_RESULTS' },
    expect: { failure: false },
  },
  {
    name: 'WeChat errcode 45009 daily quota on 200 (developers.weixin.qq.com: "reach max api daily quota limit")',
    status: 200,
    body: { errcode: 45009, errmsg: 'reach max api daily quota limit rid: 6350ba59-531186f6-55662d08' },
    expect: { failure: true, retryable: false },
  },
  {
    name: 'WeChat errcode 0 "ok" stays a success (counter-example)',
    status: 200,
    body: { errcode: 0, errmsg: 'ok' },
    expect: { failure: false },
  },
];

/** Waits in body fields and in prose, from pasted responses and documented schemas. */
const MORE_WAITS: Variant[] = [
  {
    name: 'nextValidRequestDate in an error object on 429 (stellar-client #128 paste)',
    status: 429,
    headers: { date: 'Fri, 20 Jun 2014 00:42:21 GMT' },
    body: {
      error: { text: 'Too many requests in this time frame.', nextValidRequestDate: '2014-06-20T00:43:21.869Z' },
    },
    expect: { retryable: true, retryAfterSeconds: 60.869 },
  },
  {
    name: 'reset_at (ISO 8601) beside retry guidance on 429 (api-evangelist RateLimitResponse schema)',
    status: 429,
    headers: { date: 'Fri, 15 Mar 2024 10:30:00 GMT' },
    body: {
      error: 'RATE_LIMIT_EXCEEDED',
      message: 'Rate limit exceeded',
      limit: 100,
      remaining: 0,
      reset_at: '2024-03-15T10:31:00Z',
    },
    expect: { retryable: true, retryAfterSeconds: 60 },
  },
  {
    name: 'a wait in words: "try again after five minutes" (SampleAPIs #173, express-rate-limit message)',
    status: 429,
    body: 'Too many requests, please try again after five minutes',
    type: 'text/plain',
    expect: { retryable: true, retryAfterSeconds: 300 },
  },
  {
    name: 'a wait in words: "try again in an hour"',
    status: 429,
    body: { message: 'Too many login attempts. Please try again in an hour.' },
    expect: { retryable: true, retryAfterSeconds: 3600 },
  },
  {
    name: 'no figure: "try again in a few minutes" gives no wait (counter-example)',
    status: 429,
    body: { message: 'Too many requests. Please try again in a few minutes.' },
    expect: { retryable: true, retryAfterSeconds: null },
  },
];

/** Delay headers under other names, and institution-down codes (batch 3). */
const BATCH3: Variant[] = [
  {
    name: 'Better Auth rate limiter X-Retry-After in seconds on 429 (better-auth users read it as seconds)',
    status: 429,
    headers: { 'x-retry-after': '17' },
    body: { message: 'Too many requests. Please try again later.' },
    expect: { retryable: true, retryAfterSeconds: 17 },
  },
  {
    name: 'Bucket4j / OpenSky X-Rate-Limit-Retry-After-Seconds on 429',
    status: 429,
    headers: { 'x-rate-limit-remaining': '0', 'x-rate-limit-retry-after-seconds': '3600' },
    body: 'Too many requests',
    type: 'text/plain',
    expect: { retryable: true, retryAfterSeconds: 3600 },
  },
  {
    name: 'Retry-After still wins over X-Retry-After',
    status: 429,
    headers: { 'retry-after': '5', 'x-retry-after': '17' },
    body: { message: 'Too many requests' },
    expect: { retryAfterSeconds: 5 },
  },
  {
    name: 'Plaid INSTITUTION_DOWN on 400 (plaid.com/docs/errors/institution: down for maintenance or infrastructure)',
    status: 400,
    body: {
      error_type: 'INSTITUTION_ERROR',
      error_code: 'INSTITUTION_DOWN',
      error_message: 'this institution is not currently responding to this request. please try again soon',
      display_message:
        'This financial institution is not currently responding to requests. We apologize for the inconvenience.',
      request_id: 'm8MDnv9okwxFNBV',
    },
    expect: { errorCode: 'INSTITUTION_DOWN', errorId: 'm8MDnv9okwxFNBV', retryable: true },
  },
  {
    name: 'Plaid INSTITUTION_NOT_RESPONDING on 400',
    status: 400,
    body: {
      error_type: 'INSTITUTION_ERROR',
      error_code: 'INSTITUTION_NOT_RESPONDING',
      error_message: 'this institution is not currently responding to this request. please try again soon',
      display_message: null,
      request_id: 'HNTDNrA8F1shFEW',
    },
    expect: { errorCode: 'INSTITUTION_NOT_RESPONDING', retryable: true },
  },
  {
    name: 'Plaid INSTITUTION_NO_LONGER_SUPPORTED stays a fix (counter-example)',
    status: 400,
    body: {
      error_type: 'INSTITUTION_ERROR',
      error_code: 'INSTITUTION_NO_LONGER_SUPPORTED',
      error_message: 'this institution is no longer supported',
      display_message: null,
      request_id: 'x8MDnv9okwxFNBV',
    },
    expect: { retryable: false },
  },
  {
    name: 'Plaid ITEM_LOGIN_REQUIRED stays not retryable (counter-example)',
    status: 400,
    body: {
      error_type: 'ITEM_ERROR',
      error_code: 'ITEM_LOGIN_REQUIRED',
      error_message:
        'the login details of this item have changed (credentials, MFA, or required user action) and a user login is required to update this information.',
      display_message: null,
      request_id: 'y8MDnv9okwxFNBV',
    },
    expect: { retryable: false },
  },
  {
    name: 'a maintenance window code on 400 is transient',
    status: 400,
    body: { error: { code: 'MAINTENANCE_MODE', message: 'The API is in maintenance mode.' } },
    expect: { retryable: true },
  },
  {
    name: 'a code that names a maintenance release (a kind of project) is no outage (counter-example)',
    status: 400,
    body: { error: { code: 'wrong_maintenance_release_kind', message: 'Release target project has the wrong kind.' } },
    expect: { retryable: false },
  },
  {
    name: 'an ACCOUNT_SHUT_DOWN code is no outage (counter-example)',
    status: 403,
    body: { error: { code: 'ACCOUNT_SHUT_DOWN', message: 'This account has been shut down.' } },
    expect: { retryable: false },
  },
];

/** Flickr's `stat: "fail"` envelopes (Flickr API outage notice, gist aaronpk/6040998; flickrex getMethodInfo fixtures) and rate-limit wording that names billing (batch 4). */
const BATCH4: Variant[] = [
  {
    name: 'Flickr JSON stat fail 105 "Service currently unavailable" on 200',
    status: 200,
    body: { stat: 'fail', code: '105', message: 'Service currently unavailable (Site Disabled)' },
    expect: { failure: true, errorCode: '105', retryable: true },
  },
  {
    name: 'Flickr XML <rsp stat="fail"><err code="105"/> on 200',
    status: 200,
    type: 'text/xml; charset=utf-8',
    body: '<?xml version="1.0" encoding="utf-8" ?> <rsp stat="fail"> <err code="105" msg="Service currently unavailable (Site Disabled)" /> </rsp>',
    expect: { failure: true, retryable: true },
  },
  {
    name: 'Flickr JSON stat fail 100 "Invalid API Key" is a fix',
    status: 200,
    body: { stat: 'fail', code: 100, message: 'Invalid API Key (Key has invalid format)' },
    expect: { failure: true, retryable: false },
  },
  {
    name: 'Flickr JSON stat ok stays a success (counter-example)',
    status: 200,
    body: { stat: 'ok', method: { name: 'flickr.test.echo' } },
    expect: { failure: false },
  },
  {
    name: 'OpenAI per-minute rate limit that mentions a payment method stays retryable (gnehs/subtitle-translator #1 paste)',
    status: 429,
    body: {
      error: {
        message:
          'Rate limit reached for default-gpt-3.5-turbo in organization org-on requests per min. Limit: 20 / min. Current: 30 / min. Contact support@openai.com if you continue to have issues. Please add a payment method to your account to increase your rate limit. Visit https://platform.openai.com/account/billing to add a payment method.',
        type: 'requests',
        param: null,
        code: null,
      },
    },
    expect: { retryable: true },
  },
  {
    name: 'Anthropic per-minute token limit on 429 stays retryable (stackblitz/bolt.new #8589 paste)',
    status: 429,
    body: {
      type: 'error',
      error: {
        type: 'rate_limit_error',
        message:
          'This request would exceed the rate limit for your organization (a22cf6e6-a940-4fff-8c4c-1580816ac7be) of 1,000,000 input tokens per minute. For details, refer to: https://docs.anthropic.com/en/api/rate-limits. You can see the response headers for current usage. Please reduce the prompt length or the maximum tokens requested, or try again later. You may also contact sales at https://www.anthropic.com/contact-sales to discuss your options for a rate limit increase.',
      },
    },
    expect: { retryable: true },
  },
  {
    name: 'a per-minute limit whose message also offers an upgrade stays retryable',
    status: 429,
    body: {
      status: 'ERROR',
      request_id: 'a1b2c3d4e5',
      error: "You've exceeded the maximum requests per minute, please wait or upgrade your subscription to continue.",
    },
    expect: { retryable: true },
  },
  {
    name: 'an upgrade offer with no rate window is an exhausted plan (counter-example)',
    status: 429,
    body: { message: 'You have used all the credits of your plan. Please upgrade your subscription to continue.' },
    expect: { retryable: false },
  },
];

/** Waits written in messages, from pasted responses and SDK messages (batch 5). */
const BATCH5: Variant[] = [
  {
    name: 'Zulip "try again in 15.314237833 secs" with result:"error" on 429 (zulip/zulip #4831)',
    status: 429,
    body: { msg: 'API usage exceeded rate limit, try again in 15.314237833 secs', result: 'error' },
    expect: { retryable: true, retryAfterSeconds: 15.314 },
  },
  {
    name: 'Recurly "until your rate limit resets in 5 minutes" (recurly-client-php #145)',
    status: 429,
    type: 'application/xml',
    body: '<?xml version="1.0" encoding="UTF-8"?><error><symbol>rate_limit_exceeded</symbol><description>You have made too many API requests in the last 5 minutes. Future API requests may be ignored until your rate limit resets in 5 minutes.</description></error>',
    expect: { retryable: true, retryAfterSeconds: 300 },
  },
  {
    name: 'fly.io sprites "retry after: 30s" beside "10 per 60s" (superfly/sprites-js #12)',
    status: 429,
    body: { error: 'Rate limit exceeded (limit: 10 per 60s, retry after: 30s, upgrade: https://fly.io/upgrade)' },
    expect: { retryable: true, retryAfterSeconds: 30 },
  },
  {
    name: 'a window length is no wait: "in the last 5 minutes" alone gives none (counter-example)',
    status: 429,
    body: { message: 'You have made too many API requests in the last 5 minutes.' },
    expect: { retryable: true, retryAfterSeconds: null },
  },
];

describe('retryability and waits from SDK retry policies and vendor docs', () => {
  it.each(
    rows([
      ...AWS_CODES,
      ...LOCKS,
      ...BODY_FLAGS,
      ...WAITS,
      ...ENVELOPES,
      ...MORE_WAITS,
      ...BATCH3,
      ...BATCH4,
      ...BATCH5,
    ]),
  )('%s', (_name, v) => {
    expect(variantMismatches(v)).toEqual([]);
  });
});

// Session 19 (reach-v): retryable verdicts and waits read from retry classifiers, vendor error tables and pasted
// responses (corpus/tools/reach-v-sources.md lists each source). Each row is a response shaped as its source documents
// it, with what ../shared/fixtures/README.md says must be reported: `retryable` is whether the same request, unchanged
// and after waiting, can succeed; `retryAfterSeconds` is the server's own figure. Rows marked "guard" passed before this
// branch and keep the neighbouring behaviour in place; the others failed before it.
/** An AWS Lambda Invoke error: the code in `x-amzn-errortype`, `{Type, message}` in the body (API_Invoke "Errors"). */
function lambda(status: number, code: string, message: string, retryable: boolean, guard = ''): Variant {
  return {
    name: `AWS Lambda Invoke ${status} ${code}${guard}`,
    status,
    headers: { 'x-amzn-errortype': code, 'x-amzn-requestid': '7c1a3d2e-1111-4c1e-9a5b-1f2e3d4c5b6a' },
    body: { Type: 'User', message },
    expect: { errorCode: code, retryable },
  };
}
/** 5xx whose code names a setting that is wrong, denied or switched off: no wait fixes it. */
const SETUP_ON_5XX: Variant[] = [
  lambda(
    502,
    'KMSAccessDeniedException',
    "Lambda was unable to decrypt the environment variables because KMS access was denied. Please check the function's KMS key settings.",
    false,
  ),
  lambda(
    502,
    'InvalidSubnetIDException',
    'The Subnet ID provided in the Lambda function VPC configuration is invalid.',
    false,
  ),
  lambda(502, 'InvalidZipFileException', 'Lambda could not unzip the deployment package.', false),
  lambda(
    502,
    'InvalidSecurityGroupIDException',
    'The Security Group ID provided in the Lambda function VPC configuration is invalid.',
    false,
  ),
  lambda(502, 'InvalidRuntimeException', 'The runtime or runtime version specified is not supported.', false),
  lambda(
    502,
    'KMSDisabledException',
    'Lambda was unable to decrypt the environment variables because the KMS key used is disabled.',
    false,
  ),
  lambda(502, 'EC2AccessDeniedException', 'Need additional permissions to configure VPC settings.', false),
  lambda(
    502,
    'ENILimitReachedException',
    'Lambda was not able to create an Elastic Network Interface (ENI) in the VPC because the limit for network interfaces has been reached.',
    false,
    ' (guard)',
  ),
  lambda(
    502,
    'EC2ThrottledException',
    'Lambda was throttled by Amazon EC2 during Lambda function initialization using the execution role provided for the function.',
    true,
    ' (guard: a throttle, not a setting)',
  ),
  lambda(
    502,
    'ResourceNotReadyException',
    'The function is inactive and its VPC connection is no longer available. Wait for the VPC connection to reestablish and try again.',
    true,
    ' (guard)',
  ),
  lambda(
    502,
    'EC2UnexpectedException',
    'Lambda received an unexpected EC2 client exception while setting up for the Lambda function.',
    true,
    ' (guard)',
  ),
  lambda(
    409,
    'ResourceConflictException',
    'The operation cannot be performed at this time. An update is in progress for resource: arn:aws:lambda:us-east-1:123456789012:function:my-function',
    true,
    ' (guard)',
  ),
  lambda(
    409,
    'SnapStartNotReadyException',
    'Lambda is initializing your function. You can invoke the function when the state of your function is Active.',
    true,
    ' (guard)',
  ),
  {
    name: 'Vercel 503 DEPLOYMENT_PAUSED ("This Deployment is paused by the owner.")',
    status: 503,
    type: 'text/plain; charset=utf-8',
    headers: { 'x-vercel-error': 'DEPLOYMENT_PAUSED', 'x-vercel-id': 'fra1::tv5jv-1733606841096-7d2d5c9c18bf' },
    body: 'This Deployment is paused by the owner.\n\nDEPLOYMENT_PAUSED\n\nfra1::tv5jv-1733606841096-7d2d5c9c18bf\n',
    expect: { errorCode: 'DEPLOYMENT_PAUSED', retryable: false },
  },
  {
    name: 'Vercel 503 FUNCTION_THROTTLED stays transient (guard)',
    status: 503,
    type: 'text/plain; charset=utf-8',
    headers: { 'x-vercel-error': 'FUNCTION_THROTTLED' },
    body: 'An error occurred with your deployment\n\nFUNCTION_THROTTLED\n\niad1::abcde-1700000000000-0123456789ab\n',
    expect: { retryable: true },
  },
  {
    name: 'Vercel 508 INFINITE_LOOP_DETECTED (guard)',
    status: 508,
    type: 'text/plain; charset=utf-8',
    headers: { 'x-vercel-error': 'INFINITE_LOOP_DETECTED' },
    body: 'An error occurred with your deployment\n\nINFINITE_LOOP_DETECTED\n\niad1::abcde-1700000000000-0123456789ac\n',
    expect: { retryable: false },
  },
  {
    name: 'Fastly 500 "unknown domain … check that this domain has been added to a service"',
    status: 500,
    type: 'text/plain',
    headers: { server: 'Varnish', 'x-served-by': 'cache-fra-etou8220044-FRA' },
    body: 'Fastly error: unknown domain: shop.example.com. Please check that this domain has been added to a service.\n\nDetails: cache-fra-etou8220044-FRA\n',
    expect: { retryable: false },
  },
  {
    name: 'one-api 503 "当前分组 default 下对于模型  无可用渠道" (no channel serves the model in this group)',
    status: 503,
    body: {
      error: {
        message: '当前分组 default 下对于模型  无可用渠道 (request id: 2025121521151664761470129816750)',
        type: 'one_api_error',
      },
    },
    expect: { retryable: false },
  },
  {
    name: 'new-api 503 "No available channels for model … in group default"',
    status: 503,
    body: {
      error: {
        message: 'No available channels for model gpt-5 in group default (request id: 20250927101500123456789)',
        type: 'new_api_error',
      },
    },
    expect: { retryable: false },
  },
  {
    name: 'one-api 429 "当前分组上游负载已饱和，请稍后再试" stays transient (counter-example, reach-r)',
    status: 429,
    body: {
      error: {
        message: '当前分组上游负载已饱和，请稍后再试 (request id: 20250101000000000000000000)',
        type: 'one_api_error',
      },
    },
    expect: { retryable: true },
  },
  {
    name: 'A 5xx code that says temporarily disabled stays transient (counter-example)',
    status: 503,
    body: { code: 'SERVICE_TEMPORARILY_DISABLED', message: 'The service is temporarily disabled.' },
    expect: { retryable: true },
  },
  {
    name: 'A 500 InvalidStateException is not read as a bad setting (counter-example)',
    status: 500,
    headers: { 'x-amzn-errortype': 'InvalidStateException' },
    body: { message: 'The resource is in an invalid state.' },
    expect: { retryable: true },
  },
  {
    name: 'A 502 invalid_upstream_response blames the gateway, not a setting (counter-example, reach-r)',
    status: 502,
    body: { code: 'invalid_upstream_response', message: 'The upstream server returned an invalid response.' },
    expect: { retryable: true },
  },
  {
    name: 'A 503 rate limit whose code says access denied stays a rate limit (counter-example)',
    status: 503,
    body: { code: 'AccessDenied', message: 'Rate limit exceeded: you are being rate limited.' },
    expect: { retryable: true },
  },
];
/** Sites and accounts their owner or the host paused: waiting does not bring them back. */
const PAUSED: Variant[] = [
  {
    name: 'Netlify "Site not available: This site was paused as it reached its usage limits"',
    status: 503,
    body: '<!DOCTYPE html><html><head><title>Site not available</title></head><body><h1>Site not available</h1><p>This site was paused as it reached its usage limits. Please contact the site owner for more information.</p></body></html>',
    expect: { retryable: false },
  },
  {
    name: 'A service paused for maintenance stays transient (counter-example)',
    status: 503,
    body: { message: 'The service is paused for scheduled maintenance. Please try again later.' },
    expect: { retryable: true },
  },
];
/** 4xx that say the same request passes once a stated wait or a pending action is over. */
const NOT_YET: Variant[] = [
  {
    name: 'SQS 400 QueueDeletedRecently ("You must wait 60 seconds after deleting a queue…")',
    status: 400,
    type: 'text/xml',
    body: '<?xml version="1.0"?><ErrorResponse xmlns="http://queue.amazonaws.com/doc/2012-11-05/"><Error><Type>Sender</Type><Code>AWS.SimpleQueueService.QueueDeletedRecently</Code><Message>You must wait 60 seconds after deleting a queue before you can create another queue with the same name.</Message><Detail/></Error><RequestId>0c5a5b7e-6f3e-5d0a-9c4e-1b2a3c4d5e6f</RequestId></ErrorResponse>',
    expect: { retryable: true, retryAfterSeconds: 60 },
  },
  {
    name: 'DigitalOcean 422 "Droplet already has a pending event."',
    status: 422,
    body: { id: 'unprocessable_entity', message: 'Droplet already has a pending event.' },
    expect: { retryable: true },
  },
  {
    name: 'A 400 that asks to wait with no figure stays a fix (counter-example)',
    status: 400,
    body: { message: 'You must wait for the account to be approved before posting.' },
    expect: { retryable: false },
  },
  {
    name: 'Cloud Storage 409 conflict "The metadata for object … was edited during the operation. Please try again."',
    status: 409,
    body: {
      error: {
        code: 409,
        message: 'The metadata for object "metadata/inputs" was edited during the operation. Please try again.',
        errors: [
          {
            message: 'The metadata for object "metadata/inputs" was edited during the operation. Please try again.',
            domain: 'global',
            reason: 'conflict',
          },
        ],
      },
    },
    expect: { retryable: true },
  },
  {
    name: 'A 409 version mismatch stays a fix (counter-example)',
    status: 409,
    body: { message: 'The object was modified during the operation: version mismatch, reload and retry.' },
    expect: { retryable: false },
  },
  {
    name: 'Box 409 operation_blocked_temporary (guard)',
    status: 409,
    body: {
      type: 'error',
      status: 409,
      code: 'operation_blocked_temporary',
      message: 'The operation is blocked by another ongoing operation.',
    },
    expect: { retryable: true },
  },
  {
    name: 'Box 409 name_temporarily_reserved (guard)',
    status: 409,
    body: {
      type: 'error',
      status: 409,
      code: 'name_temporarily_reserved',
      message: 'The name is temporarily reserved.',
    },
    expect: { retryable: true },
  },
  {
    name: 'Box 409 item_name_in_use stays a fix (guard)',
    status: 409,
    body: { type: 'error', status: 409, code: 'item_name_in_use', message: 'Item with the same name already exists' },
    expect: { retryable: false },
  },
  {
    name: 'EdgeOne Pages 423 DEPLOYING (guard)',
    status: 423,
    type: 'text/plain',
    body: 'DEPLOYING',
    expect: { retryable: true },
  },
];
/** Rate limits and quotas: which wording wins. */
const RATES_AND_QUOTAS: Variant[] = [
  {
    name: 'BigQuery 403 rateLimitExceeded under PERMISSION_DENIED ("Exceeded rate limits: too many table update operations")',
    status: 403,
    body: {
      error: {
        code: 403,
        message: 'Exceeded rate limits: too many table update operations for this table.',
        errors: [
          {
            message: 'Exceeded rate limits: too many table update operations for this table.',
            domain: 'usageLimits',
            reason: 'rateLimitExceeded',
          },
        ],
        status: 'PERMISSION_DENIED',
      },
    },
    expect: { retryable: true },
  },
  {
    name: 'BigQuery 403 quotaExceeded under PERMISSION_DENIED stays a quota (counter-example)',
    status: 403,
    body: {
      error: {
        code: 403,
        message: 'Quota exceeded: Your project exceeded quota for free query bytes scanned.',
        errors: [
          {
            message: 'Quota exceeded: Your project exceeded quota for free query bytes scanned.',
            domain: 'usageLimits',
            reason: 'quotaExceeded',
          },
        ],
        status: 'PERMISSION_DENIED',
      },
    },
    expect: { retryable: false },
  },
  {
    name: 'BigQuery 400 resourcesExceeded is a fix (guard)',
    status: 400,
    body: {
      error: {
        code: 400,
        message: 'Resources exceeded during query execution: The query could not be executed in the allotted memory.',
        errors: [
          { message: 'Resources exceeded during query execution.', domain: 'global', reason: 'resourcesExceeded' },
        ],
      },
    },
    expect: { retryable: false },
  },
  {
    name: 'Algolia 403 "Operations quota exceeded, change plan to get more Operations."',
    status: 403,
    body: { message: 'Operations quota exceeded, change plan to get more Operations.', status: 403 },
    expect: { retryable: false },
  },
  {
    name: 'Algolia 403 "You have exceeded your Record quota. You’ll need to change your plan for more capacity…"',
    status: 403,
    body: {
      message:
        'You have exceeded your Record quota. You’ll need to change your plan for more capacity, or delete records. See more details at https://www.algolia.com/account/billing/details',
      status: 403,
    },
    expect: { retryable: false },
  },
  {
    name: 'A rate limit that offers a plan change but names a short wait stays retryable (counter-example)',
    status: 429,
    body: { message: 'Rate limit exceeded. Change plan to raise the limit, or retry after 20 seconds.' },
    expect: { retryable: true, retryAfterSeconds: 20 },
  },
  {
    name: 'Microsoft Graph 429 activityLimitReached ("The app or user has been throttled.") is a rate limit',
    status: 429,
    headers: { 'retry-after': '10' },
    body: {
      error: {
        code: 'activityLimitReached',
        message: 'The app or user has been throttled.',
        innerError: { 'request-id': 'b7c5b8a4-1111-4c1e-9a5b-1f2e3d4c5b6a', date: '2026-12-06T10:00:00' },
      },
    },
    expect: { retryable: true, retryAfterSeconds: 10 },
  },
  {
    name: 'A 429 DAILY_LIMIT_REACHED stays an exhausted quota (counter-example)',
    status: 429,
    body: { code: 'DAILY_LIMIT_REACHED', message: 'Limit reached.' },
    expect: { retryable: false },
  },
  {
    name: 'Salesforce 403 REQUEST_LIMIT_EXCEEDED "TotalRequests Limit exceeded." is the 24-hour org limit (guard)',
    status: 403,
    body: [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }],
    expect: { retryable: false },
  },
  {
    name: 'Backblaze B2 403 cap_exceeded (guard)',
    status: 403,
    body: {
      status: 403,
      code: 'cap_exceeded',
      message: 'Cannot download file, download bandwidth or transaction (Class B) cap exceeded.',
    },
    expect: { retryable: false },
  },
  {
    name: 'Backblaze B2 503 "… is too busy" (guard)',
    status: 503,
    body: { status: 503, code: 'service_unavailable', message: 'c001_v0001011_t0004 is too busy' },
    expect: { retryable: true },
  },
  {
    name: 'Okta 429 E0000047 (guard)',
    status: 429,
    body: {
      errorCode: 'E0000047',
      errorSummary: 'API call exceeded rate limit due to too many requests.',
      errorLink: 'E0000047',
      errorId: 'sampleQPivGUj_ND5v78vbYWW',
      errorCauses: [],
    },
    expect: { retryable: true },
  },
];
/** 2xx envelopes and protocol errors. */
const BODY_FAILURES: Variant[] = [
  {
    name: 'Kraken 200 {"error":["EGeneral:Internal error"]}',
    status: 200,
    body: { error: ['EGeneral:Internal error'] },
    expect: { failure: true, retryable: true },
  },
  {
    name: 'Kraken 200 EGeneral:Temporary lockout (guard)',
    status: 200,
    body: { error: ['EGeneral:Temporary lockout'] },
    expect: { failure: true, retryable: true },
  },
  {
    name: 'Kraken 200 EOrder:Insufficient funds (guard)',
    status: 200,
    body: { error: ['EOrder:Insufficient funds'] },
    expect: { failure: true, retryable: false },
  },
  {
    name: 'Kraken 200 EAPI:Invalid nonce (guard)',
    status: 200,
    body: { error: ['EAPI:Invalid nonce'] },
    expect: { failure: true, retryable: false },
  },
  {
    name: 'Slack 200 internal_error (guard)',
    status: 200,
    body: { ok: false, error: 'internal_error' },
    expect: { failure: true, retryable: true },
  },
  {
    name: 'Elasticsearch 503 cluster_block_exception SERVICE_UNAVAILABLE/1/state not recovered (guard)',
    status: 503,
    body: {
      error: {
        root_cause: [
          {
            type: 'cluster_block_exception',
            reason: 'blocked by: [SERVICE_UNAVAILABLE/1/state not recovered / initialized];',
          },
        ],
        type: 'cluster_block_exception',
        reason: 'blocked by: [SERVICE_UNAVAILABLE/1/state not recovered / initialized];',
      },
      status: 503,
    },
    expect: { retryable: true },
  },
  {
    name: 'Google 501 UNIMPLEMENTED (guard)',
    status: 501,
    body: {
      error: { code: 501, message: 'Operation is not implemented, or supported, or enabled.', status: 'UNIMPLEMENTED' },
    },
    expect: { retryable: false },
  },
];
/** Waits in message wordings not read before. */
const VENDOR_TABLE_WAITS: Variant[] = [
  {
    name: 'Replicate 429 "Your rate limit resets in ~30s."',
    status: 429,
    type: 'application/problem+json',
    body: '{"detail":"Request was throttled. Your rate limit resets in ~30s."}',
    expect: { retryable: true, retryAfterSeconds: 30 },
  },
  {
    name: 'Frappe 429 page "… Please try back in an hour"',
    status: 429,
    body: '<!DOCTYPE html><html><head><title>Temporarily Disabled</title></head><body><h5>Temporarily Disabled</h5><p>Too many users signed up recently, so the registration is disabled. Please try back in an hour</p></body></html>',
    expect: { retryable: true, retryAfterSeconds: 3600 },
  },
  {
    name: 'Maintenance 503 "Please try back in 60 minutes."',
    status: 503,
    body: { message: 'The site is currently undergoing scheduled maintenance. Please try back in 60 minutes.' },
    expect: { retryable: true, retryAfterSeconds: 3600 },
  },
  {
    name: 'express limiter 429 "You can make another request in 12 minutes."',
    status: 429,
    body: {
      error:
        'Please wait, you have exceeded your rate limit of 20 requests per hour. You can make another request in 12 minutes.',
    },
    expect: { retryable: true, retryAfterSeconds: 720 },
  },
  {
    name: '429 "Insights will be available again in ~45s."',
    status: 429,
    body: { message: 'AI is rate-limited. Insights will be available again in ~45s.' },
    expect: { retryable: true, retryAfterSeconds: 45 },
  },
  {
    name: '429 detail with try_again_at (an ISO time, counted from the Date header)',
    status: 429,
    headers: { date: 'Tue, 01 Jan 2030 00:00:00 GMT' },
    body: {
      detail: {
        error: 'Rate limit exceeded',
        message: 'Maximum of 100 requests per hour reached',
        try_again_at: '2030-01-01T00:10:00+00:00',
      },
    },
    expect: { retryable: true, retryAfterSeconds: 600 },
  },
  {
    name: 'A 429 "check back later" names no figure (counter-example)',
    status: 429,
    body: { message: 'Too many requests. Please check back later.' },
    expect: { retryable: true, retryAfterSeconds: null },
  },
];
describe('retryable verdicts and waits from retry classifiers and vendor error tables', () => {
  it.each(rows([...SETUP_ON_5XX, ...PAUSED, ...NOT_YET, ...RATES_AND_QUOTAS, ...BODY_FAILURES, ...VENDOR_TABLE_WAITS]))(
    '%s',
    (_name, v) => {
      expect(variantMismatches(v)).toEqual([]);
    },
  );
});
