// Firefox's webRequest.filterResponseData, as a read-only tap: every byte is written through at once,
// unchanged, and a bounded copy is kept. Chrome has no such API (feature-detected).
// The onHeadersReceived listener is 'blocking' only so the filter attaches before the first byte; it
// returns nothing, so it never changes or holds the response beyond that synchronous decision.
import browser, { type WebRequest } from 'webextension-polyfill';
import { charsetOf, decodeCopiedBody, type CopyPlan } from './body-bytes';
import type { Unsubscribe } from './types';

// Firefox only, though the polyfill's types declare it everywhere.
type FilterApi = { filterResponseData?: (requestId: string) => WebRequest.StreamFilter };

/** True in Firefox with the webRequestBlocking and webRequestFilterResponse permissions. */
export function canCopyResponseBodies(): boolean {
  const api: FilterApi = browser.webRequest;
  return typeof api.filterResponseData === 'function';
}

export interface CopiedBody {
  tabId: number;
  requestId: string;
  body: string;
  truncated: boolean;
}

/**
 * Copies the bodies of responses `plan` chooses. `plan` runs synchronously for every response's headers;
 * `deliver` gets the text once the response ended (never for a response that failed midway).
 */
export function copyResponseBodies(
  plan: (details: WebRequest.OnHeadersReceivedDetailsType) => CopyPlan | null,
  deliver: (copy: CopiedBody) => void,
): Unsubscribe {
  const api: FilterApi = browser.webRequest;
  const listener = (details: WebRequest.OnHeadersReceivedDetailsType): undefined => {
    let chosen: CopyPlan | null = null;
    try {
      chosen = plan(details);
    } catch {
      chosen = null;
    }
    if (!chosen || !api.filterResponseData) return undefined;
    let filter: WebRequest.StreamFilter;
    try {
      filter = api.filterResponseData(details.requestId);
    } catch {
      return undefined;
    }
    const cap = chosen.capBytes;
    const chunks: Uint8Array[] = [];
    let kept = 0;
    let truncated = false;
    const contentType = details.responseHeaders?.find((h) => h.name.toLowerCase() === 'content-type')?.value;
    filter.ondata = (event) => {
      // The page gets each chunk first, unchanged; the copy is a slice of what is already sent.
      filter.write(event.data);
      if (kept >= cap) {
        truncated = true;
        return;
      }
      const room = cap - kept;
      const bytes = new Uint8Array(event.data);
      const part = bytes.byteLength > room ? bytes.slice(0, room) : bytes.slice();
      if (bytes.byteLength > room) truncated = true;
      chunks.push(part);
      kept += part.byteLength;
    };
    filter.onstop = () => {
      filter.close();
      try {
        deliver({
          tabId: details.tabId,
          requestId: details.requestId,
          body: decodeCopiedBody(chunks, charsetOf(contentType)),
          truncated,
        });
      } catch {
        /* a body that cannot be decoded is simply not copied */
      }
    };
    filter.onerror = () => {
      /* the request failed or was canceled: webRequest's onErrorOccurred reports it */
    };
    return undefined;
  };
  browser.webRequest.onHeadersReceived.addListener(listener, { urls: ['<all_urls>'] }, ['blocking', 'responseHeaders']);
  return () => browser.webRequest.onHeadersReceived.removeListener(listener);
}
