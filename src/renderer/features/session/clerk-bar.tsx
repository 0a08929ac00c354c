/**
 * The top bar's session part: who is signed in, and "Switch clerk" and "Sign out", both back to the
 * sign-in screen with nothing of the clerk kept (each writes a `sign_out` audit entry saying which). A sale
 * in the cart is parked under the clerk's name first (park-on-leave.ts), with a notice saying so; if it
 * cannot be, the clerk stays signed in and the notice says why. Also runs the idle lock.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { useEnrollment, useReplica } from '../../app/sync-provider';
import { useNoticeStore } from '../notices/notice-store';
import { recordAudit } from '../../../sync/record-audit';
import { useIdleLock } from './idle-lock';
import { parkCartOnLeave } from './park-on-leave';
import { useActiveClerk, useSessionStore } from './session-store';

/** Who is signed in, with the buttons to leave; nothing while nobody is. */
export function ClerkBar() {
  const clerk = useActiveClerk();
  const signOut = useSessionStore((s) => s.signOut);
  const lock = useSessionStore((s) => s.lock);
  const db = useReplica();
  const enrollment = useEnrollment();
  const notify = useNoticeStore((s) => s.add);
  const queryClient = useQueryClient();
  // F8 and F9 pressed again while the sale is being parked must not park or sign out twice.
  const leaving = useRef(false);

  const leave = useCallback(
    async (reason: 'sign_out' | 'switch_clerk') => {
      if (!clerk || leaving.current) return;
      leaving.current = true;
      try {
        const parked = await parkCartOnLeave(clerk);
        if (!parked.ok) {
          notify({ level: 'warning', code: parked.error.code, message: parked.error.message });
          return;
        }
        if (parked.value) {
          notify({ level: 'info', code: 'sale_parked_on_leave', message: parked.value });
          await queryClient.invalidateQueries({ predicate: (q) => q.queryKey.includes('parked-sales') });
        }
        void recordAudit(db, enrollment, {
          action: 'sign_out',
          staffId: clerk.id,
          details: { reason, ...(parked.value ? { parkedSale: true } : {}) },
        });
        signOut();
      } finally {
        leaving.current = false;
      }
    },
    [clerk, db, enrollment, signOut, notify, queryClient],
  );

  useIdleLock(clerk !== null, lock);

  useEffect(() => {
    if (!clerk) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'F8') {
        event.preventDefault();
        void leave('switch_clerk');
      } else if (event.key === 'F9') {
        event.preventDefault();
        void leave('sign_out');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [clerk, leave]);

  if (!clerk) return null;
  return (
    <div className="clerk-bar" role="group" aria-label="Signed-in clerk">
      <span className="clerk-name">{clerk.name}</span>
      <button type="button" className="bar-button" onClick={() => void leave('switch_clerk')}>
        Switch clerk <kbd>F8</kbd>
      </button>
      <button type="button" className="bar-button" onClick={() => void leave('sign_out')}>
        Sign out <kbd>F9</kbd>
      </button>
    </div>
  );
}
