/**
 * The `orders` push: a register's push of a web order is a request to move its status (picked → `ready`,
 * handed over → `collected`, or `cancelled`). The hub checks it against its state machine and the version
 * the register assumed; a stale or illegal move comes back as a conflict with the hub's document.
 * Collecting turns the reservation into a stock movement; cancelling releases it and refunds the card.
 * An order that is not a pickup order of the register's store is refused (403, naming it; one that exists
 * is recorded as an `id_collision`), and nothing of it comes back.
 */
import { type WebOrder, canTransition, webOrderSchema } from '@till/shared/schemas/web-order';
import type { WireDocument } from '@till/shared/sync/protocol';
import type { Queryable } from '../../db/port';
import type { CollectionTouch, LevelChange } from '../../repositories/changes';
import { endReservations } from '../reservations';
import { type Collision, recordingRefusals, refuseCollisions } from './collisions';
import { type PushContext, type PushHandler, asConflict, checkDocuments } from './push-handler';
import { writeOrNameUnstorable } from './unstorable';

/** The push handler of the `orders` collection. */
export const pushOrders: PushHandler = async (ctx, rows) => {
  const items = checkDocuments(rows, webOrderSchema, 'orders');
  const { repos } = ctx;
  const storeId = ctx.identity.storeId;
  const refunds: WebOrder[] = [];
  const write = async (tx: Queryable, rows: readonly (typeof items)[number][]) => {
    const out: WireDocument[] = [];
    const levels: LevelChange[] = [];
    const touched: CollectionTouch[] = [];
    const foreign: Collision[] = [];
    // The transaction may run again after a deadlock: start from nothing each time.
    refunds.length = 0;
    for (const { doc, assumed } of rows) {
      const found = await repos.webOrders.lock(doc.id, tx);
      if (!found || found.pickupStoreId !== storeId) {
        foreign.push(collision(doc, found));
        continue;
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
    // Thrown inside the transaction, so nothing of the request is applied.
    refuseCollisions(ctx, 'orders', foreign);
    if (touched.length > 0) await repos.changes.notify(touched, levels, tx);
    return out;
  };
  const conflicts = await recordingRefusals(ctx, () =>
    writeOrNameUnstorable(ctx.db, 'orders', items, (i) => i.doc.id, write),
  );
  for (const order of refunds) await refund(ctx, order);
  return conflicts;
};

/**
 * An order that is not a pickup order of the register's store. Only one that exists is recorded: an id
 * the hub never issued (`found` null) is the register's own confusion, refused all the same.
 */
function collision(
  pushed: WebOrder,
  found: { doc: WebOrder; pickupStoreId: string | null } | null,
): Collision {
  return {
    id: pushed.id,
    foreign: true,
    existing: found
      ? { pickupStoreId: found.pickupStoreId, number: found.doc.number, status: found.doc.status }
      : {},
    pushed: { status: pushed.status, updatedAt: pushed.updatedAt },
    document: pushed,
    orderId: pushed.id,
    record: found !== null,
  };
}

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
