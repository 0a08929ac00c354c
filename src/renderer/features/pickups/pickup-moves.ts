/**
 * The register's side of the pickup state machine: the order document a clerk's action writes into the
 * replica (it is pushed to the hub, which validates the move and answers its own state if it refuses).
 * Only the status, hand-overs and `updatedAt` change; everything else of an order is the hub's. Works
 * offline: the hub accepts several register steps arriving as one push.
 */
import {
  type OrderPickup,
  type OrderStatus,
  type WebOrder,
  canTransition,
  remainingUnits,
} from '@till/shared/schemas/web-order';

/** A pickup order's statuses the Pickups screen lists, in the order of the work. */
export const waitingStatuses: readonly OrderStatus[] = ['placed', 'picking', 'ready'];

/** Why an action cannot be taken. */
export interface MoveRefusal {
  code: 'not_allowed' | 'nothing_to_collect' | 'too_many';
  message: string;
}

/** A move's outcome: the document to write, or why not. */
export type MoveResult = { ok: true; order: WebOrder } | { ok: false; error: MoveRefusal };

const refuse = (code: MoveRefusal['code'], message: string): MoveResult => ({
  ok: false,
  error: { code, message },
});

/** Moves `order` to `status` (picking, ready, cancelled) when the state machine allows it. */
export function moveTo(order: WebOrder, status: 'picking' | 'ready' | 'cancelled', now: Date): MoveResult {
  if (!canTransition(order.status, status, order.fulfilment.type)) {
    return refuse('not_allowed', `Order ${order.number} is ${order.status}; it cannot become ${status}.`);
  }
  return { ok: true, order: { ...order, status, updatedAt: now.toISOString() } };
}

/**
 * Hands over `quantities` (units per line id) of a ready order: a new pickup entry; the order is
 * `collected` when nothing is left, else it stays `ready` for the rest.
 */
export function collect(
  order: WebOrder,
  quantities: ReadonlyMap<string, number>,
  now: Date,
  pickupId: string,
): MoveResult {
  if (order.status !== 'ready')
    return refuse('not_allowed', `Order ${order.number} is ${order.status}, not ready.`);
  const left = remainingUnits(order);
  const lines: OrderPickup['lines'] = [];
  for (const [lineId, qty] of quantities) {
    if (!Number.isInteger(qty) || qty < 0) return refuse('too_many', 'Quantities are whole numbers.');
    if (qty === 0) continue;
    const remaining = left.get(lineId);
    if (remaining === undefined || qty > remaining) {
      return refuse('too_many', `Only ${remaining ?? 0} left to collect on that line.`);
    }
    left.set(lineId, remaining - qty);
    lines.push({ lineId, qty });
  }
  if (lines.length === 0) return refuse('nothing_to_collect', 'Choose at least one item to hand over.');
  const at = now.toISOString();
  const done = [...left.values()].every((n) => n <= 0);
  return {
    ok: true,
    order: {
      ...order,
      status: done ? 'collected' : 'ready',
      pickups: [...(order.pickups ?? []), { id: pickupId, at, lines }],
      updatedAt: at,
    },
  };
}

/** Units per line still to hand over, for the quantity steppers (every line starts at all it has left). */
export function initialQuantities(order: WebOrder): Map<string, number> {
  return new Map([...remainingUnits(order)].map(([lineId, n]) => [lineId, Math.max(0, n)]));
}

/** How many orders are waiting for the counter (new, being picked, or ready and not fully collected). */
export function waitingCount(orders: readonly WebOrder[]): number {
  return orders.filter((o) => waitingStatuses.includes(o.status)).length;
}
