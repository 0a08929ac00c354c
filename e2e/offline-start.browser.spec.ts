/**
 * A register that starts while its hub is down (browser mode, demo store-1, Bob Clerk 1111): enrolled and
 * synced once, then restarted — a new register host on the same data folder and port, a new page in the
 * same browser profile — with the hub stopped. It must reach the sign-in screen from its replica, sign a
 * clerk in by PIN, ring and tender a cash sale, and, once the hub is back, deliver that sale exactly once.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startRegisterHost } from '../src/host/register-host';
import type { RegisterHost } from '../src/host/register-host';
import { expect, test } from './fixtures';
import { RegisterPage } from './pages/register-page';
import { SignInPage } from './pages/sign-in-page';
import { TenderPage } from './pages/tender-page';
import { appVersion, repoRoot } from './support';

// The first sync opens IndexedDB and pulls every collection, staff and settings included.
const SYNC_TIMEOUT = 20_000;

// Two register starts, a full first sync and a hub restart on a shared two-core machine.
test.setTimeout(120_000);

/** Starts a register host like `npm start` does, on `port` (0: a free one) and the given data folder. */
function startHost(dataDir: string, hubUrl: string, port: number): Promise<RegisterHost> {
  return startRegisterHost({
    rendererDir: path.join(repoRoot, 'out/renderer'),
    version: appVersion,
    port,
    dataDir,
    demoEnrollment: { hubUrl, code: 'DEMO-S1-R1' },
  });
}

/** Opens the register on `url` with a tolerant scanner timing for a loaded test machine. */
async function openRegister(page: Page, url: string): Promise<void> {
  await page.addInitScript(() =>
    localStorage.setItem('till.scanner', JSON.stringify({ maxGapMs: 60, timeoutMs: 150 })),
  );
  await page.goto(url);
}

test('restarted with the hub down, it signs in, sells for cash, and the sale reaches the hub once', async ({
  context,
  page,
  hub,
}) => {
  const [product] = await hub.query<{ name: string; barcode: string }>(
    `SELECT p.name, b.barcode FROM products p JOIN product_barcodes b ON b.sku = p.sku
      WHERE length(b.barcode) = 13 AND p.active AND NOT p.open_price ORDER BY p.sku LIMIT 1`,
  );
  if (!product) throw new Error('the demo catalogue has no barcoded products');
  const dataDir = await mkdtemp(path.join(tmpdir(), 'till-e2e-offline-'));
  let host: RegisterHost | null = null;
  try {
    // First start: the register enrolls itself and replicates everything once.
    host = await startHost(dataDir, hub.url, 0);
    const port = host.port;
    const first = new RegisterPage(page);
    await openRegister(page, host.pageUrl);
    await first.openInfo();
    await expect(first.connection).toHaveText('online', { timeout: SYNC_TIMEOUT });
    await expect(first.productCount).toHaveText(String(hub.products), { timeout: SYNC_TIMEOUT });
    await expect(first.lastExchange).not.toHaveText('not yet');

    // The register shuts down, then its hub goes away.
    await page.close();
    await host.close();
    host = null;
    await hub.stop();

    // Cold start with no hub: same data folder and origin (so the same replica), a fresh host and page.
    host = await startHost(dataDir, hub.url, port);
    const again = await context.newPage();
    await openRegister(again, host.pageUrl);
    const signIn = new SignInPage(again);
    await expect(signIn.person('Bob Clerk')).toBeVisible({ timeout: SYNC_TIMEOUT });
    await signIn.signIn('Bob Clerk', '1111');
    await expect(signIn.clerkBar).toContainText('Bob Clerk');

    const sale = again.getByRole('region', { name: 'Sale' });
    const tender = new TenderPage(again);
    // The catalogue may still be opening right after sign-in (the screen then asks to scan again).
    await expect(async () => {
      if (!((await sale.textContent()) ?? '').includes(product.name)) await tender.scan(product.barcode);
      await expect(sale).toContainText(product.name, { timeout: 3_000 });
    }).toPass({ timeout: 30_000 });
    await tender.pay();
    await tender.exactCash.click();
    await expect(tender.afterSale).toBeVisible();
    await expect(tender.receipt).toBeVisible();
    const number = await tender.completedNumber();
    const count = async (): Promise<number> =>
      (await hub.query<{ n: number }>('SELECT count(*)::int AS n FROM sales WHERE number = $1', [number]))[0]
        ?.n ?? 0;
    expect(await count()).toBe(0);

    // The hub comes back: the sale arrives, exactly once, with its one stock movement.
    await hub.start();
    await expect.poll(count, { timeout: 30_000 }).toBe(1);
    const moves = await hub.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM stock_movements m JOIN sales s ON s.id = m.sale_id WHERE s.number = $1',
      [number],
    );
    expect(moves[0]?.n).toBe(1);
    // Nothing is left waiting to be sent again (the register info is one button away once signed out).
    const info = new RegisterPage(again);
    await tender.newSale.click();
    await signIn.signOut.click();
    await info.openInfo();
    await expect(info.salesWaiting).toHaveText('none', { timeout: SYNC_TIMEOUT });
    expect(await count()).toBe(1);
  } finally {
    await host?.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
