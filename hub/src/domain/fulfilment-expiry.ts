/**
 * Expiry of pickup orders nobody collected. When an order becomes ready the hub stamps `expiresAt`
 * (`HUB_PICKUP_EXPIRY_DAYS`, 7 by default); a job on the hub (every minute, and on demand through
 * `POST /api/v1/admin/orders/expire`) moves every ready order whose time is up to `expired`, releases
 * what its reservation still holds (back on the web at once) and refunds what was not handed over. A job,
 * not a check on read, so the stock comes back even when nobody looks at the order; several hub processes
 * may run it together (`FOR UPDATE SKIP LOCKED`).
 */
import type { WebOrder } from '@till/shared/schemas/web-order';
import type { CollectionTouch, LevelChange } from '../repositories/changes';
import { uncollectedAmount } from './fulfilment';
import { type MoveContext, refundOrder } from './fulfilment-moves';
import { endReservations } from './reservations';

/** How many orders one run expires at most (the next run takes the rest). */
const BATCH = 200;

/** Expires the ready orders whose time is up at `now`; returns them. */
export async function expireOrders(ctx: MoveContext, now: Date = new Date()): Promise<WebOrder[]> {
  const { repos } = ctx;
  const expired: { order: WebOrder; refund: number }[] = [];
  await ctx.db.transaction(async (tx) => {
    expired.length = 0;
    const due = await repos.webOrders.lockExpired(now, BATCH, tx);
    const levels: LevelChange[] = [];
    const touched: CollectionTouch[] = [];
    for (const order of due) {
      const next: WebOrder = { ...order, status: 'expired', updatedAt: now.toISOString() };
      await repos.webOrders.updateStatus(next, tx);
      const changed = await endReservations(repos, tx, order.id, 'release');
      levels.push(...changed);
      for (const l of changed) touched.push(['stock', l.storeId]);
      if (order.fulfilment.type === 'pickup') touched.push(['orders', order.fulfilment.storeId]);
      expired.push({ order: next, refund: uncollectedAmount(order) });
    }
    if (touched.length > 0) await repos.changes.notify(touched, levels, tx);
  });
  for (const { order, refund } of expired) {
    if (refund > 0) await refundOrder(ctx, order, refund, `expire:${order.id}`);
  }
  return expired.map((e) => e.order);
}

/** Runs `expireOrders` every `everyMs`; a failed run is reported and the next one tries again. */
export function startExpiryJob(
  ctx: MoveContext,
  everyMs: number,
  onError: (err: unknown) => void,
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    expireOrders(ctx)
      .catch(onError)
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
