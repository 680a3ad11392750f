// Row tops kept per list (issue 18). A list of rows of different heights needs every row measured
// before its window is known. Deleting a character of the filter returns to a result the dataset
// kept (dataset.ts, RESULT_CACHE_SIZE): its tops are kept too, so the keystroke measures nothing,
// where it measured every row of that result (all 100,000 with an empty filter). A kept list that
// grew since it was measured measures only its new rows, at its end (capture, a streamed import)
// or at its front (the older rows of an opening). A new list (a keystroke's result) takes the heights
// of its rows from the list measured last in the same context, as far as it holds them: a row's height
// depends on the row and the context only, so a narrowing measures nothing and a widening only the
// rows the last list did not show.
import { GrowingRowTops } from './windowing';

/** The rows of a list by slot, ascending (the dataset's PositionList). */
export interface SlotList {
  readonly length: number;
  get(index: number): number;
  /** Index of `slot`, or a negative number when absent. */
  search(slot: number): number;
}

interface Kept {
  /** What the heights depend on besides the rows: width, font, the dataset and its change count. */
  context: readonly unknown[];
  tops: GrowingRowTops;
  /** Slots of the first and last row measured. */
  first: number;
  last: number;
  /** Some row measured is taller than one line. */
  wraps: boolean;
}

export interface MeasuredTops {
  tops: Float64Array;
  wraps: boolean;
}

export class KeptRowTops {
  /** Held as long as the list lives: the dataset keeps a dozen results at most. */
  private readonly kept = new WeakMap<SlotList, Kept>();
  /** The list measured last, whose heights a new list may take. */
  private last: { list: SlotList; kept: Kept } | null = null;

  /**
   * The tops of the list's rows (index i: the row of slot list.get(i)); `heightOf(i)` measures row
   * i, `base` is a one-line row's height. Rows already measured for this list in the same context
   * are not measured again.
   */
  measure(
    list: SlotList,
    context: readonly unknown[],
    base: number,
    heightOf: (index: number) => number,
  ): MeasuredTops {
    const count = list.length;
    let wraps = false;
    const measureRow = (i: number): number => {
      const height = heightOf(i);
      if (height !== base) wraps = true;
      return height;
    };
    let kept = this.kept.get(list);
    const front = kept && count > 0 ? this.rowsInFront(kept, list, context) : -1;
    let measureNew = measureRow;
    if (!kept || front < 0) {
      measureNew = this.knownHeights(list, context, base, measureRow, () => (wraps = true)) ?? measureRow;
      kept = { context, tops: new GrowingRowTops(), first: 0, last: 0, wraps: false };
      this.kept.set(list, kept);
    } else if (front > 0) kept.tops.prepend(front, measureRow);
    const tops = kept.tops.extend(count, measureNew);
    if (count > 0) {
      kept.first = list.get(0);
      kept.last = list.get(count - 1);
    }
    kept.wraps ||= wraps;
    this.last = { list, kept };
    return { tops, wraps: kept.wraps };
  }

  /**
   * For a list measured from its first row: row i's height from the list measured last when that one
   * holds the row (both lists ascend by slot: one walk), else measured. Null when the last list's
   * heights are not of this context or no longer match its rows.
   */
  private knownHeights(
    list: SlotList,
    context: readonly unknown[],
    base: number,
    measureRow: (index: number) => number,
    wrapped: () => void,
  ): ((index: number) => number) | null {
    const last = this.last;
    if (!last || last.list === list || last.kept.tops.count === 0) return null;
    const from = this.rowsInFront(last.kept, last.list, context);
    if (from < 0) return null;
    const old = last.list;
    const oldTops = last.kept.tops.tops;
    const end = from + last.kept.tops.count;
    // From the new list's first row on (a scan's first screen holds only the newest rows).
    const at = list.length > 0 ? old.search(list.get(0)) : 0;
    let j = Math.max(from, at < 0 ? -at - 1 : at);
    return (i) => {
      const slot = list.get(i);
      while (j < end && old.get(j) < slot) j++;
      if (j === end || old.get(j) !== slot) return measureRow(i);
      const height = oldTops[j - from + 1] - oldTops[j - from];
      if (height !== base) wrapped();
      return height;
    };
  }

  /**
   * How many rows now stand in front of the rows measured, or -1 when the list changed otherwise (a
   * row left or came between them, or the context changed): then every row is measured again.
   */
  private rowsInFront(kept: Kept, list: SlotList, context: readonly unknown[]): number {
    if (context.length !== kept.context.length || context.some((c, i) => c !== kept.context[i])) return -1;
    const measured = kept.tops.count;
    if (measured === 0) return 0;
    const front = list.search(kept.first);
    if (front < 0 || front + measured > list.length) return -1;
    return list.get(front + measured - 1) === kept.last ? front : -1;
  }
}
