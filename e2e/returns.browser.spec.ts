/**
 * In-store returns in real Chromium, against a real hub (demo store-1: Alice Manager PIN 472913, Bob Clerk
 * PIN 1111). The sales are real sales of the store's other register: the spec enrolls a second register
 * with `DEMO-S1-R2` and pushes its sale over the sync API, as that register would; the page's register
 * replicates it like any other sale of the store and finds it by its receipt number. Partial returns never
 * exceed what was sold, the refund goes to the original tender (or in cash with a manager's PIN), a return
 * without a receipt needs a manager's PIN, and the hub moves returned units back into stock exactly once.
 */
import type { Page } from '@playwright/test';
import type { SaleDocument } from '@till/shared/schemas/sale';
import { makeSale } from '../test/support/sales';
import type { E2eHub } from './hub';
import { expect, test } from './fixtures';
import { ReturnsPage } from './pages/returns-page';
import { SignInPage } from './pages/sign-in-page';
import { repoRoot } from './support';

// The first sync opens IndexedDB and pulls every collection (staff, settings, sales…).
const SYNC_TIMEOUT = 20_000;

interface DemoProduct {
  sku: string;
  name: string;
  price: number;
}

/** Enrolls the store's second register and returns its id and token. */
async function enrollSecondRegister(hub: E2eHub): Promise<{ registerId: string; token: string }> {
  const response = await fetch(`${hub.url}/api/v1/registers/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: 'DEMO-S1-R2', name: 'Register 2' }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { registerId: string; token: string };
}

/** Pushes `sale` as the register with `token` does, and checks the hub took it. */
async function pushSale(hub: E2eHub, token: string, sale: SaleDocument): Promise<void> {
  const response = await fetch(`${hub.url}/api/v1/sync/sales/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify([{ assumedMasterState: null, newDocumentState: sale }]),
  });
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual([]);
}

/** A sale of two units of `product` at register 2, paid as `tender` says. */
function registerTwoSale(
  registerId: string,
  product: DemoProduct,
  seq: number,
  tender: 'cash' | 'card',
): SaleDocument {
  const taxPerUnit = Math.round((product.price * 88_750) / 1_000_000);
  const gross = (product.price + taxPerUnit) * 2;
  return makeSale(
    'store-1',
    [{ sku: product.sku, qty: 2 }],
    {
      registerId,
      number: `S1-R2-${String(seq).padStart(6, '0')}`,
      clerkId: 'staff-bob',
      tenders:
        tender === 'cash'
          ? [{ method: 'cash', amount: gross, change: 0 }]
          : [{ method: 'card', amount: gross, reference: `SIM-R2-${seq}` }],
    },
    { unitPrice: product.price, taxPerUnit },
  );
}

async function demoProducts(hub: E2eHub): Promise<DemoProduct[]> {
  const rows = await hub.query<{ sku: string; name: string; price: string }>(
    `SELECT sku, name, price::text AS price FROM products
      WHERE active AND NOT open_price AND tax_code = 'std' AND price % 100 NOT IN (13, 17) ORDER BY sku LIMIT 3`,
  );
  return rows.map((r) => ({ sku: r.sku, name: r.name, price: Number(r.price) }));
}

async function onHand(hub: E2eHub, sku: string): Promise<number> {
  const [row] = await hub.query<{ on_hand: number }>(
    "SELECT on_hand FROM stock_levels WHERE store_id = 'store-1' AND sku = $1",
    [sku],
  );
  return row?.on_hand ?? 0;
}

async function signInAndOpenReturns(page: Page, pageUrl: string, who = 'Bob Clerk', pin = '1111') {
  // Keys typed by Playwright on a loaded machine come slower than a real scanner's: tolerant timing
  // (the register's own setting for slow machines, src/renderer/features/sale/scanner-tuning.ts).
  await page.addInitScript(() =>
    localStorage.setItem('till.scanner', JSON.stringify({ maxGapMs: 150, timeoutMs: 400 })),
  );
  await page.goto(pageUrl);
  const signIn = new SignInPage(page);
  await expect(signIn.person(who)).toBeVisible({ timeout: SYNC_TIMEOUT });
  await signIn.signIn(who, pin);
  await expect(signIn.clerkBar).toContainText(who);
  const returns = new ReturnsPage(page);
  await returns.open();
  await expect(returns.panel).toBeVisible();
  return returns;
}

test('returns 1 of 2 units of the other register’s sale, offline, then the last one; stock back once each', async ({
  page,
  hub,
  syncHost,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1024, height: 768 });
  const [product] = await demoProducts(hub);
  if (!product) throw new Error('the demo hub has no products');
  const r2 = await enrollSecondRegister(hub);
  const before = await onHand(hub, product.sku);
  const sale = registerTwoSale(r2.registerId, product, 1, 'cash');
  await pushSale(hub, r2.token, sale);
  expect(await onHand(hub, product.sku)).toBe(before - 2);
  const item = sale.lines[0]!.name;

  const returns = await signInAndOpenReturns(page, syncHost.pageUrl);
  await expect(returns.number).toBeFocused();
  // An unknown number is answered in words.
  await returns.findSale('S1-R2-999999');
  await expect(returns.lookupResult).toContainText('No sale S1-R2-999999');
  // Typed in lower case: receipt numbers are matched as printed. The sale replicates from the hub.
  await expect(async () => {
    await returns.findSale('s1-r2-000001');
    await expect(returns.canReturn(item)).toHaveText('2', { timeout: 1_000 });
  }).toPass({ timeout: SYNC_TIMEOUT });

  // The hub goes away: the sale is in the replica, so the return still happens.
  await hub.stop();
  await returns.quantity(item).fill('1');
  await expect(returns.disposition(item)).toHaveValue('resellable');
  const refund = sale.totals.gross / 2;
  await expect(returns.refundSummary).toContainText(`Refund ${usd(refund)}: Cash ${usd(refund)}`);
  await expect(returns.refund).toContainText('Enter ↵');
  expect((await returns.refund.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
  await page.screenshot({ path: `${repoRoot}e2e/screenshots/returns-find.png`, fullPage: true });
  await returns.refund.click();

  const receipt = returns.receipt();
  await expect(receipt).toBeVisible();
  await expect(receipt).toContainText('RETURN');
  await expect(receipt).toContainText('S1-R2-000001');
  await expect(receipt).toContainText(usd(-refund));
  await page.setViewportSize({ width: 1024, height: 1600 });
  await page.screenshot({ path: `${repoRoot}e2e/screenshots/returns-receipt.png`, fullPage: true });
  await page.setViewportSize({ width: 1024, height: 768 });

  // Back online: the return reaches the hub, and its resellable unit goes back into stock once.
  await hub.start();
  // The register retries with its back-off (up to 30 s between tries) until the hub answers again.
  const BACK_ONLINE = 60_000;
  const returnsOf = (saleId: string) =>
    hub.query<{ id: string; doc: SaleDocument }>(
      "SELECT id::text AS id, doc FROM sales WHERE kind = 'return' AND doc->'returnOf'->>'saleId' = $1 ORDER BY created_at",
      [saleId],
    );
  await expect.poll(async () => (await returnsOf(sale.id)).length, { timeout: BACK_ONLINE }).toBe(1);
  const [first] = await returnsOf(sale.id);
  expect(first?.doc.lines).toEqual([
    expect.objectContaining({ sku: product.sku, qty: -1, disposition: 'resellable', returnOfLineId: '1' }),
  ]);
  expect(first?.doc.tenders).toEqual([{ method: 'cash', amount: -refund }]);
  expect(await onHand(hub, product.sku)).toBe(before - 1);
  const movements = await hub.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM stock_movements WHERE sale_id = $1',
    [first?.id],
  );
  expect(movements[0]?.n).toBe(1);
  // The return is in the audit trail, with the clerk who took it.
  await expect
    .poll(
      async () =>
        (
          await hub.query<{ doc: { staffId: string; details: { returnId: string } } }>(
            "SELECT doc FROM audit WHERE action = 'return'",
          )
        ).map((r) => [r.doc.staffId, r.doc.details.returnId]),
      { timeout: SYNC_TIMEOUT },
    )
    .toEqual([['staff-bob', first?.id]]);

  // A second visit, the receipt's QR code scanned: only the remaining unit can come back, however many
  // are asked for.
  await page.keyboard.press('Enter');
  await expect(returns.number).toBeFocused();
  await returns.scan(`till:sale:${sale.id}`);
  await expect(returns.canReturn(item)).toHaveText('1');
  await returns.quantity(item).fill('2');
  await expect(returns.quantity(item)).toHaveValue('1');
  await returns.refund.click();
  await expect(returns.receipt()).toContainText('RETURN');
  await expect.poll(async () => (await returnsOf(sale.id)).length, { timeout: SYNC_TIMEOUT }).toBe(2);
  await expect.poll(() => onHand(hub, product.sku), { timeout: SYNC_TIMEOUT }).toBe(before);
  const refunded = (await returnsOf(sale.id)).reduce((s, r) => s - r.doc.totals.gross, 0);
  expect(refunded).toBe(sale.totals.gross);

  // Nothing is left to return (the receipt's Code 128, its number, scanned this time).
  await returns.newReturn.click();
  await returns.scan('S1-R2-000001');
  await expect(returns.number).toHaveValue('S1-R2-000001');
  await expect(returns.canReturn(item)).toHaveText('0');
  await expect(returns.quantity(item)).toBeDisabled();
  await expect(returns.refund).toBeDisabled();
});

test('a card sale whose card cannot be refunded is refunded in cash only with a manager’s PIN', async ({
  page,
  hub,
  syncHost,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  const [, product] = await demoProducts(hub);
  if (!product) throw new Error('the demo hub has no products');
  const r2 = await enrollSecondRegister(hub);
  const sale = registerTwoSale(r2.registerId, product, 7, 'card');
  await pushSale(hub, r2.token, sale);
  const item = sale.lines[0]!.name;

  const returns = await signInAndOpenReturns(page, syncHost.pageUrl);
  await expect(async () => {
    await returns.findSale('S1-R2-000007');
    await expect(returns.canReturn(item)).toHaveText('2', { timeout: 1_000 });
  }).toPass({ timeout: SYNC_TIMEOUT });
  await returns.items.getByRole('button', { name: `One more ${item}` }).click();
  await returns.disposition(item).selectOption('damaged');
  await expect(returns.refundSummary).toContainText(`Card ${usd(sale.totals.gross / 2)}`);
  await returns.refund.click();

  // This register's terminal never charged the other register's card: it refuses, and nothing is recorded.
  await expect(returns.cardTerminal).toContainText('No approved card payment has that reference.');
  await returns.cashInstead.click();
  await returns.refund.click();
  await expect(returns.approval).toBeVisible();
  await returns.approve('Alice Manager', '000000');
  await expect(returns.approvalMessage).toContainText('Wrong PIN');
  await returns.approvalPin.fill('472913');
  await returns.approvalPin.press('Enter');
  await expect(returns.receipt()).toContainText('RETURN');

  const returned = async () =>
    hub.query<{ doc: SaleDocument }>(
      "SELECT doc FROM sales WHERE kind = 'return' AND doc->'returnOf'->>'saleId' = $1",
      [sale.id],
    );
  await expect.poll(async () => (await returned()).length, { timeout: SYNC_TIMEOUT }).toBe(1);
  const [doc] = (await returned()).map((r) => r.doc);
  expect(doc?.tenders).toEqual([{ method: 'cash', amount: -(sale.totals.gross / 2) }]);
  expect(doc?.lines[0]).toMatchObject({ qty: -1, disposition: 'damaged' });
  expect(doc?.approvals).toEqual([expect.objectContaining({ staffId: 'staff-alice' })]);
  await expect
    .poll(
      async () =>
        (
          await hub.query<{ doc: { details: { approved: boolean } } }>(
            "SELECT doc FROM audit WHERE action = 'manager_approval' AND doc->>'staffId' = 'staff-alice'",
          )
        ).map((r) => r.doc.details.approved),
      { timeout: SYNC_TIMEOUT },
    )
    .toEqual(expect.arrayContaining([false, true]));
});

test('a return without a receipt asks for a manager’s PIN first, then refunds in cash', async ({
  page,
  hub,
  syncHost,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1024, height: 768 });
  const [, , product] = await demoProducts(hub);
  if (!product) throw new Error('the demo hub has no products');
  const before = await onHand(hub, product.sku);

  const returns = await signInAndOpenReturns(page, syncHost.pageUrl);
  // The screen takes keys once it has focused its number field (its key handler is installed by then).
  await expect(returns.number).toBeFocused();
  await page.keyboard.press('F4');
  await expect(returns.approval).toBeVisible();
  await expect(returns.approval).toContainText('A return without a receipt needs a manager’s PIN.');
  // Esc closes the dialog with nothing approved; the screen stays.
  await page.keyboard.press('Escape');
  await expect(returns.approval).toHaveCount(0);
  await expect(returns.panel).toBeVisible();

  await returns.noReceipt.click();
  await returns.approve('Alice Manager', '472913');
  await expect(returns.noReceiptForm).toBeVisible();
  await returns.noReceiptCode.fill(product.sku);
  await returns.noReceiptCode.press('Enter');
  await expect(returns.quantity(product.name)).toHaveValue('1');
  await returns.noReceiptRefund.click();
  await expect(returns.receipt()).toContainText('RETURN');

  const returned = () =>
    hub.query<{ doc: SaleDocument }>(
      "SELECT doc FROM sales WHERE kind = 'return' AND doc->'returnOf' = 'null'::jsonb",
    );
  await expect.poll(async () => (await returned()).length, { timeout: SYNC_TIMEOUT }).toBe(1);
  const [doc] = (await returned()).map((r) => r.doc);
  expect(doc?.approvals).toEqual([
    expect.objectContaining({ kind: 'return_without_receipt', staffId: 'staff-alice' }),
  ]);
  expect(doc?.tenders[0]?.method).toBe('cash');
  await expect.poll(() => onHand(hub, product.sku), { timeout: SYNC_TIMEOUT }).toBe(before + 1);
});

/** US dollars as the demo store (en-US, USD) shows them. */
function usd(minor: number): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(minor / 100);
}
