/**
 * The top bar's "Receipts" button: the recent receipts (reprint, no-sale drawer) for a clerk who does not
 * know F11, shown while someone is signed in and the register is not locked.
 */
import { useActiveClerk } from '../session/session-store';
import { openRecentReceipts } from './use-receipts-hotkey';

/** Opens the recent receipts, as F11 does. */
export function ReceiptsButton() {
  const clerk = useActiveClerk();
  if (!clerk) return null;
  return (
    <button type="button" className="bar-button" aria-keyshortcuts="F11" onClick={openRecentReceipts}>
      Receipts <kbd>F11</kbd>
    </button>
  );
}
