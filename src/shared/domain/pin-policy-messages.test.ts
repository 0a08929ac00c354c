/**
 * Pins the sentences a refused PIN comes back with (the person choosing it reads them) and the edges of
 * what counts as an obvious PIN: very short PINs, two-digit PINs, steady steps other than ±1, and blocks.
 */
import { describe, expect, it } from 'vitest';
import { checkPin, isObviousPin } from './pin-policy';

describe('checkPin explains each refusal', () => {
  it('says a PIN is digits only', () => {
    expect(checkPin('12a4', 'clerk')).toEqual({
      ok: false,
      error: { code: 'pin_not_digits', message: 'A PIN is digits only.' },
    });
  });

  it('names the role and its minimum when a PIN is too short', () => {
    expect(checkPin('123', 'clerk')).toEqual({
      ok: false,
      error: { code: 'pin_too_short', message: "A clerk's PIN has at least 4 digits." },
    });
    expect(checkPin('40961', 'manager')).toEqual({
      ok: false,
      error: { code: 'pin_too_short', message: "A manager's PIN has at least 6 digits." },
    });
  });

  it('names the maximum when a PIN is too long', () => {
    expect(checkPin('4096174096170', 'clerk')).toEqual({
      ok: false,
      error: { code: 'pin_too_long', message: 'A PIN has at most 12 digits.' },
    });
  });

  it('tells a manager what makes a PIN obvious', () => {
    expect(checkPin('121212', 'manager')).toEqual({
      ok: false,
      error: {
        code: 'pin_too_obvious',
        message:
          "A manager's PIN may not be one digit repeated, a straight run up or down, or a short block repeated.",
      },
    });
  });
});

describe('isObviousPin at its edges', () => {
  it('counts an empty or one-digit PIN as obvious', () => {
    expect(isObviousPin('')).toBe(true);
    expect(isObviousPin('7')).toBe(true);
  });

  it('does not count two different digits that are not a run as obvious', () => {
    // Two digits are a single step; only steps of 0 or ±1 are runs, and one block is not "repeated".
    expect(isObviousPin('47')).toBe(false);
    expect(isObviousPin('12')).toBe(true);
    expect(isObviousPin('44')).toBe(true);
  });

  it('does not count a steady step other than ±1 as a run', () => {
    expect(isObviousPin('135791')).toBe(false);
    expect(isObviousPin('246802')).toBe(false);
  });

  it('counts a block only when it is repeated at least twice', () => {
    expect(isObviousPin('4747')).toBe(true);
    expect(isObviousPin('407407')).toBe(true);
    expect(isObviousPin('407')).toBe(false);
    expect(isObviousPin('47474')).toBe(false);
  });
});
