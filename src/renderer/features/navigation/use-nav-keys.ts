/**
 * The screen keys of a signed-in register handled here: F6 returns and Esc back to the sale. F2 (search)
 * and F10 (pay) belong to the sale screen, F7 to the shift feature, F8/F9 to the clerk bar. A key a dialog or
 * field already handled (`defaultPrevented`) is left alone, and nothing moves while a modal dialog is open,
 * so Esc in a dialog closes the dialog, not the screen.
 */
import { useEffect } from 'react';
import { type NavScreen, useNavStore } from './nav-store';

const keys: Record<string, NavScreen> = { F6: 'returns', Escape: 'sale' };

/** Listens for the screen keys while `active` (a clerk is signed in and the register is not locked). */
export function useNavKeys(active: boolean): void {
  useEffect(() => {
    if (!active) return undefined;
    const onKey = (event: KeyboardEvent) => {
      const screen = keys[event.key];
      if (!screen || event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      const { screen: current, go } = useNavStore.getState();
      if (current === screen) return;
      event.preventDefault();
      go(screen);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active]);
}
