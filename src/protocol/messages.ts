// Typed message envelopes between the extension's contexts (background, devtools page, panel, options).
// Every message is { source: 'faultline', type, payload } so foreign messages are ignored cheaply.
import type { Classification, Exchange } from '../core/types';

export const PROTOCOL_SOURCE = 'faultline' as const;
/** Bumped when the envelope shapes change; a panel speaking another version says "reopen DevTools". */
export const PROTOCOL_VERSION = 1;

/** How much of the body Faultline holds for a record. */
export type BodyState = 'captured' | 'truncated' | 'not-captured' | 'binary' | 'pending' | 'empty';

/** One request of the inspected tab, merged from webRequest and devtools.network. */
export interface RequestRecord {
  kind: 'request';
  /** Stable merge key: `wr:<requestId>` from webRequest, or `dt:<n>` for devtools-only entries. */
  id: string;
  tabId: number;
  /** Monotonic per tab; the list order. */
  seq: number;
  exchange: Exchange;
  classification: Classification;
  bodyState: BodyState;
  /** Which sources have contributed. */
  sources: Array<'webRequest' | 'devtools' | 'har'>;
}

/** A row separating requests of one document from the next (Network panel's "Preserve log"). */
export interface NavigationRecord {
  kind: 'navigation';
  id: string;
  tabId: number;
  seq: number;
  url: string;
  at: number;
}

export type CaptureRecord = RequestRecord | NavigationRecord;

/** Everything that was dropped, cut or capped: shown in the panel, never silent. */
export interface CaptureStats {
  /** Requests seen for this tab since the panel's session started. */
  seen: number;
  /** Records evicted because the per-tab record cap was reached. */
  droppedRecords: number;
  /** Bodies cut to the per-body cap. */
  truncatedBodies: number;
  /** Bodies dropped because the per-tab body budget was exhausted. */
  droppedBodies: number;
  /** Whether devtools.network has delivered any body yet (Firefox needs its Network panel opened once). */
  bodiesArriving: boolean;
}

export interface MessageMap {
  // panel -> background (over the per-tab port)
  'panel/hello': { tabId: number; protocol: number };
  'panel/clear': { tabId: number };
  'panel/set-preserve': { tabId: number; preserve: boolean };
  // devtools page -> background
  'devtools/finished': { tabId: number; exchange: Exchange; bodyState: BodyState; requestId?: string };
  'devtools/har-backfill': { tabId: number; entries: Array<{ exchange: Exchange; bodyState: BodyState }> };
  // background -> panel
  'bg/snapshot': { tabId: number; records: CaptureRecord[]; stats: CaptureStats; preserve: boolean };
  'bg/upsert': { tabId: number; records: CaptureRecord[]; stats: CaptureStats };
  'bg/cleared': { tabId: number; stats: CaptureStats };
  // options -> background / panel: rules changed
  'rules/changed': { version: number };
}

export type MessageType = keyof MessageMap;

export interface Envelope<T extends MessageType = MessageType> {
  source: typeof PROTOCOL_SOURCE;
  type: T;
  payload: MessageMap[T];
}

export function envelope<T extends MessageType>(type: T, payload: MessageMap[T]): Envelope<T> {
  return { source: PROTOCOL_SOURCE, type, payload };
}

/** Narrows unknown input (from a port or runtime.onMessage) to one of our envelopes. */
export function isEnvelope(value: unknown): value is Envelope {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { source?: unknown }).source === PROTOCOL_SOURCE &&
    typeof (value as { type?: unknown }).type === 'string'
  );
}

export function isEnvelopeOf<T extends MessageType>(value: unknown, type: T): value is Envelope<T> {
  return isEnvelope(value) && value.type === type;
}

export const PANEL_PORT_PREFIX = 'faultline-panel:';
export const DEVTOOLS_PORT_PREFIX = 'faultline-devtools:';
