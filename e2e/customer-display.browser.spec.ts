/**
 * The customer display in browser mode against a real hub: the top bar's "Customer display" opens a
 * second page (`/#display`) that never opens the replica; it shows a welcome, then each line the clerk
 * adds on the register page with the total, then the change due after a cash sale.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { CustomerDisplayPage } from './pages/customer-display-page';
import { SignInPage } from './pages/sign-in-page';
import { TenderPage } from './pages/tender-page';
import { repoRoot } from './support';

const SYNC_TIMEOUT = 20_000;

async function signInBob(page: Page, url: string): Promise<void> {
  await page.goto(url);
  const signIn = new SignInPage(page);
  await expect(signIn.person('Bob Clerk')).toBeVisible({ timeout: SYNC_TIMEOUT });
  await signIn.signIn('Bob Clerk', '1111');
  await expect(signIn.clerkBar).toContainText('Bob Clerk');
}

/** Adds a product by searching its name, as a clerk does at the keyboard (no scanner timing involved). */
async function addByName(page: Page, name: string): Promise<void> {
  const search = page.getByRole('combobox', { name: /^Search products/ });
  await search.fill(name);
  await expect(page.getByRole('option', { name }).first()).toBeVisible();
  await search.press('Enter');
  await expect(page.getByRole('region', { name: 'Sale' })).toContainText(name);
}

test('shows the lines and total as the clerk adds them, then the change due', async ({
  page,
  hub,
  syncHost,
}) => {
  const [product] = await hub.query<{ name: string; barcode: string }>(
    `SELECT p.name, b.barcode FROM products p JOIN product_barcodes b ON b.sku = p.sku
      WHERE length(b.barcode) = 13 AND p.active AND NOT p.open_price ORDER BY p.sku LIMIT 1`,
  );
  if (!product) throw new Error('the demo catalogue has no barcoded products');
  await signInBob(page, syncHost.pageUrl);
  const display = await CustomerDisplayPage.openFrom(page);
  await expect(display.welcome).toContainText('Welcome to Till Downtown');

  await page.bringToFront();
  const tender = new TenderPage(page);
  await addByName(page, product.name);
  await expect(display.lines).toHaveCount(1);
  await expect(display.lines.first()).toContainText(product.name);
  await expect(display.total).toHaveText(/^\$\d+\.\d{2}$/);
  await display.page.setViewportSize({ width: 1024, height: 768 });
  await display.page.screenshot({ path: `${repoRoot}e2e/screenshots/customer-display.png` });

  // Paid in cash with a round amount: the display thanks the customer and shows the change.
  await tender.pay();
  await tender.screen.getByRole('group', { name: 'Quick cash amounts' }).getByRole('button').last().click();
  await expect(tender.afterSale).toBeVisible();
  const changeDue = await tender.changeDue.textContent();
  await expect(display.change).toHaveText(changeDue ?? '');
  await expect(display.thanks).toContainText('Thank you!');
});
