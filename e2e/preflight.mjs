#!/usr/bin/env node
// Runs before the e2e tests: fail at once, with one line that says what to do, when a browser or
// a build is missing (instead of a stack trace from deep inside a launcher).
import { accessSync, constants, existsSync, statSync } from 'node:fs';
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

const missingBuilds = BUILDS.filter((dir) => !existsSync(path.join(root, dir, 'manifest.json')));
if (missingBuilds.length > 0) {
  fail(`e2e: ${missingBuilds.join(' and ')} not built: run npm run build first.`);
}
