/**
 * The customer display's address: the register page's own, with `display` in its fragment beside the
 * browser-mode token (`#display&token=…`), so `installTill` finds the token as usual.
 */
import { pageTokenKey } from '@till/shared/ipc/ws-protocol';

/** The fragment key that makes the page the customer display. */
export const displayHashKey = 'display';

/** Whether a page's fragment (`location.hash`) asks for the customer display. */
export function isDisplayHash(hash: string): boolean {
  return new URLSearchParams(hash.replace(/^#/, '')).has(displayHashKey);
}

/** The display page's URL on `origin`, carrying `token` when the page has one (browser mode). */
export function displayPageUrl(origin: string, token: string | null): string {
  const params = new URLSearchParams();
  params.set(displayHashKey, '');
  if (token) params.set(pageTokenKey, token);
  return `${origin}/#${params.toString().replace(`${displayHashKey}=`, displayHashKey)}`;
}
