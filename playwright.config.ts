/**
 * End-to-end tests (e2e/). Three projects:
 * - `browser`: the register in browser mode, served by a fresh register host per test, in Debian's Chromium
 *   (/usr/bin/chromium; Playwright never downloads a browser here).
 * - `electron-journeys`: the same journeys (sign-in, sale, tender, sync) in real Electron, through the
 *   fixtures' `mode: 'electron'`; every test skips, saying why, where the Electron binary is not installed.
 * - `electron`: Electron-only specs (the app shell), likewise skipping without the binary.
 * The global setup builds out/ once when it is missing or stale.
 */
import { defineConfig } from '@playwright/test';
import type { ModeOptions } from './e2e/fixtures';

/** Debian's Chromium, headless. Electron projects need it too: Playwright's own `page` is made per test. */
const chromium = {
  browserName: 'chromium' as const,
  headless: true,
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  },
};

export default defineConfig<ModeOptions>({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  // Two cores: one worker per core, each with its own Chromium and host.
  workers: 2,
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
  projects: [
    {
      name: 'browser',
      testMatch: /.*\.browser\.spec\.ts$/,
      use: { ...chromium, mode: 'browser' },
    },
    {
      name: 'electron-journeys',
      testMatch: /(sign-in|sale|tender|sync)\.browser\.spec\.ts$/,
      use: { ...chromium, mode: 'electron' },
    },
    {
      name: 'electron',
      testMatch: /.*\.electron\.spec\.ts$/,
      use: { mode: 'electron' },
    },
  ],
});
