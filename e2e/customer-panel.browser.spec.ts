/**
 * The customer panel and loyalty points at the register in browser mode against a real hub (demo store-1,
 * Bob Clerk 1111): a consenting customer's panel shows their purchases, what they viewed online and their
 * abandoned cart, whose items one action adds to the sale; a customer without consent (found on the hub
 * by e-mail: their home is another store) shows their name and balance and nothing else; and points are
 * spent as a tender, the hub's sale carrying the points tender and the balance going down by them.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { E2eHub } from './hub';
import { CustomerPage } from './pages/customer-page';
import { CustomerPanelPage } from './pages/customer-panel-page';
import { SignInPage } from './pages/sign-in-page';
import { TenderPage } from './pages/tender-page';
import { repoRoot } from './support';

const SYNC_TIMEOUT = 20_000;
const STOREFRONT = { authorization: 'Bearer demo-storefront-key', 'content-type': 'application/json' };

test.setTimeout(120_000);

async function signInBob(page: Page, url: string): Promise<void> {
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

/** Places a paid pickup order at store-1 for `email` through the storefront API; answers its number. */
async function placeOrder(hub: E2eHub, email: string, name: string): Promise<string> {
  const [product] = await hub.query<{ sku: string }>(
    `SELECT p.sku FROM products p JOIN stock_levels l ON l.sku = p.sku AND l.store_id = 'store-1'
     WHERE p.active AND NOT p.open_price AND l.on_hand - l.reserved >= 5 ORDER BY p.sku DESC LIMIT 1`,
  );
  const response = await fetch(`${hub.url}/api/v1/storefront/orders`, {
    method: 'POST',
    headers: STOREFRONT,
    body: JSON.stringify({
      customer: { email, name },
      lines: [{ sku: product?.sku, qty: 1 }],
      fulfilment: { type: 'pickup', storeId: 'store-1' },
      payment: { method: 'card', token: 'tok_visa' },
    }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { number: string }).number;
}

/** The customer's abandoned cart as the hub holds it: SKU and name of each item. */
async function abandonedCartItems(hub: E2eHub, customerId: string): Promise<{ sku: string; name: string }[]> {
  const [cart] = await hub.query<{ lines: Record<string, number> }>(
    `SELECT lines FROM carts WHERE customer_id = $1 ORDER BY updated_at DESC LIMIT 1`,
    [customerId],
  );
  const skus = Object.keys(cart?.lines ?? {});
  return hub.query<{ sku: string; name: string }>('SELECT sku, name FROM products WHERE sku = ANY($1)', [
    skus,
  ]);
}

test('a consenting customer’s panel shows history, views and the abandoned cart, added in one action', async ({
  page,
  hub,
  syncHost,
}) => {
  await page.setViewportSize({ width: 1280, height: 1000 });
  const number = await placeOrder(hub, 'ada.lovelace@example.com', 'Ada Lovelace');
  const cartItems = await abandonedCartItems(hub, 'cus-demo-1');
  expect(cartItems.length).toBeGreaterThan(0);
  await signInBob(page, syncHost.pageUrl);
  const customer = new CustomerPage(page);
  const panel = new CustomerPanelPage(page);

  await customer.find('lovelace');
  await customer.result('Ada Lovelace').click({ timeout: SYNC_TIMEOUT });
  await expect(panel.panel).toBeVisible();
  await expect(panel.balance).toContainText('Ada Lovelace');
  await expect(panel.history).toContainText(`Web order ${number}`);
  await expect(panel.viewed.getByRole('listitem').first()).toBeVisible();
  for (const item of cartItems) await expect(panel.cart).toContainText(item.name);
  await expect(panel.offers).toContainText('% off');

  const sale = page.getByRole('region', { name: 'Sale' });
  // The sale is empty until the one action adds the whole cart.
  await expect(sale.getByRole('table', { name: 'Cart' })).toHaveCount(0);
  await panel.addCart.click();
  await expect(panel.message).toContainText('from the web cart');
  for (const item of cartItems)
    await expect(sale.getByRole('table', { name: 'Cart' })).toContainText(item.name);
  // The panel scrolled to the button; show it from the top.
  await panel.panel.evaluate((el) => el.scrollTo(0, 0));
  await page.screenshot({ path: `${repoRoot}e2e/screenshots/customer-panel.png`, fullPage: true });

  // The look-up is audited on the register and reaches the hub's audit trail.
  await expect
    .poll(
      async () =>
        (
          await hub.query<{ n: number }>(
            "SELECT count(*)::int AS n FROM audit WHERE doc->>'action' = 'customer_lookup' AND doc->'details'->>'customerId' = 'cus-demo-1'",
          )
        )[0]?.n ?? 0,
      { timeout: SYNC_TIMEOUT },
    )
    .toBeGreaterThan(0);
});

test('a customer without consent shows name and balance, and no history', async ({ page, hub, syncHost }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  // Katherine Johnson said no to personalization; she has a web order the counter must not show.
  await placeOrder(hub, 'katherine.johnson@example.com', 'Katherine Johnson');
  const [kj] = await hub.query<{ loyalty_points: number }>(
    "SELECT loyalty_points FROM customers WHERE email = 'katherine.johnson@example.com'",
  );
  await signInBob(page, syncHost.pageUrl);
  const customer = new CustomerPage(page);
  const panel = new CustomerPanelPage(page);

  // Her home is store-2, so this register's replica has no match: Enter asks the hub.
  await customer.find('katherine.johnson@example.com');
  await expect(customer.dialog.getByRole('status', { name: 'Customer search' })).toContainText(
    'look them up on the hub',
  );
  await customer.search.press('Enter');
  await customer.result('Katherine Johnson').click();
  await expect(panel.balance).toHaveText(`Katherine Johnson · ${kj?.loyalty_points ?? 0} points`);
  await expect(customer.attached).toHaveText(`Katherine Johnson · ${kj?.loyalty_points ?? 0} loyalty points`);
  await expect(panel.consentNote).toBeVisible();
  await expect(panel.history).toHaveCount(0);
  await expect(panel.viewed).toHaveCount(0);
  await expect(panel.cart).toHaveCount(0);
  await expect(panel.offers).toHaveCount(0);
  await expect(panel.addCart).toHaveCount(0);
});

test('points are spent as a tender and the hub’s balance goes down by them', async ({
  page,
  hub,
  syncHost,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const [before] = await hub.query<{ loyalty_points: number }>(
    "SELECT loyalty_points FROM customers WHERE id = 'cus-demo-3'",
  );
  const balance = before?.loyalty_points ?? 0;
  expect(balance).toBeGreaterThan(0);
  const [product] = await hub.query<{ name: string; barcode: string; price: number }>(
    `SELECT p.name, b.barcode, p.price FROM products p JOIN product_barcodes b ON b.sku = p.sku
      WHERE length(b.barcode) = 13 AND p.active AND NOT p.open_price AND p.price > $1 ORDER BY p.sku LIMIT 1`,
    [balance],
  );
  if (!product) throw new Error('the demo catalogue has no product dearer than the balance');
  await signInBob(page, syncHost.pageUrl);
  const customer = new CustomerPage(page);
  const panel = new CustomerPanelPage(page);
  await customer.find('alan.turing@example.com');
  await customer.result('Alan Turing').click({ timeout: SYNC_TIMEOUT });
  await expect(panel.balance).toContainText(`${balance} points`);

  const tender = new TenderPage(page);
  const sale = page.getByRole('region', { name: 'Sale' });
  await expect(async () => {
    if (!((await sale.textContent()) ?? '').includes(product.name)) await tender.scan(product.barcode);
    await expect(sale).toContainText(product.name, { timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  await tender.pay();

  // More points than the balance are refused at the counter.
  const points = page.getByRole('button', { name: /^Points .* F6$/ });
  await tender.amount.fill(String((balance + 1) / 100));
  await points.click();
  await expect(tender.screen.getByRole('alert')).toContainText(`has ${balance} points`);
  await tender.amount.fill('');
  await points.click();
  await expect(tender.tenders).toContainText(`Points (${balance})`);
  await tender.exactCash.click();
  await expect(tender.afterSale).toBeVisible();
  const number = await tender.completedNumber();

  await expect
    .poll(
      async () =>
        (
          await hub.query<{ loyalty_points: number }>(
            "SELECT loyalty_points FROM customers WHERE id = 'cus-demo-3'",
          )
        )[0]?.loyalty_points,
      { timeout: SYNC_TIMEOUT },
    )
    .toBeLessThan(balance);
  const [stored] = await hub.query<{ tenders: { method: string; points?: number }[] }>(
    "SELECT doc->'tenders' AS tenders FROM sales WHERE number = $1",
    [number],
  );
  expect(stored?.tenders.find((t) => t.method === 'points')?.points).toBe(balance);
});
