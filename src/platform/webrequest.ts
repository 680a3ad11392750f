// Thin wrappers over webRequest: each subscribes a non-blocking observer for every URL and returns
// its unsubscribe function. These listeners never block or modify requests (Firefox's body copy,
// response-filter.ts, is the one 'blocking' listener, and it changes nothing).
import browser, { type WebRequest } from 'webextension-polyfill';

import type { Unsubscribe } from './types';
import { listenerFilters } from './webrequest-filters';

const ALL_URLS = ['<all_urls>'];

interface ChromeWebRequest {
  webRequest?: Record<string, Record<string, string> | undefined>;
}

/**
 * Chrome shows a CORS preflight to webRequest only to listeners registered with 'extraHeaders', so
 * those that build a record (start, headers, end) ask for it; the preflight is then recorded even
 * before DevTools opens, and its failure names the CORS error. It also delivers Cookie, Referer and
 * Origin (redacted like every credential). It makes Chrome wait on the browser process for each
 * matching request's headers, so only the resource types a preflight can belong to get it
 * (webrequest-filters.ts). Firefox shows preflights without it and rejects the value.
 */
function extraHeadersIn(optionsEnum: string): boolean {
  // The polyfill's types declare Firefox's getBrowserInfo everywhere; Chrome has none.
  const runtime: { getBrowserInfo?: unknown } = browser.runtime;
  if (typeof runtime.getBrowserInfo === 'function') return false;
  const { chrome } = globalThis as { chrome?: ChromeWebRequest };
  // Each event declares the values it accepts (chrome.webRequest.On…Options); an unknown one would throw.
  return chrome?.webRequest?.[optionsEnum]?.EXTRA_HEADERS === 'extraHeaders';
}

/** chrome.webRequest.ResourceType's values (a filter naming an unknown type would throw). */
function chromeResourceTypes(): string[] | null {
  const { chrome } = globalThis as { chrome?: ChromeWebRequest };
  const types = chrome?.webRequest?.ResourceType;
  return types ? Object.values(types).filter((t): t is string => typeof t === 'string') : null;
}

/** The slice of a webRequest event a wrapper uses; every polyfill event fits it as declared. */
interface WebRequestEvent<D, Option extends string> {
  addListener(listener: (details: D) => void, filter: WebRequest.RequestFilter, extraInfoSpec?: Option[]): void;
  removeListener(listener: (details: D) => void): void;
}

/**
 * Subscribes `listener` to every request, once each: in Chrome as one listener with 'extraHeaders'
 * for the preflight types and one without for the rest (webrequest-filters.ts).
 */
function subscribe<D, Option extends string>(
  event: WebRequestEvent<D, Option>,
  listener: (details: D) => void,
  spec: NoInfer<Option>[],
  optionsEnum: string,
): Unsubscribe {
  const added: Array<(details: D) => void> = [];
  for (const filter of listenerFilters(extraHeadersIn(optionsEnum), chromeResourceTypes())) {
    // One function per registration, so each is removed on its own.
    const each = (details: D): void => listener(details);
    const extraInfoSpec = (filter.extraHeaders ? [...spec, 'extraHeaders'] : spec) as Option[];
    const requestFilter = {
      urls: ALL_URLS,
      ...(filter.types ? { types: filter.types } : {}),
    } as WebRequest.RequestFilter;
    if (extraInfoSpec.length) event.addListener(each, requestFilter, extraInfoSpec);
    else event.addListener(each, requestFilter);
    added.push(each);
  }
  return () => {
    for (const each of added) event.removeListener(each);
  };
}

export function onBeforeRequest(listener: (d: WebRequest.OnBeforeRequestDetailsType) => void): Unsubscribe {
  return subscribe(browser.webRequest.onBeforeRequest, listener, ['requestBody'], 'OnBeforeRequestOptions');
}

export function onSendHeaders(listener: (d: WebRequest.OnSendHeadersDetailsType) => void): Unsubscribe {
  return subscribe(browser.webRequest.onSendHeaders, listener, ['requestHeaders'], 'OnSendHeadersOptions');
}

export function onHeadersReceived(listener: (d: WebRequest.OnHeadersReceivedDetailsType) => void): Unsubscribe {
  return subscribe(browser.webRequest.onHeadersReceived, listener, ['responseHeaders'], 'OnHeadersReceivedOptions');
}

export function onBeforeRedirect(listener: (d: WebRequest.OnBeforeRedirectDetailsType) => void): Unsubscribe {
  return subscribe(browser.webRequest.onBeforeRedirect, listener, ['responseHeaders'], 'OnBeforeRedirectOptions');
}

export function onCompleted(listener: (d: WebRequest.OnCompletedDetailsType) => void): Unsubscribe {
  return subscribe(browser.webRequest.onCompleted, listener, ['responseHeaders'], 'OnCompletedOptions');
}

export function onErrorOccurred(listener: (d: WebRequest.OnErrorOccurredDetailsType) => void): Unsubscribe {
  return subscribe(browser.webRequest.onErrorOccurred, listener, [], 'OnErrorOccurredOptions');
}
