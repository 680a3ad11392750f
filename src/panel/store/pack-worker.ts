// The panel's pack worker (issue 18): inflates and parses the packed rows' bodies off the panel's
// main thread, where the runtime's inflate ran inside each message's task (pack-inflater.ts).
import { inflateBody } from '../../protocol/packed-records';
import type { PackWorkerAnswer, PackWorkerRequest } from './pack-inflater';

interface WorkerScope {
  onmessage: ((event: MessageEvent<PackWorkerRequest>) => void) | null;
  postMessage(message: PackWorkerAnswer): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = ({ data }) => {
  inflateBody(data.body).then(
    (parts) => scope.postMessage({ id: data.id, parts }),
    () => scope.postMessage({ id: data.id, failed: true }),
  );
};
