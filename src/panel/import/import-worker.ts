// The import worker's entry (issue 18): one HAR file per worker. The panel terminates it to cancel.
import { readHarInBatches, type ImportWorkerMessage, type ImportWorkerRequest } from './worker-reader';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ImportWorkerRequest>) => void) | null;
  postMessage(message: ImportWorkerMessage): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  scope.onmessage = null;
  void readHarInBatches(event.data.file, (message) => scope.postMessage(message));
};
