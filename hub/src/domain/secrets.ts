/**
 * Tokens and PINs. Register tokens are 256 random bits, stored as SHA-256 (a fast hash is enough for a
 * secret that cannot be guessed). PINs are short, so their verifier is memory-hard (scrypt, 128 MiB a
 * guess) and mixed with the store's staff key, which registers keep outside their replica
 * (docs/security.md).
 */
import { createHash, createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import {
  PIN_HMAC_LABEL,
  PIN_KDF_MAX_MEMORY,
  PIN_KEY_BYTES,
  PIN_SALT_BYTES,
  type PinKdfParams,
  formatPinHash,
  pinKdfParams,
  pinKdfParamsAllowed,
  staffKeySchema,
} from '@till/shared/schemas/staff';

/** A new bearer token for a register. */
export function newToken(): string {
  return `till_${randomBytes(32).toString('base64url')}`;
}

/** What the hub stores of a token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Compares two secrets in constant time (for the storefront and admin keys). */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** Node's scrypt as a promise; `maxmem` is raised to what the parameters need (its default is 32 MiB). */
function scryptAsync(secret: Buffer, salt: Buffer, params: PinKdfParams): Promise<Buffer> {
  const N = 2 ** params.logN;
  const options = { N, r: params.r, p: params.p, maxmem: PIN_KDF_MAX_MEMORY + 2 ** 20 };
  return new Promise((resolve, reject) =>
    scrypt(secret, salt, PIN_KEY_BYTES, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/**
 * Makes a staff member's PIN verifier: `till2$ln=17,r=8,p=1$<salt>$<key>`, the key being
 * scrypt(HMAC-SHA256(staffKey, label + pin), salt) — the format of `parsePinHash` in src/shared. The
 * register checks it the same way in src/backend/staff (the hub may not share Node code with the
 * register, so the few lines of the derivation are written in both; `verify-pin.test.ts` there checks
 * that they agree). The PIN policy (`checkPin`) is the caller's: this only hashes.
 */
export async function hashPin(
  pin: string,
  staffKey: string,
  params: PinKdfParams = pinKdfParams,
): Promise<string> {
  if (!staffKeySchema.safeParse(staffKey).success)
    throw new Error('hashPin: not a 32-byte base64url staff key');
  if (!pinKdfParamsAllowed(params)) throw new Error('hashPin: scrypt parameters out of bounds');
  const salt = randomBytes(PIN_SALT_BYTES);
  const peppered = createHmac('sha256', Buffer.from(staffKey, 'base64url'))
    .update(`${PIN_HMAC_LABEL}${pin}`)
    .digest();
  const key = await scryptAsync(peppered, salt, params);
  return formatPinHash(params, salt.toString('base64url'), key.toString('base64url'));
}
