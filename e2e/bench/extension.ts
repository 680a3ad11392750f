// The extension under test: built fresh into a private directory (other runs may be using dist/),
// falling back to dist/chrome when the build fails (e.g. someone's half-saved file).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
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

function run(cmd: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
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
