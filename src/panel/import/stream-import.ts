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
  /** Records go to the panel at most this often, ms (each batch re-renders the list). Default 150. */
  batchMs?: number;
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
  const batchMs = options.batchMs ?? 150;
  const yieldNow = options.yieldToEventLoop ?? yieldViaMessage;
  let batch: RequestRecord[] = [];
  const reader = new HarSlicedReader((entry) => batch.push(recordOf(entry)));

  let lastBatchAt = now();
  const flush = (force: boolean): void => {
    if (batch.length === 0 || (!force && now() - lastBatchAt < batchMs)) return;
    const records = batch;
    batch = [];
    lastBatchAt = now();
    options.onRecords(records);
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
  try {
    for (;;) {
      if (options.signal?.aborted) {
        void bytes.cancel().catch(() => undefined);
        flush(true);
        return { status: 'canceled', ...summary() };
      }
      const next = await bytes.read();
      if (next.done) break;
      reader.push(next.value);
      while (!reader.idle) {
        reader.step(() => now() - sliceStart >= sliceMs);
        if (now() - sliceStart >= sliceMs) {
          flush(false);
          progress();
          await yieldNow();
          sliceStart = now();
          if (options.signal?.aborted) break;
        }
      }
    }
    const end = reader.end();
    flush(true);
    progress();
    return { status: 'done', ...summary(end.notes) };
  } catch (err) {
    void bytes.cancel().catch(() => undefined);
    flush(true);
    progress();
    const message = err instanceof HarError ? err.message : `cannot read the file: ${errorText(err)}`;
    return { status: 'failed', message, ...summary() };
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
