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
  const reader = readPack(packed);
  const out = new Array<T>(reader.count);
  for (let i = 0; i < reader.count; i++) out[i] = reader.record(i) as T;
  return out;
}

// A read pack's tokens, resolved: what each depends on in the stream (the next new string, the last
// integer under its key, the next raw number, a reference counted back) is worked out in one pass,
// so any record, or one value of it, can then be read on its own.
const R_CONST = 0; // value: 0 null, 1 false, 2 true
const R_INT = 1; // value: the number (a 32-bit integer)
const R_STRING = 2; // value: index in strings
const R_REF = 3; // value: the first token of the part referred to (an object or array met before)
const R_FLOAT = 4; // value: index in floats (any other number)
const R_ARRAY = 5; // value: length; the items follow
const R_OBJECT = 6; // value: shape; one value per key follows

/** The scalars `PackReader.scalars` reads of each record: a key of the record, or a key of an object under one. */
export class FieldPlan {
  /** The keys of the record whose objects the plan reads into. */
  readonly inner: string[];
  constructor(readonly paths: ReadonlyArray<readonly [string] | readonly [string, string]>) {
    this.inner = [...new Set(paths.filter((p) => p.length === 2).map((p) => p[0]))];
  }
}

/** A scalar of a record: what `PackReader.scalar` gives (undefined: no such key, or not a scalar). */
export type PackScalar = string | number | boolean | null | undefined;

/**
 * A pack whose tokens have been read once (`readPack`), holding no record objects: a record is made
 * when asked for (`record`), and a list can read a record's scalars without making it (`scalar`).
 * The parts that repeat (the same object or array met again) are made once, frozen and shared, as
 * `unpackRecords` gives them.
 */
export class PackReader {
  /** The parts met again made so far (once each, frozen), by their first token. */
  private readonly madeShared = new Map<number, unknown>();
  /** Per shape: its keys as property names, made on first use (see propertyName). */
  private readonly shapeNames: Array<string[] | undefined> = [];
  /** Index in the string table by key name, for `scalar`; -1: not in this pack. */
  private readonly keyIndex = new Map<string, number>();
  private readonly codesByPlan = new Map<FieldPlan, Int32Array[]>();

  constructor(
    readonly count: number,
    private readonly kinds: Uint8Array,
    private readonly values: Int32Array,
    /** Per container token: the token after its last item. */
    private readonly ends: Int32Array,
    /** Per container token: 1 when a later token refers to it (it is shared, see sharedPart). */
    private readonly shared: Uint8Array,
    private readonly recordAt: Int32Array,
    private readonly floats: readonly number[],
    private readonly strings: readonly string[],
    private readonly shapes: readonly number[][],
  ) {}

  /** Record i, made now (each call makes a new one; the parts that repeat are the shared ones). */
  record(i: number): unknown {
    return this.value(this.recordAt[i]);
  }

  /**
   * A scalar under `key` (or `key`.`inner`) of record i, without making the record: undefined when
   * there is no such key, a value is not an object, or the value found is an object or array.
   */
  scalar(i: number, key: string, inner?: string): PackScalar {
    let at = this.find(this.recordAt[i], key);
    if (at >= 0 && inner !== undefined) at = this.find(at, inner);
    return at < 0 ? undefined : this.scalarAt(at);
  }

  /** An object or array under `key` of record i, made now (a shared one is the shared object); undefined when none. */
  part(i: number, key: string): unknown {
    const at = this.find(this.recordAt[i], key);
    return at < 0 ? undefined : this.value(at);
  }

  /** The token of the value under `key` in the object at token `at` (a reference followed), or -1. */
  private find(at: number, key: string): number {
    if (this.kinds[at] === R_REF) at = this.values[at];
    if (this.kinds[at] !== R_OBJECT) return -1;
    let name = this.keyIndex.get(key);
    if (name === undefined) this.keyIndex.set(key, (name = this.strings.indexOf(key)));
    const slot = name < 0 ? -1 : this.shapes[this.values[at]].indexOf(name);
    if (slot < 0) return -1;
    let item = at + 1;
    for (let k = 0; k < slot; k++) item = this.kinds[item] >= R_ARRAY ? this.ends[item] : item + 1;
    return this.kinds[item] === R_REF ? this.values[item] : item;
  }

  /**
   * The scalars of record i that `plan` names, into `out` (by the plan's order; undefined where there
   * is none), in one walk over the record and its inner objects: what a list reads of every record
   * as it arrives, without a lookup per field.
   */
  scalars(i: number, plan: FieldPlan, out: PackScalar[]): void {
    out.length = plan.paths.length;
    out.fill(undefined);
    const codes = this.planCodes(plan);
    this.scalarsOf(this.recordAt[i], codes[0], codes, out);
  }

  /** Per string index of a key: 0 not read, f + 1 the plan's field f, -(g + 1) inner object g (codes[g + 1]). */
  private planCodes(plan: FieldPlan): Int32Array[] {
    let codes = this.codesByPlan.get(plan);
    if (codes !== undefined) return codes;
    const top = new Int32Array(this.strings.length);
    const inner = plan.inner.map(() => new Int32Array(this.strings.length));
    const indexOf = (key: string): number => {
      let name = this.keyIndex.get(key);
      if (name === undefined) this.keyIndex.set(key, (name = this.strings.indexOf(key)));
      return name;
    };
    plan.paths.forEach(([key, sub], f) => {
      const name = indexOf(key);
      if (name < 0) return;
      if (sub === undefined) top[name] = f + 1;
      else {
        const g = plan.inner.indexOf(key);
        top[name] = -(g + 1);
        const subName = indexOf(sub);
        if (subName >= 0) inner[g][subName] = f + 1;
      }
    });
    codes = [top, ...inner];
    this.codesByPlan.set(plan, codes);
    return codes;
  }

  private scalarsOf(at: number, table: Int32Array, codes: Int32Array[], out: PackScalar[]): void {
    if (this.kinds[at] === R_REF) at = this.values[at];
    if (this.kinds[at] !== R_OBJECT) return;
    const keys = this.shapes[this.values[at]];
    let item = at + 1;
    for (let k = 0; k < keys.length; k++) {
      const code = table[keys[k]];
      if (code > 0) out[code - 1] = this.scalarAt(item);
      else if (code < 0) this.scalarsOf(item, codes[-code], codes, out);
      item = this.kinds[item] >= R_ARRAY ? this.ends[item] : item + 1;
    }
  }

  private scalarAt(at: number): PackScalar {
    const kind = this.kinds[at];
    const value = this.values[at];
    if (kind === R_STRING) return this.strings[value];
    if (kind === R_INT) return value;
    if (kind === R_FLOAT) return this.floats[value];
    if (kind === R_CONST) return value === 0 ? null : value === 2;
    return undefined;
  }

  private value(at: number): unknown {
    const kind = this.kinds[at];
    const value = this.values[at];
    switch (kind) {
      case R_CONST:
        return value === 0 ? null : value === 2;
      case R_INT:
        return value;
      case R_FLOAT:
        return this.floats[value];
      case R_STRING:
        return this.strings[value];
      case R_REF:
        return this.sharedPart(value);
    }
    return this.shared[at] === 1 ? this.sharedPart(at) : this.container(at);
  }

  /** The part at token `at` that is met again: made once, frozen, and the same object wherever it is read. */
  private sharedPart(at: number): unknown {
    let made = this.madeShared.get(at);
    if (made === undefined) {
      made = this.container(at);
      deepFreeze(made);
      this.madeShared.set(at, made);
    }
    return made;
  }

  private container(at: number): unknown {
    const length = this.values[at];
    let item = at + 1;
    if (this.kinds[at] === R_ARRAY) {
      const items = new Array<unknown>(length);
      for (let i = 0; i < length; i++) {
        items[i] = this.value(item);
        item = this.kinds[item] >= R_ARRAY ? this.ends[item] : item + 1;
      }
      return items;
    }
    const names = (this.shapeNames[length] ??= this.shapes[length].map((k) => propertyName(this.strings[k])));
    const object: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) {
      object[names[i]] = this.value(item);
      item = this.kinds[item] >= R_ARRAY ? this.ends[item] : item + 1;
    }
    return object;
  }
}

/** Reads a pack's tokens once (see PackReader); throws on a damaged pack, as unpackRecords does. */
export function readPack(packed: PackedRecords): PackReader {
  const parts = inflateParts(packed);
  const { shapes, numbers } = parts;
  const strings = decodeStrings(parts.text, parts.heads);
  const tokens = new DigitReader(parts.tokens, 'the tokens');
  // Every token ends with one last digit: that many tokens (more are refused as damaged below).
  let room = 0;
  for (let i = 0; i < parts.tokens.length; i++) {
    const c = parts.tokens.charCodeAt(i);
    if (c >= LAST_DIGIT && c < LAST_DIGIT + 32) room++;
  }
  const kinds = new Uint8Array(room);
  const values = new Int32Array(room);
  const ends = new Int32Array(room);
  const shared = new Uint8Array(room);
  const recordAt = new Int32Array(packed.count);
  const floats: number[] = [];
  /** Per part id (objects and arrays in the order they end; records take none): its first token. */
  const partAt: number[] = [];
  /** The last integer under each key, at key + 1 (NO_KEY is -1); NaN: none yet. */
  const lastInt: number[] = new Array<number>(strings.length + 1).fill(NaN);
  /** Strings met so far (as values or as keys of a shape used): the next new string follows them. */
  let stringsMet = 0;
  const shapesMet: boolean[] = [];
  let numberAt = 0;
  let n = 0;

  const damaged = (what: string): never => {
    throw new Error(`damaged record pack: ${what} at token ${tokens.at}`);
  };
  const number = (at: number, value: number): void => {
    if ((value | 0) === value) {
      kinds[at] = R_INT;
      values[at] = value;
    } else {
      kinds[at] = R_FLOAT;
      values[at] = floats.push(value) - 1;
    }
  };
  const int = (at: number, value: number, key: number): void => {
    if (value >= MIN_DELTA_INT) lastInt[key + 1] = value;
    number(at, value);
  };

  const walk = (key: number): void => {
    if (tokens.done) damaged('ran out of tokens');
    const at = n++;
    const token = tokens.next();
    if (at >= room) damaged('a token that does not end');
    const kind = token % KINDS;
    const payload = (token - kind) / KINDS;
    switch (kind) {
      case K_CONST:
        if (payload <= 2) {
          kinds[at] = R_CONST;
          values[at] = payload;
        } else if (payload === 3 && numberAt < numbers.length) number(at, numbers[numberAt++]);
        else damaged('an unknown constant');
        return;
      case K_STRING:
        if (payload >= strings.length) damaged('an unknown string');
        if (payload >= stringsMet) stringsMet = payload + 1;
        kinds[at] = R_STRING;
        values[at] = payload;
        return;
      case K_NEW_STRING:
        if (stringsMet >= strings.length) damaged('an unknown string');
        kinds[at] = R_STRING;
        values[at] = stringsMet++;
        return;
      case K_INT:
        return int(at, payload, key);
      case K_DELTA_INT: {
        const last = lastInt[key + 1];
        if (Number.isNaN(last)) damaged('a difference with nothing before');
        return int(at, last + unzigzag(payload), key);
      }
      case K_REF: {
        const id = partAt.length - payload;
        if (payload < 1 || id < 0) damaged('a reference to no earlier part');
        kinds[at] = R_REF;
        values[at] = partAt[id];
        shared[partAt[id]] = 1;
        return;
      }
      case K_ARRAY:
        kinds[at] = R_ARRAY;
        values[at] = payload;
        for (let i = 0; i < payload; i++) walk(NO_KEY);
        break;
      case K_OBJECT: {
        const keys = shapes[payload] ?? damaged('an unknown shape');
        if (!shapesMet[payload]) {
          shapesMet[payload] = true;
          for (const k of keys) {
            if (strings[k] === undefined) damaged('an unknown key');
            if (k >= stringsMet) stringsMet = k + 1;
          }
        }
        kinds[at] = R_OBJECT;
        values[at] = payload;
        for (const k of keys) walk(k);
        break;
      }
      default:
        return damaged('an unknown token');
    }
    ends[at] = n;
    partAt.push(at);
  };

  for (let i = 0; i < packed.count; i++) {
    const at = n;
    recordAt[i] = at;
    walk(NO_KEY);
    // The records themselves took no id when packed (they are never repeated): the last one given.
    if (partAt.length > 0 && partAt[partAt.length - 1] === at) partAt.pop();
  }
  if (!tokens.done) damaged('tokens left over');
  if (numberAt !== numbers.length) damaged('numbers left over');
  return new PackReader(packed.count, kinds, values, ends, shared, recordAt, floats, strings, shapes);
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
