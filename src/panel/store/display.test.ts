import { describe, expect, it } from 'vitest';
import { parseFilter } from '../filter';
import { navigationRecord, requestRecord } from '../testing';
import { Dataset } from './dataset';
import { buildDisplay, moveIndex } from './display';

function dataset(): Dataset {
  const d = new Dataset({ query: parseFilter(''), chips: new Set(), showAll: false });
  d.reset([
    navigationRecord(1),
    requestRecord({ seq: 2, url: 'https://a.test/v1/x/1', code: 'A' }),
    requestRecord({ seq: 3, url: 'https://a.test/v1/y', code: 'B' }),
    navigationRecord(4),
    requestRecord({ seq: 5, url: 'https://a.test/v1/x/2', code: 'A' }),
  ]);
  d.finishScan();
  return d;
}

const seqAt = (d: Dataset, display: ReturnType<typeof buildDisplay>, i: number): number | string => {
  const item = display.item(i);
  return item.type === 'group' ? `group:${item.group.key}` : d.row(item.position).seq;
};

describe('buildDisplay', () => {
  it('flat: newest last, or newest first', () => {
    const d = dataset();
    const last = buildDisplay(d, 'newest-last', 'none', new Set());
    expect(Array.from({ length: last.count }, (_, i) => seqAt(d, last, i))).toEqual([1, 2, 3, 4, 5]);
    const first = buildDisplay(d, 'newest-first', 'none', new Set());
    expect(Array.from({ length: first.count }, (_, i) => seqAt(d, first, i))).toEqual([5, 4, 3, 2, 1]);
    expect(first.indexOf({ kind: 'row', seq: 2 })).toBe(3);
    expect(last.indexOf({ kind: 'row', seq: 2 })).toBe(1);
    expect(last.indexOf({ kind: 'row', seq: 99 })).toBe(-1);
    expect(first.selectionAt(0)).toEqual({ kind: 'row', seq: 5 });
  });

  it('grouped: group rows, with members of open groups under them', () => {
    const d = dataset();
    d.setGroupBy('code');
    const closed = buildDisplay(d, 'newest-last', 'code', new Set());
    expect(Array.from({ length: closed.count }, (_, i) => seqAt(d, closed, i))).toEqual(['group:a', 'group:b']);
    const open = buildDisplay(d, 'newest-first', 'code', new Set(['a']));
    expect(Array.from({ length: open.count }, (_, i) => seqAt(d, open, i))).toEqual(['group:a', 5, 2, 'group:b']);
    expect(open.indexOf({ kind: 'group', key: 'b' })).toBe(3);
    expect(open.indexOf({ kind: 'row', seq: 2 })).toBe(2);
  });
});

describe('moveIndex', () => {
  it('steps over navigation markers and stops at the ends', () => {
    const d = dataset();
    const display = buildDisplay(d, 'newest-last', 'none', new Set());
    // display: nav1, 2, 3, nav4, 5
    expect(moveIndex(display, d, 2, 1)).toBe(4);
    expect(moveIndex(display, d, 4, -1)).toBe(2);
    expect(moveIndex(display, d, 1, -1)).toBe(1); // only a marker above
    expect(moveIndex(display, d, 4, 1)).toBe(4);
    expect(moveIndex(display, d, -1, 1)).toBe(1); // Home
    expect(moveIndex(display, d, -1, -1)).toBe(4); // End
    expect(moveIndex(display, d, 1, 100)).toBe(4); // PageDown past the end
  });
});
