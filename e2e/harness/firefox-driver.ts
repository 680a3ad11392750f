// The two ways the Firefox harness reaches the browser: WebDriver BiDi commands for tabs and content,
// and evaluation in the browser window's chrome scope (browser.xhtml) for the toolbox and the add-on.
//
// - 'bidi' (Firefox 153+): puppeteer launches Firefox and owns the BiDi session; chrome scope is the
//   BiDi context that `browsingContext.getTree {'moz:scope': 'chrome'}` lists.
// - 'marionette' (Firefox ESR 140, whose BiDi has no `moz:scope`): the one session is created through
//   Marionette with `webSocketUrl: true`, as geckodriver does; BiDi commands go to that session's
//   WebSocket, chrome-scope evaluation goes through Marionette's chrome context.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Browser as BrowserKind, createProfile } from '@puppeteer/browsers';
import puppeteer, { type Browser } from 'puppeteer-core';
import { BidiSocket } from './bidi-socket';
import { waitFor } from './common';
import { MarionetteClient, freePort } from './marionette';

export type FirefoxDriverKind = 'bidi' | 'marionette';

export interface FirefoxDriver {
  readonly kind: FirefoxDriverKind;
  /** One WebDriver BiDi command; resolves with its result. */
  bidi(method: string, params: object, timeoutMs?: number): Promise<any>;
  /**
   * Calls `declaration` (a function's source) in the browser window's chrome scope with string
   * arguments followed by the window itself, and resolves with the string it returns (or resolves to).
   */
  chromeCall(declaration: string, args: string[], timeoutMs: number): Promise<string>;
  /** Installs the unpacked add-on at `dir` as a temporary add-on; resolves with its id. */
  installAddon(dir: string): Promise<string>;
  close(): Promise<void>;
}

export interface DriverLaunch {
  executablePath: string;
  headless: boolean;
  args: string[];
  prefs: Record<string, unknown>;
  /** A private directory for the profile and $HOME; the caller removes it. */
  tempRoot: string;
  dumpio: boolean;
}

/**
 * 'marionette' below Firefox 153 (the harness's BiDi path needs `moz:scope`, which ESR 140 lacks),
 * else 'bidi'. FAULTLINE_FIREFOX_DRIVER=bidi|marionette overrides.
 */
export function firefoxDriverKind(executablePath: string): FirefoxDriverKind {
  const forced = process.env.FAULTLINE_FIREFOX_DRIVER;
  if (forced === 'bidi' || forced === 'marionette') return forced;
  const major = firefoxMajorVersion(executablePath);
  return major !== null && major < 153 ? 'marionette' : 'bidi';
}

const majorVersions = new Map<string, number | null>();

function firefoxMajorVersion(executablePath: string): number | null {
  if (!majorVersions.has(executablePath)) {
    let major: number | null = null;
    try {
      const text = execFileSync(executablePath, ['--version'], { encoding: 'utf8', timeout: 30_000 });
      const match = /(\d+)\.\d+/.exec(text);
      if (match) major = Number(match[1]);
    } catch {}
    majorVersions.set(executablePath, major);
  }
  return majorVersions.get(executablePath) ?? null;
}

export function launchFirefoxDriver(kind: FirefoxDriverKind, opts: DriverLaunch): Promise<FirefoxDriver> {
  return kind === 'marionette' ? MarionetteDriver.launch(opts) : PuppeteerBidiDriver.launch(opts);
}

export interface EvalResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: {
    text?: string;
    stackTrace?: { callFrames?: { url: string; lineNumber: number; functionName: string }[] };
  };
}

export function exceptionText(result: EvalResult): string {
  const details = result.exceptionDetails;
  const frames = details?.stackTrace?.callFrames ?? [];
  const stack = frames
    .map((f) => `    at ${f.functionName || '<anonymous>'} (${f.url}:${f.lineNumber + 1})`)
    .join('\n');
  return `${details?.text ?? 'unknown error'}${stack ? `\n${stack}` : ''}`;
}

/** The slice of puppeteer's BiDi connection this driver uses (BidiBrowser#connection is not in the public typings). */
interface BidiConnection {
  send(method: string, params: object, timeout?: number): Promise<{ result: any }>;
}

class PuppeteerBidiDriver implements FirefoxDriver {
  readonly kind = 'bidi' as const;
  private readonly connection: BidiConnection;
  private chromeContext = '';

  private constructor(private readonly browser: Browser) {
    this.connection = (browser as unknown as { connection: BidiConnection }).connection;
  }

  static async launch(opts: DriverLaunch): Promise<PuppeteerBidiDriver> {
    const home = path.join(opts.tempRoot, 'home');
    await mkdir(home, { recursive: true });
    const launch = () =>
      puppeteer.launch({
        browser: 'firefox',
        executablePath: opts.executablePath,
        headless: opts.headless,
        // Without it, Firefox refuses chrome-scope BiDi contexts (moz:scope) and privileged evaluation.
        args: ['--remote-allow-system-access', ...opts.args],
        extraPrefsFirefox: opts.prefs,
        // Firefox writes into $HOME (~/.mozilla, caches); keep runs hermetic.
        env: { ...process.env, HOME: home },
        dumpio: opts.dumpio,
        timeout: 90_000,
        protocolTimeout: 180_000,
      });
    // A fresh profile's first start on a busy machine can miss the launch timeout; one more try.
    return new PuppeteerBidiDriver(await launch().catch(() => launch()));
  }

  async bidi(method: string, params: object, timeoutMs?: number): Promise<any> {
    return (await this.connection.send(method, params, timeoutMs)).result;
  }

  async chromeCall(declaration: string, args: string[], timeoutMs: number): Promise<string> {
    const context = await this.chromeContextId();
    const result: EvalResult = await this.bidi(
      'script.callFunction',
      {
        functionDeclaration: declaration,
        arguments: args.map((value) => ({ type: 'string', value })),
        awaitPromise: true,
        target: { context },
        resultOwnership: 'none',
      },
      timeoutMs,
    );
    if (result.type === 'exception') throw new Error(exceptionText(result));
    return String(result.result?.value);
  }

  installAddon(dir: string): Promise<string> {
    return this.browser.installExtension(dir);
  }

  async close(): Promise<void> {
    const process = this.browser.process();
    const closing = this.browser.close().catch(() => {});
    const timedOut = await Promise.race([closing.then(() => false), sleepMs(15_000).then(() => true)]);
    if (timedOut) process?.kill('SIGKILL');
  }

  /** The browser window's chrome-scope context (needs --remote-allow-system-access). */
  private async chromeContextId(): Promise<string> {
    if (this.chromeContext) return this.chromeContext;
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
    return this.chromeContext;
  }
}

class MarionetteDriver implements FirefoxDriver {
  readonly kind = 'marionette' as const;

  private constructor(
    private readonly child: ChildProcess,
    private readonly marionette: MarionetteClient,
    private readonly socket: BidiSocket,
  ) {}

  static async launch(opts: DriverLaunch): Promise<MarionetteDriver> {
    // A fresh profile's first start on a busy machine can be slow; one more try.
    return MarionetteDriver.launchOnce(opts, 'a').catch(() => MarionetteDriver.launchOnce(opts, 'b'));
  }

  private static async launchOnce(opts: DriverLaunch, attempt: string): Promise<MarionetteDriver> {
    const home = path.join(opts.tempRoot, `home-${attempt}`);
    const profile = path.join(opts.tempRoot, `profile-${attempt}`);
    await mkdir(home, { recursive: true });
    await mkdir(profile, { recursive: true });
    const marionettePort = await freePort();
    // The profile puppeteer writes (@puppeteer/browsers' test defaults), with what its launcher adds.
    await createProfile(BrowserKind.FIREFOX, {
      path: profile,
      preferences: { ...opts.prefs, 'fission.webContentIsolationStrategy': 0, 'marionette.port': marionettePort },
    });
    const args = [
      '--marionette',
      // Port 0: the BiDi WebSocket URL comes back in the session's capabilities.
      '--remote-debugging-port=0',
      // Without it, Marionette refuses the chrome context.
      '--remote-allow-system-access',
      '--no-remote',
      '--profile',
      profile,
      ...(opts.headless ? ['--headless'] : []),
      ...opts.args,
      'about:blank',
    ];
    const child = spawn(opts.executablePath, args, {
      // Firefox writes into $HOME (~/.mozilla, caches); keep runs hermetic.
      env: { ...process.env, HOME: home },
      stdio: opts.dumpio ? ['ignore', 'inherit', 'inherit'] : 'ignore',
      detached: false,
    });
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code, signal) => reject(new Error(`Firefox exited at start (${code ?? signal})`))),
    );
    exited.catch(() => {});
    let marionette: MarionetteClient | undefined;
    try {
      marionette = await Promise.race([MarionetteClient.connect(marionettePort, 90_000), exited]);
      const session = await marionette.send('WebDriver:NewSession', {
        webSocketUrl: true,
        unhandledPromptBehavior: 'ignore',
      });
      const url = session?.capabilities?.webSocketUrl;
      if (typeof url !== 'string')
        throw new Error(`Marionette session has no webSocketUrl: ${JSON.stringify(session)}`);
      // Long agent operations (toolbox opening, forced suspension) are bounded by the caller's timeout.
      await marionette.send('WebDriver:SetTimeouts', { script: 600_000 });
      await marionette.send('Marionette:SetContext', { value: 'chrome' });
      const socket = await BidiSocket.connect(url);
      return new MarionetteDriver(child, marionette, socket);
    } catch (error) {
      marionette?.close();
      child.kill('SIGKILL');
      throw new Error(`Could not start ${opts.executablePath} over Marionette: ${(error as Error).message}`);
    }
  }

  bidi(method: string, params: object, timeoutMs?: number): Promise<any> {
    return this.socket.send(method, params, timeoutMs);
  }

  async chromeCall(declaration: string, args: string[], timeoutMs: number): Promise<string> {
    // Marionette runs the script in a sandbox whose prototype is the window: `window` is the real one.
    const result = await this.marionette.send(
      'WebDriver:ExecuteScript',
      { script: `return (${declaration})(...arguments, window);`, args },
      timeoutMs,
    );
    return String(result?.value);
  }

  async installAddon(dir: string): Promise<string> {
    const result = await this.marionette.send('Addon:Install', { path: dir, temporary: true });
    return String(result?.value);
  }

  async close(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) resolve();
      else this.child.once('exit', () => resolve());
    });
    this.socket.close();
    await this.marionette.send('Marionette:Quit', { flags: ['eForceQuit'] }, 10_000).catch(() => {});
    this.marionette.close();
    const timedOut = await Promise.race([exited.then(() => false), sleepMs(15_000).then(() => true)]);
    if (timedOut) {
      this.child.kill('SIGKILL');
      await exited;
    }
  }
}

const sleepMs = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
