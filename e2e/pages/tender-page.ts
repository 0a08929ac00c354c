/**
 * Page model of paying at the register: scanning on the sale screen (a keyboard wedge types fast and ends
 * with Enter), the tender screen (F10), the receipt after the sale and the recent receipts, all found by
 * role and name as a screen reader would.
 */
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

/** The tender screen and what follows it. */
export class TenderPage {
  readonly screen: Locator;
  readonly total: Locator;
  readonly leftToPay: Locator;
  readonly amount: Locator;
  readonly cash: Locator;
  readonly card: Locator;
  readonly exactCash: Locator;
  readonly tenders: Locator;
  readonly cardWaiting: Locator;
  readonly cardDeclined: Locator;
  readonly cardQuestion: Locator;
  readonly afterSale: Locator;
  readonly changeDue: Locator;
  readonly printerAndDrawer: Locator;
  readonly newSale: Locator;
  readonly receipt: Locator;
  readonly recent: Locator;

  constructor(readonly page: Page) {
    this.screen = page.getByRole('region', { name: 'Payment' });
    this.total = this.screen.getByRole('status', { name: 'Total' });
    this.leftToPay = this.screen.getByRole('status', { name: 'Left to pay' });
    this.amount = this.screen.getByLabel('Amount tendered (empty: what is left)');
    this.cash = this.screen.getByRole('button', { name: /^Cash Enter/ });
    this.card = this.screen.getByRole('button', { name: /^Card F4/ });
    this.exactCash = this.screen.getByRole('button', { name: /^Exact cash/ });
    this.tenders = this.screen.getByRole('list', { name: 'Tenders taken' });
    this.cardWaiting = this.screen.getByRole('status', { name: 'Card payment' });
    this.cardDeclined = this.screen.getByRole('alert', { name: 'Card declined' });
    this.cardQuestion = this.screen.getByRole('alertdialog');
    this.afterSale = page.getByRole('region', { name: /^Sale complete/ });
    this.changeDue = this.afterSale.getByRole('status', { name: 'Change due' });
    this.printerAndDrawer = this.afterSale.getByRole('status', { name: 'Printer and drawer' });
    this.newSale = this.afterSale.getByRole('button', { name: /^New sale/ });
    this.receipt = page.getByRole('region', { name: /^Receipt S/ });
    this.recent = page.getByRole('region', { name: 'Recent receipts' });
  }

  /** Scans a barcode as a keyboard-wedge scanner does (fast keys, then Enter). */
  async scan(barcode: string): Promise<void> {
    await this.page.keyboard.type(barcode, { delay: 5 });
    await this.page.keyboard.press('Enter');
  }

  /** Goes to the tender screen with F10 from the sale screen. */
  async pay(): Promise<void> {
    await this.page.keyboard.press('F10');
    await expect(this.screen).toBeVisible();
  }

  /** Pays `amount` (typed, e.g. "5.00") by card and waits until the terminal has answered. */
  async payCard(amount: string): Promise<void> {
    await this.amount.fill(amount);
    await this.card.click();
    await expect(this.cardWaiting).toBeHidden({ timeout: 10_000 });
  }

  /** The receipt number of the sale just completed, from the heading. */
  async completedNumber(): Promise<string> {
    const heading = await this.afterSale.getByRole('heading').textContent();
    const number = /S\w+-R\w+-\d+/.exec(heading ?? '')?.[0];
    if (!number) throw new Error(`no receipt number in ${heading}`);
    return number;
  }
}
