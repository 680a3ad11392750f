// A marker in storage.session for "this browser session": storage.session is emptied when the
// browser restarts (and when the extension is reloaded or updated), IndexedDB is not. A missing
// marker therefore means the captured data on disk belongs to an earlier session. The marker also
// keeps what the first start of this session deleted of the earlier one, so a later worker start
// (the worker stops when idle) still reports it.
import browser from 'webextension-polyfill';
import type { ClearedRows } from './capture-db';

export interface SessionMarker {
  /** The marker set earlier in this browser session (with what its first start deleted), or null. */
  read(): Promise<{ previousSession: ClearedRows } | null>;
  /** Sets the marker, with the rows of the earlier session the first start deleted. */
  set(previousSession: ClearedRows): Promise<void>;
}

const MARKER_KEY = 'fl1:session';

const count = (value: unknown): number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0;

/** The stored marker's counts; an older marker (a timestamp) or a damaged one reads as zeros. */
export function previousSessionOf(value: unknown): ClearedRows {
  const counts =
    typeof value === 'object' && value !== null ? (value as { previousSession?: unknown }).previousSession : undefined;
  const c = (typeof counts === 'object' && counts !== null ? counts : {}) as Partial<
    Record<keyof ClearedRows, unknown>
  >;
  return { tabs: count(c.tabs), records: count(c.records), bodies: count(c.bodies) };
}

export function sessionMarker(): SessionMarker {
  const area = browser.storage.session;
  return {
    read: async () => {
      const value: unknown = (await area.get(MARKER_KEY))[MARKER_KEY];
      return value === undefined ? null : { previousSession: previousSessionOf(value) };
    },
    set: (previousSession) => area.set({ [MARKER_KEY]: { setAt: Date.now(), previousSession } }),
  };
}
