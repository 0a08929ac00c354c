/**
 * The derivation of a `till2` PIN verifier, on the register's side: scrypt over
 * HMAC-SHA256(staffKey, label + pin). The hub makes verifiers with the same few lines in
 * hub/src/domain/secrets.ts (the hub may import only src/shared, so the Node calls are written in both
 * places and the format and parameters live in src/shared/schemas/staff.ts); `verify-pin.test.ts` checks
 * that verifiers the hub makes verify here.
 */
import { createHmac, scrypt } from 'node:crypto';
import {
  PIN_HMAC_LABEL,
  PIN_KDF_MAX_MEMORY,
  PIN_KEY_BYTES,
  type PinKdfParams,
} from '@till/shared/schemas/staff';

/** The PIN mixed with the store's staff key: what scrypt stretches in a `till2` verifier. */
export function pepperPin(pin: string, staffKey: Buffer): Buffer {
  return createHmac('sha256', staffKey).update(`${PIN_HMAC_LABEL}${pin}`).digest();
}

/** scrypt with the verifier's parameters; `maxmem` is raised past Node's 32 MiB default to the bound. */
export function scryptPin(secret: Buffer | string, salt: Buffer, params: PinKdfParams): Promise<Buffer> {
  const options = { N: 2 ** params.logN, r: params.r, p: params.p, maxmem: PIN_KDF_MAX_MEMORY + 2 ** 20 };
  return new Promise((resolve, reject) =>
    scrypt(secret, salt, PIN_KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}
