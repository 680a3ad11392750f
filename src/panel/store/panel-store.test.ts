import { describe, expect, it, vi } from 'vitest';
import { envelope, type Envelope } from '../../protocol/messages';
import type { ImportResult } from '../import';
import { DEFAULT_SETTINGS } from '../settings';
import { manyFailures, requestRecord, stats } from '../testing';
import { SCAN_STEP_ROWS } from './dataset';
import { createPanelStore } from './panel-store';

const TAB = 7;

function setup(extra: Partial<Parameters<typeof createPanelStore>[0]> = {}) {
  const sent: Envelope[] = [];
  const tasks: Array<() => void> = [];
  const saved: unknown[] = [];
  const store = createPanelStore({
    tabId: TAB,
    send: (m) => sent.push(m),
    schedule: (t) => tasks.push(t),
    saveSettings: (s) => saved.push(s),
    ...extra,
  });
  const runTasks = (): void => {
    while (tasks.length) tasks.shift()!();
  };
  return { store, sent, tasks, saved, runTasks, s: () => store.getState() };
}

const snapshot = (records = manyFailures(3), st = stats({ seen: 10 }), tabId = TAB) =>
  envelope('bg/snapshot', { tabId, records, stats: st, preserve: true });

describe('panel store', () => {
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

  it('a new snapshot (after a reconnect) replaces the records and keeps a selection that still exists', () => {
    const { s } = setup();
    s().receive(snapshot(manyFailures(5)));
    s().select({ kind: 'row', seq: 2 });
    s().receive(snapshot(manyFailures(3)));
    expect(s().selection).toEqual({ kind: 'row', seq: 2 });
    s().receive(snapshot(manyFailures(1)));
    expect(s().selection).toBeNull();
  });

  it('clear and preserve talk to the background', () => {
    const { s, sent } = setup();
    s().receive(snapshot());
    s().clear();
    expect(s().dataset().size).toBe(0);
    s().setPreserve(true);
    expect(sent.map((m) => [m.type, m.payload])).toEqual([
      ['panel/set-preserve', { tabId: TAB, preserve: false }],
      ['panel/clear', { tabId: TAB }],
      ['panel/set-preserve', { tabId: TAB, preserve: true }],
    ]);
    expect(s().preserve).toBe(true);
    // The choice is a setting: the next snapshot keeps it on.
    expect(s().settings.preserveLog).toBe(true);
  });

  it('the filter box, chips and show-all filter the list; settings are saved', () => {
    const { s, saved } = setup();
    s().receive(
      snapshot([
        requestRecord({ seq: 1, status: 429 }),
        requestRecord({ seq: 2, status: 500 }),
        requestRecord({ seq: 3, status: 200 }),
      ]),
    );
    s().setFilterText('status:429');
    expect(s().dataset().visibleRequestCount()).toBe(1);
    s().setFilterText('');
    s().toggleChip('5xx');
    expect(s().chips).toEqual(['5xx']);
    expect(s().dataset().visibleRequestCount()).toBe(1);
    s().toggleChip('5xx');
    s().setShowAll(true);
    expect(s().dataset().visibleRequestCount()).toBe(3);
    s().setGroupBy('endpoint');
    s().setOrder('newest-first');
    expect(saved[saved.length - 1]).toEqual({
      ...DEFAULT_SETTINGS,
      showAll: true,
      groupBy: 'endpoint',
      order: 'newest-first',
    });
    s().setFilterText('status:abc');
    expect(s().filterProblems[0]).toContain('status:abc');
  });

  it('long re-filters continue in scheduled steps and report scanning until done', () => {
    // A clock that always says the budget is spent: one step per slice.
    let clock = 0;
    const { s, tasks, runTasks } = setup({ now: () => (clock += 100) });
    s().receive(snapshot(manyFailures(SCAN_STEP_ROWS + 10)));
    runTasks();
    s().setFilterText('status:404');
    expect(s().scanning).toBe(true);
    expect(tasks.length).toBe(1);
    runTasks();
    expect(s().scanning).toBe(false);
    expect(s().dataset().visibleRequestCount()).toBe(Math.ceil((SCAN_STEP_ROWS + 10 - 1) / 7));
  });

  it('the first re-filter slice of a keystroke stops once it has a screenful of rows; the rest follows', () => {
    // A clock that never runs out: only the row count ends the first slice.
    const { s, runTasks } = setup({ now: () => 0 });
    s().receive(snapshot(manyFailures(3 * SCAN_STEP_ROWS)));
    runTasks();
    s().setFilterText('failure');
    expect(s().scanning).toBe(true);
    expect(s().dataset().visible.length).toBe(SCAN_STEP_ROWS);
    expect(s().dataset().row(s().dataset().visible.last()!).seq).toBe(3 * SCAN_STEP_ROWS);
    runTasks();
    expect(s().scanning).toBe(false);
    expect(s().shown).toBe(3 * SCAN_STEP_ROWS);
  });

  it('loaded settings apply grouping and show-all', () => {
    const { s } = setup();
    s().receive(snapshot([requestRecord({ seq: 1, status: 200 }), requestRecord({ seq: 2, status: 500 })]));
    s().loadSettings({ ...DEFAULT_SETTINGS, showAll: true, groupBy: 'code' });
    expect(s().dataset().visibleRequestCount()).toBe(2);
    expect(s().dataset().groups()).not.toBeNull();
  });

  it('imports into their own view; a bad file gives an error banner and keeps the live view', () => {
    const result: ImportResult = {
      fileName: 'x.har',
      records: manyFailures(4, 1),
      entries: 5,
      problems: [{ index: 4, message: 'bad', skipped: true }],
      notes: [],
    };
    const importHar = vi.fn((name: string, text: string) => {
      if (text === 'nope') throw new Error(`${name} is not a HAR file Faultline can read: not JSON`);
      return result;
    });
    const { s } = setup({ importHar });
    s().receive(snapshot(manyFailures(2)));
    s().importFile('bad.txt', 'nope');
    expect(s().banner).toEqual({ kind: 'error', text: 'bad.txt is not a HAR file Faultline can read: not JSON' });
    expect(s().view).toBe('live');
    s().importFile('x.har', '{}');
    expect(s().view).toBe('imported');
    expect(s().imported).toMatchObject({ fileName: 'x.har', entries: 5, skipped: 1 });
    expect(s().dataset().visibleRequestCount()).toBe(4);
    expect(s().banner?.kind).toBe('info');
    // Live updates keep flowing into the live view meanwhile.
    s().receive(envelope('bg/upsert', { tabId: TAB, records: manyFailures(1, 3), stats: stats() }));
    s().setView('live');
    expect(s().dataset().visibleRequestCount()).toBe(3);
    s().setView('imported');
    s().clear(); // in the imported view: closes it
    expect(s().imported).toBeNull();
    expect(s().view).toBe('live');
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
    s().setConnection('invalidated');
    s().setConnection('connected');
    expect(s().connection).toBe('invalidated');
  });

  it('the detail opens only for an existing selected record', () => {
    const { s } = setup();
    s().receive(snapshot());
    s().openDetail();
    expect(s().detailOpen).toBe(false);
    s().select({ kind: 'row', seq: 1 });
    s().openDetail();
    expect(s().detailOpen).toBe(true);
    s().closeDetail();
    expect(s().detailOpen).toBe(false);
  });
});
