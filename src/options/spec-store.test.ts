import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { StoredSpec } from '../core/openapi/stored';
import { examplePath } from '../core/openapi/testing';
import { createSpecStore, type SpecDeps } from './spec-store';

const PETSTORE = readFileSync(examplePath('3.0/yaml/petstore.yaml'), 'utf8');

function setup(over: Partial<SpecDeps> = {}) {
  let saved: readonly StoredSpec[] = [];
  const deps: SpecDeps = {
    load: async () => ({ specs: [...saved], dropped: 0 }),
    save: vi.fn(async (specs: readonly StoredSpec[]) => {
      saved = specs;
      return 1;
    }),
    fetchText: vi.fn(async () => PETSTORE),
    now: () => 1_700_000_000_000,
    ...over,
  };
  return { store: createSpecStore(deps), deps, saved: () => saved };
}

describe('options: OpenAPI specs', () => {
  it('loads a YAML file, keeps it as JSON with derived servers, and replaces it when loaded again', async () => {
    const { store, saved } = setup();
    expect(await store.getState().addText(PETSTORE, { kind: 'file', name: 'petstore.yaml' })).toBe(true);
    expect(saved()).toHaveLength(1);
    expect(saved()[0]).toMatchObject({
      title: 'Swagger Petstore',
      openapi: '3.0',
      servers: ['http://petstore.swagger.io/v2'],
      source: { kind: 'file', name: 'petstore.yaml' },
    });
    expect(JSON.parse(saved()[0].document).openapi).toBe('3.0.0');
    expect(store.getState().status?.text).toMatch(
      /^Loaded "Swagger Petstore": \d+ operations on http:\/\/petstore\.swagger\.io\/v2/,
    );
    await store.getState().addText(PETSTORE, { kind: 'file', name: 'petstore.yaml' });
    expect(saved()).toHaveLength(1);
  });

  it('a broken spec is named, nothing is saved', async () => {
    const { store, deps } = setup();
    expect(await store.getState().addText('openapi: 3.0.0\npaths: [\n', { kind: 'file', name: 'bad.yaml' })).toBe(
      false,
    );
    expect(deps.save).not.toHaveBeenCalled();
    expect(store.getState().status).toEqual({
      kind: 'error',
      text: expect.stringMatching(
        /^bad\.yaml is not valid YAML at line \d+, column \d+: .*Nothing was saved; Faultline works on without it\.$/,
      ),
    });
  });

  it('fetches a URL only when asked, and binds relative servers to it', async () => {
    const relative = JSON.stringify({
      openapi: '3.1.0',
      info: { title: 'Demo', version: '1' },
      paths: { '/x': { get: { responses: { '200': { description: 'ok' } } } } },
    });
    const fetchText = vi.fn(async () => relative);
    const { store, saved } = setup({ fetchText });
    await store.getState().load();
    expect(fetchText).not.toHaveBeenCalled();
    await store.getState().addUrl('http://localhost:8000/openapi.json');
    expect(fetchText).toHaveBeenCalledWith('http://localhost:8000/openapi.json');
    expect(saved()[0].servers).toEqual(['http://localhost:8000']);
  });

  it('a fetch that fails, or a quota refusal, says why and keeps the list', async () => {
    const { store } = setup({
      fetchText: async () => {
        throw new Error('http://x.test/o.json answered 404 Not Found');
      },
    });
    expect(await store.getState().addUrl('http://x.test/o.json')).toBe(false);
    expect(store.getState().status?.text).toBe('http://x.test/o.json answered 404 Not Found. Nothing was saved.');
    const full = setup({
      save: async () => {
        throw new Error('the specs take 9.0 MB; extension storage keeps at most 8 MB of specs.');
      },
    });
    expect(await full.store.getState().addText(PETSTORE, { kind: 'file', name: 'p.yaml' })).toBe(false);
    expect(full.store.getState().specs).toEqual([]);
    expect(full.store.getState().status?.kind).toBe('error');
  });

  it('base URLs replace the servers; an import re-derives rules instead of trusting the file', async () => {
    const { store, saved } = setup();
    await store.getState().addText(PETSTORE, { kind: 'file', name: 'petstore.yaml' });
    const id = saved()[0].id;
    await store.getState().setBaseUrls(id, 'http://localhost:9000/v2');
    expect(saved()[0].servers).toEqual(['http://localhost:9000/v2']);
    const forged = {
      ...saved()[0],
      id: 'other',
      rules: [{ id: 'x', name: 'x', enabled: true, match: { host: '*' }, set: { action: 'pwned' } }],
    };
    await store.getState().importStored([forged, { nope: 1 }]);
    const imported = saved().find((s) => s.id === 'other')!;
    expect(imported.rules.some((r) => r.set.action === 'pwned')).toBe(false);
    expect(store.getState().status?.text).toBe('Imported 1 spec; 1 malformed entry was left out.');
  });
});
