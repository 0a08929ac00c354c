import { describe, expect, it } from 'vitest';
import { parseAmount, pointsToTender, quickCashAmounts, registerCodeOf, remainingDue } from './tender-math';

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

describe('pointsToTender', () => {
  const rules = { pointsPerUnit: 1, pointValueMinor: 1 };

  it('spends as many points as pay what is left, within the balance', () => {
    expect(pointsToTender(500, [], 1234, rules, null)).toEqual({
      ok: true,
      value: { points: 500, amount: 500 },
    });
    expect(pointsToTender(5000, [], 1234, rules, null)).toEqual({
      ok: true,
      value: { points: 1234, amount: 1234 },
    });
  });

  it('counts the points already tendered in this payment against the balance', () => {
    const taken = [{ method: 'points' as const, amount: 300, points: 300 }];
    expect(pointsToTender(500, taken, 1234, rules, null)).toEqual({
      ok: true,
      value: { points: 200, amount: 200 },
    });
    const refused = pointsToTender(500, taken, 1234, rules, 250);
    expect(refused.ok ? null : refused.error.code).toBe('points_exceed_balance');
  });

  it('spends a typed amount, rounded up to whole points at the store’s point value', () => {
    const tenCents = { pointsPerUnit: 1, pointValueMinor: 10 };
    expect(pointsToTender(100, [], 1000, tenCents, 250)).toEqual({
      ok: true,
      value: { points: 25, amount: 250 },
    });
  });

  it('refuses beyond a known balance, beyond what is due, and with no points', () => {
    const over = pointsToTender(100, [], 1000, rules, 200);
    expect(over.ok ? null : over.error.code).toBe('points_exceed_balance');
    const beyondDue = pointsToTender(5000, [], 1000, rules, 2000);
    expect(beyondDue.ok ? null : beyondDue.error.code).toBe('points_exceed_due');
    const none = pointsToTender(0, [], 1000, rules, null);
    expect(none.ok ? null : none.error.code).toBe('no_points');
  });

  it('lets an unknown balance (offline) spend only a typed amount: the hub checks it', () => {
    const unknown = pointsToTender(null, [], 1000, rules, null);
    expect(unknown.ok ? null : unknown.error.code).toBe('balance_unknown');
    expect(pointsToTender(null, [], 1000, rules, 400)).toEqual({
      ok: true,
      value: { points: 400, amount: 400 },
    });
  });
});
