// Test fixtures for the panel: plain-data records with a hand-written classification, so panel
// tests do not depend on what the classifier decides.
import type { Classification, FailureKind, RetryVerdict } from '../core/types';
import type { CaptureStats, NavigationRecord, RequestRecord } from '../protocol/messages';

export interface RecordSpec {
  seq: number;
  id?: string;
  method?: string;
  url?: string;
  status?: number;
  code?: string | null;
  errorId?: string | null;
  message?: string | null;
  kind?: FailureKind;
  failure?: boolean;
  retryable?: boolean;
  verdict?: RetryVerdict;
  retryAfterSeconds?: number | null;
  action?: string;
  startedAt?: number;
  body?: string;
  responseHeaders?: Array<{ name: string; value: string }>;
  requestHeaders?: Array<{ name: string; value: string }>;
  error?: string;
  tabId?: number;
}

function kindOf(status: number): FailureKind {
  if (status === 0) return 'network';
  if (status >= 500) return 'server';
  if (status >= 400) return 'client';
  return 'none';
}

export function classification(spec: RecordSpec): Classification {
  const status = spec.status ?? 500;
  const kind = spec.kind ?? kindOf(status);
  const failure = spec.failure ?? kind !== 'none';
  return {
    failure,
    kind,
    status: {
      code: status,
      reason: status === 429 ? 'Too Many Requests' : status === 0 ? '' : `Reason ${status}`,
      class: 'client-error',
      meaning: `Meaning of ${status}`,
      origin: 'iana',
    },
    format: 'json',
    errorCode: spec.code ?? null,
    errorId: spec.errorId ?? null,
    errorIdSource: spec.errorId ? 'body.id' : null,
    message: spec.message ?? null,
    fieldErrors: [],
    retryable: spec.retryable ?? false,
    retryAfterSeconds: spec.retryAfterSeconds ?? null,
    retryAfterSource: spec.retryAfterSeconds != null ? 'Retry-After header' : null,
    idempotent: (spec.method ?? 'GET') === 'GET',
    idempotencySource: (spec.method ?? 'GET') === 'GET' ? 'method' : 'none',
    verdict: spec.verdict ?? (failure ? (spec.retryable ? 'retry-backoff' : 'fix-request') : 'none'),
    backoff: null,
    action: spec.action ?? (failure ? `Action for ${status}` : ''),
    requestIdHeaders: [],
    notes: [],
  };
}

export function requestRecord(spec: RecordSpec): RequestRecord {
  const status = spec.status ?? 500;
  return {
    kind: 'request',
    id: spec.id ?? `wr:${spec.seq}`,
    tabId: spec.tabId ?? 7,
    seq: spec.seq,
    exchange: {
      method: spec.method ?? 'GET',
      url: spec.url ?? `https://api.example.com/v2/items/${spec.seq}`,
      status,
      startedAt: spec.startedAt ?? 1_700_000_000_000 + spec.seq * 1000,
      ...(spec.body !== undefined ? { body: spec.body } : {}),
      ...(spec.responseHeaders ? { responseHeaders: spec.responseHeaders } : {}),
      ...(spec.requestHeaders ? { requestHeaders: spec.requestHeaders } : {}),
      ...(spec.error ? { error: spec.error } : {}),
    },
    classification: classification(spec),
    bodyState: spec.body === undefined ? 'not-captured' : 'captured',
    sources: ['webRequest'],
  };
}

export function navigationRecord(seq: number, url = 'https://app.example.com/', tabId = 7): NavigationRecord {
  return { kind: 'navigation', id: `nav:${seq}`, tabId, seq, url, at: 1_700_000_000_000 + seq * 1000 };
}

export function stats(patch: Partial<CaptureStats> = {}): CaptureStats {
  return { seen: 0, droppedRecords: 0, truncatedBodies: 0, droppedBodies: 0, bodiesArriving: true, ...patch };
}

/** n failures cycling through a few statuses, codes and hosts. */
export function manyFailures(n: number, startSeq = 1): RequestRecord[] {
  const statuses = [400, 404, 422, 429, 500, 503, 0];
  const out: RequestRecord[] = [];
  for (let i = 0; i < n; i++) {
    const status = statuses[i % statuses.length];
    out.push(
      requestRecord({
        seq: startSeq + i,
        status,
        code: status === 0 ? null : `code_${status}`,
        errorId: `req-${startSeq + i}`,
        message: `failure number ${startSeq + i}`,
        url: `https://${i % 2 ? 'api' : 'auth'}.example.com/v2/items/${startSeq + i}`,
        retryable: status === 429 || status >= 500 || status === 0,
      }),
    );
  }
  return out;
}
