// Grouping rows by endpoint (method + path with IDs collapsed) or by error code. Pure.
import { pathOnly } from './format';

export type GroupBy = 'none' | 'endpoint' | 'code' | 'callsite';

/** Path segments that are identifiers, not routes. Order does not matter: any match collapses. */
const ID_SEGMENT_TESTS: ReadonlyArray<(segment: string) => boolean> = [
  // 123, 2024-05-01, 12.5, 10:30
  (s) => /^[\d\-_.:,]+$/.test(s) && /\d/.test(s),
  // UUID / GUID, with or without braces
  (s) => /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i.test(s),
  // hex: Mongo ObjectIds, hashes, short git SHAs
  (s) => s.length >= 8 && /^[0-9a-f]+$/i.test(s) && /\d/.test(s),
  // prefixed IDs: cus_9s8df7, ord-123abc
  (s) => /^[a-z]{1,12}[_-][A-Za-z0-9]{6,}$/.test(s) && /\d/.test(s),
  // long opaque tokens (base64, base62, ULID), but not slugs made of words (`retry-after-seconds-2`)
  (s) => s.length >= 16 && /\d/.test(s) && /[A-Za-z]/.test(s) && /^[A-Za-z0-9_\-.~=+%]+$/.test(s) && !isSlug(s),
  // e-mail addresses and other user names in paths
  (s) => s.includes('@'),
];

/**
 * A readable route name made of words and small numbers between separators (`retry-after-seconds-2`,
 * `document360-401-token`), never an ID. One rule for every path: without it a slug with a number
 * collapsed to `:id` and its siblings did not, so unrelated failures shared a group.
 */
function isSlug(segment: string): boolean {
  if (!/[-_.]/.test(segment)) return false;
  const parts = segment.split(/[-_.]/).filter((part) => part !== '');
  return (
    parts.every((part) => /^[A-Za-z]+\d*$/.test(part) || /^\d{1,4}$/.test(part)) &&
    parts.some((part) => /^[A-Za-z]{3,}/.test(part))
  );
}

/** Every test above needs a digit or an '@' (a UUID without digits is possible but never seen). */
function mayBeId(segment: string): boolean {
  for (let i = 0; i < segment.length; i++) {
    const ch = segment.charCodeAt(i);
    if ((ch >= 48 && ch <= 57) || ch === 64) return true;
  }
  return false;
}

function isIdSegment(segment: string): boolean {
  return mayBeId(segment) && !isSlug(segment) && ID_SEGMENT_TESTS.some((test) => test(segment));
}

/** `/v2/Articles/42/versions/5f2b…` → `/v2/Articles/:id/versions/:id`. An extension is kept: `/files/123.json` → `/files/:id.json`. */
export function collapsePathIds(path: string): string {
  if (!mayBeId(path)) return path;
  return path
    .split('/')
    .map((segment) => {
      if (segment === '') return segment;
      if (isIdSegment(segment)) return ':id';
      const ext = /^(.+)(\.[A-Za-z][A-Za-z0-9]{0,4})$/.exec(segment);
      if (ext && isIdSegment(ext[1])) return `:id${ext[2]}`;
      return segment;
    })
    .join('/');
}

/** `POST /v2/Articles/:id`: the group key by endpoint (the host is left out: it is usually one API). */
export function endpointKey(method: string, url: string): string {
  return `${method.toUpperCase()} ${collapsePathIds(pathOnly(url))}`;
}

/** The group key by error code; responses without one group by status or network error. */
export function codeKey(errorCode: string | null, status: number, networkError?: string): string {
  // Case-insensitive: `RATE_LIMITED` and `rate_limited` are one problem.
  if (errorCode) return errorCode.toLowerCase();
  if (status === 0) return networkError ? networkError : 'network error';
  return `HTTP ${status}`;
}

export interface Group {
  key: string;
  count: number;
  /** Epoch ms; NaN when no member has a time. */
  firstSeen: number;
  lastSeen: number;
  /** Members by status (0: no response) and by what-to-do label, for the group row's mix. */
  statuses: ReadonlyMap<number, number>;
  verdicts: ReadonlyMap<string, number>;
}

/**
 * Groups built incrementally: `add` costs one map lookup, so appending a batch never regroups
 * everything. Members are kept as row positions and sorted only when a group is opened.
 */
export class GroupIndex {
  private readonly byKey = new Map<
    string,
    Group & { members: number[]; sorted: boolean; statuses: Map<number, number>; verdicts: Map<string, number> }
  >();

  add(key: string, position: number, at: number | undefined, status?: number, verdict?: string | null): void {
    let group = this.byKey.get(key);
    if (!group) {
      group = {
        key,
        count: 0,
        firstSeen: NaN,
        lastSeen: NaN,
        members: [],
        sorted: true,
        statuses: new Map(),
        verdicts: new Map(),
      };
      this.byKey.set(key, group);
    }
    if (status !== undefined) group.statuses.set(status, (group.statuses.get(status) ?? 0) + 1);
    if (verdict) group.verdicts.set(verdict, (group.verdicts.get(verdict) ?? 0) + 1);
    const members = group.members;
    if (members.length > 0 && position < members[members.length - 1]) group.sorted = false;
    members.push(position);
    group.count++;
    if (at !== undefined && Number.isFinite(at)) {
      if (!(at >= group.firstSeen)) group.firstSeen = at;
      if (!(at <= group.lastSeen)) group.lastSeen = at;
    }
  }

  get size(): number {
    return this.byKey.size;
  }

  /** Largest first, then most recently seen, then by key: the noisiest problem on top. */
  groups(): Group[] {
    const out: Group[] = [];
    for (const g of this.byKey.values())
      out.push({
        key: g.key,
        count: g.count,
        firstSeen: g.firstSeen,
        lastSeen: g.lastSeen,
        statuses: g.statuses,
        verdicts: g.verdicts,
      });
    return out.sort(
      (a, b) =>
        b.count - a.count || (b.lastSeen || 0) - (a.lastSeen || 0) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    );
  }

  /** Row positions of a group, ascending (oldest first). */
  members(key: string): readonly number[] {
    const group = this.byKey.get(key);
    if (!group) return [];
    if (!group.sorted) {
      group.members.sort((a, b) => a - b);
      group.sorted = true;
    }
    return group.members;
  }
}
