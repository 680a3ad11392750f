// What the copy actions put on the clipboard (row context menu, detail buttons, copy all). Pure.
import { assertNever } from '../core/assert-never';
import { redactText, redactUrl } from '../core/redact';
import { browserFromUserAgent, supportTicket, toCurl, toFetch } from '../core/ticket';
import type { RequestRecord } from '../protocol/messages';
import { exportHar } from './export';

export type CopyKind = 'url' | 'response' | 'curl' | 'fetch' | 'ticket' | 'id';

export interface CopyContext {
  redact: boolean;
  /** navigator.userAgent, for the ticket's browser line. */
  userAgent?: string;
}

export const COPY_LABELS: Record<CopyKind, string> = {
  url: 'URL',
  response: 'response',
  curl: 'cURL',
  fetch: 'fetch',
  ticket: 'support ticket',
  id: 'ID',
};

/** The text to copy, or null when the record has none (no ID, no body). */
export function copyTextOf(kind: CopyKind, record: RequestRecord, ctx: CopyContext): string | null {
  const x = record.exchange;
  const c = record.classification;
  switch (kind) {
    case 'url':
      return ctx.redact ? redactUrl(x.url) : x.url;
    case 'response':
      if (typeof x.body !== 'string' || x.body === '' || x.bodyEncoding === 'base64') return null;
      return ctx.redact ? redactText(x.body) : x.body;
    case 'curl':
      return toCurl(x, { redact: ctx.redact });
    case 'fetch':
      return toFetch(x, { redact: ctx.redact });
    case 'ticket':
      return supportTicket(x, c, { browser: ctx.userAgent ? browserFromUserAgent(ctx.userAgent) : undefined });
    case 'id':
      return c.errorId;
    default:
      return assertNever(kind, 'copy kind');
  }
}

/** Every record as one cURL command each, separated like Chrome's "Copy all as cURL". */
export function copyAllAsCurl(records: readonly RequestRecord[], ctx: CopyContext): string {
  return records.map((r) => toCurl(r.exchange, { redact: ctx.redact })).join(' ;\n');
}

export function copyAllAsHar(records: readonly RequestRecord[], version: string): string {
  return exportHar(records, version);
}
