/**
 * The Vitest config of hub mutation runs: only the hub's own tests (hub/**\/*.test.ts: its unit tests and its
 * HTTP integration tests, each against a real PGlite hub). The register's tests start hubs too, but reach the
 * hub's domain through whole replication cycles with back-off waits, so under mutation every mutant of a
 * push or pull path would re-run minutes of them. Leaving tests out can only let more mutants survive, so a
 * score measured this way is a lower bound of the whole suite's.
 */
import { defineConfig } from 'vitest/config';
import base from './vitest.config';

// Spread rather than mergeConfig: mergeConfig concatenates `include` lists instead of replacing them.
export default defineConfig({ ...base, test: { ...base.test, include: ['hub/**/*.test.ts'] } });
