// Thin wrappers over webRequest: each subscribes a non-blocking observer for every URL and returns
// its unsubscribe function. Faultline never blocks or modifies requests.
import browser, { type WebRequest } from 'webextension-polyfill';

export type Unsubscribe = () => void;

const ALL_URLS: WebRequest.RequestFilter = { urls: ['<all_urls>'] };

/**
 * No 'extraHeaders': without it Chrome hides only Accept-Language, Accept-Encoding, Referer and Cookie
 * (request) and Set-Cookie (response), none of which the advice needs (Authorization, Idempotency-Key,
 * Retry-After, request-id headers and Content-Type are all delivered). 'extraHeaders' would route every
 * request of every tab through the extension's IPC path; DevTools' HAR entry brings the rest when open.
 */
function subscribe<D>(
  event: { addListener(cb: (d: D) => void, filter: WebRequest.RequestFilter, spec?: string[]): void; removeListener(cb: (d: D) => void): void },
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
  return subscribe(browser.webRequest.onBeforeRequest as unknown as AnyEvent<WebRequest.OnBeforeRequestDetailsType>, listener, ['requestBody']);
}

export function onSendHeaders(listener: (d: WebRequest.OnSendHeadersDetailsType) => void): Unsubscribe {
  return subscribe(browser.webRequest.onSendHeaders as unknown as AnyEvent<WebRequest.OnSendHeadersDetailsType>, listener, ['requestHeaders']);
}

export function onHeadersReceived(listener: (d: WebRequest.OnHeadersReceivedDetailsType) => void): Unsubscribe {
  return subscribe(browser.webRequest.onHeadersReceived as unknown as AnyEvent<WebRequest.OnHeadersReceivedDetailsType>, listener, ['responseHeaders']);
}

export function onBeforeRedirect(listener: (d: WebRequest.OnBeforeRedirectDetailsType) => void): Unsubscribe {
  return subscribe(browser.webRequest.onBeforeRedirect as unknown as AnyEvent<WebRequest.OnBeforeRedirectDetailsType>, listener, ['responseHeaders']);
}

export function onCompleted(listener: (d: WebRequest.OnCompletedDetailsType) => void): Unsubscribe {
  return subscribe(browser.webRequest.onCompleted as unknown as AnyEvent<WebRequest.OnCompletedDetailsType>, listener, ['responseHeaders']);
}

export function onErrorOccurred(listener: (d: WebRequest.OnErrorOccurredDetailsType) => void): Unsubscribe {
  return subscribe(browser.webRequest.onErrorOccurred as unknown as AnyEvent<WebRequest.OnErrorOccurredDetailsType>, listener);
}
