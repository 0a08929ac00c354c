import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, assertMinorUnits, formatMoney, minorUnitDigits, roundDiv, sum } from './money';

describe('money', () => {
  it('formats minor units with the currency’s own digits', () => {
    expect(formatMoney(4210, 'USD', 'en-US')).toBe('$42.10');
    expect(formatMoney(-5, 'USD', 'en-US')).toBe('-$0.05');
    expect(formatMoney(1500, 'JPY', 'en-US')).toBe('¥1,500');
    expect(formatMoney(1234, 'BHD', 'en-US')).toMatch(/1\.234/);
    expect(formatMoney(123456, 'EUR', 'de-DE')).toBe('1.234,56\u00a0€');
    expect(minorUnitDigits('JPY')).toBe(0);
  });

  it('formats very large amounts exactly', () => {
    expect(formatMoney(900719925474099, 'USD', 'en-US')).toBe('$9,007,199,254,740.99');
  });

  it('refuses floats', () => {
    expect(() => assertMinorUnits(19.99)).toThrow(RangeError);
    expect(() => formatMoney(19.99, 'USD')).toThrow(RangeError);
    expect(() => sum([1, 0.5])).toThrow(RangeError);
    expect(() => allocate(10.5, [1, 1])).toThrow(RangeError);
  });

  it('rounds half away from zero, symmetrically', () => {
    expect(roundDiv(5, 2)).toBe(3);
    expect(roundDiv(-5, 2)).toBe(-3);
    expect(roundDiv(4, 3)).toBe(1);
    expect(roundDiv(0, 7)).toBe(0);
    expect(Object.is(roundDiv(-1, 3), 0)).toBe(true);
    expect(() => roundDiv(1, 0)).toThrow(RangeError);
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 1e6 }), (n, d) => {
        const r = roundDiv(n, d);
        expect(roundDiv(-n, d)).toBe(-r || 0);
        expect(Math.abs(r * d - n) * 2).toBeLessThanOrEqual(d);
      }),
    );
  });

  it('allocates in proportion, largest remainder first, earlier part on ties', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(allocate(10, [0, 0])).toEqual([5, 5]);
    expect(allocate(7, [3, 0, 1])).toEqual([5, 0, 2]);
    expect(allocate(0, [])).toEqual([]);
    expect(() => allocate(1, [])).toThrow(RangeError);
    expect(() => allocate(1, [-1, 2])).toThrow(RangeError);
  });

  it('allocation always sums exactly and never strays more than one unit from the exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 20 }),
        (amount, weights) => {
          const parts = allocate(amount, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(amount);
          const total = weights.reduce((a, b) => a + b, 0);
          parts.forEach((p, i) => {
            const exact = total === 0 ? amount / weights.length : (amount * (weights[i] ?? 0)) / total;
            expect(Math.abs(p - exact)).toBeLessThan(1);
            expect(Number.isInteger(p)).toBe(true);
          });
        },
      ),
    );
  });
});
