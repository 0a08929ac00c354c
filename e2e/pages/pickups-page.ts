/**
 * Page model of the Pickups screen (F5), found by role and name as a screen reader would: the top bar's
 * button with its count, the queue's groups, an order's detail and actions, the customer check, the
 * quantities of a partial pickup and the pickup receipt.
 */
import type { Locator, Page } from '@playwright/test';

/** The Pickups screen. */
export class PickupsPage {
  readonly panel: Locator;
  /** The top bar's "Pickups, N waiting" button. */
  readonly topButton: Locator;
  readonly orderNumber: Locator;
  readonly customerName: Locator;
  readonly verify: Locator;
  readonly handOver: Locator;
  readonly approval: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByRole('region', { name: 'Pickups' });
    this.topButton = page.getByRole('button', { name: /^Pickups, \d+ waiting$/ });
    this.orderNumber = this.panel.getByLabel('Order number');
    this.customerName = this.panel.getByLabel('Customer name');
    this.verify = this.panel.getByRole('button', { name: 'Verify' });
    this.handOver = this.panel.getByRole('button', { name: /^Hand over/ });
    this.approval = page.getByRole('dialog', { name: 'Manager approval' });
  }

  /** Opens the screen with its key. */
  async open(): Promise<void> {
    await this.page.keyboard.press('F5');
  }

  /** A group of the queue: New, Picking, Ready or Finished. */
  group(title: 'New' | 'Picking' | 'Ready' | 'Finished'): Locator {
    return this.panel.getByRole('region', { name: `${title} orders` });
  }

  /** An order's button in the queue. */
  orderIn(title: 'New' | 'Picking' | 'Ready' | 'Finished', number: string): Locator {
    return this.group(title).getByRole('button', { name: new RegExp(`^${number}\\b`) });
  }

  /** The chosen order's detail. */
  detail(number: string): Locator {
    return this.panel.getByRole('region', { name: `Order ${number}` });
  }

  /** A button of the chosen order. */
  action(number: string, name: string | RegExp): Locator {
    return this.detail(number).getByRole('button', { name });
  }

  /** The quantity field of one item in a hand-over. */
  quantity(itemName: string): Locator {
    return this.panel.getByRole('spinbutton', { name: itemName });
  }

  /** The pickup receipt shown after a hand-over. */
  slip(number: string): Locator {
    return this.page.getByRole('region', { name: `Pickup receipt ${number}` });
  }

  /** Types the order number and the customer's name and verifies them. */
  async verifyTyped(number: string, name: string): Promise<void> {
    await this.orderNumber.fill(number);
    await this.customerName.fill(name);
    await this.verify.click();
  }

  /** Picks `manager` in the approval dialog and types their PIN. */
  async approve(manager: string, pin: string): Promise<void> {
    await this.approval.getByRole('radio', { name: manager, exact: true }).click();
    await this.approval.getByLabel('Manager PIN').fill(pin);
    await this.approval.getByLabel('Manager PIN').press('Enter');
  }
}
