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
    // A circuit breaker's trip is transient or permanent by its own `durability` field (read by the inference);
    // it is not listed here so that a PERMANENT trip (the request alone is over the limit) is not retried.
    codes: { retryable: ['es_rejected_execution_exception'] },
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
  {
    id: 'chargebee',
    vendor: 'Chargebee',
    title: 'Chargebee {message, type, api_error_code, error_code, http_status_code}',
    docs: 'https://apidocs.chargebee.com/docs/api/error-handling',
    priority: 72,
    // `api_error_code` is the code to handle; `error_code` is the older, finer-grained one the docs deprecate.
    match: { body: ['api_error_code:string', 'message:string'] },
    set: { errorCodePath: 'api_error_code', messagePath: 'message' },
    codes: {
      retryable: ['api_request_limit_exceeded', 'lock_timeout', 'site_not_ready', 'internal_temporary_error'],
      credentials: ['api_authentication_failed', 'basic_authentication_failed', 'api_authorization_failed'],
    },
  },
  {
    id: 'plivo',
    vendor: 'Plivo',
    title: 'Plivo {api_id, error}',
    docs: 'https://www.plivo.com/docs/sms/api/overview/#response-codes',
    priority: 70,
    // `api_id` identifies the request to Plivo support.
    match: { host: 'api.plivo.com', body: ['api_id:string', 'error'] },
    set: { errorIdPath: 'api_id', messagePath: ['error', 'message'] },
  },
  {
    id: 'mandrill',
    vendor: 'Mailchimp Transactional (Mandrill)',
    title: 'Mandrill {status: "error", code, name, message}',
    docs: 'https://mailchimp.com/developer/transactional/docs/fundamentals/#api-errors',
    priority: 74,
    // Every error is an HTTP 500 with `code: -1`; `name` says what failed.
    match: { host: 'mandrillapp.com', body: ['status=error', 'name:string', 'code:number', 'message:string'] },
    set: { errorCodePath: 'name', messagePath: 'message' },
    codes: {
      retryable: ['GeneralError'],
      notRetryable: ['ValidationError', 'Unknown_Template', 'Unknown_Subaccount', 'Unknown_Sender', 'PaymentRequired'],
      credentials: ['Invalid_Key'],
    },
  },
  {
    id: 'scaleway',
    vendor: 'Scaleway',
    title: 'Scaleway {type, message, details?, reason?}',
    docs: 'https://www.scaleway.com/en/developers/api/#errors',
    priority: 65,
    // `type` is the error (`denied_authentication`, `invalid_arguments`); `reason` and `details[].reason` refine it.
    match: { host: '*.scaleway.com', body: ['type:string', 'message:string'] },
    set: { errorCodePath: 'type', messagePath: 'message' },
    codes: { credentials: ['denied_authentication'], notRetryable: ['quotas_exceeded'] },
  },
  {
    id: 'amazon-sp-api',
    vendor: 'Amazon Selling Partner API',
    title: 'Amazon SP-API {errors: [{code, message, details}]}',
    docs: 'https://developer-docs.amazon.com/sp-api/docs/usage-plans-and-rate-limits',
    priority: 70,
    // QuotaExceeded is the throttling answer of the usage plans (a per-second rate): retry with backoff.
    match: { host: '*.amazon.com', body: ['errors[0].code:string', 'errors[0].message:string'] },
    set: { errorCodePath: 'errors[0].code', messagePath: ['errors[0].details', 'errors[0].message'] },
    codes: { retryable: ['QuotaExceeded'], credentials: ['Unauthorized', 'InvalidSignature'] },
  },
  {
    id: 'ovhcloud',
    vendor: 'OVHcloud',
    title: 'OVHcloud {errorCode, httpCode, message} + X-Ovh-QueryId',
    docs: 'https://help.ovhcloud.com/csm/en-api-getting-started-ovhcloud-api',
    priority: 70,
    // X-Ovh-QueryId is the ID OVHcloud support asks for.
    match: { host: '*.ovh.com', body: ['errorCode:string', 'httpCode:string', 'message:string'] },
    set: { errorCodePath: 'errorCode', messagePath: 'message', requestIdHeader: 'x-ovh-queryid' },
    codes: { credentials: ['INVALID_CREDENTIAL', 'NOT_CREDENTIAL', 'NOT_GRANTED_CALL'] },
  },
  {
    id: 'conjure',
    vendor: 'Palantir Conjure (Foundry)',
    title: 'Conjure {errorCode, errorName, errorInstanceId, parameters}',
    docs: 'https://github.com/palantir/conjure/blob/master/docs/spec/wire.md',
    priority: 72,
    // `errorCode` is the broad category that sets the HTTP status (NOT_FOUND, INVALID_ARGUMENT); `errorName` is the
    // fixed name of the error (`ObjectNotFound`), `errorInstanceId` the occurrence the server logged.
    match: { body: ['errorCode:string', 'errorName:string', 'errorInstanceId:string'] },
    set: {
      errorCodePath: ['errorName', 'errorCode'],
      messagePath: 'parameters.message',
      errorIdPath: 'errorInstanceId',
    },
  },
  {
    id: 'google-maps',
    vendor: 'Google Maps Platform',
    title: 'Google Maps Platform web services {status, error_message} (on a 200)',
    docs: 'https://developers.google.com/maps/documentation/directions/get-directions#DirectionsStatus',
    priority: 70,
    // Geocoding, Directions, Distance Matrix, Places, Elevation and Time Zone answer 200 with a `status`; OK,
    // ZERO_RESULTS and DATA_NOT_AVAILABLE are answers, the statuses below are errors (each API's "Status codes").
    match: {
      host: 'maps.googleapis.com',
      body: [
        'status=INVALID_REQUEST|status=NOT_FOUND|status=MAX_WAYPOINTS_EXCEEDED|status=MAX_ROUTE_LENGTH_EXCEEDED|status=MAX_ELEMENTS_EXCEEDED|status=MAX_DIMENSIONS_EXCEEDED|status=OVER_DAILY_LIMIT|status=OVER_QUERY_LIMIT|status=REQUEST_DENIED|status=UNKNOWN_ERROR',
      ],
    },
    set: { errorCodePath: 'status', messagePath: 'error_message' },
    // UNKNOWN_ERROR: "a server error. The request may succeed if you try again". OVER_DAILY_LIMIT: key, billing or a
    // usage cap. OVER_QUERY_LIMIT is left to the message (a per-second rate or a spent daily quota).
    codes: {
      retryable: ['UNKNOWN_ERROR'],
      notRetryable: [
        'INVALID_REQUEST',
        'NOT_FOUND',
        'MAX_WAYPOINTS_EXCEEDED',
        'MAX_ROUTE_LENGTH_EXCEEDED',
        'MAX_ELEMENTS_EXCEEDED',
        'MAX_DIMENSIONS_EXCEEDED',
        'OVER_DAILY_LIMIT',
      ],
      credentials: ['REQUEST_DENIED'],
    },
  },
];
