// The CLI's real I/O on Node: size-limited reads of a file or stdin, and the process's streams.
import { open, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { Readable } from 'node:stream';
import { Worker, type MessagePort } from 'node:worker_threads';
import { HarError } from '../core/har';
import {
  MAX_INPUT_BYTES,
  triageEntryBytes,
  type CliIo,
  type EntryPool,
  type EntryResult,
  type EntryTriageConfig,
  type InputSource,
} from './main';

/** An Error with a Node-style code, which `run` turns into one line. */
function codedError(code: string, message: string, detail?: string): Error {
  return Object.assign(new Error(message), { code, detail });
}

function tooLarge(bytes: number): Error {
  return codedError('E2BIG', 'input too large', `${(bytes / (1024 * 1024)).toFixed(0)} MiB or more`);
}

const decoder = (): TextDecoder => new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** Reads a stream fully, refusing more than `limit` bytes. */
export async function readLimited(
  stream: AsyncIterable<Uint8Array | string>,
  limit = MAX_INPUT_BYTES,
): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buf =
      typeof chunk === 'string'
        ? Buffer.from(chunk, 'utf8')
        : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    total += buf.length;
    if (total > limit) throw tooLarge(total);
    chunks.push(buf);
  }
  return decoder().decode(Buffer.concat(chunks, total));
}

/** Reads a file as UTF-8 (invalid bytes become U+FFFD). Directories, oversized and unreadable files reject with a code. */
export async function readFileLimited(path: string, limit = MAX_INPUT_BYTES): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw codedError('EISDIR', 'is a directory');
    if (info.isFile()) {
      if (info.size > limit) throw tooLarge(info.size);
      const buf = await handle.readFile();
      if (buf.length > limit) throw tooLarge(buf.length);
      return decoder().decode(buf);
    }
    // FIFOs, character devices, /dev/stdin: no size up front, so stream with the limit.
    return await readLimited(handle.createReadStream({ autoClose: false }), limit);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** A file ('-': stdin) as a byte stream, with its size when it is a regular file. Opened when first read. */
export async function openInputStream(path: string, stdin: Readable): Promise<InputSource> {
  if (path === '-') return { size: null, chunks: stdin };
  const info = await stat(path);
  if (info.isDirectory()) throw codedError('EISDIR', 'is a directory');
  async function* chunks(): AsyncGenerator<Uint8Array> {
    const handle = await open(path, 'r');
    try {
      yield* handle.createReadStream({ highWaterMark: 1024 * 1024, autoClose: false });
    } finally {
      await handle.close().catch(() => undefined);
    }
  }
  return { size: info.isFile() ? info.size : null, chunks: chunks() };
}

/** Entries are sent to a worker about this many bytes at a time. */
const BATCH_BYTES = 1024 * 1024;
/** Batches sent and not yet answered, per worker: enough to keep it busy, few enough to bound memory. */
const BATCHES_IN_FLIGHT = 3;

/** What a worker is sent: the entries of one batch, back to back in one transferred buffer. */
interface BatchMessage {
  id: number;
  buffer: ArrayBuffer;
  /** Entry k is bytes [ends[k - 1] ?? 0, ends[k]). */
  ends: number[];
  indices: number[];
}

/** The results, and the batch's buffer handed back for the next batch. */
interface BatchAnswer {
  id: number;
  results: EntryResult[];
  buffer: ArrayBuffer;
}

/** Marks the workerData of an entry worker (faultline.ts starts the bundle as one when it sees it). */
export const ENTRY_WORKER = 'faultline-entry-worker';

/**
 * Streamed entries parsed and triaged on `threads` worker threads running `script` (the CLI bundle),
 * in batches round the workers; results are delivered in input order.
 */
export function openEntryPool(
  script: URL,
  threads: number,
  config: EntryTriageConfig,
  deliver: (result: EntryResult) => void,
): EntryPool {
  const workers: Worker[] = [];
  const answered = new Map<number, EntryResult[]>();
  let sent = 0;
  let delivered = 0;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  /** Buffers the workers handed back: batches reuse them, so the memory in flight stays a few MiB. */
  const spare: ArrayBuffer[] = [];
  const fresh = (): Uint8Array<ArrayBuffer> =>
    new Uint8Array(spare.pop() ?? new ArrayBuffer(BATCH_BYTES + BATCH_BYTES / 4));
  let buffer = fresh();
  let ends: number[] = [];
  let indices: number[] = [];
  let used = 0;

  const notify = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };
  const onAnswer = (answer: BatchAnswer): void => {
    if (answer.buffer.byteLength <= BATCH_BYTES * 2) spare.push(answer.buffer);
    answered.set(answer.id, answer.results);
    for (let next = answered.get(delivered); next; next = answered.get(delivered)) {
      answered.delete(delivered);
      delivered++;
      for (const result of next) deliver(result);
    }
    notify();
  };
  for (let k = 0; k < threads; k++) {
    const worker = new Worker(script, { workerData: { [ENTRY_WORKER]: config } });
    worker.on('message', onAnswer);
    worker.on('error', (err) => {
      failure ??= err;
      notify();
    });
    worker.on('exit', (code) => {
      if (code !== 0) failure ??= new Error(`a worker thread stopped (exit ${code})`);
      notify();
    });
    workers.push(worker);
  }

  const send = (): void => {
    if (indices.length === 0) return;
    const message: BatchMessage = { id: sent, buffer: buffer.buffer, ends, indices };
    workers[sent % workers.length].postMessage(message, [buffer.buffer]);
    sent++;
    buffer = fresh();
    ends = [];
    indices = [];
    used = 0;
  };
  const until = (done: () => boolean): Promise<void> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        if (failure) reject(failure);
        else if (done()) resolve();
        else wake = check;
      };
      check();
    });

  return {
    add(bytes, index) {
      if (used + bytes.length > buffer.length) {
        const grown = new Uint8Array(Math.max(buffer.length * 2, used + bytes.length));
        grown.set(buffer.subarray(0, used));
        buffer = grown;
      }
      buffer.set(bytes, used);
      used += bytes.length;
      ends.push(used);
      indices.push(index);
      if (used >= BATCH_BYTES) send();
    },
    ready: () => until(() => sent - delivered < BATCHES_IN_FLIGHT * workers.length),
    drain: () => {
      send();
      return until(() => delivered === sent);
    },
    close: () => {
      for (const worker of workers) {
        worker.removeAllListeners('exit');
        void worker.terminate();
      }
    },
  };
}

/** A worker's side of openEntryPool: each batch's entries parsed and triaged, up to the first error. */
export function runEntryWorker(port: MessagePort, config: EntryTriageConfig): void {
  const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
  port.on('message', (message: BatchMessage) => {
    const bytes = new Uint8Array(message.buffer);
    const results: EntryResult[] = [];
    for (let k = 0; k < message.indices.length; k++) {
      const index = message.indices[k];
      const entry = bytes.subarray(k === 0 ? 0 : message.ends[k - 1], message.ends[k]);
      try {
        results.push({ index, outcome: triageEntryBytes(entry, index, config, decoder) });
      } catch (err) {
        const error = err instanceof Error ? err.message : String(err);
        results.push({ index, error, harError: err instanceof HarError });
        break;
      }
    }
    const answer: BatchAnswer = { id: message.id, results, buffer: message.buffer };
    port.postMessage(answer, [message.buffer]);
  });
}

/** Worker threads for a streamed triage: FAULTLINE_WORKERS if set (0: none), else one per core when there are two or more, at most four. */
export function entryThreads(env: Readonly<Record<string, string | undefined>>): number {
  const set = env.FAULTLINE_WORKERS;
  if (set !== undefined && /^\d+$/.test(set.trim())) return Math.min(16, Number(set));
  const cores = availableParallelism();
  return cores >= 2 ? Math.min(4, cores) : 0;
}

/** `workerScript`: the CLI bundle, which runs runEntryWorker when started as an entry worker; without it, no threads. */
export function nodeIo(proc: NodeJS.Process = process, workerScript?: URL): CliIo {
  const threads = workerScript ? entryThreads(proc.env) : 0;
  return {
    stdout: (text) => {
      proc.stdout.write(text);
    },
    stderr: (text) => {
      proc.stderr.write(text);
    },
    readFile: (path) => readFileLimited(path),
    readStdin: () => readLimited(proc.stdin as Readable),
    openInput: (path) => openInputStream(path, proc.stdin),
    stderrIsTTY: Boolean(proc.stderr.isTTY),
    isTTY: Boolean(proc.stdout.isTTY),
    columns: proc.stdout.isTTY ? proc.stdout.columns : undefined,
    env: proc.env,
    ...(workerScript && threads > 0
      ? { openEntryPool: (config, deliver) => openEntryPool(workerScript, threads, config, deliver) }
      : {}),
  };
}
