/**
 * The scrypt parameters a register agrees to run, at each inclusive limit, and the messages a refused
 * verifier comes back with.
 */
import { describe, expect, it } from 'vitest';
import { parsePinHash, pinKdfParamsAllowed } from './staff';

const salt = 'AAECAwQFBgcICQoLDA0ODw';
const key = 'ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8';

describe('PIN KDF parameter bounds', () => {
  it('refuses non-integer parameters even when every range and the memory cap would allow them', () => {
    expect(pinKdfParamsAllowed({ logN: 14.5, r: 8, p: 1 })).toBe(false);
    expect(pinKdfParamsAllowed({ logN: 14, r: 1.5, p: 1 })).toBe(false);
    expect(pinKdfParamsAllowed({ logN: 14, r: 8, p: 1.5 })).toBe(false);
  });

  it('allows ln up to 20 and refuses 21 even where memory would allow it', () => {
    expect(pinKdfParamsAllowed({ logN: 20, r: 1, p: 1 })).toBe(true);
    // 128 · 2^21 · 1 bytes is exactly the memory cap, so only the ln limit refuses it.
    expect(pinKdfParamsAllowed({ logN: 21, r: 1, p: 1 })).toBe(false);
  });

  it('allows r from 1 to 32 inclusive', () => {
    expect(pinKdfParamsAllowed({ logN: 14, r: 0, p: 1 })).toBe(false);
    expect(pinKdfParamsAllowed({ logN: 14, r: 1, p: 1 })).toBe(true);
    expect(pinKdfParamsAllowed({ logN: 14, r: 32, p: 1 })).toBe(true);
    expect(pinKdfParamsAllowed({ logN: 14, r: 33, p: 1 })).toBe(false);
  });

  it('allows p up to 4 inclusive', () => {
    expect(pinKdfParamsAllowed({ logN: 14, r: 8, p: 4 })).toBe(true);
    expect(pinKdfParamsAllowed({ logN: 14, r: 8, p: 5 })).toBe(false);
  });
});

describe('refused PIN verifiers', () => {
  it('names the ln of a till2 verifier whose parameters are out of bounds', () => {
    expect(parsePinHash(`till2$ln=30,r=8,p=1$${salt}$${key}`)).toEqual({
      ok: false,
      error: { code: 'pin_hash_unreadable', message: 'PIN verifier parameters out of bounds (ln=30).' },
    });
  });

  it('says which verifier formats it knows when it reads neither', () => {
    expect(parsePinHash('bcrypt$whatever')).toEqual({
      ok: false,
      error: {
        code: 'pin_hash_unreadable',
        message: 'Not a PIN verifier this register knows (till2 or scrypt).',
      },
    });
  });
});
