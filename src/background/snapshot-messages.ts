// What a panel that says hello gets (issue 18): the tab's records as list rows, packed
// (protocol/packed-records.ts), in seq order. A small first message paints a screenful at once; the
// rest follow in large messages, so the panel updates its list and re-renders a few times, not once
// per small chunk. A generator: each message is posted before the next is packed, so the panel
// unpacks one while the worker packs the next.
import { toListRecord } from '../protocol/list-record';
import { envelope, type CaptureRecord, type CaptureStats, type Envelope } from '../protocol/messages';
import { packRecords, type PackedRecords } from '../protocol/packed-records';

/** Rows in the first message: more than a screenful of the tallest panel. */
export const SNAPSHOT_FIRST_ROWS = 300;
/**
 * Rows in each later message. Packed, 20,000 rows weigh about 4 MB (200 B a row in the bench's
 * records): far from a port's size limit (Chrome: 64 MiB).
 */
export const SNAPSHOT_CHUNK_ROWS = 20_000;

export interface SnapshotChunks {
  first: number;
  rest: number;
}

/** Packs the list rows of up to `max` records from `from`; says where the next message starts. */
export type PackRows = (
  records: readonly CaptureRecord[],
  from: number,
  max: number,
) => { packed: PackedRecords; end: number };

/** Packs every message afresh (the service keeps packed runs instead: packed-row-cache.ts). */
export const packFresh: PackRows = (records, from, max) => {
  const end = Math.min(records.length, from + Math.max(1, max));
  return { packed: packRecords(records.slice(from, end).map(toListRecord)), end };
};

export function* snapshotMessages(
  tabId: number,
  records: readonly CaptureRecord[],
  stats: CaptureStats,
  preserve: boolean,
  chunks: SnapshotChunks = { first: SNAPSHOT_FIRST_ROWS, rest: SNAPSHOT_CHUNK_ROWS },
  pack: PackRows = packFresh,
): Generator<Envelope<'bg/snapshot' | 'bg/upsert'>> {
  if (records.length === 0) {
    yield envelope('bg/snapshot', { tabId, records: [], packed: packRecords([]), stats, preserve });
    return;
  }
  let { packed, end } = pack(records, 0, Math.max(1, chunks.first));
  yield envelope('bg/snapshot', { tabId, records: [], packed, stats, preserve });
  while (end < records.length) {
    ({ packed, end } = pack(records, end, chunks.rest));
    yield envelope('bg/upsert', { tabId, records: [], packed, stats });
  }
}
