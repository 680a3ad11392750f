// Runtime: incoming ports, the extension's own origin, lifecycle.
import browser, { type Runtime } from 'webextension-polyfill';
import type { Unsubscribe } from './types';

/** What the background needs of a connected port; a plain object in tests. */
export interface PortLike {
  readonly name: string;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(cb: (message: unknown) => void): void };
  onDisconnect: { addListener(cb: () => void): void };
}

export function onConnect(listener: (port: PortLike, sender: Runtime.MessageSender | undefined) => void): Unsubscribe {
  const cb = (port: Runtime.Port): void => {
    if (port.sender?.id !== undefined && port.sender.id !== browser.runtime.id) {
      port.disconnect();
      return;
    }
    listener(port, port.sender);
  };
  browser.runtime.onConnect.addListener(cb);
  return () => browser.runtime.onConnect.removeListener(cb);
}

/** e.g. chrome-extension://abc or moz-extension://uuid, without a trailing slash. */
export function extensionOrigin(): string {
  return browser.runtime.getURL('').replace(/\/$/, '');
}

/** Fired (Firefox event page, Chrome worker) just before the background is unloaded. */
export function onSuspend(listener: () => void): Unsubscribe {
  // Declared by the polyfill's types, yet absent where the background is a service worker without it.
  const runtime: { onSuspend?: { addListener(cb: () => void): void; removeListener(cb: () => void): void } } =
    browser.runtime;
  const event = runtime.onSuspend;
  if (!event) return () => {};
  event.addListener(listener);
  return () => event.removeListener(listener);
}
