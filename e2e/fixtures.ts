/**
 * Playwright fixtures: a fresh register host per test (random loopback port, own token, closed afterwards),
 * the register page opened on it, and, for Electron specs, a launched Electron app.
 */
import { _electron, test as base } from '@playwright/test';
import type { ElectronApplication } from '@playwright/test';
import path from 'node:path';
import { startRegisterHost } from '../src/host/register-host';
import type { RegisterHost } from '../src/host/register-host';
import { RegisterPage } from './pages/register-page';
import { appVersion, repoRoot } from './support';

interface Fixtures {
  /** A register host serving out/renderer on 127.0.0.1 with a random port and token. */
  registerHost: RegisterHost;
  /** The register page, opened through `registerHost` with its token. */
  registerPage: RegisterPage;
  /** The register in Electron (only where its binary exists; specs skip otherwise). */
  electronApp: ElectronApplication;
}

export const test = base.extend<Fixtures>({
  // Playwright reads fixture dependencies from this destructuring, so it must stay an (empty) pattern.
  // eslint-disable-next-line no-empty-pattern
  registerHost: async ({}, use) => {
    const host = await startRegisterHost({
      rendererDir: path.join(repoRoot, 'out/renderer'),
      version: appVersion,
      port: 0,
    });
    await use(host);
    await host.close();
  },
  registerPage: async ({ page, registerHost }, use) => {
    const registerPage = new RegisterPage(page);
    await registerPage.open(registerHost.pageUrl);
    await use(registerPage);
  },
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
