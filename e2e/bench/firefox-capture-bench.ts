// The capture bench's Firefox part (issue 14): what the body copy (webRequest.filterResponseData) costs
// a page. The demo page's load plus a 2,000-request burst (JSON 2xx, 404s and 500s: all of them
// copied), with an extension vs a Firefox without one, runs alternating between the two browsers.
// The toolbox stays closed: the body copy is what serves calls the toolbox did not see, and Firefox
// offers no way to open it in a browser without the harness's extension. Three extensions, each its
// own pair, in one run: Faultline's Firefox build of this tree (after), of the baseline revision
// (before: webRequest capture only, no body copy), and a floor extension whose webRequest listeners
// (the same events) do nothing. overFloorRatio = (extension ÷ none) ÷ (floor ÷ none).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { makeTempDir, portableFunction, removeDir } from '../harness/common';
import { FIREFOX_EXTENSION_UUID, FIREFOX_PATH } from '../harness/firefox';
import { firefoxPrefs } from '../harness/firefox-prefs';
import { launchSession } from '../harness/index';
import { alternate, loadAndBurst, withExtension, type Runner } from './capture-bench';
import { round } from './stats';

export interface FirefoxCaptureFigures {
  requests: number;
  runs: number;
  /** The toolbox was closed in every run. */
  toolbox: 'closed';
  /** Floor extension ÷ no extension: Firefox's webRequest plumbing alone. */
  floorRatio: number;
  after: {
    source: string;
    captureOverheadRatio: number;
    overFloorRatio: number;
    withMs: number[];
    withoutMs: number[];
  };
  before: {
    source: string;
    captureOverheadRatio: number;
    overFloorRatio: number;
    withMs: number[];
    withoutMs: number[];
  } | null;
  floorWithMs: number[];
  floorWithoutMs: number[];
}

const GECKO_ID_FLOOR = 'capture-floor@faultline.test';

/** The same Firefox, prefs and home layout as the harness, no extension. */
async function plainFirefox(): Promise<Runner> {
  const root = await makeTempDir('bench-plain-firefox');
  const home = path.join(root, 'home');
  await mkdir(home, { recursive: true });
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: process.env.FAULTLINE_HEADED !== '1',
      extraPrefsFirefox: firefoxPrefs({ geckoId: GECKO_ID_FLOOR, uuid: FIREFOX_EXTENSION_UUID, toolboxHeight: 800 }),
      env: { ...process.env, HOME: home },
      timeout: 90_000,
      protocolTimeout: 180_000,
    });
  } catch (error) {
    await removeDir(root);
    throw error;
  }
  const page = (await browser.pages())[0] ?? (await browser.newPage());
  const burst = portableFunction(loadAndBurst);
  return {
    async run(url, n) {
      await page.goto(url, { waitUntil: 'load' });
      const t = await page.evaluate(burst, n);
      return t.loadMs + t.burstMs;
    },
    async close() {
      await browser.close().catch(() => {});
      await removeDir(root);
    },
  };
}

/** An MV3 Firefox extension with Faultline's webRequest events (the same extraInfoSpec) and empty listeners. */
async function floorExtension(): Promise<{ path: string; dispose(): Promise<void> }> {
  const dir = await makeTempDir('bench-null-firefox');
  const manifest = {
    manifest_version: 3,
    name: 'capture floor',
    version: '1.0',
    browser_specific_settings: { gecko: { id: GECKO_ID_FLOOR } },
    permissions: ['webRequest'],
    host_permissions: ['<all_urls>'],
    background: { scripts: ['bg.js'] },
  };
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  await writeFile(
    path.join(dir, 'bg.js'),
    [
      "const all = { urls: ['<all_urls>'] };",
      'let n = 0; const seen = () => { n++; };',
      "browser.webRequest.onBeforeRequest.addListener(seen, all, ['requestBody']);",
      "browser.webRequest.onSendHeaders.addListener(seen, all, ['requestHeaders']);",
      "browser.webRequest.onHeadersReceived.addListener(seen, all, ['responseHeaders']);",
      "browser.webRequest.onBeforeRedirect.addListener(seen, all, ['responseHeaders']);",
      "browser.webRequest.onCompleted.addListener(seen, all, ['responseHeaders']);",
      'browser.webRequest.onErrorOccurred.addListener(seen, all);',
    ].join('\n'),
  );
  return { path: dir, dispose: () => removeDir(dir) };
}

async function firefoxPair(
  extensionPath: string,
  demoUrl: string,
  n: number,
  runs: number,
  log: (s: string) => void,
  label: string,
) {
  const session = await launchSession('firefox', { extensionPath, url: `${demoUrl}/`, openPanel: false });
  let plain: Runner | null = null;
  try {
    plain = await plainFirefox();
    return await alternate(withExtension(session), plain, demoUrl, n, runs, log, label);
  } finally {
    await session.close().catch(() => {});
    await plain?.close();
  }
}

export async function runFirefoxCaptureBench(
  current: { source: string; path: string },
  baseline: { source: string; path: string } | null,
  demoUrl: string,
  opts: { runs?: number; requests?: number; log?: (s: string) => void } = {},
): Promise<FirefoxCaptureFigures> {
  const log = opts.log ?? (() => {});
  const runs = Math.max(5, opts.runs ?? 7);
  const n = opts.requests ?? 2000;
  const floorExt = await floorExtension();
  let floor: Awaited<ReturnType<typeof alternate>>;
  try {
    floor = await firefoxPair(floorExt.path, demoUrl, n, runs, log, 'Firefox webRequest floor');
  } finally {
    await floorExt.dispose();
  }
  const after = await firefoxPair(current.path, demoUrl, n, runs, log, `Firefox, ${current.source}`);
  const before = baseline
    ? await firefoxPair(baseline.path, demoUrl, n, runs, log, `Firefox, ${baseline.source}`)
    : null;
  const figures = (source: string, pair: Awaited<ReturnType<typeof alternate>>) => ({
    source,
    captureOverheadRatio: round(pair.ratio),
    overFloorRatio: round(pair.ratio / floor.ratio),
    withMs: pair.withMs,
    withoutMs: pair.withoutMs,
  });
  return {
    requests: n,
    runs,
    toolbox: 'closed',
    floorRatio: round(floor.ratio),
    after: figures(current.source, after),
    before: before && baseline ? figures(baseline.source, before) : null,
    floorWithMs: floor.withMs,
    floorWithoutMs: floor.withoutMs,
  };
}
