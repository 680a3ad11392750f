// The import worker's entry (issue 18): one HAR file per worker. It keeps the file's full records
// and answers the panel's requests for them until the panel closes the imported view (terminate).
import { readHarInBatches, type ImportWorkerMessage, type ImportWorkerRequest } from './worker-reader';
import { WorkerRecords } from './worker-records';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ImportWorkerRequest>) => void) | null;
  postMessage(message: ImportWorkerMessage): void;
}

const scope = self as unknown as WorkerScope;
const kept = new WorkerRecords();
let started = false;

scope.onmessage = ({ data }) => {
  if (data.type === 'import') {
    if (started) return;
    started = true;
    void readHarInBatches(
      data.file,
      (message) => scope.postMessage(message),
      {},
      data.keepRecords ? kept : undefined,
      data.rowBodyChars,
    );
    return;
  }
  scope.postMessage(kept.answer(data));
};
