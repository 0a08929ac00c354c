/**
 * A register's push of a web order is a request to move its status (picked → `ready`, handed over →
 * `collected`, or `cancelled`). The hub checks it against its state machine and the version the register
 * assumed; a stale or illegal move comes back as a conflict with the hub's document. Collecting turns the
 * reservation into a stock movement; cancelling releases it and refunds the card.
 */
import { type WebOrder, canTransition, webOrderSchema } from '@till/shared/schemas/web-order';
import { forbidden } from '../http/errors';
import { type CollectionTouch, type LevelChange, notifyChanges } from './changes';
import type { PushHandler } from './push-rows';
import { endReservations } from './reservations';
import { checkDocuments } from './simple-push';
import { raiseExceptions } from './stock';

/** The push handler of the `orders` collection. */
export const pushOrders: PushHandler = async (ctx, rows) => {
  const items = checkDocuments(rows, webOrderSchema, 'orders');
  const refunds: WebOrder[] = [];
  const conflicts = await ctx.db.transaction(async (tx) => {
    const out: unknown[] = [];
    const levels: LevelChange[] = [];
    const touched: CollectionTouch[] = [];
    refunds.length = 0;
    for (const { doc, assumed } of items) {
      const found = await tx.query<{ doc: WebOrder; pickup_store_id: string | null }>(
        'SELECT doc, pickup_store_id FROM web_orders WHERE id = $1 FOR UPDATE',
        [doc.id],
      );
      const row = found[0];
      if (!row || row.pickup_store_id !== ctx.identity.storeId) {
        throw forbidden(
          'forbidden_store',
          `order ${doc.id} is not a pickup order of ${ctx.identity.storeId}`,
        );
      }
      const master = row.doc;
      const sameVersion =
        assumed !== null && assumed.updatedAt === master.updatedAt && assumed.status === master.status;
      if (doc.status === master.status && sameVersion) continue;
      if (!sameVersion || !canTransition(master.status, doc.status)) {
        out.push({ ...master, _deleted: false });
        continue;
      }
      // Only the status moves; everything else of an order is the hub's.
      const updated: WebOrder = { ...master, status: doc.status, updatedAt: doc.updatedAt };
      await tx.query('UPDATE web_orders SET status = $2, doc = $3, updated_at = now() WHERE id = $1', [
        doc.id,
        doc.status,
        JSON.stringify(updated),
      ]);
      touched.push(['orders', ctx.identity.storeId]);
      if (doc.status === 'collected' || doc.status === 'cancelled') {
        const changed = await endReservations(tx, doc.id, doc.status === 'collected' ? 'fulfil' : 'release');
        levels.push(...changed);
        for (const l of changed) touched.push(['stock', l.storeId]);
        if (doc.status === 'cancelled') refunds.push(updated);
      }
    }
    if (touched.length > 0) await notifyChanges(tx, touched, levels);
    return out;
  });
  for (const order of refunds) {
    const result = await ctx.gateway.refund({
      reference: order.payment.reference,
      amount: order.payment.amount,
      idempotencyKey: `cancel:${order.id}`,
    });
    if (!result.ok) {
      await raiseExceptions(ctx.db, [
        {
          kind: 'order_unfulfillable',
          storeId: ctx.identity.storeId,
          sku: null,
          orderId: order.id,
          message: `order ${order.number} was cancelled but its refund failed: ${result.message}`,
        },
      ]);
    }
  }
  return conflicts;
};
