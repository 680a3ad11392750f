// Helpers for the background's unit tests: a tiny deterministic classifier, webRequest event
// builders, IndexedDB (fake-indexeddb) and a fake session marker. Not imported by production code.
import type { Classification, Exchange } from '../core/types';
import 'fake-indexeddb/auto';
import { lazyCaptureDb, openCaptureDb, type CaptureDb, type ClearedRows } from '../platform/capture-db';
import type { SessionMarker } from '../platform/storage';
import type { KeyValueStorage } from '../platform/sync-journal';
import type { CaptureLimits } from './limits';
import type { WebRequestDetails } from './webrequest-events';

/** Failure = 4xx/5xx/no response; a body saying "success":false is a failure too; format says whether a body was seen. */
export function fakeClassify(exchange: Exchange): Classification {
  const bodyFailure = typeof exchange.body === 'string' && /"success"\s*:\s*false/.test(exchange.body);
  const failure = exchange.status === 0 || exchange.status >= 400 || bodyFailure;
  const code = typeof exchange.body === 'string' ? (/"code"\s*:\s*"([^"]+)"/.exec(exchange.body)?.[1] ?? null) : null;
  return {
    failure,
    kind:
      exchange.status === 0
        ? 'network'
        : exchange.status >= 500
          ? 'server'
          : exchange.status >= 400
            ? 'client'
            : bodyFailure
              ? 'body'
              : 'none',
    status: { code: exchange.status, reason: '', class: 'unknown', meaning: '', origin: 'iana' },
    format: exchange.body === undefined ? 'not-captured' : 'json',
    errorCode: code,
    errorId: null,
    errorIdSource: null,
    message: exchange.error ?? null,
    fieldErrors: [],
    retryable: false,
    retryAfterSeconds: null,
    retryAfterSource: null,
    idempotent: false,
    idempotencySource: 'none',
    verdict: failure ? 'fix-request' : 'none',
    backoff: null,
    action: '',
    requestIdHeaders: [],
    notes: [],
  };
}

export const TEST_LIMITS: CaptureLimits = {
  maxRecords: 100,
  maxBodyBytesPerTab: 1000,
  maxBodyChars: 300,
  maxRequestBodyChars: 100,
  matchWindowMs: 2000,
};

export const ORIGIN = 'chrome-extension://abcdefghijklmnop';

let nextRequestId = 1000;

/** The webRequest events of one request, as a browser would fire them. */
export function webRequest(
  url: string,
  opts: {
    tabId?: number;
    method?: string;
    status?: number;
    type?: string;
    at?: number;
    requestId?: string;
    error?: string;
    headers?: Array<{ name: string; value: string }>;
    responseHeaders?: Array<{ name: string; value: string }>;
  } = {},
) {
  const base = {
    requestId: opts.requestId ?? String(nextRequestId++),
    url,
    method: opts.method ?? 'GET',
    tabId: opts.tabId ?? 7,
    type: opts.type ?? 'xmlhttprequest',
    timeStamp: opts.at ?? 1_000_000,
  };
  const at = base.timeStamp;
  return {
    requestId: base.requestId,
    before: { ...base } as WebRequestDetails,
    sendHeaders: {
      ...base,
      timeStamp: at + 1,
      requestHeaders: opts.headers ?? [{ name: 'Accept', value: '*/*' }],
    } as WebRequestDetails,
    headers: {
      ...base,
      timeStamp: at + 5,
      statusCode: opts.status ?? 200,
      statusLine: `HTTP/1.1 ${opts.status ?? 200} Reason`,
      responseHeaders: opts.responseHeaders ?? [{ name: 'Content-Type', value: 'application/json' }],
    } as WebRequestDetails,
    completed: {
      ...base,
      timeStamp: at + 9,
      statusCode: opts.status ?? 200,
      statusLine: `HTTP/1.1 ${opts.status ?? 200} Reason`,
      responseHeaders: opts.responseHeaders ?? [{ name: 'Content-Type', value: 'application/json' }],
    } as WebRequestDetails,
    error: { ...base, timeStamp: at + 9, error: opts.error ?? 'net::ERR_CONNECTION_REFUSED' } as WebRequestDetails,
  };
}

/** A DevTools entry's exchange for the same request. */
export function devtoolsExchange(
  url: string,
  opts: { method?: string; status?: number; at?: number; body?: string } = {},
): Exchange {
  const exchange: Exchange = {
    method: opts.method ?? 'GET',
    url,
    status: opts.status ?? 200,
    statusText: 'Reason',
    requestHeaders: [{ name: 'Accept', value: '*/*' }],
    responseHeaders: [{ name: 'content-type', value: 'application/json' }],
    startedAt: opts.at ?? 1_000_000,
    durationMs: 9,
  };
  if (opts.body !== undefined) exchange.body = opts.body;
  return exchange;
}

let dbCounter = 0;

/** A fresh IndexedDB capture database (fake-indexeddb under vitest), the real wrapper on top. */
export function testDb(name = `faultline-test-${++dbCounter}`): CaptureDb {
  return lazyCaptureDb(() => openCaptureDb(name));
}

/** storage.session's session marker, in memory: `new FakeMarker(false)` is a fresh browser session. */
export class FakeMarker implements SessionMarker {
  previousSession: ClearedRows = { tabs: 0, records: 0, bodies: 0 };
  constructor(public isSet = true) {}
  async read(): Promise<{ previousSession: ClearedRows } | null> {
    return this.isSet ? { previousSession: { ...this.previousSession } } : null;
  }
  async set(previousSession: ClearedRows): Promise<void> {
    this.isSet = true;
    this.previousSession = { ...previousSession };
  }
}

/** Timers driven by hand: run() fires everything due, in order. */
export class ManualTimers {
  private queue: Array<{ id: number; fn: () => void }> = [];
  private id = 0;
  setTimer = (fn: () => void): unknown => {
    const id = ++this.id;
    this.queue.push({ id, fn });
    return id;
  };
  clearTimer = (handle: unknown): void => {
    this.queue = this.queue.filter((t) => t.id !== handle);
  };
  get pending(): number {
    return this.queue.length;
  }
  /** Fires the timers set so far, not those they set (no waiting: the caller decides what runs when). */
  fireRound(): void {
    const due = this.queue;
    this.queue = [];
    for (const t of due) t.fn();
  }
  /** Fires all timers (and any they schedule) until none are left. */
  async runAll(): Promise<void> {
    for (let guard = 0; guard < 100 && this.queue.length; guard++) {
      this.fireRound();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
}

/** localStorage as a page sees it: it outlives the page (a new journal over it is the next page's). */
export class MemoryStorage implements KeyValueStorage {
  readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}
