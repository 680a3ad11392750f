// Thin wrappers over webRequest: each subscribes a non-blocking observer for every URL and returns
// its unsubscribe function. These listeners never block or modify requests (Firefox's body copy,
// response-filter.ts, is the one 'blocking' listener, and it changes nothing).
import browser, { type WebRequest } from 'webextension-polyfill';

import type { Unsubscribe } from './types';

const ALL_URLS: WebRequest.RequestFilter = { urls: ['<all_urls>'] };

/**
 * Chrome shows a CORS preflight to webRequest only to listeners registered with 'extraHeaders', so
 * those that build a record (start, headers, end) ask for it there; the preflight is then recorded
 * even before DevTools opens, and its failure names the CORS error. It also delivers Cookie, Referer
 * and Origin (redacted like every credential). Firefox shows preflights without it and rejects the value.
 */
function extra(optionsEnum: string): 'extraHeaders'[] {
  // The polyfill's types declare Firefox's getBrowserInfo everywhere; Chrome has none.
  const runtime: { getBrowserInfo?: unknown } = browser.runtime;
  const firefox = typeof runtime.getBrowserInfo === 'function';
  const { chrome } = globalThis as { chrome?: { webRequest?: Record<string, Record<string, string> | undefined> } };
  // Each event declares the values it accepts (chrome.webRequest.On…Options); an unknown one would throw.
  return !firefox && chrome?.webRequest?.[optionsEnum]?.EXTRA_HEADERS === 'extraHeaders' ? ['extraHeaders'] : [];
}

/** The slice of a webRequest event a wrapper uses; every polyfill event fits it as declared. */
interface WebRequestEvent<D, Option extends string> {
  addListener(listener: (details: D) => void, filter: WebRequest.RequestFilter, extraInfoSpec?: Option[]): void;
  removeListener(listener: (details: D) => void): void;
}

function subscribe<D, Option extends string>(
  event: WebRequestEvent<D, Option>,
  listener: (details: D) => void,
  extraInfoSpec?: NoInfer<Option>[],
): Unsubscribe {
  if (extraInfoSpec) event.addListener(listener, ALL_URLS, extraInfoSpec);
  else event.addListener(listener, ALL_URLS);
  return () => event.removeListener(listener);
}

export function onBeforeRequest(listener: (d: WebRequest.OnBeforeRequestDetailsType) => void): Unsubscribe {
  return subscribe(browser.webRequest.onBeforeRequest, listener, ['requestBody', ...extra('OnBeforeRequestOptions')]);
}

export function onSendHeaders(listener: (d: WebRequest.OnSendHeadersDetailsType) => void): Unsubscribe {
  return subscribe(browser.webRequest.onSendHeaders, listener, ['requestHeaders', ...extra('OnSendHeadersOptions')]);
}

export function onHeadersReceived(listener: (d: WebRequest.OnHeadersReceivedDetailsType) => void): Unsubscribe {
  return subscribe(browser.webRequest.onHeadersReceived, listener, [
    'responseHeaders',
    ...extra('OnHeadersReceivedOptions'),
  ]);
}

export function onBeforeRedirect(listener: (d: WebRequest.OnBeforeRedirectDetailsType) => void): Unsubscribe {
  return subscribe(browser.webRequest.onBeforeRedirect, listener, [
    'responseHeaders',
    ...extra('OnBeforeRedirectOptions'),
  ]);
}

export function onCompleted(listener: (d: WebRequest.OnCompletedDetailsType) => void): Unsubscribe {
  return subscribe(browser.webRequest.onCompleted, listener, ['responseHeaders', ...extra('OnCompletedOptions')]);
}

export function onErrorOccurred(listener: (d: WebRequest.OnErrorOccurredDetailsType) => void): Unsubscribe {
  return subscribe(
    browser.webRequest.onErrorOccurred,
    listener,
    extra('OnErrorOccurredOptions').length ? extra('OnErrorOccurredOptions') : undefined,
  );
}
