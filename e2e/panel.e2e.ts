// The Faultline panel in the real DevTools of Chromium and Firefox, against the demo API:
// every seed failure shows its error code, ID, retry wait and action; filter, grouping, detail and
// keyboard, copy support ticket (read back from the system clipboard), export, import, hostile
// payloads as text. Set FAULTLINE_SCREENSHOTS=<dir> to also save light and dark screenshots.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from './demo/server.mjs';
import { harEntry, harText } from '../src/core/testing/har';
import { seedCases } from './harness/seed-rows';
import { launchOnDemo, waitForFailureCount, type BrowserName, type PanelSession } from './harness/index';

interface DemoResult {
  name: string;
  status: number;
}

/** What the panel shows for one record: its row and its detail pane. */
interface Shown {
  name: string;
  found: boolean;
  row?: { status: string; code: string; id: string; kind: string; retry: string; action: string };
  detail?: { code: string; id: string; wait: string | null; action: string; retry: string };
}

interface RowFacts {
  seq: string;
  status: string;
  code: string;
  id: string;
  kind: string;
  method: string;
  url: string;
  todo: string;
}

const seedFailures = seedCases.filter((c) => c.expected.failure);
const SECRET = 'd360-secret-token';

/** Seconds in the detail's wait text ("37 s", "2 min", "1 h 3 min", "1.5 s"). */
function secondsOf(text: string): number {
  let total = 0;
  for (const [, n, unit] of text.matchAll(/([\d.]+)\s*(h|min|s)\b/g))
    total += Number(n) * (unit === 'h' ? 3600 : unit === 'min' ? 60 : 1);
  return total;
}

// ---- functions evaluated in the panel document (self-contained: sent as source) -------------

/** Types into the filter box like a user; resolves when the list has settled. */
async function setFilter(text: string): Promise<boolean> {
  const frame = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
  const input = document.querySelector<HTMLInputElement>('[data-testid="filter"]');
  if (!input) return false;
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  for (let i = 0; i < 100; i++) {
    await frame();
    if (document.querySelector('[data-testid="counts"]')?.getAttribute('data-scanning') !== 'true') return true;
  }
  return false;
}

/** Every failure row of the windowed list: scrolls the grid through and collects what each window renders. */
async function collectRows(): Promise<RowFacts[]> {
  const frame = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
  const grid = document.querySelector<HTMLElement>('[data-testid="failure-list"]');
  if (!grid) return [];
  const seen = new Map<string, RowFacts>();
  const step = Math.max(1, Math.floor(grid.clientHeight / 2));
  for (let top = 0; ; top += step) {
    grid.scrollTop = top;
    await frame();
    for (const row of grid.querySelectorAll<HTMLElement>('[data-testid="failure-row"]')) {
      seen.set(row.dataset.seq!, {
        seq: row.dataset.seq!,
        status: row.dataset.status ?? '',
        code: row.getAttribute('data-code') ?? '',
        id: row.getAttribute('data-id') ?? '',
        kind: row.dataset.kind ?? '',
        method: row.querySelector('.col-method')?.textContent ?? '',
        url: row.dataset.url ?? '',
        todo: row.dataset.todo ?? '',
      });
    }
    if (grid.scrollTop + grid.clientHeight >= grid.scrollHeight - 1) break;
  }
  return [...seen.values()];
}

/** For each case: filter to its URL, select its row, open the detail, read what both show. */
async function inspectCases(cases: Array<{ name: string; filter: string; match: string }>): Promise<Shown[]> {
  const frame = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
  const input = document.querySelector<HTMLInputElement>('[data-testid="filter"]')!;
  const text = (root: Element | null, sel: string) => root?.querySelector(sel)?.textContent?.trim() ?? '';
  const out: Shown[] = [];
  for (const c of cases) {
    input.value = c.filter;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    let row: HTMLElement | undefined;
    for (let i = 0; i < 60 && !row; i++) {
      await frame();
      row = [...document.querySelectorAll<HTMLElement>('[data-testid="failure-row"]')].find((r) => {
        const url = r.dataset.url ?? '';
        return url.includes(c.match) && !url.slice(url.indexOf(c.match) + c.match.length).match(/^[A-Za-z0-9-]/);
      });
    }
    if (!row) {
      out.push({ name: c.name, found: false });
      continue;
    }
    // The row first: with the detail open the list keeps only its compact columns.
    const rowFacts = {
      status: row.dataset.status ?? '',
      code: row.getAttribute('data-code') ?? '',
      id: row.getAttribute('data-id') ?? '',
      kind: row.dataset.kind ?? '',
      retry: text(row, '.col-retry'),
      action: row.dataset.action ?? '',
    };
    row.click();
    let detail: HTMLElement | null = null;
    for (let i = 0; i < 30 && !detail; i++) {
      await frame();
      detail = document.querySelector<HTMLElement>('[data-testid="detail"]');
    }
    out.push({
      name: c.name,
      found: true,
      row: rowFacts,
      detail: detail
        ? {
            code: text(detail, '[data-testid="detail-code"]'),
            id: text(detail, '[data-testid="detail-id"] .mono'),
            wait: detail.querySelector('[data-testid="detail-wait"]')?.textContent ?? null,
            action: text(detail, '[data-testid="detail-action"]'),
            retry: text(detail, '[data-testid="detail-retry"]'),
          }
        : undefined,
    });
    // Close it again so the next row shows all columns.
    (document.querySelector('[aria-label^="Close detail"]') as HTMLElement | null)?.click();
    await frame();
  }
  input.value = '';
  input.dispatchEvent(new Event('input', { bubbles: true }));
  (document.querySelector('[aria-label^="Close detail"]') as HTMLElement | null)?.click();
  return out;
}

async function clickTestId(testid: string): Promise<boolean> {
  const el = document.querySelector<HTMLElement>(`[data-testid="${testid}"]`);
  if (!el) return false;
  el.click();
  await new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
  return true;
}

/** Clears the filter, chips, grouping and detail: each test starts from the default view. */
async function resetView(): Promise<boolean> {
  const frame = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
  const input = document.querySelector<HTMLInputElement>('[data-testid="filter"]');
  if (!input) return false;
  input.value = '';
  input.dispatchEvent(new Event('input', { bubbles: true }));
  for (const chip of document.querySelectorAll<HTMLElement>('.chip[aria-pressed="true"]')) chip.click();
  const group = document.querySelector<HTMLSelectElement>('[data-testid="group-by"]')!;
  if (group.value !== 'none') {
    group.value = 'none';
    group.dispatchEvent(new Event('change', { bubbles: true }));
  }
  (document.querySelector('[aria-label^="Close detail"]') as HTMLElement | null)?.click();
  (document.querySelector('[data-testid="view-live"]') as HTMLElement | null)?.click();
  (document.querySelector('[data-testid="banner"] [aria-label="Dismiss"]') as HTMLElement | null)?.click();
  await frame();
  return true;
}

// ---- the tests ------------------------------------------------------------------------------

describe.each(['chromium', 'firefox'] as BrowserName[])('%s: the Faultline panel', (browser) => {
  let demo: DemoServer;
  let session: PanelSession;
  let results: DemoResult[];

  beforeAll(async () => {
    demo = await startDemoServer();
    session = await launchOnDemo(browser, demo.url);
    results = await session.pageEval(() => (window as any).faultlineDemo.runAll() as Promise<DemoResult[]>);
    // Every seed failure has reached the panel.
    await waitForFailureCount(session, seedFailures.length, 30_000);
  });

  afterAll(async () => {
    await session?.close();
    await demo?.close();
  });

  it("shows each seed failure's error code, ID, retry wait and action", async () => {
    const refusedOrigin = new URL(demo.refusedUrl).origin;
    const cases = seedFailures.map((c) =>
      c.response.status === 0
        ? { name: c.name, filter: 'status:0', match: refusedOrigin + new URL(c.request.url).pathname }
        : { name: c.name, filter: `path:/api/case/${c.name}`, match: `/api/case/${c.name}` },
    );
    // The demo made every seed call and got the seed's status (0: the connection was refused).
    for (const seed of seedCases)
      expect(results.find((r) => r.name === seed.name)?.status, seed.name).toBe(seed.response.status);
    const shown = await session.panelEval(inspectCases, cases);
    const problems: string[] = [];
    for (const seed of seedFailures) {
      const s = shown.find((x) => x.name === seed.name)!;
      const say = (what: string) => problems.push(`${seed.name}: ${what}`);
      if (!s.found || !s.row || !s.detail) {
        say('no failure row (or no detail)');
        continue;
      }
      const e = seed.expected;
      expect(s.row.status, seed.name).toBe(String(seed.response.status));
      if (e.errorCode !== undefined) {
        if (s.row.code !== (e.errorCode ?? ''))
          say(`row code ${JSON.stringify(s.row.code)} ≠ ${JSON.stringify(e.errorCode)}`);
        if (s.detail.code !== (e.errorCode ?? '—')) say(`detail code ${JSON.stringify(s.detail.code)}`);
      }
      if (e.errorId !== undefined) {
        if (s.row.id !== (e.errorId ?? '')) say(`row ID ${JSON.stringify(s.row.id)} ≠ ${JSON.stringify(e.errorId)}`);
        if (s.detail.id !== (e.errorId ?? '—')) say(`detail ID ${JSON.stringify(s.detail.id)}`);
      }
      if (typeof e.retryAfterSeconds === 'number') {
        if (s.detail.wait === null) say('no wait in the detail');
        else if (Math.abs(secondsOf(s.detail.wait) - e.retryAfterSeconds) > 1)
          say(`wait ${s.detail.wait} ≠ ${e.retryAfterSeconds} s`);
        if (!/retry in/.test(s.row.retry)) say(`retry column ${JSON.stringify(s.row.retry)} names no wait`);
      } else if (e.retryAfterSeconds === null && s.detail.wait !== null) {
        say(`a wait (${s.detail.wait}) where the server gave none`);
      }
      if (s.detail.action === '') say('no action');
      if (s.row.action !== s.detail.action) say('the row and the detail disagree on the action');
      if (
        e.actionMentionsAny &&
        !e.actionMentionsAny.some((w) => s.detail!.action.toLowerCase().includes(w.toLowerCase()))
      ) {
        say(`action ${JSON.stringify(s.detail.action)} mentions none of ${e.actionMentionsAny.join(', ')}`);
      }
      if (s.row.retry === '' || s.detail.retry === '') say('no retry verdict');
    }
    expect(problems).toEqual([]);
  });

  it('filters with free text, tokens, negation and quick chips', async () => {
    await session.panelEval(resetView);
    const all = await session.panelEval(collectRows);
    expect(all.length).toBeGreaterThanOrEqual(seedFailures.length);

    const rowsFor = async (filter: string) => {
      await session.panelEval(setFilter, filter);
      return session.panelEval(collectRows);
    };

    const r429 = await rowsFor('status:429');
    expect(r429.length).toBe(all.filter((r) => r.status === '429').length);
    expect(r429.length).toBeGreaterThanOrEqual(2);

    const r5xx = await rowsFor('status:5xx');
    expect(r5xx.map((r) => r.status).every((s) => s.startsWith('5'))).toBe(true);
    expect(r5xx.length).toBe(all.filter((r) => r.status.startsWith('5')).length);

    const notClient = await rowsFor('-status:4xx');
    expect(notClient.length).toBe(all.length - all.filter((r) => r.status.startsWith('4')).length);

    const code = await rowsFor('code:invalid_input');
    expect(code.length).toBeGreaterThanOrEqual(1);
    expect(code.every((r) => r.code.toLowerCase().includes('invalid_input'))).toBe(true);

    const posts = await rowsFor('method:POST host:127.0.0.1');
    expect(posts.length).toBeGreaterThan(0);
    expect(posts.every((r) => r.method === 'POST')).toBe(true);
    expect(posts.length).toBe(all.filter((r) => r.method === 'POST' && r.url.includes('127.0.0.1')).length);

    const text = await rowsFor('ArticleNotFound');
    expect(text.map((r) => r.code)).toContain('ArticleNotFound');

    const withId = await rowsFor('id: -status:5xx');
    expect(withId.length).toBe(all.filter((r) => r.id !== '' && !r.status.startsWith('5')).length);

    await session.panelEval(setFilter, '');
    await session.panelEval(clickTestId, 'chip-server');
    await session.panelEval(clickTestId, 'chip-network');
    const chips = await session.panelEval(collectRows);
    expect(chips.length).toBe(all.filter((r) => r.todo === 'server' || r.todo === 'network').length);
    expect(chips.some((r) => r.status === '0')).toBe(true);
    // The what-to-do summary: every failure in exactly one bucket, each chip's count its rows.
    const counts = await session.panelEval(() =>
      Object.fromEntries(
        [...document.querySelectorAll<HTMLElement>('.chips [data-count]')].map((c) => [
          c.dataset.testid!.slice(5),
          Number(c.dataset.count),
        ]),
      ),
    );
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(all.length);
    for (const [todo, n] of Object.entries(counts)) expect(n).toBe(all.filter((r) => r.todo === todo).length);
    await session.panelEval(resetView);
  });

  it('groups by error code and by endpoint, with counts and first/last seen', async () => {
    await session.panelEval(resetView);
    const total = (await session.panelEval(collectRows)).length;
    const groups = (by: string) =>
      session.panelEval(async (value: string) => {
        const select = document.querySelector<HTMLSelectElement>('[data-testid="group-by"]')!;
        select.value = value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
        await new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
        // Groups are few: all of them fit the window.
        return [...document.querySelectorAll<HTMLElement>('[data-testid="group-row"]')].map((g) => ({
          key: g.dataset.key ?? '',
          count: Number(g.dataset.count),
          text: g.textContent ?? '',
        }));
      }, by);

    const byCode = await groups('code');
    expect(byCode.reduce((n, g) => n + g.count, 0)).toBe(total);
    expect(byCode.map((g) => g.key)).toContain('invalid_input');
    expect(byCode.map((g) => g.key)).toContain('HTTP 502');
    expect(byCode.every((g) => /first \d{4}-\d\d-\d\d \d\d:\d\d:\d\d · last \d{4}/.test(g.text))).toBe(true);

    const byEndpoint = await groups('endpoint');
    expect(byEndpoint.reduce((n, g) => n + g.count, 0)).toBe(total);
    expect(byEndpoint.map((g) => g.key)).toContain('GET /api/case/document360-404');

    // Opening a group lists its members under it.
    const opened = await session.panelEval(async () => {
      const first = document.querySelector<HTMLElement>('[data-testid="group-row"]')!;
      first.click();
      await new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
      return {
        expanded: first.getAttribute('aria-expanded'),
        members: document.querySelectorAll('[data-testid="failure-row"]').length,
        count: Number(first.dataset.count),
      };
    });
    expect(opened.expanded).toBe('true');
    expect(opened.members).toBe(Math.min(opened.count, opened.members));
    expect(opened.members).toBeGreaterThan(0);
    await session.panelEval(resetView);
  });

  it('keyboard: ↑/↓ move the selection, Enter opens the detail, Esc closes it, Ctrl+F focuses the filter', async () => {
    await session.panelEval(resetView);
    const steps = await session.panelEval(async () => {
      const frame = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
      const grid = document.querySelector<HTMLElement>('[data-testid="failure-list"]')!;
      const press = async (target: EventTarget, key: string, init: KeyboardEventInit = {}) => {
        target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
        await frame();
      };
      const selected = () =>
        document.querySelector('[role="row"][aria-selected="true"]')?.getAttribute('data-seq') ?? null;
      const detail = () => document.querySelector('[data-testid="detail"]') !== null;
      grid.focus();
      await press(grid, 'End');
      const last = selected();
      await press(grid, 'ArrowUp');
      const above = selected();
      await press(grid, 'ArrowDown');
      const back = selected();
      await press(grid, 'Enter');
      // The list holds rows; the detail shows once the full record has come from the background.
      for (let i = 0; i < 120 && !detail(); i++) await frame();
      const opened = detail();
      await press(grid, 'Escape');
      const closed = !detail();
      await press(window, 'f', { ctrlKey: true });
      const focused = document.activeElement?.getAttribute('data-testid');
      return {
        last,
        above,
        back,
        opened,
        closed,
        focused,
        roles: { grid: grid.getAttribute('role'), rowcount: grid.getAttribute('aria-rowcount') },
      };
    });
    expect(steps.last).not.toBeNull();
    expect(Number(steps.above)).toBeLessThan(Number(steps.last));
    expect(steps.back).toBe(steps.last);
    expect(steps.opened).toBe(true);
    expect(steps.closed).toBe(true);
    expect(steps.focused).toBe('filter');
    expect(Number(steps.roles.rowcount)).toBeGreaterThan(1);
  });

  it('copies a support ticket with the code and ID to the clipboard, secrets redacted', async () => {
    await session.panelEval(resetView);
    const copy = async (caseName: string, button: string) => {
      const ok = await session.panelEval(
        async ({ name, testid }: { name: string; testid: string }) => {
          const frame = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
          const input = document.querySelector<HTMLInputElement>('[data-testid="filter"]')!;
          input.value = `path:/api/case/${name}`;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          let row: HTMLElement | undefined;
          for (let i = 0; i < 60 && !row; i++) {
            await frame();
            row = [...document.querySelectorAll<HTMLElement>('[data-testid="failure-row"]')].find((r) =>
              (r.dataset.url ?? '').endsWith(`/api/case/${name}`),
            );
          }
          if (!row) return false;
          row.click();
          await frame();
          const toastBefore = document.querySelector('[data-testid="toast"]')?.getAttribute('data-toast');
          // The detail's buttons show once the full record has come from the background.
          let button: HTMLElement | null = null;
          for (let i = 0; i < 120 && !button; i++) {
            button = document.querySelector<HTMLElement>(`[data-testid="${testid}"]`);
            if (!button) await frame();
          }
          if (!button) return false;
          button.click();
          for (let i = 0; i < 60; i++) {
            await frame();
            const toast = document.querySelector('[data-testid="toast"]');
            if (!toast || toast.getAttribute('data-toast') === toastBefore) continue;
            return (toast.textContent ?? '').startsWith('Copied');
          }
          return false;
        },
        { name: caseName, testid: button },
      );
      expect(ok, `${button} for ${caseName}`).toBe(true);
      return session.readClipboard();
    };

    const ticket = await copy('document360-400-validation', 'copy-ticket');
    expect(ticket).toContain('InvalidTitle');
    expect(ticket).toContain('/api/case/document360-400-validation');
    expect(ticket).not.toContain(SECRET);

    const x360 = seedCases.find((c) => c.name === 'x360-400-invalid-model')!;
    const ticketWithId = await copy(x360.name, 'copy-ticket');
    expect(ticketWithId).toContain(x360.expected.errorId!);
    expect(await copy(x360.name, 'copy-id')).toBe(x360.expected.errorId);

    const curl = await copy('document360-400-validation', 'copy-curl');
    expect(curl).toMatch(/^curl /);
    expect(curl).not.toContain(SECRET);
    const fetchCall = await copy('document360-400-validation', 'copy-fetch');
    expect(fetchCall).toContain('fetch(');
    expect(fetchCall).not.toContain(SECRET);
    await session.panelEval(resetView);
  });

  it('exports the filtered list as JSON and as a sanitized HAR', async () => {
    await session.panelEval(resetView);
    await session.panelEval(setFilter, 'status:4xx');
    const expected = (await session.panelEval(collectRows)).length;
    const files = await session.panelEval(async () => {
      // Capture the download instead of saving it: the Blob the panel hands to the <a download>.
      const blobs: Array<{ name: string; blob: Blob }> = [];
      const originalCreate = URL.createObjectURL;
      const originalClick = HTMLAnchorElement.prototype.click;
      let pending: Blob | null = null;
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        pending = blob as Blob;
        return 'blob:faultline-test';
      };
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        if (pending) blobs.push({ name: this.download, blob: pending });
        pending = null;
      };
      try {
        document.querySelector<HTMLElement>('[data-testid="export-json"]')!.click();
        document.querySelector<HTMLElement>('[data-testid="export-har"]')!.click();
        // Exports wait for the full records behind the list rows (asked of the background).
        const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
        for (let i = 0; i < 600 && blobs.length < 2; i++) await frame();
      } finally {
        URL.createObjectURL = originalCreate;
        HTMLAnchorElement.prototype.click = originalClick;
      }
      return Promise.all(blobs.map(async (b) => ({ name: b.name, text: await b.blob.text() })));
    });
    expect(files.map((f) => f.name)).toEqual([
      expect.stringMatching(/^faultline-.*\.json$/),
      expect.stringMatching(/^faultline-.*\.har$/),
    ]);
    const json = JSON.parse(files[0].text);
    expect(json.count).toBe(expected);
    expect(json.filter).toBe('status:4xx');
    expect(json.records.every((r: { status: number }) => r.status >= 400 && r.status < 500)).toBe(true);
    const har = JSON.parse(files[1].text);
    expect(har.log.version).toBe('1.2');
    expect(har.log.entries).toHaveLength(expected);
    for (const f of files) expect(f.text).not.toContain(SECRET);
    await session.panelEval(resetView);
  });

  it('imports a HAR by drag and drop into its own view; a file that is not a HAR gets a clear error', async () => {
    await session.panelEval(resetView);
    const har = harText(
      [
        harEntry(
          'https://api.colleague.test/v2/Articles/7',
          422,
          JSON.stringify({ error: { code: 'invalid_input', message: 'Title is required' } }),
        ),
        harEntry('https://api.colleague.test/v2/Articles/8', 200, '{"ok":true}'),
      ],
      'colleague',
    );
    const imported = await session.panelEval(async (text: string) => {
      const frame = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'colleague.har', { type: 'application/json' }));
      const target = document.querySelector('[data-testid="faultline-panel"]')!;
      target.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: transfer }));
      target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
      for (let i = 0; i < 60; i++) {
        await frame();
        const tab = document.querySelector('[data-testid="view-imported"]');
        // The import streams: the view opens at once and its rows follow until the progress bar goes.
        if (tab && !document.querySelector('[data-testid="import-progress"]')) {
          const rows = [...document.querySelectorAll<HTMLElement>('[data-testid="failure-row"]')];
          return {
            tab: tab.textContent,
            rows: rows.map((r) => ({ code: r.getAttribute('data-code'), status: r.dataset.status })),
          };
        }
      }
      return null;
    }, har);
    expect(imported).toEqual({ tab: 'Imported: colleague.har', rows: [{ code: 'invalid_input', status: '422' }] });

    const rejected = await session.panelEval(async () => {
      const frame = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
      const input = document.querySelector<HTMLInputElement>('[data-testid="import-input"]')!;
      const transfer = new DataTransfer();
      transfer.items.add(new File(['this is not json'], 'notes.txt', { type: 'text/plain' }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      for (let i = 0; i < 60; i++) {
        await frame();
        const banner = document.querySelector('[data-testid="banner"][role="alert"]');
        if (banner) return banner.textContent;
      }
      return null;
    });
    expect(rejected).toMatch(/notes\.txt is not a HAR file/);

    // A file that is not a HAR leaves the live view on screen (the streamed import closes the view it opened).
    const back = await session.panelEval(async () => document.querySelector('[data-testid="view-imported"]') === null);
    expect(back).toBe(true);
  });

  it('shows hostile payloads as text: nothing runs, nothing is fetched', async () => {
    await session.pageEval(() => (window as any).faultlineDemo.runHostile());
    await session.panelEval(resetView);
    await session.panelEval(setFilter, 'path:/api/hostile/xss');
    const seen = await session.panelEval(async () => {
      const frame = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
      let row: HTMLElement | null = null;
      for (let i = 0; i < 60 && !row; i++) {
        await frame();
        row = document.querySelector<HTMLElement>('[data-testid="failure-row"]');
      }
      row?.click();
      // The detail shows once the full record has come from the background.
      for (let i = 0; i < 120 && !document.querySelector('[data-testid="detail"]'); i++) await frame();
      const panel = document.querySelector('[data-testid="faultline-panel"]')!;
      return {
        row: row !== null,
        // None but the panel's own: the toolbar's settings gear (an inline SVG inside its button).
        injected: panel.querySelectorAll('img, script, iframe, svg:not(button > svg.gear), object, embed').length,
        xss: (window as any).__faultline_xss ?? null,
        text: document.querySelector('[data-testid="detail"]')?.textContent ?? '',
      };
    });
    expect(seen.row).toBe(true);
    expect(seen.injected).toBe(0);
    expect(seen.xss).toBeNull();
    expect(seen.text).toContain('<script>window.__faultline_xss=1</script>');
    expect(demo.xssBeaconHits()).toBe(0);
    await session.panelEval(resetView);
  });

  // Chromium's capture of DevTools paints a panel forced to dark inside light DevTools with the light
  // colours (its computed styles are dark); the Firefox dark shot is the faithful one.
  it.runIf(process.env.FAULTLINE_SCREENSHOTS)('saves light and dark screenshots', async () => {
    const dir = path.resolve(process.env.FAULTLINE_SCREENSHOTS!);
    await session.panelEval(resetView);
    for (const theme of ['light', 'dark']) {
      await session.panelEval(async (t: string) => {
        const frame = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
        (document.querySelector('[data-testid="settings"]') as HTMLElement).click();
        await frame();
        const select = document.querySelector<HTMLSelectElement>('[data-testid="theme"]')!;
        select.value = t;
        select.dispatchEvent(new Event('change', { bubbles: true }));
        (document.querySelector('[data-testid="settings"]') as HTMLElement).click();
        await frame();
        // A selected row with its detail, as a developer would look at it.
        const row = [...document.querySelectorAll<HTMLElement>('[data-testid="failure-row"]')].find(
          (r) => r.dataset.status === '429',
        );
        row?.click();
        // Let the out-of-process panel frame repaint fully before DevTools is captured.
        for (let i = 0; i < 10; i++) await frame();
        await new Promise((r) => setTimeout(r, 500));
      }, theme);
      await session.screenshotPanel(path.join(dir, `panel-${theme}${browser === 'firefox' ? '-firefox' : ''}.png`));
    }
    await session.panelEval(async () => {
      const frame = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
      (document.querySelector('[data-testid="settings"]') as HTMLElement).click();
      await frame();
      const select = document.querySelector<HTMLSelectElement>('[data-testid="theme"]')!;
      select.value = 'auto';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      (document.querySelector('[data-testid="settings"]') as HTMLElement).click();
    });
  });
});
