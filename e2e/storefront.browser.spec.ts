/**
 * The demo web store in Chromium against a real hub: a product's availability at a store changes live
 * when a register's sale reaches the hub (no reload); a shopper signs in with personalization, adds to
 * the cart, checks out for pick-up at Till Downtown and sees the order's status, its QR code and their
 * loyalty balance; a declined card gets a clear message and places nothing, and without consent no
 * browsing is recorded.
 */
import { makeSale } from '../test/support/sales';
import { expect, test } from './fixtures';
import type { E2eHub } from './hub';
import { StorefrontPage } from './pages/storefront-page';
import { repoRoot } from './support';

test.setTimeout(60_000);

/** Pushes a store-1 sale of `qty` × `sku` through the hub's sync API, as a register does. */
async function registerSale(hub: E2eHub, sku: string, qty: number): Promise<void> {
  const enrolled = await fetch(`${hub.url}/api/v1/registers/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: 'DEMO-S1-R1', name: 'storefront e2e' }),
  });
  const { token } = (await enrolled.json()) as { token: string };
  const pushed = await fetch(`${hub.url}/api/v1/sync/sales/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify([
      { assumedMasterState: null, newDocumentState: makeSale('store-1', [{ sku, qty }]) },
    ]),
  });
  expect(pushed.status).toBe(200);
}

/** The first product of the list whose name matches, with its SKU. */
async function product(hub: E2eHub, where = 'true'): Promise<{ sku: string; name: string }> {
  const [row] = await hub.query<{ sku: string; name: string }>(
    `SELECT sku, name FROM products WHERE active AND NOT open_price AND ${where} ORDER BY sku LIMIT 1`,
  );
  if (!row) throw new Error('no product');
  return row;
}

test('availability changes live when a register sale lands', async ({ page, hub }) => {
  const store = new StorefrontPage(page);
  const { sku, name } = await product(hub);
  const [level] = await hub.query<{ on_hand: number }>(
    "SELECT on_hand FROM stock_levels WHERE store_id = 'store-1' AND sku = $1",
    [sku],
  );
  const before = level?.on_hand ?? 0;
  await store.open(hub.url);
  await expect(store.live).toHaveText(/Live stock/);
  await store.search(sku);
  const downtown = store.availability(store.card(name), 'Till Downtown');
  await expect(downtown).toHaveText(`Till Downtown: ${before} available`);
  await page.screenshot({ path: `${repoRoot}e2e/screenshots/storefront-list.png` });
  // A marker that a reload would wipe.
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
  await registerSale(hub, sku, 2);
  await expect(downtown).toHaveText(`Till Downtown: ${before - 2} available`);
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
});

test('sign in with consent, check out for pick-up, see the order with its QR', async ({ page, hub }) => {
  const store = new StorefrontPage(page);
  const { name } = await product(hub, "category = 'Dairy'");
  await store.open(hub.url);
  await store.signIn('new.shopper@example.com', 'Nora Shopper', true);
  await store.search(name);
  await store.openProduct(name);
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByRole('link', { name: 'Cart, 1 item' })).toBeVisible();
  await store.goToCheckout();
  await expect(
    store.checkout.getByRole('radio', { name: /^Till Downtown — everything in stock/ }),
  ).toBeVisible();
  await page.screenshot({ path: `${repoRoot}e2e/screenshots/storefront-checkout.png`, fullPage: true });
  await store.placeOrder({
    name: 'Nora Shopper',
    email: 'new.shopper@example.com',
    card: '4242 4242 4242 4242',
    delivery: 'Till Downtown',
  });
  const heading = page.getByRole('heading', { name: /^Order / });
  await expect(heading).toBeVisible();
  const number = (await heading.textContent())!.replace('Order ', '');
  await expect(page.getByRole('status', { name: 'Status: Order placed' })).toBeVisible();
  await expect(page.getByRole('img', { name: `QR code till:order:${number}` })).toBeVisible();
  await expect(page.getByText(/Loyalty balance: \d+ points/)).toBeVisible();
  await page.screenshot({ path: `${repoRoot}e2e/screenshots/storefront-order.png`, fullPage: true });
  // With consent, the hub kept the view and the cart change against the customer.
  const events = await hub.query<{ type: string }>(
    `SELECT e.type FROM customer_events e JOIN customers c ON c.id = e.customer_id
     WHERE c.email = 'new.shopper@example.com' ORDER BY e.id`,
  );
  expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['product_view', 'cart_add', 'checkout']));
  const [order] = await hub.query<{ status: string; pickup_store_id: string }>(
    'SELECT status, pickup_store_id FROM web_orders WHERE number = $1',
    [number],
  );
  expect(order).toEqual({ status: 'placed', pickup_store_id: 'store-1' });
});

test('a declined card says so and places nothing; no consent, no recorded browsing', async ({
  page,
  hub,
}) => {
  const store = new StorefrontPage(page);
  const { name } = await product(hub, "category = 'Snacks'");
  await store.open(hub.url);
  await store.signIn('private.shopper@example.com', 'Pat Private', false);
  await store.search(name);
  await store.openProduct(name);
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await store.goToCheckout();
  const orders = async () =>
    (await hub.query<{ n: number }>('SELECT count(*)::int AS n FROM web_orders'))[0]?.n;
  const before = await orders();
  await store.placeOrder({
    name: 'Pat Private',
    email: 'private.shopper@example.com',
    card: '4000 0000 0000 0002',
    delivery: 'Till Downtown',
  });
  await expect(store.alert).toHaveText(/Your card was declined\. No money was taken/);
  await page.screenshot({ path: `${repoRoot}e2e/screenshots/storefront-declined.png`, fullPage: true });
  expect(await orders()).toBe(before);
  await expect(page.getByRole('link', { name: 'Cart, 1 item' })).toBeVisible();
  const events = await hub.query(
    `SELECT 1 FROM customer_events e JOIN customers c ON c.id = e.customer_id
     WHERE c.email = 'private.shopper@example.com'`,
  );
  expect(events).toEqual([]);
  const [customer] = await hub.query<{ consent: { personalization: boolean } }>(
    "SELECT consent FROM customers WHERE email = 'private.shopper@example.com'",
  );
  expect(customer?.consent.personalization).toBe(false);
});
