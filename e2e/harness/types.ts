// One driver contract for both browsers, so every e2e test runs unchanged in Chromium and Firefox.
// Evaluation crosses process boundaries, so functions are sent as source and must be self-contained;
// arguments and results must be JSON-serializable.

export type BrowserName = 'chromium' | 'firefox';

/** A function evaluated in a remote document. It must not close over test-side variables. */
export type RemoteFn<A, R> = (arg: A) => R | Promise<R>;

export interface LaunchOptions {
  /** Absolute path of the built extension (dist/chrome or dist/firefox). */
  extensionPath: string;
  /** The first page to open in the inspected tab (usually the demo API's page). */
  url: string;
  /** Open DevTools and show the Faultline panel right away (default true). */
  openPanel?: boolean;
  /** Headless unless FAULTLINE_HEADED=1. */
  headless?: boolean;
  /**
   * A browser profile directory to use and keep on close (default: a fresh one, removed on close).
   * Launching again with the same directory restarts the same browser profile. Chromium only.
   */
  profileDir?: string;
}

export interface PanelSession {
  readonly browser: BrowserName;
  /** The extension's origin, e.g. chrome-extension://<id> or moz-extension://<uuid>. */
  readonly extensionOrigin: string;

  /** Navigate the inspected tab and wait for its load event. */
  goto(url: string): Promise<void>;
  /** Evaluate in the inspected page (the demo page). */
  pageEval<A, R>(fn: RemoteFn<A, R>, arg?: A): Promise<R>;

  /** Open DevTools on the inspected tab and select the Faultline panel (idempotent). */
  openPanel(): Promise<void>;
  /** Evaluate in the Faultline panel document, inside the real DevTools. */
  panelEval<A, R>(fn: RemoteFn<A, R>, arg?: A): Promise<R>;
  /** Poll `fn` in the panel until it returns a truthy value; returns it. Throws with the last value on timeout. */
  waitForPanel<A, R>(fn: RemoteFn<A, R>, arg?: A, timeoutMs?: number): Promise<R>;

  /** Evaluate in the background context (service worker / event page), where reachable. */
  backgroundEval<A, R>(fn: RemoteFn<A, R>, arg?: A): Promise<R>;
  /** Stop the background worker (Chrome: ServiceWorker.stopAllWorkers; Firefox: terminate the event page). */
  stopBackground(): Promise<void>;

  /** Open an extension page (e.g. the options page path '/src/options/options.html') in a new tab; eval there. */
  extensionPageEval<A, R>(path: string, fn: RemoteFn<A, R>, arg?: A): Promise<R>;

  /**
   * A real key press in the panel, to its focused element, through the DevTools window as a keyboard's
   * (DevTools' own shortcuts see it too): Playwright-style, e.g. 'Control+f', 'Meta+f', 'Escape'.
   */
  pressKey(keys: string): Promise<void>;

  /** Read the system clipboard as text (after a copy action in the panel). */
  readClipboard(): Promise<string>;

  /**
   * Sizes the DevTools area the panel lives in, like a dock: `height` is DevTools' own height
   * (its tool tab strip included), `width` the window's width. 1280×350 is a bottom dock.
   */
  resizeDevTools(width: number, height: number): Promise<void>;

  /** PNG screenshot of the panel as shown inside DevTools. */
  screenshotPanel(path: string): Promise<void>;

  close(): Promise<void>;
}
