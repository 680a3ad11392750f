// Many list rows packed into one compact value for the port (issue 18). Opening a panel on 100,000
// stored failures posted 1.3 KB of JSON a row, and the port's serialization cost grows with every
// value it carries. Rows repeat most of what they hold (host, method, status, the classification's
// texts, its status object, its backoff schedule…), so the pack carries each distinct string once,
// each distinct object or array once (later copies refer back to it), and each object's keys once
// per shape; what is left is a flat array of small numbers.
//
// The round trip is exact for JSON values, with JSON's rules: a key whose value is undefined is
// left out, undefined in an array and non-finite numbers become null. Unpacked rows share the
// objects that repeated; those are frozen, so a change to one record cannot reach another.

/** The pack format: bumped when the token stream changes. */
export const PACK_FORMAT = 1;

export interface PackedRecords {
  format: number;
  /** Records packed, and how many of them are navigation markers (the traffic counter's figures). */
  count: number;
  markers: number;
  strings: string[];
  /** Object shapes: each the indices in `strings` of its keys, in order. */
  shapes: number[][];
  /** One token per value (see the kinds below); a raw number follows its marker token. */
  tokens: number[];
}

// A token is kind + KINDS × payload.
const KINDS = 8;
const K_CONST = 0; // payload: 0 null, 1 false, 2 true, 3 a raw number follows
const K_STRING = 1; // payload: index in strings
const K_REF = 2; // payload: id of an object or array already unpacked
const K_OBJECT = 3; // payload: shape; one value per key follows
const K_ARRAY = 4; // payload: length; the items follow
const K_INT = 5; // payload: a non-negative integer
const T_NULL = K_CONST;
const T_FALSE = K_CONST + KINDS;
const T_TRUE = K_CONST + 2 * KINDS;
const T_NUMBER = K_CONST + 3 * KINDS;
/** Integers up to this stay one token (payload × KINDS stays a safe integer). */
const MAX_INLINE_INT = 2 ** 49;

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
  return { format: PACK_FORMAT, count: records.length, markers, strings, shapes, tokens };
}

/** True when `value` looks like a pack this code reads. */
export function isPackedRecords(value: unknown): value is PackedRecords {
  const p = value as Partial<PackedRecords> | null;
  return (
    typeof p === 'object' &&
    p !== null &&
    p.format === PACK_FORMAT &&
    typeof p.count === 'number' &&
    Array.isArray(p.strings) &&
    Array.isArray(p.shapes) &&
    Array.isArray(p.tokens)
  );
}

/** Unpacks the records; throws on a damaged pack (the caller reports it, it loses nothing silently). */
export function unpackRecords<T = Json>(packed: PackedRecords): T[] {
  const { strings, shapes, tokens } = packed;
  const subtrees: unknown[] = [];
  const frozen = new Set<number>();
  let at = 0;

  const damaged = (what: string): never => {
    throw new Error(`damaged record pack: ${what} at token ${at}`);
  };

  const read = (): unknown => {
    if (at >= tokens.length) damaged('ran out of tokens');
    const token = tokens[at++];
    const kind = token % KINDS;
    const payload = (token - kind) / KINDS;
    switch (kind) {
      case K_CONST:
        if (payload === 0) return null;
        if (payload === 1) return false;
        if (payload === 2) return true;
        if (payload === 3 && at < tokens.length) return tokens[at++];
        return damaged('an unknown constant');
      case K_STRING:
        return payload < strings.length ? strings[payload] : damaged('an unknown string');
      case K_INT:
        return payload;
      case K_REF: {
        if (payload >= subtrees.length) damaged('a reference ahead of its target');
        const shared = subtrees[payload];
        if (!frozen.has(payload)) {
          frozen.add(payload);
          deepFreeze(shared);
        }
        return shared;
      }
      case K_ARRAY: {
        const items = new Array<unknown>(payload);
        for (let i = 0; i < payload; i++) items[i] = read();
        subtrees.push(items);
        return items;
      }
      case K_OBJECT: {
        const keys = shapes[payload] ?? damaged('an unknown shape');
        const object: Record<string, unknown> = {};
        for (const k of keys) {
          const key = strings[k] ?? damaged('an unknown key');
          object[key] = read();
        }
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
    const record = read();
    // The records themselves took no id when packed (they are never repeated): the last one pushed.
    if (subtrees.length > before && subtrees[subtrees.length - 1] === record) subtrees.pop();
    out[i] = record as T;
  }
  if (at !== tokens.length) damaged('tokens left over');
  return out;
}

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
}
