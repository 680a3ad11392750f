import { describe, expect, it, vi } from 'vitest';
import type { Rule, RulesDocument } from '../core/rules';

// The polyfill refuses to load outside an extension; these tests pass their own storage.
vi.mock('webextension-polyfill', () => ({ default: {} }));

const {
  loadRules,
  onRulesChanged,
  RULES_AREA_KEY,
  RULES_KEY,
  RulesValidationError,
  salvageRules,
  saveRules,
  SYNC_QUOTA_BYTES_PER_ITEM,
  syncItemBytes,
} = await import('./rules-storage');
type RulesStorage = import('./rules-storage').RulesStorage;
type StorageChangeListener = import('./rules-storage').StorageChangeListener;

/** An in-memory storage area that copies values like the browser does and can refuse writes. */
class FakeArea {
  readonly items = new Map<string, string>();
  failSet: Error | null = null;
  failGet: Error | null = null;
  constructor(
    private readonly name: 'sync' | 'local',
    private readonly notify: (
      changes: Record<string, { oldValue?: unknown; newValue?: unknown }>,
      area: string,
    ) => void,
    readonly QUOTA_BYTES_PER_ITEM?: number,
  ) {}
  async get(keys: string | string[]): Promise<Record<string, unknown>> {
    if (this.failGet) throw this.failGet;
    const out: Record<string, unknown> = {};
    for (const key of typeof keys === 'string' ? [keys] : keys)
      if (this.items.has(key)) out[key] = JSON.parse(this.items.get(key)!);
    return out;
  }
  async set(items: Record<string, unknown>): Promise<void> {
    if (this.failSet) throw this.failSet;
    if (this.QUOTA_BYTES_PER_ITEM !== undefined) {
      for (const [key, value] of Object.entries(items)) {
        if (key.length + JSON.stringify(value).length > this.QUOTA_BYTES_PER_ITEM)
          throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
      }
    }
    const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
    for (const [key, value] of Object.entries(items)) {
      changes[key] = { newValue: value };
      this.items.set(key, JSON.stringify(value));
    }
    queueMicrotask(() => this.notify(changes, this.name));
  }
  async remove(keys: string | string[]): Promise<void> {
    const changes: Record<string, { oldValue?: unknown }> = {};
    for (const key of typeof keys === 'string' ? [keys] : keys) {
      if (!this.items.has(key)) continue;
      changes[key] = { oldValue: JSON.parse(this.items.get(key)!) };
      this.items.delete(key);
    }
    if (Object.keys(changes).length) queueMicrotask(() => this.notify(changes, this.name));
  }
  raw(key: string): unknown {
    return this.items.has(key) ? JSON.parse(this.items.get(key)!) : undefined;
  }
}

function fakeStorage(options: { syncQuota?: number } = {}) {
  const listeners = new Set<StorageChangeListener>();
  const notify = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => {
    for (const l of [...listeners]) l(changes, area);
  };
  const sync = new FakeArea('sync', notify, options.syncQuota ?? SYNC_QUOTA_BYTES_PER_ITEM);
  const local = new FakeArea('local', notify);
  const storage: RulesStorage = {
    sync,
    local,
    onChanged: { addListener: (l) => void listeners.add(l), removeListener: (l) => void listeners.delete(l) },
  };
  return { storage, sync, local, listeners };
}

const rule = (n: number, patch: Partial<Rule> = {}): Rule => ({
  id: `r${n}`,
  name: `Rule ${n}`,
  enabled: true,
  match: { host: 'api.example.com', status: '423' },
  set: { retryable: true, defaultWaitSeconds: n },
  ...patch,
});
const doc = (...rules: Rule[]): RulesDocument => ({ version: 1, rules });

/** A document whose serialized form is past sync's per-item quota. */
function bigDocument(): RulesDocument {
  const rules = Array.from({ length: 20 }, (_, i) =>
    rule(i, { set: { action: `Wait and retry: ${'x'.repeat(500)} ${i}` } }),
  );
  const d = doc(...rules);
  expect(syncItemBytes(RULES_KEY, d)).toBeGreaterThan(SYNC_QUOTA_BYTES_PER_ITEM);
  return d;
}

const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('saveRules / loadRules', () => {
  it('stores a small document in storage.sync and loads it back from there', async () => {
    const { storage, sync, local } = fakeStorage();
    const saved = await saveRules(doc(rule(1), rule(2)), storage);
    expect(saved.area).toBe('sync');
    expect(sync.raw(RULES_KEY)).toEqual(doc(rule(1), rule(2)));
    expect(local.raw(RULES_KEY)).toBeUndefined();
    expect(local.raw(RULES_AREA_KEY)).toBeUndefined();
    const loaded = await loadRules(storage);
    expect(loaded).toEqual({ area: 'sync', document: doc(rule(1), rule(2)) });
  });

  it('falls back to storage.local past the per-item quota, removes the sync copy and marks the area', async () => {
    const { storage, sync, local } = fakeStorage();
    await saveRules(doc(rule(1)), storage);
    const big = bigDocument();
    const saved = await saveRules(big, storage);
    expect(saved.area).toBe('local');
    expect(sync.raw(RULES_KEY)).toBeUndefined();
    expect(local.raw(RULES_KEY)).toEqual(big);
    expect(local.raw(RULES_AREA_KEY)).toBe('local');
    const loaded = await loadRules(storage);
    expect(loaded.area).toBe('local');
    expect(loaded.document.rules).toHaveLength(20);
  });

  it('moves back to sync when the document shrinks, clearing the local copy and marker', async () => {
    const { storage, sync, local } = fakeStorage();
    await saveRules(bigDocument(), storage);
    const saved = await saveRules(doc(rule(3)), storage);
    expect(saved.area).toBe('sync');
    expect(local.raw(RULES_KEY)).toBeUndefined();
    expect(local.raw(RULES_AREA_KEY)).toBeUndefined();
    expect(sync.raw(RULES_KEY)).toEqual(doc(rule(3)));
    expect((await loadRules(storage)).document).toEqual(doc(rule(3)));
  });

  it('uses the quota the sync area reports', async () => {
    const { storage } = fakeStorage({ syncQuota: 100 });
    expect((await saveRules(doc(rule(1), rule(2)), storage)).area).toBe('local');
  });

  it('falls back to storage.local when sync throws, and loads from there', async () => {
    const { storage, sync, local } = fakeStorage();
    sync.failSet = new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded');
    const saved = await saveRules(doc(rule(1)), storage);
    expect(saved.area).toBe('local');
    expect(local.raw(RULES_AREA_KEY)).toBe('local');
    sync.failSet = null;
    // A stale sync copy must not win over the marked local one.
    sync.items.set(RULES_KEY, JSON.stringify(doc(rule(9))));
    expect((await loadRules(storage)).document).toEqual(doc(rule(1)));
  });

  it('reads a local copy when storage.sync cannot be read at all', async () => {
    const { storage, sync, local } = fakeStorage();
    local.items.set(RULES_KEY, JSON.stringify(doc(rule(4))));
    sync.failGet = new Error('sync is not supported');
    expect(await loadRules(storage)).toEqual({ area: 'local', document: doc(rule(4)) });
  });

  it('loads no rules, without problems, from empty storage', async () => {
    const { storage } = fakeStorage();
    expect(await loadRules(storage)).toEqual({ area: 'sync', document: { version: 1, rules: [] } });
  });

  it('never throws when storage cannot be read; reports a problem instead', async () => {
    const { storage, local } = fakeStorage();
    local.failGet = new Error('IO error');
    const loaded = await loadRules(storage);
    expect(loaded.document.rules).toEqual([]);
    expect(loaded.problems?.[0].field).toBe('storage');
    expect(loaded.problems?.[0].message).toContain('IO error');
  });

  it('refuses an invalid document, naming the field, and writes nothing', async () => {
    const { storage, sync, local } = fakeStorage();
    const bad = { version: 1, rules: [rule(1), { ...rule(2), match: { host: 'api.example.com', status: '42' } }] };
    const error = await saveRules(bad, storage).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RulesValidationError);
    expect((error as InstanceType<typeof RulesValidationError>).problems.map((p) => p.field)).toEqual([
      'rules[1].match.status',
    ]);
    expect(sync.items.size + local.items.size).toBe(0);
  });

  it('stores the normalized document', async () => {
    const { storage, sync } = fakeStorage();
    const saved = await saveRules(
      { rules: [{ id: 'a', name: ' A ', match: { host: 'API.Example.com', status: 423 }, set: { retryable: true } }] },
      storage,
    );
    expect(saved.document.rules[0].match).toEqual({ host: 'api.example.com', status: '423' });
    expect(sync.raw(RULES_KEY)).toEqual(saved.document);
  });
});

describe('a stored document that does not validate', () => {
  it('loads the valid rules only, each rule judged on its own, with every problem for display', async () => {
    const { storage, sync } = fakeStorage();
    sync.items.set(
      RULES_KEY,
      JSON.stringify({
        version: 1,
        rules: [
          rule(1),
          { ...rule(2), set: { retryable: 'yes' } },
          'not a rule',
          { ...rule(4), match: { host: 'bad host' } },
          rule(5),
        ],
      }),
    );
    const loaded = await loadRules(storage);
    expect(loaded.document.rules.map((r) => r.id)).toEqual(['r1', 'r5']);
    expect(loaded.problems?.map((p) => p.field)).toEqual(['rules[1].set.retryable', 'rules[2]', 'rules[3].match.host']);
  });

  it('keeps rules with a duplicate id under a free id, and the defaults of their position', () => {
    const { document, problems } = salvageRules({
      rules: [
        rule(1),
        { ...rule(2), id: 'r1' },
        { match: { host: '*' }, set: { retryable: 'no' } },
        { match: { host: '*' }, set: { retryable: false } },
      ],
    });
    expect(document.rules.map((r) => [r.id, r.name])).toEqual([
      ['r1', 'Rule 1'],
      ['r1-2', 'Rule 2'],
      ['rule-4', 'Rule 4'],
    ]);
    expect(problems.map((p) => p.field)).toEqual(['rules[1].id', 'rules[2].set.retryable']);
  });

  it('gives no rules for something that is not a rules document, with the problem', async () => {
    const { storage, sync } = fakeStorage();
    sync.items.set(RULES_KEY, JSON.stringify('garbage'));
    const loaded = await loadRules(storage);
    expect(loaded.document.rules).toEqual([]);
    expect(loaded.problems?.map((p) => p.field)).toEqual(['rules']);
  });

  it('gives back the whole document unchanged when it is valid', () => {
    expect(salvageRules(doc(rule(1), rule(2)))).toEqual({ document: doc(rule(1), rule(2)), problems: [] });
  });
});

describe('onRulesChanged', () => {
  it('delivers the newly loaded rules after a save in either area, and stops after unsubscribe', async () => {
    const { storage, listeners } = fakeStorage();
    const seen: Array<{ area: string; ids: string[] }> = [];
    const unsubscribe = onRulesChanged(
      (loaded) => seen.push({ area: loaded.area, ids: loaded.document.rules.map((r) => r.id) }),
      storage,
    );
    await saveRules(doc(rule(1)), storage);
    await flush();
    expect(seen.at(-1)).toEqual({ area: 'sync', ids: ['r1'] });

    const big = bigDocument();
    await saveRules(big, storage);
    await flush();
    expect(seen.at(-1)).toEqual({ area: 'local', ids: big.rules.map((r) => r.id) });

    await saveRules(doc(rule(2)), storage);
    await flush();
    expect(seen.at(-1)).toEqual({ area: 'sync', ids: ['r2'] });

    unsubscribe();
    expect(listeners.size).toBe(0);
    const count = seen.length;
    await saveRules(doc(rule(3)), storage);
    await flush();
    expect(seen).toHaveLength(count);
  });

  it('ignores changes to other keys and other areas', async () => {
    const { storage, local, listeners } = fakeStorage();
    const listener = vi.fn();
    onRulesChanged(listener, storage);
    await local.set({ 'faultline.settings': { theme: 'dark' } });
    for (const l of listeners) l({ [RULES_KEY]: { newValue: doc(rule(1)) } }, 'session');
    await flush();
    expect(listener).not.toHaveBeenCalled();
  });
});
