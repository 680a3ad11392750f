// The entries the devtools page sent in the last few seconds. A worker stopped at any moment may
// not have written the last of them to storage yet, so they are sent again after every reconnect;
// the background recognises the ones it holds (same DevTools key) and re-creates only what it lost.
// Pure (clock injected) so it is unit-tested.
import { RESEND_WINDOW_MS, type DevtoolsEntry } from '../protocol/messages';

export interface RecentOptions {
  /** Entries older than this are forgotten: far longer than a commit or a reconnect takes. */
  windowMs: number;
  maxEntries: number;
  maxBodyChars: number;
  now(): number;
}

// The window must outlast the longest commit lag (14.2 s measured in the soak bench on a loaded
// machine, twice over: a 10 s window left requests of a stopped worker in flight). maxEntries stays below the
// 10,000-record cap, so a re-sent entry is never one the cap already evicted.
export const DEFAULT_RECENT_OPTIONS: RecentOptions = {
  windowMs: RESEND_WINDOW_MS,
  maxEntries: 5_000,
  maxBodyChars: 16 * 1024 * 1024,
  now: () => Date.now(),
};

export interface RecentEntries {
  add(entries: readonly DevtoolsEntry[]): void;
  /** The entries added within the window before now. */
  all(): DevtoolsEntry[];
}

const charsOf = (entry: DevtoolsEntry): number =>
  (entry.exchange.body?.length ?? 0) + (entry.exchange.requestBody?.length ?? 0);

export function createRecentEntries(options: RecentOptions = DEFAULT_RECENT_OPTIONS): RecentEntries {
  const ring: Array<{ at: number; entry: DevtoolsEntry }> = [];
  let chars = 0;
  return {
    add(entries) {
      const at = options.now();
      for (const entry of entries) {
        ring.push({ at, entry });
        chars += charsOf(entry);
      }
      while (
        ring.length &&
        (ring[0].at < at - options.windowMs || ring.length > options.maxEntries || chars > options.maxBodyChars)
      ) {
        chars -= charsOf(ring.shift()!.entry);
      }
    },
    all: () => {
      const since = options.now() - options.windowMs;
      return ring.filter((r) => r.at >= since).map((r) => r.entry);
    },
  };
}
