// The list's columns: one registry entry each (title, widths, how narrow docks drop it, how it
// sorts, what its cell shows), so the header, the rows and the grid template stay in step.
// Others add a column by adding one entry here.
import type { ComponentChildren } from 'preact';
import { callSiteOf, formatFrame } from '../../core/callsite';
import type { RequestRecord } from '../../protocol/messages';
import { codeCell } from '../code-text';
import { operationTooltip } from '../contract';
import { formatDateTime, formatTime, hostPath, truncate, truncateStart } from '../format';
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
  /** Preferred width, px (while the content is not measured); a growing column's share of the spare width. */
  width: number;
  /** A content-sized column is as wide as its widest content up to this, px (default: width). */
  maxWidth?: number;
  /** Below this the column is dropped rather than squeezed, px. */
  minWidth: number;
  /** Takes a share of the spare width. */
  grow?: boolean;
  /** Off until the user shows it (header context menu). */
  hiddenByDefault?: boolean;
  /** Lower numbers stay longest when the list is narrow. 1-5 are the answer columns a dock never drops. */
  priority: number;
  /** In a narrow dock the row takes two lines and this column moves to the second. */
  secondLine?: boolean;
  /** Sort key; columns without one cannot be sorted. */
  sortValue?(row: Row): string | number;
  cell(row: Row, record: RequestRecord): CellView;
}

export const COLUMN_DEFS: readonly ColumnDef[] = [
  {
    id: 'time',
    title: 'Time',
    // Content-sized: as wide as "00:00:00.000" in the cells' font.
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
    secondLine: true,
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
      // Like the Network panel: "(canceled)" for an abort or timeout, "failed" for no response at all, and
      // like its "(pending)" for a request whose end the capture lost (a background restart).
      const lost = x.status === 0 && !x.error && x.outcomeLost !== undefined;
      if (lost) return { content: '(outcome lost)', title: c.message ?? 'Outcome lost' };
      const shown = x.status > 0 ? String(x.status) : (c.kind as string) === 'canceled' ? '(canceled)' : 'failed';
      const endLost = x.outcomeLost !== undefined ? ` Its end was lost (${x.outcomeLost}).` : '';
      return { content: shown, title: `${reason}. ${kind}${endLost}` };
    },
  },
  {
    id: 'url',
    title: 'Path',
    // Its minimum is small: at a 1280 px dock the width goes to the message, so fewer messages wrap.
    width: 180,
    minWidth: 90,
    grow: true,
    priority: 6,
    sortValue: (row) => row.path,
    cell: (row, r) => {
      // The documented operation (OpenAPI), when a loaded spec matched the call.
      const operation = operationTooltip(row.spec);
      return {
        // Cut at its start, here and on screen (panel.css .col-url): the end names the call.
        content: truncateStart(hostPath(r.exchange.url).path, CELL_CHARS),
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
    // Content-sized: as wide as the longest code held (see layoutColumns).
    width: 200,
    maxWidth: 220,
    minWidth: 90,
    priority: 3,
    sortValue: (row) => row.code,
    cell: (_row, r) => {
      const { shown, title } = codeCell(r.classification);
      return { content: truncate(shown, CELL_CHARS), title, className: 'mono' };
    },
  },
  {
    id: 'id',
    title: 'ID',
    // Content-sized, up to a 40-character ID in the monospace face.
    width: 250,
    maxWidth: 280,
    minWidth: 90,
    priority: 4,
    sortValue: (row) => row.id,
    // Rendered by the row itself: it is the copy target.
    cell: () => ({ content: null }),
  },
  {
    id: 'message',
    title: 'Message',
    // Its share of the spare width (three times the path's): the path is cut before the message.
    width: 540,
    minWidth: 200,
    grow: true,
    priority: 5,
    secondLine: true,
    sortValue: (row) => row.message,
    cell: (_row, r) => {
      const text = messageOf(r);
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
    // Content-sized: as wide as the widest verdict held.
    width: 108,
    maxWidth: 120,
    minWidth: 72,
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

/** The Message cell's whole text: a network failure has no message, so its error name is the message. */
export function messageOf(record: RequestRecord): string {
  return record.classification.message ?? record.exchange.error ?? '';
}

/** The Message cell's text as shown (the rest is in its tooltip and the detail). */
export function shownMessageOf(record: RequestRecord): string {
  return truncate(messageOf(record), CELL_CHARS);
}

export const COLUMN_BY_ID: ReadonlyMap<string, ColumnDef> = new Map(COLUMN_DEFS.map((c) => [c.id, c]));

/** Columns the user has not hidden (stored ids win; new columns follow their default). */
export function userColumns(hidden: readonly string[], shown: readonly string[]): ColumnDef[] {
  return COLUMN_DEFS.filter((c) => (c.hiddenByDefault ? shown.includes(c.id) : !hidden.includes(c.id)));
}

export interface ColumnLayout {
  /** Shown, in registry order (the DOM order of the cells). */
  columns: ColumnDef[];
  /** Columns the user wants that do not fit the width (named in the header menu). */
  dropped: ColumnDef[];
  template: string;
  minWidth: number;
  /** Two-line rows: the second-line columns (method, message) go under the others. */
  stacked: boolean;
}

/** Columns with these priorities answer "what now" (status, verdict, code, ID, message): never dropped for room. */
export const ANSWER_PRIORITY = 5;

/**
 * Fits the wanted columns to the width. Fixed columns are as wide as their content (`content`, px,
 * measured by the caller on the rows held) up to their maximum; user-resized ones are fixed in px; a
 * growing column with measured content (the message) gets the spare width first. When one line cannot hold every answer column, rows take two lines: the message (and the
 * method) move to the second, under the others, and get its whole width. Then by priority a column
 * is kept while the kept columns' widths fit; answer columns are squeezed to their minimum rather
 * than dropped. Kept columns keep their order.
 */
export function layoutColumns(
  wanted: readonly ColumnDef[],
  widths: Readonly<Record<string, number>>,
  available: number,
  content: Readonly<Record<string, number>> = {},
): ColumnLayout {
  const preferred = (c: ColumnDef): number => {
    if (widths[c.id] !== undefined) return Math.max(c.minWidth, widths[c.id]);
    const measured = content[c.id];
    return measured === undefined
      ? c.width
      : Math.min(c.maxWidth ?? c.width, Math.max(c.minWidth, Math.ceil(measured)));
  };
  // What a column needs to be readable: fixed columns their (content) width, growing ones their minimum.
  const floorOf = (c: ColumnDef): number => (widths[c.id] !== undefined || !c.grow ? preferred(c) : c.minWidth);
  const squeezed = (c: ColumnDef): number => (widths[c.id] !== undefined ? preferred(c) : c.minWidth);
  const fit = (candidates: readonly ColumnDef[], squeezeAnswers: boolean): Set<string> => {
    const keep = new Set<string>();
    const byPriority = [...candidates].sort((a, b) => a.priority - b.priority);
    // Room held back for the answer columns still to come, at their minimum (when they may be squeezed).
    let reserved = squeezeAnswers
      ? byPriority.filter((c) => c.priority <= ANSWER_PRIORITY).reduce((sum, c) => sum + squeezed(c), 0)
      : 0;
    let used = 0;
    for (const c of byPriority) {
      const answer = squeezeAnswers && c.priority <= ANSWER_PRIORITY;
      if (answer) reserved -= squeezed(c);
      if (keep.size === 0 || used + floorOf(c) + reserved <= available) used += floorOf(c);
      else if (answer) used += squeezed(c);
      else continue;
      keep.add(c.id);
    }
    return keep;
  };
  const answers = wanted.filter((c) => c.priority <= ANSWER_PRIORITY);
  let keep = fit(wanted, false);
  const stacked =
    answers.some((c) => !keep.has(c.id)) && wanted.some((c) => c.secondLine && c.priority <= ANSWER_PRIORITY);
  let secondLine: ColumnDef[] = [];
  if (stacked) {
    secondLine = wanted.filter((c) => c.secondLine);
    keep = fit(
      wanted.filter((c) => !c.secondLine),
      true,
    );
    for (const c of secondLine) keep.add(c.id);
  }
  const columns = wanted.filter((c) => keep.has(c.id));
  const dropped = wanted.filter((c) => !keep.has(c.id));
  const firstLine = columns.filter((c) => !secondLine.includes(c));
  // Spare width goes first to a growing column's content (the message, when measured), then is shared
  // by the growing columns' weights: the path is cut before the message.
  // (1 px held back: the measured width is rounded, and a row wider than the list would scroll.)
  let spare = available - 1 - firstLine.reduce((sum, c) => sum + floorOf(c), 0);
  const template = firstLine.map((c) => {
    if (widths[c.id] !== undefined) return `${preferred(c)}px`;
    if (!c.grow) return `minmax(${c.minWidth}px, ${preferred(c)}px)`;
    const extra = Math.max(0, Math.min(spare, Math.ceil(content[c.id] ?? 0) - c.minWidth));
    spare -= extra;
    return `minmax(${c.minWidth + extra}px, ${c.width}fr)`;
  });
  // Two-line rows with no growing column on the first line: the last one takes the spare width, so the
  // first line, and the message under it, reach the row's end.
  if (stacked && !firstLine.some((c) => c.grow && widths[c.id] === undefined)) {
    const last = firstLine[firstLine.length - 1];
    const room = available - firstLine.reduce((sum, c) => sum + floorOf(c), 0);
    if (last && widths[last.id] === undefined && room >= 0)
      template[template.length - 1] = `minmax(${preferred(last)}px, 1fr)`;
  }
  const minWidth = firstLine.reduce((sum, c) => sum + (stacked ? Math.min(floorOf(c), squeezed(c)) : floorOf(c)), 0);
  return { columns, dropped, template: template.join(' '), minWidth, stacked };
}

/** Fixed row height in px; the windowing math and the CSS share it. */
export const ROW_HEIGHT = 20;
/** A two-line row (narrow docks): two lines of 18 px. */
export const STACKED_ROW_HEIGHT = 36;
/** Each line a wrapped message adds to a one-line row, px (panel.css .row.wrapped). */
export const WRAP_LINE_HEIGHT = 14;
