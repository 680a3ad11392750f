// Firefox driver: Debian's firefox-esr over WebDriver BiDi (puppeteer-core), the extension installed as
// a temporary add-on, and the Faultline panel driven inside the real toolbox of the inspected tab.
//
// How each part is reached:
// - inspected page, extension tabs: BiDi browsingContext.navigate / script.callFunction (content scope).
// - toolbox, panel, background, clipboard, screenshot: BiDi script.callFunction in the browser
//   window's chrome-scope context (needs --remote-allow-system-access), running ./firefox-agent.
// - panel and background documents (out-of-process extension <browser>s): a one-shot frame script.
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { defaultHeadless, fnSource, makeTempDir, removeDir, waitFor } from './common';
import { AGENT_CALL, type AgentOp, type BackgroundState, type StopReport, type ToolboxState } from './firefox-agent';
import { firefoxPrefs } from './firefox-prefs';
import type { LaunchOptions, PanelSession, RemoteFn } from './types';

export const FIREFOX_PATH = process.env.FAULTLINE_FIREFOX ?? '/usr/bin/firefox-esr';
/** The fixed moz-extension UUID (pref extensions.webextensions.uuids), so the origin is known up front. */
export const FIREFOX_EXTENSION_UUID = '5b0f9e3c-2d7a-4c1e-8f6b-9a4d3e2c1b0a';
const PANEL_TITLE = 'Faultline';
/** DOM keyCodes of the named keys pressKey sends (letters are their upper-case char code). */
const KEY_CODES: Record<string, number> = { Enter: 13, Escape: 27, ArrowUp: 38, ArrowDown: 40, F10: 121 };
const WINDOW = { width: 1280, height: 1100 };
/** Toolbox height when docked at the bottom: the panel gets about as much room as Chromium's undocked DevTools. */
const TOOLBOX_HEIGHT = 800;
const EVAL_TIMEOUT_MS = 30_000;
const OPEN_TIMEOUT_MS = 30_000;

export interface FirefoxLaunchOptions extends LaunchOptions {
  /** Extra firefox command-line arguments. */
  extraArgs?: string[];
  /** Extra profile preferences. */
  extraPrefs?: Record<string, unknown>;
}

/** The slice of puppeteer's BiDi connection this driver uses (BidiBrowser#connection is not in the public typings). */
interface BidiConnection {
  send(method: string, params: object, timeout?: number): Promise<{ result: any }>;
}

interface EvalResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: {
    text?: string;
    stackTrace?: { callFrames?: { url: string; lineNumber: number; functionName: string }[] };
  };
}

/** What the built extension implements, read from the bundle so the harness waits only for what exists. */
interface BundleFeatures {
  /** The panel sets <html data-faultline-ready="true"> once its store is connected. */
  panelReadyFlag: boolean;
  /** The devtools page listens to devtools.network.onRequestFinished. */
  requestFinishedListener: boolean;
}

/** FAULTLINE_TRACE=1: one stderr line per launch phase, with elapsed time. */
function tracer(): (phase: string) => void {
  const started = Date.now();
  if (process.env.FAULTLINE_TRACE !== '1') return () => {};
  return (phase) => process.stderr.write(`[firefox] ${phase}: ${Date.now() - started} ms\n`);
}

export async function launchFirefoxSession(opts: FirefoxLaunchOptions): Promise<FirefoxPanelSession> {
  const trace = tracer();
  const headless = opts.headless ?? defaultHeadless();
  const extensionPath = path.resolve(opts.extensionPath);
  const geckoId = await geckoIdOf(extensionPath);
  const features = await bundleFeatures(extensionPath);

  const tempRoot = await makeTempDir('firefox');
  const home = path.join(tempRoot, 'home');
  await mkdir(home, { recursive: true });

  const launch = () =>
    puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless,
      // Without it, Firefox refuses chrome-scope BiDi contexts (moz:scope) and privileged evaluation.
      args: ['--remote-allow-system-access', ...(opts.extraArgs ?? [])],
      extraPrefsFirefox: {
        ...firefoxPrefs({ geckoId, uuid: FIREFOX_EXTENSION_UUID, toolboxHeight: TOOLBOX_HEIGHT }),
        ...opts.extraPrefs,
      },
      // Firefox writes into $HOME (~/.mozilla, caches); keep runs hermetic.
      env: { ...process.env, HOME: home },
      dumpio: process.env.FAULTLINE_DEBUG === '1',
      timeout: 90_000,
      protocolTimeout: 180_000,
    });
  let browser: Browser;
  try {
    // A fresh profile's first start on a busy machine can miss the launch timeout; one more try.
    browser = await launch().catch(() => launch());
  } catch (error) {
    await removeDir(tempRoot);
    throw new Error(`Could not launch ${FIREFOX_PATH}: ${(error as Error).message}`);
  }

  trace('launched');
  const session = new FirefoxPanelSession(browser, extensionPath, geckoId, features, tempRoot);
  try {
    await session.start(trace);
    await session.goto(opts.url);
    trace('inspected page loaded');
    if (opts.openPanel ?? true) await session.openPanel(trace);
    return session;
  } catch (error) {
    await session.close();
    throw error;
  }
}

export class FirefoxPanelSession implements PanelSession {
  readonly browser = 'firefox' as const;
  readonly extensionOrigin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
  private readonly connection: BidiConnection;
  private chromeContext = '';
  private pageContext = '';
  private closed = false;

  constructor(
    private readonly puppeteerBrowser: Browser,
    private readonly extensionPath: string,
    /** The add-on id (browser_specific_settings.gecko.id). */
    readonly geckoId: string,
    private readonly features: BundleFeatures,
    private readonly tempRoot: string,
  ) {
    this.connection = (puppeteerBrowser as unknown as { connection: BidiConnection }).connection;
  }

  /** Installs the add-on, finds the chrome window and the inspected tab, waits for the background. */
  async start(trace: (phase: string) => void = () => {}): Promise<void> {
    const installedId = await this.puppeteerBrowser.installExtension(this.extensionPath);
    trace('add-on installed');
    if (installedId !== this.geckoId) throw new Error(`Installed add-on ${installedId}, expected ${this.geckoId}`);

    let chromeUrls: string[] = [];
    const window = await waitFor(
      async () => {
        const chromeTree = await this.bidi('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
        chromeUrls = chromeTree.contexts.map((c: { url: string }) => c.url);
        return chromeTree.contexts.find((c: { url: string }) => c.url === 'chrome://browser/content/browser.xhtml');
      },
      { what: 'the chrome-scope browser window', timeoutMs: 15_000 },
    ).catch(() => {
      throw new Error(
        `No chrome-scope browser window (is --remote-allow-system-access honoured?); chrome contexts: ${JSON.stringify(chromeUrls)}`,
      );
    });
    this.chromeContext = window.context;

    const contentTree = await this.bidi('browsingContext.getTree', { maxDepth: 0 });
    if (contentTree.contexts.length !== 1)
      throw new Error(`Expected one tab at start, found ${contentTree.contexts.length}`);
    this.pageContext = contentTree.contexts[0].context;
    // Headless Firefox ignores --window-size; size the window from chrome code instead.
    await this.agent('init', WINDOW);

    await waitFor(async () => (await this.backgroundState()).state === 'running', {
      what: 'the background event page to run',
      timeoutMs: 30_000,
    });
    trace('background running');
    // The background's own readiness flag, when it publishes one (as the Chromium driver checks).
    await waitFor(
      () =>
        this.backgroundEval(() => {
          const debug = (globalThis as any).faultlineDebug;
          return debug === undefined || debug.ready === true;
        }),
      { what: 'faultlineDebug.ready in the background page', timeoutMs: 15_000 },
    );
    trace('background ready');
  }

  async goto(url: string): Promise<void> {
    await this.bidi('browsingContext.navigate', { context: this.pageContext, url, wait: 'complete' }, 60_000);
  }

  pageEval<A, R>(fn: RemoteFn<A, R>, arg?: A): Promise<R> {
    return this.evalInContext(this.pageContext, fn, arg);
  }

  /**
   * Opens the toolbox on the inspected tab, selects the Faultline panel and waits until the panel is
   * ready: data-faultline-ready="true" when the build has that flag, else [data-testid=faultline-panel].
   * When the devtools page listens to onRequestFinished, also waits until the toolbox has that listener,
   * so calls made right after openPanel are delivered. (Firefox 153 delivers onRequestFinished, with
   * bodies, without the Network panel ever being opened; see openNetworkPanel for the old behaviour.)
   */
  async openPanel(trace: (phase: string) => void = () => {}): Promise<void> {
    const state = await this.agent<ToolboxState>(
      'openPanel',
      { ...this.panelTarget(), timeoutMs: OPEN_TIMEOUT_MS },
      OPEN_TIMEOUT_MS * 2,
    );
    if (state.currentToolId !== state.panelToolId) {
      throw new Error(`The toolbox shows ${state.currentToolId}, not the ${PANEL_TITLE} panel (${state.panelToolId})`);
    }
    trace('panel selected');
    const readyFlag = this.features.panelReadyFlag;
    await this.waitForPanel(
      (flag: boolean) =>
        document.readyState === 'complete' &&
        (flag
          ? document.documentElement.dataset.faultlineReady === 'true'
          : document.querySelector('[data-testid="faultline-panel"]') !== null),
      readyFlag,
      OPEN_TIMEOUT_MS,
    );
    trace('panel ready');
    if (this.features.requestFinishedListener) {
      await waitFor(async () => (await this.toolboxState()).requestFinishedListeners, {
        what: "the devtools page's onRequestFinished listener to reach the toolbox",
        timeoutMs: 15_000,
      });
      trace('onRequestFinished listener live');
    }
  }

  async panelEval<A, R>(fn: RemoteFn<A, R>, arg?: A): Promise<R> {
    const json = await this.agent<string>(
      'panelEval',
      { ...this.panelTarget(), src: fnSource(fn), argJson: JSON.stringify({ arg }), timeoutMs: EVAL_TIMEOUT_MS },
      EVAL_TIMEOUT_MS + 10_000,
    );
    return (JSON.parse(json) as { value: R }).value;
  }

  waitForPanel<A, R>(fn: RemoteFn<A, R>, arg?: A, timeoutMs = 15_000): Promise<R> {
    return waitFor(() => this.panelEval(fn, arg), { timeoutMs, what: 'the panel condition' });
  }

  /** Evaluates in the background event page; a suspended page is woken first, as an event would. */
  async backgroundEval<A, R>(fn: RemoteFn<A, R>, arg?: A): Promise<R> {
    const json = await this.agent<string>(
      'backgroundEval',
      { id: this.geckoId, src: fnSource(fn), argJson: JSON.stringify({ arg }), timeoutMs: EVAL_TIMEOUT_MS },
      EVAL_TIMEOUT_MS * 2 + 10_000,
    );
    return (JSON.parse(json) as { value: R }).value;
  }

  /**
   * Suspends the event page (runtime.onSuspend, ports disconnect, page unloads); the next event restarts it.
   * Firefox cancels the suspension of a page that keeps receiving events; the agent then forces it
   * (see chromeAgent's stopBackground). Each stop's report is kept in `stopReports`.
   */
  async stopBackground(): Promise<void> {
    const report = await this.agent<BackgroundState & StopReport>(
      'stopBackground',
      { id: this.geckoId, timeoutMs: 40_000, force: true, plainMs: 3_000 },
      90_000,
    );
    this.stopReports.push(report);
  }

  /** What each stopBackground saw: Firefox's cancellations of the suspension, and whether it was forced. */
  readonly stopReports: Array<BackgroundState & StopReport> = [];

  async extensionPageEval<A, R>(pagePath: string, fn: RemoteFn<A, R>, arg?: A): Promise<R> {
    // Firefox shows an empty document for a missing extension file instead of failing the navigation.
    const url = new URL(pagePath, this.extensionOrigin);
    if (!existsSync(path.join(this.extensionPath, decodeURIComponent(url.pathname)))) {
      throw new Error(`The built extension has no page ${url.pathname} (${this.extensionPath})`);
    }
    // A background tab: selecting it would hide the inspected tab and its toolbox.
    const { context } = await this.bidi('browsingContext.create', { type: 'tab', background: true });
    try {
      // Raw BiDi: puppeteer's page.goto never settles for moz-extension:// URLs.
      await this.bidi('browsingContext.navigate', { context, url: url.href, wait: 'complete' }, 60_000);
      return await this.evalInContext<A, R>(context, fn, arg);
    } finally {
      await this.bidi('browsingContext.close', { context }).catch(() => {});
    }
  }

  async resizeDevTools(width: number, height: number): Promise<void> {
    await this.openPanel();
    await this.agent('resizeToolbox', { width, height });
  }

  async pressKey(keys: string): Promise<void> {
    await this.openPanel();
    const parts = keys.split('+');
    const key = parts[parts.length - 1];
    const letter = /^[a-z]$/i.test(key);
    await this.agent('pressKey', {
      target: this.panelTarget(),
      key,
      code: letter ? `Key${key.toUpperCase()}` : key,
      keyCode: letter ? key.toUpperCase().charCodeAt(0) : (KEY_CODES[key] ?? 0),
      modifiers: parts.slice(0, -1),
    });
  }

  readClipboard(): Promise<string> {
    return this.agent<string>('readClipboard', {});
  }

  /** PNG of the docked toolbox (tool tabs and the Faultline panel), painted from the browser window. */
  async screenshotPanel(file: string): Promise<void> {
    await this.openPanel();
    const shot = await this.agent<{ dataUrl: string }>('screenshot', {});
    const png = Buffer.from(shot.dataUrl.slice(shot.dataUrl.indexOf(',') + 1), 'base64');
    await mkdir(path.dirname(path.resolve(file)), { recursive: true });
    await writeFile(file, png);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const process = this.puppeteerBrowser.process();
    const closing = this.puppeteerBrowser.close().catch(() => {});
    const timedOut = await Promise.race([closing.then(() => false), sleepMs(15_000).then(() => true)]);
    if (timedOut) process?.kill('SIGKILL');
    await removeDir(this.tempRoot);
  }

  // ---- Firefox-only helpers (outside the PanelSession contract) ----

  /** The toolbox of the inspected tab as Firefox sees it (selected tool, panel id and URL, listeners). */
  toolboxState(): Promise<ToolboxState> {
    return this.agent<ToolboxState>('toolboxState', this.panelTarget());
  }

  /**
   * Opens the toolbox on a built-in tool (default the Inspector) and leaves it there: the devtools page
   * runs, the Faultline panel is listed but never shown. Waits for the devtools page's
   * onRequestFinished listener when the build has one, as openPanel does.
   */
  async openToolbox(toolId = 'inspector'): Promise<ToolboxState> {
    const state = await this.agent<ToolboxState>(
      'openToolbox',
      { ...this.panelTarget(), toolId, timeoutMs: OPEN_TIMEOUT_MS },
      OPEN_TIMEOUT_MS * 2,
    );
    if (state.currentToolId !== toolId) throw new Error(`The toolbox shows ${state.currentToolId}, not ${toolId}`);
    if (this.features.requestFinishedListener) {
      await waitFor(async () => (await this.toolboxState()).requestFinishedListeners, {
        what: "the devtools page's onRequestFinished listener to reach the toolbox",
        timeoutMs: 15_000,
      });
    }
    return this.toolboxState();
  }

  /** Closes DevTools on the inspected tab, as a user would; openPanel opens it again. */
  async closeToolbox(): Promise<void> {
    await this.agent('closeToolbox', this.panelTarget());
  }

  /** The background event page's lifecycle state. */
  backgroundState(): Promise<BackgroundState> {
    return this.agent<BackgroundState>('backgroundState', { id: this.geckoId });
  }

  /**
   * Selects the Network panel once, then the Faultline panel again. Older Firefox releases delivered
   * devtools.network.onRequestFinished only after the Network panel had been opened; 153 does not
   * need it, so openPanel does not do it. Kept for tests that want the netmonitor's own state.
   */
  async openNetworkPanel(): Promise<void> {
    await this.agent('selectTool', { ...this.panelTarget(), toolId: 'netmonitor' }, OPEN_TIMEOUT_MS);
    await this.openPanel();
  }

  /** Evaluates with chrome privileges in the browser window (browser.xhtml): gBrowser, Services, ChromeUtils. */
  chromeEval<A, R>(fn: RemoteFn<A, R>, arg?: A): Promise<R> {
    return this.evalInContext(this.chromeContext, fn, arg);
  }

  // ---- plumbing ----

  private panelTarget() {
    return { label: PANEL_TITLE, origin: this.extensionOrigin };
  }

  private async bidi(method: string, params: object, timeoutMs?: number): Promise<any> {
    if (this.closed) throw new Error(`The Firefox session is closed (${method})`);
    return (await this.connection.send(method, params, timeoutMs)).result;
  }

  /** Runs one chrome-agent operation in the browser window; the agent answers { ok } or { error }. */
  private async agent<T>(op: AgentOp, arg: object, timeoutMs = 60_000): Promise<T> {
    const result: EvalResult = await this.bidi(
      'script.callFunction',
      {
        functionDeclaration: AGENT_CALL,
        arguments: [
          { type: 'string', value: op },
          { type: 'string', value: JSON.stringify(arg) },
        ],
        awaitPromise: true,
        target: { context: this.chromeContext },
        resultOwnership: 'none',
      },
      timeoutMs,
    );
    if (result.type === 'exception') throw new Error(`Firefox ${op} failed: ${exceptionText(result)}`);
    const answer = JSON.parse(String(result.result?.value)) as { ok?: T; error?: string };
    if (answer.error !== undefined) throw new Error(`Firefox ${op} failed: ${answer.error}`);
    return answer.ok as T;
  }

  /** Evaluates `fn(arg)` in a BiDi browsing context's own window realm, with transient user activation. */
  private async evalInContext<A, R>(context: string, fn: RemoteFn<A, R>, arg?: A): Promise<R> {
    const declaration = `async function (argJson) {
  const fn = (${fnSource(fn)});
  const value = await fn(JSON.parse(argJson).arg);
  return JSON.stringify({ value });
}`;
    const result: EvalResult = await this.bidi(
      'script.callFunction',
      {
        functionDeclaration: declaration,
        arguments: [{ type: 'string', value: JSON.stringify({ arg }) }],
        awaitPromise: true,
        userActivation: true,
        target: { context },
        resultOwnership: 'none',
      },
      EVAL_TIMEOUT_MS,
    );
    if (result.type === 'exception') throw new Error(`Evaluation failed: ${exceptionText(result)}`);
    return (JSON.parse(String(result.result?.value)) as { value: R }).value;
  }
}

function exceptionText(result: EvalResult): string {
  const details = result.exceptionDetails;
  const frames = details?.stackTrace?.callFrames ?? [];
  const stack = frames
    .map((f) => `    at ${f.functionName || '<anonymous>'} (${f.url}:${f.lineNumber + 1})`)
    .join('\n');
  return `${details?.text ?? 'unknown error'}${stack ? `\n${stack}` : ''}`;
}

const sleepMs = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function geckoIdOf(extensionPath: string): Promise<string> {
  let manifest: { browser_specific_settings?: { gecko?: { id?: string } }; background?: { scripts?: string[] } };
  try {
    manifest = JSON.parse(await readFile(path.join(extensionPath, 'manifest.json'), 'utf8'));
  } catch {
    throw new Error(`No built extension at ${extensionPath} (run npm run build:firefox first)`);
  }
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${extensionPath}/manifest.json has no browser_specific_settings.gecko.id`);
  if (!manifest.background?.scripts)
    throw new Error(`${extensionPath}/manifest.json is not a Firefox build (no background.scripts)`);
  return id;
}

async function bundleFeatures(extensionPath: string): Promise<BundleFeatures> {
  const sources: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.name.endsWith('.js')) sources.push(await readFile(full, 'utf8'));
    }
  };
  await walk(extensionPath);
  const all = sources.join('\n');
  return {
    panelReadyFlag: all.includes('faultlineReady'),
    requestFinishedListener: all.includes('onRequestFinished'),
  };
}
