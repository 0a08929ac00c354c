/**
 * Which screen the register shows: before it is enrolled (or while that is being found out) the app-info
 * panel with its enrollment form; enrolled and nobody signed in (or the idle lock on) the sign-in screen,
 * from which "Register info" opens the app-info panel; signed in, the screen of the navigation store
 * (features/navigation/nav-store.ts): the sale screen first, and tender, returns, shift or the app-info
 * panel as the clerk moves on, the Pickups screen (F5: web orders collected here), or the Hardware screen
 * (F12, behind a manager's PIN). The sale in progress is restored from the replica as soon as it opens,
 * before anyone signs in, so a reload or crash never loses it.
 */
import { useState } from 'react';
import { AppInfoPanel } from '../features/app-info/app-info-panel';
import { useActiveClerk } from '../features/session/session-store';
import { SignInScreen } from '../features/session/sign-in-screen';
import { ReturnsScreen } from '../features/returns/returns-screen';
import { ShiftScreen } from '../features/shift/shift-screen';
import { useShiftHotkey } from '../features/shift/use-shift-hotkey';
import { useNavStore } from '../features/navigation/nav-store';
import { useNavKeys } from '../features/navigation/use-nav-keys';
import { useCartPersistence } from '../features/sale/cart-persistence';
import { SaleScreen } from '../features/sale/sale-screen';
import { TenderScreen } from '../features/tender/tender-screen';
import { useReceiptsHotkey } from '../features/receipts/use-receipts-hotkey';
import { HardwareScreen } from '../features/hardware/hardware-screen';
import { PickupsScreen } from '../features/pickups/pickups-screen';
import { usePickupsHotkey } from '../features/pickups/use-pickups-hotkey';
import { useHardwareHotkey } from '../features/hardware/use-hardware-hotkey';
import { useSyncPhase } from './sync-provider';

/** The main screen of the shell. */
export function Screen() {
  const phase = useSyncPhase();
  const clerk = useActiveClerk();
  const [showInfo, setShowInfo] = useState(false);
  const screen = useNavStore((s) => s.screen);
  useShiftHotkey(clerk !== null);
  useNavKeys(clerk !== null);
  useReceiptsHotkey(clerk !== null);
  useHardwareHotkey(clerk !== null);
  usePickupsHotkey(clerk !== null);
  useCartPersistence();

  if (phase.phase === 'loading' || phase.phase === 'not-enrolled') return <AppInfoPanel />;
  if (clerk && screen === 'shift') return <ShiftScreen />;
  if (clerk && screen === 'returns') return <ReturnsScreen />;
  if (clerk && screen === 'tender') return <TenderScreen />;
  if (clerk && screen === 'hardware') return <HardwareScreen />;
  if (clerk && screen === 'pickups') return <PickupsScreen />;
  if (clerk && screen === 'info') {
    return (
      <div className="screen-stack">
        <h2 className="signed-in-heading">Signed in as {clerk.name}</h2>
        <AppInfoPanel />
      </div>
    );
  }
  // A screen whose case is not here yet falls back to the sale, the register's home.
  if (clerk) return <SaleScreen />;
  if (showInfo) {
    return (
      <div className="screen-stack">
        <button type="button" className="button button-quiet" onClick={() => setShowInfo(false)}>
          Back to sign-in
        </button>
        <AppInfoPanel />
      </div>
    );
  }
  return <SignInScreen onShowInfo={() => setShowInfo(true)} />;
}
