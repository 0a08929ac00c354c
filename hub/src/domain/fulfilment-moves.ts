/**
 * The hub's own moves of an order (operators, through `routes/fulfilment.ts`): a ship order is picked,
 * then shipped with a tracking number (its reservations leave the shelf), and any order still open may be
 * cancelled (what was not handed over is released to the web at once and refunded). A move the state
 * machine does not allow is `invalid_transition` and changes nothing; repeating the move just made (the
 * same tracking number, a second cancel) answers the order as it is, so a retried request is harmless.
 */
import { type OrderStatus, type WebOrder, canTransition } from '@till/shared/schemas/web-order';
import type { CollectionTouch } from '../repositories/changes';
import type { DomainContext } from './context';
import { DomainError } from './errors';
import { uncollectedAmount } from './fulfilment';
import type { PaymentGateway } from './gateway';
import { endReservations } from './reservations';

/** What an operator asks for. */
export type OrderMove =
  { kind: 'pick' } | { kind: 'ship'; trackingNumber: string; carrier: string | null } | { kind: 'cancel' };

const TARGET: Record<OrderMove['kind'], OrderStatus> = {
  pick: 'picked',
  ship: 'shipped',
  cancel: 'cancelled',
};

/** What moving an order needs. */
export type MoveContext = DomainContext & { gateway: PaymentGateway };

/** Whether `move` was already made (a retried request): nothing more to do. */
function alreadyDone(order: WebOrder, move: OrderMove): boolean {
  if (order.status !== TARGET[move.kind]) return false;
  return move.kind !== 'ship' || order.shipment?.trackingNumber === move.trackingNumber;
}

/** Moves the order with id or number `key`; returns it after the move. */
export async function moveOrder(ctx: MoveContext, key: string, move: OrderMove): Promise<WebOrder> {
  const { repos } = ctx;
  let refund = 0;
  const result = await ctx.db.transaction(async (tx) => {
    refund = 0;
    const order = await repos.webOrders.lockByIdOrNumber(key, tx);
    if (!order) throw new DomainError('unknown_order', `no order ${key}`);
    if (alreadyDone(order, move)) return { order, changed: false };
    const to = TARGET[move.kind];
    if (!canTransition(order.status, to, order.fulfilment.type)) {
      throw new DomainError(
        'invalid_transition',
        `order ${order.number} is ${order.status} (${order.fulfilment.type}); it cannot become ${to}`,
        { status: order.status, wanted: to },
      );
    }
    const now = new Date().toISOString();
    const next: WebOrder = {
      ...order,
      status: to,
      updatedAt: now,
      ...(move.kind === 'ship'
        ? { shipment: { carrier: move.carrier, trackingNumber: move.trackingNumber, shippedAt: now } }
        : {}),
    };
    await repos.webOrders.updateStatus(next, tx);
    const levels =
      move.kind === 'pick'
        ? []
        : await endReservations(repos, tx, order.id, move.kind === 'ship' ? 'fulfil' : 'release');
    if (move.kind === 'cancel') refund = uncollectedAmount(order);
    const touched: CollectionTouch[] = levels.map((l) => ['stock', l.storeId] as const);
    if (order.fulfilment.type === 'pickup') touched.push(['orders', order.fulfilment.storeId]);
    if (touched.length > 0) await repos.changes.notify(touched, levels, tx);
    return { order: next, changed: true };
  });
  if (result.changed && refund > 0) await refundOrder(ctx, result.order, refund, `cancel:${result.order.id}`);
  return result.order;
}

/** Refunds part or all of an order's charge; a refused refund becomes an exception for a person. */
export async function refundOrder(
  ctx: MoveContext,
  order: WebOrder,
  amount: number,
  idempotencyKey: string,
): Promise<void> {
  const result = await ctx.gateway.refund({ reference: order.payment.reference, amount, idempotencyKey });
  if (result.ok) return;
  await ctx.repos.exceptions.raise([
    {
      kind: 'order_unfulfillable',
      storeId: order.fulfilment.type === 'pickup' ? order.fulfilment.storeId : null,
      sku: null,
      orderId: order.id,
      message: `order ${order.number} is ${order.status} but its refund failed: ${result.message}`,
    },
  ]);
}
