// Mirrors the per-tab stores into storage.session so a stopped worker (Chrome) or a suspended event
// page (Firefox) comes back with everything it had.
//
// Layout (chunked per tab, so a change rewrites one chunk, not the tab):
//   fl1:t:<tabId>:m          meta: preserve, counters, stats, how many requests there were
//   fl1:t:<tabId>:c:<n>      records with seq in [n*CHUNK, (n+1)*CHUNK), bodies stripped
//   fl1:t:<tabId>:b:<id>     one record's response body and request body
//
// Values are stored as JSON strings: Chrome charges an object by its in-memory size (measured: ~3.2×
// its JSON length), a string by its length, so strings fit three times as many records.
//
// Quota: storage.session holds 10 MiB for the whole extension (QUOTA_BYTES, Chrome and Firefox), far
// less than the in-memory bounds (N records, M body bytes per tab). Records come first: they are what
// "loses nothing" means, and without bodies they are ~2.3 KB each (~4,000 fit). Bodies get what the
// records leave, at most a fixed share, newest first; a body that did not fit is in memory only, and
// if the worker restarts it is gone: the record keeps the classification made with it, shows
// bodyState 'dropped' and the drop is counted. Records that could not be written are retried, and
// counted as dropped on the way back in if the worker stopped first.
import type { SessionArea } from '../platform/storage';
import type { StoredRecord, StoredRequest, StoreEvent, TabMeta } from './tab-store';

export const KEY_PREFIX = 'fl1:t:';
/** Small, so a flush during a burst rewrites few records besides the ones that changed. */
export const CHUNK_SIZE = 50;
/** The debounce timer is moved later only by at least this much. */
const RESCHEDULE_SLACK_MS = 25;
/** Writes plan to stay below this share of the quota (the browser's own accounting may differ slightly). */
const QUOTA_HEADROOM = 0.95;

export interface PersistOptions {
  debounceMs: number;
  /** Under a steady stream of changes, write at least this often. */
  maxWaitMs: number;
  /** Share of the quota bodies may use, split among the tabs that have bodies. */
  bodyShare: number;
}

export const DEFAULT_PERSIST_OPTIONS: PersistOptions = { debounceMs: 150, maxWaitMs: 1000, bodyShare: 0.3 };

export interface PersistedTab {
  meta: TabMeta;
  records: StoredRecord[];
  /** Loading changed what was stored (drops were counted): it must be written back. */
  changed: boolean;
}

interface PersistedMeta extends TabMeta {
  /** Request records the tab had when this was written; fewer found on load were lost to the quota. */
  requestCount: number;
}

interface PersistedBody {
  body?: string;
  requestBody?: string;
}

/** Read access to the live stores. */
export interface StoreSource {
  tabIds(): number[];
  records(tabId: number): StoredRecord[] | undefined;
  meta(tabId: number): TabMeta | undefined;
}

export interface Timers {
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

const metaKey = (tabId: number): string => `${KEY_PREFIX}${tabId}:m`;
const chunkKey = (tabId: number, chunk: number): string => `${KEY_PREFIX}${tabId}:c:${chunk}`;
const bodyKey = (tabId: number, id: string): string => `${KEY_PREFIX}${tabId}:b:${id}`;
const chunkOf = (seq: number): number => Math.floor(seq / CHUNK_SIZE);

/** What storage.session charges for an item, at least: the key plus the JSON of the value. */
export function itemBytes(key: string, value: unknown): number {
  return key.length + (typeof value === 'string' ? value.length : JSON.stringify(value).length);
}

/** Stored values are JSON strings (see above); anything unreadable is ignored. */
function fromStored(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

function bodyBytes(record: StoredRecord): number {
  return record.kind === 'request' ? (record.exchange.body?.length ?? 0) + (record.exchange.requestBody?.length ?? 0) : 0;
}

function holdsBody(record: StoredRecord): record is StoredRequest {
  return record.kind === 'request' && ((record.exchange.body !== undefined && record.exchange.body !== '') || record.exchange.requestBody !== undefined);
}

/** The record without its bodies (they live under their own key). */
function stripBodies(record: StoredRecord): StoredRecord {
  if (record.kind !== 'request' || !holdsBody(record)) return record;
  const exchange = { ...record.exchange };
  delete exchange.body;
  delete exchange.requestBody;
  return { ...record, exchange };
}

export class SessionPersister {
  private readonly written = new Map<string, number>();
  private readonly dirtyChunks = new Map<number, Set<number>>();
  private readonly dirtyTabs = new Set<number>();
  private readonly removedTabs = new Set<number>();
  private timer: unknown = null;
  private timerDueAt = 0;
  private firstDirtyAt: number | null = null;
  private flushing: Promise<void> | null = null;
  /** Halved after a quota error, so the next attempt writes fewer bodies. */
  private bodyScale = 1;
  errors = 0;

  constructor(
    private readonly area: SessionArea,
    private readonly source: StoreSource,
    private readonly options: PersistOptions = DEFAULT_PERSIST_OPTIONS,
    private readonly timers: Timers = realTimers,
    private readonly now: () => number = Date.now,
  ) {}

  /** True when everything known has been written. */
  get idle(): boolean {
    return this.timer === null && this.flushing === null && this.dirtyTabs.size === 0 && this.removedTabs.size === 0;
  }

  /** Bytes written to storage.session, by kind (as storage.session counts them). */
  usage(): { records: number; bodies: number; quota: number } {
    let records = 0;
    let bodies = 0;
    for (const [key, bytes] of this.written) {
      if (key.includes(':b:')) bodies += bytes;
      else records += bytes;
    }
    return { records, bodies, quota: this.area.quotaBytes };
  }

  /** Reads every persisted tab. Records missing to the quota are counted in the tab's stats. */
  async load(): Promise<Map<number, PersistedTab>> {
    const all = await this.area.getAll();
    const metas = new Map<number, PersistedMeta>();
    const chunks = new Map<number, StoredRecord[]>();
    const bodies = new Map<string, PersistedBody>();
    for (const [key, value] of Object.entries(all)) {
      if (!key.startsWith(KEY_PREFIX)) continue;
      const match = /^fl1:t:(\d+):(m|c|b)(?::(.+))?$/.exec(key);
      if (!match) continue;
      this.written.set(key, itemBytes(key, value));
      const tabId = Number(match[1]);
      const parsed = fromStored(value);
      if (match[2] === 'm' && parsed && typeof parsed === 'object') metas.set(tabId, parsed as PersistedMeta);
      else if (match[2] === 'c' && Array.isArray(parsed)) chunks.set(tabId, [...(chunks.get(tabId) ?? []), ...(parsed as StoredRecord[])]);
      else if (match[2] === 'b' && parsed && typeof parsed === 'object') bodies.set(key, parsed as PersistedBody);
    }
    // Chunks or bodies without a meta are leftovers of a write cut short: remove them.
    for (const key of this.written.keys()) {
      const tabId = Number(/^fl1:t:(\d+):/.exec(key)?.[1]);
      if (!metas.has(tabId)) this.removedTabs.add(tabId);
    }
    const out = new Map<number, PersistedTab>();
    for (const [tabId, stored] of metas) {
      const records = chunks.get(tabId) ?? [];
      const { requestCount, ...meta } = stored;
      const stats = { ...meta.stats };
      let requests = 0;
      let changed = false;
      for (const record of records) {
        if (record.kind !== 'request') continue;
        requests++;
        const body = bodies.get(bodyKey(tabId, record.id));
        if (body) {
          if (body.body !== undefined) record.exchange.body = body.body;
          if (body.requestBody !== undefined) record.exchange.requestBody = body.requestBody;
        } else if (record.bodyState === 'captured' || record.bodyState === 'truncated' || record.bodyState === 'binary') {
          // Held in memory only (over the persisted body budget) when the worker stopped.
          record.bodyState = 'dropped';
          stats.droppedBodies++;
          changed = true;
        } else if (record.bodyState === 'empty') {
          record.exchange.body = '';
        }
      }
      if (typeof requestCount === 'number' && requestCount > requests) {
        stats.droppedRecords += requestCount - requests;
        changed = true;
      }
      out.set(tabId, { meta: { ...meta, stats }, records, changed });
    }
    if (this.removedTabs.size) this.schedule();
    return out;
  }

  /** Marks what a store change touched, and schedules a write. */
  onEvent(event: StoreEvent): void {
    const { tabId } = event;
    this.dirtyTabs.add(tabId);
    if (event.type === 'upsert' || event.type === 'remove') this.markChunk(tabId, event.record.seq);
    else if (event.type === 'clear') for (const record of event.removed) this.markChunk(tabId, record.seq);
    this.schedule();
  }

  /** Rewrites a whole tab (after loading changed it). */
  rewriteTab(tabId: number, records: readonly StoredRecord[]): void {
    this.dirtyTabs.add(tabId);
    for (const record of records) this.markChunk(tabId, record.seq);
    this.schedule();
  }

  /** The tab closed: everything it stored goes. */
  dropTab(tabId: number): void {
    this.removedTabs.add(tabId);
    this.dirtyTabs.delete(tabId);
    this.dirtyChunks.delete(tabId);
    this.schedule();
  }

  /** Writes now (used before the worker is suspended and by the debug API). */
  async flush(): Promise<void> {
    if (this.timer !== null) {
      this.timers.clearTimer(this.timer);
      this.timer = null;
    }
    while (this.flushing) await this.flushing;
    if (!this.hasWork()) return;
    this.flushing = this.writeAll().finally(() => {
      this.flushing = null;
      this.firstDirtyAt = null;
    });
    await this.flushing;
    // Changes made meanwhile, or chunks the quota refused: on the next tick of the debounce, not in a loop.
    if (this.hasWork()) this.schedule();
  }

  private hasWork(): boolean {
    return this.dirtyTabs.size > 0 || this.removedTabs.size > 0;
  }

  private markChunk(tabId: number, seq: number): void {
    this.markChunkNumber(tabId, chunkOf(seq));
  }

  private markChunkNumber(tabId: number, chunk: number): void {
    let set = this.dirtyChunks.get(tabId);
    if (!set) this.dirtyChunks.set(tabId, (set = new Set()));
    set.add(chunk);
  }

  private schedule(): void {
    const now = this.now();
    this.firstDirtyAt ??= now;
    const wait = Math.max(0, Math.min(this.options.debounceMs, this.firstDirtyAt + this.options.maxWaitMs - now));
    // A burst reports thousands of changes a second: move the timer only when that pushes the write
    // out noticeably, not on every change.
    if (this.timer !== null && now + wait - this.timerDueAt < RESCHEDULE_SLACK_MS) return;
    if (this.timer !== null) this.timers.clearTimer(this.timer);
    this.timerDueAt = now + wait;
    this.timer = this.timers.setTimer(() => {
      this.timer = null;
      void this.flush();
    }, wait);
  }

  private async writeAll(): Promise<void> {
    const removed = [...this.removedTabs];
    this.removedTabs.clear();
    const removeKeys: string[] = [];
    for (const tabId of removed) {
      const prefix = `${KEY_PREFIX}${tabId}:`;
      for (const key of this.written.keys()) if (key.startsWith(prefix)) removeKeys.push(key);
    }

    // 1. Records: the dirty chunks and the meta of each changed tab.
    const tabs = [...this.dirtyTabs];
    this.dirtyTabs.clear();
    const recordItems: Array<{ tabId: number; items: Map<string, { value: unknown; bytes: number }> }> = [];
    const newSizes = new Map<string, number>();
    for (const tabId of tabs) {
      const records = this.source.records(tabId);
      const meta = this.source.meta(tabId);
      const chunks = this.dirtyChunks.get(tabId) ?? new Set<number>();
      this.dirtyChunks.delete(tabId);
      if (!records || !meta) continue;
      const items = new Map<string, { value: unknown; bytes: number }>();
      const byChunk = new Map<number, StoredRecord[]>();
      let requestCount = 0;
      for (const record of records) {
        if (record.kind === 'request') requestCount++;
        const chunk = chunkOf(record.seq);
        if (!chunks.has(chunk)) continue;
        let list = byChunk.get(chunk);
        if (!list) byChunk.set(chunk, (list = []));
        list.push(stripBodies(record));
      }
      const add = (key: string, data: unknown): void => {
        const value = JSON.stringify(data);
        const bytes = itemBytes(key, value);
        items.set(key, { value, bytes });
        newSizes.set(key, bytes);
      };
      for (const chunk of chunks) {
        const list = byChunk.get(chunk);
        if (list && list.length) add(chunkKey(tabId, chunk), list);
        else if (this.written.has(chunkKey(tabId, chunk))) removeKeys.push(chunkKey(tabId, chunk));
      }
      add(metaKey(tabId), { ...meta, requestCount } satisfies PersistedMeta);
      recordItems.push({ tabId, items });
    }

    // 2. Bodies get what the records leave of the quota (at most their share), newest first, split among tabs.
    const removing = new Set(removeKeys);
    let recordBytes = 0;
    for (const [key, bytes] of this.written) if (!key.includes(':b:') && !removing.has(key) && !newSizes.has(key)) recordBytes += bytes;
    for (const bytes of newSizes.values()) recordBytes += bytes;
    const quota = this.area.quotaBytes;
    const bodyBudget = Math.max(0, Math.min(quota * this.options.bodyShare * this.bodyScale, quota * QUOTA_HEADROOM - recordBytes));
    const bodyTabs = this.source.tabIds().filter((tabId) => (this.source.records(tabId) ?? []).some(holdsBody));
    const bodyItems: Record<string, unknown> = {};
    for (const tabId of bodyTabs) {
      this.planBodies(tabId, this.source.records(tabId) ?? [], Math.floor(bodyBudget / bodyTabs.length), bodyItems, removeKeys);
    }
    // Bodies of tabs without bodies any more (all dropped or cleared) go too.
    for (const key of this.written.keys()) {
      const tabId = Number(/^fl1:t:(\d+):b:/.exec(key)?.[1] ?? NaN);
      if (Number.isFinite(tabId) && !bodyTabs.includes(tabId) && !removeKeys.includes(key)) removeKeys.push(key);
    }

    // 3. Write: free space first, then records, then bodies.
    if (removeKeys.length) {
      await this.area.remove(removeKeys).catch(() => {
        this.errors++;
      });
      for (const key of removeKeys) this.written.delete(key);
    }
    for (const { tabId, items } of recordItems) await this.writeRecords(tabId, items);
    if (Object.keys(bodyItems).length) {
      try {
        await this.area.set(bodyItems);
        for (const [key, value] of Object.entries(bodyItems)) this.written.set(key, itemBytes(key, value));
      } catch {
        // Over quota after all: fewer bodies next time; these stay in memory only.
        this.errors++;
        this.bodyScale /= 2;
      }
    }
  }

  /**
   * Meta and chunks in one atomic write. If the quota refuses, the meta and then the newest chunks
   * are written one by one; chunks that still do not fit are retried on a later flush (and counted
   * as dropped records if the worker stops before they fit).
   */
  private async writeRecords(tabId: number, items: Map<string, { value: unknown; bytes: number }>): Promise<void> {
    try {
      await this.area.set(Object.fromEntries([...items].map(([key, { value }]) => [key, value])));
      for (const [key, { bytes }] of items) this.written.set(key, bytes);
      return;
    } catch {
      this.errors++;
      this.bodyScale /= 2;
    }
    const entries = [...items].sort(([a], [b]) => (a === metaKey(tabId) ? -1 : b === metaKey(tabId) ? 1 : chunkNumber(b) - chunkNumber(a)));
    for (const [key, { value, bytes }] of entries) {
      try {
        await this.area.set({ [key]: value });
        this.written.set(key, bytes);
      } catch {
        this.errors++;
        const chunk = chunkNumber(key);
        if (chunk >= 0) this.markChunkNumber(tabId, chunk);
        this.dirtyTabs.add(tabId);
      }
    }
  }

  /** Newest bodies first, within the tab's share; bodies no longer chosen are removed. */
  private planBodies(tabId: number, records: StoredRecord[], budget: number, items: Record<string, unknown>, removeKeys: string[]): void {
    const chosen = new Set<string>();
    let used = 0;
    for (let i = records.length - 1; i >= 0; i--) {
      const record = records[i]!;
      if (!holdsBody(record)) continue;
      const key = bodyKey(tabId, record.id);
      const size = bodyBytes(record) + key.length + 32;
      if (used + size > budget) continue;
      used += size;
      chosen.add(key);
      if (!this.written.has(key)) {
        const value: PersistedBody = {};
        if (record.exchange.body !== undefined) value.body = record.exchange.body;
        if (record.exchange.requestBody !== undefined) value.requestBody = record.exchange.requestBody;
        items[key] = JSON.stringify(value);
      }
    }
    const prefix = `${KEY_PREFIX}${tabId}:b:`;
    for (const key of this.written.keys()) if (key.startsWith(prefix) && !chosen.has(key)) removeKeys.push(key);
  }
}

function chunkNumber(key: string): number {
  const match = /:c:(\d+)$/.exec(key);
  return match ? Number(match[1]) : -1;
}
