/**
 * The top bar's "Customer display" button: asks the process host to open the display (Electron opens its
 * second window); in browser mode, where the host has no windows, the page opens `/#display` itself with
 * its own token, so the display page can follow `display:update` events.
 */
import { pageTokenKey } from '@till/shared/ipc/ws-protocol';
import { displayPageUrl } from './display-route';

/** Opens the customer display. */
async function openDisplay(): Promise<void> {
  const result = await window.till.invoke('display:open');
  if (!result.ok) {
    console.warn(`[display] cannot open: ${result.error.code} ${result.error.message}`);
    return;
  }
  if (result.value.openedBy === 'page') {
    const token = new URLSearchParams(window.location.hash.slice(1)).get(pageTokenKey);
    window.open(displayPageUrl(window.location.origin, token), 'till-customer-display');
  }
}

/** The button. */
export function CustomerDisplayButton() {
  return (
    <button type="button" className="bar-button" onClick={() => void openDisplay()}>
      Customer display
    </button>
  );
}
