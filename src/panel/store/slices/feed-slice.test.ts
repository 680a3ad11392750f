import { describe, expect, it } from 'vitest';
import { envelope } from '../../../protocol/messages';
import { packRecords } from '../../../protocol/packed-records';
import { manyFailures, stats } from '../../testing';
import { setupStore as setup, snapshot, TAB } from '../store-harness';

describe('feed slice', () => {
  it('is not ready until the first snapshot; then holds its records, stats and preserve flag', () => {
    const { s } = setup();
    expect(s().ready).toBe(false);
    s().receive(snapshot());
    expect(s().ready).toBe(true);
    expect(s().connection).toBe('connected');
    expect(s().stats.seen).toBe(10);
    // Preserve log is off by default, like the Network panel's: the panel turns the tab's off.
    expect(s().preserve).toBe(false);
    expect(s().dataset().visibleRequestCount()).toBe(3);
  });

  it('ignores other tabs and foreign messages', () => {
    const { s } = setup();
    s().receive(snapshot(manyFailures(3), stats(), 99));
    s().receive({ type: 'bg/snapshot', payload: { tabId: TAB } });
    s().receive('hello');
    s().receive(envelope('panel/clear', { tabId: TAB })); // ours, but not one the panel accepts
    expect(s().ready).toBe(false);
    expect(s().dataset().size).toBe(0);
  });

  it('upserts append incrementally and bump the revision; cleared empties', () => {
    const { s } = setup();
    s().receive(snapshot());
    const rev = s().revision;
    s().receive(envelope('bg/upsert', { tabId: TAB, records: manyFailures(2, 4), stats: stats({ seen: 12 }) }));
    expect(s().revision).toBeGreaterThan(rev);
    expect(s().dataset().visibleRequestCount()).toBe(5);
    expect(s().stats.seen).toBe(12);
    s().select({ kind: 'row', seq: 4 });
    s().openDetail();
    s().receive(envelope('bg/cleared', { tabId: TAB, stats: stats({ seen: 0 }) }));
    expect(s().dataset().size).toBe(0);
    expect(s().selection).toBeNull();
    expect(s().detailOpen).toBe(false);
  });

  it('reads packed rows as the background opens a panel with them: snapshot, then upserts in order', () => {
    const { s } = setup();
    const records = manyFailures(7);
    s().receive(
      envelope('bg/snapshot', {
        tabId: TAB,
        records: [],
        packed: packRecords(records.slice(0, 2)),
        stats: stats(),
        preserve: false,
      }),
    );
    s().receive(
      envelope('bg/upsert', { tabId: TAB, records: [], packed: packRecords(records.slice(2)), stats: stats() }),
    );
    expect(s().dataset().visibleRequestCount()).toBe(7);
    expect(s().dataset().rowBySeq(records[6].seq)?.record).toEqual(records[6]);
    expect(s().banner).toBeNull();
  });

  it('says so when a pack cannot be read, and keeps the plain records of the message', () => {
    const { s } = setup();
    const packed = packRecords(manyFailures(5, 10));
    s().receive(
      envelope('bg/snapshot', {
        tabId: TAB,
        records: manyFailures(2),
        packed: { ...packed, body: packed.body.slice(8) },
        stats: stats(),
        preserve: false,
      }),
    );
    expect(s().dataset().visibleRequestCount()).toBe(2);
    expect(s().banner).toMatchObject({ kind: 'error' });
    expect(s().banner?.text).toMatch(/^5 rows from the background could not be read/);
  });

  it('a new snapshot (after a reconnect) replaces the records and keeps a selection that still exists', () => {
    const { s } = setup();
    s().receive(snapshot(manyFailures(5)));
    s().select({ kind: 'row', seq: 2 });
    s().receive(snapshot(manyFailures(3)));
    expect(s().selection).toEqual({ kind: 'row', seq: 2 });
    s().receive(snapshot(manyFailures(1)));
    expect(s().selection).toBeNull();
  });

  it('clear talks to the background', () => {
    const { s, sent } = setup();
    s().receive(snapshot());
    s().clear();
    expect(s().dataset().size).toBe(0);
    expect(sent.map((m) => [m.type, m.payload])).toEqual([
      ['panel/set-preserve', { tabId: TAB, preserve: false }],
      ['panel/clear', { tabId: TAB }],
    ]);
  });

  it('removes records the background evicted', () => {
    const { s } = setup();
    s().receive(snapshot(manyFailures(4)));
    s().receive(
      envelope('bg/upsert', {
        tabId: TAB,
        records: manyFailures(1, 5),
        stats: stats({ droppedRecords: 2 }),
        removedIds: ['wr:1', 'wr:2'],
      }),
    );
    expect(s().dataset().size).toBe(3);
    expect(s().dataset().rowBySeq(1)).toBeUndefined();
    expect(s().stats.droppedRecords).toBe(2);
  });

  it('a protocol mismatch says to reopen DevTools', () => {
    const { s } = setup();
    s().receive(envelope('bg/protocol-mismatch', { tabId: TAB, protocol: 99 }));
    expect(s().connection).toBe('invalidated');
  });

  it('an invalidated context is final', () => {
    const { s } = setup();
    s().setConnection('reconnecting');
    expect(s().connection).toBe('reconnecting');
    s().setConnection('invalidated');
    s().setConnection('connected');
    expect(s().connection).toBe('invalidated');
  });
});
