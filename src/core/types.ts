// The classifier's contract. Shared by the worker, the panel, the CLI and the tests.
// Everything here is plain data so it can cross message ports and storage unchanged.

/** Header values as seen on the wire; names are matched case-insensitively by `headers.ts`. */
export type HeaderList = ReadonlyArray<{ name: string; value: string }> | Readonly<Record<string, string>>;

/** One HTTP exchange, from any source (webRequest, devtools.network, a HAR entry, a fixture). */
export interface Exchange {
  method: string;
  url: string;
  requestHeaders?: HeaderList;
  requestBody?: string;
  /** 0 = no HTTP response at all (connection refused, DNS, CORS, aborted). */
  status: number;
  statusText?: string;
  responseHeaders?: HeaderList;
  /** Undefined: the body was not captured. '' : the body was empty. */
  body?: string;
  bodyEncoding?: 'base64';
  /** Set when the body was cut before it reached the classifier. */
  bodyTruncated?: boolean;
  /** Network-level error string, e.g. net::ERR_CONNECTION_REFUSED or NS_ERROR_CONNECTION_REFUSED. */
  error?: string;
  /** Epoch milliseconds. */
  startedAt?: number;
  durationMs?: number;
  /** The MIME type, when the source knows it better than the headers (HAR content.mimeType). */
  mimeType?: string;
  /** Hash of the request body (see fingerprint.ts), so retries can be compared without keeping bodies. */
  requestBodyHash?: string;
  /** Hash of the credentials sent (Authorization, Cookie, api keys): never the secret itself. */
  credentialsFingerprint?: string;
  /** The origin of the page that made the request (Chrome's `initiator`, Firefox's originUrl), for CORS. */
  origin?: string;
  /** Why a canceled request was canceled, when the capture knows (e.g. 'navigation', 'page closed'). */
  cancelReason?: string;
  /**
   * Why the capture never learned how this request ended (e.g. 'background restart': its end went to a
   * background that was stopped). With no response known it is shown as "(outcome lost)", not a failure.
   */
  outcomeLost?: string;
  /** The CORS preflight (OPTIONS) the browser sent for this request, when one was seen. */
  preflight?: PreflightExchange;
  /** The script stack that started the request (DevTools' HAR `_initiator`), innermost frame first. */
  callStack?: CallFrame[];
}

/** A CORS preflight as recorded: its own status and headers. */
export interface PreflightExchange {
  status: number;
  statusText?: string;
  requestHeaders?: HeaderList;
  responseHeaders?: HeaderList;
  error?: string;
}

/** One frame of an initiator stack. Line and column are 0-based, as DevTools reports them. */
export interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

export type StatusClass =
  'informational' | 'success' | 'redirection' | 'client-error' | 'server-error' | 'network-error' | 'unknown';

export interface StatusSemantics {
  code: number;
  /** Reason phrase, e.g. "Too Many Requests". */
  reason: string;
  class: StatusClass;
  /** One line: what this status means for the developer. */
  meaning: string;
  /** Where the code comes from: 'iana' or the vendor of an unofficial code (nginx, Cloudflare, …). */
  origin: string;
}

/** How the failure is shown: the colour and chip of a row. */
export type FailureKind = 'client' | 'server' | 'network' | 'body' | 'canceled' | 'none';

export interface FieldError {
  field: string;
  message: string;
}

export interface BackoffStep {
  attempt: number;
  /** Base delay before jitter, seconds. */
  delaySeconds: number;
}

export interface BackoffPlan {
  baseSeconds: number;
  factor: number;
  capSeconds: number;
  maxAttempts: number;
  jitter: 'full' | 'equal' | 'none';
  steps: BackoffStep[];
}

/** Where a figure came from, for the detail view ("Retry-After header", "body.retry_after"). */
export type Provenance = string | null;

export type RetryVerdict =
  | 'retry-after' // wait the server's figure, then retry
  | 'retry-backoff' // transient: retry with backoff
  | 'retry-idempotent' // transient, but only safe with an idempotency key / idempotent method
  | 'reauthenticate' // refresh credentials, then retry
  | 'fix-request' // don't retry unchanged: fix the request
  | 'do-not-retry' // e.g. quota exhausted, permission
  | 'none'; // not a failure

export interface Classification {
  failure: boolean;
  kind: FailureKind;
  status: StatusSemantics;
  /** Which body format was recognized, e.g. 'document360', 'problem+json', 'text', 'html', 'empty', 'binary'. */
  format: string;
  errorCode: string | null;
  errorId: string | null;
  /** Where errorId came from, e.g. 'body.id' or 'header x-request-id'. */
  errorIdSource: Provenance;
  message: string | null;
  fieldErrors: FieldError[];
  retryable: boolean;
  retryAfterSeconds: number | null;
  retryAfterSource: Provenance;
  idempotent: boolean;
  idempotencySource: 'method' | 'idempotency-key' | 'none';
  verdict: RetryVerdict;
  backoff: BackoffPlan | null;
  action: string;
  /** Request-ID style headers found on the response, for the support ticket. */
  requestIdHeaders: Array<{ name: string; value: string }>;
  /** Notes about partial processing: 'body truncated at 2 MB', 'binary body not parsed', … */
  notes: string[];
  /** The RPC protocol that carried the exchange (`protocols/`), e.g. 'grpc-web'; absent for plain HTTP APIs. */
  protocol?: ProtocolId;
  /** Batches and streams: each failed operation (at most MAX_OPERATIONS), in body order. */
  operations?: OperationFailure[];
  /** Failed operations beyond the cap: counted, not listed. */
  operationsOmitted?: number;
  /** How many operations the batch or stream carried in all (successes included). */
  operationCount?: number;
}

/** RPC protocols read as code (src/core/protocols). */
export type ProtocolId = 'jsonrpc' | 'trpc' | 'grpc-web' | 'connect' | 'twirp' | 'graphql';

/** One failed operation of a batch (JSON-RPC, tRPC, GraphQL) or stream. */
export interface OperationFailure {
  /** Position in the batch, 0-based. */
  index: number;
  /** The client's request id (JSON-RPC `id`): it pairs the answer with the call, it is not a support ID. */
  id?: string;
  /** The procedure or field path (tRPC `data.path`, GraphQL `path`). */
  path?: string;
  failure: true;
  errorCode: string | null;
  message: string | null;
  retryable: boolean;
}

/** What a body-format recognizer extracts. Every field optional: the classifier merges. */
export interface Extracted {
  /** True when the body itself says the call failed (used for 2xx). */
  saysFailure?: boolean;
  /** True when the body says explicitly that the call succeeded. */
  saysSuccess?: boolean;
  errorCode?: string | number | null;
  errorId?: string | null;
  errorIdField?: string;
  message?: string | null;
  fieldErrors?: FieldError[];
  retryAfterSeconds?: number | null;
  retryAfterField?: string;
  /** A body wait given as a date (epoch ms), counted from the response's clock (Date header). */
  retryAfterAt?: number;
  /** A vendor's explicit retry hint from the body (e.g. Stripe-like flags, quota codes). */
  retryable?: boolean;
  /**
   * Protocol recognizers: the protocol leaves the retry verdict to the HTTP status (GraphQL over HTTP: an
   * `application/json` body on a gateway's 429/502/503/504 may be the intermediary's), so the body's code gives
   * none; its message still may (a quota that waiting will not refill).
   */
  retryFromStatus?: boolean;
  /** Protocol recognizers: the protocol, for the label and `Classification.protocol`. */
  protocol?: ProtocolId;
  /** Protocol recognizers: the HTTP status a protocol status stands for (gRPC UNAVAILABLE → 503), for the advice on a 2xx. */
  httpEquivalent?: number;
  /** Batches: the failed operations (capped) and how many more were left out. */
  operations?: OperationFailure[];
  operationsOmitted?: number;
  operationCount?: number;
  /** Protocol recognizers: what they could not read (a truncated frame, a compressed trailer), for the notes. */
  notes?: string[];
}

/** The parsed view of a body that recognizers look at. Parsed once per exchange. */
export interface BodyView {
  /** Decoded text (UTF-8), possibly cut at the parse limit. '' when empty or binary. */
  text: string;
  /** Parsed JSON, or undefined when the body is not JSON. */
  json: unknown;
  /** Lowercased MIME essence, e.g. 'application/json'. */
  mimeType: string;
  kind: 'empty' | 'json' | 'xml' | 'html' | 'text' | 'event-stream' | 'binary' | 'not-captured';
  truncated: boolean;
  notes: string[];
  /** kind 'event-stream' only: the parsed events (at most 1,000), for SSE error recognizers. */
  events?: SseEvent[];
}

/** One server-sent event of a text/event-stream body. */
export interface SseEvent {
  /** The `event:` field, 'message' when absent. */
  event: string;
  /** The `data:` lines joined with newlines. */
  data: string;
  id?: string;
  /** Parsed data, only for error-looking events (`event: error`, or data mentioning "error"). */
  json?: unknown;
  /** `event: error`, or data JSON with a non-null `error` or `type: "error"`. */
  isError: boolean;
}

export interface RecognizerContext {
  exchange: Exchange;
  body: BodyView;
  /** Case-insensitive response header lookup. */
  header(name: string): string | undefined;
}

/** A recognizer's preconditions; any one fact listed lets it run (see FormatRecognizer.gate). */
export interface RecognizerGate {
  /** Lower-cased media type essences or their prefixes (`application/grpc-web` covers `…-web+proto`). */
  mimePrefixes?: readonly string[];
  /** Lower-cased text found in the media type essence or in the content-type header (`problem+json`). */
  mediaIncludes?: readonly string[];
  /** Response headers (lower-case names) whose presence lets it match. */
  headers?: readonly string[];
  /** A JSON body with one of these top-level keys (a JSON value that is not an object always passes). */
  keys?: readonly string[];
}

/** A body-format recognizer: data-driven, one module each under `formats/`. */
export interface FormatRecognizer {
  /** Stable id shown as `format`, e.g. 'document360'. */
  id: string;
  /** Human-facing name for docs and the detail view. */
  title: string;
  /** Higher runs first; vendor-specific shapes beat generic ones. */
  priority: number;
  /** Knows one vendor's shape (as opposed to a protocol, standard or framework); the corpus ablation switches these off. */
  vendor?: boolean;
  /**
   * Body kinds this recognizer can return non-null for; absent means every kind. classify skips it
   * for other kinds without calling it, so declare only what `recognize` itself guarantees.
   */
  kinds?: readonly BodyView['kind'][];
  /**
   * For a JSON object body: top-level keys (exact spelling) of which `recognize` needs at least one to
   * return non-null. classify skips it for objects that have none; absent means any object may match.
   * Arrays and other JSON values always reach it. formats.test.ts checks every declaration.
   */
  keys?: readonly string[];
  /**
   * `keys` name fields in any case style (`errorCode`, `error_code`, `ERROR-CODE` are one key): routing compares
   * them normalized (src/core/infer/dictionaries.ts normalizeKey). For generic shapes read by name stems.
   */
  keysByName?: boolean;
  /**
   * What `recognize` needs before it can return non-null, as cheap facts classify reads once per
   * exchange (src/core/routing.ts): at least one of the listed facts must hold. Absent: no gate.
   * formats.test.ts and routing.test.ts check every declaration.
   */
  gate?: RecognizerGate;
  /** Cheap shape check; return null when the body is not this format. Must not throw. */
  recognize(ctx: RecognizerContext): Extracted | null;
}
