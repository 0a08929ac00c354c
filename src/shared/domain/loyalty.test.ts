import { describe, expect, it } from 'vitest';
import type { Tender } from '../schemas/sale';
import { pointsEarned, pointsSpent, pointsTender, tenderPoints, tierOf } from './loyalty';

const rules = { pointsPerUnit: 2, pointValueMinor: 5 };
const doc = (gross: number, tenders: Tender[], currency = 'USD') => ({
  currency,
  totals: { gross },
  tenders,
});

describe('loyalty points', () => {
  it('earns per whole unit of what points did not pay, and takes it back on a return', () => {
    expect(pointsEarned(doc(1299, [{ method: 'card', amount: 1299 }]), rules)).toBe(24);
    expect(
      pointsEarned(
        doc(1299, [
          { method: 'points', amount: 300, points: 60 },
          { method: 'card', amount: 999 },
        ]),
        rules,
      ),
    ).toBe(18);
    expect(pointsEarned(doc(-1299, [{ method: 'card', amount: -1299 }]), rules)).toBe(-24);
    expect(pointsEarned(doc(1299, [{ method: 'cash', amount: 1299 }], 'JPY'), rules)).toBe(2598);
  });

  it('spends the points a tender names, or what its amount is worth, rounded up', () => {
    expect(
      pointsSpent(
        doc(1000, [
          { method: 'points', amount: 300, points: 60 },
          { method: 'card', amount: 700 },
        ]),
        rules,
      ),
    ).toBe(60);
    expect(tenderPoints({ method: 'points', amount: -12 }, rules)).toBe(-3);
    expect(tenderPoints({ method: 'card', amount: 500 }, rules)).toBe(0);
  });

  it('never spends beyond the balance or what is left to pay', () => {
    expect(pointsTender(100, 212, rules)).toEqual({ ok: true, value: { points: 42, amount: 210 } });
    expect(pointsTender(10, 212, rules)).toEqual({ ok: true, value: { points: 10, amount: 50 } });
    const over = pointsTender(10, 212, rules, 11);
    expect(over.ok ? null : over.error.code).toBe('points_exceed_balance');
    const tiny = pointsTender(10, 4, rules);
    expect(tiny.ok ? null : tiny.error.code).toBe('nothing_to_pay');
  });

  it('gives tiers by points earned in all', () => {
    expect([tierOf(0), tierOf(499), tierOf(500), tierOf(2000)]).toEqual([
      'bronze',
      'bronze',
      'silver',
      'gold',
    ]);
  });
});
