// Helpers for the background's unit tests: a tiny deterministic classifier, webRequest event
// builders, and a fake storage.session. Not imported by production code.
import type { Classification, Exchange } from '../core/types';
import type { SessionArea } from '../platform/storage';
import type { CaptureLimits } from './limits';
import type { WebRequestDetails } from './webrequest-events';

/** Failure = 4xx/5xx/no response; a body saying "success":false is a failure too; format says whether a body was seen. */
export function fakeClassify(exchange: Exchange): Classification {
  const bodyFailure = typeof exchange.body === 'string' && /"success"\s*:\s*false/.test(exchange.body);
  const failure = exchange.status === 0 || exchange.status >= 400 || bodyFailure;
  const code = typeof exchange.body === 'string' ? /"code"\s*:\s*"([^"]+)"/.exec(exchange.body)?.[1] ?? null : null;
  return {
    failure,
    kind: exchange.status === 0 ? 'network' : exchange.status >= 500 ? 'server' : exchange.status >= 400 ? 'client' : bodyFailure ? 'body' : 'none',
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
export function webRequest(url: string, opts: { tabId?: number; method?: string; status?: number; type?: string; at?: number; requestId?: string; error?: string; headers?: Array<{ name: string; value: string }>; responseHeaders?: Array<{ name: string; value: string }> } = {}) {
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
    sendHeaders: { ...base, timeStamp: at + 1, requestHeaders: opts.headers ?? [{ name: 'Accept', value: '*/*' }] } as WebRequestDetails,
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
export function devtoolsExchange(url: string, opts: { method?: string; status?: number; at?: number; body?: string } = {}): Exchange {
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

/**
 * storage.session in memory, charging what Chrome charges against the quota: a string its length,
 * any other value its in-memory size, measured at about 3.2 times its JSON length.
 */
export class FakeSessionArea implements SessionArea {
  readonly data = new Map<string, string>();
  sets = 0;
  constructor(readonly quotaBytes = 10 * 1024 * 1024) {}
  static cost(key: string, json: string): number {
    const value = JSON.parse(json) as unknown;
    return key.length + (typeof value === 'string' ? value.length : Math.ceil(json.length * 3.2));
  }
  bytesInUse(): number {
    let total = 0;
    for (const [key, json] of this.data) total += FakeSessionArea.cost(key, json);
    return total;
  }
  async getAll(): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const [key, json] of this.data) out[key] = JSON.parse(json);
    return out;
  }
  async set(items: Record<string, unknown>): Promise<void> {
    let total = this.bytesInUse();
    for (const [key, value] of Object.entries(items)) {
      const old = this.data.get(key);
      total += FakeSessionArea.cost(key, JSON.stringify(value)) - (old === undefined ? 0 : FakeSessionArea.cost(key, old));
    }
    if (total > this.quotaBytes) throw new Error('Session storage quota bytes exceeded. Values were not stored.');
    this.sets++;
    for (const [key, value] of Object.entries(items)) this.data.set(key, JSON.stringify(value));
  }
  async remove(keys: string[]): Promise<void> {
    for (const key of keys) this.data.delete(key);
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
  /** Fires all timers (and any they schedule) until none are left. */
  async runAll(): Promise<void> {
    for (let guard = 0; guard < 100 && this.queue.length; guard++) {
      const due = this.queue;
      this.queue = [];
      for (const t of due) t.fn();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
}
