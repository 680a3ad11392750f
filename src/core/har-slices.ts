// Reads and classifies a HAR in small, bounded steps, so a caller on a UI thread can stop after a
// few milliseconds and let the page paint and answer input. Bytes are queued as they arrive
// (push); `step` feeds them to the streaming reader a piece at a time and classifies each entry as
// soon as it is complete. Every entry is accounted for: converted, or skipped with a problem.
import { classify } from './classify';
import type { HarProblem } from './har';
import { HarEntryStream, type HarStreamOptions, type HarStreamSummary } from './har-stream';
import type { Classification, Exchange } from './types';

/** One entry, converted and classified. */
export interface SlicedEntry {
  /** 0-based position in log.entries. */
  index: number;
  exchange: Exchange;
  classification: Classification;
}

export interface HarSliceCounts {
  bytesRead: number;
  /** Items of log.entries seen so far, converted or not. */
  entries: number;
  /** Entries that could not be converted (each has a skipped problem). */
  skipped: number;
}

export interface HarSliceOptions extends HarStreamOptions {
  /**
   * Bytes handed to the reader at a time. A piece costs about its size in parse, convert and
   * classify work (a single entry larger than a piece is parsed whole once its last byte is in).
   */
  pieceBytes?: number;
}

const DEFAULT_PIECE_BYTES = 32 * 1024;

export class HarSlicedReader {
  private readonly stream: HarEntryStream;
  private readonly pieceBytes: number;
  private readonly queue: Uint8Array[] = [];
  /** Read position in queue[0]. */
  private offset = 0;
  private skippedCount = 0;
  /** Entry-level problems (skipped entries and dropped parts), in index order. */
  readonly problems: HarProblem[] = [];

  constructor(onEntry: (entry: SlicedEntry) => void, options: HarSliceOptions = {}) {
    this.pieceBytes = Math.max(1, options.pieceBytes ?? DEFAULT_PIECE_BYTES);
    this.stream = new HarEntryStream((converted, index) => {
      for (const p of converted.problems) this.problems.push(p);
      if (!converted.exchange) {
        this.skippedCount++;
        return;
      }
      onEntry({ index, exchange: converted.exchange, classification: classify(converted.exchange) });
    }, options);
  }

  /** Queues bytes; no work happens until `step`. */
  push(chunk: Uint8Array): void {
    if (chunk.length > 0) this.queue.push(chunk);
  }

  /** No queued bytes left. */
  get idle(): boolean {
    return this.queue.length === 0;
  }

  counts(): HarSliceCounts {
    return { bytesRead: this.stream.bytesRead, entries: this.stream.entryCount, skipped: this.skippedCount };
  }

  /**
   * Reads queued pieces until `timeUp()` says so or the queue is empty; always at least one piece.
   * Throws HarError when the file is not a usable HAR.
   */
  step(timeUp: () => boolean): void {
    do {
      const chunk = this.queue[0];
      if (!chunk) return;
      const end = Math.min(chunk.length, this.offset + this.pieceBytes);
      const piece = chunk.subarray(this.offset, end);
      if (end === chunk.length) {
        this.queue.shift();
        this.offset = 0;
      } else this.offset = end;
      this.stream.push(piece);
    } while (!timeUp());
  }

  /** After the last chunk has been pushed and stepped through. Throws HarError like `step`. */
  end(): HarStreamSummary {
    if (!this.idle) throw new Error('internal: end with queued bytes');
    return this.stream.end();
  }
}
