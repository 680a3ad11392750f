import { chmodSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import baseManifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };

// FAULTLINE_E2E_WORKERS=2 runs two e2e files at a time, each with its own browsers, demo server, ports
// and profiles: one at a time leaves a core idle while a test waits on a browser. Not the default: on a
// shared machine at load 17-28 (session 27) Firefox's 2,000-request burst in capture.e2e.ts outlasted
// its 150 s wait beside the store file's Chromium burst; a quiet 2-core runner is still to be checked.
const E2E_WORKERS = Math.max(1, Math.min(availableParallelism(), Number(process.env.FAULTLINE_E2E_WORKERS) || 1));

// With more than one worker, the longest files start first, so the last ones to start are short and no
// worker is left alone at the end with a long file (the store file alone is a third of the total).

/** Seconds each file took in a clean-clone CI run (e585843, one file at a time). Only the order matters. */
const E2E_SECONDS: Record<string, number> = {
  'e2e/store.e2e.ts': 289,
  'e2e/capture.e2e.ts': 95,
  'e2e/glance.e2e.ts': 62,
  'e2e/import-scale.e2e.ts': 62,
  'e2e/demo/demo-page.e2e.ts': 59,
  'e2e/open-100k.e2e.ts': 53,
  'e2e/audit.e2e.ts': 49,
  'e2e/panel.e2e.ts': 35,
  'e2e/hostile.e2e.ts': 34,
  'e2e/openapi.e2e.ts': 33,
  'e2e/privacy.e2e.ts': 31,
  'e2e/capture-fidelity.e2e.ts': 24,
  'e2e/rules.e2e.ts': 22,
  'e2e/store-restart.e2e.ts': 15,
  'e2e/foundation.firefox.e2e.ts': 14,
  'e2e/foundation.chromium.e2e.ts': 7,
};

/** Vitest's order (failed first, then longest in its cache, else largest), with the listed e2e files first, longest first. */
class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const seconds = (spec: TestSpecification) =>
      E2E_SECONDS[path.relative(spec.project.config.root, spec.moduleId).split(path.sep).join('/')] ?? -1;
    // Array.prototype.sort is stable: unlisted files (all the unit files) keep vitest's order.
    return sorted.sort((a, b) => seconds(b) - seconds(a));
  }
}

type Browser = 'chrome' | 'firefox';

const GECKO_ID = 'faultline@faultline.dev';

/**
 * One manifest.json, two packages. crxjs only rewrites the background entry for Firefox,
 * so the rest of the Firefox-specific shape is produced here.
 */
export function manifestFor(browser: Browser): ManifestV3Export {
  const manifest: Record<string, unknown> = structuredClone(baseManifest);
  manifest.version = pkg.version;
  if (browser === 'firefox') {
    const { service_worker, type } = baseManifest.background;
    manifest.background = { scripts: [service_worker], type };
    // filterResponseData copies failure and JSON bodies without DevTools (docs/permissions.md).
    manifest.permissions = [...baseManifest.permissions, 'webRequestBlocking', 'webRequestFilterResponse'];
    manifest.browser_specific_settings = {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    };
  }
  return manifest as unknown as ManifestV3Export;
}

function extensionConfig(browser: Browser): UserConfig {
  return {
    plugins: [
      preact({ devToolsEnabled: false, prefreshEnabled: false }),
      crx({ manifest: manifestFor(browser), browser }),
    ],
    build: {
      outDir: `dist/${browser}`,
      emptyOutDir: true,
      target: browser === 'firefox' ? 'firefox140' : 'chrome120',
      sourcemap: false,
      rollupOptions: {
        // Pages that the manifest does not name need an explicit input.
        input: { panel: 'src/panel/panel.html' },
      },
    },
  };
}

/** npm links `bin` to this file; without the execute bit `npx faultline` fails with Permission denied. */
const executableCli: Plugin = {
  name: 'faultline-executable-cli',
  apply: 'build',
  writeBundle(options, bundle) {
    for (const file of Object.keys(bundle)) {
      if (file.endsWith('.js')) chmodSync(path.join(options.dir ?? 'dist/cli', file), 0o755);
    }
  },
};

/** The HAR triage CLI: one self-contained Node ESM file. */
const cliConfig: UserConfig = {
  plugins: [executableCli],
  build: {
    ssr: 'src/cli/faultline.ts',
    outDir: 'dist/cli',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: false,
    minify: false,
    rollupOptions: {
      output: { entryFileNames: 'faultline.js', format: 'es', banner: '#!/usr/bin/env node' },
    },
  },
  ssr: { noExternal: true, target: 'node' },
};

export default defineConfig(({ mode }) => {
  if (mode === 'cli') return cliConfig;
  if (mode === 'dev-panel') {
    // npm run dev:panel: the panel in a plain page on a fake platform (src/panel/dev), hot reload on.
    return {
      plugins: [preact({ devToolsEnabled: false })],
      server: { host: '127.0.0.1', port: 5174, open: '/src/panel/dev/index.html' },
      resolve: { alias: { 'webextension-polyfill': '/src/panel/dev/no-extension.ts' } },
    } satisfies UserConfig;
  }
  if (mode === 'chrome' || mode === 'firefox') return extensionConfig(mode);
  // vitest (mode 'test') and anything else: no extension bundling.
  return {
    plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false })],
    test: {
      ...(E2E_WORKERS > 1 ? { sequence: { sequencer: LongestFirstSequencer } } : {}),
      projects: [
        {
          extends: true,
          test: {
            // src/core is pure (no browser APIs, no mocks, module state only caches): its files share
            // one module graph per worker instead of importing the classifier afresh each (import was
            // two thirds of their CPU time).
            name: 'unit',
            testTimeout: 30_000,
            include: ['src/core/**/*.test.ts'],
            environment: 'node',
            isolate: false,
            unstubGlobals: true,
            maxWorkers: availableParallelism(),
          },
        },
        {
          extends: true,
          test: {
            // The rest (mocks, DOM environments, globals): each file in a fresh process.
            name: 'unit-isolated',
            testTimeout: 30_000,
            include: ['src/**/*.test.{ts,tsx}', 'e2e/demo/**/*.test.ts', 'e2e/bench/**/*.test.ts'],
            exclude: ['src/core/**', '**/node_modules/**'],
            environment: 'node',
            // Every core: vitest's default (cores - 1) is one worker on a 2-core CI runner, leaving a
            // core idle for the suite's 154 files (each in a fresh process with its own imports).
            maxWorkers: availableParallelism(),
            // zustand imports 'react'; inline it so the alias to preact/compat applies.
            server: { deps: { inline: ['zustand'] } },
          },
        },
        {
          extends: true,
          test: {
            name: 'e2e',
            include: ['e2e/**/*.e2e.ts'],
            environment: 'node',
            // One file at a time unless FAULTLINE_E2E_WORKERS says more (see E2E_WORKERS).
            fileParallelism: E2E_WORKERS > 1,
            maxWorkers: E2E_WORKERS,
            testTimeout: 180_000,
            hookTimeout: 240_000,
          },
        },
      ],
    },
  } as UserConfig;
});
