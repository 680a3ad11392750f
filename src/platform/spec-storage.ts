// Where loaded OpenAPI specs live: storage.local under one key, within a byte budget below the area's
// quota (the rules and settings share it). A spec past the budget is refused with its size.
import browser from 'webextension-polyfill';
import { readStoredSpecs, type StoredSpec } from '../core/openapi/stored-shape';

export const SPECS_KEY = 'faultline.specs';
/** storage.local holds 10 MiB in Chrome (without unlimitedStorage) and Firefox; specs get 8 of them. */
export const SPECS_BUDGET_BYTES = 8 * 1024 * 1024;

export interface SpecStorageArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface SpecStorage {
  local: SpecStorageArea;
  onChanged(listener: (changes: Record<string, unknown>) => void): () => void;
}

function browserSpecStorage(): SpecStorage {
  const local: SpecStorageArea & {
    onChanged: {
      addListener(l: (c: Record<string, unknown>) => void): void;
      removeListener(l: (c: Record<string, unknown>) => void): void;
    };
  } = browser.storage.local;
  return {
    local,
    onChanged(listener) {
      local.onChanged.addListener(listener);
      return () => local.onChanged.removeListener(listener);
    },
  };
}

export interface LoadedSpecs {
  specs: StoredSpec[];
  /** Entries that were not well formed and were left out. */
  dropped: number;
  error?: string;
}

export async function loadSpecs(storage: SpecStorage = browserSpecStorage()): Promise<LoadedSpecs> {
  try {
    return readStoredSpecs((await storage.local.get(SPECS_KEY))[SPECS_KEY]);
  } catch (error) {
    return {
      specs: [],
      dropped: 0,
      error: `could not read the specs: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

export function specsBytes(specs: readonly StoredSpec[]): number {
  return new TextEncoder().encode(SPECS_KEY + JSON.stringify(specs)).length;
}

export class SpecQuotaError extends Error {}

/** Stores the list; refuses (writing nothing) when it is past the budget. */
export async function saveSpecs(
  specs: readonly StoredSpec[],
  storage: SpecStorage = browserSpecStorage(),
): Promise<number> {
  const bytes = specsBytes(specs);
  if (bytes > SPECS_BUDGET_BYTES) {
    throw new SpecQuotaError(
      `the specs take ${(bytes / 1024 / 1024).toFixed(1)} MB; extension storage keeps at most ${SPECS_BUDGET_BYTES / 1024 / 1024} MB of specs. Nothing was saved (the CLI's --spec has no such limit).`,
    );
  }
  await storage.local.set({ [SPECS_KEY]: specs });
  return bytes;
}

export function onSpecsChanged(
  listener: (loaded: LoadedSpecs) => void,
  storage: SpecStorage = browserSpecStorage(),
): () => void {
  return storage.onChanged((changes) => {
    if (SPECS_KEY in changes) void loadSpecs(storage).then(listener);
  });
}
