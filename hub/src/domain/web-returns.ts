/**
 * Web orders returned at a counter (BORIS). A register records the return as a sale of kind `return`
 * naming the order (`returnOf: { orderId }`) and pushes it with its other sales; the stock comes back
 * through the sales statement like any return (resellable units into sellable stock, damaged ones
 * recorded only). Before the push is applied, every such return is checked against the order — it must
 * exist, be in its currency, give back no more units than were ordered and refund no more than was paid,
 * counting every earlier return of it at any store, and refund a card only to the order's own charge — and
 * one that breaks a rule is refused by name (`400 invalid_documents`), so nothing of that request is
 * applied. After it is applied, each return's refund is recorded once (keyed by the return's id) and the
 * order shows it (`returns`); card refunds are then settled with the gateway (domain/refunds.ts).
 */
import type { SaleDocument } from '@till/shared/schemas/sale';
import type { DocumentProblem } from '@till/shared/sync/protocol';
import type { WebOrder } from '@till/shared/schemas/web-order';
import type { OrderReturn, ReturnRefund } from '@till/shared/schemas/web-order-return';
import type { Queryable } from '../db/port';
import type { WebReturnRow } from '../repositories/web-returns';
import type { DomainContext } from './context';

/** The statuses of an order the customer has in hand, so it can come back. */
const RETURNABLE: readonly WebOrder['status'][] = ['collected', 'shipped', 'returned'];

/** A return document that gives back a web order. */
export type OrderReturnDocument = SaleDocument & { returnOf: { orderId: string } };

/** The returns among `docs` that give back a web order. */
export function orderReturnsIn(docs: readonly SaleDocument[]): OrderReturnDocument[] {
  return docs.filter(
    (d): d is OrderReturnDocument => d.kind === 'return' && !!d.returnOf && 'orderId' in d.returnOf,
  );
}

/** How a return pays its refund out, and how much (positive). */
export function refundOf(
  doc: SaleDocument,
): Pick<ReturnRefund, 'method' | 'amount'> & { reference: string | null } {
  const paid = doc.tenders.filter((t) => t.amount < 0);
  const card = paid.find((t) => t.method === 'card');
  const first = card ? 'card' : paid[0]?.method;
  const method = first === 'card' || first === 'store_credit' || first === 'cash' ? first : 'other';
  return {
    method,
    amount: -doc.totals.gross,
    reference: card?.reference ?? null,
  };
}

/** Units already given back per order line, from recorded refunds. */
function unitsBack(rows: readonly Pick<WebReturnRow, 'lines' | 'state'>[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) for (const l of r.lines) out.set(l.lineId, (out.get(l.lineId) ?? 0) + l.qty);
  return out;
}

/** The lines a return gives back, in the order's summary form. */
function returnedLines(doc: SaleDocument): OrderReturn['lines'] {
  return doc.lines.map((l) => ({
    lineId: l.returnOfLineId ?? l.lineId,
    qty: -l.qty,
    disposition: l.disposition ?? 'resellable',
  }));
}

/** The rules one return breaks against its order, given what was returned and refunded before it. */
function problemsOf(
  doc: OrderReturnDocument,
  order: WebOrder | null,
  before: { units: Map<string, number>; refunded: number },
): DocumentProblem[] {
  const id = doc.id;
  if (!order) return [{ id, code: 'unknown_order', message: `no web order ${doc.returnOf.orderId}` }];
  const out: DocumentProblem[] = [];
  if (!RETURNABLE.includes(order.status)) {
    out.push({
      id,
      code: 'order_not_returnable',
      message: `order ${order.number} is ${order.status}: only a collected or shipped order comes back`,
    });
  }
  if (order.currency !== doc.currency) {
    out.push({ id, code: 'currency_mismatch', message: `order ${order.number} is in ${order.currency}` });
  }
  for (const l of returnedLines(doc)) {
    const line = order.lines.find((o) => o.lineId === l.lineId);
    if (!line) {
      out.push({ id, code: 'line_not_found', message: `order ${order.number} has no line ${l.lineId}` });
      continue;
    }
    const back = (before.units.get(l.lineId) ?? 0) + l.qty;
    if (back > line.qty) {
      out.push({
        id,
        code: 'return_exceeds_sold',
        message: `order ${order.number} had ${line.qty} of ${line.sku}; ${back} would be returned`,
      });
    }
    before.units.set(l.lineId, back);
  }
  const refund = refundOf(doc);
  if (refund.method === 'card' && refund.reference !== order.payment.reference) {
    out.push({
      id,
      code: 'refund_wrong_payment',
      message: 'a card refund goes back to the order’s own charge',
    });
  }
  if (before.refunded + refund.amount > order.payment.amount) {
    out.push({
      id,
      code: 'refund_exceeds_paid',
      message: `order ${order.number} was paid ${order.payment.amount}; ${before.refunded} is refunded already and this return asks ${refund.amount}`,
    });
  }
  before.refunded += refund.amount;
  return out;
}

/**
 * Checks the web-order returns of a push against their orders; returns the problems (none: all sound).
 * A return already recorded is a re-sent push and is not checked again.
 */
export async function webReturnProblems(
  ctx: DomainContext,
  docs: readonly SaleDocument[],
): Promise<DocumentProblem[]> {
  const returns = orderReturnsIn(docs);
  if (returns.length === 0) return [];
  const recorded = new Set(
    (await ctx.repos.webReturns.byIds(returns.map((r) => r.id))).map((r) => r.returnId),
  );
  const problems: DocumentProblem[] = [];
  const seen = new Map<string, { order: WebOrder | null; units: Map<string, number>; refunded: number }>();
  for (const doc of returns) {
    if (recorded.has(doc.id)) continue;
    const orderId = doc.returnOf.orderId;
    let state = seen.get(orderId);
    if (!state) {
      const [order, rows] = await Promise.all([
        ctx.repos.webOrders.byIdOrNumber(orderId),
        ctx.repos.webReturns.byOrder(orderId),
      ]);
      const counted = rows.filter((r) => r.state !== 'refused');
      state = {
        order: order && order.id === orderId ? order : null,
        units: unitsBack(counted),
        refunded: counted.reduce((s, r) => s + r.amount, 0),
      };
      seen.set(orderId, state);
    }
    problems.push(...problemsOf(doc, state.order, state));
  }
  return problems;
}

/** The refund row a stored return starts with: a card refund pending, anything else settled at the counter. */
function initialRow(doc: OrderReturnDocument): Omit<WebReturnRow, 'settledAt'> {
  const refund = refundOf(doc);
  const state =
    refund.method === 'card' && refund.amount > 0
      ? 'pending'
      : refund.method === 'store_credit'
        ? 'credited'
        : 'paid';
  return {
    returnId: doc.id,
    orderId: doc.returnOf.orderId,
    storeId: doc.storeId,
    number: doc.number,
    method: refund.method,
    amount: refund.amount,
    currency: doc.currency,
    chargeReference: refund.reference,
    state,
    refundReference: null,
    last4: null,
    code: null,
    message: null,
    lines: returnedLines(doc),
    createdAt: doc.createdAt,
  };
}

/** The order's summary of one recorded return. */
export function summaryOf(row: WebReturnRow | Omit<WebReturnRow, 'settledAt'>): OrderReturn {
  return {
    returnId: row.returnId,
    number: row.number,
    storeId: row.storeId,
    createdAt: row.createdAt,
    lines: row.lines,
    refund: { method: row.method, amount: row.amount, state: row.state, last4: row.last4, code: row.code },
  };
}

/**
 * Rewrites an order's `returns` from its recorded refunds (and, once every unit is back, moves a collected
 * or shipped order to `returned`), announcing the change to the registers of its pickup store.
 */
export async function refreshOrderReturns(ctx: DomainContext, tx: Queryable, orderId: string): Promise<void> {
  const found = await ctx.repos.webOrders.lock(orderId, tx);
  if (!found) return;
  const rows = await ctx.repos.webReturns.byOrder(orderId, tx);
  const order = found.doc;
  const units = unitsBack(rows.filter((r) => r.state !== 'refused'));
  const allBack = order.lines.every((l) => (units.get(l.lineId) ?? 0) >= l.qty);
  const status =
    allBack && (order.status === 'collected' || order.status === 'shipped') ? 'returned' : order.status;
  const updated: WebOrder = {
    ...order,
    status,
    returns: rows.slice(-100).map(summaryOf),
    updatedAt: new Date().toISOString(),
  };
  await ctx.repos.webOrders.updateStatus(updated, tx);
  if (found.pickupStoreId) await ctx.repos.changes.notify([['orders', found.pickupStoreId]], [], tx);
}

/**
 * Records the refund of each stored web-order return that has none yet, and shows it on its order. Returns
 * every return's refund row (new or recorded before), for the card refunds still to settle.
 */
export async function recordWebReturns(
  ctx: DomainContext,
  docs: readonly SaleDocument[],
): Promise<WebReturnRow[]> {
  const returns = orderReturnsIn(docs);
  if (returns.length === 0) return [];
  await ctx.db.transaction(async (tx) => {
    const fresh = await ctx.repos.webReturns.insert(returns.map(initialRow), tx);
    const orders = new Set(returns.filter((r) => fresh.includes(r.id)).map((r) => r.returnOf.orderId));
    // In id order, as every statement that locks orders takes them.
    for (const orderId of [...orders].sort()) await refreshOrderReturns(ctx, tx, orderId);
  });
  return ctx.repos.webReturns.byIds(returns.map((r) => r.id));
}
