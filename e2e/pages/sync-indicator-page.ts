/**
 * Page model of the sync indicator in the top bar, its details panel, and the quarantine list behind a
 * manager's PIN, found by role and name as a screen reader would.
 */
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

/** The indicator and what it opens. */
export class SyncIndicatorPage {
  /** The indicator's button: connection, sales waiting, last exchange. */
  readonly indicator: Locator;
  readonly details: Locator;
  /** The connection explained, in the details. */
  readonly state: Locator;
  readonly waiting: Locator;
  readonly download: Locator;
  readonly refused: Locator;
  readonly close: Locator;
  readonly openQuarantine: Locator;
  readonly gate: Locator;
  readonly gatePin: Locator;
  readonly gateOpen: Locator;
  readonly gateMessage: Locator;
  readonly quarantine: Locator;
  readonly exportDiagnostics: Locator;

  constructor(readonly page: Page) {
    this.indicator = page.getByRole('group', { name: 'Sync status', exact: true }).getByRole('button');
    this.details = page.getByRole('dialog', { name: 'Sync details' });
    this.state = this.details.getByRole('status', { name: 'Sync state' });
    this.waiting = this.details.getByLabel('Sales waiting');
    this.download = this.details.getByText(/^(Downloading from the hub|First download complete)/);
    this.refused = this.details.getByLabel('Refused by the hub');
    this.close = this.details.getByRole('button', { name: /^Close/ });
    this.openQuarantine = this.details.getByRole('button', { name: 'Quarantine list (manager)' });
    this.gate = this.details.getByRole('form', { name: 'Manager approval' });
    this.gatePin = this.gate.getByLabel(/PIN/);
    this.gateOpen = this.gate.getByRole('button', { name: /^Open/ });
    this.gateMessage = this.gate.getByRole('alert', { name: 'Manager approval message' });
    this.quarantine = this.details.getByRole('region', { name: 'Quarantine list' });
    this.exportDiagnostics = this.quarantine.getByRole('button', { name: 'Export diagnostics' });
  }

  /** Opens the details panel from the indicator. */
  async openDetails(): Promise<void> {
    await this.indicator.click();
    await expect(this.details).toBeVisible();
  }

  /** Asks for the quarantine list and types a manager's PIN. */
  async enterManagerPin(pin: string): Promise<void> {
    if (!(await this.gate.isVisible())) await this.openQuarantine.click();
    await this.gatePin.fill(pin);
    await this.gateOpen.click();
  }
}
