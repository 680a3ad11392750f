// A sorted list of row positions that grows at both ends in O(1) amortized: a backward scan
// prepends, live appends push. Backed by one Int32Array so 100,000 entries cost 400 kB and no GC churn.

export class PositionList {
  private buf: Int32Array;
  private lo: number;
  private hi: number;

  constructor(capacity = 64) {
    const cap = Math.max(8, capacity);
    this.buf = new Int32Array(cap * 2);
    // Start in the middle: both ends have room.
    this.lo = this.hi = cap;
  }

  static from(values: Iterable<number>): PositionList {
    const arr = [...values];
    const list = new PositionList(arr.length);
    for (const v of arr) list.push(v);
    return list;
  }

  get length(): number {
    return this.hi - this.lo;
  }

  get(i: number): number {
    return this.buf[this.lo + i];
  }

  first(): number | undefined {
    return this.hi > this.lo ? this.buf[this.lo] : undefined;
  }

  last(): number | undefined {
    return this.hi > this.lo ? this.buf[this.hi - 1] : undefined;
  }

  push(value: number): void {
    if (this.hi === this.buf.length) this.grow();
    this.buf[this.hi++] = value;
  }

  unshift(value: number): void {
    if (this.lo === 0) this.grow();
    this.buf[--this.lo] = value;
  }

  pop(): number | undefined {
    return this.hi > this.lo ? this.buf[--this.hi] : undefined;
  }

  shift(): number | undefined {
    return this.hi > this.lo ? this.buf[this.lo++] : undefined;
  }

  /** Index of `value`, or -(insertion point) - 1 when absent (the list is ascending). */
  search(value: number): number {
    let a = this.lo;
    let b = this.hi - 1;
    while (a <= b) {
      const mid = (a + b) >>> 1;
      const v = this.buf[mid];
      if (v < value) a = mid + 1;
      else if (v > value) b = mid - 1;
      else return mid - this.lo;
    }
    return -(a - this.lo) - 1;
  }

  has(value: number): boolean {
    return this.search(value) >= 0;
  }

  /** Inserts keeping the order; no-op when present. */
  insert(value: number): void {
    const at = this.search(value);
    if (at >= 0) return;
    const i = -at - 1;
    if (i === this.length) return this.push(value);
    if (i === 0) return this.unshift(value);
    if (this.hi === this.buf.length) this.grow();
    const abs = this.lo + i;
    this.buf.copyWithin(abs + 1, abs, this.hi);
    this.buf[abs] = value;
    this.hi++;
  }

  remove(value: number): boolean {
    const at = this.search(value);
    if (at < 0) return false;
    const abs = this.lo + at;
    this.buf.copyWithin(abs, abs + 1, this.hi);
    this.hi--;
    return true;
  }

  toArray(): number[] {
    return Array.from(this.buf.subarray(this.lo, this.hi));
  }

  private grow(): void {
    const len = this.length;
    const cap = Math.max(16, len * 2);
    const next = new Int32Array(cap * 2);
    const lo = Math.floor((next.length - len) / 2);
    next.set(this.buf.subarray(this.lo, this.hi), lo);
    this.buf = next;
    this.lo = lo;
    this.hi = lo + len;
  }
}
