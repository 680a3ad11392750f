// Session 19 (reach-v): retryable verdicts and waits read from retry classifiers, vendor error tables and pasted
// responses (corpus/tools/reach-v-sources.md lists each source). Each row is a response shaped as its source documents
// it, with what ../shared/fixtures/README.md says must be reported: `retryable` is whether the same request, unchanged
// and after waiting, can succeed; `retryAfterSeconds` is the server's own figure. Rows marked "guard" passed before this
// branch and keep the neighbouring behaviour in place; the others failed before it.
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

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
const WAITS: Variant[] = [
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

describe('reach-v: retryable verdicts and waits from retry classifiers and vendor error tables', () => {
  it.each(rows([...SETUP_ON_5XX, ...PAUSED, ...NOT_YET, ...RATES_AND_QUOTAS, ...BODY_FAILURES, ...WAITS]))(
    '%s',
    (_name, v) => {
      expect(variantMismatches(v)).toEqual([]);
    },
  );
});
