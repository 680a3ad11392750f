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
}

export const SETTINGS_KEY = 'faultline.panel.settings';

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  order: 'newest-last',
  showAll: false,
  groupBy: 'none',
  theme: 'auto',
  redactCopies: true,
});

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
  };
}
