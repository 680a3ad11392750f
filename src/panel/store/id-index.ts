// Where each record id sits in the list (its slot), for the list's lookups by id (issue 18). The
// opening of a panel on 100,000 stored failures indexes every id once; a Map<string, number> took a
// `Map.set` per row there, the largest part of prepending a batch (docs/performance.md, session 23).
// This table keeps the ids in one array and the slots in one typed array, probed linearly from a
// hash of the id's characters: no entry object per id, and growing it copies two flat arrays.

/** Slot values that are not slots: a never-used entry (ends a probe) and a deleted one (does not). */
const EMPTY = -1;
const DELETED = -2;
const MIN_CAPACITY = 16;

/** FNV-1a over the UTF-16 code units, then mixed so that the low bits (the table index) vary. */
function hashOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h | 0;
}

/** The smallest power of two that holds `entries` at most half full. */
function capacityFor(entries: number): number {
  let capacity = MIN_CAPACITY;
  while (capacity < entries * 2) capacity *= 2;
  return capacity;
}

export class IdIndex {
  private ids: string[] = [];
  /** The slot of ids[i]; EMPTY or DELETED where no id is. Slots are non-negative integers. */
  private slots = new Float64Array(0);
  /** The hash of ids[i]: compared before the id, and kept for growing the table. */
  private hashes = new Int32Array(0);
  private mask = -1;
  private live = 0;
  /** Entries that are not EMPTY (live and deleted): what the load is counted on. */
  private used = 0;

  constructor() {
    this.allocate(MIN_CAPACITY);
  }

  get size(): number {
    return this.live;
  }

  get(id: string): number | undefined {
    const at = this.find(id);
    return at < 0 ? undefined : this.slots[at];
  }

  has(id: string): boolean {
    return this.find(id) >= 0;
  }

  /** Adds the id, or moves it to `slot` when it is held. */
  set(id: string, slot: number): void {
    this.put(id, hashOf(id), slot, true);
  }

  /** Adds the id at `slot`; false, changing nothing, when it is held. */
  add(id: string, slot: number): boolean {
    return this.put(id, hashOf(id), slot, false);
  }

  /** Adds the id; when it is held, moves it (`move`) or leaves it. True when it was added. */
  private put(id: string, hash: number, slot: number, move: boolean): boolean {
    const slots = this.slots;
    const mask = this.mask;
    let at = hash & mask;
    let free = -1;
    for (;;) {
      const s = slots[at];
      if (s === EMPTY) break;
      if (s === DELETED) {
        if (free < 0) free = at;
      } else if (this.hashes[at] === hash && this.ids[at] === id) {
        if (move) slots[at] = slot;
        return false;
      }
      at = (at + 1) & mask;
    }
    if (free >= 0) at = free;
    else this.used++;
    this.ids[at] = id;
    this.hashes[at] = hash;
    slots[at] = slot;
    this.live++;
    if (this.used * 2 > this.slots.length) this.rehash(capacityFor(this.live));
    return true;
  }

  delete(id: string): boolean {
    const at = this.find(id);
    if (at < 0) return false;
    this.slots[at] = DELETED;
    this.ids[at] = '';
    this.live--;
    return true;
  }

  clear(): void {
    this.allocate(MIN_CAPACITY);
  }

  /** Makes room for `more` ids at once (a batch), so the table grows once, not once per doubling. */
  reserve(more: number): void {
    const capacity = capacityFor(this.live + more);
    if (capacity > this.slots.length) this.rehash(capacity);
  }

  /** The entry holding id, or -1. */
  private find(id: string): number {
    const slots = this.slots;
    const mask = this.mask;
    const hash = hashOf(id);
    let at = hash & mask;
    for (;;) {
      const s = slots[at];
      if (s === EMPTY) return -1;
      if (s !== DELETED && this.hashes[at] === hash && this.ids[at] === id) return at;
      at = (at + 1) & mask;
    }
  }

  private allocate(capacity: number): void {
    this.ids = new Array<string>(capacity).fill('');
    this.slots = new Float64Array(capacity).fill(EMPTY);
    this.hashes = new Int32Array(capacity);
    this.mask = capacity - 1;
    this.live = 0;
    this.used = 0;
  }

  /** Copies the live entries into a table of `capacity` (dropping the deleted ones). */
  private rehash(capacity: number): void {
    const ids = this.ids;
    const slots = this.slots;
    const hashes = this.hashes;
    this.allocate(capacity);
    for (let i = 0; i < slots.length; i++) if (slots[i] >= 0) this.put(ids[i], hashes[i], slots[i], false);
  }
}
