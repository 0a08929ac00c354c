/**
 * Tokens and PINs. Register tokens are 256 random bits, stored as SHA-256 (a fast hash is enough for a
 * secret that cannot be guessed); PINs are short, so they get a salted, slow scrypt hash.
 */
import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

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

/** scrypt parameters of PIN hashes: N=2^14, r=8, p=1, 32-byte key (what `crypto.scrypt` defaults to). */
const PIN_KEY_LENGTH = 32;

function scryptAsync(pin: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(pin, salt, PIN_KEY_LENGTH, { N: 16384, r: 8, p: 1 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** Hashes a PIN as `scrypt$<salt base64>$<key base64>` (the staff schema's `scheme$salt$hash`). */
export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(pin, salt);
  return `scrypt$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** Whether `pin` matches a hash made by `hashPin`. */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const [scheme, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scryptAsync(pin, Buffer.from(salt, 'base64'));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
