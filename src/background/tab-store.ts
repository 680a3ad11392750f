// One tab's captured requests: webRequest events and DevTools entries merged into one record per
// request, with navigation markers, bounds and drop counting. Pure: no browser APIs; the classifier
// and the change sink are injected.
import { networkErrorRule } from '../core/network-errors';
import type { Classification, Exchange, PreflightExchange } from '../core/types';
import type {
  BodyState,
  CaptureRecord,
  CaptureStats,
  DevtoolsEntry,
  NavigationRecord,
  RequestRecord,
} from '../protocol/messages';
import type { CaptureLimits } from './limits';
import { shareRecordValues } from './shared-values';
import type {
  FailureInput,
  RedirectInput,
  RequestHeadersInput,
  RequestStart,
  ResponseInput,
} from './webrequest-events';

export type Classifier = (exchange: Exchange) => Classification;

/** A request record as stored: unclassified while its response has not started, plus merge bookkeeping. */
export type StoredRequest = Omit<RequestRecord, 'classification'> & {
  classification?: Classification;
  /** webRequest's requestId, once webRequest has contributed. */
  webRequestId?: string;
  /** True once webRequest reported the end of this hop (completed, redirected or failed). */
  webRequestDone?: boolean;
  /** This hop ended in a redirect: the next onBeforeRequest of its requestId is the next hop, not a repeat. */
  webRequestRedirected?: true;
  /** Identity of the DevTools entry merged in, so a HAR backfill of it is not added twice. */
  devtoolsKey?: string;
  /** webRequest said the response came from the HTTP cache. */
  fromCache?: boolean;
  /**
   * Adopted from a response event (its start died with a stopped worker): exchange.startedAt is that
   * event's time, so the request started at or before it, by as long as it waited for its response.
   */
  startIsUpperBound?: true;
};

/** DevTools re-fetches a document's stylesheets and scripts this close to opening (before or after its page connects). */
export const DEVTOOLS_REFETCH_WINDOW_MS = 5000;
/** Resource types DevTools re-reads when it opens; API calls and documents are never among them. */
const REFETCHED_TYPES = new Set(['stylesheet', 'script', 'font', 'image', 'other']);
/** How many of the latest preflight records a failed request looks through for its own. */
const PREFLIGHT_LOOKBACK = 64;
export type StoredRecord = StoredRequest | NavigationRecord;

export type StoreEvent =
  /** newlySeen: this change first counted the request in `seen` (not one taken back from the drops). */
  | { type: 'upsert'; tabId: number; record: StoredRecord; newlySeen?: true }
  | { type: 'remove'; tabId: number; record: StoredRecord }
  | { type: 'clear'; tabId: number; removed: StoredRecord[] }
  | { type: 'meta'; tabId: number };

/**
 * A request counted in droppedRecords by a restart because its row was never written (the full write
 * queue refused it before the worker stopped): what identifies it when its DevTools entry is re-sent
 * or its response reaches the new worker, so it is then held and taken back from the count.
 */
export interface LostRequest {
  seq: number;
  method: string;
  url: string;
  status: number;
  startedAt?: number;
  startIsUpperBound?: true;
}

export function lostRequestOf(record: StoredRequest): LostRequest {
  const lost: LostRequest = {
    seq: record.seq,
    method: record.exchange.method,
    url: record.exchange.url,
    status: record.exchange.status,
  };
  if (record.exchange.startedAt !== undefined) lost.startedAt = record.exchange.startedAt;
  if (record.startIsUpperBound) lost.startIsUpperBound = true;
  return lost;
}

/** What persistence keeps besides the records themselves. */
export interface TabMeta {
  tabId: number;
  preserve: boolean;
  nextSeq: number;
  nextDevtoolsId: number;
  stats: CaptureStats;
  /** Requests counted as dropped that a re-sent entry or an adopted response may still bring back (LostRequest). */
  lostRequests?: LostRequest[];
}

export function emptyStats(): CaptureStats {
  return {
    seen: 0,
    droppedRecords: 0,
    truncatedBodies: 0,
    droppedBodies: 0,
    bodiesArriving: false,
    devtoolsConnectedAt: null,
    failures: 0,
    notPageRequests: 0,
  };
}

/** Shown to the panel: navigation markers, and requests once their response started or failed. */
export function isVisible(record: StoredRecord): record is CaptureRecord {
  return record.kind === 'navigation' || record.classification !== undefined;
}

/** webRequest strips the fragment; DevTools may keep it. */
function matchUrl(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

function matchKey(method: string, url: string): string {
  return `${method.toUpperCase()} ${matchUrl(url)}`;
}

export function devtoolsKeyOf(exchange: Exchange): string {
  // join makes one flat string; a template of four parts is a tree of 7–8 heap objects, held per record.
  return [exchange.method.toUpperCase(), matchUrl(exchange.url), exchange.startedAt ?? '', exchange.status].join(' ');
}

function bodySize(record: StoredRecord): number {
  if (record.kind !== 'request') return 0;
  return (record.exchange.body?.length ?? 0) + (record.exchange.requestBody?.length ?? 0);
}

function hasBody(record: StoredRecord): boolean {
  return (
    record.kind === 'request' &&
    ((record.exchange.body !== undefined && record.exchange.body !== '') || record.exchange.requestBody !== undefined)
  );
}

function isFailure(record: StoredRecord | undefined): boolean {
  return record?.kind === 'request' && record.classification?.failure === true;
}

/** A multimap from match key to record ids, for the two directions of the merge. */
class MatchIndex {
  private readonly map = new Map<string, Set<string>>();
  add(key: string, id: string): void {
    let set = this.map.get(key);
    if (!set) this.map.set(key, (set = new Set()));
    set.add(id);
  }
  delete(key: string, id: string): void {
    const set = this.map.get(key);
    if (!set) return;
    set.delete(id);
    if (set.size === 0) this.map.delete(key);
  }
  get(key: string): ReadonlySet<string> | undefined {
    return this.map.get(key);
  }
  clear(): void {
    this.map.clear();
  }
}

export class TabStore {
  readonly tabId: number;
  // Off like the Network panel's Preserve log: a new page starts a new list (and the badge counts it); the panel turns it on from its setting.
  preserve = false;
  stats: CaptureStats = emptyStats();
  private readonly records = new Map<string, StoredRecord>();
  private nextSeq = 1;
  private nextDevtoolsId = 1;
  private bodyChars = 0;
  /**
   * Ids of the records holding a body, oldest record (lowest seq) first: the per-tab body budget drops
   * from the front without passing over every bodiless record (past the cap most of the 10,000 held
   * have none, and a pass a body made 1.9% of the worker's time in the soak, 629 ms in its loop stalls).
   * Sorted by seq, kept so on insert: bodies arrive in completion order, not in seq order (a set in
   * arrival order, re-sorted from the records when out of order, spent 284 ms in the next soak's stalls).
   */
  private bodyHolders: Array<{ seq: number; id: string }> = [];
  /** webRequest requestId → its latest record (redirect hops get new records). */
  private readonly byRequestId = new Map<string, string>();
  /** Records with webRequest data still waiting for a DevTools entry. */
  private readonly awaitingDevtools = new MatchIndex();
  /** DevTools-only records still waiting for their webRequest events. */
  private readonly awaitingWebRequest = new MatchIndex();
  private readonly devtoolsKeys = new Map<string, string>();
  /** When the tab's main frame last started a navigation: in-flight requests aborted after it were canceled by it. */
  private lastNavigationAt = -Infinity;
  /** The seq of the latest navigation marker: DevTools re-reads only the current document's resources. */
  private lastNavigationSeq = 0;
  /** Ids of the latest preflight records, oldest first: a failure finds its preflight without a pass over every record. */
  private recentPreflights: string[] = [];
  /** Counted as dropped by a restart, still identifiable (TabMeta.lostRequests). */
  private lostRequests: LostRequest[] = [];
  /** Requests restored from storage while webRequest was still reporting on them: their end may have gone with the stopped background. */
  private readonly restoredInFlight = new Set<string>();

  constructor(
    tabId: number,
    private readonly classify: Classifier,
    private readonly limits: CaptureLimits,
    private readonly emit: (event: StoreEvent) => void = () => {},
  ) {
    this.tabId = tabId;
  }

  // ---- reading ------------------------------------------------------------------------------

  get size(): number {
    return this.records.size;
  }

  get bodyBytes(): number {
    return this.bodyChars;
  }

  get(id: string): StoredRecord | undefined {
    return this.records.get(id);
  }

  /** Every record in list order, including unclassified in-flight ones. */
  all(): StoredRecord[] {
    return [...this.records.values()];
  }

  /** What the panel shows, in list order. */
  visible(): CaptureRecord[] {
    const out: CaptureRecord[] = [];
    for (const r of this.records.values()) if (isVisible(r)) out.push(r);
    return out;
  }

  meta(): TabMeta {
    const meta: TabMeta = {
      tabId: this.tabId,
      preserve: this.preserve,
      nextSeq: this.nextSeq,
      nextDevtoolsId: this.nextDevtoolsId,
      stats: { ...this.stats },
    };
    if (this.lostRequests.length) meta.lostRequests = [...this.lostRequests];
    return meta;
  }

  // ---- webRequest ---------------------------------------------------------------------------

  /** onBeforeRequest. A main_frame request first adds a navigation marker (and clears when preserve is off). */
  begin(start: RequestStart): void {
    this.beginRequest(start, false);
  }

  /**
   * A response event of a request whose start this store never saw (it died with a stopped worker):
   * recorded from the event, whose time is only an upper bound of the start.
   */
  adopt(start: RequestStart): void {
    this.beginRequest(start, true);
  }

  private beginRequest(start: RequestStart, startIsUpperBound: boolean): void {
    const previousId = this.byRequestId.get(start.requestId);
    const previous = previousId === undefined ? undefined : this.records.get(previousId);
    if (previous?.kind === 'request' && previous.webRequestRedirected !== true) {
      // The same request announced twice (in flight, or even after its end: an event dispatched again
      // to a restarted worker): keep the first. Only a redirect starts a new hop under the same requestId.
      return;
    }
    const isRedirectHop = previous !== undefined;
    if (start.resourceType === 'main_frame' && !isRedirectHop) {
      this.lastNavigationAt = start.startedAt;
      this.navigate(start.url, start.startedAt);
    }

    const waiting = this.findCandidate(
      this.awaitingWebRequest,
      start.method,
      start.url,
      { at: start.startedAt, upperBound: startIsUpperBound },
      undefined,
    );
    if (waiting) {
      this.attachWebRequest(waiting, start);
      return;
    }
    const seq = this.nextSeq++;
    const record: StoredRequest = {
      kind: 'request',
      id: isRedirectHop ? `wr:${start.requestId}@${seq}` : `wr:${start.requestId}`,
      tabId: this.tabId,
      seq,
      exchange: { method: start.method, url: start.url, status: 0, startedAt: start.startedAt },
      bodyState: 'pending',
      sources: ['webRequest'],
      webRequestId: start.requestId,
      resourceType: start.resourceType,
    };
    if (start.requestBodySize !== undefined) record.requestBodySize = start.requestBodySize;
    if (start.requestBodyHash !== undefined) record.exchange.requestBodyHash = start.requestBodyHash;
    if (start.origin !== undefined) record.exchange.origin = start.origin;
    if (startIsUpperBound) record.startIsUpperBound = true;
    // An adopted response may be a request a restart counted as dropped: held now, so no longer dropped.
    const reclaimed =
      startIsUpperBound && this.reclaimLost(start.method, start.url, { at: start.startedAt, upperBound: true }, 0);
    if (reclaimed) this.stats.droppedRecords--;
    else this.stats.seen++;
    this.insert(record);
    this.byRequestId.set(start.requestId, record.id);
    this.awaitingDevtools.add(matchKey(start.method, start.url), record.id);
    this.emitUpsert(record, !reclaimed);
  }

  /** onSendHeaders: request headers (redacted) and the credentials fingerprint. */
  requestHeaders(input: RequestHeadersInput): void {
    const record = this.active(input.requestId);
    if (!record) return;
    if (!record.sources.includes('devtools') && !record.sources.includes('har'))
      record.exchange.requestHeaders = input.requestHeaders;
    if (input.credentialsFingerprint !== undefined && record.exchange.credentialsFingerprint === undefined) {
      record.exchange.credentialsFingerprint = input.credentialsFingerprint;
    }
    // Chrome's Network panel lists a CORS preflight as its own row of type "preflight".
    if (isPreflightRequest(record.exchange.method, input.requestHeaders)) record.resourceType = 'preflight';
    if (record.classification) this.reclassify(record);
    this.emitUpsert(record);
  }

  /** onHeadersReceived: status and headers are known, so the request is classified now. */
  responseStarted(input: ResponseInput): void {
    const record = this.active(input.requestId);
    if (!record) return;
    this.applyResponse(record, input);
    this.reclassify(record);
    this.emitUpsert(record);
  }

  /** onCompleted: final status and headers; the body is whatever DevTools delivers (if anything). */
  completed(input: ResponseInput): void {
    const record = this.active(input.requestId);
    if (!record) return;
    if (input.fromCache) record.fromCache = true;
    this.applyResponse(record, input);
    if (this.isDevtoolsRefetch(record)) {
      this.discardRecord(record);
      return;
    }
    this.finish(record, input.at);
  }

  /** onBeforeRedirect: this hop is done; the next hop arrives as a new onBeforeRequest with the same requestId. */
  redirected(input: RedirectInput): void {
    const record = this.active(input.requestId);
    if (!record) return;
    record.webRequestRedirected = true;
    this.applyResponse(record, input);
    this.finish(record, input.at);
  }

  /** onErrorOccurred: no (complete) response; the error string is the evidence. */
  failed(input: FailureInput): void {
    const record = this.active(input.requestId);
    if (!record) return;
    record.exchange.error = input.error;
    if (this.isDevtoolsRefetch(record)) {
      this.discardRecord(record);
      return;
    }
    const frame = record.resourceType === 'main_frame' || record.resourceType === 'sub_frame';
    if (!frame && networkErrorRule(input.error).cause === 'aborted' && record.exchange.cancelReason === undefined) {
      // The tab started a new document while this was in flight: that navigation canceled it.
      const started = record.exchange.startedAt ?? -Infinity;
      if (this.lastNavigationAt >= started && this.lastNavigationAt <= input.at)
        record.exchange.cancelReason = 'navigation';
    }
    if (record.exchange.preflight === undefined && record.exchange.origin !== undefined) {
      const preflight = this.preflightOf(record);
      if (preflight) record.exchange.preflight = preflight;
    }
    this.finish(record, input.at);
  }

  /**
   * A response body copied by Firefox's filterResponseData (it ends around onCompleted, in either
   * order). DevTools' body wins when both arrive; this one serves requests DevTools never reported.
   */
  copiedBody(requestId: string, body: string, truncated: boolean): void {
    const id = this.byRequestId.get(requestId);
    const record = id === undefined ? undefined : this.records.get(id);
    if (record?.kind !== 'request' || record.webRequestId !== requestId) return;
    if (record.exchange.body !== undefined || record.bodyState === 'dropped') return;
    if (!this.stats.bodiesArriving) {
      this.stats.bodiesArriving = true;
      this.emit({ type: 'meta', tabId: this.tabId });
    }
    const exchange: Exchange = {
      method: record.exchange.method,
      url: record.exchange.url,
      status: record.exchange.status,
      body,
    };
    if (truncated) exchange.bodyTruncated = true;
    this.applyBody(record, { exchange, bodyState: body === '' ? 'empty' : truncated ? 'truncated' : 'captured' });
    if (!record.sources.includes('filter')) record.sources = [...record.sources, 'filter'];
    if (record.classification) this.reclassify(record);
    this.emitUpsert(record);
  }

  /** Forgets a request that is not the page's traffic (found out only at its end, e.g. a cache-only probe). */
  discard(requestId: string): void {
    const record = this.active(requestId);
    if (!record || record.sources.length > 1) return;
    this.discardRecord(record);
  }

  private discardRecord(record: StoredRequest): void {
    const wasFailure = isFailure(record);
    this.outcomeFound(record);
    this.unindex(record);
    this.records.delete(record.id);
    this.bodyChars -= bodySize(record);
    this.forgetBodyHolder(record);
    this.stats.seen = Math.max(0, this.stats.seen - 1);
    this.stats.notPageRequests = (this.stats.notPageRequests ?? 0) + 1;
    if (wasFailure) this.stats.failures = (this.stats.failures ?? 0) - 1;
    this.emit({ type: 'remove', tabId: this.tabId, record });
  }

  /**
   * DevTools, when it opens, re-reads the stylesheets and scripts of the inspected document; Chrome
   * attributes those loads to the tab but its Network panel does not list them, and no DevTools entry
   * ever arrives for them. One is a webRequest-only load of a static resource that the tab already
   * loaded, started within DEVTOOLS_REFETCH_WINDOW_MS of DevTools connecting.
   */
  private isDevtoolsRefetch(record: StoredRequest): boolean {
    const connected = this.stats.devtoolsConnectedAt;
    if (connected == null || record.sources.length !== 1 || record.sources[0] !== 'webRequest') return false;
    if (!REFETCHED_TYPES.has(record.resourceType ?? '') || record.exchange.method !== 'GET') return false;
    const started = record.exchange.startedAt;
    if (started === undefined || Math.abs(started - connected) > DEVTOOLS_REFETCH_WINDOW_MS) return false;
    const key = matchKey(record.exchange.method, record.exchange.url);
    for (const other of this.records.values()) {
      if (other === record || other.kind !== 'request' || other.seq > record.seq || other.seq < this.lastNavigationSeq)
        continue;
      const otherStart = other.exchange.startedAt;
      if (
        otherStart !== undefined &&
        otherStart < connected - DEVTOOLS_REFETCH_WINDOW_MS / 5 &&
        matchKey(other.exchange.method, other.exchange.url) === key
      ) {
        return other.webRequestDone === true || other.sources.includes('devtools') || other.sources.includes('har');
      }
    }
    return false;
  }

  /** The CORS preflight (OPTIONS with Access-Control-Request-Method) the browser sent for `record`, if one was recorded. */
  private preflightOf(record: StoredRequest): PreflightExchange | undefined {
    const url = matchUrl(record.exchange.url);
    const since = (record.exchange.startedAt ?? -Infinity) - 2000;
    for (let i = this.recentPreflights.length - 1; i >= 0; i--) {
      const other = this.records.get(this.recentPreflights[i]);
      if (other?.kind !== 'request' || other === record || other.resourceType !== 'preflight') continue;
      if (matchUrl(other.exchange.url) !== url || (other.exchange.startedAt ?? 0) < since) continue;
      const ex = other.exchange;
      const preflight: PreflightExchange = { status: ex.status };
      if (ex.statusText) preflight.statusText = ex.statusText;
      if (ex.requestHeaders !== undefined) preflight.requestHeaders = ex.requestHeaders;
      if (ex.responseHeaders !== undefined) preflight.responseHeaders = ex.responseHeaders;
      if (ex.error !== undefined) preflight.error = ex.error;
      return preflight;
    }
    return undefined;
  }

  /** True when some record came from webRequest's `requestId` (finished or not). */
  knowsRequest(requestId: string): boolean {
    return this.byRequestId.has(requestId);
  }

  /** The record webRequest events for `requestId` update: its latest hop, while unfinished (or ended as outcome lost: a late end still counts). */
  private active(requestId: string): StoredRequest | undefined {
    const id = this.byRequestId.get(requestId);
    const record = id === undefined ? undefined : this.records.get(id);
    return record?.kind === 'request' && (record.webRequestDone !== true || record.exchange.outcomeLost !== undefined)
      ? record
      : undefined;
  }

  /** The requests restored in flight that have not ended since. */
  private *stillRestoredInFlight(): Generator<StoredRequest> {
    for (const id of this.restoredInFlight) {
      const record = this.records.get(id);
      if (record?.kind === 'request' && record.webRequestDone !== true) yield record;
    }
  }

  /** Requests restored in flight that have not ended since. */
  get restoredInFlightCount(): number {
    let n = 0;
    for (const _ of this.stillRestoredInFlight()) n++;
    return n;
  }

  /**
   * A request started by an event an earlier background received and never handled (the early-event
   * journal) waits for its end like one restored in flight: that end may have gone with that background.
   */
  awaitRestoredEnd(requestId: string): void {
    const record = this.active(requestId);
    if (record && record.webRequestDone !== true) this.restoredInFlight.add(record.id);
  }

  /**
   * Ends the requests restored in flight whose end has not arrived since (it went to the stopped
   * background, which did not write it): with DevTools' entry merged their outcome is known and only
   * webRequest's end is missing; otherwise they are ended as "outcome lost" for `reason` and counted
   * (stats.outcomesLost), so no request waits forever for an event that will not come. A late end or
   * DevTools entry still completes one and takes it back from the count. Returns how many were ended as lost.
   */
  endLostOutcomes(reason: string): number {
    let lost = 0;
    for (const record of this.stillRestoredInFlight()) {
      record.webRequestDone = true;
      if (record.bodyState === 'pending') record.bodyState = 'not-captured';
      if (!record.sources.includes('devtools') && !record.sources.includes('har')) {
        record.exchange.outcomeLost = reason;
        this.stats.outcomesLost = (this.stats.outcomesLost ?? 0) + 1;
        lost++;
      }
      this.reclassify(record);
      this.emitUpsert(record);
    }
    this.restoredInFlight.clear();
    return lost;
  }

  /** A request ended as outcome lost got its end (or its DevTools entry) after all: no longer lost. */
  private outcomeFound(record: StoredRequest): void {
    if (record.exchange.outcomeLost === undefined) return;
    delete record.exchange.outcomeLost;
    this.stats.outcomesLost = Math.max(0, (this.stats.outcomesLost ?? 0) - 1);
  }

  private applyResponse(record: StoredRequest, input: ResponseInput): void {
    const fromDevtools = record.sources.includes('devtools') || record.sources.includes('har');
    if (fromDevtools && record.exchange.status > 0) return; // DevTools' view is complete; webRequest only fills gaps.
    // A revalidation: onHeadersReceived may carry the 304, onCompleted the cached 200 it revalidated. Chrome lists 304.
    if (record.exchange.status === 304 && input.status === 200) return;
    record.exchange.status = input.status;
    record.exchange.statusText = input.statusText;
    record.exchange.responseHeaders = input.responseHeaders;
  }

  private finish(record: StoredRequest, at: number): void {
    this.outcomeFound(record);
    if (
      record.exchange.startedAt !== undefined &&
      record.exchange.durationMs === undefined &&
      !record.startIsUpperBound
    ) {
      record.exchange.durationMs = Math.max(0, at - record.exchange.startedAt);
    }
    record.webRequestDone = true;
    if (record.bodyState === 'pending') record.bodyState = 'not-captured';
    this.reclassify(record);
    this.emitUpsert(record);
  }

  private attachWebRequest(record: StoredRequest, start: RequestStart): void {
    this.awaitingWebRequest.delete(matchKey(record.exchange.method, record.exchange.url), record.id);
    record.sources = [...record.sources, 'webRequest'];
    record.webRequestId = start.requestId;
    record.resourceType ??= start.resourceType;
    if (start.requestBodySize !== undefined) record.requestBodySize = start.requestBodySize;
    if (start.requestBodyHash !== undefined) record.exchange.requestBodyHash ??= start.requestBodyHash;
    this.byRequestId.set(start.requestId, record.id);
    this.emitUpsert(record);
  }

  // ---- DevTools -----------------------------------------------------------------------------

  /** A DevTools entry (onRequestFinished or the HAR backfill): merged into its webRequest record, or added. */
  mergeDevtools(entry: DevtoolsEntry, source: 'devtools' | 'har'): void {
    if (source === 'devtools' && !this.stats.bodiesArriving) {
      this.stats.bodiesArriving = true;
      this.emit({ type: 'meta', tabId: this.tabId });
    }
    const exchange = entry.exchange;
    const key = devtoolsKeyOf(exchange);
    const seenId = this.devtoolsKeys.get(key);
    const seen = seenId === undefined ? undefined : this.records.get(seenId);
    if (seen?.kind === 'request') {
      // The same entry again (HAR backfill of something onRequestFinished delivered): only a body can add.
      if (seen.exchange.body === undefined && exchange.body !== undefined && seen.bodyState !== 'dropped') {
        this.applyBody(seen, entry);
        this.reclassify(seen);
        this.emitUpsert(seen);
      }
      return;
    }

    let target: StoredRequest | undefined;
    if (entry.requestId !== undefined) {
      const id = this.byRequestId.get(entry.requestId);
      const byId = id === undefined ? undefined : this.records.get(id);
      if (byId?.kind === 'request' && !byId.devtoolsKey) target = byId;
    }
    target ??= this.findCandidate(
      this.awaitingDevtools,
      exchange.method,
      exchange.url,
      { at: exchange.startedAt, upperBound: false },
      exchange.status,
    );

    if (target) {
      this.awaitingDevtools.delete(matchKey(target.exchange.method, target.exchange.url), target.id);
      this.mergeInto(target, entry, source, key);
      return;
    }

    const seq = this.nextSeq++;
    const record: StoredRequest = {
      kind: 'request',
      id: `dt:${this.nextDevtoolsId++}`,
      tabId: this.tabId,
      seq,
      exchange: withoutBodies(exchange),
      bodyState: 'not-captured',
      sources: [source],
      devtoolsKey: key,
    };
    if (entry.resourceType !== undefined) record.resourceType = entry.resourceType;
    // A re-sent entry may be a request a restart counted as dropped: held now, so no longer dropped.
    const reclaimed = this.reclaimLost(
      exchange.method,
      exchange.url,
      { at: exchange.startedAt, upperBound: false },
      exchange.status,
    );
    if (reclaimed) this.stats.droppedRecords--;
    else this.stats.seen++;
    this.insert(record);
    this.devtoolsKeys.set(key, record.id);
    this.awaitingWebRequest.add(matchKey(exchange.method, exchange.url), record.id);
    this.applyBody(record, entry);
    this.reclassify(record);
    this.emitUpsert(record, !reclaimed);
  }

  private mergeInto(record: StoredRequest, entry: DevtoolsEntry, source: 'devtools' | 'har', key: string): void {
    const ex = entry.exchange;
    const own = record.exchange;
    // DevTools saw what the page saw: fuller headers (webRequest hides some), the reason phrase, the MIME type.
    if (ex.requestHeaders !== undefined && headerCount(ex.requestHeaders) > 0) own.requestHeaders = ex.requestHeaders;
    if (ex.status > 0 || own.status === 0) {
      if (ex.status > 0) own.status = ex.status;
      if (ex.responseHeaders !== undefined && headerCount(ex.responseHeaders) > 0)
        own.responseHeaders = ex.responseHeaders;
      if (ex.statusText) own.statusText = ex.statusText;
    }
    if (ex.error !== undefined && own.error === undefined) own.error = ex.error;
    if (ex.mimeType !== undefined) own.mimeType = ex.mimeType;
    if (ex.durationMs !== undefined) own.durationMs = ex.durationMs;
    if (ex.startedAt !== undefined && (own.startedAt === undefined || record.startIsUpperBound)) {
      own.startedAt = ex.startedAt; // DevTools saw the start an adopted record only bounds
      delete record.startIsUpperBound;
    }
    if (own.requestBodyHash === undefined && ex.requestBodyHash !== undefined) own.requestBodyHash = ex.requestBodyHash;
    if (own.credentialsFingerprint === undefined && ex.credentialsFingerprint !== undefined)
      own.credentialsFingerprint = ex.credentialsFingerprint;
    if (own.callStack === undefined && ex.callStack !== undefined) own.callStack = ex.callStack;
    if (own.origin === undefined && ex.origin !== undefined) own.origin = ex.origin;
    if (!record.sources.includes(source)) record.sources = [...record.sources, source];
    this.outcomeFound(record);
    record.devtoolsKey = key;
    record.resourceType ??= entry.resourceType;
    this.devtoolsKeys.set(key, record.id);
    this.applyBody(record, entry);
    this.reclassify(record);
    this.emitUpsert(record);
  }

  /** Takes the entry's body (and request body) within the per-body cap and the per-tab budget. */
  private applyBody(record: StoredRequest, entry: DevtoolsEntry): void {
    const ex = entry.exchange;
    const before = bodySize(record);
    let bodyState: BodyState = entry.bodyState;
    let body = ex.body;
    let truncated = ex.bodyTruncated === true || entry.bodyState === 'truncated';
    if (body !== undefined && body.length > this.limits.maxBodyChars) {
      body = body.slice(0, this.limits.maxBodyChars);
      truncated = true;
    }
    if (body !== undefined && truncated) bodyState = 'truncated';
    let requestBody = ex.requestBody;
    if (requestBody !== undefined && requestBody.length > this.limits.maxRequestBodyChars) {
      requestBody = requestBody.slice(0, this.limits.maxRequestBodyChars);
    }
    const incoming = (body?.length ?? 0) + (requestBody?.length ?? 0);
    if (incoming > 0) this.makeRoomForBody(incoming, record.id);

    if (body !== undefined) {
      record.exchange.body = body;
      if (ex.bodyEncoding !== undefined) record.exchange.bodyEncoding = ex.bodyEncoding;
      if (truncated) {
        record.exchange.bodyTruncated = true;
        this.stats.truncatedBodies++;
      }
    }
    if (requestBody !== undefined) record.exchange.requestBody = requestBody;
    if (body !== undefined || record.bodyState === 'pending' || bodyState !== 'not-captured')
      record.bodyState = bodyState;
    this.bodyChars += bodySize(record) - before;
    this.noteBodyHolder(record);
  }

  /** Where the record's seq is (or would go) in bodyHolders. */
  private bodyHolderAt(seq: number): number {
    let lo = 0;
    let hi = this.bodyHolders.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.bodyHolders[mid].seq < seq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Keeps bodyHolders in step with whether the record holds a body. */
  private noteBodyHolder(record: StoredRecord): void {
    if (!hasBody(record)) {
      this.forgetBodyHolder(record);
      return;
    }
    const at = this.bodyHolderAt(record.seq);
    if (this.bodyHolders[at]?.seq !== record.seq) this.bodyHolders.splice(at, 0, { seq: record.seq, id: record.id });
  }

  private forgetBodyHolder(record: StoredRecord): void {
    const at = this.bodyHolderAt(record.seq);
    if (this.bodyHolders[at]?.seq === record.seq) this.bodyHolders.splice(at, 1);
  }

  /** Rebuilds bodyHolders from the records (in list order, which is seq order). */
  private rebuildBodyHolders(): void {
    this.bodyHolders = [];
    for (const record of this.records.values())
      if (hasBody(record)) this.bodyHolders.push({ seq: record.seq, id: record.id });
  }

  /** Drops the oldest bodies until `incoming` more fit the per-tab budget. */
  private makeRoomForBody(incoming: number, keepId: string): void {
    if (this.bodyChars + incoming <= this.limits.maxBodyBytesPerTab) return;
    let at = 0;
    while (at < this.bodyHolders.length && this.bodyChars + incoming > this.limits.maxBodyBytesPerTab) {
      const { id } = this.bodyHolders[at];
      const record = this.records.get(id);
      if (id === keepId || record?.kind !== 'request' || !hasBody(record)) {
        at++;
        continue;
      }
      this.dropBody(record); // takes it out of bodyHolders: the next one is at `at` now
      this.emitUpsert(record);
    }
  }

  /**
   * The persister could not write this record's bodies in time (PersistOptions.bodyWriteBudgetMs):
   * they go as a budget drop does, counted in droppedBodies, the classification kept. False when the
   * record is no longer held or holds no body.
   */
  dropUnwrittenBody(record: StoredRecord): boolean {
    if (record.kind !== 'request' || this.records.get(record.id) !== record || !hasBody(record)) return false;
    this.dropBody(record);
    this.emitUpsert(record);
    return true;
  }

  private dropBody(record: StoredRequest): void {
    const size = bodySize(record);
    const hadResponseBody = record.exchange.body !== undefined && record.exchange.body !== '';
    const hadRequestBody = record.exchange.requestBody !== undefined;
    delete record.exchange.body;
    delete record.exchange.bodyEncoding;
    delete record.exchange.requestBody;
    this.bodyChars -= size;
    this.forgetBodyHolder(record);
    if (hadResponseBody) record.bodyState = 'dropped';
    // One drop per record, a request body alone too (it was dropped uncounted before); the response
    // body's state says only what became of the response body.
    if (hadResponseBody || hadRequestBody) this.stats.droppedBodies++;
  }

  /**
   * The closest-in-time record under the same method + URL whose start may be the same as `start`
   * (within the match window); a known, different status rules one out.
   */
  private findCandidate(
    index: MatchIndex,
    method: string,
    url: string,
    start: StartTime,
    status: number | undefined,
  ): StoredRequest | undefined {
    const ids = index.get(matchKey(method, url));
    if (!ids) return undefined;
    let best: StoredRequest | undefined;
    let bestGap = Infinity;
    let bestDelta = Infinity;
    for (const id of ids) {
      const record = this.records.get(id);
      if (record?.kind !== 'request') continue;
      if (
        status !== undefined &&
        status > 0 &&
        record.exchange.status > 0 &&
        !sameResponse(record.exchange.status, status)
      )
        continue;
      const theirs: StartTime = { at: record.exchange.startedAt, upperBound: record.startIsUpperBound === true };
      const gap = startGap(start, theirs);
      if (gap > this.limits.matchWindowMs) continue;
      const delta = start.at === undefined || theirs.at === undefined ? 0 : Math.abs(theirs.at - start.at);
      if (
        gap < bestGap ||
        (gap === bestGap && (delta < bestDelta || (delta === bestDelta && best !== undefined && record.seq < best.seq)))
      ) {
        best = record;
        bestGap = gap;
        bestDelta = delta;
      }
    }
    return best;
  }

  /**
   * Takes out of lostRequests the closest one this request may be (same method and URL, a start within
   * the match window, no different known status); true if there was one.
   */
  private reclaimLost(method: string, url: string, start: StartTime, status: number): boolean {
    if (!this.lostRequests.length) return false;
    const key = matchKey(method, url);
    let best = -1;
    let bestGap = Infinity;
    for (let i = 0; i < this.lostRequests.length; i++) {
      const lost = this.lostRequests[i];
      if (matchKey(lost.method, lost.url) !== key) continue;
      if (status > 0 && lost.status > 0 && !sameResponse(lost.status, status)) continue;
      const gap = startGap(start, { at: lost.startedAt, upperBound: lost.startIsUpperBound === true });
      if (gap <= this.limits.matchWindowMs && gap < bestGap) {
        best = i;
        bestGap = gap;
      }
    }
    if (best < 0) return false;
    this.lostRequests.splice(best, 1);
    return true;
  }

  // ---- navigation, clear, bounds ------------------------------------------------------------

  /** A new document in the tab: a marker row; with preserve off, the list starts over. */
  navigate(url: string, at: number): void {
    if (!this.preserve) this.clear();
    const marker: NavigationRecord = {
      kind: 'navigation',
      id: `nav:${this.nextSeq}`,
      tabId: this.tabId,
      seq: this.nextSeq++,
      url,
      at,
    };
    this.lastNavigationSeq = marker.seq;
    this.insert(marker);
    this.emitUpsert(marker);
  }

  /** Removes every shown record (in-flight requests stay: they belong to what comes next) and resets the counters. */
  clear(): void {
    const removed: StoredRecord[] = [];
    for (const record of [...this.records.values()]) {
      if (record.kind === 'request' && record.classification === undefined) continue;
      this.unindex(record);
      this.records.delete(record.id);
      removed.push(record);
    }
    this.bodyChars = 0;
    for (const record of this.records.values()) this.bodyChars += bodySize(record);
    this.rebuildBodyHolders();
    const { bodiesArriving, devtoolsConnectedAt } = this.stats;
    this.stats = { ...emptyStats(), bodiesArriving, devtoolsConnectedAt };
    this.lostRequests = []; // their drops were just reset with the rest of the counts
    this.emit({ type: 'clear', tabId: this.tabId, removed });
  }

  setPreserve(preserve: boolean): void {
    if (this.preserve === preserve) return;
    this.preserve = preserve;
    this.emit({ type: 'meta', tabId: this.tabId });
  }

  setDevtoolsConnected(at: number | null): void {
    this.stats.devtoolsConnectedAt = at;
    if (at !== null) {
      // Re-fetches that finished before the devtools page connected.
      for (const record of [...this.records.values()].slice(-200)) {
        if (record.kind === 'request' && record.webRequestDone === true && this.isDevtoolsRefetch(record))
          this.discardRecord(record);
      }
    }
    this.emit({ type: 'meta', tabId: this.tabId });
  }

  private insert(record: StoredRecord): void {
    this.records.set(record.id, record);
    while (this.records.size > this.limits.maxRecords) {
      const oldest = this.records.values().next().value as StoredRecord;
      this.unindex(oldest);
      this.records.delete(oldest.id);
      this.bodyChars -= bodySize(oldest);
      this.forgetBodyHolder(oldest);
      if (oldest.kind === 'request') this.stats.droppedRecords++;
      if (isFailure(oldest)) this.stats.failures = (this.stats.failures ?? 0) - 1;
      this.emit({ type: 'remove', tabId: this.tabId, record: oldest });
    }
  }

  private unindex(record: StoredRecord): void {
    if (record.kind !== 'request') return;
    const key = matchKey(record.exchange.method, record.exchange.url);
    this.awaitingDevtools.delete(key, record.id);
    this.awaitingWebRequest.delete(key, record.id);
    if (record.devtoolsKey !== undefined && this.devtoolsKeys.get(record.devtoolsKey) === record.id)
      this.devtoolsKeys.delete(record.devtoolsKey);
    if (record.webRequestId !== undefined && this.byRequestId.get(record.webRequestId) === record.id)
      this.byRequestId.delete(record.webRequestId);
  }

  /** Classifies every request again, e.g. after the rules changed; emits only records whose result changed. */
  reclassifyAll(): void {
    for (const record of this.records.values()) {
      if (record.kind !== 'request' || !record.classification) continue;
      const before = record.classification;
      this.reclassify(record);
      if (record.classification !== before && JSON.stringify(record.classification) !== JSON.stringify(before))
        this.emitUpsert(record);
    }
  }

  private reclassify(record: StoredRequest): void {
    // A dropped body's classification was made with the body: keep it rather than lose what it found.
    if (record.bodyState === 'dropped' && record.classification) return;
    const wasFailure = isFailure(record);
    record.classification = this.classify(record.exchange);
    const nowFailure = isFailure(record);
    if (wasFailure !== nowFailure) this.stats.failures = (this.stats.failures ?? 0) + (nowFailure ? 1 : -1);
  }

  private emitUpsert(record: StoredRecord, newlySeen = false): void {
    shareRecordValues(record);
    this.notePreflight(record);
    this.emit(
      newlySeen
        ? { type: 'upsert', tabId: this.tabId, record, newlySeen }
        : { type: 'upsert', tabId: this.tabId, record },
    );
  }

  private notePreflight(record: StoredRecord): void {
    if (record.kind !== 'request' || record.resourceType !== 'preflight') return;
    if (this.recentPreflights.includes(record.id)) return;
    this.recentPreflights.push(record.id);
    if (this.recentPreflights.length > PREFLIGHT_LOOKBACK) this.recentPreflights.shift();
  }

  // ---- persistence --------------------------------------------------------------------------

  /** Restores a persisted tab. `records` in any order; indexes are rebuilt from them. */
  hydrate(meta: TabMeta, records: StoredRecord[]): void {
    this.preserve = meta.preserve;
    this.nextSeq = Math.max(1, meta.nextSeq);
    this.nextDevtoolsId = Math.max(1, meta.nextDevtoolsId);
    this.stats = { ...emptyStats(), ...meta.stats };
    this.lostRequests = [...(meta.lostRequests ?? [])];
    this.records.clear();
    this.restoredInFlight.clear();
    this.byRequestId.clear();
    this.awaitingDevtools.clear();
    this.awaitingWebRequest.clear();
    this.devtoolsKeys.clear();
    this.recentPreflights = [];
    this.bodyChars = 0;
    let failures = 0;
    for (const record of [...records].sort((a, b) => a.seq - b.seq)) {
      shareRecordValues(record);
      this.records.set(record.id, record);
      this.nextSeq = Math.max(this.nextSeq, record.seq + 1);
      if (record.kind === 'navigation') {
        this.lastNavigationSeq = Math.max(this.lastNavigationSeq, record.seq);
        this.lastNavigationAt = Math.max(this.lastNavigationAt, record.at);
      }
      if (record.kind !== 'request') continue;
      this.notePreflight(record);
      this.bodyChars += bodySize(record);
      if (isFailure(record)) failures++;
      const key = matchKey(record.exchange.method, record.exchange.url);
      if (record.webRequestId !== undefined) this.byRequestId.set(record.webRequestId, record.id);
      if (record.sources.includes('webRequest') && record.webRequestDone !== true) this.restoredInFlight.add(record.id);
      if (record.devtoolsKey !== undefined) this.devtoolsKeys.set(record.devtoolsKey, record.id);
      const hasDevtools = record.sources.includes('devtools') || record.sources.includes('har');
      if (!hasDevtools) this.awaitingDevtools.add(key, record.id);
      if (!record.sources.includes('webRequest')) this.awaitingWebRequest.add(key, record.id);
      const dt = /^dt:(\d+)$/.exec(record.id);
      if (dt) this.nextDevtoolsId = Math.max(this.nextDevtoolsId, Number(dt[1]) + 1);
    }
    this.rebuildBodyHolders();
    this.stats.failures = failures;
  }
}

/** A request's start: a time, or (an adopted orphan's) a time it started at or before. */
interface StartTime {
  at: number | undefined;
  upperBound: boolean;
}

/**
 * How far apart two starts must at least be. An upper bound is met by any start at or before it, however
 * long that request waited for its response; only one side of a match is ever an upper bound.
 */
function startGap(a: StartTime, b: StartTime): number {
  if (a.at === undefined || b.at === undefined) return 0;
  if (a.upperBound) return Math.max(0, b.at - a.at);
  if (b.upperBound) return Math.max(0, a.at - b.at);
  return Math.abs(a.at - b.at);
}

function withoutBodies(exchange: Exchange): Exchange {
  // A rest copy, not delete: a deleted property turns the object into a dictionary, a hash table of
  // its own held by every record.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { body, bodyEncoding, bodyTruncated, requestBody, ...copy } = exchange;
  return copy;
}

/** webRequest and DevTools describe the same response: equal statuses, or a 304 revalidation webRequest reports as the cached 200. */
function sameResponse(a: number, b: number): boolean {
  return a === b || (a === 304 && b === 200) || (a === 200 && b === 304);
}

function isPreflightRequest(method: string, headers: ReadonlyArray<{ name: string; value: string }>): boolean {
  return method === 'OPTIONS' && headers.some((h) => h.name.toLowerCase() === 'access-control-request-method');
}

function headerCount(headers: Exchange['requestHeaders']): number {
  if (!headers) return 0;
  return Array.isArray(headers) ? headers.length : Object.keys(headers).length;
}
