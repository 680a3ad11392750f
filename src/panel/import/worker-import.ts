// A HAR import with the parsing and classifying in a Worker (issue 18). The panel's main thread
// only takes the records the worker posts: once per animation frame, in a task of its own after the
// frame (so the intake and the frame's rendering are two tasks), it hands the store as many as fit
// in a time slice (the store change and the list's re-render included), and shows the latest
// progress in the same task, so the list and the bar re-render at most once a frame. When the
// caller takes the worker's records (onImportedRecords), the worker keeps the full records and
// posts list rows; it lives on after the import to answer for them until released.
import type { RequestRecord } from '../../protocol/messages';
import type { ExportMeta } from '../export';
import {
  importHarStream,
  type ImportSource,
  type StreamImportOptions,
  type StreamImportOutcome,
  type StreamImportSummary,
} from './stream-import';
import type { ImportCounts, ImportWorkerMessage, ImportWorkerRequest } from './worker-reader';
import type { ExportKind, RecordAnswer, RecordRequest } from './worker-records';

export interface ExportedFile {
  blob?: Blob;
  count: number;
  /** Records asked for that the worker does not hold. */
  missing: number;
  error?: string;
}

/** The full records of an import, held by its worker. */
export interface ImportedRecords {
  /** The full records of these ids, in order; `missing` lists the ids the worker does not hold (or it stopped). */
  recordsById(ids: string[]): Promise<{ records: RequestRecord[]; missing: string[] }>;
  /** The export file of these records, written by the worker. */
  exportFile(ids: string[], kind: ExportKind, meta: ExportMeta): Promise<ExportedFile>;
  /** The imported view closed: the worker and its records go. */
  release(): void;
}

/** What the importer needs of a Worker; tests pass an in-process one. */
export interface ImportWorker {
  onmessage: ((event: { data: ImportWorkerMessage }) => void) | null;
  onerror: ((event: { message?: string; preventDefault?(): void }) => void) | null;
  postMessage(request: ImportWorkerRequest): void;
  terminate(): void;
}

export interface WorkerImportOptions extends StreamImportOptions {
  createWorker?: () => ImportWorker;
  /** Runs `task` once a frame (default: in a task of its own after the next animation frame, a timer when hidden). */
  scheduleFrame?: (task: () => void) => void;
  /**
   * Given: the worker keeps the full records, the records handed to onRecords are list rows, and
   * this gets the worker's records once it has answered (not called when the in-thread fallback runs).
   */
  onImportedRecords?: (records: ImportedRecords) => void;
  /** With onImportedRecords: the longest response body a list row keeps (default ROW_BODY_CHARS). */
  rowBodyChars?: number;
}

/** Records handed to the store per call at most: small, so the time check between calls is fine-grained. */
const CHUNK_RECORDS = 50;
/**
 * The first frame with records hands this many at most: its re-render mounts the list's first rows
 * with cold code and their first layout, the import's longest task when it took a whole slice's
 * records (issue 18). Later frames fill the screen.
 */
const FIRST_FRAME_RECORDS = 20;

export function createImportWorker(): ImportWorker {
  return new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' }) as unknown as ImportWorker;
}

/** A task of its own, queued now (a message to ourselves: no timer clamping); a timer where there is no MessageChannel. */
export function postTask(task: () => void): void {
  if (typeof MessageChannel !== 'function') {
    setTimeout(task, 0);
    return;
  }
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    task();
  };
  channel.port2.postMessage(null);
}

/**
 * A task of its own right after the next animation frame. Run inside the frame's callback, the
 * intake and the re-render it queues shared one task with the frame's style, layout and paint:
 * the import's long tasks were such frames (issue 18, trace in docs/performance.md). A hidden
 * panel gets no frames, so a timer stands in after 100 ms. Whichever comes first runs the task.
 */
export function nextFrame(task: () => void, afterFrame: (task: () => void) => void = postTask): void {
  let done = false;
  const run = (): void => {
    if (done) return;
    done = true;
    task();
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => afterFrame(run));
  setTimeout(run, 100);
}

export function importHarInWorker(file: ImportSource, options: WorkerImportOptions): Promise<StreamImportOutcome> {
  const now = options.now ?? (() => performance.now());
  const sliceMs = options.sliceMs ?? 8;
  const scheduleFrame = options.scheduleFrame ?? nextFrame;
  let worker: ImportWorker;
  try {
    worker = (options.createWorker ?? createImportWorker)();
  } catch {
    // No worker here (a page whose CSP forbids it, an old browser): the same import, sliced on this thread.
    return importHarStream(file, options);
  }

  return new Promise<StreamImportOutcome>((resolve) => {
    const queue: RequestRecord[][] = [];
    /** Read position in queue[0]. */
    let head = 0;
    let counts: ImportCounts = { bytesRead: 0, entries: 0, skipped: 0 };
    let shownCounts: ImportCounts | null = null;
    let end: Extract<ImportWorkerMessage, { type: 'end' }> | null = null;
    let heard = false;
    let settled = false;
    let scheduled = false;
    /** The store's cost per record and the list's re-render after a slice, learned as slices go. */
    let msPerRecord = 0.02;
    let renderMs = 1;
    /** No record handed yet: the first frame's are few (FIRST_FRAME_RECORDS). */
    let first = true;
    /** Requests for full records or exports, by requestId; answered all-missing once the worker is gone. */
    const waiting = new Map<number, (a: RecordAnswer | null) => void>();
    let nextRequestId = 1;
    let gone = false;
    const keepRecords = options.onImportedRecords !== undefined;
    const stop = (): void => {
      gone = true;
      worker.terminate();
      for (const answer of waiting.values()) answer(null);
      waiting.clear();
    };
    const ask = (request: RecordRequest): Promise<RecordAnswer | null> =>
      new Promise((resolve) => {
        if (gone) return resolve(null);
        waiting.set(request.requestId, resolve);
        worker.postMessage(request);
      });
    const imported: ImportedRecords = {
      async recordsById(ids) {
        const a = await ask({ type: 'get-records', requestId: nextRequestId++, ids });
        return a?.type === 'full-records' ? { records: a.records, missing: a.missing } : { records: [], missing: ids };
      },
      async exportFile(ids, kind, meta) {
        const a = await ask({ type: 'export', requestId: nextRequestId++, ids, kind, meta });
        if (a?.type === 'exported') return { blob: a.blob, count: a.count, missing: a.missing, error: a.error };
        return { count: 0, missing: ids.length, error: 'the import worker has stopped' };
      },
      release: stop,
    };

    const summary = (extra: Partial<StreamImportSummary> = {}): StreamImportSummary => ({
      fileName: file.name,
      entries: counts.entries,
      skipped: counts.skipped,
      problems: [],
      notes: [],
      ...extra,
    });
    const settle = (outcome: StreamImportOutcome | Promise<StreamImportOutcome>): void => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      // The worker answers for its records until released, unless the import was canceled or fell back.
      const keep = keepRecords && heard && !(outcome instanceof Promise) && outcome.status !== 'canceled';
      if (!keep) stop();
      resolve(outcome);
    };
    const onAbort = (): void => settle({ status: 'canceled', ...summary() });
    const showProgress = (): void => {
      if (shownCounts === counts) return;
      shownCounts = counts;
      options.onProgress({ fileName: file.name, totalBytes: file.size, ...counts, runner: 'worker' });
    };
    const queued = (): boolean => queue.length > 0;

    /** One frame's work: records for one slice, the latest progress, and the end once all are in. */
    const frame = async (): Promise<void> => {
      scheduled = false;
      if (settled) return;
      const start = now();
      const budget = Math.max(1, sliceMs - renderMs);
      while (queued() && !settled) {
        const left = budget - (now() - start);
        if (left <= 0) break;
        const batch = queue[0];
        const take = Math.min(
          batch.length - head,
          first ? FIRST_FRAME_RECORDS : Math.max(1, Math.min(CHUNK_RECORDS, Math.floor(left / msPerRecord))),
        );
        const records = head === 0 && take === batch.length ? batch : batch.slice(head, head + take);
        head += take;
        if (head >= batch.length) {
          queue.shift();
          head = 0;
        }
        const before = now();
        options.onRecords(records);
        msPerRecord = Math.max(0.001, 0.5 * msPerRecord + (0.5 * (now() - before)) / take);
        if (first) {
          first = false;
          break;
        }
      }
      if (settled) return;
      showProgress();
      const applied = now();
      await Promise.resolve(); // the re-render the store change queued runs before this resumes
      renderMs = Math.min(sliceMs / 2, 0.5 * renderMs + 0.5 * (now() - applied));
      if (settled) return;
      if (queued()) schedule();
      else if (end) {
        const { status, message, problems, notes } = end;
        const rest = summary({ problems, notes });
        settle(
          status === 'failed'
            ? { status, message: message ?? 'the file could not be read', ...rest }
            : { status, ...rest },
        );
      }
    };
    function schedule(): void {
      if (scheduled || settled) return;
      scheduled = true;
      scheduleFrame(() => void frame());
    }

    worker.onmessage = ({ data }) => {
      if (data.type === 'full-records' || data.type === 'exported') {
        const answer = waiting.get(data.requestId);
        waiting.delete(data.requestId);
        answer?.(data);
        return;
      }
      if (settled) return;
      if (!heard && keepRecords) options.onImportedRecords!(imported);
      heard = true;
      counts = data.counts;
      if (data.type === 'records') queue.push(data.records);
      else if (data.type === 'end') end = data;
      schedule();
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      if (settled) {
        stop(); // the worker failed after the import: its records are gone; waiting requests end
        return;
      }
      if (!heard) {
        // The worker did not start (its script could not load): the same import on this thread.
        settle(importHarStream(file, options));
        return;
      }
      stop(); // its records went with it
      const why = event.message ? `: ${event.message}` : '';
      end = { type: 'end', status: 'failed', message: `the import stopped${why}`, counts, problems: [], notes: [] };
      schedule();
    };
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort);
    showProgress();
    worker.postMessage({ type: 'import', file, keepRecords, rowBodyChars: options.rowBodyChars });
  });
}
