// A journal written synchronously, for what must outlive a page that unloads between two IndexedDB
// commits. Firefox's event page has `localStorage` (a DOM window): a setItem is done when it returns
// and survives the page's unload, where an IndexedDB transaction still running then does not. Chrome's
// service worker has no localStorage: `syncJournal()` is null there.

/** Entries by index, oldest first; an entry is a string the caller encodes. */
export interface SyncJournal {
  /** Appends one entry; returns its index (greater than every earlier one). */
  append(value: string): number;
  /** The index of the newest entry (0 when none was ever appended). */
  readonly lastIndex: number;
  /** Every entry still held, oldest first. */
  entries(): Array<[index: number, value: string]>;
  /** Forgets the entries up to and including `index`. */
  dropThrough(index: number): void;
  /** Forgets one entry. */
  remove(index: number): void;
  /** Forgets everything. */
  clear(): void;
}

/** The part of the Web Storage API the journal uses. */
export interface KeyValueStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The persister's journal of requests not yet counted by a committed meta. */
export const REQUEST_JOURNAL = 'faultline-journal:';
/** The service's journal of webRequest events received before a start is ready. */
export const EARLY_EVENT_JOURNAL = 'faultline-early:';

/**
 * A journal over `storage` (one key per entry, so appending costs the same however many are held).
 * Journals with different prefixes share the storage and never see each other's entries.
 */
export function journalOn(storage: KeyValueStorage, prefix = REQUEST_JOURNAL): SyncJournal {
  const PREFIX = prefix;
  const held: number[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(PREFIX)) held.push(Number(key.slice(PREFIX.length)));
  }
  held.sort((a, b) => a - b);
  let last = held.at(-1) ?? 0;
  return {
    append(value) {
      last++;
      storage.setItem(PREFIX + last, value);
      held.push(last);
      return last;
    },
    get lastIndex() {
      return last;
    },
    entries() {
      const out: Array<[number, string]> = [];
      for (const index of held) {
        const value = storage.getItem(PREFIX + index);
        if (value !== null) out.push([index, value]);
      }
      return out;
    },
    dropThrough(index) {
      while (held.length && held[0] <= index) storage.removeItem(PREFIX + held.shift()!);
    },
    remove(index) {
      const at = held.indexOf(index);
      if (at < 0) return;
      held.splice(at, 1);
      storage.removeItem(PREFIX + index);
    },
    clear() {
      for (const index of held.splice(0)) storage.removeItem(PREFIX + index);
    },
  };
}

/** The page's localStorage journal under `prefix`, or null where there is none (a service worker). */
export function syncJournal(prefix = REQUEST_JOURNAL): SyncJournal | null {
  try {
    const storage = (globalThis as { localStorage?: KeyValueStorage }).localStorage;
    return storage ? journalOn(storage, prefix) : null;
  } catch {
    // A page whose storage is disabled throws on access.
    return null;
  }
}
