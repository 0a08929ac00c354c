/**
 * The register's sync against a real hub (browser mode; in project electron-journeys, Electron too): a
 * register started like `npm start` enrolls itself with the demo code, the page replicates the catalogue
 * into IndexedDB and the app-info panel follows the hub going away and coming back. Also: enrolling by
 * hand, and the page's CSP, which lets it reach its hub and nothing else.
 */
import { expect, test } from './fixtures';
import { RegisterPage } from './pages/register-page';
import { repoRoot } from './support';

// The first sync opens IndexedDB and pulls every collection; a hub going away is noticed within a few
// seconds (the event stream's retry and one health request).
const SYNC_TIMEOUT = 20_000;

test('enrolls itself with the demo hub, replicates the catalogue, and follows the hub away and back', async ({
  page,
  hub,
  syncHost,
}) => {
  const register = new RegisterPage(page);
  await register.open(syncHost.pageUrl);
  await register.openInfo();

  await expect(register.connection).toHaveText('online', { timeout: SYNC_TIMEOUT });
  await expect(register.store).toHaveText('Till Downtown (store-1)', { timeout: SYNC_TIMEOUT });
  await expect(register.register).toContainText('reg-');
  await expect(register.productCount).toHaveText(String(hub.products), { timeout: SYNC_TIMEOUT });
  await expect(register.salesWaiting).toHaveText('none');
  await expect(register.lastExchange).not.toHaveText('not yet');
  await register.sync.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${repoRoot}e2e/screenshots/app-info.png`, fullPage: true });

  await hub.stop();
  await expect(register.connection).toHaveText('offline', { timeout: SYNC_TIMEOUT });
  await expect(register.sync).toContainText('The hub cannot be reached. Keep selling');
  // The replica stays: the register keeps selling from it.
  await expect(register.productCount).toHaveText(String(hub.products));

  await hub.start();
  await expect(register.connection).toHaveText('online', { timeout: SYNC_TIMEOUT });
  await expect(register.sync).not.toContainText('The hub cannot be reached');
  await expect(register.sync.getByRole('list', { name: 'Sync problems' })).toHaveCount(0, {
    timeout: SYNC_TIMEOUT,
  });
});

test('the content security policy lets the page reach its hub and no other origin', async ({
  page,
  hub,
  syncHost,
}) => {
  const register = new RegisterPage(page);
  await register.open(syncHost.pageUrl);
  await register.openInfo();
  expect(await register.fetchBlockedByCsp(`${hub.url}/health`)).toBe('not blocked');
  expect(await register.fetchBlockedByCsp('http://127.0.0.1:1/health')).toBe('blocked');
  expect(await register.fetchBlockedByCsp('https://example.com/')).toBe('blocked');
});

test('a register without a demo hub says so, and enrolls from the form', async ({
  registerPage,
  registerHost,
  hub,
}) => {
  await expect(registerPage.enrollmentStatus).toContainText('not enrolled');
  // The hub is not in this page's CSP yet: a code refused by it is shown, then a good one enrolls.
  await registerPage.enroll({ hubUrl: hub.url, code: 'NOPE-0000', name: 'Till 9' });
  await expect(registerPage.enrollRefused).toContainText('does not accept this code');
  await registerPage.enroll({ hubUrl: hub.url, code: 'DEMO-S1-R2', name: 'Till 9' });
  // The new hub's origin needs a fresh page (its CSP); the page reloads by itself, opens on the sign-in
  // screen of the now enrolled register, and replicates.
  await registerPage.openInfo();
  await expect(registerPage.connection).toHaveText('online', { timeout: SYNC_TIMEOUT });
  await expect(registerPage.register).toContainText('Till 9');
  await expect(registerPage.productCount).toHaveText(String(hub.products), { timeout: SYNC_TIMEOUT });
  expect(registerPage.page.url()).toBe(registerHost.pageUrl);
});
