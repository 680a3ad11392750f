// storage.session as a small key-value interface, so the persistence logic can be tested with a Map.
import browser from 'webextension-polyfill';

export interface SessionArea {
  getAll(): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
  /** Bytes the area may hold (Chrome and Firefox: 10 MiB). */
  readonly quotaBytes: number;
}

export const DEFAULT_SESSION_QUOTA_BYTES = 10 * 1024 * 1024;

export function sessionArea(): SessionArea {
  const area = browser.storage.session;
  const quota = (area as unknown as { QUOTA_BYTES?: unknown }).QUOTA_BYTES;
  return {
    getAll: () => area.get(null),
    set: (items) => area.set(items),
    remove: (keys) => (keys.length ? area.remove(keys) : Promise.resolve()),
    quotaBytes: typeof quota === 'number' && quota > 0 ? quota : DEFAULT_SESSION_QUOTA_BYTES,
  };
}
