/**
 * The lockout rules, without the disk: after 5 wrong PINs in a row a staff member is locked for 5
 * minutes, each further lock twice as long as the one before, up to an hour; a right PIN clears it all.
 * At a quarter of a second per guess and one guess at a time this leaves a thief a few hundred guesses a
 * day, not hundreds of thousands (docs/security.md).
 */
import { PIN_ATTEMPTS_BEFORE_LOCK } from '@till/shared/ipc/channels/staff';
import type { LockoutEntry } from './lockout-file';

/** How long the first lock lasts. */
export const FIRST_LOCK_MS = 5 * 60_000;
/** The longest a lock lasts. */
export const MAX_LOCK_MS = 60 * 60_000;

/** A staff member with no wrong PINs. */
export const CLEAR: LockoutEntry = { failures: 0, locks: 0, lockedUntil: null };

/** How long the `n`-th lock (1-based) lasts: 5 min, 10, 20, 40, then 60. */
export function lockDurationMs(n: number): number {
  return Math.min(FIRST_LOCK_MS * 2 ** Math.max(0, n - 1), MAX_LOCK_MS);
}

/** When the staff member's lock ends, or null when they are not locked at `now`. */
export function lockedUntil(entry: LockoutEntry, now: Date): Date | null {
  if (entry.lockedUntil === null) return null;
  const until = new Date(entry.lockedUntil);
  return until.getTime() > now.getTime() ? until : null;
}

/** Where the staff member stands after one more wrong PIN at `now`. */
export function afterWrongPin(entry: LockoutEntry, now: Date): LockoutEntry {
  const failures = entry.failures + 1;
  if (failures < PIN_ATTEMPTS_BEFORE_LOCK) return { ...entry, failures };
  const locks = entry.locks + 1;
  return { failures: 0, locks, lockedUntil: new Date(now.getTime() + lockDurationMs(locks)).toISOString() };
}

/** Wrong PINs left before the next lock. */
export function attemptsLeft(entry: LockoutEntry): number {
  return Math.max(0, PIN_ATTEMPTS_BEFORE_LOCK - entry.failures);
}
