// Requests that got no (complete) HTTP response, by the browser's or tool's error string:
// Chrome net::ERR_*, Firefox NS_ERROR_*, Node E* codes and free text (mitmproxy).
// First matching row wins, so specific rows come before generic ones.

export type NetworkCause =
  | 'aborted'
  | 'cors'
  | 'blocked-by-client'
  | 'blocked-by-policy'
  | 'tls'
  | 'dns'
  | 'refused'
  | 'offline'
  | 'connect-timeout'
  | 'timeout'
  | 'reset'
  | 'redirect-loop'
  | 'bad-url'
  | 'unknown';

export interface NetworkErrorRule {
  cause: NetworkCause;
  pattern: RegExp;
  /** Whether sending it again, unchanged, can succeed. */
  retryable: boolean;
  /** False when the request provably never reached the application (safe to resend any method). */
  mayHaveReachedServer: boolean;
  action: string;
}

export const NETWORK_ERRORS: readonly NetworkErrorRule[] = [
  {
    cause: 'aborted',
    pattern: /ERR_ABORTED|NS_BINDING_ABORTED|ERR_CANCELED|NS_ERROR_ABORT|\baborted?\b|\bcancel(?:l)?ed\b|AbortError/i,
    retryable: false,
    mayHaveReachedServer: true,
    action:
      'The page or browser cancelled this request (navigation, AbortController or a superseded fetch); it is not a server failure. Investigate only if the cancel was unexpected.',
  },
  {
    cause: 'blocked-by-client',
    pattern: /ERR_BLOCKED_BY_CLIENT|NS_ERROR_CONTENT_BLOCKED|blocked by (?:an? )?(?:extension|client)/i,
    retryable: false,
    mayHaveReachedServer: false,
    action:
      'An extension (ad or content blocker) blocked this request: disable it for this site or allow the URL, and avoid paths like /ads or /track.',
  },
  {
    cause: 'cors',
    pattern: /\bCORS\b|cross-origin|access-control-allow|NS_ERROR_DOM_BAD_URI|preflight/i,
    retryable: false,
    mayHaveReachedServer: true,
    action:
      "The browser blocked the response under CORS: the server must send Access-Control-Allow-Origin (and answer the preflight) for this origin. Retrying won't help.",
  },
  {
    cause: 'blocked-by-policy',
    pattern:
      /ERR_BLOCKED_BY_(?:RESPONSE|ORB|CSP|ADMINISTRATOR)|blocked:(?:csp|mixed-content|mixed)|mixed[- ]content|ERR_UNSAFE_PORT|NS_ERROR_CSP/i,
    retryable: false,
    mayHaveReachedServer: true,
    action:
      "A browser security policy (CSP, CORP/ORB, mixed content or an admin policy) blocked this request: fix the page or server configuration. Retrying won't help.",
  },
  {
    cause: 'tls',
    pattern:
      /ERR_CERT_|ERR_SSL_|ERR_BAD_SSL|ERR_INSECURE_RESPONSE|SEC_ERROR_|SSL_ERROR_|MOZILLA_PKIX_ERROR|certificate|\bTLS\b|handshake/i,
    retryable: false,
    mayHaveReachedServer: false,
    action:
      "The TLS connection failed (certificate or handshake): fix the server's certificate or the client's trust settings. Retrying won't help.",
  },
  {
    cause: 'redirect-loop',
    pattern: /ERR_TOO_MANY_REDIRECTS|NS_ERROR_REDIRECT_LOOP|redirect loop|too many redirects/i,
    retryable: false,
    mayHaveReachedServer: true,
    action: 'The server redirects in a loop: fix the redirect rules (often http↔https or a cookie check).',
  },
  {
    cause: 'bad-url',
    pattern:
      /ERR_INVALID_URL|ERR_UNKNOWN_URL_SCHEME|ERR_DISALLOWED_URL_SCHEME|NS_ERROR_UNKNOWN_PROTOCOL|NS_ERROR_MALFORMED_URI|invalid url/i,
    retryable: false,
    mayHaveReachedServer: false,
    action: 'The URL is invalid for the browser: fix the URL or its scheme.',
  },
  {
    cause: 'dns',
    pattern:
      /ERR_NAME_NOT_RESOLVED|ERR_NAME_RESOLUTION_FAILED|NS_ERROR_UNKNOWN_HOST|ENOTFOUND|EAI_AGAIN|getaddrinfo|name resolution|\bDNS\b/i,
    retryable: true,
    mayHaveReachedServer: false,
    action:
      'The host name did not resolve: check it for typos; if DNS is flaky, retry with backoff (the request never left the browser).',
  },
  {
    cause: 'refused',
    pattern:
      /ERR_CONNECTION_REFUSED|NS_ERROR_CONNECTION_REFUSED|ECONNREFUSED|connection refused|connect call failed|failed to connect|could not connect/i,
    retryable: true,
    mayHaveReachedServer: false,
    action:
      'Nothing accepted the connection: check that the server is running on that host and port, then retry with backoff.',
  },
  {
    cause: 'offline',
    pattern:
      /ERR_INTERNET_DISCONNECTED|NS_ERROR_OFFLINE|ERR_NETWORK_CHANGED|ERR_ADDRESS_UNREACHABLE|ERR_NETWORK_ACCESS_DENIED|ENETUNREACH|EHOSTUNREACH|ERR_NETWORK_IO_SUSPENDED|network is unreachable|no route to host/i,
    retryable: true,
    mayHaveReachedServer: false,
    action: 'The network was down or changed: retry once the connection is back.',
  },
  {
    cause: 'connect-timeout',
    pattern: /ERR_CONNECTION_TIMED_OUT|connect(?:ion)? tim(?:ed )?out|ETIMEDOUT.*connect/i,
    retryable: true,
    mayHaveReachedServer: false,
    action:
      'Connecting to the server timed out: retry with backoff, and check firewalls or the host if it keeps failing.',
  },
  {
    cause: 'timeout',
    pattern: /ERR_TIMED_OUT|NS_ERROR_NET_TIMEOUT|ETIMEDOUT|ESOCKETTIMEDOUT|timed? ?out|timeout/i,
    retryable: true,
    mayHaveReachedServer: true,
    action: 'The request timed out waiting for the server: retry with backoff; the server may have completed it.',
  },
  {
    cause: 'reset',
    pattern:
      /ERR_CONNECTION_(?:RESET|CLOSED|ABORTED|FAILED)|ERR_EMPTY_RESPONSE|NS_ERROR_NET_(?:RESET|INTERRUPT|PARTIAL_TRANSFER)|NS_ERROR_PARTIAL_TRANSFER|ECONNRESET|EPIPE|ERR_HTTP2_|ERR_QUIC_PROTOCOL_ERROR|ERR_SPDY_|ERR_CONTENT_LENGTH_MISMATCH|ERR_INCOMPLETE_CHUNKED_ENCODING|ERR_RESPONSE_HEADERS_TRUNCATED|connection (?:reset|closed)|socket hang up|protocol error|broken pipe|disconnected/i,
    retryable: true,
    mayHaveReachedServer: true,
    action:
      'The connection broke before the response was complete (reset, closed or a protocol error): retry with backoff.',
  },
];

export const UNKNOWN_NETWORK_ERROR: NetworkErrorRule = {
  cause: 'unknown',
  pattern: /$^/,
  retryable: false,
  mayHaveReachedServer: true,
  action:
    'No response was recorded and the browser gave no usable reason: check the console for a CORS, mixed-content or blocker message.',
};

/** The row for an error string; UNKNOWN_NETWORK_ERROR when nothing matches (or no error was given). */
export function networkErrorRule(error: string | null | undefined): NetworkErrorRule {
  if (!error) return UNKNOWN_NETWORK_ERROR;
  const text = error.length > 2000 ? error.slice(0, 2000) : error;
  return NETWORK_ERRORS.find((r) => r.pattern.test(text)) ?? UNKNOWN_NETWORK_ERROR;
}
