// ESLint: rules that catch real bugs (floating promises, non-exhaustive switches, needless casts),
// not style; Prettier owns the layout (npm run format).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'test-results/**',
      '.e2e-tmp/**',
      'corpus/**',
      'e2e/demo/*.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node, ...globals.webextensions },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // A default branch does not excuse a missing member: list them all, then `default: assertNever(x)`.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: false }],
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-constant-condition': ['error', { checkLoops: false }],
      'no-control-regex': 'off', // sanitizers match control characters on purpose
      'no-empty': ['error', { allowEmptyCatch: true }],
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      'no-useless-escape': 'off', // escapes in regexes are kept where they help the reader
    },
  },
  ...contextBoundaries(),
  {
    // Tests may use non-null assertions and loose casts on fixtures.
    files: ['**/*.test.{ts,tsx}', 'src/panel/components/test-render.tsx', 'e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      // preact's act() returns a thenable that synchronous tests rightly ignore.
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', package: 'preact', name: 'act' }] },
      ],
      // page.evaluate-style generics: the cast documents what the page returns.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);

/**
 * No browser context imports another (what two of them use goes in src/ui, src/core or
 * src/protocol), and the pure core imports no context and no browser API. Core tests may reach the
 * panel's exporters to check what leaves the browser.
 */
function contextBoundaries() {
  const contexts = ['background', 'devtools', 'panel', 'options', 'cli'];
  const banned = (names) => ({
    patterns: [
      {
        group: names.map((name) => `**/${name}/**`),
        message: 'Browser contexts stay apart: move what two of them share to src/ui, src/core or src/protocol.',
      },
    ],
  });
  return [
    ...contexts.map((context) => ({
      files: [`src/${context}/**/*.{ts,tsx}`],
      rules: { 'no-restricted-imports': ['error', banned(contexts.filter((c) => c !== context))] },
    })),
    {
      files: ['src/ui/**/*.{ts,tsx}', 'src/protocol/**/*.{ts,tsx}', 'src/platform/**/*.{ts,tsx}'],
      rules: { 'no-restricted-imports': ['error', banned(contexts)] },
    },
    {
      files: ['src/core/**/*.{ts,tsx}'],
      ignores: ['src/core/**/*.test.{ts,tsx}'],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            paths: [{ name: 'webextension-polyfill', message: 'src/core is pure: browser APIs sit in src/platform.' }],
            patterns: [
              {
                group: [...contexts, 'platform', 'ui'].map((name) => `**/${name}/**`),
                message: 'src/core is pure: it imports no browser context, platform wrapper or UI.',
              },
            ],
          },
        ],
      },
    },
  ];
}
