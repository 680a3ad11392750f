import { describe, expect, it } from 'vitest';
import type { RequestRecord } from '../protocol/messages';
import { CHUNK_SIZE, KEY_PREFIX, SessionPersister } from './persist';
import { TabStore, type StoredRecord } from './tab-store';
import { FakeSessionArea, ManualTimers, TEST_LIMITS, devtoolsExchange, fakeClassify, webRequest } from './test-support';
import { toRequestStart, toResponse } from './webrequest-events';

const LIMITS = { ...TEST_LIMITS, maxRecords: 5000, maxBodyBytesPerTab: 10_000_000, maxBodyChars: 100_000 };

/** A live store wired to a persister, as the service wires them. */
function setup(area = new FakeSessionArea()) {
  const timers = new ManualTimers();
  const stores = new Map<number, TabStore>();
  const persister = new SessionPersister(
    area,
    {
      tabIds: () => [...stores.keys()],
      records: (id) => stores.get(id)?.all(),
      meta: (id) => stores.get(id)?.meta(),
    },
    { debounceMs: 100, maxWaitMs: 500, bodyShare: 0.3 },
    timers,
  );
  const storeFor = (tabId: number) => {
    let store = stores.get(tabId);
    if (!store) stores.set(tabId, (store = new TabStore(tabId, fakeClassify, LIMITS, (e) => persister.onEvent(e))));
    return store;
  };
  return { area, timers, stores, persister, storeFor };
}

function complete(store: TabStore, url: string, status: number, at: number, body?: string) {
  const ev = webRequest(url, { status, at, tabId: store.tabId });
  store.begin(toRequestStart(ev.before));
  store.completed(toResponse(ev.completed));
  if (body !== undefined) store.mergeDevtools({ exchange: devtoolsExchange(url, { status, at, body }), bodyState: 'captured' }, 'devtools');
}

/** A second worker: loads what the first one persisted. */
async function restart(area: FakeSessionArea) {
  const next = setup(area);
  const loaded = await next.persister.load();
  for (const [tabId, tab] of loaded) next.storeFor(tabId).hydrate(tab.meta, tab.records);
  return { ...next, loaded };
}

const strip = (records: StoredRecord[]) => JSON.parse(JSON.stringify(records)) as StoredRecord[];

describe('SessionPersister', () => {
  it('round-trips records, bodies, preserve and stats through storage.session', async () => {
    const { area, timers, storeFor, stores } = setup();
    const store = storeFor(3);
    store.setPreserve(false);
    complete(store, 'https://a.test/x', 500, 10, '{"code":"boom"}');
    complete(store, 'https://a.test/y', 200, 20);
    const inflight = webRequest('https://a.test/slow', { tabId: 3, at: 30 });
    store.begin(toRequestStart(inflight.before));
    await timers.runAll();

    const { stores: after } = await restart(area);
    const restored = after.get(3)!;
    expect(strip(restored.all())).toEqual(strip(stores.get(3)!.all()));
    expect(restored.preserve).toBe(false);
    expect(restored.stats).toEqual(stores.get(3)!.stats);
    // The in-flight request finishes in the new worker.
    restored.completed(toResponse(inflight.completed));
    expect(restored.visible().filter((r) => r.kind === 'request')).toHaveLength(3);
  });

  it('writes a record again with every change made after it was written', async () => {
    const { area, timers, storeFor, stores } = setup();
    const store = storeFor(1);
    const ev = webRequest('https://a.test/late', { tabId: 1, status: 503, at: 5 });
    store.begin(toRequestStart(ev.before));
    complete(store, 'https://a.test/other', 200, 6);
    await timers.runAll();
    store.completed(toResponse(ev.completed));
    await timers.runAll();
    store.mergeDevtools({ exchange: devtoolsExchange('https://a.test/late', { status: 503, at: 5, body: '{"code":"later"}' }), bodyState: 'captured' }, 'devtools');
    await timers.runAll();
    const { stores: after } = await restart(area);
    expect(strip(after.get(1)!.all())).toEqual(strip(stores.get(1)!.all()));
    const late = after.get(1)!.visible().find((r) => r.kind === 'request' && r.exchange.url.endsWith('/late'));
    expect(late?.kind === 'request' && late.classification.errorCode).toBe('later');
  });

  it('stores every value as one JSON string, which Chrome charges by its length', async () => {
    const { area, timers, storeFor } = setup();
    complete(storeFor(1), 'https://a.test/x', 500, 10, '{"code":"boom"}');
    await timers.runAll();
    const values = [...area.data.values()].map((json) => JSON.parse(json) as unknown);
    expect(values.length).toBeGreaterThanOrEqual(3);
    expect(values.every((v) => typeof v === 'string')).toBe(true);
  });

  it('writes in chunks, so a change rewrites one chunk and not the whole tab', async () => {
    const { area, timers, storeFor } = setup();
    const store = storeFor(1);
    for (let i = 0; i < CHUNK_SIZE * 3; i++) complete(store, `https://a.test/${i}`, 200, i);
    await timers.runAll();
    const chunkKeys = [...area.data.keys()].filter((k) => k.includes(':c:'));
    expect(chunkKeys.length).toBeGreaterThanOrEqual(3);
    const before = new Map(area.data);
    complete(store, 'https://a.test/last', 404, 10_000);
    await timers.runAll();
    const changed = [...area.data.keys()].filter((k) => area.data.get(k) !== before.get(k));
    expect(changed.filter((k) => k.includes(':c:'))).toHaveLength(1);
  });

  it('debounces: many changes, few writes', async () => {
    const { area, timers, storeFor } = setup();
    const store = storeFor(1);
    for (let i = 0; i < 500; i++) complete(store, `https://a.test/${i}`, 200, i);
    await timers.runAll();
    expect(area.sets).toBeLessThan(5);
    expect((await restart(area)).stores.get(1)!.visible()).toHaveLength(500);
  });

  it('frees a closed tab\'s keys', async () => {
    const { area, timers, storeFor, stores, persister } = setup();
    complete(storeFor(1), 'https://a.test/1', 500, 1, '{"code":"a"}');
    complete(storeFor(2), 'https://b.test/2', 500, 1, '{"code":"b"}');
    await timers.runAll();
    stores.delete(1);
    persister.dropTab(1);
    await timers.runAll();
    expect([...area.data.keys()].some((k) => k.startsWith(`${KEY_PREFIX}1:`))).toBe(false);
    expect([...area.data.keys()].some((k) => k.startsWith(`${KEY_PREFIX}2:`))).toBe(true);
  });

  it('stays within the quota: bodies over their share stay in memory, and a restart counts them as dropped', async () => {
    const area = new FakeSessionArea(60_000);
    const { timers, storeFor } = setup(area);
    const store = storeFor(1);
    // 10 bodies of 5,000 chars: 50,000, far over 30% of 60,000.
    for (let i = 0; i < 10; i++) complete(store, `https://a.test/${i}`, 500, i * 10, `{"code":"c${i}"}`.padEnd(5000, ' '));
    await timers.runAll();
    expect(area.bytesInUse()).toBeLessThanOrEqual(60_000);
    expect(store.all().filter((r) => r.kind === 'request' && r.bodyState === 'captured')).toHaveLength(10);

    const { stores } = await restart(area);
    const restored = stores.get(1)!;
    const list = restored.visible().filter((r): r is RequestRecord => r.kind === 'request');
    expect(list).toHaveLength(10);
    const dropped = list.filter((r) => r.bodyState === 'dropped');
    expect(dropped.length).toBeGreaterThan(0);
    // Newest bodies are the ones kept.
    expect(list[list.length - 1]?.bodyState).toBe('captured');
    expect(restored.stats.droppedBodies).toBe(dropped.length);
    // The classification made with a lost body survives.
    expect(dropped.every((r) => r.classification.errorCode !== null)).toBe(true);
  });

  it('counts records the quota refused as dropped after a restart, keeping the newest', async () => {
    const area = new FakeSessionArea(40_000);
    const { timers, storeFor } = setup(area);
    const store = storeFor(1);
    for (let i = 0; i < CHUNK_SIZE * 2; i++) complete(store, `https://a.test/${i}/${'p'.repeat(60)}`, 200, i);
    await timers.runAll();
    const { stores } = await restart(area);
    const restored = stores.get(1)!;
    const kept = restored.visible().length;
    expect(kept).toBeLessThan(CHUNK_SIZE * 2);
    expect(restored.stats.droppedRecords).toBe(CHUNK_SIZE * 2 - kept);
    expect(restored.visible().some((r) => r.kind === 'request' && r.exchange.url.startsWith(`https://a.test/${CHUNK_SIZE * 2 - 1}/`))).toBe(true);
  });

  it('gives the bodies\' space back to records as records grow, so no record is lost', async () => {
    const area = new FakeSessionArea(120_000);
    const { timers, storeFor, persister } = setup(area);
    const store = storeFor(1);
    for (let i = 0; i < 10; i++) complete(store, `https://a.test/body/${i}`, 500, i, `{"code":"c${i}"}`.padEnd(3000, ' '));
    await timers.runAll();
    const bodiesBefore = persister.usage().bodies;
    expect(bodiesBefore).toBeGreaterThan(20_000);
    // Then records until they alone need 80% of the quota: the bodies' share no longer fits beside them.
    let n = 0;
    while (persister.usage().records < 0.8 * area.quotaBytes) {
      for (let i = 0; i < 10; i++, n++) complete(store, `https://a.test/${n}`, 200, 1000 + n);
      await timers.runAll();
    }
    expect(area.bytesInUse()).toBeLessThanOrEqual(area.quotaBytes);
    expect(persister.usage().bodies).toBeLessThan(bodiesBefore);
    const { stores } = await restart(area);
    const restored = stores.get(1)!;
    expect(restored.stats.droppedRecords).toBe(0);
    expect(restored.visible().filter((r) => r.kind === 'request')).toHaveLength(10 + n);
    expect(restored.stats.droppedBodies).toBeGreaterThan(0);
  });

  it('is idle only once everything is written', async () => {
    const { timers, storeFor, persister } = setup();
    expect(persister.idle).toBe(true);
    complete(storeFor(1), 'https://a.test/', 200, 1);
    expect(persister.idle).toBe(false);
    await timers.runAll();
    expect(persister.idle).toBe(true);
  });
});
