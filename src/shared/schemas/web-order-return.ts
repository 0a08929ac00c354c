/**
 * What a web order shows of the returns made against it at a counter (BORIS): which units came back, where
 * they went, and where the refund stands. The return itself is a sale document of kind `return`
 * (`returnOf: { orderId }`); this summary is the hub's, written into the order so the web store's order
 * page and every register see it.
 */
import { z } from 'zod';
import { ident, identText, isoTime, minorNonNegative, quantity, uuid } from './common';
import { dispositionSchema } from './sale';

/**
 * Where a return's refund stands. `pending`: a card refund the hub has not settled yet (the return was
 * made offline, or the gateway has not answered); `refunded`: the card was refunded; `refused`: the hub
 * would not refund it (a manager resolves the exception); `credited`: paid out as store credit; `paid`:
 * paid out at the counter (cash).
 */
export const refundStateSchema = z.enum(['pending', 'refunded', 'refused', 'credited', 'paid']);

/** A return's refund as the hub knows it. */
export const returnRefundSchema = z.object({
  method: z.enum(['card', 'store_credit', 'cash', 'other']),
  amount: minorNonNegative(),
  state: refundStateSchema,
  /** The card's last four digits, once the gateway has told them. */
  last4: z
    .string()
    .regex(/^[0-9]{4}$/)
    .nullable()
    .optional(),
  /** Why a refund was refused (a stable code). */
  code: identText().max(64).nullable().optional(),
});

/** One return against a web order. */
export const orderReturnSchema = z.object({
  returnId: uuid(),
  number: identText().min(1).max(40),
  storeId: ident(),
  createdAt: isoTime(),
  lines: z
    .array(
      z.object({
        lineId: identText().min(1).max(36),
        qty: quantity().min(1),
        disposition: dispositionSchema,
      }),
    )
    .min(1)
    .max(200),
  refund: returnRefundSchema,
});

/** A return's refund state. */
export type RefundState = z.infer<typeof refundStateSchema>;
/** A return's refund. */
export type ReturnRefund = z.infer<typeof returnRefundSchema>;
/** One return against a web order, as the order shows it. */
export type OrderReturn = z.infer<typeof orderReturnSchema>;
