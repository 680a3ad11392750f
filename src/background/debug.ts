// A view of the capture state for e2e tests (through backgroundEval) and for debugging in the
// worker's console; it changes nothing but its own traffic counters. It exposes only what the store holds: credentials are already redacted there.
import type { CaptureRecord, CaptureStats, Envelope } from '../protocol/messages';
import type { PagedRead, ReadableStore } from '../platform/capture-db';
import type { CommitTraceEntry, PersistStats } from './persist';
import type { PortTrafficReport } from './port-traffic';
import type { CaptureService, EarlyEventStats } from './service';
import type { PackedRowStats } from './packed-row-cache';
import { snapshotMessages } from './snapshot-messages';

export interface FaultlineDebug {
  ready: boolean;
  records(tabId: number): CaptureRecord[];
  /** The tab's request records and its 5xx among them, counted without copying the records (the soak bench samples this under load). */
  counts(tabId: number): { requests: number; fivexx: number };
  stats(tabId: number): (CaptureStats & { preserve: boolean; pending: number }) | null;
  /**
   * The tab's own counters and the write queue's length, read without walking its records (the soak
   * bench samples this while it times the store: nothing here competes with a commit).
   */
  counters(tabId: number): { seen: number; droppedRecords: number; records: number; queued: number } | null;
  /** Tabs with a store, each with its navigation URLs (to find the inspected tab without the tabs permission). */
  tabs(): Array<{ tabId: number; records: number; failures: number; urls: string[] }>;
  badgeText(tabId: number): Promise<string>;
  /** True when every change has been written to IndexedDB and sent to the panels. */
  settled(): boolean;
  /** Writes and sends everything pending now. */
  flush(): Promise<void>;
  persistErrors(): number;
  /** Requests this worker recorded from a response whose start died with the previous worker. */
  adoptedOrphans(): number;
  /** Requests restored in flight that this start ended as outcome lost (their end went with the stopped background). */
  outcomesLost(): number;
  /**
   * Where the background's start is, how many starts went on without the user's rules (they did not load
   * in time), and what its early-event journal did (events received before ready; Firefox only).
   */
  start(): { phase: string; prepareLate: number; earlyEvents: EarlyEventStats };
  /** How persistence is doing: commits, the longest commit and lag, the queue and what it refused. */
  persistStats(): PersistStats;
  /** The persister's newest commits started at or after `since` (epoch ms): the soak bench's timeline around its forced GCs. */
  commitTrace(since?: number): CommitTraceEntry[];
  /** persistStats() so far, then its peaks (longest commit and lag, slow commits) start again from zero: a measuring window's own. */
  resetPersistPeaks(): PersistStats;
  /**
   * The tab's shown requests whose row is committed now, without waiting for the queue: id, seq, URL,
   * and the body's length when its body row is committed too (else null).
   */
  committed(
    tabId: number,
  ): Array<{ id: string; seq: number; url: string; bodyState: string; bodyLength: number | null }>;
  /** Reads the tab's stored rows of one store in pages, as a worker start does: rows, pages, the slowest page, the whole read (ms). */
  readStoredTab(store: ReadableStore, tabId: number, keysOnly?: boolean): Promise<PagedRead>;
  /** What was posted to panels per message type: messages, list rows, full records, and bytes while counted. */
  panelTraffic(): PortTrafficReport;
  /** Zeroes the panel traffic counts; `countBytes` also measures each message's JSON size from now on. */
  resetPanelTraffic(options?: { countBytes?: boolean }): void;
  /** Rows posted to opening panels from packs kept since an earlier open or the read-back, and rows packed. */
  packedRowStats(): PackedRowStats;
  /** The messages a panel opening on these records gets, as the service builds them (for the bench). */
  snapshotMessages(tabId: number, records: CaptureRecord[], stats: CaptureStats): Iterable<Envelope>;
}

export function createDebugApi(service: CaptureService, badgeText: (tabId: number) => Promise<string>): FaultlineDebug {
  const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  return {
    ready: false,
    records: (tabId) => copy(service.records(tabId)),
    counts: (tabId) => {
      let requests = 0;
      let fivexx = 0;
      for (const r of service.records(tabId)) {
        if (r.kind !== 'request') continue;
        requests++;
        if (r.exchange.status >= 500 && r.exchange.status <= 599) fivexx++;
      }
      return { requests, fivexx };
    },
    stats: (tabId) => copy(service.stats(tabId)),
    counters: (tabId) => service.counters(tabId),
    tabs: () =>
      service.tabIds().map((tabId) => {
        const records = service.records(tabId);
        return {
          tabId,
          records: records.length,
          failures: service.stats(tabId)?.failures ?? 0,
          urls: records.filter((r) => r.kind === 'navigation').map((r) => (r.kind === 'navigation' ? r.url : '')),
        };
      }),
    badgeText,
    settled: () => service.settled,
    flush: () => service.flush(),
    persistErrors: () => service.persister.errors,
    adoptedOrphans: () => service.adoptedOrphans,
    outcomesLost: () => service.outcomesLost,
    start: () => ({
      phase: service.startPhase,
      prepareLate: service.prepareLate,
      earlyEvents: { ...service.earlyEvents },
    }),
    persistStats: () => service.persister.stats(),
    commitTrace: (since) => service.persister.commitTrace(since),
    resetPersistPeaks: () => service.persister.resetPeaks(),
    readStoredTab: (store, tabId, keysOnly) => service.readStoredTab(store, tabId, keysOnly),
    committed: (tabId) =>
      service.records(tabId).flatMap((r) => {
        if (r.kind !== 'request') return [];
        const rows = service.persister.written(tabId, r.seq);
        if (!rows.record) return [];
        const body = rows.body && typeof r.exchange.body === 'string' ? r.exchange.body.length : null;
        return [{ id: r.id, seq: r.seq, url: r.exchange.url, bodyState: r.bodyState, bodyLength: body }];
      }),
    panelTraffic: () => service.panelTraffic.report(),
    resetPanelTraffic: (options) => {
      service.panelTraffic.reset();
      service.panelTraffic.countBytes = options?.countBytes === true;
    },
    packedRowStats: () => ({ ...service.packedRows.stats }),
    snapshotMessages: (tabId, records, stats) => snapshotMessages(tabId, records, stats, false),
  };
}
