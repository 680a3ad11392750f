// Thin wrappers over webRequest: each subscribes a non-blocking observer for every URL and returns
// its unsubscribe function. These listeners never block or modify requests (Firefox's body copy,
// response-filter.ts, is the one 'blocking' listener, and it changes nothing).
import browser, { type WebRequest } from 'webextension-polyfill';

export type Unsubscribe = () => void;

const ALL_URLS: WebRequest.RequestFilter = { urls: ['<all_urls>'] };

/**
 * Chrome shows a CORS preflight to webRequest only to listeners registered with 'extraHeaders', so
 * those that build a record (start, headers, end) ask for it there; the preflight is then recorded
 * even before DevTools opens, and its failure names the CORS error. It also delivers Cookie, Referer
 * and Origin (redacted like every credential). Firefox shows preflights without it and rejects the value.
 */
function extra(optionsEnum: string): string[] {
  const firefox = typeof (browser.runtime as unknown as { getBrowserInfo?: unknown }).getBrowserInfo === 'function';
  const chrome = (
    globalThis as unknown as { chrome?: { webRequest?: Record<string, Record<string, string> | undefined> } }
  ).chrome;
  // Each event declares the values it accepts (chrome.webRequest.On…Options); an unknown one would throw.
  return !firefox && chrome?.webRequest?.[optionsEnum]?.EXTRA_HEADERS === 'extraHeaders' ? ['extraHeaders'] : [];
}

function subscribe<D>(
  event: {
    addListener(cb: (d: D) => void, filter: WebRequest.RequestFilter, spec?: string[]): void;
    removeListener(cb: (d: D) => void): void;
  },
  listener: (details: D) => void,
  extraInfoSpec?: string[],
): Unsubscribe {
  const cb = (details: D): void => {
    listener(details);
  };
  if (extraInfoSpec) event.addListener(cb, ALL_URLS, extraInfoSpec);
  else event.addListener(cb, ALL_URLS);
  return () => event.removeListener(cb);
}

type AnyEvent<D> = Parameters<typeof subscribe<D>>[0];

export function onBeforeRequest(listener: (d: WebRequest.OnBeforeRequestDetailsType) => void): Unsubscribe {
  return subscribe(
    browser.webRequest.onBeforeRequest as unknown as AnyEvent<WebRequest.OnBeforeRequestDetailsType>,
    listener,
    ['requestBody', ...extra('OnBeforeRequestOptions')],
  );
}

export function onSendHeaders(listener: (d: WebRequest.OnSendHeadersDetailsType) => void): Unsubscribe {
  return subscribe(
    browser.webRequest.onSendHeaders as unknown as AnyEvent<WebRequest.OnSendHeadersDetailsType>,
    listener,
    ['requestHeaders', ...extra('OnSendHeadersOptions')],
  );
}

export function onHeadersReceived(listener: (d: WebRequest.OnHeadersReceivedDetailsType) => void): Unsubscribe {
  return subscribe(
    browser.webRequest.onHeadersReceived as unknown as AnyEvent<WebRequest.OnHeadersReceivedDetailsType>,
    listener,
    ['responseHeaders', ...extra('OnHeadersReceivedOptions')],
  );
}

export function onBeforeRedirect(listener: (d: WebRequest.OnBeforeRedirectDetailsType) => void): Unsubscribe {
  return subscribe(
    browser.webRequest.onBeforeRedirect as unknown as AnyEvent<WebRequest.OnBeforeRedirectDetailsType>,
    listener,
    ['responseHeaders', ...extra('OnBeforeRedirectOptions')],
  );
}

export function onCompleted(listener: (d: WebRequest.OnCompletedDetailsType) => void): Unsubscribe {
  return subscribe(browser.webRequest.onCompleted as unknown as AnyEvent<WebRequest.OnCompletedDetailsType>, listener, [
    'responseHeaders',
    ...extra('OnCompletedOptions'),
  ]);
}

export function onErrorOccurred(listener: (d: WebRequest.OnErrorOccurredDetailsType) => void): Unsubscribe {
  return subscribe(
    browser.webRequest.onErrorOccurred as unknown as AnyEvent<WebRequest.OnErrorOccurredDetailsType>,
    listener,
    extra('OnErrorOccurredOptions').length ? extra('OnErrorOccurredOptions') : undefined,
  );
}
