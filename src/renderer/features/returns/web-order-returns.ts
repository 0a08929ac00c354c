/**
 * Returns of web orders at the counter, the parts that need no screen: which earlier returns count (those
 * in this register's replica — its own, even before they are pushed — and those the hub holds from any
 * store, each once), how many units of each line are still returnable, and building the return: refunded
 * to the order's original card (the hub refunds it when the return reaches it, at once when online) or,
 * when the store allows, as store credit.
 */
import type { Result } from '@till/shared/result';
import { type ReturnLineRequest, buildReturn, returnableQuantities } from '@till/shared/domain/returns';
import { validated, type SaleContext } from '@till/shared/domain/sale-builder';
import type { SaleDocument } from '@till/shared/schemas/sale';
import type { WebOrder } from '@till/shared/schemas/web-order';

/** Where a web order's refund goes. */
export type WebRefundTo = 'original' | 'store_credit';

/** Every earlier return once (by id), oldest first, whichever source had it. */
export function mergeReturns(...sources: readonly (readonly SaleDocument[])[]): SaleDocument[] {
  const byId = new Map<string, SaleDocument>();
  for (const docs of sources) for (const d of docs) if (!byId.has(d.id)) byId.set(d.id, d);
  return [...byId.values()].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  );
}

/** Units of each order line still returnable after `previous` (returns of any order; others are ignored). */
export function webOrderReturnable(order: WebOrder, previous: readonly SaleDocument[]): Map<string, number> {
  return returnableQuantities({ kind: 'order', order }, previous);
}

/**
 * Builds the return of `requests` against `order`. The refund goes back over the order's payment (its card,
 * with the charge's reference, for the hub to refund), or all as store credit when `refundTo` says so.
 */
export function buildWebOrderReturn(args: {
  order: WebOrder;
  previous: readonly SaleDocument[];
  requests: readonly ReturnLineRequest[];
  context: SaleContext;
  number: string;
  refundTo: WebRefundTo;
  id?: string;
  now?: Date;
}): Result<SaleDocument> {
  const built = buildReturn({
    source: { kind: 'order', order: args.order },
    previousReturns: args.previous,
    requests: args.requests,
    context: args.context,
    number: args.number,
    ...(args.id ? { id: args.id } : {}),
    ...(args.now ? { now: args.now } : {}),
  });
  if (!built.ok || args.refundTo === 'original') return built;
  const refund = -built.value.totals.gross;
  return validated({
    ...built.value,
    tenders: refund > 0 ? [{ method: 'store_credit', amount: -refund }] : [],
  });
}
