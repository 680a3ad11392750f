// @vitest-environment happy-dom
// The list holds rows cut to what it shows (issue 18): the detail and the copies wait for the full
// record from the background and use it, never the cut row.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { toListRecord } from '../../protocol/list-record';
import { envelope, type Envelope, type RequestRecord } from '../../protocol/messages';
import { createPanelStore } from '../store/panel-store';
import { requestRecord } from '../testing';
import { flush, renderPanel, stubClipboard, type Rendered } from './test-render';

let view: Rendered | null = null;
let written: string[] = [];
beforeEach(() => {
  written = stubClipboard();
});
afterEach(() => {
  view?.unmount();
  view = null;
});

const full: RequestRecord[] = [1, 2].map((seq) =>
  requestRecord({
    seq,
    status: 422,
    code: 'invalid_input',
    body: JSON.stringify({ error: { code: 'invalid_input', detail: `only in the full record ${seq}` } }),
    requestHeaders: [{ name: 'X-Trace-Context', value: `trace-${seq}` }],
  }),
);
// Bodies are small enough to stay in a row; cut them anyway to make the difference visible.
const rows = full.map((r) => {
  const row = toListRecord(r) as RequestRecord;
  return { ...row, exchange: { ...row.exchange, body: undefined } };
});

function setup() {
  const sent: Envelope[] = [];
  const store = createPanelStore({
    tabId: 7,
    send: (m) => sent.push(m),
    schedule: (task) => task(),
    scheduleAudit: (task) => task(),
    toastMs: 60_000,
  });
  view = renderPanel(rows, { store });
  const answer = (): void => {
    act(() => {
      for (const m of sent.splice(0)) {
        if (m.type !== 'panel/get-records') continue;
        const { requestId, ids } = m.payload as { requestId: number; ids: string[] };
        store.getState().receive(
          envelope('bg/records', {
            tabId: 7,
            requestId,
            records: full.filter((r) => ids.includes(r.id)),
            missing: [],
          }),
        );
      }
    });
  };
  return { view, store, sent, answer };
}

describe('full records behind list rows', () => {
  it('the detail says it is loading, asks the background, then shows the full record', () => {
    const { view: v, store, sent, answer } = setup();
    act(() => {
      store.getState().select({ kind: 'row', seq: 2 });
      store.getState().openDetail();
    });
    expect(v.root.querySelector('[data-testid="detail-loading"]')).not.toBeNull();
    expect(v.root.querySelector('[data-testid="detail"]')).toBeNull();
    expect(sent.map((m) => [m.type, (m.payload as { ids?: string[] }).ids])).toEqual([['panel/get-records', ['wr:2']]]);
    answer();
    const detail = v.root.querySelector('[data-testid="detail"]')!;
    expect(detail.textContent).toContain('only in the full record 2');
    expect(detail.textContent).toContain('X-Trace-Context');
  });

  it('copy all as cURL copies the full records, headers included', async () => {
    const { view: v, answer } = setup();
    act(() => void window.dispatchEvent(new CustomEvent('faultline-copy-all', { detail: 'curl' })));
    answer();
    await flush();
    expect(written.length).toBe(1);
    expect(written[0]).toContain('trace-1');
    expect(written[0]).toContain('trace-2');
    expect(v.root.textContent).toContain('Copied 2 requests as cURL');
  });

  it('says how many records the background no longer held', async () => {
    const { view: v, store, sent } = setup();
    act(() => void window.dispatchEvent(new CustomEvent('faultline-copy-all', { detail: 'har' })));
    act(() =>
      store
        .getState()
        .receive(envelope('bg/records', { tabId: 7, requestId: 1, records: [full[0]], missing: ['wr:2'] })),
    );
    await flush();
    expect(sent.length).toBe(1);
    expect(v.root.textContent).toContain('Copied 1 request as HAR; 1 no longer held by the background was left out');
  });

  it('the detail says so when the background no longer holds the record, instead of loading forever', () => {
    const { view: v, store, sent } = setup();
    act(() => {
      store.getState().select({ kind: 'row', seq: 1 });
      store.getState().openDetail();
    });
    expect(v.root.querySelector('[data-testid="detail-loading"]')).not.toBeNull();
    const { requestId } = sent[0].payload as { requestId: number };
    act(() =>
      store.getState().receive(envelope('bg/records', { tabId: 7, requestId, records: [], missing: ['wr:1'] })),
    );
    expect(v.root.querySelector('[data-testid="detail-loading"]')).toBeNull();
    expect(v.root.querySelector('[data-testid="detail-gone"]')?.textContent).toContain('no longer holds this request');
  });
});
