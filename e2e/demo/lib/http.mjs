// Small reply helpers shared by the demo routes. Plain Node built-ins only.

/** Every demo response is readable cross-origin too, headers included. */
export const CORS_HEADERS = Object.freeze({
  'access-control-allow-origin': '*',
  'access-control-expose-headers': '*',
});

/** Demo routes (not seed cases) must never be served from a cache, so e2e counts stay exact. */
const NO_STORE = Object.freeze({ 'cache-control': 'no-store' });

/** IMF-fixdate, e.g. "Mon, 23 Nov 2026 18:00:00 GMT". */
export function httpDate(ms) {
  return new Date(ms).toUTCString();
}

/**
 * Writes a complete response with an exact content-length (never chunked).
 * `exactHeaders` skips the no-store default, for replies that must carry only what they were given.
 */
export function send(res, status, statusText, headers, body, { exactHeaders = false } = {}) {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : (body ?? Buffer.alloc(0));
  const base = exactHeaders ? CORS_HEADERS : { ...CORS_HEADERS, ...NO_STORE };
  res.writeHead(status, statusText, { ...base, ...headers, 'content-length': String(bytes.length) });
  res.end(bytes);
}

export function sendJson(res, status, statusText, value, headers = {}) {
  const body = typeof value === 'string' ? value : JSON.stringify(value);
  send(res, status, statusText, { 'content-type': 'application/json; charset=utf-8', ...headers }, body);
}

/** Reads at most `limit` bytes of the request body; the rest is drained and dropped. */
export function readBody(req, limit = 1024 * 1024) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => resolve({ bytes: Buffer.concat(chunks), size }));
    req.on('error', reject);
  });
}

/** An integer query parameter clamped to [min, max], or the fallback when absent or not a number. */
export function intParam(params, name, fallback, min, max) {
  const raw = params.get(name);
  if (raw === null || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.trunc(value)));
}

/** Node refuses header values with control characters or code points above U+00FF; replace those. */
export function headerSafe(value) {
  return String(value).replace(/[^\t\x20-\x7e\x80-\xff]/g, '?');
}
