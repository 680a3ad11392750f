// @vitest-environment happy-dom
// The panel's side of capture fidelity: canceled rows and their chip, the call site (cell, detail,
// Sources link), and the CORS preflight in the detail.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import type { RequestRecord } from '../../protocol/messages';
import { requestRecord } from '../testing';
import { click, renderPanel, type Rendered } from './test-render';

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

const APP = 'http://127.0.0.1:5173/cap/app.js';
const STACK = [
  {
    functionName: 'request',
    url: 'http://127.0.0.1:5173/node_modules/.vite/deps/axios.js',
    lineNumber: 10,
    columnNumber: 2,
  },
  { functionName: 'loadItems', url: APP, lineNumber: 41, columnNumber: 9 },
];

function withExchange(record: RequestRecord, patch: Partial<RequestRecord['exchange']>): RequestRecord {
  return { ...record, exchange: { ...record.exchange, ...patch } };
}

function openDetail(v: Rendered, seq: number): HTMLElement {
  act(() => {
    v.store.getState().select({ kind: 'row', seq });
    v.store.getState().openDetail();
  });
  return v.root.querySelector<HTMLElement>('[data-testid="detail"]')!;
}

const rows = (v: Rendered) => Array.from(v.root.querySelectorAll<HTMLElement>('[role="row"][data-seq]'));

describe('canceled requests', () => {
  const canceled = requestRecord({
    seq: 2,
    status: 0,
    error: 'net::ERR_ABORTED',
    kind: 'canceled',
    failure: false,
    message: '(canceled): …',
  });

  it('are not in the failures-only list or its count; the Canceled chip shows them as "(canceled)"', () => {
    view = renderPanel([requestRecord({ seq: 1, status: 500 }), canceled]);
    expect(rows(view).map((r) => r.dataset.seq)).toEqual(['1']);
    const chip = view.root.querySelector<HTMLButtonElement>('[data-testid="chip-canceled"]')!;
    expect(chip).toBeDefined();
    click(chip);
    expect(rows(view).map((r) => r.dataset.seq)).toEqual(['2']);
    const status = rows(view)[0].querySelector('.col-status')!;
    expect(status.textContent).toBe('(canceled)');
    expect(rows(view)[0].dataset.kind).toBe('canceled');
    // The failure count is unchanged by the chip.
    expect(view.store.getState().failures).toBe(1);
  });
});

describe('call site', () => {
  it('shows the app frame in the row and the whole stack in the detail, linked to Sources at the 0-based line', () => {
    const openResource = vi.fn();
    view = renderPanel([withExchange(requestRecord({ seq: 1, status: 500 }), { callStack: STACK })], {
      platform: { openResource },
    });
    // The Call site column is optional: off by default, on from the header menu.
    expect(view.root.querySelector('[data-testid="call-site"]')).toBeNull();
    act(() => view!.store.getState().setColumnPrefs({ shownColumns: ['site'] }));
    expect(view.root.querySelector('[data-testid="call-site"]')!.textContent).toBe('loadItems (app.js:42)');
    const detail = openDetail(view, 1);
    const link = detail.querySelector<HTMLButtonElement>('[data-testid="call-site-link"]')!;
    expect(link.textContent).toBe('loadItems (app.js:42)');
    click(link);
    expect(openResource).toHaveBeenCalledWith(APP, 41, 9);
    expect(detail.querySelectorAll('.stack li')).toHaveLength(2);
  });

  it('says what Firefox cannot give, and what Chrome gives only with DevTools open', () => {
    view = renderPanel([requestRecord({ seq: 1, status: 500 })], { platform: { browserName: 'firefox' } });
    expect(openDetail(view, 1).querySelector('[data-testid="detail-call-site-none"]')!.textContent).toContain(
      'Firefox does not give extensions the script stack',
    );
    view.unmount();
    view = renderPanel([requestRecord({ seq: 1, status: 500 })]);
    expect(openDetail(view, 1).querySelector('[data-testid="detail-call-site-none"]')!.textContent).toContain(
      'before DevTools opened',
    );
  });

  it('groups failures by call site', () => {
    view = renderPanel([
      withExchange(requestRecord({ seq: 1, status: 500 }), { callStack: STACK }),
      withExchange(requestRecord({ seq: 2, status: 502 }), { callStack: STACK }),
      requestRecord({ seq: 3, status: 404 }),
    ]);
    act(() => view!.store.getState().setGroupBy('callsite'));
    const groups = Array.from(view.root.querySelectorAll<HTMLElement>('[role="row"].group')).map(
      (g) => g.textContent ?? '',
    );
    expect(groups.some((g) => g.includes('loadItems (app.js:42)') && g.includes('2'))).toBe(true);
    expect(groups.some((g) => g.includes('(no call site)'))).toBe(true);
  });
});

describe('CORS preflight', () => {
  it("shows the preflight's own status and headers in the detail", () => {
    const record = withExchange(
      requestRecord({
        seq: 1,
        status: 0,
        method: 'PUT',
        error: 'net::ERR_FAILED',
        message: 'CORS error: the preflight (OPTIONS) got 404 Not Found',
      }),
      {
        preflight: {
          status: 404,
          statusText: 'Not Found',
          responseHeaders: [{ name: 'x-preflight', value: 'seen' }],
          requestHeaders: [{ name: 'Access-Control-Request-Method', value: 'PUT' }],
        },
      },
    );
    view = renderPanel([record]);
    const detail = openDetail(view, 1);
    expect(detail.querySelector('[data-testid="detail-preflight-status"]')!.textContent).toBe('404 Not Found');
    expect(detail.textContent).toContain('x-preflight');
    expect(detail.textContent).toContain('Access-Control-Request-Method');
  });
});

describe('a request whose end was lost in a background restart', () => {
  it('is "(outcome lost)" in its status cell and detail, says why in words, and is counted in the status bar', () => {
    const lost = withExchange(
      requestRecord({
        seq: 2,
        status: 0,
        kind: 'none',
        failure: false,
        message: "(outcome lost): the extension's background was stopped while this request was in flight",
      }),
      { outcomeLost: 'background restart' },
    );
    view = renderPanel([requestRecord({ seq: 1, status: 500 }), lost], { stats: { seen: 2, outcomesLost: 1 } });
    expect(view.root.querySelector('[data-testid="outcomes-lost"]')!.textContent).toBe('1 outcome lost');
    click(view.root.querySelector('[data-testid="show-all"]')!);
    const row = rows(view).find((r) => r.dataset.seq === '2')!;
    const status = row.querySelector<HTMLElement>('.col-status')!;
    expect(status.textContent).toBe('(outcome lost)');
    expect(status.title).toContain('background was stopped');
    const detail = openDetail(view, 2);
    expect(detail.querySelector('.detail-title .badge')!.textContent).toBe('(outcome lost)');
    expect(detail.querySelector('[data-testid="detail-message"]')!.textContent).toContain('in flight');
  });
});
