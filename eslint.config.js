// ESLint flat config. Zero warnings are allowed (`eslint --max-warnings=0`).
//
// The import boundaries of DESIGN.md §5 are enforced here with `no-restricted-imports`, one rule set per
// folder. Flat config replaces a rule's options wholesale when a later block matches the same file, so
// each block below is built from `restrict()` which always carries the IPC ban as well.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

/** Node's built-in modules, so that `fs` is banned as well as `node:fs` where Node is not allowed. */
const nodeBuiltins = [
  'assert',
  'buffer',
  'child_process',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'https',
  'module',
  'net',
  'os',
  'path',
  'process',
  'readline',
  'stream',
  'tls',
  'url',
  'util',
  'worker_threads',
  'zlib',
];

/** Raw Electron IPC is only touched by the IPC modules (src/shared/ipc types it, main and preload wire it). */
const rawIpc = {
  name: 'electron',
  importNames: ['ipcRenderer', 'ipcMain'],
  message:
    'Use the typed IPC contract in src/shared/ipc; raw ipcRenderer/ipcMain live only in the IPC modules.',
};

/**
 * Builds a `no-restricted-imports` entry.
 * @param {{ paths?: object[], patterns?: object[], allowRawIpc?: boolean }} options
 */
function restrict({ paths = [], patterns = [], allowRawIpc = false } = {}) {
  return [
    'error',
    {
      paths: [...(allowRawIpc ? [] : [rawIpc]), ...paths],
      patterns,
    },
  ];
}

const noNode = {
  group: ['node:*', ...nodeBuiltins.map((name) => `${name}`)],
  message: 'This code also runs where Node is absent (DESIGN.md §5).',
};
const noElectron = { group: ['electron', 'electron/*'], message: 'No Electron here (DESIGN.md §5).' };
const noReact = { group: ['react', 'react-dom', 'react-dom/*'], message: 'No React here.' };
const noProjectOutside = (allowed) => ({
  group: ['**/main/**', '**/renderer/**', '**/preload/**', '**/sync/**', '**/host/**', '**/hub/**'].filter(
    (g) => !allowed.some((a) => g.includes(`/${a}/`)),
  ),
  message: 'Import boundary (DESIGN.md §5): this folder may not import that one.',
});

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      'out/**',
      'dist/**',
      'data/**',
      'bench/results/**',
      'playwright-report/**',
      'test-results/**',
      'hub/data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
      'no-restricted-imports': restrict(),
    },
  },
  {
    // Contracts and domain: pure TypeScript, importing nothing else of the project.
    files: ['src/shared/**/*.ts'],
    ignores: ['src/shared/**/*.test.ts', 'src/shared/**/test-*.ts'],
    rules: {
      'no-restricted-imports': restrict({
        // `sync` is allowed only because the pattern cannot tell src/shared/sync from src/sync.
        patterns: [noNode, noElectron, noReact, noProjectOutside(['sync'])],
      }),
    },
  },
  {
    // Replication: runs in the renderer and under Node tests; storage, fetch and SSE are passed in.
    files: ['src/sync/**/*.ts'],
    ignores: ['src/sync/**/*.test.ts', 'src/sync/**/test-*.ts'],
    rules: {
      'no-restricted-imports': restrict({
        patterns: [noNode, noElectron, noReact, noProjectOutside(['sync'])],
      }),
    },
  },
  {
    // The renderer talks to the outside only through window.till.
    files: ['src/renderer/**/*.{ts,tsx}'],
    ignores: ['src/renderer/**/*.test.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict({
        patterns: [noNode, noElectron, noProjectOutside(['renderer', 'sync'])],
      }),
    },
  },
  {
    // The IPC modules are the only place raw Electron IPC may appear.
    files: ['src/main/ipc/**/*.ts', 'src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict({
        allowRawIpc: true,
        patterns: [noProjectOutside(['main', 'preload'])],
      }),
    },
  },
  {
    // The hub never imports register code; it shares only src/shared.
    files: ['hub/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict({
        patterns: [
          { group: ['**/src/main/**', '**/src/renderer/**', '**/src/preload/**', '**/src/host/**'] },
        ],
      }),
    },
  },
  prettier,
);
