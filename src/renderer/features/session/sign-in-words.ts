/**
 * What the sign-in screen says when a PIN is not accepted, in a clerk's words (pure, so the wording is in
 * one place and tested).
 */
import type { IpcError } from '@till/shared/ipc/contract';
import { lockedDetailsSchema, pinWrongDetailsSchema } from '@till/shared/ipc/channels/staff';

/** How long until `until`, in words: "5 minutes", "1 minute", "1 hour". */
export function durationWords(until: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  if (minutes >= 60 && minutes % 60 === 0) {
    const hours = minutes / 60;
    return hours === 1 ? '1 hour' : `${hours} hours`;
  }
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/** The sentence for a refused PIN. */
export function signInErrorWords(error: IpcError, now: Date): string {
  switch (error.code) {
    case 'pin_wrong': {
      const details = pinWrongDetailsSchema.safeParse(error.details);
      if (!details.success) return 'Wrong PIN.';
      const left = details.data.attemptsLeft;
      return `Wrong PIN. ${left} ${left === 1 ? 'try' : 'tries'} left.`;
    }
    case 'locked': {
      const details = lockedDetailsSchema.safeParse(error.details);
      const wait = details.success ? durationWords(new Date(details.data.until), now) : 'a while';
      return `Locked for ${wait} after too many wrong PINs. Ask a manager.`;
    }
    case 'pin_malformed':
      return 'A PIN is 4 to 12 digits.';
    case 'staff_key_missing':
      return 'This register cannot check PINs: it holds no staff key for its store. Ask a manager to enroll it again.';
    case 'pin_hash_unreadable':
      return 'This staff member’s PIN cannot be checked on this register. Ask a manager to set it again.';
    case 'unavailable':
      return 'The register process does not answer. Wait a moment and try again.';
    default:
      return 'The PIN could not be checked. Try again, or ask a manager.';
  }
}
