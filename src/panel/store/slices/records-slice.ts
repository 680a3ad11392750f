// The full records behind list rows, for the detail, copies and exports (issue 18): the list holds
// rows cut to what it reads; the rest is asked of the background when needed.
import type { StateCreator } from 'zustand/vanilla';
import type { RequestRecord } from '../../../protocol/messages';
import type { FullRecordsResult } from '../full-records';
import type { PanelState } from '../panel-types';
import type { StoreContext } from './context';

export interface RecordsSlice {
  /** Bumped when full records arrive. */
  fullRevision: number;
  /** The full record behind a row, or undefined until it has been fetched (see fullRecords). */
  fullRecord(row: RequestRecord): RequestRecord | undefined;
  /** True when the background said it no longer holds the row's record: it will not arrive. */
  fullRecordGone(row: RequestRecord): boolean;
  /** The full records behind rows, asking the background for those not at hand. */
  fullRecords(rows: readonly RequestRecord[]): Promise<FullRecordsResult>;
  /** Runs `use` with the full records: at once when all are at hand (a click's copy stays in the click), else when they arrive. */
  withFullRecords(rows: readonly RequestRecord[], use: (result: FullRecordsResult) => void): void;
}

/** An imported file's record (the import gives them no tab): its full record is the import worker's. */
const isImported = (row: RequestRecord | undefined): boolean => row?.tabId === -1;

export function createRecordsSlice(
  ctx: Pick<StoreContext, 'full' | 'importedFull'>,
): StateCreator<PanelState, [], [], RecordsSlice> {
  // Rows asked for together come from one list (a view's filtered rows, one row): its first says which.
  const holder = (row: RequestRecord | undefined) => (isImported(row) ? ctx.importedFull : ctx.full);
  return () => ({
    fullRevision: 0,
    fullRecord: (row) => holder(row).get(row),
    fullRecordGone: (row) => holder(row).isGone(row),
    fullRecords: (rows) => holder(rows[0]).requestFromBackground(rows),
    withFullRecords(rows, use) {
      const full = holder(rows[0]);
      const records: RequestRecord[] = [];
      for (const row of rows) {
        const record = full.get(row);
        if (!record) return void full.requestFromBackground(rows).then(use);
        records.push(record);
      }
      use({ records, missing: 0 });
    },
  });
}
