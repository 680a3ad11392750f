// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { envelope } from '../../protocol/messages';
import { createPanelStore } from '../store/panel-store';
import { requestRecord, stats, type RecordSpec } from '../testing';
import { click, renderPanel, rows, type Rendered } from './test-render';

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

const T0 = 1_700_000_000_000;
const q = (root: Element, id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const all = (root: Element, id: string) => Array.from(root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`));

function attempts(url: string, steps: Array<[number, number, Partial<RecordSpec>?]>, firstSeq: number) {
  return steps.map(([at, status, extra], i) =>
    requestRecord({ seq: firstSeq + i, url, status, startedAt: T0 + at, ...extra }),
  );
}

/** A 422 re-sent twice at once, a 429 retried 0.2 s into a 2 s Retry-After, and one lone 404. */
const mistakes = () => [
  ...attempts(
    'https://api.example.com/orders?run=1',
    [
      [0, 422, { method: 'POST' }],
      [10, 422, { method: 'POST' }],
      [20, 422, { method: 'POST' }],
    ],
    1,
  ),
  ...attempts(
    'https://api.example.com/limits?run=2',
    [
      [1000, 429, { retryable: true, retryAfterSeconds: 2 }],
      [1200, 200],
    ],
    10,
  ),
  requestRecord({ seq: 20, url: 'https://api.example.com/missing', status: 404, startedAt: T0 + 5000 }),
];

describe('retry audit in the panel', () => {
  it('badges the affected rows with their rules, and leaves the others alone', () => {
    view = renderPanel(mistakes());
    const badged = rows(view.root).filter((r) => r.querySelector('[data-testid="audit-badge"]'));
    expect(badged.map((r) => r.dataset.seq)).toEqual(['1', '2', '3', '10']);
    expect(badged[0].querySelector('[data-testid="audit-badge"]')!.getAttribute('data-audit-rules')).toBe(
      'unchanged-retry',
    );
    expect(badged[3].querySelector('[data-testid="audit-badge"]')!.getAttribute('data-audit-rules')).toBe(
      'retry-too-soon',
    );
    expect(
      rows(view.root)
        .find((r) => r.dataset.seq === '20')!
        .querySelector('[data-testid="audit-badge"]'),
    ).toBeNull();
    expect(q(view.root, 'view-audit')!.dataset.findings).toBe('2');
  });

  it('badges a group that holds a flagged row', () => {
    view = renderPanel(mistakes());
    act(() => view!.store.getState().setGroupBy('endpoint'));
    const groups = all(view.root, 'group-row');
    const flagged = groups.filter((g) => g.querySelector('[data-testid="audit-badge"]')).map((g) => g.dataset.key);
    expect(flagged.sort()).toEqual(['GET /limits', 'POST /orders']);
  });

  it('the Audit view lists each finding with its title, call, fix, timeline and attempts, and states the thresholds', () => {
    view = renderPanel(mistakes());
    click(q(view.root, 'view-audit'));
    expect(view.root.querySelector('[data-testid="failure-list"]')).toBeNull();
    const findings = all(view.root, 'audit-finding');
    expect(findings.map((f) => f.dataset.rule)).toEqual(['unchanged-retry', 'retry-too-soon']);
    const [unchanged, soon] = findings;
    expect(unchanged.dataset.key).toBe('POST https://api.example.com/orders?run=1');
    expect(unchanged.textContent).toContain('Non-retryable failure retried unchanged');
    expect(unchanged.textContent).toContain('×2');
    expect(q(soon, 'audit-fix')!.textContent).toBe('Honour Retry-After header: waited 0.2 s of 2 s.');
    expect(all(soon, 'attempt-mark')).toHaveLength(2);
    const wait = all(soon, 'advised-wait');
    expect(wait).toHaveLength(1);
    expect(wait[0].className).toContain('early');
    const table = Array.from(q(soon, 'audit-attempts')!.querySelectorAll('tbody tr')).map((tr) =>
      Array.from(tr.children).map((td) => td.textContent),
    );
    expect(table).toEqual([
      ['#1', '429 Too Many Requests', '—', '—'],
      ['#2', '200 Reason 200', '0.2 s', '2 s'],
    ]);
    expect(q(view.root, 'audit-limits')!.textContent).toMatch(/more than 5 attempts within 5 s/);
  });

  it('says how many retry sequences were clean when nothing is wrong', () => {
    view = renderPanel(
      attempts(
        'https://api.example.com/flaky',
        [
          [0, 503, { retryable: true }],
          [1000, 503, { retryable: true }],
          [3000, 200],
        ],
        1,
      ),
    );
    click(q(view.root, 'view-audit'));
    expect(q(view.root, 'audit-empty')!.textContent).toBe('No retry mistakes found in 1 retry sequence.');
    expect(all(view.root, 'audit-finding')).toHaveLength(0);
  });

  it('an attempt in the audit opens its row in the list, with the detail naming the finding', () => {
    view = renderPanel(mistakes());
    click(q(view.root, 'view-audit'));
    const soon = all(view.root, 'audit-finding').find((f) => f.dataset.rule === 'retry-too-soon')!;
    click(soon.querySelector('tbody tr button'));
    expect(view.store.getState().view).toBe('live');
    expect(q(view.root, 'detail')).not.toBeNull();
    expect(q(view.root, 'detail-audit')!.textContent).toContain("Retried before the server's wait");
  });

  it('audits an imported HAR on its own, from the Audit tab opened over it', () => {
    const importHar = () => ({ fileName: 'x.har', records: mistakes(), entries: 6, problems: [], notes: [] });
    const store = createPanelStore({ tabId: 7, schedule: (t) => t(), scheduleAudit: (t) => t(), importHar });
    view = renderPanel([], { store });
    expect(q(view.root, 'view-audit')!.dataset.findings).toBe('0');
    act(() => store.getState().importFile('x.har', '{}'));
    click(q(view.root, 'view-audit'));
    expect(all(view.root, 'audit-finding')).toHaveLength(2);
    expect(q(view.root, 'audit-view')!.textContent).toContain('Retry audit of x.har');
    click(q(view.root, 'view-live'));
    click(q(view.root, 'view-audit'));
    expect(q(view.root, 'audit-empty')!.textContent).toContain('in 0 retry sequences');
  });

  it('audits after a quiet moment, not inside each upsert', () => {
    const pending: Array<() => void> = [];
    // A clock that never moves: the refresh is one slice however loaded the machine is.
    const store = createPanelStore({
      tabId: 7,
      schedule: (t) => t(),
      scheduleAudit: (t) => void pending.push(t),
      now: () => 0,
    });
    view = renderPanel([], { store });
    const records = mistakes();
    for (const r of records)
      act(() => store.getState().receive(envelope('bg/upsert', { tabId: 7, records: [r], stats: stats() })));
    expect(pending).toHaveLength(1); // one refresh scheduled for the whole batch
    expect(view.root.querySelector('[data-testid="audit-badge"]')).toBeNull();
    act(() => pending.shift()!());
    expect(all(view.root, 'audit-badge')).toHaveLength(4);
    expect(q(view.root, 'view-audit')!.dataset.findings).toBe('2');
  });
});
