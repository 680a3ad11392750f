// What the panel store's slices share: the dependencies, the record lists and the helpers that
// cross concerns (re-filter scheduling, audit refresh, settings). Built once per store.
import type { StoreApi } from 'zustand/vanilla';
import type { MessageMap } from '../../../protocol/messages';
import type { Settings } from '../../settings';
import type { AuditIndex } from '../audit-index';
import type { Dataset } from '../dataset';
import type { FullRecords } from '../full-records';
import type { ImportedRecords } from '../../import/worker-import';
import type { Lists } from '../lists';
import type { PanelState, PanelStoreDeps } from '../panel-types';
import type { AuditScheduler } from './audit-slice';
import type { ScanScheduler } from './scan-slice';

export type SetPanelState = StoreApi<PanelState>['setState'];
export type GetPanelState = () => PanelState;

export interface StoreContext {
  deps: PanelStoreDeps;
  lists: Lists;
  /** The dataset behind the current view (for the audit view: the list it audits). */
  current(): Dataset;
  currentAudit(): AuditIndex;
  /** Posts to the background when a port is plugged in; dropped otherwise. */
  post<T extends keyof MessageMap>(type: T, payload: MessageMap[T]): void;
  scans: ScanScheduler;
  /** Full records fetched for list rows. */
  full: FullRecords;
  /** Full records fetched for an imported file's list rows, from the import worker that holds them. */
  importedFull: FullRecords;
  /** The import worker holding the imported file's full records; null when the list holds them. */
  importedRecords: { current: ImportedRecords | null };
  audits: AuditScheduler;
  /** Merges into the settings and saves them. */
  updateSettings(patch: Partial<Settings>): Settings;
  /** The tab keeps records across navigations only when the panel's setting says so. */
  syncPreserve(): void;
}
