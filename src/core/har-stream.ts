// Reads a HAR of any size in bounded memory: bytes go in chunk by chunk, and each log.entries item
// comes out converted as soon as its last byte has arrived. Only one entry (plus the small rest of
// the file: version, creator, pages) is held at a time.
//
// Why not a streaming JSON library: the tokenizers on npm parse character by character in
// JavaScript, 10-30 MB/s, and a HAR is mostly body strings. This splitter only finds where each
// entry starts and ends (strings, escapes and nesting; string contents are skipped with the native
// indexOf) and hands each entry's bytes to the native JSON.parse, so it keeps JSON.parse's speed.
// Syntax inside an entry is still checked by JSON.parse; syntax between entries by the final parse
// of the rest of the file.
import {
  convertHarEntry,
  harLogHeader,
  HarError,
  HAR_DEFAULT_MAX_BODY_CHARS,
  HAR_DEFAULT_MAX_ENTRIES,
  readHarLog,
  type ConvertedEntry,
  type HarParseResult,
} from './har';

export interface HarStreamOptions {
  /** As parseHar's. */
  maxBodyChars?: number;
  /** Entries past this count are scanned but not converted (reported in notes). */
  maxEntries?: number;
  /** The bytes of the file outside log.entries (version, creator, pages) may not exceed this. Default 64 MiB. */
  maxOutsideBytes?: number;
  /**
   * Each entry's bytes instead of its conversion (onEntry is not called): the caller parses them with
   * convertEntryBytes, elsewhere (the CLI's worker threads). The bytes may be a view of a pushed chunk.
   */
  onEntryBytes?: (bytes: Uint8Array, index: number) => void;
}

/** What the whole file said, once it has ended. */
export type HarStreamSummary = Omit<HarParseResult, 'exchanges' | 'problems'> & { entries: number };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

/** One entry's JSON text must fit in a string, whose limit is about 512 Mi code units in V8. */
const MAX_ENTRY_BYTES = 256 * 1024 * 1024;

const isSpace = (b: number): boolean => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/** Splits HAR bytes into converted entries. push() chunks, then end(); both throw HarError only. */
export class HarEntryStream {
  private readonly maxBodyChars: number;
  private readonly maxEntries: number;
  private readonly maxOutsideBytes: number;
  private readonly onEntryBytes: HarStreamOptions['onEntryBytes'];
  private readonly decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

  /** Bytes seen so far, for messages and progress. */
  bytesRead = 0;
  /** Items of log.entries seen so far (converted or not). */
  entryCount = 0;

  // Lexical state: carried across chunks.
  private inString = false;
  /** Backslashes just before the current position inside a string (parity decides an escape). */
  private backslashes = 0;
  /** The current string had an escaped quote: it is read byte by byte (scanString). */
  private denseString = false;
  /** Open containers, innermost last: true for an object. */
  private readonly containers: boolean[] = [];
  /** In an object: whether the next string is a key. */
  private expectKey = false;

  // Where we are in the HAR's own structure.
  private started = false;
  private ended = false;
  private wrapper: 'jsonp' | null = null;
  private callback = '';
  /** Leading bytes kept while deciding on a BOM and a JSONP head. */
  private head: Uint8Array = new Uint8Array(0);
  private keyStart = -1;
  private keyBytes: Uint8Array[] = [];
  private lastKey: string | null = null;
  /** Path of keys to the current container at depths 1 and 2 ("log", then "entries"). */
  private readonly keyAt: Array<string | null> = [];
  /** Depth of the entries array's items (containers.length inside it), or -1 outside it. */
  private entriesDepth = -1;

  // The item of log.entries being collected.
  private itemStart = -1;
  private itemParts: Uint8Array[] = [];
  private itemBytes = 0;
  private itemIsScalar = false;

  // Everything outside log.entries, parsed at the end.
  private outside: Uint8Array[] = [];
  private outsideBytes = 0;
  private outsideStart = 0;

  constructor(
    private readonly onEntry: (converted: ConvertedEntry, index: number) => void,
    options: HarStreamOptions = {},
  ) {
    this.maxBodyChars = options.maxBodyChars ?? HAR_DEFAULT_MAX_BODY_CHARS;
    this.maxEntries = options.maxEntries ?? HAR_DEFAULT_MAX_ENTRIES;
    this.maxOutsideBytes = options.maxOutsideBytes ?? 64 * 1024 * 1024;
    this.onEntryBytes = options.onEntryBytes;
  }

  push(chunk: Uint8Array): void {
    if (this.ended) throw new HarError('internal: push after end');
    let bytes = chunk;
    if (!this.started) {
      const rest = this.skipPrefix(bytes);
      if (rest === null) {
        this.bytesRead += chunk.length;
        return;
      }
      bytes = rest;
      // From here bytesRead is the file position of bytes[0] (after a BOM or JSONP head, or a held head).
      this.bytesRead += chunk.length - bytes.length;
    }
    this.scan(bytes);
    this.bytesRead += bytes.length;
  }

  end(): HarStreamSummary {
    this.ended = true;
    if (!this.started) {
      if (this.head.length === 0 || /^\s*$/.test(new TextDecoder().decode(this.head).replace(/^\ufeff/, ''))) {
        throw new HarError('not JSON: the file is empty');
      }
      throw new HarError(
        `not JSON: the file holds only ${JSON.stringify(new TextDecoder().decode(this.head.subarray(0, 40)).trim())}`,
      );
    }
    if (this.inString || this.containers.length > 0) {
      throw new HarError(
        `not JSON: the file ends inside ${this.inString ? 'a string' : 'an object or array'} after ${this.bytesRead} bytes (truncated?)`,
      );
    }
    const outsideText = this.decoder.decode(concat(this.outside, this.outsideBytes));
    const body = this.wrapper ? stripJsonpTail(outsideText) : outsideText;
    if (body === null) throw new HarError(`not JSON: the ${this.callback}(...) wrapper is not closed`);
    let root: unknown;
    try {
      root = JSON.parse(body);
    } catch (err) {
      throw new HarError(`not JSON outside log.entries: ${err instanceof Error ? err.message : String(err)}`);
    }
    const { log } = readHarLog(root);
    const notes: string[] = [];
    if (this.wrapper) notes.push(`unwrapped JSONP/HARP callback ${this.callback}(...)`);
    if (this.entryCount > this.maxEntries)
      notes.push(`log has ${this.entryCount} entries; only the first ${this.maxEntries} were read`);
    return { notes, wrapper: this.wrapper, entries: this.entryCount, ...harLogHeader(log) };
  }

  /** Consumes a BOM and a JSONP head; returns the bytes from the root value on, or null while undecided. */
  private skipPrefix(chunk: Uint8Array): Uint8Array | null {
    const head = concat([this.head, chunk], this.head.length + chunk.length);
    if (head.length < 3 && [0xef, 0xbb, 0xbf].slice(0, head.length).every((b, k) => head[k] === b)) {
      this.head = head; // a BOM still arriving
      return null;
    }
    let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
    while (i < head.length && isSpace(head[i])) i++;
    if (i === head.length) {
      this.head = new Uint8Array(0); // only white space so far
      return null;
    }
    const b = head[i];
    if (b === OPEN_OBJECT || b === OPEN_ARRAY) {
      this.started = true;
      return head.subarray(i);
    }
    const text = new TextDecoder().decode(head.subarray(i, i + 300));
    const call = /^([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*\(/.exec(text);
    if (call) {
      this.started = true;
      this.wrapper = 'jsonp';
      this.callback = call[1]!;
      return head.subarray(i + call[0].length);
    }
    if (/^[A-Za-z_$][\w$.]*\s*$/.test(text) && head.length - i < 300) {
      this.head = head; // a callback name still arriving
      return null;
    }
    throw new HarError(`not JSON: unexpected ${JSON.stringify(text.slice(0, 20))} at the start of the file`);
  }

  private scan(bytes: Uint8Array): void {
    const n = bytes.length;
    this.outsideStart = this.entriesDepth < 0 ? 0 : -1;
    if (this.itemStart >= 0 || this.itemParts.length > 0) this.itemStart = 0;
    if (this.keyStart >= 0) this.keyStart = 0;
    let i = 0;
    while (i < n) {
      if (this.inString) {
        i = this.scanString(bytes, i);
        continue;
      }
      const b = bytes[i];
      if (isSpace(b)) {
        i++;
        continue;
      }
      const depth = this.containers.length;
      if (
        this.entriesDepth >= 0 &&
        depth === this.entriesDepth &&
        this.itemStart < 0 &&
        b !== COMMA &&
        b !== CLOSE_ARRAY
      ) {
        this.itemStart = i;
        this.itemIsScalar = b !== OPEN_OBJECT && b !== OPEN_ARRAY;
      }
      if (
        this.itemIsScalar &&
        this.itemStart >= 0 &&
        depth === this.entriesDepth &&
        (b === COMMA || b === CLOSE_ARRAY)
      ) {
        this.finishItem(bytes, i);
      }
      switch (b) {
        case QUOTE:
          this.inString = true;
          this.backslashes = 0;
          this.denseString = false;
          if (this.expectKey && this.containers[depth - 1] && depth <= 2) {
            this.keyStart = i + 1;
            this.keyBytes = [];
          }
          i++;
          break;
        case OPEN_OBJECT:
        case OPEN_ARRAY:
          if (depth <= 2) this.keyAt[depth] = this.lastKey;
          this.containers.push(b === OPEN_OBJECT);
          this.expectKey = b === OPEN_OBJECT;
          if (
            b === OPEN_ARRAY &&
            depth === 2 &&
            this.lastKey === 'entries' &&
            this.keyAt[1] === 'log' &&
            this.keyAt[0] === null &&
            this.entriesDepth < 0
          ) {
            // From here until the matching ']', bytes belong to entries, not to the outside.
            this.flushOutside(bytes, i + 1);
            this.entriesDepth = depth + 1;
          }
          this.lastKey = null;
          i++;
          break;
        case CLOSE_OBJECT:
        case CLOSE_ARRAY: {
          if (depth === 0)
            throw new HarError(`not JSON: unexpected '${String.fromCharCode(b)}' at byte ${this.bytesRead + i}`);
          this.containers.pop();
          this.expectKey = false;
          if (this.entriesDepth >= 0 && depth === this.entriesDepth + 1 && this.itemStart >= 0 && !this.itemIsScalar) {
            this.finishItem(bytes, i + 1);
          } else if (b === CLOSE_ARRAY && depth === this.entriesDepth) {
            this.entriesDepth = -1;
            this.outsideStart = i;
          }
          i++;
          break;
        }
        case COMMA:
          this.expectKey = this.containers[depth - 1] === true;
          i++;
          break;
        case COLON:
          this.expectKey = false;
          i++;
          break;
        default:
          if (depth === 0 && !(this.wrapper && (b === 0x29 || b === 0x3b)))
            throw new HarError(`not JSON: unexpected data after the HAR at byte ${this.bytesRead + i}`);
          i++;
      }
    }
    if (this.itemStart >= 0) {
      this.itemParts.push(bytes.slice(this.itemStart));
      this.itemBytes += n - this.itemStart;
      if (this.itemBytes > MAX_ENTRY_BYTES)
        throw new HarError(`log.entries[${this.entryCount}] is larger than ${MAX_ENTRY_BYTES / (1024 * 1024)} MiB`);
    }
    if (this.keyStart >= 0) this.keyBytes.push(bytes.slice(this.keyStart));
    if (this.outsideStart >= 0) this.flushOutside(bytes, n);
  }

  /**
   * Inside a string from `i`: returns the index after its closing quote, or n when it goes on.
   * The native indexOf finds the next quote; the backslashes just before it say whether it is escaped.
   * A string with an escaped quote (JSON inside JSON: a quote every few bytes) is read on byte by byte,
   * as one indexOf call per quote costs more than the loop.
   */
  private scanString(bytes: Uint8Array, i: number): number {
    const n = bytes.length;
    if (this.denseString && this.backslashes === 1) {
      // The chunk before ended in the middle of an escape: its second byte is this one.
      this.backslashes = 0;
      i++;
    }
    if (!this.denseString) {
      const q = bytes.indexOf(QUOTE, i);
      if (q < 0) {
        this.backslashes = trailingBackslashes(bytes, i, n, this.backslashes);
        return n;
      }
      const run = trailingBackslashes(bytes, i, q, this.backslashes);
      this.backslashes = 0;
      if (run % 2 === 0) return this.endString(bytes, q);
      this.denseString = true;
      i = q + 1;
    }
    while (i < n) {
      const b = bytes[i];
      if (b === QUOTE) return this.endString(bytes, i);
      i += b === BACKSLASH ? 2 : 1;
    }
    // Past the end: the chunk's last byte began an escape.
    this.backslashes = i > n ? 1 : 0;
    return n;
  }

  /** The string's closing quote is at `q`: returns the index after it. */
  private endString(bytes: Uint8Array, q: number): number {
    this.inString = false;
    this.denseString = false;
    this.backslashes = 0;
    if (this.keyStart >= 0) {
      this.keyBytes.push(bytes.slice(this.keyStart, q));
      this.lastKey = this.decoder.decode(concat(this.keyBytes, -1));
      this.keyStart = -1;
      this.keyBytes = [];
    }
    return q + 1;
  }

  private finishItem(bytes: Uint8Array, endExclusive: number): void {
    this.itemParts.push(bytes.subarray(this.itemStart, endExclusive));
    const index = this.entryCount++;
    const parts = this.itemParts;
    this.itemParts = [];
    this.itemBytes = 0;
    this.itemStart = -1;
    this.itemIsScalar = false;
    if (index >= this.maxEntries) return;
    const entry = concat(parts, -1);
    if (this.onEntryBytes) this.onEntryBytes(entry, index);
    else this.onEntry(convertEntryBytes(entry, index, this.maxBodyChars, this.decoder), index);
  }

  private flushOutside(bytes: Uint8Array, endExclusive: number): void {
    if (this.outsideStart < 0) return;
    const part = bytes.slice(this.outsideStart, endExclusive);
    this.outsideStart = -1;
    this.outsideBytes += part.length;
    if (this.outsideBytes > this.maxOutsideBytes) {
      throw new HarError(
        `the HAR outside log.entries is larger than ${Math.round(this.maxOutsideBytes / (1024 * 1024))} MiB`,
      );
    }
    this.outside.push(part);
  }
}

/** One entry's bytes, parsed and converted; throws HarError when they are not JSON. */
export function convertEntryBytes(
  bytes: Uint8Array,
  index: number,
  maxBodyChars: number = HAR_DEFAULT_MAX_BODY_CHARS,
  decoder: TextDecoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }),
): ConvertedEntry {
  const text = decoder.decode(bytes);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new HarError(`not JSON in log.entries[${index}]: ${err instanceof Error ? err.message : String(err)}`);
  }
  return convertHarEntry(raw, index, maxBodyChars);
}

/** Backslashes ending at `end` (exclusive), not before `start`; `carried` continues a run from the last chunk. */
function trailingBackslashes(bytes: Uint8Array, start: number, end: number, carried: number): number {
  let k = end - 1;
  while (k >= start && bytes[k] === BACKSLASH) k--;
  const run = end - 1 - k;
  return k < start ? run + carried : run;
}

function concat(parts: Uint8Array[], knownLength: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const length = knownLength >= 0 ? knownLength : parts.reduce((s, p) => s + p.length, 0);
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The text without a closing `)` (and `;`) of a JSONP wrapper, or null when there is none. */
function stripJsonpTail(text: string): string | null {
  const tail = /\)\s*;?\s*$/.exec(text);
  return tail ? text.slice(0, tail.index) : null;
}
