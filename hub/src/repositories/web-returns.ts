/**
 * Refunds of web orders returned at a counter (`web_returns`, migration 006), and the return documents
 * stored against an order. A row is written once per return id; only a pending one is ever settled.
 */
import type { SaleDocument } from '@till/shared/schemas/sale';
import type { OrderReturn, RefundState, ReturnRefund } from '@till/shared/schemas/web-order-return';
import type { Queryable } from '../db/port';

/** A return's refund as stored. */
export interface WebReturnRow {
  returnId: string;
  orderId: string;
  storeId: string;
  number: string;
  method: ReturnRefund['method'];
  amount: number;
  currency: string;
  chargeReference: string | null;
  state: RefundState;
  refundReference: string | null;
  last4: string | null;
  code: string | null;
  message: string | null;
  lines: OrderReturn['lines'];
  createdAt: string;
  settledAt: string | null;
}

/** How a pending refund ended. */
export interface Settlement {
  state: Exclude<RefundState, 'pending'>;
  refundReference?: string | null;
  last4?: string | null;
  code?: string | null;
  message?: string | null;
}

const COLUMNS = `return_id::text AS "returnId", order_id AS "orderId", store_id AS "storeId", number, method,
  amount::float8 AS amount, currency, charge_reference AS "chargeReference", state,
  refund_reference AS "refundReference", last4, code, message, lines, created_at AS "createdAt",
  settled_at AS "settledAt"`;

const iso = (value: unknown): string =>
  (value instanceof Date ? value : new Date(String(value))).toISOString();

function row(r: WebReturnRow): WebReturnRow {
  return {
    ...r,
    amount: Number(r.amount),
    createdAt: iso(r.createdAt),
    settledAt: r.settledAt === null ? null : iso(r.settledAt),
  };
}

/** Reads and writes web-order refunds. */
export class WebReturnsRepository {
  constructor(private readonly db: Queryable) {}

  /** Records refunds that are not recorded yet; returns the ids that were new. */
  async insert(rows: readonly Omit<WebReturnRow, 'settledAt'>[], tx: Queryable = this.db): Promise<string[]> {
    if (rows.length === 0) return [];
    const inserted = await tx.query<{ id: string }>(
      `INSERT INTO web_returns (return_id, order_id, store_id, number, method, amount, currency, charge_reference,
         state, refund_reference, last4, code, message, lines, created_at, settled_at)
       SELECT x."returnId", x."orderId", x."storeId", x.number, x.method, x.amount, x.currency,
              x."chargeReference", x.state, x."refundReference", x.last4, x.code, x.message, x.lines,
              x."createdAt", CASE WHEN x.state = 'pending' THEN NULL ELSE now() END
       FROM jsonb_to_recordset($1::jsonb) AS x("returnId" uuid, "orderId" text, "storeId" text, number text,
            method text, amount bigint, currency text, "chargeReference" text, state text,
            "refundReference" text, last4 text, code text, message text, lines jsonb, "createdAt" timestamptz)
       ORDER BY x."returnId"
       ON CONFLICT (return_id) DO NOTHING
       RETURNING return_id::text AS id`,
      [JSON.stringify(rows)],
    );
    return inserted.map((r) => r.id);
  }

  /** The refunds with these return ids (those that exist). */
  async byIds(ids: readonly string[], tx: Queryable = this.db): Promise<WebReturnRow[]> {
    if (ids.length === 0) return [];
    const rows = await tx.query<WebReturnRow>(
      `SELECT ${COLUMNS} FROM web_returns WHERE return_id = ANY($1::uuid[]) ORDER BY created_at`,
      [ids],
    );
    return rows.map(row);
  }

  /** Every refund of an order, oldest first. */
  async byOrder(orderId: string, tx: Queryable = this.db): Promise<WebReturnRow[]> {
    const rows = await tx.query<WebReturnRow>(
      `SELECT ${COLUMNS} FROM web_returns WHERE order_id = $1 ORDER BY created_at, return_id`,
      [orderId],
    );
    return rows.map(row);
  }

  /** Card refunds still pending that were recorded at least `olderThanMs` ago, oldest first. */
  async pending(olderThanMs: number, limit: number, tx: Queryable = this.db): Promise<WebReturnRow[]> {
    const rows = await tx.query<WebReturnRow>(
      `SELECT ${COLUMNS} FROM web_returns
       WHERE state = 'pending' AND created_at <= now() - make_interval(secs => $1::float8 / 1000)
       ORDER BY created_at LIMIT $2`,
      [olderThanMs, limit],
    );
    return rows.map(row);
  }

  /** Settles a pending refund; null when it was settled already (by a concurrent push). */
  async settle(returnId: string, s: Settlement, tx: Queryable = this.db): Promise<WebReturnRow | null> {
    const rows = await tx.query<WebReturnRow>(
      `UPDATE web_returns SET state = $2, refund_reference = $3, last4 = coalesce($4, last4), code = $5,
         message = $6, settled_at = now()
       WHERE return_id = $1 AND state = 'pending'
       RETURNING ${COLUMNS}`,
      [returnId, s.state, s.refundReference ?? null, s.last4 ?? null, s.code ?? null, s.message ?? null],
    );
    return rows[0] ? row(rows[0]) : null;
  }

  /** The return documents stored against an order, oldest first. */
  async returnDocuments(orderId: string, tx: Queryable = this.db): Promise<SaleDocument[]> {
    const rows = await tx.query<{ doc: SaleDocument }>(
      `SELECT doc FROM sales WHERE kind = 'return' AND doc -> 'returnOf' ->> 'orderId' = $1
       ORDER BY created_at, id`,
      [orderId],
    );
    return rows.map((r) => r.doc);
  }
}
