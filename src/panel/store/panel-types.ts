// The panel store's shared types: what its slices hold and what they get from outside. Kept apart
// from panel-store.ts so a slice can name them without importing the composition.
import type { HarProblem } from '../../core/har';
import type { CaptureStats, Envelope } from '../../protocol/messages';
import type { Importer } from '../import';
import type { Settings } from '../settings';
import type { AuditSlice } from './slices/audit-slice';
import type { FeedSlice } from './slices/feed-slice';
import type { ImportSlice } from './slices/import-slice';
import type { NoticesSlice } from './slices/notices-slice';
import type { RecordsSlice } from './slices/records-slice';
import type { ScanSlice } from './slices/scan-slice';
import type { SettingsSlice } from './slices/settings-slice';
import type { ViewSlice } from './slices/view-slice';

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'invalidated';

/** Which records the list shows, or the retry audit of one of them. */
export type ViewSource = 'live' | 'imported' | 'audit';
/** The record lists: what the audit view audits and where its rows live. */
export type ListSource = Exclude<ViewSource, 'audit'>;

export interface ImportedInfo {
  fileName: string;
  /** Entries in the file, converted or not. */
  entries: number;
  /** Entries that could not be converted. */
  skipped: number;
  problems: HarProblem[];
  notes: string[];
}

export interface Banner {
  kind: 'error' | 'info';
  text: string;
}

export interface Toast {
  id: number;
  text: string;
}

export const EMPTY_STATS: Readonly<CaptureStats> = Object.freeze({
  seen: 0,
  droppedRecords: 0,
  truncatedBodies: 0,
  droppedBodies: 0,
  bodiesArriving: false,
});

/** The whole store: one slice per concern. */
export type PanelState = FeedSlice &
  RecordsSlice &
  ScanSlice &
  AuditSlice &
  ViewSlice &
  SettingsSlice &
  ImportSlice &
  NoticesSlice;

export interface PanelStoreDeps {
  tabId: number;
  /** Posts to the background; set later by the connection (messages before that are dropped). */
  send?: (message: Envelope) => void;
  saveSettings?: (settings: Settings) => void;
  /** Runs a continuation of a long re-filter later. Default: a macrotask. */
  schedule?: (task: () => void) => void;
  importHar?: Importer;
  /** Drops the toast after this many ms. Default 1600. */
  toastMs?: number;
  /**
   * Time budget of the re-filter slice run inside a keystroke when the scan will not end within
   * keystrokeScanMs: it stops at a first screen of rows or after this many ms. Default 4.
   */
  firstSliceMs?: number;
  /**
   * A keystroke's re-filter runs to its end inside the keystroke when the rows tested so far say it
   * ends within this many ms (the complete result in the keystroke's own frame). Default 8.
   */
  keystrokeScanMs?: number;
  /**
   * Runs a task in an idle period; the task gets the time left in it. Used to build rows' search text
   * ahead of the first keystroke. Default: requestIdleCallback where there is one and `schedule` is
   * not given; none (search text built on first use) otherwise.
   */
  scheduleIdle?: (task: (timeLeft: () => number) => void) => void;
  /** Time budget of each later slice, ms. Default 10. */
  sliceMs?: number;
  now?: () => number;
  /** Runs the (debounced) audit refresh later. Default: a 250 ms timer. */
  scheduleAudit?: (task: () => void) => void;
}
