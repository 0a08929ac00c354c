/**
 * The Hardware screen's "Device settings" end to end: a real hub, a register host running the virtual rig
 * (its receipt printer is an ESC/POS emulator listening on a loopback TCP port, like a network printer's
 * raw port 9100) and the real device service, and the real register page in Chromium (demo store-1, Bob
 * Clerk 1111, Alice Manager 472913). The installer types the printer's network address and paper width;
 * what is stored is read back from the device service, and what was printed from the EMULATOR, decoded
 * from the bytes it received.
 */
import type { Locator, Page } from '@playwright/test';
import { createServer } from 'node:net';
import type { RegisterHost } from '../src/host/register-host';
import { expect, test } from './fixtures';
import { HardwarePage } from './pages/hardware-page';
import { SignInPage } from './pages/sign-in-page';
import { repoRoot } from './support';

// The first sync opens IndexedDB and pulls every collection; the rig and the device service start too.
const SYNC_TIMEOUT = 30_000;
test.setTimeout(150_000);

/** The "Device settings" panel's receipt printer group, found by role and name. */
class PrinterSettings {
  readonly panel: Locator;
  readonly group: Locator;
  readonly connection: Locator;
  readonly host: Locator;
  readonly port: Locator;
  readonly paper: Locator;
  readonly save: Locator;
  readonly result: Locator;

  constructor(page: Page) {
    this.panel = page.getByRole('region', { name: 'Device settings' });
    this.group = this.panel.getByRole('group', { name: /^Receipt printer/ });
    this.connection = this.group.getByRole('combobox', { name: 'Connection' });
    this.host = this.group.getByRole('textbox', { name: 'Host name or IPv4 address' });
    this.port = this.group.getByRole('textbox', { name: 'Port' });
    this.paper = this.group.getByRole('combobox', { name: 'Paper' });
    this.save = this.panel.getByRole('button', { name: 'Save settings' });
    this.result = this.panel.getByRole('status', { name: 'Settings result' });
  }
}

/** The configuration the device service holds now. */
async function storedConfig(host: RegisterHost) {
  if (!host.devices) throw new Error('the register host runs no device service');
  const answer = await host.devices.request({ method: 'config:get' });
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value.config;
}

/** What the rig's emulator decoded. */
async function receipts(host: RegisterHost) {
  if (!host.virtualRig) throw new Error('the virtual hardware did not start (is socat installed?)');
  const state = await host.virtualRig.request('state', undefined);
  if (!state.ok) throw new Error(state.error.message);
  return state.value.printer.receipts;
}

/** A loopback port nothing listens on (taken from the system, then given back). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

test('an installer points the receipt printer at a network address and sets its paper; a bad port is refused', async ({
  page,
  virtualHost,
}) => {
  if (!virtualHost.virtualRig) throw new Error('the virtual hardware did not start (is socat installed?)');
  const emulator = virtualHost.virtualRig.ready.printer;

  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(virtualHost.pageUrl);
  const signIn = new SignInPage(page);
  await expect(signIn.person('Bob Clerk')).toBeVisible({ timeout: SYNC_TIMEOUT });
  await signIn.signIn('Bob Clerk', '1111');
  await expect(page.getByRole('combobox', { name: /Search products/ })).toBeVisible();
  const hardware = new HardwarePage(page);
  await hardware.openAs('Alice Manager', '472913');
  const printerRow = hardware.devices.getByRole('listitem', { name: 'Receipt printer' });
  const settings = new PrinterSettings(page);
  // The device service reads its configuration a moment after the host starts.
  await expect
    .poll(async () => (await storedConfig(virtualHost).catch(() => null))?.printer)
    .toMatchObject({
      virtual: true,
      connection: { type: 'tcp', host: emulator.host, port: emulator.port },
      columns: 42,
    });
  const before = await storedConfig(virtualHost);

  // The form shows what is stored: the emulator's network address, 80 mm paper, a virtual twin.
  await expect(settings.group).toContainText('Virtual');
  await expect(settings.connection).toHaveValue('tcp');
  await expect(settings.host).toHaveValue(emulator.host);
  await expect(settings.port).toHaveValue(String(emulator.port));
  await expect(settings.paper).toHaveValue('42');

  // Port 70000: the field says why, and nothing reaches the device service.
  await settings.port.fill('70000');
  await settings.save.click();
  await expect(settings.port).toHaveAccessibleDescription(/whole number from 1 to 65535/);
  await expect(settings.port).toHaveAttribute('aria-invalid', 'true');
  await expect(settings.port).toBeFocused();
  await expect(settings.result).toHaveText('Not saved: 1 setting needs fixing (marked above).');
  await settings.panel.scrollIntoViewIfNeeded();
  await settings.panel.screenshot({ path: `${repoRoot}e2e/screenshots/hardware-settings.png` });
  expect(await storedConfig(virtualHost)).toEqual(before);
  await expect(printerRow).toContainText(`tcp ${emulator.host}:${emulator.port}`);

  // An empty host is refused the same way.
  await settings.host.fill('');
  await settings.port.fill('9100');
  await settings.save.click();
  await expect(settings.host).toHaveAccessibleDescription(/host name or IPv4 address/);
  await expect(settings.port).not.toHaveAttribute('aria-invalid');
  expect(await storedConfig(virtualHost)).toEqual(before);

  // A port nothing listens on is saved and used: the device list shows the printer there.
  const dead = await closedPort();
  await settings.host.fill('127.0.0.1');
  await settings.port.fill(String(dead));
  await settings.save.click();
  await expect(printerRow).toContainText(`tcp 127.0.0.1:${dead}`, { timeout: 15_000 });
  await expect
    .poll(async () => (await storedConfig(virtualHost)).printer?.connection)
    .toMatchObject({ port: dead });

  // The emulator's address, typed as an installer would, and 58 mm paper.
  await settings.host.fill(emulator.host);
  await settings.port.fill(String(emulator.port));
  await settings.paper.selectOption({ label: '58 mm (32 columns)' });
  await settings.save.click();
  await expect(settings.result).toHaveText('Saved: the devices are reopening.', { timeout: 15_000 });
  await expect(printerRow).toContainText(`tcp ${emulator.host}:${emulator.port}`, { timeout: 15_000 });
  await expect.poll(async () => (await storedConfig(virtualHost)).printer?.columns).toBe(32);
  const after = await storedConfig(virtualHost);
  // Only the printer's address and paper changed; it is still the virtual twin, the other roles as they were.
  expect(after).toEqual({ ...before, printer: { ...before.printer, columns: 32 } });
  await expect(settings.paper).toHaveValue('32');

  // The test page comes out of the emulator at the new width.
  const printed = (await receipts(virtualHost)).length;
  await expect(async () => {
    // Right after the save the printer may still be reconnecting; the test then says so, and is run again.
    await hardware.runTest('Print test page');
    await expect(hardware.testResult).toHaveText('The test page printed.');
  }).toPass({ timeout: 20_000 });
  await expect
    .poll(async () => (await receipts(virtualHost)).length, { timeout: 15_000 })
    .toBeGreaterThan(printed);
  const testPage = (await receipts(virtualHost)).at(-1)?.text ?? '';
  expect(testPage).toContain('32 columns, 58 mm, esc-pos');
  expect(testPage).toContain('12345678901234567890123456789012');
  expect(testPage).not.toContain('123456789012345678901234567890123');
});
