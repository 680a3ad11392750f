// Model-based property test of the background across worker stops (issue 19): random interleavings of a
// few requests' webRequest events, the devtools page's entries (live, late, re-sent after a reconnect),
// commits (split into small transactions, or cut off by the stop), a bounded write queue and evictions
// past a small cap, and webRequest events lost at a stop or dispatched again to the restarted worker.
// After everything settles, every request made is held once or counted as dropped: held +
// droppedRecords = seen = made, and no request is held twice (e2e/store.e2e.ts in miniature).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaptureDb, WriteBatch } from '../platform/capture-db';
import type { PortLike } from '../platform/runtime';
import { DEVTOOLS_PORT_PREFIX, envelope, type DevtoolsEntry, type Envelope } from '../protocol/messages';
import type { CaptureLimits } from './limits';
import { DEFAULT_PERSIST_OPTIONS, type PersistOptions } from './persist';
import { CaptureService } from './service';
import type { StoredRecord } from './tab-store';
import { ManualTimers, ORIGIN, devtoolsExchange, fakeClassify, testDb, webRequest } from './test-support';
import type { WebRequestDetails } from './webrequest-events';

const TAB = 1;
const MATCH_WINDOW_MS = 2000;

class FakePort implements PortLike {
  private messageListeners: Array<(m: unknown) => void> = [];
  private disconnectListeners: Array<() => void> = [];
  constructor(readonly name: string) {}
  postMessage(): void {}
  disconnect(): void {}
  onMessage = { addListener: (cb: (m: unknown) => void) => void this.messageListeners.push(cb) };
  onDisconnect = { addListener: (cb: () => void) => void this.disconnectListeners.push(cb) };
  receive(message: unknown): void {
    for (const cb of this.messageListeners) cb(message);
  }
}

/**
 * IndexedDB (fake-indexeddb) whose transactions the test applies one at a time: a batch is cloned when
 * committed (as IndexedDB clones each put at once) and held until applied, so a worker stop can fall
 * before, between or after them; a transaction the stop cuts off is applied or lost whole.
 */
class SteppedDb implements CaptureDb {
  private held: Array<{ batch: WriteBatch; resolve: () => void; reject: (e: unknown) => void }> = [];
  constructor(private readonly inner: CaptureDb) {}
  commit(batch: WriteBatch): Promise<void> {
    const copy = structuredClone(batch);
    return new Promise((resolve, reject) => this.held.push({ batch: copy, resolve, reject }));
  }
  loadAll: CaptureDb['loadAll'] = () => this.inner.loadAll();
  readTab: CaptureDb['readTab'] = (store, tabId, keysOnly) => this.inner.readTab(store, tabId, keysOnly);
  clearAll: CaptureDb['clearAll'] = () => this.inner.clearAll();
  get inFlight(): number {
    return this.held.length;
  }
  /** Applies the oldest held transaction, then lets the persister see its outcome. */
  async applyOne(): Promise<void> {
    const next = this.held.shift();
    if (!next) return;
    await this.inner.commit(next.batch);
    next.resolve();
    await macrotask();
  }
  /** The worker stopped: the transaction already handed to the backend is applied or lost, the rest never started. */
  async stop(applyFirst: boolean): Promise<void> {
    const [first] = this.held;
    this.held = [];
    if (first && applyFirst) await this.inner.commit(first.batch);
  }
}

const macrotask = () => new Promise((resolve) => setTimeout(resolve, 0));

interface Plan {
  /** Requests made and finished before the interleaving (they fill the cap, then get evicted). */
  fillers: number;
  /** Requests whose events the actions interleave. */
  requests: Array<{ status: number; failed: boolean; lateMs: number; entryJitterMs: number; body: boolean }>;
  /** The cap is the interleaved requests plus this: fillers are evicted, a re-sent entry's record never is. */
  spareRecords: number;
  persist: Partial<PersistOptions>;
  /** How many of the newest posted entries the devtools page re-sends after a reconnect. */
  resend: number;
  actions: Action[];
  /** How the leftover entries go at the end: with a body or without (getContent timed out). */
  finalApplyCut: boolean;
}

type Action =
  | { kind: 'emit'; request: number }
  | { kind: 'deliverWebRequest' }
  | { kind: 'entry'; request: number }
  | { kind: 'deliverPort' }
  | { kind: 'timers' }
  | { kind: 'applyCommit' }
  | { kind: 'flush' }
  | { kind: 'stop'; applyCut: boolean; lost: number; repeated: number }
  | { kind: 'reconnect' }
  | { kind: 'echo' };

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('emit' as const), request: fc.nat(5) }) },
  { weight: 5, arbitrary: fc.constant({ kind: 'deliverWebRequest' as const }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('entry' as const), request: fc.nat(5) }) },
  { weight: 3, arbitrary: fc.constant({ kind: 'deliverPort' as const }) },
  { weight: 3, arbitrary: fc.constant({ kind: 'timers' as const }) },
  { weight: 3, arbitrary: fc.constant({ kind: 'applyCommit' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'flush' as const }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('stop' as const),
      applyCut: fc.boolean(),
      lost: fc.nat(2),
      repeated: fc.nat(2),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ kind: 'reconnect' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'echo' as const }) },
);

const planArb: fc.Arbitrary<Plan> = fc.record({
  fillers: fc.integer({ min: 0, max: 4 }),
  requests: fc.array(
    fc.record({
      status: fc.constantFrom(200, 500),
      failed: fc.boolean(),
      // Served at once, or queued behind a burst far past the match window.
      lateMs: fc.constantFrom(0, 3 * MATCH_WINDOW_MS),
      entryJitterMs: fc.integer({ min: -50, max: 50 }),
      body: fc.boolean(),
    }),
    { minLength: 1, maxLength: 6 },
  ),
  spareRecords: fc.integer({ min: 1, max: 3 }),
  persist: fc.record({
    maxQueuedRecords: fc.integer({ min: 1, max: 6 }),
    maxInFlightInMeta: fc.integer({ min: 0, max: 2 }),
    maxBatchRecords: fc.integer({ min: 1, max: 3 }),
    // 0 (the default): every request a transaction leaves queued is counted and named, and must still
    // be held or counted exactly once. 20 s (store10's bound): the younger ones are left to the re-send.
    maxUnwrittenAgeMs: fc.constantFrom(0, 20_000),
    // Small: a transaction takes one record row and one body, so bodies wait in their lane; a budget of
    // 0 then drops every body a transaction leaves out (store15): the counts must hold across stops.
    maxBatchBytes: fc.constantFrom(1024 * 1024, 2048),
    bodyWriteBudgetMs: fc.constantFrom(1_000, 0),
  }),
  resend: fc.integer({ min: 1, max: 3 }),
  actions: fc.array(actionArb, { maxLength: 80 }),
  finalApplyCut: fc.boolean(),
});

/** The browser, the devtools page and the workers that come and go, driven by a plan. */
class World {
  readonly db: SteppedDb;
  service!: CaptureService;
  timers!: ManualTimers;
  readonly limits: CaptureLimits;
  readonly persist: PersistOptions;
  /** webRequest events the browser emitted, not yet handled; they reach whichever worker runs. */
  readonly webRequestQueue: Array<{ type: keyof typeof HANDLERS; details: WebRequestDetails }> = [];
  /** Port messages posted to the running worker, not yet handled: lost if it stops. */
  portQueue: Envelope[] = [];
  devtoolsPort: FakePort | null = null;
  /** Posted while disconnected: sent after the re-send on the next connect (reconnecting-port.ts). */
  buffer: Envelope[] = [];
  /** Every entry posted, oldest first (recent-entries.ts keeps the newest). */
  readonly posted: DevtoolsEntry[] = [];
  readonly requests: Array<{
    url: string;
    events: Array<{ type: keyof typeof HANDLERS; details: WebRequestDetails }>;
    emitted: number;
    entry: DevtoolsEntry;
    entrySent: boolean;
  }>;
  stops = 0;
  /** The next event the running worker handled that an echo dispatches again. */
  echoFrom = 0;
  /** webRequest events handled so far, by any worker. */
  readonly handled: Array<{ type: keyof typeof HANDLERS; details: WebRequestDetails }> = [];
  /** Orphan responses adopted by the workers that stopped (coverage of the model). */
  adopted = 0;
  /** Queued requests the workers that stopped counted as too slow for the re-send window (coverage). */
  tooSlow = 0;

  constructor(readonly plan: Plan) {
    this.db = new SteppedDb(testDb());
    this.limits = {
      maxRecords: plan.requests.length + plan.spareRecords,
      maxBodyBytesPerTab: 100_000,
      maxBodyChars: 1000,
      maxRequestBodyChars: 100,
      matchWindowMs: MATCH_WINDOW_MS,
    };
    this.persist = { ...DEFAULT_PERSIST_OPTIONS, minBatchRecords: 1, ...plan.persist };
    this.requests = plan.requests.map((r, i) => {
      const url = `https://a.test/api/soak/${i}`;
      const at = 1_000_000 + i * 10;
      const ev = webRequest(url, { tabId: TAB, status: r.status, at, requestId: `r${i}` });
      const respondAt = at + r.lateMs;
      const events: Array<{ type: keyof typeof HANDLERS; details: WebRequestDetails }> = [
        { type: 'before', details: ev.before },
        { type: 'sendHeaders', details: ev.sendHeaders },
      ];
      if (r.failed) events.push({ type: 'error', details: { ...ev.error, timeStamp: respondAt + 9 } });
      else {
        events.push({ type: 'headers', details: { ...ev.headers, timeStamp: respondAt + 5 } });
        events.push({ type: 'completed', details: { ...ev.completed, timeStamp: respondAt + 9 } });
      }
      const exchange = devtoolsExchange(url, {
        status: r.failed ? 0 : r.status,
        at: at + r.entryJitterMs,
        ...(r.body && !r.failed ? { body: `{"n":${i}}` } : {}),
      });
      exchange.durationMs = r.lateMs + 9;
      if (r.failed) exchange.error = 'net::ERR_CONNECTION_REFUSED';
      const entry: DevtoolsEntry = {
        exchange,
        bodyState: exchange.body !== undefined ? 'captured' : 'not-captured',
        resourceType: 'fetch',
      };
      return { url, events, emitted: 0, entry, entrySent: false };
    });
  }

  async startWorker(): Promise<void> {
    this.timers = new ManualTimers();
    this.service = new CaptureService({
      classify: fakeClassify,
      limits: this.limits,
      db: this.db,
      setBadge: () => {},
      extensionOrigin: ORIGIN,
      timers: this.timers,
      persistOptions: this.persist,
    });
    await this.service.start();
  }

  /** The devtools page (re)connects: its port, the re-send of its newest entries, then what it buffered. */
  connectDevtools(): void {
    const port = new FakePort(DEVTOOLS_PORT_PREFIX + TAB);
    this.service.connect(port);
    const firstConnect = this.devtoolsPort === null && this.stops === 0;
    this.devtoolsPort = port;
    if (!firstConnect) {
      const recent = this.posted.slice(-this.plan.resend);
      if (recent.length) this.portQueue.push(envelope('devtools/har-backfill', { tabId: TAB, entries: recent }));
    }
    this.portQueue.push(...this.buffer);
    this.buffer = [];
  }

  postEntry(entry: DevtoolsEntry, recent = true): void {
    if (recent) this.posted.push(entry);
    const message = envelope('devtools/finished', { tabId: TAB, entries: [entry] });
    if (this.devtoolsPort) this.portQueue.push(message);
    else this.buffer.push(message);
  }

  async fillers(): Promise<void> {
    for (let i = 0; i < this.plan.fillers; i++) {
      const url = `https://a.test/filler/${i}`;
      const ev = webRequest(url, { tabId: TAB, status: 200, at: 900_000 + i * 10, requestId: `f${i}` });
      this.service.onBeforeRequest(ev.before);
      this.service.onSendHeaders(ev.sendHeaders);
      this.service.onHeadersReceived(ev.headers);
      this.service.onCompleted(ev.completed);
      const entry: DevtoolsEntry = {
        exchange: devtoolsExchange(url, { status: 200, at: 900_000 + i * 10 }),
        bodyState: 'not-captured',
      };
      this.postEntry(entry, false); // older than the page's recent window: never re-sent
      this.deliverAllPort();
    }
    await this.settle();
  }

  deliverWebRequest(): void {
    const next = this.webRequestQueue.shift();
    if (!next) return;
    this.handled.push(next);
    HANDLERS[next.type](this.service, next.details);
  }

  deliverPort(): void {
    const next = this.portQueue.shift();
    if (next) this.devtoolsPort?.receive(next);
  }

  deliverAllPort(): void {
    while (this.portQueue.length) this.deliverPort();
  }

  emit(i: number): void {
    const request = this.requests[i % this.requests.length];
    const next = request.events[request.emitted];
    if (!next) return;
    request.emitted++;
    this.webRequestQueue.push(next);
  }

  /** The devtools page has the entry once the browser finished the request (getContent may take a while). */
  entry(i: number): void {
    const request = this.requests[i % this.requests.length];
    if (request.entrySent || request.emitted < request.events.length) return;
    request.entrySent = true;
    this.postEntry(request.entry);
  }

  /**
   * `lost`: webRequest events dispatched to the dying worker and never handled. `repeated`: the last
   * events it handled, dispatched again to the new worker (not acknowledged before the stop).
   */
  async stop(applyCut: boolean, lost = 0, repeated = 0): Promise<void> {
    await this.db.stop(applyCut);
    this.webRequestQueue.splice(0, lost);
    if (repeated) this.webRequestQueue.unshift(...this.handled.slice(-repeated));
    this.echoFrom = this.handled.length;
    this.adopted += this.service.adoptedOrphans;
    this.tooSlow += this.service.persister.stats().queueTooSlow;
    this.portQueue = []; // posted to the dead worker: lost (the page still has them in its recent entries)
    this.devtoolsPort = null;
    this.stops++;
    await this.startWorker();
  }

  async run(action: Action): Promise<void> {
    switch (action.kind) {
      case 'emit':
        return this.emit(action.request);
      case 'deliverWebRequest':
        return this.deliverWebRequest();
      case 'entry':
        return this.entry(action.request);
      case 'deliverPort':
        return this.deliverPort();
      case 'timers':
        return this.timers.fireRound();
      case 'applyCommit':
        return this.db.applyOne();
      case 'flush':
        // The e2e's debug flush just before its stop: not awaited here, its commits are applied by later actions.
        void this.service.flush();
        return macrotask() as Promise<void>;
      case 'stop':
        return this.stop(action.applyCut, action.lost, action.repeated);
      case 'reconnect':
        if (!this.devtoolsPort) this.connectDevtools();
        return;
      case 'echo': {
        // An event the restarted worker handled, dispatched to it a second time, later (as a copy queued
        // for the stopped worker while the new one already listened might be): it must add nothing.
        if (this.stops === 0) return;
        const event = this.handled[this.echoFrom++];
        if (event) this.webRequestQueue.push(event);
        return;
      }
    }
  }

  /** Runs the timers and applies the commits until nothing is left to write. */
  async settle(): Promise<void> {
    for (let guard = 0; guard < 500; guard++) {
      if (this.timers.pending === 0 && this.db.inFlight === 0) {
        await macrotask();
        if (this.timers.pending === 0 && this.db.inFlight === 0) return;
      }
      this.timers.fireRound();
      await macrotask();
      while (this.db.inFlight) await this.db.applyOne();
    }
    throw new Error('the persister did not settle');
  }

  /** Every request's remaining events and entry, delivered; the devtools page connected. */
  async finish(): Promise<void> {
    for (let i = 0; i < this.requests.length; i++)
      while (this.requests[i].emitted < this.requests[i].events.length) this.emit(i);
    while (this.webRequestQueue.length) this.deliverWebRequest();
    for (let i = 0; i < this.requests.length; i++) this.entry(i);
    if (!this.devtoolsPort) this.connectDevtools();
    this.deliverAllPort();
    await this.settle();
  }

  counts() {
    const s = this.service.stats(TAB);
    const held = this.service
      .allRecords(TAB)
      .filter((r): r is Extract<StoredRecord, { kind: 'request' }> => r.kind === 'request');
    const byUrl = new Map<string, number>();
    for (const r of held) byUrl.set(r.exchange.url, (byUrl.get(r.exchange.url) ?? 0) + 1);
    return {
      made: this.plan.fillers + this.requests.length,
      heldPlusDropped: held.length + (s?.droppedRecords ?? 0),
      seen: s?.seen ?? 0,
      heldTwice: [...byUrl].filter(([, n]) => n > 1).map(([url]) => url),
      describe: () =>
        held.map((r) => ({
          id: r.id,
          seq: r.seq,
          url: r.exchange.url,
          sources: r.sources,
          startedAt: r.exchange.startedAt,
          startIsUpperBound: r.startIsUpperBound,
          status: r.exchange.status,
          devtoolsKey: r.devtoolsKey,
        })),
    };
  }
}

const HANDLERS = {
  before: (s: CaptureService, d: WebRequestDetails) => s.onBeforeRequest(d),
  sendHeaders: (s: CaptureService, d: WebRequestDetails) => s.onSendHeaders(d),
  headers: (s: CaptureService, d: WebRequestDetails) => s.onHeadersReceived(d),
  completed: (s: CaptureService, d: WebRequestDetails) => s.onCompleted(d),
  error: (s: CaptureService, d: WebRequestDetails) => s.onErrorOccurred(d),
};

async function runPlan(plan: Plan) {
  const world = new World(plan);
  await world.startWorker();
  world.connectDevtools();
  await world.fillers();
  for (const action of plan.actions) await world.run(action);
  await world.finish();
  const live = world.counts();
  // And once more across a last stop, after everything was written.
  await world.stop(plan.finalApplyCut);
  await world.finish();
  const restarted = world.counts();
  coverage.runs++;
  if (world.stops > 1) coverage.withStop++;
  if (world.adopted > 0) coverage.withAdoption++;
  if (world.tooSlow > 0) coverage.withTooSlowStop++;
  return { live, restarted };
}

/** How often the runs reached the paths of interest (printed with FAULTLINE_PROPERTY_COVERAGE=1). */
const coverage = { runs: 0, withStop: 0, withAdoption: 0, withTooSlowStop: 0 };

describe('a worker stopped at any moment, with the devtools page re-sending its recent entries', () => {
  it('holds every request once or counts it as dropped: held + dropped = seen = made, none held twice', async () => {
    await fc.assert(
      fc.asyncProperty(planArb, async (plan) => {
        const { live, restarted } = await runPlan(plan);
        for (const c of [live, restarted]) {
          if (c.heldTwice.length) console.log(JSON.stringify(c.describe()));
          expect({ heldPlusDropped: c.heldPlusDropped, seen: c.seen, heldTwice: c.heldTwice }).toEqual({
            heldPlusDropped: c.made,
            seen: c.made,
            heldTwice: [],
          });
        }
      }),
      { numRuns: Number(process.env.FAULTLINE_PROPERTY_RUNS ?? 200) },
    );
    if (process.env.FAULTLINE_PROPERTY_COVERAGE) console.log(JSON.stringify(coverage));
  }, 600_000);
});
