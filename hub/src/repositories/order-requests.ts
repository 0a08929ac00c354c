/**
 * The request behind each web order placed with an `Idempotency-Key` (table `order_requests`): a hash
 * of the whole canonical request and one per part, so a retry is told from a different order reusing
 * the key, and the refusal can say which parts differ.
 */
import type { Queryable } from '../db/port';

/** What is kept of an order request. */
export interface OrderRequestRecord {
  orderId: string;
  requestHash: string;
  parts: Record<string, string>;
}

/** Reads and writes order requests by idempotency key. */
export class OrderRequestsRepository {
  constructor(private readonly db: Queryable) {}

  /** The request stored with `key`; null for none (or an order placed before requests were kept). */
  async byKey(key: string, tx: Queryable = this.db): Promise<OrderRequestRecord | null> {
    const rows = await tx.query<{ order_id: string; request_hash: string; parts: Record<string, string> }>(
      'SELECT order_id, request_hash, parts FROM order_requests WHERE idempotency_key = $1',
      [key],
    );
    const row = rows[0];
    return row ? { orderId: row.order_id, requestHash: row.request_hash, parts: row.parts } : null;
  }

  /** Records the request of an order placed with `key` (in the order's transaction). */
  async insert(key: string, record: OrderRequestRecord, tx: Queryable = this.db): Promise<void> {
    await tx.query(
      'INSERT INTO order_requests (idempotency_key, order_id, request_hash, parts) VALUES ($1, $2, $3, $4)',
      [key, record.orderId, record.requestHash, JSON.stringify(record.parts)],
    );
  }
}
