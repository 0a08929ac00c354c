/**
 * The shift's X report (any time mid-shift) and Z report (at close) from one pure function, and their
 * receipt-like layout. Expected cash is what should be in the drawer: the opening float, plus cash taken in
 * this register's sales of this shift less the change handed back, less cash refunded by returns, plus
 * paid-ins, less paid-outs. The variance is counted minus expected (negative: cash is missing).
 */
import type { SaleDocument, Tender } from '../schemas/sale';
import { DEFAULT_CASH_VARIANCE_APPROVAL } from '../schemas/settings';
import { type DenominationCount, type Shift, cashMovementsOf } from '../schemas/shift';
import { formatMoney } from './money';
import { type ReceiptLine, centered, leftRight, textWidth } from './receipt-layout';

/**
 * A variance larger than this (either way, in minor units) needs a manager's PIN to close the shift, unless
 * the store's settings say otherwise (`cashVarianceApproval`).
 */
export const VARIANCE_APPROVAL_THRESHOLD = DEFAULT_CASH_VARIANCE_APPROVAL;

/** One tender method's total over the shift: sales in, refunds out, net of change. */
export interface TenderTotal {
  method: Tender['method'];
  /** Taken in by sales (net of change). */
  sales: number;
  /** Given back by returns, as a positive amount. */
  refunds: number;
}

/** Everything an X or Z report says; all amounts in minor units of `currency`. */
export interface ShiftReport {
  /** `X` while the shift is open (a reading), `Z` once it is closed (the final one). */
  kind: 'X' | 'Z';
  shiftId: string;
  registerId: string;
  clerkId: string;
  currency: string;
  openedAt: string;
  closedAt: string | null;
  salesCount: number;
  returnsCount: number;
  /** Gross of the sales (tax included). */
  salesTotal: number;
  /** Gross given back by the returns, as a positive amount. */
  refundsTotal: number;
  byTender: TenderTotal[];
  openingFloat: number;
  cashSales: number;
  cashRefunds: number;
  paidIn: number;
  paidOut: number;
  paidInCount: number;
  paidOutCount: number;
  expectedCash: number;
  /** What was counted (the shift's count once closed, or the count being entered); null when not counted. */
  counted: number | null;
  /** `counted − expectedCash`, null when not counted. */
  variance: number | null;
}

const tenderOrder: readonly Tender['method'][] = [
  'cash',
  'card',
  'gift_card',
  'store_credit',
  'points',
  'other',
];

/**
 * Computes the report of `shift` from the sales and returns in `documents` (others, of other shifts or
 * registers, are ignored). `counted` is the count being entered at close; a closed shift uses its own.
 */
export function computeShiftReport(
  shift: Shift,
  documents: readonly SaleDocument[],
  counted: number | null = null,
): ShiftReport {
  const mine = documents.filter((d) => d.shiftId === shift.id && d.registerId === shift.registerId);
  const totals = new Map<Tender['method'], TenderTotal>();
  let salesCount = 0;
  let returnsCount = 0;
  let salesTotal = 0;
  let refundsTotal = 0;
  for (const doc of mine) {
    if (doc.kind === 'sale') {
      salesCount += 1;
      salesTotal += doc.totals.gross;
    } else {
      returnsCount += 1;
      refundsTotal -= doc.totals.gross;
    }
    for (const t of doc.tenders) {
      const row = totals.get(t.method) ?? { method: t.method, sales: 0, refunds: 0 };
      const net = t.amount - (t.change ?? 0);
      if (net >= 0) row.sales += net;
      else row.refunds -= net;
      totals.set(t.method, row);
    }
  }
  const byTender = tenderOrder.flatMap((m) => totals.get(m) ?? []);
  const cash = totals.get('cash') ?? { method: 'cash', sales: 0, refunds: 0 };
  const movements = cashMovementsOf(shift);
  const sum = (kind: 'paid_in' | 'paid_out') =>
    movements.filter((m) => m.kind === kind).reduce((s, m) => s + m.amount, 0);
  const paidIn = sum('paid_in');
  const paidOut = sum('paid_out');
  const expectedCash = shift.openingFloat + cash.sales - cash.refunds + paidIn - paidOut;
  const closed = shift.status === 'closed';
  // A closed shift keeps the expected cash it was closed against, so a late sync cannot rewrite its Z.
  const expected = closed && shift.expectedCash !== null ? shift.expectedCash : expectedCash;
  const count = closed ? (shift.countedCash ?? null) : counted;
  return {
    kind: closed ? 'Z' : 'X',
    shiftId: shift.id,
    registerId: shift.registerId,
    clerkId: shift.clerkId,
    currency: shift.currency,
    openedAt: shift.openedAt,
    closedAt: shift.closedAt,
    salesCount,
    returnsCount,
    salesTotal,
    refundsTotal,
    byTender,
    openingFloat: shift.openingFloat,
    cashSales: cash.sales,
    cashRefunds: cash.refunds,
    paidIn,
    paidOut,
    paidInCount: movements.filter((m) => m.kind === 'paid_in').length,
    paidOutCount: movements.filter((m) => m.kind === 'paid_out').length,
    expectedCash: expected,
    counted: count,
    variance: count === null ? null : count - expected,
  };
}

/** Whether closing with this variance needs a manager's PIN, above `threshold` either way. */
export function varianceNeedsApproval(variance: number, threshold = VARIANCE_APPROVAL_THRESHOLD): boolean {
  return Math.abs(variance) > threshold;
}

/** The bills and coins of a currency, largest first, in minor units (USD today; others count one total). */
export function cashDenominations(currency: string): readonly number[] {
  if (currency === 'USD') return [10_000, 5_000, 2_000, 1_000, 500, 100, 25, 10, 5, 1];
  return [];
}

/** The total of a count by denomination, in minor units. */
export function countTotal(counts: readonly DenominationCount[]): number {
  return counts.reduce((s, c) => s + c.denomination * c.count, 0);
}

/** How a report is printed: the paper's width, the store's locale and name, how times read. */
export interface ShiftReportLayoutOptions {
  columns: 32 | 42 | 48;
  locale: string;
  storeName: string;
  /** Formats an ISO time for people (the caller's time zone). */
  formatTime: (iso: string) => string;
  /** The clerk's name instead of their id, when known. */
  clerkName?: string;
}

const tenderNames: Record<Tender['method'], string> = {
  cash: 'Cash',
  card: 'Card',
  gift_card: 'Gift card',
  store_credit: 'Store credit',
  other: 'Other',
  points: 'Loyalty points',
};

/** Lays `report` out like a receipt: every line exactly `columns` wide. */
export function layoutShiftReport(report: ShiftReport, options: ShiftReportLayoutOptions): ReceiptLine[] {
  const { columns } = options;
  const money = (minor: number) => formatMoney(minor, report.currency, options.locale);
  const out: ReceiptLine[] = [];
  const pad = (t: string) => t + ' '.repeat(Math.max(0, columns - textWidth(t)));
  const add = (texts: string[], style?: ReceiptLine['style']) =>
    texts.forEach((t) => out.push(style ? { text: pad(t), style } : { text: pad(t) }));
  const row = (left: string, amount: number, style?: ReceiptLine['style']) =>
    add(leftRight(left, money(amount), columns), style);
  const rule = () => add(['-'.repeat(columns)]);

  add(centered(report.kind === 'Z' ? 'Z REPORT - SHIFT CLOSED' : 'X REPORT - MID-SHIFT', columns), 'bold');
  add(centered(options.storeName, columns));
  add(leftRight('Register', report.registerId, columns));
  add(leftRight('Clerk', options.clerkName ?? report.clerkId, columns));
  add(leftRight('Opened', options.formatTime(report.openedAt), columns));
  if (report.closedAt) add(leftRight('Closed', options.formatTime(report.closedAt), columns));
  add(leftRight('Shift', report.shiftId, columns));
  rule();
  row(`Sales (${report.salesCount})`, report.salesTotal);
  row(`Returns (${report.returnsCount})`, -report.refundsTotal);
  row('Net', report.salesTotal - report.refundsTotal, 'bold');
  if (report.byTender.length > 0) {
    add(['By tender']);
    for (const t of report.byTender) {
      row(`  ${tenderNames[t.method]}`, t.sales);
      if (t.refunds > 0) row(`  ${tenderNames[t.method]} refunds`, -t.refunds);
    }
  }
  rule();
  add(['Cash drawer']);
  row('  Opening float', report.openingFloat);
  row('  Cash sales', report.cashSales);
  row('  Cash refunds', -report.cashRefunds);
  row(`  Paid in (${report.paidInCount})`, report.paidIn);
  row(`  Paid out (${report.paidOutCount})`, -report.paidOut);
  row('Expected cash', report.expectedCash, 'bold');
  if (report.counted !== null && report.variance !== null) {
    row('Counted cash', report.counted);
    row('Variance', report.variance, 'bold');
  }
  rule();
  add(centered(report.kind === 'Z' ? 'End of shift' : 'Reading only - shift still open', columns));
  return out;
}
