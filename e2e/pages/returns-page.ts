/**
 * Page model of the returns screen (F6), found by role and name as a screen reader would: the receipt
 * number field, the sale's lines with quantity and disposition, the refund, the manager approval dialog
 * and the return receipt.
 */
import type { Locator, Page } from '@playwright/test';

/** The returns screen. */
export class ReturnsPage {
  readonly panel: Locator;
  readonly number: Locator;
  readonly find: Locator;
  readonly noReceipt: Locator;
  readonly lookupResult: Locator;
  readonly items: Locator;
  /** "Refund $x: Cash $x" — what the refund will be, as it is picked. */
  readonly refundSummary: Locator;
  readonly refund: Locator;
  readonly message: Locator;
  readonly cardTerminal: Locator;
  readonly cashInstead: Locator;
  readonly approval: Locator;
  readonly approvalPin: Locator;
  readonly approvalMessage: Locator;
  readonly newReturn: Locator;
  /** The item entry of a return without a receipt (after the manager's approval). */
  readonly noReceiptForm: Locator;
  readonly noReceiptCode: Locator;
  readonly noReceiptRefund: Locator;
  /** The lines of a found web order. */
  readonly webItems: Locator;
  /** A web order's card refund on the return receipt: pending, then "Refunded … to card •••• 4242". */
  readonly cardRefund: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByRole('region', { name: 'Returns' });
    this.number = this.panel.getByLabel(/^Receipt number/);
    this.find = this.panel.getByRole('button', { name: /^Find/ });
    this.noReceipt = this.panel.getByRole('button', { name: /^No receipt/ });
    this.lookupResult = this.panel.getByRole('alert', { name: 'Lookup result' });
    this.items = this.panel.getByRole('form', { name: 'Return items' });
    this.refundSummary = this.panel.getByRole('status', { name: 'Refund' });
    this.refund = this.panel.getByRole('button', { name: /^Refund/ });
    this.message = this.panel.getByRole('alert', { name: 'Return message' });
    this.cardTerminal = this.panel.getByRole('alert', { name: 'Card terminal' });
    this.cashInstead = this.panel.getByRole('button', { name: /^Refund in cash instead/ });
    this.approval = page.getByRole('dialog', { name: 'Manager approval' });
    this.approvalPin = this.approval.getByLabel('Manager PIN');
    this.approvalMessage = this.approval.getByRole('alert', { name: 'Approval message' });
    this.newReturn = this.panel.getByRole('button', { name: /^New return/ });
    this.noReceiptForm = this.panel.getByRole('form', { name: 'Return without receipt' });
    this.noReceiptCode = this.noReceiptForm.getByLabel('Barcode or SKU');
    this.noReceiptRefund = this.noReceiptForm.getByRole('button', { name: /^Refund/ });
    this.webItems = this.panel.getByRole('form', { name: 'Return web order items' });
    this.cardRefund = this.panel.getByRole('status', { name: 'Card refund' });
  }

  /** Opens the screen with its key. */
  async open(): Promise<void> {
    await this.page.keyboard.press('F6');
  }

  /**
   * Scans `code` as a keyboard-wedge scanner sends it (fast keys, then Enter) with no text field focused,
   * so only the screen's scanner can pick it up.
   */
  async scan(code: string): Promise<void> {
    await this.panel.getByRole('heading', { name: 'Returns' }).click();
    await this.page.keyboard.type(code, { delay: 5 });
    await this.page.keyboard.press('Enter');
  }

  /** Types a receipt number and presses Enter. */
  async findSale(number: string): Promise<void> {
    await this.number.fill(number);
    await this.number.press('Enter');
  }

  /** How many units of `item` can still be returned (as shown). */
  canReturn(item: string): Locator {
    return this.items.getByRole('cell', { name: `Can return of ${item}` });
  }

  /** The quantity field of `item` (of the found sale, or of a return without a receipt). */
  quantity(item: string): Locator {
    return this.panel.getByRole('spinbutton', { name: `Quantity to return of ${item}` });
  }

  /** How many units of `item` of the found web order can still be returned (as shown). */
  webCanReturn(item: string): Locator {
    return this.webItems.getByRole('cell', { name: `Can return of ${item}` });
  }

  /** The disposition of `item` of the found web order. */
  webDisposition(item: string): Locator {
    return this.webItems.getByRole('combobox', { name: `Disposition of ${item}` });
  }

  /** The disposition of `item`. */
  disposition(item: string): Locator {
    return this.items.getByRole('combobox', { name: `Disposition of ${item}` });
  }

  /** The return receipt of `number`, or any return receipt. */
  receipt(number?: string): Locator {
    return number
      ? this.page.getByRole('region', { name: `Receipt ${number}` })
      : this.page.getByRole('region', { name: /^Receipt / });
  }

  /** Picks `manager` in the approval dialog and types their PIN. */
  async approve(manager: string, pin: string): Promise<void> {
    await this.approval.getByRole('radio', { name: manager, exact: true }).click();
    await this.approvalPin.fill(pin);
    await this.approvalPin.press('Enter');
  }
}
