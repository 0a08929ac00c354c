/**
 * Stock for a hand-over: the units given to the customer leave the reservation and the shelf together
 * (on hand −qty, reserved −qty, one `order_fulfilled` movement each), so a partial pickup keeps the rest
 * held for the web and the ledger always sums to the levels.
 */
import type { Queryable } from '../db/port';
import type { LevelChange } from '../repositories/changes';
import type { Repositories } from '../repositories/repositories';
import type { Movement } from '../repositories/stock';
import { netDeltas } from './stock';

/** Fulfils `units` of an order's reservations in `tx`; returns the levels after. */
export async function fulfilUnits(
  repos: Repositories,
  tx: Queryable,
  orderId: string,
  units: readonly { sku: string; qty: number }[],
): Promise<LevelChange[]> {
  const taken = await repos.reservations.fulfil(orderId, units, tx);
  const movements: Movement[] = taken.map((t) => ({
    storeId: t.storeId,
    sku: t.sku,
    onHandDelta: -t.qty,
    reservedDelta: -t.qty,
    reason: 'order_fulfilled',
    orderId,
  }));
  await repos.stock.insertMovements(movements, tx);
  return repos.stock.applyLevelDeltas(netDeltas(movements), tx);
}
