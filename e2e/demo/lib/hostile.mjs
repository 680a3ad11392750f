// Hostile responses for the hardening suite (issue 9). Everything is generated on request;
// nothing large is stored in the repository.
import { CORS_HEADERS, headerSafe, intParam, send, sendJson } from './http.mjs';

const MB = 1024 * 1024;
const JSON_TYPE = 'application/json; charset=utf-8';

/** A valid JSON error body of exactly `mb` MiB, streamed with backpressure. */
function huge(req, res, url) {
  const mb = intParam(url.searchParams, 'mb', 50, 1, 200);
  const total = mb * MB;
  const head = Buffer.from(
    '{"error":{"code":"huge_body","message":"A very large error body.","request_id":"req_hostile_huge"},"padding":"',
  );
  const tail = Buffer.from('"}');
  let padding = total - head.length - tail.length;
  const chunk = Buffer.alloc(64 * 1024, 'x');
  res.writeHead(500, 'Internal Server Error', {
    ...CORS_HEADERS,
    'cache-control': 'no-store',
    'content-type': JSON_TYPE,
    'content-length': String(total),
  });
  let closed = false;
  res.on('close', () => {
    closed = true;
  });
  res.write(head);
  const pump = () => {
    while (!closed && padding > 0) {
      const piece = padding >= chunk.length ? chunk : chunk.subarray(0, padding);
      padding -= piece.length;
      if (!res.write(piece)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!closed) res.end(tail);
  };
  pump();
}

/** JSON nested exactly `levels` deep: {"error":{..., "detail":[[[...]]]}}. */
export function deepJson(levels) {
  const arrays = Math.max(0, levels - 2);
  return `{"error":{"code":"deep_json","message":"Nested ${levels} levels deep.","detail":${'['.repeat(arrays)}${']'.repeat(arrays)}}}`;
}

function deep(req, res, url) {
  const levels = intParam(url.searchParams, 'levels', 100_000, 2, 1_000_000);
  send(res, 500, 'Internal Server Error', { 'content-type': JSON_TYPE }, deepJson(levels));
}

/** Invalid UTF-8 sequences: bad continuation, overlong, surrogate, 0xFF/0xFE, NUL. */
const INVALID_UTF8 = Buffer.from([
  0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xff, 0xfe, 0x00,
]);

/** Deterministic bytes (xorshift32), so tests and snapshots are stable. */
export function pseudoRandomBytes(length, seed = 0x9e3779b9) {
  const out = Buffer.alloc(length);
  let x = seed >>> 0;
  for (let i = 0; i < length; i += 1) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

export const BINARY_BODY = Buffer.concat([INVALID_UTF8, pseudoRandomBytes(4096), INVALID_UTF8]);

function binary(req, res) {
  send(res, 500, 'Internal Server Error', { 'content-type': 'application/octet-stream' }, BINARY_BODY);
}

/** Claims UTF-8 JSON but carries invalid UTF-8 inside its strings. */
export const INVALID_UTF8_JSON = Buffer.concat([
  Buffer.from('{"error":{"code":"bad_'),
  INVALID_UTF8.subarray(0, 18),
  Buffer.from('","message":"Invalid '),
  INVALID_UTF8.subarray(0, 18),
  Buffer.from(' UTF-8.","request_id":"req_hostile_utf8"}}'),
]);

function invalidUtf8(req, res) {
  send(res, 500, 'Internal Server Error', { 'content-type': JSON_TYPE }, INVALID_UTF8_JSON);
}

/** Written as text: an object literal with __proto__ would set the prototype instead of a key. */
export const PROTO_BODY =
  '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true},"polluted":true},"prototype":{"polluted":true},' +
  '"error":{"__proto__":{"polluted":true},"constructor":{"polluted":true},"prototype":{"polluted":true},' +
  '"code":"__proto__","message":"constructor","request_id":"prototype"}}';

function proto(req, res) {
  send(res, 400, 'Bad Request', { 'content-type': JSON_TYPE, 'x-request-id': '__proto__' }, PROTO_BODY);
}

/** The HTML/script payloads. `beacon` is absolute so it reaches this server from any origin. */
export function xssPayloads(beacon) {
  return {
    imgOnerror: `<img src=x onerror="window.__faultline_xss=1;fetch('${beacon}?via=onerror')">`,
    script: '<script>window.__faultline_xss=1</script>',
    // Loads even under a script CSP: any HTML injection that renders it hits the beacon.
    imgSrc: `<img src="${beacon}?via=img-src">`,
  };
}

function beaconFor(req, fallbackOrigin) {
  const host = req.headers.host;
  const origin = host && /^[\w.:[\]-]+$/.test(host) ? `http://${host}` : fallbackOrigin;
  return `${origin}/api/xss-beacon`;
}

function xss(req, res, url, match, ctx) {
  const p = xssPayloads(beaconFor(req, ctx.origin));
  const body = {
    error: {
      code: p.script,
      message: `${p.imgOnerror} ${p.imgSrc}`,
      request_id: p.imgOnerror,
      details: [{ field: p.script, message: p.imgSrc }],
    },
    message: p.script,
    title: p.imgSrc,
  };
  sendJson(res, 400, `Bad ${p.script}`, body, {
    'x-request-id': p.imgOnerror,
    'x-error-code': p.script,
    'x-error-message': p.imgSrc,
  });
}

function xssBeacon(req, res) {
  // Hits are visible in the server's request log; e2e asserts there are none.
  send(res, 204, 'No Content', {}, '');
}

/** `count` (default 5000) distinct response headers, each tiny, so the total stays under 100 KB. */
function manyHeaders(req, res, url) {
  const count = intParam(url.searchParams, 'count', 5000, 1, 50_000);
  const headers = { ...CORS_HEADERS, 'cache-control': 'no-store', 'content-type': JSON_TYPE };
  for (let i = 0; i < count; i += 1) headers[`x-h${String(i).padStart(5, '0')}`] = String(i % 10);
  const body = JSON.stringify({
    error: { code: 'many_headers', message: `${count} response headers.`, request_id: 'req_hostile_headers' },
  });
  headers['content-length'] = String(Buffer.byteLength(body));
  res.writeHead(500, 'Internal Server Error', headers);
  res.end(body);
}

/** The Retry-After values the page sends to /api/hostile/retry-garbage?v=... */
export const RETRY_GARBAGE_VALUES = Object.freeze({
  negative: '-5',
  overflow: '1e309',
  word: 'soon',
  'year-9999': 'Fri, 31 Dec 9999 23:59:59 GMT',
  epoch: 'Thu, 01 Jan 1970 00:00:00 GMT',
});

export const GARBAGE_RATELIMIT_HEADERS = Object.freeze({
  ratelimit: 'limit=abc, remaining=-1, reset=soon',
  'ratelimit-policy': '"burst";q=??;w=-1, ;;;',
  'ratelimit-limit': 'NaN',
  'ratelimit-remaining': '-1',
  'ratelimit-reset': '1e309',
  'x-ratelimit-limit': '100, 100;w=1e309',
  'x-ratelimit-remaining': 'lots',
  'x-ratelimit-reset': 'tomorrow',
});

function retryGarbage(req, res, url) {
  const value = headerSafe((url.searchParams.get('v') ?? 'soon').slice(0, 1000));
  sendJson(
    res,
    429,
    'Too Many Requests',
    { error: { code: 'rate_limited', message: 'Slow down.', retry_after: value, request_id: 'req_hostile_retry' } },
    { 'retry-after': value, ...GARBAGE_RATELIMIT_HEADERS },
  );
}

export const HOSTILE_ROUTES = [
  [null, '/api/hostile/huge', huge],
  [null, '/api/hostile/deep', deep],
  [null, '/api/hostile/binary', binary],
  [null, '/api/hostile/invalid-utf8', invalidUtf8],
  [null, '/api/hostile/proto', proto],
  [null, '/api/hostile/xss', xss],
  [null, '/api/xss-beacon', xssBeacon],
  [null, '/api/hostile/headers', manyHeaders],
  [null, '/api/hostile/retry-garbage', retryGarbage],
];
