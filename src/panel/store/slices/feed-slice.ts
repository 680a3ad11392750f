// The live feed from the background: snapshots, incremental upserts, clears and the connection's
// state; and the session actions that go back over the port (clear).
import type { StateCreator } from 'zustand/vanilla';
import {
  parseEnvelopeOf,
  type CaptureRecord,
  type CaptureStats,
  type EnvelopeOf,
  type MessageMap,
} from '../../../protocol/messages';
import { unpackRecords, type PackedRecords } from '../../../protocol/packed-records';
import { EMPTY_STATS, type ConnectionStatus, type PanelState } from '../panel-types';
import type { StoreContext } from './context';
import { keptSelection } from './view-slice';

export interface FeedSlice {
  connection: ConnectionStatus;
  /** The first snapshot has arrived. */
  ready: boolean;
  stats: CaptureStats;
  preserve: boolean;
  /** A message from the background (anything else is ignored). */
  receive(message: unknown): void;
  setConnection(status: ConnectionStatus): void;
  /** Clears the live list (and the tab's records), or closes an imported file. */
  clear(): void;
}

/** What the background sends the panel. */
const PANEL_MESSAGES = ['bg/snapshot', 'bg/upsert', 'bg/cleared', 'bg/records', 'bg/protocol-mismatch'] as const;
type PanelMessage = (typeof PANEL_MESSAGES)[number];
/** One handler per accepted message: a type added to PANEL_MESSAGES without one fails the typecheck. */
type Handlers = { [T in PanelMessage]: (payload: MessageMap[T]) => void };

function dispatch<T extends PanelMessage>(msg: EnvelopeOf<T>, handlers: Handlers): void {
  handlers[msg.type](msg.payload);
}

export function createFeedSlice(
  ctx: Pick<StoreContext, 'deps' | 'lists' | 'current' | 'scans' | 'audits' | 'full' | 'post' | 'syncPreserve'>,
): StateCreator<PanelState, [], [], FeedSlice> {
  const { deps, lists, scans, audits } = ctx;
  const { live, liveAudit } = lists;
  return (set, get) => {
    /** The records a snapshot or upsert carries: plain ones, then packed ones; a damaged pack is reported. */
    const recordsOf = (p: { records: CaptureRecord[]; packed?: PackedRecords }): CaptureRecord[] => {
      if (!p.packed) return p.records;
      try {
        const unpacked = unpackRecords<CaptureRecord>(p.packed);
        return p.records.length === 0 ? unpacked : [...p.records, ...unpacked];
      } catch (error) {
        get().showBanner({
          kind: 'error',
          text: `${p.packed.count.toLocaleString('en-US')} rows from the background could not be read (${error instanceof Error ? error.message : String(error)}): close and reopen DevTools to load them again.`,
        });
        return p.records;
      }
    };

    const handlers: Handlers = {
      'bg/snapshot'(payload) {
        const p = { ...payload, records: recordsOf(payload) };
        ctx.full.clear();
        live.reset(p.records);
        liveAudit.reset(p.records);
        audits.soon();
        scans.scanNow({ stats: p.stats, preserve: p.preserve, ready: true, connection: 'connected' });
        set(keptSelection(get, ctx.current));
        ctx.syncPreserve();
      },
      'bg/upsert'(payload) {
        const p = { ...payload, records: recordsOf(payload) };
        // An opening's older rows arrive as upserts of 20,000 while nothing was fetched yet: no ids to list.
        if (ctx.full.holdsAny) ctx.full.invalidate(p.records.map((r) => r.id));
        if (p.removedIds && p.removedIds.length > 0) {
          ctx.full.invalidate(p.removedIds);
          live.remove(p.removedIds);
          liveAudit.remove(p.removedIds);
        }
        live.upsert(p.records);
        liveAudit.upsert(p.records);
        audits.soon();
        scans.bump({ stats: p.stats });
        scans.continueScans();
      },
      'bg/cleared'(p) {
        ctx.full.clear();
        live.clear();
        liveAudit.reset([]);
        const selection = ctx.current() === live ? { selection: null, detailOpen: false } : {};
        scans.bump({ stats: p.stats, ...selection });
        audits.publish();
      },
      'bg/records'(p) {
        ctx.full.receive(p.records, p.missing);
      },
      'bg/protocol-mismatch'() {
        // The extension was updated under this panel: only reopening DevTools helps.
        set({ connection: 'invalidated' });
      },
    };

    return {
      connection: 'connecting',
      ready: false,
      stats: EMPTY_STATS,
      preserve: false,

      receive(message) {
        const msg = parseEnvelopeOf(message, PANEL_MESSAGES);
        if (!msg || msg.payload.tabId !== deps.tabId) return;
        dispatch(msg, handlers);
      },

      setConnection(connection) {
        if (get().connection === 'invalidated') return; // final: only reopening DevTools helps
        set({ connection });
      },

      clear() {
        if (ctx.current() !== live) return get().closeImport();
        ctx.full.clear();
        live.clear();
        liveAudit.reset([]);
        scans.bump({ selection: null, detailOpen: false });
        audits.publish();
        ctx.post('panel/clear', { tabId: deps.tabId });
      },
    };
  };
}
