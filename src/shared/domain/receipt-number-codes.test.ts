/**
 * Pins what store and register codes a receipt number accepts (1–8 letters or digits, the whole code)
 * and the sentences the formatter throws when given something else.
 */
import { describe, expect, it } from 'vitest';
import { formatReceiptNumber } from './receipt-number';

const codesMessage = 'store and register codes are 1–8 letters or digits';

describe('formatReceiptNumber codes', () => {
  it('accepts codes of several letters or digits, up to eight', () => {
    expect(formatReceiptNumber('Ab12', 'Z9', 7)).toBe('SAb12-RZ9-000007');
    expect(formatReceiptNumber('ABCDEFGH', '12345678', 1)).toBe('SABCDEFGH-R12345678-000001');
  });

  it('refuses a store code with anything but letters or digits, wherever it is', () => {
    for (const store of ['', '-A1', 'A1-', 'A 1', 'ABCDEFGHI']) {
      expect(() => formatReceiptNumber(store, 'R1', 1)).toThrow(new RangeError(codesMessage));
    }
  });

  it('refuses a register code with anything but letters or digits, wherever it is', () => {
    for (const register of ['', '-R1', 'R1-', 'R 1', '123456789']) {
      expect(() => formatReceiptNumber('S1', register, 1)).toThrow(new RangeError(codesMessage));
    }
  });

  it('says which sequence number it refused', () => {
    expect(() => formatReceiptNumber('S1', 'R1', 0)).toThrow(
      new RangeError('receipt sequence must be ≥ 1 (0)'),
    );
    expect(() => formatReceiptNumber('S1', 'R1', 1.5)).toThrow('receipt sequence must be ≥ 1 (1.5)');
  });
});
