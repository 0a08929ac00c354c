/**
 * The register's app shell in browser mode: the page served by the register host, `window.till` over the
 * host's WebSocket, and the host's token and origin checks as Chromium meets them; the top bar on one row
 * with nothing scrolling sideways at 1024 × 768; the idle lock's minutes from the store's settings.
 */
import { WebSocket as NodeWebSocket } from 'ws';
import { expect, test } from './fixtures';
import { RegisterPage } from './pages/register-page';
import { SalePage } from './pages/sale-page';
import { SignInPage } from './pages/sign-in-page';
import { appVersion, repoRoot } from './support';

// The first sync opens IndexedDB and pulls every collection, staff and settings included.
const SYNC_TIMEOUT = 20_000;

/** Opens a socket from Node with a chosen Origin; resolves with the HTTP status of a refusal, or 101. */
function nodeUpgradeStatus(url: string, origin: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new NodeWebSocket(url, { origin });
    ws.once('open', () => {
      ws.close();
      resolve(101);
    });
    ws.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    ws.once('error', reject);
  });
}

test('shows Till and the app:info answer, fetched over the WebSocket', async ({ page, registerHost }) => {
  const sockets: string[] = [];
  const received: string[] = [];
  // Listen from the start, so that no frame can arrive before the listener does.
  page.on('websocket', (ws) => {
    sockets.push(ws.url());
    ws.on('framereceived', (frame) => received.push(String(frame.payload)));
  });
  await page.goto(registerHost.pageUrl);

  const register = new RegisterPage(page);
  await register.expectReady({ mode: 'browser', version: appVersion, platform: process.platform });
  await expect(register.badge).toHaveText(`Browser mode · v${appVersion}`);
  expect(sockets).toEqual([`ws://127.0.0.1:${registerHost.port}/till?token=${registerHost.token}`]);
  await expect.poll(() => received.some((frame) => frame.includes('"mode":"browser"'))).toBe(true);
});

test('a WebSocket without the token, or with a wrong one, is refused', async ({
  registerPage,
  registerHost,
}) => {
  const base = `ws://127.0.0.1:${registerHost.port}/till`;
  expect(await registerPage.tryWebSocket(base)).toBe('refused');
  expect(await registerPage.tryWebSocket(`${base}?token=wrong`)).toBe('refused');
  // The same page, with the token, gets in: the refusals above are about the token.
  expect(await registerPage.tryWebSocket(`${base}?token=${registerHost.token}`)).toBe('open');
  expect(await nodeUpgradeStatus(base, registerHost.origin)).toBe(401);
});

test('a page from a non-loopback origin is refused even with the token', async ({ page, registerHost }) => {
  // A page on a foreign origin, answered locally (nothing leaves the machine); Chromium sets its real Origin.
  await page.route('http://register-attacker.test/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>elsewhere</title>' }),
  );
  await page.goto('http://register-attacker.test/');
  const url = `ws://127.0.0.1:${registerHost.port}/till?token=${registerHost.token}`;
  expect(await new RegisterPage(page).tryWebSocket(url)).toBe('refused');
  expect(await nodeUpgradeStatus(url, 'http://register-attacker.test')).toBe(403);
  expect(await nodeUpgradeStatus(url, registerHost.origin)).toBe(101);
});

test('without a token the page says how to start the register', async ({ page, registerHost }) => {
  await page.goto(`${registerHost.origin}/`);
  const register = new RegisterPage(page);
  await expect(register.notConnected).toContainText('The register is not connected');
  await expect(register.notConnected).toContainText('npm start');
  await expect(register.badge).toHaveText('Not connected');
});

test('notices pushed by the host appear and can be dismissed', async ({ registerPage, registerHost }) => {
  await registerPage.expectReady({ mode: 'browser', version: appVersion });
  registerHost.broadcast('app:notice', {
    level: 'warning',
    code: 'test_notice',
    message: 'Printer paper is low.',
  });
  await expect(registerPage.notices).toHaveText(/Printer paper is low\./);
  await registerPage.notices.getByRole('button', { name: 'Dismiss' }).click();
  await expect(registerPage.notices).toHaveCount(0);
});

test('the content security policy blocks inline script', async ({ registerPage }) => {
  await registerPage.expectReady({ mode: 'browser', version: appVersion });
  const outcome = await registerPage.page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (event) => resolve(event.effectiveDirective), {
          once: true,
        });
        const script = document.createElement('script');
        script.textContent = 'window.__inlineRan = true';
        document.body.append(script);
        setTimeout(
          () => resolve((window as { __inlineRan?: boolean }).__inlineRan ? 'ran' : 'no event'),
          2000,
        );
      }),
  );
  expect(outcome).toBe('script-src-elem');
});

test('from 1024 × 768 to 1920 × 1080 the signed-in top bar is one row and nothing scrolls sideways', async ({
  page,
  syncHost,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(syncHost.pageUrl);
  const signIn = new SignInPage(page);
  await expect(signIn.person('Bob Clerk')).toBeVisible({ timeout: SYNC_TIMEOUT });
  await signIn.signIn('Bob Clerk', '1111');
  const sale = new SalePage(page);
  await expect(sale.search).toBeVisible();
  // A line in the cart, so the cart's columns are laid out too.
  await sale.quickKeys.getByRole('button').first().click();
  await expect(sale.lines).toHaveCount(1);

  const register = new RegisterPage(page);
  // Every control of the top bar is there, by its accessible name, and all of them on one row.
  await expect(register.topBar.getByRole('group', { name: 'Sync status' }).getByRole('button')).toBeVisible();
  for (const name of [/^Switch clerk/, /^Sign out/, /^Receipts/, /^Customer display/])
    await expect(register.topBar.getByRole('button', { name })).toBeVisible();
  await expect(register.badge).toBeVisible();
  await page.screenshot({ path: `${repoRoot}e2e/screenshots/shell-1024x768.png` });
  expect(await register.topBarRows()).toBe(1);
  expect(await register.horizontalOverflow()).toBe(0);

  expect(await register.syncWordsCut()).toEqual([]);

  // The common widths of store screens in between: one row, nothing sideways, no word of the sync
  // indicator cut short (it drops the least needed ones instead).
  for (const width of [1280, 1366, 1440, 1600, 1920]) {
    await page.setViewportSize({ width, height: width === 1920 ? 1080 : 768 });
    if (width === 1366) await page.screenshot({ path: `${repoRoot}e2e/screenshots/shell-1366x768.png` });
    if (width === 1920) await page.screenshot({ path: `${repoRoot}e2e/screenshots/shell-1920x1080.png` });
    expect(await register.topBarRows(), `${width} px`).toBe(1);
    expect(await register.horizontalOverflow(), `${width} px`).toBe(0);
    expect(await register.syncWordsCut(), `${width} px`).toEqual([]);
    await expect(register.topBar.getByText('Online', { exact: true })).toBeVisible();
  }
});

test('the idle lock waits the minutes the store’s settings say', async ({ page, hub, syncHost }) => {
  test.setTimeout(90_000);
  // Before the register's first pull, so the settings it replicates already say 2 minutes.
  await hub.query(
    `UPDATE store_settings SET doc = doc || '{"idleLockMinutes": 2}'::jsonb WHERE store_id = 'store-1'`,
  );
  await page.clock.install();
  await page.goto(syncHost.pageUrl);
  const signIn = new SignInPage(page);
  await expect(signIn.person('Bob Clerk')).toBeVisible({ timeout: SYNC_TIMEOUT });
  await signIn.signIn('Bob Clerk', '1111');
  await expect(signIn.clerkBar).toContainText('Bob Clerk');

  await page.clock.fastForward('01:50');
  await expect(signIn.clerkBar).toContainText('Bob Clerk');
  await expect(signIn.lockNote).toHaveCount(0);
  await page.clock.fastForward('00:15');
  await expect(signIn.lockNote).toContainText('Locked after 2 minutes without use.');
});
