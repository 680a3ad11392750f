// Firefox driver: Debian's firefox-esr over WebDriver BiDi, the extension installed as a temporary
// add-on, and the Faultline panel driven inside the real toolbox of the inspected tab.
//
// How each part is reached (./firefox-driver: puppeteer's BiDi session on 153+, a Marionette-created
// session on ESR 140):
// - inspected page, extension tabs: BiDi browsingContext.navigate / script.callFunction (content scope).
// - toolbox, panel, background, clipboard, screenshot: evaluation in the browser window's chrome
//   scope (needs --remote-allow-system-access), running ./firefox-agent.
// - panel and background documents (out-of-process extension <browser>s): a one-shot frame script.
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { defaultHeadless, fnSource, makeTempDir, removeDir, waitFor } from './common';
import {
  exceptionText,
  firefoxDriverKind,
  launchFirefoxDriver,
  type EvalResult,
  type FirefoxDriver,
} from './firefox-driver';
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
// How long a stop keeps asking for Firefox's own suspension before it forces the unload: the store e2e's
// stop leaves about 24 s of traffic after it is called and must end mid-traffic, a forced unload takes
// up to about 4 s under load.
// FAULTLINE_FIREFOX_STOP_ATTEMPTS lowers the attempts (1 reaches the forced path at once under traffic).
const STOP_PLAIN_MS = 12_000;
const STOP_MAX_ATTEMPTS = Math.max(1, Number(process.env.FAULTLINE_FIREFOX_STOP_ATTEMPTS) || 300);

export interface FirefoxLaunchOptions extends LaunchOptions {
  /** Extra firefox command-line arguments. */
  extraArgs?: string[];
  /** Extra profile preferences. */
  extraPrefs?: Record<string, unknown>;
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
  let driver: FirefoxDriver;
  try {
    driver = await launchFirefoxDriver(firefoxDriverKind(FIREFOX_PATH), {
      executablePath: FIREFOX_PATH,
      headless,
      args: opts.extraArgs ?? [],
      prefs: {
        ...firefoxPrefs({ geckoId, uuid: FIREFOX_EXTENSION_UUID, toolboxHeight: TOOLBOX_HEIGHT }),
        ...opts.extraPrefs,
      },
      tempRoot,
      dumpio: process.env.FAULTLINE_DEBUG === '1',
    });
  } catch (error) {
    await removeDir(tempRoot);
    throw new Error(`Could not launch ${FIREFOX_PATH}: ${(error as Error).message}`);
  }

  trace(`launched (${driver.kind})`);
  const session = new FirefoxPanelSession(driver, extensionPath, geckoId, features, tempRoot);
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
  private pageContext = '';
  private closed = false;

  constructor(
    private readonly driver: FirefoxDriver,
    private readonly extensionPath: string,
    /** The add-on id (browser_specific_settings.gecko.id). */
    readonly geckoId: string,
    private readonly features: BundleFeatures,
    private readonly tempRoot: string,
  ) {}

  /** Installs the add-on, finds the chrome window and the inspected tab, waits for the background. */
  async start(trace: (phase: string) => void = () => {}): Promise<void> {
    const installedId = await this.driver.installAddon(this.extensionPath);
    trace('add-on installed');
    if (installedId !== this.geckoId) throw new Error(`Installed add-on ${installedId}, expected ${this.geckoId}`);

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
   * so calls made right after openPanel are delivered. (Both Firefox releases the harness drives, ESR 140
   * through Marionette and 153+ through BiDi (firefox-driver.ts), deliver onRequestFinished, with bodies,
   * without the Network panel ever being opened; see openNetworkPanel.)
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
   * Asks as Firefox's idle timer does, again after each cancellation or refusal (a page under traffic has
   * its suspension canceled by the next event), for up to 12 s or 300 attempts; only then forces it
   * (see chromeAgent's stopBackground). Each stop's report (attempts, cancellations, forced or not) is
   * kept in `stopReports`.
   */
  async stopBackground(): Promise<void> {
    const report = await this.agent<BackgroundState & StopReport>(
      'stopBackground',
      { id: this.geckoId, timeoutMs: 40_000, force: true, plainMs: STOP_PLAIN_MS, maxAttempts: STOP_MAX_ATTEMPTS },
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
    await this.driver.close().catch(() => {});
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
   * devtools.network.onRequestFinished only after the Network panel had been opened; neither release
   * the harness drives needs it (ESR 140 through Marionette, 153+ through BiDi; firefox-driver.ts), so
   * openPanel does not do it. Kept for tests that want the netmonitor's own state.
   */
  async openNetworkPanel(): Promise<void> {
    await this.agent('selectTool', { ...this.panelTarget(), toolId: 'netmonitor' }, OPEN_TIMEOUT_MS);
    await this.openPanel();
  }

  /** Evaluates with chrome privileges in the browser window (browser.xhtml): gBrowser, Services, ChromeUtils. */
  async chromeEval<A, R>(fn: RemoteFn<A, R>, arg?: A): Promise<R> {
    const json = await this.driver
      .chromeCall(evalDeclaration(fn), [JSON.stringify({ arg })], EVAL_TIMEOUT_MS)
      .catch((error: Error) => {
        throw new Error(`Evaluation failed: ${error.message}`);
      });
    return (JSON.parse(json) as { value: R }).value;
  }

  // ---- plumbing ----

  private panelTarget() {
    return { label: PANEL_TITLE, origin: this.extensionOrigin };
  }

  private async bidi(method: string, params: object, timeoutMs?: number): Promise<any> {
    if (this.closed) throw new Error(`The Firefox session is closed (${method})`);
    return this.driver.bidi(method, params, timeoutMs);
  }

  /** Runs one chrome-agent operation in the browser window; the agent answers { ok } or { error }. */
  private async agent<T>(op: AgentOp, arg: object, timeoutMs = 60_000): Promise<T> {
    if (this.closed) throw new Error(`The Firefox session is closed (${op})`);
    const json = await this.driver
      .chromeCall(AGENT_CALL, [op, JSON.stringify(arg)], timeoutMs)
      .catch((error: Error) => {
        throw new Error(`Firefox ${op} failed: ${error.message}`);
      });
    const answer = JSON.parse(json) as { ok?: T; error?: string };
    if (answer.error !== undefined) throw new Error(`Firefox ${op} failed: ${answer.error}`);
    return answer.ok as T;
  }

  /** Evaluates `fn(arg)` in a BiDi browsing context's own window realm, with transient user activation. */
  private async evalInContext<A, R>(context: string, fn: RemoteFn<A, R>, arg?: A): Promise<R> {
    const declaration = evalDeclaration(fn);
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

/** `(argJson) => JSON of { value: fn(arg) }`, the declaration every evaluation sends. */
function evalDeclaration<A, R>(fn: RemoteFn<A, R>): string {
  return `async function (argJson) {
  const fn = (${fnSource(fn)});
  const value = await fn(JSON.parse(argJson).arg);
  return JSON.stringify({ value });
}`;
}

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
