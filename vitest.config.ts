import { defineConfig } from 'vitest/config';

// Unit and integration tests live next to the code (`*.test.ts`); e2e specs are Playwright's (e2e/).
export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'hub/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'out/**', 'dist/**', 'e2e/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
