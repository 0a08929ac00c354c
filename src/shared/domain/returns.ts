/**
 * Returns against a sale or a web order: never more units than were sold (across several partial
 * returns), refunds that give back exactly what was paid for those units, discounts included, and the
 * refund split back over the original tenders (card first, so money goes back where it came from).
 *
 * Amounts use a cumulative rule: after returning c of q units of a line, the total refunded for that line
 * is round(paid × c / q). Each return refunds the difference from what was already refunded, so any
 * sequence of partial returns refunds at most what was paid and exactly that once every unit is back.
 */
import { type Result, fail } from '../result';
import type { Disposition, SaleDocument, SaleLine, Tender } from '../schemas/sale';
import type { WebOrder } from '../schemas/web-order';
import { roundDiv } from './money';
import type { PricedCart } from './pricing';
import { type SaleContext, newDocumentId, validated } from './sale-builder';
import { splitRefund } from './tenders';

/** What is being returned: a sale document or a web order. */
export type ReturnSource = { kind: 'sale'; sale: SaleDocument } | { kind: 'order'; order: WebOrder };

/** One line the customer brings back: how many units (positive) and where they go. */
export interface ReturnLineRequest {
  lineId: string;
  qty: number;
  disposition: Disposition;
}

type SourceLine = Pick<
  SaleLine,
  'lineId' | 'sku' | 'name' | 'qty' | 'unitPrice' | 'discount' | 'net' | 'tax' | 'taxCode'
>;

function sourceOf(source: ReturnSource): {
  lines: SourceLine[];
  tenders: Tender[];
  returnOf: NonNullable<SaleDocument['returnOf']>;
  currency: string;
} {
  if (source.kind === 'sale') {
    return {
      lines: source.sale.lines,
      tenders: source.sale.tenders,
      returnOf: { saleId: source.sale.id },
      currency: source.sale.currency,
    };
  }
  const { payment } = source.order;
  return {
    lines: source.order.lines,
    tenders: [{ method: payment.method, amount: payment.amount, reference: payment.reference }],
    returnOf: { orderId: source.order.id },
    currency: source.order.currency,
  };
}

/** The earlier returns that reference the same sale or order. */
function priorReturnsOf(returnOf: NonNullable<SaleDocument['returnOf']>, returns: readonly SaleDocument[]) {
  return returns.filter((r) => {
    if (r.kind !== 'return' || !r.returnOf) return false;
    if ('saleId' in returnOf) return 'saleId' in r.returnOf && r.returnOf.saleId === returnOf.saleId;
    return 'orderId' in r.returnOf && r.returnOf.orderId === returnOf.orderId;
  });
}

/** Units, net, tax and discount already given back per original line (as positive numbers). */
function alreadyReturned(prior: readonly SaleDocument[]) {
  const byLine = new Map<string, { qty: number; net: number; tax: number; discount: number }>();
  for (const r of prior) {
    for (const l of r.lines) {
      const key = l.returnOfLineId ?? l.lineId;
      const seen = byLine.get(key) ?? { qty: 0, net: 0, tax: 0, discount: 0 };
      byLine.set(key, {
        qty: seen.qty - l.qty,
        net: seen.net - l.net,
        tax: seen.tax - l.tax,
        discount: seen.discount - l.discount,
      });
    }
  }
  return byLine;
}

/** How many units of each original line can still be returned. */
export function returnableQuantities(
  source: ReturnSource,
  previousReturns: readonly SaleDocument[],
): Map<string, number> {
  const { lines, returnOf } = sourceOf(source);
  const returned = alreadyReturned(priorReturnsOf(returnOf, previousReturns));
  return new Map(lines.map((l) => [l.lineId, Math.max(0, l.qty - (returned.get(l.lineId)?.qty ?? 0))]));
}

/** The cumulative share of `paid` for `units` of `sold`, less what was already given back, within bounds. */
function share(paid: number, units: number, sold: number, already: number): number {
  const target = units === sold ? paid : roundDiv(paid * units, sold);
  return Math.min(Math.max(target - already, 0), paid - already);
}

/**
 * Where a refund goes: back over the original tenders (card first), or all in cash — which a manager must
 * approve when the original was paid otherwise (the card terminal is down, the card is gone).
 */
export type RefundTo = 'original' | 'cash';

/**
 * Builds a return document for `requests` against `source`, given every earlier return of it. The
 * document's lines are negative; its tenders give the refund back over the original tenders, or in one
 * cash tender when `refundTo` is `cash` (the amount is the same; what is left to refund per original tender
 * is still worked out from the totals, so later returns stay within what was paid).
 */
export function buildReturn(args: {
  source: ReturnSource;
  previousReturns: readonly SaleDocument[];
  requests: readonly ReturnLineRequest[];
  context: SaleContext;
  number: string;
  approvals?: SaleDocument['approvals'];
  refundTo?: RefundTo;
  now?: Date;
  id?: string;
}): Result<SaleDocument> {
  const src = sourceOf(args.source);
  if (src.currency !== args.context.currency) {
    return fail(
      'currency_mismatch',
      `the original is in ${src.currency}, the store in ${args.context.currency}`,
    );
  }
  if (args.requests.length === 0) return fail('return_empty', 'choose at least one item to return');
  const prior = priorReturnsOf(src.returnOf, args.previousReturns);
  const returned = alreadyReturned(prior);
  const requested = new Set<string>();
  const lines: SaleLine[] = [];

  for (const req of args.requests) {
    const line = src.lines.find((l) => l.lineId === req.lineId);
    if (!line) return fail('line_not_found', `the original has no line ${req.lineId}`);
    if (requested.has(req.lineId)) return fail('line_repeated', `line ${req.lineId} is listed twice`);
    requested.add(req.lineId);
    if (!Number.isSafeInteger(req.qty) || req.qty <= 0)
      return fail('qty_invalid', 'return a positive whole quantity');
    const before = returned.get(line.lineId) ?? { qty: 0, net: 0, tax: 0, discount: 0 };
    const left = line.qty - before.qty;
    if (req.qty > left) {
      return fail(
        'return_exceeds_sold',
        `only ${left} of ${line.name} can still be returned (asked ${req.qty})`,
      );
    }
    const units = before.qty + req.qty;
    const net = share(line.net, units, line.qty, before.net);
    const tax = share(line.tax, units, line.qty, before.tax);
    const discount = share(line.discount, units, line.qty, before.discount);
    lines.push({
      lineId: line.lineId,
      sku: line.sku,
      name: line.name,
      qty: -req.qty,
      unitPrice: line.unitPrice,
      discount: -discount || 0,
      net: -net || 0,
      tax: -tax || 0,
      gross: -(net + tax) || 0,
      taxCode: line.taxCode,
      disposition: req.disposition,
      returnOfLineId: line.lineId,
    });
  }

  const refund = -lines.reduce((s, l) => s + l.gross, 0);
  const priorTotal = -prior.reduce((s, r) => s + r.totals.gross, 0);
  const before = splitRefund(priorTotal, src.tenders);
  if (!before.ok) return before;
  const split = splitRefund(refund, src.tenders, before.value.perOriginal);
  if (!split.ok) return split;

  const totals = lines.reduce(
    (t, l) => ({
      net: t.net + l.net,
      tax: t.tax + l.tax,
      gross: t.gross + l.gross,
      discount: t.discount + l.discount,
    }),
    { net: 0, tax: 0, gross: 0, discount: 0 },
  );
  const doc: SaleDocument = {
    id: args.id ?? newDocumentId(),
    kind: 'return',
    storeId: args.context.storeId,
    registerId: args.context.registerId,
    number: args.number,
    createdAt: (args.now ?? new Date()).toISOString(),
    currency: args.context.currency,
    clerkId: args.context.clerkId,
    customerId: args.context.customerId,
    shiftId: args.context.shiftId ?? null,
    lines,
    tenders: args.refundTo === 'cash' ? cashRefund(refund) : split.value.tenders,
    totals,
    returnOf: src.returnOf,
  };
  if (args.approvals && args.approvals.length > 0) doc.approvals = args.approvals;
  return validated(doc);
}

/** One cash tender paying out `refund` (none for a refund of zero). */
function cashRefund(refund: number): Tender[] {
  return refund > 0 ? [{ method: 'cash', amount: -refund }] : [];
}

/**
 * Whether refunding `source` all in cash differs from its original tenders (some were not cash), which a
 * manager must approve.
 */
export function cashRefundNeedsApproval(source: ReturnSource): boolean {
  return sourceOf(source).tenders.some((t) => t.method !== 'cash' && t.amount > 0);
}

/**
 * Builds a return without a receipt (`returnOf: null`): the items priced as they sell today (`priced`,
 * from `priceCart`), every line given back with its disposition, refunded in cash. Only with a manager's
 * `return_without_receipt` approval (docs/architecture.md, Data rules).
 */
export function buildReturnWithoutReceipt(args: {
  priced: PricedCart;
  dispositions: ReadonlyMap<string, Disposition>;
  context: SaleContext;
  number: string;
  approvals: NonNullable<SaleDocument['approvals']>;
  now?: Date;
  id?: string;
}): Result<SaleDocument> {
  const { priced, context } = args;
  if (!args.approvals.some((a) => a.kind === 'return_without_receipt')) {
    return fail('approval_missing', 'a return without a receipt needs a manager’s approval');
  }
  if (priced.currency !== context.currency) {
    return fail('currency_mismatch', `the items are in ${priced.currency}, the store in ${context.currency}`);
  }
  if (priced.lines.length === 0) return fail('return_empty', 'choose at least one item to return');
  const lines: SaleLine[] = [];
  for (const l of priced.lines) {
    if (!Number.isSafeInteger(l.qty) || l.qty <= 0)
      return fail('qty_invalid', 'return a positive whole quantity');
    const disposition = args.dispositions.get(l.lineId);
    if (!disposition) return fail('disposition_missing', `say where ${l.name} goes: resellable or damaged`);
    lines.push({
      lineId: l.lineId,
      sku: l.sku,
      name: l.name,
      qty: -l.qty,
      unitPrice: l.unitPrice,
      discount: -l.discount || 0,
      net: -l.net || 0,
      tax: -l.tax || 0,
      gross: -l.gross || 0,
      taxCode: l.taxCode,
      disposition,
    });
  }
  const totals = {
    net: -priced.totals.net || 0,
    tax: -priced.totals.tax || 0,
    gross: -priced.totals.gross || 0,
    discount: -priced.totals.discount || 0,
  };
  const doc: SaleDocument = {
    id: args.id ?? newDocumentId(),
    kind: 'return',
    storeId: context.storeId,
    registerId: context.registerId,
    number: args.number,
    createdAt: (args.now ?? new Date()).toISOString(),
    currency: context.currency,
    clerkId: context.clerkId,
    customerId: context.customerId,
    shiftId: context.shiftId ?? null,
    lines,
    tenders: cashRefund(-totals.gross),
    totals,
    returnOf: null,
    approvals: args.approvals,
  };
  return validated(doc);
}

/** Tenders of a web order's payment in sale-document form (for refunds against it). */
export function orderTenders(order: WebOrder): Tender[] {
  return sourceOf({ kind: 'order', order }).tenders;
}
