// The DOM side of a windowed list: measures the scroller (height and width, on resize), follows
// the end as rows arrive unless the user scrolled away, and scrolls a row into view. The math is
// listWindow's (windowing.ts), testable without a DOM.
import type { RefObject } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useReducer, useRef, useState } from 'preact/hooks';
import {
  bottomScrollTop,
  isAtBottom,
  listWindow,
  scrollToReveal,
  scrollToRevealTops,
  type WindowRange,
} from '../windowing';

export interface WindowedListOptions {
  count: number;
  /** A row's height, px; a function when it depends on the list's width (two-line rows in a narrow dock). */
  rowHeight: number | ((width: number) => number);
  overscan: number;
  /** The sticky header's height (likewise). */
  headerHeight: number | ((width: number) => number);
  /** Used while the scroller has no layout (tests): its height in px. */
  fallbackHeight: number;
  /** The list may follow its end (newest last, not sorted by a column). */
  followsEnd: boolean;
  /** When any of these change, the list starts over: at its end if `startAtEnd`, else at the top. */
  resetKeys: readonly unknown[];
  startAtEnd: boolean;
  /** Rows of different heights: their tops (windowing.ts rowTops), or null when every row is `rowHeight`. */
  rowTops?: Float64Array | null;
  /**
   * A stable identity of row `index`. With it, a follow waits for the next frame only when the rows
   * before were kept and new ones came after them: rows added at the front (older rows of an opening)
   * or a resized viewport are followed at once, so the end is what paints.
   */
  rowKey?: (index: number) => unknown;
}

export interface WindowedList {
  scrollerRef: RefObject<HTMLDivElement>;
  /** The scroller's width (0 until measured). */
  width: number;
  range: WindowRange;
  pageRows: number;
  onScroll(): void;
  /** Scrolls the least distance that shows row `index` whole. */
  reveal(index: number): void;
}

/**
 * Rows streaming in at the end (an import, a burst of capture) are followed at most this often.
 * Each follow shows a new window of rows, which the frame lays out whole (about 600 layout objects):
 * followed every frame, that layout was most of an import's main-thread time, for rows that scroll
 * by too fast to read (issue 18). A row arriving after a pause is still followed in the next frame.
 */
const STREAM_FOLLOW_MS = 200;

export function useWindowedList(options: WindowedListOptions): WindowedList {
  const { count } = options;
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [measuredHeight, setMeasuredHeight] = useState(0);
  const [width, setWidth] = useState(0);
  // Re-renders when the list stops or starts following its end: the scrollTop state may not change
  // (pinned, it is never set), e.g. a jump from the end straight to the top.
  const [, repin] = useReducer((n: number) => n + 1, 0);
  const rowHeight = typeof options.rowHeight === 'function' ? options.rowHeight(width) : options.rowHeight;
  const headerHeight = typeof options.headerHeight === 'function' ? options.headerHeight(width) : options.headerHeight;
  const stickToEnd = useRef(options.startAtEnd);
  /** The scrollTop we set or last saw, so scroll events we caused are not taken as the user's. */
  const lastScrollTop = useRef(0);

  /** The frame of a follow waiting, or the timer before it (rows streaming in: STREAM_FOLLOW_MS). */
  const followFrame = useRef(0);
  const followTimer = useRef(0);
  /** When the list last followed its end (performance.now()). */
  const lastFollowAt = useRef(-Infinity);
  /** At the last follow: the row count, the last row's key and the viewport's measured height. */
  const followedEnd = useRef<{ count: number; lastKey: unknown; height: number } | null>(null);
  const pinned = options.followsEnd && stickToEnd.current;
  // Rows added after the rows shown (a streamed import, capture) are followed at the start of a later
  // frame, whose layout is clean: written right after the commit, the scroller forced a layout inside
  // the task that changed the rows, every time under load (issue 18). Until then the rows where the
  // scroller is are shown: the same rows, the new ones are below them.
  const grewAtEnd = ((): boolean => {
    const before = followedEnd.current;
    if (!before || before.height !== measuredHeight || count < before.count) return false;
    return before.count === 0 || !options.rowKey || options.rowKey(before.count - 1) === before.lastKey;
  })();
  const streaming = pinned && grewAtEnd;
  const tops = options.rowTops && options.rowTops.length === count + 1 ? options.rowTops : null;
  const { viewportHeight, top, range, pageRows } = listWindow({
    tops,
    count,
    rowHeight,
    overscan: options.overscan,
    measuredHeight,
    fallbackHeight: options.fallbackHeight,
    headerHeight,
    scrollTop: streaming ? lastScrollTop.current : scrollTop,
    pinned: pinned && !streaming,
  });
  /** The end's scrollTop as of the latest render, for a follow that runs in a later frame. */
  const endTop = useRef(0);
  endTop.current = bottomScrollTop(viewportHeight, range.totalHeight);
  /** The latest render's count, row keys and measured height, read by a follow in a later frame. */
  const countNow = useRef(count);
  countNow.current = count;
  const rowKeyNow = useRef(options.rowKey);
  rowKeyNow.current = options.rowKey;
  const heightNow = useRef(measuredHeight);
  heightNow.current = measuredHeight;

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = (): void => {
      setMeasuredHeight(el.clientHeight);
      setWidth(el.clientWidth);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    // Measured in the next frame: a re-layout inside the callback (columns dropped or added for the new
    // width) would make the browser report a ResizeObserver loop.
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(measure);
    });
    observer.observe(el);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, []);

  // Following the end: stay there as rows arrive. Write-only: reading scrollTop here would force an
  // extra layout. Rows added at the end wait for the next frame (above).
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || !pinned) return;
    const follow = (to: number): void => {
      el.scrollTop = to;
      lastScrollTop.current = to;
      lastFollowAt.current = performance.now();
      const rows = countNow.current;
      followedEnd.current = {
        count: rows,
        lastKey: rows > 0 ? rowKeyNow.current?.(rows - 1) : undefined,
        height: heightNow.current,
      };
    };
    if (!streaming || typeof requestAnimationFrame !== 'function') return follow(top);
    if (followFrame.current || followTimer.current || lastScrollTop.current === endTop.current) return;
    const inFrame = (): void => {
      followFrame.current = requestAnimationFrame(() => {
        followFrame.current = 0;
        if (!stickToEnd.current || !scroller.current) return;
        follow(endTop.current);
        repin(undefined); // the rows at the new position
      });
    };
    const wait = lastFollowAt.current + STREAM_FOLLOW_MS - performance.now();
    if (wait <= 0) return inFrame();
    followTimer.current = window.setTimeout(() => {
      followTimer.current = 0;
      inFrame();
    }, wait);
  }, [count, pinned, viewportHeight, range.totalHeight]);
  useEffect(
    () => () => {
      if (followFrame.current) cancelAnimationFrame(followFrame.current);
      if (followTimer.current) clearTimeout(followTimer.current);
    },
    [],
  );

  useEffect(() => {
    stickToEnd.current = options.startAtEnd;
    const el = scroller.current;
    if (el && !options.startAtEnd) {
      el.scrollTop = 0;
      lastScrollTop.current = 0;
      setScrollTop(0);
    }
  }, options.resetKeys);

  const onScroll = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    const now = el.scrollTop;
    if (now === lastScrollTop.current && stickToEnd.current) return;
    lastScrollTop.current = now;
    const wasPinned = stickToEnd.current;
    stickToEnd.current = isAtBottom(now, viewportHeight, range.totalHeight, rowHeight);
    setScrollTop(now);
    if (wasPinned !== stickToEnd.current) repin(undefined);
  }, [viewportHeight, range.totalHeight, rowHeight]);

  const reveal = useCallback(
    (index: number) => {
      const el = scroller.current;
      const next = tops
        ? scrollToRevealTops(tops, index, top, viewportHeight)
        : scrollToReveal(index, top, viewportHeight, rowHeight, count);
      stickToEnd.current = isAtBottom(next, viewportHeight, range.totalHeight, rowHeight);
      lastScrollTop.current = next;
      if (el && el.scrollTop !== next) el.scrollTop = next;
      setScrollTop(next);
    },
    [top, viewportHeight, count, rowHeight, tops, range.totalHeight],
  );

  return { scrollerRef: scroller, width, range, pageRows, onScroll, reveal };
}
