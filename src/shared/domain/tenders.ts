/**
 * Tenders: settling what the customer hands over against the total (change only from cash), and splitting
 * a refund back over the tenders that paid for the original sale.
 */
import { type Result, fail, ok } from '../result';
import type { Tender } from '../schemas/sale';

/** A tender as entered at the counter, before change is worked out. */
export interface TenderInput {
  method: Tender['method'];
  amount: number;
  reference?: string;
  /** A `points` tender: the loyalty points it spends (`amount` is what they are worth). */
  points?: number;
}

/**
 * Works out change for a sale of `gross`: the tenders must cover it; only cash may exceed it, and the
 * excess comes back as change on the (last) cash tender. The result satisfies Σ amount − Σ change = gross.
 */
export function settleTenders(gross: number, tenders: readonly TenderInput[]): Result<Tender[]> {
  if (gross < 0) return fail('negative_total', 'use a refund for a negative total');
  for (const t of tenders) {
    if (!Number.isSafeInteger(t.amount) || t.amount <= 0) {
      return fail('tender_invalid', 'each tender is a positive integer of minor units');
    }
  }
  const paid = tenders.reduce((s, t) => s + t.amount, 0);
  if (paid < gross) return fail('underpaid', `tendered ${paid} of ${gross}`);
  const excess = paid - gross;
  const nonCash = tenders.filter((t) => t.method !== 'cash').reduce((s, t) => s + t.amount, 0);
  if (nonCash > gross) return fail('overpaid_non_cash', 'only cash can be given back as change');
  const lastCash = tenders.map((t) => t.method).lastIndexOf('cash');
  if (excess > 0 && lastCash === -1)
    return fail('overpaid_non_cash', 'only cash can be given back as change');
  const cashTendered = tenders.filter((t) => t.method === 'cash').reduce((s, t) => s + t.amount, 0);
  if (excess > cashTendered) return fail('overpaid_non_cash', 'change cannot exceed the cash tendered');
  return ok(
    tenders.map((t, i): Tender => {
      const tender: Tender = { method: t.method, amount: t.amount };
      if (t.reference) tender.reference = t.reference;
      if (t.points !== undefined) tender.points = t.points;
      if (t.method === 'cash') tender.change = i === lastCash ? excess : 0;
      return tender;
    }),
  );
}

/** What one original tender paid, net of change: its refundable capacity. */
export function tenderPaid(t: Tender): number {
  return t.amount - (t.change ?? 0);
}

/**
 * Splits `refund` (a positive amount) back over the original sale's tenders: card and other non-cash
 * tenders first, in their order, each up to what it paid less what was already refunded to it (so money
 * goes back to the original payment method), then cash. Returns negative tenders for a return document
 * carrying each card tender's `reference`. Refuses a refund larger than what is left to refund.
 * `refundedSoFar[i]` is what earlier returns already gave back to `original[i]` (positive numbers).
 */
export function splitRefund(
  refund: number,
  original: readonly Tender[],
  refundedSoFar: readonly number[] = [],
): Result<{ tenders: Tender[]; perOriginal: number[] }> {
  if (!Number.isSafeInteger(refund) || refund < 0)
    return fail('refund_invalid', 'a refund is a positive amount');
  const capacity = original.map((t, i) => Math.max(0, tenderPaid(t) - (refundedSoFar[i] ?? 0)));
  const left = capacity.reduce((a, b) => a + b, 0);
  if (refund > left)
    return fail('refund_exceeds_paid', `refund ${refund} exceeds the ${left} left to refund`);
  const order = original
    .map((t, i) => ({ i, cash: t.method === 'cash' }))
    .sort((a, b) => Number(a.cash) - Number(b.cash) || a.i - b.i);
  const perOriginal = original.map(() => 0);
  let remaining = refund;
  for (const { i } of order) {
    const part = Math.min(remaining, capacity[i] ?? 0);
    perOriginal[i] = part;
    remaining -= part;
  }
  const tenders: Tender[] = [];
  original.forEach((t, i) => {
    const part = perOriginal[i] ?? 0;
    if (part === 0) return;
    const tender: Tender = { method: t.method, amount: -part };
    if (t.reference) tender.reference = t.reference;
    tenders.push(tender);
  });
  return ok({ tenders, perOriginal });
}
