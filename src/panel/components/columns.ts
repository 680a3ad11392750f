// The list's columns: one table so the header, the rows and the grid template stay in step.

export type ColumnId = 'time' | 'method' | 'url' | 'status' | 'code' | 'id' | 'message' | 'site' | 'retry' | 'action';

export interface Column {
  id: ColumnId;
  title: string;
  /** A CSS grid track. */
  track: string;
  /** Kept when the detail pane takes half the width (like the Network panel's Name-only list). */
  compact: boolean;
}

export const COLUMNS: readonly Column[] = [
  { id: 'time', title: 'Time', track: '96px', compact: false },
  { id: 'method', title: 'Method', track: '64px', compact: true },
  { id: 'url', title: 'Path + host', track: 'minmax(150px, 2.2fr)', compact: true },
  { id: 'status', title: 'Status', track: 'minmax(110px, 1.1fr)', compact: true },
  { id: 'code', title: 'Error code', track: 'minmax(90px, 1fr)', compact: true },
  { id: 'id', title: 'ID', track: 'minmax(90px, 1.1fr)', compact: true },
  { id: 'message', title: 'Message', track: 'minmax(110px, 2fr)', compact: false },
  { id: 'site', title: 'Call site', track: 'minmax(90px, 1.1fr)', compact: false },
  { id: 'retry', title: 'Retry', track: 'minmax(110px, 1.1fr)', compact: false },
  { id: 'action', title: 'Action', track: 'minmax(110px, 1.8fr)', compact: false },
];

export const COMPACT_COLUMNS: readonly Column[] = COLUMNS.filter((c) => c.compact);

export function gridTemplate(columns: readonly Column[]): string {
  return columns.map((c) => c.track).join(' ');
}

/** The narrowest the columns can be before the grid scrolls sideways, px. */
export function minGridWidth(columns: readonly Column[]): number {
  return columns.reduce((sum, c) => sum + Number(/(\d+)px/.exec(c.track)?.[1] ?? 0), 0);
}

/** Fixed row height in px; the windowing math and the CSS share it. */
export const ROW_HEIGHT = 21;
