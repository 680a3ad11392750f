// npm run -s bench [-- --json] [--only classify,panel,import,capture,memory,cli,openapi,soak] [--check] [--profile] [--trace file]
//   [--extension <dir>] [--out report.json] [--panel-rounds N] [--capture-runs N] [--capture-requests N] [--capture-overfloor-only] [--capture-firefox-only] [--cli-mb N]
//   [--import-mb 200] [--soak-seconds 150] [--soak-rate 45] [--soak-burst 10500] [--soak-max-body 120000] [--soak-no-keys-read (skip the paged read after the window)] [--soak-gc-last-third]
// Every figure is a ratio or a median measured within one run, so it holds on a noisy 2-core machine.
// A part that cannot run (no browser, a build error, missing code) reports null with a reason.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startDemoServer, type DemoServer } from '../demo/server.mjs';
import { launchSession, type PanelSession } from '../harness/index';
import { profileCaptureBurst, runCaptureBench, type CaptureFigures } from './capture-bench';
import { profileClassify, runClassifyBench, type ClassifyFigures } from './classify-bench';
import {
  chromeExtension,
  disposeExtension,
  firefoxExtension,
  revisionExtensions,
  type BuiltExtension,
} from './extension';
import { runFirefoxCaptureBench, type FirefoxCaptureFigures } from './firefox-capture-bench';
import { runMemoryBench, type MemoryFigures } from './memory-bench';
import { runCliBench, type CliFigures } from './cli-bench';
import { runImportBench, type ImportFigures } from './import-bench';
import { runPanelBench, type PanelFigures } from './panel-bench';
import { runSoakBench, type SoakFigures } from './soak-bench';
import { DEFAULT_PERSIST_OPTIONS } from '../../src/background/persist';
import { failureTemplates } from './records';
import { runOpenapiBench, type OpenapiFigures } from './openapi-bench';
import { round } from './stats';

const PARTS = ['classify', 'panel', 'import', 'capture', 'memory', 'cli', 'openapi', 'soak'] as const;
type Part = (typeof PARTS)[number];

/**
 * The budgets checked by --check. classifyRatio (whole corpus) and captureOverheadRatio (against no
 * extension) are still reported but no longer budgeted: their floors are the browser's and the
 * corpus's, not Faultline's (docs/performance.md, "Budgets restated").
 */
export const BUDGETS = {
  /** classify ÷ JSON.parse on the real-HAR part of the corpus (traffic-shaped: mostly successes). */
  classifyRealHarRatio: 1.25,
  /** Keystroke to the first frame that painted the complete result, 100k rows (issue 18's wording). */
  panelFilterMs100k: 16,
  /** panelFilterMs100k / panelFilterMs10k */
  panelFilterScaling: 1.5,
  /** Panel opened on 100k stored failures: first rows painted, and every row available. */
  panelFirstRowsMs100k: 300,
  panelInitialRenderMs100k: 1000,
  /** HAR import of 200 MB into the panel: the longest task on its main thread (issue 18). */
  importLongestTaskMs: 50,
  /** Page load with Faultline ÷ with the DevTools floor extension (same listeners, bodies read, empty panel). */
  overFloorRatio: 1.05,
  /** Peak memory of `faultline triage` on a 1 GB HAR. */
  cliPeakMemoryMB: 256,
  /** triage bytes/s ÷ JSON.parse bytes/s (200 MB HAR), at least. */
  cliThroughputRatio: 1 / 3,
  openapiLoadMs: 2000,
  openapiMatchUs: 20,
  /** Soak (issue 19): worker heap growth over the last third of the run past the cap, in %. */
  workerHeapGrowthPct: 5,
  longestStallMs: 1000,
  lostAfterStop: 0,
  soakFilterMs: 500,
  /** classify of this tree ÷ the baseline's (--baseline), whole bench corpus: at least as fast. */
  classifyVsBaselineRatio: 1,
} as const;

/** The commit before the inference, catalog and protocol readers (issue 13): --check's default --baseline. */
const DEFAULT_CLASSIFY_BASELINE = 'efc73e9';
/** The commit before issue 14's capture work (the canceled kind, CORS, the body copy): the capture part's "before". */
const DEFAULT_CAPTURE_BASELINE = 'efc73e9';

interface Args {
  json: boolean;
  only: Set<Part>;
  check: boolean;
  profile: boolean;
  /**
   * With the import part: a Chrome trace of the import written here, its long tasks broken down. With
   * the panel part: a trace of the last 100k opening (at `<file>.panel.json` when the import runs too).
   */
  trace?: string;
  extension?: string;
  /**
   * A directory holding src/core, or a git revision: classify is also measured against it. A git
   * revision is also the capture part's "before" (default DEFAULT_CAPTURE_BASELINE).
   */
  baseline?: string;
  /** Also write the JSON report to this file (npm prints its banner on stdout; `npm run -s` hides it). */
  out?: string;
  panelRounds: number;
  captureRuns: number;
  /** Requests in each capture run's burst (default 2,000). */
  captureRequests: number;
  /** Capture: only the pairs overFloorRatio needs (no DevTools-closed pair, no webRequest floor). */
  captureOverFloorOnly: boolean;
  /** Only the capture part's Firefox body-copy runs (the Chromium runs take most of the part's time). */
  captureFirefoxOnly: boolean;
  /** Size of the HAR the CLI part triages. */
  cliMB: number;
  /** Size of the HAR the import part drops on the panel. */
  importMB: number;
  soakSeconds: number;
  soakRate: number;
  soakBurst: number;
  soakMaxBody: number;
  soakNoKeysRead: boolean;
  soakHeapSnapshot?: string;
  soakGcEverySample: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    json: false,
    only: new Set(PARTS),
    check: false,
    profile: false,
    panelRounds: 2,
    captureRuns: 7,
    captureRequests: 2000,
    captureOverFloorOnly: false,
    captureFirefoxOnly: false,
    cliMB: 1024,
    importMB: 200,
    soakSeconds: 150,
    soakRate: 45,
    soakBurst: 10_500,
    soakMaxBody: 120_000,
    soakNoKeysRead: false,
    // Issue 19's method: the heaps sampled every 10 s after a forced GC (soak30; store8-29 forced two).
    soakGcEverySample: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--json') args.json = true;
    else if (a === '--check') args.check = true;
    else if (a === '--profile') args.profile = true;
    else if (a.startsWith('--only')) {
      const names = value()
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      for (const n of names)
        if (!(PARTS as readonly string[]).includes(n))
          throw new Error(`--only: unknown part "${n}" (parts: ${PARTS.join(', ')})`);
      args.only = new Set(names as Part[]);
    } else if (a.startsWith('--extension')) args.extension = value();
    else if (a.startsWith('--trace')) args.trace = value();
    else if (a.startsWith('--baseline')) args.baseline = value();
    else if (a.startsWith('--out')) args.out = value();
    else if (a.startsWith('--panel-rounds')) args.panelRounds = Math.max(1, Number(value()) || 1);
    else if (a.startsWith('--capture-runs')) args.captureRuns = Math.max(5, Number(value()) || 5);
    else if (a.startsWith('--capture-requests')) args.captureRequests = Math.max(100, Number(value()) || 2000);
    else if (a === '--capture-overfloor-only') args.captureOverFloorOnly = true;
    else if (a === '--capture-firefox-only') args.captureFirefoxOnly = true;
    else if (a.startsWith('--cli-mb')) args.cliMB = Math.max(64, Number(value()) || 1024);
    else if (a.startsWith('--import-mb')) args.importMB = Math.max(1, Number(value()) || 200);
    else if (a.startsWith('--soak-seconds')) args.soakSeconds = Math.max(30, Number(value()) || 150);
    else if (a.startsWith('--soak-rate')) args.soakRate = Math.max(1, Number(value()) || 60);
    else if (a.startsWith('--soak-burst')) args.soakBurst = Math.max(0, Number(value()) || 0);
    else if (a.startsWith('--soak-max-body')) args.soakMaxBody = Math.max(400, Number(value()) || 120_000);
    else if (a === '--soak-no-keys-read') args.soakNoKeysRead = true;
    else if (a === '--soak-gc-every-sample') args.soakGcEverySample = true;
    else if (a === '--soak-gc-last-third') args.soakGcEverySample = false;
    else if (a.startsWith('--soak-heap-snapshot')) args.soakHeapSnapshot = path.resolve(value());
    else if (a === '--help' || a === '-h') {
      process.stdout.write(
        'npm run -s bench -- [--json] [--only classify,panel,import,capture,memory,cli,openapi,soak] [--check] [--profile] [--trace file] [--baseline dir|rev] [--extension dir] [--out file] [--panel-rounds N] [--capture-runs N] [--capture-requests N] [--capture-overfloor-only] [--capture-firefox-only] [--cli-mb N] [--import-mb N] [--soak-seconds 150] [--soak-rate 45] [--soak-burst 10500] [--soak-max-body 120000] [--soak-no-keys-read] [--soak-gc-last-third (forced GCs only at the start of the last third and the end)] [--soak-heap-snapshot file]\n',
      );
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

interface Report {
  classifyRatio: number | null;
  classifyPerSecond: number | null;
  /** classify of this tree against --baseline's, side by side (current ÷ baseline CPU time per part). */
  classifyVsBaseline: ClassifyFigures['classifyVsBaseline'] | null;
  /** Keystroke to the complete result painted (issue 18); the budgeted figure since session 28. */
  panelFilterMs100k: number | null;
  panelFilterMs10k: number | null;
  /** Keystroke to its own frame's paint, which may show a partial result: the budgeted figure before session 28. */
  panelFilterFirstPaintMs100k: number | null;
  panelFilterFirstPaintMs10k: number | null;
  panelInitialRenderMs100k: number | null;
  importLongestTaskMs: number | null;
  captureOverheadRatio: number | null;
  bytesPerRecord: number | null;
  cliPeakMemoryMB: number | null;
  cliThroughputRatio: number | null;
  openapiLoadMs?: number | null;
  openapiMatchUs?: number | null;
  workerHeapGrowthPct: number | null;
  panelHeapGrowthPct: number | null;
  longestStallMs: number | null;
  lostAfterStop: number | null;
  soakFilterMs: number | null;
  budgets: Record<string, { budget: string; value: number | null; pass: boolean | null }>;
  environment: Record<string, unknown>;
  /** Why a figure is null. */
  missing: Record<string, string>;
  detail: {
    classify?: ClassifyFigures['detail'];
    panel?: PanelFigures['detail'];
    import?: ImportFigures['detail'];
    /** With --trace: the import's long tasks on the panel's renderer, broken down. */
    importLongTaskCauses?: ImportFigures['longTaskCauses'];
    capture?: CaptureFigures['detail'] & { firefox?: FirefoxCaptureFigures; firefoxError?: string };
    memory?: MemoryFigures['detail'];
    cli?: Omit<CliFigures, 'detail'> & CliFigures['detail'];
    openapi?: OpenapiFigures['detail'];
    soak?: SoakFigures['detail'];
    extension?: Omit<BuiltExtension, 'path'>;
  };
  hotSpots?: unknown;
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0].slice(0, 300);
}

function budget(value: number | null, limit: number, label: string) {
  return { budget: label, value, pass: value === null ? null : value <= limit };
}

function atLeast(value: number | null, floor: number, label: string) {
  return { budget: label, value, pass: value === null ? null : value >= floor };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const log = (s: string): void => void (args.json ? process.stderr : process.stdout).write(`${s}\n`);
  const report: Report = {
    classifyRatio: null,
    classifyPerSecond: null,
    classifyVsBaseline: null,
    panelFilterMs100k: null,
    panelFilterMs10k: null,
    panelFilterFirstPaintMs100k: null,
    panelFilterFirstPaintMs10k: null,
    panelInitialRenderMs100k: null,
    importLongestTaskMs: null,
    captureOverheadRatio: null,
    bytesPerRecord: null,
    cliPeakMemoryMB: null,
    cliThroughputRatio: null,
    workerHeapGrowthPct: null,
    panelHeapGrowthPct: null,
    longestStallMs: null,
    lostAfterStop: null,
    soakFilterMs: null,
    budgets: {},
    environment: {
      date: new Date().toISOString(),
      node: process.version,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryGiB: round(os.totalmem() / 2 ** 30, 1),
      platform: `${os.platform()} ${os.release()}`,
      loadAverageAtStart: os.loadavg().map((v) => round(v, 2)),
      browsers: {},
    },
    missing: {},
    detail: {},
  };
  const skip = (keys: string[], why: string) => {
    for (const k of keys) report.missing[k] = why;
  };

  // ---- classify -------------------------------------------------------------------------------
  if (args.only.has('classify')) {
    try {
      log('classify: classify() vs JSON.parse over the same bodies…');
      // --check measures classifyVsBaselineRatio against the classifier before the inference unless told otherwise.
      const baseline = args.baseline ?? (args.check ? DEFAULT_CLASSIFY_BASELINE : undefined);
      const c = await runClassifyBench({ log, baseline });
      report.classifyRatio = c.classifyRatio;
      if (c.classifyVsBaseline) report.classifyVsBaseline = c.classifyVsBaseline;
      else
        skip(
          ['classifyVsBaseline'],
          c.baselineError ?? 'no --baseline given (a directory holding src/core, or a git revision such as efc73e9)',
        );
      report.classifyPerSecond = c.classifyPerSecond;
      report.detail.classify = c.detail;
      if (args.profile) report.hotSpots = { classify: await profileClassify() };
    } catch (error) {
      skip(['classifyRatio', 'classifyPerSecond', 'classifyVsBaseline'], `classify bench failed: ${errorText(error)}`);
    }
  } else skip(['classifyRatio', 'classifyPerSecond', 'classifyVsBaseline'], 'not run (--only)');

  // ---- cli ------------------------------------------------------------------------------------
  if (args.only.has('cli')) {
    try {
      const c = await runCliBench({ log, largeMB: args.cliMB });
      report.cliPeakMemoryMB = c.cliPeakMemoryMB;
      report.cliThroughputRatio = c.cliThroughputRatio;
      const { detail, ...figures } = c;
      report.detail.cli = { ...figures, ...detail };
    } catch (error) {
      skip(['cliPeakMemoryMB', 'cliThroughputRatio'], `cli bench failed: ${errorText(error)}`);
    }
  } else skip(['cliPeakMemoryMB', 'cliThroughputRatio'], 'not run (--only)');
  // ---- openapi --------------------------------------------------------------------------------
  if (args.only.has('openapi')) {
    try {
      const o = await runOpenapiBench({ log });
      report.openapiLoadMs = o.openapiLoadMs;
      report.openapiMatchUs = o.openapiMatchUs;
      report.detail.openapi = o.detail;
    } catch (error) {
      skip(['openapiLoadMs', 'openapiMatchUs'], `openapi bench failed: ${errorText(error)}`);
    }
  } else skip(['openapiLoadMs', 'openapiMatchUs'], 'not run (--only)');

  // ---- browser parts --------------------------------------------------------------------------
  const browserParts = (['panel', 'import', 'capture', 'memory', 'soak'] as const).filter((p) => args.only.has(p));
  const figuresOf: Record<(typeof browserParts)[number], string[]> = {
    panel: [
      'panelFilterMs100k',
      'panelFilterMs10k',
      'panelFilterFirstPaintMs100k',
      'panelFilterFirstPaintMs10k',
      'panelInitialRenderMs100k',
    ],
    import: ['importLongestTaskMs'],
    capture: ['captureOverheadRatio'],
    memory: ['bytesPerRecord'],
    soak: ['workerHeapGrowthPct', 'panelHeapGrowthPct', 'longestStallMs', 'lostAfterStop', 'soakFilterMs'],
  };
  for (const p of ['panel', 'import', 'capture', 'memory', 'soak'] as const)
    if (!args.only.has(p)) skip(figuresOf[p], 'not run (--only)');

  if (browserParts.length) {
    let extension: BuiltExtension | null = null;
    let demo: DemoServer | null = null;
    try {
      log('building the Chrome extension…');
      extension = await chromeExtension(args.extension, { minify: !args.profile });
      report.detail.extension = { source: extension.source, ...(extension.note ? { note: extension.note } : {}) };
      demo = await startDemoServer();
    } catch (error) {
      for (const p of browserParts) skip(figuresOf[p], `no extension or demo server: ${errorText(error)}`);
    }

    if (extension && demo) {
      const withSession = async <T>(openPanel: boolean, fn: (s: PanelSession) => Promise<T>): Promise<T> => {
        const session = await launchSession('chromium', {
          extensionPath: extension.path,
          url: `${demo.url}/`,
          openPanel,
        });
        try {
          const version = (
            session as unknown as { page?: { context(): { browser(): { version(): string } | null } } }
          ).page
            ?.context()
            .browser()
            ?.version();
          if (version) (report.environment.browsers as Record<string, string>).chromium = version;
          return await fn(session);
        } finally {
          await session.close();
        }
      };

      if (args.only.has('panel')) {
        try {
          log('panel: stored failures in the real DevTools panel…');
          const templates = await failureTemplates();
          const p = await withSession(true, (s) =>
            runPanelBench(s, templates, {
              rounds: args.panelRounds,
              profile: args.profile,
              capture: {
                // The raw profiles beside the report; the trace beside the import's when both run.
                ...(args.profile && args.out ? { profilePrefix: args.out.replace(/\.json$/, '') } : {}),
                ...(args.trace ? { trace: args.only.has('import') ? `${args.trace}.panel.json` : args.trace } : {}),
              },
              log,
            }),
          );
          if (p.hotSpots) report.hotSpots = { ...(report.hotSpots as object), panel: p.hotSpots };
          report.panelFilterMs100k = p.panelFilterMs100k;
          report.panelFilterMs10k = p.panelFilterMs10k;
          report.panelFilterFirstPaintMs100k = p.panelFilterFirstPaintMs100k;
          report.panelFilterFirstPaintMs10k = p.panelFilterFirstPaintMs10k;
          report.panelInitialRenderMs100k = p.panelInitialRenderMs100k;
          report.detail.panel = p.detail;
        } catch (error) {
          skip(figuresOf.panel, `panel bench failed: ${errorText(error)}`);
        }
      }

      if (args.only.has('import')) {
        try {
          const i = await withSession(true, (s) =>
            runImportBench(s, {
              megabytes: args.importMB,
              profile: args.profile,
              // The raw profile beside the report, like the panel's.
              ...(args.profile && args.out ? { profileFile: args.out.replace(/\.json$/, '.import.cpuprofile') } : {}),
              trace: args.trace,
              log,
            }),
          );
          if (i.hotSpots) report.hotSpots = { ...(report.hotSpots as object), import: i.hotSpots };
          if (i.longTaskCauses !== undefined) report.detail.importLongTaskCauses = i.longTaskCauses;
          report.importLongestTaskMs = i.importLongestTaskMs;
          report.detail.import = i.detail;
        } catch (error) {
          skip(figuresOf.import, `import bench failed: ${errorText(error)}`);
        }
      }

      if (args.only.has('memory')) {
        try {
          log('memory: background heap per stored record…');
          // One retry: on a loaded machine a worker call can time out once.
          const m = await withSession(false, (s) => runMemoryBench(s, { log })).catch((error) => {
            log(`memory: retrying after ${errorText(error)}`);
            return withSession(false, (s) => runMemoryBench(s, { log }));
          });
          report.bytesPerRecord = m.bytesPerRecord;
          report.detail.memory = m.detail;
        } catch (error) {
          skip(figuresOf.memory, `memory bench failed: ${errorText(error)}`);
        }
      }

      if (args.only.has('capture')) {
        try {
          log(
            `capture: demo page + ${args.captureRequests} requests, with vs without the extension (${args.captureRuns} alternating runs)…`,
          );
          // The "before": the baseline revision's builds, measured in this same run over the same floors.
          const baselineSpec =
            args.baseline && !existsSync(path.join(args.baseline, 'src/core/index.ts'))
              ? args.baseline
              : DEFAULT_CAPTURE_BASELINE;
          let before: Awaited<ReturnType<typeof revisionExtensions>> | null = null;
          let beforeError: string | undefined;
          try {
            log(`capture: building ${baselineSpec} (the "before")…`);
            before = await revisionExtensions(baselineSpec);
          } catch (error) {
            beforeError = `baseline ${baselineSpec}: ${errorText(error)}`;
            log(`capture: no "before": ${beforeError}`);
          }
          try {
            if (args.captureFirefoxOnly) {
              report.detail.capture = {} as CaptureFigures['detail'];
              report.missing['capture.chromium'] = 'skipped: --capture-firefox-only';
            } else {
              const c = await runCaptureBench(extension.path, demo.url, {
                runs: args.captureRuns,
                requests: args.captureRequests,
                ...(args.captureOverFloorOnly ? { devtoolsClosed: false, webRequestFloor: false } : {}),
                log,
                ...(before ? { baseline: { source: before.source, path: before.chrome } } : {}),
              });
              report.captureOverheadRatio = c.captureOverheadRatio;
              report.detail.capture = c.detail;
            }
            try {
              log('capture: Firefox body copy, this tree and the baseline vs no extension, over a webRequest floor…');
              const firefox = await firefoxExtension();
              try {
                report.detail.capture.firefox = await runFirefoxCaptureBench(
                  { source: 'this tree', path: firefox.path },
                  before ? { source: before.source, path: before.firefox } : null,
                  demo.url,
                  { runs: args.captureRuns, requests: args.captureRequests, log },
                );
              } finally {
                await disposeExtension(firefox);
              }
            } catch (error) {
              report.detail.capture.firefoxError = `Firefox capture bench failed: ${errorText(error)}`;
            }
            if (beforeError) report.missing['capture.baseline'] = beforeError;
          } finally {
            await before?.dispose();
          }
          if (args.profile)
            report.hotSpots = {
              ...(report.hotSpots as object),
              capture: await profileCaptureBurst(extension.path, demo.url),
            };
        } catch (error) {
          skip(figuresOf.capture, `capture bench failed: ${errorText(error)}`);
        }
      }

      if (args.only.has('soak')) {
        try {
          const s = await withSession(true, (session) =>
            runSoakBench(session, {
              seconds: args.soakSeconds,
              burst: args.soakBurst,
              ratePerSecond: args.soakRate,
              maxBodyBytes: args.soakMaxBody,
              sampleEveryMs: 10_000,
              noKeysRead: args.soakNoKeysRead,
              gcEverySample: args.soakGcEverySample,
              maxQueuedRecords: DEFAULT_PERSIST_OPTIONS.maxQueuedRecords,
              refusedUrl: demo.refusedUrl,
              demoUrl: demo.url,
              log,
              ...(args.profile
                ? { profileOut: path.resolve(args.out ? `${args.out}.worker.cpuprofile` : 'soak-worker.cpuprofile') }
                : {}),
              ...(args.soakHeapSnapshot ? { heapSnapshotOut: args.soakHeapSnapshot } : {}),
            }),
          );
          report.workerHeapGrowthPct = s.workerHeapGrowthPct;
          report.panelHeapGrowthPct = s.panelHeapGrowthPct;
          report.longestStallMs = s.longestStallMs;
          report.lostAfterStop = s.lostAfterStop;
          report.soakFilterMs = s.soakFilterMs;
          report.detail.soak = s.detail;
        } catch (error) {
          skip(figuresOf.soak, `soak bench failed: ${errorText(error)}`);
        }
      }
    }
    await demo?.close().catch(() => {});
    if (extension) await disposeExtension(extension).catch(() => {});
  }

  // ---- budgets --------------------------------------------------------------------------------
  const scaling =
    report.panelFilterMs100k !== null && report.panelFilterMs10k
      ? round(report.panelFilterMs100k / report.panelFilterMs10k)
      : null;
  report.budgets = {
    classifyRealHarRatio: budget(
      report.detail.classify?.realHarRatio ?? null,
      BUDGETS.classifyRealHarRatio,
      `≤ ${BUDGETS.classifyRealHarRatio} (real-HAR part)`,
    ),
    panelFilterMs100k: budget(
      report.panelFilterMs100k,
      BUDGETS.panelFilterMs100k,
      `≤ ${BUDGETS.panelFilterMs100k} ms (keystroke → complete result painted)`,
    ),
    panelFilterScaling: budget(
      scaling,
      BUDGETS.panelFilterScaling,
      `panelFilterMs100k ≤ ${BUDGETS.panelFilterScaling} × panelFilterMs10k`,
    ),
    panelFirstRowsMs100k: budget(
      report.detail.panel?.firstRowsMs100k ?? null,
      BUDGETS.panelFirstRowsMs100k,
      `≤ ${BUDGETS.panelFirstRowsMs100k} ms`,
    ),
    panelInitialRenderMs100k: budget(
      report.panelInitialRenderMs100k,
      BUDGETS.panelInitialRenderMs100k,
      `≤ ${BUDGETS.panelInitialRenderMs100k} ms`,
    ),
    importLongestTaskMs: budget(
      report.importLongestTaskMs,
      BUDGETS.importLongestTaskMs,
      `≤ ${BUDGETS.importLongestTaskMs} ms (${args.importMB} MB HAR)`,
    ),
    overFloorRatio: budget(
      report.detail.capture?.overFloorRatio ?? null,
      BUDGETS.overFloorRatio,
      `≤ ${BUDGETS.overFloorRatio} (over the DevTools floor)`,
    ),
    cliPeakMemoryMB: budget(
      report.cliPeakMemoryMB,
      BUDGETS.cliPeakMemoryMB,
      `≤ ${BUDGETS.cliPeakMemoryMB} MB on a ${args.cliMB} MB HAR`,
    ),
    cliThroughputRatio: atLeast(
      report.cliThroughputRatio,
      BUDGETS.cliThroughputRatio,
      '≥ ⅓ of JSON.parse bytes/s (200 MB HAR)',
    ),
    openapiLoadMs: budget(
      report.openapiLoadMs ?? null,
      BUDGETS.openapiLoadMs,
      `< ${BUDGETS.openapiLoadMs} ms (GitHub REST spec)`,
    ),
    openapiMatchUs: budget(
      report.openapiMatchUs ?? null,
      BUDGETS.openapiMatchUs,
      `< ${BUDGETS.openapiMatchUs} µs per exchange`,
    ),
    workerHeapGrowthPct: budget(
      report.workerHeapGrowthPct,
      BUDGETS.workerHeapGrowthPct,
      `≤ ${BUDGETS.workerHeapGrowthPct} % over the last third`,
    ),
    longestStallMs: budget(report.longestStallMs, BUDGETS.longestStallMs, `≤ ${BUDGETS.longestStallMs} ms`),
    lostAfterStop: budget(
      report.lostAfterStop === null ? null : Math.abs(report.lostAfterStop),
      BUDGETS.lostAfterStop,
      'exactly 0',
    ),
    soakFilterMs: budget(report.soakFilterMs, BUDGETS.soakFilterMs, `≤ ${BUDGETS.soakFilterMs} ms`),
    classifyVsBaselineRatio: budget(
      report.classifyVsBaseline?.overall.ratio ?? null,
      BUDGETS.classifyVsBaselineRatio,
      `≤ ${BUDGETS.classifyVsBaselineRatio} (this tree ÷ --baseline, whole corpus)`,
    ),
  };
  report.environment.loadAverageAtEnd = os.loadavg().map((v) => round(v, 2));

  if (args.out) await writeFile(args.out, `${JSON.stringify(report, null, 2)}\n`);
  if (args.json) process.stdout.write(`${JSON.stringify(report)}\n`);
  else printHuman(report);
  const failed = Object.values(report.budgets).some((b) => b.pass === false);
  return args.check && failed ? 1 : 0;
}

function printHuman(r: Report): void {
  const fmt = (v: number | null, unit = '') => (v === null ? 'null' : `${v.toLocaleString('en-US')}${unit}`);
  const line = (name: string, v: number | null, unit = '') => {
    const why = r.missing[name];
    console.log(`  ${name.padEnd(26)} ${fmt(v, unit).padStart(12)}${why ? `   (${why})` : ''}`);
  };
  console.log('\nFaultline benchmarks');
  line('classifyRatio', r.classifyRatio, '×');
  line('classifyPerSecond', r.classifyPerSecond, '/s');
  if (r.detail.classify) {
    console.log(
      `    parts: real-HAR ${fmt(r.detail.classify.realHarRatio, '×')} (budgeted), API-error ${fmt(r.detail.classify.apiErrorRatio, '×')} (tracked)`,
    );
  }
  const vs = r.classifyVsBaseline;
  if (vs) {
    const part = (name: string, p: { baselineMs: number; currentMs: number; ratio: number }) =>
      console.log(
        `    ${name.padEnd(10)} baseline ${fmt(p.baselineMs, ' ms')}, this tree ${fmt(p.currentMs, ' ms')}: ${fmt(p.ratio, '×')}`,
      );
    console.log(
      `  classifyVsBaseline (${vs.baseline}; CPU ms, medians of ${vs.rounds} alternating rounds; load ${vs.loadAverage.start[0]} → ${vs.loadAverage.end[0]})`,
    );
    part('overall', vs.overall);
    part('API-error', vs.apiError);
    part('real-HAR', vs.realHar);
  } else line('classifyVsBaseline', null);
  line('panelFilterMs10k', r.panelFilterMs10k, ' ms');
  line('panelFilterMs100k', r.panelFilterMs100k, ' ms');
  line('panelFilterFirstPaintMs10k', r.panelFilterFirstPaintMs10k, ' ms');
  line('panelFilterFirstPaintMs100k', r.panelFilterFirstPaintMs100k, ' ms');
  line('panelInitialRenderMs100k', r.panelInitialRenderMs100k, ' ms');
  line('importLongestTaskMs', r.importLongestTaskMs, ' ms');
  const imp = r.detail.import;
  if (imp) {
    console.log(
      `    import: ${fmt(imp.fileMB, ' MB')}, ${fmt(imp.entries)} entries (${fmt(imp.skipped)} skipped) in ${fmt(imp.importMs, ' ms')} (${fmt(imp.megabytesPerSecond, ' MB/s')}); long tasks ${fmt(imp.longTasks)}, probe max gap ${fmt(imp.probeMaxGapMs, ' ms')}; heap ${fmt(imp.heapBeforeMB, ' MB')} → peak ${fmt(imp.heapPeakMB, ' MB')}`,
    );
  }
  line('openapiLoadMs', r.openapiLoadMs ?? null, ' ms');
  line('openapiMatchUs', r.openapiMatchUs ?? null, ' µs');
  line('captureOverheadRatio', r.captureOverheadRatio, '×');
  const capture = r.detail.capture;
  if (capture) {
    // The budget is against no extension at all; these say how much of that is Chrome's own plumbing.
    console.log(
      `    floors: webRequest only ${fmt(capture.webRequestFloorRatio, '×')}, DevTools capture ${fmt(capture.devtoolsFloorRatio, '×')}; Faultline over the DevTools floor ${fmt(capture.overFloorRatio, '×')}`,
    );
    if (capture.baseline)
      console.log(
        `    overFloorRatio, Chromium (DevTools open): before (${capture.baseline.source}) ${fmt(capture.baseline.overFloorRatio, '×')}, after (this tree) ${fmt(capture.overFloorRatio, '×')}`,
      );
    const ff = capture.firefox;
    if (ff)
      console.log(
        `    overFloorRatio, Firefox (toolbox closed, over its webRequest floor ${fmt(ff.floorRatio, '×')}): before (${ff.before?.source ?? 'not run'}) ${fmt(ff.before?.overFloorRatio ?? null, '×')}, after (this tree, body copy) ${fmt(ff.after.overFloorRatio, '×')}`,
      );
    else if (capture.firefoxError) console.log(`    Firefox: ${capture.firefoxError}`);
  }
  line('bytesPerRecord', r.bytesPerRecord, ' B');
  line('cliPeakMemoryMB', r.cliPeakMemoryMB, ' MB');
  line('cliThroughputRatio', r.cliThroughputRatio, '×');
  line('workerHeapGrowthPct', r.workerHeapGrowthPct, ' %');
  line('panelHeapGrowthPct', r.panelHeapGrowthPct, ' %');
  line('longestStallMs', r.longestStallMs, ' ms');
  line('lostAfterStop', r.lostAfterStop);
  line('soakFilterMs', r.soakFilterMs, ' ms');
  const soak = r.detail.soak;
  if (soak) {
    console.log(
      `    soak: ${soak.requestsMade} requests over ${soak.seconds} s, past the cap at ${soak.pastCapAtS ?? 'never'} s; stop: made ${soak.stop.made} = held ${soak.stop.held} + dropped ${soak.stop.droppedRecords}?`,
    );
    console.log(`    persist: ${JSON.stringify(soak.persist)}; slowest read ${soak.maxReadMs} ms`);
    if (soak.stall && soak.writeQueue)
      console.log(
        `    longest stall: commit ${soak.stall.commitMs} ms, change-to-disk lag ${soak.stall.lagMs} ms (a body after its row: ${soak.stall.bodyLagMs ?? 'n/a'} ms), read ${soak.stall.readMs} ms; write queue: at most ${soak.writeQueue.max} of ${soak.writeQueue.limit} records waiting, ${soak.writeQueue.refused} refused, ${soak.writeQueue.tooSlow ?? 0} too slow for the re-send window (counted)`,
      );
    if (soak.afterRun)
      console.log(
        `    after the window: ${soak.afterRun.read ? `paged read of ${soak.afterRun.read.rows} keys, slowest page ${Math.round(soak.afterRun.read.longestPageMs)} ms, whole ${Math.round(soak.afterRun.read.totalMs)} ms` : 'no paged read'}, ${soak.afterRun.slowCommits.length} commits over 1 s meanwhile; restarted worker's load: ${soak.restartLoad ? `${soak.restartLoad.rows} rows, slowest page ${Math.round(soak.restartLoad.longestPageMs)} ms, whole ${Math.round(soak.restartLoad.totalMs)} ms` : 'not measured'}`,
      );
  }
  console.log('\nBudgets');
  for (const [name, b] of Object.entries(r.budgets)) {
    const verdict = b.pass === null ? 'n/a ' : b.pass ? 'PASS' : 'FAIL';
    console.log(`  ${verdict}  ${name.padEnd(22)} ${fmt(b.value).padStart(10)}   budget ${b.budget}`);
  }
  const env = r.environment;
  console.log(
    `\nEnvironment: node ${env.node}, ${env.cpus} CPUs (${env.cpuModel}), load ${JSON.stringify(env.loadAverageAtStart)} → ${JSON.stringify(env.loadAverageAtEnd)}, browsers ${JSON.stringify(env.browsers)}`,
  );
  console.log('Details: npm run bench -- --json');
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`bench: ${errorText(error)}\n`);
    process.exit(2);
  },
);
