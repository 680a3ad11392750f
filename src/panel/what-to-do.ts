// What the developer should do about a failure: the buckets of the panel's summary chips.
// One bucket per failure, first match wins, so the counts add up to the failures.
import type { Classification, Exchange } from '../core/types';

export type WhatToDo = 'fix-request' | 'reauthenticate' | 'wait-retry' | 'server' | 'network' | 'canceled';

export const WHAT_TO_DO_ORDER: readonly WhatToDo[] = [
  'fix-request',
  'reauthenticate',
  'wait-retry',
  'server',
  'network',
  'canceled',
];

export const WHAT_TO_DO_LABELS: Record<WhatToDo, { label: string; title: string }> = {
  'fix-request': {
    label: 'Fix request',
    title: 'Failures a retry will not fix: change the request (4xx, a body that reports an error)',
  },
  reauthenticate: { label: 'Re-auth', title: 'Credentials missing, expired or refused: re-authenticate, then retry' },
  'wait-retry': {
    label: 'Wait & retry',
    title: 'Rate limits and transient failures: wait (the server may say how long), then retry',
  },
  server: {
    label: 'Server',
    title: 'Server or gateway problems (5xx): retry with backoff; report to the API owner if it persists',
  },
  network: { label: 'Network', title: 'No response: connection, DNS, TLS or CORS failures' },
  canceled: { label: 'Canceled', title: 'Requests the page or the browser canceled' },
};

/** Network error names of a request that was canceled rather than failed (Chrome, Firefox). */
const CANCELED = /ERR_ABORTED|NS_BINDING_ABORTED|\bcancel(?:l?ed)?\b|\babort(?:ed)?\b/i;

export function whatToDo(c: Classification, x: Pick<Exchange, 'status' | 'error'>): WhatToDo | null {
  // Canceled is counted even when the classifier does not call it a failure (Chrome's "(canceled)").
  if ((c.kind as string) === 'canceled' || (x.status === 0 && x.error && CANCELED.test(x.error))) return 'canceled';
  if (!c.failure) return null;
  if (c.kind === 'network' || x.status === 0) return 'network';
  if (c.verdict === 'reauthenticate') return 'reauthenticate';
  if (c.verdict === 'retry-after' || x.status === 429) return 'wait-retry';
  if (c.kind === 'server') return 'server';
  if (c.verdict === 'fix-request' || c.verdict === 'do-not-retry' || !c.retryable) return 'fix-request';
  return 'wait-retry';
}
