/**
 * The top bar's hardware control. Signed in: the "Hardware" button (F12) to the installer's Hardware
 * screen, which reads "Virtual hardware" on a yellow badge when any configured device is a virtual twin —
 * one control, so the top bar still fits on one row at 1024 px. Nobody signed in: just the badge, when
 * virtual. Either way nobody mistakes a demo register's "printed" for paper in a customer's hand.
 */
import { useActiveClerk } from '../session/session-store';
import { hardwareKey, openHardware } from './use-hardware-hotkey';
import { useVirtualHardwareFlag } from './virtual-flag';

/** Opens the Hardware screen, as F12 does; shows whether the hardware is virtual. */
export function HardwareButton() {
  const clerk = useActiveClerk();
  const virtual = useVirtualHardwareFlag();
  if (!clerk) {
    return virtual ? (
      <span className="badge badge-virtual" role="status" aria-label="Virtual hardware">
        Virtual hardware
      </span>
    ) : null;
  }
  return (
    <button
      type="button"
      className={virtual ? 'bar-button bar-button-virtual' : 'bar-button'}
      aria-keyshortcuts={hardwareKey}
      onClick={openHardware}
    >
      {/* Below 1280 px the gear stands in for "Hardware" (the word stays in the accessible name). */}
      {virtual ? (
        <span>Virtual hardware</span>
      ) : (
        <span>
          <span aria-hidden="true" className="bar-button-icon">
            ⚙
          </span>
          <span className="bar-button-more">Hardware</span>
        </span>
      )}{' '}
      <kbd>{hardwareKey}</kbd>
    </button>
  );
}
