/**
 * Page model of the register's first screen, for both modes (a Chromium page or an Electron window).
 */
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

/** What the status panel should show. */
export interface ExpectedInfo {
  mode: 'electron' | 'browser';
  version: string;
  platform?: string;
}

/** The register screen. */
export class RegisterPage {
  readonly brand: Locator;
  /** The top bar's mode/version badge. */
  readonly badge: Locator;
  readonly readyHeading: Locator;
  readonly mode: Locator;
  readonly version: Locator;
  readonly platform: Locator;
  readonly notConnected: Locator;
  readonly notices: Locator;

  constructor(readonly page: Page) {
    this.brand = page.getByRole('heading', { level: 1 });
    this.badge = page.locator('.topbar .badge');
    this.readyHeading = page.getByRole('heading', { name: 'Register ready' });
    this.mode = page.getByTestId('app-mode');
    this.version = page.getByTestId('app-version');
    this.platform = page.getByTestId('app-platform');
    this.notConnected = page.getByRole('alert');
    this.notices = page.locator('.notice');
  }

  /** Opens the register at a URL (browser mode). */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
  }

  /** Waits until the register shows the `app:info` answer, and checks it. */
  async expectReady(expected: ExpectedInfo): Promise<void> {
    await expect(this.brand).toHaveText('Till');
    await expect(this.readyHeading).toBeVisible();
    await expect(this.mode).toHaveText(expected.mode);
    await expect(this.version).toHaveText(expected.version);
    if (expected.platform) await expect(this.platform).toHaveText(expected.platform);
  }

  /** Opens a WebSocket from inside the page and tells whether the server let it open. */
  async tryWebSocket(url: string): Promise<'open' | 'refused'> {
    return this.page.evaluate(
      (wsUrl) =>
        new Promise<'open' | 'refused'>((resolve) => {
          const ws = new WebSocket(wsUrl);
          ws.onopen = () => {
            ws.close();
            resolve('open');
          };
          ws.onerror = () => resolve('refused');
        }),
      url,
    );
  }
}
