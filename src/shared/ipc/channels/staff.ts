/**
 * The `staff` area of the IPC contract: checking a clerk's PIN at sign-in. The page holds the replica,
 * with each staff member's PIN verifier (`pinHash`), but not the store's staff key; the process host holds
 * the key and a lockout that survives restarts. So the page sends the verifier and the PIN, and only "it
 * matches" or a coded refusal comes back (docs/architecture.md, "Processes"; docs/security.md).
 */
import { z } from 'zod';
import { identText } from '../../schemas/common';

/** Wrong PINs in a row that lock a staff member out. */
export const PIN_ATTEMPTS_BEFORE_LOCK = 5;

/** `staff:verify-pin`: is this the staff member's PIN? */
export const verifyPinRequestSchema = z.strictObject({
  staffId: identText().min(1).max(64),
  /** The `staff` document's `pinHash`, from the page's replica. */
  pinHash: z.string().min(10).max(300),
  /** The store whose staff key mixes the verifier (the register's own store). */
  storeId: identText().min(1).max(64),
  /** What the person typed; its shape is checked by the handler (`pin_malformed`), so a typo gets words. */
  pin: z.string().max(64),
});

/** A `staff:verify-pin` request. */
export type VerifyPinRequest = z.infer<typeof verifyPinRequestSchema>;

/** The answer when the PIN is right; every other outcome is a coded error. */
export const verifyPinResponseSchema = z.object({ matches: z.literal(true) });

/** What `details` of a `pin_wrong` error carries. */
export const pinWrongDetailsSchema = z.object({ attemptsLeft: z.int().min(0) });

/** What `details` of a `locked` error carries: when the lock ends (ISO 8601). */
export const lockedDetailsSchema = z.object({ until: z.iso.datetime() });

/** Request channels of the `staff` area. */
export const staffChannels = {
  /**
   * Checks a PIN against a staff member's verifier with the store's staff key. Errors: `pin_wrong`
   * (`details.attemptsLeft`), `locked` (`details.until`: after 5 wrong PINs in a row, 5 minutes, doubling
   * with each further lock up to an hour), `staff_key_missing` (no usable key for the store: enroll
   * again), `pin_malformed` (not 4–12 digits), `pin_hash_unreadable` (a verifier this register cannot read).
   */
  'staff:verify-pin': { request: verifyPinRequestSchema, response: verifyPinResponseSchema },
} as const;

/** Events of the `staff` area (none). */
export const staffEvents = {} as const;
