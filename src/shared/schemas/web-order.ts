/**
 * Web order, replicated both ways for orders picked up at this store (`orders`). Its status changes only
 * through the hub's state machine; a register's push is a request the hub validates.
 */
import { z } from 'zod';
import { currencyCode, ident, identText, isoTime, minor, quantity, sku, text } from './common';
import { saleTotalsSchema } from './sale';

/** Where an order goes: picked up in a store (BOPIS) or shipped. */
export const fulfilmentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('pickup'), storeId: ident() }),
  z.object({ type: z.literal('ship') }),
]);

/** The order's life. `ready`: picked and waiting at the counter; `collected`: handed over. */
export const orderStatusSchema = z.enum(['placed', 'ready', 'collected', 'shipped', 'cancelled', 'returned']);

/** Allowed status moves; anything else is a conflict the hub refuses. */
export const orderTransitions: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  placed: ['ready', 'shipped', 'cancelled'],
  ready: ['collected', 'cancelled'],
  collected: ['returned'],
  shipped: ['returned'],
  cancelled: [],
  returned: [],
};

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
  createdAt: isoTime(),
  updatedAt: isoTime(),
});

/** A web order. */
export type WebOrder = z.infer<typeof webOrderSchema>;
/** A web order's status. */
export type OrderStatus = z.infer<typeof orderStatusSchema>;

/** Whether the hub accepts moving an order from `from` to `to`. */
export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return orderTransitions[from].includes(to);
}
