// Which recognizers can match one body: an index built once per body kind from what each recognizer
// declares (`kinds`, `keys`, `gate`), consulted per exchange instead of calling every recognizer.
// The index never decides a match; it only skips recognizers whose own declaration rules them out.
// Sets of recognizers are bit masks over their positions (32 per word, any number of words), so
// routing one body allocates nothing and new recognizers or catalog entries slot in as data.
import type { HeaderIndex } from './headers';
import { normalizeKey } from './infer/dictionaries';
import type { BodyView, FormatRecognizer } from './types';

const PLAIN_LOWER = /^[a-z0-9]*$/;

/** Objects with more top-level keys than this are not routed by key: every keyed recognizer may run. */
export const MAX_ROUTED_KEYS = 64;

type Mask = Int32Array;

export interface RouteTable {
  kind: BodyView['kind'];
  /** The recognizers of the kind, in priority order; bit i of a mask is list[i]. */
  list: readonly FormatRecognizer[];
  words: number;
  all: Mask;
  /** Recognizers without `keys`: key routing never skips them. */
  unkeyed: Mask;
  /** Top-level key → recognizers whose `keys` name it. */
  byKey: Map<string, Mask>;
  /** Normalized top-level key → recognizers whose `keys` match in any case style (`keysByName`). */
  byKeyName: Map<string, Mask>;
  /** Recognizers without a gate. */
  ungated: Mask;
  /** Gated recognizers that list `gate.keys` (they pass on a JSON value that is not an object). */
  gateKeyed: Mask;
  gateKeys: Map<string, Mask>;
  gateMimes: Array<[string, Mask]>;
  gateMediaIncludes: Array<[string, Mask]>;
  gateHeaders: Array<[string, Mask]>;
  /** Scratch masks reused by every call (classify is synchronous and built-in recognizers never re-enter it). */
  keyPass: Mask;
  gatePass: Mask;
}

function maskOf(words: number): Mask {
  return new Int32Array(words);
}

function setBit(mask: Mask, i: number): void {
  mask[i >>> 5] |= 1 << (i & 31);
}

/** `into.set(from)` for masks of one table: a loop over a few words costs less than the typed-array call. */
function copy(into: Mask, from: Mask): void {
  for (let w = 0; w < into.length; w++) into[w] = from[w];
}

function or(into: Mask, from: Mask): void {
  for (let w = 0; w < into.length; w++) into[w] |= from[w];
}

function addTo(map: Map<string, Mask>, key: string, words: number, i: number): void {
  let mask = map.get(key);
  if (!mask) {
    mask = maskOf(words);
    map.set(key, mask);
  }
  setBit(mask, i);
}

function addToList(list: Array<[string, Mask]>, key: string, words: number, i: number): void {
  let entry = list.find(([k]) => k === key);
  if (!entry) {
    entry = [key, maskOf(words)];
    list.push(entry);
  }
  setBit(entry[1], i);
}

/** The index of one body kind over `registry` (already in priority order). */
export function routeTable(registry: readonly FormatRecognizer[], kind: BodyView['kind']): RouteTable {
  const list = registry.filter((r) => !r.kinds || r.kinds.includes(kind));
  const words = Math.max(1, Math.ceil(list.length / 32));
  const table: RouteTable = {
    kind,
    list,
    words,
    all: maskOf(words),
    unkeyed: maskOf(words),
    byKey: new Map(),
    byKeyName: new Map(),
    ungated: maskOf(words),
    gateKeyed: maskOf(words),
    gateKeys: new Map(),
    gateMimes: [],
    gateMediaIncludes: [],
    gateHeaders: [],
    keyPass: maskOf(words),
    gatePass: maskOf(words),
  };
  list.forEach((r, i) => {
    setBit(table.all, i);
    if (Array.isArray(r.keys) && kind === 'json')
      for (const key of r.keys)
        addTo(r.keysByName ? table.byKeyName : table.byKey, r.keysByName ? normalizeKey(key) : key, words, i);
    else setBit(table.unkeyed, i);
    const gate = r.gate;
    if (!gate) {
      setBit(table.ungated, i);
      return;
    }
    if (gate.keys && kind === 'json') {
      setBit(table.gateKeyed, i);
      for (const key of gate.keys) addTo(table.gateKeys, key, words, i);
    }
    for (const prefix of gate.mimePrefixes ?? []) addToList(table.gateMimes, prefix, words, i);
    for (const text of gate.mediaIncludes ?? []) addToList(table.gateMediaIncludes, text.toLowerCase(), words, i);
    for (const name of gate.headers ?? []) addToList(table.gateHeaders, name.toLowerCase(), words, i);
  });
  return table;
}

/**
 * The recognizers of `table` that may match this body, as a mask (the table's scratch: read it before
 * the next call). Kinds are already filtered by the table; `keys` and `gate` are applied here, in one
 * pass over a JSON object's top-level keys shared by both.
 */
export function candidates(table: RouteTable, body: BodyView, headers: HeaderIndex): Mask {
  const { keyPass, gatePass, words } = table;
  copy(keyPass, table.unkeyed);
  copy(gatePass, table.ungated);
  const json = body.json;
  if (table.kind === 'json' && json !== null && typeof json === 'object' && !Array.isArray(json)) {
    const byName = table.byKeyName.size > 0;
    let n = 0;
    for (const key in json) {
      if (++n > MAX_ROUTED_KEYS) {
        copy(keyPass, table.all);
        or(gatePass, table.gateKeyed);
        break;
      }
      const keyed = table.byKey.get(key);
      if (keyed !== undefined) or(keyPass, keyed);
      if (byName) {
        // Most keys are already lower case without separators (their own normalized form): no normalization.
        const named = table.byKeyName.get(PLAIN_LOWER.test(key) ? key : normalizeKey(key));
        if (named !== undefined) or(keyPass, named);
      }
      const gated = table.gateKeys.get(key);
      if (gated !== undefined) or(gatePass, gated);
    }
  } else {
    // Arrays, other JSON values and non-JSON kinds: key routing does not apply.
    copy(keyPass, table.all);
    if (table.kind === 'json') or(gatePass, table.gateKeyed);
  }
  // Indexed loops: destructuring each [key, mask] pair per exchange costs an iterator and a copy.
  const mime = body.mimeType;
  const { gateMimes, gateMediaIncludes, gateHeaders } = table;
  for (let i = 0; i < gateMimes.length; i++) if (mime.startsWith(gateMimes[i][0])) or(gatePass, gateMimes[i][1]);
  if (gateMediaIncludes.length) {
    const contentType = headers.get('content-type')?.toLowerCase() ?? '';
    for (let i = 0; i < gateMediaIncludes.length; i++) {
      const text = gateMediaIncludes[i][0];
      if (mime.includes(text) || contentType.includes(text)) or(gatePass, gateMediaIncludes[i][1]);
    }
  }
  for (let i = 0; i < gateHeaders.length; i++)
    if (headers.get(gateHeaders[i][0]) !== undefined) or(gatePass, gateHeaders[i][1]);
  for (let w = 0; w < words; w++) keyPass[w] &= gatePass[w];
  return keyPass;
}

/** Positions set in `mask`, in priority order (for tests and docs). */
export function positionsOf(mask: Mask): number[] {
  const out: number[] = [];
  for (let w = 0; w < mask.length; w++) {
    let word = mask[w];
    while (word !== 0) {
      const bit = word & -word;
      word ^= bit;
      out.push(w * 32 + 31 - Math.clz32(bit));
    }
  }
  return out;
}
