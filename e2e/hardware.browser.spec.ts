/**
 * The register's hardware end to end in browser mode: a real hub, a register host running the virtual rig
 * (an ESC/POS printer emulator on TCP port 9100's protocol, a serial scanner and a pole display on socat
 * ptys) and the real device service driving it, and the real register page in Chromium (demo store-1, Bob
 * Clerk 1111, Alice Manager 472913). What the printer "printed" is read back from the EMULATOR, decoded
 * from the bytes it received — not from what the page meant to send.
 */
import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import type { RegisterHost } from '../src/host/register-host';
import { expect, test } from './fixtures';
import type { E2eHub } from './hub';
import { HardwarePage } from './pages/hardware-page';
import { SignInPage } from './pages/sign-in-page';
import { TenderPage } from './pages/tender-page';
import { repoRoot } from './support';

// The first sync opens IndexedDB and pulls every collection; the rig and the device service start too.
const SYNC_TIMEOUT = 30_000;
test.setTimeout(150_000);

interface DemoProduct {
  name: string;
  barcode: string;
}

async function demoProducts(hub: E2eHub, count: number): Promise<DemoProduct[]> {
  return hub.query<DemoProduct>(
    `SELECT p.name, b.barcode
       FROM products p JOIN product_barcodes b ON b.sku = p.sku
      WHERE length(b.barcode) = 13 AND p.active AND NOT p.open_price
      ORDER BY p.sku LIMIT $1`,
    [count],
  );
}

/** What the rig's twins show now (the emulator's decoded receipts, its kicks, the pole display). */
async function rigState(host: RegisterHost) {
  if (!host.virtualRig) throw new Error('the virtual hardware did not start (is socat installed?)');
  const state = await host.virtualRig.request('state', undefined);
  if (!state.ok) throw new Error(state.error.message);
  return state.value;
}

async function rig(host: RegisterHost, method: 'scan' | 'printer', params: object): Promise<void> {
  if (!host.virtualRig) throw new Error('the virtual hardware did not start (is socat installed?)');
  const answer =
    method === 'scan'
      ? await host.virtualRig.request('scan', params as { data: string })
      : await host.virtualRig.request('printer', params);
  if (!answer.ok) throw new Error(answer.error.message);
}

async function signInBob(page: Page, url: string): Promise<void> {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(url);
  const signIn = new SignInPage(page);
  await expect(signIn.person('Bob Clerk')).toBeVisible({ timeout: SYNC_TIMEOUT });
  await signIn.signIn('Bob Clerk', '1111');
  await expect(page.getByRole('combobox', { name: /Search products/ })).toBeVisible();
}

/** Scans on the VIRTUAL SERIAL SCANNER (bytes into its pty) until the line shows in the cart. */
async function scanOnSerial(page: Page, host: RegisterHost, product: DemoProduct): Promise<void> {
  const sale = page.getByRole('region', { name: 'Sale' });
  await expect(async () => {
    // Right after sign-in the catalogue may still be opening (the screen then asks to scan again).
    if (!((await sale.textContent()) ?? '').includes(product.name)) {
      await rig(host, 'scan', { data: product.barcode });
    }
    await expect(sale).toContainText(product.name, { timeout: 3_000 });
  }).toPass({ timeout: SYNC_TIMEOUT });
}

test('serial scans ring the sale; cash prints the receipt and kicks once; card-only never kicks', async ({
  page,
  hub,
  virtualHost,
}) => {
  const [first, second] = await demoProducts(hub, 2);
  if (!first || !second) throw new Error('the demo catalogue has no barcoded products');
  await signInBob(page, virtualHost.pageUrl);
  const hardware = new HardwarePage(page);
  await expect(hardware.badge).toBeVisible({ timeout: SYNC_TIMEOUT });
  const before = await rigState(virtualHost);

  // A scan on the serial scanner reaches the cart exactly as a keyboard-wedge scan does.
  await scanOnSerial(page, virtualHost, first);
  await scanOnSerial(page, virtualHost, second);
  await page.screenshot({ path: `${repoRoot}e2e/screenshots/hardware-badge.png` });

  const tender = new TenderPage(page);
  await tender.pay();
  const total = ((await tender.total.textContent()) ?? '').trim();
  await tender.exactCash.click();
  await expect(tender.afterSale).toBeVisible();
  await expect(tender.printerAndDrawer).toContainText('Receipt printed.', { timeout: 15_000 });
  const number = await tender.completedNumber();
  // The sale's id, from the QR code of the receipt on screen.
  const qr = tender.receipt.getByRole('img', { name: /^QR code till:sale:/ });
  const saleId = /till:sale:(\S+)/.exec((await qr.getAttribute('aria-label')) ?? '')?.[1] ?? '';
  expect(saleId).not.toBe('');

  await expect
    .poll(async () => (await rigState(virtualHost)).printer.receipts.length)
    .toBeGreaterThan(before.printer.receipts.length);
  const cash = await rigState(virtualHost);
  const paper = cash.printer.receipts.at(-1)?.text ?? '';
  expect(paper).toContain(number);
  expect(paper).toContain(first.name.slice(0, 20));
  expect(paper).toContain(second.name.slice(0, 20));
  expect(paper).toContain(total);
  expect(paper).toContain(`[QR till:sale:${saleId}]`);
  // Exactly one kick for the cash sale, however the page and host retried.
  await expect.poll(async () => (await rigState(virtualHost)).printer.kicks).toBe(before.printer.kicks + 1);

  // A card-only sale: its receipt prints, the drawer stays shut.
  await page.keyboard.press('Enter');
  await scanOnSerial(page, virtualHost, first);
  await tender.pay();
  await tender.amount.fill('');
  await tender.card.click();
  await expect(tender.afterSale).toBeVisible({ timeout: 15_000 });
  await expect(tender.printerAndDrawer).toContainText('Receipt printed.', { timeout: 15_000 });
  const cardNumber = await tender.completedNumber();
  await expect
    .poll(async () => (await rigState(virtualHost)).printer.receipts.at(-1)?.text ?? '')
    .toContain(cardNumber);
  const card = await rigState(virtualHost);
  expect(card.printer.receipts.at(-1)?.text).toContain('Card');
  expect(card.printer.kicks).toBe(before.printer.kicks + 1);
});

test('paper out holds the receipt in words and prints it once paper is loaded; the Hardware screen', async ({
  page,
  hub,
  virtualHost,
}) => {
  const [product] = await demoProducts(hub, 1);
  if (!product) throw new Error('the demo catalogue has no barcoded products');
  await signInBob(page, virtualHost.pageUrl);
  await scanOnSerial(page, virtualHost, product);

  await rig(virtualHost, 'printer', { paperOut: true });
  const before = await rigState(virtualHost);
  const tender = new TenderPage(page);
  await tender.pay();
  await tender.exactCash.click();
  await expect(tender.printerAndDrawer).toContainText(
    'Printer out of paper — the receipt will print when paper is loaded.',
    { timeout: 15_000 },
  );
  const number = await tender.completedNumber();
  // The fault also shows as a notice, in words.
  await expect(page.getByRole('list').filter({ hasText: 'Receipt printer:' })).toContainText('paper');
  expect((await rigState(virtualHost)).printer.receipts.length).toBe(before.printer.receipts.length);

  // Paper loaded: the held receipt prints by itself, once, and the clerk is told.
  await rig(virtualHost, 'printer', { paperOut: false });
  await expect(tender.printerAndDrawer).toContainText('Receipt printed.', { timeout: 20_000 });
  await expect
    .poll(async () => (await rigState(virtualHost)).printer.receipts.length, { timeout: 20_000 })
    .toBe(before.printer.receipts.length + 1);
  const printed = (await rigState(virtualHost)).printer.receipts.filter((r) => r.text.includes(number));
  expect(printed).toHaveLength(1);

  // The Hardware screen, behind the manager's PIN.
  await page.keyboard.press('Enter');
  const hardware = new HardwarePage(page);
  await expect(hardware.open).toBeVisible();
  expect((await hardware.open.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
  await hardware.openAs('Alice Manager', '472913');
  await expect(hardware.devices.getByRole('listitem', { name: 'Receipt printer' })).toContainText('Virtual');
  await expect(hardware.devices.getByRole('listitem', { name: 'Barcode scanner' })).toBeVisible();

  const receipts = (await rigState(virtualHost)).printer.receipts.length;
  await hardware.runTest('Print test page');
  await expect
    .poll(async () => (await rigState(virtualHost)).printer.receipts.length, { timeout: 15_000 })
    .toBeGreaterThan(receipts);
  const page1 = (await rigState(virtualHost)).printer.receipts.at(-1)?.text ?? '';
  expect(page1).toMatch(/\[QR [^\]]+\]/);
  expect(page1).toMatch(/\[(CODE128|EAN13|CODE39)[^\]]*\]/);
  await expect(hardware.lastReceipt).toContainText('QR', { timeout: 5_000 });

  // The scan test shows a serial scan live; this scanner sends no AIM identifier, so no symbology.
  await rig(virtualHost, 'scan', { data: product.barcode });
  await expect(hardware.lastScan).toHaveText(`${product.barcode} (symbology not reported)`);

  await hardware.runTest('Test display');
  await expect(hardware.poleDisplay).not.toHaveAccessibleName('Pole display:  / ', { timeout: 5_000 });
  await page.screenshot({ path: `${repoRoot}e2e/screenshots/hardware.png`, fullPage: true });
  await hardware.lastReceipt.scrollIntoViewIfNeeded();
  await hardware.lastReceipt.screenshot({ path: `${repoRoot}e2e/screenshots/hardware-receipt-preview.png` });

  // Export diagnostics downloads the JSON report.
  const download = page.waitForEvent('download');
  await hardware.exportDiagnostics.click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^till-diagnostics.*\.json$/);
  const report = JSON.parse(await readFile((await file.path()) ?? '', 'utf8')) as Record<string, unknown>;
  expect(Object.keys(report).length).toBeGreaterThan(0);
  await expect(hardware.diagnosticsResult).toContainText('Saved till-diagnostics');
});
