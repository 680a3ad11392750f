// A tab's webRequest event as the service handles it: converted from the browser's details when it
// arrives (pure), so that one received before a start is ready can be journaled as it is and handled
// by a later page if this one unloads first. Headers are already redacted here, so a journaled event
// holds no credential.
import {
  isCacheOnlyProbe,
  toFailure,
  toRedirect,
  toRequestHeaders,
  toRequestStart,
  toResponse,
  type FailureInput,
  type RedirectInput,
  type RequestHeadersInput,
  type RequestStart,
  type ResponseInput,
  type WebRequestDetails,
} from './webrequest-events';

/**
 * One webRequest event of a tab. The response events carry the request's start as the event knows it
 * (its time bounds the start from above): a restarted background adopts a request from it when the
 * start went with the stopped one.
 */
export type TrafficEvent =
  | { type: 'start'; tabId: number; start: RequestStart }
  | { type: 'request-headers'; tabId: number; headers: RequestHeadersInput }
  | { type: 'response-started'; tabId: number; start: RequestStart; response: ResponseInput }
  | { type: 'redirected'; tabId: number; start: RequestStart; redirect: RedirectInput }
  | { type: 'completed'; tabId: number; start: RequestStart; response: ResponseInput }
  | { type: 'failed'; tabId: number; start: RequestStart; failure: FailureInput }
  /** A cache-only probe that missed: not a request the page made (isCacheOnlyProbe). */
  | { type: 'probe-missed'; tabId: number; requestId: string };

export type TrafficEventName =
  'onBeforeRequest' | 'onSendHeaders' | 'onHeadersReceived' | 'onBeforeRedirect' | 'onCompleted' | 'onErrorOccurred';

/** The event a webRequest listener received, as the tab store takes it. */
export function trafficEventOf(name: TrafficEventName, d: WebRequestDetails): TrafficEvent {
  const tabId = d.tabId;
  switch (name) {
    case 'onBeforeRequest':
      return { type: 'start', tabId, start: toRequestStart(d) };
    case 'onSendHeaders':
      return { type: 'request-headers', tabId, headers: toRequestHeaders(d) };
    case 'onHeadersReceived':
      return { type: 'response-started', tabId, start: toRequestStart(d), response: toResponse(d) };
    case 'onBeforeRedirect':
      return { type: 'redirected', tabId, start: toRequestStart(d), redirect: toRedirect(d) };
    case 'onCompleted':
      return { type: 'completed', tabId, start: toRequestStart(d), response: toResponse(d) };
    case 'onErrorOccurred':
      return isCacheOnlyProbe(d)
        ? { type: 'probe-missed', tabId, requestId: d.requestId }
        : { type: 'failed', tabId, start: toRequestStart(d), failure: toFailure(d) };
  }
}

const TYPES = new Set<string>([
  'start',
  'request-headers',
  'response-started',
  'redirected',
  'completed',
  'failed',
  'probe-missed',
]);

/** A journaled event read back, or null when the entry is not one (damaged, or from another version). */
export function parseTrafficEvent(text: string): TrafficEvent | null {
  try {
    const value = JSON.parse(text) as { type?: unknown; tabId?: unknown };
    return value && typeof value.tabId === 'number' && typeof value.type === 'string' && TYPES.has(value.type)
      ? (value as TrafficEvent)
      : null;
  } catch {
    return null;
  }
}
