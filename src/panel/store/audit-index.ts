// The retry audit of one view's records, kept up to date incrementally: records are bucketed by
// call (method + URL), a change marks only its call dirty, and `refresh` re-audits the dirty calls
// that can hold a retry at all (two or more attempts, one of them a failure). A burst of 2,000
// distinct URLs costs one map lookup per record and no audit work. Records are only queued as they
// arrive and bucketed when the audit is next read (its refresh runs after a quiet moment), so a
// panel opening on 100,000 rows does not pay for the buckets while it takes the rows in.
import { auditAttempts, type AuditAttempt, type AuditRule, type RetrySequence } from '../../core/audit';
import type { CaptureRecord, RequestRecord } from '../../protocol/messages';

/** The audit's call key (`METHOD url` without the fragment), as `auditSequence` names it. */
export function auditCallKey(method: string, url: string): string {
  const hash = url.indexOf('#');
  return `${method.toUpperCase()} ${hash < 0 ? url : url.slice(0, hash)}`;
}

/** Records bucketed between two time checks of a sliced ingest: well under a millisecond. */
const INGEST_STEP = 500;

/** A call's records: most calls are made once, and hold their one record without a map. */
type Bucket = RequestRecord | Map<string, RequestRecord>;

function bucketSize(bucket: Bucket | undefined): number {
  return bucket === undefined ? 0 : bucket instanceof Map ? bucket.size : 1;
}

function bucketRecords(bucket: Bucket): Iterable<RequestRecord> {
  return bucket instanceof Map ? bucket.values() : [bucket];
}

export class AuditIndex {
  private readonly byKey = new Map<string, Bucket>();
  private readonly keyById = new Map<string, string>();
  private readonly dirty = new Set<string>();
  private readonly sequencesByKey = new Map<string, RetrySequence[]>();
  private readonly flaggedByKey = new Map<string, string[]>();
  private readonly rulesById = new Map<string, AuditRule[]>();
  /** Batches upserted but not bucketed yet, in order. */
  private queued: Array<readonly CaptureRecord[]> = [];
  /** Records of queued[0] bucketed already (a sliced ingest stopped inside it). */
  private queuedHead = 0;
  /** Bumped whenever a refresh changed the results. */
  revision = 0;
  /** Calls re-audited so far: the cost the incremental path keeps low. */
  auditedCalls = 0;

  get pending(): boolean {
    return this.dirty.size > 0 || this.queued.length > 0;
  }

  reset(records: readonly CaptureRecord[]): void {
    this.byKey.clear();
    this.keyById.clear();
    this.dirty.clear();
    const hadResults = this.sequencesByKey.size > 0;
    this.sequencesByKey.clear();
    this.flaggedByKey.clear();
    this.rulesById.clear();
    this.queued = [];
    this.queuedHead = 0;
    if (hadResults) this.revision++;
    this.upsert(records);
  }

  /** Queues the records; they are bucketed when the audit is next read or refreshed. */
  upsert(records: readonly CaptureRecord[]): void {
    if (records.length > 0) this.queued.push(records);
  }

  /** Buckets the queued records by call; a call that gained a second attempt is marked for re-audit. */
  private ingest(): void {
    this.ingestUntil(Infinity, () => 0);
  }

  /**
   * Buckets queued records until `now()` reaches `deadline` (checked every INGEST_STEP records), so
   * a large backlog (an import's records since the last refresh) is bucketed over several tasks.
   * Returns true when nothing is left queued.
   */
  ingestUntil(deadline: number, now: () => number): boolean {
    while (this.queued.length > 0) {
      if (now() >= deadline) return false;
      const records = this.queued[0];
      const to = Math.min(records.length, this.queuedHead + INGEST_STEP);
      this.bucket(records, this.queuedHead, to);
      if (to < records.length) this.queuedHead = to;
      else {
        this.queued.shift();
        this.queuedHead = 0;
      }
    }
    return true;
  }

  private bucket(records: readonly CaptureRecord[], from: number, to: number): void {
    for (let i = from; i < to; i++) {
      const record = records[i];
      if (record.kind !== 'request') continue;
      const key = auditCallKey(record.exchange.method, record.exchange.url);
      const before = this.keyById.get(record.id);
      if (before !== undefined && before !== key) this.drop(record.id);
      const bucket = this.byKey.get(key);
      this.keyById.set(record.id, key);
      if (bucket === undefined) {
        // A call's first record: a single attempt has no results to refresh.
        this.byKey.set(key, record);
        continue;
      }
      if (bucket instanceof Map) bucket.set(record.id, record);
      else if (bucket.id === record.id) this.byKey.set(key, record);
      else
        this.byKey.set(
          key,
          new Map([
            [bucket.id, bucket],
            [record.id, record],
          ]),
        );
      this.dirty.add(key);
    }
  }

  remove(ids: readonly string[]): void {
    this.ingest();
    for (const id of ids) this.drop(id);
  }

  /** Re-audits the dirty calls. Returns true when the results changed. */
  refresh(): boolean {
    this.ingest();
    if (this.dirty.size === 0) return false;
    let changed = false;
    for (const key of this.dirty) {
      const bucket = this.byKey.get(key);
      const hadResults = this.sequencesByKey.has(key);
      this.clearResults(key);
      if (!bucket || bucketSize(bucket) < 2 || !hasFailure(bucket)) {
        changed ||= hadResults;
        continue;
      }
      this.auditedCalls++;
      const attempts: AuditAttempt[] = [];
      for (const r of bucketRecords(bucket))
        attempts.push({ id: r.id, exchange: r.exchange, classification: r.classification });
      const sequences = auditAttempts(attempts);
      if (sequences.length === 0) {
        changed ||= hadResults;
        continue;
      }
      this.sequencesByKey.set(key, sequences);
      const flagged: string[] = [];
      for (const seq of sequences) {
        for (const finding of seq.findings) {
          for (const id of finding.attemptIds) {
            const rules = this.rulesById.get(id);
            if (!rules) {
              this.rulesById.set(id, [finding.rule]);
              flagged.push(id);
            } else if (!rules.includes(finding.rule)) rules.push(finding.rule);
          }
        }
      }
      if (flagged.length) this.flaggedByKey.set(key, flagged);
      changed = true;
    }
    this.dirty.clear();
    if (changed) this.revision++;
    return changed;
  }

  /** Every retry sequence, oldest first. */
  sequences(): RetrySequence[] {
    const all: RetrySequence[] = [];
    for (const list of this.sequencesByKey.values()) all.push(...list);
    return all.sort((a, b) => a.attempts[0].at - b.attempts[0].at);
  }

  sequenceCount(): number {
    let n = 0;
    for (const list of this.sequencesByKey.values()) n += list.length;
    return n;
  }

  /** Findings as the audit view lists them: one per rule and retry sequence. */
  findingCount(): number {
    let n = 0;
    for (const list of this.sequencesByKey.values())
      for (const seq of list) n += new Set(seq.findings.map((f) => f.rule)).size;
    return n;
  }

  /** The audit rules a record is flagged by, or undefined. */
  rulesFor(id: string): readonly AuditRule[] | undefined {
    return this.rulesById.get(id);
  }

  /** Ids of every flagged record. */
  flaggedIds(): IterableIterator<string> {
    return this.rulesById.keys();
  }

  record(id: string): RequestRecord | undefined {
    this.ingest();
    const key = this.keyById.get(id);
    const bucket = key === undefined ? undefined : this.byKey.get(key);
    if (bucket instanceof Map) return bucket.get(id);
    return bucket?.id === id ? bucket : undefined;
  }

  private drop(id: string): void {
    const key = this.keyById.get(id);
    if (key === undefined) return;
    this.keyById.delete(id);
    const bucket = this.byKey.get(key);
    if (bucket instanceof Map) {
      bucket.delete(id);
      if (bucket.size === 1) this.byKey.set(key, bucket.values().next().value!);
    } else if (bucket?.id === id) this.byKey.delete(key);
    this.dirty.add(key);
  }

  private clearResults(key: string): void {
    for (const id of this.flaggedByKey.get(key) ?? []) this.rulesById.delete(id);
    this.flaggedByKey.delete(key);
    this.sequencesByKey.delete(key);
  }
}

function hasFailure(bucket: Bucket): boolean {
  for (const r of bucketRecords(bucket)) if (r.classification.failure) return true;
  return false;
}
