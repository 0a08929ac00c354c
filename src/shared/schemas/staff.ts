/**
 * Staff, replicated hub → registers (`staff`), so a clerk can sign in with a PIN while offline; and the
 * format of the PIN verifier they carry. The hub makes verifiers and the register's process host checks
 * them (both with Node's scrypt); what lives here is only what both must agree on: the format, the
 * parameters and the store's staff key as a string (docs/security.md).
 */
import { z } from 'zod';
import { type Result, fail, ok } from '../result';
import { ident, isoTime } from './common';

/** What a person may do at the counter. Managers approve overrides and close shifts. */
export const roleSchema = z.enum(['clerk', 'manager', 'admin']);

/**
 * A staff member. The PIN is never stored, only a verifier (`pinHash`, see `parsePinHash`). The field stays
 * a bounded string rather than a pattern: the register's RxDB schema is derived from this one, and a
 * stricter field would change it under existing replicas. The format is checked where a PIN is verified.
 */
export const staffSchema = z.object({
  id: ident(),
  storeId: ident(),
  name: z.string().min(1).max(120),
  role: roleSchema,
  pinHash: z.string().min(10).max(300),
  active: z.boolean(),
  updatedAt: isoTime(),
});

/** A staff member. */
export type Staff = z.infer<typeof staffSchema>;
/** A staff role. */
export type Role = z.infer<typeof roleSchema>;

// ---------------------------------------------------------------------------------------------------------
// The store's staff key

/**
 * A store's staff key: 32 random bytes, base64url without padding (43 characters). The hub keeps it per
 * store (`stores.staff_key`) and hands it to a register in the enrollment answer (`staffKey`); the register
 * keeps it outside the replica. Without it a `till2` verifier cannot be checked, or attacked.
 */
export const staffKeySchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a 32-byte key in base64url');

// ---------------------------------------------------------------------------------------------------------
// PIN verifiers

/** scrypt cost parameters: N = 2^logN, block size r, parallelism p. Memory is 128 · N · r bytes. */
export interface PinKdfParams {
  logN: number;
  r: number;
  p: number;
}

/**
 * The parameters of new verifiers: N = 2^17, r = 8, p = 1 — 128 MiB and about 0.25 s of one core per
 * guess on the reference machine (`bench/pin-bench.ts`, docs/security.md). Raising them needs no
 * migration: each verifier names its own.
 */
export const pinKdfParams: PinKdfParams = { logN: 17, r: 8, p: 1 };

/** The parameters of legacy `scrypt$` verifiers (Node's scrypt defaults: N = 2^14, r = 8, p = 1). */
export const legacyPinKdfParams: PinKdfParams = { logN: 14, r: 8, p: 1 };

/** Bytes of a verifier's salt and of its derived key. */
export const PIN_SALT_BYTES = 16;
/** Bytes of a verifier's derived key. */
export const PIN_KEY_BYTES = 32;

/**
 * Prefix of the HMAC message (`HMAC-SHA256(staffKey, label + pin)`), so the staff key mixed into a PIN
 * verifier cannot be confused with any other use of the same key.
 */
export const PIN_HMAC_LABEL = 'till-pin-v2:';

/**
 * The most memory a verifier may ask for (256 MiB): a damaged or hostile hash must not make the register
 * allocate gigabytes. 128 · N · r of the current parameters is half of it.
 */
export const PIN_KDF_MAX_MEMORY = 256 * 2 ** 20;

/** A verifier, taken apart. Salt and key stay encoded (base64url for `till2`, base64 for legacy). */
export type ParsedPinHash =
  | {
      /** `till2$ln=<logN>,r=<r>,p=<p>$<salt>$<key>`: scrypt over HMAC-SHA256(staffKey, label + pin). */
      scheme: 'till2';
      params: PinKdfParams;
      salt: string;
      key: string;
    }
  | {
      /** `scrypt$<salt>$<key>`: scrypt over the PIN alone, N = 2^14. Legacy: still verified, never made. */
      scheme: 'scrypt';
      params: PinKdfParams;
      salt: string;
      key: string;
    };

const TILL2 = /^till2\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9_-]{22,86})\$([A-Za-z0-9_-]{43})$/;
const LEGACY = /^scrypt\$([A-Za-z0-9+/]{22,86}={0,2})\$([A-Za-z0-9+/]{43}=)$/;

/** Whether scrypt parameters are within what a register will run (see `PIN_KDF_MAX_MEMORY`). */
export function pinKdfParamsAllowed(params: PinKdfParams): boolean {
  const { logN, r, p } = params;
  return (
    Number.isInteger(logN) &&
    Number.isInteger(r) &&
    Number.isInteger(p) &&
    logN >= 14 &&
    logN <= 20 &&
    r >= 1 &&
    r <= 32 &&
    p >= 1 &&
    p <= 4 &&
    128 * 2 ** logN * r <= PIN_KDF_MAX_MEMORY
  );
}

/**
 * Reads a stored verifier. `pin_hash_unreadable` for anything that is neither a `till2` verifier with
 * allowed parameters nor a legacy `scrypt$` one.
 */
export function parsePinHash(stored: string): Result<ParsedPinHash> {
  const v2 = TILL2.exec(stored);
  if (v2) {
    const params = { logN: Number(v2[1]), r: Number(v2[2]), p: Number(v2[3]) };
    if (!pinKdfParamsAllowed(params)) {
      return fail('pin_hash_unreadable', `PIN verifier parameters out of bounds (ln=${params.logN}).`);
    }
    return ok({ scheme: 'till2', params, salt: v2[4] as string, key: v2[5] as string });
  }
  const legacy = LEGACY.exec(stored);
  if (legacy) {
    return ok({
      scheme: 'scrypt',
      params: legacyPinKdfParams,
      salt: legacy[1] as string,
      key: legacy[2] as string,
    });
  }
  return fail('pin_hash_unreadable', 'Not a PIN verifier this register knows (till2 or scrypt).');
}

/** Writes a `till2` verifier from its parts (salt and key in base64url). */
export function formatPinHash(params: PinKdfParams, salt: string, key: string): string {
  return `till2$ln=${params.logN},r=${params.r},p=${params.p}$${salt}$${key}`;
}
