import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** `@till/shared/*` is src/shared (tsconfig.base.json `paths`); Vite needs it spelled out. */
export const sharedAlias = { '@till/shared': fileURLToPath(new URL('./src/shared', import.meta.url)) };

// Unit and integration tests live next to the code (`*.test.ts`); e2e specs are Playwright's (e2e/).
export default defineConfig({
  resolve: { alias: sharedAlias },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'hub/**/*.test.ts', 'scripts/**/*.test.ts', 'test/**/*.test.ts'],
    // The chaos tests are slow and run on their own (`npm run test:chaos`, vitest.chaos.config.ts).
    exclude: ['**/node_modules/**', 'out/**', 'dist/**', 'e2e/**', 'test/chaos/**'],
    environment: 'node',
    // Builds the migrated, seeded PGlite database every PGlite test hub starts as a copy of.
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
