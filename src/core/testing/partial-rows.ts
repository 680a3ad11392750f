// Table rows that check parts of a classification: the verdict, the code (or that there is none) and
// text the message holds or lacks. For rules whose message is composed (a title and a sentence, a
// batch item's error), where variants.ts's exact fields would pin wording the rule does not own. Pure.
import { classify } from '../classify';

export interface PartialRow {
  /** What the row shows, and where its format is documented. */
  name: string;
  body: unknown;
  /** Default 200. */
  status?: number;
  /** Default application/json. */
  contentType?: string;
  url?: string;
  /** Default true. */
  failure?: boolean;
  /** The error code, compared as text; `null`: no code may be reported. */
  code?: string | null;
  /** Text the message must contain (case-insensitive); `null`: no message may be reported. */
  messageHas?: string | null;
  /** Text the message must not contain (case-insensitive). */
  messageLacks?: string;
}

/** What of a row's expectations its classification breaks (empty when it passes). */
export function partialRowMismatches(row: PartialRow, defaultUrl = 'https://api.example.test/v1/items'): string[] {
  const c = classify({
    method: 'POST',
    url: row.url ?? defaultUrl,
    status: row.status ?? 200,
    responseHeaders: { 'content-type': row.contentType ?? 'application/json' },
    body: typeof row.body === 'string' ? row.body : JSON.stringify(row.body),
  });
  const out: string[] = [];
  const got = `(got failure ${c.failure}, code ${String(c.errorCode)}, message ${JSON.stringify(c.message)})`;
  const failure = row.failure ?? true;
  if (c.failure !== failure) out.push(`failure: expected ${failure} ${got}`);
  if (row.code === null && c.errorCode != null) out.push(`code: expected none ${got}`);
  if (typeof row.code === 'string' && String(c.errorCode) !== row.code) out.push(`code: expected ${row.code} ${got}`);
  const message = (c.message ?? '').toLowerCase();
  if (row.messageHas === null && c.message != null) out.push(`message: expected none ${got}`);
  if (typeof row.messageHas === 'string' && !message.includes(row.messageHas.toLowerCase()))
    out.push(`message: expected to contain "${row.messageHas}" ${got}`);
  if (row.messageLacks !== undefined && message.includes(row.messageLacks.toLowerCase()))
    out.push(`message: expected to lack "${row.messageLacks}" ${got}`);
  if (/internal error while classifying|recognizer \S+ failed/.test(c.notes.join(' ')))
    out.push(`notes: a recognizer failed: ${c.notes.join(' ')}`);
  return out;
}
