/**
 * The idle lock: after a while without input the register locks, so a till left open does not sell in
 * the signed-in clerk's name; the same clerk (or another) enters a PIN to continue.
 */
import { useEffect } from 'react';

/**
 * Minutes without input before the register locks. One constant here because store settings do not carry
 * an idle timeout yet; when they do, read it from the store's settings document instead.
 */
export const IDLE_LOCK_MINUTES = 5;

// Deliberate input only: a mouse nudged by a bump on the counter must not keep the till open.
const inputEvents = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

/** Calls `onIdle` once `ms` pass without input, for as long as `active` is true. */
export function useIdleLock(active: boolean, onIdle: () => void, ms = IDLE_LOCK_MINUTES * 60_000): void {
  useEffect(() => {
    if (!active) return undefined;
    let timer = setTimeout(onIdle, ms);
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(onIdle, ms);
    };
    for (const name of inputEvents) window.addEventListener(name, restart, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const name of inputEvents) window.removeEventListener(name, restart, { capture: true });
    };
  }, [active, onIdle, ms]);
}
