/**
 * Page model of attaching a customer on the sale screen, found by role and name as a screen reader would:
 * the customer line of the sale, the Customer button (F3), the customer dialog with its search and
 * results, and the sign-up form with its consent choices.
 */
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

/** What a sign-up form is filled with (empty fields are left empty). */
export interface SignUpFields {
  name: string;
  email?: string;
  phone?: string;
  personalization?: boolean;
  marketing?: boolean;
}

/** The customer line and dialog of the sale screen. */
export class CustomerPage {
  readonly attached: Locator;
  readonly open: Locator;
  readonly detach: Locator;
  readonly dialog: Locator;
  readonly search: Locator;
  readonly results: Locator;
  readonly signUpButton: Locator;
  readonly signUpForm: Locator;
  readonly problem: Locator;

  constructor(readonly page: Page) {
    const sale = page.getByRole('region', { name: 'Sale' });
    this.attached = sale.getByRole('status', { name: 'Customer' });
    this.open = sale.getByRole('button', { name: /^Customer F3/ });
    this.detach = sale.getByRole('button', { name: 'Detach customer' });
    this.dialog = page.getByRole('dialog', { name: 'Customer' });
    this.search = this.dialog.getByLabel('Search customers by name, e-mail or phone');
    this.results = this.dialog.getByRole('list', { name: 'Customers found' });
    this.signUpButton = this.dialog.getByRole('button', { name: 'Sign up new customer' });
    this.signUpForm = this.dialog.getByRole('form', { name: 'Sign up a customer' });
    this.problem = this.dialog.getByRole('alert', { name: 'Sign-up problem' });
  }

  /** The result button that attaches `name`. */
  result(name: string): Locator {
    return this.results.getByRole('button', { name: `Attach ${name}` });
  }

  /** Opens the dialog with F3 and searches for `text`. */
  async find(text: string): Promise<void> {
    await this.page.keyboard.press('F3');
    await expect(this.dialog).toBeVisible();
    await this.search.fill(text);
  }

  /** Opens the sign-up form from the dialog and fills it (consent boxes ticked only when asked). */
  async fillSignUp(fields: SignUpFields): Promise<void> {
    await this.signUpButton.click();
    await expect(this.signUpForm).toBeVisible();
    await this.signUpForm.getByLabel('Name').fill(fields.name);
    await this.signUpForm.getByLabel('E-mail').fill(fields.email ?? '');
    await this.signUpForm.getByLabel('Phone').fill(fields.phone ?? '');
    await this.signUpForm
      .getByRole('checkbox', { name: /^Personalization/ })
      .setChecked(Boolean(fields.personalization));
    await this.signUpForm.getByRole('checkbox', { name: /^Marketing/ }).setChecked(Boolean(fields.marketing));
  }

  /** Submits the sign-up form. */
  async submitSignUp(): Promise<void> {
    await this.signUpForm.getByRole('button', { name: /^Sign up and attach/ }).click();
  }
}
