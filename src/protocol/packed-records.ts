// Many list rows packed into one compact value for the port (issue 18). Opening a panel on 100,000
// stored failures posted 1.3 KB of JSON a row, and the port's serialization cost grows with every
// value it carries. Rows repeat most of what they hold (host, method, status, the classification's
// texts, its status object, its backoff schedule…), so the pack carries each distinct string once,
// each distinct object or array once (later copies refer back to it), and each object's keys once
// per shape; what is left is a flat stream of small numbers.
//
// On the wire (format 2) a pack is a few large strings, not arrays of millions of items: a port
// serializes a message as JSON in Chrome (a typed array becomes an object of indices there) and by
// structured clone in Firefox, and both cost by the item and the byte. The tokens are one string of
// base-32 digits; the string table is one string of the strings' new parts, each string written as
// a prefix of an earlier one (the last with the same digit-free stem, or the one before it) plus its
// own rest, so numbered ids and URLs carry their numbers only; an integer may be written as the
// difference from the last integer under the same key (times, sequence numbers). Those parts are
// then deflated (fflate) into one base64 string: what crosses the port is one string and a count.
//
// The round trip is exact for JSON values, with JSON's rules: a key whose value is undefined is
// left out, undefined in an array and non-finite numbers become null. Unpacked rows share the
// objects that repeated; those are frozen, so a change to one record cannot reach another.

import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';

/** The pack format: bumped when the token stream changes. */
export const PACK_FORMAT = 2;

export interface PackedRecords {
  format: number;
  /** Records packed, and how many of them are navigation markers (the traffic counter's figures). */
  count: number;
  markers: number;
  /** The pack's parts (`PackParts`) as JSON, deflated, in base64: what crosses the port. */
  body: string;
}

/** What a pack holds, before it is deflated into its body. */
interface PackParts {
  /** The string table: each string's own part, joined (see `heads`). */
  text: string;
  /** Per string, in digits (see `digits`): prefix length × 2 + (1 when the base is named), [base distance], own length. */
  heads: string;
  /** Object shapes: each the indices in the string table of its keys, in order. */
  shapes: number[][];
  /** One token per value (see the kinds below), in digits. */
  tokens: string;
  /** The numbers no token can hold (fractions, negatives, large), in order. */
  numbers: number[];
}

// A token is kind + KINDS × payload.
const KINDS = 8;
const K_CONST = 0; // payload: 0 null, 1 false, 2 true, 3 a raw number follows
const K_STRING = 1; // payload: index in strings
const K_REF = 2; // payload: id of an object or array already unpacked
const K_OBJECT = 3; // payload: shape; one value per key follows
const K_ARRAY = 4; // payload: length; the items follow
const K_INT = 5; // payload: a non-negative integer
const K_NEW_STRING = 6; // payload 0: the next string of the table not met before
const K_DELTA_INT = 7; // payload: zigzag of the difference from the last integer under the same key
const T_NULL = K_CONST;
const T_FALSE = K_CONST + KINDS;
const T_TRUE = K_CONST + 2 * KINDS;
const T_NUMBER = K_CONST + 3 * KINDS; // the value is the next of `numbers` (packing: the next token)
/** Integers up to this stay one token (payload × KINDS stays a safe integer). */
const MAX_INLINE_INT = 2 ** 49;
/** Integers from here may be written as a difference (smaller ones are short already). */
const MIN_DELTA_INT = 1024;
/** Key slot of values in arrays and of the records themselves. */
const NO_KEY = -1;

// Digits: 5 bits each, least significant first; a digit that ends its number comes from a second
// range. Both ranges avoid '"' and '\\' and control characters, so JSON copies them as they are.
const MORE_DIGIT = 0x30; // '0'..'O'
const LAST_DIGIT = 0x5d; // ']'..'|'

/** Appends `value` (a non-negative safe integer) in digits. */
function pushDigits(out: number[], value: number): void {
  while (value >= 32) {
    out.push(MORE_DIGIT + (value % 32));
    value = Math.floor(value / 32);
  }
  out.push(LAST_DIGIT + value);
}

function digitsToString(codes: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < codes.length; i += 8192) parts.push(String.fromCharCode(...codes.slice(i, i + 8192)));
  return parts.join('');
}

/** Reads digits from a string; `at` is where the next number starts. */
class DigitReader {
  at = 0;
  constructor(
    private readonly text: string,
    private readonly what: string,
  ) {}
  get done(): boolean {
    return this.at >= this.text.length;
  }
  next(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const c = this.text.charCodeAt(this.at++);
      if (c >= LAST_DIGIT && c < LAST_DIGIT + 32) return value + (c - LAST_DIGIT) * scale;
      if (!(c >= MORE_DIGIT && c < MORE_DIGIT + 32))
        throw new Error(
          `damaged record pack: ${Number.isNaN(c) ? 'ran out of' : 'a bad digit in'} ${this.what} at ${this.at - 1}`,
        );
      value += (c - MORE_DIGIT) * scale;
      scale *= 32;
    }
  }
}

const zigzag = (n: number): number => (n >= 0 ? 2 * n : -2 * n - 1);
const unzigzag = (z: number): number => (z % 2 === 0 ? z / 2 : -(z + 1) / 2);

/** Runs of digits: strings that differ only in their numbers share a stem. */
const NUMBERS = /[0-9]+/g;

/** The string table in one string: each string as a prefix of an earlier one and its own rest. */
function encodeStrings(strings: readonly string[]): { text: string; heads: string } {
  const parts: string[] = [];
  const heads: number[] = [];
  const lastByStem = new Map<string, number>();
  const common = (a: string, b: string): number => {
    const n = Math.min(a.length, b.length);
    let i = 0;
    while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
    return i;
  };
  for (let i = 0; i < strings.length; i++) {
    const s = strings[i];
    const stem = s.replace(NUMBERS, '0');
    const named = lastByStem.get(stem);
    lastByStem.set(stem, i);
    const fromPrevious = i > 0 ? common(strings[i - 1], s) : 0;
    const fromNamed = named !== undefined && named !== i - 1 ? common(strings[named], s) : 0;
    if (fromNamed > fromPrevious) {
      pushDigits(heads, fromNamed * 2 + 1);
      pushDigits(heads, i - named!);
      pushDigits(heads, s.length - fromNamed);
      parts.push(s.slice(fromNamed));
    } else {
      pushDigits(heads, fromPrevious * 2);
      pushDigits(heads, s.length - fromPrevious);
      parts.push(s.slice(fromPrevious));
    }
  }
  return { text: parts.join(''), heads: digitsToString(heads) };
}

function decodeStrings(text: string, heads: string): string[] {
  const out: string[] = [];
  const reader = new DigitReader(heads, 'the string table');
  let at = 0;
  while (!reader.done) {
    const head = reader.next();
    const prefix = Math.floor(head / 2);
    const base: string | undefined = head % 2 === 1 ? out[out.length - reader.next()] : out[out.length - 1];
    const own = reader.next();
    if (prefix > 0 && (base === undefined || base.length < prefix))
      throw new Error('damaged record pack: a string built on an unknown one');
    if (at + own > text.length) throw new Error('damaged record pack: the string table ran out');
    out.push((prefix > 0 && base !== undefined ? base.slice(0, prefix) : '') + text.slice(at, at + own));
    at += own;
  }
  if (at !== text.length) throw new Error('damaged record pack: string text left over');
  return out;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A trie of object shapes by key: property names hash once, so finding a shape builds no string. */
interface ShapeNode {
  shape: number;
  next: Map<string, ShapeNode> | null;
}

/** Packs records (or any JSON values) in order. */
export function packRecords(records: readonly unknown[]): PackedRecords {
  const strings: string[] = [];
  const stringIds = new Map<string, number>();
  const shapes: number[][] = [];
  const shapeRoot: ShapeNode = { shape: -1, next: null };
  /** Objects and arrays written in full, by a hash of their tokens; ranges to confirm a hit. */
  const subtreeByHash = new Map<number, number>();
  const rangeStart: number[] = [];
  const rangeEnd: number[] = [];
  let subtrees = 0;
  /** Strings met for the first time as values (not keys). */
  let newValueStrings = 0;
  /** Tokens as numbers while packing, a raw number after its marker (subtrees are compared and cut here). */
  const tokens: number[] = [];
  let markers = 0;

  const stringId = (s: string): number => {
    let id = stringIds.get(s);
    if (id === undefined) {
      id = strings.length;
      strings.push(s);
      stringIds.set(s, id);
    }
    return id;
  };

  const shapeOf = (keys: string[]): number => {
    let node = shapeRoot;
    for (const key of keys) {
      node.next ??= new Map();
      let child = node.next.get(key);
      if (!child) node.next.set(key, (child = { shape: -1, next: null }));
      node = child;
    }
    if (node.shape < 0) {
      node.shape = shapes.length;
      shapes.push(keys.map(stringId));
    }
    return node.shape;
  };

  const sameRange = (a: number, aEnd: number, b: number, bEnd: number): boolean => {
    if (aEnd - a !== bEnd - b) return false;
    for (; a < aEnd; a++, b++) if (tokens[a] !== tokens[b]) return false;
    return true;
  };

  /** Gives the subtree written from `start` its id, or replaces it with a reference when written before. */
  const finish = (start: number, unique: boolean): void => {
    const id = subtrees++;
    if (unique) return;
    const end = tokens.length;
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) {
      const t = tokens[i];
      hash = Math.imul(hash ^ (t | 0), 0x01000193);
      hash = Math.imul(hash ^ ((t / 0x100000000) | 0), 0x01000193);
    }
    const earlier = subtreeByHash.get(hash);
    if (earlier === undefined) {
      subtreeByHash.set(hash, id);
      rangeStart[id] = start;
      rangeEnd[id] = end;
      return;
    }
    // A hash shared by different contents: this copy is simply written in full.
    if (!sameRange(rangeStart[earlier], rangeEnd[earlier], start, end)) return;
    // Written before: the decoder never sees this copy, so it takes no id. What it contained was
    // references and plain values only (a part written in full would have made it differ).
    subtrees--;
    tokens.length = start;
    tokens.push(K_REF + KINDS * earlier);
  };

  const write = (value: unknown, depth: number): void => {
    switch (typeof value) {
      case 'string': {
        const known = strings.length;
        tokens.push(K_STRING + KINDS * stringId(value));
        if (strings.length !== known) newValueStrings++;
        return;
      }
      case 'number':
        if (!Number.isFinite(value)) tokens.push(T_NULL);
        else if (Number.isInteger(value) && value >= 0 && value < MAX_INLINE_INT) tokens.push(K_INT + KINDS * value);
        else tokens.push(T_NUMBER, value);
        return;
      case 'boolean':
        tokens.push(value ? T_TRUE : T_FALSE);
        return;
      case 'object':
        break;
      case 'undefined':
      case 'function':
      case 'symbol':
      case 'bigint':
        // JSON writes null for these in an array (objects skip them).
        tokens.push(T_NULL);
        return;
    }
    if (value === null) {
      tokens.push(T_NULL);
      return;
    }
    const start = tokens.length;
    const newBefore = newValueStrings;
    if (Array.isArray(value)) {
      tokens.push(K_ARRAY + KINDS * value.length);
      for (const item of value) write(item, depth + 1);
    } else {
      const record = value as Record<string, unknown>;
      let keys = Object.keys(record);
      for (const key of keys) {
        const v = record[key];
        if (v === undefined || typeof v === 'function' || typeof v === 'symbol') {
          keys = keys.filter(
            (k) => record[k] !== undefined && typeof record[k] !== 'function' && typeof record[k] !== 'symbol',
          );
          break;
        }
      }
      tokens.push(K_OBJECT + KINDS * shapeOf(keys));
      for (const key of keys) write(record[key], depth + 1);
    }
    // The records themselves are unique (their ids) and take no id: only what they contain may repeat.
    // A record's own parts that brought a new string (its URL, its error ID) cannot repeat an earlier
    // one either: they skip the hash.
    if (depth > 0) finish(start, depth === 1 && newValueStrings !== newBefore);
  };

  for (const record of records) {
    if ((record as { kind?: unknown } | null)?.kind === 'navigation') markers++;
    write(record, 0);
  }
  const parts: PackParts = { ...encodeStrings(strings), shapes, ...tokenDigits(tokens, shapes, records.length) };
  return { format: PACK_FORMAT, count: records.length, markers, body: deflateParts(parts) };
}

/**
 * The tokens in digits, read in the decoder's order and rewritten with what the decoder knows at each
 * point: a string met for the first time is "the next string", a reference counts back from the
 * parts read so far, and an integer under a key may be its difference from the last one there.
 */
function tokenDigits(
  tokens: readonly number[],
  shapes: readonly number[][],
  count: number,
): { tokens: string; numbers: number[] } {
  const digits: number[] = [];
  const numbers: number[] = [];
  const lastInt = new Map<number, number>();
  const shapesMet: boolean[] = [];
  let stringsMet = 0;
  let subtrees = 0;
  let at = 0;
  const walk = (key: number): void => {
    const token = tokens[at++];
    const kind = token % KINDS;
    const payload = (token - kind) / KINDS;
    switch (kind) {
      case K_STRING:
        if (payload === stringsMet) {
          stringsMet++;
          pushDigits(digits, K_NEW_STRING);
        } else {
          if (payload > stringsMet) stringsMet = payload + 1;
          pushDigits(digits, token);
        }
        return;
      case K_INT: {
        if (payload >= MIN_DELTA_INT) {
          const last = lastInt.get(key);
          lastInt.set(key, payload);
          const z = last === undefined ? payload : zigzag(payload - last);
          if (z < payload) return pushDigits(digits, K_DELTA_INT + KINDS * z);
        }
        return pushDigits(digits, token);
      }
      case K_REF:
        return pushDigits(digits, K_REF + KINDS * (subtrees - payload));
      case K_ARRAY:
        pushDigits(digits, token);
        for (let i = 0; i < payload; i++) walk(NO_KEY);
        subtrees++;
        return;
      case K_OBJECT: {
        pushDigits(digits, token);
        const keys = shapes[payload];
        if (!shapesMet[payload]) {
          shapesMet[payload] = true;
          for (const k of keys) if (k >= stringsMet) stringsMet = k + 1;
        }
        for (const k of keys) walk(k);
        subtrees++;
        return;
      }
      default:
        // A raw number follows its marker: it goes to `numbers`.
        if (token === T_NUMBER) numbers.push(tokens[at++]);
        return pushDigits(digits, token);
    }
  };
  for (let i = 0; i < count; i++) {
    const before = subtrees;
    const first = tokens[at] % KINDS;
    walk(NO_KEY);
    // A record takes no id (as in the decoder, which drops the one it pushed).
    if ((first === K_ARRAY || first === K_OBJECT) && subtrees > before) subtrees--;
  }
  return { tokens: digitsToString(digits), numbers };
}

/** True when `value` looks like a pack this code reads. */
export function isPackedRecords(value: unknown): value is PackedRecords {
  const p = value as Partial<PackedRecords> | null;
  return (
    typeof p === 'object' &&
    p !== null &&
    p.format === PACK_FORMAT &&
    typeof p.count === 'number' &&
    typeof p.body === 'string'
  );
}

/** Unpacks the records; throws on a damaged pack (the caller reports it, it loses nothing silently). */
export function unpackRecords<T = Json>(packed: PackedRecords): T[] {
  const parts = inflateParts(packed);
  const { shapes, numbers } = parts;
  const strings = decodeStrings(parts.text, parts.heads);
  const tokens = new DigitReader(parts.tokens, 'the tokens');
  const subtrees: unknown[] = [];
  /** The last integer under each key, at key + 1 (NO_KEY is -1); NaN: none yet. */
  const lastInt: number[] = new Array<number>(strings.length + 1).fill(NaN);
  /** Strings met so far (as values or as keys of a shape used): the next new string follows them. */
  let stringsMet = 0;
  /** Per shape met so far: its keys' names, as property names (see propertyName). */
  const shapeNames: string[][] = [];
  let numberAt = 0;

  const damaged = (what: string): never => {
    throw new Error(`damaged record pack: ${what} at token ${tokens.at}`);
  };

  const int = (value: number, key: number): number => {
    if (value >= MIN_DELTA_INT) lastInt[key + 1] = value;
    return value;
  };

  const read = (key: number): unknown => {
    if (tokens.done) damaged('ran out of tokens');
    const token = tokens.next();
    const kind = token % KINDS;
    const payload = (token - kind) / KINDS;
    switch (kind) {
      case K_CONST:
        if (payload === 0) return null;
        if (payload === 1) return false;
        if (payload === 2) return true;
        if (payload === 3 && numberAt < numbers.length) return numbers[numberAt++];
        return damaged('an unknown constant');
      case K_STRING:
        if (payload >= strings.length) damaged('an unknown string');
        if (payload >= stringsMet) stringsMet = payload + 1;
        return strings[payload];
      case K_NEW_STRING:
        return stringsMet < strings.length ? strings[stringsMet++] : damaged('an unknown string');
      case K_INT:
        return int(payload, key);
      case K_DELTA_INT: {
        const last = lastInt[key + 1];
        return Number.isNaN(last) ? damaged('a difference with nothing before') : int(last + unzigzag(payload), key);
      }
      case K_REF: {
        const id = subtrees.length - payload;
        if (payload < 1 || id < 0) damaged('a reference to no earlier part');
        const shared = subtrees[id];
        // Frozen when first referred to (deepFreeze freezes all it holds, so a frozen part is done).
        if (!Object.isFrozen(shared)) deepFreeze(shared);
        return shared;
      }
      case K_ARRAY: {
        const items = new Array<unknown>(payload);
        for (let i = 0; i < payload; i++) items[i] = read(NO_KEY);
        subtrees.push(items);
        return items;
      }
      case K_OBJECT: {
        const keys = shapes[payload] ?? damaged('an unknown shape');
        let names = shapeNames[payload];
        if (names === undefined) {
          for (const k of keys) if (k >= stringsMet) stringsMet = k + 1;
          names = shapeNames[payload] = keys.map((k) => propertyName(strings[k] ?? damaged('an unknown key')));
        }
        const object: Record<string, unknown> = {};
        for (let i = 0; i < keys.length; i++) object[names[i]] = read(keys[i]);
        subtrees.push(object);
        return object;
      }
      default:
        return damaged('an unknown token');
    }
  };

  const out = new Array<T>(packed.count);
  for (let i = 0; i < packed.count; i++) {
    const before = subtrees.length;
    const record = read(NO_KEY);
    // The records themselves took no id when packed (they are never repeated): the last one pushed.
    if (subtrees.length > before && subtrees[subtrees.length - 1] === record) subtrees.pop();
    out[i] = record as T;
  }
  if (!tokens.done) damaged('tokens left over');
  if (numberAt !== numbers.length) damaged('numbers left over');
  return out;
}

// The parts repeat what each record's tokens spell out (records of one kind look alike): deflate
// takes the body to about a quarter, and the port's cost follows its bytes. Level 1: packing stays
// cheap, and inflating costs the same at any level.
function deflateParts(parts: PackParts): string {
  const bytes = deflateSync(strToU8(JSON.stringify(parts)), { level: 1 });
  const chunks: string[] = [];
  for (let i = 0; i < bytes.length; i += 8192) chunks.push(String.fromCharCode(...bytes.subarray(i, i + 8192)));
  return btoa(chunks.join(''));
}

/** Base64's bytes: the runtime's own decoder where it has one (Chrome 140, Firefox 133), else atob's string copied. */
function base64Bytes(body: string): Uint8Array {
  const native = Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array };
  if (typeof native.fromBase64 === 'function') return native.fromBase64(body);
  const binary = atob(body);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Bodies inflated ahead by the runtime (inflateAhead), until their pack is unpacked. */
const inflatedAhead = new WeakMap<PackedRecords, string>();

/**
 * Inflates the pack's body with the runtime's own `DecompressionStream` (Chrome 103, Firefox 113),
 * ahead of `unpackRecords`, which then skips fflate's inflate and its UTF-8 decode: they were the
 * largest part of unpacking a 100k opening (docs/performance.md). Asynchronous, so the caller waits
 * for it before unpacking. Never rejects: where the runtime has no such stream, or the body cannot be
 * read, nothing is kept, and `unpackRecords` inflates it itself (and reports a damaged body).
 */
export async function inflateAhead(packed: PackedRecords): Promise<void> {
  if (typeof DecompressionStream !== 'function' || inflatedAhead.has(packed)) return;
  try {
    // fflate's deflateSync writes raw DEFLATE (no zlib header). The bytes go in as a stream of their
    // own, not a Blob's: a Blob's bytes go to the browser's blob store and are read back from there.
    const bytes = base64Bytes(packed.body) as Uint8Array<ArrayBuffer>;
    const inflated = new ReadableStream<Uint8Array<ArrayBuffer>>({
      start(controller) {
        controller.enqueue(bytes);
        controller.close();
      },
    }).pipeThrough(new DecompressionStream('deflate-raw'));
    inflatedAhead.set(packed, await new Response(inflated).text());
  } catch {
    // Left to unpackRecords, which reads the body again and says what is wrong with it.
  }
}

function inflateParts(packed: PackedRecords): PackParts {
  let parts: Partial<PackParts>;
  try {
    const ahead = inflatedAhead.get(packed);
    inflatedAhead.delete(packed);
    parts = JSON.parse(ahead ?? strFromU8(inflateSync(base64Bytes(packed.body)))) as Partial<PackParts>;
  } catch (error) {
    throw new Error(
      `damaged record pack: its body cannot be read (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (
    typeof parts.text !== 'string' ||
    typeof parts.heads !== 'string' ||
    !Array.isArray(parts.shapes) ||
    typeof parts.tokens !== 'string' ||
    !Array.isArray(parts.numbers)
  )
    throw new Error('damaged record pack: its body lacks a part');
  return parts as PackParts;
}

/**
 * The name as the runtime keeps a property's name (an internalized string): a string built from the
 * string table is not one, and storing a property under it looked the name up again for every object.
 */
function propertyName(name: string): string {
  const holder: Record<string, null> = {};
  holder[name] = null;
  for (const key in holder) return key;
  return name;
}

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
}
