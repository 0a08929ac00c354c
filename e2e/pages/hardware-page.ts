/**
 * Page model of the Hardware screen (F12, behind a manager's PIN) and the top bar's hardware controls,
 * found by role and name as a screen reader would.
 */
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

/** The Hardware screen. */
export class HardwarePage {
  /** The top bar's "Hardware F12" button ("Virtual hardware F12" with twins). */
  readonly open: Locator;
  /** The same button as the top bar's "Virtual hardware" badge, signed in. */
  readonly badge: Locator;
  readonly approval: Locator;
  readonly heading: Locator;
  readonly devices: Locator;
  readonly testResult: Locator;
  readonly lastScan: Locator;
  readonly jobs: Locator;
  readonly resume: Locator;
  readonly kicks: Locator;
  readonly lastReceipt: Locator;
  readonly poleDisplay: Locator;
  readonly simulateScan: Locator;
  readonly exportDiagnostics: Locator;
  readonly diagnosticsResult: Locator;
  readonly back: Locator;

  constructor(readonly page: Page) {
    this.open = page.getByRole('button', { name: /^(Virtual )?hardware F12/i });
    this.badge = page.getByRole('button', { name: /^Virtual hardware F12/ });
    this.approval = page.getByRole('dialog', { name: 'Manager approval' });
    this.heading = page.getByRole('heading', { name: 'Hardware', exact: true });
    this.devices = page.getByRole('list', { name: 'Devices' });
    this.testResult = page.getByRole('status', { name: 'Test result' });
    this.lastScan = page.getByRole('status', { name: 'Last scan' });
    this.jobs = page.getByRole('list', { name: 'Print jobs' });
    this.resume = page.getByRole('button', { name: 'Resume held jobs' });
    this.kicks = page.getByLabel('Drawer kicks');
    this.lastReceipt = page.getByLabel('Last printed receipt');
    this.poleDisplay = page.getByRole('img', { name: /^Pole display/ });
    this.simulateScan = page.getByLabel('Simulate scan');
    this.exportDiagnostics = page.getByRole('button', { name: 'Export diagnostics' });
    this.diagnosticsResult = page.getByRole('status', { name: 'Diagnostics result' });
    this.back = page.getByRole('button', { name: /^Back to sale/ });
  }

  /** Opens the screen with F12 and approves with the manager's PIN. */
  async openAs(manager: string, pin: string): Promise<void> {
    await this.page.keyboard.press('F12');
    await expect(this.approval).toBeVisible();
    const choice = this.approval.getByRole('radio', { name: manager });
    if (await choice.count()) await choice.click();
    await this.approval.getByLabel('Manager PIN').fill(pin);
    await this.approval.getByRole('button', { name: /^Approve/ }).click();
    await expect(this.heading).toBeVisible();
  }

  /** Runs one test by its button's name and waits for its answer. */
  async runTest(name: 'Test print' | 'Print test page' | 'Open drawer' | 'Test display'): Promise<void> {
    await this.page.getByRole('button', { name, exact: true }).click();
    await expect(this.testResult).not.toHaveText(/^(Testing…)?$/);
  }
}
