// The full records behind list rows: asked of the background when the detail opens or a copy or
// export needs them, kept for the next time, and dropped when the record changes.
import { isListOnly } from '../../protocol/list-record';
import type { CaptureRecord, RequestRecord } from '../../protocol/messages';

export interface FullRecordsResult {
  /** In the order asked, without the ones the background no longer holds. */
  records: RequestRecord[];
  /** Records the background no longer holds (evicted or cleared), or that did not arrive in time. */
  missing: number;
}

interface Waiter {
  rows: readonly RequestRecord[];
  resolve(result: FullRecordsResult): void;
  timer: ReturnType<typeof setTimeout>;
}

/** Full records kept for reuse; beyond this the oldest fetched are dropped. */
export const FULL_RECORDS_KEPT = 2000;

export class FullRecords {
  private readonly byId = new Map<string, RequestRecord>();
  private readonly gone = new Set<string>();
  private readonly asked = new Set<string>();
  private readonly waiters = new Set<Waiter>();
  private nextRequestId = 1;

  constructor(
    /** Posts panel/get-records; a message without a port is dropped and its waiters time out. */
    private readonly ask: (requestId: number, ids: string[]) => void,
    /** After a batch arrived: consumers re-render. */
    private readonly onArrive: () => void,
    private readonly timeoutMs = 10_000,
  ) {}

  /** The full record behind a row: the row itself unless it is a list row, else the fetched one. */
  get(row: RequestRecord): RequestRecord | undefined {
    return isListOnly(row) ? this.byId.get(row.id) : row;
  }

  /** The background answered that it no longer holds this row's record (evicted or cleared). */
  isGone(row: RequestRecord): boolean {
    return isListOnly(row) && !this.byId.has(row.id) && this.gone.has(row.id);
  }

  requestFromBackground(rows: readonly RequestRecord[]): Promise<FullRecordsResult> {
    const lacking = rows.filter((r) => !this.get(r) && !this.gone.has(r.id)).map((r) => r.id);
    if (lacking.length === 0) return Promise.resolve(this.result(rows));
    const toAsk = lacking.filter((id) => !this.asked.has(id));
    for (const id of toAsk) this.asked.add(id);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        rows,
        resolve,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          for (const id of lacking) this.asked.delete(id); // ask again next time
          resolve(this.result(rows));
        }, this.timeoutMs),
      };
      this.waiters.add(waiter);
      if (toAsk.length > 0) this.ask(this.nextRequestId++, toAsk);
    });
  }

  receive(records: readonly CaptureRecord[], missing: readonly string[]): void {
    for (const r of records) {
      if (r.kind !== 'request') continue;
      this.byId.set(r.id, r);
      this.asked.delete(r.id);
    }
    for (const id of missing) {
      this.gone.add(id);
      this.asked.delete(id);
    }
    for (const waiter of this.waiters) {
      if (waiter.rows.every((r) => this.get(r) || this.gone.has(r.id))) this.settle(waiter);
    }
    for (const id of this.byId.keys()) {
      if (this.byId.size <= FULL_RECORDS_KEPT) break;
      this.byId.delete(id);
    }
    this.onArrive();
  }

  /** Fetched or gone records are held: only then can an upsert make any of them stale. */
  get holdsAny(): boolean {
    return this.byId.size > 0 || this.gone.size > 0;
  }

  /** The records changed (an upsert) or left: their fetched copies are stale. */
  invalidate(ids: Iterable<string>): void {
    if (!this.holdsAny) return;
    for (const id of ids) {
      this.byId.delete(id);
      this.gone.delete(id);
    }
  }

  /** A new snapshot or a clear: nothing fetched still holds; waiters get what they have. */
  clear(): void {
    for (const waiter of this.waiters) this.settle(waiter);
    this.byId.clear();
    this.gone.clear();
    this.asked.clear();
  }

  private settle(waiter: Waiter): void {
    clearTimeout(waiter.timer);
    this.waiters.delete(waiter);
    waiter.resolve(this.result(waiter.rows));
  }

  private result(rows: readonly RequestRecord[]): FullRecordsResult {
    const records: RequestRecord[] = [];
    for (const r of rows) {
      const full = this.get(r);
      if (full) records.push(full);
    }
    return { records, missing: rows.length - records.length };
  }
}
