// The capture page (/cap/): one of every request kind issue 14 lists, for e2e/capture-fidelity.e2e.ts.
// The cross-origin calls go to the same server under another host name (localhost vs 127.0.0.1).
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
];
