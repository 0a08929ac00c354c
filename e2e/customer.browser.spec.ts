/**
 * Attaching a customer at the register in browser mode against a real hub (demo store-1, Bob Clerk 1111):
 * a demo customer found in the replica by e-mail, attached, the sale paid, and the hub's sale carries the
 * customer's id; a customer signed up while the hub is stopped (bad input refused first, nothing saved)
 * is attached at once and reaches the hub when it is back.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { E2eHub } from './hub';
import { CustomerPage } from './pages/customer-page';
import { SignInPage } from './pages/sign-in-page';
import { TenderPage } from './pages/tender-page';
import { repoRoot } from './support';

// The first sync opens IndexedDB and pulls every collection, customers included.
const SYNC_TIMEOUT = 20_000;

test.setTimeout(120_000);

async function signInBob(page: Page, url: string): Promise<void> {
  // A tolerant scanner timing for a loaded test machine (a technician's setting, see scanner-tuning.ts).
  await page.addInitScript(() =>
    localStorage.setItem('till.scanner', JSON.stringify({ maxGapMs: 60, timeoutMs: 150 })),
  );
  await page.goto(url);
  const signIn = new SignInPage(page);
  await expect(signIn.person('Bob Clerk')).toBeVisible({ timeout: SYNC_TIMEOUT });
  await signIn.signIn('Bob Clerk', '1111');
  await expect(signIn.clerkBar).toContainText('Bob Clerk');
  await expect(page.getByRole('combobox', { name: /Search products/ })).toBeVisible();
}

async function firstBarcodedProduct(hub: E2eHub): Promise<{ name: string; barcode: string }> {
  const [row] = await hub.query<{ name: string; barcode: string }>(
    `SELECT p.name, b.barcode FROM products p JOIN product_barcodes b ON b.sku = p.sku
      WHERE length(b.barcode) = 13 AND p.active AND NOT p.open_price ORDER BY p.sku LIMIT 1`,
  );
  if (!row) throw new Error('the demo catalogue has no barcoded products');
  return row;
}

/** Scans `product` until its line shows (the catalogue may still be opening right after sign-in). */
async function scanItem(page: Page, product: { name: string; barcode: string }): Promise<void> {
  const sale = page.getByRole('region', { name: 'Sale' });
  const tender = new TenderPage(page);
  await expect(async () => {
    if (!((await sale.textContent()) ?? '').includes(product.name)) await tender.scan(product.barcode);
    await expect(sale).toContainText(product.name, { timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
}

test('a customer found by e-mail is attached and the hub’s sale carries their id', async ({
  page,
  hub,
  syncHost,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  const [ada] = await hub.query<{ id: string; loyalty_points: number }>(
    'SELECT id, loyalty_points FROM customers WHERE email = $1',
    ['ada.lovelace@example.com'],
  );
  if (!ada) throw new Error('the demo has no Ada Lovelace');
  const product = await firstBarcodedProduct(hub);
  await signInBob(page, syncHost.pageUrl);
  const customer = new CustomerPage(page);
  await expect(customer.attached).toHaveText('No customer');

  // The replica pulls the store's customers with everything else; search until they are in.
  await customer.find('ada.lovelace@example.com');
  await expect(customer.result('Ada Lovelace')).toBeVisible({ timeout: SYNC_TIMEOUT });
  await expect(customer.results.getByRole('button')).toHaveCount(1);
  // A customer of another store (Grace Hopper is store-2's) is not this register's to find.
  await customer.search.fill('grace');
  await expect(customer.dialog.getByRole('status', { name: 'Customer search' })).toHaveText(
    'No customer of this store matches.',
  );
  await customer.search.fill('lovelace');
  await customer.result('Ada Lovelace').click();
  await expect(customer.dialog).toBeHidden();
  await expect(customer.attached).toHaveText(`Ada Lovelace · ${ada.loyalty_points} loyalty points`);

  // Detach, then attach again with the keyboard only: F3, type, Enter on the only match.
  await customer.detach.click();
  await expect(customer.attached).toHaveText('No customer');
  await customer.find('ada.lovelace@');
  await expect(customer.result('Ada Lovelace')).toBeVisible();
  await customer.search.press('Enter');
  await expect(customer.attached).toContainText('Ada Lovelace');

  await scanItem(page, product);
  await page.screenshot({ path: `${repoRoot}e2e/screenshots/customer-attach.png`, fullPage: true });
  const tender = new TenderPage(page);
  await tender.pay();
  await tender.exactCash.click();
  await expect(tender.afterSale).toBeVisible();
  const number = await tender.completedNumber();

  await expect
    .poll(
      async () =>
        (
          await hub.query<{ customer_id: string | null }>(
            "SELECT doc->>'customerId' AS customer_id FROM sales WHERE number = $1",
            [number],
          )
        )[0]?.customer_id,
      { timeout: SYNC_TIMEOUT },
    )
    .toBe(ada.id);

  // The next sale starts without a customer.
  await page.keyboard.press('Enter');
  await expect(customer.attached).toHaveText('No customer');
});

test('a customer signed up while the hub is stopped is attached at once and reaches the hub', async ({
  page,
  hub,
  syncHost,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await signInBob(page, syncHost.pageUrl);
  const customer = new CustomerPage(page);
  // Wait until the first sync has brought the store's customers, so the e-mail check below is real.
  await customer.find('ada.lovelace@example.com');
  await expect(customer.result('Ada Lovelace')).toBeVisible({ timeout: SYNC_TIMEOUT });

  await hub.stop();
  await customer.fillSignUp({ name: 'Mary Somerville', email: 'not an e-mail', marketing: true });
  await customer.submitSignUp();
  await expect(customer.problem).toHaveText('That e-mail address does not look right.');
  await customer.signUpForm.getByLabel('E-mail').fill('ada.lovelace@example.com');
  await customer.submitSignUp();
  await expect(customer.problem).toContainText('Ada Lovelace already has that e-mail address');
  await customer.signUpForm.getByLabel('E-mail').fill('');
  await customer.signUpForm.getByLabel('Phone').fill('+1 555 0199');
  await customer.submitSignUp();
  await expect(customer.dialog).toBeHidden();
  await expect(customer.attached).toHaveText('Mary Somerville · 0 loyalty points');
  expect(await hub.query('SELECT id FROM customers WHERE name = $1', ['Mary Somerville'])).toHaveLength(0);

  await hub.start();
  await expect
    .poll(
      async () =>
        await hub.query<{ phone: string; email: string | null; loyalty_points: number; consent: unknown }>(
          'SELECT phone, email, loyalty_points, consent FROM customers WHERE name = $1',
          ['Mary Somerville'],
        ),
      { timeout: 30_000 },
    )
    .toEqual([
      {
        phone: '+1 555 0199',
        email: null,
        loyalty_points: 0,
        consent: expect.objectContaining({ personalization: false, marketing: true }),
      },
    ]);
  // Nothing of the refused attempts reached the hub.
  expect(await hub.query('SELECT id FROM customers WHERE name = $1', ['Mary Somerville'])).toHaveLength(1);
});
