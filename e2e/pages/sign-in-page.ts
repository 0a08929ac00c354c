/**
 * Page model of the sign-in screen and the signed-in clerk's controls in the top bar, found by role and
 * name as a screen reader would.
 */
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

/** The sign-in screen. */
export class SignInPage {
  readonly panel: Locator;
  readonly staff: Locator;
  /** Why no names are shown yet (first sync, replica opening). */
  readonly staffStatus: Locator;
  readonly pin: Locator;
  readonly pad: Locator;
  readonly submit: Locator;
  readonly message: Locator;
  /** The idle lock's note naming the clerk who left the till. */
  readonly lockNote: Locator;
  readonly registerInfo: Locator;
  readonly backToSignIn: Locator;
  /** The top bar's clerk group, with "Switch clerk" and "Sign out". */
  readonly clerkBar: Locator;
  readonly switchClerk: Locator;
  readonly signOut: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByRole('region', { name: 'Sign in' });
    this.staff = this.panel.getByRole('radiogroup', { name: 'Staff' });
    this.staffStatus = this.panel.getByRole('status', { name: 'Staff' });
    this.pin = this.panel.getByLabel('PIN', { exact: true });
    this.pad = this.panel.getByRole('group', { name: 'PIN pad' });
    this.submit = this.panel.getByRole('button', { name: /Enter ↵/ });
    this.message = this.panel.getByRole('alert', { name: 'Sign-in message' });
    this.lockNote = this.panel.getByRole('status', { name: 'Locked' });
    this.registerInfo = page.getByRole('button', { name: 'Register info' });
    this.backToSignIn = page.getByRole('button', { name: 'Back to sign-in' });
    this.clerkBar = page.getByRole('group', { name: 'Signed-in clerk' });
    this.switchClerk = this.clerkBar.getByRole('button', { name: /^Switch clerk/ });
    this.signOut = this.clerkBar.getByRole('button', { name: /^Sign out/ });
  }

  /** A staff member's button in the list. */
  person(name: string): Locator {
    return this.staff.getByRole('radio', { name, exact: true });
  }

  /** The heading shown once `name` is signed in. */
  signedInAs(name: string): Locator {
    return this.page.getByRole('heading', { name: `Signed in as ${name}` });
  }

  /** Picks `name`, types `pin` on the keyboard and presses Enter. */
  async signIn(name: string, pin: string): Promise<void> {
    await this.person(name).click();
    await expect(this.person(name)).toHaveAttribute('aria-checked', 'true');
    await this.pin.pressSequentially(pin);
    await this.pin.press('Enter');
  }

  /** Taps `pin` on the on-screen pad and then the Sign in button. */
  async tapPin(pin: string): Promise<void> {
    for (const digit of pin) await this.pad.getByRole('button', { name: digit, exact: true }).click();
    await this.submit.click();
  }
}
