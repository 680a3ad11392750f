import { describe, expect, it } from 'vitest';
import { emptyBatch, type CaptureDb, type CommitPhases, type WriteBatch } from '../platform/capture-db';
import type { RequestRecord } from '../protocol/messages';
import {
  CapturePersister,
  LAG_LOG_ENTRIES,
  LAG_LOG_MS,
  RECORD_ROW_BYTES,
  type PersistOptions,
  type StoredMeta,
  type Timers,
} from './persist';
import { TabStore, type StoredRecord } from './tab-store';
import {
  FakeMarker,
  ManualTimers,
  TEST_LIMITS,
  devtoolsExchange,
  fakeClassify,
  testDb,
  webRequest,
  MemoryStorage,
} from './test-support';
import { toRequestHeaders, toRequestStart, toResponse } from './webrequest-events';
import { journalOn, type SyncJournal } from '../platform/sync-journal';

const LIMITS = { ...TEST_LIMITS, maxRecords: 5000, maxBodyBytesPerTab: 10_000_000, maxBodyChars: 100_000 };
const OPTIONS: PersistOptions = {
  delayMs: 50,
  maxQueuedRecords: 10_000,
  retryMs: 1000,
  maxBatchRecords: 100_000,
  maxBatchBytes: 1e9,
  targetCommitMs: 1e9,
  minBatchRecords: 1,
  minBatchBytes: 1,
  maxInFlightInMeta: 256,
  maxUnwrittenAgeMs: 20_000,
  bodyWriteBudgetMs: 1e9,
};

/** Wraps a CaptureDb, recording every batch; `hold` makes commits wait until released. */
class SpyDb implements CaptureDb {
  readonly batches: WriteBatch[] = [];
  failNext = 0;
  private held: Array<() => void> | null = null;
  constructor(readonly inner: CaptureDb) {}
  hold(): void {
    this.held = [];
  }
  release(): void {
    const waiting = this.held ?? [];
    this.held = null;
    for (const go of waiting) go();
  }
  /** Commits after this many have gone through wait like held ones. */
  blockAfter: number | null = null;
  async commit(batch: WriteBatch): ReturnType<CaptureDb['commit']> {
    if (this.blockAfter !== null && this.batches.length >= this.blockAfter) this.held ??= [];
    if (this.held) await new Promise<void>((resolve) => this.held!.push(resolve));
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('QuotaExceededError');
    }
    this.batches.push(batch);
    return this.inner.commit(batch);
  }
  loadAll: CaptureDb['loadAll'] = () => this.inner.loadAll();
  clearAll: CaptureDb['clearAll'] = () => this.inner.clearAll();
  readTab: CaptureDb['readTab'] = (store, tabId, keysOnly) => this.inner.readTab(store, tabId, keysOnly);
}

/** A live store wired to a persister, as the service wires them. */
function setup<T extends Timers = ManualTimers>(
  db: CaptureDb = testDb(),
  options: Partial<PersistOptions> = {},
  limits = LIMITS,
  now = Date.now,
  timers: T = new ManualTimers() as unknown as T,
  journal: SyncJournal | null = null,
) {
  const stores = new Map<number, TabStore>();
  const spy = db instanceof SpyDb ? db : new SpyDb(db);
  const persister = new CapturePersister(
    spy,
    null,
    {
      records: (id) => stores.get(id)?.all(),
      meta: (id) => stores.get(id)?.meta(),
      dropBody: (id, record) => stores.get(id)?.dropUnwrittenBody(record) ?? false,
    },
    { ...OPTIONS, ...options },
    timers,
    now,
    journal,
  );
  const storeFor = (tabId: number) => {
    let store = stores.get(tabId);
    if (!store) stores.set(tabId, (store = new TabStore(tabId, fakeClassify, limits, (e) => persister.onEvent(e))));
    return store;
  };
  return { db: spy, timers, stores, persister, storeFor };
}

function complete(store: TabStore, url: string, status: number, at: number, body?: string) {
  const ev = webRequest(url, { status, at, tabId: store.tabId });
  store.begin(toRequestStart(ev.before));
  store.completed(toResponse(ev.completed));
  if (body !== undefined)
    store.mergeDevtools({ exchange: devtoolsExchange(url, { status, at, body }), bodyState: 'captured' }, 'devtools');
}

/** A second worker on the same database: loads what the first one committed (and, given one, what its journal held). */
async function restart(db: CaptureDb, limits = LIMITS, journal: SyncJournal | null = null) {
  const next = setup(db instanceof SpyDb ? db.inner : db, {}, limits, Date.now, new ManualTimers(), journal);
  const loaded = await next.persister.load();
  for (const [tabId, tab] of loaded) next.storeFor(tabId).hydrate(tab.meta, tab.records);
  return { ...next, loaded };
}

/** A batch's weight as the byte bound counts it: each record row, plus its body characters. */
const batchBytes = (batch: WriteBatch) =>
  batch.putRecords.length * RECORD_ROW_BYTES +
  batch.putBodies.reduce((sum, b) => sum + (b.value.body?.length ?? 0) + (b.value.requestBody?.length ?? 0), 0);

const strip = (records: StoredRecord[]) => JSON.parse(JSON.stringify(records)) as StoredRecord[];
const requestsOf = (store: TabStore | undefined) => (store?.all() ?? []).filter((r) => r.kind === 'request').length;

/** A CaptureDb over `spy` whose every commit first runs `took` (it advances the test's clock) and reports its phases. */
function timedDb(spy: SpyDb, took: () => CommitPhases): CaptureDb {
  return {
    commit: async (batch) => {
      const phases = took();
      await spy.commit(batch);
      return phases;
    },
    loadAll: () => spy.loadAll(),
    clearAll: () => spy.clearAll(),
    readTab: (store, tabId) => spy.readTab(store, tabId),
  };
}

describe('CapturePersister', () => {
  it('round-trips records, bodies, preserve and stats through IndexedDB', async () => {
    const { db, persister, storeFor } = setup();
    const a = storeFor(1);
    a.setPreserve(false);
    complete(a, 'https://a.test/1', 500, 10, '{"code":"boom"}');
    complete(a, 'https://a.test/2', 200, 20);
    storeFor(2).navigate('https://b.test/', 5);
    complete(storeFor(2), 'https://b.test/api', 404, 30, '{"code":"missing"}');
    await persister.flush();

    const next = await restart(db);
    expect(strip(next.stores.get(1)!.all())).toEqual(strip(a.all()));
    expect(strip(next.stores.get(2)!.all())).toEqual(strip(storeFor(2).all()));
    expect(next.stores.get(1)!.preserve).toBe(false);
    expect(next.stores.get(1)!.stats).toEqual(a.stats);
    const [first] = next.stores.get(1)!.all() as RequestRecord[];
    expect(first.exchange.body).toBe('{"code":"boom"}');
    expect(next.stores.get(1)!.bodyBytes).toBe(a.bodyBytes);
  });

  it('says which rows are committed (record, body) and where each commit spent its time', async () => {
    const { timers, persister, storeFor } = setup();
    const store = storeFor(1);
    complete(store, 'https://a.test/1', 500, 10, '{"code":"boom"}');
    complete(store, 'https://a.test/2', 200, 20);
    const [withBody, without] = store.all();
    expect(persister.written(1, withBody.seq)).toEqual({ record: false, body: false });
    await timers.runAll();
    await persister.flush();
    expect(persister.written(1, withBody.seq)).toEqual({ record: true, body: true });
    expect(persister.written(1, without.seq)).toEqual({ record: true, body: false });
    const { commits, commitPhasesTotal, commitPhasesMax } = persister.stats();
    expect(commits).toBeGreaterThan(0);
    for (const phases of [commitPhasesTotal, commitPhasesMax])
      for (const ms of Object.values(phases)) expect(ms).toBeGreaterThanOrEqual(0);
  });

  it('commits many changes as one transaction, after the delay', async () => {
    const { db, timers, persister, storeFor } = setup();
    const store = storeFor(1);
    for (let i = 0; i < 200; i++) complete(store, `https://a.test/${i}`, 500, i, `{"n":${i}}`);
    expect(db.batches).toHaveLength(0);
    expect(persister.idle).toBe(false);
    await timers.runAll();
    await persister.flush();
    expect(db.batches).toHaveLength(1);
    expect(db.batches[0].putRecords).toHaveLength(200);
    expect(db.batches[0].putBodies).toHaveLength(200);
    expect(db.batches[0].putMetas).toHaveLength(1);
    expect(persister.idle).toBe(true);
  });

  it('writes only what changed: the cost of a commit does not grow with the records held', async () => {
    const { db, persister, storeFor } = setup();
    const store = storeFor(1);
    for (let i = 0; i < 3000; i++)
      complete(store, `https://a.test/${i}`, i % 5 ? 200 : 500, i, i % 5 ? undefined : `{"n":${i}}`);
    await persister.flush();
    const written = db.batches.length;
    complete(store, 'https://a.test/one-more', 500, 5000, '{"code":"late"}');
    await persister.flush();
    const batch = db.batches[written];
    expect(batch.putRecords.map((r) => r.key)).toEqual([[1, store.all().at(-1)!.seq]]);
    expect(batch.putBodies).toHaveLength(1);
    expect(batch.putMetas).toHaveLength(1);
    // A changed record does not write its unchanged body again.
    store.setPreserve(false);
    store.reclassifyAll();
    await persister.flush();
    expect(db.batches.slice(written + 1).flatMap((b) => b.putBodies)).toEqual([]);
  });

  it('deletes the rows of evicted records and counts them, so held + dropped = seen after a restart', async () => {
    const limits = { ...LIMITS, maxRecords: 100 };
    const { db, persister, storeFor } = setup(testDb(), {}, limits);
    const store = storeFor(1);
    for (let i = 0; i < 250; i++) complete(store, `https://a.test/${i}`, 500, i, `{"n":${i}}`);
    await persister.flush();
    const rows = await db.loadAll();
    expect(rows.records).toHaveLength(100);
    expect(rows.bodies).toHaveLength(100);
    const next = await restart(db, limits);
    const s = next.stores.get(1)!.stats;
    expect(s.seen).toBe(250);
    expect(s.droppedRecords).toBe(150);
    expect(requestsOf(next.stores.get(1))).toBe(100);
  });

  it('bounds the queue: what it refuses is counted, and a restart before it is written counts it as dropped', async () => {
    // No request carried in the meta: every change needs a row, so the queue's bound is reached.
    const { db, timers, persister, storeFor } = setup(testDb(), { maxQueuedRecords: 20, maxInFlightInMeta: 0 });
    const store = storeFor(1);
    for (let i = 0; i < 10; i++) complete(store, `https://a.test/${i}`, 500, i);
    await persister.flush();
    db.hold();
    for (let i = 10; i < 20; i++) complete(store, `https://a.test/${i}`, 500, i);
    await timers.runAll(); // a commit of those 10 starts and waits on the held database
    for (let i = 20; i < 60; i++) complete(store, `https://a.test/${i}`, 500, i);
    expect(persister.stats().queued).toBe(20);
    expect(persister.stats().queueDropped).toBe(40); // two changes each (begin, completed)
    expect(persister.stats().unwritten).toBe(20);
    expect(persister.stats().maxQueued).toBe(20);
    db.release();
    await persister.flush();
    // The worker stops now: 20 requests were seen but never written.
    const next = await restart(db);
    const s = next.stores.get(1)!.stats;
    expect(s.seen).toBe(60);
    expect(requestsOf(next.stores.get(1))).toBe(40);
    expect(s.droppedRecords).toBe(20);
  });

  it('names in the meta the refused requests without a row, and keeps those a restart counts as dropped', async () => {
    const { db, timers, persister, storeFor } = setup(testDb(), { maxQueuedRecords: 4, maxInFlightInMeta: 0 });
    const store = storeFor(1);
    for (let i = 0; i < 10; i++) complete(store, `https://a.test/${i}`, 500, 100 + i);
    // runAll can return while a commit is still in IndexedDB; flush waits for it, so the last batch is known.
    await timers.runAll();
    await persister.flush(); // 4 written; 6 refused
    expect(persister.stats().unwritten).toBe(6);
    const named = () => (db.batches.at(-1)!.putMetas[0].value as StoredMeta).refused?.map((r) => r.url) ?? [];
    expect(named()).toEqual([4, 5, 6, 7, 8, 9].map((i) => `https://a.test/${i}`));

    const next = await restart(db);
    const meta = next.stores.get(1)!.meta();
    expect({ held: requestsOf(next.stores.get(1)), seen: meta.stats.seen, dropped: meta.stats.droppedRecords }).toEqual(
      {
        held: 4,
        seen: 10,
        dropped: 6,
      },
    );
    expect(meta.lostRequests).toEqual(
      [4, 5, 6, 7, 8, 9].map((i) => ({
        seq: i + 1,
        method: 'GET',
        url: `https://a.test/${i}`,
        status: 500,
        startedAt: 100 + i,
      })),
    );
    // Once written (its next change found room), a refused request is no longer named.
    const a = setup(testDb(), { maxQueuedRecords: 1, maxInFlightInMeta: 0 });
    complete(a.storeFor(1), 'https://a.test/x', 500, 1);
    complete(a.storeFor(1), 'https://a.test/y', 500, 2);
    await a.timers.runAll();
    await a.persister.flush();
    expect((a.db.batches.at(-1)!.putMetas[0].value as StoredMeta).refused?.map((r) => r.url)).toEqual([
      'https://a.test/y',
    ]);
    a.storeFor(1).mergeDevtools(
      { exchange: devtoolsExchange('https://a.test/y', { status: 500, at: 2 }), bodyState: 'captured' },
      'devtools',
    );
    await a.timers.runAll();
    await a.persister.flush();
    expect(a.persister.stats().unwritten).toBe(0);
    expect((a.db.batches.at(-1)!.putMetas[0].value as StoredMeta).refused).toBeUndefined();
  });

  it('counts and names queued requests older than maxUnwrittenAgeMs, so a stop loses none uncounted (issue 19)', async () => {
    for (const waitedMs of [31_000, 5_000]) {
      let clock = 0;
      const options = { maxBatchRecords: 2, maxInFlightInMeta: 0, maxUnwrittenAgeMs: 20_000 };
      const { db, timers, persister, storeFor } = setup(testDb(), options, LIMITS, () => clock);
      const store = storeFor(1);
      for (let i = 0; i < 10; i++) complete(store, `https://a.test/${i}`, 500, 100 + i);
      // The write queue lags: nothing is committed until the changes have waited this long.
      clock = waitedMs;
      db.blockAfter = 1;
      await timers.runAll(); // one commit of 2 rows goes through; the next waits
      // The worker stops now.
      const next = await restart(db);
      const meta = next.stores.get(1)!.meta();
      const held = requestsOf(next.stores.get(1));
      if (waitedMs < 20_000) {
        // Within the re-send window: not counted yet, the devtools page's re-sent entries re-create them.
        expect({ held, seen: meta.stats.seen, dropped: meta.stats.droppedRecords }).toEqual({
          held: 2,
          seen: 2,
          dropped: 0,
        });
      } else {
        // Past it their entries are no longer re-sent: counted as dropped and named to be taken back if they come.
        expect({ held, seen: meta.stats.seen, dropped: meta.stats.droppedRecords }).toEqual({
          held: 2,
          seen: 10,
          dropped: 8,
        });
        expect(meta.lostRequests?.map((r) => r.url)).toEqual(
          [2, 3, 4, 5, 6, 7, 8, 9].map((i) => `https://a.test/${i}`),
        );
        expect(persister.stats()).toMatchObject({ queueTooSlow: 8, tooSlowUnwritten: 8 });
      }
      // Without a stop they are all written, and no longer named.
      db.blockAfter = null;
      db.release();
      await persister.flush();
      expect(persister.stats().tooSlowUnwritten).toBe(0);
      expect((db.batches.at(-1)!.putMetas[0].value as StoredMeta).refused).toBeUndefined();
      const after = await restart(db);
      expect(requestsOf(after.stores.get(1))).toBe(10);
      expect(after.stores.get(1)!.stats.droppedRecords).toBe(0);
    }
  });

  it('accounts for every request whenever the worker stops: held + counted = seen at the last commit', async () => {
    for (const stopAfterCommits of [1, 2, 3, 5, 8]) {
      const { db, timers, persister, storeFor } = setup(testDb(), { maxQueuedRecords: 30 });
      const store = storeFor(1);
      let lastCommitted = 0;
      for (let round = 0; db.batches.length < stopAfterCommits; round++) {
        for (let i = 0; i < 25; i++)
          complete(store, `https://a.test/${round}/${i}`, i % 2 ? 500 : 200, round * 100 + i, `{"r":${round}}`);
        await timers.runAll();
        await persister.flush();
        lastCommitted = store.stats.seen;
      }
      // Changes after the last commit die with the worker.
      for (let i = 0; i < 7; i++) complete(store, `https://a.test/unwritten/${i}`, 500, 9000 + i);
      const next = await restart(db);
      const restored = next.stores.get(1)!;
      expect(restored.stats.seen).toBe(lastCommitted);
      expect(requestsOf(restored) + restored.stats.droppedRecords).toBe(lastCommitted);
      // Every record held came back with its body.
      for (const record of restored.all()) {
        if (record.kind === 'request' && record.bodyState === 'captured')
          expect(record.exchange.body).toMatch(/^\{"r":\d+\}$/);
      }
    }
  });

  it('with a journal, a request seen after the last committed meta is counted and named after a stop (Firefox, issue 19)', async () => {
    const storage = new MemoryStorage();
    const { timers, persister, storeFor, db } = setup(
      testDb(),
      { maxUnwrittenAgeMs: 0 },
      LIMITS,
      Date.now,
      new ManualTimers(),
      journalOn(storage),
    );
    const store = storeFor(1);
    for (let i = 0; i < 3; i++) complete(store, `https://a.test/${i}`, 500, 100 + i, '{"code":"x"}');
    await timers.runAll();
    await persister.flush();
    // Committed: the journal no longer holds them.
    expect(storage.items.size).toBe(0);
    // The page unloads before the next commit: two requests complete, one is still in flight.
    complete(store, 'https://a.test/late-1', 500, 200);
    complete(store, 'https://a.test/late-2', 200, 201);
    const inFlight = webRequest('https://a.test/in-flight', { status: 503, at: 202, tabId: 1 });
    store.begin(toRequestStart(inFlight.before));
    expect(persister.stats().journaled).toBe(6);
    expect(storage.items.size).toBe(3);

    const next = await restart(db, LIMITS, journalOn(storage));
    const restored = next.stores.get(1)!;
    const meta = restored.meta();
    expect({ held: requestsOf(restored), seen: meta.stats.seen, dropped: meta.stats.droppedRecords }).toEqual({
      held: 3,
      seen: 6,
      dropped: 3,
    });
    expect(meta.lostRequests?.map((r) => r.url)).toEqual([
      'https://a.test/late-1',
      'https://a.test/late-2',
      'https://a.test/in-flight',
    ]);
    expect(meta.nextSeq).toBeGreaterThan(6);
    expect(next.persister.stats().journalRecovered).toBe(3);
    // The in-flight request's response reaches the new page: adopted, and taken back from the drops.
    restored.adopt(toRequestStart(inFlight.headers));
    expect({ held: requestsOf(restored), dropped: restored.stats.droppedRecords }).toEqual({ held: 4, dropped: 2 });
    // A second stop before the new page commits counts the same requests once, not twice.
    const again = await restart(db, LIMITS, journalOn(storage));
    expect(again.stores.get(1)!.meta().stats).toMatchObject({ seen: 6, droppedRecords: 3 });
    // The first commit writes the counts; the journal is then empty.
    await next.timers.runAll();
    await next.persister.flush();
    expect(storage.items.size).toBe(0);
    const third = await restart(db, LIMITS, journalOn(storage));
    expect(third.stores.get(1)!.meta().stats).toMatchObject({ seen: 6, droppedRecords: 2 });
    expect(requestsOf(third.stores.get(1)) + third.stores.get(1)!.stats.droppedRecords).toBe(6);
  });

  it('with a journal, a tab whose meta was never committed is known from its journaled requests', async () => {
    const storage = new MemoryStorage();
    const { storeFor, db } = setup(testDb(), {}, LIMITS, Date.now, new ManualTimers(), journalOn(storage));
    complete(storeFor(4), 'https://b.test/only', 404, 10);
    const next = await restart(db, LIMITS, journalOn(storage));
    expect(next.stores.get(4)?.meta().stats).toMatchObject({ seen: 1, droppedRecords: 1 });
    expect(
      next.stores
        .get(4)
        ?.meta()
        .lostRequests?.map((r) => r.url),
    ).toEqual(['https://b.test/only']);
  });

  it('with a journal, a discarded request leaves it, and a new browser session empties it', async () => {
    const storage = new MemoryStorage();
    const { storeFor, persister } = setup(testDb(), {}, LIMITS, Date.now, new ManualTimers(), journalOn(storage));
    const probe = webRequest('https://a.test/probe', { tabId: 1 });
    storeFor(1).begin(toRequestStart(probe.before));
    expect(storage.items.size).toBe(1);
    storeFor(1).discard(probe.requestId);
    expect(storage.items.size).toBe(0);
    complete(storeFor(1), 'https://a.test/kept', 500, 1);
    expect(storage.items.size).toBe(1);
    expect(persister.stats().journalErrors).toBe(0);
    const marker = new FakeMarker(false);
    const newSession = new CapturePersister(
      testDb(),
      marker,
      { records: () => undefined, meta: () => undefined, dropBody: () => false },
      OPTIONS,
      new ManualTimers(),
      Date.now,
      journalOn(storage),
    );
    expect((await newSession.load()).size).toBe(0);
    expect(storage.items.size).toBe(0);
  });

  it('splits a large backlog into bounded transactions, oldest first, each with the counts', async () => {
    // Rows only (nothing carried in the meta): the bounds split the backlog.
    const maxBatchBytes = 3 * RECORD_ROW_BYTES + 50;
    const { db, timers, persister, storeFor } = setup(testDb(), {
      maxBatchRecords: 10,
      maxBatchBytes,
      maxInFlightInMeta: 0,
    });
    const store = storeFor(1);
    for (let i = 0; i < 35; i++)
      complete(store, `https://a.test/${i}`, 500, i, i < 5 ? '{"code":"a-long-body-x"}' : undefined);
    db.blockAfter = 1;
    await timers.runAll(); // one commit goes through; the next (scheduled at once) waits
    // Record rows weigh in the byte bound; bodies fill what they leave, newest first: three rows and
    // two of their 24-character bodies fit (a third would be 22 bytes over), the oldest waits.
    expect(db.batches[0].putRecords.length).toBe(3);
    expect(db.batches[0].putBodies.map((b) => [b.key[1], b.value.body!.length])).toEqual([
      [3, 24],
      [2, 24],
    ]);
    expect(db.batches[0].putMetas).toHaveLength(1);
    // The worker stops after the first commit: the counts match the rows written; what was still
    // queued is like what came after the last commit (the devtools page re-sends it, below).
    const early = await restart(db);
    const s = early.stores.get(1)!.stats;
    expect(requestsOf(early.stores.get(1)) + s.droppedRecords).toBe(s.seen);
    expect(s.seen).toBe(db.batches[0].putRecords.length);
    expect(s.droppedRecords).toBe(0);
    db.blockAfter = null;
    db.release();
    await persister.flush(); // writes the whole backlog, batch by batch
    expect(persister.idle).toBe(true);
    expect(db.batches.every((b) => b.putRecords.length <= 10)).toBe(true);
    expect(db.batches.every((b) => batchBytes(b) <= maxBatchBytes)).toBe(true);
    const next = await restart(db);
    expect(strip(next.stores.get(1)!.all())).toEqual(strip(store.all()));
  });

  it('bounds a transaction by bytes: record rows without bodies weigh too, and a body larger than the bound goes by itself', async () => {
    const { db, timers, persister, storeFor } = setup(testDb(), {
      maxBatchRecords: 250,
      maxBatchBytes: 10 * RECORD_ROW_BYTES,
      maxInFlightInMeta: 0,
    });
    const store = storeFor(1);
    for (let i = 0; i < 100; i++) complete(store, `https://a.test/${i}`, 500, i);
    complete(store, 'https://a.test/large', 500, 100, `{"pad":"${'x'.repeat(30 * 1024)}"}`);
    for (let i = 101; i < 105; i++) complete(store, `https://a.test/${i}`, 500, i);
    await timers.runAll();
    await persister.flush();
    // The body lane takes at least one body a transaction, however large (at most maxBodyChars).
    expect(db.batches.map((b) => b.putRecords.length)).toEqual([...Array(10).fill(10), 5]);
    expect(db.batches.map((b) => b.putBodies.length)).toEqual([...Array(10).fill(0), 1]);
    const next = await restart(db);
    expect(strip(next.stores.get(1)!.all())).toEqual(strip(store.all()));
  });

  it('writes bodies in a lane of their own, newest first: rows do not wait for bodies, and a body dropped while it waits is never written', async () => {
    // Four bodies fit the tab's budget; a transaction has room for six rows and one body.
    const body = (i: number) => `{"i":${String(i).padStart(2, '0')},"pad":"${'x'.repeat(1990)}"}`;
    const limits = { ...LIMITS, maxBodyBytesPerTab: 4 * body(0).length };
    const { db, timers, persister, storeFor } = setup(
      testDb(),
      { maxBatchRecords: 6, maxBatchBytes: 6 * RECORD_ROW_BYTES + body(0).length, maxInFlightInMeta: 0 },
      limits,
    );
    const store = storeFor(1);
    for (let i = 1; i <= 6; i++) complete(store, `https://a.test/${i}`, 500, i, body(i));
    // One commit, and not the next (its timer stays unfired: it would take the waiting bodies).
    timers.fireRound();
    for (let i = 0; i < 200 && persister.stats().commits < 1; i++) await new Promise((r) => setTimeout(r, 5));
    // Every row goes at once (before, three rows and their bodies: the rows waited behind the bodies),
    // with the newest body; bodies 1 and 2 were dropped by the budget before any commit.
    expect(db.batches[0].putRecords.map((r) => r.key[1])).toEqual([1, 2, 3, 4, 5, 6]);
    expect(db.batches[0].putBodies.map((b) => b.key[1])).toEqual([6]);
    expect(persister.stats().bodiesWaiting).toBe(3);
    // A stop now: the rows are back; the bodies not written yet are counted as dropped, never lost silently.
    const early = await restart(db, limits);
    const e = early.stores.get(1)!;
    expect(requestsOf(e)).toBe(6);
    expect(e.stats.droppedBodies).toBe(2 + 3);
    expect((e.all() as RequestRecord[]).filter((r) => r.exchange.body !== undefined).map((r) => r.seq)).toEqual([6]);
    // Four more: the budget drops bodies 3-6, so 3-5 leave the lane without a write.
    for (let i = 7; i <= 10; i++) complete(store, `https://a.test/${i}`, 500, i, body(i));
    await timers.runAll();
    await persister.flush();
    const written = db.batches.flatMap((b) => b.putBodies.map((x) => x.key[1]));
    expect(written.filter((seq) => seq <= 5)).toEqual([]);
    expect([...written].sort((a, b) => a - b)).toEqual([6, 7, 8, 9, 10]);
    expect(persister.stats().bodiesNeverWritten).toBe(3);
    expect(persister.stats().bodiesWaiting).toBe(0);
    // The counts are the store's, as before: 6 bodies dropped of 10; a restart reads the same.
    expect(store.stats.droppedBodies).toBe(6);
    const next = await restart(db, limits);
    expect(strip(next.stores.get(1)!.all())).toEqual(strip(store.all()));
    expect(next.stores.get(1)!.stats).toEqual(store.stats);
    const rows = await db.loadAll();
    expect(rows.bodies.map((b) => b.key[1])).toEqual([7, 8, 9, 10]);
  });

  it('drops a body the lane cannot write within its budget, counted once, its row saying so in the same transaction', async () => {
    // Bodies arrive faster than the store writes them: one body fits a transaction, each commit takes
    // 300 ms, the budget is 1 s. Before store15 the oldest body waited for the lane to empty and was
    // written 1.15 s after its change (the soak's 14.4 s, near idle); now it leaves the store at the
    // commit after which it could no longer be written in time, counted like a budget drop.
    let clock = 0;
    const spy = new SpyDb(testDb());
    const db = timedDb(spy, () => {
      clock += 300;
      return { issueMs: 0, waitMs: 0, requestsMs: 300, finishMs: 0 };
    });
    const body = (i: number) => `{"i":${i},"pad":"${'x'.repeat(7000)}"}`;
    const { persister, storeFor, timers } = setup(
      db,
      { maxBatchRecords: 6, maxBatchBytes: 3 * RECORD_ROW_BYTES + body(0).length, bodyWriteBudgetMs: 1000 },
      LIMITS,
      () => clock,
    );
    const store = storeFor(1);
    for (let i = 1; i <= 3; i++) complete(store, `https://a.test/${i}`, 500, i, body(i));
    clock = 250;
    spy.blockAfter = 2;
    // 250 → 550: the rows and body 3; 550 → 850: body 2, and body 1 dropped.
    for (let i = 0; i < 400 && persister.stats().commits < 2; i++) {
      timers.fireRound();
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(spy.batches.map((b) => b.putBodies.map((x) => x.key[1]))).toEqual([[3], [2]]);
    // Body 1 would wait for this commit and the next (2 × 300 ms) after 550 ms: past the budget.
    const second = spy.batches[1];
    const row1 = second.putRecords.find((r) => r.key[1] === 1)?.value as RequestRecord | undefined;
    expect(row1?.bodyState).toBe('dropped');
    expect(row1?.exchange.body).toBeUndefined();
    expect((second.putMetas[0].value as StoredMeta).stats.droppedBodies).toBe(1);
    const held = store.all() as RequestRecord[];
    expect(held.map((r) => [r.seq, r.bodyState, r.exchange.body !== undefined])).toEqual([
      [1, 'dropped', false],
      [2, 'captured', true],
      [3, 'captured', true],
    ]);
    expect(store.stats.droppedBodies).toBe(1);
    expect(persister.stats()).toMatchObject({ bodiesDroppedLate: 1, bodiesWaiting: 0, bodiesWritten: 2 });
    // Every body written committed within the budget (body 2: 850 ms after its change).
    expect(persister.stats().maxBodyLagMs).toBeLessThanOrEqual(1000);
    // A stop now: the drop is counted once (the meta's), not again for a row without its body row.
    const next = await restart(spy);
    const restored = next.stores.get(1)!;
    expect(restored.stats.droppedBodies).toBe(1);
    expect(strip(restored.all())).toEqual(strip(store.all()));
  });

  it('writes the row of a record whose body the budget dropped with the meta that counts the drop, so a stop counts it once', async () => {
    // Two bodies fit the tab's budget; a transaction has room for two rows and one body.
    const body = (i: number) => `{"i":${i},"pad":"${'x'.repeat(2000)}"}`;
    const limits = { ...LIMITS, maxBodyBytesPerTab: 2 * body(0).length };
    const { db, timers, persister, storeFor } = setup(
      testDb(),
      { maxBatchRecords: 2, maxBatchBytes: 2 * RECORD_ROW_BYTES + body(0).length },
      limits,
    );
    const store = storeFor(1);
    const commitOnce = async (n: number) => {
      timers.fireRound();
      for (let i = 0; i < 200 && persister.stats().commits < n; i++) await new Promise((r) => setTimeout(r, 5));
    };
    complete(store, 'https://a.test/1', 500, 1, body(1));
    complete(store, 'https://a.test/2', 500, 2, body(2));
    await commitOnce(1); // rows 1 and 2, body 2; body 1 waits
    // Two more: the budget drops bodies 1 (never written) and 2 (its row written); rows 3 and 4 fill the next transaction.
    complete(store, 'https://a.test/3', 500, 3, body(3));
    complete(store, 'https://a.test/4', 500, 4, body(4));
    expect(store.stats.droppedBodies).toBe(2);
    await commitOnce(2);
    expect(db.batches[1].putRecords.map((r) => r.key[1]).sort()).toEqual([1, 2, 3, 4]);
    // A stop now: 4 bodies seen, each held or counted once (body 3 still waited: counted by the restart).
    const next = await restart(db, limits);
    const restored = next.stores.get(1)!;
    const heldBodies = (restored.all() as RequestRecord[])
      .filter((r) => r.exchange.body !== undefined)
      .map((r) => r.seq);
    expect({ heldBodies, dropped: restored.stats.droppedBodies }).toEqual({ heldBodies: [4], dropped: 3 });
  });

  it('writes a late body that fits its transaction rather than dropping it (a hiccup is not an overflow)', async () => {
    let clock = 0;
    const spy = new SpyDb(testDb());
    const { persister, storeFor, timers } = setup(spy, { bodyWriteBudgetMs: 1000 }, LIMITS, () => clock);
    const store = storeFor(1);
    for (let i = 1; i <= 3; i++) complete(store, `https://a.test/${i}`, 500, i, `{"i":${i}}`);
    clock = 5_000; // the worker could not run for 5 s
    await timers.runAll();
    await persister.flush();
    expect(spy.batches.flatMap((b) => b.putBodies.map((x) => x.key[1]))).toEqual([3, 2, 1]);
    expect(store.stats.droppedBodies).toBe(0);
    expect(persister.stats()).toMatchObject({ bodiesDroppedLate: 0, maxBodyLagMs: 5_000 });
  });

  it('a stop between the transactions of a split backlog, then the re-sent DevTools entries: every request once', async () => {
    // The race CI met: the meta went with the first transaction counting requests of later ones; the
    // stop counted those as dropped and the re-sent entries re-created them, so one request counted twice.
    for (const stopAfter of [1, 2, 3]) {
      const limits = { ...LIMITS, maxRecords: 30 };
      const { db, timers, storeFor } = setup(testDb(), { maxBatchRecords: 10 }, limits);
      const store = storeFor(1);
      const entries = Array.from({ length: 45 }, (_, i) => ({
        exchange: devtoolsExchange(`https://a.test/${i}`, { status: 500, at: i, body: `{"i":${i}}` }),
        bodyState: 'captured' as const,
      }));
      entries.forEach((entry, i) => {
        const ev = webRequest(`https://a.test/${i}`, { status: 500, at: i, tabId: 1 });
        store.begin(toRequestStart(ev.before));
        store.completed(toResponse(ev.completed));
        store.mergeDevtools(entry, 'devtools');
      });
      expect(store.stats.droppedRecords).toBe(15); // 45 past a cap of 30
      db.blockAfter = stopAfter;
      await timers.runAll();
      const next = await restart(db, limits);
      const restored = next.storeFor(1);
      expect(requestsOf(restored) + restored.stats.droppedRecords).toBe(restored.stats.seen);
      // The devtools page re-sends its recent entries after the reconnect (its window reaches past
      // the start of the stopped backlog; the evicted oldest ones are long out of it).
      for (const entry of entries.slice(20)) restored.mergeDevtools(entry, 'har');
      expect({
        seen: restored.stats.seen,
        heldPlusDropped: requestsOf(restored) + restored.stats.droppedRecords,
      }).toEqual({ seen: 45, heldPlusDropped: 45 });
      expect(requestsOf(restored)).toBe(30);
    }
  });

  it('keeps what a failed commit held and writes it with the next one', async () => {
    const { db, timers, persister, storeFor } = setup();
    const store = storeFor(1);
    db.failNext = 1;
    for (let i = 0; i < 5; i++) complete(store, `https://a.test/${i}`, 500, i, '{"code":"x"}');
    await timers.runAll();
    expect(persister.errors).toBe(1);
    complete(store, 'https://a.test/after', 500, 9, '{"code":"y"}');
    await persister.flush();
    const next = await restart(db);
    expect(strip(next.stores.get(1)!.all())).toEqual(strip(store.all()));
  });

  it("removes a body row when the store drops the body, and a closed tab's rows", async () => {
    const limits = { ...LIMITS, maxBodyBytesPerTab: 40 };
    const { db, persister, storeFor } = setup(testDb(), {}, limits);
    const store = storeFor(1);
    complete(store, 'https://a.test/1', 500, 1, '{"code":"first-body-x"}');
    await persister.flush();
    complete(store, 'https://a.test/2', 500, 2, '{"code":"second-body"}');
    await persister.flush();
    let rows = await db.loadAll();
    expect(rows.bodies.map((b) => b.value.body)).toEqual(['{"code":"second-body"}']);
    const next = await restart(db, limits);
    expect((next.stores.get(1)!.all() as RequestRecord[]).map((r) => r.bodyState)).toEqual(['dropped', 'captured']);
    expect(next.stores.get(1)!.stats.droppedBodies).toBe(1);

    complete(storeFor(2), 'https://b.test/', 500, 3, '{"code":"b"}');
    await persister.flush();
    persister.dropTab(1);
    await persister.flush();
    rows = await db.loadAll();
    expect(rows.metas.map((m) => m.tabId)).toEqual([2]);
    expect(rows.records.map((r) => r.key[0])).toEqual([2]);
    expect(rows.bodies.map((r) => r.key[0])).toEqual([2]);
  });

  it('starts empty in a new browser session, and keeps the data when only the worker restarted', async () => {
    const db = testDb();
    const { persister, storeFor } = setup(db);
    complete(storeFor(1), 'https://a.test/', 500, 1, '{"code":"x"}');
    await persister.flush();
    const marker = new FakeMarker(true);
    const sameSession = new CapturePersister(
      db,
      marker,
      { records: () => undefined, meta: () => undefined, dropBody: () => false },
      OPTIONS,
      new ManualTimers(),
    );
    expect([...(await sameSession.load()).keys()]).toEqual([1]);
    expect(sameSession.stats().previousSessionRecords).toBe(0);
    marker.isSet = false; // storage.session was emptied: the browser restarted
    const newSession = new CapturePersister(
      db,
      marker,
      { records: () => undefined, meta: () => undefined, dropBody: () => false },
      OPTIONS,
      new ManualTimers(),
    );
    expect((await newSession.load()).size).toBe(0);
    expect(marker.isSet).toBe(true);
    // What the earlier session left is counted as it goes: one tab, its one record and its body.
    expect(newSession.stats()).toMatchObject({
      previousSessionTabs: 1,
      previousSessionRecords: 1,
      previousSessionBodies: 1,
    });
    const rows = await db.loadAll();
    expect(rows.metas.length + rows.records.length + rows.bodies.length).toBe(0);
    // The worker starts again later in the same session: the counts come from the marker, not from the (empty) store.
    const laterStart = new CapturePersister(
      db,
      marker,
      { records: () => undefined, meta: () => undefined, dropBody: () => false },
      OPTIONS,
      new ManualTimers(),
    );
    expect((await laterStart.load()).size).toBe(0);
    expect(laterStart.stats()).toMatchObject({
      previousSessionTabs: 1,
      previousSessionRecords: 1,
      previousSessionBodies: 1,
    });
  });

  it('writes a request once, when it is complete: in flight, its meta row carries it across a stop', async () => {
    const { db, persister, storeFor } = setup();
    const store = storeFor(1);
    const ev = webRequest('https://a.test/slow', { status: 503, at: 100, tabId: 1 });
    store.begin(toRequestStart(ev.before));
    await persister.flush();
    store.requestHeaders(toRequestHeaders(ev.sendHeaders));
    await persister.flush();
    store.responseStarted(toResponse(ev.headers));
    await persister.flush();
    // Three commits, no record row: the request is in its tab's meta.
    expect(db.batches.flatMap((b) => b.putRecords)).toEqual([]);
    expect(persister.stats().inFlight).toBe(1);
    let rows = await db.loadAll();
    expect(rows.records).toHaveLength(0);

    // The worker stops now: the restarted one holds the request, still in flight, and completes it.
    const next = await restart(db);
    const restored = next.stores.get(1)!;
    expect(strip(restored.all())).toEqual(strip(store.all()));
    expect(restored.stats.seen).toBe(1);
    expect(restored.stats.droppedRecords).toBe(0);
    restored.completed(toResponse(ev.completed));
    await next.persister.flush();
    expect(next.db.batches.flatMap((b) => b.putRecords)).toHaveLength(1);
    expect(next.persister.stats().inFlight).toBe(0);
    rows = await next.db.loadAll();
    expect(rows.records.map((r) => (r.value as RequestRecord).exchange.status)).toEqual([503]);
    expect(rows.records.map((r) => (r.value as { webRequestDone?: boolean }).webRequestDone)).toEqual([true]);
    const third = await restart(next.db);
    expect(strip(third.stores.get(1)!.all())).toEqual(strip(restored.all()));
  });

  it('writes a carried copy when its request changes, not with every commit, and deletes it with the row', async () => {
    const { db, persister, storeFor } = setup();
    const store = storeFor(1);
    const slow = webRequest('https://a.test/slow', { status: 503, at: 1, tabId: 1 });
    store.begin(toRequestStart(slow.before));
    await persister.flush();
    // Other requests come and go while the slow one is in flight: each commit rewrites the tab's meta.
    for (let i = 0; i < 5; i++) {
      const ev = webRequest(`https://a.test/${i}`, { status: 500, at: 10 + i, tabId: 1 });
      store.begin(toRequestStart(ev.before));
      store.completed(toResponse(ev.completed));
      await persister.flush();
    }
    const slowSeq = store.all().find((r) => r.kind === 'request' && r.exchange.url === 'https://a.test/slow')!.seq;
    const copiesOfSlow = () => db.batches.flatMap((b) => b.putCarried).filter((c) => c.key[1] === slowSeq).length;
    expect(db.batches.filter((b) => b.putMetas.length).length).toBeGreaterThanOrEqual(6);
    expect(copiesOfSlow()).toBe(1);
    expect((await db.loadAll()).carried.map((c) => c.key)).toEqual([[1, slowSeq]]);
    // A change while in flight writes it again, once.
    store.requestHeaders(toRequestHeaders(slow.sendHeaders));
    await persister.flush();
    expect(copiesOfSlow()).toBe(2);
    // Complete: its row is written and its carried copy deleted in the same transaction.
    store.completed(toResponse(slow.completed));
    await persister.flush();
    const last = db.batches.at(-1)!;
    expect({ rows: last.putRecords.map((r) => r.key), deleted: last.deleteCarried }).toEqual({
      rows: [[1, slowSeq]],
      deleted: [[1, slowSeq]],
    });
    expect((await db.loadAll()).carried).toEqual([]);
    const next = await restart(db);
    expect(strip(next.stores.get(1)!.all())).toEqual(strip(store.all()));
  });

  it("reads an older meta row's in-flight array and moves its copies to carried rows", async () => {
    const { db, persister, storeFor } = setup();
    const store = storeFor(1);
    const ev = webRequest('https://a.test/slow', { status: 503, at: 100, tabId: 1 });
    store.begin(toRequestStart(ev.before));
    await persister.flush();
    // Rewrite what was stored the way the older version stored it: the copy inside the meta row.
    const rows = await db.loadAll();
    expect(rows.carried).toHaveLength(1);
    const legacy = emptyBatch();
    legacy.deleteCarried.push(rows.carried[0].key);
    legacy.putMetas.push({
      tabId: 1,
      value: { ...(rows.metas[0].value as object), inFlight: [rows.carried[0].value] },
    });
    await db.inner.commit(legacy);
    expect((await db.loadAll()).carried).toEqual([]);

    const next = await restart(db);
    expect(strip(next.stores.get(1)!.all())).toEqual(strip(store.all()));
    expect(next.stores.get(1)!.stats).toMatchObject({ seen: 1, droppedRecords: 0 });
    await next.persister.flush();
    const after = await next.db.loadAll();
    expect(after.carried.map((c) => c.key)).toEqual([rows.carried[0].key]);
    expect((after.metas[0].value as { inFlight?: unknown }).inFlight).toBeUndefined();
  });

  it('writes one record row per request under traffic, and holds or counts every request at any stop', async () => {
    const { db, timers, persister, storeFor } = setup(testDb(), { maxBatchRecords: 7 });
    const store = storeFor(1);
    const events = Array.from({ length: 40 }, (_, i) =>
      webRequest(`https://a.test/${i}`, { status: 500, at: i, tabId: 1 }),
    );
    // Interleaved: each step starts one request and advances the others, with commits in between.
    for (let step = 0; step < events.length + 3; step++) {
      if (step < events.length) store.begin(toRequestStart(events[step].before));
      if (step >= 1 && step - 1 < events.length) store.requestHeaders(toRequestHeaders(events[step - 1].sendHeaders));
      if (step >= 2 && step - 2 < events.length) store.responseStarted(toResponse(events[step - 2].headers));
      if (step >= 3 && step - 3 < events.length) store.completed(toResponse(events[step - 3].completed));
      await timers.runAll();
      // A stop after any commit: every request seen is held (row or meta) or counted.
      const stopped = await restart(db);
      const s = stopped.stores.get(1)?.stats;
      if (s) {
        expect(requestsOf(stopped.stores.get(1))).toBe(s.seen - s.droppedRecords);
        expect(s.droppedRecords).toBe(0);
      }
    }
    await persister.flush();
    const keys = db.batches.flatMap((b) => b.putRecords.map((r) => r.key[1]));
    expect(keys.length).toBe(40);
    expect(new Set(keys).size).toBe(40);
    expect(db.batches.every((b) => b.putRecords.length <= 7)).toBe(true);
  });

  it('writes the rows of completed carried requests first, within the bounds, and counts only what a stop finds', async () => {
    const { db, timers, persister, storeFor } = setup(testDb(), { maxBatchRecords: 10, maxInFlightInMeta: 20 });
    const store = storeFor(1);
    // 50 requests start; 20 travel in the meta, the other 30 get rows (queued, bounded batches).
    const events = Array.from({ length: 50 }, (_, i) =>
      webRequest(`https://a.test/${i}`, { status: 500, at: i, tabId: 1 }),
    );
    for (const ev of events) store.begin(toRequestStart(ev.before));
    for (const ev of events) store.completed(toResponse(ev.completed));
    db.blockAfter = 1;
    await timers.runAll(); // one commit goes through; the next waits
    const first = db.batches[0];
    // The 20 carried ones, promoted on completion, go first, 10 of them (the bound); until store8
    // they all went, bodies and all, whatever the bounds. The other 10 keep a carried copy (complete
    // now), written in the same transaction since none was written yet.
    const carriedSeqs = store
      .all()
      .slice(0, 20)
      .map((r) => r.seq);
    expect(first.putRecords.map((r) => r.key[1])).toEqual(carriedSeqs.slice(0, 10));
    expect(first.putCarried.map((r) => r.key[1])).toEqual(carriedSeqs.slice(10));
    expect(first.deleteCarried).toEqual([]);
    const early = await restart(db);
    const s = early.stores.get(1)!.stats;
    // The 30 rows still queued and never carried are not counted yet: like requests after the last
    // commit, the devtools page's re-sent entries re-create them (counting them as dropped too held
    // them twice). The 10 carried copies come back, and are queued for their rows first.
    expect({ held: requestsOf(early.stores.get(1)), seen: s.seen, dropped: s.droppedRecords }).toEqual({
      held: 20,
      seen: 20,
      dropped: 0,
    });
    await early.timers.runAll();
    expect(early.db.batches[0].putRecords.map((r) => r.key[1])).toEqual(carriedSeqs.slice(10));
    expect(early.db.batches[0].deleteCarried.map((k) => k[1])).toEqual(carriedSeqs.slice(10));
    db.blockAfter = null;
    db.release();
    await persister.flush();
    const next = await restart(db);
    expect(strip(next.stores.get(1)!.all())).toEqual(strip(store.all()));
  });

  it('halves the transaction bounds after a slow commit and grows them back after fast full ones', async () => {
    let clock = 0;
    let commitMs = 300;
    const spy = new SpyDb(testDb());
    // Each commit takes commitMs on the persister's clock, all of it running its requests.
    const db = timedDb(spy, () => {
      clock += commitMs;
      return { issueMs: 0, waitMs: 0, requestsMs: commitMs, finishMs: 0 };
    });
    const { persister, storeFor, timers } = setup(
      db,
      {
        maxBatchRecords: 64,
        // Never the binding bound here (64 bodiless rows are 128 K): the record bound is under test.
        maxBatchBytes: 1e6,
        minBatchBytes: 1e6,
        targetCommitMs: 100,
        minBatchRecords: 4,
        maxInFlightInMeta: 0,
      },
      LIMITS,
      () => clock,
    );
    const store = storeFor(1);
    for (let i = 0; i < 200; i++) complete(store, `https://a.test/${i}`, 500, i);
    await timers.runAll();
    await persister.flush();
    const slow = spy.batches.map((b) => b.putRecords.length);
    expect(slow.slice(0, 6)).toEqual([64, 32, 16, 8, 4, 4]);
    expect(slow.reduce((a, b) => a + b, 0)).toBe(200);
    expect(persister.stats().batchRecordsLimit).toBe(4);
    // Fast commits of full batches let them grow again, up to the maximum.
    commitMs = 1;
    for (let i = 200; i < 400; i++) complete(store, `https://a.test/${i}`, 500, i);
    await timers.runAll();
    await persister.flush();
    const fast = spy.batches.slice(slow.length).map((b) => b.putRecords.length);
    expect(fast.slice(0, 4)).toEqual([4, 6, 9, 14]);
    expect(Math.max(...fast)).toBe(64);
    expect(fast.reduce((a, b) => a + b, 0)).toBe(200);
  });

  it("keeps the transaction bounds when a slow commit's time was its wait and the backend's commit, not its requests", async () => {
    let clock = 0;
    const spy = new SpyDb(testDb());
    // Each commit takes 2 s on the persister's clock, all but 7 ms of it waiting to start and in the backend's commit.
    const db = timedDb(spy, () => {
      clock += 2_000;
      return { issueMs: 2, waitMs: 1_000, requestsMs: 5, finishMs: 993 };
    });
    const { persister, storeFor, timers } = setup(
      db,
      { maxBatchRecords: 64, targetCommitMs: 100, minBatchRecords: 4, maxInFlightInMeta: 0 },
      LIMITS,
      () => clock,
    );
    const store = storeFor(1);
    for (let i = 0; i < 200; i++) complete(store, `https://a.test/${i}`, 500, i);
    await timers.runAll();
    await persister.flush();
    // Halving would make 64, 32, 16, 8, 4, 4, …: more commits, each paying the same wait.
    expect(spy.batches.map((b) => b.putRecords.length)).toEqual([64, 64, 64, 8]);
    expect(persister.stats().batchRecordsLimit).toBe(64);
    expect(persister.stats().slowCommits).toBe(4);
  });

  it('writes a backlog of one shrunk batch at once, not only a backlog of the largest', async () => {
    let clock = 0;
    const spy = new SpyDb(testDb());
    // Every commit is slow, in its requests.
    const db = timedDb(spy, () => {
      clock += 300;
      return { issueMs: 0, waitMs: 0, requestsMs: 300, finishMs: 0 };
    });
    const delays: number[] = [];
    const queue: Array<() => void> = [];
    const timers = {
      setTimer: (fn: () => void, ms: number): unknown => (delays.push(ms), queue.push(fn)),
      clearTimer: (): void => {},
    };
    const { storeFor } = setup(
      db,
      { delayMs: 250, maxBatchRecords: 64, targetCommitMs: 100, minBatchRecords: 4, maxInFlightInMeta: 0 },
      LIMITS,
      () => clock,
      timers,
    );
    const store = storeFor(1);
    for (let i = 0; i < 100; i++) complete(store, `https://a.test/${i}`, 500, i);
    for (let fired = 0; queue.length && fired < 10; fired++) {
      queue.shift()!();
      for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 0));
    }
    // 64 taken, bound halved to 32; the 36 left are a full batch and go at once; the 4 left were
    // queued 600 ms ago, past the delay already, so they go at once too (before store15: 250 ms more).
    expect(spy.batches.map((b) => b.putRecords.length)).toEqual([64, 32, 4]);
    expect(delays).toEqual([250, 0, 0]);
  });

  it('logs a commit whose oldest change waited over LAG_LOG_MS, with when it ended and its own length', async () => {
    let clock = 1000;
    const db = new SpyDb(testDb());
    const { persister, storeFor, timers } = setup(db, {}, LIMITS, () => clock);
    const store = storeFor(1);
    complete(store, 'https://a.test/quick', 500, 1);
    clock += 300;
    await timers.runAll();
    await persister.flush();
    complete(store, 'https://a.test/stalled', 500, 2);
    clock += LAG_LOG_MS + 100; // the worker's event loop stalled before the timer fired
    db.hold();
    await timers.runAll();
    clock += 40;
    db.release();
    await persister.flush();
    expect(persister.stats().lagLog).toEqual([
      { at: clock, lagMs: LAG_LOG_MS + 140, bodyLagMs: 0, commitMs: 40, records: 1, bodies: 0 },
    ]);
    expect(persister.resetPeaks().lagLog).toHaveLength(1);
    expect(persister.stats().lagLog).toEqual([]);
  });

  it('traces every commit: how late its timer fired, how long its oldest change had waited, the queue it found', async () => {
    let clock = 1000;
    const db = new SpyDb(testDb());
    const { persister, storeFor, timers } = setup(db, {}, LIMITS, () => clock);
    const store = storeFor(1);
    complete(store, 'https://a.test/one', 500, 1);
    complete(store, 'https://a.test/two', 500, 2);
    // The worker could not run its timer for 700 ms (a GC): due at +50 ms (delayMs), it fired 650 ms late.
    clock += 700;
    db.hold();
    await timers.runAll();
    clock += 30;
    db.release();
    await persister.flush();
    const [first, ...rest] = persister.commitTrace();
    expect(rest).toEqual([]);
    expect(first).toMatchObject({ at: 1700, ms: 30, timerLateMs: 650, waitedMs: 700, queued: 2, records: 2, metas: 1 });
    expect(persister.commitTrace(1701)).toEqual([]);
  });

  it('keeps the newest LAG_LOG_ENTRIES long waits, a whole soak run of them', async () => {
    let clock = 1000;
    const db = new SpyDb(testDb());
    const { persister, storeFor, timers } = setup(db, {}, { ...LIMITS, maxRecords: 100 }, () => clock);
    const store = storeFor(1);
    for (let i = 0; i < LAG_LOG_ENTRIES + 5; i++) {
      complete(store, `https://a.test/stalled/${i}`, 500, i + 1);
      clock += LAG_LOG_MS + 100;
      await timers.runAll();
      await persister.flush();
    }
    const log = persister.stats().lagLog;
    expect(log).toHaveLength(LAG_LOG_ENTRIES);
    // The 5 oldest went: the first kept ended at the 6th commit.
    expect(log[0]?.at).toBe(1000 + 6 * (LAG_LOG_MS + 100));
    expect(log.at(-1)?.at).toBe(clock);
  });

  it('reports commit time and lag', async () => {
    let clock = 1000;
    const db = new SpyDb(testDb());
    const { persister, storeFor, timers } = setup(db, {}, LIMITS, () => clock);
    const store = storeFor(1);
    complete(store, 'https://a.test/', 500, 1);
    clock += 300; // the delay passes, then the commit takes 40 ms
    db.hold();
    await timers.runAll();
    clock += 40;
    db.release();
    await persister.flush();
    expect(persister.stats().maxCommitMs).toBe(40);
    expect(persister.stats().maxLagMs).toBe(340);
    expect(persister.stats().recordsWritten).toBe(1);
    expect(persister.stats().slowCommits).toBe(0);
    expect(persister.stats().commitsBySize.filter((b) => b.count > 0)).toEqual([
      { records: '<=16', count: 1, totalMs: 40, maxMs: 40 },
    ]);
  });

  it('after a commit, waits for a trickle until the delay from its oldest change, and writes a backlog at once', async () => {
    let clock = 0;
    const delays: number[] = [];
    const queue: Array<() => void> = [];
    const timers = {
      setTimer: (fn: () => void, ms: number): unknown => (delays.push(ms), queue.push(fn)),
      clearTimer: (): void => {},
    };
    const settle = async (): Promise<void> => {
      for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 0));
    };
    const fire = async (): Promise<void> => {
      queue.shift()?.();
      await settle();
    };
    const db = new SpyDb(testDb());
    // No carried rows: promoted rows bypass the batch bounds, and this is about the bounds.
    const { persister, storeFor } = setup(
      db,
      { delayMs: 250, maxBatchRecords: 5, maxInFlightInMeta: 0 },
      LIMITS,
      () => clock,
      timers,
    );
    const store = storeFor(1);

    db.hold();
    complete(store, 'https://a.test/0', 500, 0);
    clock = 250;
    await fire(); // the first commit starts and waits on the held database
    clock = 300;
    complete(store, 'https://a.test/1', 500, 1); // a trickle meanwhile
    clock = 400;
    db.release();
    await settle();
    // /1 has waited 100 ms of its 250 during the commit: 150 more (before store15: 250 from the
    // commit's end, so a change queued during a commit waited for it and the whole delay again).
    expect(delays).toEqual([250, 150]);

    db.hold();
    await fire(); // commits /1 and waits
    for (let i = 2; i < 12; i++) complete(store, `https://a.test/${i}`, 500, i); // a backlog of 10 ≥ 5
    db.release();
    await settle();
    expect(delays).toEqual([250, 150, 0]);
    await persister.flush();
    expect(db.batches.length).toBe(4); // /0, /1, then the backlog in two batches of 5
  });

  describe('a body that arrives after its record was first written (a worker restart must keep it)', () => {
    /** A POST whose DevTools entry came without its response body (getContent timed out) but with the request body. */
    function postWithoutBody(store: TabStore, url: string, at: number) {
      const ev = webRequest(url, { status: 200, at, tabId: store.tabId, method: 'POST' });
      store.begin(toRequestStart(ev.before));
      store.completed(toResponse(ev.completed));
      const exchange = { ...devtoolsExchange(url, { status: 200, at, method: 'POST' }), requestBody: '{"name":"x"}' };
      store.mergeDevtools({ exchange, bodyState: 'not-captured' }, 'devtools');
      return { ev, exchange };
    }
    const failureBody = '{"success":false,"code":"body_says_failed"}';

    it('a HAR backfill of the response body: the failure it shows survives a restart and a reclassify', async () => {
      const { persister, storeFor } = setup();
      const store = storeFor(1);
      const { exchange } = postWithoutBody(store, 'https://a.test/save', 10);
      await persister.flush();
      store.mergeDevtools({ exchange: { ...exchange, body: failureBody }, bodyState: 'captured' }, 'har');
      const [live] = store.all() as RequestRecord[];
      expect(live.classification.failure).toBe(true);
      await persister.flush();

      const next = await restart(persister['db']);
      next.stores.get(1)!.reclassifyAll(); // as the worker does once it has read the rules
      const [restored] = next.stores.get(1)!.all() as RequestRecord[];
      expect(restored.exchange.body).toBe(failureBody);
      expect(restored.exchange.requestBody).toBe('{"name":"x"}');
      expect(restored.bodyState).toBe('captured');
      expect(restored.classification.failure).toBe(true);
      expect(restored.classification.errorCode).toBe('body_says_failed');
    });

    it("Firefox's copied body after the DevTools entry: the same", async () => {
      const { persister, storeFor } = setup();
      const store = storeFor(1);
      const { ev } = postWithoutBody(store, 'https://a.test/save', 10);
      await persister.flush();
      store.copiedBody(ev.requestId, failureBody, false);
      await persister.flush();

      const next = await restart(persister['db']);
      next.stores.get(1)!.reclassifyAll();
      const [restored] = next.stores.get(1)!.all() as RequestRecord[];
      expect(restored.exchange.body).toBe(failureBody);
      expect(restored.classification.failure).toBe(true);
    });

    it('a body row without the response body its record says it holds reads as dropped and keeps its classification', async () => {
      const { persister, storeFor } = setup();
      const store = storeFor(1);
      const { exchange } = postWithoutBody(store, 'https://a.test/save', 10);
      store.mergeDevtools({ exchange: { ...exchange, body: failureBody }, bodyState: 'captured' }, 'har');
      await persister.flush();
      // A store written by a version that kept the first body row (only the request body) forever.
      const db = persister['db'];
      const rows = await db.loadAll();
      await db.commit({
        ...emptyBatch(),
        putBodies: [{ key: rows.bodies[0].key, value: { requestBody: '{"name":"x"}' } }],
      });

      const next = await restart(db);
      next.stores.get(1)!.reclassifyAll();
      const [restored] = next.stores.get(1)!.all() as RequestRecord[];
      expect(restored.bodyState).toBe('dropped');
      expect(next.stores.get(1)!.stats.droppedBodies).toBe(1);
      expect(restored.classification.failure).toBe(true);
      expect(restored.classification.errorCode).toBe('body_says_failed');
    });
  });
});
