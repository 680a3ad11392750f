// Byte-level helpers for the binary RPC protocols: the raw body as bytes (however it was captured),
// base64 that tolerates concatenated padded chunks, gRPC's percent-encoding, and length-prefixed
// envelopes (5-byte prefix: 1 flag byte, 4-byte big-endian length). All bounded, none throws.
import { MAX_PARSE_BYTES } from '../body';
import type { Exchange } from '../types';

const B64 = new Int16Array(128).fill(-1);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.split('').forEach((ch, i) => {
  B64[ch.charCodeAt(0)] = i;
});
B64[45] = 62; // '-' base64url
B64[95] = 63; // '_' base64url

/** Arrays up to this size are cut from a shared block; larger ones get their own buffer. */
const SMALL_ARRAY = 2 * 1024;
const BLOCK_SIZE = 16 * 1024;
let block = new ArrayBuffer(BLOCK_SIZE);
let blockUsed = 0;

/**
 * A zero-filled byte array of length `n`. Small ones are views on a shared block that is never
 * reused (a full block is left to the views that hold it and a fresh one started): a view is a
 * plain object, while every `new Uint8Array(n)` above 64 bytes allocates a buffer of its own
 * outside the heap, which costs more than the decoding it is for.
 */
function byteArray(n: number): Uint8Array {
  if (n > SMALL_ARRAY) return new Uint8Array(n);
  if (blockUsed + n > BLOCK_SIZE) {
    block = new ArrayBuffer(BLOCK_SIZE);
    blockUsed = 0;
  }
  const out = new Uint8Array(block, blockUsed, n);
  blockUsed += n;
  return out;
}

/**
 * Decodes base64 that may be several padded chunks in a row (grpc-web-text servers encode each
 * message separately: `AAAA…==gAAA…`). Whitespace is skipped; undefined on any other character.
 * Output is capped at `maxBytes`; `cut` says so.
 */
export function decodeBase64Chunks(
  input: string,
  maxBytes = MAX_PARSE_BYTES,
): { bytes: Uint8Array; cut: boolean } | undefined {
  const n = input.length;
  const out = byteArray(Math.min(Math.ceil((n * 3) / 4), maxBytes));
  let len = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < n; i++) {
    const c = input.charCodeAt(i);
    if (c === 61) {
      // '=' ends a chunk: drop the leftover bits and start the next chunk afresh.
      acc = 0;
      bits = 0;
      continue;
    }
    if (c === 32 || c === 10 || c === 13 || c === 9) continue;
    const v = c < 128 ? B64[c] : -1;
    if (v < 0) return undefined;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      if (len >= out.length) return { bytes: out.subarray(0, len), cut: true };
      out[len++] = (acc >> bits) & 0xff;
    }
  }
  return { bytes: out.subarray(0, len), cut: false };
}

/** Text whose characters are bytes (0–255): how a binary body reads when it was not base64-encoded. */
function latin1Bytes(text: string, maxBytes: number): { bytes: Uint8Array; lossy: boolean; cut: boolean } {
  const n = Math.min(text.length, maxBytes);
  const out = byteArray(n);
  let lossy = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c > 0xff) lossy = true;
    out[i] = c & 0xff;
  }
  return { bytes: out, lossy, cut: text.length > maxBytes };
}

export interface BodyBytes {
  bytes: Uint8Array;
  /** Characters above U+00FF were seen: the capture decoded the bytes as text and some are lost. */
  lossy: boolean;
  cut: boolean;
}

/** The response body as bytes: decoded from base64 when the capture says so, else one byte per character. */
export function bodyBytes(exchange: Exchange, maxBytes = MAX_PARSE_BYTES): BodyBytes | undefined {
  const body = exchange.body;
  if (typeof body !== 'string' || body.length === 0) return undefined;
  if (exchange.bodyEncoding === 'base64') {
    const decoded = decodeBase64Chunks(body, maxBytes);
    if (decoded) return { bytes: decoded.bytes, lossy: false, cut: decoded.cut };
  }
  return latin1Bytes(body, maxBytes);
}

/** Bytes as text, one character per byte (for ASCII such as grpc-web-text's base64 or trailer blocks). */
export function asciiOf(bytes: Uint8Array, max = bytes.length): string {
  let s = '';
  const n = Math.min(bytes.length, max);
  // `apply` takes the typed array as it is; a spread would walk it through the iterator protocol.
  for (let i = 0; i < n; i += 8192)
    s += String.fromCharCode.apply(null, bytes.subarray(i, Math.min(n, i + 8192)) as unknown as number[]);
  return s;
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

export function utf8Of(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

const HEX = /^[0-9A-Fa-f]{2}$/;

/**
 * gRPC's percent-encoding of grpc-message: `%XX` bytes of UTF-8. A `%` not followed by two hex
 * digits stays as it is (the spec asks receivers to keep malformed input rather than fail).
 */
export function percentDecode(value: string, maxChars = 4000): string {
  const s = value.length > maxChars * 3 ? value.slice(0, maxChars * 3) : value;
  if (s.indexOf('%') === -1) return s;
  const bytes: number[] = [];
  const out: string[] = [];
  const flush = (): void => {
    if (bytes.length) {
      out.push(utf8.decode(new Uint8Array(bytes)));
      bytes.length = 0;
    }
  };
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '%' && HEX.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      flush();
      out.push(ch);
    }
  }
  flush();
  return out.join('');
}

export interface Envelope {
  flags: number;
  /** Payload bytes; shorter than `length` when the body ended early. */
  payload: Uint8Array;
  length: number;
  truncated: boolean;
}

/** Most envelopes read from one body; the rest are counted. */
export const MAX_ENVELOPES = 10_000;

/**
 * Splits a body of length-prefixed envelopes (gRPC-web, Connect streaming). Stops at the first
 * truncated envelope. `skipped` counts envelopes beyond MAX_ENVELOPES.
 */
export function readEnvelopes(bytes: Uint8Array): { envelopes: Envelope[]; skipped: number; trailing: number } {
  const envelopes: Envelope[] = [];
  let skipped = 0;
  let pos = 0;
  const n = bytes.length;
  while (pos < n) {
    if (n - pos < 5) return { envelopes, skipped, trailing: n - pos };
    const flags = bytes[pos];
    const length = ((bytes[pos + 1] << 24) >>> 0) + (bytes[pos + 2] << 16) + (bytes[pos + 3] << 8) + bytes[pos + 4];
    const start = pos + 5;
    const end = start + length;
    const truncated = end > n;
    if (envelopes.length < MAX_ENVELOPES)
      envelopes.push({ flags, payload: bytes.subarray(start, Math.min(end, n)), length, truncated });
    else skipped++;
    if (truncated) break;
    pos = end;
  }
  return { envelopes, skipped, trailing: 0 };
}
