// Session 18 (reach-r): retryability decided from the error code and the message, read from vendors' error-code
// tables and SDK retry classifiers (corpus/tools/reach-r-sources.md lists each source). Each row is a response
// shaped as its source documents it, with what ../shared/fixtures/README.md says must be reported: `retryable` is
// whether the same request, unchanged and after waiting, can succeed. Where a source's advice differs (a vendor
// that retries a decline after the customer acts), the README decides, and the row says so.
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

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
const EXHAUSTED: Variant[] = [
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

describe('reach-r: retryability from error codes and messages', () => {
  it.each(
    rows([
      ...TRANSIENT_CODES,
      ...TRANSIENT_MESSAGES,
      ...PAYMENT_CODES,
      ...EXHAUSTED,
      ...FIX_ON_5XX,
      ...BATCH2,
      ...BATCH3,
      ...BATCH4,
    ]),
  )('%s', (_name, v) => {
    expect(variantMismatches(v)).toEqual([]);
  });
});
