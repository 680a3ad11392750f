// What Export writes: the filtered list as JSON, or as a HAR with secrets redacted.
import { toHar } from '../core/har';
import { redactClassification, redactExchange } from '../core/redact';
import type { RequestRecord } from '../protocol/messages';

export interface ExportMeta {
  version: string;
  /** 'live' or the imported file's name. */
  view: string;
  filter: string;
  chips: readonly string[];
  now?: number;
}

/** JSON export: one entry per record with its classification; exchanges redacted like the HAR. */
export function exportJson(records: readonly RequestRecord[], meta: ExportMeta): string {
  return JSON.stringify(
    {
      faultline: meta.version,
      exportedAt: new Date(meta.now ?? Date.now()).toISOString(),
      view: meta.view,
      filter: meta.filter,
      chips: meta.chips,
      count: records.length,
      records: records.map((r) => {
        const exchange = redactExchange(r.exchange);
        return {
          seq: r.seq,
          method: exchange.method,
          url: exchange.url,
          status: exchange.status,
          startedAt: exchange.startedAt === undefined ? null : new Date(exchange.startedAt).toISOString(),
          bodyState: r.bodyState,
          classification: redactClassification(r.classification),
          exchange,
        };
      }),
    },
    null,
    2,
  );
}

/** Sanitized HAR 1.2 of the records, with Faultline's classification on each entry. */
export function exportHar(records: readonly RequestRecord[], version: string): string {
  const har = toHar(
    records.map((r) => ({ exchange: r.exchange, classification: r.classification })),
    { name: 'Faultline', version },
    { redact: true },
  );
  return JSON.stringify(har, null, 2);
}
