/**
 * Pins the printed X and Z reports line by line (every label, sign, section and the closing footer), how
 * paid-ins and paid-outs are counted separately, and that only USD has bills and coins to count.
 */
import { describe, expect, it } from 'vitest';
import { aShift } from '../../../test/support/domain-fixtures';
import {
  type ShiftReport,
  type ShiftReportLayoutOptions,
  cashDenominations,
  computeShiftReport,
  layoutShiftReport,
} from './shift-report';

const options: ShiftReportLayoutOptions = {
  columns: 32,
  locale: 'en-US',
  storeName: 'Demo Store',
  formatTime: (iso) => iso.slice(11, 16),
};

/** A closed shift with sales and returns on two tenders, counted $0.50 short. */
const zReport: ShiftReport = {
  kind: 'Z',
  shiftId: 'shift-9',
  registerId: 'reg-2',
  clerkId: 'staff-amy',
  currency: 'USD',
  openedAt: '2026-12-01T08:00:00.000Z',
  closedAt: '2026-12-01T17:00:00.000Z',
  salesCount: 3,
  returnsCount: 2,
  salesTotal: 5_000,
  refundsTotal: 700,
  byTender: [
    { method: 'cash', sales: 3_000, refunds: 0 },
    { method: 'card', sales: 2_000, refunds: 700 },
  ],
  openingFloat: 10_000,
  cashSales: 3_000,
  cashRefunds: 400,
  paidIn: 1_500,
  paidOut: 250,
  paidInCount: 2,
  paidOutCount: 1,
  expectedCash: 13_850,
  counted: 13_800,
  variance: -50,
};

/** An open shift with no sales yet and nothing counted. */
const xReport: ShiftReport = {
  ...zReport,
  kind: 'X',
  closedAt: null,
  salesCount: 0,
  returnsCount: 0,
  salesTotal: 0,
  refundsTotal: 0,
  byTender: [],
  cashSales: 0,
  cashRefunds: 0,
  counted: null,
  variance: null,
};

/** Each line without its right padding, with its style when it has one. */
const printed = (report: ShiftReport, over: Partial<ShiftReportLayoutOptions> = {}) =>
  layoutShiftReport(report, { ...options, ...over }).map((l) =>
    l.style ? [l.text.trimEnd(), l.style] : [l.text.trimEnd()],
  );

describe('layoutShiftReport printout', () => {
  it('prints a Z report with the close time, each tender with its refunds, and the count', () => {
    expect(printed(zReport)).toEqual([
      ['    Z REPORT - SHIFT CLOSED', 'bold'],
      ['           Demo Store'],
      ['Register                   reg-2'],
      ['Clerk                  staff-amy'],
      ['Opened                     08:00'],
      ['Closed                     17:00'],
      ['Shift                    shift-9'],
      ['--------------------------------'],
      ['Sales (3)                 $50.00'],
      ['Returns (2)               -$7.00'],
      ['Net                       $43.00', 'bold'],
      ['By tender'],
      ['  Cash                    $30.00'],
      // Cash gave nothing back, so it has no refunds line; the card did.
      ['  Card                    $20.00'],
      ['  Card refunds            -$7.00'],
      ['--------------------------------'],
      ['Cash drawer'],
      ['  Opening float          $100.00'],
      ['  Cash sales              $30.00'],
      ['  Cash refunds            -$4.00'],
      ['  Paid in (2)             $15.00'],
      ['  Paid out (1)            -$2.50'],
      ['Expected cash            $138.50', 'bold'],
      ['Counted cash             $138.00'],
      ['Variance                  -$0.50', 'bold'],
      ['--------------------------------'],
      ['          End of shift'],
    ]);
  });

  it('prints an X report with no close time, no tender section when nothing was taken, and no count', () => {
    expect(printed(xReport, { clerkName: 'Amy' })).toEqual([
      ['      X REPORT - MID-SHIFT', 'bold'],
      ['           Demo Store'],
      ['Register                   reg-2'],
      ['Clerk                        Amy'],
      ['Opened                     08:00'],
      ['Shift                    shift-9'],
      ['--------------------------------'],
      ['Sales (0)                  $0.00'],
      ['Returns (0)                $0.00'],
      ['Net                        $0.00', 'bold'],
      ['--------------------------------'],
      ['Cash drawer'],
      ['  Opening float          $100.00'],
      ['  Cash sales               $0.00'],
      ['  Cash refunds             $0.00'],
      ['  Paid in (2)             $15.00'],
      ['  Paid out (1)            -$2.50'],
      ['Expected cash            $138.50', 'bold'],
      ['--------------------------------'],
      ['Reading only - shift still open'],
    ]);
  });
});

describe('computeShiftReport cash movements', () => {
  const movement = (n: number, kind: 'paid_in' | 'paid_out', amount: number) => ({
    id: `0190f0f0-0000-7000-8000-00000000000${n}`,
    kind,
    amount,
    reason: 'Float top-up',
    at: '2026-12-01T09:00:00.000Z',
    staffId: 'staff-amy',
  });
  const shift = aShift({
    openingFloat: 10_000,
    cashMovements: [movement(1, 'paid_in', 1_000), movement(2, 'paid_in', 500), movement(3, 'paid_out', 250)],
  });

  it('counts paid-ins and paid-outs each on their own', () => {
    const r = computeShiftReport(shift, []);
    expect(r).toMatchObject({ paidIn: 1_500, paidOut: 250, paidInCount: 2, paidOutCount: 1 });
    expect(r.expectedCash).toBe(10_000 + 1_500 - 250);
  });
});

describe('cashDenominations', () => {
  it('lists USD bills and coins, largest first, and nothing for other currencies', () => {
    expect(cashDenominations('USD')).toEqual([10_000, 5_000, 2_000, 1_000, 500, 100, 25, 10, 5, 1]);
    expect(cashDenominations('EUR')).toEqual([]);
  });
});
