// Packed rows' bodies read in a worker (issue 18). In Chromium the runtime's DecompressionStream
// inflates on the thread that asks, so reading an opening's packs in the panel took about a fifth of
// its main thread's CPU (docs/performance.md, session 25); a worker does it on the other core while
// the panel takes the message before in. The parsed parts come back by structured clone: a few long
// strings, a copy each.
import { inflateBody, type BodyInflater } from '../../protocol/packed-records';

export interface PackWorkerRequest {
  id: number;
  body: string;
}

export type PackWorkerAnswer = { id: number; parts: unknown } | { id: number; failed: true };

/** What the inflater needs of a Worker. */
export interface PackWorker {
  postMessage(message: PackWorkerRequest): void;
  onmessage: ((event: { data: PackWorkerAnswer }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  terminate(): void;
}

export function createPackWorker(): PackWorker {
  return new Worker(new URL('./pack-worker.ts', import.meta.url), { type: 'module' }) as unknown as PackWorker;
}

/**
 * A BodyInflater that hands each body to one worker, made on first use. Where no worker can be made,
 * or the worker fails, bodies are read on this thread (`fallback`), so rows are never lost to it.
 */
export function workerInflater(
  create: () => PackWorker = createPackWorker,
  fallback: BodyInflater = inflateBody,
): BodyInflater {
  let worker: PackWorker | null = null;
  let broken = typeof Worker === 'undefined' && create === createPackWorker;
  let nextId = 0;
  const waiting = new Map<number, { body: string; resolve(parts: unknown): void; reject(error: unknown): void }>();

  const giveUp = (): void => {
    broken = true;
    worker?.terminate();
    worker = null;
    // What the worker held is read here instead.
    for (const [id, w] of waiting) {
      waiting.delete(id);
      fallback(w.body).then(w.resolve, w.reject);
    }
  };

  const start = (): PackWorker | null => {
    if (worker || broken) return worker;
    try {
      worker = create();
    } catch {
      broken = true;
      return null;
    }
    worker.onmessage = ({ data }) => {
      const w = waiting.get(data.id);
      if (!w) return;
      waiting.delete(data.id);
      if ('parts' in data) w.resolve(data.parts);
      else w.reject(new Error('the pack worker could not read a body'));
    };
    worker.onerror = giveUp;
    return worker;
  };

  return (body) => {
    const w = start();
    if (!w) return fallback(body);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      waiting.set(id, { body, resolve, reject });
      w.postMessage({ id, body });
    });
  };
}
