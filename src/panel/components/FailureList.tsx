// The failure list: an ARIA grid of fixed-height rows, windowed so only what is on screen is in the DOM.
import { callSiteOf, formatFrame } from '../../core/callsite';
import { memo } from './memo';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { AUDIT_RULE_TITLES, type AuditRule } from '../../core/audit';
import type { RequestRecord } from '../../protocol/messages';
import { formatCount, formatDateTime, formatStatus, formatTime, hostPath, truncate } from '../format';
import { copyText } from '../clipboard';
import { usePanel, usePanelStore } from '../context';
import type { Group } from '../grouping';
import { buildDisplay, moveIndex, type DisplayItem, type Selection } from '../store/display';
import type { Row } from '../store/rows';
import { retryText } from '../verdict';
import { bottomScrollTop, computeWindow, isAtBottom, pageSize, recycleKeys, scrollToReveal, type RecycledKeys } from '../windowing';
import { COLUMNS, COMPACT_COLUMNS, gridTemplate, minGridWidth, ROW_HEIGHT, type Column } from './columns';

const OVERSCAN = 4;
/** Cells show at most this many characters (the rest is in the title and the detail): long text costs layout even when clipped. */
const CELL_CHARS = 240;

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
  const columns = detailOpen ? COMPACT_COLUMNS : COLUMNS;
  // Rebuilt when rows, order, grouping or open groups change; flat lists are views, not copies.
  const display = useMemo(() => buildDisplay(dataset, order, groupBy, expanded), [dataset, revision, view, order, groupBy, expanded]);

  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(0);
  const stickToBottom = useRef(true);
  /** The scrollTop we set or last saw, so scroll events we caused are not taken as the user's. */
  const lastScrollTop = useRef(0);

  const viewportHeight = Math.max(0, (viewport || fallbackViewportHeight) - ROW_HEIGHT); // minus the sticky header
  // Pinned to the bottom: render the last rows directly, so the DOM is final before the scroll syncs.
  const pinned = order === 'newest-last' && stickToBottom.current;
  const top = pinned ? bottomScrollTop(viewportHeight, display.count * ROW_HEIGHT) : scrollTop;
  const range = computeWindow({ scrollTop: top, viewportHeight, rowHeight: ROW_HEIGHT, count: display.count, overscan: OVERSCAN });

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = (): void => setViewport(el.clientHeight);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Newest at the bottom: stay pinned there as rows arrive, unless the user scrolled up.
  // Write-only: reading scrollTop here would force an extra layout.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || !pinned) return;
    el.scrollTop = top;
    lastScrollTop.current = top;
  }, [display.count, pinned, viewportHeight]);

  useEffect(() => {
    stickToBottom.current = order === 'newest-last';
    const el = scroller.current;
    if (el && order === 'newest-first') {
      el.scrollTop = 0;
      lastScrollTop.current = 0;
      setScrollTop(0);
    }
  }, [order, view]);

  const onScroll = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    const now = el.scrollTop;
    if (now === lastScrollTop.current && stickToBottom.current) return;
    lastScrollTop.current = now;
    stickToBottom.current = isAtBottom(now, viewportHeight, display.count * ROW_HEIGHT, ROW_HEIGHT);
    setScrollTop(now);
  }, [viewportHeight, display.count]);

  const selectedIndex = display.indexOf(selection);

  const reveal = useCallback(
    (index: number) => {
      const el = scroller.current;
      const next = scrollToReveal(index, top, viewportHeight, ROW_HEIGHT, display.count);
      stickToBottom.current = isAtBottom(next, viewportHeight, display.count * ROW_HEIGHT, ROW_HEIGHT);
      lastScrollTop.current = next;
      if (el && el.scrollTop !== next) el.scrollTop = next;
      setScrollTop(next);
    },
    [top, viewportHeight, display.count],
  );

  const selectIndex = (index: number): void => {
    const next = display.selectionAt(index);
    if (!next) return;
    store.getState().select(next);
    reveal(index);
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    const state = store.getState();
    const page = pageSize(viewportHeight, ROW_HEIGHT);
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
          audit={audit.rulesFor(row.record.id)}
          onClick={onRowClick}
          onCopyId={onCopyId}
        />
      ),
    );
  }

  const activeId =
    selection?.kind === 'row' ? `fl-row-${selection.seq}` : selection?.kind === 'group' ? groupDomId(selection.key) : undefined;

  return (
    <div
      ref={scroller}
      class="grid"
      role="grid"
      aria-label="Failures"
      aria-rowcount={display.count + 1}
      aria-colcount={columns.length}
      aria-activedescendant={selectedIndex >= 0 ? activeId : undefined}
      aria-multiselectable="false"
      tabIndex={0}
      data-testid="failure-list"
      data-count={display.count}
      style={{ '--grid-template': gridTemplate(columns), '--grid-min': `${minGridWidth(columns)}px`, '--row-h': `${ROW_HEIGHT}px` }}
      onScroll={onScroll}
      onKeyDown={onKeyDown}
    >
      <div class="row header" role="row" aria-rowindex={1}>
        {columns.map((c) => (
          <div key={c.id} role="columnheader" class={`cell col-${c.id}`}>
            {c.title}
          </div>
        ))}
      </div>
      <div class="rows" role="rowgroup" style={{ height: `${range.totalHeight}px` }}>
        <div class="window" style={{ transform: `translateY(${range.offsetTop}px)` }}>
          {children}
        </div>
      </div>
    </div>
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
  /** Retry-audit rules the record is flagged by. */
  audit: readonly AuditRule[] | undefined;
  onClick(sel: Selection): void;
  onCopyId(id: string, sel: Selection): void;
}

/** "retry ⚠" with the rules as data and their titles as the tooltip. */
function AuditBadge({ rules }: { rules: readonly AuditRule[] }) {
  return (
    <span
      class="audit-badge"
      data-testid="audit-badge"
      data-audit-rules={rules.join(' ')}
      title={`Retry audit: ${rules.map((r) => AUDIT_RULE_TITLES[r]).join('; ')}`}
    >
      retry ⚠
    </span>
  );
}

const KIND_LABEL: Record<string, string> = {
  client: '4xx',
  server: '5xx',
  network: 'network',
  body: '2xx with error',
  canceled: 'canceled',
  none: 'ok',
};

const RecordRow = memo(function RecordRow({ index, row, inGroup, columns, selected, audit, onClick, onCopyId }: RecordRowProps) {
  const record = row.record as RequestRecord;
  const x = record.exchange;
  const c = record.classification;
  const sel: Selection = { kind: 'row', seq: row.seq };
  const cell = (column: Column) => {
    switch (column.id) {
      case 'time':
        return (
          <div key="time" role="gridcell" class="cell col-time" title={formatDateTime(x.startedAt)}>
            {formatTime(x.startedAt)}
          </div>
        );
      case 'method':
        return (
          <div key="method" role="gridcell" class="cell col-method">
            {row.method}
          </div>
        );
      case 'url': {
        const where = hostPath(x.url);
        return (
          <div key="url" role="gridcell" class="cell col-url" title={x.url}>
            {`${truncate(where.path, CELL_CHARS)} `}
            <span class="host">{where.host}</span>
          </div>
        );
      }
      case 'status': {
        const status = formatStatus(x.status, c.status.reason || x.statusText, x.error, c.kind);
        return (
          <div key="status" role="gridcell" class="cell col-status" title={`${status} · ${KIND_LABEL[c.kind] ?? c.kind}`}>
            {audit ? <AuditBadge rules={audit} /> : null}
            {status}
          </div>
        );
      }
      case 'code':
        return (
          <div key="code" role="gridcell" class="cell col-code mono" title={c.errorCode ?? ''}>
            {truncate(c.errorCode ?? '', CELL_CHARS)}
          </div>
        );
      case 'id':
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
                  onCopyId(c.errorId!, sel);
                }}
              >
                {c.errorId}
              </span>
            ) : null}
          </div>
        );
      case 'message':
        return (
          <div key="message" role="gridcell" class="cell col-message" title={c.message ?? ''}>
            {truncate(c.message ?? '', CELL_CHARS)}
          </div>
        );
      case 'site': {
        const site = callSiteOf(x.callStack);
        return (
          <div key="site" role="gridcell" class="cell col-site mono" title={site ? `${formatFrame(site)}\n${site.url}` : ''} data-testid="call-site">
            {site ? truncate(formatFrame(site), CELL_CHARS) : ''}
          </div>
        );
      }
      case 'retry': {
        const verdict = c.failure ? retryText(c) : '';
        return (
          <div key="retry" role="gridcell" class={`cell col-retry verdict-${c.verdict}`} title={verdict}>
            {verdict}
          </div>
        );
      }
      case 'action': {
        const action = c.failure ? c.action : '';
        return (
          <div key="action" role="gridcell" class="cell col-action" title={action}>
            {truncate(action, CELL_CHARS)}
          </div>
        );
      }
    }
  };
  return (
    <div
      id={`fl-row-${row.seq}`}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      class={`row record kind-${c.kind}${selected ? ' selected' : ''}${inGroup ? ' in-group' : ''}`}
      data-testid={c.failure ? 'failure-row' : 'response-row'}
      data-seq={row.seq}
      data-status={x.status}
      data-code={c.errorCode ?? ''}
      data-id={c.errorId ?? ''}
      data-kind={c.kind}
      onClick={() => onClick(sel)}
    >
      {columns.map(cell)}
    </div>
  );
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
  audit: readonly AuditRule[] | undefined;
  onClick(sel: Selection): void;
}

const GroupRow = memo(function GroupRow({ index, group, expanded, selected, groupBy, span, audit, onClick }: GroupRowProps) {
  return (
    <div
      id={groupDomId(group.key)}
      role="row"
      aria-rowindex={index + 2}
      aria-expanded={expanded}
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
        {audit ? <AuditBadge rules={audit} /> : null}
        <span class="group-seen">
          first {formatDateTime(group.firstSeen) || '—'} · last {formatDateTime(group.lastSeen) || '—'}
        </span>
      </div>
    </div>
  );
});

