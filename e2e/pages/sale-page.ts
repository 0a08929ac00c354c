/**
 * Page model of the sale screen, found by role and name as a screen reader would: the search combobox and
 * its results, the scan message, quick keys, the cart's lines with their controls, the totals, the manager
 * approval dialog, the discount dialog, the price dialog of an open-price item and the parked sales.
 */
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

/** The sale screen. */
export class SalePage {
  readonly find: Locator;
  readonly search: Locator;
  readonly results: Locator;
  readonly scanMessage: Locator;
  readonly quickKeys: Locator;
  readonly sale: Locator;
  readonly cart: Locator;
  readonly lines: Locator;
  readonly total: Locator;
  readonly tax: Locator;
  readonly net: Locator;
  readonly saved: Locator;
  readonly pay: Locator;
  readonly approval: Locator;
  readonly discountDialog: Locator;
  /** The price dialog of an open-price item. */
  readonly priceDialog: Locator;
  readonly parkedDialog: Locator;

  constructor(readonly page: Page) {
    this.find = page.getByRole('region', { name: 'Find items' });
    this.search = this.find.getByRole('combobox', { name: /Search products/ });
    this.results = this.find.getByRole('listbox', { name: 'Search results' });
    this.scanMessage = page.getByRole('alert', { name: 'Scan message' });
    this.quickKeys = page.getByRole('region', { name: 'Quick keys' });
    this.sale = page.getByRole('region', { name: 'Sale' });
    this.cart = this.sale.getByRole('table', { name: 'Cart' });
    this.lines = this.cart.locator('tbody').getByRole('row');
    this.total = this.sale.getByLabel('Total', { exact: true });
    this.tax = this.sale.getByLabel('Tax', { exact: true });
    this.net = this.sale.getByLabel('Net', { exact: true });
    this.saved = this.sale.getByRole('status', { name: 'Sale saved' });
    this.pay = this.sale.getByRole('button', { name: /^Pay/ });
    this.approval = page.getByRole('dialog', { name: 'Manager approval' });
    this.discountDialog = page.getByRole('dialog', { name: /^Discount on/ });
    this.priceDialog = page.getByRole('dialog', { name: /^Price of/ });
    this.parkedDialog = page.getByRole('dialog', { name: 'Parked sales' });
  }

  /** The cart line of `name`. */
  line(name: string): Locator {
    return this.cart.getByRole('row', { name, exact: true });
  }

  /** The quantity field of `name`'s line. */
  qty(name: string): Locator {
    return this.cart.getByRole('textbox', { name: `Quantity of ${name}`, exact: true });
  }

  /** Types `code` as a keyboard-wedge scanner does (a fast burst, then Enter). */
  async scan(code: string): Promise<void> {
    await this.page.keyboard.type(code, { delay: 5 });
    await this.page.keyboard.press('Enter');
  }

  /** Opens the discount dialog of `name`'s line and applies `percent` %. */
  async discountLine(name: string, percent: string): Promise<void> {
    await this.cart.getByRole('button', { name: `Discount on ${name}` }).click();
    await expect(this.discountDialog).toBeVisible();
    await this.discountDialog.getByLabel('Discount in percent').fill(percent);
    await this.discountDialog.getByRole('button', { name: /^Apply/ }).click();
  }

  /** Picks the approving manager and types their PIN into the approval dialog. */
  async approve(manager: string, pin: string): Promise<void> {
    await expect(this.approval).toBeVisible();
    await this.approval.getByRole('radio', { name: manager }).click();
    await this.approval.getByLabel('Manager PIN').fill(pin);
    await this.approval.getByRole('button', { name: /^Approve/ }).click();
  }
}
