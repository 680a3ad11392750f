// `npm start`: the demo API, and Chromium with Faultline loaded and DevTools open on the demo page,
// the Faultline panel showing. Headed when there is a display, headless otherwise.
//
//   npm start                             # run the demo calls, keep serving until Ctrl-C
//   npm start -- --screenshot panel.png   # …then save a PNG of the panel inside DevTools and exit
//   npm start -- --port 8080 --headless
//   npm start -- --screenshot docs/panel-dark.png --theme dark
import { accessSync, constants, existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startDemoServer, type DemoServer } from './demo/server.mjs';
import { CHROMIUM_PATH, launchChromiumSession, type ChromiumPanelSession } from './harness/chromium';
import { distPath } from './harness/common';

const DEFAULT_PORT = 5173;
/** Set once Ctrl-C (or SIGTERM) started the shutdown; errors after that are its side effects. */
let stopping = false;

interface DemoResult {
  name: string;
  status: number;
  error?: string;
}

function usageError(message: string): never {
  console.error(
    `npm start: ${message}\nUsage: npm start -- [--port N] [--screenshot FILE] [--headless] [--theme light|dark]`,
  );
  process.exit(2);
}

function parseOptions() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        screenshot: { type: 'string' },
        headless: { type: 'boolean', default: false },
        theme: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    usageError((error as Error).message);
  }
  if (values.help) {
    console.log('Usage: npm start -- [--port N] [--screenshot FILE] [--headless] [--theme light|dark]');
    process.exit(0);
  }
  let port: number | undefined;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      usageError(`--port needs a port number, got ${values.port}`);
  }
  if (values.theme !== undefined && values.theme !== 'light' && values.theme !== 'dark') {
    usageError(`--theme is light or dark, got ${values.theme}`);
  }
  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  const screenshot = values.screenshot ? path.resolve(values.screenshot) : undefined;
  return {
    port,
    screenshot,
    // A screenshot run exits at once, and headless DevTools is undocked so the panel fills the PNG.
    headless: values.headless || !hasDisplay || screenshot !== undefined,
    hasDisplay,
    theme: values.theme as 'light' | 'dark' | undefined,
  };
}

function checkPrerequisites(extensionPath: string): void {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
  } catch {
    console.error(
      `npm start: Chromium not found at ${CHROMIUM_PATH}. Install it with:\n    sudo apt-get install -y chromium`,
    );
    process.exit(1);
  }
  if (!existsSync(path.join(extensionPath, 'manifest.json'))) {
    console.error(`npm start: no extension build at ${extensionPath}: run npm run build first.`);
    process.exit(1);
  }
}

/** The fixed port when free (a stable URL to bookmark), else any free port unless the user asked for one. */
async function startDemo(requestedPort: number | undefined): Promise<DemoServer> {
  try {
    return await startDemoServer({ port: requestedPort ?? DEFAULT_PORT });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    if (requestedPort !== undefined) {
      console.error(`npm start: port ${requestedPort} is in use; pick another with --port.`);
      process.exit(1);
    }
    console.log(`Port ${DEFAULT_PORT} is busy; using a free port instead.`);
    return startDemoServer({ port: 0 });
  }
}

/** Waits (bounded) until the panel lists at least `count` failures; returns how many it lists. */
async function waitForFailureRows(session: ChromiumPanelSession, count: number): Promise<number> {
  const listed = () =>
    session.panelEval(() =>
      Number(document.querySelector('[data-testid="failure-list"]')?.getAttribute('data-count') ?? 0),
    );
  try {
    await session.waitForPanel(
      (want) => Number(document.querySelector('[data-testid="failure-list"]')?.getAttribute('data-count') ?? 0) >= want,
      count,
      20_000,
    );
  } catch {
    // Show whatever the panel has; the count printed says if something is off.
  }
  return listed();
}

async function main(): Promise<void> {
  const options = parseOptions();
  const extensionPath = distPath('chromium');
  checkPrerequisites(extensionPath);

  const demo = await startDemo(options.port);
  const demoUrl = `${demo.url}/`;
  console.log(`Demo API:   ${demoUrl}`);

  let launching: Promise<ChromiumPanelSession> | undefined;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    // Ctrl-C can land mid-launch: wait for it so the browser and its temp profile are cleaned up.
    await launching?.then((s) => s.close()).catch(() => {});
    await demo.close().catch(() => {});
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  const mode = !options.headless
    ? 'headed'
    : !options.hasDisplay
      ? 'headless (no display)'
      : options.screenshot
        ? 'headless (--screenshot)'
        : 'headless (--headless)';
  console.log(
    `Chromium:   ${CHROMIUM_PATH}, ${mode}, extension from ${path.relative(process.cwd(), extensionPath) || '.'}`,
  );
  launching = launchChromiumSession({
    extensionPath,
    url: demoUrl,
    headless: options.headless,
    handleSignals: false,
    devtoolsTheme: options.theme,
    // Headed: the DevTools a user would open, docked in the browser window.
    extraArgs: options.headless ? [] : ['--auto-open-devtools-for-tabs'],
  });
  const session = await launching;
  console.log(`DevTools:   open on the demo page, "Faultline" panel selected (${session.extensionOrigin})`);

  const results = await session.pageEval(() => (window as any).faultlineDemo.runAll() as Promise<DemoResult[]>);
  const failing = results.filter((r) => r.status === 0 || r.status >= 400);
  console.log(`Demo calls: ${results.length} made, ${failing.length} with an error status or no response:`);
  for (const r of results) console.log(`  ${(r.error ? 'ERR' : String(r.status)).padStart(3)}  ${r.name}`);
  const listed = await waitForFailureRows(session, failing.length);
  console.log(`Panel:      lists ${listed} failures`);

  if (options.screenshot) {
    await session.screenshotPanel(options.screenshot);
    console.log(`Screenshot: ${options.screenshot}`);
    await shutdown(0);
    return;
  }
  if (options.headless && !process.stdout.isTTY) {
    console.log('Headless and not on a terminal: done.');
    await shutdown(0);
    return;
  }
  console.log(
    options.headless
      ? `Headless: nothing to look at here; the demo API keeps serving at ${demoUrl} (Ctrl-C to stop).`
      : `Press the demo page's buttons and watch the Faultline panel. Ctrl-C to stop.`,
  );
}

main().catch((error) => {
  if (stopping) return;
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
