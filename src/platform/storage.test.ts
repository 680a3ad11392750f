import { describe, expect, it, vi } from 'vitest';

// storage.session as an in-memory area (the polyfill refuses to load outside an extension).
const session = vi.hoisted(() => {
  const items = new Map<string, unknown>();
  return {
    items,
    get: async (key: string) => (items.has(key) ? { [key]: structuredClone(items.get(key)) } : {}),
    set: async (values: Record<string, unknown>) => {
      for (const [k, v] of Object.entries(values)) items.set(k, structuredClone(v));
    },
  };
});
vi.mock('webextension-polyfill', () => ({ default: { storage: { session } } }));

const { previousSessionOf, sessionMarker } = await import('./storage');

describe('sessionMarker', () => {
  it('is absent in a new browser session, then keeps what the first start deleted for every later start', async () => {
    session.items.clear();
    expect(await sessionMarker().read()).toBeNull();
    await sessionMarker().set({ tabs: 2, records: 304, bodies: 60 });
    // A later worker start is a new sessionMarker() over the same storage.session.
    expect(await sessionMarker().read()).toEqual({ previousSession: { tabs: 2, records: 304, bodies: 60 } });
  });

  it('reads an older marker (a timestamp) or a damaged one as zero counts, still present', async () => {
    session.items.clear();
    session.items.set('fl1:session', 1_765_000_000_000);
    expect(await sessionMarker().read()).toEqual({ previousSession: { tabs: 0, records: 0, bodies: 0 } });
    expect(previousSessionOf({ previousSession: { tabs: -1, records: '3', bodies: 5 } })).toEqual({
      tabs: 0,
      records: 0,
      bodies: 5,
    });
  });
});
