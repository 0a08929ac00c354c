/**
 * PIN verifiers as the hub makes them: the `till2` format with the current parameters, a fresh salt each
 * time, a key the register's own check accepts (the derivation is written on both sides; fixed vectors
 * and the seed's verifiers are in src/backend/staff/verify-pin.test.ts), the dearest parameters allowed,
 * and refusals of a bad staff key or parameters; register tokens and key comparison; and that the demo
 * seed's PINs follow the policy.
 */
import { describe, expect, it } from 'vitest';
import { checkPin } from '@till/shared/domain/pin-policy';
import { parsePinHash, pinKdfParams } from '@till/shared/schemas/staff';
import { verifyPin } from '../../../src/backend/staff/verify-pin';
import { hashPin, hashToken, newToken, sameSecret } from './secrets';
import { DEMO_STAFF } from './seed';

const staffKey = 'AwoRGB8mLTQ7QklQV15lbHN6gYiPlp2kq7K5wMfO1dw';

describe('hashPin', () => {
  it('makes a till2 verifier with the current parameters, never containing the PIN', async () => {
    const stored = await hashPin('409617', staffKey);
    expect(stored).toMatch(/^till2\$ln=17,r=8,p=1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(stored).not.toContain('409617');
    expect(parsePinHash(stored)).toMatchObject({ ok: true, value: { params: pinKdfParams } });
  });

  it('salts every verifier afresh, so equal PINs do not show', async () => {
    const quick = { logN: 14, r: 8, p: 1 };
    const [a, b] = await Promise.all([hashPin('5550', staffKey, quick), hashPin('5550', staffKey, quick)]);
    expect(a).not.toBe(b);
  });

  it('derives the key the register checks: the PIN peppered with this staff key, at the stated cost', async () => {
    const quick = { logN: 14, r: 8, p: 1 };
    const stored = await hashPin('270419', staffKey, quick);
    expect(await verifyPin(stored, '270419', staffKey)).toMatchObject({ ok: true, value: { matches: true } });
    expect(await verifyPin(stored, '270418', staffKey)).toMatchObject({
      ok: true,
      value: { matches: false },
    });
    const otherKey = 'ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8';
    expect(await verifyPin(stored, '270419', otherKey)).toMatchObject({
      ok: true,
      value: { matches: false },
    });
  });

  it('runs the dearest parameters a register accepts (256 MiB) without hitting its memory cap', async () => {
    const stored = await hashPin('270419', staffKey, { logN: 18, r: 8, p: 1 });
    expect(stored.startsWith('till2$ln=18,r=8,p=1$')).toBe(true);
  });

  it('refuses a staff key that is not 32 bytes, and parameters a register would refuse', async () => {
    await expect(hashPin('409617', 'short')).rejects.toThrow('staff key');
    await expect(hashPin('409617', `${staffKey}=`)).rejects.toThrow('staff key');
    await expect(hashPin('409617', staffKey, { logN: 22, r: 8, p: 1 })).rejects.toThrow('parameters');
  });
});

describe('the demo staff', () => {
  it('have PINs the policy accepts: managers six digits, none obvious', () => {
    for (const staff of DEMO_STAFF)
      expect(checkPin(staff.pin, staff.role)).toEqual({ ok: true, value: staff.pin });
    expect(DEMO_STAFF.filter((s) => s.role === 'manager').every((s) => s.pin.length >= 6)).toBe(true);
  });
});

describe('register tokens', () => {
  it('are 256 random bits, stored as their SHA-256', () => {
    const token = newToken();
    expect(token).toMatch(/^till_[A-Za-z0-9_-]{43}$/);
    expect(newToken()).not.toBe(token);
    // SHA-256 of the text, in hex (the value `sha256sum` gives for it).
    expect(hashToken('till_abc')).toBe('f8051132ddde427b624da59d65cffc6159442496c08a929ed4ac86381ad10413');
  });

  it('compare keys whole, whatever their lengths', () => {
    expect(sameSecret('demo-storefront-key', 'demo-storefront-key')).toBe(true);
    expect(sameSecret('demo-storefront-kez', 'demo-storefront-key')).toBe(false);
    expect(sameSecret('demo-storefront', 'demo-storefront-key')).toBe(false);
    expect(sameSecret('', 'demo-storefront-key')).toBe(false);
  });
});
