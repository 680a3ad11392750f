// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { FOLDED_FILTER_BASIS, statusFits } from './useStatusFold';

/** An element with a fixed measured width (happy-dom does no layout). */
function sized(tag: string, width: number, className = ''): HTMLElement {
  const el = document.createElement(tag);
  if (className) el.className = className;
  el.getBoundingClientRect = () =>
    ({ width, height: 20, top: 0, left: 0, right: width, bottom: 20, x: 0, y: 0 }) as DOMRect;
  return el;
}

/** A toolbar row of `items` px-wide items, a filter (shown at 300 px), a spacer, and a status of parts. */
function toolbar(rowWidth: number, items: number[], statusParts: { tabs: number; short: number; warnings?: number[] }) {
  const row = document.createElement('div');
  row.style.columnGap = '4px';
  row.style.paddingLeft = '6px';
  row.style.paddingRight = '6px';
  Object.defineProperty(row, 'clientWidth', { value: rowWidth, configurable: true });
  for (const w of items) row.append(sized('button', w));
  row.append(sized('input', 300, 'filter'), sized('span', 0, 'hidden-input'), sized('span', 200, 'spacer'));
  const status = document.createElement('div');
  const counts = sized('span', 400, 'counts'); // the long sentence's width: not what folding needs
  counts.append(sized('span', statusParts.short, 'counts-short'));
  status.append(sized('div', statusParts.tabs), counts, ...(statusParts.warnings ?? []).map((w) => sized('span', w)));
  document.body.append(row);
  return { row, status };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('statusFits', () => {
  // Items 100 + 200 px, the filter at its folded basis, the status 110 + 8 + 95: four gaps of 4 px
  // (items, filter, spacer, status), 12 px of padding, 2 px held back for rounding.
  const need = 12 + 300 + FOLDED_FILTER_BASIS + 4 * 4 + (110 + 8 + 95) + 2;

  it('folds when the items, the filter at its basis and the short counts fit the row', () => {
    const { row, status } = toolbar(need, [100, 200], { tabs: 110, short: 95 });
    expect(statusFits(row, status)).toBe(true);
  });

  it('does not fold one pixel narrower, nor when a warning counter widens the status', () => {
    const narrow = toolbar(need - 1, [100, 200], { tabs: 110, short: 95 });
    expect(statusFits(narrow.row, narrow.status)).toBe(false);
    const warned = toolbar(need, [100, 200], { tabs: 110, short: 95, warnings: [60] });
    expect(statusFits(warned.row, warned.status)).toBe(false);
    const wide = toolbar(need + 68, [100, 200], { tabs: 110, short: 95, warnings: [60] });
    expect(statusFits(wide.row, wide.status)).toBe(true);
  });

  it('measures the same whether the status is in the footer or already in the row', () => {
    const { row, status } = toolbar(need, [100, 200], { tabs: 110, short: 95 });
    row.append(status);
    expect(statusFits(row, status)).toBe(true);
    Object.defineProperty(row, 'clientWidth', { value: need - 1 });
    expect(statusFits(row, status)).toBe(false);
  });
});
