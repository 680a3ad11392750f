// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { createPanelStore } from '../store/panel-store';
import { manyFailures, requestRecord } from '../testing';
import { click, flush, key, renderPanel, rows, type Rendered } from './test-render';

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
  delete document.documentElement.dataset.faultlineReady;
  vi.restoreAllMocks();
});

const q = (root: Element, id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);

describe('App', () => {
  it('says "Connecting…" before the first snapshot and sets the ready flag after it', () => {
    view = renderPanel(null);
    expect(q(view.root, 'empty-state')!.textContent).toContain('Connecting');
    expect(document.documentElement.dataset.faultlineReady).toBeUndefined();
    act(() =>
      view!.store.getState().receive({
        source: 'faultline',
        type: 'bg/snapshot',
        payload: {
          tabId: 7,
          records: [],
          stats: { seen: 0, droppedRecords: 0, truncatedBodies: 0, droppedBodies: 0, bodiesArriving: true },
          preserve: false,
        },
      }),
    );
    expect(document.documentElement.dataset.faultlineReady).toBe('true');
  });

  it('empty state says how many requests are watched', () => {
    view = renderPanel([requestRecord({ seq: 1, status: 200 })], { stats: { seen: 312 } });
    expect(q(view.root, 'empty-state')!.textContent).toContain('No failures yet: 312 requests watched');
  });

  it('shows dropped and truncated counters, and the Firefox body notice', () => {
    view = renderPanel(manyFailures(2), {
      stats: { seen: 20, droppedRecords: 3, truncatedBodies: 2, droppedBodies: 1, bodiesArriving: false },
      platform: { browserName: 'firefox' },
    });
    expect(q(view.root, 'dropped-records')!.textContent).toBe('3 dropped');
    expect(q(view.root, 'truncated-bodies')!.textContent).toBe('2 bodies truncated');
    expect(q(view.root, 'dropped-bodies')!.textContent).toBe('1 body dropped');
    expect(q(view.root, 'banner-firefox-bodies')!.textContent).toContain('No response body has reached Faultline yet');
    expect(q(view.root, 'counts')!.textContent).toContain('2 shown');
    expect(q(view.root, 'counts')!.textContent).toContain('20 requests watched');
  });

  it('Ctrl+F and Cmd+F focus the filter box', () => {
    view = renderPanel(manyFailures(3));
    key(window, 'f', { ctrlKey: true });
    expect(document.activeElement).toBe(q(view.root, 'filter'));
    act(() => (document.activeElement as HTMLElement).blur());
    key(window, 'f', { metaKey: true });
    expect(document.activeElement).toBe(q(view.root, 'filter'));
  });

  it('follows the DevTools theme and its changes, unless the setting forces one', () => {
    view = renderPanel([], { platform: { themeName: () => 'dark' } });
    expect(document.documentElement.dataset.theme).toBe('dark');
    act(() => view!.themeListeners.forEach((l) => l('default')));
    expect(document.documentElement.dataset.theme).toBe('light');
    act(() => view!.store.getState().setTheme('dark'));
    expect(document.documentElement.dataset.theme).toBe('dark');
  });

  it('connection banners: reconnecting, and extension reloaded', () => {
    view = renderPanel([]);
    act(() => view!.store.getState().setConnection('reconnecting'));
    expect(q(view.root, 'banner-reconnecting')).not.toBeNull();
    act(() => view!.store.getState().setConnection('invalidated'));
    expect(q(view.root, 'banner-invalidated')!.textContent).toBe('Extension was reloaded — reopen DevTools.');
  });

  it('chips filter the list and show their state', () => {
    view = renderPanel([
      requestRecord({ seq: 1, status: 404 }),
      requestRecord({ seq: 2, status: 502 }),
      requestRecord({ seq: 3, status: 0 }),
    ]);
    // The what-to-do summary: each chip says how many failures it holds.
    expect(q(view.root, 'chip-server')!.textContent).toContain('1');
    expect(q(view.root, 'chip-fix-request')!.textContent).toContain('1');
    click(q(view.root, 'chip-server'));
    expect(q(view.root, 'chip-server')!.getAttribute('aria-pressed')).toBe('true');
    expect(rows(view.root).map((r) => r.dataset.status)).toEqual(['502']);
    click(q(view.root, 'chip-network'));
    expect(rows(view.root).map((r) => r.dataset.status)).toEqual(['502', '0']);
  });

  it('imports a HAR from the file picker into its own view, and reports a file that is not a HAR', async () => {
    const store = createPanelStore({ tabId: 7, schedule: (t) => t() });
    view = renderPanel(manyFailures(2), { store });
    const input = q(view.root, 'import-input') as HTMLInputElement;
    const choose = async (file: File) => {
      Object.defineProperty(input, 'files', { configurable: true, value: [file] });
      act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
      // The import streams: wait until its progress bar has gone.
      for (let i = 0; i < 50; i++) {
        await flush();
        if (i > 2 && !q(view!.root, 'import-progress')) break;
      }
    };
    await choose(new File(['hello'], 'notes.txt'));
    expect(q(view.root, 'banner')!.textContent).toContain('notes.txt is not a HAR file');
    expect(q(view.root, 'banner')!.getAttribute('role')).toBe('alert');
    expect(q(view.root, 'view-imported')).toBeNull();
    const entry = {
      request: { method: 'PUT', url: 'https://api.colleague.test/v1/items/3', headers: [] },
      response: {
        status: 409,
        headers: [{ name: 'content-type', value: 'application/json' }],
        content: { mimeType: 'application/json', text: '{"error":{"code":"conflict","message":"Version mismatch"}}' },
      },
    };
    await choose(new File([JSON.stringify({ log: { entries: [entry, { response: {} }] } })], 'colleague.har'));
    expect(q(view.root, 'view-imported')!.textContent).toBe('Imported: colleague.har');
    expect(rows(view.root).map((r) => r.dataset.code)).toEqual(['conflict']);
    // The broken second entry is counted and said, not dropped silently.
    expect(q(view.root, 'banner')!.textContent).toContain('1 of 2 entries could not be read');
    click(q(view.root, 'view-live'));
    expect(rows(view.root)).toHaveLength(2);
    click(q(view.root, 'close-import'));
    expect(q(view.root, 'view-imported')).toBeNull();
  });

  it('an imported view shows its list while the import runs (not "no failures"), and the empty state once it ends with none', async () => {
    const store = createPanelStore({ tabId: 7, schedule: (t) => t() });
    view = renderPanel(manyFailures(2), { store });
    const input = q(view.root, 'import-input') as HTMLInputElement;
    const ok = {
      request: { method: 'GET', url: 'https://api.fine.test/v1/items', headers: [] },
      response: { status: 200 },
    };
    const file = new File([JSON.stringify({ log: { entries: Array.from({ length: 3000 }, () => ok) } })], 'fine.har');
    Object.defineProperty(input, 'files', { configurable: true, value: [file] });
    act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
    const seen: string[] = [];
    for (let i = 0; i < 200; i++) {
      await flush();
      const running = q(view.root, 'import-progress') !== null;
      const shows = q(view.root, 'empty-state') ? 'empty' : q(view.root, 'failure-list') ? 'list' : 'none';
      if (store.getState().view === 'imported') seen.push(`${running ? 'running' : 'ended'}:${shows}`);
      if (i > 2 && !running) break;
    }
    expect(seen).toContain('running:list');
    expect(seen.filter((s) => s.startsWith('running')).every((s) => s === 'running:list')).toBe(true);
    expect(seen.at(-1)).toBe('ended:empty');
    expect(q(view.root, 'empty-state')!.textContent).toContain('No failures in the imported file.');
  });

  it('exports the filtered list as JSON and as a sanitized HAR', async () => {
    const saved: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      saved.push(blob as Blob);
      return 'blob:fake';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    view = renderPanel([
      requestRecord({
        seq: 1,
        status: 401,
        code: 'unauthorized',
        url: 'https://api.example.com/me?api_token=TOPSECRET99',
      }),
      requestRecord({ seq: 2, status: 500, code: 'boom' }),
    ]);
    act(() => view!.store.getState().setFilterText('status:401'));
    click(q(view.root, 'more'));
    click(q(view.root, 'export-json'));
    click(q(view.root, 'more'));
    click(q(view.root, 'export-har'));
    expect(saved).toHaveLength(2);
    const json = JSON.parse(await saved[0].text());
    expect(json.count).toBe(1);
    expect(json.filter).toBe('status:401');
    expect(json.records[0].classification.errorCode).toBe('unauthorized');
    const harText = await saved[1].text();
    const har = JSON.parse(harText);
    expect(har.log.entries).toHaveLength(1);
    expect(har.log.entries[0].response.status).toBe(401);
    expect(harText).not.toContain('TOPSECRET99');
    expect(JSON.stringify(json)).not.toContain('TOPSECRET99');
    expect(q(view.root, 'toast')!.textContent).toBe('Exported 1 record');
  });
});
