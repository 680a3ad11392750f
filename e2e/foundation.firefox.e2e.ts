// Foundation, Firefox: the extension installs into Debian's firefox-esr as a temporary add-on, the
// Faultline panel is selected inside the real toolbox of the inspected tab, and the demo page's
// failing calls reach it. Also exercises the rest of the Firefox driver (background event page,
// extension pages, clipboard, screenshot), which the other e2e tests build on.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from './demo/server.mjs';
import {
  collectFailureRows,
  expectedRow,
  failingSeedCases,
  missingRows,
  seedCases,
  type DemoResult,
  type RowFacts,
} from './harness/seed-rows';
import { distPath, makeTempDir, removeDir, waitFor } from './harness/common';
import { FIREFOX_EXTENSION_UUID, launchFirefoxSession, type FirefoxPanelSession } from './harness/firefox';

async function panelRows(session: FirefoxPanelSession, atLeast: number): Promise<RowFacts[]> {
  try {
    return (await session.waitForPanel(collectFailureRows, atLeast, 30_000)) ?? [];
  } catch {
    // Fall through to the caller's assertion, which names what is missing.
    return (await session.panelEval(collectFailureRows, 0)) ?? [];
  }
}

/** Width and height from a PNG's IHDR chunk; throws when the bytes are not a PNG. */
function pngSize(png: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!png.subarray(0, 8).equals(signature) || png.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('Firefox: the Faultline panel in the real toolbox', () => {
  let demo: DemoServer;
  let session: FirefoxPanelSession;
  let demoResults: DemoResult[] = [];

  beforeAll(async () => {
    demo = await startDemoServer();
    session = await launchFirefoxSession({ extensionPath: distPath('firefox'), url: `${demo.url}/` });
    await waitFor(() => session.pageEval(() => document.body.dataset.ready === 'true'), {
      what: 'the demo page to be ready',
    });
  });

  afterAll(async () => {
    await session?.close();
    await demo?.close();
  });

  it("selects the Faultline panel in the inspected tab's toolbox, attached to that tab", async () => {
    expect(session.extensionOrigin).toBe(`moz-extension://${FIREFOX_EXTENSION_UUID}`);

    const toolbox = await session.toolboxState();
    expect(toolbox.open).toBe(true);
    expect(toolbox.hostType).toBe('bottom');
    expect(toolbox.panelToolId).toMatch(/^webext-devtools-panel-/);
    expect(toolbox.currentToolId).toBe(toolbox.panelToolId);
    expect(toolbox.panelUrl).toBe(`${session.extensionOrigin}/src/panel/panel.html`);

    // Inside the panel: the extension document, with the devtools API only a DevTools panel gets,
    // whose inspected window is the demo tab.
    const inside = await session.panelEval(async () => {
      const devtools = (globalThis as any).browser?.devtools;
      const [inspectedUrl] = await devtools.inspectedWindow.eval('location.href');
      return {
        url: location.href,
        rendered: document.querySelector('[data-testid="faultline-panel"]') !== null,
        ready: document.documentElement.dataset.faultlineReady ?? null,
        inspectedTabId: devtools.inspectedWindow.tabId,
        inspectedUrl,
      };
    });
    expect(inside.url).toBe(toolbox.panelUrl);
    expect(inside.rendered).toBe(true);
    expect(inside.ready).toBe('true');
    expect(inside.inspectedTabId).toEqual(expect.any(Number));
    expect(inside.inspectedUrl).toBe(`${demo.url}/`);
  });

  it("lists the demo page's failing calls with their status, error code and ID", async () => {
    demoResults = await session.pageEval(() => (window as any).faultlineDemo.runAll() as Promise<DemoResult[]>);
    // The demo made every seed call and got the seed's status (0: the connection was refused).
    const statusByName = new Map(demoResults.map((r) => [r.name, r.status]));
    for (const seedCase of seedCases)
      expect(statusByName.get(seedCase.name), seedCase.name).toBe(seedCase.response.status);

    const expected = failingSeedCases.map(expectedRow);
    const rows = await panelRows(session, expected.length);
    expect(missingRows(expected, rows)).toEqual([]);
    // The codes and IDs come from response bodies, which only devtools.network delivers here (the
    // manifest has no webRequestBlocking): Firefox 153 delivers them without the Network panel open.
    expect((await session.toolboxState()).loadedBuiltinPanels).not.toContain('netmonitor');
    // Successful seed calls are not failures: there are no more 2xx rows than failing 2xx calls.
    const okSeedCalls = seedCases.length - failingSeedCases.length;
    const failureRows2xx = rows.filter((r) => r.status.startsWith('2')).length;
    const demoCalls2xx = demoResults.filter((r) => r.status >= 200 && r.status < 300).length;
    expect(failureRows2xx).toBeLessThanOrEqual(demoCalls2xx - okSeedCalls);
  });

  it('lists the same failures after DevTools was closed and the event page suspended', async () => {
    const before = await panelRows(session, failingSeedCases.length);
    expect(before.length).toBeGreaterThanOrEqual(failingSeedCases.length);

    // A mark on the running page's window, to tell a restarted page from the same one.
    const mark = `page-${Date.now()}`;
    await session.backgroundEval((value: string) => void ((window as any).faultlineE2EMark = value), mark);
    expect(await session.backgroundEval(() => (window as any).faultlineE2EMark ?? null)).toBe(mark);

    // DevTools closed: no panel or devtools page is left to keep or wake the event page.
    await session.closeToolbox();
    expect((await session.toolboxState()).open).toBe(false);
    await session.stopBackground();
    expect((await session.backgroundState()).state).toBe('stopped');

    // Reopening DevTools: a new panel document, served by a new event page, from what it stored.
    await session.openPanel();
    const after = await panelRows(session, before.length);
    expect(missingRows(failingSeedCases.map(expectedRow), after)).toEqual([]);
    expect(after.length).toBe(before.length);

    const page = await session.backgroundEval(() => ({
      url: location.href,
      mark: (window as any).faultlineE2EMark ?? null,
    }));
    expect(page).toEqual({ url: `${session.extensionOrigin}/_generated_background_page.html`, mark: null });
  });

  it('evaluates in extension pages opened in a tab of their own', async () => {
    const options = await session.extensionPageEval('/src/options/options.html', () => ({
      url: location.href,
      hasRuntime: typeof (globalThis as any).browser?.runtime?.id === 'string',
    }));
    expect(options).toEqual({ url: `${session.extensionOrigin}/src/options/options.html`, hasRuntime: true });
    // The inspected tab keeps the toolbox and the panel.
    const toolbox = await session.toolboxState();
    expect(toolbox.currentToolId).toBe(toolbox.panelToolId);
  });

  it('reads what the panel wrote to the clipboard', async () => {
    const text = `faultline clipboard probe ${Date.now()}`;
    // Panel code may write to the clipboard: panelEval carries user activation, as a click would.
    await session.panelEval((value: string) => navigator.clipboard.writeText(value), text);
    expect(await session.readClipboard()).toBe(text);
  });

  it('screenshots the toolbox with the panel', async () => {
    const dir = await makeTempDir('firefox-shot');
    try {
      const file = path.join(dir, 'panel.png');
      await session.screenshotPanel(file);
      const size = pngSize(await readFile(file));
      const frame = await session.chromeEval(() => {
        const g = globalThis as any;
        const { require } = g.ChromeUtils.importESModule('resource://devtools/shared/loader/Loader.sys.mjs');
        const toolbox = require('devtools/client/framework/devtools').gDevTools.getToolboxForTab(
          g.gBrowser.selectedTab,
        );
        const box = toolbox.win.browsingContext.embedderElement.getBoundingClientRect();
        return { width: box.width * g.devicePixelRatio, height: box.height * g.devicePixelRatio };
      });
      // The toolbox's box may sit on fractional pixels; the snapshot covers it in whole pixels.
      expect(Math.abs(size.width - frame.width)).toBeLessThan(1.5);
      expect(Math.abs(size.height - frame.height)).toBeLessThan(1.5);
      expect(size.height).toBeGreaterThan(600);
    } finally {
      await removeDir(dir);
    }
  });
});
