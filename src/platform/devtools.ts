// Thin wrappers over devtools.* for the devtools page. The HAR entry shapes differ per browser;
// src/devtools/har-entry.ts normalizes them, this module only smooths the calling conventions.
import browser from 'webextension-polyfill';
import { normalizeContent, type RawContent } from './content';
import type { Unsubscribe } from './types';

export type { RawContent } from './content';

/** A finished request as devtools.network hands it over: a HAR entry plus getContent(). */
export interface FinishedRequest {
  /** The HAR entry's own fields (request, response, startedDateTime, time, _resourceType, …). */
  entry: Record<string, unknown>;
  /** The body and its second value, normalized; rejects when the browser cannot give it. */
  getContent(): Promise<RawContent>;
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Calls a devtools API that is callback-based in Chrome and may be promise-based elsewhere: passes a
 * callback and also follows a returned promise, settling once with whatever comes first.
 */
function callEither(call: (cb: (...args: unknown[]) => void) => unknown): Promise<unknown[]> {
  return new Promise<unknown[]>((resolve, reject) => {
    let settled = false;
    const done = (args: unknown[]): void => {
      if (settled) return;
      settled = true;
      resolve(args);
    };
    try {
      const returned = call((...args: unknown[]) => done(args));
      if (returned && typeof (returned as Promise<unknown>).then === 'function') {
        (returned as Promise<unknown>).then(
          (value) => done([value]),
          (error: unknown) => {
            if (!settled) {
              settled = true;
              reject(toError(error));
            }
          },
        );
      }
    } catch (error) {
      settled = true;
      reject(toError(error));
    }
  });
}

export async function readContent(request: { getContent: (...args: unknown[]) => unknown }): Promise<RawContent> {
  const args = await callEither((cb) => request.getContent(cb));
  return normalizeContent(args[0], args[1]);
}

type RawRequest = Record<string, unknown> & { getContent: (...args: unknown[]) => unknown };

/** The native API (chrome.* first: callbacks work in both browsers); the polyfill's wrapper would hide Chrome's second getContent value. */
function nativeNetwork(): {
  onRequestFinished: {
    addListener(cb: (r: RawRequest) => void): void;
    removeListener(cb: (r: RawRequest) => void): void;
  };
  getHAR: (cb?: (har: unknown) => void) => unknown;
} {
  const g = globalThis as {
    chrome?: { devtools?: { network?: unknown } };
    browser?: { devtools?: { network?: unknown } };
  };
  const native = g.chrome?.devtools?.network ?? g.browser?.devtools?.network ?? browser.devtools.network;
  return native as ReturnType<typeof nativeNetwork>;
}

export function onRequestFinished(listener: (request: FinishedRequest) => void): Unsubscribe {
  const network = nativeNetwork();
  const cb = (raw: RawRequest): void => {
    listener({ entry: raw, getContent: () => readContent(raw) });
  };
  network.onRequestFinished.addListener(cb);
  return () => network.onRequestFinished.removeListener(cb);
}

/** The HAR log DevTools holds (Chrome: callback API, Firefox: promise). */
export async function getHAR(): Promise<{ entries?: unknown[] }> {
  const network = nativeNetwork();
  const [har] = await callEither((cb) => network.getHAR(cb));
  return har && typeof har === 'object' ? har : {};
}

export function inspectedTabId(): number {
  return browser.devtools.inspectedWindow.tabId;
}

export function createPanel(title: string, icon: string, page: string): Promise<unknown> {
  return browser.devtools.panels.create(title, icon, page);
}
