/**
 * The demo web store (hub/storefront/) as a shopper uses it: search, product cards with live availability
 * per store, sign-in with the personalization choice, cart, checkout and the order page. Controls are
 * found by role and accessible name, as a screen reader would.
 */
import type { Locator, Page } from '@playwright/test';

/** What the checkout form is filled with. */
export interface CheckoutDetails {
  name: string;
  email: string;
  card: string;
  /** A pick-up store's name, or 'ship'. */
  delivery: string;
}

/** The web store page model. */
export class StorefrontPage {
  constructor(readonly page: Page) {}

  /** Opens the store served by the hub at `hubUrl`. */
  async open(hubUrl: string): Promise<void> {
    await this.page.goto(`${hubUrl}/storefront/`);
  }

  /** The live-stock indicator in the header. */
  get live(): Locator {
    return this.page.getByRole('status').filter({ hasText: /Live stock|Reconnecting|Connecting/ });
  }

  /** Searches the catalogue. */
  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Search products' }).fill(text);
    await this.page.getByRole('button', { name: 'Search' }).click();
  }

  /** The card of a product in the list. */
  card(name: string): Locator {
    return this.page.getByRole('list', { name: 'Products' }).getByRole('listitem', { name, exact: true });
  }

  /** A product's live availability at a store, inside `scope` (a card or the product page). */
  availability(scope: Locator, storeName: string): Locator {
    return scope.getByRole('list', { name: 'Availability by store' }).getByText(`${storeName}:`);
  }

  /** Signs in by e-mail with the personalization choice. */
  async signIn(email: string, name: string, personalize: boolean): Promise<void> {
    await this.page.getByRole('link', { name: 'Sign in' }).click();
    const form = this.page.getByRole('form', { name: 'Sign in' });
    await form.getByRole('textbox', { name: 'E-mail' }).fill(email);
    await form.getByRole('textbox', { name: 'Name (for new customers)' }).fill(name);
    await form.getByRole('radio', { name: personalize ? /Yes, personalize/ : /No, do not record/ }).check();
    await form.getByRole('button', { name: 'Sign in' }).click();
    await this.page.getByRole('link', { name: `Account of ${name}` }).waitFor();
  }

  /** Adds a listed product to the cart from its card. */
  async addToCart(name: string): Promise<void> {
    await this.card(name)
      .getByRole('button', { name: `Add ${name} to cart` })
      .click();
  }

  /** Opens a product's page from its card. */
  async openProduct(name: string): Promise<void> {
    await this.card(name).getByRole('link', { name }).click();
    await this.page.getByRole('heading', { name, level: 2 }).waitFor();
  }

  /** Goes to the cart and on to checkout. */
  async goToCheckout(): Promise<void> {
    await this.page.getByRole('link', { name: /^Cart, / }).click();
    await this.page.getByRole('link', { name: 'Go to checkout' }).click();
  }

  /** The checkout form. */
  get checkout(): Locator {
    return this.page.getByRole('form', { name: 'Checkout' });
  }

  /** Fills the checkout form and places the order. */
  async placeOrder(details: CheckoutDetails): Promise<void> {
    const form = this.checkout;
    await form.getByRole('textbox', { name: 'Full name' }).fill(details.name);
    await form.getByRole('textbox', { name: 'E-mail' }).fill(details.email);
    if (details.delivery === 'ship') await form.getByRole('radio', { name: /Ship to me/ }).check();
    else await form.getByRole('radio', { name: new RegExp(`^${details.delivery} —`) }).check();
    await form.getByRole('textbox', { name: 'Card number' }).fill(details.card);
    await form.getByRole('textbox', { name: 'Expiry (MM/YY)' }).fill('12/30');
    await form.getByRole('textbox', { name: 'CVC' }).fill('123');
    await form.getByRole('button', { name: 'Place order' }).click();
  }

  /** The problem the page reports. */
  get alert(): Locator {
    return this.page.getByRole('alert');
  }
}
