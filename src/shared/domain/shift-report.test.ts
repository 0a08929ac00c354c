import { describe, expect, it } from 'vitest';
import { aShift } from '../../../test/support/domain-fixtures';
import { makeSale } from '../../../test/support/sales';
import type { SaleDocument } from '../schemas/sale';
import { type Shift, shiftSchema } from '../schemas/shift';
import { textWidth } from './receipt-layout';
import {
  cashDenominations,
  computeShiftReport,
  countTotal,
  layoutShiftReport,
  varianceNeedsApproval,
} from './shift-report';

/** The open shift the sales below were rung up in (makeSale's register), with a $100.00 float. */
const shift = aShift({
  id: 'shift-1',
  registerId: 'reg-test',
  status: 'open',
  openedAt: '2026-12-01T08:00:00.000Z',
  openingFloat: 10_000,
  cashMovements: [
    {
      id: '0190f0f0-0000-7000-8000-000000000001',
      kind: 'paid_out',
      amount: 500,
      reason: 'Window cleaner',
      at: '2026-12-01T09:00:00.000Z',
      staffId: 'staff-bob',
    },
    {
      id: '0190f0f0-0000-7000-8000-000000000002',
      kind: 'paid_in',
      amount: 2_000,
      reason: 'Change from bank',
      at: '2026-12-01T10:00:00.000Z',
      staffId: 'staff-alice',
    },
  ],
  updatedAt: '2026-12-01T10:00:00.000Z',
});

/** A $12.00 sale paid with a $20 bill ($8.00 change). */
const cashSale = makeSale('store-1', [{ sku: 'A', qty: 12 }], {
  shiftId: 'shift-1',
  tenders: [{ method: 'cash', amount: 2_000, change: 800 }],
});
/** A $3.00 sale on card. */
const cardSale = makeSale('store-1', [{ sku: 'B', qty: 3 }], {
  shiftId: 'shift-1',
  tenders: [{ method: 'card', amount: 300, reference: 'ch_1' }],
});
/** A $2.00 return refunded in cash. */
const cashReturn: SaleDocument = {
  ...makeSale('store-1', [{ sku: 'A', qty: -2 }], { shiftId: 'shift-1' }),
  kind: 'return',
  returnOf: { saleId: cashSale.id },
  lines: [{ ...cashSale.lines[0]!, qty: -2, net: -200, gross: -200 }],
  totals: { net: -200, tax: 0, gross: -200, discount: 0 },
  tenders: [{ method: 'cash', amount: -200 }],
};
const otherShift = makeSale('store-1', [{ sku: 'A', qty: 50 }], {
  shiftId: 'shift-0',
  tenders: [{ method: 'cash', amount: 5_000 }],
});
const otherRegister = { ...cashSale, id: 'x', registerId: 'reg-other' };

describe('computeShiftReport', () => {
  const docs = [cashSale, cardSale, cashReturn, otherShift, otherRegister];

  it('expected cash is float + cash sales − change − cash refunds + paid-ins − paid-outs', () => {
    const r = computeShiftReport(shift, docs);
    expect(r.kind).toBe('X');
    expect(r).toMatchObject({
      salesCount: 2,
      returnsCount: 1,
      salesTotal: 1_500,
      refundsTotal: 200,
      cashSales: 1_200,
      cashRefunds: 200,
      paidIn: 2_000,
      paidOut: 500,
      paidInCount: 1,
      paidOutCount: 1,
      expectedCash: 10_000 + 1_200 - 200 + 2_000 - 500,
      counted: null,
      variance: null,
    });
    expect(r.byTender).toEqual([
      { method: 'cash', sales: 1_200, refunds: 200 },
      { method: 'card', sales: 300, refunds: 0 },
    ]);
  });

  it('a count gives the variance (counted − expected)', () => {
    expect(computeShiftReport(shift, docs, 12_400).variance).toBe(-100);
  });

  it('a closed shift is a Z report against the expected cash and count it was closed with', () => {
    const closed: Shift = {
      ...shift,
      status: 'closed',
      closedAt: '2026-12-01T17:00:00.000Z',
      closedBy: 'staff-bob',
      expectedCash: 12_500,
      countedCash: 12_000,
    };
    // A sale that synced late does not rewrite a closed shift's Z report.
    const late = makeSale('store-1', [{ sku: 'A', qty: 1 }], {
      shiftId: 'shift-1',
      tenders: [{ method: 'cash', amount: 100 }],
    });
    const r = computeShiftReport(closed, [...docs, late], 99_999);
    expect(r).toMatchObject({ kind: 'Z', expectedCash: 12_500, counted: 12_000, variance: -500 });
  });

  it('a shift written before cash movements existed has none', () => {
    const { cashMovements: _m, counted: _c, ...old } = shift;
    expect(computeShiftReport(old, []).expectedCash).toBe(10_000);
  });
});

describe('counting and approval', () => {
  it('USD bills and coins sum to the count', () => {
    expect(cashDenominations('USD')).toContain(2_000);
    expect(
      countTotal([
        { denomination: 2_000, count: 4 },
        { denomination: 500, count: 3 },
        { denomination: 25, count: 2 },
      ]),
    ).toBe(9_550);
  });

  it('only a variance above the threshold needs a manager', () => {
    expect(varianceNeedsApproval(500)).toBe(false);
    expect(varianceNeedsApproval(-500)).toBe(false);
    expect(varianceNeedsApproval(501)).toBe(true);
    expect(varianceNeedsApproval(-501)).toBe(true);
  });
});

describe('shift schema', () => {
  it('refuses a paid-out of zero and a paid-out with no reason', () => {
    const bad = (over: object) =>
      shiftSchema.safeParse({ ...shift, cashMovements: [{ ...shift.cashMovements![0], ...over }] }).success;
    expect(bad({})).toBe(true);
    expect(bad({ amount: 0 })).toBe(false);
    expect(bad({ reason: '' })).toBe(false);
    expect(bad({ amount: 1.5 })).toBe(false);
  });
});

describe('layoutShiftReport', () => {
  it.each([32, 42, 48] as const)('lays every line out at exactly %i columns', (columns) => {
    const lines = layoutShiftReport(computeShiftReport(shift, [cashSale, cashReturn], 12_400), {
      columns,
      locale: 'en-US',
      storeName: 'Demo Store',
      formatTime: (iso) => iso.slice(0, 16).replace('T', ' '),
    });
    for (const l of lines) expect(textWidth(l.text)).toBe(columns);
    const text = lines.map((l) => l.text).join('\n');
    expect(text).toContain('X REPORT');
    expect(text).toMatch(/Expected cash +\$125\.00/);
    expect(text).toMatch(/Paid out \(1\) +-\$5\.00/);
    expect(text).toMatch(/Variance +-\$1\.00/);
  });
});
