// Imports a HAR file of any size into the panel without freezing it: the file is read as a stream,
// parsed and classified in slices of a few milliseconds (core/har-slices), and between slices the
// panel paints, answers input and takes the records read so far in batches.
import { HarError, type HarProblem } from '../../core/har';
import { HarSlicedReader, type SlicedEntry } from '../../core/har-slices';
import type { Exchange } from '../../core/types';
import type { BodyState, RequestRecord } from '../../protocol/messages';

export interface ImportProgress {
  fileName: string;
  bytesRead: number;
  totalBytes: number;
  /** Items of log.entries seen so far, converted or not. */
  entries: number;
  skipped: number;
  /** Where the file is parsed and classified: 'worker' when a Worker does it (else this thread). */
  runner?: 'worker';
}

export interface StreamImportSummary {
  fileName: string;
  entries: number;
  skipped: number;
  problems: HarProblem[];
  notes: string[];
}

export type StreamImportOutcome =
  | ({ status: 'done' } & StreamImportSummary)
  /** The file is not a usable HAR; `message` is one line. The counts say what was read before. */
  | ({ status: 'failed'; message: string } & StreamImportSummary)
  | ({ status: 'canceled' } & StreamImportSummary);

/** What the importer needs of a File (a Blob with a name); tests pass their own. */
export interface ImportSource {
  name: string;
  size: number;
  stream(): ReadableStream<Uint8Array>;
}

export interface StreamImportOptions {
  /** Records read since the last call, in file order. */
  onRecords(records: RequestRecord[]): void;
  onProgress(progress: ImportProgress): void;
  signal?: AbortSignal;
  /** Work per slice before yielding to the event loop, ms. Default 8: well inside a 50 ms long task. */
  sliceMs?: number;
  /** Records go to the panel at most this often, ms (each batch re-renders the list). Default 100. */
  batchMs?: number;
  /** Work per batch handed to the panel (store update and re-render), ms. Default 2 × sliceMs. */
  deliverMs?: number;
  now?: () => number;
  /** Lets the event loop run (paint, input) and resolves in a later task. */
  yieldToEventLoop?: () => Promise<void>;
}

function bodyStateOf(x: Exchange): BodyState {
  if (x.body === undefined) return 'not-captured';
  if (x.bodyTruncated) return 'truncated';
  if (x.body === '') return 'empty';
  if (x.bodyEncoding === 'base64') return 'binary';
  return 'captured';
}

export function recordOf(entry: SlicedEntry): RequestRecord {
  return {
    kind: 'request',
    id: `har:${entry.index}`,
    tabId: -1,
    seq: entry.index + 1,
    exchange: entry.exchange,
    classification: entry.classification,
    bodyState: bodyStateOf(entry.exchange),
    sources: ['har'],
  };
}

/**
 * A macrotask without setTimeout's clamping (4 ms once timers nest): a message to ourselves.
 * Timers still fire in a hidden panel, where messages may be throttled less; either resolves.
 */
export function yieldViaMessage(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export async function importHarStream(file: ImportSource, options: StreamImportOptions): Promise<StreamImportOutcome> {
  const now = options.now ?? (() => performance.now());
  const sliceMs = options.sliceMs ?? 8;
  const batchMs = options.batchMs ?? 100;
  const deliverMs = options.deliverMs ?? 2 * sliceMs;
  const yieldNow = options.yieldToEventLoop ?? yieldViaMessage;
  let pending: RequestRecord[] = [];
  const reader = new HarSlicedReader((entry) => pending.push(recordOf(entry)));

  // The panel's cost of a batch, learned as batches go in: per record (list row, audit bucket) and
  // per batch (the re-render, which grows with the list), so each batch fits in a slice of its own
  // however slow the machine is.
  let msPerRecord = 0.05;
  let renderMs = 1;
  let lastBatchAt = now();
  const batchSize = (): number => Math.max(20, Math.floor(Math.max(sliceMs, deliverMs - renderMs) / msPerRecord));
  /** Hands over one batch; returns whether records remain. */
  const deliver = async (): Promise<boolean> => {
    const count = Math.min(pending.length, batchSize());
    const records = pending.slice(0, count);
    pending = count === pending.length ? [] : pending.slice(count);
    const start = now();
    options.onRecords(records);
    const stored = now();
    await Promise.resolve(); // the re-render the store change queued runs before this resumes
    msPerRecord = Math.max(0.001, 0.5 * msPerRecord + (0.5 * (stored - start)) / count);
    renderMs = 0.5 * renderMs + 0.5 * (now() - stored);
    lastBatchAt = now();
    return pending.length > 0;
  };
  /**
   * Between parse slices: batches once `batchMs` has passed (each re-renders the list), until
   * fewer records wait than a batch holds, so the list keeps up with the reading.
   */
  const deliverDue = async (): Promise<void> => {
    if (pending.length === 0 || now() - lastBatchAt < batchMs) return;
    do {
      await deliver();
      await yieldNow();
    } while (pending.length >= batchSize() && !options.signal?.aborted);
  };
  /** At the end, or on a cancel or a broken file: every record read so far, in slices. */
  const drain = async (): Promise<void> => {
    while (pending.length > 0 && (await deliver())) await yieldNow();
  };
  const progress = (): void => {
    const counts = reader.counts();
    options.onProgress({
      fileName: file.name,
      bytesRead: counts.bytesRead,
      totalBytes: file.size,
      entries: counts.entries,
      skipped: counts.skipped,
    });
  };
  const summary = (notes: string[] = []): StreamImportSummary => {
    const counts = reader.counts();
    return { fileName: file.name, entries: counts.entries, skipped: counts.skipped, problems: reader.problems, notes };
  };

  let bytes: ReadableStreamDefaultReader<Uint8Array>;
  try {
    bytes = file.stream().getReader();
  } catch (err) {
    return { status: 'failed', message: `cannot read the file: ${errorText(err)}`, ...summary() };
  }
  progress();
  let sliceStart = now();
  let failure: string | null = null;
  let notes: string[] = [];
  try {
    for (;;) {
      if (options.signal?.aborted) break;
      const next = await bytes.read();
      if (next.done) break;
      reader.push(next.value);
      while (!reader.idle && !options.signal?.aborted) {
        reader.step(() => now() - sliceStart >= sliceMs);
        if (now() - sliceStart >= sliceMs) {
          progress();
          await yieldNow();
          await deliverDue();
          sliceStart = now();
        }
      }
    }
    if (!options.signal?.aborted) notes = reader.end().notes;
  } catch (err) {
    failure = err instanceof HarError ? err.message : `cannot read the file: ${errorText(err)}`;
  }
  if (options.signal?.aborted || failure !== null) void bytes.cancel().catch(() => undefined);
  if (options.signal?.aborted) return { status: 'canceled', ...summary() };
  await drain();
  progress();
  if (failure !== null) return { status: 'failed', message: failure, ...summary() };
  return { status: 'done', ...summary(notes) };
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
