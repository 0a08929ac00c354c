/**
 * A clerk's shift on one register (`shifts`, push): opened with a float, cash paid in and out during it with a
 * reason, closed with a count by denomination. Version 1 of the collection added `cashMovements` and `counted`.
 * Both are optional: the hub stores a shift exactly as it was sent, and a register still at version 0 sends
 * neither; a migrated replica has them (src/sync/migrations.ts). Read movements with `cashMovementsOf`.
 */
import { z } from 'zod';
import { currencyCode, ident, isoTime, minor, minorNonNegative, text, uuid } from './common';

/** At most this many paid-ins and paid-outs in one shift (keeps a shift document small). */
export const MAX_CASH_MOVEMENTS = 500;

/** Cash put into (`paid_in`) or taken out of (`paid_out`) the drawer outside a sale, with its reason. */
export const cashMovementSchema = z.object({
  id: uuid(),
  kind: z.enum(['paid_in', 'paid_out']),
  /** Always positive: the kind says which way the cash went. */
  amount: minorNonNegative().refine((v) => v > 0, {
    message: 'must be more than zero',
    params: { code: 'out_of_range' },
  }),
  reason: text().min(1).max(200),
  at: isoTime(),
  staffId: ident(),
});

/** How many pieces of one denomination (a bill or coin, its value in minor units) were counted. */
export const denominationCountSchema = z.object({
  denomination: minorNonNegative(),
  count: z.int().min(0).max(1_000_000),
});

/** A shift. `expectedCash` is what the register computed; `countedCash` what the person counted. */
export const shiftSchema = z.object({
  id: ident(),
  storeId: ident(),
  registerId: ident(),
  clerkId: ident(),
  status: z.enum(['open', 'closed']),
  currency: currencyCode(),
  openedAt: isoTime(),
  openingFloat: minorNonNegative(),
  closedAt: isoTime().nullable(),
  closedBy: ident().nullable(),
  expectedCash: minor().nullable(),
  countedCash: minorNonNegative().nullable(),
  /** Paid-ins and paid-outs in the order they happened. */
  cashMovements: z.array(cashMovementSchema).max(MAX_CASH_MOVEMENTS).optional(),
  /** The closing count by denomination (null while open); its sum is `countedCash`. */
  counted: z.array(denominationCountSchema).max(40).nullable().optional(),
  updatedAt: isoTime(),
});

/** A shift as stored or sent (`cashMovements` and `counted` absent on one written before version 1). */
export type Shift = z.infer<typeof shiftSchema>;
/** One paid-in or paid-out. */
export type CashMovement = z.infer<typeof cashMovementSchema>;
/** One denomination's count. */
export type DenominationCount = z.infer<typeof denominationCountSchema>;

/** A shift's paid-ins and paid-outs, empty for a document written before they existed. */
export function cashMovementsOf(shift: Shift): readonly CashMovement[] {
  return shift.cashMovements ?? [];
}
