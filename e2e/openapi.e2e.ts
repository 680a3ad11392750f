// The team's own API, end to end in Chromium and Firefox (issue 16): the demo serves an OpenAPI
// document for its own API; the user loads it in the real options page by URL and by file; the real
// panel shows the operation, the documented meaning, the undocumented status and the schema
// violation with its path, and a filter finds each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from './demo/server.mjs';
import { shopOpenapiYaml } from './demo/lib/shop.mjs';
import { launchOnDemo, type BrowserName, type PanelSession } from './harness/index';

interface LoadOutcome {
  status: string;
  titles: string[];
  servers: string[];
}

// ---- evaluated in the options page (self-contained) -----------------------------------------

async function loadSpecInOptions(arg: {
  url?: string;
  file?: { name: string; text: string };
  removeFirst?: boolean;
}): Promise<LoadOutcome> {
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  const byTestId = <E extends HTMLElement>(id: string) => document.querySelector<E>(`[data-testid="${id}"]`);
  const until = async <T>(probe: () => T, what: string, ms = 20_000): Promise<NonNullable<T>> => {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = probe();
      if (value) return value;
      if (Date.now() > deadline)
        throw new Error(
          `options page: timed out waiting for ${what}; status: ${byTestId('spec-status')?.textContent ?? ''}`,
        );
      await sleep(25);
    }
  };
  await until(() => document.body.dataset.ready === 'true' && byTestId('specs-section'), 'the specs section');
  // The stored specs are rendered on the next frame after the load.
  await sleep(300);
  if (arg.removeFirst) {
    // Slow pages render the stored list later: wait for it (earlier tests always leave a spec).
    await until(
      () => document.querySelectorAll('[data-testid="spec-item"]').length > 0,
      'the stored specs to show',
      5_000,
    ).catch(() => null);
    for (let n = document.querySelectorAll('[data-testid="spec-remove"]').length; n > 0; n--) {
      byTestId<HTMLButtonElement>('spec-remove')!.click();
      await until(
        () => document.querySelectorAll('[data-testid="spec-remove"]').length === n - 1,
        'a spec to be removed',
      );
    }
  }
  const before = byTestId('spec-status')?.textContent ?? '';
  if (arg.url) {
    const input = byTestId<HTMLInputElement>('spec-url-input')!;
    input.focus();
    input.value = arg.url;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await sleep(50);
    byTestId<HTMLButtonElement>('spec-url-load')!.click();
  } else if (arg.file) {
    // What choosing a file in the picker does: the input's files change and it fires `change`.
    const input = byTestId<HTMLInputElement>('spec-file-input')!;
    const transfer = new DataTransfer();
    transfer.items.add(new File([arg.file.text], arg.file.name, { type: 'application/yaml' }));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }
  const status = await until(() => {
    const text = byTestId('spec-status')?.textContent ?? '';
    return text !== before && /^(Loaded|.*Nothing was saved)/.test(text) ? text : null;
  }, 'the load outcome');
  return {
    status,
    titles: Array.from(document.querySelectorAll('[data-testid="spec-title"]')).map((e) => e.textContent ?? ''),
    servers: Array.from(document.querySelectorAll('[data-testid="spec-servers"]')).map((e) => e.textContent ?? ''),
  };
}

// ---- evaluated in the panel (self-contained) ------------------------------------------------

interface ContractShown {
  rows: string[];
  operation: string;
  documented: string;
  codes: string;
  problems: string;
  violations: string;
  errorCode: string;
  message: string;
  tooltip: string;
}

/** Filters (by a `spec:` query or a chip), waits for the row of `path`, opens its detail and reads the contract section. */
async function inspectContract(arg: {
  filter: string;
  chip?: string;
  path: string;
  code?: string;
}): Promise<ContractShown | null> {
  const frame = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
  const text = (root: Element | null, sel: string) => root?.querySelector(sel)?.textContent?.trim() ?? '';
  (document.querySelector('[aria-label^="Close detail"]') as HTMLElement | null)?.click();
  for (const chip of document.querySelectorAll<HTMLElement>('.chip[aria-pressed="true"]')) chip.click();
  const input = document.querySelector<HTMLInputElement>('[data-testid="filter"]')!;
  input.value = arg.filter;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  if (arg.chip) {
    const chip = document.querySelector<HTMLElement>(`[data-testid="chip-${arg.chip}"]`);
    if (!chip) return null;
    chip.click();
  }
  let rows: HTMLElement[] = [];
  for (let i = 0; i < 40; i++) {
    await frame();
    // A contract problem shows successes too (a 200 that breaks its schema).
    rows = [...document.querySelectorAll<HTMLElement>('[data-testid="failure-row"], [data-testid="response-row"]')];
    if (rows.some((r) => (r.querySelector('.col-url')?.getAttribute('title') ?? '').includes(arg.path))) break;
  }
  const urls = rows.map((r) => (r.querySelector('.col-url')?.getAttribute('title') ?? '').split('\n')[0]);
  const row = rows.find((r) => (r.querySelector('.col-url')?.getAttribute('title') ?? '').includes(arg.path));
  if (!row) return null;
  const tooltip = row.querySelector('.col-url')?.getAttribute('title') ?? '';
  row.click();
  let section: HTMLElement | null = null;
  for (let i = 0; i < 40 && !section; i++) {
    await frame();
    section = document.querySelector<HTMLElement>('[data-testid="detail-contract"]');
  }
  const detail = document.querySelector('[data-testid="detail"]');
  // The body (and so the code read from it) reaches the record after the row: ask again until it has.
  if (arg.code !== undefined && text(detail, '[data-testid="detail-code"]') !== arg.code) return null;
  return {
    rows: [...new Set(urls.map((u) => new URL(u).pathname))],
    operation: text(section, '[data-testid="contract-operation"]'),
    documented: text(section, '[data-testid="contract-documented"]'),
    codes: text(section, '[data-testid="contract-codes"]'),
    problems: text(section, '[data-testid="contract-problems"]'),
    violations: text(section, '[data-testid="contract-violations"]'),
    errorCode: text(detail, '[data-testid="detail-code"]'),
    message: text(detail, '[data-testid="detail-message"]'),
    tooltip,
  };
}

async function callShop(): Promise<number[]> {
  const calls: Array<[string, string]> = [
    ['GET', '/api/shop/orders/7'],
    ['POST', '/api/shop/orders'],
    ['GET', '/api/shop/orders/42/receipt'],
    ['GET', '/api/shop/carts/3'],
  ];
  const out: number[] = [];
  for (const [method, path] of calls) {
    const res = await fetch(path, { method, cache: 'no-store' });
    await res.text();
    out.push(res.status);
  }
  return out;
}

describe.each(['chromium', 'firefox'] as BrowserName[])(
  '%s: the demo API checked against its own OpenAPI spec',
  (browser) => {
    let demo: DemoServer;
    let session: PanelSession;

    beforeAll(async () => {
      demo = await startDemoServer();
      session = await launchOnDemo(browser, demo.url);
      await session.pageEval(async () => {
        for (let i = 0; i < 200 && document.body.dataset.ready !== 'true'; i++)
          await new Promise((r) => setTimeout(r, 50));
      });
    });

    afterAll(async () => {
      await session?.close();
      await demo?.close();
    });

    const expectContract = async () => {
      expect(await session.pageEval(callShop)).toEqual([404, 503, 200, 410]);

      const missing = await session.waitForPanel(
        inspectContract,
        { filter: 'spec:getorder', path: '/api/shop/orders/7', code: 'order_not_found' },
        30_000,
      );
      expect(missing!.operation).toMatch(/GET \/orders\/\{orderId\}.*getOrder.*Fetch one order/);
      expect(missing!.documented).toMatch(/^404: No order has this id/);
      expect(missing!.codes).toMatch(/order_not_found\s*No order has this id; check the id in the URL\./);
      expect(missing!.tooltip).toContain('getOrder · Fetch one order · tag: orders');
      // No rule written: the spec's error schema says where the code and message are.
      expect(missing!.errorCode).toBe('order_not_found');
      expect(missing!.message).toBe('Order 7 does not exist');

      const undocumented = await session.waitForPanel(
        inspectContract,
        { filter: 'spec:undocumented', path: '/api/shop/orders' },
        20_000,
      );
      expect(undocumented!.rows).toEqual(['/api/shop/orders']);
      expect(undocumented!.problems).toMatch(
        /Undocumented status: status 503 is not documented for POST \/orders \(documented: 201, 4XX\)/,
      );

      const mismatch = await session.waitForPanel(
        inspectContract,
        { filter: '', chip: 'spec:mismatch', path: '/api/shop/orders/42/receipt' },
        20_000,
      );
      expect(mismatch!.rows).toEqual(['/api/shop/orders/42/receipt']);
      expect(mismatch!.violations).toMatch(/\$\.total\s*type "string" is invalid\. Expected "number"/);
      expect(mismatch!.problems).toMatch(/Contract mismatch: the body does not match the documented schema: \$\.total/);

      const unknown = await session.waitForPanel(
        inspectContract,
        { filter: 'spec:unknown-operation', path: '/api/shop/carts/3' },
        20_000,
      );
      expect(unknown!.rows).toEqual(['/api/shop/carts/3']);
      expect(unknown!.problems).toMatch(/Unknown operation: no path of "Demo Shop" matches \/carts\/3/);
    };

    it('loaded by URL from the options page: operation, documented meaning, undocumented status, violation, filters', async () => {
      const served = demo.log.length;
      const loaded = await session.extensionPageEval('/src/options/options.html', loadSpecInOptions, {
        url: `${demo.url}/openapi.json`,
        removeFirst: false,
      });
      expect(loaded.status).toMatch(/^Loaded "Demo Shop": 3 operations on http:\/\/127\.0\.0\.1:\d+\/api\/shop/);
      expect(loaded.titles).toEqual(['Demo Shop']);
      // The one request the extension made: the spec, on the user's click.
      expect(demo.log.slice(served).map((e) => e.path)).toContain('/openapi.json');
      await expectContract();
    });

    it('loaded from a YAML file instead: the same verdicts', async () => {
      const loaded = await session.extensionPageEval('/src/options/options.html', loadSpecInOptions, {
        file: { name: 'shop-openapi.yaml', text: shopOpenapiYaml() },
        removeFirst: true,
      });
      expect(loaded.status).toMatch(/^Loaded "Demo Shop": 3 operations on \*\/api\/shop/);
      expect(loaded.servers).toEqual(['*/api/shop']);
      await expectContract();
    });

    it('a broken spec is named where it is broken and changes nothing', async () => {
      const loaded = await session.extensionPageEval('/src/options/options.html', loadSpecInOptions, {
        file: { name: 'broken.yaml', text: 'openapi: 3.1.0\npaths:\n  /x: [\n' },
      });
      expect(loaded.status).toMatch(/^broken\.yaml is not valid YAML at line \d+, column \d+/);
      expect(loaded.titles).toEqual(['Demo Shop']);
    });
  },
);
