// The background's capture service: per-tab stores fed by webRequest and the devtools pages,
// persisted to IndexedDB, streamed to the panels, counted on the badge. Browser APIs arrive as
// injected functions and plain port objects, so this runs under vitest unchanged.
import type { SyncJournal } from '../platform/sync-journal';
import type { PortLike } from '../platform/runtime';
import type { CaptureDb, PagedRead, ReadableStore } from '../platform/capture-db';
import type { SessionMarker } from '../platform/storage';
import {
  DEVTOOLS_PORT_PREFIX,
  PANEL_PORT_PREFIX,
  PROTOCOL_VERSION,
  envelope,
  parseEnvelopeOf,
  tabIdFromPortName,
  type CaptureRecord,
  type CaptureStats,
  type Envelope,
  type MessageMap,
} from '../protocol/messages';
import { toListRecord } from '../protocol/list-record';
import { PackedRowCache } from './packed-row-cache';
import {
  SNAPSHOT_CHUNK_ROWS,
  SNAPSHOT_FIRST_ROWS,
  snapshotMessages,
  warmRuns,
  type SnapshotChunks,
} from './snapshot-messages';
import { bodyCopyPlan, type CopyPlan } from './body-copy';
import { PortTraffic } from './port-traffic';
import type { CaptureLimits } from './limits';
import { CapturePersister, DEFAULT_PERSIST_OPTIONS, realTimers, type PersistOptions, type Timers } from './persist';
import { assertNever } from '../core/assert-never';
import { TabStore, isVisible, type Classifier, type StoreEvent, type StoredRecord } from './tab-store';
import { isTabTraffic, type RequestStart, type WebRequestDetails } from './webrequest-events';
import { parseTrafficEvent, trafficEventOf, type TrafficEvent, type TrafficEventName } from './traffic-events';

export interface ServiceDeps {
  classify: Classifier;
  limits: CaptureLimits;
  db: CaptureDb;
  /** Tells a new browser session (whose data on disk is wiped) from a restarted worker; none in tests. */
  marker?: SessionMarker | null;
  /** A synchronous journal of requests not yet counted by a committed meta (Firefox's event page; see persist.ts). */
  journal?: SyncJournal | null;
  /**
   * A synchronous journal of the webRequest events received before the start is ready (Firefox's event
   * page): a page unloaded during its read-back leaves them there, and the next start handles them first.
   */
  earlyEvents?: SyncJournal | null;
  setBadge(tabId: number, count: number): unknown;
  extensionOrigin: string;
  tabExists?(tabId: number): Promise<boolean>;
  timers?: Timers;
  now?: () => number;
  persistOptions?: PersistOptions;
  /** Panel updates are batched: at most one bg/upsert per tab per this many ms (the 2,000-request burst). */
  batchMs?: number;
  /** Awaited before queued events are handled, e.g. loading the user's rules that classify them. */
  prepare?(): Promise<void>;
  /** Rows per message when a panel opens (snapshot-messages.ts); smaller in tests. */
  snapshotChunks?: SnapshotChunks;
  /** How long a request restored in flight may wait for its end before it is ended as outcome lost. */
  restoredInFlightWaitMs?: number;
  /** How long a start waits for `prepare` before it handles events without it (PREPARE_WAIT_MS). */
  prepareWaitMs?: number;
}

/**
 * How long a start waits for `prepare` (the user's rules from extension storage). Past it, queued events
 * are handled with the rules as they are and classified again once the rules arrive: a storage read that
 * does not answer must not hold every event of the tab (Firefox, once, after a forced stop under traffic:
 * the restarted page read its store back and never became ready).
 */
export const PREPARE_WAIT_MS = 10_000;

/** Where a start is: what the e2e names when a restarted background never becomes ready. */
export type StartPhase = 'loading' | 'preparing' | 'handling queued events' | 'checking tabs' | 'started';

/**
 * How long a request restored in flight waits for its end after a start. An end the stopped background
 * received but never wrote will not come again (Firefox with the toolbox closed re-sends nothing), so
 * such a request is then ended as "outcome lost" rather than held in flight forever. Within this the
 * devtools page's re-send (sent on reconnect) and the events of requests still really in flight arrive;
 * a later end still completes it. Under Firefox's 30 s idle timeout, so an idle event page ends them
 * before it is suspended again.
 */
export const RESTORED_IN_FLIGHT_WAIT_MS = 15_000;

/**
 * The early-event journal's bound, in characters (localStorage holds about 5 MB per extension, shared
 * with the request journal): a start's read-back takes 2-4 s, about 1,000 events at 50 requests/s. An
 * event past it is still handled if this start becomes ready; it is counted (EarlyEventStats.unjournaled).
 */
export const MAX_EARLY_EVENT_CHARS = 1_500_000;

/** What the early-event journal did in this start (the debug API reads it). */
export interface EarlyEventStats {
  /** Events this start journaled before it was ready. */
  journaled: number;
  /** Events it could not journal (the bound, or a failed write): lost if this page also unloads before ready. */
  unjournaled: number;
  /** Events an earlier start received and never handled (it unloaded before ready), handled by this one first. */
  replayed: number;
  /** Entries that were not events (damaged): skipped. */
  unreadable: number;
}

export { SNAPSHOT_CHUNK_ROWS, SNAPSHOT_FIRST_ROWS } from './snapshot-messages';

interface PanelConnection {
  port: PortLike;
  tabId: number;
  /** Streams start after panel/hello has been answered with a snapshot. */
  greeted: boolean;
}

interface PendingBatch {
  upserts: Map<string, CaptureRecord>;
  removed: Set<string>;
}

export class CaptureService {
  private readonly stores = new Map<number, TabStore>();
  private readonly panels = new Set<PanelConnection>();
  private readonly devtoolsPorts = new Map<number, Set<PortLike>>();
  private readonly pending = new Map<number, PendingBatch>();
  private readonly lastBadge = new Map<number, number>();
  private readonly timers: Timers;
  private readonly now: () => number;
  private readonly batchMs: number;
  private batchTimer: unknown = null;
  /** Set while requests restored in flight wait for their end (RESTORED_IN_FLIGHT_WAIT_MS). */
  private restoredInFlightTimer: unknown = null;
  /** Tabs rehydrated from storage by this worker: their in-flight requests may have lost their start. */
  private readonly restoredTabs = new Set<number>();
  private queue: Array<() => void> | null = [];
  readonly persister: CapturePersister;
  /** Responses of requests whose start died with the previous worker, recorded by this one (the debug API reads it). */
  adoptedOrphans = 0;
  /** Requests restored in flight that this start ended as outcome lost (the debug API reads it). */
  outcomesLost = 0;
  /** Where start() is (the debug API reads it). */
  startPhase: StartPhase = 'loading';
  /** Starts that went on without `prepare` (it did not answer within PREPARE_WAIT_MS). */
  prepareLate = 0;
  /** The early-event journal in this start (see ServiceDeps.earlyEvents). */
  readonly earlyEvents: EarlyEventStats = { journaled: 0, unjournaled: 0, replayed: 0, unreadable: 0 };
  private earlyEventChars = 0;
  /** What was posted to panels, per message type (the debug API reads it). */
  readonly panelTraffic = new PortTraffic();
  /** List rows packed for panels, kept until their records change (issue 18). */
  readonly packedRows = new PackedRowCache();

  constructor(private readonly deps: ServiceDeps) {
    this.timers = deps.timers ?? realTimers;
    this.now = deps.now ?? Date.now;
    // Each batch re-renders the shown panel and may set the badge: a page's burst costs four of
    // each per second, not ten (the capture bench's overFloorRatio).
    this.batchMs = deps.batchMs ?? 250;
    this.persister = new CapturePersister(
      deps.db,
      deps.marker ?? null,
      {
        records: (tabId) => this.stores.get(tabId)?.all(),
        meta: (tabId) => this.stores.get(tabId)?.meta(),
        dropBody: (tabId, record) => this.stores.get(tabId)?.dropUnwrittenBody(record) ?? false,
      },
      deps.persistOptions ?? DEFAULT_PERSIST_OPTIONS,
      this.timers,
      this.now,
      deps.journal ?? null,
    );
  }

  get ready(): boolean {
    return this.queue === null;
  }

  /** Rehydrates from IndexedDB, then handles everything that arrived meanwhile, in order. */
  async start(): Promise<void> {
    // Read before any listener of this page runs: only what earlier pages received and never handled.
    const leftover = this.readEarlyEvents();
    try {
      const loaded = await this.persister.load();
      for (const [tabId, tab] of loaded) {
        const store = this.createStore(tabId);
        store.hydrate(tab.meta, tab.records);
        this.restoredTabs.add(tabId);
        this.lastBadge.delete(tabId);
        this.touch(tabId);
      }
    } catch {
      this.persister.errors++;
    }
    this.startPhase = 'preparing';
    await this.prepareWithin(this.deps.prepareWaitMs ?? PREPARE_WAIT_MS);
    this.startPhase = 'handling queued events';
    const queued = this.queue ?? [];
    this.queue = null;
    // An earlier start's events first (they came before this page's), unless the data they belong to is
    // gone (a new browser session). Their requests count now: a new one is journaled as it is counted.
    if (this.persister.newSession) leftover.length = 0;
    this.replayEarlyEvents(leftover);
    for (const fn of queued) {
      try {
        fn();
      } catch {
        /* one bad event must not stop the rest */
      }
    }
    // Synchronous from the queue's first event to here: every early event is handled, none is left to journal.
    this.deps.earlyEvents?.clear();
    for (const tabId of this.restoredTabs) this.warmPackedRows(tabId);
    if ([...this.restoredTabs].some((tabId) => (this.stores.get(tabId)?.restoredInFlightCount ?? 0) > 0))
      this.restoredInFlightTimer = this.timers.setTimer(() => {
        this.restoredInFlightTimer = null;
        this.endLostOutcomes();
      }, this.deps.restoredInFlightWaitMs ?? RESTORED_IN_FLIGHT_WAIT_MS);
    this.startPhase = 'checking tabs';
    if (this.deps.tabExists) {
      for (const tabId of [...this.stores.keys()]) {
        if (!(await this.deps.tabExists(tabId))) this.tabRemoved(tabId);
      }
    }
    this.startPhase = 'started';
  }

  /** Awaits `prepare` for at most `waitMs`; one that answers later classifies everything again then. */
  private async prepareWithin(waitMs: number): Promise<void> {
    if (!this.deps.prepare) return;
    const prepared = this.deps.prepare().then(
      () => true,
      () => true, // classify without what could not be prepared
    );
    let timer: unknown = null;
    const inTime = await Promise.race([
      prepared,
      new Promise<false>((resolve) => (timer = this.timers.setTimer(() => resolve(false), waitMs))),
    ]);
    this.timers.clearTimer(timer);
    if (inTime) return;
    this.prepareLate++;
    void prepared.then(() => this.reclassifyAll());
  }

  /** The early events earlier starts left in the journal, oldest first (damaged entries counted and skipped). */
  private readEarlyEvents(): TrafficEvent[] {
    const events: TrafficEvent[] = [];
    try {
      for (const [, text] of this.deps.earlyEvents?.entries() ?? []) {
        this.earlyEventChars += text.length;
        const event = parseTrafficEvent(text);
        if (event) events.push(event);
        else this.earlyEvents.unreadable++;
      }
    } catch {
      this.earlyEvents.unreadable++;
    }
    return events;
  }

  /**
   * Handles an earlier start's events. Their tabs are treated as restored (a response of a request whose
   * start went with that page is adopted), and a request they start that has not ended once they are
   * handled waits like one restored in flight: its end may have gone with that page too.
   */
  private replayEarlyEvents(events: TrafficEvent[]): void {
    const started: Array<[tabId: number, requestId: string]> = [];
    for (const event of events) {
      this.restoredTabs.add(event.tabId);
      try {
        this.handleTraffic(event);
      } catch {
        /* one bad event must not stop the rest */
      }
      if (event.type === 'start') started.push([event.tabId, event.start.requestId]);
    }
    for (const [tabId, requestId] of started) this.stores.get(tabId)?.awaitRestoredEnd(requestId);
    this.earlyEvents.replayed += events.length;
  }

  /** An event received before the start is ready goes in the early journal at once (see ServiceDeps.earlyEvents). */
  private journalEarly(event: TrafficEvent): void {
    const journal = this.deps.earlyEvents;
    if (!journal) return;
    const text = JSON.stringify(event);
    if (this.earlyEventChars + text.length > MAX_EARLY_EVENT_CHARS) {
      this.earlyEvents.unjournaled++;
      return;
    }
    try {
      journal.append(text);
      this.earlyEventChars += text.length;
      this.earlyEvents.journaled++;
    } catch {
      this.earlyEvents.unjournaled++;
    }
  }

  /** Ends the restored requests whose end did not come (TabStore.endLostOutcomes); counted per tab. */
  private endLostOutcomes(): void {
    let lost = 0;
    for (const tabId of this.restoredTabs) lost += this.stores.get(tabId)?.endLostOutcomes('background restart') ?? 0;
    this.outcomesLost += lost;
  }

  /** Classifies every stored request again (the rules changed) and streams the changes to panels. */
  reclassifyAll(): void {
    this.whenReady(() => {
      for (const store of this.stores.values()) store.reclassifyAll();
    });
  }

  /**
   * Packs a restored tab's list rows ahead of the first panel open, one message's worth per task, so
   * that opening posts packs that are ready (issue 18). Stops when the tab is gone or all are packed.
   */
  private warmPackedRows(tabId: number): void {
    this.timers.setTimer(() => {
      const store = this.stores.get(tabId);
      if (!store) return;
      const records = store.visible();
      const chunks = this.deps.snapshotChunks ?? { first: SNAPSHOT_FIRST_ROWS, rest: SNAPSHOT_CHUNK_ROWS };
      const packedBefore = this.packedRows.stats.packedRows;
      // Kept runs cost nothing: go on to the first run that needs packing, pack it, and yield. The
      // records are read again in every task, so a run is never packed from a record since changed.
      for (const _ of warmRuns(records, chunks, (rs, from, max) => this.packedRows.take(tabId, rs, from, max, true)))
        if (this.packedRows.stats.packedRows !== packedBefore) return this.warmPackedRows(tabId);
    }, 0);
  }

  /** Runs `fn` now if rehydrated, otherwise after, keeping arrival order. */
  private whenReady(fn: () => void): void {
    if (this.queue) this.queue.push(fn);
    else fn();
  }

  // ---- webRequest -------------------------------------------------------------------------

  /** A tab's webRequest event: handled now if the start is ready, else queued and journaled (ServiceDeps.earlyEvents). */
  private traffic(name: TrafficEventName, details: WebRequestDetails): void {
    if (!isTabTraffic(details, this.deps.extensionOrigin)) return;
    const event = trafficEventOf(name, details);
    if (this.queue) this.journalEarly(event);
    this.whenReady(() => this.handleTraffic(event));
  }

  private handleTraffic(event: TrafficEvent): void {
    if (event.type === 'start') return this.storeFor(event.tabId).begin(event.start);
    const s = this.stores.get(event.tabId);
    if (!s) return;
    switch (event.type) {
      case 'request-headers':
        return s.requestHeaders(event.headers);
      case 'response-started':
        return (this.adoptOrphan(s, event.start), s.responseStarted(event.response));
      case 'redirected':
        return (this.adoptOrphan(s, event.start), s.redirected(event.redirect));
      case 'completed':
        return (this.adoptOrphan(s, event.start), s.completed(event.response));
      case 'failed':
        return (this.adoptOrphan(s, event.start), s.failed(event.failure));
      case 'probe-missed':
        return s.discard(event.requestId);
      default:
        assertNever(event, 'traffic event');
    }
  }

  onBeforeRequest(d: WebRequestDetails): void {
    this.traffic('onBeforeRequest', d);
  }
  onSendHeaders(d: WebRequestDetails): void {
    this.traffic('onSendHeaders', d);
  }
  onHeadersReceived(d: WebRequestDetails): void {
    this.traffic('onHeadersReceived', d);
  }
  onBeforeRedirect(d: WebRequestDetails): void {
    this.traffic('onBeforeRedirect', d);
  }
  onCompleted(d: WebRequestDetails): void {
    this.traffic('onCompleted', d);
  }
  /**
   * Firefox's body copy: whether to copy this response's body (decided synchronously in onHeadersReceived,
   * before any byte flows), and how many bytes. Null: let it pass untouched.
   */
  bodyCopyPlan(d: WebRequestDetails): CopyPlan | null {
    if (!isTabTraffic(d, this.deps.extensionOrigin)) return null;
    return bodyCopyPlan(d, this.deps.limits.maxBodyChars);
  }
  onCopiedBody(tabId: number, requestId: string, body: string, truncated: boolean): void {
    this.whenReady(() => this.stores.get(tabId)?.copiedBody(requestId, body, truncated));
  }
  onErrorOccurred(d: WebRequestDetails): void {
    this.traffic('onErrorOccurred', d);
  }

  /**
   * The response of a request this worker never saw start, in a tab restored from storage: the
   * previous worker saw its start and stopped before writing it. Recorded from what the event
   * carries (its time bounds the start from above), so it is held rather than lost.
   */
  private adoptOrphan(store: TabStore, start: RequestStart): void {
    if (!this.restoredTabs.has(store.tabId) || store.knowsRequest(start.requestId)) return;
    this.adoptedOrphans++;
    store.adopt(start);
  }

  // ---- tabs ---------------------------------------------------------------------------------

  tabRemoved(tabId: number): void {
    this.whenReady(() => {
      this.stores.delete(tabId);
      this.packedRows.forget(tabId);
      this.pending.delete(tabId);
      this.lastBadge.delete(tabId);
      this.persister.dropTab(tabId);
    });
  }

  /** Firefox resets a tab's badge when it navigates: set it again. */
  tabLoading(tabId: number): void {
    this.whenReady(() => {
      if (!this.stores.has(tabId)) return;
      this.lastBadge.delete(tabId);
      this.touch(tabId);
    });
  }

  // ---- ports --------------------------------------------------------------------------------

  /** A port from a panel or a devtools page; foreign names are disconnected. */
  connect(port: PortLike): void {
    const panelTab = tabIdFromPortName(port.name, PANEL_PORT_PREFIX);
    if (panelTab !== null) return this.connectPanel(port, panelTab);
    const devtoolsTab = tabIdFromPortName(port.name, DEVTOOLS_PORT_PREFIX);
    if (devtoolsTab !== null) return this.connectDevtools(port, devtoolsTab);
    port.disconnect();
  }

  private connectPanel(port: PortLike, tabId: number): void {
    const connection: PanelConnection = { port, tabId, greeted: false };
    this.panels.add(connection);
    port.onDisconnect.addListener(() => this.panels.delete(connection));
    port.onMessage.addListener((message) => {
      const ask = parseEnvelopeOf(message, ['panel/get-records']);
      if (ask && ask.payload.tabId === tabId) return this.whenReady(() => this.answerRecords(connection, ask.payload));
      const msg = parseEnvelopeOf(message, ['panel/hello', 'panel/clear', 'panel/set-preserve']);
      if (!msg || msg.payload.tabId !== tabId) return;
      this.whenReady(() => this.handlePanel(connection, msg));
    });
  }

  /** The full records behind the panel's list rows (issue 18); ids no longer held are named. */
  private answerRecords(connection: PanelConnection, ask: MessageMap['panel/get-records']): void {
    const store = this.storeFor(connection.tabId);
    const records: CaptureRecord[] = [];
    const missing: string[] = [];
    for (const id of ask.ids) {
      const record = store.get(id);
      if (record && isVisible(record)) records.push(record);
      else missing.push(id);
    }
    this.post(
      connection.port,
      envelope('bg/records', { tabId: connection.tabId, requestId: ask.requestId, records, missing }),
    );
  }

  private handlePanel(
    connection: PanelConnection,
    msg: Envelope<'panel/hello' | 'panel/clear' | 'panel/set-preserve'>,
  ): void {
    const { tabId } = connection;
    switch (msg.type) {
      case 'panel/hello': {
        if (msg.payload.protocol !== PROTOCOL_VERSION) {
          this.post(connection.port, envelope('bg/protocol-mismatch', { tabId, protocol: PROTOCOL_VERSION }));
          return;
        }
        const store = this.storeFor(tabId);
        connection.greeted = true;
        // A snapshot of the first rows, then the rest as upserts, all before any later batch.
        const messages = snapshotMessages(
          tabId,
          store.visible(),
          this.statsOf(store),
          store.preserve,
          this.deps.snapshotChunks,
          (records, from, max) => this.packedRows.take(tabId, records, from, max),
        );
        for (const message of messages) this.post(connection.port, message);
        return;
      }
      case 'panel/clear':
        this.storeFor(tabId).clear();
        return;
      case 'panel/set-preserve':
        this.storeFor(tabId).setPreserve(msg.payload.preserve);
        return;
      default:
        assertNever(msg, 'panel message');
    }
  }

  private connectDevtools(port: PortLike, tabId: number): void {
    let set = this.devtoolsPorts.get(tabId);
    if (!set) this.devtoolsPorts.set(tabId, (set = new Set()));
    set.add(port);
    this.whenReady(() => {
      const store = this.storeFor(tabId);
      if (store.stats.devtoolsConnectedAt == null) store.setDevtoolsConnected(this.now());
    });
    port.onDisconnect.addListener(() => {
      set.delete(port);
      if (set.size) return;
      this.whenReady(() => this.stores.get(tabId)?.setDevtoolsConnected(null));
    });
    port.onMessage.addListener((message) => {
      const msg = parseEnvelopeOf(message, ['devtools/finished', 'devtools/har-backfill', 'devtools/keepalive']);
      if (!msg || msg.payload.tabId !== tabId) return;
      this.whenReady(() => {
        const store = this.storeFor(tabId);
        switch (msg.type) {
          case 'devtools/finished':
            for (const entry of msg.payload.entries) store.mergeDevtools(entry, 'devtools');
            return;
          case 'devtools/har-backfill':
            for (const entry of msg.payload.entries) store.mergeDevtools(entry, 'har');
            return;
          case 'devtools/keepalive':
            return; // its arrival kept the worker awake; nothing to store
          default:
            assertNever(msg, 'devtools message');
        }
      });
    });
  }

  // ---- stores, batching, badge -------------------------------------------------------------

  private createStore(tabId: number): TabStore {
    const store = new TabStore(tabId, this.deps.classify, this.deps.limits, (event) => this.onStoreEvent(event));
    this.stores.set(tabId, store);
    return store;
  }

  private storeFor(tabId: number): TabStore {
    return this.stores.get(tabId) ?? this.createStore(tabId);
  }

  private statsOf(store: TabStore): CaptureStats {
    return { ...store.stats };
  }

  private onStoreEvent(event: StoreEvent): void {
    this.persister.onEvent(event);
    if (event.type === 'upsert' || event.type === 'remove') this.packedRows.changed(event.tabId, event.record.id);
    else if (event.type === 'clear') this.packedRows.forget(event.tabId);
    const batch = this.batchFor(event.tabId);
    switch (event.type) {
      case 'upsert':
        if (isVisible(event.record)) batch.upserts.set(event.record.id, event.record);
        break;
      case 'remove':
        batch.upserts.delete(event.record.id);
        batch.removed.add(event.record.id);
        break;
      case 'clear': {
        batch.upserts.clear();
        batch.removed.clear();
        const store = this.stores.get(event.tabId);
        if (store)
          this.toPanels(event.tabId, envelope('bg/cleared', { tabId: event.tabId, stats: this.statsOf(store) }));
        break;
      }
      case 'meta':
        break; // stats or preserve changed: the batch below carries the new stats
      default:
        assertNever(event, 'store event');
    }
    this.scheduleBatch();
  }

  private batchFor(tabId: number): PendingBatch {
    let batch = this.pending.get(tabId);
    if (!batch) this.pending.set(tabId, (batch = { upserts: new Map(), removed: new Set() }));
    return batch;
  }

  /** Something about the tab changed that the panel or badge should hear about. */
  private touch(tabId: number): void {
    this.batchFor(tabId);
    this.scheduleBatch();
  }

  private scheduleBatch(): void {
    if (this.batchTimer !== null) return;
    this.batchTimer = this.timers.setTimer(() => {
      this.batchTimer = null;
      this.flushBatches();
    }, this.batchMs);
  }

  /** Sends each tab's pending changes as one bg/upsert and brings its badge up to date. */
  flushBatches(): void {
    if (this.batchTimer !== null) {
      this.timers.clearTimer(this.batchTimer);
      this.batchTimer = null;
    }
    const batches = [...this.pending];
    this.pending.clear();
    for (const [tabId, batch] of batches) {
      const store = this.stores.get(tabId);
      if (!store) continue;
      const records = [...batch.upserts.values()].sort((a, b) => a.seq - b.seq);
      const payload: { tabId: number; records: CaptureRecord[]; stats: CaptureStats; removedIds?: string[] } = {
        tabId,
        records: records.map(toListRecord),
        stats: this.statsOf(store),
      };
      if (batch.removed.size) payload.removedIds = [...batch.removed];
      this.toPanels(tabId, envelope('bg/upsert', payload));
      const failures = store.stats.failures ?? 0;
      if (this.lastBadge.get(tabId) !== failures) {
        this.lastBadge.set(tabId, failures);
        void Promise.resolve(this.deps.setBadge(tabId, failures)).catch(() => {});
      }
    }
  }

  private post(port: PortLike, message: Envelope): void {
    let ok = true;
    try {
      port.postMessage(message);
    } catch {
      ok = false; // the port closed under us (its onDisconnect cleans up) or the message was too large: counted
    }
    this.panelTraffic.record(message, ok);
  }

  private toPanels(tabId: number, message: Envelope): void {
    for (const connection of this.panels) {
      if (connection.tabId === tabId && connection.greeted) this.post(connection.port, message);
    }
  }

  // ---- for e2e and the debug API ------------------------------------------------------------

  records(tabId: number): CaptureRecord[] {
    return this.stores.get(tabId)?.visible() ?? [];
  }

  allRecords(tabId: number): StoredRecord[] {
    return this.stores.get(tabId)?.all() ?? [];
  }

  stats(tabId: number): (CaptureStats & { preserve: boolean; pending: number }) | null {
    const store = this.stores.get(tabId);
    if (!store) return null;
    const pending = store.all().filter((r) => !isVisible(r)).length;
    return { ...store.stats, preserve: store.preserve, pending };
  }

  /** The tab's counters and how many records it holds (navigation markers included), without walking them. */
  counters(tabId: number): { seen: number; droppedRecords: number; records: number; queued: number } | null {
    const store = this.stores.get(tabId);
    if (!store) return null;
    const { seen, droppedRecords } = store.stats;
    return { seen, droppedRecords, records: store.size, queued: this.persister.queued };
  }

  tabIds(): number[] {
    return [...this.stores.keys()];
  }

  /** True when nothing is waiting to be written or sent. */
  get settled(): boolean {
    return (
      this.ready &&
      this.persister.idle &&
      this.batchTimer === null &&
      this.pending.size === 0 &&
      this.restoredInFlightTimer === null
    );
  }

  async flush(): Promise<void> {
    this.flushBatches();
    await this.persister.flush();
  }

  /** Reads a tab's stored rows of one store the way a worker start does (in pages), timed: the soak bench's read. */
  readStoredTab(store: ReadableStore, tabId: number, keysOnly = false): Promise<PagedRead> {
    return this.deps.db.readTab(store, tabId, keysOnly);
  }
}
