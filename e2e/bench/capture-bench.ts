// captureOverheadRatio: the demo page's load plus a 2,000-request burst, with the extension
// capturing vs a second Chromium launched without it, runs alternating between the two browsers.
// Both browsers have DevTools open on the tab (the extension's panel shown in the first), so only
// the extension's own cost differs; a second pair with DevTools closed measures webRequest alone.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { launchSession, type PanelSession } from '../harness/index';
import { CHROMIUM_PATH } from '../harness/chromium';
import { makeTempDir, removeDir } from '../harness/common';
import { panelCdp, workerCdp, type Cdp } from './cdp';
import { hotSpots, type HotSpot } from './profile';
import { median, round } from './stats';

export interface CaptureFigures {
  captureOverheadRatio: number;
  detail: {
    requests: number;
    runs: number;
    /** DevTools open in both browsers, the Faultline panel shown in the extension's. */
    withExtensionMs: number[];
    withoutExtensionMs: number[];
    /** DevTools closed in both: the webRequest capture alone. */
    devtoolsClosedRatio: number | null;
    devtoolsClosedWithMs: number[];
    devtoolsClosedWithoutMs: number[];
    /**
     * DevTools closed, an extension whose six webRequest listeners (same events, same extraInfoSpec)
     * do nothing, vs none: what Chrome's webRequest plumbing alone costs on this page.
     */
    webRequestFloorRatio: number | null;
    /**
     * DevTools and a panel open in both, an extension that only listens: the same six empty webRequest
     * listeners, plus a devtools page whose onRequestFinished reads every body with getContent and
     * drops it, and an empty panel. What Chrome's capture plumbing costs before any of Faultline's work.
     */
    devtoolsFloorRatio: number | null;
    /** captureOverheadRatio ÷ devtoolsFloorRatio: Faultline's own share of the DevTools-open cost. */
    overFloorRatio: number | null;
    /**
     * The same DevTools-open pair for the baseline revision's build (the "before"), in the same run,
     * over the same DevTools floor: overFloorRatio before and after.
     */
    baseline?: {
      source: string;
      captureOverheadRatio: number;
      overFloorRatio: number | null;
      withExtensionMs: number[];
      withoutExtensionMs: number[];
    };
  };
}

interface Timing {
  loadMs: number;
  burstMs: number;
}

/** In the page: the load time plus a burst of n requests, each body read. */
export async function loadAndBurst(n: number): Promise<Timing> {
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const started = performance.now();
  const responses = await (window as any).faultlineDemo.burst(n);
  const burstMs = performance.now() - started;
  if (responses !== n) throw new Error(`burst answered ${responses} of ${n}`);
  return { loadMs: nav ? nav.loadEventEnd : 0, burstMs };
}

export interface Runner {
  run(url: string, n: number): Promise<number>;
  close(): Promise<void>;
}

export function withExtension(session: PanelSession): Runner {
  return {
    async run(url, n) {
      await session.goto(url);
      const t = await session.pageEval(loadAndBurst, n);
      return t.loadMs + t.burstMs;
    },
    close: () => session.close(),
  };
}

/** The same Chromium, flags and viewport as the harness, without the extension. */
async function plainChromium(devtools: boolean): Promise<Runner> {
  const headless = process.env.FAULTLINE_HEADED !== '1';
  const root = await makeTempDir('bench-plain');
  const home = path.join(root, 'home');
  const profile = path.join(root, 'profile');
  await mkdir(home, { recursive: true });
  await mkdir(path.join(profile, 'Default'), { recursive: true });
  await writeFile(
    path.join(profile, 'Default/Preferences'),
    JSON.stringify({ devtools: { preferences: { currentDockState: JSON.stringify('undocked') } } }),
  );
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      ...(headless ? ['--window-size=1280,800'] : []),
    ],
    env: { ...process.env, HOME: home },
    viewport: headless ? { width: 1280, height: 800 } : null,
    timeout: 60_000,
  });
  const page: Page = context.pages()[0] ?? (await context.newPage());
  let devtoolsOpened = !devtools;
  return {
    async run(url, n) {
      await page.goto(url, { waitUntil: 'load' });
      if (!devtoolsOpened) {
        const browser = context.browser();
        const pageCdp = await context.newCDPSession(page);
        const { targetInfo } = await pageCdp.send('Target.getTargetInfo');
        await pageCdp.detach();
        if (browser) {
          const browserCdp = await browser.newBrowserCDPSession();
          await browserCdp.send('Target.openDevTools' as any, { targetId: targetInfo.targetId } as any);
          await browserCdp.detach();
        }
        devtoolsOpened = true;
        await new Promise((r) => setTimeout(r, 1500)); // let the DevTools front-end load
        await page.goto(url, { waitUntil: 'load' });
      }
      const t = (await page.evaluate(loadAndBurst, n)) as Timing;
      return t.loadMs + t.burstMs;
    },
    async close() {
      await context.close().catch(() => {});
      await removeDir(root);
    },
  };
}

export async function alternate(
  a: Runner,
  b: Runner,
  baseUrl: string,
  n: number,
  runs: number,
  log: (s: string) => void,
  label: string,
) {
  // One unmeasured run each: caches, JIT, the DevTools front-end.
  await a.run(`${baseUrl}/?warmup=a`, n);
  await b.run(`${baseUrl}/?warmup=b`, n);
  const withMs: number[] = [];
  const withoutMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Alternate which goes first, so drift over time hits both alike.
    if (i % 2 === 0) {
      withMs.push(await a.run(`${baseUrl}/?run=${i}`, n));
      withoutMs.push(await b.run(`${baseUrl}/?run=${i}`, n));
    } else {
      withoutMs.push(await b.run(`${baseUrl}/?run=${i}`, n));
      withMs.push(await a.run(`${baseUrl}/?run=${i}`, n));
    }
    log(`  ${label} run ${i + 1}: with ${withMs[i].toFixed(0)} ms, without ${withoutMs[i].toFixed(0)} ms`);
  }
  // Median of per-run ratios: each pair ran back to back.
  const ratio = median(withMs.map((w, i) => w / withoutMs[i]));
  return { ratio, withMs: withMs.map((v) => round(v, 0)), withoutMs: withoutMs.map((v) => round(v, 0)) };
}

/**
 * An MV3 extension with Faultline's webRequest subscriptions and empty listeners; with `devtools`,
 * also a devtools page that reads every finished request's body and an empty "Faultline" panel
 * at Faultline's panel path (the harness finds the panel by that title and path).
 */
async function nullExtension({ devtools = false } = {}): Promise<{ path: string; dispose(): Promise<void> }> {
  const dir = await makeTempDir('bench-null-ext');
  const manifest = {
    manifest_version: 3,
    name: 'capture floor',
    version: '1.0',
    permissions: ['webRequest'],
    host_permissions: ['<all_urls>'],
    background: { service_worker: 'sw.js' },
    ...(devtools ? { devtools_page: 'devtools.html' } : {}),
  };
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  await writeFile(
    path.join(dir, 'sw.js'),
    [
      "const all = { urls: ['<all_urls>'] };",
      'let n = 0; const seen = () => { n++; };',
      "chrome.webRequest.onBeforeRequest.addListener(seen, all, ['requestBody']);",
      "chrome.webRequest.onSendHeaders.addListener(seen, all, ['requestHeaders']);",
      "chrome.webRequest.onHeadersReceived.addListener(seen, all, ['responseHeaders']);",
      "chrome.webRequest.onBeforeRedirect.addListener(seen, all, ['responseHeaders']);",
      "chrome.webRequest.onCompleted.addListener(seen, all, ['responseHeaders']);",
      'chrome.webRequest.onErrorOccurred.addListener(seen, all);',
    ].join('\n'),
  );
  if (devtools) {
    await writeFile(path.join(dir, 'devtools.html'), '<!doctype html><script src="devtools.js"></script>');
    await writeFile(
      path.join(dir, 'devtools.js'),
      [
        "chrome.devtools.panels.create('Faultline', '', 'src/panel/panel.html');",
        'let chars = 0;',
        'chrome.devtools.network.onRequestFinished.addListener((entry) => entry.getContent((body) => { chars += body ? body.length : 0; }));',
      ].join('\n'),
    );
    await mkdir(path.join(dir, 'src/panel'), { recursive: true });
    await writeFile(path.join(dir, 'src/panel/panel.html'), '<!doctype html><title>floor</title>');
  }
  return { path: dir, dispose: () => removeDir(dir) };
}

async function floorPair(
  demoUrl: string,
  devtools: boolean,
  run: (a: Runner, b: Runner) => Promise<Awaited<ReturnType<typeof alternate>>>,
) {
  const ext = await nullExtension({ devtools });
  try {
    return await pairUp(ext.path, demoUrl, devtools, run);
  } finally {
    await ext.dispose();
  }
}

export async function runCaptureBench(
  extensionPath: string,
  demoUrl: string,
  opts: {
    runs?: number;
    requests?: number;
    devtoolsClosed?: boolean;
    floor?: boolean;
    /** With `floor`, also the webRequest floor (DevTools closed); default true. */
    webRequestFloor?: boolean;
    /** The baseline revision's Chrome build, measured as the "before" in the same run. */
    baseline?: { source: string; path: string };
    log?: (s: string) => void;
  } = {},
): Promise<CaptureFigures> {
  const log = opts.log ?? (() => {});
  const runs = Math.max(5, opts.runs ?? 7);
  const n = opts.requests ?? 2000;
  const open = await pairUp(extensionPath, demoUrl, true, (a, b) =>
    alternate(a, b, demoUrl, n, runs, log, 'DevTools open'),
  );
  let closed: Awaited<ReturnType<typeof alternate>> | null = null;
  if (opts.devtoolsClosed ?? true)
    closed = await pairUp(extensionPath, demoUrl, false, (a, b) =>
      alternate(a, b, demoUrl, n, runs, log, 'DevTools closed'),
    );
  let floor: Awaited<ReturnType<typeof alternate>> | null = null;
  let devtoolsFloor: Awaited<ReturnType<typeof alternate>> | null = null;
  if (opts.floor ?? true) {
    if (opts.webRequestFloor ?? true)
      floor = await floorPair(demoUrl, false, (a, b) => alternate(a, b, demoUrl, n, runs, log, 'webRequest floor'));
    devtoolsFloor = await floorPair(demoUrl, true, (a, b) => alternate(a, b, demoUrl, n, runs, log, 'DevTools floor'));
  }
  let before: Awaited<ReturnType<typeof alternate>> | null = null;
  if (opts.baseline)
    before = await pairUp(opts.baseline.path, demoUrl, true, (a, b) =>
      alternate(a, b, demoUrl, n, runs, log, `DevTools open, ${opts.baseline!.source}`),
    );
  return {
    captureOverheadRatio: round(open.ratio),
    detail: {
      requests: n,
      runs,
      withExtensionMs: open.withMs,
      withoutExtensionMs: open.withoutMs,
      devtoolsClosedRatio: closed ? round(closed.ratio) : null,
      devtoolsClosedWithMs: closed?.withMs ?? [],
      devtoolsClosedWithoutMs: closed?.withoutMs ?? [],
      webRequestFloorRatio: floor ? round(floor.ratio) : null,
      devtoolsFloorRatio: devtoolsFloor ? round(devtoolsFloor.ratio) : null,
      overFloorRatio: devtoolsFloor ? round(open.ratio / devtoolsFloor.ratio) : null,
      ...(before && opts.baseline
        ? {
            baseline: {
              source: opts.baseline.source,
              captureOverheadRatio: round(before.ratio),
              overFloorRatio: devtoolsFloor ? round(before.ratio / devtoolsFloor.ratio) : null,
              withExtensionMs: before.withMs,
              withoutExtensionMs: before.withoutMs,
            },
          }
        : {}),
    },
  };
}

async function pairUp<T>(
  extensionPath: string,
  demoUrl: string,
  devtools: boolean,
  fn: (a: Runner, b: Runner) => Promise<T>,
): Promise<T> {
  const session = await launchSession('chromium', { extensionPath, url: `${demoUrl}/`, openPanel: devtools });
  let plain: Runner | null = null;
  try {
    plain = await plainChromium(devtools);
    return await fn(withExtension(session), plain);
  } finally {
    await session.close().catch(() => {});
    await plain?.close();
  }
}

/** CPU hot spots of the extension's contexts during one 2,000-request burst with the panel open. */
export async function profileCaptureBurst(
  extensionPath: string,
  demoUrl: string,
  n = 2000,
): Promise<Record<string, HotSpot[]>> {
  const session = await launchSession('chromium', { extensionPath, url: `${demoUrl}/`, openPanel: true });
  const cdps: Record<string, Cdp> = {};
  try {
    await session.pageEval((count: number) => (window as any).faultlineDemo.burst(count), 200);
    cdps.worker = await workerCdp(session);
    // The panel and the devtools page share one extension renderer: one profile covers both.
    cdps.extensionPages = await panelCdp(session);
    for (const c of Object.values(cdps)) {
      await c.send('Profiler.enable');
      await c.send('Profiler.setSamplingInterval', { interval: 250 });
      await c.send('Profiler.start');
    }
    await session.pageEval((count: number) => (window as any).faultlineDemo.burst(count), n);
    const out: Record<string, HotSpot[]> = {};
    for (const [name, c] of Object.entries(cdps)) out[name] = hotSpots((await c.send('Profiler.stop')).profile, 15);
    return out;
  } finally {
    for (const c of Object.values(cdps)) await c.detach();
    await session.close();
  }
}
