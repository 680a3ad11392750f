import { describe, expect, it } from 'vitest';
import { toListRecord } from '../../../protocol/list-record';
import { envelope, type RequestRecord } from '../../../protocol/messages';
import { manyFailures, stats } from '../../testing';
import { setupStore as setup, snapshot, TAB } from '../store-harness';

const full = manyFailures(3);
const rows = full.map((r) => toListRecord(r) as RequestRecord);

describe('records slice', () => {
  it('asks the background for the full records behind list rows and publishes their arrival', async () => {
    const { s, sent } = setup();
    s().receive(snapshot(rows));
    const row = s().dataset().rowBySeq(2)!.record as RequestRecord;
    expect(s().fullRecord(row)).toBeUndefined();
    const pending = s().fullRecords([row]);
    const ask = sent.find((m) => m.type === 'panel/get-records');
    expect(ask?.payload).toEqual({ tabId: TAB, requestId: 1, ids: ['wr:2'] });
    const revision = s().fullRevision;
    s().receive(envelope('bg/records', { tabId: TAB, requestId: 1, records: [full[1]], missing: [] }));
    expect(await pending).toEqual({ records: [full[1]], missing: 0 });
    expect(s().fullRecord(row)).toBe(full[1]);
    expect(s().fullRevision).toBeGreaterThan(revision);
  });

  it('an upsert of the record drops the fetched copy; other tabs answers are ignored', async () => {
    const { s } = setup();
    s().receive(snapshot(rows));
    const row = rows[0];
    const pending = s().fullRecords([row]);
    s().receive(envelope('bg/records', { tabId: 99, requestId: 1, records: [full[0]], missing: [] }));
    expect(s().fullRecord(row)).toBeUndefined();
    s().receive(envelope('bg/records', { tabId: TAB, requestId: 1, records: [full[0]], missing: [] }));
    await pending;
    expect(s().fullRecord(row)).toBe(full[0]);
    s().receive(envelope('bg/upsert', { tabId: TAB, records: [rows[0]], stats: stats() }));
    expect(s().fullRecord(row)).toBeUndefined();
  });

  it('full records (an imported file, or a background that sends them) need no fetch', async () => {
    const { s, sent } = setup();
    s().receive(snapshot(full));
    expect(s().fullRecord(full[0])).toBe(full[0]);
    expect(await s().fullRecords(full)).toEqual({ records: full, missing: 0 });
    expect(sent.some((m) => m.type === 'panel/get-records')).toBe(false);
  });
});
