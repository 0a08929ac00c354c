import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `npm run test:chaos`: the fault runs of test/chaos (a real hub process on a private PostgreSQL the tests
// stop and start), one file at a time so their timings do not disturb each other on a small machine.
export default defineConfig({
  // The `@till/shared` alias of vitest.config.ts (importing that file would make Vite bundle the config).
  resolve: { alias: { '@till/shared': fileURLToPath(new URL('./src/shared', import.meta.url)) } },
  test: {
    include: ['test/chaos/**/*.chaos.test.ts'],
    environment: 'node',
    fileParallelism: false,
    // Chaos files skip themselves unless this is set, so the unit run (`vitest run`) never starts them.
    env: { TILL_CHAOS: '1' },
    testTimeout: 120_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
  },
});
