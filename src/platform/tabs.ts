// Tab lifecycle events. No "tabs" permission is needed: ids and status are not privileged.
import browser from 'webextension-polyfill';
import type { Unsubscribe } from './types';

export function onTabRemoved(listener: (tabId: number) => void): Unsubscribe {
  const cb = (tabId: number): void => listener(tabId);
  browser.tabs.onRemoved.addListener(cb);
  return () => browser.tabs.onRemoved.removeListener(cb);
}

/** Fires when a tab starts or finishes loading (Firefox resets per-tab badges on navigation). */
export function onTabLoading(listener: (tabId: number, status: string) => void): Unsubscribe {
  const cb = (tabId: number, change: { status?: string }): void => {
    if (change.status) listener(tabId, change.status);
  };
  browser.tabs.onUpdated.addListener(cb);
  return () => browser.tabs.onUpdated.removeListener(cb);
}

/** Whether the tab still exists. */
export async function tabExists(tabId: number): Promise<boolean> {
  try {
    await browser.tabs.get(tabId);
    return true;
  } catch {
    return false;
  }
}
