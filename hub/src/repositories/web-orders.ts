/** Web orders: the document registers replicate, its lines as rows, and its payments. */
import type { WebOrder } from '@till/shared/schemas/web-order';
import type { Queryable } from '../db/port';

/** Exact keys a counter look-up may give; any of them matches. */
export interface OrderKeys {
  /** An order number or id. */
  key: string | null;
  email: string | null;
  phone: string | null;
}

/** Reads and writes web orders. */
export class WebOrdersRepository {
  constructor(private readonly db: Queryable) {}

  /** Orders matching any of the keys, newest first (at most 50). */
  async find(keys: OrderKeys, tx: Queryable = this.db): Promise<WebOrder[]> {
    const rows = await tx.query<{ doc: WebOrder }>(
      `SELECT doc FROM web_orders
       WHERE ($1::text IS NOT NULL AND (number = $1 OR id = $1))
          OR ($2::text IS NOT NULL AND lower(email) = lower($2))
          OR ($3::text IS NOT NULL AND phone = $3)
       ORDER BY created_at DESC LIMIT 50`,
      [keys.key, keys.email, keys.phone],
    );
    return rows.map((r) => r.doc);
  }

  /** A customer's latest orders, newest first. */
  async byCustomer(customerId: string, limit = 50, tx: Queryable = this.db): Promise<WebOrder[]> {
    const rows = await tx.query<{ doc: WebOrder }>(
      'SELECT doc FROM web_orders WHERE customer_id = $1 ORDER BY created_at DESC LIMIT $2',
      [customerId, limit],
    );
    return rows.map((r) => r.doc);
  }

  /** One order by id or number, or null. */
  async byIdOrNumber(id: string, tx: Queryable = this.db): Promise<WebOrder | null> {
    const rows = await tx.query<{ doc: WebOrder }>(
      'SELECT doc FROM web_orders WHERE id = $1 OR number = $1',
      [id],
    );
    return rows[0]?.doc ?? null;
  }

  /** The order whose charge was made with this idempotency key, or null. */
  async byChargeKey(idempotencyKey: string, tx: Queryable = this.db): Promise<WebOrder | null> {
    const rows = await tx.query<{ doc: WebOrder }>(
      `SELECT o.doc FROM payments p JOIN web_orders o ON o.id = p.order_id WHERE p.idempotency_key = $1`,
      [idempotencyKey],
    );
    return rows[0]?.doc ?? null;
  }

  /** Locks an order for a register's status change; null when there is none. */
  async lock(
    id: string,
    tx: Queryable = this.db,
  ): Promise<{ doc: WebOrder; pickupStoreId: string | null } | null> {
    const rows = await tx.query<{ doc: WebOrder; pickup_store_id: string | null }>(
      'SELECT doc, pickup_store_id FROM web_orders WHERE id = $1 FOR UPDATE',
      [id],
    );
    const row = rows[0];
    return row ? { doc: row.doc, pickupStoreId: row.pickup_store_id } : null;
  }

  /** Stores an order's new status and document (with when a ready order expires, for the expiry job). */
  async updateStatus(order: WebOrder, tx: Queryable = this.db): Promise<void> {
    await tx.query(
      'UPDATE web_orders SET status = $2, doc = $3, expires_at = $4, updated_at = now() WHERE id = $1',
      [
        order.id,
        order.status,
        JSON.stringify(order),
        order.status === 'ready' ? (order.expiresAt ?? null) : null,
      ],
    );
  }

  /** Locks an order by id or number (for the hub's own moves); null when there is none. */
  async lockByIdOrNumber(key: string, tx: Queryable = this.db): Promise<WebOrder | null> {
    const rows = await tx.query<{ doc: WebOrder }>(
      'SELECT doc FROM web_orders WHERE id = $1 OR number = $1 FOR UPDATE',
      [key],
    );
    return rows[0]?.doc ?? null;
  }

  /** Ready orders whose time to be collected is up at `now`, locked; others' locked ones are skipped. */
  async lockExpired(now: Date, limit: number, tx: Queryable = this.db): Promise<WebOrder[]> {
    const rows = await tx.query<{ doc: WebOrder }>(
      `SELECT doc FROM web_orders WHERE status = 'ready' AND expires_at <= $1
       ORDER BY expires_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now.toISOString(), limit],
    );
    return rows.map((r) => r.doc);
  }

  /** Orders for the fulfilment list, newest first. */
  async list(
    filter: {
      status?: string | undefined;
      storeId?: string | undefined;
      type?: string | undefined;
      limit: number;
    },
    tx: Queryable = this.db,
  ): Promise<WebOrder[]> {
    const rows = await tx.query<{ doc: WebOrder }>(
      `SELECT doc FROM web_orders
       WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR pickup_store_id = $2)
         AND ($3::text IS NULL OR fulfilment->>'type' = $3)
       ORDER BY created_at DESC LIMIT $4`,
      [filter.status ?? null, filter.storeId ?? null, filter.type ?? null, filter.limit],
    );
    return rows.map((r) => r.doc);
  }

  /** The next order number (a sequence: gaps are fine, repeats are not). */
  async nextNumber(tx: Queryable = this.db): Promise<number> {
    const rows = await tx.query<{ n: number }>("SELECT nextval('web_order_number') AS n");
    return rows[0]?.n ?? 0;
  }

  /** Stores a placed order with its lines as rows. */
  async insert(
    order: WebOrder,
    pickupStoreId: string | null,
    customerId: string,
    tx: Queryable = this.db,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO web_orders (id, number, status, fulfilment, pickup_store_id, customer_id, email, phone, doc)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        order.id,
        order.number,
        order.status,
        JSON.stringify(order.fulfilment),
        pickupStoreId,
        customerId,
        order.customer.email,
        order.customer.phone,
        JSON.stringify(order),
      ],
    );
    await tx.query(
      `INSERT INTO web_order_lines (order_id, line_id, sku, name, qty, unit_price, discount, net, tax, gross, tax_code)
       SELECT $1, l."lineId", l.sku, l.name, l.qty, l."unitPrice", l.discount, l.net, l.tax, l.gross, l."taxCode"
       FROM jsonb_to_recordset($2::jsonb) AS l("lineId" text, sku text, name text, qty int, "unitPrice" bigint,
            discount bigint, net bigint, tax bigint, gross bigint, "taxCode" text)`,
      [order.id, JSON.stringify(order.lines)],
    );
  }

  /** Records the card charge of an order (its idempotency key is unique). */
  async insertCharge(
    charge: { orderId: string; amount: number; currency: string; reference: string; idempotencyKey: string },
    tx: Queryable = this.db,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO payments (order_id, kind, amount, currency, reference, idempotency_key) VALUES ($1, 'charge', $2, $3, $4, $5)`,
      [charge.orderId, charge.amount, charge.currency, charge.reference, charge.idempotencyKey],
    );
  }
}
