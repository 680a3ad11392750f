// Typed message envelopes between the extension's contexts (background, devtools page, panel, options).
// Every message is { source: 'faultline', type, payload } so foreign messages are ignored cheaply.
import type { Classification, Exchange } from '../core/types';
import { isRecord } from '../core/is-record';
import { isPackedRecords, type PackedRecords } from './packed-records';

export const PROTOCOL_SOURCE = 'faultline' as const;
/** Bumped when the envelope shapes change (4: packs as one deflated string); a panel speaking another version says "reopen DevTools". */
export const PROTOCOL_VERSION = 4;

/**
 * How much of the body Faultline holds for a record.
 * - 'pending': the response has not finished yet.
 * - 'not-captured': no body reached Faultline (DevTools closed, unread body, or not fetched on purpose).
 * - 'dropped': a body was captured and classified, then discarded for the per-tab body budget, or
 *   because storage could not write it within its 1 s budget (or it was not persisted before a worker
 *   restart); the classification made with it is kept.
 */
export type BodyState = 'captured' | 'truncated' | 'not-captured' | 'binary' | 'pending' | 'empty' | 'dropped';

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
  /** Which sources have contributed ('filter': Firefox's webRequest.filterResponseData body copy). */
  sources: Array<'webRequest' | 'devtools' | 'har' | 'filter'>;
  /** Request body size in bytes, from webRequest's requestBody (undefined: unknown or none). */
  requestBodySize?: number;
  /** webRequest resource type ('main_frame', 'xmlhttprequest', …) or HAR _resourceType, when known. */
  resourceType?: string;
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
  /** Records evicted because the per-tab record cap was reached (or lost to the storage quota across a worker restart). */
  droppedRecords: number;
  /** Bodies cut to the per-body cap. */
  truncatedBodies: number;
  /** Bodies dropped because the per-tab body budget was exhausted, storage could not write them in time, or they were not persisted before a worker restart. */
  droppedBodies: number;
  /** Whether devtools.network has delivered any body yet (Firefox needs its Network panel opened once). */
  bodiesArriving: boolean;
  /** Epoch ms when this tab's DevTools page connected; null while DevTools is closed. */
  devtoolsConnectedAt?: number | null;
  /** Failures currently in the list (the badge number). */
  failures?: number;
  /** Loads the browser attributed to the tab that are not the page's requests (cache-only probes, DevTools' re-fetches): not listed, counted here. */
  notPageRequests?: number;
  /**
   * Requests held whose end never reached the capture: in flight when the background was stopped, and no
   * completion arrived after its restart (shown as "(outcome lost)"). A late completion takes one back.
   */
  outcomesLost?: number;
}

/** One HAR-like entry as the devtools page hands it to the background. */
export interface DevtoolsEntry {
  exchange: Exchange;
  bodyState: BodyState;
  /**
   * webRequest's requestId, if a browser ever exposes it on HAR entries (merge fast path). Neither does
   * today (Chrome 156: no _requestId; its CDP ids differ from webRequest's), so the background matches
   * by method + URL + start time.
   */
  requestId?: string;
  /** HAR _resourceType ('fetch', 'xhr', 'document', …) when known. */
  resourceType?: string;
}

export interface MessageMap {
  // panel -> background (over the per-tab port)
  'panel/hello': { tabId: number; protocol: number };
  'panel/clear': { tabId: number };
  'panel/set-preserve': { tabId: number; preserve: boolean };
  /** The full records behind list rows (protocol/list-record.ts): for the detail, copies and exports. */
  'panel/get-records': { tabId: number; requestId: number; ids: string[] };
  // devtools page -> background
  /** Requests DevTools finished, batched: one message per ~100 ms (or per bounded batch) during a burst. */
  'devtools/finished': { tabId: number; entries: DevtoolsEntry[] };
  'devtools/har-backfill': { tabId: number; entries: DevtoolsEntry[] };
  /** Sent while DevTools is open so the browser does not stop the worker between requests. */
  'devtools/keepalive': { tabId: number };
  // background -> panel
  // `packed`: list rows packed for the port (packed-records.ts), in order after `records` (issue 18).
  'bg/snapshot': {
    tabId: number;
    records: CaptureRecord[];
    packed?: PackedRecords;
    stats: CaptureStats;
    preserve: boolean;
  };
  /** Records added or changed since the last batch; `removedIds`: records evicted by the record cap. */
  'bg/upsert': {
    tabId: number;
    records: CaptureRecord[];
    packed?: PackedRecords;
    stats: CaptureStats;
    removedIds?: string[];
  };
  'bg/cleared': { tabId: number; stats: CaptureStats };
  /** The answer to panel/get-records; `missing`: ids the tab no longer holds (evicted or cleared). */
  'bg/records': { tabId: number; requestId: number; records: CaptureRecord[]; missing: string[] };
  /** The panel's protocol differs from the background's: the extension was updated; reopen DevTools. */
  'bg/protocol-mismatch': { tabId: number; protocol: number };
  // options -> background / panel: rules changed
  'rules/changed': { version: number };
}

export type MessageType = keyof MessageMap;

/** One message of type K with that type's payload. */
export interface EnvelopeOf<K extends MessageType> {
  source: typeof PROTOCOL_SOURCE;
  type: K;
  payload: MessageMap[K];
}

/**
 * Distributive: `Envelope<'a' | 'b'>` is `EnvelopeOf<'a'> | EnvelopeOf<'b'>`, so `switch (msg.type)`
 * narrows the payload with no casts (a single generic interface would pair any type with any payload).
 */
export type Envelope<T extends MessageType = MessageType> = Extract<AnyEnvelope, { type: T }>;

/** Every message, as a union of one envelope per type. */
type AnyEnvelope = { [K in MessageType]: EnvelopeOf<K> }[MessageType];

// The overload states what the body cannot prove to the compiler: a type and its own payload make
// that type's envelope (TypeScript does not relate a generic EnvelopeOf<T> to the union).
export function envelope<T extends MessageType>(type: T, payload: MessageMap[T]): Envelope<T>;
export function envelope(type: MessageType, payload: MessageMap[MessageType]): EnvelopeOf<MessageType> {
  return { source: PROTOCOL_SOURCE, type, payload };
}

/** Narrows unknown input (from a port or runtime.onMessage) to one of our envelopes (shape of the wrapper only). */
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

// ---------------------------------------------------------------------------------------------
// Payload validation for what a receiver acts on. Ports only connect our own contexts, but a
// stale panel of an older build, or a bug, must not corrupt the store: check before use.

type Check = (value: unknown) => boolean;

const isTabId: Check = (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isBool: Check = (v) => typeof v === 'boolean';
const isInt: Check = (v) => typeof v === 'number' && Number.isInteger(v);
const optional =
  (check: Check): Check =>
  (v) =>
    v === undefined || check(v);
const isString: Check = (v) => typeof v === 'string';
const isStringArray: Check = (v) => Array.isArray(v) && v.every((x) => typeof x === 'string');

const BODY_STATES: ReadonlySet<string> = new Set<BodyState>([
  'captured',
  'truncated',
  'not-captured',
  'binary',
  'pending',
  'empty',
  'dropped',
]);
export const isBodyState = (v: unknown): v is BodyState => typeof v === 'string' && BODY_STATES.has(v);

const isHeaderList: Check = (v) =>
  v === undefined ||
  (Array.isArray(v) && v.every((h) => isRecord(h) && typeof h.name === 'string' && typeof h.value === 'string')) ||
  (isRecord(v) && Object.values(v).every((x) => typeof x === 'string'));

/** The parts of an Exchange the store relies on; the rest is passed through to the classifier. */
export const isExchange = (v: unknown): v is Exchange =>
  isRecord(v) &&
  typeof v.method === 'string' &&
  typeof v.url === 'string' &&
  typeof v.status === 'number' &&
  Number.isFinite(v.status) &&
  isHeaderList(v.requestHeaders) &&
  isHeaderList(v.responseHeaders) &&
  optional(isString)(v.body) &&
  optional(isString)(v.error) &&
  optional((x) => typeof x === 'number' && Number.isFinite(x))(v.startedAt);

const isDevtoolsEntry: Check = (v) =>
  isRecord(v) &&
  isExchange(v.exchange) &&
  isBodyState(v.bodyState) &&
  optional(isString)(v.requestId) &&
  optional(isString)(v.resourceType);

const isDevtoolsEntries: Check = (v) => Array.isArray(v) && v.every(isDevtoolsEntry);

/** Payload shape per message type: a table, not a switch. */
const PAYLOAD_FIELDS: { [T in MessageType]: Record<string, Check> } = {
  'panel/hello': { tabId: isTabId, protocol: isInt },
  'panel/clear': { tabId: isTabId },
  'panel/set-preserve': { tabId: isTabId, preserve: isBool },
  'panel/get-records': { tabId: isTabId, requestId: isInt, ids: isStringArray },
  'devtools/finished': { tabId: isTabId, entries: isDevtoolsEntries },
  'devtools/har-backfill': { tabId: isTabId, entries: isDevtoolsEntries },
  'devtools/keepalive': { tabId: isTabId },
  'bg/snapshot': {
    tabId: isTabId,
    records: Array.isArray,
    packed: optional(isPackedRecords),
    stats: isRecord,
    preserve: isBool,
  },
  'bg/upsert': {
    tabId: isTabId,
    records: Array.isArray,
    packed: optional(isPackedRecords),
    stats: isRecord,
    removedIds: optional(Array.isArray),
  },
  'bg/cleared': { tabId: isTabId, stats: isRecord },
  'bg/records': { tabId: isTabId, requestId: isInt, records: Array.isArray, missing: isStringArray },
  'bg/protocol-mismatch': { tabId: isTabId, protocol: isInt },
  'rules/changed': { version: isInt },
};

export function isMessageType(value: unknown): value is MessageType {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(PAYLOAD_FIELDS, value);
}

/** The envelope when `value` is one of ours with a well-formed payload, otherwise null. */
export function parseEnvelope(value: unknown): Envelope | null {
  if (!isEnvelope(value) || !isMessageType(value.type)) return null;
  const payload = (value as { payload?: unknown }).payload;
  if (!isRecord(payload)) return null;
  const fields = PAYLOAD_FIELDS[value.type];
  for (const name of Object.keys(fields)) {
    if (!fields[name](payload[name])) return null;
  }
  return value;
}

/** Like parseEnvelope, restricted to the given types (what a receiver accepts on one port). */
export function parseEnvelopeOf<T extends MessageType>(value: unknown, types: readonly T[]): Envelope<T> | null {
  const parsed = parseEnvelope(value);
  return parsed && isOneOf(parsed, types) ? parsed : null;
}

function isOneOf<T extends MessageType>(msg: Envelope, types: readonly T[]): msg is Envelope<T> {
  return (types as readonly MessageType[]).includes(msg.type);
}

/**
 * After every reconnect the devtools page sends again the entries it sent within this window
 * (src/devtools/recent-entries.ts); the background re-creates what a stopped worker lost of them, and
 * its persister counts as possibly lost what waited longer than this to be written (persist.ts).
 */
export const RESEND_WINDOW_MS = 30_000;

export const PANEL_PORT_PREFIX = 'faultline-panel:';
export const DEVTOOLS_PORT_PREFIX = 'faultline-devtools:';

/** The tab id a port name addresses (`faultline-panel:42` → 42), or null for foreign names. */
export function tabIdFromPortName(name: string, prefix: string): number | null {
  if (!name.startsWith(prefix)) return null;
  const rest = name.slice(prefix.length);
  if (!/^\d{1,15}$/.test(rest)) return null;
  return Number(rest);
}
