import { describe, expect, it } from 'vitest';
import { KeptRowTops } from './kept-row-tops';
import { PositionList } from './store/positions';
import { rowTops } from './windowing';

/** Row heights by slot: some rows wrap. */
const heightOfSlot = (slot: number): number => (slot % 5 === 0 ? 34 : 20);

function measureOf(list: PositionList, measured: number[]) {
  return (i: number): number => {
    measured.push(list.get(i));
    return heightOfSlot(list.get(i));
  };
}

const expected = (list: PositionList) => [...rowTops(list.length, (i) => heightOfSlot(list.get(i)))];

describe('KeptRowTops', () => {
  it('measures a list once per context: going back to a kept list measures nothing', () => {
    const keeper = new KeptRowTops();
    const all = PositionList.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const some = PositionList.from([5, 10]);
    const measured: number[] = [];
    const context = ['width', 'dataset', 0];
    expect([...keeper.measure(all, context, 20, measureOf(all, measured)).tops]).toEqual(expected(all));
    // A narrower list takes its rows' heights from the list measured before it.
    const narrower = keeper.measure(some, context, 20, measureOf(some, measured));
    expect(measured).toHaveLength(10);
    expect([...narrower.tops]).toEqual(expected(some));
    expect(narrower.wraps).toBe(true);
    const back = keeper.measure(all, [...context], 20, measureOf(all, measured));
    expect(measured).toHaveLength(10);
    expect([...back.tops]).toEqual(expected(all));
    expect(back.wraps).toBe(true);
    // Another context (width, font, a changed row): measured again.
    keeper.measure(all, ['width', 'dataset', 1], 20, measureOf(all, measured));
    expect(measured).toHaveLength(20);
  });

  it('a new list measures only the rows the list measured last did not hold, in the same context only', () => {
    const keeper = new KeptRowTops();
    const last = PositionList.from([2, 4, 5, 8, 10]);
    const wider = PositionList.from([1, 2, 3, 4, 5, 6, 8, 10, 11]);
    const measured: number[] = [];
    keeper.measure(last, ['w'], 20, measureOf(last, measured));
    measured.length = 0;
    const result = keeper.measure(wider, ['w'], 20, measureOf(wider, measured));
    expect(measured).toEqual([1, 3, 6, 11]);
    expect([...result.tops]).toEqual(expected(wider));
    // Another width: nothing is taken from the lists measured before.
    const other = PositionList.from([2, 4]);
    measured.length = 0;
    keeper.measure(other, ['w2'], 20, measureOf(other, measured));
    expect(measured).toEqual([2, 4]);
  });

  it('measures only the rows added at either end of a kept list', () => {
    const keeper = new KeptRowTops();
    const list = PositionList.from([100, 101, 102]);
    const measured: number[] = [];
    keeper.measure(list, [], 20, measureOf(list, measured));
    // Older rows in front (an opening's later messages) and a new row at the end.
    for (const slot of [99, 98, 95]) list.unshift(slot);
    list.push(110);
    measured.length = 0;
    const result = keeper.measure(list, [], 20, measureOf(list, measured));
    expect(measured.sort((a, b) => a - b)).toEqual([95, 98, 99, 110]);
    expect([...result.tops]).toEqual(expected(list));
  });

  it('measures again when rows left or came between the rows measured', () => {
    const keeper = new KeptRowTops();
    const list = PositionList.from([1, 2, 3, 4]);
    const measured: number[] = [];
    keeper.measure(list, [], 20, measureOf(list, measured));
    list.remove(2);
    list.push(5);
    measured.length = 0;
    const result = keeper.measure(list, [], 20, measureOf(list, measured));
    expect(measured).toEqual([1, 3, 4, 5]);
    expect([...result.tops]).toEqual(expected(list));
    list.pop();
    measured.length = 0;
    keeper.measure(list, [], 20, measureOf(list, measured));
    expect(measured).toEqual([1, 3, 4]);
  });

  it('says whether any row wraps', () => {
    const keeper = new KeptRowTops();
    const list = PositionList.from([1, 2, 3]);
    expect(keeper.measure(list, [], 20, () => 20).wraps).toBe(false);
    list.push(4);
    expect(keeper.measure(list, [], 20, (i) => (i === 3 ? 34 : 20)).wraps).toBe(true);
  });
});
