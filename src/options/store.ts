// The options page's state: the rules being edited (as drafts), what was last saved, and the
// preview sample. No browser APIs: loading and saving come in as dependencies.
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  describeProblems,
  validateRules,
  type RuleProblem,
  type RulesDocument,
  type VendorProfile,
} from '../core/rules';
import type { LoadedRules, RulesArea, SavedRules } from '../platform/rules-storage';
import {
  draftFromRule,
  draftToRaw,
  emptyDraft,
  freshId,
  validateDrafts,
  type DraftValidation,
  type RuleDraft,
} from '../ui/rule-draft';
import { DEFAULT_SAMPLE, type PreviewSample } from './preview';

export interface OptionsDeps {
  load(): Promise<LoadedRules>;
  save(document: RulesDocument): Promise<SavedRules>;
  /** OpenAPI specs exported beside the rules, and taken from an imported file's `specs`. */
  exportSpecs?(): readonly unknown[];
  importSpecs?(raw: unknown): Promise<void>;
}

export interface StatusMessage {
  kind: 'saved' | 'error' | 'info';
  text: string;
}

export interface OptionsState {
  phase: 'loading' | 'ready';
  drafts: RuleDraft[];
  selectedId: string | null;
  validation: DraftValidation;
  /** The drafts as last loaded or saved (serialized), to tell unsaved changes. */
  savedSnapshot: string;
  dirty: boolean;
  /** Where the saved rules live. */
  area: RulesArea | null;
  saving: boolean;
  status: StatusMessage | null;
  /** What was wrong with the stored document (its bad rules were dropped). */
  loadProblems: RuleProblem[];
  importError: string | null;
  sample: PreviewSample;

  load(): Promise<void>;
  add(): void;
  duplicate(id: string): void;
  remove(id: string): void;
  move(id: string, delta: -1 | 1): void;
  setEnabled(id: string, enabled: boolean): void;
  update(id: string, patch: Partial<RuleDraft>): void;
  select(id: string | null): void;
  override(profile: VendorProfile): void;
  save(): Promise<void>;
  /** Validates an imported file; a valid one replaces the rules and is saved, an invalid one changes nothing. */
  importText(text: string, fileName: string): Promise<void>;
  /** The rules as a JSON document, or null while they do not validate. */
  exportText(): string | null;
  /** Rules changed elsewhere (another tab, sync): taken over unless there are unsaved edits. */
  externalChange(loaded: LoadedRules): void;
  setSample(patch: Partial<PreviewSample>): void;
}

export type OptionsStore = StoreApi<OptionsState>;

const snapshotOf = (drafts: readonly RuleDraft[]) => JSON.stringify(drafts.map(draftToRaw));

function savedText(saved: SavedRules, what: string): string {
  if (saved.area === 'sync') return `${what}; synced with your browser account.`;
  const why =
    saved.bytes > 8192
      ? `${Math.ceil(saved.bytes / 1024)} KB is more than the 8 KB the browser syncs`
      : 'the browser refused to sync them';
  return `${what} in this browser only (${why}).`;
}

const count = (n: number) => `${n} rule${n === 1 ? '' : 's'}`;

export function createOptionsStore(deps: OptionsDeps, initialSample: PreviewSample = DEFAULT_SAMPLE): OptionsStore {
  return createStore<OptionsState>()((set, get) => {
    /** Every change of the drafts goes through here, so validation and dirtiness stay derived. */
    const setDrafts = (drafts: RuleDraft[], extra: Partial<OptionsState> = {}) => {
      const savedSnapshot = extra.savedSnapshot ?? get().savedSnapshot;
      set({ drafts, validation: validateDrafts(drafts), dirty: snapshotOf(drafts) !== savedSnapshot, ...extra });
    };
    const adopt = (document: RulesDocument, extra: Partial<OptionsState> = {}) => {
      const drafts = document.rules.map(draftFromRule);
      const selectedId = drafts.some((d) => d.id === get().selectedId) ? get().selectedId : (drafts[0]?.id ?? null);
      setDrafts(drafts, { savedSnapshot: snapshotOf(drafts), selectedId, ...extra });
    };
    const insert = (draft: RuleDraft, at: number) => {
      const drafts = [...get().drafts];
      drafts.splice(at, 0, draft);
      setDrafts(drafts, { selectedId: draft.id });
    };
    const persist = async (document: RulesDocument, what: (saved: SavedRules) => string) => {
      set({ saving: true });
      try {
        const saved = await deps.save(document);
        adopt(saved.document, {
          area: saved.area,
          status: { kind: 'saved', text: what(saved) },
          loadProblems: [],
          importError: null,
        });
      } catch (error) {
        set({
          status: { kind: 'error', text: `Not saved: ${error instanceof Error ? error.message : String(error)}` },
        });
      } finally {
        set({ saving: false });
      }
    };

    return {
      phase: 'loading',
      drafts: [],
      selectedId: null,
      validation: validateDrafts([]),
      savedSnapshot: snapshotOf([]),
      dirty: false,
      area: null,
      saving: false,
      status: null,
      loadProblems: [],
      importError: null,
      sample: initialSample,

      async load() {
        let loaded: LoadedRules;
        try {
          loaded = await deps.load();
        } catch (error) {
          loaded = {
            document: { version: 1, rules: [] },
            area: 'sync',
            problems: [{ field: 'storage', message: error instanceof Error ? error.message : String(error) }],
          };
        }
        adopt(loaded.document, { phase: 'ready', area: loaded.area, loadProblems: loaded.problems ?? [] });
      },
      add() {
        insert(emptyDraft(freshId(get().drafts.map((d) => d.id))), get().drafts.length);
      },
      duplicate(id) {
        const { drafts } = get();
        const index = drafts.findIndex((d) => d.id === id);
        if (index < 0) return;
        const source = drafts[index];
        insert(
          {
            ...source,
            id: freshId(drafts.map((d) => d.id)),
            name: source.name.trim() ? `${source.name.trim()} (copy)` : '',
          },
          index + 1,
        );
      },
      remove(id) {
        const { drafts, selectedId } = get();
        const index = drafts.findIndex((d) => d.id === id);
        if (index < 0) return;
        const next = drafts.filter((d) => d.id !== id);
        const neighbour = next[Math.min(index, next.length - 1)]?.id ?? null;
        setDrafts(next, { selectedId: selectedId === id ? neighbour : selectedId });
      },
      move(id, delta) {
        const drafts = [...get().drafts];
        const index = drafts.findIndex((d) => d.id === id);
        const to = index + delta;
        if (index < 0 || to < 0 || to >= drafts.length) return;
        [drafts[index], drafts[to]] = [drafts[to], drafts[index]];
        setDrafts(drafts);
      },
      setEnabled(id, enabled) {
        get().update(id, { enabled });
      },
      update(id, patch) {
        // The id is the draft's identity in the list; editing it is not offered.
        const { id: _ignored, ...rest } = patch;
        setDrafts(get().drafts.map((d) => (d.id === id ? { ...d, ...rest } : d)));
      },
      select(id) {
        set({ selectedId: id });
      },
      override(profile) {
        const { drafts } = get();
        const draft = draftFromRule({
          id: freshId(drafts.map((d) => d.id)),
          name: `${profile.name} (override)`,
          enabled: true,
          match: { ...profile.match },
          set: { ...profile.set },
        });
        insert(draft, drafts.length);
      },
      async save() {
        const { validation, saving } = get();
        if (!validation.ok || !validation.document || saving) return;
        const n = validation.document.rules.length;
        await persist(validation.document, (saved) => savedText(saved, `Saved ${count(n)}`));
      },
      async importText(text, fileName) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch (error) {
          set({
            importError: `${fileName} is not JSON: ${error instanceof Error ? error.message : String(error)}. Nothing was imported.`,
          });
          return;
        }
        const result = validateRules(parsed);
        if (!result.ok) {
          set({ importError: `${fileName} was not imported: ${describeProblems(result.problems)}` });
          return;
        }
        set({ importError: null });
        if (parsed !== null && typeof parsed === 'object' && 'specs' in parsed) await deps.importSpecs?.(parsed.specs);
        const n = result.document.rules.length;
        await persist(result.document, (saved) =>
          savedText(saved, `Imported ${count(n)} from ${fileName} and saved them`),
        );
      },
      exportText() {
        const { validation } = get();
        if (!validation.ok || !validation.document) return null;
        const specs = deps.exportSpecs?.() ?? [];
        return `${JSON.stringify(specs.length ? { ...validation.document, specs } : validation.document, null, 2)}\n`;
      },
      externalChange(loaded) {
        const { dirty, phase, saving } = get();
        if (phase !== 'ready' || saving) return;
        if (snapshotOf(loaded.document.rules.map(draftFromRule)) === get().savedSnapshot) return;
        if (dirty) {
          set({
            status: {
              kind: 'info',
              text: 'The saved rules were changed elsewhere; saving will replace them with yours.',
            },
          });
          return;
        }
        adopt(loaded.document, {
          area: loaded.area,
          loadProblems: loaded.problems ?? [],
          status: { kind: 'info', text: 'Rules were changed elsewhere and reloaded.' },
        });
      },
      setSample(patch) {
        set({ sample: { ...get().sample, ...patch } });
      },
    };
  });
}
