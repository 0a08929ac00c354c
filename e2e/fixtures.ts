/**
 * Playwright fixtures. The option `mode` says which register the specs drive:
 * - `browser` (default): a fresh register host per test (random loopback port, own token, own throw-away
 *   data folder, closed afterwards) and the register page opened on it in Chromium.
 * - `electron`: the real Electron app, launched per test with a throw-away data folder (`TILL_DATA_DIR`) and,
 *   for `page`/`syncHost`, the demo enrollment (`TILL_HUB_URL`, `TILL_ENROLL_CODE`) pointing at the test's
 *   hub; `page` is its first window, so the same page models and specs drive it. Where the Electron binary
 *   is absent every test in this mode skips, saying why.
 * Also: a real hub, a register host enrolled with it for sync specs, and the raw Electron app.
 */
import { _electron, test as base } from '@playwright/test';
import type { ElectronApplication, Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startRegisterHost } from '../src/host/register-host';
import type { RegisterHost, RegisterHostOptions } from '../src/host/register-host';
import { type E2eHub, startE2eHub } from './hub';
import { RegisterPage } from './pages/register-page';
import { appVersion, hasElectronBinary, noElectronReason, repoRoot } from './support';

/** Which register the specs drive: browser mode through a register host, or the Electron app. */
export type RegisterMode = 'browser' | 'electron';

/** The demo code the fixtures enroll with: store-1, register 1. */
const DEMO_CODE = 'DEMO-S1-R1';

/** The Electron window's page URL (app-protocol.ts): what `pageUrl` is in electron mode. */
const ELECTRON_PAGE_URL = 'till://register/index.html';

/** The fixtures' options, for `defineConfig<ModeOptions>` in playwright.config.ts. */
export interface ModeOptions {
  /** Which register the specs drive; a project sets it (`use: { mode: 'electron' }`). */
  mode: RegisterMode;
}

/** The test's hub, started on first use (so `page` in electron mode can enroll with it), closed at the end. */
interface LazyHub {
  get(): Promise<E2eHub>;
}

/** An Electron app launched for a test, with the data folder it owns. */
interface Launched {
  kind: 'enrolled' | 'bare';
  app: Promise<ElectronApplication>;
  dataDir: string;
}

/** The test's one Electron app, launched on first use: enrolled with the hub, or bare (not enrolled). */
interface ElectronRegister {
  /** Launches the app as `kind` (or returns the one already launched as `kind`). */
  launch(kind: 'enrolled' | 'bare'): Promise<ElectronApplication>;
  /** The app already launched, whatever its kind, or an enrolled one. */
  current(): Promise<ElectronApplication>;
}

interface Fixtures {
  /**
   * Browser mode: a register host serving out/renderer on 127.0.0.1 with a random port and token, not
   * enrolled. Electron mode: the not-enrolled app, described as a host (`pageUrl` is its window's URL;
   * `port` 0 and `token` '' as there are none; `broadcast` throws, the app has no host to push from).
   */
  registerHost: RegisterHost;
  /** The register page, opened through `registerHost` (browser) or the not-enrolled app's window. */
  registerPage: RegisterPage;
  /** A real hub (PGlite in memory, demo seed) on a random loopback port. */
  hub: E2eHub;
  /** A register started like `npm start` does: enrolling by itself with `hub`'s demo code. */
  syncHost: RegisterHost;
  /**
   * `syncHost` with the virtual hardware rig (an ESC/POS printer emulator on TCP, a serial scanner and a
   * pole display on socat ptys) and the device service driving it; browser mode only.
   */
  virtualHost: RegisterHost;
  /** The register in Electron, not enrolled (skips where its binary is absent). */
  electronApp: ElectronApplication;
  /** Skips every test in electron mode where the Electron binary is absent. */
  electronGate: void;
  lazyHub: LazyHub;
  electronRegister: ElectronRegister;
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

/** The Electron app described as a register host, for specs that only open its `pageUrl`. */
function electronHost(app: ElectronApplication): RegisterHost {
  return {
    port: 0,
    origin: new URL(ELECTRON_PAGE_URL).origin,
    token: '',
    pageUrl: ELECTRON_PAGE_URL,
    broadcast() {
      throw new Error('broadcast is browser-mode only: the Electron app has no register host to push from.');
    },
    close: () => app.close(),
  };
}

/** This process's environment without the demo enrollment, which only `enrollment` may set. */
function launchEnv(
  dataDir: string,
  enrollment: { hubUrl: string; code: string } | null,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && key !== 'TILL_HUB_URL' && key !== 'TILL_ENROLL_CODE') env[key] = value;
  }
  env.TILL_DATA_DIR = dataDir;
  if (enrollment) {
    env.TILL_HUB_URL = enrollment.hubUrl;
    env.TILL_ENROLL_CODE = enrollment.code;
  }
  return env;
}

export const test = base.extend<Fixtures & ModeOptions>({
  mode: ['browser', { option: true }],
  electronGate: [
    async ({ mode }, use, testInfo) => {
      testInfo.skip(mode === 'electron' && !hasElectronBinary, noElectronReason);
      await use();
    },
    { auto: true },
  ],
  // Playwright reads fixture dependencies from this destructuring, so it must stay an (empty) pattern.
  // eslint-disable-next-line no-empty-pattern
  lazyHub: async ({}, use) => {
    let started = null as Promise<E2eHub> | null;
    await use({ get: () => (started ??= startE2eHub()) });
    if (started) await (await started).close();
  },
  hub: async ({ lazyHub }, use) => use(await lazyHub.get()),
  electronRegister: async ({ mode, lazyHub }, use) => {
    let launched = null as Launched | null;
    const launch = async (kind: 'enrolled' | 'bare'): Promise<ElectronApplication> => {
      if (mode !== 'electron') throw new Error('The Electron app is launched in electron mode only.');
      if (launched) {
        if (launched.kind !== kind) {
          throw new Error(`This test asks for a ${kind} and a ${launched.kind} register: one app per test.`);
        }
        return launched.app;
      }
      const dataDir = await mkdtemp(path.join(tmpdir(), 'till-e2e-electron-'));
      const enrollment = kind === 'enrolled' ? { hubUrl: (await lazyHub.get()).url, code: DEMO_CODE } : null;
      // Chromium inside Electron refuses to run as root with its OS sandbox on (CI containers run as root).
      const args = [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '.'];
      const app = _electron.launch({ args, cwd: repoRoot, env: launchEnv(dataDir, enrollment) });
      launched = { kind, app, dataDir };
      return app;
    };
    await use({ launch, current: () => (launched ? launched.app : launch('enrolled')) });
    if (launched) {
      await (await launched.app.catch(() => null))?.close();
      await rm(launched.dataDir, { recursive: true, force: true });
    }
  },
  // In electron mode `page` is the app's first window: enrolled with `hub` unless `registerHost` launched a
  // bare one first. Chromium's own page is still made (Playwright's fixture) but not used.
  page: async ({ mode, page, electronRegister }, use) => {
    if (mode !== 'electron') return use(page);
    const window: Page = await (await electronRegister.current()).firstWindow();
    await window.waitForLoadState('domcontentloaded');
    await use(window);
  },
  registerHost: async ({ mode, electronRegister }, use) => {
    if (mode === 'electron') return use(electronHost(await electronRegister.launch('bare')));
    await withHost({}, use);
  },
  // `registerHost` first: in electron mode it decides that `page` is the not-enrolled app's window.
  registerPage: async ({ registerHost, page, mode }, use) => {
    const registerPage = new RegisterPage(page);
    if (mode !== 'electron') await registerPage.open(registerHost.pageUrl);
    await use(registerPage);
  },
  syncHost: async ({ mode, hub, electronRegister }, use) => {
    if (mode === 'electron') return use(electronHost(await electronRegister.launch('enrolled')));
    await withHost({ demoEnrollment: { hubUrl: hub.url, code: DEMO_CODE } }, use);
  },
  virtualHost: async ({ mode, hub }, use, testInfo) => {
    testInfo.skip(mode === 'electron', 'the virtual hardware rig is driven through the browser-mode host');
    await withHost({ demoEnrollment: { hubUrl: hub.url, code: DEMO_CODE }, virtualHardware: true }, use);
  },
  electronApp: async ({ electronRegister }, use) => use(await electronRegister.launch('bare')),
});

export { expect } from '@playwright/test';
