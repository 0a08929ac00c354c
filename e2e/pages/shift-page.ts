/**
 * Page model of the shift screen (F7): opening with a counted float, paid in/out, the X report and the close
 * with a count by denomination, found by role and name as a screen reader would.
 */
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

/** The shift screen. */
export class ShiftPage {
  readonly screen: Locator;
  readonly openForm: Locator;
  readonly movementForm: Locator;
  readonly closeForm: Locator;
  readonly movementResult: Locator;
  readonly closeProblem: Locator;
  readonly xReport: Locator;
  readonly zReport: Locator;

  constructor(readonly page: Page) {
    this.screen = page.getByRole('region', { name: 'Shift' });
    this.openForm = this.screen.getByRole('form', { name: 'Open shift' });
    this.movementForm = this.screen.getByRole('form', { name: 'Paid in or out' });
    this.closeForm = this.screen.getByRole('form', { name: 'Close shift' });
    this.movementResult = this.movementForm.getByRole('status', { name: 'Cash movement result' });
    this.closeProblem = this.closeForm.getByRole('alert', { name: 'Close shift problem' });
    this.xReport = this.screen.getByRole('region', { name: 'X report' });
    this.zReport = this.screen.getByRole('region', { name: 'Z report' });
  }

  /** Opens the shift screen with its key. */
  async open(): Promise<void> {
    await this.page.keyboard.press('F7');
    await expect(this.screen).toBeVisible();
  }

  /** Types counts into a count grid: `{ '$20 bills': 5 }`. */
  async count(form: Locator, counts: Record<string, number>): Promise<void> {
    for (const [label, n] of Object.entries(counts))
      await form.getByLabel(label, { exact: true }).fill(String(n));
  }

  /** A count grid's total. */
  total(form: Locator, grid: 'Opening float' | 'Closing count'): Locator {
    return form.getByRole('status', { name: `${grid} total` });
  }

  /** One fact of a summary (`Expected cash`, `Variance`…) inside `within`. */
  fact(within: Locator, name: string): Locator {
    return within.getByRole('group', { name, exact: true }).getByRole('definition');
  }

  /** Records a paid-in or paid-out. */
  async moveCash(kind: 'Paid in' | 'Paid out', amount: string, reason: string): Promise<void> {
    await this.movementForm.getByRole('radio', { name: kind }).check();
    await this.movementForm.getByLabel('Amount').fill(amount);
    await this.movementForm.getByLabel('Reason').fill(reason);
    await this.movementForm.getByLabel('Reason').press('Enter');
  }

  /** The report's text, one line per printed line. */
  async reportText(report: Locator): Promise<string> {
    return (await report.locator('.receipt-line').allTextContents()).join('\n');
  }
}
