// The list's columns: one registry entry each (title, widths, how narrow docks drop it, how it
// sorts, what its cell shows), so the header, the rows and the grid template stay in step.
// Others add a column by adding one entry here.
import type { ComponentChildren } from 'preact';
import { callSiteOf, formatFrame } from '../../core/callsite';
import { protocolLabel } from '../../core/protocols/label';
import type { RequestRecord } from '../../protocol/messages';
import { operationTooltip } from '../contract';
import { formatDateTime, formatTime, hostPath, truncate } from '../format';
import type { Row } from '../store/rows';
import { shortVerdict, verdictSentence } from '../verdict';

/** Cells show at most this many characters (the rest is in the title and the detail): long text costs layout even when clipped. */
export const CELL_CHARS = 240;

export type ColumnId = string;

export interface CellView {
  content: ComponentChildren;
  /** The tooltip. */
  title?: string;
  /** Extra classes on the cell. */
  className?: string;
  /** data-testid of the cell, for e2e. */
  testid?: string;
}

export interface ColumnDef {
  id: ColumnId;
  title: string;
  /** Preferred width, px. */
  width: number;
  /** Below this the column is dropped rather than squeezed, px. */
  minWidth: number;
  /** Takes a share of the spare width. */
  grow?: boolean;
  /** Off until the user shows it (header context menu). */
  hiddenByDefault?: boolean;
  /** Lower numbers stay longest when the list is narrow (a 600 px dock keeps status, verdict, code). */
  priority: number;
  /** Sort key; columns without one cannot be sorted. */
  sortValue?(row: Row): string | number;
  cell(row: Row, record: RequestRecord): CellView;
}

export const COLUMN_DEFS: readonly ColumnDef[] = [
  {
    id: 'time',
    title: 'Time',
    width: 96,
    minWidth: 70,
    priority: 8,
    sortValue: (row) => row.at ?? 0,
    cell: (_row, r) => ({ content: formatTime(r.exchange.startedAt), title: formatDateTime(r.exchange.startedAt) }),
  },
  {
    id: 'method',
    title: 'Method',
    width: 62,
    minWidth: 52,
    priority: 7,
    sortValue: (row) => row.method,
    cell: (row) => ({ content: row.method }),
  },
  {
    id: 'status',
    title: 'Status',
    width: 64,
    minWidth: 50,
    priority: 1,
    sortValue: (row) => row.status,
    cell: (_row, r) => {
      const x = r.exchange;
      const c = r.classification;
      const reason =
        x.status > 0
          ? `${x.status} ${c.status.reason || x.statusText || ''}`.trim()
          : `No response${x.error ? `: ${x.error}` : ''}`;
      const kind = c.kind === 'body' ? 'HTTP says success; the body says the call failed' : c.status.meaning;
      // Like the Network panel: "(canceled)" for an abort or timeout, "failed" for no response at all.
      const shown = x.status > 0 ? String(x.status) : (c.kind as string) === 'canceled' ? '(canceled)' : 'failed';
      return { content: shown, title: `${reason}. ${kind}` };
    },
  },
  {
    id: 'url',
    title: 'Path',
    width: 180,
    minWidth: 120,
    grow: true,
    priority: 6,
    sortValue: (row) => row.path,
    cell: (row, r) => {
      // The documented operation (OpenAPI), when a loaded spec matched the call.
      const operation = operationTooltip(row.spec);
      return {
        content: truncate(hostPath(r.exchange.url).path, CELL_CHARS),
        title: operation ? `${r.exchange.url}\n${operation}` : r.exchange.url,
      };
    },
  },
  {
    id: 'host',
    title: 'Host',
    width: 150,
    minWidth: 90,
    hiddenByDefault: true,
    priority: 9,
    sortValue: (row) => row.host,
    cell: (row) => ({ content: row.host, title: row.host }),
  },
  {
    id: 'code',
    title: 'Error code',
    width: 200,
    minWidth: 90,
    priority: 3,
    sortValue: (row) => row.code,
    cell: (_row, r) => {
      // RPC protocols are named with their code: "gRPC-web · UNAVAILABLE (14)". GraphQL keeps the bare code
      // (its endpoint says the protocol; the detail names it), so the column stays narrow.
      const label = r.classification.protocol === 'graphql' ? null : protocolLabel(r.classification);
      if (label) return { content: truncate(label, CELL_CHARS), title: label, className: 'mono' };
      const code = r.classification.errorCode ?? '';
      // A problem+json type URI: its last segment names the problem; the whole URI is in the tooltip.
      const shown = /^https?:\/\/[^\s]+\/[^/\s]+\/?$/i.test(code)
        ? code.replace(/\/$/, '').slice(code.replace(/\/$/, '').lastIndexOf('/') + 1)
        : code;
      return { content: truncate(shown, CELL_CHARS), title: code, className: 'mono' };
    },
  },
  {
    id: 'id',
    title: 'ID',
    // A UUID in the monospace face, uncut.
    width: 250,
    minWidth: 90,
    priority: 4,
    sortValue: (row) => row.id,
    // Rendered by the row itself: it is the copy target.
    cell: () => ({ content: null }),
  },
  {
    id: 'message',
    title: 'Message',
    width: 260,
    minWidth: 140,
    grow: true,
    priority: 5,
    sortValue: (row) => row.message,
    cell: (_row, r) => {
      // A network failure has no message: its error name is the message.
      const text = r.classification.message ?? r.exchange.error ?? '';
      return { content: truncate(text, CELL_CHARS), title: text };
    },
  },
  {
    // The app's own frame that made the call (Chrome's initiator stack); the whole stack is in the detail.
    id: 'site',
    title: 'Call site',
    width: 150,
    minWidth: 100,
    hiddenByDefault: true,
    priority: 10,
    sortValue: (row) => row.callSiteGroup,
    cell: (_row, r) => {
      const site = callSiteOf(r.exchange.callStack);
      return site
        ? {
            content: truncate(formatFrame(site), CELL_CHARS),
            title: `${formatFrame(site)}\n${site.url}`,
            className: 'mono',
            testid: 'call-site',
          }
        : { content: '', testid: 'call-site' };
    },
  },
  {
    id: 'retry',
    title: 'Verdict',
    width: 108,
    minWidth: 96,
    priority: 2,
    sortValue: (row) => (row.record.kind === 'request' ? shortVerdict(row.record.classification) : ''),
    cell: (_row, r) => ({
      content: shortVerdict(r.classification),
      title: verdictSentence(r.classification),
      className: `verdict-${r.classification.verdict}`,
    }),
  },
  {
    id: 'action',
    title: 'Action',
    width: 240,
    minWidth: 140,
    grow: true,
    hiddenByDefault: true,
    priority: 10,
    cell: (_row, r) => {
      const action = r.classification.failure ? r.classification.action : '';
      return { content: truncate(action, CELL_CHARS), title: action };
    },
  },
];

export const COLUMN_BY_ID: ReadonlyMap<string, ColumnDef> = new Map(COLUMN_DEFS.map((c) => [c.id, c]));

/** Columns the user has not hidden (stored ids win; new columns follow their default). */
export function userColumns(hidden: readonly string[], shown: readonly string[]): ColumnDef[] {
  return COLUMN_DEFS.filter((c) => (c.hiddenByDefault ? shown.includes(c.id) : !hidden.includes(c.id)));
}

export interface ColumnLayout {
  columns: ColumnDef[];
  /** Columns the user wants that do not fit the width (named in the header menu). */
  dropped: ColumnDef[];
  template: string;
  minWidth: number;
}

/**
 * Fits the wanted columns to the width: by priority, a column is kept while the kept columns'
 * minimum widths fit; kept columns keep their order. User-resized columns are fixed in px.
 */
export function layoutColumns(
  wanted: readonly ColumnDef[],
  widths: Readonly<Record<string, number>>,
  available: number,
): ColumnLayout {
  const widthOf = (c: ColumnDef): number => Math.max(c.minWidth, widths[c.id] ?? c.width);
  // Fixed columns need their preferred width to be readable (codes, IDs, verdicts); growing ones their minimum.
  const floorOf = (c: ColumnDef): number => (widths[c.id] !== undefined || !c.grow ? widthOf(c) : c.minWidth);
  const byPriority = [...wanted].sort((a, b) => a.priority - b.priority);
  const keep = new Set<string>();
  let used = 0;
  for (const c of byPriority) {
    if (keep.size > 0 && used + floorOf(c) > available) continue;
    keep.add(c.id);
    used += floorOf(c);
  }
  const columns = wanted.filter((c) => keep.has(c.id));
  const dropped = wanted.filter((c) => !keep.has(c.id));
  const template = columns
    .map((c) => {
      if (widths[c.id] !== undefined) return `${widthOf(c)}px`;
      return c.grow ? `minmax(${c.minWidth}px, ${c.width}fr)` : `minmax(${c.minWidth}px, ${c.width}px)`;
    })
    .join(' ');
  return { columns, dropped, template, minWidth: columns.reduce((sum, c) => sum + floorOf(c), 0) };
}

/** Fixed row height in px; the windowing math and the CSS share it. */
export const ROW_HEIGHT = 21;
