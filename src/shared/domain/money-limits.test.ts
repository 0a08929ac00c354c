/**
 * Pins the messages money refuses bad amounts with, that counts format whole in the default locale, that
 * roundDiv refuses each kind of bad argument on its own, that allocation refuses amounts too large to split
 * exactly, and that sum adds.
 */
import { describe, expect, it } from 'vitest';
import { allocate, assertMinorUnits, formatCount, roundDiv, sum } from './money';

describe('assertMinorUnits', () => {
  it('names the amount and the bad value', () => {
    expect(() => assertMinorUnits(19.99)).toThrow(
      new RangeError('amount must be an integer number of minor units, got 19.99'),
    );
    expect(() => assertMinorUnits(Number.NaN, 'price')).toThrow(
      new RangeError('price must be an integer number of minor units, got NaN'),
    );
  });
});

describe('formatCount', () => {
  it('formats whole counts with US grouping by default', () => {
    expect(formatCount(12_500)).toBe('12,500');
  });

  it('rounds to a whole count, never showing a fraction', () => {
    expect(formatCount(1_234.6)).toBe('1,235');
    expect(formatCount(2.4, 'de-DE')).toBe('2');
  });
});

describe('roundDiv arguments', () => {
  it('refuses a fractional numerator even when the denominator is fine', () => {
    expect(() => roundDiv(1.5, 2)).toThrow(RangeError);
  });

  it('refuses a fractional denominator even when the numerator is fine', () => {
    expect(() => roundDiv(3, 2.5)).toThrow(RangeError);
  });

  it('refuses a zero or negative denominator, saying what it was given', () => {
    expect(() => roundDiv(1, 0)).toThrow(
      new RangeError('roundDiv needs safe integers and a positive denominator (1/0)'),
    );
    expect(() => roundDiv(7, -2)).toThrow(
      new RangeError('roundDiv needs safe integers and a positive denominator (7/-2)'),
    );
  });
});

describe('allocate refusals', () => {
  it('explains an amount with nowhere to go and a bad weight', () => {
    expect(() => allocate(1, [])).toThrow(
      new RangeError('cannot allocate a non-zero amount across no parts'),
    );
    expect(() => allocate(1, [2, 1.5])).toThrow(
      new RangeError('weights must be non-negative integers (1.5)'),
    );
  });

  it('refuses a split whose arithmetic would leave safe integers, rather than return inexact parts', () => {
    expect(() => allocate(Number.MAX_SAFE_INTEGER, [2, 1])).toThrow(
      new RangeError('allocation overflows safe integers'),
    );
    expect(() => allocate(2 ** 50, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0])).toThrow(
      new RangeError('allocation overflows safe integers'),
    );
  });
});

describe('sum', () => {
  it('adds amounts, refunds included', () => {
    expect(sum([100, 250, -50])).toBe(300);
    expect(sum([])).toBe(0);
  });

  it('refuses a total that is no longer a safe integer, naming it the sum', () => {
    expect(() => sum([Number.MAX_SAFE_INTEGER, 1])).toThrow(
      new RangeError(`sum must be an integer number of minor units, got ${Number.MAX_SAFE_INTEGER + 1}`),
    );
  });
});
