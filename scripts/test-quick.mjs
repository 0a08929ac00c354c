// `npm run test:quick`: the edit-test loop. Runs every Vitest test that needs neither a PostgreSQL server
// nor Chromium: unit tests, and the integration tests on embedded PGlite only (TILL_TEST_DATABASES). Lint,
// typecheck, the PostgreSQL runs and the end-to-end tests stay in `npm test`. Extra arguments go to Vitest
// (`npm run test:quick -- src/sync` runs one folder).
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');
// Two workers: PGlite hubs are CPU-bound, and the edit loop wants the answer sooner than npm test does.
const result = spawnSync(process.execPath, [vitest, 'run', '--maxWorkers=2', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TILL_TEST_DATABASES: 'pglite' },
});
process.exit(result.status ?? 1);
