/**
 * The register's app shell in browser mode: the page served by the register host, `window.till` over the
 * host's WebSocket, and the host's token and origin checks as Chromium meets them.
 */
import { WebSocket as NodeWebSocket } from 'ws';
import { expect, test } from './fixtures';
import { RegisterPage } from './pages/register-page';
import { appVersion } from './support';

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
