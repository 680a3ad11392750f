// Fixed-row-height windowing: which rows of a long list to put in the DOM. Pure math, no DOM.

export interface WindowInput {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  count: number;
  /** Extra rows rendered above and below the viewport, so fast scrolling shows no gaps. */
  overscan: number;
}

export interface WindowRange {
  /** First rendered index (inclusive). */
  start: number;
  /** One past the last rendered index. */
  end: number;
  /** Pixel offset of row `start` from the top of the list. */
  offsetTop: number;
  /** Height of the whole list, for the scroll spacer. */
  totalHeight: number;
}

function clamp(n: number, lo: number, hi: number): number {
  return n < lo ? lo : n > hi ? hi : n;
}

export function computeWindow({ scrollTop, viewportHeight, rowHeight, count, overscan }: WindowInput): WindowRange {
  const totalHeight = count * rowHeight;
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0, offsetTop: 0, totalHeight: Math.max(0, totalHeight) };
  // Overscroll (rubber-banding) and stale scroll positions after the list shrank.
  const maxScroll = Math.max(0, totalHeight - viewportHeight);
  const top = clamp(Number.isFinite(scrollTop) ? scrollTop : 0, 0, maxScroll);
  const height = Math.max(0, viewportHeight);
  const firstVisible = Math.floor(top / rowHeight);
  const lastVisible = Math.ceil((top + height) / rowHeight); // exclusive
  const pad = Math.max(0, Math.floor(overscan));
  const start = clamp(firstVisible - pad, 0, count);
  const end = clamp(Math.max(lastVisible, firstVisible + 1) + pad, start, count);
  return { start, end, offsetTop: start * rowHeight, totalHeight };
}

/**
 * The scrollTop that brings row `index` fully into view with the least movement,
 * or the current scrollTop when it is already visible.
 */
export function scrollToReveal(
  index: number,
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  count: number,
): number {
  if (count <= 0) return 0;
  const i = clamp(index, 0, count - 1);
  const rowTop = i * rowHeight;
  const rowBottom = rowTop + rowHeight;
  const maxScroll = Math.max(0, count * rowHeight - viewportHeight);
  if (rowTop < scrollTop) return clamp(rowTop, 0, maxScroll);
  if (rowBottom > scrollTop + viewportHeight) return clamp(rowBottom - viewportHeight, 0, maxScroll);
  return clamp(scrollTop, 0, maxScroll);
}

/** True when the viewport shows the end of the list (within half a row), so new rows should keep it pinned there. */
export function isAtBottom(scrollTop: number, viewportHeight: number, totalHeight: number, rowHeight: number): boolean {
  return scrollTop + viewportHeight >= totalHeight - rowHeight / 2;
}

/** The scrollTop that shows the last row at the bottom of the viewport. */
export function bottomScrollTop(viewportHeight: number, totalHeight: number): number {
  return Math.max(0, totalHeight - viewportHeight);
}

/** Rows that fit in one page, for PageUp / PageDown. */
export function pageSize(viewportHeight: number, rowHeight: number): number {
  return Math.max(1, Math.floor(viewportHeight / rowHeight) - 1);
}

export interface RecycledKeys {
  /** One key per id, in the order given. */
  keys: number[];
  /** Key by id: the next call's `previous`. */
  byId: Map<number, number>;
  /** The next key never handed out. */
  nextKey: number;
}

/**
 * Element keys for the rows of a window, so a changed window touches as few elements as it can.
 * A row still shown keeps its key: its element and layout are reused as they are. A new row takes
 * the key of a row that left from the same gap between kept rows, so its element is patched in
 * place and nothing moves; then any key that left elsewhere (that element moves); fresh keys only
 * when the window grew.
 */
export function recycleKeys(
  previous: ReadonlyMap<number, number>,
  ids: readonly number[],
  nextKey: number,
): RecycledKeys {
  const keys = new Array<number>(ids.length);
  const kept = new Array<boolean>(ids.length).fill(false);
  const byId = new Map<number, number>();
  for (let i = 0; i < ids.length; i++) {
    const key = previous.get(ids[i]);
    if (key === undefined || byId.has(ids[i])) continue;
    keys[i] = key;
    kept[i] = true;
    byId.set(ids[i], key);
  }
  // Keys that left, by how many kept rows came before them.
  const freeByGap: number[][] = [];
  let gap = 0;
  for (const [id, key] of previous) {
    if (byId.get(id) === key) gap++;
    else (freeByGap[gap] ??= []).push(key);
  }
  const used = new Set<number>();
  const unplaced: number[] = [];
  gap = 0;
  let taken = 0;
  for (let i = 0; i < ids.length; i++) {
    if (kept[i]) {
      gap++;
      taken = 0;
      continue;
    }
    const free = freeByGap[gap];
    if (free && taken < free.length) {
      keys[i] = free[taken++];
      used.add(keys[i]);
    } else unplaced.push(i);
  }
  const spare = freeByGap.flat().filter((key) => !used.has(key));
  let next = nextKey;
  unplaced.forEach((i, n) => {
    keys[i] = n < spare.length ? spare[n] : next++;
  });
  for (let i = 0; i < ids.length; i++) if (!byId.has(ids[i])) byId.set(ids[i], keys[i]);
  return { keys, byId, nextKey: next };
}

export interface ListWindowInput {
  count: number;
  rowHeight: number;
  overscan: number;
  /** The scroller's height, header included (0: not measured). */
  measuredHeight: number;
  /** Used while the scroller has no layout (tests). */
  fallbackHeight: number;
  /** The sticky header's height, which rows never show under. */
  headerHeight: number;
  /** The scrollTop last seen or set. */
  scrollTop: number;
  /** Showing the end of the list and following it as rows arrive. */
  pinned: boolean;
  /** Rows of different heights (rowTops); `rowHeight` is then only the unit PageUp / PageDown counts in. */
  tops?: Float64Array | null;
}

export interface ListWindow {
  /** The height rows are shown in. */
  viewportHeight: number;
  /** The scrollTop the window is computed for: the end's when pinned. */
  top: number;
  range: WindowRange;
  /** Rows one PageUp / PageDown moves. */
  pageRows: number;
}

/**
 * The rows to render for a scroller's state. Pinned to the end, the window is the last rows
 * directly, so the DOM is final before the scroll position syncs.
 */
export function listWindow(input: ListWindowInput): ListWindow {
  const { count, rowHeight, overscan } = input;
  const viewportHeight = Math.max(0, (input.measuredHeight || input.fallbackHeight) - input.headerHeight);
  const tops = input.tops && input.tops.length === count + 1 ? input.tops : null;
  const total = tops ? tops[count] : count * rowHeight;
  const top = input.pinned ? bottomScrollTop(viewportHeight, total) : input.scrollTop;
  const range = tops
    ? computeWindowTops(tops, top, viewportHeight, overscan)
    : computeWindow({ scrollTop: top, viewportHeight, rowHeight, count, overscan });
  return { viewportHeight, top, range, pageRows: pageSize(viewportHeight, rowHeight) };
}

// ---- rows of different heights (a message wrapped to more lines) ----------------------------------

/** Row tops in px: tops[i] is row i's top, tops[count] the list's height. */
export function rowTops(count: number, heightOf: (index: number) => number): Float64Array {
  const tops = new Float64Array(count + 1);
  for (let i = 0; i < count; i++) tops[i + 1] = tops[i] + heightOf(i);
  return tops;
}

/**
 * Row tops that grow with a list that grows at its end (capture, a streamed import): `extend` measures
 * only the rows added since the last call, so a re-render per batch does not cost the whole list.
 * The tops live in a buffer with room to spare; what it returns is a view of the first count + 1.
 */
export class GrowingRowTops {
  private buffer = new Float64Array(1024);
  private measured = 0;

  /** Rows measured so far. */
  get count(): number {
    return this.measured;
  }

  /** Tops of the rows measured (a view: the next extend or prepend may move them). */
  get tops(): Float64Array {
    return this.buffer.subarray(0, this.measured + 1);
  }

  /** Tops of rows 0..count-1 (rows below `count` already measured keep their heights). */
  extend(count: number, heightOf: (index: number) => number): Float64Array {
    if (count < this.measured) throw new Error('internal: row tops cannot shrink');
    if (count + 1 > this.buffer.length) {
      const next = new Float64Array(Math.max(count + 1, this.buffer.length * 2));
      next.set(this.buffer.subarray(0, this.measured + 1));
      this.buffer = next;
    }
    const tops = this.buffer;
    for (let i = this.measured; i < count; i++) tops[i + 1] = tops[i] + heightOf(i);
    this.measured = count;
    return tops.subarray(0, count + 1);
  }

  /**
   * Rows put in front of the rows measured (older rows of an opening): measures only those and moves
   * the rows below them down by their height. Returns the tops of all rows measured.
   */
  prepend(added: number, heightOf: (index: number) => number): Float64Array {
    const count = this.measured + added;
    const old = this.buffer;
    const tops = count + 1 > old.length ? new Float64Array(Math.max(count + 1, old.length * 2)) : old;
    const front = new Float64Array(added + 1);
    for (let i = 0; i < added; i++) front[i + 1] = front[i] + heightOf(i);
    // Back to front: the kept tops move down `added` places, so the buffer can be shared.
    for (let i = this.measured; i >= 0; i--) tops[i + added] = old[i] + front[added];
    tops.set(front.subarray(0, added));
    this.buffer = tops;
    this.measured = count;
    return tops.subarray(0, count + 1);
  }
}

/** The row at `y` px from the list's top (the last row for y past the end). */
export function rowAt(tops: Float64Array, y: number): number {
  const count = tops.length - 1;
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tops[mid] <= y) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}

/** computeWindow for rows of different heights. */
export function computeWindowTops(
  tops: Float64Array,
  scrollTop: number,
  viewportHeight: number,
  overscan: number,
): WindowRange {
  const count = tops.length - 1;
  const totalHeight = tops[count];
  if (count <= 0) return { start: 0, end: 0, offsetTop: 0, totalHeight: 0 };
  const top = clamp(Number.isFinite(scrollTop) ? scrollTop : 0, 0, Math.max(0, totalHeight - viewportHeight));
  const firstVisible = rowAt(tops, top);
  const bottom = top + Math.max(0, viewportHeight);
  let lastVisible = rowAt(tops, bottom);
  if (tops[lastVisible] < bottom) lastVisible++; // exclusive
  const pad = Math.max(0, Math.floor(overscan));
  const start = clamp(firstVisible - pad, 0, count);
  const end = clamp(Math.max(lastVisible, firstVisible + 1) + pad, start, count);
  return { start, end, offsetTop: tops[start], totalHeight };
}

/** scrollToReveal for rows of different heights. */
export function scrollToRevealTops(
  tops: Float64Array,
  index: number,
  scrollTop: number,
  viewportHeight: number,
): number {
  const count = tops.length - 1;
  if (count <= 0) return 0;
  const i = clamp(index, 0, count - 1);
  const maxScroll = Math.max(0, tops[count] - viewportHeight);
  if (tops[i] < scrollTop) return clamp(tops[i], 0, maxScroll);
  if (tops[i + 1] > scrollTop + viewportHeight) return clamp(tops[i + 1] - viewportHeight, 0, maxScroll);
  return clamp(scrollTop, 0, maxScroll);
}
