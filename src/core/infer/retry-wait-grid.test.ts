// Session 20 (reach-z): a probe grid for retryability and waits, written from the rules of
// ../shared/fixtures/README.md ("retryable": the same request, unchanged and after waiting, can succeed; fix-the-request
// and fix-the-credentials errors are false, transient states true; "retryAfterSeconds": the server's own figure) and
// from public conventions, not from corpus cases. corpus/tools/reach-z-sources.md names the source of every value list.
//
// Retry grid: semantic class (its codes and its sentences) × HTTP carrier (a 4xx, a 5xx, a 2xx envelope that says it
// failed, a 2xx envelope naming its own HTTP status) × where the class is said (code only, message only, both) × body
// shape (nested error object, JSON:API errors[], RFC 9457 problem). The class decides; a class that says nothing (an
// internal error) follows the carrier's status.
// Wait grid: where the wait is said (Retry-After in both forms, ms headers, reset headers in seconds/epoch/ms/ISO, the
// RateLimit fields, body fields, message phrases) × carrier (429, 503, a 2xx rate-limit envelope) × figure.
import { describe, expect, it } from 'vitest';
import { variantMismatches, type Variant } from '../testing/variants';

type ClassName =
  | 'transient'
  | 'rate-limit'
  | 'quota-billing'
  | 'credentials'
  | 'validation'
  | 'conflict-in-progress'
  | 'conflict-duplicate'
  | 'not-implemented'
  | 'config'
  | 'says-nothing';

interface SemanticClass {
  name: ClassName;
  /** true/false: the class decides; 'status': the carrier's status decides. */
  retryable: boolean | 'status';
  codes: readonly string[];
  messages: readonly string[];
  /** Carriers on which the class contradicts the status itself: left out as arguable. */
  skip?: ReadonlySet<number>;
}

/** Statuses that mean "too many requests" by themselves; a fix-class body under them is arguable. */
const RATE_STATUSES = new Set([429]);

const CLASSES: readonly SemanticClass[] = [
  {
    name: 'transient',
    retryable: true,
    // google.rpc UNAVAILABLE / DEADLINE_EXCEEDED (AIP-193), RFC 6749 §4.1.2.1 temporarily_unavailable, Azure Storage
    // ServerBusy, AWS RequestTimeout / ServiceUnavailable (smithy TRANSIENT_ERROR_CODES), Anthropic overloaded_error.
    codes: ['UNAVAILABLE', 'temporarily_unavailable', 'ServerBusy', 'DEADLINE_EXCEEDED', 'overloaded_error'],
    messages: [
      'The service is temporarily unavailable. Please try again later.',
      'Upstream timeout',
      'System busy, please retry.',
      'The server is currently overloaded.',
      'The operation timed out.',
    ],
  },
  {
    name: 'rate-limit',
    retryable: true,
    // OpenAI rate_limit_exceeded, AWS ThrottlingException / TooManyRequestsException, Google userRateLimitExceeded.
    codes: ['rate_limit_exceeded', 'ThrottlingException', 'TOO_MANY_REQUESTS', 'userRateLimitExceeded'],
    messages: [
      'Rate limit exceeded.',
      'Too many requests, please slow down.',
      'You are being rate limited.',
      'API rate limit exceeded for this client.',
    ],
  },
  {
    name: 'quota-billing',
    retryable: false,
    // OpenAI insufficient_quota / billing_hard_limit_reached, Google dailyLimitExceeded / quotaExceeded, Stripe-style
    // insufficient_funds, Anthropic "credit balance is too low".
    codes: [
      'insufficient_quota',
      'dailyLimitExceeded',
      'QUOTA_EXCEEDED',
      'insufficient_funds',
      'billing_hard_limit_reached',
    ],
    messages: [
      'You exceeded your current quota, please check your plan and billing details.',
      'Your credit balance is too low to access this API.',
      'Monthly request quota exceeded. Upgrade your plan to continue.',
      'Insufficient funds in the account.',
    ],
  },
  {
    name: 'credentials',
    retryable: false,
    // RFC 6750 invalid_token, google.rpc UNAUTHENTICATED / PERMISSION_DENIED, AWS AuthFailure / UnrecognizedClientException.
    codes: ['invalid_token', 'UNAUTHENTICATED', 'INVALID_API_KEY', 'PERMISSION_DENIED', 'UnrecognizedClientException'],
    messages: [
      'Invalid API key provided.',
      'The access token expired.',
      'Authentication credentials were not provided.',
      'You do not have permission to perform this action.',
    ],
    skip: RATE_STATUSES,
  },
  {
    name: 'validation',
    retryable: false,
    // google.rpc INVALID_ARGUMENT, AWS ValidationException, OpenAI/Stripe invalid_request_error, JSON:API 422 style.
    codes: ['INVALID_ARGUMENT', 'ValidationException', 'validation_error', 'invalid_request_error'],
    messages: [
      "The 'limit' parameter must be between 1 and 100.",
      'email: must be a valid email address',
      'Missing required field: name',
      'Invalid value for field "date".',
    ],
    skip: RATE_STATUSES,
  },
  {
    name: 'conflict-in-progress',
    retryable: true,
    // Azure AnotherOperationInProgress, AWS PriorRequestNotComplete / TransactionInProgressException (smithy
    // THROTTLING_ERROR_CODES), Stripe lock_timeout, IETF Idempotency-Key "request is outstanding".
    codes: ['AnotherOperationInProgress', 'PriorRequestNotComplete', 'lock_timeout', 'TransactionInProgressException'],
    messages: [
      'Another operation is in progress on this resource.',
      'A request is outstanding for this Idempotency-Key.',
      'The resource is locked by another operation.',
      'The resource is being updated by a concurrent request.',
    ],
    skip: RATE_STATUSES,
  },
  {
    name: 'conflict-duplicate',
    retryable: false,
    // google.rpc ALREADY_EXISTS, AWS EntityAlreadyExists / ResourceAlreadyExistsException.
    codes: ['ALREADY_EXISTS', 'EntityAlreadyExists', 'ResourceAlreadyExistsException', 'duplicate_record'],
    messages: [
      'A user with this email already exists.',
      'The resource already exists.',
      'Duplicate entry for key name.',
    ],
    skip: RATE_STATUSES,
  },
  {
    name: 'not-implemented',
    retryable: false,
    // google.rpc UNIMPLEMENTED, S3 NotImplemented, Azure OperationNotSupported.
    codes: ['UNIMPLEMENTED', 'NotImplemented', 'not_implemented', 'OperationNotSupported'],
    messages: [
      'This method is not implemented.',
      'The operation is not supported for this resource type.',
      'Not implemented yet.',
    ],
    skip: RATE_STATUSES,
  },
  {
    name: 'config',
    retryable: false,
    // Vercel DEPLOYMENT_PAUSED / DEPLOYMENT_DISABLED, Google SERVICE_DISABLED ("API has not been used … or it is
    // disabled"), a server's own misconfiguration.
    codes: ['DEPLOYMENT_PAUSED', 'SERVICE_DISABLED', 'ACCOUNT_SUSPENDED', 'FEATURE_DISABLED'],
    messages: [
      'This API is disabled for the project. Enable it in the console.',
      'The deployment has been disabled by its owner.',
      'Server misconfigured: missing environment variable DATABASE_URL.',
    ],
    skip: RATE_STATUSES,
  },
  {
    name: 'says-nothing',
    retryable: 'status',
    // google.rpc INTERNAL / UNKNOWN; a generic sentence.
    codes: ['INTERNAL', 'internal_error'],
    messages: ['An error occurred while processing the request.', 'Something went wrong.'],
  },
];

/** Where the response carries its failure: an HTTP status, or a 2xx envelope (alone, or naming its own status). */
interface Carrier {
  name: string;
  status: number;
  /** The status a class that says nothing follows (a 2xx envelope's embedded status). */
  follows?: number;
  /** Top-level fields of a 2xx envelope. */
  envelope?: Record<string, unknown>;
}

const CARRIERS: readonly Carrier[] = [
  { name: '400', status: 400 },
  { name: '403', status: 403 },
  { name: '409', status: 409 },
  { name: '422', status: 422 },
  { name: '429', status: 429 },
  { name: '500', status: 500 },
  { name: '502', status: 502 },
  { name: '503', status: 503 },
  // success:false (Cloudflare API, Slack-like `ok:false`): a generic error says nothing about retrying.
  { name: '200 success:false', status: 200, follows: 400, envelope: { success: false } },
  // A 2xx envelope that names its own HTTP status (`statusCode: 503`, NestJS/Fastify error shape in a 200).
  { name: '200 statusCode:503', status: 200, follows: 503, envelope: { success: false, statusCode: 503 } },
  { name: '200 statusCode:400', status: 200, follows: 400, envelope: { success: false, statusCode: 400 } },
];

type Where = 'code' | 'message' | 'both';
type Shape = 'error-object' | 'jsonapi' | 'problem';

/** The body of one cell; a code-only cell carries no sentence at all (nothing else to read). */
function bodyOf(shape: Shape, carrier: Carrier, code: string | undefined, message: string | undefined): unknown {
  const fields: Record<string, unknown> = {};
  if (code !== undefined) fields.code = code;
  if (message !== undefined) fields.message = message;
  const env = carrier.envelope ?? {};
  switch (shape) {
    case 'error-object':
      return { ...env, error: fields };
    case 'jsonapi': {
      // JSON:API error objects: `code`, `title`, `detail` (jsonapi.org/format/#error-objects).
      const item: Record<string, unknown> = {};
      if (code !== undefined) item.code = code;
      if (message !== undefined) item.detail = message;
      return { ...env, errors: [item] };
    }
    case 'problem': {
      // RFC 9457: `detail` is the sentence; a code as an extension member.
      const p: Record<string, unknown> = { type: 'about:blank' };
      if (code !== undefined) p.code = code;
      if (message !== undefined) p.detail = message;
      if (carrier.envelope) return { ...env, ...p };
      return { ...p, status: carrier.status };
    }
  }
}

/**
 * Cells left out as arguable (corpus/tools/reach-z-sources.md says why):
 * - a 403 whose only sign is a try-later sentence: WAF and CDN block pages say "try again later" on a 403 that no
 *   wait clears, so the sentence alone does not make it transient;
 * - a `success:false` envelope with no status whose code is google.rpc INTERNAL / `internal_error`: the code itself
 *   maps to HTTP 500 (AIP-193), so "follows the status" has no status to follow.
 */
function arguable(cls: ClassName, carrier: Carrier, where: Where): boolean {
  if (carrier.status === 403 && where === 'message' && (cls === 'transient' || cls === 'conflict-in-progress'))
    return true;
  return cls === 'says-nothing' && carrier.name === '200 success:false' && where !== 'message';
}

interface Cell extends Variant {
  dims: { cls: ClassName; carrier: string; where: Where; shape: Shape };
}

function retryCells(): Cell[] {
  const cells: Cell[] = [];
  for (const cls of CLASSES) {
    for (const carrier of CARRIERS) {
      if (cls.skip?.has(carrier.status)) continue;
      const follows = carrier.follows ?? carrier.status;
      const retryable = cls.retryable === 'status' ? follows >= 500 || follows === 429 : cls.retryable;
      const n = Math.max(cls.codes.length, cls.messages.length);
      for (const shape of ['error-object', 'jsonapi', 'problem'] as const) {
        for (const where of ['code', 'message', 'both'] as const) {
          if (arguable(cls.name, carrier, where)) continue;
          const count = where === 'code' ? cls.codes.length : where === 'message' ? cls.messages.length : n;
          for (let i = 0; i < count; i++) {
            const code = where === 'message' ? undefined : cls.codes[i % cls.codes.length];
            const message = where === 'code' ? undefined : cls.messages[i % cls.messages.length];
            cells.push({
              name: `retry ${cls.name} × ${carrier.name} × ${where} × ${shape}: ${code ?? ''} ${message ?? ''}`,
              status: carrier.status,
              body: bodyOf(shape, carrier, code, message),
              type: shape === 'problem' && !carrier.envelope ? 'application/problem+json' : 'application/json',
              expect: { failure: true, retryable },
              dims: { cls: cls.name, carrier: carrier.name, where, shape },
            });
          }
        }
      }
    }
  }
  return cells;
}

const NOW = Date.parse('2030-01-01T00:00:00Z');
const DATE = new Date(NOW).toUTCString();
const at = (seconds: number): number => NOW + seconds * 1000;

interface WaitSource {
  name: string;
  /** Headers and body fields for a wait of `s` seconds. */
  headers?: (s: number) => Record<string, string>;
  /** Fields added to the error object. */
  errorFields?: (s: number) => Record<string, unknown>;
  /** Fields added at the top of the body. */
  topFields?: (s: number) => Record<string, unknown>;
  /** The message (replaces the carrier's). */
  message?: (s: number) => string;
  /** Figures this source can state (sub-second, fractional, multi-day). */
  figures?: readonly number[];
  /** The source only counts on a rate limit (legacy reset headers are sent on every response). */
  rateLimitOnly?: boolean;
}

/** "2 days", "13 minutes", "30 seconds": the largest whole unit, as messages write it. */
function prose(s: number): string {
  if (s % 86_400 === 0) return `${s / 86_400} day${s === 86_400 ? '' : 's'}`;
  if (s % 3600 === 0) return `${s / 3600} hour${s === 3600 ? '' : 's'}`;
  if (s % 60 === 0 && s >= 120) return `${s / 60} minutes`;
  return `${s} seconds`;
}

const WHOLE = [30, 831, 172_800];

/** `30s`, `47.4s`, `13m51s`, `48h0m0s`: Go's time.Duration.String() as OpenAI's headers and messages write it. */
function goDuration(s: number): string {
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = Math.round((s % 60) * 1000) / 1000;
  if (h) return `${h}h${m}m${rest}s`;
  if (m) return `${m}m${rest}s`;
  return `${rest}s`;
}
const ANY = [30, 47.4, 831, 172_800];

const WAIT_SOURCES: readonly WaitSource[] = [
  // RFC 9110 §10.2.3: delay-seconds and HTTP-date (counted from the response's Date).
  { name: 'Retry-After seconds', headers: (s) => ({ 'retry-after': String(s) }), figures: WHOLE },
  { name: 'Retry-After HTTP-date', headers: (s) => ({ 'retry-after': new Date(at(s)).toUTCString() }), figures: WHOLE },
  // Stainless SDKs (OpenAI, Anthropic): retry-after-ms, float milliseconds.
  { name: 'retry-after-ms', headers: (s) => ({ 'retry-after-ms': String(s * 1000) }), figures: ANY },
  // GitHub / Okta / Twitter: epoch seconds with a remaining counter at 0.
  {
    name: 'x-ratelimit-reset epoch s',
    headers: (s) => ({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(at(s) / 1000) }),
    figures: WHOLE,
    rateLimitOnly: true,
  },
  {
    name: 'x-rate-limit-reset epoch s',
    headers: (s) => ({ 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(at(s) / 1000) }),
    figures: WHOLE,
    rateLimitOnly: true,
  },
  // Zendesk / Brevo: seconds remaining.
  {
    name: 'x-ratelimit-reset delta s',
    headers: (s) => ({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(s) }),
    figures: WHOLE,
    rateLimitOnly: true,
  },
  // Epoch milliseconds (the RateLimit draft's appendix lists them among legacy reset forms).
  {
    name: 'x-ratelimit-reset epoch ms',
    headers: (s) => ({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(at(s)) }),
    figures: WHOLE,
    rateLimitOnly: true,
  },
  // Atlassian: ISO-8601 timestamp.
  {
    name: 'x-ratelimit-reset ISO',
    headers: (s) => ({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': new Date(at(s)).toISOString() }),
    figures: WHOLE,
    rateLimitOnly: true,
  },
  // Discord: X-RateLimit-Reset-After, float seconds.
  {
    name: 'x-ratelimit-reset-after',
    headers: (s) => ({ 'x-ratelimit-reset-after': String(s) }),
    figures: ANY,
    rateLimitOnly: true,
  },
  // IETF RateLimit fields: the structured `RateLimit` (r/t) and the older separate RateLimit-Reset (draft ≤ 06).
  { name: 'RateLimit t=', headers: (s) => ({ ratelimit: `"default";r=0;t=${s}` }), figures: WHOLE },
  {
    name: 'RateLimit-Reset',
    headers: (s) => ({ 'ratelimit-remaining': '0', 'ratelimit-reset': String(s) }),
    figures: WHOLE,
    rateLimitOnly: true,
  },
  // Body fields: Discord `retry_after` (float s), Marketing Cloud / OpenStack `retryAfter`, Telegram
  // `parameters.retry_after`, `retry_after_ms`, google.rpc.RetryInfo `retryDelay` in `details[]`.
  { name: 'body error.retry_after', errorFields: (s) => ({ retry_after: s }), figures: ANY },
  { name: 'body retry_after (top)', topFields: (s) => ({ retry_after: s }), figures: ANY },
  { name: 'body retryAfter (top)', topFields: (s) => ({ retryAfter: s }), figures: WHOLE },
  { name: 'body parameters.retry_after', topFields: (s) => ({ parameters: { retry_after: s } }), figures: WHOLE },
  { name: 'body retry_after_ms', errorFields: (s) => ({ retry_after_ms: s * 1000 }), figures: ANY },
  {
    name: 'body RetryInfo.retryDelay',
    errorFields: (s) => ({
      details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: `${s}s` }],
    }),
    figures: ANY,
  },
  // Fractional Retry-After (Shopify `Retry-After: 2.0`, older Graph docs `2.128`).
  { name: 'Retry-After fraction', headers: (s) => ({ 'retry-after': s.toFixed(1) }), figures: ANY },
  // ky's header chain: Symfony's X-RateLimit-Retry-After (a timestamp in Symfony's RateLimiter, seconds elsewhere).
  {
    name: 'x-ratelimit-retry-after epoch s',
    headers: (s) => ({ 'x-ratelimit-retry-after': String(at(s) / 1000) }),
    figures: WHOLE,
    rateLimitOnly: true,
  },
  // OpenAI: Go-style duration strings on the exhausted window.
  {
    name: 'x-ratelimit-reset-requests duration',
    headers: (s) => ({ 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': goDuration(s) }),
    figures: ANY,
    rateLimitOnly: true,
  },
  // Anthropic: RFC 3339 reset per window.
  {
    name: 'anthropic-ratelimit-requests-reset ISO',
    headers: (s) => ({
      'anthropic-ratelimit-requests-remaining': '0',
      'anthropic-ratelimit-requests-reset': new Date(at(s)).toISOString(),
    }),
    figures: WHOLE,
    rateLimitOnly: true,
  },
  // Body fields as strings and dates: `retry_after: "30"`, `retryAfter` as an ISO time, Twitch/HubSpot-style
  // `reset_at` epoch seconds beside a rate-limit code.
  { name: 'body retry_after string', errorFields: (s) => ({ retry_after: String(s) }), figures: WHOLE },
  { name: 'body retryAfter ISO', errorFields: (s) => ({ retryAfter: new Date(at(s)).toISOString() }), figures: WHOLE },
  { name: 'body retry_after_seconds', errorFields: (s) => ({ retry_after_seconds: s }), figures: WHOLE },
  { name: 'body retryAfterMs', topFields: (s) => ({ retryAfterMs: s * 1000 }), figures: ANY },
  // Message phrases: Gemini "Please retry in 47.4s", OpenAI "Please try again in 7.315s", DRF "Expected available in
  // 831 seconds.", Telegram "retry after 34", "Please wait N seconds before retrying".
  { name: 'msg "retry in Ns"', message: (s) => `Resource exhausted. Please retry in ${s}s.`, figures: ANY },
  {
    name: 'msg "try again in N seconds"',
    message: (s) => `Rate limit reached. Please try again in ${prose(s)}.`,
    figures: WHOLE,
  },
  {
    name: 'msg "available in N seconds"',
    message: (s) => `Request was throttled. Expected available in ${s} seconds.`,
    figures: WHOLE,
  },
  { name: 'msg "retry after N"', message: (s) => `Too Many Requests: retry after ${s}`, figures: WHOLE },
  { name: 'msg "wait N seconds before"', message: (s) => `Please wait ${prose(s)} before retrying.`, figures: WHOLE },
  { name: 'msg "retry in N seconds"', message: (s) => `Too many requests. Retry in ${prose(s)}.`, figures: WHOLE },
  // OpenAI "Please try again in 1m30s" (Go duration), Azure API Management "Quota will be replenished in 00:13:51"
  // (.NET TimeSpan), "Try again in 47.4 seconds".
  {
    name: 'msg "try again in <duration>"',
    message: (s) => `Rate limit reached. Please try again in ${goDuration(s)}.`,
    figures: ANY,
  },
  { name: 'msg "retry after N seconds"', message: (s) => `Please retry after ${prose(s)}.`, figures: WHOLE },
  {
    name: 'msg "try again after N seconds"',
    message: (s) => `Too many requests. Try again after ${s} seconds.`,
    figures: ANY,
  },
  { name: 'msg "in N seconds" decimal', message: (s) => `Throttled. You can retry in ${s} seconds.`, figures: ANY },
  {
    name: 'msg "resets at <ISO>"',
    message: (s) => `Rate limit exceeded. Limit resets at ${new Date(at(s)).toISOString()}.`,
    figures: WHOLE,
  },
];

interface WaitCarrier {
  name: string;
  status: number;
  envelope?: Record<string, unknown>;
  code: string;
  message: string;
}

const WAIT_CARRIERS: readonly WaitCarrier[] = [
  // GitHub-style 403 rate limit (primary: remaining 0; secondary: the sentence).
  { name: '403', status: 403, code: 'rate_limited', message: 'API rate limit exceeded.' },
  { name: '400', status: 400, code: 'RATE_LIMIT_EXCEEDED', message: 'Rate limit exceeded.' },
  { name: '429', status: 429, code: 'rate_limit_exceeded', message: 'Rate limit exceeded.' },
  { name: '503', status: 503, code: 'UNAVAILABLE', message: 'The service is temporarily unavailable.' },
  {
    name: '200 rate-limit envelope',
    status: 200,
    envelope: { success: false },
    code: 'rate_limit_exceeded',
    message: 'Rate limit exceeded.',
  },
];

interface WaitCell extends Variant {
  dims: { source: string; carrier: string; figure: number };
}

function waitCells(): WaitCell[] {
  const cells: WaitCell[] = [];
  for (const src of WAIT_SOURCES) {
    for (const carrier of WAIT_CARRIERS) {
      // A legacy reset header on a response that is no rate limit is no wait (it is on every response).
      if (src.rateLimitOnly && carrier.status === 503) continue;
      for (const s of src.figures ?? WHOLE) {
        const error: Record<string, unknown> = {
          code: carrier.code,
          message: src.message ? src.message(s) : carrier.message,
          ...src.errorFields?.(s),
        };
        cells.push({
          name: `wait ${src.name} × ${carrier.name} × ${s}`,
          status: carrier.status,
          headers: { date: DATE, ...src.headers?.(s) },
          body: { ...carrier.envelope, error, ...src.topFields?.(s) },
          type: 'application/json',
          expect: { failure: true, retryable: true, retryAfterSeconds: s },
          dims: { source: src.name, carrier: carrier.name, figure: s },
        });
      }
    }
  }
  return cells;
}

/** Figures that are no wait: the server gave none, or only a duration of something else. */
const NO_WAIT: Variant[] = [
  {
    name: 'no wait: 429 with nothing',
    status: 429,
    body: { error: { code: 'rate_limit_exceeded', message: 'Rate limit exceeded.' } },
    expect: { retryAfterSeconds: null },
  },
  {
    name: 'no wait: a 400 with reset headers of an unspent limit',
    status: 400,
    headers: { date: DATE, 'x-ratelimit-remaining': '57', 'x-ratelimit-reset': String(at(30) / 1000) },
    body: { error: { code: 'validation_error', message: 'Missing required field: name' } },
    expect: { retryAfterSeconds: null, retryable: false },
  },
  {
    name: 'no wait: a 504 that names how long it waited',
    status: 504,
    body: { error: { code: 'DEADLINE_EXCEEDED', message: 'The upstream timed out after 30 seconds.' } },
    expect: { retryAfterSeconds: null, retryable: true },
  },
  {
    name: 'no wait: a 401 token that expired 30 minutes ago',
    status: 401,
    body: { error: { code: 'token_expired', message: 'The token expired 30 minutes ago.' } },
    expect: { retryAfterSeconds: null, retryable: false },
  },
];

/** Where a class is said only in a header: the code header (AWS x-amzn-ErrorType) or the server's own verdict. */
const HEADER_CELLS: Variant[] = [
  {
    name: 'header x-amzn-errortype ThrottlingException on 400',
    status: 400,
    headers: { 'x-amzn-errortype': 'ThrottlingException' },
    body: '',
    type: 'application/json',
    expect: { retryable: true },
  },
  {
    name: 'header x-amzn-errortype ServiceUnavailableException on 400',
    status: 400,
    headers: { 'x-amzn-errortype': 'ServiceUnavailableException' },
    body: '',
    type: 'application/json',
    expect: { retryable: true },
  },
  {
    name: 'header x-amzn-errortype ValidationException on 500',
    status: 500,
    headers: { 'x-amzn-errortype': 'ValidationException' },
    body: '',
    type: 'application/json',
    expect: { retryable: false },
  },
  {
    name: 'header x-should-retry false on 503',
    status: 503,
    headers: { 'x-should-retry': 'false' },
    body: { error: { message: 'Internal error.' } },
    expect: { retryable: false },
  },
  {
    name: 'header x-should-retry true on 409',
    status: 409,
    headers: { 'x-should-retry': 'true' },
    body: { error: { message: 'Conflict.' } },
    expect: { retryable: true },
  },
  {
    name: 'header stripe-should-retry false on 500',
    status: 500,
    headers: { 'stripe-should-retry': 'false' },
    body: { error: { message: 'An error occurred.' } },
    expect: { retryable: false },
  },
  {
    name: 'header retry-after on 403 rate limit',
    status: 403,
    headers: { 'retry-after': '60' },
    body: { message: 'You have exceeded a secondary rate limit.' },
    expect: { retryable: true, retryAfterSeconds: 60 },
  },
];

const RETRY = retryCells();
const WAITS = waitCells();

/** Cells right / total per value of each dimension, for the sources file (REACH_Z_TALLY=1 prints it). */
function tally<T extends { dims: Record<string, unknown> }>(cells: readonly T[], bad: ReadonlySet<T>): string {
  const lines: string[] = [];
  const keys = Object.keys(cells[0].dims);
  for (const key of keys) {
    const by = new Map<string, [number, number]>();
    for (const c of cells) {
      const v = String(c.dims[key]);
      const [ok, all] = by.get(v) ?? [0, 0];
      by.set(v, [ok + (bad.has(c) ? 0 : 1), all + 1]);
    }
    lines.push(`  ${key}: ${[...by].map(([v, [ok, all]]) => `${v} ${ok}/${all}`).join(', ')}`);
  }
  return lines.join('\n');
}

describe('retry and wait grid: retryability', () => {
  const bad = new Set<Cell>();
  const problems: string[] = [];
  for (const c of RETRY) {
    const m = variantMismatches(c);
    if (m.length) {
      bad.add(c);
      problems.push(`${c.name}: ${m.join('; ')}`);
    }
  }
  if (process.env.REACH_Z_TALLY) {
    console.log(`retry grid ${RETRY.length - bad.size}/${RETRY.length}\n${tally(RETRY, bad)}`);
    if (process.env.REACH_Z_TALLY === 'all') console.log(problems.join('\n'));
  }
  it(`every cell of the retry grid (${RETRY.length})`, () => {
    expect(problems).toEqual([]);
  });
});

describe('retry and wait grid: waits', () => {
  const bad = new Set<WaitCell>();
  const problems: string[] = [];
  for (const c of WAITS) {
    const m = variantMismatches(c);
    if (m.length) {
      bad.add(c);
      problems.push(`${c.name}: ${m.join('; ')}`);
    }
  }
  if (process.env.REACH_Z_TALLY) {
    console.log(`wait grid ${WAITS.length - bad.size}/${WAITS.length}\n${tally(WAITS, bad)}`);
    if (process.env.REACH_Z_TALLY === 'all') console.log(problems.join('\n'));
  }
  it(`every cell of the wait grid (${WAITS.length})`, () => {
    expect(problems).toEqual([]);
  });
});

describe('retry and wait grid: headers and no-wait guards', () => {
  it.each([...HEADER_CELLS, ...NO_WAIT].map((v) => [v.name, v] as const))('%s', (_name, v) => {
    expect(variantMismatches(v)).toEqual([]);
  });
});

// A second grid written after the first one's fixes, with wording the fixes never saw, to measure how far they reach
// (its before/after figures are in corpus/tools/reach-z-sources.md).
interface Said {
  code?: string;
  message?: string;
  retryable: boolean;
  /** Where it comes from. */
  from: string;
}

const OAUTH: readonly Said[] = [
  // RFC 6749 §5.2 and §4.1.2.1, RFC 8628 §3.5 (device flow): the token endpoint's `error` / `error_description`.
  {
    code: 'temporarily_unavailable',
    message:
      'The authorization server is currently unable to handle the request due to a temporary overloading or maintenance.',
    retryable: true,
    from: 'RFC 6749',
  },
  // Not `server_error`: a generic server-failure code wraps any error (Apollo's INTERNAL_SERVER_ERROR default carries a
  // Boom 403 in strapi/community-content#20), so it says nothing a status would not; left out as arguable.
  {
    code: 'slow_down',
    message: 'Polling too frequently; increase the interval by 5 seconds.',
    retryable: true,
    from: 'RFC 8628',
  },
  {
    code: 'authorization_pending',
    message:
      'The authorization request is still pending as the end user has not yet completed the user-interaction steps.',
    retryable: true,
    from: 'RFC 8628',
  },
  {
    code: 'invalid_grant',
    message: 'The provided authorization grant is invalid, expired or revoked.',
    retryable: false,
    from: 'RFC 6749',
  },
  { code: 'invalid_client', message: 'Client authentication failed.', retryable: false, from: 'RFC 6749' },
  {
    code: 'unsupported_grant_type',
    message: 'The authorization grant type is not supported by the authorization server.',
    retryable: false,
    from: 'RFC 6749',
  },
  {
    code: 'invalid_scope',
    message: 'The requested scope is invalid, unknown, or malformed.',
    retryable: false,
    from: 'RFC 6749',
  },
  {
    code: 'expired_token',
    message: 'The device_code has expired; start a new device authorization request.',
    retryable: false,
    from: 'RFC 8628',
  },
  {
    code: 'access_denied',
    message: 'The end user denied the authorization request.',
    retryable: false,
    from: 'RFC 8628',
  },
];

const SDK_CODES: readonly Said[] = [
  // smithy-typescript service-error-classification constants: throttling and transient codes.
  ...[
    'ProvisionedThroughputExceededException',
    'RequestLimitExceeded',
    'SlowDown',
    'EC2ThrottledException',
    'RequestThrottled',
    'BandwidthLimitExceeded',
    'RequestTimeoutException',
    'TimeoutError',
    'TransactionInProgressException',
  ].map((code): Said => ({ code, retryable: true, from: 'smithy constants.ts' })),
  // google.rpc codes by AIP-193 / gRPC status-codes.md: what a client may retry.
  { code: 'DEADLINE_EXCEEDED', retryable: true, from: 'gRPC' },
  { code: 'FAILED_PRECONDITION', retryable: false, from: 'gRPC' },
  { code: 'OUT_OF_RANGE', retryable: false, from: 'gRPC' },
  { code: 'NOT_FOUND', retryable: false, from: 'gRPC' },
  // Node/libuv errno names got retries (documentation/7-retry.md errorCodes), as a proxy reports its upstream's.
  ...['ETIMEDOUT', 'ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'EAI_AGAIN'].map((code): Said => ({
    code,
    retryable: true,
    from: 'got errorCodes',
  })),
];

const PROSE: readonly Said[] = [
  { message: 'Database connection failed, please try again.', retryable: true, from: 'prose' },
  { message: 'Connection refused by upstream server.', retryable: true, from: 'prose' },
  { message: 'Socket hang up', retryable: true, from: 'Node ECONNRESET text' },
  { message: 'Gateway Timeout', retryable: true, from: 'reason phrase' },
  { message: 'Bad Gateway', retryable: true, from: 'reason phrase' },
  { message: 'Service Unavailable', retryable: true, from: 'reason phrase' },
  { message: 'The request took too long to complete. Please try again.', retryable: true, from: 'prose' },
  { message: 'We are experiencing high load right now; please retry your request.', retryable: true, from: 'prose' },
  {
    message: 'The request could not be completed because of a conflict with another request. Please retry.',
    retryable: true,
    from: 'prose',
  },
  {
    message: 'Resource is currently locked. Retry the request after the lock is released.',
    retryable: true,
    from: 'prose',
  },
  { message: 'The daily request limit for this API key has been reached.', retryable: false, from: 'prose' },
  { message: 'Your trial has expired. Please upgrade to continue.', retryable: false, from: 'prose' },
  { message: 'The API key is not valid for this project.', retryable: false, from: 'prose' },
  { message: 'Token has been revoked.', retryable: false, from: 'prose' },
  { message: 'Unsupported media type: text/csv.', retryable: false, from: 'prose' },
  { message: 'Field "amount" must be a positive number.', retryable: false, from: 'prose' },
];

/** Carriers of the second grid, and the body each writes `said` into. */
const HOLDOUT_CARRIERS: ReadonlyArray<{
  name: string;
  status: number;
  body: (s: Said) => unknown;
  only?: (s: Said) => boolean;
}> = [
  // OAuth's own shape on its own statuses.
  {
    name: '400 oauth',
    status: 400,
    body: (s) => ({ error: s.code, error_description: s.message }),
    only: (s) => OAUTH.includes(s),
  },
  {
    name: '401 oauth',
    status: 401,
    body: (s) => ({ error: s.code, error_description: s.message }),
    only: (s) => OAUTH.includes(s) && !s.retryable,
  },
  {
    name: '400 flat',
    status: 400,
    body: (s) => ({ code: s.code, message: s.message }),
    only: (s) => !OAUTH.includes(s),
  },
  {
    name: '409 flat',
    status: 409,
    body: (s) => ({ code: s.code, message: s.message }),
    only: (s) => !OAUTH.includes(s),
  },
  {
    name: '500 flat',
    status: 500,
    body: (s) => ({ code: s.code, message: s.message }),
    only: (s) => !OAUTH.includes(s),
  },
  {
    name: '503 flat',
    status: 503,
    body: (s) => ({ code: s.code, message: s.message }),
    only: (s) => !OAUTH.includes(s),
  },
  {
    name: '200 ok:false',
    status: 200,
    body: (s) => ({ ok: false, error: s.code ?? s.message, detail: s.code ? s.message : undefined }),
  },
  { name: '200 status:error', status: 200, body: (s) => ({ status: 'error', code: s.code, message: s.message }) },
];

/**
 * Left out as arguable: NOT_FOUND behind a 5xx (a lookup by a gateway or DNS can pass later); another status's reason
 * phrase as the only message of a 4xx (the body contradicts its own status).
 */
function holdoutArguable(status: number, s: Said): boolean {
  if (status >= 500 && s.code === 'NOT_FOUND') return true;
  return status >= 400 && status < 500 && s.from === 'reason phrase';
}

const HOLDOUT: Variant[] = [];
for (const carrier of HOLDOUT_CARRIERS) {
  for (const s of [...OAUTH, ...SDK_CODES, ...PROSE]) {
    if (carrier.only && !carrier.only(s)) continue;
    if (holdoutArguable(carrier.status, s)) continue;
    HOLDOUT.push({
      name: `${carrier.name} × ${s.from}: ${s.code ?? ''} ${s.message ?? ''}`,
      status: carrier.status,
      body: carrier.body(s),
      type: 'application/json',
      expect: { failure: true, retryable: s.retryable },
    });
  }
}

describe('retry and wait grid: second grid (wording unseen by the first fixes)', () => {
  const problems = HOLDOUT.flatMap((v) => variantMismatches(v).map((m) => `${v.name}: ${m}`));
  if (process.env.REACH_Z_TALLY) {
    console.log(
      `second grid ${HOLDOUT.length - new Set(problems.map((p) => p.split(': retryable')[0].split(': failure')[0])).size}/${HOLDOUT.length}`,
    );
    if (process.env.REACH_Z_TALLY === 'all') console.log(problems.join('\n'));
  }
  it(`every cell of the second grid (${HOLDOUT.length})`, () => {
    expect(problems).toEqual([]);
  });
});

/**
 * Waits in messages, in wordings public APIs use (OpenAI "try again in 6ms", DRF "Expected available in 1 second",
 * Supabase "you can only request this after 45 seconds"), and figures that are no wait: a window ("per 60 seconds"),
 * a count ("10 simultaneous connections"), a vague "a few minutes". Written after the first grids' fixes.
 */
const MESSAGE_WAIT_ROWS: ReadonlyArray<[string, number | null]> = [
  ['Rate limit reached for requests. Please try again in 6ms.', 0.006],
  ['Request was throttled. Expected available in 1 second.', 1],
  ['Please wait a few minutes before you try again.', null],
  ['You have exceeded the limit of 10 simultaneous connections.', null],
  ['Limit of 100 requests per 60 seconds exceeded.', null],
  ['Maximum 5 requests per second.', null],
  ['You can make 60 requests per minute.', null],
  ['Number of request tokens has exceeded your per-minute rate limit.', null],
  ['Too many requests, please try again later.', null],
  ['Rate limit is exceeded. Try again in 60 seconds.', 60],
  ['Quota exceeded. Please try again in 1 hour.', 3600],
  ['Too many requests. Try again in 1 minute and 30 seconds.', 90],
  ['Too many login attempts. Please try again in 5 mins.', 300],
  ['For security purposes, you can only request this after 45 seconds.', 45],
  ['Slow down! Next request allowed in 120 seconds.', 120],
  ['Rate limit exceeded, retry after 30s.', 30],
  ['Throttled: please back off for 30 seconds.', 30],
  ['You have been rate limited. Please wait 10 minutes.', 600],
  ['Rate limit of 1000 requests per 3600 seconds exceeded.', null],
];

describe('retry and wait grid: waits in messages (wording unseen by the first fixes)', () => {
  it.each(MESSAGE_WAIT_ROWS)('429 "%s" → %s', (message, seconds) => {
    const v: Variant = {
      name: message,
      status: 429,
      body: { error: { message } },
      expect: { retryable: true, retryAfterSeconds: seconds },
    };
    expect(variantMismatches(v)).toEqual([]);
  });
});
