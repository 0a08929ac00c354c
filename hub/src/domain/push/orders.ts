/**
 * The `orders` push: a register's push of a web order is a request to move its status (picked → `ready`,
 * handed over → `collected`, or `cancelled`). The hub checks it against its state machine and the version
 * the register assumed; a stale or illegal move comes back as a conflict with the hub's document.
 * Collecting turns the reservation into a stock movement; cancelling releases it and refunds the card.
 */
import { type WebOrder, canTransition, webOrderSchema } from '@till/shared/schemas/web-order';
import type { WireDocument } from '@till/shared/sync/protocol';
import type { CollectionTouch, LevelChange } from '../../repositories/changes';
import { DomainError } from '../errors';
import { endReservations } from '../reservations';
import { type PushContext, type PushHandler, asConflict, checkDocuments } from './push-handler';

/** The push handler of the `orders` collection. */
export const pushOrders: PushHandler = async (ctx, rows) => {
  const items = checkDocuments(rows, webOrderSchema, 'orders');
  const { repos } = ctx;
  const storeId = ctx.identity.storeId;
  const refunds: WebOrder[] = [];
  const conflicts = await ctx.db.transaction(async (tx) => {
    const out: WireDocument[] = [];
    const levels: LevelChange[] = [];
    const touched: CollectionTouch[] = [];
    // The transaction may run again after a deadlock: start from nothing each time.
    refunds.length = 0;
    for (const { doc, assumed } of items) {
      const found = await repos.webOrders.lock(doc.id, tx);
      if (!found || found.pickupStoreId !== storeId) {
        throw new DomainError('forbidden_store', `order ${doc.id} is not a pickup order of ${storeId}`);
      }
      const master = found.doc;
      const sameVersion =
        assumed !== null && assumed.updatedAt === master.updatedAt && assumed.status === master.status;
      if (doc.status === master.status && sameVersion) continue;
      if (!sameVersion || !canTransition(master.status, doc.status)) {
        out.push(asConflict(master));
        continue;
      }
      // Only the status moves; everything else of an order is the hub's.
      const updated: WebOrder = { ...master, status: doc.status, updatedAt: doc.updatedAt };
      await repos.webOrders.updateStatus(updated, tx);
      touched.push(['orders', storeId]);
      if (doc.status === 'collected' || doc.status === 'cancelled') {
        const mode = doc.status === 'collected' ? 'fulfil' : 'release';
        const changed = await endReservations(repos, tx, doc.id, mode);
        levels.push(...changed);
        for (const l of changed) touched.push(['stock', l.storeId]);
        if (doc.status === 'cancelled') refunds.push(updated);
      }
    }
    if (touched.length > 0) await repos.changes.notify(touched, levels, tx);
    return out;
  });
  for (const order of refunds) await refund(ctx, order);
  return conflicts;
};

/** Refunds a cancelled order's charge; a refused refund becomes an exception for a person to settle. */
async function refund(ctx: PushContext, order: WebOrder): Promise<void> {
  const result = await ctx.gateway.refund({
    reference: order.payment.reference,
    amount: order.payment.amount,
    idempotencyKey: `cancel:${order.id}`,
  });
  if (result.ok) return;
  await ctx.repos.exceptions.raise([
    {
      kind: 'order_unfulfillable',
      storeId: ctx.identity.storeId,
      sku: null,
      orderId: order.id,
      message: `order ${order.number} was cancelled but its refund failed: ${result.message}`,
    },
  ]);
}
