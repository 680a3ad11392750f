// Where the user's rules live: storage.sync under one key, or storage.local when the document is
// past sync's per-item quota or sync refuses the write. A marker in storage.local names the area
// that holds the rules, so loading never has to guess between two copies.
import browser from 'webextension-polyfill';
import { validateRules, type Rule, type RuleProblem, type RulesDocument } from '../core/rules';
import { isRecord } from '../core/is-record';

export const RULES_KEY = 'faultline.rules';
/** In storage.local: 'local' while the rules live there; absent while they live in storage.sync. */
export const RULES_AREA_KEY = 'faultline.rulesArea';
/** chrome.storage.sync.QUOTA_BYTES_PER_ITEM, also Firefox's; used when the area does not say. */
export const SYNC_QUOTA_BYTES_PER_ITEM = 8192;

export type RulesArea = 'sync' | 'local';

/** The part of a storage area used here (browser.storage.sync / .local, or a fake in tests). */
export interface RulesStorageArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
  readonly QUOTA_BYTES_PER_ITEM?: number;
}

export type StorageChanges = Record<string, { oldValue?: unknown; newValue?: unknown }>;
export type StorageChangeListener = (changes: StorageChanges, areaName: string) => void;

export interface RulesStorage {
  sync: RulesStorageArea;
  local: RulesStorageArea;
  onChanged: {
    addListener(listener: StorageChangeListener): void;
    removeListener(listener: StorageChangeListener): void;
  };
}

export interface LoadedRules {
  /** Only the rules that validate; a bad stored rule is dropped, never passed on. */
  document: RulesDocument;
  area: RulesArea;
  /** What was wrong with the stored document, for display. Absent when it was valid. */
  problems?: RuleProblem[];
}

export interface SavedRules {
  area: RulesArea;
  /** The normalized document as stored. */
  document: RulesDocument;
  /** Serialized size counted against the sync per-item quota. */
  bytes: number;
}

/** Thrown by saveRules for a document that does not validate; nothing is written. */
export class RulesValidationError extends Error {
  constructor(readonly problems: RuleProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join('; '));
    this.name = 'RulesValidationError';
  }
}

type AreaChangeListener = (changes: StorageChanges) => void;
interface AreaWithEvents extends RulesStorageArea {
  onChanged: { addListener(l: AreaChangeListener): void; removeListener(l: AreaChangeListener): void };
}

/**
 * The sync and local areas, with change events taken from each area. The global storage.onChanged
 * also fires for every storage.session write the background makes, and in Firefox each such event
 * reaching a listener keeps the event page from suspending.
 */
function browserStorage(): RulesStorage {
  const sync: AreaWithEvents = browser.storage.sync;
  const local: AreaWithEvents = browser.storage.local;
  const adapters = new Map<StorageChangeListener, [AreaChangeListener, AreaChangeListener]>();
  return {
    sync,
    local,
    onChanged: {
      addListener(listener) {
        const pair: [AreaChangeListener, AreaChangeListener] = [
          (c) => listener(c, 'sync'),
          (c) => listener(c, 'local'),
        ];
        adapters.set(listener, pair);
        sync.onChanged.addListener(pair[0]);
        local.onChanged.addListener(pair[1]);
      },
      removeListener(listener) {
        const pair = adapters.get(listener);
        if (!pair) return;
        adapters.delete(listener);
        sync.onChanged.removeListener(pair[0]);
        local.onChanged.removeListener(pair[1]);
      },
    },
  };
}

/** Bytes an item costs in storage.sync: key plus JSON value, counted as UTF-8 to be safe. */
export function syncItemBytes(key: string, value: unknown): number {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}

/**
 * The valid part of a stored document: each rule validated on its own, so one bad rule drops only
 * itself. Problems are those of the whole document, with their real indexes.
 */
export function salvageRules(input: unknown): { document: RulesDocument; problems: RuleProblem[] } {
  const whole = validateRules(input);
  if (whole.ok) return { document: whole.document, problems: [] };
  const list = Array.isArray(input) ? input : isRecord(input) ? input.rules : undefined;
  if (!Array.isArray(list)) return { document: { version: 1, rules: [] }, problems: whole.problems };
  const rules: Rule[] = [];
  const ids = new Set<string>();
  list.slice(0, 500).forEach((raw: unknown, i: number) => {
    // Defaults that depend on the position, as validating the whole list would give them.
    const positioned = isRecord(raw)
      ? {
          ...raw,
          id: typeof raw.id === 'string' && raw.id ? raw.id : `rule-${i + 1}`,
          name: typeof raw.name === 'string' && raw.name.trim() ? raw.name : `Rule ${i + 1}`,
        }
      : raw;
    const one = validateRules({ version: 1, rules: [positioned] });
    if (!one.ok) return;
    const rule = one.document.rules[0];
    // A duplicate id is a problem of the list, not of the rule: keep the rule under a free id.
    let id = rule.id;
    for (let n = 2; ids.has(id); n++) id = `${rule.id}-${n}`;
    ids.add(id);
    rules.push(id === rule.id ? rule : { ...rule, id });
  });
  return { document: { version: 1, rules }, problems: whole.problems };
}

/** Reads the rules. Never throws: unreadable storage gives no rules and a problem to show. */
export async function loadRules(storage: RulesStorage = browserStorage()): Promise<LoadedRules> {
  let area: RulesArea = 'sync';
  let raw: unknown;
  try {
    const local = await storage.local.get([RULES_KEY, RULES_AREA_KEY]);
    if (local[RULES_AREA_KEY] === 'local') {
      area = 'local';
      raw = local[RULES_KEY];
    } else {
      try {
        raw = (await storage.sync.get(RULES_KEY))[RULES_KEY];
      } catch {
        raw = undefined;
      }
      // No sync copy (sync unusable, or a copy written without the marker): take the local one.
      if (raw === undefined && local[RULES_KEY] !== undefined) {
        area = 'local';
        raw = local[RULES_KEY];
      }
    }
  } catch (error) {
    return {
      document: { version: 1, rules: [] },
      area,
      problems: [{ field: 'storage', message: `could not read the rules: ${errorText(error)}` }],
    };
  }
  if (raw === undefined) return { document: { version: 1, rules: [] }, area };
  const { document, problems } = salvageRules(raw);
  return problems.length ? { document, area, problems } : { document, area };
}

/**
 * Validates and stores the document: in storage.sync when it fits one sync item and sync accepts
 * it, otherwise in storage.local. The copy in the other area is removed.
 */
export async function saveRules(
  input: RulesDocument | unknown,
  storage: RulesStorage = browserStorage(),
): Promise<SavedRules> {
  const validation = validateRules(input);
  if (!validation.ok) throw new RulesValidationError(validation.problems);
  const document = validation.document;
  const bytes = syncItemBytes(RULES_KEY, document);
  const quota =
    typeof storage.sync.QUOTA_BYTES_PER_ITEM === 'number' && storage.sync.QUOTA_BYTES_PER_ITEM > 0
      ? storage.sync.QUOTA_BYTES_PER_ITEM
      : SYNC_QUOTA_BYTES_PER_ITEM;
  if (bytes <= quota) {
    let inSync = false;
    try {
      await storage.sync.set({ [RULES_KEY]: document });
      inSync = true;
    } catch {
      // Quota (total or write rate) or sync unsupported: fall through to local.
    }
    if (inSync) {
      await storage.local.remove([RULES_KEY, RULES_AREA_KEY]);
      return { area: 'sync', document, bytes };
    }
  }
  // Marker and rules in one write, so a reader never sees one without the other.
  await storage.local.set({ [RULES_KEY]: document, [RULES_AREA_KEY]: 'local' });
  try {
    await storage.sync.remove(RULES_KEY);
  } catch {
    // The marker already says local; a stale sync copy is ignored.
  }
  return { area: 'local', document, bytes };
}

/**
 * Calls `listener` with freshly loaded rules whenever the rules change in either area (another
 * tab's save, sync from another device, a switch between areas). Returns an unsubscribe function.
 */
export function onRulesChanged(
  listener: (loaded: LoadedRules) => void,
  storage: RulesStorage = browserStorage(),
): () => void {
  let latest = 0;
  let active = true;
  const onChanged: StorageChangeListener = (changes, areaName) => {
    if (areaName !== 'sync' && areaName !== 'local') return;
    if (!(RULES_KEY in changes) && !(areaName === 'local' && RULES_AREA_KEY in changes)) return;
    const ticket = ++latest;
    void loadRules(storage).then((loaded) => {
      // A save that switches areas fires several changes; only the newest load is delivered.
      if (active && ticket === latest) listener(loaded);
    });
  };
  storage.onChanged.addListener(onChanged);
  return () => {
    active = false;
    storage.onChanged.removeListener(onChanged);
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
