// Test helpers: real public specs from devDependencies, read at test time (never copied into the repo).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadSpec } from './load';
import { parseSpecText } from './parse';
import type { LoadedSpec } from './types';

const require = createRequire(import.meta.url);

export function examplePath(relative: string): string {
  return require.resolve(`@readme/oas-examples/${relative}`);
}

export function githubSpecPath(): string {
  return require.resolve('@octokit/openapi/generated/api.github.com.json');
}

export function loadText(
  text: string,
  id = 'test',
  options: { sourceUrl?: string; baseUrls?: string[] } = {},
): LoadedSpec {
  const parsed = parseSpecText(text, id);
  if (!parsed.ok) throw new Error(parsed.error);
  const loaded = loadSpec(parsed.document, { id, ...options });
  if (!loaded.ok) throw new Error(loaded.error);
  return loaded.spec;
}

export function loadFile(path: string, id = 'test'): LoadedSpec {
  return loadText(readFileSync(path, 'utf8'), id);
}

/** A concrete URL path for a template: each parameter becomes a value no literal segment uses. */
export function pathFor(template: string): string {
  let n = 0;
  return template.replace(/\{[^}]+\}/g, () => `v${n++}-x`);
}
