// The panel-side (and devtools-page-side) port to the background: see reconnecting-port.ts.
import browser from 'webextension-polyfill';
import {
  createReconnectingPort,
  type ClientRuntime,
  type ReconnectingHandlers,
  type ReconnectingPort,
} from './reconnecting-port';

export { isContextInvalidatedError } from './reconnecting-port';

function browserRuntime(): ClientRuntime {
  const chromeRuntime = (globalThis as { chrome?: { runtime?: { id?: string; lastError?: { message?: string } } } })
    .chrome?.runtime;
  return {
    get id() {
      // Chrome clears chrome.runtime.id in pages orphaned by an extension reload.
      if (chromeRuntime && 'id' in chromeRuntime) return chromeRuntime.id;
      return browser.runtime?.id;
    },
    connect: (info) => browser.runtime.connect(info),
    lastErrorMessage: () => chromeRuntime?.lastError?.message,
  };
}

/** The panel's (and devtools page's) port to the background, reconnecting across worker restarts. */
export function connectReconnecting(name: string, handlers: ReconnectingHandlers): ReconnectingPort {
  const port = createReconnectingPort(browserRuntime(), name, handlers);
  return { post: (msg) => port.post(msg), close: () => port.close() };
}
