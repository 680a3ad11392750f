// Capture fidelity (issue 14), in both browsers, on the demo server's capture page (/cap/): one record
// per request the browser's Network panel lists, canceled requests as their own kind, CORS errors
// named, Firefox bodies without the Network panel (before and after DevTools opened), and Chrome's
// call site. Ground truth: the demo server's own log of what it served.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from './demo/server.mjs';
import { distPath, waitFor } from './harness/common';
import { launchSession, type BrowserName, type PanelSession } from './harness/index';

interface Rec {
  id: string;
  url: string;
  method: string;
  status: number;
  error?: string;
  resourceType?: string;
  kind: string;
  failure: boolean;
  message: string | null;
  errorCode: string | null;
  errorId: string | null;
  sources: string[];
  preflightStatus?: number;
  callSite?: { functionName: string; url: string; lineNumber: number };
}

const path = (url: string) => {
  const u = new URL(url);
  return u.pathname + u.search;
};

describe.each(['chromium', 'firefox'] as BrowserName[])('%s: capture fidelity', (browser) => {
  let demo: DemoServer;
  let session: PanelSession;
  let tabId: number;

  const records = () =>
    session.backgroundEval(
      (t: number) =>
        ((globalThis as any).faultlineDebug.records(t) as any[])
          .filter((r) => r.kind === 'request')
          .map((r) => ({
            id: r.id,
            url: r.exchange.url,
            method: r.exchange.method,
            status: r.exchange.status,
            error: r.exchange.error,
            resourceType: r.resourceType,
            kind: r.classification.kind,
            failure: r.classification.failure,
            message: r.classification.message,
            errorCode: r.classification.errorCode,
            errorId: r.classification.errorId,
            sources: r.sources,
            preflightStatus: r.exchange.preflight?.status,
            callSite: r.exchange.callStack?.find((f: any) => f.url.includes('/cap/app.js')),
          })) as Rec[],
      tabId,
    );
  const stats = () =>
    session.backgroundEval((t: number) => (globalThis as any).faultlineDebug.stats(t), tabId) as Promise<{
      failures: number;
      pending: number;
    }>;
  const byPath = (rows: Rec[], p: string) => rows.filter((r) => path(r.url) === p);
  const page = <R>(fn: string, arg?: unknown) =>
    session.pageEval(([name, a]: [string, unknown]) => (window as any).capture[name](a) as Promise<R>, [fn, arg] as [
      string,
      unknown,
    ]);

  async function settledRecords(check: (rows: Rec[]) => boolean, what: string): Promise<Rec[]> {
    let last: Rec[] = [];
    try {
      return await waitFor(
        async () => {
          last = await records();
          const s = await stats();
          return s && s.pending === 0 && check(last) ? last : null;
        },
        { timeoutMs: 30_000, intervalMs: 250, what },
      );
    } catch (error) {
      throw new Error(
        `${(error as Error).message}; records: ${JSON.stringify(last.map((r) => `${r.method} ${path(r.url)} ${r.status} ${r.kind} ${r.error ?? ''}`))}`,
      );
    }
  }

  beforeAll(async () => {
    demo = await startDemoServer();
    session = await launchSession(browser, {
      extensionPath: distPath(browser),
      url: `${demo.url}/cap/`,
      openPanel: false,
    });
    const tabs = await waitFor(
      () =>
        session.backgroundEval(
          (origin: string) =>
            ((globalThis as any).faultlineDebug?.tabs?.() ?? []).filter((t: { urls: string[] }) =>
              t.urls.some((u) => u.startsWith(origin)),
            ),
          `${demo.url}/cap/`,
        ),
      { what: 'the capture tab in faultlineDebug.tabs()', timeoutMs: 20_000, intervalMs: 200 },
    );
    tabId = tabs[0].tabId;
    // Before DevTools opens: a failure with a body, an abort, a failing preflight, a blocked response.
    expect(await page('loadFailure', 1)).toBe(500);
    expect(await page('abortRequest')).toBe('AbortError');
    expect(await page('corsPreflightFails')).toBe('TypeError');
    expect(await page('corsMissingHeader')).toBe('TypeError');
    await settledRecords(
      (rows) => byPath(rows, '/cap/cors/no-acao').length === 1,
      'the calls made before DevTools opened',
    );
    // DevTools opens on the Faultline panel; the Network panel is never opened.
    await session.openPanel();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await page('loadFailure', 2)).toBe(500);
    expect(await page('timeoutRequest')).toBe('TimeoutError');
    expect(await page('revalidate')).toEqual([200, 200]);
  });

  afterAll(async () => {
    await session?.close();
    await demo?.close();
  });

  it('fonts: one record per font request, no cache-check record, and a missing font counts once', async () => {
    const rows = await settledRecords((r) => byPath(r, '/cap/missing.woff2').length > 0, 'the font records');
    expect(rows.filter((r) => r.error === 'net::ERR_CACHE_MISS')).toEqual([]);
    const missing = byPath(rows, '/cap/missing.woff2');
    expect(missing.map((r) => [r.status, r.failure])).toEqual([[404, true]]);
    expect(byPath(rows, '/cap/font.woff2').length).toBe(demo.log.filter((e) => e.path === '/cap/font.woff2').length);
  });

  it('a 404 stylesheet is one record, though DevTools re-reads stylesheets when it opens', async () => {
    const rows = await settledRecords((r) => r.some((x) => x.sources.includes('devtools')), 'DevTools entries');
    expect(byPath(rows, '/cap/missing.css').map((r) => r.status)).toEqual([404]);
  });

  it('an ETag revalidation is one record per request, the second with the status the browser lists', async () => {
    const fromDevtools = (r: Rec) => r.sources.includes('devtools');
    const rows = await settledRecords(
      (r) => byPath(r, '/cap/etag').length >= 2 && byPath(r, '/cap/etag').every(fromDevtools),
      'both /cap/etag records, merged with DevTools',
    );
    const served = demo.log.filter((e) => e.path === '/cap/etag').map((e) => e.status);
    expect(served).toEqual([200, 304]);
    const statuses = byPath(rows, '/cap/etag').map((r) => r.status);
    // Chrome's Network panel and Firefox's Network Monitor both list the revalidation as 304.
    expect(statuses).toEqual([200, 304]);
  });

  it('an AbortController abort and a timeout are canceled, listed but not counted as failures', async () => {
    const rows = await settledRecords(
      (r) => byPath(r, '/cap/slow?ms=3000&kind=timeout').length === 1,
      'the timeout record',
    );
    for (const p of ['/cap/slow?ms=3000&kind=abort', '/cap/slow?ms=3000&kind=timeout']) {
      const [record] = byPath(rows, p);
      expect(record, p).toBeDefined();
      expect([record.kind, record.failure], p).toEqual(['canceled', false]);
      expect(record.message, p).toMatch(/^\(canceled\)/);
    }
    const failures = rows.filter((r) => r.failure).length;
    expect((await stats()).failures).toBe(failures);
  });

  it('a response without Access-Control-Allow-Origin is named a CORS error with its reason', async () => {
    const [record] = byPath(await records(), '/cap/cors/no-acao');
    expect(record.failure).toBe(true);
    expect(record.message).toBe('CORS error: the response has no Access-Control-Allow-Origin header');
  });

  it('a preflight that failed before DevTools opened is recorded, with its status on the request it was for', async () => {
    const rows = await records();
    const preflights = byPath(rows, '/cap/cors/preflight-fail').filter((r) => r.method === 'OPTIONS');
    expect(preflights.map((r) => [r.status, r.resourceType])).toEqual([[404, 'preflight']]);
    const put = byPath(rows, '/cap/cors/preflight-fail').filter((r) => r.method === 'PUT');
    // The browser never sends the PUT: the demo server saw only the OPTIONS.
    expect(demo.log.filter((e) => e.path === '/cap/cors/preflight-fail').map((e) => e.method)).toEqual(['OPTIONS']);
    expect(put).toHaveLength(1);
    expect(put[0].preflightStatus).toBe(404);
    expect(put[0].message).toContain('CORS error: the preflight (OPTIONS) got 404');
  });

  it("a failure's error code and ID come from its body (Firefox: for calls before and after DevTools opened)", async () => {
    const rows = await settledRecords(
      (r) => byPath(r, '/cap/fail?n=2')[0]?.errorId != null,
      'the body of the failure made with DevTools open',
    );
    // Chrome gives bodies only to DevTools, so only Firefox (its body copy) has the one made before DevTools opened.
    for (const n of browser === 'firefox' ? [1, 2] : [2]) {
      const [record] = byPath(rows, `/cap/fail?n=${n}`);
      expect([record.errorCode, record.errorId], `call ${n}`).toEqual(['cap_failed', `capid-${n}`]);
    }
    if (browser === 'firefox') {
      // Before DevTools opened only the body copy can have given it.
      expect(byPath(rows, '/cap/fail?n=1')[0].sources).toContain('filter');
    }
  });

  it('the call site of a failure made with DevTools open (Chromium), or what Firefox says instead', async () => {
    const rows = await settledRecords(
      (r) => byPath(r, '/cap/fail?n=2')[0]?.sources.includes('devtools') === true,
      'the DevTools entry of the failure',
    );
    const [record] = byPath(rows, '/cap/fail?n=2');
    if (browser === 'chromium') {
      expect(record.callSite?.functionName).toBe('loadFailure');
      expect(record.callSite?.url).toBe(`${demo.url}/cap/app.js`);
      // The Call site column is optional (header menu); the detail always shows it.
      const cell = await session.waitForPanel(() => {
        const shown = document.querySelector('[data-testid="detail-call-site"]');
        if (shown) return shown.textContent;
        const row = Array.from(document.querySelectorAll<HTMLElement>('[role="row"][data-url]')).find((r) =>
          (r.dataset.url ?? '').includes('/cap/fail?n=2'),
        );
        row?.click();
        return null;
      });
      expect(cell).toBe(`loadFailure (app.js:${record.callSite!.lineNumber + 1})`);
    } else {
      expect(record.callSite).toBeUndefined();
    }
  });
});
