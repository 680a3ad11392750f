import { describe, expect, it } from 'vitest';
import { COLUMN_DEFS, layoutColumns, userColumns } from './columns';

const ids = (cols: ReadonlyArray<{ id: string }>) => cols.map((c) => c.id);

describe('columns', () => {
  it('shows every default column at 1280 px, optional ones (host, action) only when the user asks', () => {
    const wanted = userColumns([], []);
    expect(ids(wanted)).not.toContain('host');
    expect(ids(wanted)).not.toContain('action');
    const layout = layoutColumns(wanted, {}, 1280);
    expect(ids(layout.columns)).toEqual(['time', 'method', 'status', 'url', 'code', 'id', 'message', 'retry']);
    expect(layout.dropped).toEqual([]);
    expect(ids(userColumns([], ['host']))).toContain('host');
  });

  it('a 600 px dock keeps status, code and verdict in their order and drops the least useful first', () => {
    const layout = layoutColumns(userColumns([], []), {}, 600);
    for (const id of ['status', 'code', 'retry']) expect(ids(layout.columns)).toContain(id);
    expect(ids(layout.columns)).not.toContain('time');
    expect(layout.minWidth).toBeLessThanOrEqual(600);
    // Kept columns keep the registry order.
    const order = ids(COLUMN_DEFS);
    const kept = ids(layout.columns);
    expect([...kept].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(kept);
  });

  it('a hidden column is gone; a resized one is fixed in px', () => {
    const layout = layoutColumns(userColumns(['method'], []), { code: 300 }, 1600);
    expect(ids(layout.columns)).not.toContain('method');
    expect(layout.template.split(' ')).toContain('300px');
  });
});
