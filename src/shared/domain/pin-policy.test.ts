/** The PIN policy: digits only, lengths per role, and no obvious manager PINs. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPin, defaultPinPolicy, isObviousPin, isPinShaped } from './pin-policy';

const code = (pin: string, role: 'clerk' | 'manager' | 'admin') => {
  const result = checkPin(pin, role);
  return result.ok ? 'ok' : result.error.code;
};

describe('checkPin', () => {
  it('takes four digits from a clerk and six from a manager or admin', () => {
    expect(code('4096', 'clerk')).toBe('ok');
    expect(code('4096', 'manager')).toBe('pin_too_short');
    expect(code('40961', 'admin')).toBe('pin_too_short');
    expect(code('409617', 'manager')).toBe('ok');
    expect(code('409617', 'admin')).toBe('ok');
    expect(code('123', 'clerk')).toBe('pin_too_short');
    expect(checkPin('409617', 'manager')).toEqual({ ok: true, value: '409617' });
  });

  it('refuses anything but digits, and more than twelve of them', () => {
    for (const pin of ['', '12a4', ' 1234', '1234 ', '１２３４', '12.4', '-1234', '12e4']) {
      expect(code(pin, 'clerk')).toBe('pin_not_digits');
    }
    expect(code('409617409617', 'manager')).toBe('ok');
    expect(code('4096174096170', 'manager')).toBe('pin_too_long');
  });

  it('refuses the obvious ones from managers, and says why without repeating the PIN', () => {
    for (const pin of ['000000', '999999', '123456', '654321', '890123', '3210987', '121212', '123123']) {
      const result = checkPin(pin, 'manager');
      expect(result).toMatchObject({ ok: false, error: { code: 'pin_too_obvious' } });
      if (!result.ok) expect(result.error.message).not.toContain(pin);
    }
    // A clerk's short PIN is already the weakest; the policy asks length of clerks, not originality.
    expect(code('1111', 'clerk')).toBe('ok');
    expect(code('1234', 'clerk')).toBe('ok');
  });

  it('follows a policy it is given', () => {
    const strict = { ...defaultPinPolicy, minDigits: { clerk: 6, manager: 8, admin: 8 }, refuseObvious: [] };
    expect(checkPin('4096', 'clerk', strict)).toMatchObject({ ok: false, error: { code: 'pin_too_short' } });
    expect(checkPin('12345678', 'manager', strict)).toEqual({ ok: true, value: '12345678' });
  });
});

describe('isObviousPin', () => {
  it('does not refuse PINs merely for containing a run', () => {
    for (const pin of ['472913', '583104', '123457', '246813', '112233', '120210', '1212123']) {
      expect(isObviousPin(pin)).toBe(false);
    }
  });

  it('finds every repeated digit and every straight run of any length', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9 }),
        fc.constantFrom(0, 1, 9),
        fc.integer({ min: 2, max: 12 }),
        (start, step, length) => {
          const pin = Array.from({ length }, (_, i) => (start + i * step) % 10).join('');
          return isObviousPin(pin);
        },
      ),
    );
  });
});

describe('isPinShaped', () => {
  it('is digits between the shortest minimum and the maximum', () => {
    expect(isPinShaped('0000')).toBe(true);
    expect(isPinShaped('000000000000')).toBe(true);
    expect(isPinShaped('000')).toBe(false);
    expect(isPinShaped('0000000000000')).toBe(false);
    expect(isPinShaped('00 00')).toBe(false);
  });
});
