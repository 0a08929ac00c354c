/**
 * Page model of the register's first screen, for both modes (a Chromium page or an Electron window): the
 * app-info panel, its sync section and the enrollment form. On an enrolled register the sign-in screen
 * comes first; `openInfo` shows the panel from there. Also the top bar (the page's banner) and how it lays
 * out, and its "Receipts" button (F11).
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
  /** The sync section and its facts, each found by its label. */
  readonly sync: Locator;
  readonly connection: Locator;
  readonly salesWaiting: Locator;
  readonly lastExchange: Locator;
  readonly store: Locator;
  readonly register: Locator;
  readonly productCount: Locator;
  /** Why the register is not replicating yet (not enrolled, hub not reachable…). */
  readonly enrollmentStatus: Locator;
  readonly enrollForm: Locator;
  readonly enrollRefused: Locator;
  /** The sign-in screen's button that shows this panel on an enrolled register. */
  readonly registerInfo: Locator;
  /** The top bar: brand, sync indicator, clerk controls, receipts, customer display, mode badge. */
  readonly topBar: Locator;
  /** The top bar's "Receipts" button (F11), shown while a clerk is signed in. */
  readonly receipts: Locator;

  constructor(readonly page: Page) {
    this.brand = page.getByRole('heading', { level: 1 });
    this.badge = page.locator('.topbar .badge');
    this.readyHeading = page.getByRole('heading', { name: 'Register ready' });
    this.mode = page.getByTestId('app-mode');
    this.version = page.getByTestId('app-version');
    this.platform = page.getByTestId('app-platform');
    this.notConnected = page.getByRole('alert');
    this.notices = page.locator('.notice');
    this.sync = page.getByRole('region', { name: 'Sync' });
    const fact = (name: string) =>
      this.sync.getByRole('group', { name, exact: true }).getByRole('definition');
    this.connection = fact('Connection');
    this.salesWaiting = fact('Sales waiting');
    this.lastExchange = fact('Last exchange');
    this.store = fact('Store');
    this.register = fact('Register');
    this.productCount = fact('Products in the replica');
    this.enrollmentStatus = this.sync.getByRole('status', { name: 'Enrollment' });
    this.enrollForm = page.getByRole('form', { name: 'Enroll this register' });
    this.enrollRefused = this.enrollForm.getByRole('alert', { name: 'Enrollment refused' });
    this.registerInfo = page.getByRole('button', { name: 'Register info' });
    this.topBar = page.getByRole('banner');
    this.receipts = this.topBar.getByRole('button', { name: /^Receipts/ });
  }

  /**
   * How many rows the top bar's visible items sit on: items are taken top to bottom, and one that starts
   * below the bottom of every item of the current row starts a new row.
   */
  async topBarRows(): Promise<number> {
    return this.topBar.evaluate((bar) => {
      const boxes = [...bar.querySelectorAll('h1, button, .badge, .clerk-name')]
        .map((el) => el.getBoundingClientRect())
        .filter((box) => box.width > 0 && box.height > 0)
        .sort((a, b) => a.top - b.top);
      let rows = 0;
      let rowBottom = -Infinity;
      for (const box of boxes) {
        if (box.top >= rowBottom) {
          rows += 1;
          rowBottom = box.bottom;
        } else rowBottom = Math.min(rowBottom, box.bottom);
      }
      return rows;
    });
  }

  /**
   * Pixels by which the page, the top bar, one of the top bar's buttons (its words cut off) or the main
   * screen is wider than what shows (0: none).
   */
  async horizontalOverflow(): Promise<number> {
    return this.page.evaluate(() => {
      const over = (el: Element | null) => (el ? Math.max(0, el.scrollWidth - el.clientWidth) : 0);
      return Math.max(
        over(document.scrollingElement),
        over(document.querySelector('header')),
        ...[...document.querySelectorAll('header button')].map(over),
        over(document.querySelector('main')),
      );
    });
  }

  /**
   * The words of the sync indicator that are shown cut short (an ellipsis or clipped): each should be
   * shown whole or not at all.
   */
  async syncWordsCut(): Promise<string[]> {
    return this.topBar.getByRole('group', { name: 'Sync status' }).evaluate((group) =>
      [...group.querySelectorAll('button > span, button > kbd')]
        // Words taken out of sight (kept for screen readers) are absolutely positioned and clipped.
        .filter((el) => getComputedStyle(el).position !== 'absolute' && el.textContent)
        .filter((el) => el.scrollWidth > el.clientWidth + 1)
        .map((el) => el.textContent ?? ''),
    );
  }

  /** On an enrolled register, which opens on the sign-in screen: shows this panel instead. */
  async openInfo(timeout = 20_000): Promise<void> {
    await this.registerInfo.click({ timeout });
    await expect(this.sync).toBeVisible();
  }

  /** Fills in and sends the enrollment form. */
  async enroll(values: { hubUrl: string; code: string; name?: string }): Promise<void> {
    await this.enrollForm.getByLabel('Hub address').fill(values.hubUrl);
    await this.enrollForm.getByLabel('Enrollment code').fill(values.code);
    if (values.name !== undefined) await this.enrollForm.getByLabel('Register name').fill(values.name);
    await this.enrollForm.getByRole('button', { name: 'Enroll' }).click();
  }

  /**
   * Runs `fetch(url)` in the page and tells whether the Content Security Policy blocked it (`blocked`),
   * whatever else then happened to the request (`not blocked`).
   */
  async fetchBlockedByCsp(url: string): Promise<'blocked' | 'not blocked'> {
    return this.page.evaluate(async (target) => {
      let blocked = false;
      const onViolation = (event: SecurityPolicyViolationEvent) => {
        if (event.effectiveDirective === 'connect-src' && event.blockedURI.startsWith(new URL(target).origin))
          blocked = true;
      };
      document.addEventListener('securitypolicyviolation', onViolation);
      await fetch(target).catch(() => undefined);
      // The violation event is queued as a task; let it run before deciding.
      await new Promise((resolve) => setTimeout(resolve, 100));
      document.removeEventListener('securitypolicyviolation', onViolation);
      return blocked ? 'blocked' : 'not blocked';
    }, url);
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
