// What the background posts to panels, counted per message type (issue 18): messages and records
// always (cheap), bytes only while asked for, since measuring them serializes each message once more.
// Read through the debug API by e2e tests and in the worker's console.
import { isListOnly } from '../protocol/list-record';
import type { CaptureRecord } from '../protocol/messages';
import { isPackedRecords } from '../protocol/packed-records';

export interface PortTrafficCounts {
  messages: number;
  /** Request records carried (snapshot, upsert, records), by shape; packed rows count as list rows. */
  listRows: number;
  fullRecords: number;
  /** Navigation markers carried: small, and sent as they are. */
  markers: number;
  /** JSON characters (what the port serializes); counted only while `countBytes` is on. */
  bytes: number;
}

export interface PortTrafficReport {
  countingBytes: boolean;
  byType: Record<string, PortTrafficCounts>;
  /** Posts that threw (a closed port, or a message over the browser's size limit). */
  failedPosts: number;
}

/** Messages whose bytes may wait to be counted: more than a panel opening on 100k records posts. */
const MAX_UNMEASURED = 64;

export class PortTraffic {
  private byType: Record<string, PortTrafficCounts> = {};
  private failed = 0;
  /** Posted messages whose bytes are not counted yet. */
  private unmeasured: Array<{ counts: PortTrafficCounts; message: unknown }> = [];
  countBytes = false;

  /** Counts a posted message; `ok` false when postMessage threw. */
  record(message: { type: string; payload?: unknown }, ok: boolean): void {
    if (!ok) {
      this.failed++;
      return;
    }
    const counts = (this.byType[message.type] ??= { messages: 0, listRows: 0, fullRecords: 0, markers: 0, bytes: 0 });
    counts.messages++;
    const payload = message.payload as { records?: unknown; packed?: unknown } | undefined;
    // Packed rows (packed-records.ts) are list rows and markers, counted from the pack's header.
    if (isPackedRecords(payload?.packed)) {
      counts.markers += payload.packed.markers;
      counts.listRows += payload.packed.count - payload.packed.markers;
    }
    const records = payload?.records;
    if (Array.isArray(records)) {
      for (const r of records as CaptureRecord[]) {
        if (r.kind !== 'request') counts.markers++;
        else if (isListOnly(r)) counts.listRows++;
        else counts.fullRecords++;
      }
    }
    if (!this.countBytes) return;
    // Measured when the report is read (or once many wait), not here: serializing a large message
    // again would delay the next post, and the opening it measures.
    this.unmeasured.push({ counts, message });
    if (this.unmeasured.length > MAX_UNMEASURED) this.measure();
  }

  private measure(): void {
    for (const { counts, message } of this.unmeasured) counts.bytes += JSON.stringify(message).length;
    this.unmeasured = [];
  }

  report(): PortTrafficReport {
    this.measure();
    return { countingBytes: this.countBytes, byType: copyCounts(this.byType), failedPosts: this.failed };
  }

  reset(): void {
    this.unmeasured = [];
    this.byType = {};
    this.failed = 0;
  }
}

function copyCounts(byType: Record<string, PortTrafficCounts>): Record<string, PortTrafficCounts> {
  const out: Record<string, PortTrafficCounts> = {};
  for (const [type, counts] of Object.entries(byType)) out[type] = { ...counts };
  return out;
}
