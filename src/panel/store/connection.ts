// Wires the store to the background over the per-tab port: hello on every (re)connect, records in,
// status out. The port itself (reconnects, context invalidation) is the platform's.
import { envelope, PROTOCOL_VERSION } from '../../protocol/messages';
import type { PanelPlatform, PortHandle } from '../platform-types';
import { readSettings } from '../settings';
import { afterNextPaint, createIntake, inflatePackedAhead, nextTask, type AfterPaint } from './intake';
import type { PanelStore } from './panel-store';

export function connectStore(
  store: PanelStore,
  platform: PanelPlatform,
  afterPaint: AfterPaint = afterNextPaint,
): () => void {
  let handle: PortHandle | null = null;
  // The first rows are painted before the older rows behind them are taken in (intake.ts); packed
  // rows are inflated by the runtime first.
  const intake = createIntake((msg) => store.getState().receive(msg), afterPaint, nextTask, inflatePackedAhead);
  let saidHello = false;
  const hello = (): void => {
    saidHello = true;
    handle?.post(envelope('panel/hello', { tabId: platform.tabId, protocol: PROTOCOL_VERSION }));
  };
  handle = platform.connect({
    onMessage: (msg) => intake.push(msg),
    onConnect: () => {
      store.getState().setConnection('connected');
      // Inside connect() the handle is not assigned yet: say hello once it is.
      if (handle) hello();
    },
    onDisconnect: () => store.getState().setConnection('reconnecting'),
    onContextInvalidated: () => store.getState().setConnection('invalidated'),
  });
  store.setSender((msg) => handle?.post(msg));
  if (!saidHello) hello();

  let alive = true;
  platform
    .loadSettings()
    .then((raw) => {
      if (alive && raw !== undefined) store.getState().loadSettings(readSettings(raw));
    })
    .catch(() => undefined);

  return () => {
    alive = false;
    store.setSender(null);
    handle?.close();
    handle = null;
  };
}
