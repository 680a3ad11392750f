#!/usr/bin/env node
// Runs before the e2e tests: fail at once, with one line that says what to do, when a browser or
// a build is missing (instead of a stack trace from deep inside a launcher).
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const BROWSERS = [
  { name: 'Chromium', package: 'chromium', path: process.env.FAULTLINE_CHROMIUM ?? '/usr/bin/chromium' },
  { name: 'Firefox ESR', package: 'firefox-esr', path: process.env.FAULTLINE_FIREFOX ?? '/usr/bin/firefox-esr' },
];
const BUILDS = ['dist/chrome', 'dist/firefox'];

function isExecutableFile(file) {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The newest modification time under a path (files only), 0 when it does not exist. */
function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Why the builds must be made again: missing outputs, or sources newer than the oldest output. */
function staleBuilds() {
  const outputs = [...BUILDS.map((dir) => path.join(dir, 'manifest.json')), 'dist/cli/faultline.js'];
  const missing = outputs.filter((file) => !existsSync(path.join(root, file)));
  if (missing.length > 0) return missing.map((file) => `${file} missing`);
  const inputs = ['src', 'public', 'manifest.json', 'vite.config.ts', 'package.json'];
  const newestInput = Math.max(...inputs.map((p) => newestMtime(path.join(root, p))));
  const oldestOutput = Math.min(...outputs.map((file) => statSync(path.join(root, file)).mtimeMs));
  return newestInput > oldestOutput ? ['dist/ older than its sources'] : [];
}

function fail(message) {
  process.stderr.write(`\n${message}\n\n`);
  process.exit(1);
}

const missingBrowsers = BROWSERS.filter((b) => !isExecutableFile(b.path));
if (missingBrowsers.length > 0) {
  const names = missingBrowsers.map((b) => `${b.name} (${b.path})`).join(' and ');
  fail(
    `e2e: ${names} not found. The e2e tests drive Debian's browsers; install them with:\n` +
      `    sudo apt-get install -y chromium firefox-esr`,
  );
}

// The e2e tests load dist/: build it when it is missing or older than what it is built from, so
// `npm install && npm test` works on a fresh clone and after an edit.
const stale = staleBuilds();
if (stale.length > 0) {
  process.stdout.write(`e2e: ${stale.join(', ')}; building first (npm run build)\n`);
  const built = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) fail('e2e: npm run build failed; the e2e tests need dist/chrome and dist/firefox.');
}
