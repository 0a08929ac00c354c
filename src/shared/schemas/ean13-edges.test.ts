/** EAN-13 helpers at their edges: the whole string must be digits of the exact length, nothing around it. */
import { describe, expect, it } from 'vitest';
import { isValidEan13, withEan13CheckDigit } from './product';

describe('EAN-13 check digits', () => {
  it('accepts a real EAN-13 only when it is exactly 13 digits', () => {
    expect(isValidEan13('4006381333931')).toBe(true);
    expect(isValidEan13('x4006381333931')).toBe(false);
    expect(isValidEan13('4006381333931x')).toBe(false);
  });

  it('refuses 14 digits even when a 13-digit run inside them checks out', () => {
    // Both strings contain a valid EAN-13 and pass the checksum as a whole; only the anchors refuse them.
    expect(isValidEan13('64006381333931')).toBe(false);
    expect(isValidEan13('40063813339310')).toBe(false);
  });

  it('refuses a short code even when its digits happen to check out', () => {
    // A lone "0" is its own correct check digit; only the length rule refuses it.
    expect(isValidEan13('0')).toBe(false);
  });

  it('appends a check digit only to exactly 12 digits, saying why otherwise', () => {
    expect(withEan13CheckDigit('400638133393')).toBe('4006381333931');
    const why = 'EAN-13 needs 12 digits before the check digit';
    expect(() => withEan13CheckDigit('x400638133393')).toThrow(new RangeError(why));
    expect(() => withEan13CheckDigit('400638133393x')).toThrow(new RangeError(why));
  });
});
