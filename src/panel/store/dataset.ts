// The records of one view (the live tab, or an imported HAR) and which of them the filter shows.
// Everything is incremental:
// - appending a batch tests only the new rows;
// - a batch wholly older than every row held (an opening panel gets the newest rows first, then
//   older ones) is prepended and tests only its rows;
// - evicting the oldest records (the background's record cap) drops them from the front;
// - a narrowing keystroke re-tests only the rows shown now;
// - a full re-filter runs newest-first in bounded steps driven by the caller, so the first screen
//   is ready within a frame and the rest follows in later tasks (see the store's time slices).
//
// Rows are addressed by slot: a number that never changes while the row lives (slot - offset is
// its index in `rows`), so the visible list and groups survive evictions at the front and older
// rows prepended. Slots start at SLOT_BASE so that prepended rows keep non-negative slots.
import type { CaptureRecord } from '../../protocol/messages';
import { codeCell } from '../code-text';
import { compileFilter, isNarrowing, isUnfiltered, type FilterSpec, type FilterSubject } from '../filter';
import { GroupIndex, type GroupBy } from '../grouping';
import { IdIndex } from './id-index';
import { PositionList } from './positions';
import { makeRow, type Row } from './rows';
import { shortVerdict } from '../verdict';

/** Rows tested per scan step: well under a millisecond, so callers can slice scans by time. */
export const SCAN_STEP_ROWS = 2_000;
/** The slot of the first row after a reset: room below it for 2^30 prepended rows. */
const SLOT_BASE = 2 ** 30;
/** Complete results kept per filter, so deleting a character returns to a result already computed. */
const RESULT_CACHE_SIZE = 12;

/** What the content-sized columns measure: the longest code, ID and message held (characters), the verdicts in use. */
export interface CellExtents {
  codeChars: number;
  idChars: number;
  messageChars: number;
  verdicts: readonly string[];
}

/** Identifies what a spec shows, for the result cache. */
export function specKey(spec: FilterSpec): string {
  const terms = spec.query.terms.map((t) => `${t.negate ? '-' : ''}${t.key}:${t.regex ? t.raw : t.value}`);
  return JSON.stringify([terms, [...spec.chips].sort(), spec.showAll]);
}

interface ScanJob {
  key: string;
  predicate: (s: FilterSubject) => boolean;
  navs: boolean;
  /** Re-test only these slots (a narrowing), or every row when null. */
  source: PositionList | null;
  /** Index into source (or rows) of the next item to test, going down; -1 when finished. */
  cursor: number;
  target: PositionList;
}

export class Dataset {
  private rows: Row[] = [];
  /** Slot of rows[0]. */
  private offset = SLOT_BASE;
  /** Bumped by every change to rows other than an append (chipCounts' cache). */
  private rowsVersion = 0;
  private chipCache: {
    chips: ReadonlyArray<{ id: string; test(s: FilterSubject): boolean }>;
    version: number;
    /** The slots counted: [from, to). */
    from: number;
    to: number;
    counts: Map<string, number>;
  } | null = null;
  private extentsCache: { version: number; from: number; to: number; extents: CellExtents } | null = null;
  /**
   * Classifications already measured into extentsCache. Rows share them (a pack's repeated parts
   * unpack to one frozen object: 17,825 of them for the bench's 100,000 rows), so each is measured once.
   */
  private extentsMeasured = new WeakSet<object>();
  private readonly slotById = new IdIndex();
  private visibleList = new PositionList();
  private spec: FilterSpec;
  private predicate: (s: FilterSubject) => boolean;
  private navs: boolean;
  private job: ScanJob | null = null;
  private groupBy: GroupBy = 'none';
  private groupIndex: GroupIndex | null = null;
  private failures = 0;
  /** Slots of navigation markers, ascending. */
  private navSlots: number[] = [];
  /** Complete results by spec key; cleared whenever the records change. */
  private readonly results = new Map<string, PositionList>();
  /** Bumped on every change the list must re-render for. */
  revision = 0;
  /** How many times a row was tested against a filter: the cost the incremental paths keep low. */
  testedRows = 0;
  /** Rows from this slot down have no search text built yet (see warmSearchText). */
  private coldBelow = SLOT_BASE;

  constructor(spec: FilterSpec) {
    this.spec = spec;
    this.predicate = compileFilter(spec);
    this.navs = isUnfiltered(spec);
  }

  // ---- reading -------------------------------------------------------------------------------

  get size(): number {
    return this.rows.length;
  }

  /**
   * Bumped by every change to rows other than an append: while it and `visible` stay the same, rows
   * only came at the end (what the list's row tops extend on).
   */
  get changes(): number {
    return this.rowsVersion;
  }

  /** Requests (not navigation markers) that are failures, whatever the filter. */
  get failureCount(): number {
    return this.failures;
  }

  get scanning(): boolean {
    return this.job !== null;
  }

  /** Every row held has its search text built (see warmSearchText). */
  get searchTextWarm(): boolean {
    return this.coldBelow <= this.offset || this.rows.length === 0;
  }

  /** Rows the running scan has still to test (0 when none runs). */
  get scanLeft(): number {
    return this.job ? this.job.cursor + 1 : 0;
  }

  /** Slots the filter shows, ascending by seq. While scanning: the newest part found so far. */
  get visible(): PositionList {
    return this.visibleList;
  }

  row(slot: number): Row {
    return this.rows[slot - this.offset];
  }

  /** The slot of the record with this seq, or -1. */
  positionOfSeq(seq: number): number {
    let a = 0;
    let b = this.rows.length - 1;
    while (a <= b) {
      const mid = (a + b) >>> 1;
      const s = this.rows[mid].seq;
      if (s < seq) a = mid + 1;
      else if (s > seq) b = mid - 1;
      else return mid + this.offset;
    }
    return -1;
  }

  rowById(id: string): Row | undefined {
    const slot = this.slotById.get(id);
    return slot === undefined ? undefined : this.row(slot);
  }

  rowBySeq(seq: number): Row | undefined {
    const slot = this.positionOfSeq(seq);
    return slot >= 0 ? this.row(slot) : undefined;
  }

  /** Rows shown that are requests, i.e. without navigation markers (markers are few: one per page load). */
  visibleRequestCount(): number {
    let markers = 0;
    for (const slot of this.navSlots) if (this.visibleList.has(slot)) markers++;
    return this.visibleList.length - markers;
  }

  /**
   * Failures by summary chip, whatever the filter (the chips' counts). Called on every change: rows
   * appended or prepended since the last call (capture, a streamed import, an opening's older rows)
   * are counted on top of the last result; any other change counts every row again.
   */
  chipCounts(chips: ReadonlyArray<{ id: string; test(s: FilterSubject): boolean }>): Map<string, number> {
    const cache = this.chipCache;
    const fresh = cache !== null && cache.chips === chips && cache.version === this.rowsVersion;
    // Counted in an array by the chip's id (chips may share one), put in a map once at the end.
    const ids = [...new Set(chips.map((c) => c.id))];
    const slotOf = chips.map((c) => ids.indexOf(c.id));
    const counters = ids.map((id) => (fresh ? cache.counts.get(id)! : 0));
    const count = (from: number, to: number): void => {
      for (let i = from; i < to; i++) {
        const row = this.rows[i];
        if (row.nav || !(row.failure || row.todo === 'canceled')) continue;
        for (let c = 0; c < chips.length; c++) if (chips[c].test(row)) counters[slotOf[c]]++;
      }
    };
    if (fresh) {
      count(0, cache.from - this.offset);
      count(cache.to - this.offset, this.rows.length);
    } else count(0, this.rows.length);
    const counts = new Map(ids.map((id, k) => [id, counters[k]]));
    this.chipCache = { chips, version: this.rowsVersion, ...this.slotRange(), counts };
    return counts;
  }

  /** The slots held: [from, to). */
  private slotRange(): { from: number; to: number } {
    return { from: this.offset, to: this.offset + this.rows.length };
  }

  /**
   * The widest cell contents of every row held, whatever the filter (columns keep their width while
   * filtering). Like chipCounts: rows added at either end are measured on top of the last result,
   * any other change measures every row again. The same object is returned while nothing changed.
   */
  cellExtents(): CellExtents {
    const cache = this.extentsCache;
    const fresh = cache !== null && cache.version === this.rowsVersion;
    const held = this.slotRange();
    if (fresh && cache.from === held.from && cache.to === held.to) return cache.extents;
    let codeChars = fresh ? cache.extents.codeChars : 0;
    let idChars = fresh ? cache.extents.idChars : 0;
    let messageChars = fresh ? cache.extents.messageChars : 0;
    const verdicts = new Set(fresh ? cache.extents.verdicts : []);
    if (!fresh) this.extentsMeasured = new WeakSet();
    const measured = this.extentsMeasured;
    const measure = (from: number, to: number): void => {
      for (let i = from; i < to; i++) {
        const record = this.rows[i].record;
        if (record.kind !== 'request') continue;
        const c = record.classification;
        // As the Message cell shows it: a network failure's error name when there is no message.
        messageChars = Math.max(messageChars, (c.message ?? record.exchange.error ?? '').length);
        // A frozen classification is a pack's shared part: it cannot change, so once is enough.
        if (measured.has(c)) continue;
        if (Object.isFrozen(c)) measured.add(c);
        codeChars = Math.max(codeChars, codeCell(c).shown.length);
        idChars = Math.max(idChars, c.errorId?.length ?? 0);
        const verdict = shortVerdict(c);
        if (verdict) verdicts.add(verdict);
      }
    };
    if (fresh) {
      measure(0, cache.from - this.offset);
      measure(cache.to - this.offset, this.rows.length);
    } else measure(0, this.rows.length);
    const extents = { codeChars, idChars, messageChars, verdicts: [...verdicts].sort() };
    const same =
      cache !== null &&
      cache.extents.codeChars === codeChars &&
      cache.extents.idChars === idChars &&
      cache.extents.messageChars === messageChars &&
      cache.extents.verdicts.join('\n') === extents.verdicts.join('\n');
    this.extentsCache = { version: this.rowsVersion, ...held, extents: same ? cache.extents : extents };
    return this.extentsCache.extents;
  }

  groups(): GroupIndex | null {
    return this.groupIndex;
  }

  // ---- writing -------------------------------------------------------------------------------

  /** Replaces everything (a snapshot, an import). The filter then runs in steps (see `step`). */
  reset(records: readonly CaptureRecord[]): void {
    this.rowsVersion++;
    this.results.clear();
    const sorted = [...records].sort((a, b) => a.seq - b.seq);
    this.rows = [];
    this.offset = SLOT_BASE;
    this.slotById.clear();
    this.slotById.reserve(sorted.length);
    this.failures = 0;
    this.navSlots = [];
    for (const record of sorted) {
      const existing = this.slotById.get(record.id);
      if (existing !== undefined) {
        // Duplicate ids in one snapshot: the later wins, in the earlier slot.
        this.replaceRow(existing, makeRow(record));
        continue;
      }
      this.pushRow(makeRow(record));
    }
    this.coldBelow = this.offset + this.rows.length;
    this.startScan(this.spec, false);
  }

  /** Runs the filter again over every row (the loaded OpenAPI specs changed what rows say). */
  refilter(): void {
    this.rowsVersion++;
    this.results.clear();
    this.startScan(this.spec, false);
  }

  clear(): void {
    this.reset([]);
  }

  /**
   * Adds new records and replaces known ones (same id). New records with the highest seqs are the
   * common case and cost one predicate call each.
   */
  upsert(records: readonly CaptureRecord[]): void {
    if (records.length === 0) return;
    this.finishScan();
    this.results.clear();
    if (this.prepend(records)) {
      this.revision++;
      return;
    }
    let outOfOrder = false;
    /** New records older than the newest row held (records come as they complete, not as they started). */
    const late = new Map<string, CaptureRecord>();
    for (const record of records) {
      if (late.has(record.id)) {
        late.set(record.id, record); // the later of a batch's two copies wins
        continue;
      }
      const known = this.slotById.get(record.id);
      if (known !== undefined) {
        const before = this.row(known);
        const row = makeRow(record);
        this.replaceRow(known, row);
        if (before.seq !== record.seq) outOfOrder = true; // a record that moved: rare enough to rebuild
        if (outOfOrder) continue;
        const wasShown = this.visibleList.has(known);
        const shown = this.shows(row);
        if (wasShown && !shown) {
          this.visibleList.remove(known);
          if (this.groupIndex) this.rebuildGroups();
        } else if (!wasShown && shown) {
          this.visibleList.insert(known);
          if (this.groupIndex) this.rebuildGroups();
        } else if (shown && this.groupIndex && this.groupKey(before) !== this.groupKey(row)) {
          this.rebuildGroups();
        }
        continue;
      }
      const last = this.rows[this.rows.length - 1];
      if (outOfOrder) {
        this.pushRow(makeRow(record));
        continue;
      }
      if (last !== undefined && record.seq <= last.seq) {
        late.set(record.id, record);
        continue;
      }
      this.appendIfShown(this.pushRow(makeRow(record)));
    }
    if (outOfOrder) this.rebuild([...this.rows.map((r) => r.record), ...late.values()]);
    else if (late.size > 0) this.insertLate([...late.values()]);
    this.revision++;
  }

  /** Drops records by id (evicted by the background's record cap). Evicting the oldest is cheap. */
  remove(ids: readonly string[]): void {
    const slots = ids.map((id) => this.slotById.get(id)).filter((s): s is number => s !== undefined);
    if (slots.length === 0) return;
    this.finishScan();
    this.results.clear();
    slots.sort((a, b) => a - b);
    const fromFront = slots.every((slot, i) => slot === this.offset + i);
    if (!fromFront) {
      const gone = new Set(slots);
      this.rebuild(this.rows.filter((_, i) => !gone.has(i + this.offset)).map((r) => r.record));
      this.revision++;
      return;
    }
    const count = slots.length;
    for (let i = 0; i < count; i++) {
      const row = this.rows[i];
      this.slotById.delete(row.record.id);
      if (!row.nav && row.failure) this.failures--;
    }
    this.rows.splice(0, count);
    this.offset += count;
    this.rowsVersion++;
    while (this.navSlots.length > 0 && this.navSlots[0] < this.offset) this.navSlots.shift();
    let dropped = false;
    while (this.visibleList.length > 0 && this.visibleList.first()! < this.offset) {
      this.visibleList.shift();
      dropped = true;
    }
    if (dropped && this.groupIndex) this.rebuildGroups();
    this.revision++;
  }

  /** Applies a new filter: the visible list restarts empty and fills as `step` runs. */
  setSpec(spec: FilterSpec): void {
    const cached = this.results.get(specKey(spec));
    if (cached) {
      this.job = null;
      this.spec = spec;
      this.predicate = compileFilter(spec);
      this.navs = isUnfiltered(spec);
      this.visibleList = cached;
      this.rebuildGroups();
      this.revision++;
      return;
    }
    const narrowing = this.job === null && isNarrowing(this.spec, spec);
    this.startScan(spec, narrowing);
  }

  setGroupBy(groupBy: GroupBy): void {
    if (groupBy === this.groupBy) return;
    this.groupBy = groupBy;
    this.rebuildGroups();
    this.revision++;
  }

  /** Runs one bounded scan step. Returns true when the scan is finished (or none was running). */
  step(maxRows = SCAN_STEP_ROWS): boolean {
    const job = this.job;
    if (!job) return true;
    const source = job.source;
    const rows = this.rows;
    const offset = this.offset;
    const target = job.target;
    const predicate = job.predicate;
    let budget = maxRows;
    let cursor = job.cursor;
    while (cursor >= 0 && budget-- > 0) {
      const slot = source ? source.get(cursor) : cursor + offset;
      cursor--;
      const row = rows[slot - offset];
      if (row.nav) {
        // A marker directly followed by another marker adds nothing: keep the newer one.
        if (job.navs && (target.length === 0 || !rows[target.first()! - offset].nav)) target.unshift(slot);
        continue;
      }
      this.testedRows++;
      if (predicate(row)) {
        target.unshift(slot);
        this.groupAdd(row, slot);
      }
    }
    job.cursor = cursor;
    if (cursor < 0) {
      this.job = null;
      this.remember(job.key, target);
    }
    this.revision++;
    return this.job === null;
  }

  finishScan(): void {
    while (this.job) this.step(Number.MAX_SAFE_INTEGER);
  }

  /**
   * Builds the lower-cased search text (Row.hay) of up to `maxRows` rows that have none yet, newest
   * first, so that the first keystroke after an opening tests rows instead of building their text.
   * Returns true when every row held has it. Rows appended later build theirs when first tested.
   */
  warmSearchText(maxRows: number): boolean {
    let slot = Math.min(this.coldBelow, this.offset + this.rows.length) - 1;
    for (let n = 0; slot >= this.offset && n < maxRows; slot--, n++) void this.rows[slot - this.offset].hay;
    this.coldBelow = slot + 1;
    return slot < this.offset;
  }

  // ---- internals -----------------------------------------------------------------------------

  /**
   * Puts a batch of new records that are all older than every row held in front of them, testing
   * only them (as a scan does, newest first). False, changing nothing, for any other batch.
   */
  private prepend(records: readonly CaptureRecord[]): boolean {
    const oldest = this.rows[0];
    if (oldest === undefined) return false;
    let sorted = true;
    for (let i = 0; i < records.length; i++) {
      const record = records[i];
      if (record.seq >= oldest.seq) return false;
      if (i > 0 && record.seq <= records[i - 1].seq) sorted = false;
    }
    const batch = sorted ? records : [...records].sort((a, b) => a.seq - b.seq);
    for (let i = 1; i < batch.length; i++) if (batch[i].seq === batch[i - 1].seq) return false;
    const offset = this.offset - batch.length;
    // An id already held (a row, or one of the batch: a duplicate within it) takes the general path,
    // with the ids indexed so far taken out again. One pass: each id is hashed once.
    this.slotById.reserve(batch.length);
    for (let i = 0; i < batch.length; i++) {
      if (!this.slotById.add(batch[i].id, offset + i)) {
        for (let j = 0; j < i; j++) this.slotById.delete(batch[j].id);
        return false;
      }
    }
    const added = batch.map(makeRow);
    const navSlots: number[] = [];
    for (let i = 0; i < added.length; i++) {
      const row = added[i];
      if (row.nav) navSlots.push(offset + i);
      else if (row.failure) this.failures++;
    }
    this.rows = added.concat(this.rows);
    this.offset = offset;
    if (navSlots.length > 0) this.navSlots = navSlots.concat(this.navSlots);
    // The visible list grows at its front, newest of the batch first, with a scan's marker rule.
    const target = this.visibleList;
    for (let i = added.length - 1; i >= 0; i--) {
      const row = added[i];
      const slot = offset + i;
      if (row.nav) {
        if (this.navs && (target.length === 0 || !this.row(target.first()!).nav)) target.unshift(slot);
        continue;
      }
      this.testedRows++;
      if (this.predicate(row)) {
        target.unshift(slot);
        this.groupAdd(row, slot);
      }
    }
    return true;
  }

  /**
   * Puts new records older than the newest row in their place: the rows after the oldest of them
   * leave and come back in seq order with them, so only that tail is re-slotted and tested. Past
   * the record cap under steady traffic nearly every batch has one (a slow request completes after
   * later ones), and rebuilding all 10,000 rows for it was most of the panel's time in the soak.
   */
  private insertLate(late: CaptureRecord[]): void {
    const added = late.sort((a, b) => a.seq - b.seq);
    // The first row newer than the oldest arrival: rows of the same seq stay before it, as a stable sort keeps them.
    let a = 0;
    let b = this.rows.length;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (this.rows[mid].seq <= added[0].seq) a = mid + 1;
      else b = mid;
    }
    const cutSlot = this.offset + a;
    const tail = this.rows.splice(a);
    for (const row of tail) {
      this.slotById.delete(row.record.id);
      if (!row.nav && row.failure) this.failures--;
    }
    while (this.navSlots.length > 0 && this.navSlots[this.navSlots.length - 1] >= cutSlot) this.navSlots.pop();
    while (this.visibleList.length > 0 && this.visibleList.last()! >= cutSlot) this.visibleList.pop();
    // The last marker before the cut may have left the list for a marker in the tail with nothing
    // shown between them (the newer of two is kept): it is back until the tail says otherwise.
    const marker = this.navSlots[this.navSlots.length - 1];
    const lastShown = this.visibleList.last();
    if (this.navs && marker !== undefined && (lastShown === undefined || lastShown < marker)) {
      if (lastShown !== undefined && this.row(lastShown).nav) this.visibleList.pop();
      this.visibleList.push(marker);
    }
    this.rowsVersion++;
    let i = 0;
    let j = 0;
    while (i < tail.length || j < added.length) {
      const fromTail = j >= added.length || (i < tail.length && tail[i].seq <= added[j].seq);
      this.appendIfShown(this.pushRow(fromTail ? tail[i++] : makeRow(added[j++])));
    }
    if (this.groupIndex) this.rebuildGroups();
  }

  /** Rebuilds from records (rare paths: records whose seq changed, evictions from the middle). */
  private rebuild(records: CaptureRecord[]): void {
    this.reset(records);
    this.finishScan();
  }

  private startScan(spec: FilterSpec, narrowing: boolean): void {
    const source = narrowing ? this.visibleList : null;
    this.spec = spec;
    this.predicate = compileFilter(spec);
    this.navs = isUnfiltered(spec);
    const length = source ? source.length : this.rows.length;
    const target = new PositionList(Math.min(length, 1 << 16));
    const key = specKey(spec);
    this.job =
      length > 0 ? { key, predicate: this.predicate, navs: this.navs, source, cursor: length - 1, target } : null;
    if (!this.job) this.remember(key, target);
    // The partial result replaces the old one at once: what shows always matches the filter box.
    this.visibleList = target;
    this.groupIndex = this.groupBy === 'none' ? null : new GroupIndex();
    this.revision++;
  }

  private remember(key: string, list: PositionList): void {
    this.results.delete(key);
    this.results.set(key, list);
    if (this.results.size > RESULT_CACHE_SIZE) this.results.delete(this.results.keys().next().value!);
  }

  private shows(row: Row): boolean {
    if (row.nav) return this.navs;
    this.testedRows++;
    return this.predicate(row);
  }

  private appendIfShown(slot: number): void {
    const row = this.row(slot);
    if (!this.shows(row)) return;
    const lastShown = this.visibleList.last();
    // Replace a marker that has nothing under it with the newer one.
    if (row.nav && lastShown !== undefined && this.row(lastShown).nav) this.visibleList.pop();
    this.visibleList.push(slot);
    this.groupAdd(row, slot);
  }

  private groupKey(row: Row): string {
    return this.groupBy === 'endpoint' ? row.endpoint : this.groupBy === 'callsite' ? row.callSiteGroup : row.codeGroup;
  }

  private groupAdd(row: Row, slot: number): void {
    if (!this.groupIndex || row.nav) return;
    this.groupIndex.add(this.groupKey(row), slot, row.at, row.status, row.todo);
  }

  private rebuildGroups(): void {
    if (this.groupBy === 'none') {
      this.groupIndex = null;
      return;
    }
    this.groupIndex = new GroupIndex();
    const list = this.visibleList;
    for (let i = 0; i < list.length; i++) {
      const slot = list.get(i);
      this.groupAdd(this.row(slot), slot);
    }
  }

  private pushRow(row: Row): number {
    const slot = this.offset + this.rows.length;
    this.rows.push(row);
    this.slotById.set(row.record.id, slot);
    if (row.nav) this.navSlots.push(slot);
    else if (row.failure) this.failures++;
    return slot;
  }

  private replaceRow(slot: number, row: Row): void {
    this.rowsVersion++;
    const before = this.row(slot);
    if (!before.nav && before.failure) this.failures--;
    if (!row.nav && row.failure) this.failures++;
    this.rows[slot - this.offset] = row;
    this.slotById.set(row.record.id, slot);
  }
}
