/**
 * Buy online, pick up in store, in real Chromium against a real hub (demo store-1, Bob Clerk PIN 1111): an
 * order placed and paid through the storefront API reserves at the store at once and appears in the
 * register's Pickups queue; the clerk starts picking, marks it ready (the hub records the customer's
 * e-mail), and hands it over in two parts after checking the order number and the customer's name. The
 * hub's stock ends exactly as it should: the units left the shelf once and nothing stays reserved. The same
 * hand-over done while the hub is stopped is kept by the register and reaches the hub when it is back. A
 * cancellation needs a manager's PIN and gives the reserved units back to the web.
 */
import type { Page } from '@playwright/test';
import type { WebOrder } from '@till/shared/schemas/web-order';
import type { E2eHub } from './hub';
import { expect, test } from './fixtures';
import { PickupsPage } from './pages/pickups-page';
import { SignInPage } from './pages/sign-in-page';
import { repoRoot } from './support';

// The first sync opens IndexedDB and pulls every collection.
const SYNC_TIMEOUT = 20_000;
const STOREFRONT = { 'content-type': 'application/json', authorization: 'Bearer demo-storefront-key' };

interface Stocked {
  sku: string;
  name: string;
}

/** Two products store-1 has plenty of. */
async function stockedProducts(hub: E2eHub): Promise<Stocked[]> {
  return hub.query<Stocked>(
    `SELECT p.sku, p.name FROM products p JOIN stock_levels l ON l.sku = p.sku AND l.store_id = 'store-1'
     WHERE p.active AND NOT p.open_price AND l.on_hand - l.reserved >= 5 ORDER BY p.sku LIMIT 2`,
  );
}

/** Places a paid pickup order at store-1 through the storefront API. */
async function placeOrder(
  hub: E2eHub,
  lines: { sku: string; qty: number }[],
  name: string,
): Promise<WebOrder> {
  const response = await fetch(`${hub.url}/api/v1/storefront/orders`, {
    method: 'POST',
    headers: STOREFRONT,
    body: JSON.stringify({
      customer: { email: 'jo.pickup@example.com', name },
      lines,
      fulfilment: { type: 'pickup', storeId: 'store-1' },
      payment: { method: 'card', token: 'tok_visa' },
    }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { order: WebOrder }).order;
}

/** The order as the storefront's order page reads it. */
async function hubOrder(hub: E2eHub, number: string): Promise<WebOrder> {
  const response = await fetch(`${hub.url}/api/v1/storefront/orders/${number}`, { headers: STOREFRONT });
  return ((await response.json()) as { order: WebOrder }).order;
}

async function levels(hub: E2eHub, skus: string[]) {
  const rows = await hub.query<{ sku: string; on_hand: number; reserved: number }>(
    `SELECT sku, on_hand, reserved FROM stock_levels WHERE store_id = 'store-1' AND sku = ANY($1) ORDER BY sku`,
    [skus],
  );
  return Object.fromEntries(rows.map((r) => [r.sku, { onHand: r.on_hand, reserved: r.reserved }]));
}

async function signIn(page: Page, pageUrl: string): Promise<PickupsPage> {
  await page.goto(pageUrl);
  const signInPage = new SignInPage(page);
  await expect(signInPage.person('Bob Clerk')).toBeVisible({ timeout: SYNC_TIMEOUT });
  await signInPage.signIn('Bob Clerk', '1111');
  await expect(signInPage.clerkBar).toContainText('Bob Clerk');
  return new PickupsPage(page);
}

test('a web pickup order is picked, made ready and collected in two parts by number and name', async ({
  page,
  hub,
  syncHost,
}) => {
  const [a, b] = await stockedProducts(hub);
  if (!a || !b) throw new Error('the demo store has no stocked products');
  const before = await levels(hub, [a.sku, b.sku]);
  const pickups = await signIn(page, syncHost.pageUrl);
  await expect(pickups.topButton).toHaveAccessibleName('Pickups, 0 waiting', { timeout: SYNC_TIMEOUT });

  const order = await placeOrder(
    hub,
    [
      { sku: a.sku, qty: 2 },
      { sku: b.sku, qty: 1 },
    ],
    'Jo Pickup',
  );
  // Paid means reserved at the store at once.
  expect((await levels(hub, [a.sku]))[a.sku]?.reserved).toBe((before[a.sku]?.reserved ?? 0) + 2);
  await expect(pickups.topButton).toHaveAccessibleName('Pickups, 1 waiting');
  await pickups.open();
  await pickups.orderIn('New', order.number).click();
  await pickups.action(order.number, 'Start picking').click();
  await expect(pickups.orderIn('Picking', order.number)).toBeVisible();
  await pickups.action(order.number, /^Ready/).click();
  await expect(pickups.orderIn('Ready', order.number)).toBeVisible();
  // The hub took the move and recorded the customer's e-mail on the order the storefront shows.
  await expect.poll(async () => (await hubOrder(hub, order.number)).notifications?.length ?? 0).toBe(1);
  await expect(pickups.detail(order.number)).toContainText('Customer e-mailed that it is ready');

  await pickups.action(order.number, 'Collect').click();
  await pickups.verifyTyped(order.number, 'Someone Else');
  await expect(pickups.panel.getByRole('alert')).toContainText('The name does not match');
  await pickups.verifyTyped(order.number.toLowerCase(), 'pickup');
  await pickups.quantity(a.name).fill('1');
  await pickups.quantity(b.name).fill('0');
  await pickups.handOver.click();
  await expect(pickups.slip(order.number)).toContainText('Still waiting for you:');
  await pickups.panel.getByRole('button', { name: 'Done' }).click();
  await expect.poll(async () => (await hubOrder(hub, order.number)).pickups?.length ?? 0).toBe(1);
  expect((await hubOrder(hub, order.number)).status).toBe('ready');

  await pickups.orderIn('Ready', order.number).click();
  await pickups.action(order.number, 'Collect').click();
  await pickups.verifyTyped(order.number, 'Jo Pickup');
  await pickups.handOver.click();
  await expect(pickups.slip(order.number)).toContainText('Order complete');
  await page.screenshot({ path: `${repoRoot}e2e/screenshots/pickups.png`, fullPage: true });
  await expect.poll(async () => (await hubOrder(hub, order.number)).status).toBe('collected');

  // The reservation was consumed: the units left the shelf once, and nothing is still held for the order.
  expect(await levels(hub, [a.sku, b.sku])).toEqual({
    [a.sku]: { onHand: (before[a.sku]?.onHand ?? 0) - 2, reserved: before[a.sku]?.reserved ?? 0 },
    [b.sku]: { onHand: (before[b.sku]?.onHand ?? 0) - 1, reserved: before[b.sku]?.reserved ?? 0 },
  });
  await expect(pickups.topButton).toHaveAccessibleName('Pickups, 0 waiting');
});

test('a hand-over made while the hub is stopped reaches it when it is back', async ({
  page,
  hub,
  syncHost,
}) => {
  const [a] = await stockedProducts(hub);
  if (!a) throw new Error('the demo store has no stocked products');
  const before = await levels(hub, [a.sku]);
  const pickups = await signIn(page, syncHost.pageUrl);
  const order = await placeOrder(hub, [{ sku: a.sku, qty: 1 }], 'Kim Offline');
  await expect(pickups.topButton).toHaveAccessibleName('Pickups, 1 waiting', { timeout: SYNC_TIMEOUT });
  await pickups.open();
  await pickups.orderIn('New', order.number).click();
  await pickups.action(order.number, /^Ready/).click();
  await expect.poll(async () => (await hubOrder(hub, order.number)).status).toBe('ready');

  await hub.stop();
  await pickups.action(order.number, 'Collect').click();
  await pickups.verifyTyped(order.number, 'Kim Offline');
  await pickups.handOver.click();
  await expect(pickups.slip(order.number)).toContainText('Order complete');
  await pickups.panel.getByRole('button', { name: 'Done' }).click();
  await expect(pickups.orderIn('Finished', order.number)).toBeVisible();
  expect(
    (
      await hub.query<{ status: string }>('SELECT status FROM web_orders WHERE number = $1', [order.number])
    )[0]?.status,
  ).toBe('ready');

  await hub.start();
  await expect
    .poll(async () => (await hubOrder(hub, order.number)).status, { timeout: 40_000 })
    .toBe('collected');
  expect(await levels(hub, [a.sku])).toEqual({
    [a.sku]: { onHand: (before[a.sku]?.onHand ?? 0) - 1, reserved: before[a.sku]?.reserved ?? 0 },
  });
});

test('cancelling an order takes a manager’s PIN and gives its stock back to the web', async ({
  page,
  hub,
  syncHost,
}) => {
  const [a] = await stockedProducts(hub);
  if (!a) throw new Error('the demo store has no stocked products');
  const before = await levels(hub, [a.sku]);
  const pickups = await signIn(page, syncHost.pageUrl);
  const order = await placeOrder(hub, [{ sku: a.sku, qty: 3 }], 'Lee Cancel');
  await expect(pickups.topButton).toHaveAccessibleName('Pickups, 1 waiting', { timeout: SYNC_TIMEOUT });
  await pickups.open();
  await pickups.orderIn('New', order.number).click();
  await pickups.action(order.number, 'Cancel order').click();
  await expect(pickups.approval).toContainText(`Cancel web order ${order.number}`);
  await pickups.approve('Alice Manager', '472913');
  await expect(pickups.orderIn('Finished', order.number)).toBeVisible();
  await expect(pickups.detail(order.number).getByRole('status')).toHaveText('Cancelled');
  await expect.poll(async () => (await hubOrder(hub, order.number)).status).toBe('cancelled');
  expect(await levels(hub, [a.sku])).toEqual(before);
  await expect(pickups.topButton).toHaveAccessibleName('Pickups, 0 waiting');
});
