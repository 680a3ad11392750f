// The panel's state, composed from one slice per concern (slices/): the background feed, the filter
// and its re-filter scheduler, the retry audit, the view and selection, settings, an imported file
// and notices. Records live in Datasets (mutable and incremental, outside zustand's immutable
// state; `revision` tells subscribers they changed). No browser APIs here: the port and storage
// come in as dependencies.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { envelope, type Envelope } from '../../protocol/messages';
import { DEFAULT_SETTINGS } from '../settings';
import { FullRecords } from './full-records';
import { listOf, Lists } from './lists';
import type { PanelState, PanelStoreDeps } from './panel-types';
import { createAuditScheduler, createAuditSlice } from './slices/audit-slice';
import type { StoreContext } from './slices/context';
import { createFeedSlice } from './slices/feed-slice';
import { createImportSlice } from './slices/import-slice';
import { createNoticesSlice } from './slices/notices-slice';
import { createRecordsSlice } from './slices/records-slice';
import { createScanScheduler, createScanSlice, specOf } from './slices/scan-slice';
import { createSettingsSlice, preserveSyncer, settingsUpdater } from './slices/settings-slice';
import { createViewSlice } from './slices/view-slice';

export type {
  Banner,
  ConnectionStatus,
  ImportedInfo,
  ListSource,
  PanelState,
  PanelStoreDeps,
  Toast,
  ViewSource,
} from './panel-types';
export { EMPTY_STATS } from './panel-types';

export type PanelStore = StoreApi<PanelState> & {
  /** Where the connection plugs in its port. */
  setSender(send: ((message: Envelope) => void) | null): void;
};

export function createPanelStore(deps: PanelStoreDeps): PanelStore {
  let send = deps.send ?? null;
  const lists = new Lists(specOf('', [], DEFAULT_SETTINGS.showAll));
  const importedRecords: StoreContext['importedRecords'] = { current: null };

  const store = createStore<PanelState>()((set, get, api) => {
    const current = () => lists.dataset(listOf(get().view, get().auditOf));
    const currentAudit = () => lists.audit(listOf(get().view, get().auditOf));
    const post: StoreContext['post'] = (type, payload) => send?.(envelope(type, payload));
    const base = { deps, lists, current, currentAudit, post };
    const ctx: StoreContext = {
      ...base,
      scans: createScanScheduler(set, get, base),
      audits: createAuditScheduler(set, get, base),
      full: new FullRecords(
        (requestId, ids) => post('panel/get-records', { tabId: deps.tabId, requestId, ids }),
        () => set({ fullRevision: get().fullRevision + 1 }),
      ),
      importedFull: new FullRecords(
        (_requestId, ids) => {
          const source = importedRecords.current;
          if (!source) return ctx.importedFull.receive([], ids);
          void source.recordsById(ids).then(({ records, missing }) => {
            // A later import or a close replaced the records asked of: the answer is stale.
            if (importedRecords.current === source) ctx.importedFull.receive(records, missing);
          });
        },
        () => set({ fullRevision: get().fullRevision + 1 }),
      ),
      importedRecords,
      updateSettings: settingsUpdater(set, get, deps),
      syncPreserve: preserveSyncer(set, get, base),
    };
    return {
      ...createFeedSlice(ctx)(set, get, api),
      ...createRecordsSlice(ctx)(set, get, api),
      ...createScanSlice(ctx)(set, get, api),
      ...createAuditSlice(ctx)(set, get, api),
      ...createViewSlice(ctx)(set, get, api),
      ...createSettingsSlice(ctx)(set, get, api),
      ...createImportSlice(ctx)(set, get, api),
      ...createNoticesSlice(ctx)(set, get, api),
    };
  });

  return Object.assign(store, {
    setSender(next: ((message: Envelope) => void) | null) {
      send = next;
    },
  });
}
