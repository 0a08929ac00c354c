/**
 * Checks a PIN against a staff member's verifier on the register, in the process host (Electron main or
 * the browser-mode host), where the store's staff key is — never in the renderer, which holds the
 * replica but not the key (docs/security.md). The page reaches it through `staff:verify-pin`
 * (staff-handlers.ts), under the lockout.
 */
import { timingSafeEqual } from 'node:crypto';
import { isPinShaped } from '@till/shared/domain/pin-policy';
import { type CodedError, type Result, err, ok } from '@till/shared/result';
import { parsePinHash, staffKeySchema } from '@till/shared/schemas/staff';
import { pepperPin, scryptPin } from './pin-kdf';

/** The outcome of a verification that could be made. */
export interface PinCheck {
  /** Whether the PIN is the staff member's. */
  matches: boolean;
  /** A legacy `scrypt$` verifier: no staff key in it, ten times cheaper a guess. The PIN should be set again. */
  legacy: boolean;
}

/** Why a PIN could not be checked at all (a wrong PIN is `matches: false`, not an error). */
export type PinCheckErrorCode =
  /** The PIN is not 4–12 digits: no verifier can match it, so none is computed. */
  | 'pin_malformed'
  /** The verifier is neither `till2` nor legacy `scrypt`, or asks for more memory than allowed. */
  | 'pin_hash_unreadable'
  /** A `till2` verifier, and this register holds no staff key for the store (enroll again). */
  | 'staff_key_missing'
  /** The staff key given is not 32 bytes of base64url. */
  | 'staff_key_invalid';

/** A coded reason a PIN could not be checked. */
export interface PinCheckError extends CodedError {
  code: PinCheckErrorCode;
}

// Each verification holds 128 MiB for a quarter of a second: run them one at a time, so a page (or
// anything else) asking many at once queues instead of exhausting the register's memory.
let queue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Whether `pin` is the PIN of the staff member whose verifier is `pinHash` (the `staff` document's
 * field), using the store's `staffKey` (from the register's key store; null when it holds none). Legacy
 * `scrypt$` verifiers are checked without the key. Never throws for bad input: a coded error instead.
 */
export async function verifyPin(
  pinHash: string,
  pin: string,
  staffKey: string | null,
): Promise<Result<PinCheck, PinCheckError>> {
  if (!isPinShaped(pin)) return failure('pin_malformed', 'A PIN is 4 to 12 digits.');
  const parsed = parsePinHash(pinHash);
  if (!parsed.ok) return failure('pin_hash_unreadable', parsed.error.message);
  const { scheme, params, salt, key } = parsed.value;
  if (scheme === 'scrypt') {
    const derived = await oneAtATime(() => scryptPin(pin, Buffer.from(salt, 'base64'), params));
    return ok({ matches: same(derived, Buffer.from(key, 'base64')), legacy: true });
  }
  if (staffKey === null) {
    return failure(
      'staff_key_missing',
      'This register holds no staff key for its store, so it cannot check PINs offline: enroll it again.',
    );
  }
  if (!staffKeySchema.safeParse(staffKey).success) {
    return failure('staff_key_invalid', 'The staff key is not 32 bytes of base64url.');
  }
  const secret = pepperPin(pin, Buffer.from(staffKey, 'base64url'));
  const derived = await oneAtATime(() => scryptPin(secret, Buffer.from(salt, 'base64url'), params));
  return ok({ matches: same(derived, Buffer.from(key, 'base64url')), legacy: false });
}

/** Constant-time equality (both are 32 bytes by the format; a length mismatch is simply no match). */
function same(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

function failure(code: PinCheckErrorCode, message: string): { ok: false; error: PinCheckError } {
  return err({ code, message });
}
