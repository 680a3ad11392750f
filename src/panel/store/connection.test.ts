import { inflateSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { envelope, PROTOCOL_VERSION, type Envelope } from '../../protocol/messages';
import { packRecords } from '../../protocol/packed-records';
import type { PanelPlatform, PortHandlers } from '../platform-types';
import { manyFailures, stats } from '../testing';
import { connectStore } from './connection';
import { createPanelStore } from './panel-store';

// fflate's inflate as it is, counted: packed rows from the port are inflated by the runtime.
vi.mock('fflate', async (original) => {
  const fflate = await original<typeof import('fflate')>();
  return { ...fflate, inflateSync: vi.fn(fflate.inflateSync) };
});

function fakePlatform(storedSettings: unknown = undefined) {
  const posted: Envelope[] = [];
  let handlers: PortHandlers | null = null;
  let closed = false;
  const platform: PanelPlatform = {
    tabId: 7,
    browserName: 'chrome',
    version: '1.2.3',
    themeName: () => 'default',
    onThemeChanged: () => () => undefined,
    loadSettings: async () => storedSettings,
    saveSettings: async () => undefined,
    connect(h) {
      handlers = h;
      h.onConnect?.(); // like the real port: synchronously, before connect() returns
      return { post: (m) => posted.push(m), close: () => (closed = true) };
    },
  };
  return { platform, posted, handlers: () => handlers!, closed: () => closed };
}

describe('connectStore', () => {
  it('says hello once on connect and again on every reconnect', () => {
    const fake = fakePlatform();
    const store = createPanelStore({ tabId: 7 });
    connectStore(store, fake.platform);
    const hello = envelope('panel/hello', { tabId: 7, protocol: PROTOCOL_VERSION });
    expect(fake.posted).toEqual([hello]);
    fake.handlers().onDisconnect?.();
    expect(store.getState().connection).toBe('reconnecting');
    fake.handlers().onConnect?.();
    expect(fake.posted).toEqual([hello, hello]);
    expect(store.getState().connection).toBe('connected');
  });

  it('routes messages into the store and store actions out to the port', () => {
    const fake = fakePlatform();
    const store = createPanelStore({ tabId: 7 });
    connectStore(store, fake.platform);
    fake
      .handlers()
      .onMessage(
        envelope('bg/snapshot', { tabId: 7, records: manyFailures(2), stats: stats({ seen: 2 }), preserve: false }),
      );
    expect(store.getState().ready).toBe(true);
    store.getState().clear();
    expect(fake.posted[fake.posted.length - 1]).toEqual(envelope('panel/clear', { tabId: 7 }));
  });

  it('takes packed rows in once the runtime has inflated them, in the order they came', async () => {
    const fake = fakePlatform();
    const store = createPanelStore({ tabId: 7 });
    connectStore(store, fake.platform, (task) => task());
    vi.mocked(inflateSync).mockClear();
    const newest = manyFailures(3, 11);
    const older = manyFailures(10);
    fake.handlers().onMessage(
      envelope('bg/snapshot', {
        tabId: 7,
        records: [],
        packed: packRecords(newest),
        stats: stats({}),
        preserve: false,
      }),
    );
    fake
      .handlers()
      .onMessage(envelope('bg/upsert', { tabId: 7, records: [], packed: packRecords(older), stats: stats({}) }));
    expect(store.getState().ready).toBe(false);
    await vi.waitFor(() => expect(store.getState().total).toBe(13));
    expect(inflateSync).not.toHaveBeenCalled();
  });

  it('reports a reloaded extension and closes the port on dispose', () => {
    const fake = fakePlatform();
    const store = createPanelStore({ tabId: 7 });
    const dispose = connectStore(store, fake.platform);
    fake.handlers().onContextInvalidated?.();
    expect(store.getState().connection).toBe('invalidated');
    dispose();
    expect(fake.closed()).toBe(true);
  });

  it('loads stored settings, ignoring malformed fields', async () => {
    const fake = fakePlatform({ order: 'newest-first', groupBy: 'bogus', theme: 'dark' });
    const store = createPanelStore({ tabId: 7 });
    connectStore(store, fake.platform);
    await Promise.resolve();
    await Promise.resolve();
    expect(store.getState().settings).toMatchObject({
      order: 'newest-first',
      groupBy: 'none',
      theme: 'dark',
      showAll: false,
    });
  });
});
