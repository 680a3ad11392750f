// Chromium driver: Debian's chromium with the unpacked extension, the real DevTools opened over CDP,
// and the Faultline panel driven as a frame of the devtools:// page.
import { existsSync } from 'node:fs';
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Frame, type Page, type Worker } from 'playwright-core';
import { defaultHeadless, makeTempDir, portableFunction, removeDir, waitFor } from './common';
import type { LaunchOptions, PanelSession, RemoteFn } from './types';

export const CHROMIUM_PATH = process.env.FAULTLINE_CHROMIUM ?? '/usr/bin/chromium';
const PANEL_TITLE = 'Faultline';
const PANEL_PATH = '/src/panel/panel.html';
const VIEWPORT = { width: 1280, height: 800 };

export interface ChromiumLaunchOptions extends LaunchOptions {
  /** Where DevTools docks. Headless defaults to 'undocked' so the panel fills the screenshot. */
  dockSide?: 'undocked' | 'bottom' | 'right' | 'left';
  /** DevTools' theme (its own setting; the panel follows it). Default: DevTools' default, light. */
  devtoolsTheme?: 'light' | 'dark';
  /** Extra Chromium switches (e.g. --auto-open-devtools-for-tabs for a headed demo). */
  extraArgs?: string[];
  /** Let Playwright close the browser and exit on SIGINT/SIGTERM/SIGHUP (default true). A CLI that cleans up itself passes false. */
  handleSignals?: boolean;
}

/** Phase timings on stderr with FAULTLINE_DEBUG=1. */
function tracer(): (phase: string) => void {
  const start = Date.now();
  return process.env.FAULTLINE_DEBUG
    ? (phase) => process.stderr.write(`[faultline chromium] ${phase} +${Date.now() - start} ms\n`)
    : () => {};
}

export async function launchChromiumSession(opts: ChromiumLaunchOptions): Promise<ChromiumPanelSession> {
  const trace = tracer();
  const headless = opts.headless ?? defaultHeadless();
  const extensionPath = path.resolve(opts.extensionPath);
  const workerScript = await backgroundScriptOf(extensionPath);

  // Playwright only attaches to the devtools:// target (type "other") with this internal switch;
  // it is read per attached target, so it must be set before launch. playwright-core is pinned for it.
  process.env.PW_CHROMIUM_ATTACH_TO_OTHER = '1';

  const tempRoot = await makeTempDir('chromium');
  const home = path.join(tempRoot, 'home');
  const profile = opts.profileDir ?? path.join(tempRoot, 'profile');
  await mkdir(home, { recursive: true });
  await writeDevToolsPreferences(profile, {
    currentDockState: opts.dockSide ?? (headless ? 'undocked' : 'bottom'),
    // DevTools 156 names the theme setting 'ui-theme' ('systemPreferred' | 'default' | 'dark').
    ...(opts.devtoolsTheme ? { 'ui-theme': opts.devtoolsTheme === 'dark' ? 'dark' : 'default' } : {}),
  });

  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless,
      // Playwright adds --disable-extensions by default.
      ignoreDefaultArgs: ['--disable-extensions'],
      args: [
        `--load-extension=${extensionPath}`,
        `--disable-extensions-except=${extensionPath}`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
        ...(headless ? [`--window-size=${VIEWPORT.width},${VIEWPORT.height}`] : []),
        ...(opts.extraArgs ?? []),
      ],
      // Chromium writes into $HOME (e.g. ~/.pki); keep runs hermetic.
      env: { ...process.env, HOME: home },
      viewport: headless ? VIEWPORT : null,
      permissions: ['clipboard-read', 'clipboard-write'],
      timeout: 60_000,
      handleSIGINT: opts.handleSignals ?? true,
      handleSIGTERM: opts.handleSignals ?? true,
      handleSIGHUP: opts.handleSignals ?? true,
    });
  } catch (error) {
    await removeDir(tempRoot);
    throw error;
  }
  trace('browser launched');

  try {
    const worker = await waitFor(() => context.serviceWorkers().find((w) => isOurWorker(w, workerScript)), {
      what: 'the extension service worker',
      timeoutMs: 20_000,
    });
    // URL.origin is "null" for non-special schemes such as chrome-extension:.
    const extensionOrigin = `chrome-extension://${new URL(worker.url()).host}`;
    trace('service worker found');
    await waitForWebRequestListener(worker);
    trace('webRequest listener live');

    const page = await firstTab(context);
    const session = new ChromiumPanelSession(context, page, extensionOrigin, workerScript, tempRoot);
    if (process.env.FAULTLINE_DEBUG) session.forwardConsole();
    await session.goto(opts.url);
    trace('page loaded');
    if (opts.openPanel ?? true) await session.openPanel();
    trace('panel shown');
    return session;
  } catch (error) {
    await context.close().catch(() => {});
    await removeDir(tempRoot);
    throw error;
  }
}

/** The PanelSession contract, plus Chromium-only handles for tests that check the wiring itself. */
export class ChromiumPanelSession implements PanelSession {
  readonly browser = 'chromium' as const;
  private devtools: Page | undefined;
  private swControl: CDPSession | undefined;
  private readonly swStatus = new Map<string, string>();
  /** How many times a version of our worker was reported stopped. */
  private swStops = 0;
  private closed = false;

  constructor(
    private readonly context: BrowserContext,
    /** The inspected tab. */
    readonly page: Page,
    readonly extensionOrigin: string,
    private readonly workerScript: string,
    private readonly tempRoot: string,
  ) {}

  async goto(url: string): Promise<void> {
    await this.page.goto(url, { waitUntil: 'load' });
  }

  pageEval<A, R>(fn: RemoteFn<A, R>, arg?: A): Promise<R> {
    return this.page.evaluate(remote(fn), arg) as Promise<R>;
  }

  async openPanel(): Promise<void> {
    const devtools = await this.openDevTools();
    const panelId = `${this.extensionOrigin}${PANEL_TITLE}`;
    // showPanel fails ("Could not find view") until the extension's devtools page has run panels.create.
    const frame = await waitFor(
      async () => {
        await devtools.evaluate((id) => (globalThis as any).DevToolsAPI.showPanel(id), panelId);
        return this.findPanelFrame(devtools);
      },
      { what: `DevTools to show the "${PANEL_TITLE}" panel`, timeoutMs: 20_000, intervalMs: 150 },
    ).catch((error: Error) => {
      // Usually the extension's devtools page failed to load (chrome-error:// frame: CSP, a build
      // replaced under the running browser) or never called panels.create.
      const frames = devtools.frames().map((f) => f.url().slice(0, 100));
      throw new Error(`${error.message}; DevTools frames: ${frames.join(', ')}`);
    });
    await waitFor(() => frame.evaluate(() => document.readyState === 'complete'), {
      what: 'the panel document to load',
      timeoutMs: 15_000,
    });
    // A focused DevTools window is what a user has after clicking the tab; clipboard writes need it.
    await devtools.bringToFront().catch(() => {});
  }

  async panelEval<A, R>(fn: RemoteFn<A, R>, arg?: A): Promise<R> {
    return (await this.panelFrame()).evaluate(remote(fn), arg) as Promise<R>;
  }

  waitForPanel<A, R>(fn: RemoteFn<A, R>, arg?: A, timeoutMs = 15_000): Promise<R> {
    return waitFor(() => this.panelEval(fn, arg), { timeoutMs, what: 'the panel condition' });
  }

  async backgroundEval<A, R>(fn: RemoteFn<A, R>, arg?: A): Promise<R> {
    const worker = await this.runningWorker();
    // Playwright's worker.evaluate waits forever for a context if the worker stops meanwhile.
    return withTimeout(worker.evaluate(remote(fn), arg) as Promise<R>, 30_000, 'backgroundEval');
  }

  async stopBackground(): Promise<void> {
    const control = await this.serviceWorkerControl();
    const stopsBefore = this.swStops;
    await control.send('ServiceWorker.stopAllWorkers');
    // An open panel's port reconnect may wake it again at once, so look for the stop, not the state.
    await waitFor(() => this.swStops > stopsBefore, { what: 'the service worker to stop', timeoutMs: 10_000 });
  }

  async extensionPageEval<A, R>(pagePath: string, fn: RemoteFn<A, R>, arg?: A): Promise<R> {
    const extensionPage = await this.context.newPage();
    try {
      await extensionPage.goto(this.extensionOrigin + (pagePath.startsWith('/') ? '' : '/') + pagePath, {
        waitUntil: 'load',
      });
      return (await extensionPage.evaluate(remote(fn), arg)) as R;
    } finally {
      await extensionPage.close().catch(() => {});
    }
  }

  async pressKey(keys: string): Promise<void> {
    await this.openPanel();
    // Input.dispatchKeyEvent on the DevTools window: the browser routes it to the focused frame (the panel).
    await this.devtools!.bringToFront().catch(() => {});
    // The panel's frame takes focus in DevTools as after a click in it (its document keeps its focused element).
    const frame = await this.panelFrame();
    if (!(await frame.evaluate(() => document.hasFocus()))) await (await frame.frameElement()).focus();
    await this.devtools!.keyboard.press(keys);
  }

  async readClipboard(): Promise<string> {
    // The clipboard is browser-wide; any focused document with clipboard-read can read it.
    // DevTools keeps focus this way, as it would after a click in the panel.
    const reader = this.devtools && !this.devtools.isClosed() ? this.devtools : this.page;
    await reader.bringToFront().catch(() => {});
    return reader.evaluate(() => navigator.clipboard.readText());
  }

  async resizeDevTools(width: number, height: number): Promise<void> {
    await this.openPanel();
    // Headless DevTools is an undocked window: its viewport is the dock's area.
    await this.devtools!.setViewportSize({ width, height });
  }

  async screenshotPanel(file: string): Promise<void> {
    await this.openPanel();
    await mkdir(path.dirname(path.resolve(file)), { recursive: true });
    await this.devtools!.screenshot({ path: file });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await withTimeout(this.context.close(), 30_000, 'closing Chromium').catch(() => {});
    await removeDir(this.tempRoot);
  }

  /** Logs the inspected page's, DevTools' and the worker's console to stderr (FAULTLINE_DEBUG=1). */
  forwardConsole(): void {
    const log = (where: string) => (msg: { type(): string; text(): string }) =>
      process.stderr.write(`[${where}:${msg.type()}] ${msg.text()}\n`);
    this.context.on('console', (msg) => {
      const url = msg.page()?.url() ?? msg.worker()?.url() ?? '';
      log(url.startsWith('devtools://') ? 'devtools' : url.startsWith('chrome-extension://') ? 'extension' : 'page')(
        msg,
      );
    });
  }

  private async openDevTools(): Promise<Page> {
    if (this.devtools && !this.devtools.isClosed()) return this.devtools;
    const browser = this.context.browser();
    if (!browser) throw new Error('Playwright gave no browser handle for the persistent context');
    const pageCdp = await this.context.newCDPSession(this.page);
    const browserCdp = await browser.newBrowserCDPSession();
    try {
      const { targetInfo } = await pageCdp.send('Target.getTargetInfo');
      // Only the browser target may open DevTools ("Not allowed" on the page target).
      // If DevTools is already open for the tab (--auto-open-devtools-for-tabs), this returns it.
      const { targetId } = (await browserCdp.send('Target.openDevTools' as any, { targetId: targetInfo.targetId })) as {
        targetId: string;
      };
      const devtools = await waitFor(() => this.devtoolsPageWithTarget(targetId), {
        what: 'the devtools:// page',
        timeoutMs: 15_000,
      });
      await devtools.waitForLoadState('load');
      this.devtools = devtools;
      return devtools;
    } finally {
      await pageCdp.detach().catch(() => {});
      await browserCdp.detach().catch(() => {});
    }
  }

  private async devtoolsPageWithTarget(targetId: string): Promise<Page | undefined> {
    for (const candidate of this.context.pages()) {
      if (!candidate.url().startsWith('devtools://')) continue;
      if ((await targetInfoOf(this.context, candidate))?.targetId === targetId) return candidate;
    }
    return undefined;
  }

  private findPanelFrame(devtools: Page): Frame | undefined {
    // The panel is an iframe of the DevTools document itself, not a separate page.
    return devtools
      .frames()
      .find((f) => f.parentFrame() === devtools.mainFrame() && f.url().startsWith(this.extensionOrigin + PANEL_PATH));
  }

  /** The panel frame inside DevTools, opening DevTools and the panel first if needed. */
  async panelFrame(): Promise<Frame> {
    const existing = this.devtools && !this.devtools.isClosed() ? this.findPanelFrame(this.devtools) : undefined;
    if (existing && !existing.isDetached()) return existing;
    await this.openPanel();
    return this.findPanelFrame(this.devtools!)!;
  }

  /** The devtools:// page, once openPanel has run. */
  get devtoolsPage(): Page | undefined {
    return this.devtools;
  }

  /**
   * Closes DevTools on the inspected tab, as a user (or a browser restart) does: its devtools page
   * and the panel go with it. openPanel opens it again. Resolves once the devtools:// target is gone.
   */
  async closeDevTools(): Promise<void> {
    const devtools = this.devtools;
    this.devtools = undefined;
    if (!devtools || devtools.isClosed()) return;
    await devtools.close();
  }

  /**
   * A CDP session with the ServiceWorker domain on, tracking our worker's running status.
   * Playwright keeps one Worker object across stop/start (same target), so status comes from here.
   */
  private async serviceWorkerControl(): Promise<CDPSession> {
    if (this.swControl) return this.swControl;
    const cdp = await this.context.newCDPSession(this.page);
    const scriptURL = `${this.extensionOrigin}/${this.workerScript}`;
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const version of versions) {
        if (version.scriptURL !== scriptURL) continue;
        this.swStatus.set(version.versionId, version.runningStatus);
        if (version.runningStatus === 'stopped') this.swStops++;
      }
    });
    await cdp.send('ServiceWorker.enable');
    this.swControl = cdp;
    await waitFor(() => this.swStatus.size > 0, { what: 'the service worker version report', timeoutMs: 5_000 });
    return cdp;
  }

  /** Running status of the newest version of our worker. */
  private workerStatus(): string | undefined {
    const newest = [...this.swStatus.keys()].sort((a, b) => Number(b) - Number(a))[0];
    return newest === undefined ? undefined : this.swStatus.get(newest);
  }

  private async runningWorker(): Promise<Worker> {
    const control = await this.serviceWorkerControl();
    if (this.workerStatus() !== 'running') {
      // Stopped (stopBackground or idle): start it, as an incoming event would.
      if (this.workerStatus() !== 'starting') {
        await control.send('ServiceWorker.startWorker', { scopeURL: `${this.extensionOrigin}/` });
      }
      await waitFor(() => this.workerStatus() === 'running', {
        what: 'the service worker to start',
        timeoutMs: 10_000,
      });
    }
    return waitFor(() => this.context.serviceWorkers().find((w) => isOurWorker(w, this.workerScript)), {
      what: 'the service worker target',
      timeoutMs: 10_000,
    });
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not settle within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Playwright's evaluate typings can't follow a generic RemoteFn; the contract already requires JSON in and out. */
function remote(fn: RemoteFn<any, any>): (arg: any) => any {
  return portableFunction(fn);
}

/** The service worker script named by the built manifest (crxjs emits a loader). */
async function backgroundScriptOf(extensionPath: string): Promise<string> {
  let manifest: { background?: { service_worker?: string } };
  try {
    manifest = JSON.parse(await readFile(path.join(extensionPath, 'manifest.json'), 'utf8'));
  } catch {
    throw new Error(`No built extension at ${extensionPath} (run npm run build first)`);
  }
  const script = manifest.background?.service_worker;
  if (!script) throw new Error(`${extensionPath}/manifest.json has no background.service_worker`);
  return script.replace(/^\//, '');
}

function isOurWorker(worker: Worker, script: string): boolean {
  const url = new URL(worker.url());
  return url.protocol === 'chrome-extension:' && url.pathname === `/${script}`;
}

/**
 * The browser's first tab. With PW_CHROMIUM_ATTACH_TO_OTHER, DevTools windows are Playwright pages
 * too (and start as about:blank), so tell them apart by CDP target type.
 */
async function firstTab(context: BrowserContext): Promise<Page> {
  for (const candidate of context.pages()) {
    if (candidate.url().startsWith('devtools://')) continue;
    if ((await targetInfoOf(context, candidate))?.type === 'page') return candidate;
  }
  return context.newPage();
}

async function targetInfoOf(
  context: BrowserContext,
  page: Page,
): Promise<{ targetId: string; type: string } | undefined> {
  let cdp: CDPSession | undefined;
  try {
    cdp = await context.newCDPSession(page);
    return (await cdp.send('Target.getTargetInfo')).targetInfo;
  } catch {
    return undefined;
  } finally {
    await cdp?.detach().catch(() => {});
  }
}

/**
 * DevTools keeps its settings in the profile's Preferences, each value JSON-encoded as a string;
 * seed them (dock side, theme) before DevTools first opens.
 */
async function writeDevToolsPreferences(profile: string, settings: Record<string, string>): Promise<void> {
  const dir = path.join(profile, 'Default');
  // A kept profile being relaunched (profileDir) has its own Preferences, DevTools' settings among them.
  if (existsSync(path.join(dir, 'Preferences'))) return;
  await mkdir(dir, { recursive: true });
  const encoded = Object.fromEntries(Object.entries(settings).map(([key, value]) => [key, JSON.stringify(value)]));
  // Settings DevTools marks "synced" (the theme) live in a separate dict while sync is off.
  const preferences = { devtools: { preferences: encoded, synced_preferences_sync_disabled: encoded } };
  await writeFile(path.join(dir, 'Preferences'), JSON.stringify(preferences));
}

/**
 * Resolves once webRequest events reach the worker. A listener added now is registered after the
 * background's own top-level listeners, so once it sees a probe request theirs are live too.
 * The probe goes to an unsafe port, which Chromium refuses before any network I/O, from the worker
 * itself (tabId -1), so no tab's records are touched. If the background publishes
 * `faultlineDebug.ready`, that must be true as well.
 */
async function waitForWebRequestListener(worker: Worker): Promise<void> {
  const probe = remote(async () => {
    const g = globalThis as any;
    const webRequest = g.chrome?.webRequest;
    if (!webRequest) return 'no-webRequest';
    const seen: string[] = [];
    const listener = (details: { url: string }) => void seen.push(details.url);
    const filter = { urls: ['http://127.0.0.1/__faultline_probe*'] };
    webRequest.onErrorOccurred.addListener(listener, filter);
    try {
      for (let n = 0, start = Date.now(); Date.now() - start < 10_000; n++) {
        await fetch(`http://127.0.0.1:9/__faultline_probe?${n}`).catch(() => {});
        await new Promise((resolve) => setTimeout(resolve, 25));
        if (seen.length > 0) return 'seen';
      }
      return 'not-seen';
    } finally {
      webRequest.onErrorOccurred.removeListener(listener);
    }
  });
  const state = await withTimeout(worker.evaluate(probe, undefined), 30_000, 'the webRequest probe');
  if (state === 'not-seen') throw new Error('The service worker never saw a webRequest probe');
  // The background's own readiness flag, when it publishes one (absent in the skeleton).
  const ready = remote(() => {
    const debug = (globalThis as any).faultlineDebug;
    return debug === undefined || debug.ready === true;
  });
  await waitFor(() => withTimeout(worker.evaluate(ready, undefined), 5_000, 'the readiness check'), {
    what: 'faultlineDebug.ready in the service worker',
    timeoutMs: 10_000,
  });
}
