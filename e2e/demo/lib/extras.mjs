// Demo routes beyond the seed cases: the failures a developer meets in real integrations.
import { httpDate, intParam, readBody, send, sendJson } from './http.mjs';

const JSON_TYPE = 'application/json; charset=utf-8';

export const GRAPHQL_ERRORS_BODY =
  '{"data":null,"errors":[{"message":"Cannot query field \\"nme\\" on type \\"User\\".","extensions":{"code":"GRAPHQL_VALIDATION_FAILED"},"locations":[{"line":1,"column":9}]}]}';

const BAD_GATEWAY_HTML =
  '<!DOCTYPE html>\n<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n<h1>502 Bad Gateway</h1>\n<p>The upstream server sent an invalid response.</p>\n<hr><address>demo-proxy/1.0</address>\n</body>\n</html>\n';

/** Status of /api/burst/<n>: mostly 200, every 10th from 3 a 404, every 10th from 7 a 500. */
export function burstStatus(n) {
  const digit = n % 10;
  if (digit === 3) return 404;
  if (digit === 7) return 500;
  return 200;
}

function graphql(req, res) {
  send(res, 200, 'OK', { 'content-type': JSON_TYPE }, GRAPHQL_ERRORS_BODY);
}

/** 429 whose Retry-After is an HTTP-date `seconds` after the response's own Date header. */
function retryAfterDate(req, res, url) {
  const seconds = intParam(url.searchParams, 'seconds', 30, 0, 86_400);
  const now = Math.floor(Date.now() / 1000) * 1000;
  sendJson(
    res,
    429,
    'Too Many Requests',
    {
      error: { code: 'rate_limited', message: `Too many requests. Try again after ${httpDate(now + seconds * 1000)}.` },
    },
    { date: httpDate(now), 'retry-after': httpDate(now + seconds * 1000) },
  );
}

const ALLOWED = ['GET', 'PATCH', 'DELETE'];

function methodNotAllowed(req, res) {
  if (ALLOWED.includes(req.method) || req.method === 'HEAD') {
    sendJson(res, 200, 'OK', { id: 'per_1234', status: 'active' });
    return;
  }
  sendJson(
    res,
    405,
    'Method Not Allowed',
    { code: 405, message: `Method ${req.method} is not allowed on this resource`, status: 'failure' },
    { allow: ALLOWED.join(', ') },
  );
}

function conflict(req, res) {
  sendJson(
    res,
    409,
    'Conflict',
    {
      error: {
        code: 'version_conflict',
        message:
          'The contact was changed by someone else (version 7, you sent 6). Reload it and apply your change again.',
        request_id: 'req_demo_409_conflict',
      },
    },
    { 'x-request-id': 'req_demo_409_conflict' },
  );
}

function locked(req, res) {
  sendJson(res, 423, 'Locked', {
    code: 423,
    message: 'Resource is locked',
    status: 'failure',
    content: { message: 'The person is being verified right now; try again in a few seconds.' },
  });
}

function badGatewayHtml(req, res) {
  send(res, 502, 'Bad Gateway', { 'content-type': 'text/html', server: 'demo-proxy/1.0' }, BAD_GATEWAY_HTML);
}

function gatewayTimeoutEmpty(req, res) {
  send(res, 504, 'Gateway Timeout', {}, '');
}

function problemJson(req, res) {
  sendJson(
    res,
    422,
    'Unprocessable Content',
    {
      type: 'https://example.com/problems/validation-error',
      title: 'Your request is not valid.',
      status: 422,
      detail: '2 fields failed validation.',
      instance: '/api/extra/problem-json/req_demo_422',
      errors: [
        { pointer: '#/email', detail: 'must be a valid e-mail address' },
        { pointer: '#/age', detail: 'must be a positive integer' },
      ],
    },
    { 'content-type': 'application/problem+json', 'x-request-id': 'req_demo_422' },
  );
}

const SSE_EVENTS = [
  'id: 1\nevent: progress\ndata: {"step":1,"of":3}\n\n',
  'id: 2\nevent: progress\ndata: {"step":2,"of":3}\n\n',
  'id: 3\nevent: error\ndata: {"error":{"code":"stream_failed","message":"The upstream model is overloaded; the stream was aborted.","request_id":"req_demo_sse"}}\n\n',
];

/** A 200 event stream that ends with an error event. Read it with fetch: EventSource would reconnect. */
function sseError(req, res) {
  res.writeHead(200, 'OK', {
    'access-control-allow-origin': '*',
    'access-control-expose-headers': '*',
    'cache-control': 'no-store',
    'content-type': 'text/event-stream; charset=utf-8',
    'x-request-id': 'req_demo_sse',
  });
  let index = 0;
  const timer = setInterval(() => {
    res.write(SSE_EVENTS[index]);
    index += 1;
    if (index === SSE_EVENTS.length) {
      clearInterval(timer);
      res.end();
    }
  }, 50);
  res.on('close', () => clearInterval(timer));
}

function slow(req, res, url) {
  const ms = intParam(url.searchParams, 'ms', 1000, 0, 60_000);
  const timer = setTimeout(() => sendJson(res, 200, 'OK', { ok: true, delayedMs: ms }), ms);
  res.on('close', () => clearTimeout(timer));
}

function ok(req, res) {
  sendJson(res, 200, 'OK', { ok: true });
}

function burst(req, res, url, match) {
  const n = Number(match[1]);
  const status = burstStatus(n);
  if (status === 200) {
    sendJson(res, 200, 'OK', { n });
    return;
  }
  const reason = status === 404 ? 'Not Found' : 'Internal Server Error';
  sendJson(res, status, reason, {
    error: { code: `burst_${status}`, message: `Burst request ${n} failed on purpose.`, request_id: `req_burst_${n}` },
  });
}

const NOISE_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -'; // 64: indexed by 6 bits

/** `length` characters that do not compress much (storage figures should not flatter), the same for the same seed. */
function noise(seed, length) {
  let x = (seed * 2654435761 + 1) >>> 0;
  const out = new Array(length);
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out[i] = NOISE_CHARS[x >>> 26];
  }
  return out.join('');
}

const SOAK_REASONS = {
  400: 'Bad Request',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Soak traffic: `?status=` (200-599) with a JSON error body padded to `?bytes=` (for failures). */
function soak(req, res, url, match) {
  const n = Number(match[1]);
  const status = intParam(url.searchParams, 'status', 200, 200, 599);
  if (status < 400) {
    sendJson(res, status, 'OK', { n });
    return;
  }
  const bytes = intParam(url.searchParams, 'bytes', 300, 0, 1_000_000);
  const error = {
    code: `soak_${status}`,
    message: `Soak request ${n} failed on purpose.`,
    request_id: `req_soak_${n}`,
    detail: '',
  };
  error.detail = noise(n, Math.max(0, bytes - JSON.stringify({ error }).length));
  sendJson(res, status, SOAK_REASONS[status] ?? 'Error', { error });
}

function unread(req, res) {
  sendJson(res, 500, 'Internal Server Error', {
    error: { code: 'unread_body', message: 'The page never reads this body.', request_id: 'req_demo_unread' },
  });
}

/** Reflects the request, for idempotency-key and header tests. `?status=` picks the status (200-599). */
async function echo(req, res, url) {
  const { bytes, size } = await readBody(req);
  const status = intParam(url.searchParams, 'status', 200, 200, 599);
  sendJson(res, status, undefined, {
    method: req.method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: req.headers,
    body: bytes.toString('utf8'),
    bodyBytes: size,
  });
}

/** [method or null for any, path or RegExp, handler(req, res, url, match)] */
export const EXTRA_ROUTES = [
  [null, '/api/graphql', graphql],
  [null, '/api/extra/retry-after-date', retryAfterDate],
  [null, '/api/extra/method-not-allowed', methodNotAllowed],
  [null, '/api/extra/conflict', conflict],
  [null, '/api/extra/locked', locked],
  [null, '/api/extra/bad-gateway-html', badGatewayHtml],
  [null, '/api/extra/gateway-timeout-empty', gatewayTimeoutEmpty],
  [null, '/api/extra/problem-json', problemJson],
  ['GET', '/api/extra/sse-error', sseError],
  [null, '/api/slow', slow],
  [null, '/api/ok', ok],
  [null, /^\/api\/burst\/(\d{1,9})$/, burst],
  [null, /^\/api\/soak\/(\d{1,9})$/, soak],
  [null, '/api/unread', unread],
  [null, '/api/echo', echo],
];
