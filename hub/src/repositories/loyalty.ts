/** The loyalty ledger: points per sale, and each customer's balance as its running sum (never below zero). */
import type { Queryable } from '../db/port';

/** Points one sale moves for one customer. */
export interface LoyaltyEntry {
  customerId: string;
  delta: number;
  saleId: string;
  reason: string;
}

/** Writes the loyalty ledger and balances. */
export class LoyaltyRepository {
  constructor(private readonly db: Queryable) {}

  /**
   * Books entries and moves balances (customers the hub does not know are skipped). Customer rows are
   * locked in id order before the stock levels, the order every transaction uses. Returns the home stores
   * of the customers whose balance changed, for the change notification.
   */
  async award(entries: readonly LoyaltyEntry[], tx: Queryable = this.db): Promise<string[]> {
    if (entries.length === 0) return [];
    const ids = [...new Set(entries.map((e) => e.customerId))].sort();
    const customers = await tx.query<{ id: string; home_store_id: string | null }>(
      `SELECT c.id, c.home_store_id FROM unnest($1::text[]) WITH ORDINALITY AS k(id, n)
       JOIN customers c ON c.id = k.id ORDER BY k.n FOR UPDATE OF c`,
      [ids],
    );
    const known = new Set(customers.map((c) => c.id));
    const valid = entries.filter((e) => known.has(e.customerId));
    if (valid.length === 0) return [];
    await tx.query(
      `INSERT INTO loyalty_ledger (customer_id, delta, reason, sale_id)
       SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::uuid[])`,
      [
        valid.map((e) => e.customerId),
        valid.map((e) => e.delta),
        valid.map((e) => e.reason),
        valid.map((e) => e.saleId),
      ],
    );
    await tx.query(
      `UPDATE customers c SET loyalty_points = greatest(0, c.loyalty_points + d.delta), updated_at = now()
       FROM (SELECT k.id, sum(k.delta)::int AS delta FROM unnest($1::text[], $2::int[]) AS k(id, delta) GROUP BY k.id) d
       WHERE c.id = d.id`,
      [valid.map((e) => e.customerId), valid.map((e) => e.delta)],
    );
    return [...new Set(customers.map((c) => c.home_store_id).filter((s): s is string => s != null))];
  }
}
