// Loads the classifier as the extension ships it: one esbuild bundle of src/core, without the
// `__name` wrappers tsx adds to every named function (they cost real time in hot closures).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { REPO_ROOT } from '../harness/common';

export type CoreModule = typeof import('../../src/core/index');

let loaded: Promise<CoreModule> | null = null;
/** Per line of the bundle: the source file whose region comment last preceded it. */
let regions: Array<string | null> = [];

/** The source file of a 0-based line of the bundle (for CPU profiles). */
export function bundleSourceOf(line: number): string | null {
  for (let i = Math.min(line, regions.length - 1); i >= 0; i--) if (regions[i]) return regions[i];
  return null;
}

export function loadBundledCore(): Promise<CoreModule> {
  loaded ??= bundleCore(REPO_ROOT, true);
  return loaded;
}

/**
 * The classifier of another tree, for a side-by-side measure: `spec` is a directory holding
 * src/core (a worktree or checkout) or a git revision of this repository (its src/core is
 * extracted with `git archive`; its npm imports resolve from this tree's node_modules).
 */
export async function loadBaselineCore(spec: string): Promise<{ core: CoreModule; source: string }> {
  if (existsSync(path.join(spec, 'src/core/index.ts')))
    return { core: await bundleCore(path.resolve(spec), false), source: path.resolve(spec) };
  const rev = execFileSync('git', ['rev-parse', '--verify', `${spec}^{commit}`], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  }).trim();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'faultline-baseline-'));
  try {
    execFileSync('sh', ['-c', `git archive ${rev} src/core | tar -x -C "${dir}"`], { cwd: REPO_ROOT });
    return { core: await bundleCore(dir, false), source: `${spec} (${rev.slice(0, 12)})` };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function bundleCore(root: string, keepRegions: boolean): Promise<CoreModule> {
  {
    const result = await build({
      entryPoints: [path.join(root, 'src/core/index.ts')],
      nodePaths: [path.join(REPO_ROOT, 'node_modules')],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'neutral',
      // 'neutral' resolves no package's `module`/`main` field; the classifier's dependencies (fast-xml-parser and
      // its own) are found by them, as in the extension's build.
      mainFields: ['module', 'main'],
      target: 'chrome120',
      // Like a production build, but names kept so a CPU profile stays readable.
      minifySyntax: true,
      // Lines kept: esbuild's `// src/core/…` region comments map profile lines to source files.
      minifyWhitespace: false,
      minifyIdentifiers: false,
      keepNames: false,
      sourcemap: false,
      logLevel: 'silent',
    });
    const dir = await mkdtemp(path.join(os.tmpdir(), 'faultline-bench-core-'));
    const file = path.join(dir, 'core.mjs');
    const text = result.outputFiles[0].text;
    await writeFile(file, text);
    if (keepRegions) regions = text.split('\n').map((line) => /^\/\/ (src\/\S+\.ts)$/.exec(line)?.[1] ?? null);
    try {
      return (await import(pathToFileURL(file).href)) as CoreModule;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}
