// Case-insensitive lookup over a HeaderList (an array of {name, value} or a record).
// Repeated headers are joined with ", " as RFC 9110 §5.3 allows. Malformed entries are skipped.
import type { HeaderList } from './types';

export interface HeaderEntry {
  name: string;
  value: string;
}

/** One exchange's headers, indexed once; every lookup is case-insensitive. */
export interface HeaderIndex {
  /** The value (repeats joined with ", "), or undefined when absent. */
  get(name: string): string | undefined;
  has(name: string): boolean;
  /** Every well-formed entry in wire order, names as sent. */
  entries(): readonly HeaderEntry[];
  /** Lower-cased names, parallel to entries(): for single-pass scans over many names. */
  lowerNames(): readonly string[];
  readonly size: number;
}

/** Lookups answered without lower-casing every name first (see EntryIndex.get). */
const SCANS_BEFORE_INDEX = 3;

/** Lists this short are scanned; longer ones get a Map built once (5,000 headers stay linear). */
const SCAN_LIMIT = 24;

const hasOwn = Object.prototype.hasOwnProperty;

function valueString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) {
    const parts = value.filter((v) => typeof v === 'string' || typeof v === 'number');
    return parts.length ? parts.join(', ') : undefined;
  }
  return undefined;
}

/** Well-formed entries of any header-ish input; anything else yields []. */
export function headerEntries(input: unknown): HeaderEntry[] {
  const out: HeaderEntry[] = [];
  if (input == null || typeof input !== 'object') return out;
  if (Array.isArray(input)) {
    // An indexed loop (no iterator) with the common string value checked inline: this copy runs twice per exchange.
    const n = input.length;
    for (let i = 0; i < n; i++) {
      const item: unknown = input[i];
      if (item == null || typeof item !== 'object') continue;
      const name = (item as { name?: unknown }).name;
      const value = (item as { value?: unknown }).value;
      if (typeof name !== 'string' || name === '') continue;
      // A fresh object: the caller's may have getters that answer differently next time.
      const v = typeof value === 'string' ? value : valueString(value);
      if (v !== undefined) out.push({ name, value: v });
    }
    return out;
  }
  if (input instanceof Map) {
    for (const [name, value] of input) {
      const v = valueString(value);
      if (typeof name === 'string' && name !== '' && v !== undefined) out.push({ name, value: v });
    }
    return out;
  }
  for (const name of Object.keys(input)) {
    const v = valueString((input as Record<string, unknown>)[name]);
    if (name !== '' && v !== undefined) out.push({ name, value: v });
  }
  return out;
}

function scanGet(list: readonly HeaderEntry[], lower: string): string | undefined {
  let found: string | undefined;
  for (const h of list) {
    if (h.name.length === lower.length && h.name.toLowerCase() === lower) {
      found = found === undefined ? h.value : `${found}, ${h.value}`;
    }
  }
  return found;
}

/**
 * A HeaderIndex over well-formed entries; lower-cased names are computed on the first lookup (many
 * exchanges never look at their request headers), then lookups scan or use a Map.
 */
class EntryIndex implements HeaderIndex {
  private readonly list: readonly HeaderEntry[];
  private lower: string[] | undefined;
  private map: Map<string, string> | undefined;
  /** Lookups answered by a length-filtered scan before the names were lower-cased. */
  private scans = 0;

  constructor(list: readonly HeaderEntry[]) {
    this.list = list;
  }

  private names(): string[] {
    if (this.lower) return this.lower;
    const list = this.list;
    const n = list.length;
    const lower = new Array<string>(n);
    for (let i = 0; i < n; i++) lower[i] = list[i].name.toLowerCase();
    this.lower = lower;
    if (n > SCAN_LIMIT) {
      const map = new Map<string, string>();
      for (let i = 0; i < n; i++) {
        const prev = map.get(lower[i]);
        map.set(lower[i], prev === undefined ? list[i].value : `${prev}, ${list[i].value}`);
      }
      this.map = map;
    }
    return lower;
  }

  get size(): number {
    return this.list.length;
  }

  get(name: string): string | undefined {
    const q = name.toLowerCase();
    // A success looks up two or three names (routing gates): a scan that lower-cases only names of the
    // same length costs less than lower-casing every name. Later lookups use the lower-cased names.
    if (this.lower === undefined && this.scans < SCANS_BEFORE_INDEX) {
      this.scans++;
      return scanGet(this.list, q);
    }
    const lower = this.names();
    if (this.map) return this.map.get(q);
    let found: string | undefined;
    for (let i = 0; i < lower.length; i++) {
      if (lower[i] === q) found = found === undefined ? this.list[i].value : `${found}, ${this.list[i].value}`;
    }
    return found;
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  entries(): readonly HeaderEntry[] {
    return this.list;
  }

  lowerNames(): readonly string[] {
    return this.names();
  }
}

/** Indexes headers once per exchange. Never throws: unreadable input indexes as empty. */
export function indexHeaders(input: HeaderList | unknown): HeaderIndex {
  let list: HeaderEntry[];
  try {
    list = headerEntries(input);
  } catch {
    list = [];
  }
  return new EntryIndex(list);
}

/** Indexes entries that are already well-formed (headerEntries output) without copying them again. */
export function indexEntries(list: readonly HeaderEntry[]): HeaderIndex {
  return new EntryIndex(list);
}

/** One-off lookup: the value of `name` (case-insensitive, repeats joined), or undefined. */
export function headerValue(headers: HeaderList | undefined | unknown, name: string): string | undefined {
  if (headers == null || typeof headers !== 'object') return undefined;
  const lower = name.toLowerCase();
  try {
    if (!Array.isArray(headers) && !(headers instanceof Map)) {
      const rec = headers as Record<string, unknown>;
      // Fast path for the common lower-case record.
      if (hasOwn.call(rec, lower)) {
        const direct = valueString(rec[lower]);
        let others: string | undefined;
        for (const key of Object.keys(rec)) {
          if (key !== lower && key.length === lower.length && key.toLowerCase() === lower) {
            const v = valueString(rec[key]);
            if (v !== undefined) others = others === undefined ? v : `${others}, ${v}`;
          }
        }
        if (others === undefined) return direct;
        return direct === undefined ? others : `${direct}, ${others}`;
      }
    }
    return scanGet(headerEntries(headers), lower);
  } catch {
    return undefined;
  }
}
