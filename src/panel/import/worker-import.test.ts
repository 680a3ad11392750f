import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isListOnly } from '../../protocol/list-record';
import type { RequestRecord } from '../../protocol/messages';
import { exportJson } from '../export';
import { createPanelStore } from '../store/panel-store';
import { createImportController } from './import-controller';
import { importHarStream, type ImportProgress, type ImportSource } from './stream-import';
import { importHarInWorker, nextFrame, type ImportWorker } from './worker-import';
import { readHarInBatches, type ImportWorkerMessage } from './worker-reader';
import { WorkerRecords } from './worker-records';
import { encode, entry } from './test-har-entries';

const REAL_HARS = fileURLToPath(new URL('../../../../shared/fixtures/real-hars/', import.meta.url));

function source(name: string, bytes: Uint8Array, chunk = 65_536): ImportSource {
  return {
    name,
    size: bytes.length,
    stream(): ReadableStream<Uint8Array> {
      let at = 0;
      return new ReadableStream<Uint8Array>({
        pull(controller) {
          if (at >= bytes.length) return controller.close();
          controller.enqueue(bytes.slice(at, at + chunk));
          at += chunk;
        },
      });
    },
  };
}

const har = (count: number, pad = 300, broken = -1): Uint8Array =>
  encode(
    JSON.stringify({
      log: {
        version: '1.2',
        entries: Array.from({ length: count }, (_, i) =>
          i === broken ? { request: {} } : entry(i, [422, 200, 503][i % 3], pad),
        ),
      },
    }),
  );

/**
 * A worker run in this process: the real reader, its messages structured-cloned and delivered in
 * later tasks, as a Worker's are. `failToStart` fires an error before any message (a script that
 * did not load).
 */
function inProcessWorker(opts: { failToStart?: boolean; limits?: Parameters<typeof readHarInBatches>[2] } = {}) {
  const log = { created: 0, terminated: 0, posted: [] as ImportWorkerMessage[] };
  const create = (): ImportWorker => {
    log.created++;
    let alive = true;
    const kept = new WorkerRecords();
    const worker: ImportWorker = {
      onmessage: null,
      onerror: null,
      postMessage(request) {
        if (opts.failToStart) {
          setTimeout(() => worker.onerror?.({ message: 'script failed to load' }), 0);
          return;
        }
        const post = (m: ImportWorkerMessage): void => {
          if (!alive) return;
          log.posted.push(m);
          const copy = structuredClone(m);
          setTimeout(() => alive && worker.onmessage?.({ data: copy }), 0);
        };
        // The file is handed over as it is (a test source has methods); requests are cloned, as a Worker's are.
        if (request.type !== 'import') return post(kept.answer(structuredClone(request)));
        void readHarInBatches(request.file, post, opts.limits, request.keepRecords ? kept : undefined);
      },
      terminate() {
        alive = false;
        log.terminated++;
      },
    };
    return worker;
  };
  return { create, log };
}

/** Frames that run in a later task, each counted. */
function frames() {
  const f = { count: 0, schedule: (task: () => void) => void setTimeout(() => (f.count++, task()), 0) };
  return f;
}

describe('readHarInBatches (the worker side)', () => {
  it('posts every record in file order in bounded batches, then one end with the counts and problems', async () => {
    const bytes = har(1000, 300, 7);
    const posted: ImportWorkerMessage[] = [];
    await readHarInBatches(source('a.har', bytes, 8_192), (m) => posted.push(m), {
      maxBatchRecords: 64,
      maxBatchChars: 1e9,
    });
    const end = posted.at(-1)!;
    expect(end).toMatchObject({
      type: 'end',
      status: 'done',
      counts: { bytesRead: bytes.length, entries: 1000, skipped: 1 },
    });
    expect(end.type === 'end' && end.problems.map((p) => p.index)).toEqual([7]);
    expect(posted.filter((m) => m.type === 'end')).toHaveLength(1);
    const batches = posted.flatMap((m) => (m.type === 'records' ? [m.records] : []));
    expect(Math.max(...batches.map((b) => b.length))).toBeLessThanOrEqual(64);
    expect(batches.flat().map((r) => r.seq)).toEqual(
      Array.from({ length: 1000 }, (_, i) => i + 1).filter((s) => s !== 8),
    );
    expect(batches[0][0]).toMatchObject({ id: 'har:0', sources: ['har'], bodyState: 'captured' });
    expect(batches[0][0].classification.errorCode).toBe('e0');
  });

  it('bounds a batch by the weight of its bodies too', async () => {
    const posted: ImportWorkerMessage[] = [];
    await readHarInBatches(source('b.har', har(200, 20_000)), (m) => posted.push(m), { maxBatchChars: 100_000 });
    const sizes = posted.flatMap((m) => (m.type === 'records' ? [m.records.length] : []));
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(200);
    // Each record weighs over 20,000 characters: a batch closes at its fifth.
    expect(Math.max(...sizes)).toBeLessThanOrEqual(5);
  });

  it('ends with status failed and one line for a file that is not a HAR, after the records read before', async () => {
    const text = JSON.stringify({ log: { entries: [entry(0, 500), entry(1, 404)] } });
    const posted: ImportWorkerMessage[] = [];
    await readHarInBatches(source('cut.har', encode(text.slice(0, -40))), (m) => posted.push(m));
    const end = posted.at(-1)!;
    expect(end.type === 'end' && end.status).toBe('failed');
    expect(end.type === 'end' && end.message).toMatch(/^not JSON: the file ends inside/);
    expect(posted.flatMap((m) => (m.type === 'records' ? m.records : []))).toHaveLength(1);
  });
});

describe('importHarInWorker (the panel side)', () => {
  it('gives the same records as the in-thread import for a real HAR, with progress to the last byte', async () => {
    const bytes = readFileSync(REAL_HARS + 'pagexray-www.nytimes.com.har');
    const viaWorker: RequestRecord[] = [];
    const progress: ImportProgress[] = [];
    const worker = inProcessWorker();
    const outcome = await importHarInWorker(source('ny.har', bytes), {
      createWorker: worker.create,
      scheduleFrame: frames().schedule,
      onRecords: (r) => viaWorker.push(...r),
      onProgress: (p) => progress.push(p),
    });
    const inThread: RequestRecord[] = [];
    const reference = await importHarStream(source('ny.har', bytes), {
      onRecords: (r) => inThread.push(...r),
      onProgress: () => undefined,
    });
    expect(outcome).toEqual(reference);
    expect(viaWorker).toEqual(inThread);
    expect(viaWorker.length).toBeGreaterThan(10);
    const read = progress.map((p) => p.bytesRead);
    expect(read).toEqual([...read].sort((a, b) => a - b));
    expect(progress.at(-1)).toMatchObject({ bytesRead: bytes.length, totalBytes: bytes.length, runner: 'worker' });
    expect(worker.log.terminated).toBe(1);
  });

  it('hands the store records in small calls, only as many a frame as fit in the slice, and progress once a frame', async () => {
    let t = 0;
    const now = () => t;
    const calls: number[] = [];
    const progressPerFrame = new Map<number, number>();
    const perFrame = new Map<number, number>();
    const frame = frames();
    const outcome = await importHarInWorker(source('big.har', har(3000)), {
      createWorker: inProcessWorker({ limits: { maxBatchRecords: 1000 } }).create,
      scheduleFrame: frame.schedule,
      now,
      // The clock in tenths of a ms: each record costs the store 0.1 ms, so 80 fit in an 8 ms slice.
      sliceMs: 80,
      onRecords: (records) => {
        calls.push(records.length);
        perFrame.set(frame.count, (perFrame.get(frame.count) ?? 0) + records.length);
        t += records.length;
      },
      onProgress: () => progressPerFrame.set(frame.count, (progressPerFrame.get(frame.count) ?? 0) + 1),
    });
    expect(outcome).toMatchObject({ status: 'done', entries: 3000, skipped: 0 });
    expect(calls.reduce((a, b) => a + b, 0)).toBe(3000);
    expect(Math.max(...calls)).toBeLessThanOrEqual(50);
    // 3,000 records at 80 a frame at most once the cost is learned (the first frames guess it): at least 38 frames.
    expect(Math.max(...[...perFrame].filter(([f]) => f > 3).map(([, n]) => n))).toBeLessThanOrEqual(80);
    expect(frame.count).toBeGreaterThanOrEqual(38);
    expect(Math.max(...progressPerFrame.values())).toBe(1);
  });

  it("the first frame with records hands a few (the list's first rows mount alone), later frames fill the slice", async () => {
    const perFrame = new Map<number, number>();
    const frame = frames();
    const outcome = await importHarInWorker(source('first.har', har(600)), {
      createWorker: inProcessWorker({ limits: { maxBatchRecords: 1000 } }).create,
      scheduleFrame: frame.schedule,
      now: () => 0,
      // Records cost nothing on this clock: any slice could take the whole batch.
      sliceMs: 80,
      onRecords: (records) => perFrame.set(frame.count, (perFrame.get(frame.count) ?? 0) + records.length),
      onProgress: () => undefined,
    });
    expect(outcome).toMatchObject({ status: 'done', entries: 600 });
    const counts = [...perFrame].sort((a, b) => a[0] - b[0]).map(([, n]) => n);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(600);
    expect(counts[0]).toBe(20);
    expect(counts[1]).toBeGreaterThan(20);
  });

  it('cancel stops the worker and ends as canceled', async () => {
    const worker = inProcessWorker({ limits: { maxBatchRecords: 20 } });
    const abort = new AbortController();
    let records = 0;
    const outcome = await importHarInWorker(source('c.har', har(2000), 4_096), {
      createWorker: worker.create,
      scheduleFrame: frames().schedule,
      signal: abort.signal,
      onRecords: (r) => {
        records += r.length;
        if (records >= 100) abort.abort();
      },
      onProgress: () => undefined,
    });
    expect(outcome.status).toBe('canceled');
    expect(worker.log.terminated).toBe(1);
    expect(records).toBeLessThan(2000);
  });

  it('falls back to the in-thread import when the worker cannot start', async () => {
    const worker = inProcessWorker({ failToStart: true });
    const records: RequestRecord[] = [];
    const outcome = await importHarInWorker(source('d.har', har(50)), {
      createWorker: worker.create,
      onRecords: (r) => records.push(...r),
      onProgress: () => undefined,
    });
    expect(outcome).toMatchObject({ status: 'done', entries: 50 });
    expect(records).toHaveLength(50);
    expect(worker.log.terminated).toBe(1);
  });

  it('fills the imported view through the controller, broken entries counted in the banner', async () => {
    const panel = createPanelStore({ tabId: 1, schedule: (t) => t(), scheduleAudit: (t) => t() });
    const importer = createImportController(panel, {
      createWorker: inProcessWorker().create,
      scheduleFrame: frames().schedule,
    });
    await importer.start(source('x.har', har(300, 100, 4)));
    panel.getState().flush();
    const s = panel.getState();
    expect(s.imported).toMatchObject({ fileName: 'x.har', entries: 300, skipped: 1 });
    expect(s.total).toBe(299);
    // Every entry's body has an error envelope: the 200s are 2xx-with-error failures.
    expect(s.failures).toBe(299);
    expect(s.banner).toEqual({ kind: 'info', text: 'x.har: 1 of 300 entries could not be read and are left out.' });
    expect(importer.state.getState().progress).toBeNull();
  });

  it('the view holds list rows; the worker keeps the full records, answers for them and writes the export, until the view closes', async () => {
    const panel = createPanelStore({ tabId: 1, schedule: (t) => t(), scheduleAudit: (t) => t() });
    const worker = inProcessWorker();
    const importer = createImportController(panel, { createWorker: worker.create, scheduleFrame: frames().schedule });
    // 20,000-character bodies: more than a list row keeps (ROW_BODY_CHARS).
    await importer.start(source('rows.har', har(30, 20_000)));
    panel.getState().flush();
    const dataset = panel.getState().dataset();
    const rows = Array.from({ length: dataset.visible.length }, (_, i) => dataset.row(dataset.visible.get(i)).record);
    expect(rows).toHaveLength(30);
    const row = rows[4] as RequestRecord;
    expect(isListOnly(row)).toBe(true);
    expect(row.exchange.body).toBeUndefined();
    // What the panel got: rows only, far smaller than the records.
    const rowChars = worker.log.posted.reduce(
      (n, m) => n + (m.type === 'records' ? JSON.stringify(m.records).length : 0),
      0,
    );
    expect(rowChars).toBeLessThan(30 * 20_000);
    expect(worker.log.terminated).toBe(0);

    // The detail's record comes from the worker: the whole body, the same as the in-thread import's.
    expect(panel.getState().fullRecord(row)).toBeUndefined();
    const { records, missing } = await panel.getState().fullRecords([row]);
    expect(missing).toBe(0);
    const inThread: RequestRecord[] = [];
    await importHarStream(source('rows.har', har(30, 20_000)), {
      onRecords: (r) => inThread.push(...r),
      onProgress: () => undefined,
    });
    expect(records).toEqual([inThread.find((r) => r.id === row.id)]);
    expect(panel.getState().fullRecord(row)).toEqual(records[0]);

    // The export of the imported set is written by the worker, from the full records.
    const meta = { version: '1.0', view: 'rows.har', filter: '', chips: [], now: 0 };
    const file = await panel.getState().exportImported(rows as RequestRecord[], 'json', meta)!;
    expect(file).toMatchObject({ count: 30, missing: 0 });
    expect(await file.blob!.text()).toBe(exportJson(inThread, meta));

    // Closing the view lets the worker go; a later ask gets nothing, said as missing.
    panel.getState().closeImport();
    expect(worker.log.terminated).toBe(1);
    expect(panel.getState().exportImported(rows as RequestRecord[], 'json', meta)).toBeNull();
  });

  it('a new import lets the previous worker go; a canceled one is let go at once', async () => {
    const panel = createPanelStore({ tabId: 1, schedule: (t) => t(), scheduleAudit: (t) => t() });
    const worker = inProcessWorker({ limits: { maxBatchRecords: 20 } });
    const importer = createImportController(panel, { createWorker: worker.create, scheduleFrame: frames().schedule });
    await importer.start(source('one.har', har(50)));
    expect(worker.log).toMatchObject({ created: 1, terminated: 0 });
    const second = importer.start(source('two.har', har(2000), 4_096));
    expect(worker.log.terminated).toBe(1); // the first view was replaced
    importer.cancel();
    await second;
    expect(worker.log).toMatchObject({ created: 2, terminated: 2 });
    expect(panel.getState().imported).toBeNull();
  });
});

describe('nextFrame', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it("runs the task in a task of its own after the animation frame, not inside the frame's callback", async () => {
    // The hidden-panel timer is faked and never fires on its own: only the posted task can run it.
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const frameCallbacks: Array<() => void> = [];
    vi.stubGlobal('requestAnimationFrame', (cb: () => void) => frameCallbacks.push(cb));
    let runs = 0;
    nextFrame(() => runs++);
    expect(frameCallbacks).toHaveLength(1);
    frameCallbacks[0]();
    // Inside the frame's callback nothing ran: the frame's style, layout and paint stay a task apart.
    expect(runs).toBe(0);
    await vi.waitFor(() => expect(runs).toBe(1));
    // The hidden-panel timer does not run it a second time.
    vi.advanceTimersByTime(150);
    expect(runs).toBe(1);
  });
});
