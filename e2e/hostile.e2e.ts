// Hostile responses (issue 9) in the real DevTools of Chromium and Firefox: the demo page calls every
// /api/hostile/* route with the Faultline panel open. The panel must keep working, give each response
// a row, mark what it cut or skipped, show HTML/script payloads as text, and never run or fetch them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_WAIT_SECONDS } from '../src/core/retry';
import { startDemoServer, type DemoServer } from './demo/server.mjs';
import { launchOnDemo, waitForFailureCount, type BrowserName, type PanelSession } from './harness/index';

interface DemoResult {
  name: string;
  status: number;
}

/** What the panel shows for one record: its row, and its detail pane once the row is clicked. */
interface Shown {
  url: string;
  status: string;
  code: string;
  id: string;
  rowText: string;
  rowRetry: string;
  detail: {
    text: string;
    code: string;
    id: string;
    message: string;
    retry: string;
    wait: string | null;
    notes: string[];
    bodyState: string | null;
    bodyTruncated: boolean;
    responseHeaderRows: number;
  } | null;
}

/** The seconds in a wait text such as "24 h", "2 min 5 s" or "1.5 s". */
function secondsOf(text: string): number {
  let total = 0;
  for (const [, n, unit] of text.matchAll(/([\d.]+)\s*(h|min|s)\b/g))
    total += Number(n) * (unit === 'h' ? 3600 : unit === 'min' ? 60 : 1);
  return total;
}

// ---- functions evaluated in the panel document (self-contained: sent as source) -------------

/** Records, from now on, every element the panel gains that could load or run something, every inline event handler, and CSP violations. */
function installWatch(): boolean {
  const w = window as unknown as { __hostileWatch?: { nodes: string[]; csp: string[] } };
  if (w.__hostileWatch) return true;
  const watch = { nodes: [] as string[], csp: [] as string[] };
  w.__hostileWatch = watch;
  const RISKY = new Set([
    'IMG',
    'SCRIPT',
    'IFRAME',
    'FRAME',
    'OBJECT',
    'EMBED',
    'SVG',
    'MATH',
    'VIDEO',
    'AUDIO',
    'SOURCE',
    'LINK',
    'STYLE',
    'META',
    'BASE',
    'FORM',
    'IMAGE',
  ]);
  const check = (el: Element): void => {
    const risky = RISKY.has(el.tagName.toUpperCase());
    const handler = [...el.attributes].some((a) => a.name.toLowerCase().startsWith('on'));
    if (risky || handler) watch.nodes.push(el.outerHTML.slice(0, 200));
  };
  new MutationObserver((records) => {
    for (const r of records) {
      for (const node of r.addedNodes) {
        if (node.nodeType !== 1) continue;
        check(node as Element);
        for (const el of (node as Element).querySelectorAll('*')) check(el);
      }
      if (r.type === 'attributes' && r.target.nodeType === 1 && /^on/i.test(r.attributeName ?? ''))
        check(r.target as Element);
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
  document.addEventListener('securitypolicyviolation', (e) => watch.csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  return true;
}

function readWatch(): { nodes: string[]; csp: string[] } {
  return (window as unknown as { __hostileWatch: { nodes: string[]; csp: string[] } }).__hostileWatch;
}

/** Filters the list like a user, then clicks each row whose URL contains `match` and reads the row and its detail. */
async function inspect({ filter, match }: { filter: string; match: string }): Promise<Shown[]> {
  const frame = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
  const text = (root: Element | null | undefined, sel: string) => root?.querySelector(sel)?.textContent?.trim() ?? '';
  const input = document.querySelector<HTMLInputElement>('[data-testid="filter"]')!;
  input.value = filter;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  const matching = () =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="failure-row"]')].filter((r) =>
      (r.dataset.url ?? '').includes(match),
    );
  let rows = matching();
  for (let i = 0; i < 60 && rows.length === 0; i++) {
    await frame();
    rows = matching();
  }
  await frame();
  // Read every row before any click: with the detail open the list shows fewer columns.
  (document.querySelector('[aria-label^="Close detail"]') as HTMLElement | null)?.click();
  await frame();
  const before = new Map(
    matching().map((r) => [r.dataset.seq!, { rowText: r.textContent ?? '', rowRetry: text(r, '.col-retry') }]),
  );
  const out: Shown[] = [];
  for (const [seq, { rowText, rowRetry }] of before) {
    const row = document.querySelector<HTMLElement>(`[data-testid="failure-row"][data-seq="${seq}"]`);
    if (!row) continue;
    row.click();
    let detail: HTMLElement | null = null;
    // The detail shows once the full record has come from the background.
    for (let i = 0; i < 120; i++) {
      await frame();
      detail = document.querySelector<HTMLElement>('[data-testid="detail"]');
      if (detail && detail.querySelector('.detail-url')?.getAttribute('title') === row.dataset.url) break;
    }
    out.push({
      url: row.dataset.url ?? '',
      status: row.dataset.status ?? '',
      code: row.getAttribute('data-code') ?? '',
      id: row.getAttribute('data-id') ?? '',
      rowText,
      rowRetry,
      detail: detail
        ? {
            text: detail.textContent ?? '',
            code: text(detail, '[data-testid="detail-code"]'),
            id: text(detail, '[data-testid="detail-id"] .mono'),
            message: text(detail, '[data-testid="detail-message"]'),
            retry: text(detail, '[data-testid="detail-retry"]'),
            wait: detail.querySelector('[data-testid="detail-wait"]')?.textContent ?? null,
            notes: [...detail.querySelectorAll('.notes li')].map((li) => li.textContent ?? ''),
            bodyState: detail.querySelector('[data-testid="body-state"]')?.textContent ?? null,
            bodyTruncated: /Body truncated\./.test(detail.querySelector('[data-testid="body"]')?.textContent ?? ''),
            responseHeaderRows:
              [...detail.querySelectorAll('details.section')]
                .find((s) => s.querySelector('summary')?.textContent === 'Response headers')
                ?.querySelectorAll('tr').length ?? 0,
          }
        : null,
    });
  }
  input.value = '';
  input.dispatchEvent(new Event('input', { bubbles: true }));
  (document.querySelector('[aria-label^="Close detail"]') as HTMLElement | null)?.click();
  await frame();
  return out;
}

/** Opens the record whose URL contains `match` and switches its body through every view. */
async function cycleBodyViews(
  match: string,
): Promise<{ views: Array<{ view: string; selected: boolean; shown: boolean }>; errors: string[] }> {
  const frame = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
  const errors: string[] = [];
  const onError = (e: ErrorEvent) => errors.push(String(e.message));
  const onRejection = (e: PromiseRejectionEvent) => errors.push(String(e.reason));
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  const input = document.querySelector<HTMLInputElement>('[data-testid="filter"]')!;
  input.value = `path:${match}`;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  let row: HTMLElement | undefined;
  for (let i = 0; i < 60 && !row; i++) {
    await frame();
    row = [...document.querySelectorAll<HTMLElement>('[data-testid="failure-row"]')].find((r) =>
      (r.dataset.url ?? '').includes(match),
    );
  }
  row?.click();
  await frame();
  const views: Array<{ view: string; selected: boolean; shown: boolean }> = [];
  const tabs = () => [
    ...document.querySelectorAll<HTMLButtonElement>('[data-testid="detail"] [role="tablist"] [role="tab"]'),
  ];
  for (const name of tabs().map((t) => t.textContent ?? '')) {
    const tab = tabs().find((t) => t.textContent === name)!;
    if (tab.disabled) continue;
    tab.click();
    for (let i = 0; i < 3; i++) await frame();
    const now = tabs().find((t) => t.textContent === name);
    const shown =
      name === 'JSON tree'
        ? document.querySelector('[data-testid="json-tree"]') !== null
        : (document.querySelector('[data-testid="body-text"]')?.textContent?.length ?? 0) > 0;
    views.push({ view: name, selected: now?.getAttribute('aria-selected') === 'true', shown });
  }
  window.removeEventListener('error', onError);
  window.removeEventListener('unhandledrejection', onRejection);
  input.value = '';
  input.dispatchEvent(new Event('input', { bubbles: true }));
  (document.querySelector('[aria-label^="Close detail"]') as HTMLElement | null)?.click();
  await frame();
  return { views, errors };
}

// ---- the tests ------------------------------------------------------------------------------

const HOSTILE_PATHS: Record<string, string> = {
  'hostile-huge': '/api/hostile/huge',
  'hostile-deep': '/api/hostile/deep',
  'hostile-binary': '/api/hostile/binary',
  'hostile-invalid-utf8': '/api/hostile/invalid-utf8',
  'hostile-proto': '/api/hostile/proto',
  'hostile-xss': '/api/hostile/xss',
  'hostile-headers': '/api/hostile/headers',
};

describe.each(['chromium', 'firefox'] as BrowserName[])('%s: hostile responses in the panel', (browser) => {
  let demo: DemoServer;
  let session: PanelSession;
  let results: DemoResult[];

  beforeAll(async () => {
    demo = await startDemoServer();
    session = await launchOnDemo(browser, demo.url);
    await session.panelEval(installWatch);
    results = await session.pageEval(() => (window as any).faultlineDemo.runHostile() as Promise<DemoResult[]>);
    await waitForFailureCount(session, results.length, 60_000);
  });

  afterAll(async () => {
    await session?.close();
    await demo?.close();
  });

  it('got every hostile response from the demo API', () => {
    expect(results.map((r) => r.name)).toEqual([
      ...Object.keys(HOSTILE_PATHS),
      ...['negative', 'overflow', 'word', 'year-9999', 'epoch'].map((k) => `hostile-retry-garbage-${k}`),
    ]);
    for (const r of results)
      expect(r.status, r.name).toBe(
        r.name.startsWith('hostile-retry-garbage')
          ? 429
          : r.name === 'hostile-proto' || r.name === 'hostile-xss'
            ? 400
            : 500,
      );
  });

  it('gives each hostile response a failure row with its status', async () => {
    for (const [name, path] of Object.entries(HOSTILE_PATHS)) {
      const shown = await session.panelEval(inspect, { filter: `path:${path}`, match: path });
      expect(shown, name).toHaveLength(1);
      expect(shown[0].status, name).toBe(String(results.find((r) => r.name === name)!.status));
      expect(shown[0].detail, name).not.toBeNull();
    }
    const garbage = await session.panelEval(inspect, {
      filter: 'path:/api/hostile/retry-garbage',
      match: '/api/hostile/retry-garbage',
    });
    expect(garbage.map((s) => s.status)).toEqual(['429', '429', '429', '429', '429']);
  });

  it('stays responsive: a normal failure after the hostile set still shows up as a row', async () => {
    const status = await session.pageEval(async () => (await fetch('/api/burst/3?after=hostile')).status);
    expect(status).toBe(404);
    const row = await session.waitForPanel(
      () => {
        const input = document.querySelector<HTMLInputElement>('[data-testid="filter"]');
        if (input && input.value !== '') {
          input.value = '';
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }
        const grid = document.querySelector<HTMLElement>('[data-testid="failure-list"]');
        if (grid) grid.scrollTop = grid.scrollHeight;
        const found = [...document.querySelectorAll<HTMLElement>('[data-testid="failure-row"]')].find((r) =>
          (r.dataset.url ?? '').endsWith('/api/burst/3?after=hostile'),
        );
        return found ? { status: found.dataset.status, kind: found.dataset.kind } : null;
      },
      undefined,
      30_000,
    );
    expect(row).toEqual({ status: '404', kind: 'client' });
  });

  it('marks the 50 MB body as truncated or not captured, in the detail and the status bar', async () => {
    const [huge] = await session.panelEval(inspect, { filter: 'path:/api/hostile/huge', match: '/api/hostile/huge' });
    const d = huge.detail!;
    // Firefox delivers the body and the capture cuts it; Chromium's DevTools does not keep a body this large.
    const marked = d.bodyTruncated || /not captured/.test(d.bodyState ?? '');
    expect(marked, `body state ${JSON.stringify(d.bodyState)}, notes ${JSON.stringify(d.notes)}`).toBe(true);
    if (d.bodyTruncated) {
      expect(d.notes).toContain('body was cut before it reached the classifier');
      const counter = await session.panelEval(
        () => document.querySelector('[data-testid="truncated-bodies"]')?.textContent ?? null,
      );
      expect(counter).toMatch(/^\d+ bod(y|ies) truncated$/);
      // What was kept is enough: the head carries the code and the ID.
      expect(huge.code).toBe('huge_body');
      expect(huge.id).toBe('req_hostile_huge');
    }
  });

  it('marks a binary body as binary instead of showing its bytes as text', async () => {
    const [binary] = await session.panelEval(inspect, {
      filter: 'path:/api/hostile/binary',
      match: '/api/hostile/binary',
    });
    const d = binary.detail!;
    const marked = /Binary body/.test(d.bodyState ?? '') || d.notes.includes('binary body not parsed');
    expect(marked, `body state ${JSON.stringify(d.bodyState)}, notes ${JSON.stringify(d.notes)}`).toBe(true);
  });

  it('reads the invalid UTF-8 body without a crash and notes it when it is not parsed', async () => {
    const [utf8] = await session.panelEval(inspect, {
      filter: 'path:/api/hostile/invalid-utf8',
      match: '/api/hostile/invalid-utf8',
    });
    expect(utf8.status).toBe('500');
    if (utf8.code === '') expect(utf8.detail!.notes).toContain('binary body not parsed');
    else expect(utf8.id).toBe('req_hostile_utf8');
  });

  it('shows HTML and script payloads as text in the row and the detail; nothing is created, run or fetched', async () => {
    const beacon = `${demo.url}/api/xss-beacon`;
    const payload = {
      imgOnerror: `<img src=x onerror="window.__faultline_xss=1;fetch('${beacon}?via=onerror')">`,
      script: '<script>window.__faultline_xss=1</script>',
      imgSrc: `<img src="${beacon}?via=img-src">`,
    };
    const [xss] = await session.panelEval(inspect, { filter: 'path:/api/hostile/xss', match: '/api/hostile/xss' });
    expect(xss.code).toBe(payload.script);
    expect(xss.rowText).toContain(payload.script);
    expect(xss.rowText).toContain(payload.imgOnerror);
    const d = xss.detail!;
    expect(d.code).toBe(payload.script);
    expect(d.id).toBe(payload.imgOnerror);
    expect(d.message).toContain(payload.imgSrc);
    // Header values, the body and the message: every payload is in the detail as literal text.
    for (const p of Object.values(payload)) expect(d.text).toContain(p);
    expect(d.text).toContain(`x-error-message${payload.imgSrc}`);

    // Let anything that was going to load or run do so before looking.
    await session.panelEval(() => new Promise<void>((r) => setTimeout(r, 500)));
    const watch = await session.panelEval(readWatch);
    expect(watch.nodes).toEqual([]);
    expect(watch.csp).toEqual([]);
    const inPanel = await session.panelEval(() => ({
      xss: (window as any).__faultline_xss ?? null,
      elements: document.querySelectorAll(
        '[data-testid="faultline-panel"] img, [data-testid="faultline-panel"] script, [data-testid="faultline-panel"] iframe',
      ).length,
    }));
    expect(inPanel).toEqual({ xss: null, elements: 0 });
    expect(await session.pageEval(() => (window as any).__faultline_xss ?? null)).toBeNull();
    expect(await session.backgroundEval(() => (globalThis as any).__faultline_xss ?? null)).toBeNull();
    expect(demo.xssBeaconHits()).toBe(0);
  });

  it('shows __proto__, constructor and prototype keys as data and pollutes no prototype', async () => {
    const [proto] = await session.panelEval(inspect, {
      filter: 'path:/api/hostile/proto',
      match: '/api/hostile/proto',
    });
    expect(proto.code).toBe('__proto__');
    expect(proto.id).toBe('prototype');
    expect(proto.detail!.message).toBe('constructor');
    const clean = { object: null, array: null, fn: null, global: null };
    expect(
      await session.panelEval(() => ({
        object: ({} as any).polluted ?? null,
        array: ([] as any).polluted ?? null,
        fn: ((() => 0) as any).polluted ?? null,
        global: (window as any).polluted ?? null,
      })),
    ).toEqual(clean);
    expect(
      await session.backgroundEval(() => ({
        object: ({} as any).polluted ?? null,
        array: ([] as any).polluted ?? null,
        fn: ((() => 0) as any).polluted ?? null,
        global: (globalThis as any).polluted ?? null,
      })),
    ).toEqual(clean);
  });

  it('lists all 5,000 response headers in the detail', async () => {
    const [headers] = await session.panelEval(inspect, {
      filter: 'path:/api/hostile/headers',
      match: '/api/hostile/headers',
    });
    expect(headers.code).toBe('many_headers');
    expect(headers.id).toBe('req_hostile_headers');
    expect(headers.detail!.responseHeaderRows).toBeGreaterThanOrEqual(5000);
    expect(headers.detail!.text).toContain('x-h04999');
  });

  it('renders the 100,000-level JSON body in every view (tree, Pretty, Raw) without an error', async () => {
    const [deep] = await session.panelEval(inspect, { filter: 'path:/api/hostile/deep', match: '/api/hostile/deep' });
    expect(deep.code).toBe('deep_json');
    const cycled = await session.panelEval(cycleBodyViews, '/api/hostile/deep');
    expect(cycled.views.map((v) => v.view)).toEqual(['JSON tree', 'Pretty', 'Raw']);
    expect(cycled.views.filter((v) => !v.selected || !v.shown)).toEqual([]);
    expect(cycled.errors).toEqual([]);
  });

  it('gives sane verdicts for garbage Retry-After and RateLimit headers', async () => {
    const shown = await session.panelEval(inspect, {
      filter: 'path:/api/hostile/retry-garbage',
      match: '/api/hostile/retry-garbage',
    });
    const byValue = new Map(shown.map((s) => [new URL(s.url).searchParams.get('v'), s]));
    const problems: string[] = [];
    for (const value of ['-5', '1e309', 'soon', 'Thu, 01 Jan 1970 00:00:00 GMT']) {
      const s = byValue.get(value);
      if (!s?.detail) {
        problems.push(`${value}: no row`);
        continue;
      }
      if (s.detail.wait !== null)
        problems.push(`${value}: a wait (${s.detail.wait}) from a value that must be ignored`);
      if (!s.detail.notes.some((n) => n.startsWith(`Retry-After '${value}' ignored`)))
        problems.push(`${value}: no note that it was ignored (${s.detail.notes.join(' | ')})`);
      if (s.rowRetry === '' || s.detail.retry === '') problems.push(`${value}: no retry verdict`);
    }
    const future = byValue.get('Fri, 31 Dec 9999 23:59:59 GMT');
    if (!future?.detail?.wait) problems.push('year 9999: no wait');
    else {
      if (secondsOf(future.detail.wait) !== MAX_WAIT_SECONDS)
        problems.push(`year 9999: wait ${future.detail.wait}, not the ${MAX_WAIT_SECONDS} s cap`);
      if (!future.detail.notes.some((n) => n.includes(`capped at ${MAX_WAIT_SECONDS} s`)))
        problems.push('year 9999: no note that the wait was capped');
    }
    expect(problems).toEqual([]);
  });

  // The 200 MB scale (progress, responsiveness) is e2e/import-scale.e2e.ts; this file holds what a hostile file does.
  it('imports a HAR holding a 20 MiB body into its own view: every entry listed, the over-long body marked truncated', async () => {
    const imported = await session.panelEval(async () => {
      const frame = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
      // Built from repeated parts inside the panel: nothing large crosses the test driver.
      const pad = 'x'.repeat(100 * 1024);
      const entry = (n: number, status: number, padParts: string[]) => [
        `${n ? ',' : ''}{"startedDateTime":"2026-01-01T00:00:00.000Z","time":1,"request":{"method":"GET","url":"https://big.test/item/${n}","headers":[]},` +
          `"response":{"status":${status},"headers":[{"name":"content-type","value":"application/json"}],"content":{"mimeType":"application/json",` +
          `"text":"{\\"error\\":{\\"code\\":\\"big_${n}\\"},\\"pad\\":\\"`,
        ...padParts,
        '\\"}"}}}',
      ];
      const parts: string[] = ['{"log":{"version":"1.2","creator":{"name":"generator","version":"1"},"entries":['];
      let entries = 0;
      // Entry 0 carries a 20 MiB body: beyond the HAR reader's 16 MiB per-body cap.
      parts.push(
        ...entry(
          entries++,
          500,
          Array.from({ length: 200 }, () => pad),
        ),
      );
      for (let bytes = 200 * pad.length; bytes < 28 * 1024 * 1024; bytes += pad.length + 330)
        parts.push(...entry(entries++, [500, 404, 429, 503][entries % 4], [pad]));
      parts.push(']}}');
      const file = new File(parts, 'big.har', { type: 'application/json' });
      const transfer = new DataTransfer();
      transfer.items.add(file);
      document
        .querySelector('[data-testid="faultline-panel"]')!
        .dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
      // The import streams: the view opens at once and fills until the progress bar goes.
      const settled = () =>
        document.querySelector('[data-testid="view-imported"]') &&
        !document.querySelector('[data-testid="import-progress"]');
      for (const start = Date.now(); !settled() && Date.now() - start < 100_000;) {
        if (document.querySelector('[data-testid="banner"][role="alert"]')) break;
        await frame();
      }
      return {
        size: file.size,
        entries,
        tab: document.querySelector('[data-testid="view-imported"]')?.textContent ?? null,
        alert: document.querySelector('[data-testid="banner"][role="alert"]')?.textContent ?? null,
        counts: document.querySelector('[data-testid="counts"]')?.textContent ?? '',
      };
    });
    expect(imported.size).toBeGreaterThanOrEqual(28 * 1024 * 1024);
    expect(imported.alert).toBeNull();
    expect(imported.tab).toBe('Imported: big.har');
    expect(imported.counts).toContain(`${imported.entries.toLocaleString('en-US')} entries in big.har`);

    const [huge] = await session.panelEval(inspect, {
      filter: 'host:big.test big_0',
      match: 'https://big.test/item/0',
    });
    expect(huge?.code).toBe('big_0');
    expect(huge?.detail?.bodyTruncated).toBe(true);
    expect(huge?.detail?.notes).toContain('body was cut before it reached the classifier');

    // Back to the live view: the panel still answers.
    const back = await session.panelEval(async () => {
      document.querySelector<HTMLElement>('[data-testid="close-import"]')?.click();
      await new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
      return {
        imported: document.querySelector('[data-testid="view-imported"]') !== null,
        rows: document.querySelectorAll('[data-testid="failure-row"]').length,
      };
    });
    expect(back.imported).toBe(false);
    expect(back.rows).toBeGreaterThan(0);
  });

  it('after all of it: no risky element, no CSP violation, no global set, no beacon hit', async () => {
    const watch = await session.panelEval(readWatch);
    expect(watch.nodes).toEqual([]);
    expect(watch.csp).toEqual([]);
    expect(await session.panelEval(() => (window as any).__faultline_xss ?? null)).toBeNull();
    expect(await session.pageEval(() => (window as any).__faultline_xss ?? null)).toBeNull();
    expect(demo.xssBeaconHits()).toBe(0);
  });
});
