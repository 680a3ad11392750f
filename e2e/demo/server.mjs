#!/usr/bin/env node
// The Faultline demo API: the page and the failing calls used by `npm start` and the e2e tests.
// Plain Node ESM, no dependencies. Binds to 127.0.0.1 only and logs every request it serves.
import { createServer, createConnection } from 'node:net';
import { createServer as createHttpServer } from 'node:http';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadSeedCases, pageRequests, replyWithCase } from './lib/cases.mjs';
import { EXTRA_ROUTES, burstStatus } from './lib/extras.mjs';
import { AUDIT_SCENARIOS, createAuditState } from './lib/audit.mjs';
import { HOSTILE_ROUTES, RETRY_GARBAGE_VALUES } from './lib/hostile.mjs';
import { createPageRoutes } from './lib/page.mjs';
import { CORS_HEADERS, sendJson } from './lib/http.mjs';
import { SHOP_ROUTES } from './lib/shop.mjs';
import { CAPTURE_ROUTES, captureUpgrade, isFailingPreflight } from './lib/capture.mjs';

export { burstStatus, AUDIT_SCENARIOS, RETRY_GARBAGE_VALUES };

export const SEED_CASES_URL = new URL('../../../shared/fixtures/seed-cases.json', import.meta.url);

const LOOPBACK = new Set(['127.0.0.1']);

/** Low ports that browsers do not block as "unsafe" (9, the seed case's port, is blocked). */
const REFUSED_PORT_CANDIDATES = [10, 8, 6, 5, 4, 3, 2];

function connectionRefused(port) {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error) => resolve(error.code === 'ECONNREFUSED'));
  });
}

function ephemeralPort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** A port on 127.0.0.1 where nothing listens, for a real "connection refused". */
export async function findRefusedPort() {
  for (const port of REFUSED_PORT_CANDIDATES) {
    if (await connectionRefused(port)) return port;
  }
  for (let tries = 0; tries < 5; tries += 1) {
    const port = await ephemeralPort();
    if (await connectionRefused(port)) return port;
  }
  throw new Error('no closed port found on 127.0.0.1');
}

function matchRoute(routes, method, pathname) {
  for (const [routeMethod, path, handler] of routes) {
    if (routeMethod !== null && routeMethod !== method && !(routeMethod === 'GET' && method === 'HEAD')) continue;
    if (typeof path === 'string') {
      if (path === pathname) return { handler, match: [pathname] };
    } else {
      const match = path.exec(pathname);
      if (match) return { handler, match };
    }
  }
  return null;
}

/**
 * Starts the demo API.
 * @param {{ port?: number, host?: string, refusedPort?: number }} [options]
 */
export async function startDemoServer({ port = 0, host = '127.0.0.1', refusedPort } = {}) {
  if (!LOOPBACK.has(host)) throw new Error(`the demo API binds to 127.0.0.1 only, not ${host}`);
  const cases = await loadSeedCases(SEED_CASES_URL);
  const casesByName = new Map(cases.map((seedCase) => [seedCase.name, seedCase]));
  const closedPort = refusedPort ?? (await findRefusedPort());
  const refusedOrigin = `http://127.0.0.1:${closedPort}`;
  const audit = createAuditState();

  /** @type {Array<{method: string, path: string, at: number, status?: number, origin?: string, referer?: string}>} */
  const log = [];

  const caseRoute = [
    null,
    /^\/api\/case\/([^/]+)$/,
    (req, res, url, match) => {
      let name = match[1];
      try {
        name = decodeURIComponent(name);
      } catch {
        // Malformed escapes: look the raw name up, which finds nothing.
      }
      const seedCase = casesByName.get(name);
      if (!seedCase)
        sendJson(res, 404, 'Not Found', { error: { code: 'unknown_case', message: `No seed case named ${match[1]}` } });
      else replyWithCase(res, seedCase);
    },
  ];
  const routes = [
    ...createPageRoutes({ refusedOrigin, requests: pageRequests(cases, refusedOrigin) }),
    caseRoute,
    ...EXTRA_ROUTES,
    audit.route,
    ...HOSTILE_ROUTES,
    ...SHOP_ROUTES,
    ...CAPTURE_ROUTES,
  ];
  const context = { origin: '' };

  const server = createHttpServer(async (req, res) => {
    const entry = { method: req.method ?? '', path: req.url ?? '', at: Date.now() };
    if (req.headers.origin) entry.origin = req.headers.origin;
    if (req.headers.referer) entry.referer = req.headers.referer;
    log.push(entry);
    res.on('finish', () => {
      entry.status = res.statusCode;
    });
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (isFailingPreflight(req.method, url.pathname)) {
        sendJson(res, 404, 'Not Found', {
          error: { code: 'no_preflight', message: 'This route does not answer CORS preflights' },
        });
        return;
      }
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          ...CORS_HEADERS,
          'access-control-allow-methods': 'GET, HEAD, POST, PUT, PATCH, DELETE',
          'access-control-allow-headers': '*',
          'access-control-max-age': '600',
        });
        res.end();
        return;
      }
      const found = matchRoute(routes, req.method, url.pathname);
      if (!found) {
        sendJson(res, 404, 'Not Found', {
          error: { code: 'no_such_route', message: `No demo route ${req.method} ${url.pathname}` },
        });
        return;
      }
      await found.handler(req, res, url, found.match, context);
    } catch (error) {
      // A broken handler must never take the demo down.
      if (!res.headersSent)
        sendJson(res, 500, 'Internal Server Error', { error: { code: 'demo_bug', message: String(error) } });
      else res.destroy();
    }
  });
  server.on('upgrade', (req, socket) => {
    const entry = { method: req.method ?? '', path: req.url ?? '', at: Date.now() };
    log.push(entry);
    if (captureUpgrade(req, socket)) entry.status = 101;
    else socket.destroy();
  });
  server.on('clientError', (error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = server.address().port;
  const url = `http://${host}:${actualPort}`;
  context.origin = url;

  return {
    url,
    port: actualPort,
    refusedUrl: `${refusedOrigin}/api/health`,
    log,
    resetLog() {
      log.length = 0;
    },
    xssBeaconHits() {
      return log.filter((entry) => entry.path.startsWith('/api/xss-beacon')).length;
    },
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function parsePort(argv) {
  const index = argv.indexOf('--port');
  if (index === -1) return 0;
  const value = Number(argv[index + 1]);
  if (!Number.isInteger(value) || value < 0 || value > 65535)
    throw new Error(`--port needs a port number, got ${argv[index + 1]}`);
  return value;
}

function isMain() {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  const demo = await startDemoServer({ port: parsePort(process.argv.slice(2)) });
  console.log(demo.url);
  const stop = () => demo.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
