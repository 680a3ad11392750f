// A batch of imported rows as one ArrayBuffer (issue 18): the worker posts it transferred, so the
// panel's MessageEvent holds no serialized copy of the rows for Blink's collector to finalize, and
// the panel decodes it when its intake reaches the batch. JSON, so the round trip has JSON's rules:
// a key whose value is undefined is left out.
import type { RequestRecord } from '../../protocol/messages';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export interface RowBatch {
  /** The rows as UTF-8 JSON; transferred, so the sender's copy is detached. */
  bytes: ArrayBuffer;
  count: number;
}

export function encodeRowBatch(records: readonly RequestRecord[]): RowBatch {
  const bytes = encoder.encode(JSON.stringify(records));
  // A fresh Uint8Array from encode() owns its whole buffer: transferring it copies nothing.
  return { bytes: bytes.buffer, count: records.length };
}

export function decodeRowBatch(batch: RowBatch): RequestRecord[] {
  return JSON.parse(decoder.decode(batch.bytes)) as RequestRecord[];
}
