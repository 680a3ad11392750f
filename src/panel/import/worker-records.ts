// The import worker keeps the full records of the file it read (issue 18): the panel holds list
// rows only, and asks here for a record when its detail opens, a copy needs it, or the imported
// set is exported. Pure: no Worker API, so it is tested in-process.
import type { RequestRecord } from '../../protocol/messages';
import { exportHar, exportJson, type ExportMeta } from '../export';

export type ExportKind = 'json' | 'har';

/** Panel → worker, after the import has started. */
export type RecordRequest =
  | { type: 'get-records'; requestId: number; ids: string[] }
  | { type: 'export'; requestId: number; ids: string[]; kind: ExportKind; meta: ExportMeta };

/** Worker → panel: the answer to a RecordRequest of the same requestId. */
export type RecordAnswer =
  | { type: 'full-records'; requestId: number; records: RequestRecord[]; missing: string[] }
  | {
      type: 'exported';
      requestId: number;
      /** The file, as a Blob: handed to the panel without copying its bytes into the panel's heap. */
      blob?: Blob;
      count: number;
      missing: number;
      /** Set when the export failed; nothing was written. */
      error?: string;
    };

export class WorkerRecords {
  private readonly byId = new Map<string, RequestRecord>();

  add(record: RequestRecord): void {
    this.byId.set(record.id, record);
  }

  get size(): number {
    return this.byId.size;
  }

  answer(request: RecordRequest): RecordAnswer {
    const records: RequestRecord[] = [];
    const missing: string[] = [];
    for (const id of request.ids) {
      const record = this.byId.get(id);
      if (record) records.push(record);
      else missing.push(id);
    }
    if (request.type === 'get-records') return { type: 'full-records', requestId: request.requestId, records, missing };
    try {
      const text =
        request.kind === 'json' ? exportJson(records, request.meta) : exportHar(records, request.meta.version);
      return {
        type: 'exported',
        requestId: request.requestId,
        blob: new Blob([text], { type: 'application/json' }),
        count: records.length,
        missing: missing.length,
      };
    } catch (error) {
      return {
        type: 'exported',
        requestId: request.requestId,
        count: 0,
        missing: missing.length,
        error: error instanceof Error ? error.message.slice(0, 200) : 'unknown error',
      };
    }
  }
}
