/**
 * The Vitest config of mutation runs that use the unit tests only: stryker/vitest.config.ts without the
 * test files that start a real hub (found by stryker/test-graph.mjs). Those take seconds each and, under
 * mutation, run again for every mutant they reach; a folder of pure rules (src/shared) is measured by the
 * tests that exercise it directly. Leaving tests out can only let more mutants survive, so a score measured
 * this way is a lower bound of the whole suite's.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';
import { hubTests } from './test-graph.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

export default mergeConfig(base, defineConfig({ test: { exclude: hubTests(root) } }));
