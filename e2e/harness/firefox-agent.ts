// Code that runs with chrome privileges in Firefox's browser window (browser.xhtml), reached through
// WebDriver BiDi `script.callFunction` on the `moz:scope: "chrome"` context (Firefox 153+) or through
// Marionette's chrome context (ESR 140; see ./firefox-driver). It is shipped as source:
// everything it uses must be defined inside `chromeAgent` or be a chrome global of browser.xhtml.
//
// Evaluation in extension documents (the panel inside the toolbox, the background event page) goes
// through a one-shot frame script loaded into that document's <browser>: the documents live in the
// out-of-process extension process, so the parent can only reach them by message.

/** Names of the operations `chromeAgent` offers; the Node side sends one name and one JSON argument. */
export type AgentOp =
  | 'init'
  | 'openPanel'
  | 'openToolbox'
  | 'closeToolbox'
  | 'toolboxState'
  | 'selectTool'
  | 'panelEval'
  | 'backgroundState'
  | 'backgroundEval'
  | 'stopBackground'
  | 'readClipboard'
  | 'resizeToolbox'
  | 'screenshot'
  | 'pressKey';

export interface PanelTarget {
  /** The panel's title as given to devtools.panels.create. */
  label: string;
  /** moz-extension://<uuid> */
  origin: string;
}

export interface ToolboxState {
  open: boolean;
  hostType: string | null;
  currentToolId: string | null;
  /** The extension panel's tool id (it carries a counter, so it is looked up by label). */
  panelToolId: string | null;
  /** The URL loaded in the panel's #webext-panels-browser. */
  panelUrl: string | null;
  /** Whether the toolbox's network monitor API has onRequestFinished listeners (a devtools page listens). */
  requestFinishedListeners: boolean;
  /** The tool ids of the toolbox's built-in panels that have been opened. */
  loadedBuiltinPanels: string[];
}

/**
 * How a stopBackground went: the plain suspensions asked for (the call Firefox's idle timer makes), what
 * Firefox did with each, and whether the harness had to force the unload in the end.
 */
export interface StopReport {
  /**
   * 'suspended': Firefox unloaded the page by its own rules on one of the plain attempts (runtime.onSuspend
   * ran and no event reached the page meanwhile); 'forced': every attempt was canceled or declined and the
   * harness unloaded it with the idle resets held back; 'not running': there was no page to stop.
   */
  how: 'suspended' | 'forced' | 'not running';
  /** Plain suspensions asked for: `terminateBackground()` as the idle timer calls it. */
  attempts: number;
  /** Times Firefox canceled a suspension because an event reached the page meanwhile (runtime.onSuspendCanceled). */
  canceled: number;
  /** Attempts Firefox declined before suspending, by its reason (streamfilter, listeners, nativeapp, devtools). */
  declined: Record<string, number>;
  /** The plain attempts ran out (attempts or time), so the resets were held back. */
  forced: boolean;
  /** Idle resets held back while the forced suspension ran. */
  resetsHeld: number;
  /** ms spent on the plain attempts, and on the forced one. */
  plainMs: number;
  forcedMs: number;
  /** terminateBackground calls, and the longest one took (it awaits the page's runtime.onSuspend). */
  terminateCalls: number;
  longestTerminateMs: number;
}

export interface BackgroundState {
  state: 'starting' | 'running' | 'suspending' | 'stopped' | 'missing';
  url: string | null;
}

/**
 * The agent, serialised with Function.prototype.toString and called as
 * `(chromeAgent)(window)[op](arg)` in browser.xhtml. Returns a fresh object each call; state that must
 * outlive a call lives on `window.__faultlineE2E`.
 */
export function chromeAgent(win?: unknown) {
  // The browser window: the global itself over BiDi, passed in by Marionette (whose scripts run in a sandbox).
  const g = (win ?? globalThis) as any;
  const { gBrowser, ChromeUtils, Services, Cc, Ci, WebExtensionPolicy } = g;
  const state: { inspectedTab?: any } = (g.__faultlineE2E ??= {});

  const sleep = (ms: number) => new Promise((resolve) => g.setTimeout(resolve, ms));

  async function poll<T>(probe: () => T, timeoutMs: number, what: string): Promise<NonNullable<T>> {
    const deadline = Date.now() + timeoutMs;
    let lastError: unknown;
    for (;;) {
      try {
        const value = probe();
        if (value) return value;
        lastError = undefined;
      } catch (error) {
        lastError = error;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `Timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (${String(lastError)})` : ''}`,
        );
      }
      await sleep(50);
    }
  }

  function devtools(): any {
    const { require } = ChromeUtils.importESModule('resource://devtools/shared/loader/Loader.sys.mjs');
    return require('devtools/client/framework/devtools').gDevTools;
  }

  function inspectedTab(): any {
    const tab = state.inspectedTab;
    if (!tab || !tab.linkedBrowser || !Array.from(gBrowser.tabs).includes(tab))
      throw new Error('The inspected tab is gone');
    return tab;
  }

  function panelTool(toolbox: any, label: string): any {
    return toolbox.getAdditionalTools().find((tool: any) => tool.label === label);
  }

  /** The extension panel's <browser id="webext-panels-browser">, inside the toolbox's panel iframe. */
  function panelBrowser(toolbox: any, toolId: string): any {
    const iframe = toolbox.doc.getElementById(`toolbox-panel-iframe-${toolId}`);
    return iframe?.contentDocument?.getElementById('webext-panels-browser') ?? null;
  }

  function loadedPanelBrowser(target: PanelTarget): any {
    const toolbox = devtools().getToolboxForTab(inspectedTab());
    if (!toolbox) throw new Error('DevTools is not open on the inspected tab (call openPanel() first)');
    const tool = panelTool(toolbox, target.label);
    if (!tool) throw new Error(`The toolbox has no "${target.label}" panel`);
    const browser = panelBrowser(toolbox, tool.id);
    const url: string = browser?.currentURI?.spec ?? '';
    if (!url.startsWith(`${target.origin}/`)) {
      throw new Error(
        `The "${target.label}" panel has not loaded (call openPanel() first); its browser shows ${url || 'nothing'}`,
      );
    }
    return browser;
  }

  function netMonitorApi(toolbox: any): any {
    return toolbox.getPanel('netmonitor')?.panelWin?.Netmonitor?.api ?? toolbox._netMonitorAPI ?? null;
  }

  function extensionOf(id: string): any {
    const extension = WebExtensionPolicy.getByID(id)?.extension;
    if (!extension) throw new Error(`No extension ${id} is installed`);
    return extension;
  }

  /**
   * Runs in the extension process as a frame script of the target <browser>. Evaluates the function
   * in a sandbox whose prototype is the document's window, without Xrays, so it sees the page's real
   * DOM and globals (`browser`, expandos). Chrome-only `notifyUserGestureActivation` gives the call
   * transient user activation, as Playwright's evaluate does in Chromium (clipboard writes need it).
   */
  function frameScript(
    payload: { reply: string; src: string; argJson: string; gesture: boolean },
    // Frame-script scope bindings (not properties of globalThis there).
    fs: { content: any; Cu: any; sendAsyncMessage(name: string, data: object): void },
  ) {
    const describe = (error: any) => {
      try {
        if (error && typeof error === 'object' && 'message' in error) {
          return `${error.name ?? 'Error'}: ${error.message}${error.stack ? `\n${error.stack}` : ''}`;
        }
      } catch {
        /* fall through */
      }
      return String(error);
    };
    const reply = (data: object) => fs.sendAsyncMessage(payload.reply, data);
    try {
      const win = fs.content;
      if (!win) throw new Error('the browser has no content window');
      if (payload.gesture) {
        try {
          win.document.notifyUserGestureActivation();
        } catch {
          /* best effort */
        }
      }
      const sandbox = fs.Cu.Sandbox(win, {
        sandboxPrototype: win,
        sameZoneAs: win,
        wantXrays: false,
        sandboxName: 'faultline-e2e',
      });
      const code =
        `(async () => { const fn = (${payload.src});` +
        ` const value = await fn(JSON.parse(${JSON.stringify(payload.argJson)}).arg);` +
        ` return JSON.stringify({ value }); })()`;
      const promise = fs.Cu.evalInSandbox(code, sandbox, null, 'faultline-e2e-eval', 1);
      promise.then(
        (json: string) => reply({ json }),
        (error: unknown) => reply({ error: describe(error) }),
      );
    } catch (error) {
      reply({ error: describe(error) });
    }
  }

  /** Evaluates `src` (a function expression) with `argJson` ({arg}) in `browser`'s document; resolves to JSON ({value}). */
  function evalInBrowser(browser: any, src: string, argJson: string, timeoutMs: number): Promise<string> {
    const mm = browser.messageManager;
    if (!mm) throw new Error('The target <browser> has no message manager');
    const reply = `faultline-e2e:reply:${Date.now().toString(36)}:${Math.random().toString(36).slice(2)}`;
    const payload = { reply, src, argJson, gesture: true };
    return new Promise((resolve, reject) => {
      const onReply = (message: { data: { json?: string; error?: string } }) => {
        g.clearTimeout(timer);
        mm.removeMessageListener(reply, onReply);
        if (message.data.error !== undefined) reject(new Error(message.data.error));
        else resolve(message.data.json ?? '{}');
      };
      const timer = g.setTimeout(() => {
        mm.removeMessageListener(reply, onReply);
        reject(
          new Error(`No answer from ${browser.currentURI?.spec} within ${timeoutMs} ms (document unloading or busy)`),
        );
      }, timeoutMs);
      mm.addMessageListener(reply, onReply);
      // __name: transpilers that keep function names call it; it does not exist in the frame script.
      const source = `(() => { const __name = (target) => target; (${frameScript.toString()})(${JSON.stringify(payload)}, { content, Cu, sendAsyncMessage: (name, data) => sendAsyncMessage(name, data) }); })();`;
      mm.loadFrameScript(`data:application/javascript;charset=utf-8,${encodeURIComponent(source)}`, false);
    });
  }

  function toolboxState(target: PanelTarget): ToolboxState {
    const toolbox = devtools().getToolboxForTab(inspectedTab());
    if (!toolbox) {
      return {
        open: false,
        hostType: null,
        currentToolId: null,
        panelToolId: null,
        panelUrl: null,
        requestFinishedListeners: false,
        loadedBuiltinPanels: [],
      };
    }
    const tool = panelTool(toolbox, target.label);
    const browser = tool ? panelBrowser(toolbox, tool.id) : null;
    const api = netMonitorApi(toolbox);
    return {
      open: true,
      hostType: toolbox.hostType ?? null,
      currentToolId: toolbox.currentToolId ?? null,
      panelToolId: tool?.id ?? null,
      panelUrl: browser?.currentURI?.spec ?? null,
      requestFinishedListeners: !!api?.hasRequestFinishedListeners?.(),
      loadedBuiltinPanels: ['inspector', 'webconsole', 'jsdebugger', 'netmonitor'].filter((id) => toolbox.getPanel(id)),
    };
  }

  return {
    /** Remembers the single tab of a fresh window as the inspected tab; sizes the window. */
    async init(arg: { width: number; height: number }): Promise<{ tabs: number }> {
      state.inspectedTab = gBrowser.selectedTab;
      if (g.outerWidth !== arg.width || g.outerHeight !== arg.height) {
        g.resizeTo(arg.width, arg.height);
        await poll(() => g.outerWidth === arg.width && g.outerHeight === arg.height, 5_000, 'the window to resize');
      }
      return { tabs: gBrowser.tabs.length };
    },

    async openPanel(arg: PanelTarget & { timeoutMs: number }): Promise<ToolboxState> {
      const tab = inspectedTab();
      if (gBrowser.selectedTab !== tab) gBrowser.selectedTab = tab;
      const gDevTools = devtools();
      const toolbox = await gDevTools.showToolboxForTab(tab);
      // The devtools page registers the panel after the toolbox is up.
      const tool = await poll(
        () => panelTool(toolbox, arg.label),
        arg.timeoutMs,
        `the toolbox to list the "${arg.label}" panel`,
      );
      if (toolbox.currentToolId !== tool.id) await toolbox.selectTool(tool.id);
      // selectTool resolves before the extension document has loaded into the panel's browser.
      await poll(
        () => (panelBrowser(toolbox, tool.id)?.currentURI?.spec ?? '').startsWith(`${arg.origin}/`),
        arg.timeoutMs,
        `the "${arg.label}" panel document to load`,
      );
      return toolboxState(arg);
    },

    toolboxState(arg: PanelTarget): ToolboxState {
      return toolboxState(arg);
    },

    /**
     * Opens the inspected tab's toolbox on a built-in tool (e.g. 'inspector'), as a user's Ctrl+Shift+C
     * does, without selecting the extension's panel; resolves once the devtools page has created it.
     */
    async openToolbox(arg: PanelTarget & { toolId: string; timeoutMs: number }): Promise<ToolboxState> {
      const tab = inspectedTab();
      if (gBrowser.selectedTab !== tab) gBrowser.selectedTab = tab;
      const toolbox = await devtools().showToolboxForTab(tab, { toolId: arg.toolId });
      if (toolbox.currentToolId !== arg.toolId) await toolbox.selectTool(arg.toolId);
      await poll(() => panelTool(toolbox, arg.label), arg.timeoutMs, `the toolbox to list the "${arg.label}" panel`);
      return toolboxState(arg);
    },

    /** Closes the inspected tab's toolbox (the panel and the devtools page unload). */
    async closeToolbox(arg: PanelTarget): Promise<ToolboxState> {
      const gDevTools = devtools();
      const tab = inspectedTab();
      if (gDevTools.getToolboxForTab(tab)) await gDevTools.closeToolboxForTab(tab);
      await poll(() => !gDevTools.getToolboxForTab(tab), 10_000, 'the toolbox to close');
      return toolboxState(arg);
    },

    /** Selects a tool of the inspected tab's toolbox by id (e.g. 'netmonitor'). */
    async selectTool(arg: PanelTarget & { toolId: string }): Promise<ToolboxState> {
      const toolbox = devtools().getToolboxForTab(inspectedTab());
      if (!toolbox) throw new Error('DevTools is not open on the inspected tab');
      await toolbox.selectTool(arg.toolId);
      return toolboxState(arg);
    },

    panelEval(arg: PanelTarget & { src: string; argJson: string; timeoutMs: number }): Promise<string> {
      return evalInBrowser(loadedPanelBrowser(arg), arg.src, arg.argJson, arg.timeoutMs);
    },

    backgroundState(arg: { id: string }): BackgroundState {
      const extension = WebExtensionPolicy.getByID(arg.id)?.extension;
      if (!extension) return { state: 'missing', url: null };
      return {
        state: extension.backgroundState,
        url: extension.backgroundContext?.xulBrowser?.currentURI?.spec ?? null,
      };
    },

    /** Evaluates in the background event page, waking it first if it is suspended (as any event would). */
    async backgroundEval(arg: { id: string; src: string; argJson: string; timeoutMs: number }): Promise<string> {
      const extension = extensionOf(arg.id);
      // A suspending page can't be woken; wait for it to settle either way.
      await poll(
        () => ['running', 'stopped'].includes(extension.backgroundState),
        arg.timeoutMs,
        'the background to settle',
      );
      if (extension.backgroundState === 'stopped') await extension.wakeupBackground();
      const context = await poll(
        () =>
          extension.backgroundState === 'running' &&
          extension.backgroundContext?.xulBrowser &&
          extension.backgroundContext,
        arg.timeoutMs,
        'the background page to run',
      );
      return evalInBrowser(context.xulBrowser, arg.src, arg.argJson, arg.timeoutMs);
    },

    /**
     * Suspends the event page as Firefox itself does: `terminateBackground()`, the call its idle timer
     * makes when the page has been idle for 30 s. runtime.onSuspend fires, ports close, the page unloads;
     * the next event starts it again. Firefox declines (an active StreamFilter, pending listener promises,
     * about:debugging attached) or cancels it: while the page is SUSPENDING every event fired to it (a
     * webRequest event, a port message) resets its idle state and cancels the suspension
     * (ext-backgroundPage.js, resetBackgroundIdle), and that event is then run by the page that stays.
     * So a page under traffic is asked again, up to `maxAttempts` times or `plainMs`, until one request
     * falls in a gap between events and Firefox unloads the page by its own rules.
     *
     * Only when those run out (`force`) are the resets held back while it is SUSPENDING, so the page
     * unloads whatever arrives, as Chrome's ServiceWorker.stopAllWorkers stops a busy worker: harsher
     * than any real stop (an event sent to the page meanwhile may never run). The answer says which.
     */
    async stopBackground(arg: {
      id: string;
      timeoutMs: number;
      force?: boolean;
      plainMs?: number;
      maxAttempts?: number;
    }): Promise<BackgroundState & StopReport> {
      const extension = extensionOf(arg.id);
      const report: StopReport = {
        how: 'not running',
        attempts: 0,
        canceled: 0,
        declined: {},
        forced: false,
        resetsHeld: 0,
        plainMs: 0,
        forcedMs: 0,
        terminateCalls: 0,
        longestTerminateMs: 0,
      };
      await poll(
        () => ['running', 'stopped'].includes(extension.backgroundState),
        arg.timeoutMs,
        'the background to settle',
      );
      const running = extension.backgroundState === 'running' ? extension.backgroundContext : undefined;
      if (running) {
        const onCanceled = () => report.canceled++;
        // Firefox's reasons to decline a suspension (reset-idle while RUNNING); 'event' and 'parentapicall'
        // are the page's traffic, not a decline.
        let attemptRunning = false;
        const onResetIdle = (_: string, detail?: { reason?: string }) => {
          const reason = detail?.reason ?? 'unknown';
          if (attemptRunning && reason !== 'event' && reason !== 'parentapicall')
            report.declined[reason] = (report.declined[reason] ?? 0) + 1;
        };
        const onIgnored = () => {
          if (attemptRunning) report.declined.devtools = (report.declined.devtools ?? 0) + 1;
        };
        extension.on('background-script-suspend-canceled', onCanceled);
        extension.on('background-script-reset-idle', onResetIdle);
        extension.on('background-script-suspend-ignored', onIgnored);
        const unloaded = () => extension.backgroundContext !== running;
        const deadline = Date.now() + arg.timeoutMs;
        // terminateBackground awaits the page's runtime.onSuspend and a stream-filter query to the
        // extension process, both slow in a busy page: bounded, so the report comes back either way.
        const terminate = async (options?: Record<string, boolean>) => {
          report.terminateCalls++;
          const started = Date.now();
          const outcome = await Promise.race([
            extension.terminateBackground(options).then(() => 'returned'),
            sleep(Math.max(0, deadline - Date.now())).then(() => 'pending'),
          ]);
          report.longestTerminateMs = Math.max(report.longestTerminateMs, Date.now() - started);
          if (outcome === 'pending')
            throw new Error(
              `terminateBackground had not returned by the deadline (state ${extension.backgroundState}; ${JSON.stringify(report)})`,
            );
        };
        try {
          const plainStart = Date.now();
          const plainDeadline = plainStart + (arg.force ? (arg.plainMs ?? 10_000) : arg.timeoutMs);
          const maxAttempts = arg.maxAttempts ?? (arg.force ? 300 : 1_000);
          while (!unloaded() && report.attempts < maxAttempts && Date.now() < plainDeadline) {
            await poll(
              () => unloaded() || ['running', 'stopped'].includes(extension.backgroundState),
              Math.max(0, deadline - Date.now()),
              `the background to settle (state ${extension.backgroundState}; ${JSON.stringify(report)})`,
            );
            if (unloaded()) break;
            report.attempts++;
            const ignoredBefore = report.declined.devtools ?? 0;
            attemptRunning = true;
            try {
              // The idle timer's call. about:debugging attached would make Firefox ignore it; the
              // harness's own debugger is no reason a real page stays, so then ask as its Terminate does.
              await terminate();
              if ((report.declined.devtools ?? 0) > ignoredBefore) await terminate({ ignoreDevToolsAttached: true });
            } finally {
              attemptRunning = false;
            }
            // A suspension that went through leaves the state STOPPED and the context gone (or a new page
            // started by the next event): give the unload a moment to be observed.
            if (extension.backgroundState === 'stopped' || extension.backgroundState === 'starting')
              await poll(unloaded, 2_000, 'the background page to unload').catch(() => false);
            if (unloaded()) break;
            // Canceled or declined: ask again a little later, at a different point between the page's events.
            await sleep(5 + Math.floor(Math.random() * 40));
          }
          report.plainMs = Date.now() - plainStart;
          if (unloaded()) report.how = 'suspended';
          else if (!arg.force)
            throw new Error(
              `the background page did not unload after ${report.attempts} plain suspensions in ${report.plainMs} ms (${JSON.stringify(report)})`,
            );
          else {
            report.forced = true;
            report.how = 'forced';
            const emitter = extension.emitter;
            const ownEmit = Object.prototype.hasOwnProperty.call(emitter, 'emit') ? emitter.emit : undefined;
            const emit = emitter.emit;
            emitter.emit = function (this: unknown, event: string, ...rest: unknown[]) {
              if (event === 'background-script-reset-idle' && extension.backgroundState === 'suspending') {
                report.resetsHeld++;
                return undefined;
              }
              return emit.call(this, event, ...rest);
            };
            const forcedStart = Date.now();
            try {
              for (;;) {
                await poll(
                  () => unloaded() || ['running', 'stopped'].includes(extension.backgroundState),
                  Math.max(0, deadline - Date.now()),
                  `the background to settle (state ${extension.backgroundState}; ${JSON.stringify(report)})`,
                );
                if (unloaded()) break;
                await terminate({ ignoreDevToolsAttached: true, disableResetIdleForTest: true });
                if (await poll(unloaded, 2_000, 'the background page to unload').catch(() => false)) break;
                if (Date.now() > deadline)
                  throw new Error(
                    `the background page did not unload within ${arg.timeoutMs} ms even with resets held back (${JSON.stringify(report)})`,
                  );
              }
            } finally {
              if (ownEmit) emitter.emit = ownEmit;
              else delete emitter.emit;
            }
            report.forcedMs = Date.now() - forcedStart;
          }
        } finally {
          extension.off('background-script-suspend-canceled', onCanceled);
          extension.off('background-script-reset-idle', onResetIdle);
          extension.off('background-script-suspend-ignored', onIgnored);
        }
      }
      return {
        state: extension.backgroundState,
        url: extension.backgroundContext?.xulBrowser?.currentURI?.spec ?? null,
        ...report,
      };
    },

    /**
     * A real key press in the panel: the panel's <browser> takes focus in the window (its document keeps
     * the element focused in it), then trusted key events go through the window's widget as a keyboard's
     * do (nsITextInputProcessor), so DevTools' own shortcut handlers see them first.
     */
    async pressKey(arg: {
      target: PanelTarget;
      key: string;
      code: string;
      keyCode: number;
      modifiers: string[];
    }): Promise<null> {
      const browser = loadedPanelBrowser(arg.target);
      browser.focus();
      await poll(() => Services.focus.focusedElement === browser, 5_000, 'the panel to take focus');
      const tip = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
      if (!tip.beginInputTransactionForTests(g)) throw new Error('no keyboard input transaction on the window');
      const modifiers = arg.modifiers.map(
        (m) => new g.KeyboardEvent('', { key: m, code: `${m === 'Control' ? 'Control' : m}Left` }),
      );
      for (const m of modifiers) tip.keydown(m);
      const event = new g.KeyboardEvent('', { key: arg.key, code: arg.code, keyCode: arg.keyCode });
      tip.keydown(event);
      tip.keyup(event);
      for (const m of modifiers.reverse()) tip.keyup(m);
      return null;
    },

    /** The system clipboard's text/plain (headless Firefox keeps an in-process clipboard). */
    readClipboard(): string {
      const transferable = Cc['@mozilla.org/widget/transferable;1'].createInstance(Ci.nsITransferable);
      transferable.init(null);
      transferable.addDataFlavor('text/plain');
      Services.clipboard.getData(
        transferable,
        Ci.nsIClipboard.kGlobalClipboard,
        g.browsingContext.currentWindowContext,
      );
      const data: { value?: any } = {};
      try {
        transferable.getTransferData('text/plain', data);
      } catch {
        return '';
      }
      return data.value?.QueryInterface(Ci.nsISupportsString).data ?? '';
    },

    /** The window `width` wide and the bottom-docked toolbox `height` tall, as a user drags the splitter. */
    async resizeToolbox(arg: { width: number; height: number }): Promise<{ width: number; height: number }> {
      if (g.outerWidth !== arg.width) {
        g.resizeTo(arg.width, g.outerHeight);
        await poll(() => g.outerWidth === arg.width, 5_000, 'the window to resize');
      }
      const toolbox = devtools().getToolboxForTab(inspectedTab());
      if (!toolbox) throw new Error('DevTools is not open on the inspected tab');
      const frame = toolbox.win.browsingContext.embedderElement;
      frame.style.height = `${arg.height}px`;
      frame.style.minHeight = `${arg.height}px`;
      frame.style.maxHeight = `${arg.height}px`;
      await poll(() => Math.abs(frame.getBoundingClientRect().height - arg.height) < 2, 5_000, 'the toolbox to resize');
      const box = frame.getBoundingClientRect();
      return { width: box.width, height: box.height };
    },

    /**
     * PNG (data: URL) of the toolbox as docked in the window: the tab strip of tools and the panel.
     * drawSnapshot paints across processes, so the out-of-process panel document is included.
     */
    async screenshot(): Promise<{ dataUrl: string; width: number; height: number }> {
      const toolbox = devtools().getToolboxForTab(inspectedTab());
      if (!toolbox) throw new Error('DevTools is not open on the inspected tab');
      const frame = toolbox.win.browsingContext.embedderElement;
      const hostWindow = frame.ownerDocument.defaultView;
      // Let a pending layout and paint settle.
      await new Promise((resolve) => hostWindow.requestAnimationFrame(() => hostWindow.requestAnimationFrame(resolve)));
      const box = frame.getBoundingClientRect();
      const rect = new hostWindow.DOMRect(box.x, box.y, box.width, box.height);
      const bitmap = await hostWindow.browsingContext.currentWindowGlobal.drawSnapshot(
        rect,
        hostWindow.devicePixelRatio,
        'white',
      );
      const canvas = hostWindow.document.createElementNS('http://www.w3.org/1999/xhtml', 'canvas');
      canvas.width = bitmap.width;
      canvas.height = bitmap.height;
      canvas.getContext('2d').drawImage(bitmap, 0, 0);
      bitmap.close();
      return { dataUrl: canvas.toDataURL('image/png'), width: canvas.width, height: canvas.height };
    },
  };
}

/**
 * The `script.callFunction` declaration that runs one agent operation: `(op, argJson) => JSON`
 * of `{ ok }` or `{ error }`, so errors keep their message across BiDi.
 */
export const AGENT_CALL = `async function (op, argJson, win) {
  const __name = (target) => target;
  try {
    const agent = (${chromeAgent.toString()})(win);
    const ok = await agent[op](JSON.parse(argJson));
    return JSON.stringify({ ok: ok === undefined ? null : ok });
  } catch (error) {
    return JSON.stringify({ error: error && error.message ? error.message + (error.stack ? '\\n' + error.stack : '') : String(error) });
  }
}`;
