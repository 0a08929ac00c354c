/**
 * Pins how many points a points tender without a count moves either way, what a clerk may ask to spend,
 * and the messages each refusal to spend points gives.
 */
import { describe, expect, it } from 'vitest';
import { pointsTender, tenderPoints } from './loyalty';

const rules = { pointsPerUnit: 2, pointValueMinor: 5 };

describe('tenderPoints without a count', () => {
  it('spends what a positive amount is worth, rounded up, and gives back the same for a refund', () => {
    expect(tenderPoints({ method: 'points', amount: 12 }, rules)).toBe(3);
    expect(tenderPoints({ method: 'points', amount: -12 }, rules)).toBe(-3);
  });
});

describe('pointsTender requests', () => {
  const refusal = (wanted: number) => pointsTender(100, 500, rules, wanted);
  const invalid = {
    ok: false,
    error: { code: 'points_invalid', message: 'spend a whole number of points above zero' },
  };

  it('refuses to spend zero, negative or fractional points', () => {
    expect(refusal(0)).toEqual(invalid);
    expect(refusal(-3)).toEqual(invalid);
    expect(refusal(1.5)).toEqual(invalid);
    expect(refusal(Number.NaN)).toEqual(invalid);
  });

  it('spends exactly what was asked when the balance and the amount due allow it', () => {
    expect(pointsTender(100, 500, rules, 1)).toEqual({ ok: true, value: { points: 1, amount: 5 } });
    expect(pointsTender(100, 500, rules, 100)).toEqual({ ok: true, value: { points: 100, amount: 500 } });
  });

  it('explains why points cannot be spent', () => {
    expect(pointsTender(0, 500, rules)).toEqual({
      ok: false,
      error: { code: 'no_points', message: 'the customer has no points to spend' },
    });
    expect(pointsTender(10, 500, rules, 11)).toEqual({
      ok: false,
      error: { code: 'points_exceed_balance', message: 'the customer has 10 points, not 11' },
    });
    expect(pointsTender(10, 4, rules)).toEqual({
      ok: false,
      error: { code: 'nothing_to_pay', message: 'nothing is left that points can pay' },
    });
  });
});
