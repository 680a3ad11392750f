// Collects the devtools page's finished entries and hands them over in batches: one port message per
// request cost a structured clone and a task in both the extension renderer and the worker, which in
// a 2,000-request burst was most of the capture's cost. Pure (timers injected) so it is unit-tested.
import type { DevtoolsEntry } from '../protocol/messages';

export interface BatchOptions {
  /** A batch waits at most this long after its first entry. */
  delayMs: number;
  /** Sent at once when it holds this many entries. */
  maxEntries: number;
  /** …or this many characters of bodies, far below a port message's 64 MiB. */
  maxBodyChars: number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export const DEFAULT_BATCH_OPTIONS: BatchOptions = {
  delayMs: 100,
  maxEntries: 200,
  maxBodyChars: 8 * 1024 * 1024,
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface EntryBatcher {
  add(entry: DevtoolsEntry): void;
  /** Sends what is waiting now (before the page goes away). */
  flush(): void;
}

function bodyChars(entry: DevtoolsEntry): number {
  return (entry.exchange.body?.length ?? 0) + (entry.exchange.requestBody?.length ?? 0);
}

export function createEntryBatcher(
  send: (entries: DevtoolsEntry[]) => void,
  options: BatchOptions = DEFAULT_BATCH_OPTIONS,
): EntryBatcher {
  let entries: DevtoolsEntry[] = [];
  let chars = 0;
  let timer: unknown = null;

  function flush(): void {
    if (timer !== null) {
      options.clearTimer(timer);
      timer = null;
    }
    if (!entries.length) return;
    const batch = entries;
    entries = [];
    chars = 0;
    send(batch);
  }

  return {
    add(entry) {
      const size = bodyChars(entry);
      if (entries.length && chars + size > options.maxBodyChars) flush();
      entries.push(entry);
      chars += size;
      if (entries.length >= options.maxEntries || chars >= options.maxBodyChars) flush();
      else if (timer === null) timer = options.setTimer(flush, options.delayMs);
    },
    flush,
  };
}
