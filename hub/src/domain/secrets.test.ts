/**
 * PIN verifiers as the hub makes them: the `till2` format with the current parameters, a fresh salt each
 * time, and refusals of a bad staff key or parameters. That they verify on the register is checked in
 * src/backend/staff/verify-pin.test.ts; that the demo seed's PINs follow the policy, here.
 */
import { describe, expect, it } from 'vitest';
import { checkPin } from '@till/shared/domain/pin-policy';
import { parsePinHash, pinKdfParams } from '@till/shared/schemas/staff';
import { hashPin } from './secrets';
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
