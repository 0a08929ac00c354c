/**
 * Which screen the register shows: before it is enrolled (or while that is being found out) the app-info
 * panel with its enrollment form; enrolled and nobody signed in (or the idle lock on) the sign-in screen,
 * from which "Register info" opens the app-info panel; signed in, the app-info panel under "Signed in as
 * <name>" until the sale screen comes.
 */
import { useState } from 'react';
import { AppInfoPanel } from '../features/app-info/app-info-panel';
import { useActiveClerk } from '../features/session/session-store';
import { SignInScreen } from '../features/session/sign-in-screen';
import { useSyncPhase } from './sync-provider';

/** The main screen of the shell. */
export function Screen() {
  const phase = useSyncPhase();
  const clerk = useActiveClerk();
  const [showInfo, setShowInfo] = useState(false);

  if (phase.phase === 'loading' || phase.phase === 'not-enrolled') return <AppInfoPanel />;
  if (clerk) {
    return (
      <div className="screen-stack">
        <h2 className="signed-in-heading">Signed in as {clerk.name}</h2>
        <AppInfoPanel />
      </div>
    );
  }
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
