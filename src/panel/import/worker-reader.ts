// The import worker's side of a HAR import (issue 18): reads the file, parses and classifies every
// entry, and posts the records in batches small enough that the panel takes each in a few
// milliseconds (structured-clone time grows with the bytes). Runs off the panel's main thread, so
// it works through the file without yielding; only the batches are bounded. With a WorkerRecords,
// the full records stay in the worker and the panel gets their list rows.
import { HarError, type HarProblem } from '../../core/har';
import { HarSlicedReader } from '../../core/har-slices';
import { listRecordKeeping, ROW_BODY_CHARS } from '../../protocol/list-record';
import type { RequestRecord } from '../../protocol/messages';
import { recordOf, type ImportSource } from './stream-import';
import type { RecordAnswer, RecordRequest, WorkerRecords } from './worker-records';

/** What the reader has seen so far. */
export interface ImportCounts {
  bytesRead: number;
  /** Items of log.entries seen so far, converted or not. */
  entries: number;
  skipped: number;
}

/**
 * Panel → worker: first the file to import (a File is cloned without copying its bytes), then
 * requests for full records and exports, answered while and after the file is read.
 */
export type ImportWorkerRequest =
  /**
   * `keepRecords`: the worker keeps the full records and posts list rows, with response bodies up
   * to `rowBodyChars` (what the contract check reads; ROW_BODY_CHARS when not given).
   */
  { type: 'import'; file: ImportSource; keepRecords: boolean; rowBodyChars?: number } | RecordRequest;

/**
 * Worker → panel. Records come in file order (list rows when the worker keeps the full records);
 * `end` is the last of them. Answers to requests come any time.
 */
export type ImportWorkerMessage =
  | RecordAnswer
  | { type: 'records'; records: RequestRecord[]; counts: ImportCounts }
  | { type: 'progress'; counts: ImportCounts }
  | {
      type: 'end';
      /** 'failed': the file is not a usable HAR from some point on; `message` says why, in one line. */
      status: 'done' | 'failed';
      message?: string;
      counts: ImportCounts;
      problems: HarProblem[];
      notes: string[];
    };

export interface BatchLimits {
  /** A batch is posted once its records weigh this much (estimated UTF-16 characters). */
  maxBatchChars?: number;
  /** …or hold this many records. */
  maxBatchRecords?: number;
  /** Progress (or the records so far) is posted at least this often, ms. */
  progressMs?: number;
  now?: () => number;
}

/** About 0.5 MB of strings a batch: the panel deserializes one in a few ms. */
const MAX_BATCH_CHARS = 256 * 1024;
const MAX_BATCH_RECORDS = 400;
const PROGRESS_MS = 50;

/** A record's weight in a message: its bodies and URL plus a fixed part for the rest. */
function weightOf(record: RequestRecord): number {
  const x = record.exchange;
  return 600 + x.url.length + (x.body?.length ?? 0) + (x.requestBody?.length ?? 0);
}

/**
 * Reads the whole file and posts what it finds. Never throws: a broken file ends with status 'failed'.
 * With `kept`, each full record is kept there and its list row is posted instead.
 */
export async function readHarInBatches(
  file: ImportSource,
  post: (message: ImportWorkerMessage) => void,
  limits: BatchLimits = {},
  kept?: WorkerRecords,
  rowBodyChars?: number,
): Promise<void> {
  const maxChars = limits.maxBatchChars ?? MAX_BATCH_CHARS;
  const maxRecords = limits.maxBatchRecords ?? MAX_BATCH_RECORDS;
  const progressMs = limits.progressMs ?? PROGRESS_MS;
  const now = limits.now ?? (() => performance.now());
  let pending: RequestRecord[] = [];
  let pendingChars = 0;
  const reader = new HarSlicedReader((entry) => {
    const full = recordOf(entry);
    kept?.add(full);
    const record = kept ? (listRecordKeeping(full, rowBodyChars ?? ROW_BODY_CHARS) as RequestRecord) : full;
    pending.push(record);
    pendingChars += weightOf(record);
  });
  let lastPost = now();
  /** Posts what was read, cut into batches within the limits (one piece of the file can hold many entries). */
  const flush = (): void => {
    const counts = reader.counts();
    if (pending.length === 0) post({ type: 'progress', counts });
    let batch: RequestRecord[] = [];
    let chars = 0;
    for (const record of pending) {
      const weight = weightOf(record);
      if (batch.length > 0 && (batch.length >= maxRecords || chars + weight > maxChars)) {
        post({ type: 'records', records: batch, counts });
        batch = [];
        chars = 0;
      }
      batch.push(record);
      chars += weight;
    }
    if (batch.length > 0) post({ type: 'records', records: batch, counts });
    pending = [];
    pendingChars = 0;
    lastPost = now();
  };
  const full = (): boolean => pendingChars >= maxChars || pending.length >= maxRecords;

  let status: 'done' | 'failed' = 'done';
  let message: string | undefined;
  let notes: string[] = [];
  try {
    const bytes = file.stream().getReader();
    for (;;) {
      const next = await bytes.read();
      if (next.done) break;
      reader.push(next.value);
      while (!reader.idle) {
        reader.step(full);
        if (full() || now() - lastPost >= progressMs) flush();
      }
    }
    notes = reader.end().notes;
  } catch (err) {
    status = 'failed';
    message =
      err instanceof HarError
        ? err.message
        : `cannot read the file: ${err instanceof Error ? err.message : String(err)}`;
  }
  if (pending.length > 0) flush();
  post({ type: 'end', status, message, counts: reader.counts(), problems: reader.problems, notes });
}
