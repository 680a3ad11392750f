// HAR import at scale (issue 18) in the real DevTools of Chromium and Firefox: a ~200 MB HAR is
// streamed into the panel with determinate progress, every entry is accounted for (read or
// skipped and counted), Cancel works from the keyboard, and the broken HARs of the shared
// fixtures each get one clear message. The longest task is measured and printed, not asserted:
// its budget is checked by `npm run bench -- --check` (docs/performance.md).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from './demo/server.mjs';
import { bigImportDone, bigImportReport, startBigImport, type BigHarSpec } from './harness/big-har';
import { launchOnDemo, type BrowserName, type PanelSession } from './harness/index';

const INVALID = fileURLToPath(new URL('../../shared/fixtures/real-hars/invalid/', import.meta.url));

const BIG: BigHarSpec = { name: 'big-200mb.har', targetBytes: 200 * 1024 * 1024, brokenEvery: 1000 };

/** Drops a small file on the panel and returns what it shows once the import has settled. */
async function dropSmall(session: PanelSession, name: string, text: string) {
  return session.panelEval(
    async (arg: { name: string; text: string }) => {
      const frame = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
      document.querySelector<HTMLElement>('[data-testid="close-import"]')?.click();
      document.querySelector<HTMLElement>('[data-testid="banner"] button')?.click();
      await frame();
      const transfer = new DataTransfer();
      transfer.items.add(new File([arg.text], arg.name, { type: 'application/json' }));
      document
        .querySelector('[data-testid="faultline-panel"]')!
        .dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
      for (let i = 0; i < 300; i++) {
        await frame();
        const banner = document.querySelector('[data-testid="banner"]');
        const tab = document.querySelector('[data-testid="view-imported"]');
        if (!document.querySelector('[data-testid="import-progress"]') && (banner || tab)) break;
      }
      return {
        alert: document.querySelector('[data-testid="banner"][role="alert"] .banner-text')?.textContent ?? null,
        tab: document.querySelector('[data-testid="view-imported"]')?.textContent ?? null,
        counts: document.querySelector('[data-testid="counts"]')?.textContent ?? '',
      };
    },
    { name, text },
  );
}

describe.each(['chromium', 'firefox'] as BrowserName[])('%s: HAR import at scale', (browser) => {
  let demo: DemoServer;
  let session: PanelSession;

  beforeAll(async () => {
    demo = await startDemoServer();
    session = await launchOnDemo(browser, demo.url);
  });

  afterAll(async () => {
    await session?.close();
    await demo?.close();
  });

  it('imports a ~200 MB HAR with determinate progress; every entry is listed or counted as skipped', async () => {
    const started = await session.panelEval(startBigImport, BIG);
    expect(started.size).toBeGreaterThanOrEqual(BIG.targetBytes);
    await session.waitForPanel(bigImportDone, undefined, 420_000);
    const report = (await session.panelEval(bigImportReport))!;
    const shown = await session.panelEval(() => ({
      tab: document.querySelector('[data-testid="view-imported"]')?.textContent ?? null,
      counts: document.querySelector('[data-testid="counts"]')?.textContent ?? '',
      failures: Number(document.querySelector('[data-testid="counts"]')?.getAttribute('data-failures') ?? NaN),
      banner: document.querySelector('[data-testid="banner"] .banner-text')?.textContent ?? null,
      alert: document.querySelector('[data-testid="banner"][role="alert"] .banner-text')?.textContent ?? null,
    }));
    console.log(
      `[import-scale] ${browser}: ${(report.size / 2 ** 20).toFixed(0)} MiB, ${report.entries} entries in ${Math.round(report.importMs ?? -1)} ms (parsed in the ${report.runner}); ` +
        `long tasks ${report.longTasks ?? 'n/a'} (longest ${report.longestLongTaskMs === null ? 'n/a' : Math.round(report.longestLongTaskMs)} ms); ` +
        `event-loop probe max gap ${Math.round(report.probeMaxGapMs)} ms; heap ${report.heapBeforeMB === null ? 'n/a' : `${Math.round(report.heapBeforeMB)} → peak ${Math.round(report.heapPeakMB!)} MB`}; ` +
        `${report.progressValues.length} progress values; longest tasks ${JSON.stringify(report.longestTasks)}`,
    );

    expect(shown.alert).toBeNull();
    expect(shown.tab).toBe(`Imported: ${BIG.name}`);
    // The count is the file's: every entry read, the broken ones counted and said.
    expect(shown.counts).toContain(`${report.entries.toLocaleString('en-US')} entries in ${BIG.name}`);
    expect(shown.banner).toBe(
      `${BIG.name}: ${report.broken} of ${report.entries} entries could not be read and are left out.`,
    );
    expect(report.broken).toBeGreaterThan(50);
    // Every failing entry became a row (the generator knows which are 4xx/5xx).
    expect(shown.failures).toBe(report.failingByStatus);

    // Parsed and classified off the panel's main thread (issue 18): the fallback would hide a worker that fails to load.
    expect(report.runner).toBe('worker');
    // Determinate progress, as a progressbar, growing from the start towards the end.
    expect(report.progressbarRole).toBe('progressbar');
    expect(report.progressValues.length).toBeGreaterThanOrEqual(5);
    expect(report.progressValues).toEqual([...report.progressValues].sort((a, b) => a - b));
    expect(report.progressValues.some((v) => v > 0 && v < 50)).toBe(true);
    expect(report.progressValues.some((v) => v >= 50 && v < 100)).toBe(true);
    expect(report.entryCounts.length).toBeGreaterThanOrEqual(5);
    expect(report.entryCounts.at(-1)!).toBeGreaterThan(report.entries / 2);
  }, 600_000);

  it('the imported 200 MB view answers a filter', async () => {
    const result = await session.panelEval(async () => {
      const frame = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
      const input = document.querySelector<HTMLInputElement>('[data-testid="filter"]')!;
      input.value = 'status:503';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      for (let i = 0; i < 600; i++) {
        await frame();
        const counts = document.querySelector('[data-testid="counts"]');
        if (counts && !counts.textContent?.includes('…')) break;
      }
      const rows = [...document.querySelectorAll<HTMLElement>('[data-testid="failure-row"]')];
      const statuses = rows.map((r) => r.dataset.status);
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await frame();
      return { statuses, shown: Number(document.querySelector('[data-testid="counts"]')?.getAttribute('data-shown')) };
    });
    expect(result.statuses.length).toBeGreaterThan(5);
    expect(result.statuses.every((s) => s === '503')).toBe(true);
  }, 120_000);

  it("an imported row's detail shows its full record, which the import worker holds (the list has rows only)", async () => {
    const detail = await session.panelEval(async () => {
      const frame = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
      const row = document.querySelector<HTMLElement>('[data-testid="failure-row"]')!;
      row.click();
      for (let i = 0; i < 300; i++) {
        await frame();
        if (document.querySelector('[data-testid="detail"] [data-testid="body"]')) break;
      }
      const shown = document.querySelector('[data-testid="detail"]');
      const result = {
        status: row.dataset.status,
        loading: document.querySelector('[data-testid="detail-loading"]') !== null,
        gone: document.querySelector('[data-testid="detail-gone"]') !== null,
        // The response body and headers are not in the list row: only the worker's record has them.
        text: shown?.textContent ?? '',
      };
      document
        .querySelector<HTMLElement>('[data-testid="failure-list"]')
        ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
      return result;
    });
    expect(detail).toMatchObject({ loading: false, gone: false });
    expect(detail.text).toContain('x-request-id');
    expect(detail.text).toContain('xxxxxxxxxx');
  }, 120_000);

  it('Esc in the progress bar cancels an import: the partial view is dropped and the panel says so', async () => {
    await session.panelEval(() => document.querySelector<HTMLElement>('[data-testid="close-import"]')?.click());
    await session.panelEval(startBigImport, { ...BIG, name: 'canceled.har', targetBytes: 60 * 1024 * 1024 });
    await session.waitForPanel(
      () => Number(document.querySelector('[data-testid="import-bar"]')?.getAttribute('aria-valuenow') ?? 0) >= 5,
      undefined,
      120_000,
    );
    const after = await session.panelEval(async () => {
      const frame = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
      const cancel = document.querySelector<HTMLButtonElement>('[data-testid="import-cancel"]')!;
      cancel.focus();
      const focused = document.activeElement === cancel;
      cancel.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
      for (let i = 0; i < 100 && document.querySelector('[data-testid="import-progress"]'); i++) await frame();
      return {
        focused,
        progress: document.querySelector('[data-testid="import-progress"]') !== null,
        tab: document.querySelector('[data-testid="view-imported"]')?.textContent ?? null,
        banner: document.querySelector('[data-testid="banner"] .banner-text')?.textContent ?? null,
      };
    });
    expect(after).toEqual({
      focused: true,
      progress: false,
      tab: null,
      banner: 'Import of canceled.har canceled; nothing was imported.',
    });
  }, 180_000);

  it.each(readdirSync(INVALID))('invalid/%s gets one clear message (JSONP is unwrapped)', async (file) => {
    const shown = await dropSmall(session, file, readFileSync(INVALID + file, 'utf8'));
    if (file.includes('jsonp')) {
      expect(shown.alert).toBeNull();
      expect(shown.tab).toBe(`Imported: ${file}`);
      expect(shown.counts).toContain(`1 entries in ${file}`);
    } else {
      expect(shown.tab).toBeNull();
      expect(shown.alert).toMatch(new RegExp(`^${file.replace(/\./g, '\\.')} is not a HAR file Faultline can read: `));
      expect(shown.alert!.length).toBeLessThan(300);
    }
  });
});
