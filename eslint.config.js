// ESLint flat config. Zero warnings are allowed (`eslint --max-warnings=0`).
//
// The import boundaries of docs/architecture.md ("Processes", "Import boundaries") are enforced twice:
// - which folders of the project a folder may import: `import-x/no-restricted-paths`, on resolved file
//   paths (so `@till/shared/sync/…` and `../sync/…` are told apart, which a glob on the specifier cannot);
// - which packages a folder may import (`electron`, `node:*`, React): `no-restricted-imports`. Flat config
//   replaces a rule's options wholesale when a later block matches the same file, so each block is built
//   from `restrict()`, which always carries the raw-IPC ban as well.
// `import-x/no-cycle` refuses import cycles everywhere (type-only imports are erased, so they do not count).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

/** Tests, test helpers, e2e specs and benches: they may import anything. */
const testFiles = ['**/*.test.{ts,tsx}', 'test/**', 'e2e/**', 'bench/**', 'hub/test/**'];

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

/** Raw Electron IPC is touched only by the IPC modules: src/shared/ipc types it, main and preload wire it. */
const rawIpc = {
  name: 'electron',
  importNames: ['ipcRenderer', 'ipcMain'],
  message:
    'Use the typed IPC contract in src/shared/ipc; raw ipcRenderer/ipcMain live only in the IPC modules.',
};

/**
 * Builds a `no-restricted-imports` entry.
 * @param {{ patterns?: object[], allowRawIpc?: boolean }} options
 */
function restrict({ patterns = [], allowRawIpc = false } = {}) {
  return ['error', { paths: allowRawIpc ? [] : [rawIpc], patterns }];
}

const noNode = {
  group: ['node:*', ...nodeBuiltins],
  message: 'This code also runs where Node is absent (docs/architecture.md, "Processes").',
};
const noElectron = {
  group: ['electron', 'electron/*'],
  message: 'No Electron here: this code also runs under plain Node (docs/architecture.md, "Processes").',
};
const noReact = { group: ['react', 'react-dom', 'react-dom/*'], message: 'No React here.' };

/**
 * What each folder of src/ may import of the project besides itself (docs/architecture.md, "Processes").
 * Packages are not listed here: they are `no-restricted-imports`' business, below.
 */
const projectImports = {
  shared: [],
  sync: ['shared'],
  renderer: ['shared', 'sync'],
  preload: ['shared'],
  main: ['shared', 'backend'],
  backend: ['shared'],
  host: ['shared', 'backend'],
  devices: ['shared'],
};

/** Folders shipped code never imports: the hub (for src/), tests, benches, scripts. */
const notShipped = ['./test', './e2e', './bench', './scripts'];

/** `import-x/no-restricted-paths` zones, on real paths relative to this file. */
const boundaryZones = [
  ...Object.entries(projectImports).flatMap(([folder, allowed]) => [
    {
      target: `./src/${folder}`,
      from: './src',
      except: [folder, ...allowed].map((name) => `./${name}`),
      message: `src/${folder} may import only ${[folder, ...allowed].map((n) => `src/${n}`).join(', ')}.`,
    },
    {
      target: `./src/${folder}`,
      from: ['./hub', ...notShipped],
      message: 'The register never imports the hub, tests, benches or scripts.',
    },
  ]),
  {
    target: './hub',
    from: './src',
    except: ['./shared'],
    message: 'The hub shares only src/shared with the register, never its code.',
  },
  { target: './hub', from: notShipped, message: 'The hub never imports tests, benches or scripts.' },
];

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
    // Resolution for the import-x rules: TypeScript's, with the `@till/shared/*` path of tsconfig.json.
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createTypeScriptImportResolver({ project: `${import.meta.dirname}/tsconfig.json` }),
      ],
    },
    rules: {
      // Cycles through node_modules cannot come back to our files: not following them keeps lint fast.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // Folder boundaries, for everything that ships (tests are exempt below).
    files: ['src/**/*.{ts,tsx}', 'hub/**/*.ts'],
    ignores: testFiles,
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: boundaryZones }],
    },
  },
  {
    // Contracts and domain: pure TypeScript that runs everywhere.
    files: ['src/shared/**/*.ts'],
    ignores: testFiles,
    rules: { 'no-restricted-imports': restrict({ patterns: [noNode, noElectron, noReact] }) },
  },
  {
    // Replication: runs in the renderer and under Node tests; storage, fetch and SSE are passed in.
    files: ['src/sync/**/*.ts'],
    ignores: testFiles,
    rules: { 'no-restricted-imports': restrict({ patterns: [noNode, noElectron, noReact] }) },
  },
  {
    // The renderer talks to the outside only through window.till.
    files: ['src/renderer/**/*.{ts,tsx}'],
    ignores: testFiles,
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict({ patterns: [noNode, noElectron] }),
    },
  },
  {
    // The IPC modules are the only place raw Electron IPC may appear.
    files: ['src/main/ipc/**/*.ts', 'src/preload/**/*.ts'],
    ignores: testFiles,
    rules: { 'no-restricted-imports': restrict({ allowRawIpc: true }) },
  },
  {
    // Served by Electron main and by the plain-Node host, run as a utility process or a plain child
    // process, or the host itself: none of these may load Electron.
    files: ['src/backend/**/*.ts', 'src/devices/**/*.ts', 'src/host/**/*.ts'],
    ignores: testFiles,
    rules: { 'no-restricted-imports': restrict({ patterns: [noElectron, noReact] }) },
  },
  {
    // The hub is a server: no Electron, no React.
    files: ['hub/**/*.ts'],
    ignores: testFiles,
    rules: { 'no-restricted-imports': restrict({ patterns: [noElectron, noReact] }) },
  },
  {
    // Tests may import anything (they drive real hubs, hosts and registers); cycles are still refused.
    files: testFiles,
    rules: { 'no-restricted-imports': 'off', 'import-x/no-restricted-paths': 'off' },
  },
  prettier,
);
