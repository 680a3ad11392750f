import { describe, expect, it } from 'vitest';
import { validateRules, VENDOR_PROFILES, type Rule, type RulesDocument } from '../core/rules';
import type { LoadedRules, SavedRules } from '../platform/rules-storage';
import { createOptionsStore, type OptionsDeps } from './store';

const rule = (id: string, patch: Partial<Rule> = {}): Rule => ({
  id,
  name: id,
  enabled: true,
  match: { host: 'api.example.com', status: '423' },
  set: { retryable: true },
  ...patch,
});

/** Deps over an in-memory document; `area` is what the next save reports. */
function fakeDeps(initial: LoadedRules = { document: { version: 1, rules: [] }, area: 'sync' }) {
  const saves: RulesDocument[] = [];
  const state = { stored: initial, area: 'sync' as SavedRules['area'], bytes: 100, fail: null as Error | null };
  const deps: OptionsDeps = {
    load: async () => state.stored,
    save: async (document) => {
      if (state.fail) throw state.fail;
      const valid = validateRules(document);
      if (!valid.ok) throw new Error('invalid');
      saves.push(valid.document);
      state.stored = { document: valid.document, area: state.area };
      return { area: state.area, document: valid.document, bytes: state.bytes };
    },
  };
  return { deps, saves, state };
}

async function loadedStore(initial?: LoadedRules) {
  const fake = fakeDeps(initial);
  const store = createOptionsStore(fake.deps);
  await store.getState().load();
  return { store, ...fake };
}

const ids = (store: Awaited<ReturnType<typeof loadedStore>>['store']) => store.getState().drafts.map((d) => d.id);

describe('options store', () => {
  it('loads the stored rules, with the problems of the stored document, and is not dirty', async () => {
    const { store } = await loadedStore({
      document: { version: 1, rules: [rule('a'), rule('b')] },
      area: 'local',
      problems: [{ field: 'rules[2].match.host', message: 'bad' }],
    });
    const s = store.getState();
    expect(s.phase).toBe('ready');
    expect(ids(store)).toEqual(['a', 'b']);
    expect(s.selectedId).toBe('a');
    expect(s.area).toBe('local');
    expect(s.loadProblems).toHaveLength(1);
    expect(s.dirty).toBe(false);
    expect(s.validation.ok).toBe(true);
  });

  it('adds an empty rule that must be completed before saving', async () => {
    const { store, saves } = await loadedStore();
    store.getState().add();
    const s = store.getState();
    expect(s.drafts).toHaveLength(1);
    expect(s.selectedId).toBe(s.drafts[0].id);
    expect(s.dirty).toBe(true);
    expect(s.validation.ok).toBe(false);
    expect(Object.keys(s.validation.byId[s.drafts[0].id] ?? {}).sort()).toEqual(['host', 'set']);
    await store.getState().save();
    expect(saves).toHaveLength(0);

    store.getState().update(s.drafts[0].id, {
      host: '127.0.0.1:5173',
      status: '423',
      defaultWaitSeconds: '7',
      action: 'Rule: wait 7 s',
    });
    expect(store.getState().validation.ok).toBe(true);
    await store.getState().save();
    expect(saves).toEqual([
      {
        version: 1,
        rules: [
          {
            id: 'rule-1',
            name: 'Rule 1',
            enabled: true,
            match: { host: '127.0.0.1:5173', status: '423' },
            set: { defaultWaitSeconds: 7, action: 'Rule: wait 7 s' },
          },
        ],
      },
    ]);
    expect(store.getState().dirty).toBe(false);
    expect(store.getState().status).toEqual({ kind: 'saved', text: 'Saved 1 rule; synced with your browser account.' });
  });

  it('says when the rules went to storage.local and why', async () => {
    const { store, state } = await loadedStore({ document: { version: 1, rules: [rule('a')] }, area: 'sync' });
    state.area = 'local';
    state.bytes = 9000;
    store.getState().update('a', { action: 'x' });
    await store.getState().save();
    expect(store.getState().area).toBe('local');
    expect(store.getState().status?.text).toMatch(/this browser only.*8 KB/);
  });

  it('reports a failed save and keeps the edits', async () => {
    const { store, state } = await loadedStore({ document: { version: 1, rules: [rule('a')] }, area: 'sync' });
    state.fail = new Error('disk full');
    store.getState().update('a', { action: 'x' });
    await store.getState().save();
    expect(store.getState().status).toEqual({ kind: 'error', text: 'Not saved: disk full' });
    expect(store.getState().dirty).toBe(true);
  });

  it('duplicates after the original, moves, toggles and deletes', async () => {
    const { store } = await loadedStore({ document: { version: 1, rules: [rule('a'), rule('b')] }, area: 'sync' });
    const a = store.getState();
    a.duplicate('a');
    expect(ids(store)).toEqual(['a', 'rule-1', 'b']);
    expect(store.getState().drafts[1]).toMatchObject({ name: 'a (copy)', host: 'api.example.com', retryable: 'yes' });
    a.move('b', -1);
    expect(ids(store)).toEqual(['a', 'b', 'rule-1']);
    a.move('a', -1);
    expect(ids(store)).toEqual(['a', 'b', 'rule-1']);
    a.setEnabled('b', false);
    expect(store.getState().drafts[1].enabled).toBe(false);
    a.select('b');
    a.remove('b');
    expect(ids(store)).toEqual(['a', 'rule-1']);
    expect(store.getState().selectedId).toBe('rule-1');
  });

  it('knows moving a rule back is not a change', async () => {
    const { store } = await loadedStore({ document: { version: 1, rules: [rule('a'), rule('b')] }, area: 'sync' });
    store.getState().move('b', -1);
    expect(store.getState().dirty).toBe(true);
    store.getState().move('b', 1);
    expect(store.getState().dirty).toBe(false);
  });

  it('copies a built-in profile into a new user rule', async () => {
    const { store } = await loadedStore();
    const profile = VENDOR_PROFILES.find((p) => p.match.status && p.set.action) ?? VENDOR_PROFILES[0];
    store.getState().override(profile);
    const s = store.getState();
    expect(s.drafts).toHaveLength(1);
    expect(s.selectedId).toBe(s.drafts[0].id);
    expect(s.validation.document?.rules[0]).toMatchObject({ match: profile.match, set: profile.set, enabled: true });
    expect(s.validation.document?.rules[0].id).not.toBe(profile.id);
  });

  it('imports a valid file and saves it; an invalid one names the field and saves nothing', async () => {
    const { store, saves } = await loadedStore({ document: { version: 1, rules: [rule('a')] }, area: 'sync' });
    await store
      .getState()
      .importText('{"rules":[{"match":{"host":"x.com","status":"9"},"set":{"retryable":true}}]}', 'bad.json');
    expect(store.getState().importError).toContain('rules[0].match.status');
    expect(store.getState().importError).toContain('bad.json');
    await store.getState().importText('{"rules": [', 'broken.json');
    expect(store.getState().importError).toMatch(/broken\.json is not JSON/);
    expect(saves).toHaveLength(0);
    expect(ids(store)).toEqual(['a']);

    await store.getState().importText(JSON.stringify({ version: 1, rules: [rule('x'), rule('y')] }), 'good.json');
    expect(saves).toHaveLength(1);
    expect(ids(store)).toEqual(['x', 'y']);
    expect(store.getState().importError).toBeNull();
    expect(store.getState().status?.text).toContain('Imported 2 rules from good.json');
  });

  it('exports the rules as a document that validates, and nothing while invalid', async () => {
    const { store } = await loadedStore({ document: { version: 1, rules: [rule('a')] }, area: 'sync' });
    const text = store.getState().exportText();
    expect(validateRules(JSON.parse(text!))).toEqual({ ok: true, document: { version: 1, rules: [rule('a')] } });
    store.getState().update('a', { host: 'not a host' });
    expect(store.getState().exportText()).toBeNull();
  });

  it('takes over rules changed elsewhere unless there are unsaved edits', async () => {
    const { store } = await loadedStore({ document: { version: 1, rules: [rule('a')] }, area: 'sync' });
    store.getState().externalChange({ document: { version: 1, rules: [rule('b')] }, area: 'local' });
    expect(ids(store)).toEqual(['b']);
    expect(store.getState().area).toBe('local');
    store.getState().update('b', { action: 'mine' });
    store.getState().externalChange({ document: { version: 1, rules: [rule('c')] }, area: 'sync' });
    expect(ids(store)).toEqual(['b']);
    expect(store.getState().drafts[0].action).toBe('mine');
    expect(store.getState().status?.kind).toBe('info');
  });

  it('cannot change a draft id by update', async () => {
    const { store } = await loadedStore({ document: { version: 1, rules: [rule('a')] }, area: 'sync' });
    store.getState().update('a', { id: 'z', name: 'renamed' });
    expect(store.getState().drafts[0]).toMatchObject({ id: 'a', name: 'renamed' });
  });
});
