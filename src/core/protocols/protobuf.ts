// A small, bounded protobuf reader for google.rpc.Status (grpc-status-details-bin, Connect details):
// only the messages Faultline reports are decoded (RetryInfo, ErrorInfo, RequestInfo, LocalizedMessage).
// Unknown fields are skipped by wire type; malformed input ends the read, it never throws.
// Sources: https://github.com/googleapis/googleapis/blob/master/google/rpc/status.proto ,
// https://github.com/googleapis/googleapis/blob/master/google/rpc/error_details.proto ,
// https://protobuf.dev/programming-guides/encoding/
import { utf8Of } from './bytes';

/** Most fields read from one message, and most details read from one Status. */
const MAX_FIELDS = 256;
const MAX_DETAILS = 32;
/** Longest string kept from a field. */
const MAX_STRING_BYTES = 4096;

interface Field {
  number: number;
  wire: number;
  /** Varint and fixed values as numbers (precision beyond 2^53 is not needed here). */
  value?: number;
  bytes?: Uint8Array;
}

/** The fields of one message, in order; stops at the first malformed field. */
export function readFields(buf: Uint8Array): Field[] {
  const fields: Field[] = [];
  let pos = 0;
  const varint = (): number | undefined => {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      if (pos >= buf.length) return undefined;
      const b = buf[pos++];
      result += (b & 0x7f) * scale;
      scale *= 128;
      if ((b & 0x80) === 0) return result;
    }
    return undefined;
  };
  while (pos < buf.length && fields.length < MAX_FIELDS) {
    const key = varint();
    if (key === undefined) break;
    const number = Math.floor(key / 8);
    const wire = key % 8;
    if (number === 0) break;
    if (wire === 0) {
      const value = varint();
      if (value === undefined) break;
      fields.push({ number, wire, value });
    } else if (wire === 2) {
      const len = varint();
      if (len === undefined || pos + len > buf.length) break;
      fields.push({ number, wire, bytes: buf.subarray(pos, pos + len) });
      pos += len;
    } else if (wire === 1 || wire === 5) {
      const size = wire === 1 ? 8 : 4;
      if (pos + size > buf.length) break;
      pos += size;
      fields.push({ number, wire });
    } else {
      break; // groups (3, 4) and invalid wire types: not in these messages
    }
  }
  return fields;
}

function stringOf(f: Field | undefined): string | undefined {
  if (!f?.bytes) return undefined;
  const s = utf8Of(f.bytes.length > MAX_STRING_BYTES ? f.bytes.subarray(0, MAX_STRING_BYTES) : f.bytes);
  return s === '' ? undefined : s;
}

function field(fields: readonly Field[], number: number): Field | undefined {
  return fields.find((f) => f.number === number);
}

/** What Faultline takes from a google.rpc.Status and its details. */
export interface StatusDetails {
  code?: number;
  message?: string;
  /** RetryInfo.retry_delay in seconds. */
  retryDelaySeconds?: number;
  /** ErrorInfo.reason and domain. */
  reason?: string;
  domain?: string;
  /** RequestInfo.request_id. */
  requestId?: string;
  /** LocalizedMessage.message. */
  localizedMessage?: string;
  /** Type names of the details seen (without the type.googleapis.com/ prefix). */
  types: string[];
}

/** The short type name of an Any's type_url. */
function typeName(url: string): string {
  const slash = url.lastIndexOf('/');
  return slash === -1 ? url : url.slice(slash + 1);
}

/** Applies one detail message, given by its type name and payload, to `out`. */
export function applyDetail(type: string, value: Uint8Array, out: StatusDetails): void {
  const fields = readFields(value);
  switch (type) {
    case 'google.rpc.RetryInfo': {
      const delay = field(fields, 1);
      if (!delay?.bytes) return;
      const d = readFields(delay.bytes);
      const seconds = field(d, 1)?.value ?? 0;
      const nanos = field(d, 2)?.value ?? 0;
      const total = seconds + (nanos > 0 && nanos < 1e9 ? nanos / 1e9 : 0);
      if (Number.isFinite(total) && total >= 0) out.retryDelaySeconds = total;
      return;
    }
    case 'google.rpc.ErrorInfo':
      out.reason = stringOf(field(fields, 1)) ?? out.reason;
      out.domain = stringOf(field(fields, 2)) ?? out.domain;
      return;
    case 'google.rpc.RequestInfo':
      out.requestId = stringOf(field(fields, 1)) ?? out.requestId;
      return;
    case 'google.rpc.LocalizedMessage':
      out.localizedMessage = stringOf(field(fields, 2)) ?? out.localizedMessage;
      return;
  }
}

/** Decodes a serialized google.rpc.Status. Never throws; unknown details are listed by type only. */
export function decodeStatus(buf: Uint8Array): StatusDetails {
  const out: StatusDetails = { types: [] };
  let details = 0;
  for (const f of readFields(buf)) {
    if (f.number === 1 && f.wire === 0) out.code = f.value;
    else if (f.number === 2) out.message = stringOf(f) ?? out.message;
    else if (f.number === 3 && f.bytes && details++ < MAX_DETAILS) {
      const any = readFields(f.bytes);
      const url = stringOf(field(any, 1));
      const value = field(any, 2)?.bytes;
      if (!url) continue;
      const type = typeName(url);
      out.types.push(type);
      if (value) applyDetail(type, value, out);
    }
  }
  return out;
}
