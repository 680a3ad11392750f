// Foundation, Chromium: the extension loads into Debian's chromium, the Faultline panel lives inside
// the real DevTools (a frame of the devtools:// page), and the demo page's failing calls reach it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from './demo/server.mjs';
import {
  collectFailureRows,
  expectedRow,
  missingRows,
  seedCases,
  type DemoResult,
  type RowFacts,
} from './harness/seed-rows';
import { launchChromiumSession, type ChromiumPanelSession } from './harness/chromium';
import { distPath } from './harness/common';

describe('Chromium: the Faultline panel in the real DevTools', () => {
  let demo: DemoServer;
  let session: ChromiumPanelSession;

  beforeAll(async () => {
    demo = await startDemoServer();
    session = await launchChromiumSession({ extensionPath: distPath('chromium'), url: `${demo.url}/` });
  });

  afterAll(async () => {
    await session?.close();
    await demo?.close();
  });

  it('shows the panel as a frame of the devtools:// page, not as a page of its own', async () => {
    const devtools = session.devtoolsPage;
    expect(devtools?.url()).toMatch(/^devtools:\/\/devtools\/bundled\//);
    const frame = await session.panelFrame();
    expect(frame.url()).toBe(`${session.extensionOrigin}/src/panel/panel.html`);
    expect(frame.parentFrame()).toBe(devtools!.mainFrame());
    expect(session.extensionOrigin).toMatch(/^chrome-extension:\/\/[a-p]{32}$/);

    // Inside the panel: embedded by DevTools, with the devtools API that only a DevTools panel gets.
    const inside = await session.panelEval(() => ({
      ancestors: Array.from(location.ancestorOrigins),
      inspectedTabId: (globalThis as any).chrome?.devtools?.inspectedWindow?.tabId,
      rendered: document.querySelector('[data-testid="faultline-panel"]') !== null,
    }));
    expect(inside.ancestors).toEqual(['devtools://devtools']);
    expect(inside.inspectedTabId).toEqual(expect.any(Number));
    expect(inside.rendered).toBe(true);
  });

  it("lists the demo page's failing calls with their status, error code and ID", async () => {
    const results = await session.pageEval(() => (window as any).faultlineDemo.runAll() as Promise<DemoResult[]>);
    // The demo made every seed call and got the seed's status (0: the connection was refused).
    const statusByName = new Map(results.map((r) => [r.name, r.status]));
    for (const seedCase of seedCases)
      expect(statusByName.get(seedCase.name), seedCase.name).toBe(seedCase.response.status);

    const expected = seedCases.filter((c) => c.expected.failure).map(expectedRow);
    let rows: RowFacts[] = [];
    try {
      rows = (await session.waitForPanel(collectFailureRows, expected.length, 30_000)) ?? [];
    } catch {
      // Fall through to the assertion, which names what is missing.
      rows = (await session.panelEval(collectFailureRows, 0)) ?? [];
    }
    expect(missingRows(expected, rows)).toEqual([]);
    // Successful seed calls are not failures: there are no more 2xx rows than failing 2xx calls.
    const okSeedCalls = seedCases.filter((c) => !c.expected.failure).length;
    const failureRows2xx = rows.filter((r) => r.status.startsWith('2')).length;
    const demoCalls2xx = results.filter((r) => r.status >= 200 && r.status < 300).length;
    expect(failureRows2xx).toBeLessThanOrEqual(demoCalls2xx - okSeedCalls);
  });
});
