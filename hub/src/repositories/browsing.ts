/**
 * What the web store reports of its visitors: browsing and cart events, and the carts they keep. The
 * data behind personalization, read back at the counter only with the customer's consent (carts left
 * untouched are marked abandoned and read by repositories/carts.ts).
 */
import type { Queryable } from '../db/port';

/** One storefront event to record. */
export interface BrowsingEvent {
  type: 'product_view' | 'cart_add' | 'cart_remove' | 'checkout';
  sessionId: string;
  customerEmail: string | null;
  sku: string | null;
  qty: number | null;
  /** When it happened (ISO), or null for now. */
  at: string | null;
}

/** A product a customer looked at, and how often. */
export interface ViewedProduct {
  sku: string;
  name: string;
  views: number;
}

/** Reads and writes storefront events and carts. */
export class BrowsingRepository {
  constructor(private readonly db: Queryable) {}

  /** Records events in one statement, linked to the customer whose e-mail they carry. */
  async insertEvents(events: readonly BrowsingEvent[], tx: Queryable = this.db): Promise<void> {
    await tx.query(
      `INSERT INTO customer_events (session_id, customer_id, type, sku, qty, at)
       SELECT e.session_id, c.id, e.type, e.sku, e.qty, coalesce(e.at, now())
       FROM jsonb_to_recordset($1::jsonb) AS e(session_id text, email text, type text, sku text, qty int, at timestamptz)
       LEFT JOIN customers c ON lower(c.email) = lower(e.email)`,
      [
        JSON.stringify(
          events.map((e) => ({
            session_id: e.sessionId,
            email: e.customerEmail,
            type: e.type,
            sku: e.sku,
            qty: e.qty,
            at: e.at,
          })),
        ),
      ],
    );
  }

  /** Records a checkout of a known customer (a web order placed in that session). */
  async insertCheckout(sessionId: string, customerId: string, tx: Queryable = this.db): Promise<void> {
    await tx.query(
      `INSERT INTO customer_events (session_id, customer_id, type) VALUES ($1, $2, 'checkout')`,
      [sessionId, customerId],
    );
  }

  /** Marks a session's cart converted (checked out). */
  async convertCart(sessionId: string, tx: Queryable = this.db): Promise<void> {
    await tx.query(`UPDATE carts SET status = 'converted', updated_at = now() WHERE session_id = $1`, [
      sessionId,
    ]);
  }

  /** Adds `delta` units of `sku` to a session's cart (creating it; a line that reaches zero is removed). */
  async adjustCart(
    sessionId: string,
    customerEmail: string | null,
    sku: string,
    delta: number,
    tx: Queryable = this.db,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO carts AS c (session_id, customer_id, lines)
       VALUES ($1, (SELECT id FROM customers WHERE lower(email) = lower($2)), jsonb_build_object($3::text, greatest(0, $4::int)))
       ON CONFLICT (session_id) DO UPDATE SET
         lines = CASE WHEN coalesce((c.lines ->> $3)::int, 0) + $4 > 0
                      THEN c.lines || jsonb_build_object($3::text, coalesce((c.lines ->> $3)::int, 0) + $4)
                      ELSE c.lines - $3 END,
         customer_id = coalesce(c.customer_id, excluded.customer_id), status = 'open', updated_at = now()`,
      [sessionId, customerEmail, sku, delta],
    );
  }

  /** The products a customer viewed most (at most five). */
  async mostViewed(customerId: string, tx: Queryable = this.db): Promise<ViewedProduct[]> {
    return tx.query<ViewedProduct>(
      `SELECT e.sku, p.name, count(*)::int AS views FROM customer_events e JOIN products p ON p.sku = e.sku
       WHERE e.customer_id = $1 AND e.type = 'product_view' GROUP BY e.sku, p.name ORDER BY views DESC LIMIT 5`,
      [customerId],
    );
  }
}
