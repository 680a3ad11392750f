import { describe, expect, it } from 'vitest';
import { parseFilter, type FilterSpec, type QuickChip } from '../filter';
import { manyFailures, navigationRecord, requestRecord } from '../testing';
import type { CaptureRecord } from '../../protocol/messages';
import { Dataset, SCAN_STEP_ROWS } from './dataset';

function spec(text = '', chips: QuickChip[] = [], showAll = false): FilterSpec {
  return { query: parseFilter(text), chips: new Set(chips), showAll };
}

function shownSeqs(d: Dataset): number[] {
  return d.visible.toArray().map((p) => d.row(p).seq);
}

describe('Dataset', () => {
  it('chip counts stay right across appends (counted on top), replacements, evictions and resets', () => {
    const chips = [
      { id: 'server', test: (r: { status: number }) => r.status >= 500 },
      { id: 'client', test: (r: { status: number }) => r.status >= 400 && r.status < 500 },
    ];
    let tests = 0;
    const counting = chips.map((c) => ({ id: c.id, test: (r: { status: number }) => (tests++, c.test(r)) }));
    const d = new Dataset(spec());
    const counts = () => Object.fromEntries(d.chipCounts(counting));
    d.reset([requestRecord({ seq: 1, status: 500 }), requestRecord({ seq: 2, status: 404 })]);
    expect(counts()).toEqual({ server: 1, client: 1 });
    tests = 0;
    d.upsert([requestRecord({ seq: 3, status: 503 }), requestRecord({ seq: 4, status: 200 })]);
    expect(counts()).toEqual({ server: 2, client: 1 });
    expect(tests).toBe(2); // only the appended failure, once per chip
    d.upsert([requestRecord({ seq: 3, status: 429 })]); // a known id replaced
    expect(counts()).toEqual({ server: 1, client: 2 });
    d.remove(['wr:1']);
    expect(counts()).toEqual({ server: 0, client: 2 });
    d.reset([requestRecord({ seq: 9, status: 502 })]);
    expect(counts()).toEqual({ server: 1, client: 0 });
  });

  it('cell extents: the longest code, ID and message held and the verdicts in use, across appends, filters and resets', () => {
    const d = new Dataset(spec('status:5xx'));
    d.reset([
      requestRecord({ seq: 1, status: 400, code: 'InvalidTitle', message: 'Title is required' }),
      requestRecord({ seq: 2, status: 503, errorId: 'req_1', retryable: true }),
    ]);
    const first = d.cellExtents();
    // Rows the filter hides count too: a column keeps its width while the user types.
    expect(first).toEqual({ codeChars: 12, idChars: 5, messageChars: 17, verdicts: ['fix request', 'retry, backoff'] });
    expect(d.cellExtents()).toBe(first);
    d.upsert([requestRecord({ seq: 3, status: 404, code: 'x' })]);
    // Nothing wider arrived: the same object, so the list's layout is not recomputed.
    expect(d.cellExtents()).toBe(first);
    d.upsert([
      requestRecord({
        seq: 4,
        status: 401,
        errorId: '93aa74d5-8caf-473f-af2f-42cf806ddfdc',
        verdict: 'reauthenticate',
      }),
    ]);
    expect(d.cellExtents()).toEqual({
      codeChars: 12,
      idChars: 36,
      messageChars: 17,
      verdicts: ['fix request', 're-auth', 'retry, backoff'],
    });
    d.reset([
      requestRecord({ seq: 9, status: 500, code: 'GRAPHQL_VALIDATION_FAILED' }),
      requestRecord({ seq: 11, status: 0, error: 'net::ERR_CONNECTION_REFUSED' }),
      navigationRecord(10),
    ]);
    expect(d.cellExtents()).toEqual({ codeChars: 25, idChars: 0, messageChars: 27, verdicts: ['fix request'] });
  });

  it('cell extents measure a shared (frozen) classification once, and again after a change that recounts', () => {
    let reads = 0;
    const shared = requestRecord({ seq: 1, status: 503, errorId: 'unused' }).classification;
    Object.defineProperty(shared, 'errorId', {
      get: () => (reads++, 'req_12345'),
      enumerable: true,
    });
    Object.freeze(shared);
    const rows = (from: number, n: number) =>
      Array.from({ length: n }, (_, i) => ({ ...requestRecord({ seq: from + i }), classification: shared }));
    const d = new Dataset(spec());
    d.reset(rows(100, 50));
    expect(d.cellExtents().idChars).toBe(9);
    d.upsert(rows(1, 50)); // older rows put in front: counted on top
    d.upsert(rows(200, 50)); // appended
    expect(d.cellExtents().idChars).toBe(9);
    // Once per measuring pass at most (the cell's code reads the ID too), not once per row.
    expect(reads).toBeLessThanOrEqual(6);
    // A replaced row makes the extents count every row again: the shared part is measured again.
    d.upsert([requestRecord({ seq: 120, id: 'wr:120', errorId: 'x' })]);
    expect(d.cellExtents().idChars).toBe(9);
    d.reset(rows(300, 2));
    expect(d.cellExtents().idChars).toBe(9);
  });

  it('a snapshot shows failures only, in seq order, whatever the arrival order', () => {
    const d = new Dataset(spec());
    d.reset([
      requestRecord({ seq: 3, status: 500 }),
      requestRecord({ seq: 1, status: 404 }),
      requestRecord({ seq: 2, status: 200 }),
    ]);
    d.finishScan();
    expect(shownSeqs(d)).toEqual([1, 3]);
    expect(d.failureCount).toBe(2);
    expect(d.size).toBe(3);
  });

  it('appending a batch tests only the new rows', () => {
    const d = new Dataset(spec('status:5xx'));
    d.reset(manyFailures(10_000));
    d.finishScan();
    const before = d.testedRows;
    const shownBefore = d.visible.length;
    d.upsert(manyFailures(7, 10_001));
    expect(d.testedRows - before).toBe(7);
    // manyFailures cycles 400,404,422,429,500,503,0: two of seven are 5xx.
    expect(d.visible.length - shownBefore).toBe(2);
    expect(shownSeqs(d).slice(-2)).toEqual([10_005, 10_006]);
  });

  it('updating a known record (its body arrived) moves it in or out of the list', () => {
    const d = new Dataset(spec());
    d.reset([
      requestRecord({ seq: 1, status: 200 }),
      requestRecord({ seq: 2, status: 500 }),
      requestRecord({ seq: 3, status: 200 }),
    ]);
    d.finishScan();
    expect(shownSeqs(d)).toEqual([2]);
    // seq 1: a 200 whose body says it failed
    d.upsert([requestRecord({ seq: 1, status: 200, kind: 'body', failure: true, code: 'E1' })]);
    expect(shownSeqs(d)).toEqual([1, 2]);
    expect(d.failureCount).toBe(2);
    expect(d.rowBySeq(1)?.code).toBe('e1');
    d.upsert([requestRecord({ seq: 2, status: 200 })]);
    expect(shownSeqs(d)).toEqual([1]);
    expect(d.failureCount).toBe(1);
    expect(d.size).toBe(3);
  });

  it('a record arriving out of seq order lands in its place', () => {
    const d = new Dataset(spec());
    d.reset([requestRecord({ seq: 1 }), requestRecord({ seq: 5 })]);
    d.finishScan();
    d.upsert([requestRecord({ seq: 3 }), requestRecord({ seq: 9 })]);
    expect(shownSeqs(d)).toEqual([1, 3, 5, 9]);
  });

  it('navigation markers show between documents in the unfiltered view; consecutive ones collapse', () => {
    const d = new Dataset(spec());
    d.reset([
      navigationRecord(1),
      requestRecord({ seq: 2, status: 500 }),
      navigationRecord(3),
      requestRecord({ seq: 4, status: 200 }), // hidden: not a failure
      navigationRecord(5),
      requestRecord({ seq: 6, status: 404 }),
    ]);
    d.finishScan();
    expect(shownSeqs(d)).toEqual([1, 2, 5, 6]);
    expect(d.visibleRequestCount()).toBe(2);
    d.upsert([navigationRecord(7), navigationRecord(8)]);
    expect(shownSeqs(d)).toEqual([1, 2, 5, 6, 8]);
    // A filter hides the markers.
    d.setSpec(spec('status:404'));
    d.finishScan();
    expect(shownSeqs(d)).toEqual([6]);
  });

  it('a full re-filter shows the newest matches first and completes in bounded steps', () => {
    const n = SCAN_STEP_ROWS * 2 + 500;
    const records = manyFailures(n);
    const matching = records.filter((r) => r.exchange.status === 429).map((r) => r.seq);
    const d = new Dataset(spec());
    d.reset(records);
    d.finishScan();
    d.setSpec(spec('status:429'));
    expect(d.scanning).toBe(true);
    expect(d.step()).toBe(false);
    const partial = shownSeqs(d);
    expect(partial.length).toBeGreaterThan(0);
    // The first step covered the newest rows.
    expect(partial[partial.length - 1]).toBe(matching[matching.length - 1]);
    expect(partial).toEqual(matching.slice(matching.length - partial.length));
    let calls = 1;
    for (let done2 = false; !done2; calls++) done2 = d.step();
    expect(calls).toBe(Math.ceil(n / SCAN_STEP_ROWS));
    expect(shownSeqs(d)).toEqual(matching);
  });

  it('typing one more character re-tests only the rows shown, not every row', () => {
    const d = new Dataset(spec());
    d.reset(manyFailures(5000));
    d.finishScan();
    d.setSpec(spec('auth'));
    d.finishScan();
    const shown = d.visible.length;
    expect(shown).toBe(2500);
    const before = d.testedRows;
    d.setSpec(spec('auth.'));
    d.finishScan();
    expect(d.testedRows - before).toBe(shown);
    // Deleting characters widens: every row again.
    const mid = d.testedRows;
    d.setSpec(spec('aut'));
    d.finishScan();
    expect(d.testedRows - mid).toBe(5000);
    expect(d.visible.length).toBe(2500);
  });

  it('going back to a filter computed before costs no re-test, until the records change', () => {
    const d = new Dataset(spec());
    d.reset(manyFailures(3000));
    d.finishScan();
    d.setSpec(spec('api'));
    d.finishScan();
    d.setSpec(spec('api.'));
    d.finishScan();
    const before = d.testedRows;
    d.setSpec(spec('api')); // the character deleted again
    expect(d.scanning).toBe(false);
    expect(d.testedRows).toBe(before);
    expect(d.visible.length).toBe(1500);
    d.setSpec(spec(''));
    expect(d.visible.length).toBe(3000);
    d.upsert([requestRecord({ seq: 3001, url: 'https://api.example.com/x' })]);
    d.setSpec(spec('api'));
    d.finishScan();
    expect(d.testedRows).toBeGreaterThan(before);
    expect(d.visible.length).toBe(1501);
  });

  it('an upsert during a re-filter finishes it first and stays consistent', () => {
    const d = new Dataset(spec());
    d.reset(manyFailures(SCAN_STEP_ROWS * 2));
    d.finishScan();
    d.setSpec(spec('status:500'));
    d.step();
    expect(d.scanning).toBe(true);
    d.upsert([requestRecord({ seq: SCAN_STEP_ROWS * 2 + 1, status: 500 })]);
    expect(d.scanning).toBe(false);
    const seqs = shownSeqs(d);
    expect(seqs[seqs.length - 1]).toBe(SCAN_STEP_ROWS * 2 + 1);
    expect(seqs.every((s) => d.rowBySeq(s)!.status === 500)).toBe(true);
  });

  it('groups by endpoint and by code, incrementally on append', () => {
    const d = new Dataset(spec());
    d.reset([
      requestRecord({
        seq: 1,
        method: 'PATCH',
        url: 'https://a.test/v2/Articles/1',
        code: 'invalid_input',
        status: 422,
        startedAt: 1000,
      }),
      requestRecord({
        seq: 2,
        method: 'PATCH',
        url: 'https://a.test/v2/Articles/2',
        code: 'locked',
        status: 423,
        startedAt: 2000,
      }),
      requestRecord({
        seq: 3,
        method: 'GET',
        url: 'https://a.test/v2/Articles/2',
        code: 'invalid_input',
        status: 400,
        startedAt: 3000,
      }),
    ]);
    d.setGroupBy('endpoint');
    d.finishScan();
    const groups = () =>
      d
        .groups()!
        .groups()
        .map((g) => [g.key, g.count, g.firstSeen, g.lastSeen]);
    expect(groups()).toEqual([
      ['PATCH /v2/Articles/:id', 2, 1000, 2000],
      ['GET /v2/Articles/:id', 1, 3000, 3000],
    ]);
    d.upsert([
      requestRecord({ seq: 4, method: 'GET', url: 'https://a.test/v2/Articles/9', status: 500, startedAt: 4000 }),
    ]);
    expect(groups()[0]).toEqual(['GET /v2/Articles/:id', 2, 3000, 4000]);
    d.setGroupBy('code');
    expect(
      d
        .groups()!
        .groups()
        .map((g) => [g.key, g.count]),
    ).toEqual([
      ['invalid_input', 2],
      ['HTTP 500', 1],
      ['locked', 1],
    ]);
    expect(
      d
        .groups()!
        .members('invalid_input')
        .map((p) => d.row(p).seq),
    ).toEqual([1, 3]);
  });

  it('evicting the oldest records drops them from the front without re-testing the rest', () => {
    const d = new Dataset(spec());
    d.reset([navigationRecord(1), ...manyFailures(9, 2)]);
    d.setGroupBy('code');
    d.finishScan();
    const before = d.testedRows;
    d.remove(['nav:1', 'wr:2', 'wr:3']);
    expect(d.testedRows).toBe(before);
    expect(shownSeqs(d)).toEqual([4, 5, 6, 7, 8, 9, 10]);
    expect(d.size).toBe(7);
    expect(d.failureCount).toBe(7);
    expect(d.rowBySeq(2)).toBeUndefined();
    expect(d.rowBySeq(4)?.seq).toBe(4);
    expect(
      d
        .groups()!
        .groups()
        .reduce((n, g) => n + g.count, 0),
    ).toBe(7);
    // Slots keep working for later appends, updates and filters.
    d.upsert([requestRecord({ seq: 11, status: 503 }), requestRecord({ seq: 5, status: 200 })]);
    expect(shownSeqs(d)).toEqual([4, 6, 7, 8, 9, 10, 11]);
    d.setSpec(spec('status:503'));
    d.finishScan();
    expect(shownSeqs(d)).toEqual([7, 11]); // manyFailures(9, 2) gives seq 7 a 503
  });

  it('evicting from the middle rebuilds correctly', () => {
    const d = new Dataset(spec());
    d.reset(manyFailures(5));
    d.finishScan();
    d.remove(['wr:3', 'unknown']);
    expect(shownSeqs(d)).toEqual([1, 2, 4, 5]);
    d.upsert([requestRecord({ seq: 6 })]);
    expect(shownSeqs(d)).toEqual([1, 2, 4, 5, 6]);
  });

  it('clear empties everything', () => {
    const d = new Dataset(spec());
    d.reset(manyFailures(10));
    d.clear();
    d.finishScan();
    expect(d.size).toBe(0);
    expect(d.visible.length).toBe(0);
    expect(d.failureCount).toBe(0);
  });

  it('older rows prepended batch by batch (newest first, as a panel opens) match the same rows taken at once', () => {
    const all: CaptureRecord[] = manyFailures(60);
    // Markers among the requests, two of them back to back (the scan keeps only the newer).
    all.splice(10, 0, navigationRecord(10.5));
    all.splice(30, 0, navigationRecord(29.5), navigationRecord(29.7));
    const chips = [{ id: 'server', test: (r: { status: number }) => r.status >= 500 }];
    for (const text of ['', 'status:5xx', '-host:auth.example.com']) {
      const whole = new Dataset(spec(text));
      whole.reset(all);
      whole.finishScan();
      whole.setGroupBy('code');
      const parts = new Dataset(spec(text));
      parts.setGroupBy('code');
      // The newest rows first (a snapshot), then older batches, one of them out of seq order.
      parts.reset(all.slice(50));
      parts.finishScan();
      const countsBefore = parts.chipCounts(chips).get('server')!;
      parts.upsert(all.slice(30, 50));
      parts.upsert([...all.slice(11, 30)].reverse());
      const tested = parts.testedRows;
      parts.upsert(all.slice(0, 11));
      expect(parts.testedRows - tested).toBeLessThanOrEqual(11); // only the batch's rows
      expect(parts.size).toBe(all.length);
      expect(shownSeqs(parts)).toEqual(shownSeqs(whole));
      expect(parts.visibleRequestCount()).toBe(whole.visibleRequestCount());
      expect(parts.failureCount).toBe(whole.failureCount);
      expect(parts.chipCounts(chips)).toEqual(whole.chipCounts(chips));
      expect(parts.chipCounts(chips).get('server')!).toBeGreaterThan(countsBefore);
      expect(parts.cellExtents()).toEqual(whole.cellExtents());
      const groupsOf = (d: Dataset) =>
        d
          .groups()!
          .groups()
          .map((g) => [
            g.key,
            g.count,
            d
              .groups()!
              .members(g.key)
              .map((p) => d.row(p).seq),
          ]);
      expect(groupsOf(parts)).toEqual(groupsOf(whole));
      for (const r of all) {
        expect(parts.rowById(r.id)?.seq).toBe(r.seq);
        expect(parts.rowBySeq(r.seq)?.record.id).toBe(r.id);
      }
      // A later live append still lands at the end.
      parts.upsert(manyFailures(2, 100));
      whole.upsert(manyFailures(2, 100));
      expect(shownSeqs(parts)).toEqual(shownSeqs(whole));
      expect(parts.size).toBe(all.length + 2);
    }
  });

  it('records arriving as they complete (not in seq order) land in their place and re-test only the rows after them', () => {
    // Requests with markers among them, delivered in batches, each batch's records shuffled and some
    // held back to a later batch (a slow request completes after newer ones).
    const markers = [40.5, 40.7, 150.5, 150.6, 150.7, 300.5].map((seq) => navigationRecord(seq));
    const all: CaptureRecord[] = [...manyFailures(400), ...markers].sort((a, b) => a.seq - b.seq);
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const batches: CaptureRecord[][] = [];
    let held: CaptureRecord[] = [];
    for (let i = 0; i < all.length; i += 20) {
      const batch = [...held, ...all.slice(i, i + 20)];
      held = batch.filter(() => random() < 0.15);
      batches.push(batch.filter((r) => !held.includes(r)).sort(() => random() - 0.5));
    }
    batches.push(held);
    const chips = [{ id: 'server', test: (r: { status: number }) => r.status >= 500 }];
    for (const text of ['', 'status:5xx']) {
      const whole = new Dataset(spec(text));
      whole.setGroupBy('code');
      whole.reset(all);
      whole.finishScan();
      const live = new Dataset(spec(text));
      live.setGroupBy('code');
      live.reset(all.slice(0, 0));
      let tested = 0;
      for (const batch of batches) {
        const before = live.testedRows;
        live.upsert(batch);
        tested = Math.max(tested, live.testedRows - before);
      }
      // Each batch re-tests its rows and those after its oldest, never every row held.
      expect(tested).toBeLessThan(all.length / 4);
      expect(live.size).toBe(all.length);
      expect(shownSeqs(live)).toEqual(shownSeqs(whole));
      expect(live.failureCount).toBe(whole.failureCount);
      expect(live.chipCounts(chips)).toEqual(whole.chipCounts(chips));
      const groupsOf = (d: Dataset) =>
        d
          .groups()!
          .groups()
          .map((g) => [g.key, g.count]);
      expect(groupsOf(live)).toEqual(groupsOf(whole));
      for (const r of all) expect(live.rowById(r.id)?.seq).toBe(r.seq);
      // Evictions from the front still work on the re-slotted rows.
      live.remove(all.slice(0, 30).map((r) => r.id));
      whole.remove(all.slice(0, 30).map((r) => r.id));
      expect(shownSeqs(live)).toEqual(shownSeqs(whole));
    }
    // A late request between two markers: the older marker, left out for the newer, shows again.
    const d = new Dataset(spec());
    d.reset([requestRecord({ seq: 1 }), navigationRecord(2), navigationRecord(4)]);
    d.finishScan();
    expect(shownSeqs(d)).toEqual([1, 4]);
    d.upsert([requestRecord({ seq: 3 })]);
    expect(shownSeqs(d)).toEqual([1, 2, 3, 4]);
  });

  it('a batch older than the rows held that repeats an id of its own takes the general path, its ids unindexed first', () => {
    const d = new Dataset(spec());
    const all = manyFailures(10);
    d.reset(all.slice(5));
    d.upsert([all[0], all[1], { ...all[2], id: all[0].id }]);
    // wr:1 twice in the batch: one row, at its later seq, and every id finds its own row.
    expect(d.size).toBe(7);
    expect(d.rowById(all[0].id)?.seq).toBe(3);
    expect(d.rowById(all[1].id)?.seq).toBe(2);
    expect(d.rowById(all[2].id)).toBeUndefined();
    for (const r of all.slice(5)) expect(d.rowById(r.id)?.seq).toBe(r.seq);
    expect(shownSeqs(d)).toEqual([2, 3, 6, 7, 8, 9, 10]);
  });

  it('chips that share an id count into one figure, also when counted on top of an earlier result', () => {
    const chips = [
      { id: 'bad', test: (r: { status: number }) => r.status >= 500 },
      { id: 'bad', test: (r: { status: number }) => r.status === 404 },
      { id: 'gateway', test: (r: { status: number }) => r.status === 502 },
    ];
    const d = new Dataset(spec());
    d.reset([requestRecord({ seq: 1, status: 500 }), requestRecord({ seq: 2, status: 404 })]);
    expect([...d.chipCounts(chips)]).toEqual([
      ['bad', 2],
      ['gateway', 0],
    ]);
    d.upsert([requestRecord({ seq: 3, status: 502 }), requestRecord({ seq: 4, status: 404 })]);
    expect([...d.chipCounts(chips)]).toEqual([
      ['bad', 4],
      ['gateway', 1],
    ]);
  });

  it('a batch older than the rows held but repeating a known id takes the general path', () => {
    const d = new Dataset(spec());
    const all = manyFailures(10);
    d.reset(all.slice(5));
    d.upsert([...all.slice(0, 3), { ...all[7], seq: 4 }]);
    // wr:8 moved to seq 4: replaced where it now sorts, not added twice.
    expect(d.size).toBe(8);
    expect(shownSeqs(d)).toEqual([1, 2, 3, 4, 6, 7, 9, 10]);
    expect(d.rowBySeq(4)?.record.id).toBe('wr:8');
  });
});
