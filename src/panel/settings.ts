// Panel settings: what is persisted in storage.local, and how untrusted stored data is read back.
import type { GroupBy } from './grouping';

/** 'newest-last': newest at the bottom, sticking there like the Network panel. */
export type Order = 'newest-last' | 'newest-first';
export type ThemeChoice = 'auto' | 'light' | 'dark';

export interface Settings {
  order: Order;
  /** False: failures only (the default). */
  showAll: boolean;
  groupBy: GroupBy;
  /** 'auto' follows the DevTools theme. */
  theme: ThemeChoice;
  /** Copy as cURL / fetch with secrets redacted (the ticket is always redacted). */
  redactCopies: boolean;
  /** Columns the user hid, and optional columns the user showed (header context menu). */
  hiddenColumns: string[];
  shownColumns: string[];
  /** Widths the user dragged, px. */
  columnWidths: Record<string, number>;
  /** Sort by a column; null: time order (see `order`). */
  sort: SortSpec | null;
  /** Keep records across navigations (the Network panel's Preserve log); off by default. */
  preserveLog: boolean;
}

export interface SortSpec {
  column: string;
  dir: 'asc' | 'desc';
}

export const SETTINGS_KEY = 'faultline.panel.settings';

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  order: 'newest-last',
  showAll: false,
  groupBy: 'none',
  theme: 'auto',
  redactCopies: true,
  hiddenColumns: [],
  shownColumns: [],
  columnWidths: {},
  sort: null,
  preserveLog: false,
});

function stringList(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string' && v.length < 64).slice(0, 64)
    : [];
}

function widthMap(value: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (typeof value !== 'object' || value === null) return out;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v === 'number' && Number.isFinite(v) && v >= 20 && v <= 4000 && k.length < 64) out[k] = Math.round(v);
  }
  return out;
}

function sortSpec(value: unknown): SortSpec | null {
  if (typeof value !== 'object' || value === null) return null;
  const { column, dir } = value as Record<string, unknown>;
  if (typeof column !== 'string' || (dir !== 'asc' && dir !== 'desc')) return null;
  return { column, dir };
}

const ALLOWED = {
  order: ['newest-last', 'newest-first'],
  groupBy: ['none', 'endpoint', 'code', 'callsite'],
  theme: ['auto', 'light', 'dark'],
} as const;

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** Reads stored settings; anything missing or malformed falls back to the default, field by field. */
export function readSettings(raw: unknown): Settings {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  return {
    order: oneOf(r.order, ALLOWED.order, DEFAULT_SETTINGS.order),
    showAll: typeof r.showAll === 'boolean' ? r.showAll : DEFAULT_SETTINGS.showAll,
    groupBy: oneOf(r.groupBy, ALLOWED.groupBy, DEFAULT_SETTINGS.groupBy),
    theme: oneOf(r.theme, ALLOWED.theme, DEFAULT_SETTINGS.theme),
    redactCopies: typeof r.redactCopies === 'boolean' ? r.redactCopies : DEFAULT_SETTINGS.redactCopies,
    hiddenColumns: stringList(r.hiddenColumns),
    shownColumns: stringList(r.shownColumns),
    columnWidths: widthMap(r.columnWidths),
    sort: sortSpec(r.sort),
    preserveLog: typeof r.preserveLog === 'boolean' ? r.preserveLog : DEFAULT_SETTINGS.preserveLog,
  };
}
