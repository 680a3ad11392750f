import { describe, expect, it, vi } from 'vitest';
import type { ImportResult } from '../../import';
import { manyFailures, requestRecord } from '../../testing';
import { setupStore as setup, snapshot } from '../store-harness';

describe('view slice', () => {
  it('the detail opens only for an existing selected record; selecting a group closes it', () => {
    const { s } = setup();
    s().receive(snapshot());
    s().openDetail();
    expect(s().detailOpen).toBe(false);
    s().select({ kind: 'row', seq: 1 });
    s().openDetail();
    expect(s().detailOpen).toBe(true);
    s().select({ kind: 'group', key: 'x' });
    expect(s().detailOpen).toBe(false);
    s().select({ kind: 'row', seq: 1 });
    s().openDetail();
    s().closeDetail();
    expect(s().detailOpen).toBe(false);
  });

  it('groups open and close', () => {
    const { s } = setup();
    s().toggleGroup('GET /a');
    expect([...s().expandedGroups]).toEqual(['GET /a']);
    s().toggleGroup('GET /a');
    expect([...s().expandedGroups]).toEqual([]);
  });

  it('the audit view audits the list shown before it; showRecord goes back to that list with the detail open', () => {
    const imported: ImportResult = {
      fileName: 'x.har',
      records: [requestRecord({ id: 'imp:1', seq: 1, status: 500 })],
      entries: 1,
      problems: [],
      notes: [],
    };
    const { s } = setup({ importHar: vi.fn(() => imported) });
    s().receive(snapshot(manyFailures(3)));
    s().setView('imported'); // nothing imported: stays
    expect(s().view).toBe('live');
    s().setView('audit');
    expect(s().auditOf).toBe('live');
    expect(s().dataset().size).toBe(3);
    s().importFile('x.har', '{}');
    s().setView('audit');
    expect(s().auditOf).toBe('imported');
    expect(s().dataset().size).toBe(1);
    s().showRecord('imp:1');
    expect(s().view).toBe('imported');
    expect(s().selection).toEqual({ kind: 'row', seq: 1 });
    expect(s().detailOpen).toBe(true);
    s().showRecord('no-such-id');
    expect(s().selection).toEqual({ kind: 'row', seq: 1 });
  });
});
