/**
 * Playwright fixtures: a fresh register host per test (random loopback port, own token, own throw-away data
 * folder, closed afterwards), the register page opened on it, a real hub with a register host enrolled with
 * it for sync specs, and, for Electron specs, a launched Electron app.
 */
import { _electron, test as base } from '@playwright/test';
import type { ElectronApplication } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startRegisterHost } from '../src/host/register-host';
import type { RegisterHost, RegisterHostOptions } from '../src/host/register-host';
import { type E2eHub, startE2eHub } from './hub';
import { RegisterPage } from './pages/register-page';
import { appVersion, repoRoot } from './support';

interface Fixtures {
  /** A register host serving out/renderer on 127.0.0.1 with a random port and token, not enrolled. */
  registerHost: RegisterHost;
  /** The register page, opened through `registerHost` with its token. */
  registerPage: RegisterPage;
  /** A real hub (PGlite in memory, demo seed) on a random loopback port. */
  hub: E2eHub;
  /** A register host started like `npm start` does: enrolling by itself with `hub`'s demo code. */
  syncHost: RegisterHost;
  /** The register in Electron (only where its binary exists; specs skip otherwise). */
  electronApp: ElectronApplication;
}

/** Starts a host with a data folder of its own, removed when the test ends. */
async function withHost(
  options: Partial<RegisterHostOptions>,
  use: (host: RegisterHost) => Promise<void>,
): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'till-e2e-register-'));
  const host = await startRegisterHost({
    rendererDir: path.join(repoRoot, 'out/renderer'),
    version: appVersion,
    port: 0,
    dataDir,
    ...options,
  });
  try {
    await use(host);
  } finally {
    await host.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export const test = base.extend<Fixtures>({
  // Playwright reads fixture dependencies from this destructuring, so it must stay an (empty) pattern.
  // eslint-disable-next-line no-empty-pattern
  registerHost: async ({}, use) => withHost({}, use),
  registerPage: async ({ page, registerHost }, use) => {
    const registerPage = new RegisterPage(page);
    await registerPage.open(registerHost.pageUrl);
    await use(registerPage);
  },
  // eslint-disable-next-line no-empty-pattern
  hub: async ({}, use) => {
    const hub = await startE2eHub();
    await use(hub);
    await hub.close();
  },
  syncHost: async ({ hub }, use) =>
    withHost({ demoEnrollment: { hubUrl: hub.url, code: 'DEMO-S1-R1' } }, use),
  // eslint-disable-next-line no-empty-pattern
  electronApp: async ({}, use) => {
    // Chromium inside Electron refuses to run as root with its OS sandbox on (CI containers run as root).
    const args = [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '.'];
    const app = await _electron.launch({ args, cwd: repoRoot });
    await use(app);
    await app.close();
  },
});

export { expect } from '@playwright/test';
