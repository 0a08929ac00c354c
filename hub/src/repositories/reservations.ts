/** Stock held for web orders at one store: open until the order is collected, shipped or cancelled. */
import type { Queryable } from '../db/port';

/** Units of one SKU held at one store for an order. */
export interface Allocation {
  storeId: string;
  sku: string;
  qty: number;
}

/** Writes reservations (their stock movements are the domain's: domain/reservations.ts). */
export class ReservationsRepository {
  constructor(private readonly db: Queryable) {}

  /** Records an order's reservations. */
  async insert(orderId: string, allocations: readonly Allocation[], tx: Queryable = this.db): Promise<void> {
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
  }

  /** Closes an order's open reservations and returns what they held. */
  async release(orderId: string, tx: Queryable = this.db): Promise<Allocation[]> {
    const rows = await tx.query<{ store_id: string; sku: string; qty: number }>(
      `UPDATE order_reservations SET released_at = now()
       WHERE order_id = $1 AND released_at IS NULL RETURNING store_id, sku, qty`,
      [orderId],
    );
    return rows.map((r) => ({ storeId: r.store_id, sku: r.sku, qty: r.qty }));
  }
}
