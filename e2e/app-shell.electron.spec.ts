/**
 * The register's app shell in Electron: the same screen, `app:info` through the preload's `window.till`,
 * and the page's isolation from Node and from other origins. The `electron` project runs it in electron
 * mode, whose fixture skips every test, saying why, where the Electron binary is absent.
 */
import type { TillApi } from '@till/shared/ipc/contract';
import { expect, test } from './fixtures';
import { RegisterPage } from './pages/register-page';
import { appVersion } from './support';

test('shows Till and the app:info answer in Electron', async ({ electronApp }) => {
  const page = await electronApp.firstWindow();
  const register = new RegisterPage(page);
  await register.expectReady({ mode: 'electron', version: appVersion, platform: process.platform });
  expect(page.url()).toBe('till://register/index.html');
});

test('the page has window.till and nothing of Node', async ({ electronApp }) => {
  const page = await electronApp.firstWindow();
  await new RegisterPage(page).expectReady({ mode: 'electron', version: appVersion });
  const globals = await page.evaluate(() => ({
    till: typeof (window as { till?: TillApi }).till?.invoke,
    require: typeof (window as { require?: unknown }).require,
    process: typeof (window as { process?: unknown }).process,
  }));
  expect(globals).toEqual({ till: 'function', require: 'undefined', process: 'undefined' });
  const unknown = await page.evaluate(() =>
    (window as unknown as { till: TillApi }).till.invoke('app:nope' as 'app:info'),
  );
  expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
});

test('navigation away from the register and new windows are blocked', async ({ electronApp }) => {
  const page = await electronApp.firstWindow();
  await new RegisterPage(page).expectReady({ mode: 'electron', version: appVersion });
  await page.evaluate(() => {
    window.open('https://example.com/');
    window.location.href = 'https://example.com/';
  });
  // Navigation would start at once; give it a moment to happen before checking it did not.
  await page.waitForTimeout(500);
  expect(page.url()).toBe('till://register/index.html');
  expect(electronApp.windows()).toHaveLength(1);
});
