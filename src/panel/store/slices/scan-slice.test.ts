import { describe, expect, it } from 'vitest';
import { manyFailures, requestRecord } from '../../testing';
import { SCAN_STEP_ROWS } from '../dataset';
import { setupStore as setup, snapshot } from '../store-harness';

describe('scan slice', () => {
  it('the filter box and chips filter the list; a bad token is reported', () => {
    const { s } = setup();
    s().receive(
      snapshot([
        requestRecord({ seq: 1, status: 429 }),
        requestRecord({ seq: 2, status: 500 }),
        requestRecord({ seq: 3, status: 200 }),
      ]),
    );
    s().setFilterText('status:429');
    expect(s().dataset().visibleRequestCount()).toBe(1);
    expect(s().shown).toBe(1);
    s().setFilterText('');
    s().toggleChip('5xx');
    expect(s().chips).toEqual(['5xx']);
    expect(s().dataset().visibleRequestCount()).toBe(1);
    s().toggleChip('5xx');
    expect(s().chips).toEqual([]);
    expect(s().shown).toBe(2);
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

  it('a keystroke filters every row at once when the rate so far says the scan ends within its budget', () => {
    // A clock that never runs out: the scan fits whatever its size.
    const { s, tasks } = setup({ now: () => 0 });
    s().receive(snapshot(manyFailures(3 * SCAN_STEP_ROWS)));
    s().flush();
    s().setFilterText('failure');
    expect(s().scanning).toBe(false);
    expect(s().shown).toBe(3 * SCAN_STEP_ROWS);
    expect(tasks.length).toBe(0);
  });

  it('a keystroke whose scan will not fit stops once it has a screenful of rows; the rest follows', () => {
    // 3 ms per step: after the first 2,000 rows the other 4,000 would take 6 ms more, past the 8 ms budget.
    let clock = 0;
    const { s, runTasks } = setup({ now: () => (clock += 3) });
    s().receive(snapshot(manyFailures(3 * SCAN_STEP_ROWS)));
    s().flush();
    s().setFilterText('failure');
    expect(s().scanning).toBe(true);
    expect(s().dataset().visible.length).toBe(SCAN_STEP_ROWS);
    expect(s().dataset().row(s().dataset().visible.last()!).seq).toBe(3 * SCAN_STEP_ROWS);
    runTasks();
    expect(s().scanning).toBe(false);
    expect(s().shown).toBe(3 * SCAN_STEP_ROWS);
  });

  it("builds the rows' search text in idle time once no re-filter runs, newest rows first", () => {
    const idle: Array<(timeLeft: () => number) => void> = [];
    const { s, runTasks } = setup({ scheduleIdle: (t) => idle.push(t) });
    s().receive(snapshot(manyFailures(2_500)));
    runTasks();
    const d = s().dataset();
    expect(d.searchTextWarm).toBe(false);
    expect(idle.length).toBe(1);
    // An idle period with room for one step (1,000 rows), then the next asks for another period.
    let left = 2;
    idle.shift()!(() => left--);
    expect(d.searchTextWarm).toBe(false);
    expect(idle.length).toBe(1);
    while (idle.length) idle.shift()!(() => 50);
    expect(d.searchTextWarm).toBe(true);
    s().setFilterText('zzz-no-such-text');
    expect(s().shown).toBe(0);
  });

  it('flush runs a pending re-filter to the end without the scheduler', () => {
    let clock = 0;
    const { s, tasks } = setup({ now: () => (clock += 100) });
    s().receive(snapshot(manyFailures(3 * SCAN_STEP_ROWS)));
    s().flush();
    s().setFilterText('status:404');
    expect(s().scanning).toBe(true);
    s().flush();
    expect(s().scanning).toBe(false);
    expect(s().shown).toBe(Math.ceil((3 * SCAN_STEP_ROWS - 1) / 7));
    // The scheduled continuation finds nothing left to do.
    const revision = s().revision;
    while (tasks.length) tasks.shift()!();
    expect(s().shown).toBe(Math.ceil((3 * SCAN_STEP_ROWS - 1) / 7));
    expect(s().revision).toBeGreaterThanOrEqual(revision);
  });

  it('a contract change filters again and publishes a new revision', () => {
    const { s } = setup();
    s().receive(snapshot());
    const revision = s().revision;
    s().contractChanged();
    expect(s().revision).toBeGreaterThan(revision);
    expect(s().shown).toBe(3);
  });
});
