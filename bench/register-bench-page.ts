/**
 * What `npm run bench:register` injects into the register page: timestamps of the clerk's inputs and
 * "painted" probes. A probe waits for a DOM condition (MutationObserver), then for the next animation frame,
 * then for a message posted from that frame's callback: the message runs after the frame is produced, so its
 * time is when the change was on screen.
 */
import { tmpdir } from 'node:os';
import type { Page } from '@playwright/test';

/** Installed before any page script: the Enter keydown, the Cash press, and when sign-in became usable. */
export function installProbes(): void {
  const w = window as unknown as Record<string, number | undefined>;
  addEventListener('keydown', (e) => e.key === 'Enter' && (w.__enterAt = performance.now()), true);
  addEventListener(
    'click',
    (e) => {
      const button = (e.target as Element | null)?.closest?.('button');
      if (button?.textContent?.trim().startsWith('Cash')) w.__cashAt = performance.now();
    },
    true,
  );
  // performance.now() counts from the navigation's start, so this is reload (or open) → usable.
  const ready = () =>
    document.querySelector('[role="radiogroup"][aria-label="Staff"] [role="radio"]:not([disabled])');
  const observer = new MutationObserver(() => {
    if (w.__signInReadyAt === undefined && ready()) {
      w.__signInReadyAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
}

/**
 * Arms a probe in the page: resolves `window.__probe` with (painted time − the input's timestamp) once
 * `selector` matches more than `count` elements. Call before the input; read with `probeResult`.
 */
export async function armProbe(page: Page, selector: string, stamp: '__enterAt' | '__cashAt'): Promise<void> {
  await page.evaluate(
    ({ selector, stamp }) => {
      const w = window as unknown as Record<string, unknown>;
      const before = document.querySelectorAll(selector).length;
      w[stamp] = undefined;
      w.__probe = new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          if (document.querySelectorAll(selector).length <= before) return;
          observer.disconnect();
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve(performance.now() - (w[stamp] as number));
            channel.port2.postMessage(null);
          });
        });
        observer.observe(document.body, { childList: true, subtree: true });
      });
    },
    { selector, stamp },
  );
}

/** The armed probe's milliseconds; fails after 10 s (a lost scan, an unknown barcode) rather than hang. */
export async function probeResult(page: Page): Promise<number> {
  const result = await page.evaluate(() =>
    Promise.race([
      (window as unknown as { __probe: Promise<number> }).__probe,
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 10_000)),
    ]),
  );
  if (result !== null) return result;
  await page.screenshot({ path: `${tmpdir()}/till-register-bench-stuck.png` });
  throw new Error(`a probe saw nothing in 10 s (screenshot: ${tmpdir()}/till-register-bench-stuck.png)`);
}
