// Issue 15, "the panel at a glance", in the real DevTools of Chromium and Firefox against the demo:
// a 1280×350 bottom dock and a 600 px right dock (rows visible; status, code, ID and verdict not cut
// in any demo row; the message cut last; one toolbar row at 1280), keys that DevTools would otherwise
// take, sort and hide columns, the row context menu, copy all, the vendor ticket read back from the
// clipboard, and axe-core in every panel state.
// Set FAULTLINE_SCREENSHOTS=<dir> to save the dock screenshots (light and dark) for the README.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from './demo/server.mjs';
import { seedCases } from './harness/seed-rows';
import { launchOnDemo, waitForFailureCount, type BrowserName, type PanelSession, type RemoteFn } from './harness/index';

const seedFailures = seedCases.filter((c) => c.expected.failure);
const SECRET = 'd360-secret-token';
const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: number;
  targets: string[];
}

/**
 * axe-core run in a document. The harness sends functions as source, so this one's source is axe
 * itself plus the call: evaluated by the driver (CDP, a chrome sandbox), not by the page's CSP.
 */
function axeRun(): RemoteFn<null, AxeViolation[]> {
  const src = `async function (arg) {
    ${AXE_SOURCE}
    ;for (let i = 0; i < 60 && !document.querySelector('[data-faultline-ready], main, [data-testid="rules-status"]'); i++) await new Promise((r) => setTimeout(r, 50));
    const engine = (typeof axe !== 'undefined' ? axe : window.axe);
    const result = await engine.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  }`;
  const fn = (() => []) as unknown as RemoteFn<null, AxeViolation[]>;
  fn.toString = () => src;
  return fn;
}

// ---- evaluated in the panel (self-contained) -----------------------------------------------

async function settle(): Promise<true> {
  for (let i = 0; i < 4; i++)
    await new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
  return true;
}

async function resetView(): Promise<boolean> {
  const frame = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
  const input = document.querySelector<HTMLInputElement>('[data-testid="filter"]');
  if (!input) return false;
  input.value = '';
  input.dispatchEvent(new Event('input', { bubbles: true }));
  for (const chip of document.querySelectorAll<HTMLElement>('.chip[aria-pressed="true"]')) chip.click();
  const group = document.querySelector<HTMLSelectElement>('[data-testid="group-by"]')!;
  if (group.value !== 'none') {
    group.value = 'none';
    group.dispatchEvent(new Event('change', { bubbles: true }));
  }
  (document.querySelector('[aria-label^="Close detail"]') as HTMLElement | null)?.click();
  (document.querySelector('[data-testid="view-live"]') as HTMLElement | null)?.click();
  await frame();
  return true;
}

/** What a dock size shows: toolbar rows, whole rows in view, and the cells cut short. */
async function layoutFacts(): Promise<{
  toolbarHeight: number;
  firstRowHeight: number;
  rowsInView: number;
  /** One-line rows the space under the header holds. */
  rowRoom: number;
  /** px under the header the whole rows in view leave empty (a row shown in part is there). */
  gapBelowRows: number;
  columns: string[];
  cut: Record<string, string[]>;
  messagesCut: string[];
  /** The status bar's content sits in the toolbar's first row (a wide dock), not in a footer. */
  statusFolded: boolean;
}> {
  for (let i = 0; i < 6; i++)
    await new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
  const toolbar = document.querySelector<HTMLElement>('.toolbar')!;
  const firstRow = toolbar.querySelector<HTMLElement>('.toolbar-row')!;
  const grid = document.querySelector<HTMLElement>('[data-testid="failure-list"]')!;
  const box = grid.getBoundingClientRect();
  const header = grid.querySelector<HTMLElement>('.row.header')!.getBoundingClientRect();
  const rows = [...grid.querySelectorAll<HTMLElement>('[data-testid="failure-row"]')].filter((r) => {
    const b = r.getBoundingClientRect();
    return b.top >= header.bottom - 1 && b.bottom <= box.bottom + 1;
  });
  const cut: Record<string, string[]> = {};
  const messagesCut: string[] = [];
  let rowsPx = 0; // the whole rows in view, px
  for (const row of rows) {
    const url = row.dataset.url ?? row.dataset.seq!;
    for (const col of ['code', 'id', 'retry', 'status']) {
      const cell = row.querySelector<HTMLElement>(`.col-${col}`);
      if (cell && cell.scrollWidth > cell.clientWidth + 1) (cut[col] ??= []).push(`${url}: ${cell.textContent}`);
    }
    // A long message wraps: neither wider nor taller than its cell.
    const message = row.querySelector<HTMLElement>('.col-message');
    if (message && (message.scrollWidth > message.clientWidth || message.scrollHeight > message.clientHeight))
      messagesCut.push(`${url}: ${message.textContent}`);
    rowsPx += row.getBoundingClientRect().height;
  }
  return {
    toolbarHeight: toolbar.getBoundingClientRect().height,
    firstRowHeight: firstRow.getBoundingClientRect().height,
    rowsInView: rows.length,
    gapBelowRows: Math.round(box.bottom - header.bottom - rowsPx),
    rowRoom: Math.floor((box.bottom - header.bottom + 1) / header.height),
    columns: [...grid.querySelectorAll<HTMLElement>('[role="columnheader"]')].map((h) => h.dataset.testid!.slice(7)),
    cut,
    messagesCut,
    statusFolded: document.querySelector('.toolbar-row > [data-testid="status-bar"]') !== null,
  };
}

/**
 * Whole failure rows in view under the header, scrolled to the top, to the end, and at each step of a
 * scroll from the top to the end (a step a third of the list's height, landing between rows).
 */
async function wholeRowsInView(): Promise<{ top: number; end: number; fewestWhileScrolling: number; steps: number }> {
  const frame = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
  const grid = document.querySelector<HTMLElement>('[data-testid="failure-list"]')!;
  const count = (): number => {
    const box = grid.getBoundingClientRect();
    const header = grid.querySelector<HTMLElement>('.row.header')!.getBoundingClientRect();
    return [...grid.querySelectorAll<HTMLElement>('[data-testid="failure-row"]')].filter((r) => {
      const b = r.getBoundingClientRect();
      return b.top >= header.bottom - 1 && b.bottom <= box.bottom + 1;
    }).length;
  };
  const settleAt = async (top: number): Promise<void> => {
    grid.scrollTop = top;
    for (let i = 0; i < 3; i++) await frame();
  };
  await settleAt(0);
  const top = count();
  let fewest = Infinity;
  let steps = 0;
  for (let y = 0; y < grid.scrollHeight - grid.clientHeight; y += Math.round(grid.clientHeight / 3)) {
    await settleAt(y);
    fewest = Math.min(fewest, count());
    steps++;
  }
  await settleAt(grid.scrollHeight);
  const end = count();
  return { top, end, fewestWhileScrolling: Math.min(fewest, end), steps };
}

async function setTheme(theme: string): Promise<true> {
  const frame = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
  (document.querySelector('[data-testid="settings"]') as HTMLElement).click();
  await frame();
  const select = document.querySelector<HTMLSelectElement>('[data-testid="theme"]')!;
  select.value = theme;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  (document.querySelector('[data-testid="settings"]') as HTMLElement).click();
  await frame();
  return true;
}

async function openDetailOf(status: string): Promise<boolean> {
  const frame = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
  const row = [...document.querySelectorAll<HTMLElement>('[data-testid="failure-row"]')].find(
    (r) => r.dataset.status === status,
  );
  if (!row) return false;
  // The middle of the row opens the detail (the ID is the only copy target).
  row.querySelector<HTMLElement>('.col-status')!.click();
  for (let i = 0; i < 20 && !document.querySelector('[data-testid="detail"]'); i++) await frame();
  return document.querySelector('[data-testid="detail"]') !== null;
}

/** How many lines the first toolbar row wraps to: its items (each chip on its own) grouped by vertical overlap. */
async function toolbarLines(): Promise<number> {
  for (let i = 0; i < 4; i++)
    await new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
  const row = document.querySelector<HTMLElement>('.toolbar .toolbar-row')!;
  const items = [...row.children].flatMap((c) => (c.classList.contains('chips') ? [...c.children] : [c]));
  const boxes = items
    .map((c) => c.getBoundingClientRect())
    .filter((b) => b.width > 0 && b.height > 0)
    .sort((a, b) => a.top - b.top);
  let lines = 0;
  let bottom = -Infinity;
  for (const b of boxes) {
    if (b.top >= bottom - 1) {
      lines++;
      bottom = b.bottom;
    } else bottom = Math.max(bottom, b.bottom);
  }
  return lines;
}

/** The answer cells (code, ID, verdict, action) cut short in the rows in view, with the column widths. */
async function answerCellsCut(): Promise<{ rows: number; cut: string[]; columns: string[] }> {
  for (let i = 0; i < 4; i++)
    await new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
  const grid = document.querySelector<HTMLElement>('[data-testid="failure-list"]')!;
  const box = grid.getBoundingClientRect();
  const rows = [...grid.querySelectorAll<HTMLElement>('[data-testid="failure-row"]')].filter((r) => {
    const b = r.getBoundingClientRect();
    return b.top >= box.top && b.bottom <= box.bottom + 1;
  });
  const cut: string[] = [];
  for (const row of rows) {
    for (const col of ['code', 'id', 'retry', 'action']) {
      const cell = row.querySelector<HTMLElement>(`.col-${col}`);
      if (!cell) continue;
      // The cell itself, and each part of it (a badge, a copy button), must show all of its text.
      const parts = [cell, ...cell.querySelectorAll<HTMLElement>('*')];
      const overflowing = parts.some((el) => el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0);
      const pastCell = cell.getBoundingClientRect().right > box.right + 1;
      if (overflowing || pastCell) cut.push(`${col} ${row.dataset.url}: ${cell.textContent}`);
    }
  }
  const columns = [...grid.querySelectorAll<HTMLElement>('[role="columnheader"]')].map((h) =>
    h.dataset.testid!.slice(7),
  );
  return { rows: rows.length, cut, columns };
}

/**
 * Every failure row the list holds, scrolled through: the answer cells (status, code, ID, verdict, and
 * Action when shown) cut short or past the grid's edge, each part of them; and each message cut short,
 * with what the layout gave the message (its cell against the row, the path column's width).
 */
async function demoRowsCut(): Promise<{
  rows: number;
  /** The status bar's count of rows shown. */
  shown: number;
  stacked: boolean;
  columns: string[];
  cut: string[];
  idCells: number;
  messagesCut: string[];
  /** Paths whose end (their last segment's last characters) is out of view. */
  pathEndsCut: string[];
  /** Rows whose message took more than one line. */
  wrapped: string[];
  messageSpan: { leftGap: number; rightGap: number } | null;
  pathWidth: number | null;
}> {
  const frame = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
  for (let i = 0; i < 4; i++) await frame();
  const grid = document.querySelector<HTMLElement>('[data-testid="failure-list"]')!;
  const box = grid.getBoundingClientRect();
  const cut = new Set<string>();
  const messagesCut = new Set<string>();
  const seen = new Set<string>();
  const wrapped = new Set<string>();
  const pathEndsCut = new Set<string>();
  let idCells = 0;
  let messageSpan: { leftGap: number; rightGap: number } | null = null;
  let atEnd = false;
  grid.scrollTop = 0;
  for (let i = 0; i < 3; i++) await frame();
  for (let guard = 0; guard < 200; guard++) {
    for (const row of grid.querySelectorAll<HTMLElement>('[data-testid="failure-row"]')) {
      // Every rendered row, in view or in the window's overscan: a cell's widths do not depend on scrolling.
      if (seen.has(row.dataset.seq!)) continue;
      seen.add(row.dataset.seq!);
      const b = row.getBoundingClientRect();
      for (const col of ['status', 'code', 'id', 'retry', 'action']) {
        const cell = row.querySelector<HTMLElement>(`.col-${col}`);
        if (!cell) continue;
        if (col === 'id' && row.dataset.id) idCells++;
        const parts = [cell, ...cell.querySelectorAll<HTMLElement>('*')];
        const overflowing = parts.some((el) => el.scrollWidth > el.clientWidth && el.clientWidth > 0);
        const pastGrid = cell.getBoundingClientRect().right > box.right + 1;
        if (overflowing || pastGrid)
          cut.add(`${col} ${row.dataset.url}: ${cell.textContent} (${cell.scrollWidth}/${cell.clientWidth})`);
      }
      const message = row.querySelector<HTMLElement>('.col-message');
      if (message && (message.scrollWidth > message.clientWidth || message.scrollHeight > message.clientHeight))
        messagesCut.add(
          `${row.dataset.url}: ${message.textContent} (${message.scrollWidth}/${message.clientWidth} × ${message.scrollHeight}/${message.clientHeight})`,
        );
      // A narrow path is cut at its start: its end (the last segment, up to 10 characters) is in view.
      const pathCell = row.querySelector<HTMLElement>('.col-url');
      const pathText = pathCell?.firstChild;
      if (pathCell && pathText?.nodeType === Node.TEXT_NODE) {
        const text = pathText.textContent ?? '';
        const segment = text.slice(text.lastIndexOf('/', text.length - 2) + 1);
        const end = document.createRange();
        end.setStart(pathText, text.length - Math.min(10, segment.length));
        end.setEnd(pathText, text.length);
        const shown = end.getBoundingClientRect();
        const cellBox = pathCell.getBoundingClientRect();
        if (shown.left < cellBox.left - 1 || shown.right > cellBox.right + 1)
          pathEndsCut.add(`${row.dataset.url}: ${text}`);
      }
      if (row.classList.contains('wrapped')) wrapped.add(row.dataset.url!);
      if (message && !messageSpan) {
        // How much of the row's width the message leaves: left of it (the first column), right of it.
        const first = row.querySelector<HTMLElement>('[role="gridcell"]:not(.col-method):not(.col-message)')!;
        const m = message.getBoundingClientRect();
        messageSpan = {
          leftGap: Math.round(m.left - first.getBoundingClientRect().right),
          rightGap: Math.round(b.right - m.right),
        };
      }
    }
    if (grid.scrollTop + grid.clientHeight >= grid.scrollHeight - 1) {
      // The window renders after the scroll event: read the end once more, frames later.
      if (atEnd) break;
      atEnd = true;
    } else grid.scrollTop += Math.max(40, grid.clientHeight - 60);
    for (let i = 0; i < 3; i++) await frame();
  }
  grid.scrollTop = 0;
  await frame();
  const path = grid.querySelector<HTMLElement>('[data-testid="header-url"]');
  return {
    rows: seen.size,
    shown: Number(document.querySelector('[data-testid="counts"]')!.getAttribute('data-shown')),
    stacked: grid.dataset.stacked === 'true',
    columns: [...grid.querySelectorAll<HTMLElement>('[role="columnheader"]')].map((h) => h.dataset.testid!.slice(7)),
    cut: [...cut],
    idCells,
    messagesCut: [...messagesCut],
    pathEndsCut: [...pathEndsCut],
    wrapped: [...wrapped],
    messageSpan,
    pathWidth: path ? Math.round(path.getBoundingClientRect().width) : null,
  };
}

/** Every row the list holds, scrolled through top to bottom (it renders only the rows in view). */
async function allRows(): Promise<{ seq: string; todo: string; testid: string }[]> {
  const frame = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
  const grid = document.querySelector<HTMLElement>('[data-testid="failure-list"]');
  // No grid: the list's empty state (a chip that matches nothing).
  if (!grid) return [];
  const seen = new Map<string, { seq: string; todo: string; testid: string }>();
  grid.scrollTop = 0;
  await frame();
  for (let guard = 0; guard < 500; guard++) {
    for (const r of grid.querySelectorAll<HTMLElement>('[data-testid="failure-row"], [data-testid="response-row"]'))
      seen.set(r.dataset.seq!, { seq: r.dataset.seq!, todo: r.dataset.todo ?? '', testid: r.dataset.testid! });
    if (grid.scrollTop + grid.clientHeight >= grid.scrollHeight - 1) break;
    grid.scrollTop += Math.max(40, grid.clientHeight - 40);
    await frame();
  }
  grid.scrollTop = 0;
  await frame();
  return [...seen.values()];
}

async function setFilter(text: string): Promise<true> {
  const input = document.querySelector<HTMLInputElement>('[data-testid="filter"]')!;
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  for (let i = 0; i < 3; i++)
    await new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
  return true;
}

async function setShowAll(on: boolean): Promise<true> {
  const box = document.querySelector<HTMLInputElement>('[data-testid="show-all"]')!;
  if (box.checked !== on) box.click();
  for (let i = 0; i < 3; i++)
    await new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
  return true;
}

/** The what-to-do chips as the toolbar shows them: id, the count in the chip's text, pressed. */
async function summaryChips(): Promise<{ id: string; label: string; count: number; pressed: boolean }[]> {
  return [...document.querySelectorAll<HTMLElement>('[role="group"][aria-label="What to do"] .chip')].map((c) => ({
    id: c.dataset.testid!.replace(/^chip-/, ''),
    label: c.textContent ?? '',
    count: Number((c.querySelector('.chip-count')?.textContent ?? '').replace(/\D/g, '')),
    pressed: c.getAttribute('aria-pressed') === 'true',
  }));
}

async function clickChip(id: string): Promise<true> {
  document.querySelector<HTMLElement>(`[data-testid="chip-${id}"]`)!.click();
  for (let i = 0; i < 3; i++)
    await new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
  return true;
}

/** The column state a user sets: sort, widths of the shown columns, and which are shown. */
async function columnState(): Promise<{ sort: string | null; widths: Record<string, number>; shown: string[] }> {
  for (let i = 0; i < 3; i++)
    await new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
  const headers = [...document.querySelectorAll<HTMLElement>('[data-testid="grid-header"] [role="columnheader"]')];
  const sorted = headers.find((h) => h.hasAttribute('aria-sort'));
  return {
    sort: sorted ? `${sorted.dataset.testid!.slice(7)} ${sorted.getAttribute('aria-sort')}` : null,
    widths: Object.fromEntries(
      headers.map((h) => [h.dataset.testid!.slice(7), Math.round(h.getBoundingClientRect().width)]),
    ),
    shown: headers.map((h) => h.dataset.testid!.slice(7)),
  };
}

// ---- the tests ------------------------------------------------------------------------------

describe.each(['chromium', 'firefox'] as BrowserName[])('%s: the panel at a glance', (browser) => {
  let demo: DemoServer;
  let session: PanelSession;
  const shots = process.env.FAULTLINE_SCREENSHOTS ? path.resolve(process.env.FAULTLINE_SCREENSHOTS) : null;

  beforeAll(async () => {
    demo = await startDemoServer();
    session = await launchOnDemo(browser, demo.url);
    await session.pageEval(() => (window as any).faultlineDemo.runAll());
    await waitForFailureCount(session, seedFailures.length, 30_000);
  });

  afterAll(async () => {
    await session?.close();
    await demo?.close();
  });

  it('1280×350 bottom dock: one toolbar row, 12+ whole rows; code, ID, message and verdict of every demo row whole', async () => {
    await session.resizeDevTools(1280, 350);
    await session.panelEval(resetView);
    if (shots) {
      for (const theme of ['light', 'dark']) {
        await session.panelEval(setTheme, theme);
        await session.panelEval(settle);
        await session.screenshotPanel(path.join(shots, `panel-bottom-${theme}-${browser}.png`));
      }
      await session.panelEval(setTheme, 'auto');
    }
    const facts = await session.panelEval(layoutFacts);
    // Every demo row, scrolled through from the top: each one reached, its answer cells and its message
    // whole (a long message wraps and its row grows).
    const all = await session.panelEval(demoRowsCut);
    const inView = await session.panelEval(wholeRowsInView);
    console.log(
      `${browser} 1280×350: ${all.rows} of ${all.shown} rows scanned; whole rows in view: ${inView.top} at the top, ` +
        `${inView.end} at the end, ${inView.fewestWhileScrolling} fewest over ${inView.steps} scroll steps ` +
        `(room for ${facts.rowRoom} one-line rows); status folded into the toolbar: ${facts.statusFolded}; ` +
        `path ${all.pathWidth} px, messages wrapped: ${all.wrapped.length}\n  ${all.wrapped.join('\n  ')}`,
    );
    expect(facts.firstRowHeight).toBeLessThan(32);
    expect(facts.toolbarHeight).toBeLessThan(34);
    expect(facts.columns).toEqual(expect.arrayContaining(['status', 'code', 'id', 'message', 'retry']));
    expect(facts.cut).toEqual({});
    expect(facts.messagesCut).toEqual([]);
    expect(all.rows).toBe(all.shown);
    expect(all.stacked).toBe(false);
    expect(all.cut).toEqual([]);
    expect(all.messagesCut).toEqual([]);
    // The path, narrow here, shows its end (what names the call), cut at its start.
    expect(all.pathEndsCut).toEqual([]);
    // The answer cells (code, ID, verdict, and Action when shown), each part of them, inside the grid.
    const answers = await session.panelEval(answerCellsCut);
    expect(answers.cut).toEqual([]);
    // One toolbar row, holding the status bar's tabs and counts: the rows get the status bar's height.
    expect(await session.panelEval(toolbarLines)).toBe(1);
    expect(facts.statusFolded).toBe(true);
    // 12 whole rows at the top of the list and scrolled to its end, where the demo's long (wrapped)
    // messages are; the rows fill the room (what they leave is less than a two-line row, one in part).
    expect(inView.top).toBeGreaterThanOrEqual(12);
    expect(inView.end).toBeGreaterThanOrEqual(12);
    expect(facts.rowRoom).toBeGreaterThanOrEqual(13);
    expect(facts.gapBelowRows).toBeLessThan(2 * 20);
  });

  it('600 px right dock: two-line rows; status, code, ID and verdict shown and not cut, the message a whole line', async () => {
    await session.resizeDevTools(600, 800);
    await session.panelEval(resetView);
    if (shots) {
      for (const theme of ['light', 'dark']) {
        await session.panelEval(setTheme, theme);
        await session.panelEval(settle);
        await session.screenshotPanel(path.join(shots, `panel-right-${theme}-${browser}.png`));
      }
      await session.panelEval(setTheme, 'auto');
    }
    const facts = await session.panelEval(layoutFacts);
    expect(facts.columns).toEqual(expect.arrayContaining(['status', 'code', 'id', 'message', 'retry']));
    expect(facts.cut).toEqual({});
    expect(facts.rowsInView).toBeGreaterThan(12);
    // The toolbar wraps at 600 px, to at most two rows (it took four before issue 15).
    expect(facts.firstRowHeight).toBeLessThan(60);
    expect(await session.panelEval(toolbarLines)).toBeLessThanOrEqual(2);
    // No room for the status bar's content in the toolbar: it stays at the bottom.
    expect(facts.statusFolded).toBe(false);
    const answers = await session.panelEval(answerCellsCut);
    expect(answers.columns).toEqual(expect.arrayContaining(['status', 'code', 'id', 'retry']));
    expect(answers.cut).toEqual([]);
    // Every demo row, scrolled through: the ID cells among them (no truncation: scrollWidth <= clientWidth).
    const all = await session.panelEval(demoRowsCut);
    expect(all.rows).toBe(all.shown);
    expect(all.stacked).toBe(true);
    expect(all.cut).toEqual([]);
    expect(all.idCells).toBeGreaterThanOrEqual(4);
    // The message has the second line from the first column to the row's end.
    expect(all.messageSpan).not.toBeNull();
    expect(Math.abs(all.messageSpan!.leftGap)).toBeLessThanOrEqual(1);
    expect(Math.abs(all.messageSpan!.rightGap)).toBeLessThanOrEqual(1);
    expect(all.messagesCut).toEqual([]);
    console.log(
      `${browser} 600 px: ${all.rows} rows, messages wrapped: ${all.wrapped.length}\n  ${all.wrapped.join('\n  ')}`,
    );
    await session.resizeDevTools(1280, 800);
  });

  it('what-to-do summary: each chip counts its rows, and clicking it lists exactly those rows', async () => {
    await session.resizeDevTools(1280, 800);
    await session.panelEval(resetView);
    const chips = await session.panelEval(summaryChips);
    expect(chips.map((c) => c.id)).toEqual([
      'fix-request',
      'reauthenticate',
      'wait-retry',
      'server',
      'network',
      'canceled',
    ]);
    // What the list holds with no chip: the failures, then (All ticked) every response, canceled ones included.
    const failureRows = await session.panelEval(allRows);
    await session.panelEval(setShowAll, true);
    const everyRow = await session.panelEval(allRows);
    await session.panelEval(setShowAll, false);
    const failures = await session.panelEval(() =>
      Number(document.querySelector('[data-testid="counts"]')!.getAttribute('data-failures')),
    );
    const expected = (id: string) =>
      (id === 'canceled' ? everyRow : failureRows)
        .filter((r) => r.todo === id)
        .map((r) => r.seq)
        .sort();
    const table: { chip: string; count: number; rows: number; listed: number }[] = [];
    for (const chip of chips) {
      await session.panelEval(clickChip, chip.id);
      const listed = await session.panelEval(allRows);
      const pressed = (await session.panelEval(summaryChips)).find((c) => c.id === chip.id)!.pressed;
      await session.panelEval(clickChip, chip.id);
      table.push({ chip: chip.id, count: chip.count, rows: expected(chip.id).length, listed: listed.length });
      expect(pressed, chip.id).toBe(true);
      expect(listed.map((r) => r.seq).sort(), chip.id).toEqual(expected(chip.id));
      expect(chip.count, chip.id).toBe(expected(chip.id).length);
    }
    console.log(
      `${browser} what-to-do chips (count in chip / rows of that kind / rows listed when clicked):\n` +
        table.map((t) => `  ${t.chip.padEnd(15)} ${t.count} / ${t.rows} / ${t.listed}`).join('\n'),
    );
    // Every failure is in exactly one bucket, so the counts add up to the failures listed.
    const failureBuckets = table.filter((t) => t.chip !== 'canceled').reduce((sum, t) => sum + t.count, 0);
    expect(failureBuckets).toBe(failureRows.length);
    expect(failureRows.length).toBe(failures);
    expect(table.filter((t) => t.count > 0).length).toBeGreaterThanOrEqual(4);
    await session.panelEval(resetView);
  });

  it('column sort, width and hiding are remembered after the panel reloads', async () => {
    await session.resizeDevTools(1280, 800);
    await session.panelEval(resetView);
    const defaults = await session.panelEval(columnState);
    await session.panelEval(async () => {
      const frame = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
      document.querySelector<HTMLElement>('[data-testid="header-status"]')!.click();
      await frame();
      // Drag the Code column's right edge 60 px to the right, as a user does.
      const handle = document.querySelector<HTMLElement>('[data-testid="header-code"] .col-resize')!;
      const x = handle.getBoundingClientRect().left + 2;
      const y = handle.getBoundingClientRect().top + 5;
      const pointer = (type: string, clientX: number) =>
        new PointerEvent(type, { bubbles: true, cancelable: true, clientX, clientY: y, pointerId: 1, button: 0 });
      handle.dispatchEvent(pointer('pointerdown', x));
      window.dispatchEvent(pointer('pointermove', x + 30));
      window.dispatchEvent(pointer('pointermove', x + 60));
      window.dispatchEvent(pointer('pointerup', x + 60));
      await frame();
      const header = document.querySelector<HTMLElement>('[data-testid="grid-header"]')!;
      header.dispatchEvent(
        new MouseEvent('contextmenu', { bubbles: true, cancelable: true, clientX: 200, clientY: 60 }),
      );
      await frame();
      document.querySelector<HTMLElement>('[data-testid="menu-column-message"]')!.click();
      await frame();
    });
    const changed = await session.panelEval(columnState);
    expect(changed.sort).toBe('status ascending');
    expect(changed.shown).not.toContain('message');
    expect(changed.widths.code - defaults.widths.code).toBeGreaterThanOrEqual(55);
    // Settings are written asynchronously; then the panel document is loaded afresh.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await session.panelEval(() => {
      (window as any).__beforeReload = true;
      setTimeout(() => location.reload(), 50);
      return true;
    });
    await session.waitForPanel(
      () =>
        (window as any).__beforeReload === undefined &&
        document.documentElement.dataset.faultlineReady === 'true' &&
        document.querySelectorAll('[data-testid="failure-row"]').length > 0,
      undefined,
      30_000,
    );
    const reloaded = await session.panelEval(columnState);
    expect(reloaded).toEqual(changed);
    // Back to the defaults for the other tests.
    await session.panelEval(async () => {
      const frame = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
      const header = document.querySelector<HTMLElement>('[data-testid="grid-header"]')!;
      header.dispatchEvent(
        new MouseEvent('contextmenu', { bubbles: true, cancelable: true, clientX: 200, clientY: 60 }),
      );
      await frame();
      document.querySelector<HTMLElement>('[data-testid="menu-reset-columns"]')!.click();
      await frame();
    });
    expect(await session.panelEval(columnState)).toEqual(defaults);
  });

  it('a filter typo (stauts:500) gets a visible warning naming the nearest key', async () => {
    await session.resizeDevTools(1280, 800);
    await session.panelEval(resetView);
    const read = async (text: string) => {
      await session.panelEval(setFilter, text);
      return session.panelEval(() => {
        const note = document.querySelector<HTMLElement>('[data-testid="filter-problem"]');
        const input = document.querySelector<HTMLInputElement>('[data-testid="filter"]')!;
        const box = note?.getBoundingClientRect();
        return {
          warning: note?.textContent ?? null,
          visible: !!box && box.width > 0 && box.height > 0,
          invalid: input.getAttribute('aria-invalid'),
          shown: Number(document.querySelector('[data-testid="counts"]')!.getAttribute('data-shown')),
        };
      });
    };
    const typo = await read('stauts:500');
    expect(typo.warning).toMatch(/stauts/);
    expect(typo.warning).toContain('did you mean status:?');
    expect(typo.visible).toBe(true);
    expect(typo.invalid).toBe('true');
    const right = await read('status:500');
    expect(right.warning).toBeNull();
    expect(right.invalid).toBe('false');
    expect(right.shown).toBeGreaterThan(0);
    await session.panelEval(resetView);
  });

  it('Ctrl+F, Cmd+F and Esc, pressed as real keys on a detail control, work and never reach DevTools', async () => {
    await session.resizeDevTools(1280, 800);
    await session.panelEval(resetView);
    expect(await session.panelEval(openDetailOf, '429')).toBe(true);
    // DevTools' forwarder listens on the document: a key that reaches it would be DevTools' (the Find bar,
    // the Console drawer). The keys themselves are real: sent through the DevTools window to the focused
    // element (Chromium: Input.dispatchKeyEvent; Firefox: the window's widget), not dispatched in the page.
    const focusOn = (testid: string) =>
      session.panelEval(async (id: string) => {
        const w = window as any;
        if (!w.__leaked) {
          w.__leaked = [];
          // A modifier pressed alone is not a shortcut: DevTools may see it.
          document.addEventListener('keydown', (e: KeyboardEvent) => {
            if (!['Control', 'Meta', 'OS', 'Shift', 'Alt'].includes(e.key)) w.__leaked.push(e.key);
          });
        }
        document.querySelector<HTMLElement>(`[data-testid="${id}"]`)!.focus();
        return document.activeElement === document.querySelector(`[data-testid="${id}"]`);
      }, testid);
    const focused = () =>
      session.panelEval(async () => {
        for (let i = 0; i < 3; i++)
          await new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
        return {
          testid: (document.activeElement as HTMLElement | null)?.dataset?.testid ?? null,
          detailOpen: document.querySelector('[data-testid="detail"]') !== null,
          leaked: (window as any).__leaked as string[],
        };
      });
    expect(await focusOn('copy-curl')).toBe(true);
    await session.pressKey('Control+f');
    const afterCtrlF = await focused();
    expect(await focusOn('copy-ticket')).toBe(true);
    await session.pressKey('Meta+f');
    const afterCmdF = await focused();
    expect(await focusOn('copy-ticket')).toBe(true);
    await session.pressKey('Escape');
    const afterEsc = await focused();
    expect({ afterCtrlF, afterCmdF, afterEsc }).toEqual({
      afterCtrlF: { testid: 'filter', detailOpen: true, leaked: [] },
      afterCmdF: { testid: 'filter', detailOpen: true, leaked: [] },
      afterEsc: { testid: 'failure-list', detailOpen: false, leaked: [] },
    });
  });

  it('row menu from the keyboard: real ↓ selects a row, Shift+F10 opens its menu, Esc closes it', async () => {
    await session.resizeDevTools(1280, 800);
    await session.panelEval(resetView);
    await session.panelEval(async () => {
      document.querySelector<HTMLElement>('[data-testid="failure-list"]')!.focus();
      return true;
    });
    await session.pressKey('ArrowDown');
    await session.pressKey('Shift+F10');
    const menu = await session.panelEval(async () => {
      for (let i = 0; i < 3; i++)
        await new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
      return {
        selected: document.querySelector<HTMLElement>('[role="row"][aria-selected="true"]')?.dataset.seq ?? null,
        items: [...document.querySelectorAll<HTMLElement>('[data-testid="context-menu"] [role="menuitem"]')].length,
      };
    });
    await session.pressKey('Escape');
    const closed = await session.panelEval(async () => {
      await new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
      return document.querySelector('[data-testid="context-menu"]') === null;
    });
    expect(menu.selected).not.toBeNull();
    expect(menu.items).toBeGreaterThanOrEqual(9);
    expect(closed).toBe(true);
    await session.panelEval(resetView);
  });

  it('sorts by a column and hides one from the header context menu', async () => {
    await session.resizeDevTools(1280, 800);
    await session.panelEval(resetView);
    const result = await session.panelEval(async () => {
      const frame = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
      const statuses = () =>
        [...document.querySelectorAll<HTMLElement>('[data-testid="failure-row"]')].map((r) => Number(r.dataset.status));
      document.querySelector<HTMLElement>('[data-testid="header-status"]')!.click();
      await frame();
      const asc = statuses();
      const ariaSort = document.querySelector('[data-testid="header-status"]')!.getAttribute('aria-sort');
      const header = document.querySelector<HTMLElement>('[data-testid="grid-header"]')!;
      header.dispatchEvent(
        new MouseEvent('contextmenu', { bubbles: true, cancelable: true, clientX: 200, clientY: 60 }),
      );
      await frame();
      const items = [
        ...document.querySelectorAll<HTMLElement>('[data-testid="context-menu"] [role="menuitemcheckbox"]'),
      ].map((i) => i.dataset.testid);
      document.querySelector<HTMLElement>('[data-testid="menu-column-message"]')!.click();
      await frame();
      const hidden = document.querySelector('[data-testid="header-message"]') === null;
      // Back to the defaults for the other tests.
      header.dispatchEvent(
        new MouseEvent('contextmenu', { bubbles: true, cancelable: true, clientX: 200, clientY: 60 }),
      );
      await frame();
      document.querySelector<HTMLElement>('[data-testid="menu-reset-columns"]')!.click();
      await frame();
      return { asc, ariaSort, items, hidden, back: document.querySelector('[data-testid="header-message"]') !== null };
    });
    expect(result.asc.length).toBeGreaterThan(10);
    expect(result.asc).toEqual([...result.asc].sort((a, b) => a - b));
    expect(result.ariaSort).toBe('ascending');
    expect(result.items).toEqual(
      expect.arrayContaining(['menu-column-host', 'menu-column-action', 'menu-column-message']),
    );
    expect(result.hidden).toBe(true);
    expect(result.back).toBe(true);
  });

  it('row context menu: copy as cURL the way Chrome does, filter by host; copy all as cURL', async () => {
    await session.resizeDevTools(1280, 800);
    await session.panelEval(resetView);
    const opened = await session.panelEval(async () => {
      const frame = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
      const row = [...document.querySelectorAll<HTMLElement>('[data-testid="failure-row"]')].find((r) =>
        (r.dataset.url ?? '').includes('document360-400-validation'),
      )!;
      row.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true, clientX: 100, clientY: 100 }));
      await frame();
      const items = [...document.querySelectorAll<HTMLElement>('[data-testid="context-menu"] [role="menuitem"]')].map(
        (i) => i.dataset.testid,
      );
      document.querySelector<HTMLElement>('[data-testid="menu-copy-curl"]')!.click();
      await frame();
      return items;
    });
    expect(opened).toEqual(
      expect.arrayContaining([
        'menu-copy-url',
        'menu-copy-response',
        'menu-copy-curl',
        'menu-copy-fetch',
        'menu-copy-ticket',
        'menu-copy-id',
        'menu-filter-host',
        'menu-filter-code',
        'menu-filter-endpoint',
      ]),
    );
    const curl = await session.readClipboard();
    expect(curl).toMatch(/^curl /);
    expect(curl).not.toMatch(/accept-encoding/i);
    expect(curl).toContain('--compressed');
    expect(curl).not.toContain(SECRET);

    const filtered = await session.panelEval(async () => {
      const frame = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
      const row = document.querySelector<HTMLElement>('[data-testid="failure-row"]')!;
      row.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true, clientX: 100, clientY: 100 }));
      await frame();
      document.querySelector<HTMLElement>('[data-testid="menu-filter-host"]')!.click();
      await frame();
      return document.querySelector<HTMLInputElement>('[data-testid="filter"]')!.value;
    });
    expect(filtered).toMatch(/^host:/);

    await session.panelEval(resetView);
    const copied = await session.panelEval(async () => {
      const frame = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
      const input = document.querySelector<HTMLInputElement>('[data-testid="filter"]')!;
      input.value = 'status:4xx';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await frame();
      document.querySelector<HTMLElement>('[data-testid="copy-all-curl"]')!.click();
      // The copy is written once the background has sent the full records: its toast says when.
      const toast = () => document.querySelector('[data-testid="toast"]')?.textContent ?? '';
      for (let i = 0; i < 300 && !/as cURL/.test(toast()); i++) await frame();
      return {
        shown: Number(document.querySelector('[data-testid="counts"]')!.getAttribute('data-shown')),
        toast: toast(),
      };
    });
    expect(copied.toast).toBe(`Copied ${copied.shown} requests as cURL`);
    const shown = copied.shown;
    const all = await session.readClipboard();
    expect(shown).toBeGreaterThan(3);
    expect(all.match(/^curl /gm)?.length).toBe(shown);
    expect(all).not.toContain(SECRET);

    // The row menu's "Copy all shown as HAR": one entry per row shown, the same filter, no secret.
    await session.panelEval(async () => {
      const frame = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
      const row = document.querySelector<HTMLElement>('[data-testid="failure-row"]')!;
      row.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true, clientX: 100, clientY: 100 }));
      await frame();
      document.querySelector<HTMLElement>('[data-testid="menu-copy-all-har"]')!.click();
      const toast = () => document.querySelector('[data-testid="toast"]')?.textContent ?? '';
      for (let i = 0; i < 300 && !/as HAR/.test(toast()); i++) await frame();
    });
    const har = JSON.parse(await session.readClipboard()) as { log: { entries: { response: { status: number } }[] } };
    expect(har.log.entries).toHaveLength(shown);
    expect(har.log.entries.every((e) => e.response.status >= 400 && e.response.status < 500)).toBe(true);
    expect(JSON.stringify(har)).not.toContain(SECRET);
    await session.panelEval(resetView);
  });

  it('the support ticket is vendor-ready: response excerpt, headers, browser version, no secret', async () => {
    await session.resizeDevTools(1280, 800);
    await session.panelEval(resetView);
    const ok = await session.panelEval(async () => {
      const frame = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
      const row = [...document.querySelectorAll<HTMLElement>('[data-testid="failure-row"]')].find((r) =>
        (r.dataset.url ?? '').includes('document360-400-validation'),
      );
      if (!row) return false;
      row.click();
      for (let i = 0; i < 20 && !document.querySelector('[data-testid="copy-ticket"]'); i++) await frame();
      document.querySelector<HTMLElement>('[data-testid="copy-ticket"]')!.click();
      await frame();
      return true;
    });
    expect(ok).toBe(true);
    // The ticket is written from the full record, which the panel may first ask the background for.
    let ticket = await session.readClipboard();
    for (let i = 0; i < 30 && !ticket.includes('**'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      ticket = await session.readClipboard();
    }
    expect(ticket).toContain('**Response body');
    expect(ticket).toContain('InvalidTitle');
    expect(ticket).toMatch(/\*\*Response headers\*\*[\s\S]*content-type: /i);
    expect(ticket).toMatch(browser === 'firefox' ? /\*\*Browser:\*\* Firefox \d+/ : /\*\*Browser:\*\* Chrome \d+/);
    expect(ticket).toMatch(/Time \(UTC\):\*\* \d{4}-\d\d-\d\dT/);
    expect(ticket).not.toContain(SECRET);
    // The developer's advice is apart from what goes to the vendor.
    const [vendor] = ticket.split('\n---\n');
    expect(vendor).not.toContain('**Action:**');
    await session.panelEval(resetView);
  });

  it('axe-core: 0 violations in every panel state and on the options page', async () => {
    await session.resizeDevTools(1280, 800);
    const violations: Record<string, AxeViolation[]> = {};
    const check = async (state: string): Promise<void> => {
      await session.panelEval(settle);
      const found = await session.panelEval(axeRun(), null);
      if (found.length) violations[state] = found;
    };
    await session.panelEval(resetView);
    await check('list');
    expect(await session.panelEval(openDetailOf, '429')).toBe(true);
    await check('detail');
    await session.panelEval(resetView);
    await session.panelEval(async () => {
      const select = document.querySelector<HTMLSelectElement>('[data-testid="group-by"]')!;
      select.value = 'endpoint';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
      document.querySelector<HTMLElement>('[data-testid="group-row"]')?.click();
    });
    await check('grouped');
    await session.panelEval(resetView);
    await session.panelEval(async () => document.querySelector<HTMLElement>('[data-testid="view-audit"]')!.click());
    await check('audit');
    await session.panelEval(resetView);
    await session.panelEval(async () => document.querySelector<HTMLElement>('[data-testid="settings"]')!.click());
    await check('settings');
    await session.panelEval(async () => document.querySelector<HTMLElement>('[data-testid="settings"]')!.click());
    await session.panelEval(async () => {
      const input = document.querySelector<HTMLInputElement>('[data-testid="filter"]')!;
      input.value = 'no-such-thing-anywhere';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await check('empty');
    await session.panelEval(resetView);
    await session.panelEval(setTheme, 'dark');
    await check('dark list');
    expect(await session.panelEval(openDetailOf, '429')).toBe(true);
    await check('dark detail');
    await session.panelEval(resetView);
    await session.panelEval(setTheme, 'auto');
    const optionsFound = await session.extensionPageEval('/src/options/options.html', axeRun(), null);
    if (optionsFound.length) violations.options = optionsFound;
    expect(violations).toEqual({});
  });
});
