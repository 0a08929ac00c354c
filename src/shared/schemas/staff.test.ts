/** The PIN verifier format: what parses, what is refused, and the bounds on what a verifier may cost. */
import { describe, expect, it } from 'vitest';
import {
  formatPinHash,
  legacyPinKdfParams,
  parsePinHash,
  pinKdfParams,
  pinKdfParamsAllowed,
  staffKeySchema,
} from './staff';

const salt = 'AAECAwQFBgcICQoLDA0ODw';
const key = 'ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8';

describe('PIN verifiers', () => {
  it('writes and reads back a till2 verifier with its parameters', () => {
    const stored = formatPinHash(pinKdfParams, salt, key);
    expect(stored).toBe(`till2$ln=17,r=8,p=1$${salt}$${key}`);
    expect(parsePinHash(stored)).toEqual({
      ok: true,
      value: { scheme: 'till2', params: { logN: 17, r: 8, p: 1 }, salt, key },
    });
  });

  it('still reads a legacy scrypt$ verifier, with the parameters it was made with', () => {
    const stored = 'scrypt$AAECAwQFBgcICQoLDA0ODw==$ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=';
    expect(parsePinHash(stored)).toEqual({
      ok: true,
      value: {
        scheme: 'scrypt',
        params: legacyPinKdfParams,
        salt: 'AAECAwQFBgcICQoLDA0ODw==',
        key: 'ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=',
      },
    });
  });

  it('refuses anything else, and parameters that would cost a register too much memory', () => {
    for (const stored of [
      '',
      '1234',
      `bcrypt$${salt}$${key}`,
      `till2$ln=17,r=8,p=1$${salt}`,
      `till2$ln=17,r=8,p=1$${salt}$${key}$`,
      `till2$ln=17,r=8,p=1$${salt}$${key.slice(1)}`,
      `till2$ln=17,r=8,p=1$sa+t/AAAAAAAAAAAAAAAAAA$${key}`,
      `till3$ln=17,r=8,p=1$${salt}$${key}`,
      `till2$ln=30,r=8,p=1$${salt}$${key}`,
      `till2$ln=18,r=16,p=1$${salt}$${key}`,
      `till2$ln=12,r=8,p=1$${salt}$${key}`,
      `till2$ln=17,r=8,p=0$${salt}$${key}`,
    ]) {
      expect(parsePinHash(stored)).toMatchObject({ ok: false, error: { code: 'pin_hash_unreadable' } });
    }
  });

  it('keeps the current parameters within the bounds a register accepts', () => {
    expect(pinKdfParamsAllowed(pinKdfParams)).toBe(true);
    expect(pinKdfParamsAllowed(legacyPinKdfParams)).toBe(true);
    expect(pinKdfParamsAllowed({ logN: 18, r: 8, p: 1 })).toBe(true);
    expect(pinKdfParamsAllowed({ logN: 19, r: 8, p: 1 })).toBe(false);
  });
});

describe('staffKeySchema', () => {
  it('is 32 bytes of base64url without padding', () => {
    expect(staffKeySchema.safeParse(key).success).toBe(true);
    expect(staffKeySchema.safeParse(`${key}=`).success).toBe(false);
    expect(staffKeySchema.safeParse(key.slice(1)).success).toBe(false);
    expect(staffKeySchema.safeParse(`${key.slice(1)}+`).success).toBe(false);
  });
});
