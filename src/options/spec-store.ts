// The options page's OpenAPI specs: load from a file or a URL (user action only), list, re-bind to
// other base URLs, remove. No browser APIs here: storage and fetching come in as dependencies.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { prepareSpec, readStoredSpecs, rebindSpec, type SpecSource, type StoredSpec } from '../core/openapi/stored';
import type { LoadedSpecs } from '../platform/spec-storage';

export interface SpecDeps {
  load(): Promise<LoadedSpecs>;
  save(specs: readonly StoredSpec[]): Promise<number>;
  fetchText(url: string): Promise<string>;
  now(): number;
}

export interface SpecState {
  specs: StoredSpec[];
  busy: boolean;
  /** The last outcome, shown in a live region. */
  status: { kind: 'saved' | 'error' | 'info'; text: string } | null;
  load(): Promise<void>;
  addText(text: string, source: SpecSource): Promise<boolean>;
  addUrl(url: string): Promise<boolean>;
  remove(id: string): Promise<void>;
  setBaseUrls(id: string, text: string): Promise<void>;
  /** Specs in an imported rules file (`specs` beside `rules`). */
  importStored(raw: unknown): Promise<void>;
  externalChange(loaded: LoadedSpecs): void;
}

export type SpecStore = StoreApi<SpecState>;

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function createSpecStore(deps: SpecDeps): SpecStore {
  return createStore<SpecState>()((set, get) => {
    const persist = async (specs: StoredSpec[], text: string): Promise<boolean> => {
      try {
        await deps.save(specs);
        set({ specs, status: { kind: 'saved', text } });
        return true;
      } catch (error) {
        set({ status: { kind: 'error', text: message(error) } });
        return false;
      }
    };
    const add = async (text: string, source: SpecSource): Promise<boolean> => {
      const name = source.kind === 'file' ? source.name : source.url;
      // The same file or URL loaded again replaces its earlier copy.
      const same = get().specs.find((s) => (s.source.kind === 'file' ? s.source.name : s.source.url) === name);
      const id = same?.id ?? `spec-${deps.now().toString(36)}-${get().specs.length + 1}`;
      const prepared = prepareSpec(text, source, id, deps.now(), same?.baseUrls);
      if (!prepared.ok) {
        set({
          status: { kind: 'error', text: `${prepared.error}. Nothing was saved; Faultline works on without it.` },
        });
        return false;
      }
      const { stored } = prepared;
      const specs = same ? get().specs.map((s) => (s.id === same.id ? stored : s)) : [...get().specs, stored];
      const warned = stored.warnings.length
        ? ` (${stored.warnings.length} warning${stored.warnings.length === 1 ? '' : 's'})`
        : '';
      return persist(
        specs,
        `Loaded "${stored.title}": ${stored.operationCount} operations on ${stored.servers.join(', ') || 'any host'}${warned}.`,
      );
    };
    return {
      specs: [],
      busy: false,
      status: null,
      async load() {
        const loaded = await deps.load();
        set({
          specs: loaded.specs,
          status: loaded.error
            ? { kind: 'error', text: loaded.error }
            : loaded.dropped
              ? { kind: 'info', text: `${loaded.dropped} damaged stored spec(s) were left out.` }
              : null,
        });
      },
      async addText(text, source) {
        set({ busy: true });
        try {
          return await add(text, source);
        } finally {
          set({ busy: false });
        }
      },
      async addUrl(url) {
        const trimmed = url.trim();
        if (!trimmed) {
          set({
            status: { kind: 'error', text: 'Enter the URL of the spec, e.g. http://localhost:8000/openapi.json' },
          });
          return false;
        }
        set({ busy: true, status: { kind: 'info', text: `Fetching ${trimmed}…` } });
        try {
          const text = await deps.fetchText(trimmed);
          return await add(text, { kind: 'url', url: trimmed });
        } catch (error) {
          set({ status: { kind: 'error', text: `${message(error)}. Nothing was saved.` } });
          return false;
        } finally {
          set({ busy: false });
        }
      },
      async remove(id) {
        const gone = get().specs.find((s) => s.id === id);
        await persist(
          get().specs.filter((s) => s.id !== id),
          `Removed "${gone?.title ?? id}".`,
        );
      },
      async setBaseUrls(id, text) {
        const spec = get().specs.find((s) => s.id === id);
        if (!spec) return;
        const urls = text.split(/[\s,]+/).filter(Boolean);
        const bad = urls.find((u) => !/^https?:\/\/[^/]+/i.test(u));
        if (bad) {
          set({ status: { kind: 'error', text: `${bad} is not an http(s) URL; the base URLs were not changed.` } });
          return;
        }
        const rebound = rebindSpec(spec, urls);
        if (!rebound.ok) {
          set({ status: { kind: 'error', text: rebound.error } });
          return;
        }
        await persist(
          get().specs.map((s) => (s.id === id ? rebound.stored : s)),
          urls.length
            ? `"${spec.title}" now applies to ${urls.join(', ')}.`
            : `"${spec.title}" applies to its own servers again.`,
        );
      },
      async importStored(raw) {
        const read = readStoredSpecs(raw);
        let dropped = read.dropped;
        // Servers and rules are derived again from the document, never taken from the file.
        const specs: StoredSpec[] = [];
        for (const s of read.specs) {
          const again = rebindSpec(s, s.baseUrls ?? []);
          if (again.ok) specs.push(again.stored);
          else dropped++;
        }
        if (!specs.length && !dropped) return;
        const byId = new Map(get().specs.map((s) => [s.id, s]));
        for (const s of specs) byId.set(s.id, s);
        await persist(
          [...byId.values()],
          `Imported ${specs.length} spec${specs.length === 1 ? '' : 's'}${dropped ? `; ${dropped} malformed entr${dropped === 1 ? 'y was' : 'ies were'} left out` : ''}.`,
        );
      },
      externalChange(loaded) {
        set({ specs: loaded.specs });
      },
    };
  });
}
