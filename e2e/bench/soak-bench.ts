// Soak (issue 19): the real panel open in Chromium, a burst of failures (10,500 by default: past the
// 10,000-record cap), then a steady rate for `seconds`, measured from the end of the burst. Every 10 s
// the worker's heap is read after a forced GC (issue 19's method; the panel's as it is), the worker's own counters taken (no walk
// of the records) and a read of one row (the tab's meta) is timed. The bench does nothing else to the
// store inside the timed window: the paged read of the tab's 10,000 record keys (as a worker start
// reads them) runs once, after the window, and its slow commits are listed apart (in session 18, 16
// of 17 slow commits overlapped the bench's own paged reads, which covered 124 s of the 150 s). Each
// forced GC's window is logged, as are the one-row reads' windows and the worker's event-loop stalls,
// so each slow commit can be set against what overlapped it; a wait across a forced GC counts (an
// outside judge sampling as the issue says sees it too). With gcEverySample false, forced GCs run at
// two moments only, the start of the last third and the end (store8-29's schedule). Figures:
// - heap growth of the worker and the panel over the last third of the run (after forced GCs);
// - the longest storage stall of the run past the cap (from t = 0; the burst's peaks are logged apart):
//   the longest commit, the longest a change waited to be committed, and the slowest sampled read,
//   the waits across the forced GCs included (soak-stall.ts);
// - after the run, the worker is stopped mid-traffic: requests made vs held + counted as dropped;
// - a `status:5xx` filter typed into the panel: ms from the last key to the settled result.
import type { PanelSession } from '../harness/index';
import { startTraffic, trafficState, type TrafficPlan, type TrafficState } from '../harness/traffic';
import { panelCdp, workerCdp, type Cdp } from './cdp';
import { keystrokeResults, typeKeys } from './panel-bench';
import { round } from './stats';
import type { CommitPhases, PagedRead } from '../../src/platform/capture-db';
import { writeFile } from 'node:fs/promises';
import { hotSpots, selfTimeInWindows, type HotSpot, type TimedCpuProfile } from './profile';
import { soakStall, type StallFigures } from './soak-stall';
import { gcTimelines, type BenchStep, type GcTimeline, type TracedCommit } from './soak-gc-timeline';
import { LAG_LOG_ENTRIES, LAG_LOG_MS } from '../../src/background/persist';

export interface SoakOptions {
  seconds: number;
  burst: number;
  ratePerSecond: number;
  maxBodyBytes: number;
  sampleEveryMs: number;
  /** Skip the paged read of the tab's 10,000 record rows after the window (the one-row reads stay). */
  noKeysRead?: boolean;
  /**
   * Force a GC of the worker before every sample (issue 19's method: heaps "every 10 s after a forced
   * GC"; the default in run.ts since soak30), not only at the start of the last third and at the end.
   */
  gcEverySample?: boolean;
  /** The persister's write-queue bound (DEFAULT_PERSIST_OPTIONS.maxQueuedRecords), for the report. */
  maxQueuedRecords: number;
  refusedUrl: string;
  demoUrl: string;
  log?: (s: string) => void;
  /**
   * A CPU profile of the worker over the timed window (CDP Profiler, 1 ms sampling), summarized as
   * the self time inside each stall of its event loop (detail.stallProfile); the raw profile is written
   * to this file (.cpuprofile, loads in DevTools).
   */
  profileOut?: string;
  /**
   * After the window (traffic still running, before the stop): two more forced GCs of the worker, timed,
   * then a heap snapshot of it written to this file (.heapsnapshot, loads in DevTools): what the worker
   * holds at the cap. It delays the stop by the snapshot's time, so it is for a run of its own.
   */
  heapSnapshotOut?: string;
}

export interface SoakFigures {
  workerHeapGrowthPct: number | null;
  panelHeapGrowthPct: number | null;
  longestStallMs: number;
  lostAfterStop: number;
  soakFilterMs: number | null;
  detail: {
    seconds: number;
    requestsMade: number;
    pastCapAtS: number | null;
    samples: Array<{
      t: number;
      workerHeapMB: number;
      panelHeapMB: number | null;
      /** The worker's heap was read after a forced GC (every sample by default; else the start of the last third and the end); else as it was. The panel's is always as it was. */
      afterGc: boolean;
      held: number;
      dropped: number;
      /** A read of the tab's one meta row in a transaction of its own: how long a read waits behind the writes. */
      pointReadMs: number;
      /** How late a 0 ms timer ran in the worker: its own event-loop backlog, which every commit's time includes. */
      workerLoopMs: number;
      /** Records waiting in the write queue at the sample. */
      queued: number;
    }>;
    /** persistStats() of the run past the cap (peaks from t = 0); burstPersist: at t = 0, the burst's peaks. */
    persist: Record<string, number>;
    burstPersist: Record<string, unknown>;
    /** Commits over 1 s in the timed window, each with what overlapped it. */
    slowCommits: SlowCommit[];
    /**
     * Commits in the timed window whose oldest change or body waited over 600 ms (the persister's
     * lagLog), each with what overlapped the wait: where a longestStallMs made of a lag came from.
     */
    slowWaits: SlowWait[];
    /** Around each forced GC of the worker: commits, long waits, the bench's calls, loop stalls (soak-gc-timeline.ts). */
    gcTimelines: GcTimeline[];
    attribution: Record<string, unknown>;
    /**
     * After the window, with traffic still running: the paged read of the tab's record keys (null when
     * skipped) and every commit over 1 s from the window's end to the read's end (the read's own).
     */
    afterRun: { read: PagedRead | null; readAtS: number; slowCommits: SlowCommit[] };
    /** The restarted worker's read of the whole store (after the stop; no commit runs meanwhile). */
    restartLoad: PagedRead | null;
    maxReadMs: number;
    /**
     * The parts of longestStallMs: the longest commit (one transaction), the longest a change waited
     * for its record row and a body for its body row, in the window; the slowest read: a one-row read in the window, a page of the
     * read after it, a page of the restarted worker's read.
     */
    stall: { commitMs: number; lagMs: number; bodyLagMs: number; readMs: number } & StallFigures;
    /**
     * The write queue: most records ever waiting at once, changes refused because it was full, and
     * requests that waited in it past the re-send window less 10 s ("write queue too slow"); both
     * counted as dropped if the worker stops before they are written.
     */
    writeQueue: { max: number; limit: number; refused: number; tooSlow: number };
    /** stoppedAtRequest: how many requests the page had made when the worker was stopped (of `made`). */
    stop: {
      made: number;
      held: number;
      droppedRecords: number;
      seen: number;
      stoppedAtRequest: number;
      /** Which requests went missing across the stop (to find an uncounted loss). */
      missing: MissingAfterStop;
    };
    /** keys: each key's ms to its first paint and to the settled result (the last key's is settledMs). */
    filter: {
      query: string;
      settledMs: number | null;
      counts: string;
      expected5xx: number;
      keys?: Array<{ key: string; ms: number; settledMs: number }>;
    } | null;
    /** What IndexedDB holds at the end of the run, and what it costs on disk (navigator.storage.estimate). */
    disk: DiskFigures | null;
    /** With profileOut: what the worker ran during its event-loop stalls (self time per function, ms). */
    stallProfile?: ReturnType<typeof selfTimeInWindows> & { file: string; samples: number };
    /** With profileOut: the panel's CPU profile while the filter was typed (hot spots by self time). */
    filterProfile?: { file: string; hotSpots: HotSpot[] };
  };
}

interface Counts {
  held: number;
  seen: number;
  droppedRecords: number;
  pending: number;
  settled: boolean;
  fivexx: number;
  queued: number;
}

interface DiskFigures {
  usageBytes: number;
  indexedDbBytes: number | null;
  records: number;
  bodies: number;
  bodyChars: number;
  /** Median JSON length of a record row (bodies stripped). */
  medianRecordJson: number;
  /** (IndexedDB bytes - body characters) / records: an upper bound per record when bodies are stored 1 byte/char uncompressed. */
  bytesPerRecordUpper: number | null;
}

/** Evaluated in the background: the tab's soak requests by number (n of /api/soak/<n>), and the refused-URL ones. */
function soakRequestsIn(tabId: number): { held: Array<[number, boolean]>; otherUrls: number } {
  const debug = (globalThis as any).faultlineDebug;
  const committed = new Set<string>(debug.committed(tabId).map((r: { id: string }) => r.id));
  const held: Array<[number, boolean]> = [];
  let otherUrls = 0;
  for (const r of debug.records(tabId)) {
    if (r.kind !== 'request') continue;
    const n = /\/api\/soak\/(\d+)/.exec(r.exchange.url)?.[1];
    if (n === undefined) otherUrls++;
    else held.push([Number(n), committed.has(r.id)]);
  }
  return { held, otherUrls };
}

interface MissingAfterStop {
  /** Soak requests held at the stop, newer than the oldest held after it, and not held after it: [n, row committed at the stop]. */
  numbered: Array<[number, boolean]>;
  /** Numbered requests in that range held neither at the stop nor after it. */
  neither: number[];
  /** Requests to other URLs (the refused URL, the page's own) held at the stop and after it. */
  otherUrls: { atStop: number; after: number };
}

function missingAfterStop(
  atStop: ReturnType<typeof soakRequestsIn>,
  after: ReturnType<typeof soakRequestsIn>,
  burst: number,
): MissingAfterStop {
  // After the burst, n % 20 === 4 goes to the refused URL, which carries no number (harness/traffic.ts).
  const numberedUrl = (n: number) => n < burst || n % 20 !== 4;
  const heldAfter = new Set(after.held.map(([n]) => n));
  const oldestAfter = Math.min(...heldAfter);
  const numbered = atStop.held.filter(([n]) => n > oldestAfter && !heldAfter.has(n)).sort((a, b) => a[0] - b[0]);
  const heldAtStop = new Set(atStop.held.map(([n]) => n));
  const newest = Math.max(...heldAfter, ...heldAtStop);
  const neither: number[] = [];
  for (let n = oldestAfter + 1; n <= newest && neither.length < 50; n++)
    if (numberedUrl(n) && !heldAfter.has(n) && !heldAtStop.has(n)) neither.push(n);
  return {
    numbered: numbered.slice(0, 50),
    neither,
    otherUrls: { atStop: atStop.otherUrls, after: after.otherUrls },
  };
}

async function diskIn(tabId: number): Promise<DiskFigures> {
  const estimate = (await navigator.storage.estimate()) as StorageEstimate & { usageDetails?: { indexedDB?: number } };
  const records = (globalThis as any).faultlineDebug.records(tabId).filter((r: any) => r.kind === 'request');
  let bodies = 0;
  let bodyChars = 0;
  const sizes: number[] = [];
  for (const r of records) {
    const body = (r.exchange.body?.length ?? 0) + (r.exchange.requestBody?.length ?? 0);
    if (body) {
      bodies++;
      bodyChars += body;
    }
    const exchange = { ...r.exchange };
    delete exchange.body;
    delete exchange.requestBody;
    sizes.push(JSON.stringify({ ...r, exchange }).length);
  }
  sizes.sort((a, b) => a - b);
  const idb = estimate.usageDetails?.indexedDB ?? null;
  return {
    usageBytes: estimate.usage ?? 0,
    indexedDbBytes: idb,
    records: records.length,
    bodies,
    bodyChars,
    medianRecordJson: sizes[sizes.length >> 1] ?? 0,
    bytesPerRecordUpper: idb === null || !records.length ? null : Math.round((idb - bodyChars) / records.length),
  };
}

interface Counters {
  seen: number;
  droppedRecords: number;
  /** Records held, navigation markers included. */
  records: number;
  queued: number;
}

/** Evaluated in the background: the tab's own counters, read without walking its 10,000 records (the timed window's sample). */
function countersIn(tabId: number): Counters | null {
  const debug = (globalThis as any).faultlineDebug;
  return debug?.ready ? debug.counters(tabId) : null;
}

function countsIn(tabId: number): Counts | null {
  const debug = (globalThis as any).faultlineDebug;
  if (!debug?.ready) return null;
  const s = debug.stats(tabId);
  if (!s) return null;
  // Counted in the worker: a JSON copy of 10,000 records here took 45-102 s of the worker's time under load (store5).
  const { requests, fivexx } = debug.counts(tabId);
  return {
    held: requests + s.pending,
    seen: s.seen,
    droppedRecords: s.droppedRecords,
    pending: s.pending,
    settled: debug.settled(),
    fivexx,
    queued: debug.persistStats().queued,
  };
}

/**
 * Evaluated in the background: starts a read of the tab's 10,000 record keys through the paged read
 * a worker start uses (one transaction a page; capture-db's readTab). It can outlast one
 * backgroundEval under load (each page may wait for a commit), so it runs on and is polled.
 */
function startPagedRead(tabId: number): boolean {
  const g = globalThis as any;
  g.__soakRead = null;
  void g.faultlineDebug.readStoredTab('records', tabId, true).then(
    (read: unknown) => (g.__soakRead = read),
    (error: Error) => (g.__soakRead = { error: String(error) }),
  );
  return true;
}

function pagedReadResult(): PagedRead | { error: string } | null {
  return (globalThis as any).__soakRead ?? null;
}

async function timedRead(session: PanelSession, tabId: number): Promise<PagedRead> {
  await session.backgroundEval(startPagedRead, tabId);
  const deadline = Date.now() + 180_000;
  for (;;) {
    const read = await session.backgroundEval(pagedReadResult);
    if (read && 'error' in read) throw new Error(`paged read failed: ${read.error}`);
    if (read) return read;
    if (Date.now() > deadline) throw new Error('the paged read did not end within 180 s');
    await sleep(250);
  }
}

/** Evaluated in the background: ms to read one row (the tab's meta) in a transaction of its own. */
async function timedPointRead(tabId: number): Promise<number> {
  const t0 = performance.now();
  const db: IDBDatabase = await new Promise((resolve, reject) => {
    const open = indexedDB.open('faultline-capture');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  await new Promise<void>((resolve, reject) => {
    const request = db.transaction('meta').objectStore('meta').get(tabId);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
  db.close();
  return performance.now() - t0;
}

async function heapAfterGc(cdp: Cdp): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  return heapNow(cdp);
}

/** The heap as it is (no GC: a forced one stops the worker for a while, which the commit timing would include). */
async function heapNow(cdp: Cdp): Promise<number> {
  return (await cdp.send<{ usedSize: number }>('Runtime.getHeapUsage')).usedSize;
}

async function workerHeapSnapshot(worker: Cdp, file: string, log: (s: string) => void): Promise<void> {
  for (let i = 0; i < 2; i++) {
    const t = Date.now();
    const heap = await heapAfterGc(worker);
    log(`soak: forced GC of the worker ${Date.now() - t} ms, heap after ${mb(heap)} MB`);
  }
  if (!worker.on) throw new Error('the worker channel has no events');
  const chunks: string[] = [];
  worker.on('HeapProfiler.addHeapSnapshotChunk', (p: { chunk: string }) => chunks.push(p.chunk));
  const t = Date.now();
  await worker.send('HeapProfiler.enable');
  await worker.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await writeFile(file, chunks.join(''));
  log(`soak: worker heap snapshot in ${Date.now() - t} ms → ${file}`);
}

/**
 * Evaluated in the background: a 100 ms interval that logs each tick more than 200 ms late (the
 * worker's event loop could not run meanwhile: its own work, a GC, CPU starvation), as [end epoch ms, late ms].
 */
function startLoopMonitor(): boolean {
  const g = globalThis as any;
  if (g.__soakLoop) clearInterval(g.__soakLoop.timer);
  const monitor = { stalls: [] as Array<[number, number]>, maxLateMs: 0, ticks: 0, timer: 0 as unknown };
  let expected = performance.now() + 100;
  monitor.timer = setInterval(() => {
    const now = performance.now();
    const late = now - expected;
    expected = now + 100;
    monitor.ticks++;
    monitor.maxLateMs = Math.max(monitor.maxLateMs, late);
    if (late > 200 && monitor.stalls.length < 2_000) monitor.stalls.push([Date.now(), Math.round(late)]);
  }, 100);
  g.__soakLoop = monitor;
  return true;
}

function loopMonitorResult(): { stalls: Array<[number, number]>; maxLateMs: number; ticks: number } | null {
  const m = (globalThis as any).__soakLoop;
  if (!m) return null;
  clearInterval(m.timer);
  return { stalls: m.stalls, maxLateMs: Math.round(m.maxLateMs), ticks: m.ticks };
}

type Window = [from: number, to: number];

const overlaps = (a: Window, b: Window) => a[0] < b[1] && b[0] < a[1];

/** Each slow commit against what overlapped it: a forced GC, a read by the bench, a stall of the worker's event loop. */
function attributeSlowCommits(
  log: Array<{ at: number; ms: number; records: number; bodies: number; phases?: CommitPhases }>,
  t0: number,
  windows: { gc: Window[]; read: Window[]; loop: Window[] },
): SlowCommit[] {
  return log.map((c) => {
    const w: Window = [c.at, c.at + c.ms];
    const loopMs = windows.loop
      .filter((l) => overlaps(l, w))
      .reduce((sum, l) => sum + Math.min(l[1], w[1]) - Math.max(l[0], w[0]), 0);
    return {
      t: round((c.at - t0) / 1000, 1),
      ms: Math.round(c.ms),
      records: c.records,
      bodies: c.bodies,
      phases: c.phases
        ? {
            issueMs: Math.round(c.phases.issueMs ?? 0),
            waitMs: Math.round(c.phases.waitMs),
            requestsMs: Math.round(c.phases.requestsMs),
            finishMs: Math.round(c.phases.finishMs),
          }
        : null,
      duringGc: windows.gc.some((g) => overlaps(g, w)),
      duringBenchRead: windows.read.some((r) => overlaps(r, w)),
      workerLoopStalledMs: Math.round(loopMs),
    };
  });
}

interface SlowCommit {
  /** s from the end of the burst (negative: during it). */
  t: number;
  ms: number;
  records: number;
  bodies: number;
  phases: CommitPhases | null;
  duringGc: boolean;
  /** A read the bench made overlapped it (in the window: a one-row read; after it: the paged read of 10,000 keys). */
  duringBenchRead: boolean;
  /** How much of the commit the worker's event loop was stalled (ticks over 200 ms late). */
  workerLoopStalledMs: number;
}

interface SlowWait {
  /** s from the end of the burst, when the commit ended. */
  t: number;
  lagMs: number;
  bodyLagMs: number;
  commitMs: number;
  /** A forced GC of the bench overlapped the wait. */
  duringGc: boolean;
  duringBenchRead: boolean;
  /** How much of the wait the worker's event loop was stalled (ticks over 200 ms late). */
  workerLoopStalledMs: number;
}

/** Places each long wait of the persister's lagLog against the bench's own GCs and reads and the worker's loop stalls. */
function attributeSlowWaits(
  log: Array<{ at: number; lagMs: number; bodyLagMs: number; commitMs: number }>,
  t0: number,
  windows: { gc: Window[]; read: Window[]; loop: Window[] },
): SlowWait[] {
  return log.map((l) => {
    const w: Window = [l.at - Math.max(l.lagMs, l.bodyLagMs), l.at];
    const loopMs = windows.loop
      .filter((x) => overlaps(x, w))
      .reduce((sum, x) => sum + Math.min(x[1], w[1]) - Math.max(x[0], w[0]), 0);
    return {
      t: round((l.at - t0) / 1000, 1),
      lagMs: Math.round(l.lagMs),
      bodyLagMs: Math.round(l.bodyLagMs),
      commitMs: Math.round(l.commitMs),
      duringGc: windows.gc.some((g) => overlaps(g, w)),
      duringBenchRead: windows.read.some((r) => overlaps(r, w)),
      workerLoopStalledMs: Math.round(loopMs),
    };
  });
}

type StallLagLog = Array<{ at: number; lagMs: number; bodyLagMs: number; commitMs: number }>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mb = (bytes: number) => round(bytes / 2 ** 20, 2);

/** Growth from the first sample at or after 2/3 of the run to the last, in %. */
function lastThirdGrowth(samples: Array<{ t: number; value: number | null }>, seconds: number): number | null {
  const tail = samples.filter((s) => s.t >= (seconds * 2) / 3 && s.value !== null);
  if (tail.length < 2) return null;
  const first = tail[0].value!;
  const last = tail.at(-1)!.value!;
  return round(((last - first) / first) * 100, 1);
}

export async function runSoakBench(session: PanelSession, opts: SoakOptions): Promise<SoakFigures> {
  const log = opts.log ?? (() => {});
  await session.waitForPanel(() => document.documentElement.dataset.faultlineReady === 'true', undefined, 30_000);
  const tabs = await session.backgroundEval(
    (origin: string) =>
      ((globalThis as any).faultlineDebug?.tabs?.() ?? []).filter((t: { urls: string[] }) =>
        t.urls.some((u) => u.startsWith(origin)),
      ),
    opts.demoUrl,
  );
  if (tabs.length !== 1) throw new Error(`expected one demo tab, found ${tabs.length}`);
  const tabId = tabs[0].tabId as number;
  const before = (await session.backgroundEval(countsIn, tabId))!;

  // The steady phase runs 30 s past the measured run: the worker is stopped 10 s into that.
  const tailSeconds = 30;
  const plan: TrafficPlan = {
    burst: opts.burst,
    burstConcurrency: 12,
    steady: Math.round((opts.seconds + tailSeconds) * opts.ratePerSecond),
    ratePerSecond: opts.ratePerSecond,
    maxBodyBytes: opts.maxBodyBytes,
    refusedUrl: opts.refusedUrl,
  };
  const worker = await workerCdp(session);
  const panel = await panelCdp(session);
  const samples: SoakFigures['detail']['samples'] = [];
  let pastCapAtS: number | null = null;
  let state: TrafficState | null = null;
  try {
    await session.pageEval(startTraffic, plan);
    log(
      `soak: ${opts.burst} failures, then ${opts.ratePerSecond}/s for ${opts.seconds} s (+${tailSeconds} s with a worker stop)…`,
    );
    // The measured run starts when the burst has filled the store (past the cap when burst ≥ 10,000).
    for (;;) {
      const s = await session.pageEval(trafficState);
      if (s && s.phase !== 'burst') break;
      await sleep(2_000);
    }
    const t0 = Date.now();
    // The run's peaks are its own: the burst's (before t = 0) are reported apart.
    const burstPersist = (await session.backgroundEval(() =>
      (globalThis as any).faultlineDebug.resetPersistPeaks(),
    )) as Record<string, unknown>;
    log(`soak: burst done (t = 0 at ${t0} ms epoch), ${JSON.stringify(await session.backgroundEval(countsIn, tabId))}`);
    log(
      `soak: the burst's peaks: longest commit ${round(Number(burstPersist.maxCommitMs), 0)} ms, lag ${round(Number(burstPersist.maxLagMs), 0)} ms (bodies ${round(Number(burstPersist.maxBodyLagMs ?? 0), 0)} ms), ${burstPersist.bodyCharsWritten} body characters written (${burstPersist.bodiesNeverWritten ?? 'n/a'} bodies dropped by the budget before their write, ${burstPersist.bodiesDroppedLate ?? 'n/a'} dropped as too late to write in 1 s), ${burstPersist.slowCommits} commits over 1 s, at most ${burstPersist.maxQueued} queued`,
    );
    await session.backgroundEval(startLoopMonitor);
    let profileEpoch = 0;
    if (opts.profileOut) {
      await worker.send('Profiler.enable');
      await worker.send('Profiler.setSamplingInterval', { interval: 1_000 });
      const before = Date.now();
      await worker.send('Profiler.start');
      profileEpoch = (before + Date.now()) / 2;
    }
    const gcWindows: Window[] = [];
    /** The one-row reads, the only reads the bench makes in the window. */
    const readWindows: Window[] = [];
    const gcHeap: Array<{ t: number; worker: number; panel: number | null }> = [];
    /** Every call the sample loop makes, timed: what of the bench's own ran around a forced GC. */
    const steps: BenchStep[] = [];
    const step = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
      const from = Date.now();
      try {
        return await run();
      } finally {
        steps.push([name, from, Date.now()]);
      }
    };
    const gcFrom = (opts.seconds * 2) / 3;
    for (let next = 0; next <= opts.seconds * 1000; next += opts.sampleEveryMs) {
      const wait = t0 + next - Date.now();
      // A sample that took longer than the interval (a loaded machine) skips the ones it overran.
      if (wait < -opts.sampleEveryMs / 2) continue;
      if (wait > 0) await sleep(wait);
      const t = round((Date.now() - t0) / 1000, 1);
      // Forced GCs before every sample (issue 19's method), or only at the start of the last third and
      // at the end (the heap growth figure's two); logged as windows.
      const isLast = next + opts.sampleEveryMs > opts.seconds * 1000;
      const gcsInLastThird = gcHeap.filter((g) => g.t >= gcFrom).length;
      const forceGc =
        opts.gcEverySample === true || (t >= gcFrom && gcsInLastThird === 0) || (isLast && gcsInLastThird === 1);
      let workerHeap: number;
      // Only the worker's heap is collected (its growth is the budgeted figure): the panel's forced GC
      // took most of a 48 s sample under load 19 (the panel's heap is read as it is, every sample).
      if (forceGc) {
        const gcStart = Date.now();
        workerHeap = await heapAfterGc(worker);
        gcWindows.push([gcStart, Date.now()]);
        steps.push(['forced GC', gcStart, Date.now()]);
        gcHeap.push({ t, worker: workerHeap, panel: null });
      } else {
        workerHeap = await step('worker heap', () => heapNow(worker));
      }
      const panelHeap = await step('panel heap', () => heapNow(panel).catch(() => null));
      const counts = (await step('counters', () => session.backgroundEval(countersIn, tabId)))!;
      const workerLoopMs = await step('loop probe', () =>
        session.backgroundEval(async () => {
          const t = performance.now();
          await new Promise((resolve) => setTimeout(resolve, 0));
          return performance.now() - t;
        }),
      );
      const readStart = Date.now();
      const pointReadMs = await step('one-row read', () => session.backgroundEval(timedPointRead, tabId));
      readWindows.push([readStart, Date.now()]);
      if (pastCapAtS === null && counts.droppedRecords > 0) pastCapAtS = t;
      samples.push({
        t,
        workerHeapMB: mb(workerHeap),
        panelHeapMB: panelHeap === null ? null : mb(panelHeap),
        afterGc: forceGc,
        // By the counters: what the tab saw less what it dropped (the settled count is checked after the stop).
        held: counts.seen - counts.droppedRecords,
        dropped: counts.droppedRecords,
        pointReadMs: round(pointReadMs, 1),
        workerLoopMs: round(workerLoopMs, 1),
        queued: counts.queued,
      });
      log(
        `  t=${t}s worker ${mb(workerHeap)} MB, panel ${panelHeap === null ? '?' : mb(panelHeap)} MB${forceGc ? ` (after a forced GC, ${gcWindows.at(-1)![1] - gcWindows.at(-1)![0]} ms)` : ''}, seen ${counts.seen}, dropped ${counts.droppedRecords}, one-row read ${round(pointReadMs, 0)} ms, worker loop ${round(workerLoopMs, 0)} ms, write queue ${counts.queued}`,
      );
    }
    const tEnd = Date.now();
    if (opts.heapSnapshotOut) await workerHeapSnapshot(worker, opts.heapSnapshotOut, log);
    const cpuProfile = opts.profileOut
      ? (await worker.send<{ profile: TimedCpuProfile }>('Profiler.stop')).profile
      : null;
    const loop = await session.backgroundEval(loopMonitorResult);
    const persist = (await session.backgroundEval(() => (globalThis as any).faultlineDebug.persistStats())) as Record<
      string,
      number
    >;
    // A loaded machine can overrun the last sample: the end's forced GC then runs here, after the
    // run's storage figures were taken.
    if (gcHeap.filter((g) => g.t >= gcFrom).length < 2) {
      const t = round((Date.now() - t0) / 1000, 1);
      const gcStart = Date.now();
      const workerHeap = await heapAfterGc(worker);
      gcWindows.push([gcStart, Date.now()]);
      gcHeap.push({ t, worker: workerHeap, panel: null });
      log(`  t=${t}s worker ${mb(workerHeap)} MB (after a forced GC, ${Date.now() - gcStart} ms; after the run)`);
    }
    const loopWindows: Window[] = (loop?.stalls ?? []).map(([end, late]) => [end - late, end]);
    type CommitLog = Parameters<typeof attributeSlowCommits>[0];
    const commitLog = (stats: unknown): CommitLog => (stats as { slowCommitLog?: CommitLog }).slowCommitLog ?? [];
    // Every commit over 1 s that started in the window (the last 100 the persister keeps).
    const slowCommits = attributeSlowCommits(
      commitLog(persist).filter((c) => c.at >= t0 && c.at < tEnd),
      t0,
      { gc: gcWindows, read: readWindows, loop: loopWindows },
    );
    const attribution = {
      slowCommitsInRun: slowCommits.length,
      duringGc: slowCommits.filter((c) => c.duringGc).length,
      duringBenchRead: slowCommits.filter((c) => c.duringBenchRead).length,
      withWorkerLoopStall: slowCommits.filter((c) => c.workerLoopStalledMs >= c.ms / 2).length,
      neither: slowCommits.filter((c) => !c.duringGc && !c.duringBenchRead && c.workerLoopStalledMs < c.ms / 2).length,
      workerLoop: {
        maxLateMs: loop?.maxLateMs ?? null,
        stallsOver200Ms: loop?.stalls.length ?? null,
        stalledMs: loopWindows.reduce((sum, w) => sum + w[1] - w[0], 0),
      },
      gcWindowsS: gcWindows.map((w) => [round((w[0] - t0) / 1000, 1), round((w[1] - w[0]) / 1000, 2)]),
      readCoveredS: round(readWindows.reduce((sum, w) => sum + w[1] - w[0], 0) / 1000, 1),
    };
    log(`soak: slow commits (over 1 s) in the run: ${JSON.stringify(attribution)}`);
    for (const c of slowCommits) log(`  slow commit ${JSON.stringify(c)}`);
    type LagLog = Parameters<typeof attributeSlowWaits>[0];
    const slowWaits = attributeSlowWaits(
      ((persist as unknown as { lagLog?: LagLog }).lagLog ?? []).filter((l) => l.at >= t0 && l.at <= tEnd),
      t0,
      { gc: gcWindows, read: readWindows, loop: loopWindows },
    );
    let stallProfile: SoakFigures['detail']['stallProfile'];
    if (cpuProfile && opts.profileOut) {
      await writeFile(opts.profileOut, JSON.stringify(cpuProfile));
      // The loop monitor sees a stall when its tick comes late: the stall began a tick's period (100 ms) before.
      const windows = loopWindows.map(([from, to]): Window => [from - 100, to]);
      stallProfile = {
        file: opts.profileOut,
        samples: cpuProfile.samples.length,
        ...selfTimeInWindows(cpuProfile, profileEpoch, windows, t0),
      };
      log(
        `soak: the worker during its ${windows.length} event-loop stalls (self ms): ${JSON.stringify(stallProfile.overall.slice(0, 12))}`,
      );
      for (const st of stallProfile.stacks.slice(0, 12)) log(`  ${st.selfMs} ms  ${st.stack}`);
    }
    log(`soak: commits whose oldest change waited over 600 ms in the run: ${slowWaits.length}`);
    for (const w of slowWaits) log(`  long wait ${JSON.stringify(w)}`);
    // Around each forced GC: the commits (the persister's trace), the long waits, the bench's own calls,
    // the worker's loop stalls and, with --profile, what the worker ran (100 ms bins).
    const commitTrace = ((await session.backgroundEval(
      (since: number) => (globalThis as any).faultlineDebug.commitTrace?.(since) ?? [],
      t0 - 5_000,
    )) ?? []) as TracedCommit[];
    const timelines = gcTimelines({
      gcWindows,
      commits: commitTrace,
      waits: ((persist as unknown as { lagLog?: StallLagLog }).lagLog ?? []).filter((l) => l.at >= t0),
      steps,
      loopStalls: loopWindows,
    });
    for (const tl of timelines) {
      if (cpuProfile) {
        const bins: Window[] = [];
        for (let from = tl.gcStart - 1_000; from < tl.gcStart + tl.gcMs + 3_000; from += 100)
          bins.push([from, from + 100]);
        for (const bin of selfTimeInWindows(cpuProfile, profileEpoch, bins, t0, 3).stalls) {
          if (bin.sampledMs - bin.idleMs < 30) continue;
          const fromMs = Math.round(bin.t * 1000 + t0 - tl.gcStart);
          tl.events.push({
            fromMs,
            toMs: fromMs + 100,
            what: `worker ran ${bin.sampledMs - bin.idleMs} ms: ${bin.top.map((f) => `${f.fn} ${f.selfMs}`).join(', ')}`,
          });
        }
        tl.events.sort((a, b) => a.fromMs - b.fromMs || a.toMs - b.toMs);
      }
      log(
        `soak: around the forced GC at t=${round((tl.gcStart - t0) / 1000, 1)}s (${tl.gcMs} ms; longest wait across it ${tl.longestWaitMs} ms, ${tl.longestWaitGcMs} ms of it in the GC):`,
      );
      for (const e of tl.events) log(`    ${e.fromMs}..${e.toMs} ms  ${e.what}`);
    }

    // After the window (traffic goes on): the paged read of the tab's record keys a worker start
    // makes, timed, and the commits over 1 s meanwhile, listed with it rather than in the run's.
    const afterReadStart = Date.now();
    const afterRead = opts.noKeysRead ? null : await timedRead(session, tabId);
    const afterReadWindow: Window = [afterReadStart, Date.now()];
    const afterPersist = await session.backgroundEval(() => (globalThis as any).faultlineDebug.persistStats());
    const afterRun = {
      read: afterRead,
      readAtS: round((afterReadStart - t0) / 1000, 1),
      slowCommits: attributeSlowCommits(
        commitLog(afterPersist).filter((c) => c.at >= tEnd),
        t0,
        { gc: [], read: afterRead ? [afterReadWindow] : [], loop: [] },
      ),
    };
    log(
      `soak: after the window: ${afterRead ? `read of the tab's keys at ${afterRun.readAtS}s, ${afterRead.rows} rows in ${afterRead.pages} pages, ${round(afterRead.totalMs, 0)} ms, slowest page ${round(afterRead.longestPageMs, 0)} ms` : 'no read (--soak-no-keys-read)'}; commits over 1 s since the window: ${afterRun.slowCommits.length}`,
    );
    for (const c of afterRun.slowCommits) log(`  slow commit after the window ${JSON.stringify(c)}`);
    const disk = await session.backgroundEval(diskIn, tabId).catch(() => null);
    if (disk) log(`soak: disk ${JSON.stringify(disk)}`);

    // The filter, typed while traffic continues.
    let filter: SoakFigures['detail']['filter'] = null;
    let filterProfile: SoakFigures['detail']['filterProfile'];
    try {
      const query = 'status:5xx';
      if (opts.profileOut) {
        await panel.send('Profiler.enable');
        await panel.send('Profiler.setSamplingInterval', { interval: 250 });
        await panel.send('Profiler.start');
      }
      const keys = keystrokeResults(await session.panelEval(typeKeys, { keys: [...query] }));
      if (opts.profileOut) {
        const { profile } = await panel.send<{ profile: TimedCpuProfile }>('Profiler.stop');
        const file = opts.profileOut.replace(/(\.worker)?\.cpuprofile$/, '.panel-filter.cpuprofile');
        await writeFile(file, JSON.stringify(profile));
        filterProfile = { file, hotSpots: hotSpots(profile, 20) };
        log(
          `soak: the panel while the filter was typed (self %): ${JSON.stringify(filterProfile.hotSpots.slice(0, 12))}`,
        );
      }
      const expected5xx = (await session.backgroundEval(countsIn, tabId))!.fivexx;
      const last = keys.at(-1)!;
      filter = {
        query,
        settledMs: Number.isFinite(last.completeMs) ? round(last.completeMs, 1) : null,
        counts: last.counts,
        expected5xx,
        keys: keys.map((k) => ({ key: k.key, ms: round(k.ms, 1), settledMs: round(k.completeMs, 1) })),
      };
      log(
        `soak: filter keys (ms to paint / settled): ${keys.map((k) => `${k.key} ${round(k.ms, 0)}/${round(k.completeMs, 0)}`).join(', ')}`,
      );
      await session.panelEval(typeKeys, { keys: [...'\b'.repeat(query.length)] });
    } catch (error) {
      log(`soak: filter not measured: ${(error as Error).message.split('\n')[0]}`);
    }

    // Mid-traffic: 10 s into the tail (by the page's count), stop the worker; let the traffic finish, compare.
    const stopAt = plan.burst + Math.round((opts.seconds + 10) * opts.ratePerSecond);
    for (;;) {
      const s = await session.pageEval(trafficState);
      if (!s || s.made >= stopAt || s.phase === 'done') break;
      await sleep(500);
    }
    const stoppedAtRequest = (await session.pageEval(trafficState))?.made ?? 0;
    const heldAtStop = await session.backgroundEval(soakRequestsIn, tabId);
    await session.stopBackground();
    for (;;) {
      state = await session.pageEval(trafficState);
      if (state && state.phase === 'done' && state.inFlight === 0) break;
      await sleep(1_000);
    }
    let previous = '';
    let after: Counts | null = null;
    for (let i = 0; i < 180; i++) {
      after = await session.backgroundEval(countsIn, tabId);
      const key = JSON.stringify(after);
      if (after && after.settled && after.pending === 0 && key === previous) break;
      previous = key;
      await sleep(1_000);
    }
    const made = before.seen + state.made;
    const held = after?.held ?? 0;
    const droppedRecords = after?.droppedRecords ?? 0;
    const lost = made - held - droppedRecords;
    log(`soak: made ${made}, held ${held} + dropped ${droppedRecords} → lost ${lost}`);
    const missing = missingAfterStop(heldAtStop, await session.backgroundEval(soakRequestsIn, tabId), plan.burst);
    if (lost !== 0) log(`soak: requests held at the stop and missing after it: ${JSON.stringify(missing)}`);
    const restartLoad = ((await session.backgroundEval(() => (globalThis as any).faultlineDebug.persistStats().load)) ??
      null) as PagedRead | null;
    if (restartLoad)
      log(
        `soak: the restarted worker read ${restartLoad.rows} rows in ${restartLoad.pages} pages, ${round(restartLoad.totalMs, 0)} ms, slowest page ${round(restartLoad.longestPageMs, 0)} ms ${JSON.stringify(restartLoad.slowestPage ?? null)}; the worker's event loop ran up to ${Math.max(0, ...(restartLoad.pageLateMs ?? []))} ms late during a page`,
      );
    const maxReadMs = Math.max(
      ...samples.map((s) => s.pointReadMs),
      afterRead?.longestPageMs ?? 0,
      restartLoad?.longestPageMs ?? 0,
    );
    // A body written after its row (store13's body lane) waited as long as its lag says: it counts too.
    // Commits and waits that overlapped the bench's own forced GCs count; the figure without them is kept apart (soak-stall.ts).
    const lagLog = (persist as unknown as { lagLog?: StallLagLog }).lagLog ?? [];
    const stallFigures = soakStall({
      maxCommitMs: persist.maxCommitMs ?? 0,
      maxLagMs: persist.maxLagMs ?? 0,
      maxBodyLagMs: persist.maxBodyLagMs ?? 0,
      lagLog,
      lagLogMs: LAG_LOG_MS,
      lagLogFull: lagLog.length >= LAG_LOG_ENTRIES,
      maxReadMs,
      gcWindows,
    });
    log(`soak: longest stall ${JSON.stringify(stallFigures)}`);
    return {
      workerHeapGrowthPct: lastThirdGrowth(
        gcHeap.map((g) => ({ t: g.t, value: mb(g.worker) })),
        opts.seconds,
      ),
      // Without a forced GC: how much garbage is waiting moves it by tens of MB (not budgeted).
      panelHeapGrowthPct: lastThirdGrowth(
        samples.map((s) => ({ t: s.t, value: s.panelHeapMB })),
        opts.seconds,
      ),
      longestStallMs: round(stallFigures.longestStallMs, 0),
      lostAfterStop: lost,
      soakFilterMs: filter?.settledMs ?? null,
      detail: {
        seconds: opts.seconds,
        requestsMade: made,
        pastCapAtS,
        samples,
        persist,
        burstPersist,
        slowCommits,
        slowWaits,
        gcTimelines: timelines,
        attribution,
        afterRun,
        restartLoad,
        maxReadMs: round(maxReadMs, 1),
        stall: {
          commitMs: round(persist.maxCommitMs ?? 0, 0),
          lagMs: round(persist.maxLagMs ?? 0, 0),
          bodyLagMs: round(persist.maxBodyLagMs ?? 0, 0),
          readMs: round(maxReadMs, 0),
          ...stallFigures,
        },
        writeQueue: {
          max: persist.maxQueued ?? 0,
          limit: opts.maxQueuedRecords,
          refused: persist.queueDropped ?? 0,
          tooSlow: persist.queueTooSlow ?? 0,
        },
        stop: { made, held, droppedRecords, seen: after?.seen ?? 0, stoppedAtRequest, missing },
        filter,
        disk,
        ...(stallProfile ? { stallProfile } : {}),
        ...(filterProfile ? { filterProfile } : {}),
      },
    };
  } finally {
    await worker.detach();
    await panel.detach();
  }
}
