// The vendor catalog: one entry per vendor envelope that is only paths and code lists.
// Adding a vendor = one entry here + a fixture file src/core/formats/fixtures/<id>.json + a row in
// docs/formats.md (formats.test.ts checks all three). Vendors with real logic keep a recognizer in
// src/core/formats/. Every entry cites the docs it was written from.
import type { CatalogEntry } from './types';

export const CATALOG: readonly CatalogEntry[] = [
  {
    id: 'anthropic',
    vendor: 'Anthropic',
    title: 'Anthropic {type: "error", error: {type, message}, request_id}',
    docs: 'https://docs.claude.com/en/api/errors',
    priority: 85,
    match: { body: ['type=error', 'error:object'] },
    set: { errorCodePath: 'error.type', messagePath: 'error.message', errorIdPath: 'request_id' },
    // Documented as "try again later": overloaded (529), internal (500) and rate limits.
    codes: { retryable: ['overloaded_error', 'api_error', 'rate_limit_error'], credentials: ['authentication_error'] },
  },
  {
    id: 'telegram',
    vendor: 'Telegram',
    title: 'Telegram Bot API {ok: false, error_code, description, parameters: {retry_after}}',
    docs: 'https://core.telegram.org/bots/api#making-requests',
    priority: 80,
    // error_code repeats the HTTP status; the engine drops such echoes.
    match: { body: ['ok=false', 'error_code', 'description:string'] },
    set: { errorCodePath: 'error_code', messagePath: 'description', retryAfterPath: 'parameters.retry_after' },
  },
  {
    id: 'paypal',
    vendor: 'PayPal',
    title: 'PayPal {name, message, debug_id, details: [{field, issue, description}]}',
    docs: 'https://developer.paypal.com/api/rest/responses/#failed-requests',
    priority: 78,
    // `details[0].issue` is the fine-grained code; debug_id is the ID PayPal support asks for.
    match: { body: ['name:string', 'message:string', 'debug_id:string'] },
    set: {
      errorCodePath: ['details[0].issue', 'name'],
      messagePath: ['details[0].description', 'message'],
      errorIdPath: 'debug_id',
      fieldErrors: { path: 'details', field: 'field', message: ['description', 'issue'] },
    },
  },
  {
    id: 'twilio',
    vendor: 'Twilio',
    title: 'Twilio {code, message, more_info, status}',
    docs: 'https://www.twilio.com/docs/usage/twilios-response#response-formats-exceptions',
    priority: 72,
    match: { body: ['code:number', 'message:string', 'more_info:string'] },
    set: { errorCodePath: 'code', messagePath: 'message' },
    // 20429: Too Many Requests; 20003: authentication failed.
    codes: { retryable: ['20429'], credentials: ['20003'] },
  },
  {
    id: 'elasticsearch',
    vendor: 'Elasticsearch',
    title: 'Elasticsearch {error: {root_cause, type, reason}, status}',
    docs: 'https://www.elastic.co/guide/en/elasticsearch/reference/current/common-options.html#common-options-error-options',
    priority: 70,
    match: { body: ['error.type:string', 'error.reason', 'error.root_cause|status:number'] },
    set: {
      errorCodePath: 'error.type',
      messagePath: ['error.reason', 'error.root_cause[0].reason', 'error.caused_by.reason'],
    },
    codes: { retryable: ['es_rejected_execution_exception', 'circuit_breaking_exception'] },
  },
  {
    id: 'adyen',
    vendor: 'Adyen',
    title: 'Adyen {status, errorCode, message, errorType, pspReference}',
    docs: 'https://docs.adyen.com/development-resources/response-handling',
    priority: 70,
    match: { body: ['errorCode', 'errorType:string', 'message:string'] },
    set: { errorCodePath: 'errorCode', messagePath: 'message', errorIdPath: 'pspReference' },
  },
  {
    id: 'apple-app-store',
    vendor: 'Apple',
    title: 'Apple App Store Server API {errorCode, errorMessage}',
    docs: 'https://developer.apple.com/documentation/appstoreserverapi/error_codes',
    priority: 62,
    match: { body: ['errorCode:string|errorCode:number', 'errorMessage:string'] },
    set: { errorCodePath: 'errorCode', messagePath: 'errorMessage' },
    // 4290000: rate limit exceeded, retry later.
    codes: { retryable: ['4290000'] },
  },
  {
    id: 'contentful',
    vendor: 'Contentful',
    title: 'Contentful {sys: {type: "Error", id}, message, details, requestId}',
    docs: 'https://www.contentful.com/developers/docs/references/errors/',
    priority: 80,
    match: { body: ['sys.type=Error', 'sys.id:string'] },
    set: { errorCodePath: 'sys.id', messagePath: 'message', errorIdPath: 'requestId' },
    codes: { retryable: ['RateLimitExceeded', 'ServerError'], credentials: ['AccessTokenInvalid'] },
  },
  {
    id: 'dropbox',
    vendor: 'Dropbox',
    title: 'Dropbox {error_summary: "path/not_found/..", error: {".tag"}}',
    docs: 'https://www.dropbox.com/developers/documentation/http/documentation#error-handling',
    priority: 80,
    // error_summary is the tag path of the error union, ending in "/" and dots (for humans it says "don't parse").
    match: { body: ['error_summary:string', 'error'] },
    set: {
      errorCodePath: 'error_summary',
      errorCodePattern: '^(.+?)/*\\.*$',
      messagePath: ['user_message.text', 'error_summary'],
    },
    codes: {
      retryable: ['too_many_requests', 'too_many_write_operations'],
      notRetryable: ['path/insufficient_space', 'insufficient_space'],
    },
  },
  {
    id: 'asana',
    vendor: 'Asana',
    title: 'Asana {errors: [{message, help, phrase}]}',
    docs: 'https://developers.asana.com/docs/errors',
    priority: 70,
    // 500s carry `phrase`, "a unique phrase … to give to support" (Asana docs).
    match: { body: ['errors[0].message:string', 'errors[0].phrase:string'] },
    set: { messagePath: 'errors[0].message', errorIdPath: 'errors[0].phrase' },
  },
];
