// HTTP status semantics as data: every IANA-registered code 100–599, the common unofficial ones,
// and a fallback by class for anything else.
// Sources: IANA HTTP Status Code Registry (RFC 9110 and the RFCs it cites), nginx
// (ngx_http_special_response.c), Cloudflare 5xx docs, Microsoft Graph errors, AWS ELB docs.
import type { StatusClass, StatusSemantics } from './types';

/** [code, reason phrase, one-line meaning, origin]. Origin 'iana' unless a vendor is named. */
type Row = readonly [number, string, string, string?];

const IANA: readonly Row[] = [
  [100, 'Continue', 'The server received the request headers; the client should send the body.'],
  [101, 'Switching Protocols', 'The server is switching to the protocol the client asked for (e.g. WebSocket).'],
  [102, 'Processing', 'WebDAV: the server accepted the request and is still working on it.'],
  [103, 'Early Hints', 'Preliminary headers (preload hints) before the final response.'],
  [
    104,
    'Upload Resumption Supported',
    'Temporary registration: the server supports resumable uploads for this request.',
  ],
  [200, 'OK', 'The request succeeded.'],
  [201, 'Created', 'The request succeeded and created a resource (see the Location header).'],
  [202, 'Accepted', 'The request was accepted for processing, which has not finished yet.'],
  [203, 'Non-Authoritative Information', 'Success, but a proxy modified the response.'],
  [204, 'No Content', 'The request succeeded and there is no body.'],
  [205, 'Reset Content', 'The request succeeded; the client should reset the form or view.'],
  [206, 'Partial Content', 'The server sent the requested byte range.'],
  [207, 'Multi-Status', 'WebDAV: the body holds one status per sub-request; some may have failed.'],
  [208, 'Already Reported', 'WebDAV: members of this binding were already listed earlier in the response.'],
  [226, 'IM Used', 'The server applied instance manipulations (delta encoding) to the resource.'],
  [300, 'Multiple Choices', 'The resource has several representations; pick one.'],
  [301, 'Moved Permanently', 'The resource moved for good; update the URL (see Location).'],
  [302, 'Found', 'The resource is temporarily at another URL (see Location).'],
  [303, 'See Other', 'Fetch the result from another URL with GET (see Location).'],
  [304, 'Not Modified', 'The cached copy is still valid; no body was sent.'],
  [305, 'Use Proxy', 'Deprecated: the resource must be accessed through a proxy.'],
  [306, '(Unused)', 'Reserved; no longer used.'],
  [307, 'Temporary Redirect', 'Repeat the same request at another URL (see Location), same method.'],
  [308, 'Permanent Redirect', 'The resource moved for good; repeat the same request at the new URL.'],
  [400, 'Bad Request', 'The server could not process the request as sent: malformed syntax or invalid values.'],
  [401, 'Unauthorized', 'Authentication is missing or invalid: the credentials were not accepted.'],
  [402, 'Payment Required', 'A billing or payment condition blocks the request (e.g. a card decline).'],
  [
    403,
    'Forbidden',
    'The server understood who you are but refuses the request: permissions, scope or policy (sometimes a rate limit).',
  ],
  [404, 'Not Found', 'No resource at this URL, or the caller may not know it exists.'],
  [405, 'Method Not Allowed', 'The resource does not support this HTTP method (see the Allow header).'],
  [406, 'Not Acceptable', 'The server cannot produce a representation matching the Accept headers.'],
  [407, 'Proxy Authentication Required', 'A proxy between you and the server requires authentication.'],
  [408, 'Request Timeout', 'The server timed out waiting for the request; it may be repeated.'],
  [409, 'Conflict', "The request conflicts with the resource's current state (version, lock or duplicate)."],
  [410, 'Gone', 'The resource was removed permanently and will not come back.'],
  [411, 'Length Required', 'The server requires a Content-Length header.'],
  [412, 'Precondition Failed', 'A conditional header (If-Match, If-Unmodified-Since) did not hold.'],
  [413, 'Content Too Large', 'The request body is larger than the server accepts.'],
  [414, 'URI Too Long', 'The URL is longer than the server accepts.'],
  [415, 'Unsupported Media Type', 'The server does not accept the request body in this Content-Type or encoding.'],
  [416, 'Range Not Satisfiable', 'The requested byte range is outside the resource.'],
  [417, 'Expectation Failed', 'The server cannot meet the Expect request header.'],
  [418, "(Unused) I'm a teapot", 'Reserved by RFC 9110 (the HTCPCP joke); some servers use it to refuse bots.'],
  [421, 'Misdirected Request', 'The request reached a server that cannot answer for this host (connection reuse).'],
  [422, 'Unprocessable Content', 'The request was well-formed but its content failed validation.'],
  [423, 'Locked', 'The resource is locked, usually by another operation still in progress.'],
  [424, 'Failed Dependency', 'The request failed because an action it depends on failed.'],
  [425, 'Too Early', 'The server will not process a request that might be replayed (TLS early data).'],
  [426, 'Upgrade Required', 'The server requires a different protocol (see the Upgrade header).'],
  [428, 'Precondition Required', 'The server requires a conditional request (If-Match) to avoid lost updates.'],
  [429, 'Too Many Requests', 'Rate limited: too many requests in a given time, or a quota is exhausted.'],
  [431, 'Request Header Fields Too Large', 'The request headers (often cookies) are too large.'],
  [451, 'Unavailable For Legal Reasons', 'The resource is blocked for legal reasons.'],
  [500, 'Internal Server Error', 'The server hit an unexpected condition; the fault is on the server side.'],
  [501, 'Not Implemented', 'The server does not support the functionality required (method or feature).'],
  [502, 'Bad Gateway', 'A gateway or proxy got an invalid response from the upstream server; usually transient.'],
  [503, 'Service Unavailable', 'The server is temporarily unable to handle the request: overload or maintenance.'],
  [504, 'Gateway Timeout', 'A gateway or proxy did not get a response from the upstream server in time.'],
  [505, 'HTTP Version Not Supported', 'The server does not support the HTTP version of the request.'],
  [506, 'Variant Also Negotiates', 'Content negotiation on the server is misconfigured (circular reference).'],
  [507, 'Insufficient Storage', 'WebDAV: the server cannot store what the request needs.'],
  [508, 'Loop Detected', 'WebDAV: the server found an infinite loop while processing the request.'],
  [510, 'Not Extended (OBSOLETED)', 'Obsolete (RFC 2774): further request extensions are required.'],
  [511, 'Network Authentication Required', 'A captive portal or network needs you to sign in before access.'],
];

const UNOFFICIAL: readonly Row[] = [
  [419, 'Page Expired', 'Laravel: the CSRF token is missing or expired; reload the page or form.', 'Laravel'],
  [420, 'Enhance Your Calm', 'Legacy Twitter API: rate limited.', 'Twitter'],
  [440, 'Login Time-out', "IIS: the client's session expired; sign in again.", 'Microsoft IIS'],
  [444, 'No Response', 'nginx closed the connection without sending anything (often a blocked request).', 'nginx'],
  [449, 'Retry With', 'IIS: the request lacks information; retry with the requested data.', 'Microsoft IIS'],
  [
    460,
    'Client Closed Connection',
    'AWS ELB: the client closed the connection before the load balancer answered.',
    'AWS ELB',
  ],
  [463, 'Too Many Forwarded Addresses', 'AWS ELB: X-Forwarded-For lists more than 30 addresses.', 'AWS ELB'],
  [494, 'Request Header Too Large', 'nginx: the request headers are too large.', 'nginx'],
  [495, 'SSL Certificate Error', 'nginx: the client certificate is invalid.', 'nginx'],
  [496, 'SSL Certificate Required', 'nginx: the server requires a client certificate and none was sent.', 'nginx'],
  [497, 'HTTP Request Sent to HTTPS Port', 'nginx: plain HTTP was sent to an HTTPS port.', 'nginx'],
  [499, 'Client Closed Request', 'nginx: the client closed the connection before the server answered.', 'nginx'],
  [
    509,
    'Bandwidth Limit Exceeded',
    'Hosting or Microsoft Graph: the bandwidth or throughput limit was exceeded.',
    'cPanel / Microsoft Graph',
  ],
  [
    520,
    'Web Server Returned an Unknown Error',
    'Cloudflare: the origin returned an empty, unknown or unexpected response.',
    'Cloudflare',
  ],
  [
    521,
    'Web Server Is Down',
    'Cloudflare: the origin refused the connection; the request never reached the app.',
    'Cloudflare',
  ],
  [
    522,
    'Connection Timed Out',
    'Cloudflare: the TCP connection to the origin timed out; the request never reached the app.',
    'Cloudflare',
  ],
  [523, 'Origin Is Unreachable', 'Cloudflare: no route to the origin (DNS or network).', 'Cloudflare'],
  [
    524,
    'A Timeout Occurred',
    'Cloudflare: the origin accepted the request but sent no response within 100 s; it may still be running.',
    'Cloudflare',
  ],
  [525, 'SSL Handshake Failed', 'Cloudflare: the TLS handshake with the origin failed.', 'Cloudflare'],
  [526, 'Invalid SSL Certificate', "Cloudflare: the origin's certificate is invalid.", 'Cloudflare'],
  [527, 'Railgun Error', 'Cloudflare: the Railgun connection to the origin failed.', 'Cloudflare'],
  [
    529,
    'Site is overloaded',
    'The service is overloaded (Anthropic overloaded_error, Qualys); retry later with backoff.',
    'Anthropic / Qualys',
  ],
  [
    530,
    'Origin Error',
    'Cloudflare: an origin DNS or configuration error (see the 1xxx code on the page).',
    'Cloudflare',
  ],
  [561, 'Unauthorized', 'AWS ELB: the identity provider rejected the user.', 'AWS ELB'],
  [
    598,
    'Network Read Timeout Error',
    'A proxy timed out reading from the upstream (informal convention).',
    'proxies (informal)',
  ],
  [
    599,
    'Network Connect Timeout Error',
    'A proxy timed out connecting to the upstream (informal convention).',
    'proxies (informal)',
  ],
];

export function statusClassOf(code: number): StatusClass {
  if (!Number.isFinite(code)) return 'unknown';
  if (code <= 0) return 'network-error';
  if (code >= 100 && code < 200) return 'informational';
  if (code >= 200 && code < 300) return 'success';
  if (code >= 300 && code < 400) return 'redirection';
  if (code >= 400 && code < 500) return 'client-error';
  if (code >= 500 && code < 600) return 'server-error';
  return 'unknown';
}

function freeze(code: number, reason: string, meaning: string, origin: string): StatusSemantics {
  return Object.freeze({ code, reason, class: statusClassOf(code), meaning, origin });
}

const TABLE: ReadonlyMap<number, StatusSemantics> = new Map(
  [...IANA, ...UNOFFICIAL].map(([code, reason, meaning, origin]) => [
    code,
    freeze(code, reason, meaning, origin ?? 'iana'),
  ]),
);

const CLASS_FALLBACK: Record<StatusClass, { reason: string; meaning: string }> = {
  informational: { reason: 'Informational', meaning: 'An interim response; the final one follows.' },
  success: { reason: 'Success', meaning: 'The request succeeded.' },
  redirection: { reason: 'Redirection', meaning: 'The client must go elsewhere to complete the request.' },
  'client-error': { reason: 'Client Error', meaning: 'The server blames the request (unregistered 4xx code).' },
  'server-error': {
    reason: 'Server Error',
    meaning: 'The server failed to fulfil a valid request (unregistered 5xx code).',
  },
  'network-error': {
    reason: 'No Response',
    meaning: 'No HTTP response at all: the connection failed, was blocked or was cancelled.',
  },
  unknown: {
    reason: 'Unknown Status',
    meaning: 'A status outside the HTTP ranges; the server or proxy is non-standard.',
  },
};

const NO_RESPONSE = freeze(
  0,
  CLASS_FALLBACK['network-error'].reason,
  CLASS_FALLBACK['network-error'].meaning,
  'browser',
);

/** Every code with its own row (for docs and tests). */
export function knownStatusCodes(): number[] {
  return [...TABLE.keys()].sort((a, b) => a - b);
}

/** The semantics of a status code; unknown codes fall back to their class. Never throws. */
export function statusSemantics(code: number): StatusSemantics {
  const n = typeof code === 'number' ? code : Number(code);
  if (n === 0) return NO_RESPONSE;
  const row = Number.isInteger(n) ? TABLE.get(n) : undefined;
  if (row) return row;
  const cls = statusClassOf(n);
  const fallback = CLASS_FALLBACK[cls];
  return {
    code: Number.isFinite(n) ? n : 0,
    reason: fallback.reason,
    class: cls,
    meaning: fallback.meaning,
    origin: cls === 'network-error' ? 'browser' : 'class fallback',
  };
}
