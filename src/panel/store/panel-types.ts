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
  /** Time budget of the re-filter slice run inside a keystroke, ms. Default 4: leaves room to render and paint. */
  firstSliceMs?: number;
  /** Time budget of each later slice, ms. Default 10. */
  sliceMs?: number;
  now?: () => number;
  /** Runs the (debounced) audit refresh later. Default: a 250 ms timer. */
  scheduleAudit?: (task: () => void) => void;
}
