// The demo page: index.html, demo.js and demo.css from disk. The page gets its data through
// <meta> and a non-executable JSON block, so a strict CSP (no inline script) holds.
import { readFile } from 'node:fs/promises';
import { send } from './http.mjs';

const DEMO_DIR = new URL('../', import.meta.url);

const STATIC_FILES = {
  '/demo.js': ['demo.js', 'text/javascript; charset=utf-8'],
  '/demo.css': ['demo.css', 'text/css; charset=utf-8'],
};

/** JSON that is safe inside a <script type="application/json"> element. */
function jsonForHtml(value) {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

function escapeAttribute(value) {
  return String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

export function contentSecurityPolicy(refusedOrigin) {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self' ${refusedOrigin}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Returns a handler for GET / (and /index.html) and the static assets. */
export function createPageRoutes({ refusedOrigin, requests }) {
  async function index(req, res) {
    const template = await readFile(new URL('index.html', DEMO_DIR), 'utf8');
    const html = template
      .replace('{{REFUSED_ORIGIN}}', escapeAttribute(refusedOrigin))
      .replace('{{SEED_REQUESTS_JSON}}', () => jsonForHtml(requests));
    send(
      res,
      200,
      'OK',
      {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': contentSecurityPolicy(refusedOrigin),
        'x-content-type-options': 'nosniff',
      },
      html,
    );
  }

  async function asset(req, res, url) {
    const [file, type] = STATIC_FILES[url.pathname];
    send(
      res,
      200,
      'OK',
      { 'content-type': type, 'x-content-type-options': 'nosniff' },
      await readFile(new URL(file, DEMO_DIR)),
    );
  }

  function favicon(req, res) {
    send(res, 204, 'No Content', {}, '');
  }

  return [
    ['GET', '/', index],
    ['GET', '/index.html', index],
    ['GET', '/demo.js', asset],
    ['GET', '/demo.css', asset],
    ['GET', '/favicon.ico', favicon],
  ];
}
