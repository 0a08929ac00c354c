/**
 * F5 opens the Pickups screen from any screen of a signed-in register. F5 would reload the page in a
 * browser, so the key is always taken while a clerk is signed in (nothing is lost by a reload, but a
 * clerk expects the screen). A key a field or dialog already handled is left alone.
 */
import { useEffect } from 'react';
import { useNavStore } from '../navigation/nav-store';

/** Listens for F5 while `active` (a clerk is signed in and the register is not locked). */
export function usePickupsHotkey(active: boolean): void {
  useEffect(() => {
    if (!active) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'F5' || event.defaultPrevented) return;
      event.preventDefault();
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      useNavStore.getState().go('pickups');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active]);
}
