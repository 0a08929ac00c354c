/**
 * The sale screen in browser mode against a real hub (demo store-1: Bob Clerk 1111, Alice Manager 472913;
 * approvals above 20 % on a line): items scanned by keyboard-wedge timing become lines with the right totals,
 * an unknown barcode is said in words, a 30 % line discount needs Alice's PIN and its audit entries reach the
 * hub, a reload gives the cart back exactly, and search by name adds an item.
 */
import type { Page } from '@playwright/test';
import { formatMoney } from '@till/shared/domain/money';
import { type CartLineInput, priceCart } from '@till/shared/domain/pricing';
import type { StoreSettings } from '@till/shared/schemas/settings';
import type { E2eHub } from './hub';
import { expect, test } from './fixtures';
import { SalePage } from './pages/sale-page';
import { SignInPage } from './pages/sign-in-page';
import { repoRoot } from './support';

// The first sync opens IndexedDB and pulls every collection.
const SYNC_TIMEOUT = 20_000;

interface DemoItem {
  sku: string;
  name: string;
  price: number;
  tax_code: string;
  barcode: string;
}

/** Three demo products with EAN-13 barcodes, at least one taxed, from the hub's own database. */
async function demoItems(hub: E2eHub): Promise<DemoItem[]> {
  const rows = await hub.query<DemoItem & { price: string | number }>(
    `SELECT p.sku, p.name, p.price, p.tax_code, min(b.barcode) AS barcode
       FROM products p JOIN product_barcodes b ON b.sku = p.sku
      WHERE p.active AND length(b.barcode) = 13
      GROUP BY p.sku ORDER BY p.sku`,
  );
  const items = rows.map((r) => ({ ...r, price: Number(r.price) }));
  const std = items.filter((i) => i.tax_code === 'std').slice(0, 2);
  const reduced = items.filter((i) => i.tax_code !== 'std').slice(0, 1);
  return [...std, ...reduced];
}

async function storeSettings(hub: E2eHub): Promise<StoreSettings> {
  const rows = await hub.query<{ doc: StoreSettings }>(
    `SELECT doc FROM store_settings WHERE store_id = 'store-1'`,
  );
  return rows[0]?.doc as StoreSettings;
}

/** The money text the register shows for `amount` (the store is en-US, USD). */
const usd = (amount: number) => formatMoney(amount, 'USD', 'en-US');

/** Opens the register, waits for the staff to sync, and signs Bob in; the sale screen follows. */
async function signInBob(page: Page, url: string | null): Promise<SalePage> {
  if (url) await page.goto(url);
  const signIn = new SignInPage(page);
  await expect(signIn.person('Bob Clerk')).toBeVisible({ timeout: SYNC_TIMEOUT });
  await signIn.signIn('Bob Clerk', '1111');
  const sale = new SalePage(page);
  await expect(sale.search).toBeVisible();
  return sale;
}

test.beforeEach(async ({ page }) => {
  // Two syncs (before and after the reload) and a dozen steps, on a busy two-core machine.
  test.setTimeout(120_000);
  // A tolerant scanner timing: the test machine is busy, and Playwright's 5 ms keys arrive late now and then.
  await page.addInitScript(() =>
    window.localStorage.setItem('till.scanner', JSON.stringify({ maxGapMs: 100, timeoutMs: 300 })),
  );
});

test('scanning, an unknown barcode, a manager-approved discount, a reload and search by name', async ({
  page,
  hub,
  syncHost,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  const items = await demoItems(hub);
  expect(items).toHaveLength(3);
  const settings = await storeSettings(hub);
  const sale = await signInBob(page, syncHost.pageUrl);

  // Three scans by keyboard-wedge timing, wherever the focus is.
  for (const item of items) {
    await sale.scan(item.barcode);
    await expect(sale.line(item.name)).toBeVisible();
  }
  // The first again: the same line, quantity 2.
  const first = items[0] as DemoItem;
  await sale.scan(first.barcode);
  await expect(sale.lines).toHaveCount(3);
  await expect(sale.qty(first.name)).toHaveValue('2');

  const lines: CartLineInput[] = items.map((item, i) => ({
    lineId: String(i),
    sku: item.sku,
    name: item.name,
    qty: i === 0 ? 2 : 1,
    unitPrice: item.price,
    taxCode: item.tax_code,
  }));
  const expected = priceCart({ lines }, settings);
  if (!expected.ok) throw new Error(expected.error.message);
  await expect(sale.total).toHaveText(usd(expected.value.totals.gross));
  await expect(sale.tax).toHaveText(usd(expected.value.totals.tax));
  await expect(sale.net).toHaveText(usd(expected.value.totals.net));
  expect(expected.value.totals.tax).toBeGreaterThan(0);
  await expect(sale.saved).toHaveText('Saved on this register');
  await page.screenshot({ path: `${repoRoot}e2e/screenshots/sale.png`, fullPage: true });

  // An EAN-13 with a valid check digit that no product carries.
  await sale.scan('2009999999997');
  await expect(sale.scanMessage).toContainText('Barcode 2009999999997 is not in the catalogue.');
  await expect(sale.scanMessage.getByRole('button', { name: 'Search for 2009999999997' })).toBeVisible();
  await page.screenshot({ path: `${repoRoot}e2e/screenshots/sale-unknown-barcode.png`, fullPage: true });
  // A misread: a wrong check digit.
  await sale.scan('2009999999990');
  await expect(sale.scanMessage).toHaveText('That barcode did not read correctly — scan again.');
  await expect(sale.lines).toHaveCount(3);

  // 30 % on the second line is above the store's 20 %: Alice approves with her PIN.
  const second = items[1] as DemoItem;
  await sale.discountLine(second.name, '30');
  await expect(sale.approval).toBeVisible();
  await expect(sale.approval).toContainText(`discount on ${second.name} above the limit`);
  await sale.approval.getByRole('radio', { name: 'Alice Manager' }).click();
  await sale.approval.getByLabel('Manager PIN').fill('472913');
  await page.screenshot({ path: `${repoRoot}e2e/screenshots/sale-approval.png`, fullPage: true });
  // A wrong PIN first: refused in words, nothing applied.
  await sale.approval.getByLabel('Manager PIN').fill('000000');
  await sale.approval.getByRole('button', { name: /^Approve/ }).click();
  await expect(sale.approval.getByRole('alert', { name: 'Approval message' })).toContainText('Wrong PIN');
  await sale.approve('Alice Manager', '472913');
  await expect(sale.approval).toHaveCount(0);
  await expect(sale.discountDialog).toHaveCount(0);

  const discounted = priceCart(
    { lines: lines.map((l, i) => (i === 1 ? { ...l, discount: { kind: 'percent', bp: 3000 } } : l)) },
    settings,
  );
  if (!discounted.ok) throw new Error(discounted.error.message);
  await expect(sale.total).toHaveText(usd(discounted.value.totals.gross));
  await expect(sale.line(second.name)).toContainText('Discount 30 %');

  // The approval and the discount reach the hub's audit trail.
  await expect
    .poll(
      async () =>
        (
          await hub.query<{ action: string; staff: string | null }>(
            `SELECT action, doc->>'staffId' AS staff FROM audit
              WHERE store_id = 'store-1' AND action IN ('manager_approval', 'discount') ORDER BY action`,
          )
        ).map((r) => `${r.action}:${r.staff}`),
      { timeout: SYNC_TIMEOUT },
    )
    .toEqual(['discount:staff-bob', 'manager_approval:staff-alice']);

  // A reload mid-sale: after signing in again the cart is back exactly.
  await expect(sale.saved).toHaveText('Saved on this register');
  await page.reload();
  await signInBob(page, null);
  await expect(sale.lines).toHaveCount(3);
  for (const item of items) await expect(sale.line(item.name)).toBeVisible();
  await expect(sale.qty(first.name)).toHaveValue('2');
  await expect(sale.line(second.name)).toContainText('Discount 30 %');
  await expect(sale.total).toHaveText(usd(discounted.value.totals.gross));

  // A quantity beyond the stock here warns, and does not block.
  await sale.qty(first.name).fill('999');
  await sale.qty(first.name).press('Enter');
  await expect(sale.line(first.name)).toContainText('this sale takes it below zero');
  await expect(sale.qty(first.name)).toHaveValue('999');
  await sale.qty(first.name).fill('2');
  await sale.qty(first.name).press('Enter');
  await expect(sale.line(first.name)).not.toContainText('below zero');

  // Search by name (F2), arrow keys and Enter add an item.
  const wanted = await hub.query<{ name: string; sku: string }>(
    `SELECT name, sku FROM products WHERE active AND sku <> ALL($1) ORDER BY sku LIMIT 1`,
    [items.map((i) => i.sku)],
  );
  const target = wanted[0] as { name: string; sku: string };
  await page.keyboard.press('F2');
  await expect(sale.search).toBeFocused();
  // At a person's pace: a faster burst than the tolerant scanner gap above would read as a scan.
  await sale.search.pressSequentially(target.name, { delay: 150 });
  await expect(
    sale.results.getByRole('option', { name: new RegExp(`^${escape(target.name)}`) }).first(),
  ).toBeVisible();
  await expect(sale.results.getByRole('option', { selected: true })).toContainText(target.name);
  await page.keyboard.press('Enter');
  await expect(sale.line(target.name)).toBeVisible();
  await expect(sale.lines).toHaveCount(4);
  await expect(sale.search).toHaveValue('');
});

test('quick keys, park and resume, void, and no payment of an empty cart', async ({
  page,
  hub,
  syncHost,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const sale = await signInBob(page, syncHost.pageUrl);
  await expect(sale.pay).toBeDisabled();

  const key = sale.quickKeys.getByRole('button').first();
  await expect(key).toBeVisible({ timeout: SYNC_TIMEOUT });
  const keyName = ((await key.locator('.quick-key-name').textContent()) ?? '').trim();
  await key.click();
  await key.click();
  await expect(sale.qty(keyName)).toHaveValue('2');
  await expect(sale.pay).toBeEnabled();

  await sale.sale.getByRole('button', { name: 'Park sale' }).click();
  await expect(sale.scanMessage).toContainText('Parked as');
  await expect(sale.lines).toHaveCount(0);
  await expect(sale.pay).toBeDisabled();

  await sale.sale.getByRole('button', { name: 'Parked sales' }).click();
  const parked = page.getByRole('dialog', { name: 'Parked sales' });
  await expect(parked.getByRole('listitem')).toHaveCount(1);
  await page.screenshot({ path: `${repoRoot}e2e/screenshots/sale-parked.png`, fullPage: true });
  await parked.getByRole('button', { name: /^Resume/ }).click();
  await expect(parked).toHaveCount(0);
  await expect(sale.qty(keyName)).toHaveValue('2');

  // A void below the store's limit needs no manager, and is audited.
  await sale.cart.getByRole('button', { name: `Void ${keyName}` }).click();
  await expect(sale.lines).toHaveCount(0);
  await expect
    .poll(
      async () =>
        (
          await hub.query<{ staff: string | null }>(
            `SELECT doc->>'staffId' AS staff FROM audit WHERE store_id = 'store-1' AND action = 'void_line'`,
          )
        ).map((r) => r.staff),
      { timeout: SYNC_TIMEOUT },
    )
    .toEqual(['staff-bob']);
});

test('an open-price item asks its price; signing out with a cart parks it for the clerk', async ({
  page,
  hub,
  syncHost,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const rows = await hub.query<{ name: string; barcode: string }>(
    `SELECT p.name, min(b.barcode) AS barcode FROM products p JOIN product_barcodes b ON b.sku = p.sku
      WHERE p.active AND p.open_price GROUP BY p.sku ORDER BY p.sku LIMIT 1`,
  );
  const open = rows[0];
  if (!open) throw new Error('the demo hub has no open-price product');
  const sale = await signInBob(page, syncHost.pageUrl);

  // Its quick key asks for the price: zero and nonsense are refused in words, Esc adds nothing.
  const openKey = sale.quickKeys.getByRole('button', { name: new RegExp(`^${escape(open.name)}`) });
  await expect(openKey).toBeVisible({ timeout: SYNC_TIMEOUT });
  await expect(openKey).toContainText('Price…');
  await openKey.click();
  await expect(sale.priceDialog).toBeVisible();
  const price = sale.priceDialog.getByLabel('Price (USD)');
  await expect(price).toBeFocused();
  await price.fill('0');
  await price.press('Enter');
  const message = sale.priceDialog.getByRole('alert', { name: 'Price message' });
  await expect(message).toHaveText('Type a price above zero.');
  await price.fill('abc');
  await price.press('Enter');
  await expect(message).toContainText('Type an amount such as 2.50.');
  await page.keyboard.press('Escape');
  await expect(sale.priceDialog).toHaveCount(0);
  await expect(sale.lines).toHaveCount(0);

  // Scanned, it asks too; Enter adds the line at the typed price, with no manager involved.
  await sale.scan(open.barcode);
  await expect(sale.priceDialog).toBeVisible();
  await sale.priceDialog.getByLabel('Price (USD)').fill('4.50');
  await page.keyboard.press('Enter');
  await expect(sale.priceDialog).toHaveCount(0);
  await expect(sale.approval).toHaveCount(0);
  await expect(sale.line(open.name)).toContainText(usd(450));
  const fixedKey = sale.quickKeys.getByRole('button').first();
  const fixedName = ((await fixedKey.locator('.quick-key-name').textContent()) ?? '').trim();
  await fixedKey.click();
  await fixedKey.click();
  await expect(sale.qty(fixedName)).toHaveValue('2');
  await expect(sale.saved).toHaveText('Saved on this register');

  // Signing out parks the sale under Bob's name and says so; the next clerk starts with an empty cart.
  const signIn = new SignInPage(page);
  await signIn.signOut.click();
  await expect(page.getByText('Parked for Bob Clerk — 3 items. Resume it from Parked sales.')).toBeVisible();
  await signIn.signIn('Alice Manager', '472913');
  await expect(sale.search).toBeVisible();
  await expect(sale.lines).toHaveCount(0);
  await sale.sale.getByRole('button', { name: 'Parked sales' }).click();
  await expect(sale.parkedDialog.getByRole('listitem')).toHaveCount(1);
  await sale.parkedDialog.getByRole('button', { name: 'Resume Parked for Bob Clerk — 3 items' }).click();
  await expect(sale.parkedDialog).toHaveCount(0);
  await expect(sale.line(open.name)).toContainText(usd(450));
  await expect(sale.qty(fixedName)).toHaveValue('2');
});

/** `text` as a literal inside a RegExp. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
