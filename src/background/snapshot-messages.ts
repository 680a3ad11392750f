// What a panel that says hello gets (issue 18): the tab's records as list rows, packed
// (protocol/packed-records.ts), newest first. A small first message of the newest rows paints a
// screenful at once; the older rows follow in large messages, so the panel updates its list and
// re-renders a few times, not once per small chunk. A generator: the first message is posted before
// the rest are packed (the service posts packs it kept, packed-row-cache.ts, so most cost nothing).
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

/**
 * Where the messages of an opening start and end, in posting order: the newest `first` rows, then
 * the older rows in runs of up to `rest` taken from the oldest up, posted newest run first. Runs
 * come from `pack` (kept runs where they still fit), so their ends can differ from a plain grid.
 */
function* newestFirst(
  records: readonly CaptureRecord[],
  chunks: SnapshotChunks,
  pack: PackRows,
): Generator<PackedRecords> {
  const n = records.length;
  const newestFrom = Math.max(0, n - Math.max(1, chunks.first));
  const newest = runsOf(records, newestFrom, n, n - newestFrom, pack);
  for (let i = newest.length - 1; i >= 0; i--) yield newest[i];
  const older = runsOf(records, 0, newestFrom, Math.max(1, chunks.rest), pack);
  for (let i = older.length - 1; i >= 0; i--) yield older[i];
}

/** Packs [from, to) in runs of at most `max`, oldest first. */
function runsOf(records: readonly CaptureRecord[], from: number, to: number, max: number, pack: PackRows) {
  const runs: PackedRecords[] = [];
  while (from < to) {
    const run = pack(records, from, Math.min(max, to - from));
    runs.push(run.packed);
    from = run.end;
  }
  return runs;
}

/**
 * The messages a panel opening on `records` gets: a `bg/snapshot` of the newest rows, so the first
 * paint shows the latest failures (as the Network panel scrolled to its end), then `bg/upsert`s of
 * older rows, each older than every row before it (the panel prepends them).
 */
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
  let first = true;
  for (const packed of newestFirst(records, chunks, pack)) {
    if (first) yield envelope('bg/snapshot', { tabId, records: [], packed, stats, preserve });
    else yield envelope('bg/upsert', { tabId, records: [], packed, stats });
    first = false;
  }
}

/** The runs an opening would post, packed ahead of it (the worker warms a restored tab's packs). */
export function* warmRuns(records: readonly CaptureRecord[], chunks: SnapshotChunks, pack: PackRows): Generator<void> {
  const n = records.length;
  const newestFrom = Math.max(0, n - Math.max(1, chunks.first));
  for (const [from, to, max] of [
    [newestFrom, n, n - newestFrom],
    [0, newestFrom, Math.max(1, chunks.rest)],
  ]) {
    for (let at = from; at < to;) {
      at = pack(records, at, Math.min(max, to - at)).end;
      yield;
    }
  }
}
