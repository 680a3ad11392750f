// The form a spec is kept in (extension storage, the rules export): the parsed document as JSON, so
// reading it back needs no YAML parser, plus what the background needs without loading it (rules).
import { loadSpec, type LoadResult } from './load';
import { parseSpecText } from './parse';
import { specRules } from './rules';
import type { LoadedSpec } from './types';
import type { SpecSource, StoredSpec } from './stored-shape';

export { readStoredSpecs, type SpecSource, type StoredSpec } from './stored-shape';

export type Prepared = { ok: true; stored: StoredSpec; spec: LoadedSpec } | { ok: false; error: string };

function describe(
  spec: LoadedSpec,
  base: Omit<StoredSpec, 'title' | 'version' | 'openapi' | 'rules' | 'warnings' | 'operationCount' | 'servers'>,
): StoredSpec {
  return {
    ...base,
    title: spec.title,
    version: spec.version,
    openapi: spec.openapi,
    rules: specRules(spec),
    warnings: spec.warnings,
    operationCount: spec.operations.length,
    servers: spec.servers.map((s) => s.display),
  };
}

/** Text from a file or a URL → the stored form and the loaded spec; the error names where it is broken. */
export function prepareSpec(
  text: string,
  source: SpecSource,
  id: string,
  addedAt: number,
  baseUrls?: string[],
): Prepared {
  const name = source.kind === 'file' ? source.name : source.url;
  const parsed = parseSpecText(text, name);
  if (!parsed.ok) return parsed;
  let documentText: string;
  try {
    documentText = JSON.stringify(parsed.document);
  } catch (error) {
    return {
      ok: false,
      error: `${name} cannot be kept: ${error instanceof Error ? error.message.slice(0, 200) : 'unknown error'} (a YAML anchor that refers to itself?)`,
    };
  }
  const loaded = loadSpec(parsed.document, { id, sourceUrl: source.kind === 'url' ? source.url : undefined, baseUrls });
  if (!loaded.ok) return { ok: false, error: `${name}: ${loaded.error}` };
  return {
    ok: true,
    spec: loaded.spec,
    stored: describe(loaded.spec, { id, source, baseUrls, addedAt, document: documentText }),
  };
}

/** A stored spec loaded again (JSON only). */
export function loadStoredSpec(stored: StoredSpec): LoadResult {
  let document: unknown;
  try {
    document = JSON.parse(stored.document);
  } catch {
    return { ok: false, error: `${stored.title}: the stored copy is damaged; load the spec again` };
  }
  return loadSpec(document, {
    id: stored.id,
    sourceUrl: stored.source.kind === 'url' ? stored.source.url : undefined,
    baseUrls: stored.baseUrls,
  });
}

/** The stored copy with new base URLs (re-deriving servers and rules). */
export function rebindSpec(stored: StoredSpec, baseUrls: string[]): Prepared {
  const copy: StoredSpec = { ...stored, baseUrls: baseUrls.length ? baseUrls : undefined };
  const loaded = loadStoredSpec(copy);
  if (!loaded.ok) return loaded;
  return { ok: true, spec: loaded.spec, stored: describe(loaded.spec, copy) };
}
