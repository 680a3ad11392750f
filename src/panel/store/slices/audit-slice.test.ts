import { afterEach, describe, expect, it, vi } from 'vitest';
import { envelope } from '../../../protocol/messages';
import { requestRecord, stats } from '../../testing';
import { setupStore as setup, snapshot, TAB } from '../store-harness';

const T0 = 1_700_000_000_000;
/** A POST re-sent unchanged after a 422: flagged by the audit. */
const attempt = (seq: number, at: number) =>
  requestRecord({ seq, url: 'https://api.example.com/orders', method: 'POST', status: 422, startedAt: T0 + at });

describe('audit slice', () => {
  it('audits after a quiet moment: a burst of upserts costs one refresh, then the counts are published', () => {
    const { s, audits, runAudits } = setup();
    s().receive(snapshot([attempt(1, 0)]));
    s().receive(envelope('bg/upsert', { tabId: TAB, records: [attempt(2, 50)], stats: stats() }));
    s().receive(envelope('bg/upsert', { tabId: TAB, records: [attempt(3, 100)], stats: stats() }));
    expect(audits.length).toBe(1);
    expect(s().auditFindings).toBe(0);
    const revision = s().auditRevision;
    runAudits();
    expect(s().auditFindings).toBe(1);
    expect(s().auditSequences).toBe(1);
    expect(s().auditRevision).toBeGreaterThan(revision);
    expect(s().audit().rulesFor('wr:3')).toEqual(['unchanged-retry']);
  });

  it('clearing publishes an empty audit at once', () => {
    const { s, runAudits } = setup();
    s().receive(snapshot([attempt(1, 0), attempt(2, 50)]));
    runAudits();
    expect(s().auditFindings).toBe(1);
    s().clear();
    expect(s().auditFindings).toBe(0);
    expect(s().auditSequences).toBe(0);
  });

  it('buckets a large backlog over several tasks before it refreshes', () => {
    let clock = 0;
    // Every clock read costs 5 ms: the 8 ms slice holds one step of bucketing.
    const { s, audits, runAudits } = setup({ now: () => (clock += 5) });
    const distinct = Array.from({ length: 3_000 }, (_, i) =>
      requestRecord({ seq: 10 + i, url: `https://api.example.com/items/${i}`, status: 200, startedAt: T0 + i }),
    );
    s().receive(snapshot([attempt(1, 0), ...distinct, attempt(2, 50)]));
    expect(audits.length).toBe(1);
    audits.shift()!();
    // One slice did not bucket the 3,002 records: the refresh continues in a task of its own.
    expect(audits.length).toBe(1);
    expect(s().auditFindings).toBe(0);
    runAudits();
    expect(s().auditFindings).toBe(1);
    expect(s().audit().rulesFor('wr:2')).toEqual(['unchanged-retry']);
  });

  describe('with the default timer', () => {
    afterEach(() => vi.useRealTimers());

    it("waits while changes keep coming (an opening panel's messages), then refreshes once", () => {
      vi.useFakeTimers();
      let clock = 0;
      const { s } = setup({ scheduleAudit: undefined, now: () => clock });
      const advance = (ms: number) => {
        clock += ms;
        vi.advanceTimersByTime(ms);
      };
      s().receive(snapshot([attempt(1, 0)]));
      for (let i = 2; i <= 9; i++) {
        advance(200);
        s().receive(envelope('bg/upsert', { tabId: TAB, records: [attempt(i, i * 50)], stats: stats() }));
      }
      expect(s().auditFindings).toBe(0);
      advance(600);
      expect(s().auditFindings).toBeGreaterThan(0);
      expect(s().audit().rulesFor('wr:9')).toContain('unchanged-retry');
    });

    it('refreshes within 3 s of the first change even when changes never pause', () => {
      vi.useFakeTimers();
      let clock = 0;
      const { s } = setup({ scheduleAudit: undefined, now: () => clock });
      s().receive(snapshot([attempt(1, 0)]));
      let seq = 2;
      for (; clock < 3_600; seq++) {
        clock += 100;
        vi.advanceTimersByTime(100);
        s().receive(envelope('bg/upsert', { tabId: TAB, records: [attempt(seq, seq * 50)], stats: stats() }));
      }
      expect(s().auditFindings).toBeGreaterThan(0);
    });
  });
});
