import { describe, expect, it } from 'vitest';
import { EARLY_EVENT_JOURNAL, journalOn, syncJournal, type KeyValueStorage } from './sync-journal';

function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { items: Map<string, string> } {
  const items = new Map(Object.entries(initial));
  return {
    items,
    get length() {
      return items.size;
    },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
  };
}

describe('journalOn', () => {
  it('appends in order, drops through an index, removes one, and a new journal over the same storage continues it', () => {
    const storage = memoryStorage({ unrelated: 'kept' });
    const journal = journalOn(storage);
    expect(journal.lastIndex).toBe(0);
    expect([journal.append('a'), journal.append('b'), journal.append('c'), journal.append('d')]).toEqual([1, 2, 3, 4]);
    journal.dropThrough(2);
    journal.remove(4);
    expect(journal.entries()).toEqual([[3, 'c']]);
    // The next page's journal reads what this one left and numbers after it.
    const next = journalOn(storage);
    expect(next.entries()).toEqual([[3, 'c']]);
    expect(next.append('e')).toBe(4);
    next.clear();
    expect(next.entries()).toEqual([]);
    expect([...storage.items.keys()]).toEqual(['unrelated']);
  });

  it('keeps journals of different prefixes apart in one storage', () => {
    const storage = memoryStorage();
    const requests = journalOn(storage);
    const early = journalOn(storage, EARLY_EVENT_JOURNAL);
    requests.append('r1');
    early.append('e1');
    early.append('e2');
    requests.dropThrough(requests.lastIndex);
    expect(journalOn(storage, EARLY_EVENT_JOURNAL).entries()).toEqual([
      [1, 'e1'],
      [2, 'e2'],
    ]);
    early.clear();
    requests.append('r2');
    expect(journalOn(storage).entries()).toEqual([[2, 'r2']]);
    expect(journalOn(storage, EARLY_EVENT_JOURNAL).entries()).toEqual([]);
  });

  it('is absent where the page has no localStorage (a service worker)', () => {
    expect(syncJournal()).toBeNull();
  });
});
