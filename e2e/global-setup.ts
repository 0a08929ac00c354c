/**
 * Builds out/ (main, preload, renderer) once before any test, when it is missing or older than its sources.
 * The rule lives in scripts/ensure-build.mjs, shared with `npm start`.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function globalSetup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const result = spawnSync(process.execPath, ['scripts/ensure-build.mjs'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('Building the register for the e2e tests failed.');
}
