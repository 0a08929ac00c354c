/**
 * The Vitest config mutation runs use: the project's own (vitest.config.ts) without the tests that load the
 * serialport or node-hid native addons in the test process (found by stryker/test-graph.mjs).
 * Stryker's Vitest runner always runs tests in worker threads, and serialport's poller calls into V8 from a
 * thread that is being torn down, which aborts the whole run (`HandleScope::HandleScope Entering the V8 API
 * without proper locking`). `npm test` runs them as usual.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import base from '../vitest.config';
import { nativeAddonTests } from './test-graph.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

export default mergeConfig(
  base,
  defineConfig({ test: { exclude: [...(base.test?.exclude ?? []), ...nativeAddonTests(root)] } }),
);
