/**
 * Stock held for web orders. Placing an order reserves (reserved +qty); collecting or shipping it turns
 * the reservation into a sale of stock (on hand −qty, reserved −qty); cancelling gives it back
 * (reserved −qty). Each step is a ledger movement, so levels always equal the ledger's sum.
 */
import type { Queryable } from '../db/port';
import type { LevelChange } from './changes';
import { type Movement, applyLevelDeltas, insertMovements, netDeltas } from './stock';

/** Units of one SKU held at one store for an order. */
export interface Allocation {
  storeId: string;
  sku: string;
  qty: number;
}

/** Records reservations and their movements; returns the levels after. */
export async function reserve(
  tx: Queryable,
  orderId: string,
  allocations: readonly Allocation[],
): Promise<LevelChange[]> {
  await tx.query(
    `INSERT INTO order_reservations (order_id, store_id, sku, qty)
     SELECT $1, a.store_id, a.sku, a.qty FROM unnest($2::text[], $3::text[], $4::int[]) AS a(store_id, sku, qty)`,
    [
      orderId,
      allocations.map((a) => a.storeId),
      allocations.map((a) => a.sku),
      allocations.map((a) => a.qty),
    ],
  );
  const movements: Movement[] = allocations.map((a) => ({
    storeId: a.storeId,
    sku: a.sku,
    onHandDelta: 0,
    reservedDelta: a.qty,
    reason: 'order_reserved',
    orderId,
  }));
  await insertMovements(tx, movements);
  return applyLevelDeltas(tx, netDeltas(movements));
}

/** Ends an order's open reservations: `fulfil` takes the units out of stock, `release` gives them back. */
export async function endReservations(
  tx: Queryable,
  orderId: string,
  mode: 'fulfil' | 'release',
): Promise<LevelChange[]> {
  const rows = await tx.query<{ store_id: string; sku: string; qty: number }>(
    `UPDATE order_reservations SET released_at = now()
     WHERE order_id = $1 AND released_at IS NULL RETURNING store_id, sku, qty`,
    [orderId],
  );
  const movements: Movement[] = rows.map((r) => ({
    storeId: r.store_id,
    sku: r.sku,
    onHandDelta: mode === 'fulfil' ? -r.qty : 0,
    reservedDelta: -r.qty,
    reason: mode === 'fulfil' ? 'order_fulfilled' : 'order_released',
    orderId,
  }));
  await insertMovements(tx, movements);
  return applyLevelDeltas(tx, netDeltas(movements));
}
