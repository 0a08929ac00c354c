/**
 * Page model of the customer panel under the customer line of the sale, found by role and name: the
 * balance, the purchase history, recently viewed products, the abandoned cart with its one-action button,
 * the offers, the consent note, the "possibly out of date" mark, and the hub look-up in the customer dialog.
 */
import type { Locator, Page } from '@playwright/test';

/** The customer panel of the sale screen. */
export class CustomerPanelPage {
  readonly panel: Locator;
  readonly balance: Locator;
  readonly history: Locator;
  readonly viewed: Locator;
  readonly cart: Locator;
  readonly addCart: Locator;
  readonly offers: Locator;
  readonly consentNote: Locator;
  readonly stale: Locator;
  readonly message: Locator;
  readonly hubLookUp: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByRole('region', { name: 'Customer panel' });
    this.balance = this.panel.getByLabel('Loyalty balance');
    this.history = this.panel.getByRole('list', { name: 'Purchase history' });
    this.viewed = this.panel.getByRole('list', { name: 'Recently viewed' });
    this.cart = this.panel.getByRole('list', { name: 'Abandoned cart' });
    this.addCart = this.panel.getByRole('button', { name: 'Add cart to sale' });
    this.offers = this.panel.getByRole('list', { name: 'Offers' });
    this.consentNote = this.panel.getByRole('note', { name: 'Consent' });
    this.stale = this.panel.getByRole('status', { name: 'Profile freshness' });
    this.message = this.panel.getByRole('status', { name: 'Panel message' });
    this.hubLookUp = page
      .getByRole('dialog', { name: 'Customer' })
      .getByRole('button', { name: 'Look up on the hub' });
  }
}
