// An imported HAR file: its own list and audit, shown in the 'imported' view beside the live one.
import type { StateCreator } from 'zustand/vanilla';
import type { RequestRecord } from '../../../protocol/messages';
import type { ExportMeta } from '../../export';
import type { ExportedFile, ImportedRecords } from '../../import/worker-import';
import type { ExportKind } from '../../import/worker-records';
import { AuditIndex } from '../audit-index';
import { Dataset } from '../dataset';
import type { ImportedInfo, PanelState } from '../panel-types';
import type { StoreContext } from './context';
import { specOf } from './scan-slice';

export interface ImportSlice {
  imported: ImportedInfo | null;
  importFile(fileName: string, text: string): void;
  /** A streamed import: opens an empty imported view that batches then fill. */
  beginImport(fileName: string): void;
  /** Appends a batch of the streamed import's records, in file order. */
  importRecords(records: readonly RequestRecord[]): void;
  /** The streamed import ended: its counts, problems and notes; `error` when it stopped on a broken file. */
  finishImport(info: ImportedInfo, error?: string): void;
  closeImport(): void;
  /** The streamed import's worker holds the full records (the list gets rows): asked for them until the view closes. */
  attachImportedRecords(records: ImportedRecords): void;
  /**
   * The export file of imported rows, written by the worker that holds their records; null when
   * the list holds the full records itself (then export them as the live view's).
   */
  exportImported(rows: readonly RequestRecord[], kind: ExportKind, meta: ExportMeta): Promise<ExportedFile> | null;
}

export function createImportSlice(
  ctx: Pick<StoreContext, 'deps' | 'lists' | 'scans' | 'audits' | 'importedFull' | 'importedRecords'>,
): StateCreator<PanelState, [], [], ImportSlice> {
  const { deps, lists, scans, audits } = ctx;
  /** The previous import's records go with its view. */
  const releaseRecords = (): void => {
    ctx.importedRecords.current?.release();
    ctx.importedRecords.current = null;
    ctx.importedFull.clear();
  };
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
      get().beginImport(result.fileName);
      get().importRecords(result.records);
      get().finishImport({
        fileName: result.fileName,
        entries: result.entries,
        skipped: result.problems.filter((p) => p.skipped).length,
        problems: result.problems,
        notes: result.notes,
      });
    },

    beginImport(fileName) {
      releaseRecords();
      const state = get();
      const dataset = new Dataset(specOf(state.filterText, state.chips, state.settings.showAll));
      dataset.setGroupBy(state.settings.groupBy);
      lists.imported = { dataset, audit: new AuditIndex() };
      set({ view: 'imported', auditOf: 'imported' });
      scans.scanNow({
        view: 'imported',
        selection: null,
        detailOpen: false,
        expandedGroups: new Set(),
        imported: { fileName, entries: 0, skipped: 0, problems: [], notes: [] },
        banner: null,
      });
      audits.publish();
    },

    importRecords(records) {
      const list = lists.imported;
      if (!list || records.length === 0) return;
      list.dataset.upsert(records);
      list.audit.upsert(records);
      audits.soon();
      scans.bump();
      scans.continueScans();
    },

    finishImport(info, error) {
      if (!lists.imported) return;
      const { fileName, entries, skipped } = info;
      const left = skipped > 0 ? ` ${skipped} of ${entries} entries could not be read and are left out.` : '';
      scans.bump({
        imported: info,
        banner: error
          ? {
              kind: 'error',
              text: `${fileName}: ${error}. The ${entries - skipped} entries before it are shown.${left}`,
            }
          : skipped > 0
            ? { kind: 'info', text: `${fileName}:${left}` }
            : null,
      });
    },

    closeImport() {
      releaseRecords();
      lists.imported = null;
      scans.bump({ imported: null, view: 'live', auditOf: 'live', selection: null, detailOpen: false });
      audits.publish();
    },

    attachImportedRecords(records) {
      if (ctx.importedRecords.current !== records) releaseRecords();
      ctx.importedRecords.current = records;
    },

    exportImported(rows, kind, meta) {
      const source = ctx.importedRecords.current;
      if (!source || !rows.every((r) => r.tabId === -1)) return null;
      return source.exportFile(
        rows.map((r) => r.id),
        kind,
        meta,
      );
    },
  });
}
