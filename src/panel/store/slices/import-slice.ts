// An imported HAR file: its own list and audit, shown in the 'imported' view beside the live one.
import type { StateCreator } from 'zustand/vanilla';
import { AuditIndex } from '../audit-index';
import { Dataset } from '../dataset';
import type { ImportedInfo, PanelState } from '../panel-types';
import type { StoreContext } from './context';
import { specOf } from './scan-slice';

export interface ImportSlice {
  imported: ImportedInfo | null;
  importFile(fileName: string, text: string): void;
  closeImport(): void;
}

export function createImportSlice(
  ctx: Pick<StoreContext, 'deps' | 'lists' | 'scans' | 'audits'>,
): StateCreator<PanelState, [], [], ImportSlice> {
  const { deps, lists, scans, audits } = ctx;
  return (set, get) => ({
    imported: null,

    importFile(fileName, text) {
      if (!deps.importHar) {
        set({ banner: { kind: 'error', text: 'Importing is not available here.' } });
        return;
      }
      let result;
      try {
        result = deps.importHar(fileName, text);
      } catch (err) {
        set({ banner: { kind: 'error', text: err instanceof Error ? err.message : String(err) } });
        return;
      }
      const state = get();
      const dataset = new Dataset(specOf(state.filterText, state.chips, state.settings.showAll));
      dataset.setGroupBy(state.settings.groupBy);
      dataset.reset(result.records);
      const audit = new AuditIndex();
      audit.reset(result.records);
      lists.imported = { dataset, audit };
      audits.soon();
      set({ view: 'imported', auditOf: 'imported' });
      const skipped = result.problems.filter((p) => p.skipped).length;
      scans.scanNow({
        view: 'imported',
        selection: null,
        detailOpen: false,
        expandedGroups: new Set(),
        imported: {
          fileName: result.fileName,
          entries: result.entries,
          skipped,
          problems: result.problems,
          notes: result.notes,
        },
        banner:
          skipped > 0
            ? {
                kind: 'info',
                text: `${result.fileName}: ${skipped} of ${result.entries} entries could not be read and are left out.`,
              }
            : null,
      });
    },

    closeImport() {
      lists.imported = null;
      scans.bump({ imported: null, view: 'live', auditOf: 'live', selection: null, detailOpen: false });
      audits.publish();
    },
  });
}
