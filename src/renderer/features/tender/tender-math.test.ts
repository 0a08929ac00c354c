import { describe, expect, it } from 'vitest';
import { parseAmount, quickCashAmounts, registerCodeOf, remainingDue } from './tender-math';

describe('quickCashAmounts', () => {
  it('offers the exact amount and the next 5/10/20/50/100 above it', () => {
    expect(quickCashAmounts(1234, 'USD')).toEqual([1234, 1500, 2000, 5000, 10000]);
    expect(quickCashAmounts(2000, 'USD')).toEqual([2000, 2500, 3000, 4000, 5000, 10000]);
  });
  it('uses the currency’s minor units (JPY has none)', () => {
    expect(quickCashAmounts(730, 'JPY')).toEqual([730, 735, 740, 750, 800]);
  });
  it('offers nothing when nothing is due', () => {
    expect(quickCashAmounts(0, 'USD')).toEqual([]);
  });
});

describe('parseAmount', () => {
  it('reads typed amounts as minor units', () => {
    expect(parseAmount('12.5', 'USD')).toBe(1250);
    expect(parseAmount('12,50', 'USD')).toBe(1250);
    expect(parseAmount('1234.00', 'USD')).toBe(123400);
    expect(parseAmount('7', 'USD')).toBe(700);
    expect(parseAmount('500', 'JPY')).toBe(500);
  });
  it('refuses what is not a positive amount in the currency', () => {
    for (const bad of ['', 'abc', '-5', '0', '12.5.3', '1.005', '1,234.00']) {
      expect(parseAmount(bad, 'USD'), bad).toBeNull();
    }
    expect(parseAmount('5.5', 'JPY')).toBeNull();
  });
});

describe('remainingDue and registerCodeOf', () => {
  it('subtracts tenders and never goes below zero', () => {
    expect(remainingDue(1000, [{ method: 'card', amount: 400 }])).toBe(600);
    expect(remainingDue(1000, [{ method: 'cash', amount: 2000 }])).toBe(0);
  });
  it('makes a receipt-number code from the hub’s register id', () => {
    expect(registerCodeOf('reg-3f2a9c1b-0000-4000-8000-000000000000')).toBe('3F2A9C1B');
    expect(registerCodeOf('---')).toBe('R');
  });
});
