// Per-host rules, end to end in Chromium and Firefox: a rule written in the real options page
// (typed into its form and saved to extension storage) changes the classification the real panel
// shows for a request already in the list, without the request being made again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from './demo/server.mjs';
import { launchOnDemo, type BrowserName, type PanelSession } from './harness/index';

const CASE = 'vendor-423-locked';
const ACTION = 'Rule: wait 7 s';

interface RowShown {
  seq: string;
  status: string;
  kind: string;
  retry: string;
  action: string;
}

interface RuleInput {
  host: string;
  status: string;
  wait: string;
  action: string;
}

interface SaveOutcome {
  status: string;
  area: string;
  rows: number;
  problems: string | null;
}

// ---- evaluated in the panel (self-contained) ------------------------------------------------

/** The failure rows with status 423 of the case's path, as the panel shows them; null while there are none. */
function lockedRows(path: string): RowShown[] | null {
  const rows = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="failure-row"]'))
    .filter((row) => row.dataset.status === '423' && (row.dataset.url ?? '').includes(path))
    .map((row) => ({
      seq: row.dataset.seq ?? '',
      status: row.dataset.status ?? '',
      kind: row.dataset.kind ?? '',
      retry: (row.querySelector('.col-retry')?.textContent ?? '').trim(),
      action: row.dataset.action ?? '', // Action is an optional column; the row carries it
    }));
  return rows.length ? rows : null;
}

// ---- evaluated in the options page (self-contained) -----------------------------------------

/** Adds a rule through the page's own form, like a user would, and saves it. */
async function addRuleAndSave(input: RuleInput): Promise<SaveOutcome> {
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  const until = async <T>(probe: () => T, what: string, ms = 20_000): Promise<NonNullable<T>> => {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = probe();
      if (value) return value;
      if (Date.now() > deadline)
        throw new Error(
          `options page: timed out waiting for ${what}; page text: ${(document.body.textContent ?? '').slice(0, 300)}`,
        );
      await sleep(25);
    }
  };
  const byTestId = <E extends HTMLElement>(id: string) => document.querySelector<E>(`[data-testid="${id}"]`);
  const type = (id: string, value: string) => {
    const field = byTestId<HTMLInputElement | HTMLTextAreaElement>(id);
    if (!field) throw new Error(`options page: no field ${id}`);
    field.focus();
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  };

  await until(() => document.body.dataset.ready === 'true', 'the stored rules to load');
  const add = await until(() => {
    const button = byTestId<HTMLButtonElement>('rules-add');
    return button && !button.disabled ? button : null;
  }, 'Add rule to be enabled');
  const before = document.querySelectorAll('[data-testid="rule-row"]').length;
  add.click();
  await until(
    () => document.querySelectorAll('[data-testid="rule-row"]').length === before + 1 && byTestId('rule-host'),
    'the new rule',
  );
  type('rule-host', input.host);
  type('rule-status', input.status);
  type('rule-wait', input.wait);
  type('rule-action', input.action);
  const save = await until(() => {
    const button = byTestId<HTMLButtonElement>('rules-save');
    return button && !button.disabled ? button : null;
  }, 'Save to be enabled').catch(() => null);
  if (!save) {
    return {
      status: '',
      area: '',
      rows: 0,
      problems: byTestId('rules-problems')?.textContent ?? 'Save stayed disabled',
    };
  }
  save.click();
  const status = await until(() => {
    const text = byTestId('rules-status')?.textContent ?? '';
    return /^(Saved|Not saved)/.test(text) ? text : null;
  }, 'the saved message');
  return {
    status,
    area: byTestId('rules-status')?.dataset.area ?? '',
    rows: document.querySelectorAll('[data-testid="rule-row"]').length,
    problems: null,
  };
}

describe.each(['chromium', 'firefox'] as BrowserName[])('%s: a rule saved in the options page', (browser) => {
  let demo: DemoServer;
  let session: PanelSession;

  beforeAll(async () => {
    demo = await startDemoServer();
    session = await launchOnDemo(browser, demo.url);
    await session.pageEval(async () => {
      for (let i = 0; i < 200 && document.body.dataset.ready !== 'true'; i++)
        await new Promise((r) => setTimeout(r, 50));
    });
  });

  afterAll(async () => {
    await session?.close();
    await demo?.close();
  });

  it("changes the panel's row for a request already listed, at once and without a new request", async () => {
    const result = await session.pageEval(
      (name: string) => (window as any).faultlineDemo.runCase(name) as Promise<{ status: number }>,
      CASE,
    );
    expect(result.status).toBe(423);
    const path = `/api/case/${CASE}`;

    const listed = await session.waitForPanel(lockedRows, path, 30_000);
    expect(listed, 'one 423 row for the case').toHaveLength(1);
    const [before] = listed!;
    expect(before.kind).toBe('client');
    // Without a rule nothing says 7 s: the server gave no wait.
    expect(before.retry).not.toContain('7 s');
    expect(before.action).not.toBe(ACTION);
    const served = demo.log.filter((e) => e.path.startsWith(path)).length;
    expect(served).toBe(1);

    // The server is on 127.0.0.1:<port>; rules match the URL's host, port included.
    const saved = await session.extensionPageEval('/src/options/options.html', addRuleAndSave, {
      host: `127.0.0.1:${demo.port}`,
      status: '423',
      wait: '7',
      action: ACTION,
    });
    expect(saved.problems).toBeNull();
    expect(saved.status).toMatch(/^Saved 1 rule(; synced with your browser account| in this browser only)/);
    expect(saved.area).toMatch(/^(sync|local)$/);

    // The same row (same seq) now shows the rule's wait and action.
    const after = (await session.waitForPanel(
      (arg: { path: string; seq: string; action: string }) => {
        const row = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="failure-row"]')).find(
          (r) => r.dataset.seq === arg.seq,
        );
        if (!row) return null;
        const shown = {
          seq: row.dataset.seq ?? '',
          status: row.dataset.status ?? '',
          kind: row.dataset.kind ?? '',
          retry: (row.querySelector('.col-retry')?.textContent ?? '').trim(),
          action: row.dataset.action ?? '', // Action is an optional column; the row carries it
        };
        return shown.action === arg.action ? shown : null;
      },
      { path, seq: before.seq, action: ACTION },
      20_000,
    ))!;
    expect(after.action).toBe(ACTION);
    expect(after.retry).toBe('retry in 7 s');
    expect(after.status).toBe('423');
    // Re-classified, not re-requested: the server saw the call once, and there is still one row.
    expect(demo.log.filter((e) => e.path.startsWith(path)).length).toBe(served);
    const rowsNow = await session.panelEval(lockedRows, path);
    expect(rowsNow?.map((r) => r.seq)).toEqual([before.seq]);
  });
});
