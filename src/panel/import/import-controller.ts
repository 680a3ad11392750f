// One HAR import at a time: streams the file into the panel store (beginImport, importRecords,
// finishImport) and keeps its progress in a small store of its own for the progress bar.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { ROW_BODY_CHARS } from '../../protocol/list-record';
import { contractStore } from '../contract';
import type { PanelStore } from '../store/panel-store';
import { importHarStream, type ImportProgress, type ImportSource } from './stream-import';
import { importHarInWorker, type WorkerImportOptions } from './worker-import';

export interface ImportState {
  /** The import running now, or null. */
  progress: ImportProgress | null;
}

export interface ImportController {
  state: StoreApi<ImportState>;
  /** Starts importing (a running import is canceled first). Resolves when it has ended. */
  start(file: ImportSource): Promise<void>;
  cancel(): void;
}

export type ImportTuning = Pick<
  WorkerImportOptions,
  'sliceMs' | 'batchMs' | 'now' | 'yieldToEventLoop' | 'createWorker' | 'scheduleFrame' | 'rowBodyChars'
>;

/**
 * The response bodies an imported file's list rows keep: none unless an OpenAPI spec is loaded,
 * whose contract check reads them (else the rows would hold most of the file's bytes). A spec
 * loaded later checks a row's body once its detail has fetched the full record.
 */
const rowBodyChars = (): number => (contractStore.getState().specs.length > 0 ? ROW_BODY_CHARS : 0);

/** Parsing and classifying run in a Worker where there is one (issue 18); else sliced on this thread. */
const workerAvailable = (tuning: ImportTuning): boolean =>
  tuning.createWorker !== undefined || typeof Worker === 'function';

export function createImportController(store: PanelStore, tuning: ImportTuning = {}): ImportController {
  const state = createStore<ImportState>()(() => ({ progress: null }));
  let running: AbortController | null = null;

  const cancel = (): void => running?.abort();

  const start = async (file: ImportSource): Promise<void> => {
    cancel();
    const abort = new AbortController();
    running = abort;
    store.getState().beginImport(file.name);
    const importer = workerAvailable(tuning) ? importHarInWorker : importHarStream;
    const outcome = await importer(file, {
      rowBodyChars: rowBodyChars(),
      ...tuning,
      signal: abort.signal,
      // After a cancel nothing more reaches the panel: a newer import may own the view by now.
      onRecords: (records) => {
        if (!abort.signal.aborted) store.getState().importRecords(records);
      },
      onProgress: (progress) => {
        if (!abort.signal.aborted) state.setState({ progress });
      },
      // The worker keeps the full records; the imported view asks it for them until it closes.
      onImportedRecords: (records) => {
        if (abort.signal.aborted) records.release();
        else store.getState().attachImportedRecords(records);
      },
    });
    if (running === abort) {
      running = null;
      state.setState({ progress: null });
    }
    const panel = store.getState();
    const info = {
      fileName: outcome.fileName,
      entries: outcome.entries,
      skipped: outcome.skipped,
      problems: outcome.problems,
      notes: outcome.notes,
    };
    if (outcome.status === 'canceled') {
      // A newer import replaced this one: its view stays.
      if (panel.imported?.fileName === file.name && running === null) panel.closeImport();
      if (running === null)
        panel.showBanner({ kind: 'info', text: `Import of ${file.name} canceled; nothing was imported.` });
      return;
    }
    if (outcome.status === 'failed' && outcome.entries - outcome.skipped === 0) {
      panel.closeImport();
      panel.showBanner({
        kind: 'error',
        text: `${file.name} is not a HAR file Faultline can read: ${outcome.message}`,
      });
      return;
    }
    panel.finishImport(info, outcome.status === 'failed' ? outcome.message : undefined);
  };

  return { state, start, cancel };
}
