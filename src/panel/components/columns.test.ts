import { describe, expect, it } from 'vitest';
import { makeRow } from '../store/rows';
import { requestRecord } from '../testing';
import { COLUMN_BY_ID, COLUMN_DEFS, CELL_CHARS, layoutColumns, userColumns, type ColumnLayout } from './columns';

const ids = (cols: ReadonlyArray<{ id: string }>) => cols.map((c) => c.id);

// What the demo's rows measure (DejaVu Sans Mono 11 px: 6.62 px a character, plus 11 px of padding and border):
// GRAPHQL_VALIDATION_FAILED (25 characters), a UUID (36), "retry, backoff".
const MONO = 6.62;
const demoContent = { code: 25 * MONO + 11, id: 36 * MONO + 11, retry: 95 };

/** The widest each track of the template can get (px), and its minimum. */
function tracks(layout: ColumnLayout): { max: number; min: number; fr: number }[] {
  return layout.template.split(/ (?![^(]*\))/).map((t) => {
    const m = /^minmax\((\d+)px, (\d+(?:\.\d+)?)(px|fr)\)$/.exec(t);
    if (m)
      return { min: Number(m[1]), max: m[3] === 'px' ? Number(m[2]) : Infinity, fr: m[3] === 'fr' ? Number(m[2]) : 0 };
    const px = Number(/^(\d+)px$/.exec(t)![1]);
    return { min: px, max: px, fr: 0 };
  });
}

describe('columns', () => {
  it('shows every default column on one line at 1280 px, optional ones (host, action) only when the user asks', () => {
    const wanted = userColumns([], []);
    expect(ids(wanted)).not.toContain('host');
    expect(ids(wanted)).not.toContain('action');
    const layout = layoutColumns(wanted, {}, 1280, demoContent);
    expect(ids(layout.columns)).toEqual(['time', 'method', 'status', 'url', 'code', 'id', 'message', 'retry']);
    expect(layout.dropped).toEqual([]);
    expect(layout.stacked).toBe(false);
    expect(tracks(layout)).toHaveLength(8);
    expect(layout.minWidth).toBeLessThanOrEqual(1280);
    expect(ids(userColumns([], ['host']))).toContain('host');
  });

  it('fixed columns are as wide as their content, up to their preferred width', () => {
    const short = layoutColumns(userColumns([], []), {}, 1280, { code: 80, id: 150, retry: 70.2 });
    const code = tracks(short)[ids(short.columns).indexOf('code')];
    const id = tracks(short)[ids(short.columns).indexOf('id')];
    const retry = tracks(short)[ids(short.columns).indexOf('retry')];
    // Codes narrower than the column's minimum get the minimum (the header must fit); wider content is capped.
    expect(code.max).toBe(90);
    expect(id.max).toBe(150);
    expect(retry.max).toBe(72);
    const long = layoutColumns(userColumns([], []), {}, 1280, { code: 900, id: 900 });
    expect(tracks(long)[ids(long.columns).indexOf('id')].max).toBe(280);
    expect(tracks(long)[ids(long.columns).indexOf('code')].max).toBe(220);
  });

  it('the path is cut before the message: spare width goes to the message first, then is shared', () => {
    const at = (layout: ColumnLayout, id: string) => tracks(layout)[ids(layout.columns).indexOf(id)];
    // A message longer than the room: the path keeps only its minimum, the message gets every spare pixel.
    const long = layoutColumns(userColumns([], []), {}, 1280, { ...demoContent, message: 652 });
    const fixed = tracks(long).reduce((sum, t) => sum + (t.fr ? 0 : t.max), 0);
    expect(at(long, 'url').min).toBe(90);
    expect(at(long, 'message').min).toBe(1280 - 1 - fixed - 90);
    // Short messages: the message is as wide as its content, the rest is shared (the message's share larger).
    const short = layoutColumns(userColumns([], []), {}, 1280, { ...demoContent, message: 300 });
    expect(at(short, 'message').min).toBe(300);
    expect(at(short, 'message').fr).toBeGreaterThan(2 * at(short, 'url').fr);
  });

  it('a 600 px dock takes two-line rows: status, code, ID and verdict at their content width, method and message below', () => {
    const layout = layoutColumns(userColumns([], []), {}, 600, demoContent);
    expect(layout.stacked).toBe(true);
    expect(ids(layout.columns)).toEqual(['method', 'status', 'code', 'id', 'message', 'retry']);
    expect(ids(layout.dropped)).toEqual(['time', 'url']);
    // The first line's tracks are the columns other than method and message, each wide enough for its content.
    const t = tracks(layout);
    expect(t).toHaveLength(4);
    expect(t.map((x) => x.min)).toEqual([50, 90, 90, 95]);
    expect(t.slice(0, 3).map((x) => x.max)).toEqual([64, Math.ceil(demoContent.code), Math.ceil(demoContent.id)]);
    expect(t.reduce((sum, x) => sum + (x.fr ? x.min : x.max), 0)).toBeLessThanOrEqual(600);
    // The last column takes what is left, so the first line (and the message under it) reach the row's end.
    expect(t[3].fr).toBe(1);
    // Kept columns keep the registry order.
    const order = ids(COLUMN_DEFS);
    const kept = ids(layout.columns);
    expect([...kept].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(kept);
  });

  it('narrower still, the answer columns are squeezed, never dropped; the others go first', () => {
    const layout = layoutColumns(userColumns([], []), {}, 420, demoContent);
    expect(layout.stacked).toBe(true);
    for (const id of ['status', 'code', 'id', 'message', 'retry']) expect(ids(layout.columns)).toContain(id);
    expect(layout.minWidth).toBeLessThanOrEqual(420);
  });

  it('with the message hidden nothing moves to a second line; columns are dropped instead', () => {
    const layout = layoutColumns(userColumns(['message'], []), {}, 500, demoContent);
    expect(layout.stacked).toBe(false);
    expect(ids(layout.columns)).toContain('status');
    expect(ids(layout.dropped).length).toBeGreaterThan(0);
  });

  it("the Path cell keeps a long path's end (the last segment names the call), the whole URL in its title", () => {
    const url = `https://api.example.com/${'v2/items/'.repeat(40)}42/comments?page=2`;
    const record = requestRecord({ seq: 1, url });
    const view = COLUMN_BY_ID.get('url')!.cell(makeRow(record), record);
    expect(String(view.content)).toHaveLength(CELL_CHARS);
    expect(String(view.content)).toMatch(/^….*\/42\/comments\?page=2$/);
    expect(view.title).toBe(url);
  });

  it('a hidden column is gone; a resized one is fixed in px', () => {
    const layout = layoutColumns(userColumns(['method'], []), { code: 300 }, 1600);
    expect(ids(layout.columns)).not.toContain('method');
    expect(layout.template.split(' ')).toContain('300px');
  });
});
