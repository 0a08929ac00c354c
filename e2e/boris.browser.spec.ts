/**
 * BORIS in real Chromium against a real hub (demo store-1, Bob Clerk PIN 1111): a web order placed through
 * the storefront API and collected at the store is found on the returns screen by the customer's e-mail;
 * one unit comes back resellable; the hub refunds the original card ("Refunded … to card •••• 4242") and
 * the storefront's stock stream shows the unit available again. Then the hub goes away: the order is found
 * by its number in the replica, the last unit comes back, the card refund is deferred (shown pending), and
 * once the hub is back it is settled exactly once.
 */
import type { Page } from '@playwright/test';
import type { WebOrder } from '@till/shared/schemas/web-order';
import { openStream } from '../test/support/sse-client';
import type { E2eHub } from './hub';
import { expect, test } from './fixtures';
import { ReturnsPage } from './pages/returns-page';
import { SignInPage } from './pages/sign-in-page';
import { repoRoot } from './support';

const SYNC_TIMEOUT = 20_000;
/** The register retries its push with a back-off (up to 30 s) once the hub answers again. */
const BACK_ONLINE = 60_000;
const STOREFRONT_KEY = { authorization: 'Bearer demo-storefront-key' };

/** Places a card-paid pickup order at store-1 for one unit of each SKU, and hands it over (collected). */
async function collectedOrder(hub: E2eHub, email: string, skus: string[]): Promise<WebOrder> {
  const response = await fetch(`${hub.url}/api/v1/storefront/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...STOREFRONT_KEY },
    body: JSON.stringify({
      customer: { email, name: 'Rita Returner', phone: null },
      lines: skus.map((sku) => ({ sku, qty: 1 })),
      fulfilment: { type: 'pickup', storeId: 'store-1' },
      payment: { method: 'card', token: 'tok_visa' },
    }),
  });
  expect(response.status).toBe(201);
  const { order } = (await response.json()) as { order: WebOrder };
  // Handed over at the counter: its status as the hub's state machine leaves it after a collection.
  await hub.query(
    `UPDATE web_orders SET status = 'collected', doc = jsonb_set(doc, '{status}', '"collected"') WHERE id = $1`,
    [order.id],
  );
  return { ...order, status: 'collected' };
}

async function demoSkus(hub: E2eHub): Promise<string[]> {
  const rows = await hub.query<{ sku: string }>(
    `SELECT p.sku FROM products p JOIN stock_levels s ON s.sku = p.sku AND s.store_id = 'store-1'
      WHERE p.active AND NOT p.open_price AND s.on_hand > 5 ORDER BY p.sku DESC LIMIT 2`,
  );
  return rows.map((r) => r.sku);
}

async function onHand(hub: E2eHub, sku: string): Promise<number> {
  const [row] = await hub.query<{ on_hand: number }>(
    "SELECT on_hand FROM stock_levels WHERE store_id = 'store-1' AND sku = $1",
    [sku],
  );
  return row?.on_hand ?? 0;
}

async function signInAndOpenReturns(page: Page, pageUrl: string): Promise<ReturnsPage> {
  await page.goto(pageUrl);
  const signIn = new SignInPage(page);
  await expect(signIn.person('Bob Clerk')).toBeVisible({ timeout: SYNC_TIMEOUT });
  await signIn.signIn('Bob Clerk', '1111');
  await expect(signIn.clerkBar).toContainText('Bob Clerk');
  const returns = new ReturnsPage(page);
  await returns.open();
  await expect(returns.panel).toBeVisible();
  return returns;
}

const refunds = (hub: E2eHub, orderId: string) =>
  hub.query<{ state: string; amount: number; refund_reference: string | null; last4: string | null }>(
    `SELECT state, amount::float8 AS amount, refund_reference, last4 FROM web_returns
      WHERE order_id = $1 ORDER BY created_at`,
    [orderId],
  );

test('a web order found by e-mail comes back at the counter, refunded to its card; offline the refund waits for the hub', async ({
  page,
  hub,
  syncHost,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1024, height: 900 });
  const skus = await demoSkus(hub);
  expect(skus).toHaveLength(2);
  const email = `rita-${Date.now()}@example.com`;
  const order = await collectedOrder(hub, email, skus);
  const [first, second] = order.lines;
  const stockBefore = await onHand(hub, first!.sku);

  const returns = await signInAndOpenReturns(page, syncHost.pageUrl);
  // Found by the customer's e-mail (the replica, or the hub until the order has replicated).
  await returns.findSale(email.toUpperCase());
  await expect(returns.webCanReturn(first!.name)).toHaveText('1', { timeout: SYNC_TIMEOUT });
  await expect(returns.webCanReturn(second!.name)).toHaveText('1');

  const stream = await openStream(`${hub.url}/api/v1/storefront/stock/stream?sku=${first!.sku}`);
  try {
    await returns.quantity(first!.name).fill('1');
    await expect(returns.webDisposition(first!.name)).toHaveValue('resellable');
    await expect(returns.refundSummary).toContainText('to the original card');
    expect((await returns.refund.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
    await returns.refund.click();
    await expect(returns.receipt()).toContainText('RETURN');
    await expect(returns.receipt()).toContainText(order.number);
    // The hub refunded the card when the return reached it.
    await expect(returns.cardRefund).toContainText('to card •••• 4242', { timeout: SYNC_TIMEOUT });
    // The storefront's stream shows the unit back in sellable stock, without a reload.
    const event = JSON.parse(
      await stream.waitFor((d) => d.includes(`"onHand":${stockBefore + 1}`), SYNC_TIMEOUT),
    ) as { sku: string; onHand: number; available: number };
    expect(event).toMatchObject({ sku: first!.sku, onHand: stockBefore + 1 });
  } finally {
    stream.close();
  }
  await page.screenshot({ path: `${repoRoot}e2e/screenshots/boris.png`, fullPage: true });
  expect(await refunds(hub, order.id)).toEqual([
    expect.objectContaining({ state: 'refunded', amount: first!.gross, last4: '4242' }),
  ]);
  expect(await onHand(hub, first!.sku)).toBe(stockBefore + 1);

  // The hub goes away. The order is in the replica (a pickup order of this store): found by its number,
  // with the first return counted; the last unit comes back and the card refund waits.
  await page.keyboard.press('Enter');
  await hub.stop();
  await returns.findSale(order.number);
  await expect(returns.webCanReturn(first!.name)).toHaveText('0', { timeout: SYNC_TIMEOUT });
  await expect(returns.webCanReturn(second!.name)).toHaveText('1');
  await returns.quantity(second!.name).fill('1');
  await returns.webDisposition(second!.name).selectOption('damaged');
  await returns.refund.click();
  await expect(returns.receipt()).toContainText('RETURN');
  await expect(returns.cardRefund).toContainText('pending');
  await expect(returns.receipt()).toContainText('Card refund pending');
  const damagedBefore = await onHand(hub, second!.sku);

  await hub.start();
  await expect(returns.cardRefund).toContainText('to card •••• 4242', { timeout: BACK_ONLINE });
  await expect(returns.receipt()).toContainText('Refunded to card •••• 4242');
  const settled = await refunds(hub, order.id);
  expect(settled).toHaveLength(2);
  expect(settled[1]).toMatchObject({ state: 'refunded', amount: second!.gross, last4: '4242' });
  expect(new Set(settled.map((r) => r.refund_reference)).size).toBe(2);
  // Every unit is back: the order says so, and the damaged unit never became sellable.
  const [shown] = await hub.query<{ status: string }>('SELECT status FROM web_orders WHERE id = $1', [
    order.id,
  ]);
  expect(shown?.status).toBe('returned');
  expect(await onHand(hub, second!.sku)).toBe(damagedBefore);
  // Both settled refunds are in the audit trail once the register has pushed it.
  await expect
    .poll(
      async () =>
        (
          await hub.query<{ n: number }>(
            "SELECT count(*)::int AS n FROM audit WHERE action = 'refund_settled'",
          )
        )[0]?.n,
      { timeout: BACK_ONLINE },
    )
    .toBe(2);
});
