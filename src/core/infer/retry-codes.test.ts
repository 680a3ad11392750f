// Class 7 of issue 13: retryability read from the code, not only the status. A 4xx whose code says to
// try later is retryable; a 403/409/429 whose code says the quota, billing or storage is exhausted is
// not (waiting does not refill it). Each row is written from a documented code.
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const TRY_LATER: Variant[] = [
  {
    name: 'OAuth temporarily_unavailable on 400 (RFC 6749)',
    status: 400,
    body: {
      error: 'temporarily_unavailable',
      error_description: 'The authorization server is temporarily unable to handle the request.',
    },
    expect: { errorCode: 'temporarily_unavailable', retryable: true },
  },
  {
    name: 'OAuth device flow slow_down on 400 (RFC 8628)',
    status: 400,
    body: { error: 'slow_down', error_description: 'Polling too fast' },
    expect: { errorCode: 'slow_down', retryable: true },
  },
  {
    name: 'OAuth device flow authorization_pending on 400 (RFC 8628)',
    status: 400,
    body: { error: 'authorization_pending', error_description: 'The user has not yet completed authorization' },
    expect: { errorCode: 'authorization_pending', retryable: true },
  },
  {
    name: 'Firebase TOO_MANY_ATTEMPTS_TRY_LATER on 400',
    status: 400,
    body: {
      error: {
        code: 400,
        message: 'TOO_MANY_ATTEMPTS_TRY_LATER : Too many unsuccessful login attempts. Please try again later.',
        errors: [{ message: 'TOO_MANY_ATTEMPTS_TRY_LATER', domain: 'global', reason: 'invalid' }],
      },
    },
    expect: { retryable: true },
  },
  {
    name: 'Azure ServerBusy on 400',
    status: 400,
    body: {
      error: {
        code: 'ServerBusy',
        message: 'The server is currently unable to receive requests. Please retry your request.',
      },
    },
    expect: { errorCode: 'ServerBusy', retryable: true },
  },
  {
    name: 'OperationInProgress on 409',
    status: 409,
    body: { error: { code: 'OperationInProgress', message: 'Another operation is in progress on this resource.' } },
    expect: { errorCode: 'OperationInProgress', retryable: true },
  },
  {
    name: 'RequestThrottled on 403',
    status: 403,
    body: { code: 'RequestThrottled', message: 'Request was throttled.' },
    expect: { errorCode: 'RequestThrottled', retryable: true },
  },
  {
    name: 'Google userRateLimitExceeded on 403',
    status: 403,
    body: {
      error: {
        code: 403,
        message: 'User Rate Limit Exceeded',
        errors: [{ domain: 'usageLimits', reason: 'userRateLimitExceeded', message: 'User Rate Limit Exceeded' }],
      },
    },
    expect: { retryable: true },
  },
  {
    name: 'ResourceBusy on 400',
    status: 400,
    body: { error: { code: 'ResourceBusy', message: 'The resource is busy.' } },
    expect: { retryable: true },
  },
  {
    name: 'LOCK_TIMEOUT on 409',
    status: 409,
    body: { errorCode: 'LOCK_TIMEOUT', message: 'Could not obtain a lock.' },
    expect: { errorCode: 'LOCK_TIMEOUT', retryable: true },
  },
  {
    name: 'concurrent_request_limit on 429',
    status: 429,
    body: { error: { code: 'concurrent_request_limit_exceeded', message: 'Too many concurrent requests.' } },
    expect: { retryable: true },
  },
  {
    name: 'rate_limit_exceeded on 429 stays retryable',
    status: 429,
    body: { error: { code: 'rate_limit_exceeded', message: 'Rate limit exceeded.' } },
    expect: { retryable: true },
  },
  {
    name: 'a 2xx body failure whose code says try later',
    status: 200,
    body: { ok: false, error: 'ratelimited' },
    expect: { failure: true, retryable: true },
  },
  {
    name: 'a 2xx body failure: service_unavailable code',
    status: 200,
    body: { success: false, error: { code: 'SERVICE_UNAVAILABLE', message: 'Service temporarily unavailable' } },
    expect: { failure: true, retryable: true },
  },
  {
    name: 'an OAuth try-later code on 400 (form-encoded)',
    status: 400,
    body: 'error=slow_down&error_description=Too+many+polls',
    type: 'application/x-www-form-urlencoded',
    expect: { errorCode: 'slow_down', retryable: true },
  },
];

const EXHAUSTED: Variant[] = [
  {
    name: 'insufficient_quota on 429 (OpenAI)',
    status: 429,
    body: {
      error: {
        message: 'You exceeded your current quota, please check your plan and billing details.',
        type: 'insufficient_quota',
        code: 'insufficient_quota',
      },
    },
    expect: { retryable: false },
  },
  {
    name: 'Google dailyLimitExceeded on 403',
    status: 403,
    body: {
      error: {
        code: 403,
        message: 'Daily Limit Exceeded',
        errors: [{ domain: 'usageLimits', reason: 'dailyLimitExceeded', message: 'Daily Limit Exceeded' }],
      },
    },
    expect: { retryable: false },
  },
  {
    name: 'Google storageQuotaExceeded on 403',
    status: 403,
    body: {
      error: {
        code: 403,
        message: "The user's Drive storage quota has been exceeded.",
        errors: [
          {
            domain: 'usageLimits',
            reason: 'storageQuotaExceeded',
            message: "The user's Drive storage quota has been exceeded.",
          },
        ],
      },
    },
    expect: { retryable: false },
  },
  {
    name: 'Dropbox insufficient_space on 409',
    status: 409,
    body: {
      error_summary: 'path/insufficient_space/..',
      error: { '.tag': 'path', path: { '.tag': 'insufficient_space' } },
    },
    expect: { retryable: false },
  },
  {
    name: 'monthly_limit_exceeded on 429',
    status: 429,
    body: { error: { code: 'monthly_limit_exceeded', message: 'You have used all requests for this month.' } },
    expect: { retryable: false },
  },
  {
    name: 'DAILY_QUOTA_EXCEEDED on 429',
    status: 429,
    body: { errorCode: 'DAILY_QUOTA_EXCEEDED', message: 'Daily quota exceeded.' },
    expect: { retryable: false },
  },
  {
    name: 'QuotaExceeded on 403 (Azure)',
    status: 403,
    body: { error: { code: 'QuotaExceeded', message: 'Operation results in exceeding quota limits of Core.' } },
    expect: { retryable: false },
  },
  {
    name: 'billing_not_active on 403',
    status: 403,
    body: {
      error: {
        code: 'billing_not_active',
        message: 'Your account is not active, please check your billing details on our website.',
      },
    },
    expect: { retryable: false },
  },
  {
    name: 'BillingNotEnabled on 403',
    status: 403,
    body: { error: { code: 'BillingNotEnabled', message: 'Billing is not enabled for this project.' } },
    expect: { retryable: false },
  },
  {
    name: 'insufficient_funds on 402',
    status: 402,
    body: { error: { code: 'insufficient_funds', message: 'Insufficient funds.' } },
    expect: { retryable: false },
  },
  {
    name: 'credits_exhausted on 429',
    status: 429,
    body: { error: 'credits_exhausted', message: 'You have no credits left.' },
    expect: { retryable: false },
  },
  {
    name: 'out_of_credits on 403',
    status: 403,
    body: { code: 'out_of_credits', message: 'Top up to continue.' },
    expect: { retryable: false },
  },
  {
    name: 'usage_limit_exceeded on 429',
    status: 429,
    body: { error: { type: 'usage_limit_exceeded', message: 'You have reached your usage limit.' } },
    expect: { retryable: false },
  },
  {
    name: 'plan_limit_reached on 403',
    status: 403,
    body: { error: 'plan_limit_reached', message: 'Upgrade to create more projects.' },
    expect: { retryable: false },
  },
  {
    name: 'free tier limit on 429',
    status: 429,
    body: { error: { code: 'FREE_TIER_LIMIT_EXCEEDED', message: 'Free tier limit exceeded.' } },
    expect: { retryable: false },
  },
  {
    name: 'storage_limit_exceeded on 409',
    status: 409,
    body: { error: { code: 'storage_limit_exceeded', message: 'Workspace storage is full.' } },
    expect: { retryable: false },
  },
  {
    name: 'subscription_expired on 403',
    status: 403,
    body: { error: { code: 'subscription_expired', message: 'Your subscription has expired.' } },
    expect: { retryable: false },
  },
  {
    name: 'trial_expired on 403',
    status: 403,
    body: { error: { code: 'trial_expired', message: 'Your trial has ended.' } },
    expect: { retryable: false },
  },
  {
    name: 'a message-only quota on 429 (monthly)',
    status: 429,
    body: { message: 'You have exceeded your monthly quota. Please upgrade your plan.' },
    expect: { retryable: false },
  },
  {
    name: 'a per-minute rate quota stays retryable',
    status: 429,
    body: { error: { code: 'RATE_QUOTA_EXCEEDED', message: 'Requests per minute quota exceeded.' } },
    expect: { retryable: true },
  },
];

/** Codes that name something to fix: never retryable, whatever they mention. */
const FIX: Variant[] = [
  {
    name: 'invalid_timeout on 400',
    status: 400,
    body: { error: { code: 'invalid_timeout', message: 'timeout must be positive' } },
    expect: { retryable: false },
  },
  {
    name: 'missing_retry_policy on 400',
    status: 400,
    body: { error: { code: 'missing_retry_policy', message: 'retry policy is required' } },
    expect: { retryable: false },
  },
  {
    name: 'invalid_request on 500',
    status: 500,
    body: { error: { code: 'invalid_request', message: 'The request body is not valid JSON.' } },
    expect: { retryable: false },
  },
  {
    name: 'ValidationError on 500',
    status: 500,
    body: { error: { code: 'ValidationError', message: 'name is required' } },
    expect: { retryable: false },
  },
  {
    name: 'forbidden on 403 stays not retryable',
    status: 403,
    body: { error: 'forbidden', message: 'No access to this project' },
    expect: { retryable: false },
  },
];

/** Codes of clouds and storage vendors (AWS, Google, Azure, Apigee, Backblaze, Microsoft Graph, Docker Hub, Stripe, OpenAI). */
const CLOUD_CODES: Variant[] = [
  {
    name: 'DynamoDB ProvisionedThroughputExceededException on 400',
    status: 400,
    headers: { 'x-amzn-requestid': 'ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCD' },
    body: {
      __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
      message:
        'The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.',
    },
    type: 'application/x-amz-json-1.0',
    expect: { retryable: true },
  },
  {
    name: 'Route 53 PriorRequestNotComplete on 400',
    status: 400,
    body: '<?xml version="1.0"?>\n<ErrorResponse xmlns="https://route53.amazonaws.com/doc/2013-04-01/"><Error><Type>Sender</Type><Code>PriorRequestNotComplete</Code><Message>The request was rejected because Route 53 was still processing a prior request.</Message></Error><RequestId>8f1c2b3a-4d5e-6f70-8192-a3b4c5d6e7f8</RequestId></ErrorResponse>',
    type: 'text/xml',
    expect: { errorCode: 'PriorRequestNotComplete', retryable: true },
  },
  {
    name: 'Google ABORTED on 409 (contention)',
    status: 409,
    body: {
      error: {
        code: 409,
        message: 'Too much contention on these datastore entities. please try again.',
        status: 'ABORTED',
      },
    },
    expect: { retryable: true },
  },
  {
    name: 'Azure SubscriptionRequestsThrottled on 429',
    status: 429,
    body: {
      error: {
        code: 'SubscriptionRequestsThrottled',
        message: 'Number of read requests for subscription exceeded the limit.',
      },
    },
    expect: { retryable: true },
  },
  {
    name: 'Apigee SpikeArrestViolation on 429',
    status: 429,
    body: {
      fault: {
        faultstring: 'Spike arrest violation. Allowed rate : 10ps',
        detail: { errorcode: 'policies.ratelimiting.SpikeArrestViolation' },
      },
    },
    expect: { errorCode: 'policies.ratelimiting.SpikeArrestViolation', retryable: true },
  },
  {
    name: 'Backblaze B2 cap_exceeded on 403',
    status: 403,
    body: { status: 403, code: 'cap_exceeded', message: 'Cannot upload files, storage cap exceeded.' },
    expect: { errorCode: 'cap_exceeded', retryable: false },
  },
  {
    name: 'Backblaze B2 download_cap_exceeded on 403',
    status: 403,
    body: {
      status: 403,
      code: 'download_cap_exceeded',
      message: 'Cannot download file, download bandwidth or transaction (Class B) cap exceeded.',
    },
    expect: { retryable: false },
  },
  {
    name: 'Microsoft Graph quotaLimitReached on 507',
    status: 507,
    body: { error: { code: 'quotaLimitReached', message: 'Insufficient Storage' } },
    expect: { retryable: false },
  },
  {
    name: 'Docker Hub pull limit: only upgrading raises it',
    status: 429,
    body: {
      errors: [
        {
          code: 'TOOMANYREQUESTS',
          message:
            'You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit',
        },
      ],
    },
    expect: { retryable: false },
  },
  {
    name: 'Stripe balance_insufficient on 400',
    status: 400,
    body: {
      error: {
        code: 'balance_insufficient',
        message: 'You have insufficient available funds in your Stripe account.',
        type: 'invalid_request_error',
      },
    },
    expect: { retryable: false },
  },
  {
    name: 'OpenAI billing_hard_limit_reached on 400',
    status: 400,
    body: {
      error: {
        code: 'billing_hard_limit_reached',
        message: 'Billing hard limit has been reached',
        type: 'invalid_request_error',
      },
    },
    expect: { retryable: false },
  },
];

/** Third pass: timeouts and locks as codes, on 4xx. */
const MORE_CODES: Variant[] = [
  {
    name: 'S3 RequestTimeout on 400',
    status: 400,
    body: '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>RequestTimeout</Code><Message>Your socket connection to the server was not read from or written to within the timeout period. Idle connections will be closed.</Message><RequestId>4442587FB7D0A2F9</RequestId><HostId>abc=</HostId></Error>',
    type: 'application/xml',
    expect: { errorCode: 'RequestTimeout', retryable: true },
  },
  {
    name: 'Stripe lock_timeout on 429',
    status: 429,
    body: {
      error: {
        code: 'lock_timeout',
        message:
          'This object cannot be accessed right now because another API request or Stripe process is currently accessing it.',
        type: 'invalid_request_error',
      },
    },
    expect: { retryable: true },
  },
  {
    name: 'a 409 whose code says the resource is locked',
    status: 409,
    body: { error: { code: 'resource_locked', message: 'The resource is locked by another operation.' } },
    expect: { retryable: true },
  },
  {
    name: 'a 400 whose code says the job is still running',
    status: 400,
    body: { error: { code: 'JOB_STILL_RUNNING', message: 'The export is not ready yet.' } },
    expect: { retryable: true },
  },
  {
    name: 'a 429 whose code says a per-minute limit',
    status: 429,
    body: { error: { code: 'per_minute_limit_exceeded', message: 'Slow down.' } },
    expect: { retryable: true },
  },
];

/** Fresh formats of session 15 (corpus/cases/reach-d.json): gateway rate-limit quotas are rates; storage and monthly quotas are not. */
const FRESH_CODES: Variant[] = [
  {
    name: 'Apigee QuotaViolation on 429 is a rate limit',
    status: 429,
    body: {
      fault: {
        faultstring: 'Rate limit quota violation. Quota limit exceeded. Identifier : _default',
        detail: { errorcode: 'policies.ratelimit.QuotaViolation' },
      },
    },
    expect: { errorCode: 'policies.ratelimit.QuotaViolation', retryable: true },
  },
  {
    name: 'Apigee QuotaViolation on its old default 500',
    status: 500,
    body: {
      fault: {
        faultstring: 'Rate limit quota violation. Quota limit exceeded. Identifier : _default',
        detail: { errorcode: 'policies.ratelimit.QuotaViolation' },
      },
    },
    expect: { retryable: true },
  },
  {
    name: 'Apigee SpikeArrestViolation',
    status: 429,
    body: {
      fault: {
        faultstring: 'Spike arrest violation. Allowed rate : 10ps',
        detail: { errorcode: 'policies.ratelimit.SpikeArrestViolation' },
      },
    },
    expect: { retryable: true },
  },
  {
    name: 'ratelimit_quota_exceeded',
    status: 429,
    body: { error: { code: 'ratelimit_quota_exceeded', message: 'Slow down' } },
    expect: { retryable: true },
  },
  {
    name: 'AWS query-protocol Throttling on 400 (Route 53)',
    status: 400,
    type: 'text/xml',
    body: '<?xml version="1.0"?>\n<ErrorResponse xmlns="https://route53.amazonaws.com/doc/2013-04-01/"><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>c4aa67a4-d9b3-11e0-bbf6-2d3eee7674ab</RequestId></ErrorResponse>',
    expect: { errorCode: 'Throttling', retryable: true },
  },
  {
    name: 'Google Calendar rateLimitExceeded on 403',
    status: 403,
    body: {
      error: {
        errors: [{ domain: 'usageLimits', reason: 'rateLimitExceeded', message: 'Rate Limit Exceeded' }],
        code: 403,
        message: 'Rate Limit Exceeded',
      },
    },
    expect: { retryable: true },
  },
  {
    name: 'a monthly quota stays exhausted',
    status: 429,
    body: { error: { code: 'monthly_quota_exceeded', message: 'Your monthly quota is used up' } },
    expect: { retryable: false },
  },
  {
    name: 'a storage quota stays exhausted',
    status: 403,
    body: { error: { code: 'storage_quota_exceeded', message: 'The account storage is full' } },
    expect: { retryable: false },
  },
  {
    name: 'fullSyncRequired on 410 is a request to change',
    status: 410,
    body: {
      error: {
        errors: [
          {
            domain: 'calendar',
            reason: 'fullSyncRequired',
            message: 'Sync token is no longer valid, a full sync is required.',
          },
        ],
        code: 410,
        message: 'Sync token is no longer valid, a full sync is required.',
      },
    },
    expect: { retryable: false },
  },
  {
    name: 'Increase insufficient balance on 409',
    status: 409,
    body: {
      type: 'invalid_operation_error',
      status: 409,
      title: "The action you specified can't be performed on the object in its current state.",
      detail: "There's an insufficient balance in the account.",
    },
    expect: { retryable: false },
  },

  {
    name: 'PriorRequestNotComplete on 400 (Route 53)',
    status: 400,
    body: {
      error: {
        code: 'PriorRequestNotComplete',
        message: 'The request was rejected because Route 53 was still processing a prior request.',
      },
    },
    expect: { retryable: true },
  },
  {
    name: 'ProvisionedThroughputExceededException on 400 (DynamoDB)',
    status: 400,
    type: 'application/x-amz-json-1.0',
    body: {
      __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
      message: 'The level of configured provisioned throughput for the table was exceeded.',
    },
    expect: { retryable: true },
  },
  {
    name: 'BandwidthLimitExceeded on 400',
    status: 400,
    body: { error: { code: 'BandwidthLimitExceeded', message: 'Bandwidth limit exceeded' } },
    expect: { retryable: true },
  },
  {
    name: 'NotEnoughSpace on 507',
    status: 507,
    body: { error: { code: 'NotEnoughSpace', message: 'Not enough space on the drive' } },
    expect: { retryable: false },
  },
  {
    name: 'Salesforce REQUEST_LIMIT_EXCEEDED (a daily allowance) stays not retryable',
    status: 403,
    body: [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }],
    expect: { retryable: false },
  },

  {
    name: 'OpenAI "Request too large" on 429: no wait lets it through',
    status: 429,
    body: {
      error: {
        message:
          'Request too large for gpt-4 in organization org-abc on tokens per min (TPM): Limit 10000, Requested 12000. The input or output tokens must be reduced in order to run successfully.',
        type: 'tokens',
        param: null,
        code: 'rate_limit_exceeded',
      },
    },
    expect: { retryable: false },
  },
  {
    name: 'OpenAI rate_limit_exceeded with a wait stays retryable',
    status: 429,
    body: {
      error: {
        message:
          'Rate limit reached for gpt-4 in organization org-abc on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 20s.',
        type: 'requests',
        param: null,
        code: 'rate_limit_exceeded',
      },
    },
    expect: { retryable: true, retryAfterSeconds: 20 },
  },
  {
    name: 'a daily request limit in the message',
    status: 429,
    body: { message: 'You have reached your daily request limit of 1000. It resets at midnight UTC.' },
    expect: { retryable: false },
  },
  {
    name: 'a per-minute quota in the message stays retryable',
    status: 429,
    body: { message: 'Quota exceeded: 60 requests per minute. Try again later.' },
    expect: { retryable: true },
  },
];

describe('retryability from the code (issue 13, class 7)', () => {
  it.each(rows(TRY_LATER))('try later: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(EXHAUSTED))('exhausted: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(FIX))('fix the request: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(CLOUD_CODES))('cloud code: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(MORE_CODES))('more: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(FRESH_CODES))('fresh format: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
});
