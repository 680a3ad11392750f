// Capture fidelity (issue 14), in both browsers, on the demo server's capture page (/cap/): one record
// per request the browser's Network panel lists, canceled requests as their own kind, CORS errors
// named, Firefox bodies without the Network panel (before and after DevTools opened), and Chrome's
// call site. Ground truth: the demo server's own log of what it served.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from './demo/server.mjs';
import { freePort, recordChromeNetwork, type ChromeNetworkLog, type ChromeRequest } from './harness/cdp-network-log';
import { launchChromiumSession, type ChromiumPanelSession } from './harness/chromium';
import { distPath, waitFor } from './harness/common';
import type { FirefoxPanelSession } from './harness/firefox';
import type { ToolboxState } from './harness/firefox-agent';
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
  callSite?: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  /** The CORS reason classify named (Chrome's CorsError names), from its notes. */
  cors?: string;
}

/**
 * What the Status column of Chrome's Network panel shows for a row (DevTools' NetworkDataGridNode
 * rule, in its order): "(failed)" with the error unless canceled or CORS, a 4xx/5xx even when the
 * load was then canceled, "(canceled)" without a status, "CORS error" with the reason, the status.
 */
function chromeOutcome(r: ChromeRequest): string {
  if (r.errorText && !r.canceled && !r.corsError) return r.errorText;
  if (r.status >= 400) return String(r.status);
  if (!r.status && r.canceled) return 'canceled';
  if (r.corsError) return `CORS ${r.corsError}`;
  return String(r.status);
}

/** The same rule over a Faultline record (its kind, error, status and the CORS reason classify named). */
function faultlineOutcome(r: Rec): string {
  const canceled = r.kind === 'canceled' || /ERR_ABORTED|NS_BINDING_ABORTED/.test(r.error ?? '');
  if (r.error && !canceled && !r.cors) return r.error;
  if (r.status >= 400) return String(r.status);
  if (!r.status && canceled) return 'canceled';
  if (r.cors) return `CORS ${r.cors}`;
  return String(r.status);
}

/** Whether Chrome's Network panel shows the row red: a 4xx/5xx or a failure that is not a cancellation. */
const chromeFailed = (r: ChromeRequest) => r.status >= 400 || (r.errorText !== undefined && !r.canceled);

const countBy = (keys: string[]) => {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
};

const path = (url: string) => {
  const u = new URL(url);
  return u.pathname + u.search;
};

describe.each(['chromium', 'firefox'] as BrowserName[])('%s: capture fidelity', (browser) => {
  let demo: DemoServer;
  let session: PanelSession;
  let tabId: number;
  /** Chromium only: Chrome's own network log of the tab, read over CDP from before the page loaded. */
  let chromeLog: ChromeNetworkLog | undefined;
  /** Firefox only: the toolbox as it was after the calls made with DevTools open (on the Inspector). */
  let toolboxAfterCalls: ToolboxState | undefined;

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
            cors: (r.classification.notes as string[] | undefined)
              ?.find((n) => n.startsWith('cors: '))
              ?.slice('cors: '.length),
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
    if (browser === 'chromium') {
      // A debugging port of our own, so CDP can attach to the page and, flattened, to its workers and iframes.
      const port = await freePort();
      const chromium = await launchChromiumSession({
        extensionPath: distPath(browser),
        url: 'about:blank',
        openPanel: false,
        extraArgs: [`--remote-debugging-port=${port}`],
      });
      session = chromium;
      const cdp = await chromium.page.context().newCDPSession(chromium.page);
      const { targetInfo } = await cdp.send('Target.getTargetInfo');
      await cdp.detach();
      chromeLog = await recordChromeNetwork(port, targetInfo.targetId);
      await session.goto(`${demo.url}/cap/`);
    } else {
      session = await launchSession(browser, {
        extensionPath: distPath(browser),
        url: `${demo.url}/cap/`,
        openPanel: false,
      });
    }
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
    // Before DevTools opens (the fonts and stylesheets of the page load too): a failure with a body, an
    // abort, a timeout, an ETag revalidation, a failing preflight, a blocked response.
    expect(await page('loadFailure', 1)).toBe(500);
    expect(await page('abortRequest', 'before')).toBe('AbortError');
    expect(await page('timeoutRequest', 'before')).toBe('TimeoutError');
    expect(await page('revalidate', 'before')).toEqual([200, 200]);
    expect(await page('corsPreflightFails', 'before')).toBe('TypeError');
    expect(await page('corsMissingHeader', 'before')).toBe('TypeError');
    await settledRecords(
      (rows) => byPath(rows, '/cap/cors/no-acao?when=before').length === 1,
      'the calls made before DevTools opened',
    );
    // DevTools opens: Chromium's on the Faultline panel; Firefox's toolbox on the Inspector, the Faultline
    // panel not shown until the body test below. Neither browser's Network panel is ever opened.
    if (browser === 'firefox') await (session as FirefoxPanelSession).openToolbox('inspector');
    else await session.openPanel();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await page('loadFailure', 2)).toBe(500);
    expect(await page('abortRequest', 'after')).toBe('AbortError');
    expect(await page('timeoutRequest', 'after')).toBe('TimeoutError');
    expect(await page('revalidate', 'after')).toEqual([200, 200]);
    expect(await page('corsPreflightFails', 'after')).toBe('TypeError');
    expect(await page('corsMissingHeader', 'after')).toBe('TypeError');
    // The rest of issue 14's request kinds, with DevTools open.
    expect(await page('redirects')).toEqual([200, '/cap/ok']);
    expect(await page('redirectLoop')).toBe('TypeError');
    expect(await page('beacon')).toBe(true);
    expect(await page('eventSource')).toBe('hello');
    expect(await page('webSocket')).toEqual(['hello', 1000]);
    expect(await page('workerFetch')).toBe(503);
    expect(await page('crossOriginFrame')).toBe(404);
    expect(await page('refusedConnection', demo.refusedUrl)).toBe('TypeError');
    expect(await page('resetConnection')).toBe('TypeError');
    if (browser === 'firefox') toolboxAfterCalls = await (session as FirefoxPanelSession).toolboxState();
  });

  afterAll(async () => {
    await chromeLog?.close();
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

  it.each(['before', 'after'])(
    'an ETag revalidation made %s DevTools opened is one record per request, the second with the status the browser lists',
    async (when) => {
      const etag = `/cap/etag?when=${when}`;
      const fromDevtools = (r: Rec) => r.sources.includes('devtools');
      const rows = await settledRecords(
        (r) => byPath(r, etag).length >= 2 && (when === 'before' || byPath(r, etag).every(fromDevtools)),
        `both ${etag} records${when === 'after' ? ', merged with DevTools' : ''}`,
      );
      const served = demo.log.filter((e) => e.path === etag).map((e) => e.status);
      expect(served).toEqual([200, 304]);
      const statuses = byPath(rows, etag).map((r) => r.status);
      // Chrome's network log (CDP) and Firefox's Network Monitor both list the revalidation as 304.
      expect(statuses).toEqual([200, 304]);
    },
  );

  it.each(['abort', 'timeout'].flatMap((kind) => ['before', 'after'].map((when) => [kind, when])))(
    'an AbortController %s made %s DevTools opened is canceled, listed once but not counted as a failure',
    async (kind, when) => {
      const p = `/cap/slow?ms=3000&kind=${kind}&when=${when}`;
      const rows = await settledRecords((r) => byPath(r, p).length > 0, `the ${kind} record`);
      const records = byPath(rows, p);
      expect(records.map((r) => [r.kind, r.failure])).toEqual([['canceled', false]]);
      expect(records[0].message).toMatch(/^\(canceled\)/);
      // The server saw the request start: it was sent, then canceled by the page.
      expect(demo.log.filter((e) => e.path === p)).toHaveLength(1);
      const failures = rows.filter((r) => r.failure).length;
      expect((await stats()).failures).toBe(failures);
    },
  );

  it.each(['before', 'after'])(
    'a response without Access-Control-Allow-Origin, made %s DevTools opened, is one record named a CORS error with its reason',
    async (when) => {
      const p = `/cap/cors/no-acao?when=${when}`;
      const rows = await settledRecords((r) => byPath(r, p).length > 0, `the ${p} record`);
      const records = byPath(rows, p);
      expect(records.map((r) => [r.status === 0 || r.status === 200, r.failure, r.cors])).toEqual([
        [true, true, 'MissingAllowOriginHeader'],
      ]);
      expect(records[0].message).toBe('CORS error: the response has no Access-Control-Allow-Origin header');
    },
  );

  it.each(['before', 'after'])(
    'a preflight that failed %s DevTools opened is recorded, with its status on the request it was for',
    async (when) => {
      const p = `/cap/cors/preflight-fail?when=${when}`;
      const rows = await settledRecords((r) => byPath(r, p).length >= 2, `the ${p} records`);
      const preflights = byPath(rows, p).filter((r) => r.method === 'OPTIONS');
      expect(preflights.map((r) => [r.status, r.resourceType])).toEqual([[404, 'preflight']]);
      const put = byPath(rows, p).filter((r) => r.method === 'PUT');
      // The browser never sends the PUT: the demo server saw only the OPTIONS.
      expect(demo.log.filter((e) => e.path === p).map((e) => e.method)).toEqual(['OPTIONS']);
      expect(put).toHaveLength(1);
      expect(put[0].preflightStatus).toBe(404);
      expect(put[0].failure).toBe(true);
      expect(put[0].message).toContain('CORS error: the preflight (OPTIONS) got 404');
    },
  );

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
      // The calls ran with the toolbox on the Inspector; the Network panel was never loaded.
      expect(toolboxAfterCalls?.currentToolId).toBe('inspector');
      expect(toolboxAfterCalls?.loadedBuiltinPanels).not.toContain('netmonitor');
      // Then the user picks the Faultline tab: both rows show the code and the ID.
      await session.openPanel();
      const shown = await session.waitForPanel(() => {
        const cells = (n: number) => {
          const row = Array.from(document.querySelectorAll<HTMLElement>('[role="row"][data-url]')).find((r) =>
            (r.dataset.url ?? '').endsWith(`/cap/fail?n=${n}`),
          );
          return row
            ? [
                row.dataset.code,
                row.dataset.id,
                /cap_failed/.test(row.textContent ?? '') && (row.textContent ?? '').includes(`capid-${n}`),
              ]
            : null;
        };
        const one = cells(1);
        const two = cells(2);
        return one && two ? [one, two] : null;
      });
      expect(shown).toEqual([
        ['cap_failed', 'capid-1', true],
        ['cap_failed', 'capid-2', true],
      ]);
      expect((await (session as FirefoxPanelSession).toolboxState()).loadedBuiltinPanels).not.toContain('netmonitor');
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

  it('redirects, a redirect loop, a beacon, EventSource, WebSocket, a worker, a cross-origin iframe, refused and reset: each listed once, as the browser lists it', async () => {
    const rows = await settledRecords(
      (r) => byPath(r, '/cap/reset').length > 0 && byPath(r, '/cap/frame-fail').length > 0,
      'the records of the last calls',
    );
    const summary = (p: string) =>
      byPath(rows, p).map((r) => `${r.method} ${faultlineOutcome(r)} ${r.failure ? 'failure' : 'ok'}`);
    // Each redirect hop is its own record, as in both browsers' network tools.
    expect(summary('/cap/redirect/301')).toEqual(['GET 301 ok']);
    expect(summary('/cap/redirect/302')).toEqual(['GET 302 ok']);
    expect(summary('/cap/ok?from=redirect')).toEqual(['GET 200 ok']);
    // A loop: every hop the browser followed is a 302, and the last request fails with the browser's error.
    const served = demo.log.filter((e) => e.path === '/cap/loop').length;
    const loop = summary('/cap/loop');
    expect(served).toBe(21);
    const tooMany = browser === 'chromium' ? 'net::ERR_TOO_MANY_REDIRECTS' : 'NS_ERROR_REDIRECT_LOOP';
    expect(loop).toEqual([...Array(served - 1).fill('GET 302 ok'), `GET ${tooMany} failure`]);
    expect(summary('/cap/beacon')).toEqual(['POST 204 ok']);
    expect(summary('/cap/events')).toEqual(['GET 200 ok']);
    expect(summary('/cap/ws')).toEqual(['GET 101 ok']);
    expect(summary('/cap/worker.js')).toEqual(['GET 200 ok']);
    expect(summary('/cap/worker-fail')).toEqual(['GET 503 failure']);
    expect(summary('/cap/frame.html')).toEqual(['GET 200 ok']);
    expect(summary('/cap/frame-fail')).toEqual(['GET 404 failure']);
    const [refused, ...moreRefused] = rows.filter((r) => r.url === demo.refusedUrl);
    expect(moreRefused).toEqual([]);
    expect([refused?.error, refused?.kind, refused?.failure, refused?.cors]).toEqual([
      browser === 'chromium' ? 'net::ERR_CONNECTION_REFUSED' : 'NS_ERROR_CONNECTION_REFUSED',
      'network',
      true,
      undefined,
    ]);
    const reset = byPath(rows, '/cap/reset');
    expect(reset.map((r) => [r.error, r.kind, r.failure])).toEqual([
      [browser === 'chromium' ? 'net::ERR_CONNECTION_RESET' : 'NS_ERROR_NET_RESET', 'network', true],
    ]);
  });

  it.runIf(browser === 'chromium')(
    "Chromium: Faultline's records are Chrome's own network log (CDP, workers and iframes attached)",
    async () => {
      const ours = (url: string) => /^(https?|wss?):\/\/(127\.0\.0\.1|localhost):/.test(url);
      // Wait until Chrome has seen every request end and Faultline has nothing pending.
      const chrome = await waitFor(
        () => {
          const rows = chromeLog!.requests().filter((r) => ours(r.url));
          return rows.length > 0 && rows.every((r) => r.done) ? rows : null;
        },
        { what: "Chrome's requests to end", timeoutMs: 30_000 },
      );
      const faultline = await settledRecords(
        (rows) => rows.filter((r) => ours(r.url)).length >= chrome.length,
        'as many records as Chrome lists',
      );
      const key = (method: string, url: string, outcome: string) => `${method} ${url} → ${outcome}`;
      const ourRecords = faultline.filter((r) => ours(r.url));
      const chromeRows = chrome.map((r) => ({
        key: key(r.method, r.url, chromeOutcome(r)),
        outcome: chromeOutcome(r),
        failed: chromeFailed(r),
      }));
      const ourRows = ourRecords.map((r) => ({
        key: key(r.method, r.url, faultlineOutcome(r)),
        outcome: faultlineOutcome(r),
        failed: r.failure,
      }));
      const tally = (rows: { outcome: string; failed: boolean }[]) => ({
        requests: rows.length,
        'not failed': rows.filter((r) => !r.failed && r.outcome !== 'canceled').length,
        'failed: HTTP 4xx/5xx': rows.filter((r) => r.failed && /^\d+$/.test(r.outcome)).length,
        'failed: net error': rows.filter((r) => r.failed && r.outcome.startsWith('net::')).length,
        'failed: CORS': rows.filter((r) => r.failed && r.outcome.startsWith('CORS')).length,
        canceled: rows.filter((r) => r.outcome === 'canceled').length,
        'redirect hops (3xx)': rows.filter((r) => /^3\d\d$/.test(r.outcome) && r.outcome !== '304').length,
        'repeated keys': [...countBy(rows.map((r) => (r as { key?: string }).key ?? '')).values()].filter((n) => n > 1)
          .length,
      });
      const chromeTally = tally(chromeRows);
      const ourTally = tally(ourRows);
      console.log(
        `Chrome's network log (CDP) against Faultline's records, ${ourRecords.length} records:\n` +
          `  ${''.padEnd(22)} ${'Chrome'.padStart(7)} ${'Faultline'.padStart(10)}\n` +
          Object.keys(chromeTally)
            .map(
              (k) =>
                `  ${k.padEnd(22)} ${String(chromeTally[k as keyof typeof chromeTally]).padStart(7)} ${String(ourTally[k as keyof typeof ourTally]).padStart(10)}`,
            )
            .join('\n'),
      );
      // The same requests, each with the same outcome, as many times each (so no duplicate and none missing).
      expect(ourRows.map((r) => r.key).sort()).toEqual(chromeRows.map((r) => r.key).sort());
      // The same failures: what Chrome shows red is what Faultline counts as a failure.
      expect(
        ourRows
          .filter((r) => r.failed)
          .map((r) => r.key)
          .sort(),
      ).toEqual(
        chromeRows
          .filter((r) => r.failed)
          .map((r) => r.key)
          .sort(),
      );
      expect(ourTally).toEqual(chromeTally);
      // What the page did reached Chrome from the page, a worker and a cross-origin iframe.
      expect(new Set(chrome.map((r) => r.target))).toEqual(new Set(['page', 'worker', 'iframe']));
    },
  );

  it.runIf(browser === 'chromium')(
    'Chromium: the call site link opens app.js at that line in DevTools Sources',
    async () => {
      const rows = await settledRecords(
        (r) => byPath(r, '/cap/fail?n=2')[0]?.callSite !== undefined,
        'the call site of the failure made with DevTools open',
      );
      const site = byPath(rows, '/cap/fail?n=2')[0].callSite!;
      const line = site.lineNumber + 1;
      const clicked = await session.waitForPanel(() => {
        const link = document.querySelector<HTMLElement>('[data-testid="call-site-link"]');
        if (link) {
          link.click();
          return link.textContent;
        }
        Array.from(document.querySelectorAll<HTMLElement>('[role="row"][data-url]'))
          .find((r) => (r.dataset.url ?? '').includes('/cap/fail?n=2'))
          ?.click();
        return null;
      });
      expect(clicked).toBe(`loadFailure (app.js:${line})`);
      // DevTools' own UI, read through its shadow roots: the selected tool, the open file, and the cursor of
      // the Sources editor that shows app.js (a <devtools-text-editor>, whose `editor` is its CodeMirror view).
      const devtools = (session as ChromiumPanelSession).devtoolsPage!;
      let last: unknown;
      const shown = await waitFor(
        () =>
          devtools
            .evaluate(() => {
              const deepAll = (root: Document | ShadowRoot, selector: string, out: Element[] = []): Element[] => {
                out.push(...root.querySelectorAll(selector));
                for (const el of root.querySelectorAll('*')) if (el.shadowRoot) deepAll(el.shadowRoot, selector, out);
                return out;
              };
              const tools = deepAll(document, '[role="tab"][aria-selected="true"]').map((t) => t.id);
              const files = deepAll(document, '.tabbed-pane-header-tab.selected[role="tab"]').map(
                (t) => t.getAttribute('aria-label') ?? t.textContent ?? '',
              );
              const editors = deepAll(document, 'devtools-text-editor')
                .map((el) => (el as any).editor)
                .filter((view) => view?.state?.doc?.toString().includes('async function loadFailure'));
              const cursors = editors.map((view) => {
                const head: number = view.state.selection.main.head;
                const line = view.state.doc.lineAt(head);
                return { line: line.number as number, column: head - (line.from as number), text: line.text as string };
              });
              return { tools, files, cursors };
            })
            .then((r) => {
              last = r;
              const atLine = r.cursors.some((c) => c.line === line);
              return r.tools.includes('tab-sources') && r.files.some((f) => f.includes('app.js')) && atLine ? r : null;
            }),
        {
          what: 'DevTools Sources to show app.js with the cursor on the call site line',
          timeoutMs: 15_000,
          intervalMs: 250,
        },
      ).catch((error: Error) => {
        throw new Error(`${error.message}; DevTools showed ${JSON.stringify(last)}`);
      });
      // One editor shows app.js, its cursor on the line of the failing fetch (1-based, as Sources numbers lines).
      expect(shown.cursors).toHaveLength(1);
      expect(shown.cursors[0].line).toBe(line);
      // The column too (both 0-based): the cursor is at the call, as the link's frame says.
      expect(shown.cursors[0].column).toBe(site.columnNumber);
      expect(shown.cursors[0].text).toContain('fetch(`/cap/fail?n=');
      console.log(`Sources cursor after the call site link: ${JSON.stringify(shown.cursors[0])}`);
    },
  );
});
