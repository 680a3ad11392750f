// Capture work of the devtools page: it runs as soon as DevTools opens (the panel may never be
// shown). Finished requests go to the background with their bodies; the HAR DevTools already holds
// is sent once as a backfill. The background merges both into its webRequest records.
import { getHAR, onRequestFinished, type FinishedRequest } from '../platform/devtools';
import { connectReconnecting } from '../platform/port';
import { DEVTOOLS_PORT_PREFIX, envelope, type DevtoolsEntry } from '../protocol/messages';
import { createEntryBatcher } from './batcher';
import { createRecentEntries } from './recent-entries';
import { toDevtoolsEntry, wantsBody, type FetchedContent } from './har-entry';

/** Backfill entries per message: keeps each message small while DevTools holds thousands. */
const BACKFILL_BATCH = 200;
/** While DevTools is open the worker should not be stopped between requests (each stop costs a reload of the state). */
const KEEPALIVE_MS = 20_000;

export interface DevtoolsCapture {
  /** Posts the entries still waiting in the batch (the page is going away). */
  flush(): void;
  stop(): void;
}

/**
 * getContent can stay unanswered (Chrome, a body the page never read): the entry still goes without
 * it after this long, so its status, headers and call site are not lost with the body.
 */
export const GET_CONTENT_TIMEOUT_MS = 3000;

/** The content, or undefined when it fails or does not come within `timeoutMs`. */
export function contentWithin(
  get: () => Promise<FetchedContent>,
  timeoutMs: number,
): Promise<FetchedContent | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), timeoutMs);
    get().then(
      (content) => {
        clearTimeout(timer);
        resolve(content);
      },
      () => {
        clearTimeout(timer);
        resolve(undefined);
      },
    );
  });
}

async function entryOf(request: FinishedRequest): Promise<DevtoolsEntry | null> {
  const fetched = wantsBody(request.entry)
    ? await contentWithin(() => request.getContent(), GET_CONTENT_TIMEOUT_MS)
    : undefined;
  return toDevtoolsEntry(request.entry, fetched);
}

export function startDevtoolsCapture(tabId: number): DevtoolsCapture {
  let stopped = false;
  let keepalive: ReturnType<typeof setInterval> | undefined;
  let unsubscribe: (() => void) | undefined;
  function stop(): void {
    stopped = true;
    if (keepalive !== undefined) clearInterval(keepalive);
    unsubscribe?.();
  }

  // Sent again after a reconnect: the stopped worker may not have stored them (src/background/persist.ts).
  const recent = createRecentEntries();
  let connects = 0;
  const port = connectReconnecting(DEVTOOLS_PORT_PREFIX + tabId, {
    onMessage: () => {},
    onConnect: () => {
      if (connects++ === 0) return;
      const entries = recent.all();
      for (let i = 0; i < entries.length; i += BACKFILL_BATCH) {
        port.post(envelope('devtools/har-backfill', { tabId, entries: entries.slice(i, i + BACKFILL_BATCH) }));
      }
    },
    // The extension was reloaded: this page is orphaned and must stop talking.
    onContextInvalidated: () => stop(),
  });
  if (stopped) return { flush: () => {}, stop: () => {} };

  const finished = createEntryBatcher((entries) => {
    recent.add(entries);
    port.post(envelope('devtools/finished', { tabId, entries }));
  });
  unsubscribe = onRequestFinished((request) => {
    void entryOf(request).then((entry) => {
      if (entry && !stopped) finished.add(entry);
    });
  });

  void getHAR()
    .then((log) => {
      const entries: DevtoolsEntry[] = [];
      for (const raw of Array.isArray(log.entries) ? log.entries : []) {
        const entry = toDevtoolsEntry(raw);
        if (entry) entries.push(entry);
      }
      for (let i = 0; i < entries.length; i += BACKFILL_BATCH) {
        port.post(envelope('devtools/har-backfill', { tabId, entries: entries.slice(i, i + BACKFILL_BATCH) }));
      }
    })
    .catch(() => {
      /* no HAR (Firefox before its Network panel was opened): webRequest still has every request */
    });

  keepalive = setInterval(() => port.post(envelope('devtools/keepalive', { tabId })), KEEPALIVE_MS);

  return {
    flush: () => finished.flush(),
    stop() {
      finished.flush();
      stop();
      port.close();
    },
  };
}
