// Class 7 of issue 13: retryability read from the code, not only the status. A 4xx whose code says to
// try later is retryable; a 403/409/429 whose code says the quota, billing or storage is exhausted is
// not (waiting does not refill it). Each row is written from a documented code.
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';
import { retryableFromCode } from './semantics';

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

// Session 18 (reach-r): retryability decided from the error code and the message, read from vendors' error-code
// tables and SDK retry classifiers (corpus/tools/reach-r-sources.md lists each source). Each row is a response
// shaped as its source documents it, with what ../shared/fixtures/README.md says must be reported: `retryable` is
// whether the same request, unchanged and after waiting, can succeed. Where a source's advice differs (a vendor
// that retries a decline after the customer acts), the README decides, and the row says so.
/** Codes that name a state that clears by itself (busy, being created or deleted, conflicting write, lock). */
const TRANSIENT_CODES: Variant[] = [
  {
    name: 'Azure Blob ContainerBeingDeleted on 409 ("The specified container is being deleted. Try operation later.")',
    status: 409,
    type: 'application/xml',
    body: '<?xml version="1.0" encoding="utf-8"?><Error><Code>ContainerBeingDeleted</Code><Message>The specified container is being deleted. Try operation later.\nRequestId:3b1c8f6e-d01e-0042-6a3c-0a9a6b000000\nTime:2026-12-06T10:00:00.0000000Z</Message></Error>',
    expect: { errorCode: 'ContainerBeingDeleted', retryable: true },
  },
  {
    name: 'Azure Blob AccountBeingCreated on 409 (blob-service error codes table)',
    status: 409,
    body: {
      error: { code: 'AccountBeingCreated', message: 'The specified account is in the process of being created.' },
    },
    expect: { errorCode: 'AccountBeingCreated', retryable: true },
  },
  {
    name: 'Azure Blob SnapshotOperationRateExceeded on 409 (a rate, not a quota)',
    status: 409,
    body: {
      error: {
        code: 'SnapshotOperationRateExceeded',
        message: 'The rate of snapshot operations against this blob is too high.',
      },
    },
    expect: { retryable: true },
  },
  {
    name: 'Azure Blob ContainerAlreadyExists on 409 stays a fix (counter-example)',
    status: 409,
    body: { error: { code: 'ContainerAlreadyExists', message: 'The specified container already exists.' } },
    expect: { retryable: false },
  },
  {
    name: 'Azure ARM AnotherOperationInProgress on 409',
    status: 409,
    body: {
      error: {
        code: 'AnotherOperationInProgress',
        message: 'Another operation on this or dependent resource is in progress.',
      },
    },
    expect: { errorCode: 'AnotherOperationInProgress', retryable: true },
  },
  {
    name: 'Azure ARM RetryableError on 400',
    status: 400,
    body: { error: { code: 'RetryableError', message: 'A retryable error occurred.' } },
    expect: { retryable: true },
  },
  {
    name: 'Azure ARM QuotaExceeded on 409 is not retryable (counter-example)',
    status: 409,
    body: {
      error: {
        code: 'QuotaExceeded',
        message: 'Operation could not be completed as it results in exceeding approved Total Regional Cores quota.',
      },
    },
    expect: { retryable: false },
  },
  {
    name: 'MongoDB WriteConflict (code 112) surfaced by an API on 409',
    status: 409,
    body: {
      error: 'WriteConflict',
      message: 'Write conflict during plan execution and yielding is disabled.',
      code: 112,
    },
    expect: { retryable: true },
  },
  {
    name: 'MongoDB DuplicateKey (11000) on 409 stays a fix (counter-example)',
    status: 409,
    body: {
      error: 'DuplicateKey',
      message: 'E11000 duplicate key error collection: test.users index: email_1 dup key',
      code: 11000,
    },
    expect: { retryable: false },
  },
  {
    name: 'Redis LOADING surfaced by an API on 400',
    status: 400,
    body: { error: 'LOADING', message: 'LOADING Redis is loading the dataset in memory' },
    expect: { retryable: true },
  },
  {
    name: 'Redis TRYAGAIN in a cluster on 400',
    status: 400,
    body: { error: { code: 'TRYAGAIN', message: 'TRYAGAIN Multiple keys request during rehashing of slot' } },
    expect: { retryable: true },
  },
  {
    name: 'Redis CLUSTERDOWN on 400',
    status: 400,
    body: { error: { code: 'CLUSTERDOWN', message: 'CLUSTERDOWN The cluster is down' } },
    expect: { retryable: true },
  },
  {
    name: 'AWS DynamoDB TransactionConflictException on 400',
    status: 400,
    body: {
      __type: 'com.amazonaws.dynamodb.v20120810#TransactionConflictException',
      message: 'Transaction is ongoing for the item',
    },
    expect: { errorCode: 'TransactionConflictException', retryable: true },
  },
  {
    name: 'AWS DynamoDB ConditionalCheckFailedException on 400 stays a fix (counter-example)',
    status: 400,
    body: {
      __type: 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException',
      message: 'The conditional request failed',
    },
    expect: { retryable: false },
  },
  {
    name: 'AWS S3 OperationAborted on 409',
    status: 409,
    type: 'application/xml',
    body: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>OperationAborted</Code><Message>A conflicting conditional operation is currently in progress against this resource. Try again.</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>',
    expect: { errorCode: 'OperationAborted', retryable: true },
  },
  {
    name: 'AWS Lambda ResourceConflictException on 409 ("another operation is in progress")',
    status: 409,
    body: {
      Type: 'User',
      message:
        'The operation cannot be performed at this time. An update is in progress for resource: arn:aws:lambda:us-east-1:123456789012:function:f',
      __type: 'ResourceConflictException',
    },
    expect: { retryable: true },
  },
  {
    name: 'AWS STS IDPCommunicationError on 400',
    status: 400,
    type: 'text/xml',
    body: '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>IDPCommunicationError</Code><Message>The request could not be fulfilled because the identity provider could not be reached.</Message></Error><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ErrorResponse>',
    expect: { errorCode: 'IDPCommunicationError', retryable: true },
  },
  {
    name: 'AWS EC2 InsufficientInstanceCapacity on 500-class advice is transient; on 400 too',
    status: 400,
    type: 'text/xml',
    body: '<Response><Errors><Error><Code>InsufficientInstanceCapacity</Code><Message>We currently do not have sufficient m5.large capacity in the Availability Zone you requested. Our system will be working on provisioning additional capacity. You can currently get m5.large capacity by not specifying an Availability Zone in your request.</Message></Error></Errors><RequestID>5f3c2b1a-1234-4cde-9f00-aa11bb22cc33</RequestID></Response>',
    expect: { retryable: true },
  },
];
/** Messages that say a database or store will let the same request through shortly. */
const TRANSIENT_MESSAGES: Variant[] = [
  {
    name: 'PostgREST 40001 serialization_failure (SQLSTATE class 40: retry the transaction)',
    status: 409,
    body: {
      code: '40001',
      details: 'Reason code: Canceled on identification as a pivot, during write.',
      hint: 'The transaction might succeed if retried.',
      message: 'could not serialize access due to read/write dependencies among transactions',
    },
    expect: { retryable: true },
  },
  {
    name: 'PostgREST 40P01 deadlock_detected on 500',
    status: 500,
    body: {
      code: '40P01',
      details: 'Process 1234 waits for ShareLock on transaction 5678; blocked by process 4321.',
      hint: 'See server log for query details.',
      message: 'deadlock detected',
    },
    expect: { retryable: true },
  },
  {
    name: 'PostgREST 55P03 lock_not_available on 409',
    status: 409,
    body: { code: '55P03', details: null, hint: null, message: 'could not obtain lock on row in relation "jobs"' },
    expect: { retryable: true },
  },
  {
    name: 'PostgREST 57014 query_canceled (statement timeout) on 500',
    status: 500,
    body: { code: '57014', details: null, hint: null, message: 'canceling statement due to statement timeout' },
    expect: { retryable: true },
  },
  {
    name: 'PostgREST 23505 unique_violation on 409 stays a fix (counter-example)',
    status: 409,
    body: {
      code: '23505',
      details: 'Key (email)=(a@b.c) already exists.',
      hint: null,
      message: 'duplicate key value violates unique constraint "users_email_key"',
    },
    expect: { retryable: false },
  },
  {
    name: 'PostgREST 23503 foreign_key_violation on 409 stays a fix (counter-example)',
    status: 409,
    body: {
      code: '23503',
      details: 'Key (team_id)=(9) is not present in table "teams".',
      hint: null,
      message: 'insert or update on table "users" violates foreign key constraint "users_team_id_fkey"',
    },
    expect: { retryable: false },
  },
  {
    name: 'MySQL ER_LOCK_DEADLOCK (1213) on 400 via an ORM error body',
    status: 400,
    body: {
      error: {
        code: 'ER_LOCK_DEADLOCK',
        errno: 1213,
        sqlMessage: 'Deadlock found when trying to get lock; try restarting transaction',
      },
    },
    expect: { retryable: true },
  },
  {
    name: 'SQLite SQLITE_BUSY surfaced on 400',
    status: 400,
    body: { error: 'SQLITE_BUSY: database is locked' },
    expect: { retryable: true },
  },
  {
    name: 'a 400 whose message says "try again later" (Firebase-style, no code)',
    status: 400,
    body: { error: { code: 400, message: 'The service is currently unavailable, please try again later.' } },
    expect: { retryable: true },
  },
  {
    name: 'a 409 "is being deleted; retry the operation later" (Azure ARM-style message, generic code)',
    status: 409,
    body: { error: { code: 'Conflict', message: 'Resource group "rg1" is being deleted. Retry the operation later.' } },
    expect: { retryable: true },
  },
  {
    name: 'a 400 "Invalid value, please try again" is a fix (counter-example: no "later")',
    status: 400,
    body: { error: { message: 'Invalid email address, please try again.' } },
    expect: { retryable: false },
  },
  {
    name: 'a 400 "invalid timeout; try again later" is a fix (counter-example: a fix word beside it)',
    status: 400,
    body: { error: { message: 'Invalid timeout parameter: must be under 60. Try again later with a valid value.' } },
    expect: { retryable: false },
  },
];
/** Payment declines whose code says a later retry of the same charge can pass (Stripe decline codes table). */
const PAYMENT_CODES: Variant[] = [
  {
    name: 'Stripe 402 card_declined with decline_code try_again_later ("attempt the payment again")',
    status: 402,
    body: {
      error: {
        type: 'card_error',
        code: 'card_declined',
        decline_code: 'try_again_later',
        message: 'Your card was declined.',
        request_log_url: 'https://dashboard.stripe.com/test/logs/req_4gHsWbLjZ0wY2P',
      },
    },
    expect: { retryable: true },
  },
  {
    name: 'Stripe 402 card_declined with decline_code issuer_not_available',
    status: 402,
    body: {
      error: {
        type: 'card_error',
        code: 'card_declined',
        decline_code: 'issuer_not_available',
        message: 'Your card was declined.',
      },
    },
    expect: { retryable: true },
  },
  {
    name: 'Stripe 402 card_declined with decline_code do_not_honor stays not retryable (counter-example)',
    status: 402,
    body: {
      error: {
        type: 'card_error',
        code: 'card_declined',
        decline_code: 'do_not_honor',
        message: 'Your card was declined.',
      },
    },
    expect: { retryable: false },
  },
  {
    name: 'Stripe 402 processing_error ("An error occurred while processing the card. Try again")',
    status: 402,
    body: {
      error: {
        type: 'card_error',
        code: 'processing_error',
        message: 'An error occurred while processing your card. Try again in a little bit.',
      },
    },
    expect: { errorCode: 'processing_error', retryable: true },
  },
  {
    name: 'Stripe 402 insufficient_funds stays not retryable (counter-example)',
    status: 402,
    body: {
      error: {
        type: 'card_error',
        code: 'card_declined',
        decline_code: 'insufficient_funds',
        message: 'Your card has insufficient funds.',
      },
    },
    expect: { retryable: false },
  },
  {
    name: 'Stripe 402 expired_card stays not retryable (counter-example)',
    status: 402,
    body: { error: { type: 'card_error', code: 'expired_card', message: 'Your card has expired.' } },
    expect: { retryable: false },
  },
  {
    name: 'Square 402/400 CARD_DECLINED_CALL_ISSUER is not retryable (counter-example)',
    status: 400,
    body: {
      errors: [
        {
          category: 'PAYMENT_METHOD_ERROR',
          code: 'CARD_DECLINED_CALL_ISSUER',
          detail: 'Card declined. Call the issuer.',
        },
      ],
    },
    expect: { retryable: false },
  },
  {
    name: 'Square 503 SERVICE_UNAVAILABLE stays transient',
    status: 503,
    body: { errors: [{ category: 'API_ERROR', code: 'SERVICE_UNAVAILABLE', detail: 'Service unavailable' }] },
    expect: { retryable: true },
  },
  {
    name: 'PayPal 422 INSTRUMENT_DECLINED is not retryable (counter-example)',
    status: 422,
    body: {
      name: 'UNPROCESSABLE_ENTITY',
      details: [
        {
          issue: 'INSTRUMENT_DECLINED',
          description:
            "The instrument presented was either declined by the processor or bank, or it can't be used for this payment.",
        },
      ],
      message: 'The requested action could not be performed, semantically incorrect, or failed business validation.',
      debug_id: '90957fca61718',
    },
    expect: { retryable: false },
  },
];
/** Quota, billing and storage on statuses that usually mean a short wait. */
const EXHAUSTED_BY_CODE: Variant[] = [
  {
    name: 'GCP ErrorInfo BILLING_DISABLED on 403',
    status: 403,
    body: {
      error: {
        code: 403,
        message: 'This API method requires billing to be enabled.',
        status: 'PERMISSION_DENIED',
        details: [
          { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'BILLING_DISABLED', domain: 'googleapis.com' },
        ],
      },
    },
    expect: { retryable: false },
  },
  {
    name: 'GCP ErrorInfo RATE_LIMIT_EXCEEDED on 429 is a short wait',
    status: 429,
    body: {
      error: {
        code: 429,
        message: "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user'",
        status: 'RESOURCE_EXHAUSTED',
        details: [
          {
            '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
            reason: 'RATE_LIMIT_EXCEEDED',
            domain: 'googleapis.com',
          },
        ],
      },
    },
    expect: { retryable: true },
  },
  {
    name: 'Google Ads RESOURCE_TEMPORARILY_EXHAUSTED on 429 is transient',
    status: 429,
    body: {
      error: {
        code: 429,
        message: 'Resource has been exhausted (e.g. check quota).',
        status: 'RESOURCE_EXHAUSTED',
        details: [
          {
            '@type': 'type.googleapis.com/google.ads.googleads.v16.errors.GoogleAdsFailure',
            errors: [
              {
                errorCode: { quotaError: 'RESOURCE_TEMPORARILY_EXHAUSTED' },
                message: 'Too many requests. Retry in 29 seconds.',
              },
            ],
          },
        ],
      },
    },
    expect: { retryable: true },
  },
  {
    name: 'Twilio 20429 on 429 is transient ("never processed and always safe to retry")',
    status: 429,
    body: {
      code: 20429,
      message: 'Too Many Requests',
      more_info: 'https://www.twilio.com/docs/errors/20429',
      status: 429,
    },
    expect: { retryable: true },
  },
  {
    name: 'Azure Storage 503 ServerBusy stays transient',
    status: 503,
    type: 'application/xml',
    body: '<?xml version="1.0" encoding="utf-8"?><Error><Code>ServerBusy</Code><Message>Ingress is over the account limit.</Message></Error>',
    expect: { retryable: true },
  },
  {
    name: 'Microsoft Graph 507 insufficientStorage is not retryable',
    status: 507,
    body: { error: { code: 'insufficientStorage', message: 'The user has reached their OneDrive storage quota.' } },
    expect: { retryable: false },
  },
];
/** A 5xx whose code blames the request: the README's "fix-the-request errors are false" outranks the status. */
const FIX_ON_5XX: Variant[] = [
  {
    name: 'a 500 with code INVALID_ARGUMENT stays a fix',
    status: 500,
    body: { error: { code: 'INVALID_ARGUMENT', message: 'Request contains an invalid argument.' } },
    expect: { retryable: false },
  },
  {
    name: 'a 500 with google.rpc FAILED_PRECONDITION stays a fix',
    status: 500,
    body: { error: { code: 500, status: 'FAILED_PRECONDITION', message: 'Precondition check failed.' } },
    expect: { retryable: false },
  },
  {
    name: 'a 500 with code INTERNAL stays transient (counter-example)',
    status: 500,
    body: { error: { code: 500, status: 'INTERNAL', message: 'Internal error encountered.' } },
    expect: { retryable: true },
  },
  {
    name: 'a 503 with google.rpc UNAVAILABLE stays transient (counter-example)',
    status: 503,
    body: { error: { code: 503, status: 'UNAVAILABLE', message: 'The service is currently unavailable.' } },
    expect: { retryable: true },
  },
];
/** Messaging, social and search APIs: codes and messages that say wait versus stop (batch 2). */
const BATCH2: Variant[] = [
  {
    name: 'Meta Graph code 2 "Service temporarily unavailable" on 500 stays transient',
    status: 500,
    body: {
      error: {
        message: 'An unexpected error has occurred. Please retry your request later.',
        type: 'OAuthException',
        is_transient: true,
        code: 2,
        fbtrace_id: 'A1b2C3d4E5f',
      },
    },
    expect: { retryable: true },
  },
  {
    name: 'Meta Graph code 368 "temporarily blocked for policies violations" on 400 stays a fix (is_transient false)',
    status: 400,
    body: {
      error: {
        message:
          'It looks like you were misusing this feature by going too fast. You\u2019ve been temporarily blocked from using it.',
        type: 'OAuthException',
        code: 368,
        is_transient: false,
        fbtrace_id: 'AbCdEf123',
      },
    },
    expect: { retryable: false },
  },
  {
    name: 'Twitter v1.1 130 "Over capacity" on 503 stays transient',
    status: 503,
    body: { errors: [{ code: 130, message: 'Over capacity' }] },
    expect: { retryable: true },
  },
  {
    name: 'Twitter v1.1 185 "User is over daily status update limit" on 403 is not retryable',
    status: 403,
    body: { errors: [{ code: 185, message: 'User is over daily status update limit.' }] },
    expect: { retryable: false },
  },
  {
    name: 'Elasticsearch es_rejected_execution_exception on 429 is transient',
    status: 429,
    body: {
      error: {
        root_cause: [
          {
            type: 'es_rejected_execution_exception',
            reason:
              'rejected execution of coordinating operation [coordinating_and_primary_bytes=0, replica_bytes=0, all_bytes=0, coordinating_operation_bytes=1, max_coordinating_and_primary_bytes=0]',
          },
        ],
        type: 'es_rejected_execution_exception',
        reason: 'rejected execution of coordinating operation',
      },
      status: 429,
    },
    expect: { retryable: true },
  },
  {
    name: 'Elasticsearch version_conflict_engine_exception on 409 stays a fix',
    status: 409,
    body: {
      error: {
        root_cause: [
          {
            type: 'version_conflict_engine_exception',
            reason:
              '[1]: version conflict, required seqNo [3], primary term [1]. current document has seqNo [4] and primary term [1]',
          },
        ],
        type: 'version_conflict_engine_exception',
        reason:
          '[1]: version conflict, required seqNo [3], primary term [1]. current document has seqNo [4] and primary term [1]',
      },
      status: 409,
    },
    expect: { retryable: false },
  },
  {
    name: 'Elasticsearch cluster_block_exception (disk watermark, read-only-allow-delete) on 429 is not a short wait',
    status: 429,
    body: {
      error: {
        root_cause: [
          {
            type: 'cluster_block_exception',
            reason:
              'index [logs] blocked by: [TOO_MANY_REQUESTS/12/disk usage exceeded flood-stage watermark, index has read-only-allow-delete block];',
          },
        ],
        type: 'cluster_block_exception',
        reason:
          'index [logs] blocked by: [TOO_MANY_REQUESTS/12/disk usage exceeded flood-stage watermark, index has read-only-allow-delete block];',
      },
      status: 429,
    },
    expect: { retryable: false },
  },
  {
    name: 'Elasticsearch unavailable_shards_exception on 503 stays transient',
    status: 503,
    body: {
      error: { type: 'unavailable_shards_exception', reason: '[logs][0] primary shard is not active Timeout: [1m]' },
      status: 503,
    },
    expect: { retryable: true },
  },
  {
    name: 'Firestore ABORTED "Too much contention" on 409 is transient',
    status: 409,
    body: {
      error: { code: 409, message: 'Too much contention on these documents. Please try again.', status: 'ABORTED' },
    },
    expect: { retryable: true },
  },
  {
    name: 'Firestore FAILED_PRECONDITION "The query requires an index" on 400 stays a fix',
    status: 400,
    body: {
      error: {
        code: 400,
        message:
          'The query requires an index. You can create it here: https://console.firebase.google.com/v1/r/project/p/firestore/indexes?create_composite=abc',
        status: 'FAILED_PRECONDITION',
      },
    },
    expect: { retryable: false },
  },
  {
    name: 'Postmark ErrorCode 412 "account has run out of credits" on 422 is not retryable',
    status: 422,
    body: {
      ErrorCode: 412,
      Message: 'Not allowed to send: Your account has run out of credits. Please purchase more to continue sending.',
    },
    expect: { retryable: false },
  },
  {
    name: 'SendGrid 401/403 "Maximum credits exceeded" is not retryable',
    status: 403,
    body: { errors: [{ field: null, message: 'Maximum credits exceeded' }] },
    expect: { retryable: false },
  },
  {
    name: 'Mailgun sandbox 403 "Free accounts are for test purposes only. Please upgrade…" is not retryable',
    status: 403,
    body: {
      message:
        'Domain example.com is not allowed to send: Free accounts are for test purposes only. Please upgrade or add the address to authorized recipients in Account Settings.',
    },
    expect: { retryable: false },
  },
  {
    name: 'Supabase Auth over_email_send_rate_limit on 429 is a rate (retryable)',
    status: 429,
    body: { code: 429, error_code: 'over_email_send_rate_limit', msg: 'email rate limit exceeded' },
    expect: { retryable: true },
  },
  {
    name: 'Twilio 21610 "Attempt to send to unsubscribed recipient" on 400 stays a fix',
    status: 400,
    body: {
      code: 21610,
      message: 'Attempt to send to unsubscribed recipient',
      more_info: 'https://www.twilio.com/docs/errors/21610',
      status: 400,
    },
    expect: { retryable: false },
  },
  {
    name: 'AWS ServiceQuotaExceededException on 402 ("maximum number of functions") is not retryable',
    status: 402,
    body: { __type: 'ServiceQuotaExceededException', message: 'You have reached the maximum number of functions' },
    expect: { retryable: false },
  },
  {
    name: 'a 429 "You have reached the maximum number of projects for your plan" is not a wait',
    status: 429,
    body: {
      error: {
        code: 'limit_exceeded',
        message: 'You have reached the maximum number of projects allowed on your plan. Upgrade to create more.',
      },
    },
    expect: { retryable: false },
  },
  {
    name: 'a 403 code ACCOUNT_SUSPENDED is not retryable',
    status: 403,
    body: { error: { code: 'ACCOUNT_SUSPENDED', message: 'This account has been suspended.' } },
    expect: { retryable: false },
  },
  {
    name: 'a 400 code "temporarily_unavailable" (OAuth 2.0 RFC 6749 §4.1.2.1) is transient',
    status: 400,
    body: {
      error: 'temporarily_unavailable',
      error_description:
        'The authorization server is currently unable to handle the request due to a temporary overloading or maintenance of the server.',
    },
    expect: { retryable: true },
  },
  {
    name: 'OAuth 2.0 slow_down (RFC 8628 device flow) on 400 is transient',
    status: 400,
    body: { error: 'slow_down', error_description: 'Polling too frequently' },
    expect: { retryable: true },
  },
  {
    name: 'OAuth 2.0 authorization_pending (RFC 8628) on 400 is transient: the same poll later succeeds',
    status: 400,
    body: { error: 'authorization_pending', error_description: 'The authorization request is still pending.' },
    expect: { retryable: true },
  },
  {
    name: 'OAuth 2.0 expired_token (RFC 8628) on 400 stays a fix (counter-example)',
    status: 400,
    body: { error: 'expired_token', error_description: 'The device_code has expired.' },
    expect: { retryable: false },
  },
  {
    name: 'Cloudflare API code 10000 "Authentication error" on 403 stays a fix; 971 "Please wait and consider throttling your request speed" on 429 is a wait',
    status: 429,
    body: {
      success: false,
      errors: [{ code: 971, message: 'Please wait and consider throttling your request speed' }],
      messages: [],
      result: null,
    },
    expect: { retryable: true },
  },
  {
    name: 'Shopify 423 "This shop is unavailable" (locked shop) on 423: the README keeps 423 retryable',
    status: 423,
    body: { errors: 'This shop is unavailable' },
    expect: { retryable: true },
  },
];
/** Batch 3: words in codes on a 5xx, busy servers in prose, Chinese envelopes. */
const BATCH3: Variant[] = [
  {
    name: 'a 500 with code InvalidParameterValue (AWS Query error code) stays a fix',
    status: 500,
    type: 'text/xml',
    body: '<ErrorResponse><Error><Type>Sender</Type><Code>InvalidParameterValue</Code><Message>Value (abc) for parameter MaxRecords is invalid.</Message></Error><RequestId>5c6f2b8d-9a1b-4c3d-8e7f-0a1b2c3d4e5f</RequestId></ErrorResponse>',
    expect: { errorCode: 'InvalidParameterValue', retryable: false },
  },
  {
    name: 'a 500 with code MissingRequiredParameter stays a fix',
    status: 500,
    body: {
      error: { code: 'MissingRequiredParameter', message: 'The request is missing a required parameter: name.' },
    },
    expect: { retryable: false },
  },
  {
    name: 'a 502 with code invalid_upstream_response stays transient (counter-example: the gateway, not the request)',
    status: 502,
    body: { error: { code: 'invalid_upstream_response', message: 'The upstream server sent an invalid response.' } },
    expect: { retryable: true },
  },
  {
    name: 'a 500 Go panic "invalid memory address or nil pointer dereference" stays transient (counter-example)',
    status: 500,
    body: { error: 'runtime error: invalid memory address or nil pointer dereference' },
    expect: { retryable: true },
  },
  {
    name: 'a 500 "index out of range" panic stays transient (counter-example)',
    status: 500,
    body: { message: 'runtime error: index out of range [3] with length 3' },
    expect: { retryable: true },
  },
  {
    name: 'a 500 "Parameter \'limit\' must be between 1 and 100" is a fix',
    status: 500,
    body: { status: 'error', message: "Parameter 'limit' must be between 1 and 100" },
    expect: { retryable: false },
  },
  {
    name: 'a 400 "Server is busy, please retry" is transient',
    status: 400,
    body: { code: 1001, msg: 'Server is busy, please retry.' },
    expect: { retryable: true },
  },
  {
    name: 'WeChat 200 errcode -1 "system error" with 系统繁忙 is transient',
    status: 200,
    body: { errcode: -1, errmsg: '系统繁忙，此时请开发者稍候再试' },
    expect: { failure: true, retryable: true },
  },
  {
    name: 'WeChat 200 errcode 40001 "invalid credential" stays a fix (counter-example)',
    status: 200,
    body: { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' },
    expect: { failure: true, retryable: false },
  },
  {
    name: 'a 2xx envelope {success:false, message:"…please try again later"} is transient',
    status: 200,
    body: { success: false, message: 'The export service is temporarily unavailable, please try again later.' },
    expect: { failure: true, retryable: true },
  },
  {
    name: 'a 2xx envelope {success:false, message:"Invalid token, please try again later"} stays a fix (counter-example)',
    status: 200,
    body: { success: false, message: 'Invalid token, please try again later.' },
    expect: { failure: true, retryable: false },
  },
  {
    name: 'Temporal-style code NonRetryableError on 503 is not retryable',
    status: 503,
    body: { error: { code: 'NonRetryableError', message: 'Workflow failed with a non-retryable application error' } },
    expect: { retryable: false },
  },
];
/** Batch 4: per-day and per-minute limits that name their own wait (Groq, OpenAI, Anthropic responses pasted into issues). */
const BATCH4: Variant[] = [
  {
    name: 'Groq 429 tokens per day (TPD) "Please try again in 9m38.016s … Upgrade to Dev Tier" is a wait, not an exhausted quota (continuedev/continue #10920)',
    status: 429,
    body: {
      error: {
        message:
          'Rate limit reached for model `llama-3.3-70b-versatile` in organization `org_01kjh7p9n8f1qs6nz2bz77vy6b` service tier `on_demand` on tokens per day (TPD): Limit 100000, Used 97050, Requested 3619. Please try again in 9m38.016s. Need more tokens? Upgrade to Dev Tier today at https://console.groq.com/settings/billing',
        type: 'tokens',
        code: 'rate_limit_exceeded',
      },
    },
    expect: { errorCode: 'rate_limit_exceeded', retryable: true },
  },
  {
    name: 'Groq 429 tokens per minute "Please try again in 50.597142857s" (danielmiessler/Fabric #364)',
    status: 429,
    body: {
      error: {
        message:
          'Rate limit reached for model `llama3-70b-8192` in organization `org_01hrsvc1b8ey0anvbgha0xckf2` on tokens per minute (TPM): Limit 7000, Used 0, Requested ~12903. Please try again in 50.597142857s. Visit https://console.groq.com/docs/rate-limits for more information.',
        type: 'tokens',
        code: 'rate_limit_exceeded',
      },
    },
    expect: { retryable: true },
  },
  {
    name: 'Groq 413/429 "Request too large for model … please reduce your message size" is not a wait (elizaOS/eliza #4040)',
    status: 429,
    body: {
      error: {
        message:
          'Request too large for model `llama-3.1-8b-instant` in organization `xxxx` service tier `on_demand` on tokens per minute (TPM): Limit 6000, Requested 6294, please reduce your message size and try again. Visit https://console.groq.com/docs/rate-limits for more information.',
        type: 'tokens',
        code: 'rate_limit_exceeded',
      },
    },
    expect: { retryable: false },
  },
  {
    name: 'Groq 429 with an empty window name "Please try again in 1m47.5854s" (bklieger-groq/stockbot-on-groq #46)',
    status: 429,
    body: {
      error: {
        message:
          'Rate limit reached for model `llama3-70b-8192` in organization `org_01hqm053avffh8w60ayqm1kr4a` on : Limit 500000, Used 500370, Requested 252. Please try again in 1m47.5854s. Visit https://console.groq.com/docs/rate-limits for more information.',
        type: 'tokens',
        code: 'rate_limit_exceeded',
      },
    },
    expect: { retryable: true },
  },
  {
    name: 'Anthropic 429 rate_limit_error "This request would exceed your account\'s rate limit. Please try again later." (anthropics/claude-code #64462)',
    status: 429,
    body: {
      type: 'error',
      error: {
        type: 'rate_limit_error',
        message: "This request would exceed your account's rate limit. Please try again later.",
      },
      request_id: 'req_011CbcRdccocyfM6EjMahMvQ',
    },
    expect: { retryable: true },
  },
  {
    name: 'OpenAI 429 tokens per min "Please try again in 18.642s" (semanser/codel #72)',
    status: 429,
    body: {
      error: {
        message:
          'Rate limit reached for gpt-4o in organization XXXXXXXXX on tokens per min (TPM): Limit 30000, Used 14567, Requested 24754. Please try again in 18.642s. Visit https://platform.openai.com/account/rate-limits to learn more.',
        type: 'tokens',
        param: null,
        code: 'rate_limit_exceeded',
      },
    },
    expect: { retryable: true },
  },
  {
    name: 'new-api/one-api 429 "当前分组上游负载已饱和，请稍后再试" (upstream load saturated, try later; popjane/free_chatgpt_api #65)',
    status: 429,
    body: {
      error: {
        message: '当前分组上游负载已饱和，请稍后再试 (request id: 2024121602163036521732429064585)',
        type: 'new_api_error',
        param: '',
        code: null,
      },
    },
    expect: { retryable: true },
  },
  {
    name: 'new-api 429 upstream_error with code bad_response_status_code and the same message (WEIFENG2333/VideoCaptioner #1120)',
    status: 429,
    body: {
      error: {
        message: '当前分组上游负载已饱和，请稍后再试 (request id: 20260521174921838127707FxeB1sRH)',
        type: 'upstream_error',
        param: '404',
        code: 'bad_response_status_code',
      },
    },
    expect: { retryable: true },
  },
  {
    name: 'a 400 from an LLM relay "当前分组上游负载已饱和，请稍后再试" is transient (codex-provider-hub PR #9 retries such 400s)',
    status: 400,
    body: {
      error: {
        message: '当前分组上游负载已饱和，请稍后再试 (request id: 20250423020142736330894dLoIRrS6)',
        type: 'new_api_error',
        code: null,
      },
    },
    expect: { retryable: true },
  },
];
describe('retryability from error codes and messages', () => {
  it.each(
    rows([
      ...TRANSIENT_CODES,
      ...TRANSIENT_MESSAGES,
      ...PAYMENT_CODES,
      ...EXHAUSTED_BY_CODE,
      ...FIX_ON_5XX,
      ...BATCH2,
      ...BATCH3,
      ...BATCH4,
    ]),
  )('%s', (_name, v) => {
    expect(variantMismatches(v)).toEqual([]);
  });
});

// Issue 13, classes 6 and 7, fresh shapes (session 16, reach-k): where a server writes its wait and
// what says retry or don't. Each row is written from a documented format; counter-examples keep
// figures that are not waits out, and keep fix-the-request codes from reading as transient.
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
describe('retry advice by code, body, quota period and 409 in flight (issue 13, class 7)', () => {
  it.each(rows(RETRY_BY_CODE))('retryable by code: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(NOT_RETRYABLE))('not retryable: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(BODY_FAILURE_RETRY))('2xx failure: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(PERIOD_QUOTAS))('period quota: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(CONFLICT_IN_FLIGHT))('409 in flight: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
});

// Issue 13, session 21 (fresh21b): shapes the fresh protocol/platform set (corpus/cases/fresh-s21b.json, unseen real
// responses labelled before any run) showed in its dev part; corpus/tools/fresh-s21b-sources.md names the sources.
// "counter" rows hold what must not change.
describe('a code that names a duplicate is not retryable, even beside a timeout word', () => {
  it.each([
    ['timeout-or-duplicate', false],
    ['DUPLICATE_TRANSACTION', false],
    ['token_already_used', false],
    ['already-redeemed', false],
  ] as const)('%s', (code, want) => expect(retryableFromCode(code)).toBe(want));
  it.each([
    // counters: a duplicate still being processed passes later; a plain timeout stays transient
    ['duplicate_request_in_progress', true],
    ['request_timeout', true],
  ] as const)('counter: %s', (code, want) => expect(retryableFromCode(code)).toBe(want));
});

// Issue 13, session 21 (fresh21c): shapes the fresh set corpus/cases/fresh-s21c.json (unseen vendor-doc and SDK-fixture
// responses, labelled before any run) showed in its dev part; corpus/tools/fresh-s21c-sources.md names the sources.
// Values differ from the corpus cases; "counter" rows pin the successes the rules must leave alone.
const TOO_FREQUENT: Variant[] = [
  {
    name: 'a code that says calls come too frequently is retryable (Amap ACCESS_TOO_FREQUENT-like)',
    status: 200,
    body: { status: '0', info: 'REQUEST_TOO_FREQUENT', infocode: '10021' },
    expect: { failure: true, retryable: true },
  },
  {
    name: 'a 400 whose code says the calls are too frequent is retryable',
    status: 400,
    body: { code: 'CALLS_TOO_FREQUENT', message: 'Calls exceed the allowed frequency' },
    expect: { retryable: true },
  },
  {
    name: 'counter: a code that says a field is invalid stays not retryable',
    status: 400,
    body: { code: 'INVALID_FREQUENCY', message: 'frequency must be one of daily, weekly' },
    expect: { retryable: false },
  },
];
describe('too-frequent codes', () => {
  it.each(rows(TOO_FREQUENT))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

// Issue 13, session 22 (tune22f): principles behind the misses of the fresh set fresh-s22f's dev half
// (corpus/cases/fresh-s22f.json; sources in corpus/tools/fresh-s22f-sources.md). Each table covers a class of
// responses, not one response: several spellings and envelopes, with counters that must keep their verdict.
const CREDENTIALS_WRONG_ON_5XX: Variant[] = [
  {
    name: 'a 500 whose code says the password is invalid (noun first): not retryable',
    status: 500,
    body: { Code: 'AccountPasswordInvalid', Message: 'Publisher account password failed', TypeName: 'FaultException' },
    expect: { failure: true, errorCode: 'AccountPasswordInvalid', retryable: false },
  },
  {
    name: 'a 500 whose code says the session is not valid',
    status: 500,
    body: { Code: 'SessionNotValid', Message: 'Error in the application.' },
    expect: { failure: true, errorCode: 'SessionNotValid', retryable: false },
  },
  {
    name: 'a 503 with `TOKEN_EXPIRED`',
    status: 503,
    body: { error: { code: 'TOKEN_EXPIRED', message: 'Something went wrong' } },
    expect: { failure: true, errorCode: 'TOKEN_EXPIRED', retryable: false },
  },
  {
    name: 'a 502 with `credentials_incorrect`',
    status: 502,
    body: { errorCode: 'credentials_incorrect', errorMessage: 'Upstream login failed' },
    expect: { failure: true, errorCode: 'credentials_incorrect', retryable: false },
  },
  {
    name: 'counter: a 503 `SessionStoreUnavailable` stays retryable',
    status: 503,
    body: { Code: 'SessionStoreUnavailable', Message: 'Error in the application.' },
    expect: { failure: true, retryable: true },
  },
  {
    name: 'counter: a 500 `TokenServiceTimeout` stays retryable',
    status: 500,
    body: { code: 'TokenServiceTimeout', message: 'Internal error' },
    expect: { failure: true, retryable: true },
  },
];
describe('a 5xx whose code says the credentials or session are wrong, in either word order', () => {
  it.each(rows(CREDENTIALS_WRONG_ON_5XX))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
const SIZE_EXCEEDED_ON_5XX: Variant[] = [
  {
    name: 'a 500 "Context size has been exceeded.": the request is over a fixed size, not retryable',
    status: 500,
    body: { error: { code: 500, message: 'Context size has been exceeded.', type: 'server_error' } },
    expect: { failure: true, message: 'Context size has been exceeded.', retryable: false },
  },
  {
    name: 'a 502 "Payload length exceeded"',
    status: 502,
    body: { message: 'Payload length exceeded' },
    expect: { failure: true, retryable: false },
  },
  {
    name: 'a 500 "Maximum upload size exceeded"',
    status: 500,
    body: { error: 'Maximum upload size exceeded' },
    expect: { failure: true, retryable: false },
  },
  {
    name: 'a 503 "Request entity too large"',
    status: 503,
    body: { detail: 'Request entity too large' },
    expect: { failure: true, retryable: false },
  },
  {
    name: 'counter: a 500 "Rate limit exceeded" stays retryable',
    status: 500,
    body: { message: 'Rate limit exceeded' },
    expect: { failure: true, retryable: true },
  },
  {
    name: 'counter: a 503 "Queue size exceeded, try again in 5 seconds" is the server\'s queue: retryable',
    status: 503,
    body: { message: 'Queue size exceeded, try again in 5 seconds' },
    expect: { failure: true, retryable: true },
  },
  {
    name: 'counter: a 500 "Bandwidth limit exceeded" stays retryable',
    status: 500,
    body: { message: 'Bandwidth limit exceeded' },
    expect: { failure: true, retryable: true },
  },
];
describe('a 5xx whose message says the request is over a size', () => {
  it.each(rows(SIZE_EXCEEDED_ON_5XX))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
