/**
 * The on-screen receipt in real Chromium, inside the real register page of a host enrolled with a real hub.
 *
 * How the sale gets there: the sale screen that records sales and shows their receipts is the next slice,
 * and the shipped app gets no test-only route. So the spec prices a cart of the hub's own demo products
 * with the hub's own store settings, through the shared `priceCart` and `buildSale` (the functions the
 * sale screen will call), and mounts the real `ReceiptView` into the register page with a small harness
 * (e2e/harness/receipt-harness.tsx) served from the page's own origin — the page's CSP is unchanged and
 * the Print button goes through the page's real `window.till` to the real host's `printer:print`. Then a
 * real sale, reprinted from the recent receipts that the top bar's "Receipts" button opens.
 */
import path from 'node:path';
import { formatMoney } from '@till/shared/domain/money';
import { priceCart } from '@till/shared/domain/pricing';
import { formatReceiptNumber } from '@till/shared/domain/receipt-number';
import { buildSale } from '@till/shared/domain/sale-builder';
import type { SaleDocument } from '@till/shared/schemas/sale';
import { type StoreSettings, storeSettingsSchema } from '@till/shared/schemas/settings';
import { expect, test } from './fixtures';
import { bundleHarness } from './harness/bundle';
import { receiptHarnessPath as harnessPath } from './harness/receipt-harness-api';
import { RegisterPage } from './pages/register-page';
import { SalePage } from './pages/sale-page';
import { SignInPage } from './pages/sign-in-page';
import { TenderPage } from './pages/tender-page';
import { repoRoot } from './support';

let harness: Promise<string> | null = null;

test('shows a real sale’s receipt with its codes, and Print says no printer is set up', async ({
  page,
  hub,
  syncHost,
}) => {
  test.setTimeout(90_000);
  harness ??= bundleHarness(path.join(repoRoot, 'e2e/harness/receipt-harness.tsx'));
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(syncHost.pageUrl);
  // The page asks its host for the enrollment; the host enrolls itself with the demo hub.
  await expect
    .poll(
      async () =>
        (await hub.query<{ name: string }>("SELECT name FROM registers WHERE store_id = 'store-1'")).length,
      {
        timeout: 20_000,
      },
    )
    .toBeGreaterThan(0);

  const [settingsRow] = await hub.query<{ doc: unknown }>(
    "SELECT doc FROM store_settings WHERE store_id = 'store-1'",
  );
  const settings: StoreSettings = storeSettingsSchema.parse(settingsRow?.doc);
  const [register] = await hub.query<{ id: string; name: string }>(
    "SELECT id, name FROM registers WHERE store_id = 'store-1' ORDER BY enrolled_at DESC LIMIT 1",
  );
  const [clerk] = await hub.query<{ id: string; name: string }>(
    "SELECT id, name FROM staff WHERE store_id = 'store-1' ORDER BY id LIMIT 1",
  );
  // Two products at the store's first rate and one at another, so the tax summary has two rows.
  const [first, other] = settings.taxRates;
  const products = await hub.query<{ sku: string; name: string; price: string; tax_code: string }>(
    `(SELECT sku, name, price::text AS price, tax_code FROM products
       WHERE active AND NOT open_price AND tax_code = $1 ORDER BY sku LIMIT 2)
     UNION ALL
     (SELECT sku, name, price::text AS price, tax_code FROM products
       WHERE active AND NOT open_price AND tax_code = $2 ORDER BY sku LIMIT 1)`,
    [first?.code, other?.code],
  );
  expect(products).toHaveLength(3);
  if (!register || !clerk) throw new Error('the demo hub has no register or staff');

  const priced = priceCart(
    {
      lines: products.map((p, i) => ({
        lineId: String(i + 1),
        sku: p.sku,
        name: p.name,
        qty: i + 1,
        unitPrice: Number(p.price),
        taxCode: p.tax_code,
        ...(i === 0 && { discount: { kind: 'percent' as const, bp: 1000 } }),
      })),
    },
    settings,
  );
  if (!priced.ok) throw new Error(priced.error.message);
  const number = formatReceiptNumber(settings.storeCode, '1', 42);
  const built = buildSale({
    context: {
      storeId: settings.storeId,
      registerId: register.id,
      clerkId: clerk.id,
      customerId: null,
      currency: settings.currency,
    },
    priced: priced.value,
    tenders: [{ method: 'cash', amount: Math.ceil(priced.value.totals.gross / 10_000) * 10_000 }],
    number,
  });
  if (!built.ok) throw new Error(built.error.message);
  const sale: SaleDocument = built.value;

  const script = await harness;
  await page.route(`${syncHost.origin}${harnessPath}`, (route) =>
    route.fulfill({ contentType: 'text/javascript', body: script }),
  );
  await page.addScriptTag({ url: `${syncHost.origin}${harnessPath}` });
  await page.evaluate((props) => window.renderReceipt?.(props), {
    sale,
    settings,
    registerName: register.name,
    clerkName: clerk.name,
  });

  const paper = page.getByRole('region', { name: `Receipt ${number}` });
  await expect(paper).toBeVisible();
  const money = (minor: number) => formatMoney(minor, settings.currency, settings.locale);
  await expect(paper).toContainText(settings.receiptHeader[0] ?? settings.name);
  await expect(paper).toContainText(new RegExp(`Total +${escape(money(sale.totals.gross))}`));
  await expect(paper).toContainText(new RegExp(`Tax +${escape(money(sale.totals.tax))}`));
  for (const rate of [first, other]) await expect(paper).toContainText(rate?.name ?? 'no rate');
  await expect(paper).toContainText('Clerk');
  await expect(paper).toContainText(clerk.name);
  for (const footer of settings.receiptFooter) await expect(paper).toContainText(footer);
  await expect(paper.getByRole('img', { name: `Barcode ${number}` })).toBeVisible();
  await expect(paper.getByRole('img', { name: `QR code till:sale:${sale.id}` })).toBeVisible();
  // Each of the 42 columns fits the paper: nothing scrolls sideways at 1024 × 768.
  expect(await paper.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);

  // Ctrl+P prints the receipt (not the page); the host answers that no printer is set up.
  await page.keyboard.press('Control+P');
  const result = page.getByRole('status', { name: 'Print result' });
  await expect(result).toHaveText('No receipt printer is set up; the receipt is on screen.');
  const print = page.getByRole('button', { name: /^Print/ });
  await expect(print).toContainText('Ctrl+P');
  expect((await print.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
  await print.click();
  await expect(result).toHaveText('No receipt printer is set up; the receipt is on screen.');

  // The screenshot shows the whole strip of paper.
  await page.setViewportSize({ width: 1024, height: 2000 });
  await page.locator('.receipt').screenshot({ path: `${repoRoot}e2e/screenshots/receipt.png` });

  // The same component shows a reprint.
  await page.evaluate((props) => window.renderReceipt?.(props), {
    sale,
    settings,
    registerName: register.name,
    clerkName: clerk.name,
    reprint: true,
  });
  await expect(paper).toContainText('*** REPRINT ***');
});

/** Escapes text for a RegExp. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('the top bar’s Receipts button opens the recent receipts, and a receipt is reprinted from there', async ({
  page,
  syncHost,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(syncHost.pageUrl);
  const signIn = new SignInPage(page);
  await expect(signIn.person('Bob Clerk')).toBeVisible({ timeout: 20_000 });
  await signIn.signIn('Bob Clerk', '1111');
  const sale = new SalePage(page);
  await expect(sale.search).toBeVisible();
  const register = new RegisterPage(page);
  await expect(register.receipts).toHaveAccessibleName('Receipts F11');
  await expect(register.receipts).toHaveAttribute('aria-keyshortcuts', 'F11');

  // One sale, paid in exact cash.
  await sale.quickKeys.getByRole('button').first().click();
  await expect(sale.lines).toHaveCount(1);
  const tender = new TenderPage(page);
  await tender.pay();
  await tender.exactCash.click();
  await expect(tender.afterSale).toBeVisible();
  await tender.newSale.click();
  await expect(sale.search).toBeVisible();

  await register.receipts.click();
  await expect(tender.recent).toBeVisible();
  const item = tender.recent.getByRole('button', { name: /^Receipt S/ });
  await expect(item).toHaveCount(1);
  const name = (await item.getAttribute('aria-label')) ?? '';
  await item.click();
  const paper = page.getByRole('region', { name });
  await expect(paper).toContainText('*** REPRINT ***');
  await tender.recent.getByRole('button', { name: /^Print/ }).click();
  await expect(tender.recent.getByRole('status', { name: 'Print result' })).toHaveText(
    'No receipt printer is set up; the receipt is on screen.',
  );
  // Back to the sale; the button opens the list again.
  await page.keyboard.press('Escape');
  await expect(tender.recent).toHaveCount(0);
  await register.receipts.click();
  await expect(tender.recent).toBeVisible();
});
