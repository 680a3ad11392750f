// Privacy (issue 9): the extension makes no network requests of its own, loads no remote code, keeps
// a CSP without 'unsafe-eval', and asks for exactly the permissions docs/permissions.md justifies.
// The demo server's request log is the ground truth for "what reached the network".
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from './demo/server.mjs';
import { REPO_ROOT } from './harness/common';
import { launchOnDemo, type BrowserName, type PanelSession } from './harness/index';

const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

/**
 * Requests the browser's DevTools makes on its own, with or without any extension. Chromium 135+
 * asks localhost servers for this file when DevTools opens ("automatic workspace folders",
 * https://chromium.googlesource.com/devtools/devtools-frontend/+/main/docs/ecosystem/automatic_workspace_folders.md).
 */
const DEVTOOLS_OWN_REQUESTS = ['/.well-known/appspecific/com.chrome.devtools.json'];

/** "path?query" of a URL. */
const pathOf = (url: string): string => {
  const u = new URL(url);
  return u.pathname + u.search;
};

function countBy(keys: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const k of keys) out.set(k, (out.get(k) ?? 0) + 1);
  return out;
}

// ---- the running extension ------------------------------------------------------------------

/**
 * Requests the demo server saw that the page did not make (by its own resource timing). API calls
 * must match in number; DevTools fetches the page's stylesheets again when it attaches, so static
 * files only need to be ones the page loaded.
 */
function unexplainedRequests(demo: DemoServer, pageUrls: string[]): string[] {
  const pageMade = countBy(pageUrls.filter((u) => u.startsWith(`${demo.url}/`)).map(pathOf));
  const serverSaw = countBy(demo.log.map((e) => e.path).filter((p) => !DEVTOOLS_OWN_REQUESTS.includes(p)));
  return [...serverSaw]
    .filter(([key, n]) => (key.startsWith('/api/') ? (pageMade.get(key) ?? 0) < n : !pageMade.has(key)))
    .map(([key, n]) => `${key}: served ${n}, page made ${pageMade.get(key) ?? 0}`);
}

const pageUrls = (): string[] => [
  ...performance.getEntriesByType('navigation').map((e) => e.name),
  ...performance.getEntriesByType('resource').map((e) => e.name),
];

describe.each(BROWSERS)('%s: the extension makes no network requests of its own', (browser) => {
  let demo: DemoServer;
  let session: PanelSession;

  beforeAll(async () => {
    demo = await startDemoServer();
    session = await launchOnDemo(browser, demo.url);
    // Keep every resource timing entry of the page: they are what the page itself asked for.
    await session.pageEval(() => performance.setResourceTimingBufferSize(100_000));
  });

  afterAll(async () => {
    await session?.close();
    await demo?.close();
  });

  it('the demo server sees only the requests the page made, while the panel is used', async () => {
    await session.pageEval(async () => {
      const api = (window as any).faultlineDemo;
      await api.runAll();
      await api.runHostile();
    });
    // Use the panel the way a developer would: open details, copy, export.
    await session.panelEval(async () => {
      const frame = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
      for (let i = 0; i < 100 && document.querySelectorAll('[data-testid="failure-row"]').length === 0; i++)
        await frame();
      const originalCreate = URL.createObjectURL;
      const originalClick = HTMLAnchorElement.prototype.click;
      URL.createObjectURL = () => 'blob:faultline-test';
      HTMLAnchorElement.prototype.click = function () {};
      try {
        for (const row of [...document.querySelectorAll<HTMLElement>('[data-testid="failure-row"]')].slice(0, 8)) {
          row.click();
          // The detail shows once the full record has come from the background.
          for (let i = 0; i < 120 && !document.querySelector('[data-testid="detail"]'); i++) await frame();
          for (const id of ['copy-ticket', 'copy-curl', 'copy-fetch'])
            document.querySelector<HTMLElement>(`[data-testid="${id}"]`)?.click();
          await frame();
        }
        let exported = 0;
        HTMLAnchorElement.prototype.click = function () {
          exported++;
        };
        document.querySelector<HTMLElement>('[data-testid="export-json"]')?.click();
        document.querySelector<HTMLElement>('[data-testid="export-har"]')?.click();
        // Exports wait for the full records behind the list rows.
        for (let i = 0; i < 300 && exported < 2; i++) await frame();
      } finally {
        URL.createObjectURL = originalCreate;
        HTMLAnchorElement.prototype.click = originalClick;
      }
    });
    // Give anything the extension might send on its own (timers, keepalives) time to show up.
    await session.panelEval(() => new Promise<void>((r) => setTimeout(r, 3000)));

    const page = { urls: await session.pageEval(pageUrls) };
    const served = [...demo.log];
    expect(served.length).toBeGreaterThan(50);

    // Nothing carries the extension's origin.
    const fromExtension = served.filter(
      (e) => e.origin?.startsWith(session.extensionOrigin) || e.referer?.startsWith(session.extensionOrigin),
    );
    expect(fromExtension).toEqual([]);
    // What does carry an origin or a referer names the demo page.
    const foreign = served.filter(
      (e) =>
        (e.origin !== undefined && e.origin !== demo.url) ||
        (e.referer !== undefined && !e.referer.startsWith(`${demo.url}/`)),
    );
    expect(foreign).toEqual([]);

    // Each API request the server saw is one the page made, as often as the page made it: a capture
    // that fetched a body again would show up here.
    const unexplained = unexplainedRequests(demo, page.urls);
    expect(unexplained).toEqual([]);
    expect(demo.xssBeaconHits()).toBe(0);
  });

  it('a request the extension did make would be caught by the check above', async () => {
    // A control: fetch from the panel on purpose, then check the way the test above checks.
    const control = `${demo.url}/api/ok?control=panel`;
    expect(await session.panelEval((url: string) => fetch(url).then((r) => r.status), control)).toBe(200);
    expect(unexplainedRequests(demo, await session.pageEval(pageUrls))).toEqual([
      '/api/ok?control=panel: served 1, page made 0',
    ]);
    // Headers alone would not tell: with host permissions the request may carry no Origin at all.
    const logged = demo.log.find((e) => e.path === '/api/ok?control=panel')!;
    expect(logged.origin === undefined || logged.origin === session.extensionOrigin).toBe(true);
    expect(logged.referer === undefined || logged.referer.startsWith(session.extensionOrigin)).toBe(true);
  });
});

// ---- the built packages ---------------------------------------------------------------------

const PACKAGES = ['chrome', 'firefox'] as const;

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...filesUnder(full));
    else out.push(full);
  }
  return out;
}

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  content_security_policy?: { extension_pages?: string; sandbox?: string };
  sandbox?: unknown;
  browser_specific_settings?: {
    gecko?: { data_collection_permissions?: { required?: string[]; optional?: string[] } };
  };
}

/** The permissions docs/permissions.md justifies (its table) and the ones it says are not requested. */
/** The permissions the doc's table justifies for one package: a row marked "(Firefox package only)" counts for Firefox alone. */
function documentedPermissions(pkg: string): {
  permissions: string[];
  hostPermissions: string[];
  notRequested: string[];
} {
  const doc = readFileSync(path.join(REPO_ROOT, 'docs/permissions.md'), 'utf8');
  const permissions: string[] = [];
  const hostPermissions: string[] = [];
  for (const line of doc.split('\n')) {
    const first = /^\|([^|]*)\|/.exec(line)?.[1] ?? '';
    const names = [...first.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    if (names.length === 0) continue;
    if (/Firefox package only/.test(first) && pkg !== 'firefox') continue;
    for (const cell of names) {
      const host = /^host_permissions:\s*(.+)$/.exec(cell);
      if (host) hostPermissions.push(...host[1].split(/[\s,]+/).filter(Boolean));
      else permissions.push(cell);
    }
  }
  const section = doc.slice(doc.indexOf('Not requested'), doc.indexOf('## ', doc.indexOf('Not requested')));
  const notRequested = [...section.matchAll(/^- (.+?):/gm)].flatMap((m) =>
    [...m[1].matchAll(/`([^`]+)`/g)].map((x) => x[1]),
  );
  return { permissions, hostPermissions, notRequested };
}

/** CSP directives: name → sources. */
function parseCsp(csp: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources);
  }
  return out;
}

describe.each(PACKAGES)('dist/%s: no remote code, a strict CSP, documented permissions', (pkg) => {
  const root = path.join(REPO_ROOT, 'dist', pkg);
  // Read when the tests run, not when they are collected: the package may be rebuilt in between.
  let manifest: Manifest;
  let files: string[];
  let scripts: string[];
  let pages: string[];
  beforeAll(() => {
    manifest = JSON.parse(readFileSync(path.join(root, 'manifest.json'), 'utf8')) as Manifest;
    files = filesUnder(root);
    scripts = files.filter((f) => f.endsWith('.js'));
    pages = files.filter((f) => f.endsWith('.html'));
  });

  it("has a CSP whose script-src is only 'self', without 'unsafe-eval' or 'unsafe-inline'", () => {
    expect(manifest.manifest_version).toBe(3);
    const csp = manifest.content_security_policy?.extension_pages ?? '';
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval/);
    const directives = parseCsp(csp);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(manifest.content_security_policy?.sandbox).toBeUndefined();
    expect(manifest.sandbox).toBeUndefined();
  });

  it('asks for exactly the permissions docs/permissions.md justifies, and none of those it rules out', () => {
    const documented = documentedPermissions(pkg);
    expect(documented.permissions.length).toBeGreaterThan(0);
    expect([...(manifest.permissions ?? [])].sort()).toEqual([...documented.permissions].sort());
    expect([...(manifest.host_permissions ?? [])].sort()).toEqual([...documented.hostPermissions].sort());
    expect(manifest.optional_permissions ?? []).toEqual([]);
    expect(manifest.optional_host_permissions ?? []).toEqual([]);
    expect(documented.notRequested).toEqual(
      expect.arrayContaining(['tabs', 'scripting', 'webRequestBlocking', 'downloads']),
    );
    // "webRequestBlocking in Chrome" is ruled out for Chrome; Firefox's body copy needs it (its own row).
    for (const p of documented.notRequested) {
      if (!documented.permissions.includes(p)) expect(manifest.permissions ?? [], p).not.toContain(p);
    }
    if (pkg === 'firefox')
      expect(manifest.browser_specific_settings?.gecko?.data_collection_permissions?.required).toEqual(['none']);
  });

  it('loads every script and stylesheet of its pages from the package itself, with no inline script', () => {
    expect(pages.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const page of pages) {
      const html = readFileSync(page, 'utf8');
      const name = path.relative(root, page);
      for (const [, attr, url] of html.matchAll(
        /<(?:script|link|img|iframe|embed|object|source)\b[^>]*?\b(src|href)\s*=\s*["']?([^"'\s>]+)/gi,
      )) {
        if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(url)) problems.push(`${name}: ${attr}=${url}`);
        else if (url.startsWith('/') && !files.includes(path.join(root, url)))
          problems.push(`${name}: ${url} is not in the package`);
      }
      for (const [, attrs, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
        if (!/\bsrc\s*=/.test(attrs) && body.trim() !== '') problems.push(`${name}: inline script`);
      }
      if (/\son[a-z]+\s*=/i.test(html)) problems.push(`${name}: inline event handler`);
    }
    expect(problems).toEqual([]);
  });

  it('has no eval, no Function constructor and no string timers in its bundles', () => {
    const found: string[] = [];
    for (const file of scripts) {
      const code = readFileSync(file, 'utf8');
      for (const m of code.matchAll(
        /\beval\s*\(|\bnew\s+Function\s*\(|(?<![\w$.])Function\s*\(\s*["'`]|\bset(?:Timeout|Interval)\s*\(\s*["'`]/g,
      )) {
        found.push(`${path.relative(root, file)}: ${code.slice(Math.max(0, m.index - 40), m.index + 40)}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('makes no network call but the module preload of its own files, and imports nothing remote', () => {
    const calls: string[] = [];
    for (const file of scripts) {
      const code = readFileSync(file, 'utf8');
      const name = path.relative(root, file);
      for (const m of code.matchAll(
        /\b(fetch|XMLHttpRequest|WebSocket|EventSource|sendBeacon|importScripts)\s*\(|\bimport\s*\(\s*["'`](?![./])/g,
      )) {
        const before = code.slice(Math.max(0, m.index - 7), m.index);
        // The "Copy as fetch" text is a template literal, not a call.
        if (m[1] === 'fetch' && before === '`await ') continue;
        // The one request docs/permissions.md names: an OpenAPI spec from the URL the user typed, on a click of
        // Load, without credentials (e2e/openapi.e2e.ts drives it). It lives in the options page only.
        if (
          m[1] === 'fetch' &&
          /^options\.html-/.test(path.basename(name)) &&
          /credentials:\s*[`'"]omit/.test(code.slice(m.index, m.index + 60))
        )
          continue;
        // Vite's modulepreload polyfill fetches <link rel="modulepreload"> hrefs: the package's own files (checked above).
        if (
          m[1] === 'fetch' &&
          /modulepreload-polyfill/.test(name) &&
          /fetch\(\w+\.href,/.test(code.slice(m.index, m.index + 20))
        )
          continue;
        calls.push(`${name}: ${code.slice(Math.max(0, m.index - 40), m.index + 60)}`);
      }
      // Static imports and re-exports are relative to the package.
      for (const m of code.matchAll(
        /\b(?:import|export)\b[^'"`;]*?\bfrom\s*["']([^"']+)["']|\bimport\s*["']([^"']+)["']/g,
      )) {
        const spec = m[1] ?? m[2];
        if (!/^\.{0,2}\//.test(spec)) calls.push(`${name}: imports ${spec}`);
      }
    }
    expect(calls).toEqual([]);
  });
});
