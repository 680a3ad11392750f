import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  bottomScrollTop,
  computeWindow,
  computeWindowTops,
  isAtBottom,
  listWindow,
  pageSize,
  recycleKeys,
  rowAt,
  rowTops,
  scrollToReveal,
  scrollToRevealTops,
} from './windowing';

const base = { rowHeight: 20, viewportHeight: 200, overscan: 0 };

describe('computeWindow', () => {
  it('renders exactly the visible rows at the top', () => {
    expect(computeWindow({ ...base, scrollTop: 0, count: 1000 })).toEqual({
      start: 0,
      end: 10,
      offsetTop: 0,
      totalHeight: 20_000,
    });
  });

  it('includes partly visible rows and adds overscan on both sides', () => {
    const w = computeWindow({ ...base, scrollTop: 105, count: 1000, overscan: 3 });
    // rows 5 (partly) to 15 (partly) are visible
    expect(w.start).toBe(2);
    expect(w.end).toBe(19);
    expect(w.offsetTop).toBe(40);
  });

  it('clamps at the end of the list and after overscroll', () => {
    const w = computeWindow({ ...base, scrollTop: 1e9, count: 100, overscan: 2 });
    expect(w.end).toBe(100);
    expect(w.start).toBe(88);
    expect(computeWindow({ ...base, scrollTop: -50, count: 100 }).start).toBe(0);
  });

  it('handles empty lists and lists shorter than the viewport', () => {
    expect(computeWindow({ ...base, scrollTop: 0, count: 0 })).toEqual({
      start: 0,
      end: 0,
      offsetTop: 0,
      totalHeight: 0,
    });
    expect(computeWindow({ ...base, scrollTop: 300, count: 4, overscan: 5 })).toMatchObject({ start: 0, end: 4 });
  });

  it('a window over 100,000 rows is the size of the viewport, not the list', () => {
    const w = computeWindow({
      scrollTop: 21 * 50_000,
      viewportHeight: 630,
      rowHeight: 21,
      count: 100_000,
      overscan: 8,
    });
    expect(w.end - w.start).toBe(30 + 16);
    expect(w.totalHeight).toBe(2_100_000);
  });

  it('always covers every row that intersects the viewport (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 200_000 }),
        fc.integer({ min: 0, max: 10 }),
        (count, rowHeight, viewportHeight, scrollTop, overscan) => {
          const w = computeWindow({ count, rowHeight, viewportHeight, scrollTop, overscan });
          const maxScroll = Math.max(0, count * rowHeight - viewportHeight);
          const top = Math.min(scrollTop, maxScroll);
          for (let i = 0; i < count; i++) {
            const intersects = i * rowHeight < top + viewportHeight && (i + 1) * rowHeight > top;
            if (intersects && (i < w.start || i >= w.end)) return false;
          }
          return w.start >= 0 && w.end <= count && w.start <= w.end && w.offsetTop === w.start * rowHeight;
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('scrollToReveal', () => {
  it('scrolls the least needed to show a row, or not at all', () => {
    expect(scrollToReveal(5, 0, 200, 20, 1000)).toBe(0); // visible
    expect(scrollToReveal(10, 0, 200, 20, 1000)).toBe(20); // just below: row bottom at 220
    expect(scrollToReveal(3, 400, 200, 20, 1000)).toBe(60); // above
    expect(scrollToReveal(999, 0, 200, 20, 1000)).toBe(19_800);
    expect(scrollToReveal(5000, 0, 200, 20, 1000)).toBe(19_800); // clamped to the last row
    expect(scrollToReveal(0, 0, 200, 20, 0)).toBe(0);
  });
});

describe('bottom pinning and paging', () => {
  it('knows when the viewport shows the end', () => {
    expect(isAtBottom(1800, 200, 2000, 20)).toBe(true);
    expect(isAtBottom(1795, 200, 2000, 20)).toBe(true); // within half a row
    expect(isAtBottom(1700, 200, 2000, 20)).toBe(false);
    expect(isAtBottom(0, 200, 100, 20)).toBe(true); // everything fits
    expect(bottomScrollTop(200, 2000)).toBe(1800);
    expect(bottomScrollTop(200, 100)).toBe(0);
  });

  it('pages by a viewport minus one row, at least one', () => {
    expect(pageSize(200, 20)).toBe(9);
    expect(pageSize(10, 20)).toBe(1);
  });
});

describe('recycleKeys', () => {
  const keysOf = (ids: number[], previous: number[], prevKeys: number[]) =>
    recycleKeys(new Map(previous.map((id, i) => [id, prevKeys[i]])), ids, Math.max(-1, ...prevKeys) + 1);

  it('keeps the key of every row still shown', () => {
    const { keys } = keysOf([3, 4, 5, 6], [1, 2, 3, 4, 5], [10, 11, 12, 13, 14]);
    expect(keys.slice(0, 3)).toEqual([12, 13, 14]);
  });

  it('gives a new row the key of a row that left from the same place, so nothing moves', () => {
    // 2 and 4 left, 7 and 8 arrived where they were.
    const { keys } = keysOf([1, 7, 3, 8, 5], [1, 2, 3, 4, 5], [10, 11, 12, 13, 14]);
    expect(keys).toEqual([10, 11, 12, 13, 14]);
  });

  it('recycles keys from elsewhere before handing out fresh ones', () => {
    // Scrolled by one row: the top row's key goes to the new bottom row.
    const shifted = keysOf([2, 3, 4, 5, 6], [1, 2, 3, 4, 5], [10, 11, 12, 13, 14]);
    expect(shifted.keys).toEqual([11, 12, 13, 14, 10]);
    expect(shifted.nextKey).toBe(15);
    const grown = keysOf([1, 2, 3], [1], [0]);
    expect(grown.keys).toEqual([0, 1, 2]);
    expect(grown.nextKey).toBe(3);
  });

  it('always returns distinct keys, and the map for the next call', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat(60), { maxLength: 40 }),
        fc.uniqueArray(fc.nat(60), { maxLength: 40 }),
        (before, after) => {
          const first = recycleKeys(new Map(), before, 0);
          const second = recycleKeys(first.byId, after, first.nextKey);
          expect(new Set(second.keys).size).toBe(after.length);
          expect(after.map((id) => second.byId.get(id))).toEqual(second.keys);
          for (let i = 0; i < after.length; i++)
            if (first.byId.has(after[i])) expect(second.keys[i]).toBe(first.byId.get(after[i]));
          expect(second.nextKey).toBeLessThanOrEqual(first.nextKey + Math.max(0, after.length - before.length));
        },
      ),
    );
  });
});

describe('listWindow', () => {
  const input = {
    count: 1000,
    rowHeight: 20,
    overscan: 2,
    measuredHeight: 220,
    fallbackHeight: 600,
    headerHeight: 20,
    scrollTop: 0,
    pinned: false,
  };

  it('shows the rows under the header from the scroll position, with overscan', () => {
    const w = listWindow({ ...input, scrollTop: 400 });
    expect(w.viewportHeight).toBe(200);
    expect(w.top).toBe(400);
    expect([w.range.start, w.range.end]).toEqual([18, 32]);
    expect(w.pageRows).toBe(9);
  });

  it('pinned to the end, shows the last rows whatever the scroll position says', () => {
    const w = listWindow({ ...input, scrollTop: 0, pinned: true });
    expect(w.top).toBe(1000 * 20 - 200);
    expect(w.range.end).toBe(1000);
    expect(w.range.start).toBe(1000 - 10 - 2);
  });

  it('uses the fallback height until the scroller is measured', () => {
    const w = listWindow({ ...input, measuredHeight: 0 });
    expect(w.viewportHeight).toBe(580);
    expect(w.range.end).toBe(29 + 2);
  });

  it('a short list pinned to the end starts at the top', () => {
    const w = listWindow({ ...input, count: 3, pinned: true });
    expect(w.top).toBe(0);
    expect([w.range.start, w.range.end]).toEqual([0, 3]);
  });
});

describe('rows of different heights (rowTops)', () => {
  // Rows 21 px high, every fifth row wrapped to 53 px (three lines).
  const heightOf = (i: number): number => (i % 5 === 4 ? 53 : 21);
  const tops = rowTops(100, heightOf);

  it('sums the heights', () => {
    expect(tops[0]).toBe(0);
    expect(tops[5]).toBe(4 * 21 + 53);
    expect(tops[100]).toBe(80 * 21 + 20 * 53);
    expect(rowAt(tops, 0)).toBe(0);
    expect(rowAt(tops, 4 * 21)).toBe(4);
    expect(rowAt(tops, 4 * 21 + 52)).toBe(4);
    expect(rowAt(tops, 4 * 21 + 53)).toBe(5);
    expect(rowAt(tops, 1e9)).toBe(99);
  });

  it('renders every row the viewport touches, from the first to the last, at every scroll position', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4000 }), fc.integer({ min: 30, max: 600 }), (scrollTop, viewport) => {
        const w = computeWindowTops(tops, scrollTop, viewport, 0);
        const top = Math.min(scrollTop, Math.max(0, tops[100] - viewport));
        for (let i = 0; i < 100; i++) {
          const touches = tops[i + 1] > top && tops[i] < top + viewport;
          if (touches) expect(i >= w.start && i < w.end, `row ${i}`).toBe(true);
        }
        expect(w.offsetTop).toBe(tops[w.start]);
        expect(w.totalHeight).toBe(tops[100]);
      }),
    );
  });

  it('agrees with the fixed-height window when every row is the same height', () => {
    const even = rowTops(1000, () => 20);
    for (const scrollTop of [0, 105, 333, 19_800, 50_000]) {
      expect(computeWindowTops(even, scrollTop, 200, 3)).toEqual(
        computeWindow({ scrollTop, viewportHeight: 200, rowHeight: 20, count: 1000, overscan: 3 }),
      );
    }
  });

  it('scrolls the least distance that shows a tall row whole', () => {
    // Row 9 is 53 px from tops[9] to tops[10]; a 100 px viewport at the top does not show it.
    expect(scrollToRevealTops(tops, 9, 0, 100)).toBe(tops[10] - 100);
    expect(scrollToRevealTops(tops, 0, tops[10], 100)).toBe(0);
    expect(scrollToRevealTops(tops, 9, tops[9], 100)).toBe(tops[9]);
  });

  it('listWindow uses the tops, and pins the end of the taller list', () => {
    const input = {
      count: 100,
      rowHeight: 21,
      overscan: 0,
      measuredHeight: 221,
      fallbackHeight: 0,
      headerHeight: 21,
      scrollTop: 0,
      pinned: true,
      tops,
    };
    const w = listWindow(input);
    expect(w.top).toBe(tops[100] - 200);
    expect(w.range.end).toBe(100);
    expect(w.range.totalHeight).toBe(tops[100]);
  });
});

describe('GrowingRowTops', () => {
  it('extends the tops of a growing list measuring only the new rows, equal to rowTops of the whole', async () => {
    const { GrowingRowTops } = await import('./windowing');
    const heightOf = (i: number): number => (i % 7 === 0 ? 34 : 20);
    const growing = new GrowingRowTops();
    const measured: number[] = [];
    let tops = growing.extend(0, heightOf);
    for (const count of [3, 3, 1500, 4000]) {
      tops = growing.extend(count, (i) => (measured.push(i), heightOf(i)));
      expect([...tops]).toEqual([...rowTops(count, heightOf)]);
    }
    // Each row measured once, in order, across the calls (and the buffer grew past its first size).
    expect(measured).toEqual(Array.from({ length: 4000 }, (_, i) => i));
    expect(() => growing.extend(10, heightOf)).toThrow(/cannot shrink/);
  });

  it('puts rows in front measuring only them, equal to rowTops of the whole', async () => {
    const { GrowingRowTops } = await import('./windowing');
    // Heights by row identity; rows are numbered from the oldest, so a prepend adds lower ids.
    const heightOfId = (id: number): number => (id % 7 === 0 ? 34 : 20);
    const growing = new GrowingRowTops();
    let first = 5000;
    let count = 0;
    const measured: number[] = [];
    const at = (i: number) => first + i;
    growing.extend((count = 300), (i) => (measured.push(at(i)), heightOfId(at(i))));
    for (const added of [0, 1, 700, 4000]) {
      first -= added;
      const tops = growing.prepend(added, (i) => (measured.push(at(i)), heightOfId(at(i))));
      count += added;
      expect([...tops]).toEqual([...rowTops(count, (i) => heightOfId(at(i)))]);
    }
    expect(growing.count).toBe(count);
    // Each row measured once (and the buffer grew past its first size).
    expect(new Set(measured).size).toBe(measured.length);
    expect(measured).toHaveLength(count);
  });
});
