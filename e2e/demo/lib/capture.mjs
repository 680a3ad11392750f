// The capture page (/cap/): one of every request kind issue 14 lists, for e2e/capture-fidelity.e2e.ts.
// The cross-origin calls go to the same server under another host name (localhost vs 127.0.0.1).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { send, sendJson, intParam } from './http.mjs';

const DIR = new URL('../capture/', import.meta.url);

/** The smallest valid WOFF2 is not needed: any bytes with a font type make Chrome fetch and reject it. */
const FONT_BYTES = Buffer.from('wOF2-not-really-a-font');

let failures = 0;

export function crossOriginOf(origin) {
  return origin.replace('//127.0.0.1:', '//localhost:');
}

/** OPTIONS requests the capture page's failing preflight makes: answered 404 (the generic handler allows everything). */
export function isFailingPreflight(method, pathname) {
  return method === 'OPTIONS' && pathname === '/cap/cors/preflight-fail';
}

async function page(req, res, url, match, context) {
  const cross = crossOriginOf(context.origin);
  const html = (await readFile(new URL('index.html', DIR), 'utf8')).replace('{{CROSS_ORIGIN}}', cross);
  send(res, 200, 'OK', { 'content-type': 'text/html; charset=utf-8' }, html);
}

function file(name, type) {
  return async (req, res) => send(res, 200, 'OK', { 'content-type': type }, await readFile(new URL(name, DIR)));
}

function notFound(type, body) {
  return (req, res) => send(res, 404, 'Not Found', { 'content-type': type }, body);
}

function fail(req, res, url) {
  failures += 1;
  sendJson(res, 500, 'Internal Server Error', {
    error: {
      code: 'cap_failed',
      request_id: `capid-${url.searchParams.get('n') ?? failures}`,
      message: 'The capture page failed on purpose',
    },
  });
}

async function slow(req, res, url) {
  const ms = intParam(url.searchParams, 'ms', 1000, 0, 10_000);
  await new Promise((resolve) => setTimeout(resolve, ms));
  if (!res.destroyed) sendJson(res, 200, 'OK', { slow: ms });
}

/** ETag "v1": a conditional request gets 304. no-cache makes the browser revalidate every time. */
function etag(req, res) {
  if (req.headers['if-none-match'] === '"v1"') {
    res.writeHead(304, 'Not Modified', { etag: '"v1"', 'cache-control': 'no-cache' });
    res.end();
    return;
  }
  const body = JSON.stringify({ version: 1 });
  res.writeHead(200, 'OK', {
    'content-type': 'application/json',
    etag: '"v1"',
    'cache-control': 'no-cache',
    'content-length': String(Buffer.byteLength(body)),
  });
  res.end(body);
}

/** A JSON answer without Access-Control-Allow-Origin: the browser blocks it for the cross-origin page. */
function noAcao(req, res) {
  const body = JSON.stringify({ secret: 'not for other origins' });
  res.writeHead(200, 'OK', {
    'content-type': 'application/json',
    'cache-control': 'no-store',
    'content-length': String(Buffer.byteLength(body)),
  });
  res.end(body);
}

function redirect(status, statusText, location) {
  return (req, res) => send(res, status, statusText, { location }, '');
}

/** A dedicated worker that makes one failing call and posts its status back. */
const WORKER_SOURCE = `fetch('/cap/worker-fail').then((r) => r.text().then(() => postMessage(r.status)), (e) => postMessage(e.name));`;

/** The cross-origin iframe's document: one failing call to its own origin, status posted to the parent. */
const FRAME_HTML = `<!doctype html><meta charset="utf-8"><title>capture frame</title>
<script>fetch('/cap/frame-fail').then((r) => r.text().then(() => parent.postMessage({ frame: r.status }, '*')), (e) => parent.postMessage({ frame: e.name }, '*'));</script>`;

/** One server-sent event, then the end of the stream; \`retry\` keeps EventSource from reconnecting before the page closes it. */
function events(req, res) {
  send(res, 200, 'OK', { 'content-type': 'text/event-stream; charset=utf-8' }, 'retry: 60000\ndata: hello\n\n');
}

/** The connection is reset (TCP RST) before any byte of a response. */
function reset(req, res) {
  res.socket?.resetAndDestroy();
}

const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/**
 * GET /cap/ws upgraded to a WebSocket (RFC 6455, by hand: the demo has no dependencies): one text
 * frame "hello", then a normal close. Returns false for any other upgrade.
 */
export function captureUpgrade(req, socket) {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const key = req.headers['sec-websocket-key'];
  if (url.pathname !== '/cap/ws' || typeof key !== 'string') return false;
  const accept = createHash('sha1')
    .update(key + WS_GUID)
    .digest('base64');
  socket.write(
    `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
  );
  const text = Buffer.from('hello');
  socket.write(Buffer.concat([Buffer.from([0x81, text.length]), text]));
  // Close frame, code 1000.
  socket.write(Buffer.from([0x88, 2, 0x03, 0xe8]));
  socket.on('data', () => {});
  socket.on('error', () => {});
  setTimeout(() => socket.end(), 200);
  return true;
}

export const CAPTURE_ROUTES = [
  ['GET', '/cap/', page],
  ['GET', '/cap/app.js', file('app.js', 'text/javascript; charset=utf-8')],
  ['GET', '/cap/style.css', file('style.css', 'text/css; charset=utf-8')],
  ['GET', '/cap/missing.css', notFound('text/css', '/* no such stylesheet */')],
  [
    'GET',
    '/cap/font.woff2',
    (req, res) =>
      send(res, 200, 'OK', { 'content-type': 'font/woff2', 'cache-control': 'max-age=3600' }, FONT_BYTES, {
        exactHeaders: true,
      }),
  ],
  ['GET', '/cap/missing.woff2', notFound('text/plain', 'no such font')],
  ['GET', '/cap/missing.png', notFound('text/plain', 'no such image')],
  ['GET', '/cap/fail', fail],
  ['GET', '/cap/slow', slow],
  ['GET', '/cap/etag', etag],
  ['GET', '/cap/cors/no-acao', noAcao],
  ['PUT', '/cap/cors/preflight-fail', (req, res) => sendJson(res, 200, 'OK', { put: true })],
  ['GET', '/cap/redirect/301', redirect(301, 'Moved Permanently', '/cap/redirect/302')],
  ['GET', '/cap/redirect/302', redirect(302, 'Found', '/cap/ok?from=redirect')],
  ['GET', '/cap/loop', redirect(302, 'Found', '/cap/loop')],
  ['GET', '/cap/ok', (req, res) => sendJson(res, 200, 'OK', { ok: true })],
  ['POST', '/cap/beacon', (req, res) => send(res, 204, 'No Content', {}, '')],
  ['GET', '/cap/events', events],
  ['GET', '/cap/worker.js', (req, res) => send(res, 200, 'OK', { 'content-type': 'text/javascript' }, WORKER_SOURCE)],
  [
    'GET',
    '/cap/worker-fail',
    (req, res) => sendJson(res, 503, 'Service Unavailable', { error: { code: 'worker_down' } }),
  ],
  [
    'GET',
    '/cap/frame.html',
    (req, res) => send(res, 200, 'OK', { 'content-type': 'text/html; charset=utf-8' }, FRAME_HTML),
  ],
  ['GET', '/cap/frame-fail', (req, res) => sendJson(res, 404, 'Not Found', { error: { code: 'frame_missing' } })],
  ['GET', '/cap/reset', reset],
];
