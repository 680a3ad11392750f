// The retry verdict, whether the request is retryable, and the one- or two-sentence action.
// Decided by tables: a row per status code (with class fallbacks), a row per network error,
// then cross-cutting rules in order: quota > rate limit > status; server and body hints last.
import type { FieldError, FailureKind, RetryVerdict } from './types';
import { assertNever } from './assert-never';
import { networkErrorRule } from './network-errors';

/** Everything the advice depends on, already extracted by classify(). */
export interface AdviceFacts {
  failure: boolean;
  kind: FailureKind;
  status: number;
  method: string;
  /** The request URL, for "check the URL" actions. */
  url: string;
  idempotent: boolean;
  errorCode: string | null;
  errorId: string | null;
  message: string | null;
  fieldErrors: FieldError[];
  networkError: string | null;
  wait: { seconds: number; source: string } | null;
  /** Why the failure is a rate limit, or null. */
  rateLimit: string | null;
  /** Why the rate limit is an exhausted quota, or null. */
  quota: string | null;
  /** `x-should-retry` / `stripe-should-retry`. */
  serverSaysRetry: { value: boolean; source: string } | undefined;
  /** The body's own retry hint (Extracted.retryable). */
  bodySaysRetry: boolean | undefined;
  /** Allow header (405). */
  allow: string | undefined;
  /** WWW-Authenticate header (401). */
  wwwAuthenticate: string | undefined;
  /** The credential header the request sent (api_token, authorization, …), if any. */
  credentialHeader: string | undefined;
}

export interface Advice {
  verdict: RetryVerdict;
  retryable: boolean;
  action: string;
  /** Base of the backoff plan when it differs from the default (GitHub secondary limits: 60 s). */
  backoffBaseSeconds?: number;
}

/**
 * How a row retries:
 * - fix: the request is wrong; resend only after changing it
 * - deny: permission, payment, legal or quota; waiting does not help
 * - reauth: credentials must be refreshed first
 * - transient: may succeed later; for non-idempotent requests only with an idempotency key
 * - safe: may succeed later and the request was not processed, so any method may be resent
 */
type RetryMode = 'fix' | 'deny' | 'reauth' | 'transient' | 'safe';

interface Row {
  /** A mode, or a function of the facts when the row depends on them (413 with Retry-After). */
  mode: RetryMode | ((f: AdviceFacts) => RetryMode);
  /** The action; `f` gives the specifics. */
  action: (f: AdviceFacts) => string;
}

/** Path and query of a URL (no URL object: the input may be anything). */
export function urlPath(url: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^#]*)/i.exec(url);
  const p = m ? m[1] || '/' : url || 'the URL';
  return p.length > 120 ? `${p.slice(0, 119)}…` : p;
}

/** "7.3 s", "30 s", "2 min", "1.5 h". */
export function formatSeconds(seconds: number): string {
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 10) return `${Math.round(seconds * 10) / 10} s`;
  if (seconds < 120) return `${Math.round(seconds)} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 2 * 86_400) return `${Math.round(seconds / 360) / 10} h`;
  return `${Math.round(seconds / 8640) / 10} days`;
}

/** "wait 30 s (Retry-After header), then retry", or `otherwise`; lower case, for mid-sentence use. */
const waitThen = (f: AdviceFacts, otherwise: string): string =>
  f.wait ? `wait ${formatSeconds(f.wait.seconds)} (${f.wait.source}), then retry` : otherwise;

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

const quoteId = (f: AdviceFacts): string => (f.errorId ? ` If it persists, quote ID ${f.errorId} to support.` : '');

function short(text: string, max = 160): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

function fieldList(fields: FieldError[]): string {
  const names = [...new Set(fields.map((e) => e.field))];
  const shown = names.slice(0, 5).join(', ');
  return names.length > 5 ? `${shown} and ${names.length - 5} more` : shown;
}

function fixWithMessage(f: AdviceFacts, fallback: string): string {
  if (f.fieldErrors.length)
    return `Fix the invalid field${f.fieldErrors.length > 1 ? 's' : ''} ${fieldList(f.fieldErrors)}, then resend.`;
  if (f.message)
    return `Fix the request as the server says ("${short(f.message, 120)}"); resending it unchanged will fail again.`;
  return fallback;
}

function credentialName(f: AdviceFacts): string {
  const h = f.credentialHeader;
  if (!h) return 'the API token / credentials';
  if (h === 'authorization') return 'the Authorization token / credentials';
  if (h === 'cookie') return 'the session cookie / credentials';
  return `the ${h} / credentials`;
}

const CLOCK_SKEW =
  /RequestTimeTooSkewed|RequestExpired|RequestInTheFuture|clock skew|request date header too old|time.?too.?skewed/i;
const IDEMPOTENCY_IN_FLIGHT =
  /outstanding|in progress|in flight|still processing|concurrent|lock_timeout|lock timeout/i;
const IDEMPOTENCY_REUSED = /idempotency.?key.*(?:already used|reused|different|mismatch)|idempotency_error/i;
/**
 * A 409 whose message says another request holds the resource right now (a race, an operation in
 * progress): the same request can succeed once that is done. Reach-k, session 16. Reach-v: Cloud Storage's
 * 409 `conflict` "The metadata for object … was edited during the operation. Please try again."
 */
const CONFLICT_IN_FLIGHT =
  /\b(?:(?:another|an?other|a concurrent|the previous) (?:request|operation|process|update|job|task)s? (?:is |are )?(?:currently |still )?(?:in progress|running|pending|being processed)|(?:operation|request|update|deployment|job) (?:on [\w .-]{1,40} )?is (?:currently |still )?in progress|concurrent(?:ly)? (?:modification|modified|update|updated|change|changes|request|requests|write|writes)|(?:was|were|might have been|has been) modified while the request was being processed|while the request was being processed|(?:was|were) (?:edited|modified|changed|updated) during the operation)\b/i;
/** Conflicts that a resend cannot clear: a stale version, a duplicate, a state that has moved on. */
const CONFLICT_TO_RESOLVE =
  /\b(?:version|etag|revision|stale|outdated|reload|re-?fetch|duplicate|already (?:exists|been|in use|taken|registered))\b/i;
const API_GATEWAY_NO_ROUTE = /MissingAuthenticationToken/;
const TRANSIENT_BODY_CODE =
  /rate.?limit|throttl|too.?many|timeout|timed.?out|unavailable|temporar|try.?again|overload|busy|internal|retry|^unknown(?:[_ -]?error)?$/i;

/** A 2xx body failure whose message says to retry: "please retry", "the server is busy", "timed out". */
const BODY_TRANSIENT_MESSAGE =
  /\b(?:please retry|retry (?:later|shortly|in a (?:moment|few))|too many requests|overloaded|(?:server|service|system) is (?:currently )?busy|(?:server|service|system|api) (?:is )?(?:currently |temporarily )?unavailable|timed out|internal (?:server )?error|(?:server|system) error)\b/i;

/** A message that blames the request or its credentials ("Invalid API KEY. Please retry…"): the retry it asks for is after a fix. */
const BODY_FIX_MESSAGE =
  /\b(?:invalid|missing|required|unauthori[sz]ed|forbidden|not found|unknown|expired|api ?key)\b/i;

/** Rows per status code. Codes not listed fall back to CLASS_ROWS. */
const STATUS_ROWS: Record<number, Row> = {
  400: {
    mode: 'fix',
    action: (f) =>
      fixWithMessage(
        f,
        'Fix the request (syntax, parameters or body) before resending; retrying it unchanged will fail again.',
      ),
  },
  401: {
    mode: 'reauth',
    action: (f) => {
      if ((f.errorCode && CLOCK_SKEW.test(f.errorCode)) || (f.message && CLOCK_SKEW.test(f.message))) {
        return "The request's timestamp is outside the allowed window: fix the client clock (sync NTP), then sign and resend.";
      }
      const why = /error="?([a-z_]+)/i.exec(f.wwwAuthenticate ?? '')?.[1];
      return f.credentialHeader || why
        ? `Check ${credentialName(f)} and re-authenticate: the server rejected them${why ? ` (${why})` : ''}.`
        : 'Check the API token / credentials and re-authenticate: the server rejected them, or none were sent.';
    },
  },
  402: {
    mode: 'deny',
    action: () =>
      "A billing or payment condition blocked the request (card declined, plan or credit limit): resolve it in the account; retrying won't help.",
  },
  403: {
    mode: 'deny',
    action: (f) => {
      if (f.errorCode && API_GATEWAY_NO_ROUTE.test(f.errorCode))
        return 'API Gateway answers 403 for routes that do not exist: check the URL, stage and method.';
      if ((f.errorCode && CLOCK_SKEW.test(f.errorCode)) || (f.message && CLOCK_SKEW.test(f.message))) {
        return "The request's timestamp is outside the allowed window: fix the client clock (sync NTP), then sign and resend.";
      }
      return "Check the token's permissions, scope or role for this resource: the server knows who you are but refuses. Retrying unchanged won't help.";
    },
  },
  404: {
    mode: 'fix',
    action: (f) =>
      `Check the URL (${urlPath(f.url)}) and the resource ID: nothing exists there, or you may not see it.`,
  },
  405: {
    mode: 'fix',
    action: (f) =>
      f.allow
        ? `Use one of the methods this endpoint allows: ${f.allow.trim()} (not ${f.method}).`
        : `This endpoint does not accept ${f.method}: check the API reference for the right method.`,
  },
  406: { mode: 'fix', action: () => 'Send an Accept header the server can satisfy (usually application/json).' },
  407: { mode: 'reauth', action: () => 'Authenticate with the proxy (Proxy-Authorization), then resend.' },
  408: {
    mode: 'safe',
    action: (f) =>
      `${capitalize(waitThen(f, 'resend the request'))}: the server timed out waiting for it and did not process it.`,
  },
  409: {
    mode: 'fix',
    action: (f) =>
      f.message && IDEMPOTENCY_REUSED.test(f.message)
        ? 'The Idempotency-Key was already used with a different request: send a new key for a changed request.'
        : "The request conflicts with the resource's current state (version, duplicate or lock): re-fetch it, resolve the conflict, then resend.",
  },
  410: {
    mode: 'deny',
    action: () => 'The resource is gone for good: stop calling it and update whatever refers to it.',
  },
  411: { mode: 'fix', action: () => 'Send a Content-Length header with the body.' },
  412: {
    mode: 'fix',
    action: () => 'The resource changed since you read it: re-fetch it and resend with its current ETag (If-Match).',
  },
  413: {
    mode: (f) => (f.wait ? 'safe' : 'fix'),
    action: (f) =>
      f.wait
        ? `${capitalize(waitThen(f, ''))}: the server is temporarily refusing large bodies.`
        : "Shrink the payload (or split it into smaller requests) below the server's size limit.",
  },
  414: { mode: 'fix', action: () => 'Shorten the URL: move parameters into the request body or paginate.' },
  415: { mode: 'fix', action: () => 'Send the body in a Content-Type (and Content-Encoding) the endpoint accepts.' },
  416: { mode: 'fix', action: () => "Request a byte range that lies inside the resource's size." },
  417: { mode: 'fix', action: () => 'Remove or fix the Expect header.' },
  418: {
    mode: 'deny',
    action: () =>
      "The server refuses this client (418 is often bot protection): check how the request looks to it; retrying won't help.",
  },
  419: {
    mode: 'reauth',
    action: () => 'The CSRF token or session expired: reload the page or fetch a fresh token, then resend.',
  },
  420: {
    mode: 'safe',
    action: (f) => `${capitalize(waitThen(f, 'back off exponentially'))}: the API is rate limiting you.`,
  },
  421: {
    mode: 'safe',
    action: () => 'The request reached a server that cannot answer for this host: retry on a new connection.',
  },
  422: {
    mode: 'fix',
    action: (f) =>
      f.message && IDEMPOTENCY_REUSED.test(f.message)
        ? 'The Idempotency-Key was already used with a different payload: send a new key for a changed request.'
        : fixWithMessage(
            f,
            'Fix the content the server rejected (validation failed); resending it unchanged will fail again.',
          ),
  },
  423: {
    mode: 'safe',
    action: (f) =>
      `The resource is locked or busy with another operation: ${f.wait ? `wait ${formatSeconds(f.wait.seconds)}` : 'wait a few seconds'} and retry.`,
  },
  424: { mode: 'fix', action: () => 'An operation this request depends on failed: fix that one first, then resend.' },
  425: {
    mode: 'safe',
    action: () =>
      'The server will not process possibly replayed early data: retry once the TLS handshake has completed.',
  },
  426: { mode: 'fix', action: () => 'Switch to the protocol the server requires (see the Upgrade header).' },
  428: {
    mode: 'fix',
    action: () => "Make the request conditional: read the resource's ETag and resend with If-Match.",
  },
  431: { mode: 'fix', action: () => "Trim the request headers (usually cookies) below the server's limit." },
  440: { mode: 'reauth', action: () => 'The session expired: sign in again, then resend.' },
  444: {
    mode: 'deny',
    action: () =>
      "nginx closed the connection without answering, usually because a rule blocks this client or request: check the server's blocking rules.",
  },
  449: { mode: 'fix', action: () => 'The server needs more information: resend with the data it asks for.' },
  451: { mode: 'deny', action: () => "The resource is unavailable for legal reasons: retrying won't help." },
  460: {
    mode: 'deny',
    action: () =>
      'The client closed the connection before the load balancer answered: check client-side timeouts; it is not a server failure.',
  },
  463: { mode: 'fix', action: () => 'Too many addresses in X-Forwarded-For: fix the proxy chain.' },
  494: { mode: 'fix', action: () => "Trim the request headers (usually cookies) below the server's limit." },
  495: { mode: 'fix', action: () => 'The client certificate is invalid: install a valid one.' },
  496: { mode: 'fix', action: () => 'The server requires a client certificate: configure one.' },
  497: { mode: 'fix', action: () => 'Plain HTTP was sent to an HTTPS port: use https://.' },
  499: {
    mode: 'deny',
    action: () =>
      'The client closed the connection before the server answered: not a server failure; check client-side timeouts and cancellations.',
  },
  500: {
    mode: 'transient',
    action: (f) => `The server failed unexpectedly: ${waitThen(f, 'retry with exponential backoff')}.${quoteId(f)}`,
  },
  501: {
    mode: 'deny',
    action: (f) =>
      `The server does not implement this method or feature: use a supported endpoint; retrying won't help.${quoteId(f)}`,
  },
  502: {
    mode: 'transient',
    action: (f) =>
      `A gateway got a bad response from the upstream server, usually a transient state: ${waitThen(f, 'retry with exponential backoff')}.${quoteId(f)}`,
  },
  503: {
    mode: 'transient',
    action: (f) =>
      `The service is temporarily unavailable (overload or maintenance): ${waitThen(f, 'retry with exponential backoff')}.${quoteId(f)}`,
  },
  504: {
    mode: 'transient',
    action: (f) =>
      `A gateway timed out waiting for the upstream server, which may still have done the work: ${waitThen(f, 'retry with exponential backoff')}.${quoteId(f)}`,
  },
  505: {
    mode: 'deny',
    action: () => 'The server does not support this HTTP version: fix the client or proxy configuration.',
  },
  506: {
    mode: 'deny',
    action: (f) =>
      `The server's content negotiation is misconfigured: report it to the operator; retrying won't help.${quoteId(f)}`,
  },
  507: {
    mode: 'transient',
    action: (f) =>
      `The server is out of storage: ${waitThen(f, 'retry later with backoff')}, or free space if it is yours.${quoteId(f)}`,
  },
  508: {
    mode: 'deny',
    action: (f) =>
      `The server detected an infinite loop (WebDAV bindings): fix the server configuration; retrying won't help.${quoteId(f)}`,
  },
  509: {
    mode: 'transient',
    action: (f) => `The bandwidth limit was exceeded: ${waitThen(f, 'back off and retry later')}.`,
  },
  510: {
    mode: 'deny',
    action: () => "The server requires a request extension (510, obsolete): fix the client; retrying won't help.",
  },
  511: {
    mode: 'deny',
    action: () => 'The network requires sign-in (captive portal): authenticate to the network, then retry.',
  },
  520: {
    mode: 'transient',
    action: (f) =>
      `Cloudflare got an empty or unknown response from the origin: ${waitThen(f, 'retry with backoff')}; if it persists, check the origin's logs.${quoteId(f)}`,
  },
  521: {
    mode: 'safe',
    action: (f) =>
      `The origin refused Cloudflare's connection, so the request never reached the app: ${waitThen(f, 'retry with backoff')}.${quoteId(f)}`,
  },
  522: {
    mode: 'safe',
    action: (f) =>
      `Cloudflare timed out connecting to the origin, so the request never reached the app: ${waitThen(f, 'retry with backoff')}.${quoteId(f)}`,
  },
  523: {
    mode: 'safe',
    action: (f) =>
      `Cloudflare cannot reach the origin (DNS or routing), so the request never reached the app: ${waitThen(f, 'retry with backoff')}.${quoteId(f)}`,
  },
  524: {
    mode: 'transient',
    action: (f) =>
      `The origin took longer than 100 s and may still be working: ${waitThen(f, 'retry with backoff')}.${quoteId(f)}`,
  },
  525: {
    mode: 'deny',
    action: (f) =>
      `The TLS handshake between Cloudflare and the origin failed: fix the origin's TLS configuration; retrying won't help.${quoteId(f)}`,
  },
  526: {
    mode: 'deny',
    action: (f) =>
      `The origin's certificate is invalid for Cloudflare: fix the certificate; retrying won't help.${quoteId(f)}`,
  },
  527: {
    mode: 'deny',
    action: (f) =>
      `The Railgun connection to the origin failed: fix the Railgun setup; retrying won't help.${quoteId(f)}`,
  },
  529: {
    mode: 'transient',
    action: (f) => `The service is overloaded: ${waitThen(f, 'retry with exponential backoff')}.${quoteId(f)}`,
  },
  530: {
    mode: 'deny',
    action: (f) =>
      `Cloudflare reports an origin DNS or configuration error (see the 1xxx code on the page): fix the origin setup.${quoteId(f)}`,
  },
  561: { mode: 'reauth', action: () => 'The identity provider rejected the user at the load balancer: sign in again.' },
  598: {
    mode: 'transient',
    action: (f) => `A proxy timed out reading from the upstream: ${waitThen(f, 'retry with backoff')}.${quoteId(f)}`,
  },
  599: {
    mode: 'transient',
    action: (f) => `A proxy timed out connecting to the upstream: ${waitThen(f, 'retry with backoff')}.${quoteId(f)}`,
  },
};

const CLIENT_FALLBACK: Row = {
  mode: 'fix',
  action: (f) => fixWithMessage(f, 'Fix the request before resending; retrying it unchanged will fail again.'),
};
const SERVER_FALLBACK: Row = {
  mode: 'transient',
  action: (f) => `The server failed: ${waitThen(f, 'retry with exponential backoff')}.${quoteId(f)}`,
};

/**
 * A status outside HTTP's classes (Qiniu's 612 "no such file", 631 "no such bucket"): the API's own code, not a server
 * error. Only its code or message can make it transient (classify.ts codeRetryHint); by itself it is looked up.
 */
const CUSTOM_FALLBACK: Row = {
  mode: 'fix',
  action: (f) =>
    fixWithMessage(
      f,
      `HTTP ${f.status} is this API's own status code, outside HTTP's classes: look it up in the API's documentation before resending.`,
    ),
};

/** Whether a status lies outside HTTP's five classes (an API's own code such as 612 or 631). */
export function isCustomStatus(status: number): boolean {
  return status >= 600;
}

/** The row for a status: its own, else its class's. */
export function statusRow(status: number): Row {
  if (STATUS_ROWS[status]) return STATUS_ROWS[status];
  if (isCustomStatus(status)) return CUSTOM_FALLBACK;
  return status >= 400 && status < 500 ? CLIENT_FALLBACK : SERVER_FALLBACK;
}

function fromMode(mode: RetryMode, f: AdviceFacts, action: string, mayHaveProcessed: boolean): Advice {
  switch (mode) {
    case 'fix':
      return { verdict: 'fix-request', retryable: false, action };
    case 'deny':
      return { verdict: 'do-not-retry', retryable: false, action };
    case 'reauth':
      return { verdict: 'reauthenticate', retryable: false, action };
    case 'safe':
      return { verdict: f.wait ? 'retry-after' : 'retry-backoff', retryable: true, action };
    case 'transient':
      if (!f.idempotent && mayHaveProcessed) {
        return {
          verdict: 'retry-idempotent',
          retryable: true,
          action: `${action} Re-sending this ${f.method || 'request'} may duplicate its side effects: retry only with an Idempotency-Key, or check first whether it took effect.`,
        };
      }
      return { verdict: f.wait ? 'retry-after' : 'retry-backoff', retryable: true, action };
    default:
      return assertNever(mode, 'retry mode');
  }
}

function rateLimited(f: AdviceFacts): Advice {
  if (f.quota) {
    return {
      verdict: 'do-not-retry',
      retryable: false,
      action: `The quota is exhausted (${f.quota}), so waiting seconds won't help: raise the plan, limit or billing, or wait for the quota period to reset.`,
    };
  }
  const secondary = f.message !== null && /secondary rate limit|abuse detection/i.test(f.message);
  if (f.wait) {
    // The server's figure as given; a long one is said to be long (a daily or monthly window, not a burst).
    const long =
      f.wait.seconds >= 3600
        ? ' That is a long wait: the limit is a daily or longer quota, so raising it may be quicker than waiting.'
        : '';
    return {
      verdict: 'retry-after',
      retryable: true,
      action: `Rate limited: wait ${formatSeconds(f.wait.seconds)} (${f.wait.source}), then retry; keep later requests under the limit.${long}`,
    };
  }
  if (secondary) {
    return {
      verdict: 'retry-backoff',
      retryable: true,
      backoffBaseSeconds: 60,
      action:
        'Secondary rate limit: wait at least a minute, then back off exponentially; keep going and the integration may be banned.',
    };
  }
  return {
    verdict: 'retry-backoff',
    retryable: true,
    action: 'Rate limited and the server gave no wait: back off exponentially with jitter before retrying.',
  };
}

function networkAdvice(f: AdviceFacts): Advice {
  const rule = networkErrorRule(f.networkError);
  if (!rule.retryable)
    return {
      verdict:
        rule.cause === 'cors' ||
        rule.cause === 'blocked-by-client' ||
        rule.cause === 'tls' ||
        rule.cause === 'bad-url' ||
        rule.cause === 'redirect-loop' ||
        rule.cause === 'blocked-by-policy'
          ? 'fix-request'
          : 'do-not-retry',
      retryable: false,
      action: rule.action,
    };
  return fromMode(rule.mayHaveReachedServer ? 'transient' : 'safe', f, rule.action, rule.mayHaveReachedServer);
}

function bodyFailureAdvice(f: AdviceFacts): Advice {
  const code = f.errorCode ? ` (${f.errorCode})` : '';
  const transient =
    (f.errorCode !== null && TRANSIENT_BODY_CODE.test(f.errorCode)) ||
    (f.message !== null &&
      (/rate.?limit/i.test(f.message) ||
        ((/try again|temporar/i.test(f.message) || BODY_TRANSIENT_MESSAGE.test(f.message)) &&
          !BODY_FIX_MESSAGE.test(f.message))));
  if (transient) {
    return fromMode(
      'transient',
      f,
      `HTTP ${f.status} but the body reports a transient failure${code}: ${waitThen(f, 'retry with exponential backoff')}.`,
      true,
    );
  }
  const said = f.message ? `: "${short(f.message, 120)}"` : '';
  return {
    verdict: 'fix-request',
    retryable: false,
    action: `HTTP ${f.status} but the body says the call failed${code}${said}. Handle it as an error; resending unchanged will fail the same way.`,
  };
}

/** Applies the server's explicit verdict (header) or the body's retry hint over the table's. */
function applyHints(base: Advice, f: AdviceFacts): Advice {
  const hint =
    f.serverSaysRetry ??
    (f.bodySaysRetry === undefined ? undefined : { value: f.bodySaysRetry, source: 'the response body' });
  if (!hint || hint.value === base.retryable) return base;
  if (hint.value) {
    const verdict: RetryVerdict = f.wait
      ? 'retry-after'
      : f.idempotent || f.status === 429
        ? 'retry-backoff'
        : 'retry-idempotent';
    return {
      verdict,
      retryable: true,
      action: `The server marks this retryable (${hint.source}): ${waitThen(f, 'retry with exponential backoff')}.${quoteId(f)}`,
    };
  }
  return {
    verdict: base.verdict === 'fix-request' || base.verdict === 'reauthenticate' ? base.verdict : 'do-not-retry',
    retryable: false,
    action: `The server says not to retry this (${hint.source}): find and fix the cause before resending.${quoteId(f)}`,
  };
}

/** The verdict, retryability and action for one classified exchange. */
export function advise(f: AdviceFacts): Advice {
  if (!f.failure) return { verdict: 'none', retryable: false, action: 'Nothing to do: the request succeeded.' };
  let base: Advice;
  if (f.kind === 'network') {
    base = networkAdvice(f);
  } else if (f.rateLimit) {
    base = rateLimited(f);
  } else if (f.kind === 'body') {
    base = bodyFailureAdvice(f);
  } else if (
    f.status === 409 &&
    ((f.wait !== null && f.message !== null && IDEMPOTENCY_IN_FLIGHT.test(f.message)) ||
      (f.errorCode !== null && IDEMPOTENCY_IN_FLIGHT.test(f.errorCode)) ||
      (f.message !== null && CONFLICT_IN_FLIGHT.test(f.message) && !CONFLICT_TO_RESOLVE.test(f.message)))
  ) {
    // IETF Idempotency-Key: "a request is outstanding for this key" (retry later, same key); Stripe lock_timeout;
    // or another request holds the resource right now ("Operation on the API is in progress").
    const idempotencyKey = f.message === null || !CONFLICT_IN_FLIGHT.test(f.message) || /idempoten/i.test(f.message);
    base = {
      verdict: f.wait ? 'retry-after' : 'retry-backoff',
      retryable: true,
      action: idempotencyKey
        ? `The same request is still being processed: ${waitThen(f, 'wait a moment and retry')} with the same Idempotency-Key.`
        : `Another request is still changing this resource: ${waitThen(f, 'wait a moment and retry')}.`,
    };
  } else {
    const row = statusRow(f.status);
    const mode = typeof row.mode === 'function' ? row.mode(f) : row.mode;
    // 'safe' rows (408, 423, 425, 521–523…) never reached the application; the rest might have.
    base = fromMode(mode, f, row.action(f), mode !== 'safe');
  }
  return applyHints(base, f);
}
