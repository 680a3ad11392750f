// The demo page itself, in plain Chromium and Firefox (no extension): every button's call reaches
// the demo server as designed, under the page's strict CSP, and no hostile payload runs in the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { waitFor } from '../harness/common';
import { startDemoServer, type DemoServer } from './server.mjs';

interface SeedCase {
  name: string;
  request: { method: string };
  response: { status: number; error?: string };
}

interface CallResult {
  name: string;
  status: number;
  statusText: string;
  ok: boolean;
  error?: string;
}

interface Attempt {
  url: string;
  method: string;
  status: number;
  waitedMs: number;
}

interface PageDriver {
  goto(url: string): Promise<void>;
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  click(selector: string): Promise<void>;
  /** Console messages, minus the browsers' routine "failed to load" lines for 4xx/5xx. */
  messages: string[];
  close(): Promise<void>;
}

const seedCases: SeedCase[] = JSON.parse(
  readFileSync(new URL('../../../shared/fixtures/seed-cases.json', import.meta.url), 'utf8'),
);
const ROUTINE = /Failed to load resource|status of \d{3}|Cross-Origin Request Blocked/;

async function chromiumDriver(): Promise<PageDriver> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true });
  const page = await browser.newPage();
  const messages: string[] = [];
  page.on('console', (m) => {
    if (!ROUTINE.test(m.text())) messages.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => messages.push(`pageerror: ${e.message}`));
  return {
    messages,
    goto: async (url) => {
      await page.goto(url);
      await page.waitForFunction(() => document.body.dataset.ready === 'true');
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    click: async (selector) => {
      await Promise.all([page.waitForNavigation(), page.click(selector)]);
      await page.waitForFunction(() => document.body.dataset.ready === 'true');
    },
    close: () => browser.close(),
  };
}

async function firefoxDriver(): Promise<PageDriver> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    headless: true,
  });
  const page = await browser.newPage();
  const messages: string[] = [];
  page.on('console', (m) => {
    if (!ROUTINE.test(m.text())) messages.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => {
    const text = e instanceof Error ? e.message : String(e);
    if (!ROUTINE.test(text)) messages.push(`pageerror: ${text}`);
  });
  // Polled with evaluate: puppeteer's waitForFunction builds its predicate with Function(), which
  // Firefox ESR 140 blocks under the demo page's strict CSP (script.callFunction is not subject to it).
  const pageReady = () =>
    waitFor(() => page.evaluate(() => document.body.dataset.ready === 'true'), {
      what: 'the demo page to be ready',
      timeoutMs: 30_000,
    });
  return {
    messages,
    goto: async (url) => {
      await page.goto(url);
      await pageReady();
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg),
    click: async (selector) => {
      await Promise.all([page.waitForNavigation(), page.click(selector)]);
      await pageReady();
    },
    close: () => browser.close(),
  };
}

const drivers: Array<[string, () => Promise<PageDriver>]> = [
  ['chromium', chromiumDriver],
  ['firefox', firefoxDriver],
];

describe.each(drivers)('demo page in %s', (_, launch) => {
  let demo: DemoServer;
  let page: PageDriver;

  beforeAll(async () => {
    demo = await startDemoServer();
    page = await launch();
    await page.goto(demo.url);
  });

  afterAll(async () => {
    await page?.close();
    await demo?.close();
  });

  it('loads its script and style from the server only, with a button per seed case', async () => {
    expect(demo.log.map((e) => e.path).sort()).toEqual(['/', '/demo.css', '/demo.js']);
    const buttons = await page.evaluate(
      () => [...document.querySelectorAll('button[data-case]')].map((b) => [b.id, (b as HTMLElement).dataset.case]),
      null,
    );
    for (const seedCase of seedCases) expect(buttons).toContainEqual([seedCase.name, seedCase.name]);
    expect(buttons).toContainEqual(['run-all', 'run-all']);
    expect(await page.evaluate(() => document.title, null)).toBe('Faultline demo API');
  });

  it('runAll makes every seed case call and every extra call, then marks the page done', async () => {
    demo.resetLog();
    const results = await page.evaluate(
      () => (window as unknown as { faultlineDemo: { runAll(): Promise<CallResult[]> } }).faultlineDemo.runAll(),
      null,
    );
    const names = await page.evaluate(
      () =>
        (window as unknown as { faultlineDemo: { names: { seed: string[]; extra: string[] } } }).faultlineDemo.names,
      null,
    );
    expect(results.map((r) => r.name)).toEqual([...names.seed, ...names.extra]);
    for (const seedCase of seedCases) {
      const result = results.find((r) => r.name === seedCase.name)!;
      expect(result.status, seedCase.name).toBe(seedCase.response.status);
      if (!seedCase.response.status) expect(result.error).toBeTruthy();
      else
        expect(demo.log.filter((e) => e.path.startsWith(`/api/case/${seedCase.name}`)).map((e) => e.method)).toEqual([
          seedCase.request.method,
        ]);
    }
    expect(results.find((r) => r.name === 'graphql-errors')?.status).toBe(200);
    expect(results.find((r) => r.name === 'problem-json')?.status).toBe(422);
    expect(await page.evaluate(() => document.body.dataset.done, null)).toBe('true');
  });

  it('unreadFetch gets a 500 without reading it', async () => {
    demo.resetLog();
    const result = await page.evaluate(
      () =>
        (window as unknown as { faultlineDemo: { unreadFetch(): Promise<CallResult> } }).faultlineDemo.unreadFetch(),
      null,
    );
    expect(result.status).toBe(500);
    expect(demo.log.map((e) => e.path)).toEqual(['/api/unread']);
  });

  it('burst(2000) makes 2,000 requests and resolves with 2,000', async () => {
    demo.resetLog();
    const count = await page.evaluate(
      (n) => (window as unknown as { faultlineDemo: { burst(n: number): Promise<number> } }).faultlineDemo.burst(n),
      2000,
    );
    expect(count).toBe(2000);
    const paths = new Set(demo.log.filter((e) => e.path.startsWith('/api/burst/')).map((e) => e.path));
    expect(paths.size).toBe(2000);
  });

  it('each retry-audit scenario sends the attempts it describes', async () => {
    const run = (scenario: string) =>
      page.evaluate(
        (s) =>
          (
            window as unknown as { faultlineDemo: { audit(s: string): Promise<{ attempts: Attempt[] }> } }
          ).faultlineDemo.audit(s),
        scenario,
      );
    const shape = (attempts: Attempt[]) =>
      attempts.map((a) => [new URL(a.url, demo.url).pathname, a.method, a.status, a.waitedMs]);

    expect(shape((await run('4xx-retried-unchanged')).attempts)).toEqual([
      ['/api/audit/validation', 'POST', 422, 0],
      ['/api/audit/validation', 'POST', 422, 0],
      ['/api/audit/validation', 'POST', 422, 0],
    ]);
    expect(shape((await run('401-retried-same-credentials')).attempts).map((a) => a[2])).toEqual([401, 401, 401]);
    expect(shape((await run('retry-after-ignored')).attempts)).toEqual([
      ['/api/audit/rate-limited', 'GET', 429, 0],
      ['/api/audit/rate-limited', 'GET', 429, 200],
      ['/api/audit/rate-limited', 'GET', 200, 200],
    ]);
    expect(shape((await run('no-backoff')).attempts).map((a) => [a[2], a[3]])).toEqual([
      [503, 0],
      [503, 300],
      [503, 300],
      [503, 300],
      [200, 300],
    ]);
    const storm = (await run('retry-storm')).attempts;
    expect(storm).toHaveLength(10);
    expect(storm.reduce((sum, a) => sum + a.waitedMs, 0)).toBeLessThan(1000);
    expect(shape((await run('unsafe-post-retry')).attempts)).toEqual([
      ['/api/audit/create', 'POST', 500, 0],
      ['/api/audit/create', 'POST', 201, 300],
    ]);
    expect(shape((await run('423-hammered')).attempts).map((a) => [a[2], a[3]])).toEqual([
      [423, 0],
      [423, 0],
      [423, 0],
      [200, 0],
    ]);

    demo.resetLog();
    const good = shape((await run('well-behaved')).attempts);
    expect(good.filter((a) => a[0] === '/api/audit/rate-limited').map((a) => [a[2], a[3]])).toEqual([
      [429, 0],
      [429, 2050],
      [200, 2050],
    ]);
    expect(good.filter((a) => a[0] === '/api/audit/flaky').map((a) => [a[2], a[3]])).toEqual([
      [503, 0],
      [503, 300],
      [200, 600],
    ]);
    expect(good.filter((a) => a[0] === '/api/audit/locked').map((a) => [a[2], a[3]])).toEqual([
      [423, 0],
      [423, 300],
      [423, 600],
      [200, 1200],
    ]);
    expect(good.filter((a) => a[0] === '/api/audit/create').map((a) => [a[2], a[3]])).toEqual([
      [500, 0],
      [201, 300],
    ]);
    expect(good.filter((a) => a[0] === '/api/audit/validation').map((a) => a[2])).toEqual([422]);
    // Every run id is fresh: the server saw each scenario's first attempt as attempt 1.
    expect(demo.log.filter((e) => e.path.startsWith('/api/audit/rate-limited')).map((e) => e.status)).toEqual([
      429, 429, 200,
    ]);
  });

  it('hostile responses arrive and none of their payloads runs in the page', async () => {
    demo.resetLog();
    const results = await page.evaluate(
      () =>
        (window as unknown as { faultlineDemo: { runHostile(): Promise<CallResult[]> } }).faultlineDemo.runHostile(),
      null,
    );
    expect(results.every((r) => r.status >= 400)).toBe(true);
    expect(results.find((r) => r.name === 'hostile-headers')?.status).toBe(500);
    expect(
      await page.evaluate(() => (window as unknown as { __faultline_xss?: number }).__faultline_xss ?? null, null),
    ).toBeNull();
    expect(demo.xssBeaconHits()).toBe(0);
  });

  it('the Navigate link loads page 2 from the server', async () => {
    demo.resetLog();
    await page.click('#navigate');
    expect(demo.log.map((e) => e.path)).toContain('/?page=2');
    expect(await page.evaluate(() => document.getElementById('page-indicator')?.textContent, null)).toBe('Page 2');
  });

  it('?autorun=1 runs every demo call on load', async () => {
    demo.resetLog();
    await page.goto(`${demo.url}/?autorun=1`);
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const check = () => (document.body.dataset.done === 'true' ? resolve() : setTimeout(check, 50));
          check();
        }),
      null,
    );
    const served = new Set(demo.log.map((e) => e.path.split('?')[0]));
    for (const seedCase of seedCases.filter((c) => c.response.status))
      expect(served).toContain(`/api/case/${seedCase.name}`);
  });

  it('logged no script errors and no CSP violations', () => {
    expect(page.messages).toEqual([]);
  });
});
