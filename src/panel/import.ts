// Importing a HAR file into its own view: parse (untrusted input), classify each entry once.
import { parseHar, HarError, type HarProblem } from '../core/har';
import { classify } from '../core/classify';
import type { Exchange } from '../core/types';
import type { BodyState, RequestRecord } from '../protocol/messages';

export interface ImportResult {
  fileName: string;
  records: RequestRecord[];
  /** Entries in the file (converted or not). */
  entries: number;
  problems: HarProblem[];
  notes: string[];
}

/** Converts HAR text to records. Throws an Error with one clear line when the file is not a usable HAR. */
export type Importer = (fileName: string, text: string) => ImportResult;

function bodyStateOf(x: Exchange): BodyState {
  if (x.body === undefined) return 'not-captured';
  if (x.bodyTruncated) return 'truncated';
  if (x.body === '') return 'empty';
  if (x.bodyEncoding === 'base64') return 'binary';
  return 'captured';
}

export const importHar: Importer = (fileName, text) => {
  let parsed;
  try {
    parsed = parseHar(text);
  } catch (err) {
    const message = err instanceof HarError || err instanceof Error ? err.message : String(err);
    throw new Error(`${fileName} is not a HAR file Faultline can read: ${message}`);
  }
  const records: RequestRecord[] = [];
  parsed.exchanges.forEach((exchange, index) => {
    if (!exchange) return;
    records.push({
      kind: 'request',
      id: `har:${index}`,
      tabId: -1,
      seq: index + 1,
      exchange,
      classification: classify(exchange),
      bodyState: bodyStateOf(exchange),
      sources: ['har'],
    });
  });
  return { fileName, records, entries: parsed.exchanges.length, problems: parsed.problems, notes: parsed.notes };
};
