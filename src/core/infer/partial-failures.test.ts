// Issue 13, class 2, reach-s: failure verdicts of 2xx answers that carry several operations, and the
// look-alikes that must stay successes. One table per rule; every row's shape comes from the public
// source named beside it (corpus/tools/reach-s-sources.md lists the pages). Before this change 34 of
// the first 104 probe rows failed; the rows kept here are the ones the new rules decide, plus their
// counter-examples (all of which passed before and must keep passing).
import { describe, expect, it } from 'vitest';
import { classify } from '../classify';
import { batchItemFailure } from './batch-items';
import { multistatusFailure } from './xml';
import { jsonLinesFailure } from './json-lines';
import { runtimeErrorOutput } from './runtime-errors';
import { partialRowMismatches, type PartialRow } from '../testing/partial-rows';

/** A row of this file: a partial expectation, and the HTTP status the advice should read when a sub-response failed. */
interface Row extends PartialRow {
  failure: boolean;
  httpEquivalent?: number;
}

const run = (rows: Row[]): void =>
  it.each(rows.map((r) => [r.name, r] as const))('%s', (_n, r) =>
    expect(partialRowMismatches(r, 'https://api.example.test/v1/batch')).toEqual([]),
  );

// Sub-responses with their own HTTP status: Microsoft Graph JSON batching (learn.microsoft.com/graph/json-batching),
// Salesforce Composite (`compositeResponse[].httpStatusCode`) and Composite Batch (`hasErrors`, `results[].statusCode`),
// Facebook Graph batch requests (`[{code, headers, body: "<json>"}]`).
const SUB_RESPONSES: Row[] = [
  {
    name: 'Graph $batch: one sub-response 403 with an error body',
    body: {
      responses: [
        { id: '1', status: 200, headers: {}, body: { id: 'u1' } },
        {
          id: '2',
          status: 403,
          headers: { 'Content-Type': 'application/json' },
          body: { error: { code: 'Forbidden', message: 'Insufficient privileges to complete the operation.' } },
        },
      ],
    },
    failure: true,
    code: 'Forbidden',
    messageHas: 'Insufficient privileges',
    httpEquivalent: 403,
  },
  {
    name: 'Graph $batch: a throttled sub-response (429) is advised as a 429',
    body: {
      responses: [
        {
          id: '1',
          status: 429,
          headers: { 'Retry-After': '10' },
          body: { error: { code: 'TooManyRequests', message: 'Too many requests.' } },
        },
      ],
    },
    failure: true,
    code: 'TooManyRequests',
    httpEquivalent: 429,
  },
  {
    name: 'Salesforce composite: subrequest 404 with an error list body',
    body: {
      compositeResponse: [
        {
          body: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }],
          httpHeaders: {},
          httpStatusCode: 404,
          referenceId: 'refAccount',
        },
      ],
    },
    failure: true,
    code: 'NOT_FOUND',
    messageHas: 'does not exist',
  },
  {
    name: 'Salesforce composite batch: hasErrors with a result list',
    body: {
      hasErrors: true,
      results: [
        { statusCode: 204, result: null },
        {
          statusCode: 400,
          result: [{ errorCode: 'INVALID_FIELD', message: "No such column 'Foo' on sobject of type Account" }],
        },
      ],
    },
    failure: true,
    code: 'INVALID_FIELD',
  },
  {
    name: 'Facebook batch: a sub-response body that is JSON text',
    body: [
      { code: 200, headers: [], body: '{"id":"1"}' },
      {
        code: 400,
        headers: [],
        body: '{"error":{"message":"Invalid OAuth access token.","type":"OAuthException","code":190}}',
      },
    ],
    failure: true,
    messageHas: 'Invalid OAuth access token',
  },
];
const SUB_RESPONSES_OK: Row[] = [
  {
    name: 'Graph $batch: all sub-responses 2xx (the client’s own ids are not errors)',
    body: {
      responses: [
        { id: '1', status: 200, headers: {}, body: { id: 'u1', displayName: 'Ada' } },
        { id: '2', status: 204, body: null },
        { id: '3', status: 201, body: { id: 'e1' } },
      ],
    },
    failure: false,
  },
  {
    name: 'Salesforce composite: subrequest 201 with success true and errors []',
    body: {
      compositeResponse: [
        {
          body: { id: '001R00000033I6AIAU', success: true, errors: [] },
          httpHeaders: { Location: '/services/data/v60.0/sobjects/Account/001R00000033I6AIAU' },
          httpStatusCode: 201,
          referenceId: 'refAccount',
        },
      ],
    },
    failure: false,
  },
  {
    name: 'Salesforce composite batch: hasErrors false',
    body: { hasErrors: false, results: [{ statusCode: 204, result: null }] },
    failure: false,
  },
  {
    name: 'a list of checked URLs with their statuses (no body beside the status): data',
    body: {
      checks: [
        { url: 'https://a.example', status: 404, region: 'eu', ms: 120, at: '2026-01-01T00:00:00Z' },
        { url: 'https://b.example', status: 200, region: 'eu', ms: 80, at: '2026-01-01T00:00:00Z' },
      ],
    },
    failure: false,
  },
];

// Failed-item lists and failed-item counts: AWS SQS/SNS batch (`Successful`/`Failed`), Kinesis PutRecords
// (`FailedRecordCount`, `Records[].ErrorCode`), EventBridge PutEvents (`FailedEntryCount`), Firehose
// PutRecordBatch (`FailedPutCount`, `RequestResponses`), BigQuery insertAll (`insertErrors`), Elasticsearch
// `_update_by_query` (`failures[].cause`), VK `execute` (`execute_errors`), Google Ads partial failure
// (`partialFailureError`), FCM legacy HTTP (`success`/`failure` counts, `results[].error`).
const FAILED_LISTS: Row[] = [
  {
    name: 'SQS SendMessageBatch: Failed entry beside an empty Successful',
    body: {
      Successful: [],
      Failed: [
        {
          Id: 'm1',
          SenderFault: true,
          Code: 'InvalidParameterValue',
          Message: 'Message must be shorter than 262144 bytes.',
        },
      ],
    },
    failure: true,
    code: 'InvalidParameterValue',
  },
  {
    name: 'SNS PublishBatch: a Failed entry beside successful ones',
    body: {
      Successful: [{ Id: 'a', MessageId: '7c2a5f1e-0000-4000-8000-000000000000' }],
      Failed: [
        { Id: 'b', Code: 'InvalidParameter', Message: 'Invalid parameter: Message too long', SenderFault: true },
      ],
    },
    failure: true,
    code: 'InvalidParameter',
  },
  {
    name: 'Kinesis PutRecords: FailedRecordCount 1, the failed record names the code',
    body: {
      FailedRecordCount: 1,
      Records: [
        { SequenceNumber: '49543463076548007577105092703039560359975228518395019266', ShardId: 'shardId-000000000000' },
        {
          ErrorCode: 'ProvisionedThroughputExceededException',
          ErrorMessage:
            'Rate exceeded for shard shardId-000000000001 in stream exampleStreamName under account 111111111111.',
        },
      ],
    },
    failure: true,
    code: 'ProvisionedThroughputExceededException',
  },
  {
    name: 'EventBridge PutEvents: FailedEntryCount 1',
    body: {
      FailedEntryCount: 1,
      Entries: [
        { EventId: '11710aed-b79e-4468-a20b-bb3c0c3b4860' },
        { ErrorCode: 'InternalFailure', ErrorMessage: 'Internal Service Failure' },
      ],
    },
    failure: true,
    code: 'InternalFailure',
  },
  {
    name: 'Firehose PutRecordBatch: FailedPutCount 1',
    body: {
      FailedPutCount: 1,
      Encrypted: false,
      RequestResponses: [{ ErrorCode: 'ServiceUnavailableException', ErrorMessage: 'Slow down.' }],
    },
    failure: true,
    code: 'ServiceUnavailableException',
  },
  {
    name: 'BigQuery insertAll: insertErrors',
    body: {
      kind: 'bigquery#tableDataInsertAllResponse',
      insertErrors: [
        { index: 0, errors: [{ reason: 'invalid', location: 'amount', debugInfo: '', message: 'no such field.' }] },
      ],
    },
    failure: true,
    messageHas: 'no such field',
  },
  {
    name: 'Elasticsearch _update_by_query: failures with a cause',
    body: {
      took: 147,
      timed_out: false,
      total: 5,
      updated: 4,
      version_conflicts: 1,
      failures: [
        {
          index: 'my-index',
          id: '3',
          cause: {
            type: 'version_conflict_engine_exception',
            reason:
              '[3]: version conflict, required seqNo [1], primary term [1]. current document has seqNo [2] and primary term [1]',
          },
          status: 409,
        },
      ],
    },
    failure: true,
    code: 'version_conflict_engine_exception',
  },
  {
    name: 'VK execute: execute_errors beside a response',
    body: {
      response: [null],
      execute_errors: [{ method: 'users.get', error_code: 113, error_msg: 'Invalid user id' }],
    },
    failure: true,
    messageHas: 'Invalid user id',
  },
  {
    name: 'Google Ads: partialFailureError beside the results',
    body: {
      results: [{}, { resourceName: 'customers/1234567890/campaigns/2' }],
      partialFailureError: {
        code: 3,
        message: 'Multiple errors in ‘details’. First error: Resource name is malformed.',
        details: [],
      },
    },
    failure: true,
    messageHas: 'Resource name is malformed',
  },
  {
    name: 'FCM legacy: success 0, failure 1, results[0].error',
    body: { multicast_id: 216, success: 0, failure: 1, canonical_ids: 0, results: [{ error: 'InvalidRegistration' }] },
    failure: true,
    code: 'InvalidRegistration',
  },
];
const FAILED_LISTS_OK: Row[] = [
  {
    name: 'SQS batch: Failed []',
    body: { Successful: [{ Id: 'm1', MessageId: 'a', MD5OfMessageBody: 'b' }], Failed: [] },
    failure: false,
  },
  {
    name: 'Kinesis: FailedRecordCount 0',
    body: { FailedRecordCount: 0, Records: [{ SequenceNumber: '4954', ShardId: 'shardId-000000000001' }] },
    failure: false,
  },
  {
    name: 'BigQuery insertAll without insertErrors',
    body: { kind: 'bigquery#tableDataInsertAllResponse' },
    failure: false,
  },
  {
    name: 'Elasticsearch _update_by_query: failures []',
    body: {
      took: 147,
      timed_out: false,
      total: 5,
      updated: 5,
      deleted: 0,
      batches: 1,
      version_conflicts: 0,
      noops: 0,
      failures: [],
    },
    failure: false,
  },
  {
    name: 'FCM legacy: success 1, failure 0',
    body: { multicast_id: 108, success: 1, failure: 0, canonical_ids: 0, results: [{ message_id: '1:08' }] },
    failure: false,
  },
  {
    name: 'job statistics: an error count without failed items is data',
    body: { processed: 1200, failed: 3, errorCount: 3, queues: ['default'], latency: 0.2 },
    failure: false,
  },
  {
    name: 'a list named failed with no success list beside it (a dashboard’s failed jobs) is data',
    body: { failed: [{ jid: 'a1', class: 'HardWorker', error_message: 'boom', failed_at: 1700000000 }] },
    failure: false,
  },
  {
    name: 'Google Ads: partialFailureError empty',
    body: { results: [{ resourceName: 'customers/1/campaigns/2' }], partialFailureError: {} },
    failure: false,
  },
];

// Per-item results judged one by one: Salesforce sObject Collections (`[{id, success, errors}]`), Azure AI Search
// indexing (207, `value[].status`/`errorMessage`/`statusCode`), Clickatell (`messages[].accepted`), Postmark batch
// (`[{ErrorCode, Message}]`, 200 even when items fail), Vonage SMS (`messages[].status` "2" + `error-text`), Confluent
// REST Proxy v2 produce (`offsets[].error_code`/`error`), CouchDB `_bulk_docs` (201, `[{id, error, reason}]`),
// InfluxDB 1.x `/query` (200, `results[].error`), Expo push tickets (`data[].status` "error"), Adobe Commerce
// Marketplace batch (`[{code, message}]`), QuickBooks Online batch (`BatchItemResponse[].Fault`).
const ITEMS: Row[] = [
  {
    name: 'Salesforce sObject Collections: the second record failed',
    body: [
      { id: '001RM000003oLnnYAE', success: true, errors: [] },
      {
        success: false,
        errors: [{ statusCode: 'MALFORMED_ID', message: 'malformed id 001RM000003oLrfYAE', fields: [] }],
      },
    ],
    failure: true,
    messageHas: 'malformed id',
  },
  {
    name: 'Azure AI Search 207: status false with errorMessage',
    status: 207,
    body: {
      value: [
        { key: '1', status: true, errorMessage: null, statusCode: 201 },
        { key: '2', status: false, errorMessage: 'Document not found.', statusCode: 404 },
      ],
    },
    failure: true,
    messageHas: 'Document not found',
  },
  {
    name: 'Clickatell: accepted false with an error',
    body: {
      messages: [
        {
          apiMessageId: null,
          accepted: false,
          to: '2799900001',
          errorCode: 105,
          error: 'Invalid destination address',
          errorDescription: 'The destination address you specified is invalid.',
        },
      ],
      errorCode: null,
      error: null,
      errorDescription: null,
    },
    failure: true,
  },
  {
    name: 'Postmark batch: ErrorCode 406 beside an ErrorCode 0',
    body: [
      {
        ErrorCode: 0,
        Message: 'OK',
        MessageID: 'b7bc2f4a-e38e-4336-af7d-e6c392c2f817',
        SubmittedAt: '2010-11-26T12:01:05.1794748-05:00',
        To: 'receiver1@example.com',
      },
      { ErrorCode: 406, Message: 'You tried to send to a recipient that has been marked as inactive.' },
    ],
    failure: true,
    messageHas: 'marked as inactive',
  },
  {
    name: 'Vonage SMS: status "2" with error-text',
    body: { 'message-count': '1', messages: [{ to: '447700900000', status: '2', 'error-text': 'Missing to param' }] },
    failure: true,
    messageHas: 'Missing to param',
  },
  {
    name: 'Confluent REST Proxy: offsets[].error_code',
    body: {
      key_schema_id: null,
      value_schema_id: 32,
      offsets: [{ partition: null, offset: null, error_code: 40403, error: 'Schema not found' }],
    },
    failure: true,
    messageHas: 'Schema not found',
  },
  {
    name: 'CouchDB _bulk_docs 201: a conflict item',
    status: 201,
    body: [
      { ok: true, id: 'FishStew', rev: '1-967a00dff5e02add41819138abb3284d' },
      { id: 'LambStew', error: 'conflict', reason: 'Document update conflict.' },
    ],
    failure: true,
    messageHas: 'Document update conflict',
  },
  {
    name: 'InfluxDB /query 200: a statement error',
    body: { results: [{ statement_id: 0, error: 'database not found: mydb' }] },
    failure: true,
    messageHas: 'database not found',
  },
  {
    name: 'InfluxDB: the second statement failed',
    body: {
      results: [
        { statement_id: 0, series: [{ name: 'cpu', columns: ['time'], values: [] }] },
        { statement_id: 1, error: 'retention policy not found: rp1' },
      ],
    },
    failure: true,
    messageHas: 'retention policy not found',
  },
  {
    name: 'Expo push: an error ticket after an ok ticket',
    body: {
      data: [
        { status: 'ok', id: 'XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX' },
        {
          status: 'error',
          message: '"ExponentPushToken[xxxxxxxxxxxxxxxxxxxxxx]" is not a registered push notification recipient',
          details: { error: 'DeviceNotRegistered' },
        },
      ],
    },
    failure: true,
    messageHas: 'not a registered push notification recipient',
  },
  {
    name: 'Adobe Commerce Marketplace batch: a non-200 code with a message',
    body: [
      { code: 1208, message: 'Insufficient information for Technical Submission' },
      { code: 200, message: 'Success', sku: 'vendor/package', submission_id: 'abc' },
    ],
    failure: true,
    messageHas: 'Insufficient information',
  },
  {
    name: 'QuickBooks batch: BatchItemResponse Fault',
    body: {
      BatchItemResponse: [
        {
          Fault: {
            Error: [
              {
                Message: 'Object Not Found',
                Detail: "Object Not Found : Something you're trying to use has been made inactive.",
                code: '610',
                element: '',
              },
            ],
            type: 'ValidationFault',
          },
          bId: 'bid1',
        },
      ],
      time: '2015-07-15T07:27:57.397-07:00',
    },
    failure: true,
    messageHas: 'Object Not Found',
  },
];
ITEMS.push(
  {
    name: 'Firestore batchWrite: status[] of google.rpc.Status, the second failed',
    body: {
      writeResults: [{ updateTime: '2026-01-01T00:00:00Z' }, {}],
      status: [{}, { code: 6, message: 'Document already exists: projects/p/databases/(default)/documents/c/d' }],
    },
    failure: true,
    messageHas: 'Document already exists',
  },
  {
    name: 'Elasticsearch _msearch: a response with an error and status 404',
    body: {
      took: 3,
      responses: [
        {
          error: {
            root_cause: [{ type: 'index_not_found_exception', reason: 'no such index [nope]' }],
            type: 'index_not_found_exception',
            reason: 'no such index [nope]',
          },
          status: 404,
        },
      ],
    },
    failure: true,
    code: 'index_not_found_exception',
  },
  {
    name: 'Elasticsearch _mget: a doc with an error',
    body: {
      docs: [
        { _index: 'nope', _id: '1', error: { type: 'index_not_found_exception', reason: 'no such index [nope]' } },
      ],
    },
    failure: true,
    code: 'index_not_found_exception',
  },
);
const ITEMS_OK: Row[] = [
  {
    name: 'Firestore batchWrite: every status empty (OK)',
    body: { writeResults: [{ updateTime: '2026-01-01T00:00:00Z' }], status: [{}] },
    failure: false,
  },
  {
    name: 'Elasticsearch _mget: a doc not found is an answer, not a failure',
    body: { docs: [{ _index: 'idx', _id: '2', found: false }] },
    failure: false,
  },
  {
    name: 'Stripe list: a failed charge is a record, not a failed call',
    body: {
      object: 'list',
      url: '/v1/charges',
      has_more: false,
      data: [
        {
          id: 'ch_1',
          object: 'charge',
          status: 'failed',
          failure_code: 'card_declined',
          failure_message: 'Your card was declined.',
          amount: 100,
          currency: 'usd',
        },
      ],
    },
    failure: false,
  },
  {
    name: 'Salesforce collections: all success',
    body: [
      { id: '001RM000003oLnnYAE', success: true, errors: [] },
      { id: '001RM000003oLoMYAU', success: true, errors: [] },
    ],
    failure: false,
  },
  {
    name: 'Azure AI Search 200: every status true',
    body: { value: [{ key: '1', status: true, errorMessage: null, statusCode: 201 }] },
    failure: false,
  },
  {
    name: 'Postmark batch: every ErrorCode 0',
    body: [
      {
        ErrorCode: 0,
        Message: 'OK',
        MessageID: 'b7bc2f4a-e38e-4336-af7d-e6c392c2f817',
        SubmittedAt: '2010-11-26T12:01:05.1794748-05:00',
        To: 'receiver1@example.com',
      },
    ],
    failure: false,
  },
  {
    name: 'Vonage SMS: status "0"',
    body: {
      'message-count': '1',
      messages: [
        {
          to: '447700900000',
          'message-id': '0A0000000123ABCD1',
          status: '0',
          'remaining-balance': '3.14159265',
          'message-price': '0.03330000',
          network: '12345',
        },
      ],
    },
    failure: false,
  },
  {
    name: 'Confluent REST Proxy: error_code null',
    body: {
      key_schema_id: null,
      value_schema_id: null,
      offsets: [{ partition: 2, offset: 100, error_code: null, error: null }],
    },
    failure: false,
  },
  {
    name: 'CouchDB _bulk_docs: all ok',
    status: 201,
    body: [{ ok: true, id: 'FishStew', rev: '1-967a00dff5e02add41819138abb3284d' }],
    failure: false,
  },
  {
    name: 'InfluxDB: series only',
    body: { results: [{ statement_id: 0, series: [{ name: 'cpu', columns: ['time'], values: [] }] }] },
    failure: false,
  },
  {
    name: 'Expo push: ok tickets',
    body: { data: [{ status: 'ok', id: 'XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX' }] },
    failure: false,
  },
  {
    name: 'Marketo: success true with a skipped item (its own verdict wins)',
    body: {
      requestId: 'e42b#14272d07d78',
      result: [
        { id: 50, status: 'created' },
        { status: 'skipped', reasons: [{ code: '1005', message: 'Lead already exists' }] },
      ],
      success: true,
    },
    failure: false,
  },
  {
    name: 'a list of records whose error field is data (sync jobs with a state)',
    body: {
      jobs: [
        { id: 'j1', state: 'failed', error: 'timeout after 30s' },
        { id: 'j2', state: 'done', error: null },
      ],
    },
    failure: false,
  },
  {
    name: 'a list of large records with an error field is data',
    body: {
      items: [
        {
          id: 1,
          name: 'a',
          owner: 'x',
          created: 1,
          updated: 2,
          kind: 'k',
          region: 'eu',
          size: 3,
          tags: [],
          error: 'quota warning',
        },
      ],
    },
    failure: false,
  },
  {
    name: 'a list of records with status words and ids (builds)',
    body: { data: [{ id: 'b1', status: 'error', message: 'Build failed' }] },
    failure: false,
  },
];

// GraphQL mutation payloads that report failure under `data`: Shopify Admin/Storefront `userErrors` and
// `customerUserErrors` (shopify.dev DisplayableError), Magento/Adobe Commerce `user_errors` (addProductsToCart),
// Saleor `errors` with field/code, Vendure ErrorResult union members (`errorCode`, `message`).
const PAYLOADS: Row[] = [
  {
    name: 'Shopify productCreate userErrors',
    url: 'https://shop.example.test/admin/api/2024-01/graphql.json',
    body: {
      data: { productCreate: { product: null, userErrors: [{ field: ['title'], message: "Title can't be blank" }] } },
      extensions: { cost: {} },
    },
    failure: true,
    messageHas: "Title can't be blank",
  },
  {
    name: 'Shopify Storefront customerUserErrors with a code',
    url: 'https://shop.example.test/api/2024-01/graphql.json',
    body: {
      data: {
        customerCreate: {
          customer: null,
          customerUserErrors: [{ code: 'TAKEN', field: ['input', 'email'], message: 'Email has already been taken' }],
        },
      },
    },
    failure: true,
    code: 'TAKEN',
  },
  {
    name: 'Saleor tokenCreate errors with field and code',
    url: 'https://x.example.test/graphql/',
    body: {
      data: {
        tokenCreate: {
          token: null,
          errors: [{ field: 'email', code: 'INVALID_CREDENTIALS', message: 'Please, enter valid credentials' }],
        },
      },
    },
    failure: true,
    code: 'INVALID_CREDENTIALS',
  },
  {
    name: 'Vendure ErrorResult in the mutation payload',
    url: 'https://x.example.test/shop-api',
    body: {
      data: {
        addItemToOrder: {
          __typename: 'InsufficientStockError',
          errorCode: 'INSUFFICIENT_STOCK_ERROR',
          message: 'Only 2 items were added to the order due to insufficient stock',
        },
      },
    },
    failure: true,
    code: 'INSUFFICIENT_STOCK_ERROR',
  },
  {
    name: 'Magento addProductsToCart user_errors',
    url: 'https://x.example.test/graphql',
    body: {
      data: {
        addProductsToCart: {
          cart: { items: [] },
          user_errors: [{ code: 'PRODUCT_NOT_FOUND', message: 'Could not find a product with SKU "xyz"' }],
        },
      },
    },
    failure: true,
    code: 'PRODUCT_NOT_FOUND',
  },
];
const PAYLOADS_OK: Row[] = [
  {
    name: 'Shopify userErrors []',
    url: 'https://shop.example.test/admin/api/2024-01/graphql.json',
    body: { data: { productCreate: { product: { id: 'gid://shopify/Product/1' }, userErrors: [] } } },
    failure: false,
  },
  {
    name: 'Vendure success member (an Order, no errorCode)',
    url: 'https://x.example.test/shop-api',
    body: { data: { addItemToOrder: { __typename: 'Order', id: '1', code: 'T3ZXN8G4', total: 1200 } } },
    failure: false,
  },
  {
    name: 'a REST payload with an errors list of strings under data is data',
    body: { data: { report: { errors: ['line 3: skipped'], rows: 10 } } },
    failure: false,
  },
];

// XML: AWS Query batch answers (SQS `BatchResultErrorEntry`, SNS PublishBatch `<Failed><member>`), and WebDAV 207
// Multi-Status (RFC 4918 §13 and §9.6.1: a DELETE reports a locked member; RFC 6578 §3.5: a sync-collection
// report lists deleted members as 404).
const XML: Row[] = [
  {
    name: 'SQS SendMessageBatch XML: a BatchResultErrorEntry',
    contentType: 'text/xml',
    body: '<SendMessageBatchResponse><SendMessageBatchResult><SendMessageBatchResultEntry><Id>a</Id><MessageId>b</MessageId></SendMessageBatchResultEntry><BatchResultErrorEntry><Id>c</Id><Code>InvalidParameterValue</Code><Message>Message too long</Message><SenderFault>true</SenderFault></BatchResultErrorEntry></SendMessageBatchResult><ResponseMetadata><RequestId>x</RequestId></ResponseMetadata></SendMessageBatchResponse>',
    failure: true,
    code: 'InvalidParameterValue',
  },
  {
    name: 'SNS PublishBatch XML: a Failed member',
    contentType: 'text/xml',
    body: '<PublishBatchResponse><PublishBatchResult><Successful/><Failed><member><Id>1</Id><Code>InvalidParameter</Code><Message>Invalid parameter: TopicArn</Message><SenderFault>true</SenderFault></member></Failed></PublishBatchResult></PublishBatchResponse>',
    failure: true,
    code: 'InvalidParameter',
  },
  {
    name: 'WebDAV 207: a member locked (response-level 423)',
    status: 207,
    contentType: 'application/xml; charset="utf-8"',
    body: '<?xml version="1.0" encoding="utf-8" ?><d:multistatus xmlns:d="DAV:"><d:response><d:href>http://www.example.com/container/resource3</d:href><d:status>HTTP/1.1 423 Locked</d:status><d:error><d:lock-token-submitted/></d:error></d:response></d:multistatus>',
    failure: true,
    messageHas: '423 Locked',
  },
  {
    name: 'WebDAV 207 without a prefix: a member forbidden',
    status: 207,
    contentType: 'text/xml',
    body: '<multistatus xmlns="DAV:"><response><href>/a/b</href><status>HTTP/1.1 403 Forbidden</status></response></multistatus>',
    failure: true,
    messageHas: '403 Forbidden',
  },
];
const XML_OK: Row[] = [
  {
    name: 'SQS batch XML: all entries succeeded',
    contentType: 'text/xml',
    body: '<SendMessageBatchResponse><SendMessageBatchResult><SendMessageBatchResultEntry><Id>a</Id><MessageId>b</MessageId></SendMessageBatchResultEntry></SendMessageBatchResult></SendMessageBatchResponse>',
    failure: false,
  },
  {
    name: 'WebDAV PROPFIND 207: a property 404 inside propstat',
    status: 207,
    contentType: 'application/xml; charset="utf-8"',
    body: '<?xml version="1.0" encoding="utf-8" ?><d:multistatus xmlns:d="DAV:"><d:response><d:href>/file</d:href><d:propstat><d:prop><d:getetag>"1"</d:getetag></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat><d:propstat><d:prop><d:quota/></d:prop><d:status>HTTP/1.1 404 Not Found</d:status></d:propstat></d:response></d:multistatus>',
    failure: false,
  },
  {
    name: 'WebDAV sync-collection 207: a deleted member is 404',
    status: 207,
    contentType: 'application/xml; charset="utf-8"',
    body: '<?xml version="1.0" encoding="utf-8" ?><D:multistatus xmlns:D="DAV:"><D:response><D:href>/home/cal/x.ics</D:href><D:status>HTTP/1.1 404 Not Found</D:status></D:response><D:sync-token>http://example.com/ns/sync/1234</D:sync-token></D:multistatus>',
    failure: false,
  },
  {
    name: 'WebDAV 207: every member 200',
    status: 207,
    contentType: 'application/xml',
    body: '<d:multistatus xmlns:d="DAV:"><d:response><d:href>/a</d:href><d:status>HTTP/1.1 200 OK</d:status></d:response></d:multistatus>',
    failure: false,
  },
];

// Status words in a status field: Google Maps Platform Directions/Distance Matrix (`MAX_WAYPOINTS_EXCEEDED`,
// `MAX_ROUTE_LENGTH_EXCEEDED`, `MAX_ELEMENTS_EXCEEDED`, `MAX_DIMENSIONS_EXCEEDED`); ZERO_RESULTS stays a success.
const STATUS_WORDS: Row[] = [
  {
    name: 'Directions MAX_WAYPOINTS_EXCEEDED',
    body: {
      geocoded_waypoints: [],
      routes: [],
      status: 'MAX_WAYPOINTS_EXCEEDED',
      error_message: 'Too many waypoints in the request (26).',
    },
    failure: true,
    code: 'MAX_WAYPOINTS_EXCEEDED',
  },
  {
    name: 'Directions MAX_ROUTE_LENGTH_EXCEEDED',
    body: { routes: [], status: 'MAX_ROUTE_LENGTH_EXCEEDED' },
    failure: true,
  },
  { name: 'Distance Matrix MAX_ELEMENTS_EXCEEDED', body: { rows: [], status: 'MAX_ELEMENTS_EXCEEDED' }, failure: true },
  {
    name: 'Distance Matrix MAX_DIMENSIONS_EXCEEDED',
    body: { rows: [], status: 'MAX_DIMENSIONS_EXCEEDED' },
    failure: true,
  },
];
// Numeric-string statuses beside an error text: Vonage Verify v1 (`{request_id, status: "3", error_text}`, "0" = OK)
// and Number Insight (`status`, `status_message`). Verdicts on the data, not the call: ZeroBounce validate
// (`status: "invalid"` among ~20 fields), NeverBounce (`status: "success", result: "invalid"`).
STATUS_WORDS.push(
  {
    name: 'Vonage Verify: status "3" with error_text',
    body: { request_id: '', status: '3', error_text: 'Invalid value for param: number' },
    failure: true,
    messageHas: 'Invalid value for param',
  },
  {
    name: 'Vonage Number Insight: status 4 with status_message',
    body: { status: 4, status_message: 'Invalid credentials' },
    failure: true,
  },
  {
    name: 'Mapbox Directions: code NoRoute (listed among the API’s errors, sent with 200)',
    body: { code: 'NoRoute', message: 'No route found', routes: [] },
    failure: true,
    code: 'NoRoute',
  },
);
const STATUS_WORDS_OK: Row[] = [
  {
    name: 'Vonage Verify: status "0"',
    body: { request_id: 'abcdef0123456789abcdef0123456789', status: '0' },
    failure: false,
  },
  {
    name: 'ZeroBounce: status "invalid" is the verdict on the address, not on the call',
    body: {
      address: 'invalid@example.com',
      status: 'invalid',
      sub_status: 'mailbox_not_found',
      free_email: false,
      did_you_mean: null,
      account: null,
      domain: null,
      domain_age_days: '9692',
      smtp_provider: 'example',
      mx_found: 'true',
      mx_record: 'mx.example.com',
      firstname: 'zero',
      lastname: 'bounce',
      processed_at: '2017-04-01 02:48:02.592',
    },
    failure: false,
  },
  {
    name: 'NeverBounce: status success, result invalid',
    body: { status: 'success', result: 'invalid', flags: ['has_dns'], suggested_correction: '', execution_time: 285 },
    failure: false,
  },
  {
    name: 'Steam ResolveVanityURL: success 42 "No match" (no results)',
    body: { response: { success: 42, message: 'No match' } },
    failure: false,
  },
  { name: 'OSRM code Ok', body: { code: 'Ok', routes: [], waypoints: [] }, failure: false },
  {
    name: 'Elasticsearch search with a failed shard returns hits: partial results, not a failed call',
    body: {
      took: 1,
      timed_out: false,
      _shards: {
        total: 2,
        successful: 1,
        skipped: 0,
        failed: 1,
        failures: [{ shard: 0, index: 'i', reason: { type: 'x', reason: 'y' } }],
      },
      hits: { total: { value: 0 }, hits: [] },
    },
    failure: false,
  },
  {
    name: 'Slack ok true with response_metadata warnings',
    body: { ok: true, warning: 'missing_charset', response_metadata: { warnings: ['missing_charset'] } },
    failure: false,
  },
  {
    name: 'ZERO_RESULTS with html_attributions',
    body: { html_attributions: [], results: [], status: 'ZERO_RESULTS' },
    failure: false,
  },
  { name: 'a 304 is no failure', status: 304, body: '', failure: false },
  { name: 'a 202 with an empty body', status: 202, body: '', failure: false },
  { name: 'a 204', status: 204, body: '', failure: false },
];

// JSON-lines streams answered with a 200 whose later line reports the failure: Docker Engine API (image pull,
// push, build: `errorDetail`/`error`), Ollama streamed API (`{"error"}`), Kubernetes watch (`type: ERROR` with a
// `Status`, 410 Expired), Typesense `documents/import` (`{"success": false, "error", "document"}` per line).
const JSON_LINES: Row[] = [
  {
    name: 'Docker pull: the last line is an errorDetail',
    contentType: 'application/json',
    body: '{"status":"Pulling from library/nope","id":"latest"}\n{"errorDetail":{"message":"manifest for nope:latest not found: manifest unknown"},"error":"manifest for nope:latest not found: manifest unknown"}\n',
    failure: true,
    messageHas: 'manifest unknown',
  },
  {
    name: 'Ollama stream: an error line after tokens',
    contentType: 'application/x-ndjson',
    body: '{"model":"llama3","created_at":"2026-01-01T00:00:00Z","response":"Hel","done":false}\n{"error":"an error was encountered while running the model: unexpected EOF"}\n',
    failure: true,
    messageHas: 'unexpected EOF',
  },
  {
    name: 'Kubernetes watch: ERROR event with a 410 Status',
    contentType: 'application/json',
    body: '{"type":"ADDED","object":{"kind":"Pod","metadata":{"name":"a"}}}\n{"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"too old resource version: 123 (456)","reason":"Expired","code":410}}\n',
    failure: true,
    code: 'Expired',
    messageHas: 'too old resource version',
  },
  {
    name: 'Typesense import: one document rejected',
    contentType: 'text/plain',
    body: '{"success":true}\n{"success":false,"error":"Bad JSON.","document":"[bad doc"}\n',
    failure: true,
    messageHas: 'Bad JSON',
  },
];
const JSON_LINES_OK: Row[] = [
  {
    name: 'Docker pull: progress lines only',
    contentType: 'application/json',
    body: '{"status":"Pulling from library/alpine","id":"latest"}\n{"status":"Digest: sha256:abc"}\n{"status":"Status: Downloaded newer image for alpine:latest"}\n',
    failure: false,
  },
  {
    name: 'Typesense import: every line succeeded',
    contentType: 'text/plain',
    body: '{"success":true}\n{"success":true}\n',
    failure: false,
  },
  {
    name: 'Kubernetes watch: ADDED and MODIFIED events',
    contentType: 'application/json',
    body: '{"type":"ADDED","object":{"kind":"Pod","status":{"phase":"Failed"}}}\n{"type":"MODIFIED","object":{"kind":"Pod"}}\n',
    failure: false,
  },
  {
    name: 'JSON lines with error null',
    contentType: 'application/x-ndjson',
    body: '{"id":1,"error":null}\n{"id":2,"error":null}\n',
    failure: false,
  },
];

// A runtime's uncaught-error output sent with a 200: PHP with display_errors (opencaching/okapi#293,
// danmichaelo/croptool#110, joindin/joindin-api#478 for the `<b>Fatal error</b>` form), WordPress's fatal-error
// handler page (BoldGrid/w3-total-cache#937), a Python traceback as the body. Warnings before good output are not.
const RUNTIME: Row[] = [
  {
    name: 'PHP html_errors Fatal error',
    contentType: 'text/html',
    body: '<br />\n<b>Fatal error</b>:  Call to a member function render() on a non-object in <b>/var/www/api/src/public/index.php</b> on line <b>11</b><br />\n',
    failure: true,
    messageHas: 'Call to a member function render() on a non-object',
  },
  {
    name: 'PHP plain-text Fatal error: Uncaught after a warning',
    contentType: 'text/html; charset=UTF-8',
    body: 'PHP Warning:  Undefined variable $x in /srv/app/api.php on line 3\nPHP Fatal error:  Uncaught TypeError: Cannot access offset of type string on string in /srv/app/api.php:142\nStack trace:\n#0 {main}\n  thrown in /srv/app/api.php on line 142\n',
    failure: true,
    messageHas: 'Uncaught TypeError: Cannot access offset of type string on string',
  },
  {
    name: 'PHP Parse error',
    contentType: 'text/html',
    body: '<br />\n<b>Parse error</b>:  syntax error, unexpected token &quot;}&quot; in <b>/var/www/html/api.php</b> on line <b>27</b><br />',
    failure: true,
    messageHas: 'syntax error, unexpected token "}"',
  },
  {
    name: 'WordPress critical error page',
    contentType: 'text/html; charset=UTF-8',
    body: '<!DOCTYPE html><html><head><title>WordPress &rsaquo; Error</title></head><body id="error-page"><div class="wp-die-message"><p>There has been a critical error on this website.</p><p><a href="https://wordpress.org/documentation/article/faq-troubleshooting/">Learn more about troubleshooting WordPress.</a></p></div></body></html>',
    failure: true,
    messageHas: 'critical error on this website',
  },
  {
    name: 'Python traceback as the body',
    contentType: 'text/plain',
    body: 'Traceback (most recent call last):\n  File "/app/server.py", line 42, in handle\n    user = payload["user"]\nKeyError: \'user\'\n',
    failure: true,
    code: 'KeyError',
    messageHas: "KeyError: 'user'",
  },
];
const RUNTIME_OK: Row[] = [
  {
    name: 'PHP warnings before the output are not a failure',
    contentType: 'text/html',
    body: '<br />\n<b>Warning</b>:  Undefined array key "page" in <b>/var/www/list.php</b> on line <b>8</b><br />\n<ul><li>Item</li></ul>',
    failure: false,
  },
  {
    name: 'a page that talks about fatal errors is not one',
    contentType: 'text/html',
    body: '<html><body><h1>Debugging PHP</h1><p>Fatal error: what it means and how to fix it.</p></body></html>',
    failure: false,
  },
  {
    name: 'a page quoting a traceback mid-text is not one',
    contentType: 'text/plain',
    body: 'Release notes\nFixed: Traceback (most recent call last): on startup\n',
    failure: false,
  },
];

describe('runtime error output sent with a 2xx', () => {
  run(RUNTIME);
  run(RUNTIME_OK);
  it('reads only the head of a long body', () => {
    expect(runtimeErrorOutput(`${'<p>x</p>\n'.repeat(1000)}<b>Fatal error</b>: late`)).toBeUndefined();
  });
});

describe('JSON-lines streams', () => {
  run(JSON_LINES);
  run(JSON_LINES_OK);
  it('reads no failure from one document or from text that is not JSON lines', () => {
    expect(jsonLinesFailure('{"error":"x"}')).toBeUndefined();
    expect(jsonLinesFailure('hello\n{"error":"x"}\n{"a":1}')).toBeUndefined();
    expect(jsonLinesFailure('{"a":1}\n{"error":"x"}')?.line).toBe(1);
  });
});

describe('sub-responses with their own HTTP status', () => {
  run(SUB_RESPONSES);
  run(SUB_RESPONSES_OK);
  it('advises a batch by its failed sub-response’s status', () => {
    for (const row of SUB_RESPONSES.filter((r) => r.httpEquivalent !== undefined)) {
      const c = classify({
        method: 'POST',
        url: 'https://api.example.test/v1/$batch',
        status: 200,
        responseHeaders: { 'content-type': 'application/json' },
        body: JSON.stringify(row.body),
      });
      expect(c.notes.join(' ')).toContain(`HTTP ${row.httpEquivalent}`);
    }
  });
});
describe('failed-item lists and counts', () => {
  run(FAILED_LISTS);
  run(FAILED_LISTS_OK);
});
describe('per-item results', () => {
  run(ITEMS);
  run(ITEMS_OK);
});
describe('GraphQL mutation payload errors', () => {
  run(PAYLOADS);
  run(PAYLOADS_OK);
});
describe('XML batch entries and WebDAV multi-status', () => {
  run(XML);
  run(XML_OK);
});
describe('status words of parts', () => {
  run(STATUS_WORDS);
  run(STATUS_WORDS_OK);
});

describe('batchItemFailure and multistatusFailure are bounded and total', () => {
  it('reads nothing from scalars, empty and hostile shapes', () => {
    for (const v of [null, 1, 'x', [], {}, [null, 1, 'a'], { a: [[]] }, { data: 'x' }, { data: { op: null } }])
      expect(batchItemFailure(v)).toBeUndefined();
  });
  it('stops at a list of large records', () => {
    const big = Array.from({ length: 5000 }, (_, i) => ({
      i,
      a: 1,
      b: 2,
      c: 3,
      d: 4,
      e: 5,
      f: 6,
      g: 7,
      h: 8,
      error: 'x',
    }));
    expect(batchItemFailure({ items: big })).toBeUndefined();
  });
  it('looks at no more than the first 50 items', () => {
    const list: unknown[] = Array.from({ length: 60 }, () => ({ status: 'ok' }));
    list.push({ status: 'error', message: 'late failure' });
    expect(batchItemFailure({ data: list })).toBeUndefined();
  });
  it('gives the failed item’s path', () => {
    expect(
      batchItemFailure({ responses: [{ id: '1', status: 500, body: { error: { code: 'x', message: 'y' } } }] })?.path,
    ).toBe('responses[0].body');
  });
  it('ignores a multistatus whose failed status sits in a propstat', () => {
    expect(
      multistatusFailure(
        '<multistatus><response><href>/a</href><propstat><status>HTTP/1.1 403 Forbidden</status></propstat></response></multistatus>',
      ),
    ).toBeUndefined();
    expect(multistatusFailure('<html>HTTP/1.1 500</html>')).toBeUndefined();
  });
});
