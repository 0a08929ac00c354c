import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidEan13, productSchema, withEan13CheckDigit } from './product';

describe('EAN-13', () => {
  it('checks real barcodes', () => {
    expect(isValidEan13('4006381333931')).toBe(true);
    expect(isValidEan13('4006381333932')).toBe(false);
    expect(isValidEan13('400638133393')).toBe(false);
    expect(isValidEan13('40063813339a1')).toBe(false);
    expect(withEan13CheckDigit('400638133393')).toBe('4006381333931');
    expect(() => withEan13CheckDigit('12')).toThrow(RangeError);
  });

  it('every 12 digits complete to a valid code, and any single-digit change breaks it', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{12}$/),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 1, max: 9 }),
        (twelve, pos, bump) => {
          const code = withEan13CheckDigit(twelve);
          expect(isValidEan13(code)).toBe(true);
          const digits = [...code];
          digits[pos] = String((Number(digits[pos]) + bump) % 10);
          expect(isValidEan13(digits.join(''))).toBe(false);
        },
      ),
    );
  });
});

describe('product schema', () => {
  it('accepts a product and refuses float prices', () => {
    const p = {
      sku: 'MUG-01',
      name: 'Stoneware mug',
      price: 1299,
      currency: 'USD',
      taxCode: 'std',
      barcodes: ['4006381333931'],
      active: true,
      updatedAt: '2026-11-27T10:00:00.000Z',
    };
    expect(productSchema.safeParse(p).success).toBe(true);
    expect(productSchema.safeParse({ ...p, price: 12.99 }).success).toBe(false);
    expect(productSchema.safeParse({ ...p, barcodes: ['has space'] }).success).toBe(false);
  });
});
