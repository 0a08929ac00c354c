// Builds out/ (electron-vite: main, preload, renderer) when it is missing or older than its sources.
// Shared by scripts/start.mjs and the Playwright global setup, so both decide "stale" the same way.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** What the build reads (folders are walked) and what it must produce. */
const inputs = [
  'src/main',
  'src/preload',
  'src/renderer',
  'src/shared',
  'src/sync',
  'src/backend',
  'src/devices',
  'electron.vite.config.ts',
  'package.json',
];
const outputs = [
  'out/main/index.js',
  'out/main/device-service.js',
  'out/preload/index.cjs',
  'out/renderer/index.html',
];

/** The newest modification time under `file` (0 when absent). Test files do not count. */
function newestMtime(file) {
  if (!existsSync(file)) return 0;
  const stat = statSync(file);
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(file) ? 0 : stat.mtimeMs;
  return readdirSync(file).reduce((newest, name) => Math.max(newest, newestMtime(path.join(file, name))), 0);
}

/** Whether out/ must be rebuilt. */
export function isBuildStale(root) {
  const built = outputs.map((file) => path.join(root, file));
  if (!built.every((file) => existsSync(file))) return true;
  const oldestOutput = Math.min(...built.map((file) => statSync(file).mtimeMs));
  return Math.max(...inputs.map((file) => newestMtime(path.join(root, file)))) > oldestOutput;
}

/** Runs `electron-vite build` if out/ is stale; throws when the build fails. Returns whether it built. */
export function ensureBuild(root, log = console.log) {
  if (!isBuildStale(root)) return false;
  log('Building the register (electron-vite build)…');
  const cli = path.join(root, 'node_modules/electron-vite/bin/electron-vite.js');
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0)
    throw new Error(`electron-vite build failed (exit ${result.status ?? result.signal})`);
  return true;
}

// `node scripts/ensure-build.mjs` does the same from a shell (the Playwright global setup runs it this way).
if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    ensureBuild(path.resolve(import.meta.dirname, '..'));
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
