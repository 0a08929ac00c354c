/** F7 opens the shift screen from any screen of a signed-in clerk (docs: the register's function keys). */
import { useEffect } from 'react';
import { useNavStore } from '../navigation/nav-store';

/** Listens for F7 while `active` (a clerk is signed in and the register is not locked). */
export function useShiftHotkey(active: boolean): void {
  const go = useNavStore((s) => s.go);
  useEffect(() => {
    if (!active) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'F7') return;
      event.preventDefault();
      go('shift');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, go]);
}
