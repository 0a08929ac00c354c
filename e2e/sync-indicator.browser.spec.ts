/**
 * The sync indicator in the top bar, in browser mode against a real hub (demo store-1): online with
 * nothing waiting; the hub stopped → offline, and a sale rung meanwhile is "1 sale waiting"; the hub back
 * → online and nothing waiting. The details panel says it in words, and the quarantine list opens only
 * with a manager's PIN (Alice Manager 472913, not Bob Clerk's 1111) and exports diagnostics without the
 * register's token.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { E2eHub } from './hub';
import { SignInPage } from './pages/sign-in-page';
import { SyncIndicatorPage } from './pages/sync-indicator-page';
import { TenderPage } from './pages/tender-page';
import { repoRoot } from './support';

// The first sync opens IndexedDB and pulls every collection; a hub going away is noticed within seconds.
const SYNC_TIMEOUT = 20_000;

async function signInBob(page: Page, url: string): Promise<void> {
  await page.goto(url);
  const signIn = new SignInPage(page);
  await expect(signIn.person('Bob Clerk')).toBeVisible({ timeout: SYNC_TIMEOUT });
  await signIn.signIn('Bob Clerk', '1111');
  await expect(signIn.clerkBar).toContainText('Bob Clerk');
}

async function barcodedProduct(hub: E2eHub): Promise<{ name: string; barcode: string }> {
  const [row] = await hub.query<{ name: string; barcode: string }>(
    `SELECT p.name, b.barcode FROM products p JOIN product_barcodes b ON b.sku = p.sku
      WHERE length(b.barcode) = 13 AND p.active AND NOT p.open_price ORDER BY p.sku LIMIT 1`,
  );
  if (!row) throw new Error('the demo catalogue has no barcoded products');
  return row;
}

/** Adds a product by searching its name, as a clerk does at the keyboard (no scanner timing involved). */
async function addByName(page: Page, name: string): Promise<void> {
  const search = page.getByRole('combobox', { name: /^Search products/ });
  await search.fill(name);
  await expect(page.getByRole('option', { name }).first()).toBeVisible();
  await search.press('Enter');
  await expect(page.getByRole('region', { name: 'Sale' })).toContainText(name);
}

test('says online, offline with the sale waiting, and online with nothing waiting again', async ({
  page,
  hub,
  syncHost,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  const product = await barcodedProduct(hub);
  const sync = new SyncIndicatorPage(page);
  await signInBob(page, syncHost.pageUrl);
  await expect(sync.indicator).toContainText('Online', { timeout: SYNC_TIMEOUT });
  await expect(sync.indicator).toContainText('No sales waiting');
  await expect(sync.indicator).toContainText('Last exchange', { timeout: SYNC_TIMEOUT });
  await page.screenshot({ path: `${repoRoot}e2e/screenshots/sync-indicator.png` });

  await hub.stop();
  await expect(sync.indicator).toContainText('Offline', { timeout: SYNC_TIMEOUT });

  // A sale rung while the hub is away waits on the register.
  const tender = new TenderPage(page);
  await addByName(page, product.name);
  await tender.pay();
  await tender.exactCash.click();
  await expect(tender.afterSale).toBeVisible();
  await expect(sync.indicator).toContainText(/1 sale waiting \(oldest \d{1,2}:\d{2}/);

  await sync.openDetails();
  await expect(sync.state).toContainText('Offline. The hub cannot be reached. Keep selling');
  await expect(sync.waiting).toContainText('1 sale is waiting to reach the hub');
  await expect(sync.download).toHaveText(/^First download complete: \d+ products received\.$/);
  await page.screenshot({ path: `${repoRoot}e2e/screenshots/sync-details.png` });

  await hub.start();
  await expect(sync.state).toContainText('Online. Connected to the hub', { timeout: 30_000 });
  await expect(sync.waiting).toHaveText('Every sale made here has reached the hub.', { timeout: 30_000 });
  await page.keyboard.press('Escape');
  await expect(sync.details).toBeHidden();
  await expect(sync.indicator).toContainText('Online');
  await expect(sync.indicator).toContainText('No sales waiting');
});

test('the quarantine list opens with a manager’s PIN only, and its diagnostics carry no token', async ({
  page,
  syncHost,
}) => {
  const sync = new SyncIndicatorPage(page);
  await signInBob(page, syncHost.pageUrl);
  await expect(sync.indicator).toContainText('Online', { timeout: SYNC_TIMEOUT });
  // The details open from the keyboard too.
  await page.keyboard.press('Alt+S');
  await expect(sync.details).toBeVisible();
  await expect(sync.refused).toContainText('The hub has refused nothing');

  // A clerk's PIN is not the manager's: refused, and the list stays closed.
  await sync.enterManagerPin('1111');
  await expect(sync.gateMessage).toHaveText(/^Wrong PIN\./);
  await expect(sync.quarantine).toHaveCount(0);

  await sync.enterManagerPin('472913');
  await expect(sync.quarantine).toContainText('Opened by Alice Manager.');
  await expect(sync.quarantine).toContainText('Nothing is quarantined.');

  const [download] = await Promise.all([page.waitForEvent('download'), sync.exportDiagnostics.click()]);
  expect(download.suggestedFilename()).toMatch(/^till-diagnostics-reg-.*\.json$/);
  const file = await readFile(await download.path(), 'utf8');
  const report = JSON.parse(file) as {
    enrollment: { registerId: string; storeId: string };
    status: { connection: string };
    quarantine: unknown[];
    counts: Record<string, number>;
  };
  expect(report.enrollment.storeId).toBe('store-1');
  expect(report.status.connection).toBe('online');
  expect(report.quarantine).toEqual([]);
  expect(report.counts.products).toBeGreaterThan(0);
  const enrollment = await page.evaluate(() => window.till.invoke('register:enrollment'));
  if (!enrollment.ok || !enrollment.value) throw new Error('the register is not enrolled');
  expect(file).not.toContain(enrollment.value.token);
});
