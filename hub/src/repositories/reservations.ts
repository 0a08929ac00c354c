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

  /**
   * Closes an order's open reservations and returns what they still held (units a partial pickup already
   * fulfilled are not held any more).
   */
  async release(orderId: string, tx: Queryable = this.db): Promise<Allocation[]> {
    const rows = await tx.query<{ store_id: string; sku: string; qty: number }>(
      `UPDATE order_reservations SET released_at = now()
       WHERE order_id = $1 AND released_at IS NULL RETURNING store_id, sku, qty - fulfilled AS qty`,
      [orderId],
    );
    return rows
      .map((r) => ({ storeId: r.store_id, sku: r.sku, qty: Number(r.qty) }))
      .filter((r) => r.qty > 0);
  }

  /**
   * Marks units of an order's open reservations fulfilled (a partial pickup), at most what each still
   * holds, and returns what was taken per store and SKU; a reservation with nothing left is closed.
   */
  async fulfil(
    orderId: string,
    units: readonly { sku: string; qty: number }[],
    tx: Queryable = this.db,
  ): Promise<Allocation[]> {
    const rows = await tx.query<{ store_id: string; sku: string; taken: number }>(
      `WITH wanted AS (SELECT * FROM unnest($2::text[], $3::int[]) AS w(sku, qty)),
       old AS (
         SELECT r.store_id, r.sku, r.fulfilled FROM order_reservations r JOIN wanted w ON w.sku = r.sku
         WHERE r.order_id = $1 AND r.released_at IS NULL FOR UPDATE OF r
       )
       UPDATE order_reservations r
       SET fulfilled = least(r.qty, r.fulfilled + w.qty),
           released_at = CASE WHEN r.fulfilled + w.qty >= r.qty THEN now() ELSE NULL END
       FROM wanted w, old o
       WHERE r.order_id = $1 AND r.sku = w.sku AND o.sku = r.sku AND o.store_id = r.store_id
         AND r.released_at IS NULL
       RETURNING r.store_id, r.sku, r.fulfilled - o.fulfilled AS taken`,
      [orderId, units.map((u) => u.sku), units.map((u) => u.qty)],
    );
    return rows
      .map((r) => ({ storeId: r.store_id, sku: r.sku, qty: Number(r.taken) }))
      .filter((r) => r.qty > 0);
  }
}
