/**
 * The top bar's session part: who is signed in, and "Switch clerk" and "Sign out", both back to the
 * sign-in screen with nothing of the clerk kept (each writes a `sign_out` audit entry saying which). Also
 * runs the idle lock while someone is signed in.
 */
import { useCallback, useEffect } from 'react';
import { useEnrollment, useReplica } from '../../app/sync-provider';
import { recordSessionAudit } from './audit';
import { useIdleLock } from './idle-lock';
import { useActiveClerk, useSessionStore } from './session-store';

/** Who is signed in, with the buttons to leave; nothing while nobody is. */
export function ClerkBar() {
  const clerk = useActiveClerk();
  const signOut = useSessionStore((s) => s.signOut);
  const lock = useSessionStore((s) => s.lock);
  const db = useReplica();
  const enrollment = useEnrollment();

  const leave = useCallback(
    (reason: 'sign_out' | 'switch_clerk') => {
      if (!clerk) return;
      void recordSessionAudit(db, enrollment, { action: 'sign_out', staffId: clerk.id, details: { reason } });
      signOut();
    },
    [clerk, db, enrollment, signOut],
  );

  useIdleLock(clerk !== null, lock);

  useEffect(() => {
    if (!clerk) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'F8') {
        event.preventDefault();
        leave('switch_clerk');
      } else if (event.key === 'F9') {
        event.preventDefault();
        leave('sign_out');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [clerk, leave]);

  if (!clerk) return null;
  return (
    <div className="clerk-bar" role="group" aria-label="Signed-in clerk">
      <span className="clerk-name">{clerk.name}</span>
      <button type="button" className="bar-button" onClick={() => leave('switch_clerk')}>
        Switch clerk <kbd>F8</kbd>
      </button>
      <button type="button" className="bar-button" onClick={() => leave('sign_out')}>
        Sign out <kbd>F9</kbd>
      </button>
    </div>
  );
}
