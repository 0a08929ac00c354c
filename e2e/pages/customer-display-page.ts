/**
 * Page model of the customer display (`/#display`): a second page in browser mode, opened by the top bar's
 * "Customer display" button. Found by role and name.
 */
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

/** The customer display page. */
export class CustomerDisplayPage {
  readonly display: Locator;
  readonly welcome: Locator;
  readonly items: Locator;
  readonly lines: Locator;
  readonly total: Locator;
  readonly thanks: Locator;
  readonly change: Locator;

  constructor(readonly page: Page) {
    this.display = page.getByRole('main', { name: 'Customer display' });
    this.welcome = this.display.getByRole('region', { name: 'Welcome' });
    this.items = this.display.getByRole('region', { name: 'Your items' });
    this.lines = this.items.getByRole('list', { name: 'Items' }).getByRole('listitem');
    this.total = this.items.getByRole('group', { name: 'Total', exact: true }).getByRole('definition');
    this.thanks = this.display.getByRole('region', { name: 'Thank you' });
    this.change = this.thanks.getByRole('group', { name: 'Change', exact: true }).getByRole('definition');
  }

  /** Clicks the register page's "Customer display" button and returns the display page it opens. */
  static async openFrom(registerPage: Page): Promise<CustomerDisplayPage> {
    const [popup] = await Promise.all([
      registerPage.waitForEvent('popup'),
      registerPage.getByRole('button', { name: 'Customer display' }).click(),
    ]);
    const display = new CustomerDisplayPage(popup);
    await expect(display.display).toBeVisible();
    return display;
  }
}
