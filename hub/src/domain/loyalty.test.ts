/**
 * The hub's loyalty rules without a database: which ledger entries a pushed sale makes (spending before
 * earning, nothing for a sale without a customer or a zero move, each store's own rate), and the exception
 * a spend the balance could not cover raises.
 */
import { describe, expect, it } from 'vitest';
import { aSale } from '../../../test/support/domain-fixtures';
import type { SaleDocument } from '@till/shared/schemas/sale';
import type { LoyaltyRules } from '@till/shared/schemas/settings';
import type { BookedEntry } from '../repositories/loyalty';
import { loyaltyEntries, movesPoints, overspendExceptions } from './loyalty';

/** A $20.00 sale (tax-exclusive store, 8 %: $21.60) for `customerId`, paid as `tenders` say. */
function sale(customerId: string | null, overrides: Partial<SaleDocument> = {}): SaleDocument {
  const base = aSale({
    lines: [{ lineId: '1', sku: 'MUG', name: 'Mug', qty: 2, unitPrice: 1000, taxCode: 'std' }],
  });
  return { ...base, customerId, ...overrides };
}

const rates: Record<string, LoyaltyRules> = {
  'store-1': { pointsPerUnit: 2, pointValueMinor: 1 },
  'store-2': { pointsPerUnit: 10, pointValueMinor: 1 },
};

describe('loyalty entries of pushed sales', () => {
  it('makes none for a sale without a customer, and says such sales move no points', () => {
    const anonymous = sale(null);
    expect(loyaltyEntries([anonymous])).toEqual([]);
    expect(movesPoints([anonymous])).toBe(false);
    expect(movesPoints([anonymous, sale('cust-1')])).toBe(true);
  });

  it('earns at the sale’s own store’s rate, per whole currency unit', () => {
    const s = sale('cust-1');
    const gross = s.totals.gross;
    expect(loyaltyEntries([s], (storeId) => rates[storeId]!)).toEqual([
      {
        customerId: 'cust-1',
        delta: Math.trunc(gross / 100) * 2,
        saleId: s.id,
        storeId: 'store-1',
        reason: 'sale',
      },
    ]);
    const elsewhere = { ...s, storeId: 'store-2' };
    expect(loyaltyEntries([elsewhere], (storeId) => rates[storeId]!)[0]?.delta).toBe(
      Math.trunc(gross / 100) * 10,
    );
  });

  it('books the spending before the earning, and earns only on what points did not pay', () => {
    const s = sale('cust-1');
    const paid = sale('cust-1', {
      tenders: [
        { method: 'points', amount: 500, points: 500 },
        { method: 'card', amount: s.totals.gross - 500, reference: 'ch_1' },
      ],
    });
    expect(loyaltyEntries([paid]).map((e) => [e.reason, e.delta])).toEqual([
      ['redeem', -500],
      ['sale', Math.trunc((s.totals.gross - 500) / 100)],
    ]);
  });

  it('makes no earning entry when nothing is earned, and a return’s entry says return', () => {
    const s = sale('cust-1');
    const allPoints = sale('cust-1', {
      tenders: [{ method: 'points', amount: s.totals.gross, points: s.totals.gross }],
    });
    expect(loyaltyEntries([allPoints]).map((e) => e.reason)).toEqual(['redeem']);
    const ret = sale('cust-1', {
      kind: 'return',
      totals: { ...s.totals, gross: -s.totals.gross },
      tenders: [{ method: 'cash', amount: -s.totals.gross }],
    });
    expect(loyaltyEntries([ret])).toEqual([
      {
        customerId: 'cust-1',
        delta: -Math.trunc(s.totals.gross / 100),
        saleId: ret.id,
        storeId: 'store-1',
        reason: 'return',
      },
    ]);
  });
});

describe('overspent points', () => {
  const booked = (over: Partial<BookedEntry>): BookedEntry => ({
    customerId: 'cust-1',
    delta: -500,
    booked: -500,
    saleId: 'sale-1',
    storeId: 'store-1',
    reason: 'redeem',
    ...over,
  });

  it('raises one exception per spend the balance could not cover, saying what was short', () => {
    expect(overspendExceptions([booked({ booked: -120 })])).toEqual([
      {
        kind: 'points_overspent',
        storeId: 'store-1',
        sku: null,
        saleId: 'sale-1',
        message: 'sale spent 500 points but customer cust-1 had 120',
        details: { customerId: 'cust-1', requested: 500, booked: 120, short: 380 },
        dedupeKey: 'points_overspent:sale-1',
      },
    ]);
  });

  it('raises nothing for a spend booked in full, or for an earning', () => {
    expect(overspendExceptions([booked({}), booked({ reason: 'sale', delta: 40, booked: 0 })])).toEqual([]);
  });
});
