// Foundation, Chromium: the extension loads into Debian's chromium, the Faultline panel lives inside
// the real DevTools (a frame of the devtools:// page), and the demo page's failing calls reach it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from './demo/server.mjs';
import { launchChromiumSession, type ChromiumPanelSession } from './harness/chromium';
import { SHARED_ROOT, distPath } from './harness/common';

interface SeedCase {
  name: string;
  response: { status: number; error?: string };
  /** Checks only the fields it names (../shared/fixtures/README.md); null means "the response carries none". */
  expected: { failure: boolean; errorCode?: string | null; errorId?: string | null };
}

interface DemoResult {
  name: string;
  status: number;
  error?: string;
}

interface RowFacts {
  seq: string;
  status: string;
  code: string;
  id: string;
}

const seedCases: SeedCase[] = JSON.parse(readFileSync(path.join(SHARED_ROOT, 'fixtures/seed-cases.json'), 'utf8'));

type ExpectedRow = { name: string; status: string; code?: string; id?: string };

/** What a failure row must show for a seed case: its status, and its code and ID where the case names them. */
function expectedRow({ name, response, expected }: SeedCase): ExpectedRow {
  const row: ExpectedRow = { name, status: String(response.status) };
  if (expected.errorCode !== undefined) row.code = expected.errorCode ?? '';
  if (expected.errorId !== undefined) row.id = expected.errorId ?? '';
  return row;
}

/**
 * Every failure row of the panel's windowed list: scrolls the grid top to bottom and collects the
 * rows each window renders. Runs inside the panel document; null until there are `atLeast` rows.
 */
async function collectFailureRows(atLeast: number): Promise<RowFacts[] | null> {
  const grid = document.querySelector<HTMLElement>('[data-testid="failure-list"]');
  if (!grid) return null;
  const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
  const seen = new Map<string, RowFacts>();
  const collect = () => {
    for (const row of grid.querySelectorAll<HTMLElement>('[data-testid="failure-row"]')) {
      const seq = row.dataset.seq ?? String(seen.size);
      seen.set(seq, { seq, status: row.dataset.status ?? '', code: row.dataset.code ?? '', id: row.dataset.id ?? '' });
    }
  };
  const step = Math.max(1, Math.floor(grid.clientHeight / 2));
  for (let top = 0; ; top += step) {
    grid.scrollTop = top;
    await frame();
    collect();
    if (grid.scrollTop + grid.clientHeight >= grid.scrollHeight - 1) break;
  }
  return seen.size >= atLeast ? [...seen.values()] : null;
}

/**
 * The expected rows that `rows` does not account for, each row used at most once. The most specific
 * expectations pick first, so a loose one cannot take the row a specific one needs.
 */
function missingRows(expected: ExpectedRow[], rows: RowFacts[]): ExpectedRow[] {
  const pool = [...rows];
  const specificity = (want: ExpectedRow) => Number(want.code !== undefined) + Number(want.id !== undefined);
  const bySpecificity = [...expected].sort((a, b) => specificity(b) - specificity(a));
  return bySpecificity.filter((want) => {
    const index = pool.findIndex(
      (row) =>
        row.status === want.status &&
        (want.code === undefined || row.code === want.code) &&
        (want.id === undefined || row.id === want.id),
    );
    if (index === -1) return true;
    pool.splice(index, 1);
    return false;
  });
}

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
    for (const seedCase of seedCases) expect(statusByName.get(seedCase.name), seedCase.name).toBe(seedCase.response.status);

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
