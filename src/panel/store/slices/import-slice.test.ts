import { describe, expect, it, vi } from 'vitest';
import { envelope } from '../../../protocol/messages';
import type { ImportResult } from '../../import';
import { manyFailures, stats } from '../../testing';
import { setupStore as setup, snapshot, TAB } from '../store-harness';

const result: ImportResult = {
  fileName: 'x.har',
  records: manyFailures(4, 1),
  entries: 5,
  problems: [{ index: 4, message: 'bad', skipped: true }],
  notes: [],
};

describe('import slice', () => {
  it('imports into their own view; a bad file gives an error banner and keeps the live view', () => {
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
    expect(s().banner).toEqual({ kind: 'info', text: 'x.har: 1 of 5 entries could not be read and are left out.' });
    // Live updates keep flowing into the live view meanwhile.
    s().receive(envelope('bg/upsert', { tabId: TAB, records: manyFailures(1, 3), stats: stats() }));
    s().setView('live');
    expect(s().dataset().visibleRequestCount()).toBe(3);
    s().setView('imported');
    s().clear(); // in the imported view: closes it
    expect(s().imported).toBeNull();
    expect(s().view).toBe('live');
    expect(s().dataset().visibleRequestCount()).toBe(3);
  });

  it('an imported list takes the current filter and grouping', () => {
    const { s } = setup({ importHar: () => result });
    s().setFilterText('status:404');
    s().setGroupBy('code');
    s().importFile('x.har', '{}');
    s().flush();
    expect(s().dataset().visibleRequestCount()).toBe(
      manyFailures(4, 1).filter((r) => r.exchange.status === 404).length,
    );
    expect(s().dataset().groups()).not.toBeNull();
  });

  it('without an importer, says importing is not available', () => {
    const { s } = setup();
    s().importFile('x.har', '{}');
    expect(s().banner).toEqual({ kind: 'error', text: 'Importing is not available here.' });
    expect(s().imported).toBeNull();
  });

  it('a streamed import opens an empty view that batches fill; a broken file says where it stopped', () => {
    const { s } = setup();
    s().beginImport('big.har');
    expect(s().view).toBe('imported');
    expect(s().imported).toMatchObject({ fileName: 'big.har', entries: 0 });
    expect(s().dataset().size).toBe(0);
    s().importRecords(manyFailures(2, 1));
    s().importRecords(manyFailures(3, 3));
    s().flush();
    expect(s().dataset().size).toBe(5);
    s().finishImport({ fileName: 'big.har', entries: 6, skipped: 1, problems: [], notes: [] }, 'unexpected end');
    expect(s().banner).toEqual({
      kind: 'error',
      text: 'big.har: unexpected end. The 5 entries before it are shown. 1 of 6 entries could not be read and are left out.',
    });
    s().closeImport();
    s().importRecords(manyFailures(1, 9)); // after close: nowhere to go, ignored
    expect(s().view).toBe('live');
    expect(s().dataset().size).toBe(0);
  });
});
