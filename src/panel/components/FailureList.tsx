// The failure list: an ARIA grid of one-line rows (two in a narrow dock), a row growing by the lines a
// long message wraps to; windowed so only what is on screen is in the DOM.
import { memo } from './memo';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { AUDIT_RULE_TITLES, type AuditRule } from '../../core/audit';
import type { RequestRecord } from '../../protocol/messages';
import { formatCount, formatDateTime, formatTime } from '../format';
import { copyText } from '../clipboard';
import { usePanel, usePanelStore, usePlatform } from '../context';
import { COPY_LABELS, copyTextOf, type CopyKind } from '../copies';
import type { Group } from '../grouping';
import type { CellExtents } from '../store/dataset';
import { buildDisplay, moveIndex, type DisplayItem, type Selection } from '../store/display';
import type { Row } from '../store/rows';
import { WHAT_TO_DO_LABELS, type WhatToDo } from '../what-to-do';
import { useWindowedList } from '../hooks/useWindowedList';
import { KeptRowTops } from '../kept-row-tops';
import { recycleKeys, rowTops, type RecycledKeys } from '../windowing';
import { LineCounter, type MeasureText } from '../wrap-lines';
import {
  COLUMN_BY_ID,
  COLUMN_DEFS,
  layoutColumns,
  ROW_HEIGHT,
  shownMessageOf,
  STACKED_ROW_HEIGHT,
  userColumns,
  WRAP_LINE_HEIGHT,
  type ColumnDef,
  type ColumnLayout,
} from './columns';
import { ContextMenu, type MenuItem } from './ContextMenu';

const OVERSCAN = 4;
/** A cell's padding and border, px (panel.css .cell): what a column needs beyond its text. */
const CELL_EDGES = 12;
type Column = ColumnDef;

/** Text measures in the fonts of the list's cells, plain and monospace. */
interface CellFonts {
  sans: MeasureText;
  mono: MeasureText;
}

/**
 * Canvases in the fonts of the probe (the cells' fonts), read once: measuring a text with them lays
 * nothing out, where a DOM probe forced a layout of the whole panel per text, inside the re-render
 * that had just changed the rows (issue 18). Null where there is no canvas (tests without one).
 */
function cellFonts(probe: HTMLElement): CellFonts | null {
  const measureIn = (className: string): MeasureText | null => {
    const context = document.createElement('canvas').getContext('2d');
    if (!context) return null;
    probe.className = className;
    const style = getComputedStyle(probe);
    context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    return (text) => context.measureText(text).width;
  };
  const sans = measureIn('measure');
  const mono = measureIn('measure mono');
  probe.className = 'measure';
  return sans && mono ? { sans, mono } : null;
}

/** Content widths (px) of the content-sized columns for the rows held, measured in the panel's fonts. */
export function measureContent(fonts: CellFonts, extents: CellExtents): Record<string, number> {
  const content: Record<string, number> = {};
  // One character of the monospace face times the longest code and ID: no string to build per row.
  const monoChar = fonts.mono('0'.repeat(40)) / 40;
  // No code or ID held: the column takes its minimum.
  if (monoChar > 0) content.code = extents.codeChars * monoChar + CELL_EDGES;
  if (monoChar > 0) content.id = extents.idChars * monoChar + CELL_EDGES;
  // Messages are many and in a proportional face: their longest length times an average character.
  const sample = 'The Title field is required. Rate limit exceeded, try again in 30 seconds.';
  const sansChar = fonts.sans(sample) / sample.length;
  if (sansChar > 0) content.message = extents.messageChars * sansChar + CELL_EDGES;
  // Times are one format: "00:00:00.000" (digits are one width in the UI fonts).
  const time = fonts.sans('00:00:00.000');
  if (time > 0) content.time = time + CELL_EDGES;
  const verdict = Math.max(0, ...extents.verdicts.map((v) => fonts.sans(v)));
  if (verdict > 0) content.retry = verdict + CELL_EDGES;
  return content;
}

function sameWidths(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Math.abs(a[k] - b[k]) < 0.5);
}

interface MenuState {
  x: number;
  y: number;
  /** A row's menu, or the header's (columns). */
  seq: number | null;
}

export interface FailureListProps {
  /** Used when the element has no layout (tests): the viewport height in px. */
  fallbackViewportHeight?: number;
}

export function FailureList({ fallbackViewportHeight = 600 }: FailureListProps) {
  const store = usePanelStore();
  const revision = usePanel((s) => s.revision);
  const view = usePanel((s) => s.view);
  const order = usePanel((s) => s.settings.order);
  const groupBy = usePanel((s) => s.settings.groupBy);
  const expanded = usePanel((s) => s.expandedGroups);
  const selection = usePanel((s) => s.selection);
  const detailOpen = usePanel((s) => s.detailOpen);
  const auditRevision = usePanel((s) => s.auditRevision);
  usePanel((s) => s.fullRevision); // the row menu's copies wait for full records

  const dataset = store.getState().dataset();
  const audit = store.getState().audit();
  // Groups holding a flagged row, with the rules: flagged rows are few, so this is cheap.
  const groupAudit = useMemo(() => {
    const byGroup = new Map<string, AuditRule[]>();
    if (groupBy === 'none') return byGroup;
    for (const id of audit.flaggedIds()) {
      const row = dataset.rowById(id);
      if (!row || row.nav) continue;
      const key = groupBy === 'endpoint' ? row.endpoint : row.codeGroup;
      const rules = byGroup.get(key) ?? [];
      for (const rule of audit.rulesFor(id) ?? []) if (!rules.includes(rule)) rules.push(rule);
      byGroup.set(key, rules);
    }
    return byGroup;
  }, [audit, auditRevision, dataset, revision, groupBy]);
  const platform = usePlatform();
  const hiddenColumns = usePanel((s) => s.settings.hiddenColumns);
  const shownColumns = usePanel((s) => s.settings.shownColumns);
  const widths = usePanel((s) => s.settings.columnWidths);
  const sort = usePanel((s) => s.settings.sort);
  const redact = usePanel((s) => s.settings.redactCopies);
  const [menu, setMenu] = useState<MenuState | null>(null);
  // A row's menu copies from the full record: ask for it as the menu opens.
  useEffect(() => {
    const record = menu?.seq != null ? dataset.rowBySeq(menu.seq)?.record : undefined;
    if (record?.kind === 'request') void store.getState().fullRecords([record]);
  }, [menu]);
  const wanted = useMemo(() => userColumns(hiddenColumns, shownColumns), [hiddenColumns, shownColumns]);
  const sortDef = sort ? COLUMN_BY_ID.get(sort.column) : undefined;
  const rowSort = useMemo(
    () => (sort && sortDef?.sortValue ? { key: sortDef.sortValue, dir: sort.dir } : null),
    [sort, sortDef],
  );
  // Rebuilt when rows, order, grouping, open groups or the sort change; unsorted flat lists are views, not copies.
  const display = useMemo(
    () => buildDisplay(dataset, order, groupBy, expanded, rowSort),
    [dataset, revision, view, order, groupBy, expanded, rowSort],
  );

  // Content-sized columns: the widest code, ID and verdict held, measured once per change in the panel's fonts.
  const extents = dataset.cellExtents();
  const probeRef = useRef<HTMLSpanElement>(null);
  // The cells' fonts, read once from the probe when the list mounts.
  const fonts = useRef<CellFonts | null | undefined>(undefined);
  const fontsOf = (): CellFonts | null => {
    if (fonts.current === undefined && probeRef.current) fonts.current = cellFonts(probeRef.current);
    return fonts.current ?? null;
  };
  const [content, setContent] = useState<Record<string, number>>({});
  useLayoutEffect(() => {
    const measures = fontsOf();
    if (!measures) return;
    const next = measureContent(measures, extents);
    setContent((prev) => (sameWidths(prev, next) ? prev : next));
  }, [extents]);
  // The layout depends on the width the windowed list measures, and the row height on the layout
  // (two-line rows in a narrow dock): the list asks for it by width.
  const layoutAt = useMemo(() => {
    let last: { width: number; layout: ColumnLayout } | null = null;
    return (w: number): ColumnLayout => {
      if (last?.width !== w) last = { width: w, layout: layoutColumns(wanted, widths, w || 1280, content) };
      return last.layout;
    };
  }, [wanted, widths, content]);
  const rowHeightAt = useCallback((w: number) => (layoutAt(w).stacked ? STACKED_ROW_HEIGHT : ROW_HEIGHT), [layoutAt]);
  // A message wider than its cell wraps and its row grows (nothing cut): the lines of each message at the
  // width the Message column was given (measured on the header's cell, 1 px held back for rounding).
  const messageHeaderRef = useRef<HTMLDivElement>(null);
  const [wrapAt, setWrapAt] = useState({ width: 0, stacked: false });
  const lineCounter = useMemo(() => {
    const measure = wrapAt.width > 0 ? fontsOf()?.sans : undefined;
    return measure ? new LineCounter(wrapAt.width, measure) : null;
  }, [wrapAt.width]);

  // Row tops when some message wraps (null: every row is one row height). A list in time order is
  // measured once per result and context (kept-row-tops.ts): going back to a result the dataset kept
  // (a deleted character) measures nothing, and rows added at its ends measure only themselves.
  const keptTops = useMemo(() => new KeptRowTops(), []);
  const tops = useMemo(() => {
    if (!lineCounter) return null;
    const base = wrapAt.stacked ? STACKED_ROW_HEIGHT : ROW_HEIGHT;
    const line = wrapAt.stacked ? STACKED_ROW_HEIGHT / 2 : WRAP_LINE_HEIGHT;
    let wraps = false;
    const heightOf = (i: number): number => {
      const item = display.item(i);
      if (item.type !== 'row') return base;
      const record = dataset.row(item.position).record;
      if (record.kind !== 'request') return base;
      const lines = lineCounter.lines(shownMessageOf(record));
      if (lines > 1) wraps = true;
      return base + (lines - 1) * line;
    };
    // A running re-filter adds rows at the front of the same visible list: kept tops measure only those.
    if (groupBy !== 'none' || rowSort || order !== 'newest-last') {
      const result = rowTops(display.count, heightOf);
      return wraps ? result : null;
    }
    const kept = keptTops.measure(
      dataset.visible,
      [lineCounter, wrapAt.stacked, dataset, dataset.changes],
      base,
      heightOf,
    );
    return kept.wraps ? kept.tops : null;
  }, [display, lineCounter, wrapAt.stacked, groupBy, rowSort, order]);

  const { scrollerRef, width, range, pageRows, onScroll, reveal } = useWindowedList({
    rowTops: tops,
    count: display.count,
    rowHeight: rowHeightAt,
    overscan: OVERSCAN,
    headerHeight: rowHeightAt,
    fallbackHeight: fallbackViewportHeight,
    followsEnd: order === 'newest-last' && !rowSort,
    resetKeys: [order, view],
    startAtEnd: order === 'newest-last',
    rowKey: (i) => {
      const item = display.item(i);
      return item.type === 'row' ? dataset.row(item.position).record.id : item;
    },
  });
  // Narrow docks keep the columns that answer "what now" (status, code, ID, message, verdict): two-line rows.
  const layout = layoutAt(width);
  const rowHeight = rowHeightAt(width);
  const messageShown = layout.columns.some((c) => c.id === 'message');
  useLayoutEffect(() => {
    const cell = messageHeaderRef.current;
    // The cell's content box: its width less the padding (panel.css .cell), less 1 px for rounding.
    const next = { width: messageShown && cell ? Math.max(0, cell.clientWidth - 11) : 0, stacked: layout.stacked };
    setWrapAt((prev) => (Math.abs(prev.width - next.width) < 0.5 && prev.stacked === next.stacked ? prev : next));
  }, [layout, width, messageShown]);
  const columns = layout.columns;
  const selectedIndex = display.indexOf(selection);
  // Rows changed height (one line to two, e.g. as the detail opens beside the list): keep the selection in view.
  useEffect(() => {
    if (selectedIndex >= 0) reveal(selectedIndex);
  }, [layout.stacked]);

  const selectIndex = (index: number): void => {
    const next = display.selectionAt(index);
    if (!next) return;
    store.getState().select(next);
    reveal(index);
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    const state = store.getState();
    const page = pageRows;
    let target = -1;
    switch (event.key) {
      case 'ArrowDown':
        target = moveIndex(display, dataset, selectedIndex, 1);
        break;
      case 'ArrowUp':
        target = moveIndex(display, dataset, selectedIndex, -1);
        break;
      case 'PageDown':
        target = moveIndex(display, dataset, selectedIndex, page);
        break;
      case 'PageUp':
        target = moveIndex(display, dataset, selectedIndex, -page);
        break;
      case 'Home':
        target = moveIndex(display, dataset, -1, 1);
        break;
      case 'End':
        target = moveIndex(display, dataset, -1, -1);
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        if (selection?.kind === 'group') state.toggleGroup(selection.key);
        else if (event.key === 'Enter') state.openDetail();
        return;
      case 'ArrowRight':
      case 'ArrowLeft':
        if (selection?.kind === 'group') {
          event.preventDefault();
          const open = expanded.has(selection.key);
          if (open !== (event.key === 'ArrowRight')) state.toggleGroup(selection.key);
        }
        return;
      case 'ContextMenu':
      case 'F10':
        if (event.key === 'F10' && !event.shiftKey) return;
        if (selection?.kind === 'row') {
          event.preventDefault();
          const el = document.getElementById(`fl-row-${selection.seq}`);
          const box = el?.getBoundingClientRect();
          setMenu({ x: (box?.left ?? 0) + 40, y: box?.bottom ?? 0, seq: selection.seq });
        }
        return;
      case 'Escape':
        if (detailOpen) {
          event.preventDefault();
          event.stopPropagation();
          state.closeDetail();
        }
        return;
      default:
        return;
    }
    event.preventDefault();
    if (target >= 0) selectIndex(target);
  };

  const onRowClick = useCallback(
    (sel: Selection) => {
      const state = store.getState();
      if (sel?.kind === 'group') {
        state.select(sel);
        state.toggleGroup(sel.key);
        return;
      }
      state.select(sel);
      state.openDetail();
    },
    [store],
  );

  const onCopyId = useCallback(
    (id: string, sel: Selection) => {
      store.getState().select(sel);
      void copyText(id).then((ok) => store.getState().showToast(ok ? `Copied ID ${id}` : 'Copy failed'));
    },
    [store],
  );

  const onRowMenu = useCallback(
    (seq: number, x: number, y: number) => {
      store.getState().select({ kind: 'row', seq });
      setMenu({ x, y, seq });
    },
    [store],
  );

  // Record rows keep their element while they stay in the window, so a keystroke that keeps most
  // of the shown records only re-lays out the rows that changed; rows that left are recycled for
  // the new ones (patched in place, not created). See recycleKeys.
  const items: DisplayItem[] = [];
  const seqs: number[] = [];
  for (let i = range.start; i < range.end; i++) {
    const item = display.item(i);
    items.push(item);
    if (item.type === 'row') {
      const row = dataset.row(item.position);
      if (!row.nav) seqs.push(row.seq);
    }
  }
  const rowKeys = useRef<RecycledKeys>({ keys: [], byId: new Map(), nextKey: 0 });
  const recycled = recycleKeys(rowKeys.current.byId, seqs, rowKeys.current.nextKey);
  rowKeys.current = recycled;
  let recordIndex = 0;
  const children = [];
  for (let i = range.start; i < range.end; i++) {
    const item = items[i - range.start];
    if (item.type === 'group') {
      children.push(
        <GroupRow
          key={`g${item.group.key}`}
          index={i}
          group={item.group}
          expanded={item.expanded}
          selected={selection?.kind === 'group' && selection.key === item.group.key}
          groupBy={groupBy}
          span={columns.length}
          level={1}
          audit={groupAudit.get(item.group.key)}
          onClick={onRowClick}
        />,
      );
      continue;
    }
    const row = dataset.row(item.position);
    children.push(
      row.nav ? (
        <NavRow key={`n${row.seq}`} index={i} row={row} span={columns.length} />
      ) : (
        <RecordRow
          key={`r${recycled.keys[recordIndex++]}`}
          index={i}
          row={row}
          inGroup={item.group !== undefined}
          columns={columns}
          selected={selection?.kind === 'row' && selection.seq === row.seq}
          height={tops && tops[i + 1] - tops[i] > rowHeight ? tops[i + 1] - tops[i] : 0}
          audit={audit.rulesFor(row.record.id)}
          onClick={onRowClick}
          onCopyId={onCopyId}
          onMenu={onRowMenu}
        />
      ),
    );
  }

  const activeId =
    selection?.kind === 'row'
      ? `fl-row-${selection.seq}`
      : selection?.kind === 'group'
        ? groupDomId(selection.key)
        : undefined;

  const grouped = groupBy !== 'none';
  const setSort = (column: Column): void => {
    if (!column.sortValue) return;
    const next =
      sort?.column !== column.id
        ? { column: column.id, dir: 'asc' as const }
        : sort.dir === 'asc'
          ? { column: column.id, dir: 'desc' as const }
          : null;
    store.getState().setColumnPrefs({ sort: next });
  };
  const toggleColumn = (column: Column): void => {
    const settings = store.getState().settings;
    const visible = wanted.some((c) => c.id === column.id);
    if (visible && wanted.length <= 1) return;
    if (column.hiddenByDefault) {
      const shown = visible
        ? settings.shownColumns.filter((id) => id !== column.id)
        : [...settings.shownColumns, column.id];
      store.getState().setColumnPrefs({ shownColumns: shown });
    } else {
      const hidden = visible
        ? [...settings.hiddenColumns, column.id]
        : settings.hiddenColumns.filter((id) => id !== column.id);
      store.getState().setColumnPrefs({ hiddenColumns: hidden });
    }
  };
  const startResize = (column: Column, e: PointerEvent): void => {
    e.preventDefault();
    e.stopPropagation();
    const cell = (e.target as HTMLElement).parentElement;
    const startX = e.clientX;
    const startWidth = cell?.getBoundingClientRect().width ?? column.width;
    const move = (ev: PointerEvent): void => {
      const w = Math.max(column.minWidth, Math.round(startWidth + ev.clientX - startX));
      store.getState().setColumnPrefs({ columnWidths: { ...store.getState().settings.columnWidths, [column.id]: w } });
    };
    const up = (): void => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };

  const menuItems = (): MenuItem[] => {
    if (!menu) return [];
    if (menu.seq === null) {
      const items: MenuItem[] = COLUMN_DEFS.map((c) => ({
        kind: 'check' as const,
        id: `column-${c.id}`,
        label: layout.dropped.includes(c) ? `${c.title} (no room)` : c.title,
        checked: wanted.includes(c),
        run: () => toggleColumn(c),
      }));
      items.push({ kind: 'separator' });
      items.push({
        kind: 'action',
        id: 'reset-columns',
        label: 'Reset columns',
        run: () =>
          store.getState().setColumnPrefs({ hiddenColumns: [], shownColumns: [], columnWidths: {}, sort: null }),
      });
      return items;
    }
    const row = dataset.rowBySeq(menu.seq);
    if (!row || row.record.kind !== 'request') return [];
    const record = row.record;
    // Copies need the full record; the menu asked for it when it opened (list rows are cut). Until it
    // is here, an item copies once it arrives.
    const full = store.getState().fullRecord(record);
    const ctx = { redact, userAgent: typeof navigator !== 'undefined' ? navigator.userAgent : undefined };
    const copyNow = (kind: CopyKind, text: string | null): void => {
      if (text === null) return store.getState().showToast(`No ${COPY_LABELS[kind]} to copy`);
      void copyText(text).then((ok) => store.getState().showToast(ok ? `Copied ${COPY_LABELS[kind]}` : 'Copy failed'));
    };
    const copy = (kind: CopyKind): MenuItem => {
      const text = full ? copyTextOf(kind, full, ctx) : null;
      return {
        kind: 'action',
        id: `copy-${kind}`,
        label: `Copy ${kind === 'curl' || kind === 'fetch' ? `as ${COPY_LABELS[kind]}` : COPY_LABELS[kind]}`,
        disabled: full !== undefined && text === null,
        run: () =>
          store.getState().withFullRecords([record], ({ records }) => {
            if (records[0]) copyNow(kind, copyTextOf(kind, records[0], ctx));
            else store.getState().showToast('The background no longer holds this request');
          }),
      };
    };
    const addFilter = (token: string): void => {
      const current = store.getState().filterText.trim();
      store.getState().setFilterText(current ? `${current} ${token}` : token);
    };
    const quote = (v: string): string => (/[\s"]/.test(v) ? `"${v.replace(/"/g, '')}"` : v);
    const path = row.endpoint.slice(row.endpoint.indexOf(' ') + 1);
    return [
      copy('url'),
      copy('response'),
      copy('curl'),
      copy('fetch'),
      copy('ticket'),
      copy('id'),
      { kind: 'separator' },
      {
        kind: 'action',
        id: 'filter-host',
        label: `Filter by host ${row.host}`,
        disabled: !row.host,
        run: () => addFilter(`host:${quote(row.host)}`),
      },
      {
        kind: 'action',
        id: 'filter-code',
        label: row.code ? `Filter by code ${record.classification.errorCode}` : `Filter by status ${row.status}`,
        run: () => addFilter(row.code ? `code:${quote(row.code)}` : `status:${row.status}`),
      },
      {
        kind: 'action',
        id: 'filter-endpoint',
        label: `Filter by endpoint ${row.endpoint}`,
        run: () => addFilter(`method:${row.method} path:${quote(path.split(':id')[0].toLowerCase())}`),
      },
      { kind: 'separator' },
      {
        kind: 'action',
        id: 'copy-all-curl',
        label: 'Copy all shown as cURL',
        run: () => window.dispatchEvent(new CustomEvent('faultline-copy-all', { detail: 'curl' })),
      },
      {
        kind: 'action',
        id: 'copy-all-har',
        label: 'Copy all shown as HAR',
        run: () => window.dispatchEvent(new CustomEvent('faultline-copy-all', { detail: 'har' })),
      },
    ];
  };
  void platform;

  return (
    <>
      <div
        ref={scrollerRef}
        class={`grid${layout.stacked ? ` stacked${columns.some((c) => c.id === 'method') ? ' lead-method' : ''}` : ''}`}
        role={grouped ? 'treegrid' : 'grid'}
        aria-label="Failures"
        aria-rowcount={display.count + 1}
        aria-colcount={columns.length}
        aria-activedescendant={selectedIndex >= range.start && selectedIndex < range.end ? activeId : undefined}
        aria-multiselectable="false"
        tabIndex={0}
        data-testid="failure-list"
        data-count={display.count}
        data-stacked={layout.stacked}
        style={{
          '--grid-template': layout.template,
          '--grid-min': `${layout.minWidth}px`,
          '--row-h': `${rowHeight}px`,
          '--line-h': `${layout.stacked ? STACKED_ROW_HEIGHT / 2 : ROW_HEIGHT}px`,
        }}
        onScroll={onScroll}
        onKeyDown={onKeyDown}
      >
        <div
          class="row header"
          role="row"
          aria-rowindex={1}
          data-testid="grid-header"
          onContextMenu={(e) => {
            e.preventDefault();
            setMenu({ x: e.clientX, y: e.clientY, seq: null });
          }}
        >
          {columns.map((c) => (
            <div
              key={c.id}
              ref={c.id === 'message' ? messageHeaderRef : undefined}
              role="columnheader"
              class={`cell col-${c.id}${c.sortValue ? ' sortable' : ''}`}
              data-testid={`header-${c.id}`}
              aria-sort={sort?.column === c.id ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
              title={
                c.sortValue
                  ? `Sort by ${c.title}; right-click to show or hide columns`
                  : 'Right-click to show or hide columns'
              }
              onClick={() => setSort(c)}
            >
              {c.title}
              {sort?.column === c.id ? <span aria-hidden="true">{sort.dir === 'asc' ? ' ▲' : ' ▼'}</span> : null}
              <span
                class="col-resize"
                aria-hidden="true"
                onPointerDown={(e) => startResize(c, e)}
                onClick={(e) => e.stopPropagation()}
              />
            </div>
          ))}
        </div>
        <div class="rows" role="rowgroup" style={{ height: `${range.totalHeight}px` }}>
          <div class="window" style={{ transform: `translateY(${range.offsetTop}px)` }}>
            {children}
          </div>
        </div>
      </div>
      <span ref={probeRef} class="measure" aria-hidden="true" />
      {menu ? (
        <ContextMenu
          label={menu.seq === null ? 'Columns' : 'Row'}
          x={menu.x}
          y={menu.y}
          items={menuItems()}
          onClose={() => setMenu(null)}
        />
      ) : null}
    </>
  );
}

function groupDomId(key: string): string {
  // Keys are page content: keep the DOM id to a safe alphabet.
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = (Math.imul(hash, 31) + key.charCodeAt(i)) | 0;
  return `fl-group-${(hash >>> 0).toString(36)}`;
}

interface RecordRowProps {
  index: number;
  row: Row;
  inGroup: boolean;
  columns: readonly Column[];
  selected: boolean;
  /** The row's height when its message wraps to more lines than the row has (0: the list's row height). */
  height: number;
  /** Retry-audit rules the record is flagged by. */
  audit: readonly AuditRule[] | undefined;
  onClick(sel: Selection): void;
  onCopyId(id: string, sel: Selection): void;
  onMenu(seq: number, x: number, y: number): void;
}

/** "retry ⚠" with the rules as data and their titles as the tooltip. */
function AuditBadge({ rules }: { rules: readonly AuditRule[] }) {
  return (
    <span
      class="audit-badge"
      data-testid="audit-badge"
      data-audit-rules={rules.join(' ')}
      title={`Retry audit: ${rules.map((r) => AUDIT_RULE_TITLES[r]).join('; ')}`}
      aria-label="Retry audit finding"
    >
      ⚠
    </span>
  );
}

const RecordRow = memo(function RecordRow({
  index,
  row,
  inGroup,
  columns,
  selected,
  height,
  audit,
  onClick,
  onCopyId,
  onMenu,
}: RecordRowProps) {
  const record = row.record as RequestRecord;
  const x = record.exchange;
  const c = record.classification;
  return (
    <div
      id={`fl-row-${row.seq}`}
      role="row"
      aria-rowindex={index + 2}
      aria-level={inGroup ? 2 : undefined}
      aria-selected={selected}
      class={`row record kind-${c.kind}${selected ? ' selected' : ''}${inGroup ? ' in-group' : ''}${height ? ' wrapped' : ''}`}
      style={height ? { '--wrapped-h': `${height}px` } : undefined}
      data-testid={c.failure ? 'failure-row' : 'response-row'}
      data-seq={row.seq}
      data-status={x.status}
      data-code={c.errorCode ?? ''}
      data-id={c.errorId ?? ''}
      data-kind={c.kind}
      data-todo={row.todo ?? ''}
      data-action={c.failure ? c.action : ''}
      data-url={x.url}
      onClick={() => onClick({ kind: 'row', seq: row.seq })}
      onContextMenu={(e) => {
        e.preventDefault();
        onMenu(row.seq, e.clientX, e.clientY);
      }}
    >
      <RecordCells row={row} columns={columns} audit={audit} onCopyId={onCopyId} />
    </div>
  );
});

interface RecordCellsProps {
  row: Row;
  columns: readonly Column[];
  audit: readonly AuditRule[] | undefined;
  onCopyId(id: string, sel: Selection): void;
}

/**
 * A row's cells, apart from the row element: a keystroke that adds or removes rows before the window
 * changes the index of every row kept in it (aria-rowindex), and only the row element re-renders for
 * that, not its cells (issue 18).
 */
const RecordCells = memo(function RecordCells({ row, columns, audit, onCopyId }: RecordCellsProps) {
  const record = row.record as RequestRecord;
  const c = record.classification;
  const cell = (column: Column) => {
    if (column.id === 'id') {
      return (
        <div key="id" role="gridcell" class="cell col-id">
          {c.errorId ? (
            <span
              role="button"
              class="id-copy mono"
              title={`${c.errorId}: click to copy${c.errorIdSource ? ` (from ${c.errorIdSource})` : ''}`}
              aria-label={`Copy ID ${c.errorId}`}
              onClick={(e) => {
                e.stopPropagation();
                onCopyId(c.errorId!, { kind: 'row', seq: row.seq });
              }}
            >
              {c.errorId}
            </span>
          ) : null}
        </div>
      );
    }
    const view = column.cell(row, record);
    return (
      <div
        key={column.id}
        role="gridcell"
        class={`cell col-${column.id}${view.className ? ` ${view.className}` : ''}`}
        title={view.title}
        data-testid={view.testid}
      >
        {column.id === 'status' && audit ? <AuditBadge rules={audit} /> : null}
        {view.content}
      </div>
    );
  };
  return <>{columns.map(cell)}</>;
});

const NavRow = memo(function NavRow({ index, row, span }: { index: number; row: Row; span: number }) {
  const record = row.record;
  const url = record.kind === 'navigation' ? record.url : '';
  return (
    <div role="row" aria-rowindex={index + 2} class="row nav" data-testid="navigation-row" data-seq={row.seq}>
      <div role="gridcell" aria-colspan={span} class="cell nav-cell" title={url}>
        <span class="nav-time">{formatTime(row.at)}</span> Navigated to <span class="nav-url">{url}</span>
      </div>
    </div>
  );
});

interface GroupRowProps {
  index: number;
  group: Group;
  expanded: boolean;
  selected: boolean;
  groupBy: string;
  span: number;
  level: number;
  audit: readonly AuditRule[] | undefined;
  onClick(sel: Selection): void;
}

/** "429 ×3, 503 ×1": the most frequent first. */
function mix<K>(counts: ReadonlyMap<K, number>, label: (k: K) => string): string {
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([k, n]) => `${label(k)} ×${n}`)
    .join(', ');
}

const GroupRow = memo(function GroupRow({
  index,
  group,
  expanded,
  selected,
  groupBy,
  span,
  level,
  audit,
  onClick,
}: GroupRowProps) {
  return (
    <div
      id={groupDomId(group.key)}
      role="row"
      aria-rowindex={index + 2}
      aria-expanded={expanded}
      aria-level={level}
      aria-selected={selected}
      class={`row group${selected ? ' selected' : ''}`}
      data-testid="group-row"
      data-key={group.key}
      data-count={group.count}
      onClick={() => onClick({ kind: 'group', key: group.key })}
    >
      <div role="gridcell" aria-colspan={span} class="cell group-cell">
        <span class="caret" aria-hidden="true">
          {expanded ? '▾' : '▸'}
        </span>
        <span class={`group-key${groupBy === 'code' ? ' mono' : ''}`} title={group.key}>
          {group.key}
        </span>
        <span class="group-count" data-testid="group-count">
          {formatCount(group.count)}
        </span>
        <span class="group-mix" data-testid="group-mix">
          {mix(group.statuses, (s) => (s === 0 ? 'failed' : String(s)))}
          {group.verdicts.size > 0
            ? ` · ${mix(group.verdicts, (v) => WHAT_TO_DO_LABELS[v as WhatToDo]?.label ?? v)}`
            : ''}
        </span>
        {audit ? <AuditBadge rules={audit} /> : null}
        <span class="group-seen">
          first {formatDateTime(group.firstSeen) || '—'} · last {formatDateTime(group.lastSeen) || '—'}
        </span>
      </div>
    </div>
  );
});
