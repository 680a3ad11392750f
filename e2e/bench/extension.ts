// The extension under test: built fresh into a private directory (other runs may be using dist/),
// falling back to dist/chrome when the build fails (e.g. someone's half-saved file).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { symlink } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT, distPath, makeTempDir, removeDir } from '../harness/common';

export interface BuiltExtension {
  path: string;
  /** How it was obtained, for the report. */
  source: 'fresh build' | 'dist/chrome (build failed)' | 'given';
  note?: string;
}

/** Removes a fresh build's private directory (given paths and dist/ are left alone). */
export async function disposeExtension(ext: BuiltExtension): Promise<void> {
  if (ext.source === 'fresh build') await removeDir(path.dirname(ext.path));
}

function run(cmd: string, args: string[], cwd = REPO_ROOT): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
    child.on('error', (error) => resolve({ code: 1, output: String(error) }));
  });
}

/** `minify: false` keeps function names readable in CPU profiles (`--profile`). */
export async function chromeExtension(
  given?: string,
  { minify = true }: { minify?: boolean } = {},
): Promise<BuiltExtension> {
  if (given) return { path: path.resolve(given), source: 'given' };
  const outDir = path.join(await makeTempDir('bench-ext'), 'chrome');
  const vite = path.join(REPO_ROOT, 'node_modules/vite/bin/vite.js');
  const { code, output } = await run(process.execPath, [
    vite,
    'build',
    '--mode',
    'chrome',
    '--outDir',
    outDir,
    '--emptyOutDir',
    '--logLevel',
    'error',
    ...(minify ? [] : ['--minify', 'false']),
  ]);
  if (code === 0 && existsSync(path.join(outDir, 'manifest.json'))) return { path: outDir, source: 'fresh build' };
  await removeDir(path.dirname(outDir));
  const fallback = distPath('chromium');
  const note = `build failed: ${output.trim().split('\n').slice(-3).join(' / ').slice(0, 300)}`;
  if (existsSync(path.join(fallback, 'manifest.json')))
    return { path: fallback, source: 'dist/chrome (build failed)', note };
  throw new Error(`no Chrome extension to benchmark (${note})`);
}

/** A fresh Firefox build of this tree into a private directory (no fallback: the body copy must be this tree's). */
export async function firefoxExtension(): Promise<BuiltExtension> {
  const outDir = path.join(await makeTempDir('bench-ext-firefox'), 'firefox');
  const { code, output } = await viteBuild(REPO_ROOT, 'firefox', outDir);
  if (code === 0 && existsSync(path.join(outDir, 'manifest.json'))) return { path: outDir, source: 'fresh build' };
  await removeDir(path.dirname(outDir));
  throw new Error(`Firefox build failed: ${output.trim().split('\n').slice(-3).join(' / ').slice(0, 300)}`);
}

function viteBuild(root: string, mode: 'chrome' | 'firefox', outDir: string) {
  const vite = path.join(REPO_ROOT, 'node_modules/vite/bin/vite.js');
  return run(
    process.execPath,
    [vite, 'build', '--mode', mode, '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'],
    root,
  );
}

export interface RevisionBuild {
  /** The revision as given and the commit it names. */
  source: string;
  chrome: string;
  firefox: string;
  dispose(): Promise<void>;
}

/**
 * Both extension packages as another revision builds them (the "before" of a before/after, as
 * --baseline names it): its tree from `git archive`, this tree's node_modules, its own vite config.
 */
export async function revisionExtensions(spec: string): Promise<RevisionBuild> {
  const rev = execFileSync('git', ['rev-parse', '--verify', `${spec}^{commit}`], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  }).trim();
  const root = await makeTempDir('bench-revision');
  try {
    execFileSync('sh', ['-c', `git archive ${rev} | tar -x -C "${root}"`], { cwd: REPO_ROOT });
    await symlink(path.join(REPO_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
    const out = { chrome: path.join(root, 'out/chrome'), firefox: path.join(root, 'out/firefox') };
    for (const mode of ['chrome', 'firefox'] as const) {
      const { code, output } = await viteBuild(root, mode, out[mode]);
      if (code !== 0 || !existsSync(path.join(out[mode], 'manifest.json')))
        throw new Error(
          `${spec} (${mode}) did not build: ${output.trim().split('\n').slice(-3).join(' / ').slice(0, 300)}`,
        );
    }
    return { source: `${spec} (${rev.slice(0, 12)})`, ...out, dispose: () => removeDir(root) };
  } catch (error) {
    await removeDir(root);
    throw error;
  }
}
