/**
 * The idle lock: after a while without input the register locks, so a till left open does not sell in
 * the signed-in clerk's name; the same clerk (or another) enters a PIN to continue. How long "a while" is
 * comes from the store's settings (`idleLockMinutes`), with the default until they have replicated.
 */
import { useEffect } from 'react';
import { idleLockMinutesOf } from '@till/shared/schemas/settings';
import { useEnrollment } from '../../app/sync-provider';
import { useStoreSettings } from '../sale/queries';

// Deliberate input only: a mouse nudged by a bump on the counter must not keep the till open.
const inputEvents = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

/** Minutes without input before the register locks, from this store's settings. */
export function useIdleLockMinutes(): number {
  const enrollment = useEnrollment();
  return idleLockMinutesOf(useStoreSettings(enrollment?.storeId ?? null).data ?? null);
}

/**
 * Calls `onIdle` once the store's idle-lock minutes (or `ms`, when given) pass without input, for as long
 * as `active` is true. A change of the setting restarts the wait.
 */
export function useIdleLock(active: boolean, onIdle: () => void, ms?: number): void {
  const minutes = useIdleLockMinutes();
  const wait = ms ?? minutes * 60_000;
  useEffect(() => {
    if (!active) return undefined;
    let timer = setTimeout(onIdle, wait);
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(onIdle, wait);
    };
    for (const name of inputEvents) window.addEventListener(name, restart, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const name of inputEvents) window.removeEventListener(name, restart, { capture: true });
    };
  }, [active, onIdle, wait]);
}
