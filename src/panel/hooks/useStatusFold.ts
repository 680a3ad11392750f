// Whether the status bar's content (view tabs, counts) fits at the end of the toolbar's first row.
// At a wide dock it does, and the rows get the status bar's height (issue 15: 12 rows at 1280×350).
// Measured, not a breakpoint: the counts, an imported file's tab and the warning counters vary.
import type { RefObject } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';

/** The filter's flex basis while folded (panel.css `.toolbar-row.folded .filter`): it grows into spare room. */
export const FOLDED_FILTER_BASIS = 120;
/** The gap between the status parts while folded (panel.css `.statusbar.folded`). */
const FOLDED_GAP = 8;

/** What the status content needs folded: its parts at their width, the long counts text left out. */
function foldedStatusWidth(status: HTMLElement): number {
  let width = 0;
  let parts = 0;
  for (const child of status.children) {
    const part = child.classList.contains('counts')
      ? child.querySelector('.counts-short')!.getBoundingClientRect().width
      : child.getBoundingClientRect().width;
    width += part;
    parts++;
  }
  return width + Math.max(0, parts - 1) * FOLDED_GAP;
}

/**
 * The toolbar row's items at their own widths (the filter at its basis, the spacer and the folded status
 * left out), plus the folded status: true when that fits the row's width.
 */
export function statusFits(row: HTMLElement, status: HTMLElement): boolean {
  const style = getComputedStyle(row);
  const gap = parseFloat(style.columnGap) || 0;
  let used = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
  let items = 1; // the status
  for (const child of row.children) {
    if (child === status) continue;
    const box = child.getBoundingClientRect();
    if (child.classList.contains('filter')) used += FOLDED_FILTER_BASIS;
    else if (box.width === 0 && !child.classList.contains('spacer'))
      continue; // hidden file input
    else if (!child.classList.contains('spacer')) used += box.width;
    items++;
  }
  used += (items - 1) * gap + foldedStatusWidth(status);
  // 2 px for rounding of the measured widths.
  return used + 2 <= row.clientWidth;
}

/** Folds the status into the toolbar while it fits; re-measured on resize and when the status changes size. */
export function useStatusFold(appRef: RefObject<HTMLElement>): boolean {
  const [folded, setFolded] = useState(false);
  useLayoutEffect(() => {
    const app = appRef.current;
    if (!app || typeof ResizeObserver === 'undefined') return;
    const check = (): void => {
      const row = app.querySelector<HTMLElement>('.toolbar .toolbar-row');
      const status = app.querySelector<HTMLElement>('[data-testid="status-bar"]');
      if (!row || !status) return;
      setFolded(statusFits(row, status));
    };
    // Sizes: the panel's, the toolbar items' (chip counts grow) and the status parts' (the counts).
    const observer = new ResizeObserver(check);
    const observeAll = (): void => {
      observer.observe(app);
      for (const el of app.querySelectorAll('.toolbar .toolbar-row > *, [data-testid="status-bar"] > *, .counts-short'))
        observer.observe(el);
    };
    observeAll();
    // Parts that come and go (a warning counter, an imported file's tab, the status moving): the toolbar's
    // subtree and the app's own children only, not the list.
    const mutations = new MutationObserver(() => {
      observeAll();
      check();
    });
    const toolbar = app.querySelector('.toolbar');
    if (toolbar) mutations.observe(toolbar, { childList: true, subtree: true });
    mutations.observe(app, { childList: true });
    const footer = app.querySelector('footer.statusbar');
    if (footer) mutations.observe(footer, { childList: true, subtree: true });
    check();
    return () => {
      observer.disconnect();
      mutations.disconnect();
    };
  }, []);
  return folded;
}
