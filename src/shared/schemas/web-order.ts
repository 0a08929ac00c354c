/**
 * Web order, replicated both ways for orders picked up at this store (`orders`). Its status changes only
 * through the hub's state machine; a register's push is a request the hub validates.
 *
 * Pickup orders: `placed → picking → ready → collected` (picking may be skipped), or `cancelled`, or
 * `expired` when a ready order is not collected in time (the hub's job, never a register's). Ship orders:
 * `placed → picked → shipped` (with a tracking number), moved by the hub's fulfilment route. A partial
 * pickup appends a `pickups` entry and leaves the order `ready`; it is `collected` once every unit is.
 */
import { z } from 'zod';
import { currencyCode, ident, identText, isoTime, minor, quantity, sku, text } from './common';
import { saleTotalsSchema } from './sale';
import { orderReturnSchema } from './web-order-return';

/** Where an order goes: picked up in a store (BOPIS) or shipped. */
export const fulfilmentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('pickup'), storeId: ident() }),
  z.object({ type: z.literal('ship') }),
]);

/**
 * The order's life. Pickup: `picking` (being gathered), `ready` (waiting at the counter), `collected`
 * (handed over), `expired` (not collected in time). Ship: `picked`, then `shipped`. Both: `cancelled`,
 * and `returned` once given back.
 */
export const orderStatusSchema = z.enum([
  'placed',
  'picking',
  'ready',
  'collected',
  'picked',
  'shipped',
  'cancelled',
  'expired',
  'returned',
]);

/** Allowed status moves; anything else is a conflict the hub refuses. */
export const orderTransitions: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  placed: ['picking', 'ready', 'picked', 'cancelled'],
  picking: ['ready', 'cancelled'],
  ready: ['collected', 'cancelled', 'expired'],
  collected: ['returned'],
  picked: ['shipped', 'cancelled'],
  shipped: ['returned'],
  cancelled: [],
  expired: [],
  returned: [],
};

/** Statuses only one kind of fulfilment has; the rest (placed, cancelled, returned) both have. */
const pickupOnly: readonly OrderStatus[] = ['picking', 'ready', 'collected', 'expired'];
const shipOnly: readonly OrderStatus[] = ['picked', 'shipped'];

/** One line of a web order, priced by the hub with the shared pricing function. */
export const orderLineSchema = z.object({
  lineId: identText().min(1).max(36),
  sku: sku(),
  name: text().min(1).max(200),
  qty: quantity().min(1),
  unitPrice: minor(),
  discount: minor(),
  net: minor(),
  tax: minor(),
  gross: minor(),
  taxCode: identText().min(1).max(32),
});

/** How the web order was paid; `reference` is the gateway charge to refund against. */
export const orderPaymentSchema = z.object({
  method: z.enum(['card', 'gift_card', 'store_credit', 'other']),
  amount: minor(),
  reference: identText().min(1).max(128),
});

/** One hand-over at the counter: which units of which lines the customer took. */
export const orderPickupSchema = z.object({
  id: ident(),
  at: isoTime(),
  lines: z
    .array(z.object({ lineId: identText().min(1).max(36), qty: quantity().min(1) }))
    .min(1)
    .max(200),
});

/** A message sent to the customer (today: the order is ready to collect, by e-mail). */
export const orderNotificationSchema = z.object({
  kind: z.enum(['ready']),
  at: isoTime(),
  channel: z.enum(['email']),
});

/** How a ship order left: the carrier's tracking number. */
export const orderShipmentSchema = z.object({
  carrier: text().min(1).max(60).nullable(),
  trackingNumber: identText().min(1).max(64),
  shippedAt: isoTime(),
});

/** A web order. */
export const webOrderSchema = z.object({
  id: ident(),
  number: identText().min(1).max(40),
  status: orderStatusSchema,
  fulfilment: fulfilmentSchema,
  customerId: ident().nullable(),
  customer: z.object({
    email: z.email().max(254),
    name: text().min(1).max(120),
    phone: identText().max(24).nullable(),
  }),
  currency: currencyCode(),
  lines: z.array(orderLineSchema).min(1).max(200),
  totals: saleTotalsSchema,
  payment: orderPaymentSchema,
  /** Hand-overs so far, oldest first; only ever appended to. */
  pickups: z.array(orderPickupSchema).max(200).optional(),
  /** Messages sent to the customer, oldest first (set by the hub). */
  notifications: z.array(orderNotificationSchema).max(20).optional(),
  /** When a ready pickup order expires if not collected (set by the hub when it becomes ready). */
  expiresAt: isoTime().optional(),
  /** A shipped order's tracking (set by the hub). */
  shipment: orderShipmentSchema.optional(),
  /** Returns made against the order at a counter, oldest first (set by the hub). */
  returns: z.array(orderReturnSchema).max(100).optional(),
  createdAt: isoTime(),
  updatedAt: isoTime(),
});

/** A web order. */
export type WebOrder = z.infer<typeof webOrderSchema>;
/** A web order's status. */
export type OrderStatus = z.infer<typeof orderStatusSchema>;
/** One hand-over at the counter. */
export type OrderPickup = z.infer<typeof orderPickupSchema>;

/**
 * Whether the hub accepts moving an order from `from` to `to`; with `type`, also whether that fulfilment
 * has the target status (a ship order is never `ready`, a pickup order never `shipped`).
 */
export function canTransition(from: OrderStatus, to: OrderStatus, type?: 'pickup' | 'ship'): boolean {
  if (type === 'pickup' && (shipOnly.includes(from) || shipOnly.includes(to))) return false;
  if (type === 'ship' && (pickupOnly.includes(from) || pickupOnly.includes(to))) return false;
  return orderTransitions[from].includes(to);
}

/** Units of each line still to hand over (by `lineId`), after every pickup so far. */
export function remainingUnits(order: Pick<WebOrder, 'lines' | 'pickups'>): Map<string, number> {
  const left = new Map(order.lines.map((l) => [l.lineId, l.qty]));
  for (const p of order.pickups ?? []) {
    for (const l of p.lines) left.set(l.lineId, (left.get(l.lineId) ?? 0) - l.qty);
  }
  return left;
}

/** Whether every unit of the order has been handed over. */
export function fullyCollected(order: Pick<WebOrder, 'lines' | 'pickups'>): boolean {
  return [...remainingUnits(order).values()].every((n) => n <= 0);
}
