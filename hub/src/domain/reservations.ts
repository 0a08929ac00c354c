/**
 * Stock held for web orders. Placing an order reserves (reserved +qty); collecting or shipping it turns
 * the reservation into a sale of stock (on hand −qty, reserved −qty); cancelling gives it back
 * (reserved −qty). Each step is a ledger movement, so levels always equal the ledger's sum.
 */
import type { Queryable } from '../db/port';
import type { LevelChange } from '../repositories/changes';
import type { Repositories } from '../repositories/repositories';
import type { Allocation } from '../repositories/reservations';
import type { Movement } from '../repositories/stock';
import { netDeltas } from './stock';

/** Records reservations and their movements in `tx`; returns the levels after. */
export async function reserve(
  repos: Repositories,
  tx: Queryable,
  orderId: string,
  allocations: readonly Allocation[],
): Promise<LevelChange[]> {
  await repos.reservations.insert(orderId, allocations, tx);
  const movements: Movement[] = allocations.map((a) => ({
    storeId: a.storeId,
    sku: a.sku,
    onHandDelta: 0,
    reservedDelta: a.qty,
    reason: 'order_reserved',
    orderId,
  }));
  await repos.stock.insertMovements(movements, tx);
  return repos.stock.applyLevelDeltas(netDeltas(movements), tx);
}

/** Ends an order's open reservations: `fulfil` takes the units out of stock, `release` gives them back. */
export async function endReservations(
  repos: Repositories,
  tx: Queryable,
  orderId: string,
  mode: 'fulfil' | 'release',
): Promise<LevelChange[]> {
  const held = await repos.reservations.release(orderId, tx);
  const movements: Movement[] = held.map((r) => ({
    storeId: r.storeId,
    sku: r.sku,
    onHandDelta: mode === 'fulfil' ? -r.qty : 0,
    reservedDelta: -r.qty,
    reason: mode === 'fulfil' ? 'order_fulfilled' : 'order_released',
    orderId,
  }));
  await repos.stock.insertMovements(movements, tx);
  return repos.stock.applyLevelDeltas(netDeltas(movements), tx);
}
