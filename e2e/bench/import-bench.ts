// HAR import at scale (issue 18) in the real DevTools panel (Chromium): a ~200 MB HAR, built inside
// the panel (e2e/harness/big-har.ts), is dropped on it and imported while the panel samples its
// long tasks, an event-loop probe and its JS heap.
import { writeFile } from 'node:fs/promises';
import { bigImportDone, bigImportReport, dropBigHar, startBigImport, type BigImportReport } from '../harness/big-har';
import type { PanelSession } from '../harness/index';
import { panelCdp, startTrace } from './cdp';
import { hotSpots, type HotSpot } from './profile';
import { round } from './stats';
import { longTasksOfFile, type LongTaskSummary } from './trace-tasks';

export interface ImportFigures {
  /** With `profile`: the panel's CPU hot spots while importing. */
  hotSpots?: HotSpot[];
  /** With `trace`: what the long tasks of the panel's renderer are made of (a Chrome trace). */
  longTaskCauses?: LongTaskSummary | null;
  /**
   * The longest task on the panel's main thread while importing: the longest 'longtask' entry;
   * with none (every task under 50 ms), the event-loop probe's longest gap, which bounds it from
   * above, capped at the API's 50 ms threshold.
   */
  importLongestTaskMs: number;
  detail: {
    fileMB: number;
    entries: number;
    skipped: number;
    importMs: number;
    megabytesPerSecond: number;
    longTasks: number | null;
    longestLongTaskMs: number | null;
    /** The longest long tasks: when (ms after the drop), how long, and the progress then (%). */
    longestTasks: BigImportReport['longestTasks'];
    probeMaxGapMs: number;
    /** The panel's JS heap (CDP Runtime.getHeapUsage, sampled every 250 ms), MB. */
    heapBeforeMB: number | null;
    heapPeakMB: number | null;
    /**
     * The panel's JS heap once the import has ended, after a full collection, MB: what the imported
     * view holds (the peak also counts the 200 MB file the bench builds in the panel).
     */
    heapEndMB: number | null;
    progressUpdates: number;
    /** Where the panel parsed and classified the file: 'worker' or 'main-thread'. */
    runner: string | null;
  };
}

export async function runImportBench(
  session: PanelSession,
  opts: {
    megabytes?: number;
    profile?: boolean;
    /** With `profile`: the raw profile goes here too (to place a long task's samples in time). */
    profileFile?: string;
    trace?: string;
    log?: (s: string) => void;
  } = {},
): Promise<ImportFigures> {
  const log = opts.log ?? (() => {});
  const megabytes = opts.megabytes ?? 200;
  await session.waitForPanel(() => document.documentElement.dataset.faultlineReady === 'true', undefined, 30_000);
  log(`import: building a ${megabytes} MiB HAR in the panel and dropping it…`);
  // The JS heap of the panel's renderer, sampled over CDP (performance.memory is coarse and slow to update).
  const heapCdp = await panelCdp(session).catch(() => null);
  const usedMB = async (): Promise<number | null> =>
    heapCdp
      ? (((await heapCdp.send('Runtime.getHeapUsage').catch(() => null)) as { usedSize: number } | null)?.usedSize ??
        null)
      : null;
  const heapBefore = await usedMB();
  let heapPeak = heapBefore;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const used = await usedMB();
      if (used !== null) heapPeak = Math.max(heapPeak ?? 0, used);
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  const cdp = opts.profile ? heapCdp : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
  }
  const tracing = opts.trace ? await startTrace(session) : null;
  await session.panelEval(startBigImport, {
    name: 'bench.har',
    targetBytes: megabytes * 1024 * 1024,
    brokenEvery: 1000,
    holdDrop: true,
  });
  // Building the file leaves Blink garbage (its parts); its sweep took 1.9 s of the renderer's thread
  // time in a trace of 2026-12-07, before or inside the import depending on when Blink collected.
  // A full collection now sweeps it before the drop, which waits for a quiet panel (issue 18).
  await heapCdp?.send('HeapProfiler.collectGarbage').catch(() => null);
  await session.panelEval(dropBigHar);
  await session.waitForPanel(bigImportDone, undefined, 600_000);
  const r: BigImportReport = (await session.panelEval(bigImportReport))!;
  sampling = false;
  await sampler;
  const rawProfile = cdp ? (await cdp.send('Profiler.stop')).profile : undefined;
  if (rawProfile && opts.profileFile) await writeFile(opts.profileFile, JSON.stringify(rawProfile));
  const spots = rawProfile ? hotSpots(rawProfile, 25) : undefined;
  let causes: LongTaskSummary | null | undefined;
  if (tracing && opts.trace) {
    await tracing.stop(opts.trace);
    causes = await longTasksOfFile(opts.trace, session.extensionOrigin);
    log(`import: trace written to ${opts.trace}`);
  }
  // After the profile: the forced collection is the bench's, not the import's.
  await heapCdp?.send('HeapProfiler.collectGarbage').catch(() => null);
  const heapEnd = await usedMB();
  const failed = await session.panelEval(
    () => document.querySelector('[data-testid="banner"][role="alert"] .banner-text')?.textContent ?? null,
  );
  if (failed) throw new Error(`the import failed: ${failed}`);
  if (r.importMs === null) throw new Error('the import did not end');
  const longest = r.longTasks !== null && r.longTasks > 0 ? r.longestLongTaskMs! : Math.min(r.probeMaxGapMs, 50);
  const figures: ImportFigures = {
    ...(spots ? { hotSpots: spots } : {}),
    ...(causes !== undefined ? { longTaskCauses: causes } : {}),
    importLongestTaskMs: round(longest, 1),
    detail: {
      fileMB: round(r.size / 1e6, 1),
      entries: r.entries,
      skipped: r.broken,
      importMs: Math.round(r.importMs),
      megabytesPerSecond: round(r.size / 1e6 / (r.importMs / 1000), 1),
      longTasks: r.longTasks,
      longestLongTaskMs: r.longestLongTaskMs === null ? null : round(r.longestLongTaskMs, 1),
      longestTasks: r.longestTasks,
      probeMaxGapMs: round(r.probeMaxGapMs, 1),
      heapBeforeMB: heapBefore === null ? null : Math.round(heapBefore / 1e6),
      heapPeakMB: heapPeak === null ? null : Math.round(heapPeak / 1e6),
      heapEndMB: heapEnd === null ? null : Math.round(heapEnd / 1e6),
      progressUpdates: r.progressValues.length,
      runner: r.runner,
    },
  };
  log(
    `import: ${figures.detail.fileMB} MB, ${r.entries} entries in ${figures.detail.importMs} ms (parsed in the ${r.runner}); longest task ${figures.importLongestTaskMs} ms (${r.longTasks ?? 'n/a'} long tasks); heap after ${figures.detail.heapEndMB ?? 'n/a'} MB`,
  );
  await session.panelEval(() => document.querySelector<HTMLElement>('[data-testid="close-import"]')?.click());
  return figures;
}
