/**
 * The `orders` push: a register's push of a web order is a request to move it (picking, ready,
 * collected in full or in part, cancelled). The hub plans the move with its state machine
 * (`domain/fulfilment.ts`) from the version the register assumed; a stale version comes back as a
 * conflict with the hub's document (the register asks again from there), and a move the hub's state no
 * longer allows — units handed over or money given back at the counter for an order the hub had already
 * cancelled, expired or collected — is also recorded as an `order_conflict` exception for a manager, never
 * applied over the hub's state and never blocking the register's queue. Handing units over turns their
 * reservation into a stock movement; cancelling releases the rest and refunds what was not handed over.
 * An order that is not a pickup order of the register's store is refused (403, naming it; one that exists
 * is recorded as an `id_collision`), and nothing of it comes back.
 */
import { type WebOrder, webOrderSchema } from '@till/shared/schemas/web-order';
import type { WireDocument } from '@till/shared/sync/protocol';
import type { Queryable } from '../../db/port';
import type { CollectionTouch, LevelChange } from '../../repositories/changes';
import type { ExceptionInput } from '../../repositories/exceptions';
import { type PickupPlan, planPickupMove } from '../fulfilment';
import { fulfilUnits } from '../fulfilment-stock';
import { endReservations } from '../reservations';
import { type Collision, recordingRefusals, refuseCollisions } from './collisions';
import { type PushContext, type PushHandler, asConflict, checkDocuments } from './push-handler';
import { writeOrNameUnstorable } from './unstorable';

/** Days a ready order waits when the hub's configuration is not at hand (the documented default). */
const DEFAULT_EXPIRY_DAYS = 7;

/** The push handler of the `orders` collection. */
export const pushOrders: PushHandler = async (ctx, rows) => {
  const items = checkDocuments(rows, webOrderSchema, 'orders');
  const { repos } = ctx;
  const storeId = ctx.identity.storeId;
  const expiryDays = ctx.pickupExpiryDays ?? DEFAULT_EXPIRY_DAYS;
  const refunds: { order: WebOrder; amount: number }[] = [];
  const write = async (tx: Queryable, rows: readonly (typeof items)[number][]) => {
    const out: WireDocument[] = [];
    const levels: LevelChange[] = [];
    const touched: CollectionTouch[] = [];
    const foreign: Collision[] = [];
    const conflicts: ExceptionInput[] = [];
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
      const plan = planPickupMove(master, doc, new Date(), expiryDays);
      if (plan.kind === 'refuse' && plan.significant)
        conflicts.push(conflictException(ctx, master, doc, plan));
      if (!sameVersion) {
        // The register decided on an older version: it gets the hub's and asks again from there.
        if (plan.kind !== 'noop') out.push(asConflict(master));
        continue;
      }
      if (plan.kind === 'noop') continue;
      if (plan.kind === 'refuse') {
        out.push(asConflict(master));
        continue;
      }
      await repos.webOrders.updateStatus(plan.next, tx);
      touched.push(['orders', storeId]);
      const changed = [
        ...(plan.take.length > 0 ? await fulfilUnits(repos, tx, doc.id, plan.take) : []),
        ...(plan.release ? await endReservations(repos, tx, doc.id, 'release') : []),
      ];
      levels.push(...changed);
      for (const l of changed) touched.push(['stock', l.storeId]);
      if (plan.refund > 0) refunds.push({ order: plan.next, amount: plan.refund });
    }
    // Thrown inside the transaction, so nothing of the request is applied.
    refuseCollisions(ctx, 'orders', foreign);
    await repos.exceptions.raise(conflicts, tx);
    if (touched.length > 0) await repos.changes.notify(touched, levels, tx);
    return out;
  };
  const conflicts = await recordingRefusals(ctx, () =>
    writeOrNameUnstorable(ctx.db, 'orders', items, (i) => i.doc.id, write),
  );
  for (const { order, amount } of refunds) await refund(ctx, order, amount);
  return conflicts;
};

/** The exception a refused hand-over or cancellation becomes; a retried push adds nothing while open. */
function conflictException(
  ctx: PushContext,
  master: WebOrder,
  pushed: WebOrder,
  plan: Extract<PickupPlan, { kind: 'refuse' }>,
): ExceptionInput {
  const known = new Set((master.pickups ?? []).map((p) => p.id));
  const handedOver = (pushed.pickups ?? []).filter((p) => !known.has(p.id));
  return {
    kind: 'order_conflict',
    storeId: ctx.identity.storeId,
    sku: null,
    orderId: master.id,
    message:
      `order ${master.number} is ${master.status} at the hub, but a register marked it ${pushed.status}` +
      (plan.reason === 'not_allowed' ? '' : ` (${plan.reason.replace('_', ' ')})`),
    details: {
      reason: plan.reason,
      hubStatus: master.status,
      pushedStatus: pushed.status,
      handedOver,
      registerId: ctx.identity.registerId,
    },
    dedupeKey: `order_conflict:${master.id}:${pushed.status}:${pushed.updatedAt}:${handedOver.length}`,
  };
}

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
async function refund(ctx: PushContext, order: WebOrder, amount: number): Promise<void> {
  const result = await ctx.gateway.refund({
    reference: order.payment.reference,
    amount,
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
