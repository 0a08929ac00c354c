/**
 * Web store carts as the counter sees them: the sweep that marks carts left untouched as abandoned, and a
 * customer's abandoned carts with their items (the storefront events keep the carts: repositories/browsing.ts).
 */
import type { Queryable } from '../db/port';

/** One item of an abandoned cart, with the product's current name and price. */
export interface CartItem {
  sku: string;
  name: string;
  qty: number;
  price: number;
}

/** A cart the customer left: its lines (`sku → qty`), items, last change and when it was marked. */
export interface AbandonedCartView {
  sessionId: string;
  lines: Record<string, number>;
  items: CartItem[];
  updatedAt: string;
  abandonedAt: string;
}

const iso = (d: unknown) => (d instanceof Date ? d : new Date(String(d))).toISOString();

/** Reads and marks abandoned carts. */
export class CartsRepository {
  constructor(private readonly db: Queryable) {}

  /**
   * Marks open carts with something in them, last changed before `before`, as abandoned at `now`;
   * `customerId` limits the sweep to one customer. Returns how many were marked.
   */
  async markAbandoned(
    before: Date,
    now: Date,
    customerId: string | null = null,
    tx: Queryable = this.db,
  ): Promise<number> {
    const rows = await tx.query(
      `UPDATE carts SET status = 'abandoned', abandoned_at = $2
       WHERE status = 'open' AND lines <> '{}'::jsonb AND updated_at < $1
         AND ($3::text IS NULL OR customer_id = $3)
       RETURNING session_id`,
      [before.toISOString(), now.toISOString(), customerId],
    );
    return rows.length;
  }

  /** A customer's abandoned carts with their items, newest first (at most ten). */
  async abandonedOf(customerId: string, tx: Queryable = this.db): Promise<AbandonedCartView[]> {
    const rows = await tx.query<{
      sessionId: string;
      lines: Record<string, number>;
      items: CartItem[] | null;
      updatedAt: unknown;
      abandonedAt: unknown;
    }>(
      `SELECT c.session_id AS "sessionId", c.lines, c.updated_at AS "updatedAt",
              coalesce(c.abandoned_at, c.updated_at) AS "abandonedAt",
              (SELECT jsonb_agg(jsonb_build_object('sku', l.key, 'name', coalesce(p.name, l.key),
                                 'qty', l.value::int, 'price', coalesce(p.price, 0)) ORDER BY l.key)
               FROM jsonb_each_text(c.lines) AS l LEFT JOIN products p ON p.sku = l.key) AS items
       FROM carts c
       WHERE c.customer_id = $1 AND c.status = 'abandoned' AND c.lines <> '{}'::jsonb
       ORDER BY c.updated_at DESC LIMIT 10`,
      [customerId],
    );
    return rows.map((r) => ({
      sessionId: r.sessionId,
      lines: r.lines,
      items: (r.items ?? []).map((i) => ({ ...i, price: Number(i.price) })),
      updatedAt: iso(r.updatedAt),
      abandonedAt: iso(r.abandonedAt),
    }));
  }
}
