// What the capture adds to an exchange beyond HTTP (the cancel reason, the page's origin, the
// preflight), turned into classification text. Inputs are read from untrusted exchanges, so every
// field is checked here and nothing throws.
import { corsDiagnosis, type CorsDiagnosis } from './cors';
import type { Exchange, PreflightExchange } from './types';

export interface CanceledFacts {
  /** 'navigation', 'page closed', 'timeout', or what the browser said. */
  reason: string;
  message: string;
  action: string;
}

const REASON_TEXT: Record<string, string> = {
  navigation: 'the page navigated away while it was in flight',
  'page closed': 'the tab or frame was closed while it was in flight',
  timeout: 'a client-side timeout aborted it',
};

/** A canceled request, shown like Chrome's "(canceled)", with the reason when one is known. */
export function canceledFacts(error: string | undefined, reason: unknown): CanceledFacts {
  const known = typeof reason === 'string' && reason.trim() !== '' ? reason.trim().slice(0, 100) : null;
  const browser = typeof error === 'string' && error !== '' ? error.slice(0, 200) : null;
  const why = known
    ? (REASON_TEXT[known] ?? known)
    : 'the page or browser canceled it (AbortController, a timeout, or a superseded request)';
  return {
    reason: known ?? browser ?? 'canceled',
    message: `(canceled): ${why}${browser ? ` [${browser}]` : ''}`,
    action:
      known === 'navigation' || known === 'page closed'
        ? 'Nothing to fix on the server: the request was dropped with the page. If its result mattered, send it with keepalive or navigator.sendBeacon.'
        : 'Not a server failure. If the cancel was not intended, check the AbortController or timeout that ended it (a timeout shorter than the server needs cancels working requests).',
  };
}

export interface LostOutcomeFacts {
  /** 'background restart', or what the capture said. */
  reason: string;
  /** For a request with no response known: what the list and detail say instead of a status. */
  message: string;
  action: string;
  /** For a request whose response had started: what is missing (its end, its body). */
  note: string;
}

const LOST_TEXT: Record<string, string> = {
  'background restart':
    "the extension's background was stopped while this request was in flight, and how it ended never reached the restarted background",
};

/** A request whose end the capture lost (shown like Chrome's "(pending)"), or null when the exchange says none was lost. */
export function lostOutcomeFacts(reason: unknown): LostOutcomeFacts | null {
  if (typeof reason !== 'string' || reason.trim() === '') return null;
  const known = reason.trim().slice(0, 100);
  const why = LOST_TEXT[known] ?? known;
  return {
    reason: known,
    message: `(outcome lost): ${why}; whether it succeeded is not known`,
    action:
      'Nothing the capture can tell: reload or repeat the request with the panel open to see its outcome. It is counted in the status bar as an outcome lost.',
    note: `its end was lost (${known}): the status is what its response started with; duration and body are unknown`,
  };
}

function plainHeaders(value: unknown): Array<{ name: string; value: string }> | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: Array<{ name: string; value: string }> = [];
  for (const h of value) {
    if (
      h &&
      typeof h === 'object' &&
      typeof (h as { name?: unknown }).name === 'string' &&
      typeof (h as { value?: unknown }).value === 'string'
    ) {
      out.push({ name: (h as { name: string }).name, value: (h as { value: string }).value });
    }
  }
  return out;
}

/** A preflight from untrusted input, or undefined. */
export function preflightOf(value: unknown): PreflightExchange | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  const status = typeof v.status === 'number' && Number.isFinite(v.status) ? v.status : 0;
  const out: PreflightExchange = { status };
  if (typeof v.statusText === 'string') out.statusText = v.statusText;
  const requestHeaders = plainHeaders(v.requestHeaders);
  if (requestHeaders) out.requestHeaders = requestHeaders;
  const responseHeaders = plainHeaders(v.responseHeaders);
  if (responseHeaders) out.responseHeaders = responseHeaders;
  if (typeof v.error === 'string') out.error = v.error;
  return out;
}

/** The CORS reason for a normalized exchange plus the raw origin and preflight fields; null when not CORS. */
export function corsFacts(ex: Exchange, origin: unknown, preflight: unknown): CorsDiagnosis | null {
  if (typeof origin !== 'string' || origin === '') return null;
  const view: Exchange = { ...ex, origin };
  const pf = preflightOf(preflight);
  if (pf) view.preflight = pf;
  return corsDiagnosis(view);
}
