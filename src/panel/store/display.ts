// What the list shows, index by index: rows in the chosen order, or groups with their open members.
// Flat lists are views over the dataset's position list (no copy), so 100,000 rows cost nothing here.
import type { Group, GroupBy } from '../grouping';
import type { Order } from '../settings';
import type { Dataset } from './dataset';
import type { Row } from './rows';

/** Sort by a column's key; rows with equal keys keep their time order. */
export interface RowSort {
  key(row: Row): string | number;
  dir: 'asc' | 'desc';
}

/** Positions sorted by the key (navigation markers left out: they only mean something in time order). */
export function sortPositions(dataset: Dataset, positions: readonly number[], sort: RowSort): number[] {
  const keyed = positions.filter((p) => !dataset.row(p).nav).map((p) => ({ p, k: sort.key(dataset.row(p)) }));
  const sign = sort.dir === 'asc' ? 1 : -1;
  keyed.sort((a, b) => (a.k < b.k ? -sign : a.k > b.k ? sign : a.p - b.p));
  return keyed.map((x) => x.p);
}

export type DisplayItem =
  { type: 'row'; position: number; group?: string } | { type: 'group'; group: Group; expanded: boolean };

export type Selection = { kind: 'row'; seq: number } | { kind: 'group'; key: string } | null;

export interface DisplayModel {
  readonly count: number;
  item(index: number): DisplayItem;
  /** Display index of the selection, or -1 when it is not shown. */
  indexOf(selection: Selection): number;
  /** The selection an index stands for. */
  selectionAt(index: number): Selection;
}

export function buildDisplay(
  dataset: Dataset,
  order: Order,
  groupBy: GroupBy,
  expanded: ReadonlySet<string>,
  sort: RowSort | null = null,
): DisplayModel {
  const groups = groupBy === 'none' ? null : dataset.groups();
  if (!groups) return sort ? sortedDisplay(dataset, sort) : flatDisplay(dataset, order);
  const items: DisplayItem[] = [];
  for (const group of groups.groups()) {
    const open = expanded.has(group.key);
    items.push({ type: 'group', group, expanded: open });
    if (!open) continue;
    const members = sort ? sortPositions(dataset, groups.members(group.key), sort) : groups.members(group.key);
    if (sort)
      for (let i = 0; i < members.length; i++) items.push({ type: 'row', position: members[i], group: group.key });
    else if (order === 'newest-last')
      for (let i = 0; i < members.length; i++) items.push({ type: 'row', position: members[i], group: group.key });
    else
      for (let i = members.length - 1; i >= 0; i--) items.push({ type: 'row', position: members[i], group: group.key });
  }
  const selectionAt = (index: number): Selection => {
    const item = items[index];
    if (!item) return null;
    return item.type === 'group'
      ? { kind: 'group', key: item.group.key }
      : { kind: 'row', seq: dataset.row(item.position).seq };
  };
  return {
    count: items.length,
    item: (index) => items[index],
    selectionAt,
    indexOf(selection) {
      if (!selection) return -1;
      if (selection.kind === 'group')
        return items.findIndex((it) => it.type === 'group' && it.group.key === selection.key);
      const position = dataset.positionOfSeq(selection.seq);
      return items.findIndex((it) => it.type === 'row' && it.position === position);
    },
  };
}

function sortedDisplay(dataset: Dataset, sort: RowSort): DisplayModel {
  const list = dataset.visible;
  const all: number[] = [];
  for (let i = 0; i < list.length; i++) all.push(list.get(i));
  const positions = sortPositions(dataset, all, sort);
  return {
    count: positions.length,
    item: (index) => ({ type: 'row', position: positions[index] }),
    selectionAt: (index) =>
      index >= 0 && index < positions.length ? { kind: 'row', seq: dataset.row(positions[index]).seq } : null,
    indexOf(selection) {
      if (!selection || selection.kind !== 'row') return -1;
      return positions.indexOf(dataset.positionOfSeq(selection.seq));
    },
  };
}

function flatDisplay(dataset: Dataset, order: Order): DisplayModel {
  const list = dataset.visible;
  const n = list.length;
  const at = order === 'newest-last' ? (i: number) => list.get(i) : (i: number) => list.get(n - 1 - i);
  return {
    count: n,
    item: (index) => ({ type: 'row', position: at(index) }),
    selectionAt: (index) => (index >= 0 && index < n ? { kind: 'row', seq: dataset.row(at(index)).seq } : null),
    indexOf(selection) {
      if (!selection || selection.kind !== 'row') return -1;
      const position = dataset.positionOfSeq(selection.seq);
      if (position < 0) return -1;
      const k = list.search(position);
      if (k < 0) return -1;
      return order === 'newest-last' ? k : n - 1 - k;
    },
  };
}

/** The next selectable index from `from` moving by `delta`, skipping navigation markers; clamps at the ends. */
export function moveIndex(display: DisplayModel, dataset: Dataset, from: number, delta: number): number {
  const n = display.count;
  if (n === 0) return -1;
  const selectable = (i: number): boolean => {
    const item = display.item(i);
    return item.type === 'group' || !dataset.row(item.position).nav;
  };
  if (from < 0) {
    // Nothing selected: start from the newest end in the direction of travel.
    let i = delta > 0 ? 0 : n - 1;
    const step = delta > 0 ? 1 : -1;
    while (i >= 0 && i < n && !selectable(i)) i += step;
    return i >= 0 && i < n ? i : -1;
  }
  const step = delta > 0 ? 1 : -1;
  let target = Math.max(0, Math.min(n - 1, from + delta));
  while (target >= 0 && target < n && !selectable(target)) target += step;
  if (target < 0 || target >= n) {
    // Ran off the end over markers: stay on the nearest selectable row the other way.
    target = Math.max(0, Math.min(n - 1, from + delta));
    while (target >= 0 && target < n && !selectable(target)) target -= step;
  }
  return target >= 0 && target < n ? target : from;
}
