// A large HAR imported into the real panel (issue 18), shared by the e2e test and the bench. The
// file is built inside the panel from repeated parts (nothing large crosses the test driver, and
// nothing is written to disk or the repository), then dropped on the panel like a user's file.
// While it imports, the panel samples the progress bar, the longest tasks (PerformanceObserver
// 'longtask', Chromium only), an event-loop probe and, in Chromium, the JS heap.
// The functions below are evaluated in the panel: self-contained, JSON in and out.

export interface BigHarSpec {
  name: string;
  /** The file's size, at least. */
  targetBytes: number;
  /** Every n-th entry has no response: the reader must skip it and count it. */
  brokenEvery: number;
  /**
   * Build the file, then return without dropping it: `dropBigHar()` drops it later. The bench
   * forces a collection in between, so the garbage of building the file is not swept inside the
   * import's window.
   */
  holdDrop?: boolean;
}

export interface BigImportReport {
  size: number;
  entries: number;
  broken: number;
  /** Requests that are failures by status (4xx/5xx). */
  failingByStatus: number;
  /** From the drop to the progress bar's end (the import's last batch applied). */
  importMs: number | null;
  /** Distinct aria-valuenow values seen on the progress bar, in order. */
  progressValues: number[];
  /** Entry counts the bar's text showed while importing, in order. */
  entryCounts: number[];
  progressbarRole: string | null;
  /** Where the panel parsed and classified the file: 'worker', or 'main-thread' (no Worker, or it failed to start). */
  runner: string | null;
  /** 'longtask' entries over 50 ms: count and longest (null where the browser has no such entry type). */
  longTasks: number | null;
  longestLongTaskMs: number | null;
  /** The longest 'longtask' entries: when (ms after the drop), how long, and the progress bar's value then. */
  longestTasks: Array<{ atMs: number; ms: number; percent: number | null }>;
  /** The longest gap between two turns of a setTimeout(0) chain: an upper bound of the longest task. */
  probeMaxGapMs: number;
  /** Chromium's performance.memory: the JS heap before and at its peak, MB. */
  heapBeforeMB: number | null;
  heapPeakMB: number | null;
  done: boolean;
}

/**
 * Builds the file, starts the samplers, drops the file on the panel. Returns at once (with
 * `holdDrop`, once the file is built: `dropBigHar()` does the rest).
 */
export async function startBigImport(spec: BigHarSpec): Promise<{ size: number; entries: number }> {
  const frame = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
  const statuses = [200, 200, 201, 200, 404, 422, 200, 500, 503, 429, 200, 304];
  const pad = 'x'.repeat(1800);
  const parts: string[] = [
    `{"log":{"version":"1.2","creator":{"name":"faultline-e2e","version":"1"},"pages":[],"entries":[`,
  ];
  let bytes = parts[0].length;
  let entries = 0;
  let broken = 0;
  let failingByStatus = 0;
  while (bytes < spec.targetBytes) {
    const i = entries++;
    const url = `https://api.big.test/v1/items/${i}?page=${i % 97}`;
    let part: string;
    if (i % spec.brokenEvery === spec.brokenEvery - 1) {
      broken++;
      part = `{"startedDateTime":"2026-01-01T00:00:00.000Z","time":3,"request":{"method":"GET","url":"${url}","headers":[]}}`;
    } else {
      const status = statuses[i % statuses.length];
      if (status >= 400) failingByStatus++;
      const body =
        status >= 400
          ? `{\\"error\\":{\\"code\\":\\"e_${status}\\",\\"message\\":\\"Item ${i} failed\\"},\\"request_id\\":\\"req-${i}\\",\\"pad\\":\\"`
          : `{\\"id\\":${i},\\"pad\\":\\"`;
      part =
        `{"startedDateTime":"2026-01-01T00:00:${String(i % 60).padStart(2, '0')}.000Z","time":12,` +
        `"request":{"method":"${i % 5 === 0 ? 'POST' : 'GET'}","url":"${url}","httpVersion":"HTTP/1.1","headers":[{"name":"accept","value":"application/json"}],"queryString":[],"cookies":[],"headersSize":-1,"bodySize":0},` +
        `"response":{"status":${status},"statusText":"","httpVersion":"HTTP/1.1","headers":[{"name":"content-type","value":"application/json"},{"name":"x-request-id","value":"req-${i}"}],"cookies":[],` +
        `"content":{"size":${pad.length + 80},"mimeType":"application/json","text":"${body}` +
        pad +
        `\\"}"},"redirectURL":"","headersSize":-1,"bodySize":-1},"cache":{},"timings":{"send":0,"wait":10,"receive":2}}`;
    }
    parts.push(i === 0 ? part : `,${part}`);
    bytes += part.length + 1;
  }
  parts.push(']}}');
  const file = new File(parts, spec.name, { type: 'application/json' });
  parts.length = 0;
  await frame(); // the building above is one long task of its own: let it end before measuring
  // A File built here sends its bytes to the browser's blob store in tasks of this renderer
  // (seconds of long tasks for 200 MB, and the import's first read waits for them): a user's file
  // from disk has none of that. Wait until the bytes are in and the thread is quiet (no gap over
  // 50 ms for half a second, at most 30 s) before the drop, so the window measures the import.
  await file.slice(file.size - 1).arrayBuffer();
  const drop = (): Promise<{ size: number; entries: number }> => dropWhenQuiet();
  if (spec.holdDrop) {
    (window as unknown as { __bigHarDrop: typeof drop }).__bigHarDrop = drop;
    return { size: file.size, entries };
  }
  return drop();

  async function dropWhenQuiet(): Promise<{ size: number; entries: number }> {
    await new Promise<void>((resolve) => {
      const begun = performance.now();
      let quietSince = begun;
      let previous = begun;
      const check = (): void => {
        const t = performance.now();
        if (t - previous > 50) quietSince = t;
        previous = t;
        if (t - quietSince >= 500 || t - begun > 30_000) resolve();
        else setTimeout(check, 10);
      };
      setTimeout(check, 10);
    });

    const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
    const report: BigImportReport = {
      size: file.size,
      entries,
      broken,
      failingByStatus,
      importMs: null,
      progressValues: [],
      entryCounts: [],
      progressbarRole: null,
      runner: null,
      longTasks: null,
      longestLongTaskMs: null,
      longestTasks: [],
      probeMaxGapMs: 0,
      heapBeforeMB: memory ? memory.usedJSHeapSize / 1e6 : null,
      heapPeakMB: memory ? memory.usedJSHeapSize / 1e6 : null,
      done: false,
    };
    (window as unknown as { __bigImport: BigImportReport }).__bigImport = report;

    const started = performance.now();
    if (PerformanceObserver.supportedEntryTypes?.includes('longtask')) {
      report.longTasks = 0;
      report.longestLongTaskMs = 0;
      new PerformanceObserver((list) => {
        if (report.done) return;
        for (const e of list.getEntries()) {
          report.longTasks!++;
          report.longestLongTaskMs = Math.max(report.longestLongTaskMs!, e.duration);
          const bar = document.querySelector('[data-testid="import-bar"]');
          report.longestTasks.push({
            atMs: Math.round(e.startTime - started),
            ms: Math.round(e.duration),
            percent: bar ? Number(bar.getAttribute('aria-valuenow')) : null,
          });
          report.longestTasks.sort((a, b) => b.ms - a.ms);
          report.longestTasks.length = Math.min(report.longestTasks.length, 8);
        }
      }).observe({ type: 'longtask' });
    }

    let last = started;
    let sawBar = false;
    const tick = (): void => {
      const t = performance.now();
      report.probeMaxGapMs = Math.max(report.probeMaxGapMs, t - last);
      last = t;
      if (memory) report.heapPeakMB = Math.max(report.heapPeakMB!, memory.usedJSHeapSize / 1e6);
      const bar = document.querySelector('[data-testid="import-bar"]');
      if (bar) {
        sawBar = true;
        report.progressbarRole = bar.getAttribute('role');
        report.runner = document.querySelector('[data-testid="import-progress"]')?.getAttribute('data-runner') ?? null;
        const value = Number(bar.getAttribute('aria-valuenow'));
        if (report.progressValues.at(-1) !== value) report.progressValues.push(value);
        const count = Number(
          (document.querySelector('[data-testid="import-entries"]')?.textContent ?? '')
            .replace(/,/g, '')
            .replace(/\D.*$/, ''),
        );
        if (report.entryCounts.at(-1) !== count) report.entryCounts.push(count);
      } else if (sawBar || document.querySelector('[data-testid="banner"][role="alert"]')) {
        report.importMs = t - started;
        report.done = true;
        return;
      }
      if (t - started > 600_000) return;
      setTimeout(tick, 0);
    };
    setTimeout(tick, 0);

    const transfer = new DataTransfer();
    transfer.items.add(file);
    document
      .querySelector('[data-testid="faultline-panel"]')!
      .dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    return { size: file.size, entries };
  }
}

/** Drops the file a `holdDrop` start built, once the panel is quiet. Returns at once after the drop. */
export function dropBigHar(): Promise<{ size: number; entries: number }> {
  return (window as unknown as { __bigHarDrop: () => Promise<{ size: number; entries: number }> }).__bigHarDrop();
}

export function bigImportDone(): boolean {
  return (window as unknown as { __bigImport?: BigImportReport }).__bigImport?.done === true;
}

export function bigImportReport(): BigImportReport | null {
  return (window as unknown as { __bigImport?: BigImportReport }).__bigImport ?? null;
}
