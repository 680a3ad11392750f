// `npm run zip`: store-ready zips of both built packages, written to dist/zips/.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync, type Zippable } from 'fflate';

const root = new URL('..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

function filesOf(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesOf(path) : [path];
  });
}

mkdirSync(join(root, 'dist/zips'), { recursive: true });
for (const target of ['chrome', 'firefox'] as const) {
  const dir = join(root, 'dist', target);
  if (!existsSync(join(dir, 'manifest.json'))) {
    console.error(`faultline zip: dist/${target} is missing; run npm run build first`);
    process.exit(1);
  }
  const entries: Zippable = {};
  // Sorted paths and a fixed mtime keep the archive reproducible.
  for (const file of filesOf(dir).sort()) {
    entries[relative(dir, file)] = [readFileSync(file), { mtime: new Date('2026-01-01T00:00:00Z') }];
  }
  const out = join(root, 'dist/zips', `faultline-${pkg.version}-${target}.zip`);
  writeFileSync(out, zipSync(entries, { level: 9 }));
  console.log(`${relative(root, out)}  ${(statSync(out).size / 1024).toFixed(1)} KiB`);
}
