/**
 * F12 opens the Hardware screen (for installers, behind a manager's PIN) from any screen of a signed-in
 * register. A key a field or dialog already handled is left alone, and nothing moves while a modal dialog
 * is open.
 */
import { useEffect } from 'react';
import { useNavStore } from '../navigation/nav-store';

/** The Hardware screen's key. */
export const hardwareKey = 'F12';

/** Opens the Hardware screen. */
export function openHardware(): void {
  useNavStore.getState().go('hardware');
}

/** Listens for F12 while `active` (a clerk is signed in and the register is not locked). */
export function useHardwareHotkey(active: boolean): void {
  useEffect(() => {
    if (!active) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== hardwareKey || event.defaultPrevented) return;
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      event.preventDefault();
      openHardware();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active]);
}
