// Chrome's request model in the tab store: one record per request the Network panel lists.
// Each case replays the webRequest events (and DevTools entries) a browser fires, as described in
// docs/capture.md, through the service's own filter, with the real classifier.
import { describe, expect, it } from 'vitest';
import { classify } from '../core/classify';
import type { RequestRecord } from '../protocol/messages';
import { TabStore } from './tab-store';
import { TEST_LIMITS, devtoolsExchange, webRequest } from './test-support';
import {
  isCacheOnlyProbe,
  toFailure,
  toRequestHeaders,
  toRequestStart,
  toResponse,
  type WebRequestDetails,
} from './webrequest-events';

const PAGE = 'http://127.0.0.1:5173';
const newStore = () => new TabStore(7, (ex) => classify(ex), TEST_LIMITS);
const requests = (store: TabStore) => store.visible().filter((r): r is RequestRecord => r.kind === 'request');

/** What service.onErrorOccurred does: a cache-only probe is discarded, anything else is a failure. */
function error(store: TabStore, d: WebRequestDetails): void {
  if (isCacheOnlyProbe(d)) store.discard(d.requestId);
  else store.failed(toFailure(d));
}

function fire(
  store: TabStore,
  ev: ReturnType<typeof webRequest>,
  opts: { fromCache?: boolean; origin?: string } = {},
): void {
  store.begin(toRequestStart({ ...ev.before, ...(opts.origin ? { initiator: opts.origin } : {}) }));
  store.requestHeaders(toRequestHeaders(ev.sendHeaders));
  store.responseStarted(toResponse(ev.headers));
  store.completed(toResponse({ ...ev.completed, fromCache: opts.fromCache }));
}

describe('cache-only probes', () => {
  it('a web font: the cache check before the real request is no record, before or with DevTools, and a 404 font counts once', () => {
    const store = newStore();
    const font = `${PAGE}/cap/missing.woff2`;
    const probe = webRequest(font, { type: 'font', at: 1000, error: 'net::ERR_CACHE_MISS' });
    store.begin(toRequestStart(probe.before));
    error(store, probe.error);
    fire(
      store,
      webRequest(font, {
        type: 'font',
        at: 1012,
        status: 404,
        responseHeaders: [{ name: 'content-type', value: 'text/plain' }],
      }),
    );
    // DevTools' entry for the real request merges into the real record, not into a probe.
    store.mergeDevtools(
      {
        exchange: {
          ...devtoolsExchange(font, { status: 404, at: 1012, body: 'no such font' }),
          responseHeaders: [{ name: 'content-type', value: 'text/plain' }],
        },
        bodyState: 'captured',
        resourceType: 'font',
      },
      'devtools',
    );
    const list = requests(store);
    expect(list).toHaveLength(1);
    expect(list[0].exchange.status).toBe(404);
    expect(list[0].exchange.error).toBeUndefined();
    expect(store.stats.failures).toBe(1);
    expect(store.stats.notPageRequests).toBe(1);
  });

  it('a probe still in flight when DevTools reports the real request does not take its body', () => {
    const store = newStore();
    const font = `${PAGE}/cap/font.woff2`;
    const probe = webRequest(font, { type: 'font', at: 2000, error: 'net::ERR_CACHE_MISS' });
    store.begin(toRequestStart(probe.before));
    const real = webRequest(font, { type: 'font', at: 2003 });
    store.begin(toRequestStart(real.before));
    error(store, probe.error);
    store.mergeDevtools(
      { exchange: devtoolsExchange(font, { status: 200, at: 2003 }), bodyState: 'not-captured', resourceType: 'font' },
      'devtools',
    );
    store.responseStarted(toResponse(real.headers));
    store.completed(toResponse(real.completed));
    const list = requests(store);
    expect(list).toHaveLength(1);
    expect(list[0].exchange.status).toBe(200);
    expect(list[0].classification.failure).toBe(false);
  });
});

describe('DevTools re-fetches', () => {
  it("a stylesheet DevTools re-reads when it opens is not a second record; the page's own later load is", () => {
    const store = newStore();
    const css = `${PAGE}/cap/missing.css`;
    store.begin(toRequestStart(webRequest(`${PAGE}/cap/`, { type: 'main_frame', at: 10_000 }).before));
    fire(store, webRequest(css, { type: 'stylesheet', status: 404, at: 10_050 }));
    expect(store.stats.failures).toBe(1);
    store.setDevtoolsConnected(30_000);
    fire(store, webRequest(css, { type: 'stylesheet', status: 404, at: 30_400 }));
    expect(requests(store).filter((r) => r.exchange.url === css)).toHaveLength(1);
    expect(store.stats.failures).toBe(1);
    // Long after DevTools opened, the page loading the stylesheet again is the page's request.
    fire(store, webRequest(css, { type: 'stylesheet', status: 404, at: 60_000 }));
    expect(requests(store).filter((r) => r.exchange.url === css)).toHaveLength(2);
  });

  it('a re-fetch that finished before the devtools page connected is removed when it connects; an API call never is', () => {
    const store = newStore();
    const css = `${PAGE}/cap/app.css`;
    const api = `${PAGE}/api/items`;
    fire(store, webRequest(css, { type: 'stylesheet', at: 1_000 }));
    fire(store, webRequest(api, { type: 'xmlhttprequest', status: 500, at: 1_100 }));
    fire(store, webRequest(css, { type: 'stylesheet', at: 20_000 }), { fromCache: true });
    fire(store, webRequest(api, { type: 'xmlhttprequest', status: 500, at: 20_010 }));
    expect(requests(store)).toHaveLength(4);
    store.setDevtoolsConnected(20_500);
    const list = requests(store);
    expect(list.map((r) => r.exchange.url)).toEqual([css, api, api]);
  });

  it("a resource loaded again after a navigation is the new document's, not a re-fetch", () => {
    const store = newStore();
    store.preserve = true; // Preserve log: both documents' requests stay listed
    const css = `${PAGE}/cap/app.css`;
    fire(store, webRequest(css, { type: 'stylesheet', at: 1_000 }));
    store.begin(toRequestStart(webRequest(`${PAGE}/cap/`, { type: 'main_frame', at: 4_000 }).before));
    fire(store, webRequest(css, { type: 'stylesheet', at: 4_100 }));
    store.setDevtoolsConnected(5_000);
    expect(requests(store).filter((r) => r.exchange.url === css)).toHaveLength(2);
  });
});

describe('304 revalidation', () => {
  it('is one record with status 304 when webRequest reports the cached 200 and DevTools the 304', () => {
    const store = newStore();
    const url = `${PAGE}/cap/etag.json`;
    fire(store, webRequest(url, { at: 1_000 }));
    store.mergeDevtools(
      { exchange: devtoolsExchange(url, { status: 200, at: 1_000, body: '{}' }), bodyState: 'captured' },
      'devtools',
    );
    fire(store, webRequest(url, { at: 5_000 }), { fromCache: true });
    store.mergeDevtools(
      { exchange: devtoolsExchange(url, { status: 304, at: 5_001 }), bodyState: 'empty' },
      'devtools',
    );
    const list = requests(store);
    expect(list.map((r) => r.exchange.status)).toEqual([200, 304]);
    expect(list.every((r) => r.classification.failure === false)).toBe(true);
  });

  it('before DevTools opens, a cached 200 whose headers demand validation (no-cache or max-age=0, with a validator) is the 304 it was', () => {
    const store = newStore();
    const url = `${PAGE}/cap/etag?when=before`;
    const headers = (cacheControl: string, validator = { name: 'ETag', value: '"v1"' }) => [
      { name: 'Content-Type', value: 'application/json' },
      validator,
      { name: 'Cache-Control', value: cacheControl },
    ];
    // webRequest alone, as before DevTools opens: the first load from the network, then the revalidation
    // Chrome reports as the cached 200 (onHeadersReceived and onCompleted both 200, fromCache on the latter).
    fire(store, webRequest(url, { at: 1_000, responseHeaders: headers('no-cache') }));
    fire(store, webRequest(url, { at: 2_000, responseHeaders: headers('no-cache') }), { fromCache: true });
    fire(store, webRequest(url, { at: 3_000, responseHeaders: headers('private, max-age=0') }), { fromCache: true });
    const lastModified = { name: 'Last-Modified', value: 'Sat, 05 Dec 2026 10:00:00 GMT' };
    fire(store, webRequest(url, { at: 4_000, responseHeaders: headers('no-cache', lastModified) }), {
      fromCache: true,
    });
    // Reusable without validation, or with nothing to validate against: a real cache hit, Chrome's "200 (from disk cache)".
    fire(store, webRequest(url, { at: 5_000, responseHeaders: headers('max-age=3600') }), { fromCache: true });
    fire(store, webRequest(url, { at: 6_000, responseHeaders: headers('no-cache="set-cookie"') }), {
      fromCache: true,
    });
    fire(store, webRequest(url, { at: 7_000, responseHeaders: [{ name: 'Cache-Control', value: 'no-cache' }] }), {
      fromCache: true,
    });
    const list = requests(store);
    expect(list.map((r) => [r.exchange.status, r.exchange.statusText])).toEqual([
      [200, 'Reason'],
      [304, 'Not Modified'],
      [304, 'Not Modified'],
      [304, 'Not Modified'],
      [200, 'Reason'],
      [200, 'Reason'],
      [200, 'Reason'],
    ]);
    expect(list.some((r) => r.classification.failure)).toBe(false);
  });

  it('keeps a 304 that onHeadersReceived reported when onCompleted says 200', () => {
    const store = newStore();
    const ev = webRequest(`${PAGE}/cap/etag.json`, { status: 304 });
    store.begin(toRequestStart(ev.before));
    store.responseStarted(toResponse(ev.headers));
    store.completed(toResponse({ ...ev.completed, statusCode: 200, statusLine: 'HTTP/1.1 200 OK', fromCache: true }));
    expect(requests(store)[0].exchange.status).toBe(304);
  });
});

describe('canceled requests', () => {
  it('an aborted fetch is listed as canceled and not counted as a failure', () => {
    const store = newStore();
    const ev = webRequest(`${PAGE}/cap/slow?ms=5000`, { at: 1_000, error: 'net::ERR_ABORTED' });
    store.begin(toRequestStart(ev.before));
    store.failed(toFailure(ev.error));
    const [record] = requests(store);
    expect(record.classification.kind).toBe('canceled');
    expect(record.exchange.cancelReason).toBeUndefined();
    expect(store.stats.failures).toBe(0);
  });

  it("a request the tab's navigation aborted says so", () => {
    const store = newStore();
    const ev = webRequest(`${PAGE}/cap/slow?ms=5000`, { at: 1_000, error: 'net::ERR_ABORTED' });
    store.begin(toRequestStart(ev.before));
    store.begin(toRequestStart(webRequest(`${PAGE}/next`, { type: 'main_frame', at: 1_005 }).before));
    store.failed(toFailure(ev.error));
    const record = requests(store).find((r) => r.exchange.url.includes('slow'))!;
    expect(record.exchange.cancelReason).toBe('navigation');
    expect(record.classification.message).toContain('navigated away');
  });
});

describe('CORS', () => {
  const api = 'http://localhost:5174/api/cors/put';

  it("links the preflight to the request it was for and names the CORS error with the preflight's status", () => {
    const store = newStore();
    const actual = webRequest(api, { method: 'PUT', at: 1_000, error: 'net::ERR_FAILED' });
    store.begin(toRequestStart({ ...actual.before, initiator: PAGE }));
    store.requestHeaders(toRequestHeaders(actual.sendHeaders));
    const preflight = webRequest(api, {
      method: 'OPTIONS',
      type: 'other',
      at: 1_002,
      status: 404,
      headers: [
        { name: 'Access-Control-Request-Method', value: 'PUT' },
        { name: 'Origin', value: PAGE },
      ],
      responseHeaders: [{ name: 'content-type', value: 'text/plain' }],
    });
    fire(store, preflight, { origin: PAGE });
    store.failed(toFailure(actual.error));
    const list = requests(store);
    // Chrome's order: the request, then its preflight (a row of type "preflight").
    expect(list.map((r) => `${r.exchange.method} ${r.resourceType}`)).toEqual([
      'PUT xmlhttprequest',
      'OPTIONS preflight',
    ]);
    const put = list[0];
    expect(put.exchange.preflight?.status).toBe(404);
    expect(put.classification.message).toBe('CORS error: the preflight (OPTIONS) got 404 Reason');
    expect(put.classification.action).toMatch(/answer OPTIONS \/api\/cors\/put with a 2xx/);
  });

  it('finds the preflight among many other requests made meanwhile, and only one for the same URL', () => {
    const store = newStore();
    const actual = webRequest(api, { method: 'PUT', at: 1_000, error: 'net::ERR_FAILED' });
    store.begin(toRequestStart({ ...actual.before, initiator: PAGE }));
    store.requestHeaders(toRequestHeaders(actual.sendHeaders));
    const preflightOf = (url: string, at: number, status: number) =>
      webRequest(url, {
        method: 'OPTIONS',
        type: 'other',
        at,
        status,
        headers: [
          { name: 'Access-Control-Request-Method', value: 'PUT' },
          { name: 'Origin', value: PAGE },
        ],
      });
    fire(store, preflightOf(api, 1_002, 403), { origin: PAGE });
    // A busy page: eighty other calls (more than the records the lookup once scanned), one of them another
    // URL's preflight, before the failure arrives.
    for (let i = 0; i < 80; i++)
      fire(store, webRequest(`${PAGE}/api/other/${i}`, { status: 200, at: 1_003 + i / 100 }));
    fire(store, preflightOf('http://localhost:5174/api/cors/other', 1_004, 500), { origin: PAGE });
    store.failed(toFailure(actual.error));
    const put = requests(store).find((r) => r.exchange.method === 'PUT')!;
    expect(put.exchange.preflight?.status).toBe(403);
    expect(put.classification.message).toBe('CORS error: the preflight (OPTIONS) got 403 Reason');
  });

  it('names a response without Access-Control-Allow-Origin, from webRequest alone', () => {
    const store = newStore();
    const ev = webRequest('http://localhost:5174/api/cors/no-acao', { at: 1_000, error: 'net::ERR_FAILED' });
    store.begin(toRequestStart({ ...ev.before, initiator: PAGE }));
    store.responseStarted(toResponse(ev.headers));
    store.failed(toFailure(ev.error));
    const [record] = requests(store);
    expect(record.exchange.status).toBe(200);
    expect(record.classification.failure).toBe(true);
    expect(record.classification.message).toBe('CORS error: the response has no Access-Control-Allow-Origin header');
  });
});

describe('call site', () => {
  it('keeps the initiator stack of the DevTools entry', () => {
    const store = newStore();
    const url = `${PAGE}/api/fail`;
    fire(store, webRequest(url, { status: 500, at: 1_000 }));
    const callStack = [{ functionName: 'loadItems', url: `${PAGE}/cap/app.js`, lineNumber: 41, columnNumber: 9 }];
    store.mergeDevtools(
      { exchange: { ...devtoolsExchange(url, { status: 500, at: 1_000 }), callStack }, bodyState: 'not-captured' },
      'devtools',
    );
    expect(requests(store)[0].exchange.callStack).toEqual(callStack);
  });
});
