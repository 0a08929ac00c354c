// Options every mutation-testing folder shares (`npm run test:mutation`, scripts/test-mutation.mjs). Each
// folder has its own config next to this file, so that each gets its own score, break threshold, report
// and incremental file.
import os from 'node:os';
import path from 'node:path';

// The hub integration tests run on embedded PGlite only: mutation runs need no PostgreSQL server, and PGlite
// is the faster of the two. Set here rather than only in the runner script, so that `npx stryker run
// stryker/<folder>.config.mjs` behaves the same; the Stryker workers inherit it.
process.env.TILL_TEST_DATABASES = 'pglite';

/**
 * Environment variable naming the source file a by-file run mutates, or the files of a batch joined with
 * commas (scripts/test-mutation.mjs --by-file, --batch).
 */
export const FILE_ENV = 'TILL_MUTATION_FILE';

/**
 * Where a by-file run of one source file (or one batch of files) keeps its reports and incremental file:
 * its own under reports/mutation/<folder>/, so that each result survives whatever happens to the runs after.
 * @param {string} name the folder's short name
 * @param {string | string[]} files the source file(s), relative to the repository root
 * @returns {string} the path prefix, e.g. reports/mutation/sync/src__sync__backoff.ts, or
 *   reports/mutation/hub-domain/hub__src__domain__atp.ts+4 for a batch of five starting with atp.ts
 */
export function fileReportPrefix(name, files) {
  const list = typeof files === 'string' ? [files] : files;
  const more = list.length > 1 ? `+${list.length - 1}` : '';
  return `reports/mutation/${name}/${list[0].replaceAll('/', '__')}${more}`;
}

/**
 * Builds one folder's Stryker config.
 * @param {object} folder
 * @param {string} folder.name short name: report and incremental file names, `npm run test:mutation -- <name>`
 * @param {string[]} folder.mutate globs of the files to mutate (tests excluded)
 * @param {string} folder.tsconfigFile the project the TypeScript checker compiles mutants with
 * @param {number} folder.goal the mutation score aimed at (percent)
 * @param {number} folder.breakAt the score below which the run fails: today's score minus a small margin
 * @param {'all' | 'unit' | 'hub'} [folder.tests] which tests may kill a mutant: `all` (every Vitest test but
 *   those loading native device addons, stryker/vitest.config.ts), `unit` (also without the tests that start
 *   a hub, stryker/vitest.unit.config.ts) or `hub` (the hub's own tests only, stryker/vitest.hub.config.ts);
 *   `unit` and `hub` give lower bounds of the `all` score, hours faster
 * @returns {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export function folderConfig({ name, mutate, tsconfigFile, goal, breakAt, tests = 'all' }) {
  const files = process.env[FILE_ENV]?.split(',').filter(Boolean) ?? [];
  const byFile = files.length > 0;
  // A by-file run: one source file (or batch), its own reports, and no break threshold (the runner sums the
  // files and applies the folder's threshold to the sum).
  const prefix = byFile ? fileReportPrefix(name, files) : `reports/mutation/${name}`;
  return {
    mutate: byFile ? files : mutate,
    testRunner: 'vitest',
    // `related`: Vitest runs only the test files that import the mutated files (directly or not).
    vitest: {
      configFile: tests === 'all' ? 'stryker/vitest.config.ts' : `stryker/vitest.${tests}.config.ts`,
      related: true,
    },
    checkers: ['typescript'],
    tsconfigFile,
    coverageAnalysis: 'perTest',
    // Static mutants (code run once when a module loads: the zod schemas, tables of constants) cannot be
    // tied to the tests that cover them, so each one re-runs every related test file. In src/shared they
    // were half the mutants and, by Stryker's estimate, 97 % of the run (hours on two cores). They are left
    // out (reported as ignored, not counted in the score); `--ignoreStatic false` runs them too.
    ignoreStatic: true,
    // Two cores: one checker and one test runner while mutants are type-checked, then two test runners.
    concurrency: 2,
    // A busy machine (and PGlite start-up) makes test times noisy; an endless loop still times out.
    timeoutMS: 15_000,
    dryRunTimeoutMinutes: 30,
    incremental: true,
    incrementalFile: `${prefix}-incremental.json`,
    reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
    htmlReporter: { fileName: `${prefix}.html` },
    jsonReporter: { fileName: `${prefix}.json` },
    clearTextReporter: { allowColor: false, reportTests: false, logTests: false },
    thresholds: { high: goal, low: Math.max(goal - 20, 0), break: byFile ? null : breakAt },
    // The sandbox lives outside the checkout, so that lint, typecheck and Vitest runs in the checkout never
    // see its instrumented copies.
    tempDirName: path.join(os.tmpdir(), `till-stryker-${name}`),
    // Nothing the unit and integration tests read: build output, browser tests, their results.
    ignorePatterns: [
      '/out',
      '/dist',
      '/data',
      '/e2e',
      '/test-results',
      '/playwright-report',
      '/bench/results',
      '/.scratch',
      '*.log',
    ],
  };
}
