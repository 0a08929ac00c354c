/**
 * The loyalty ledger: points per sale and reason (at most one row each: a unique index), and each
 * customer's balance as its running sum, never below zero.
 */
import type { Queryable } from '../db/port';

/** Points one sale asks to move for one customer. */
export interface LoyaltyEntry {
  customerId: string;
  delta: number;
  saleId: string;
  /** The store of the sale (for the exception when a spend is short). */
  storeId: string;
  reason: string;
}

/** An entry as booked: `booked` is `delta` unless the balance could not cover a deduction. */
export interface BookedEntry extends LoyaltyEntry {
  booked: number;
}

/** What booking did: the home stores whose customers changed (to notify), and each entry as booked. */
export interface AwardResult {
  stores: string[];
  booked: BookedEntry[];
}

/** Writes the loyalty ledger and balances; reads balances for the storefront. */
export class LoyaltyRepository {
  constructor(private readonly db: Queryable) {}

  /**
   * Books entries in order and moves balances. Customers the hub does not know are skipped, and so is an
   * entry whose sale and reason the ledger holds already (a sale counts once). A deduction larger than
   * the balance books only the balance. Customer rows are locked in id order before the stock levels,
   * the order every transaction uses.
   */
  async award(entries: readonly LoyaltyEntry[], tx: Queryable = this.db): Promise<AwardResult> {
    if (entries.length === 0) return { stores: [], booked: [] };
    const ids = [...new Set(entries.map((e) => e.customerId))].sort();
    const customers = await tx.query<{ id: string; home_store_id: string | null; loyalty_points: number }>(
      `SELECT c.id, c.home_store_id, c.loyalty_points FROM unnest($1::text[]) WITH ORDINALITY AS k(id, n)
       JOIN customers c ON c.id = k.id ORDER BY k.n FOR UPDATE OF c`,
      [ids],
    );
    const balances = new Map(customers.map((c) => [c.id, Number(c.loyalty_points)]));
    const held = await tx.query<{ sale_id: string; reason: string }>(
      'SELECT sale_id::text, reason FROM loyalty_ledger WHERE sale_id = ANY($1::uuid[])',
      [[...new Set(entries.map((e) => e.saleId))]],
    );
    const seen = new Set(held.map((h) => `${h.sale_id}|${h.reason}`));
    const booked: BookedEntry[] = [];
    for (const e of entries) {
      const balance = balances.get(e.customerId);
      const key = `${e.saleId}|${e.reason}`;
      if (balance === undefined || seen.has(key)) continue;
      seen.add(key);
      const amount = Math.max(e.delta, -balance);
      balances.set(e.customerId, balance + amount);
      booked.push({ ...e, booked: amount });
    }
    if (booked.length === 0) return { stores: [], booked };
    await tx.query(
      `INSERT INTO loyalty_ledger (customer_id, delta, reason, sale_id, requested)
       SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::uuid[], $5::int[])`,
      [
        booked.map((e) => e.customerId),
        booked.map((e) => e.booked),
        booked.map((e) => e.reason),
        booked.map((e) => e.saleId),
        booked.map((e) => (e.booked === e.delta ? null : e.delta)),
      ],
    );
    const changed = [...new Set(booked.map((e) => e.customerId))];
    await tx.query(
      `UPDATE customers c SET loyalty_points = k.points, updated_at = now()
       FROM unnest($1::text[], $2::int[]) AS k(id, points) WHERE c.id = k.id`,
      [changed, changed.map((id) => balances.get(id) ?? 0)],
    );
    const homes = customers.filter((c) => changed.includes(c.id)).map((c) => c.home_store_id);
    return { stores: [...new Set(homes.filter((s): s is string => s != null))], booked };
  }

  /** The points a customer has earned in all, less what returns took back (spending not counted). */
  async lifetimeEarned(customerId: string, tx: Queryable = this.db): Promise<number> {
    const rows = await tx.query<{ total: string | number | null }>(
      "SELECT sum(delta) AS total FROM loyalty_ledger WHERE customer_id = $1 AND reason IN ('sale', 'return')",
      [customerId],
    );
    return Math.max(0, Number(rows[0]?.total ?? 0));
  }

  /** A customer's balance by e-mail (any case), or null when no customer has it. */
  async balanceByEmail(
    email: string,
    tx: Queryable = this.db,
  ): Promise<{ customerId: string; points: number } | null> {
    const rows = await tx.query<{ id: string; loyalty_points: number }>(
      'SELECT id, loyalty_points FROM customers WHERE lower(email) = lower($1)',
      [email],
    );
    const row = rows[0];
    return row ? { customerId: row.id, points: Number(row.loyalty_points) } : null;
  }
}
