/** The exceptions list: problems a person must resolve (GET /api/v1/exceptions). */
import type { Queryable } from '../db/port';

/**
 * The kinds of exception the hub raises. `id_collision`: a pushed document reused an id already stored
 * with other content or at another store, and was refused (hub/README.md, Push integrity).
 * `order_conflict`: a register handed over or cancelled a web order that the hub had already moved
 * elsewhere (e.g. cancelled online while collected at the counter); the hub's state stands until a
 * manager settles it. `points_overspent`: a sale spent more loyalty points than its customer had (made
 * offline, where the register could not know); the balance stopped at zero. `refund_refused`: the card
 * gateway would not refund a web order returned at a counter.
 */
export const exceptionKinds = [
  'unknown_sku',
  'oversold',
  'order_unfulfillable',
  'id_collision',
  'order_conflict',
  'points_overspent',
  'refund_refused',
] as const;

/** An exception's kind. */
export type ExceptionKind = (typeof exceptionKinds)[number];

/** A problem to record. */
export interface ExceptionInput {
  kind: ExceptionKind;
  storeId: string | null;
  sku: string | null;
  saleId?: string | null;
  orderId?: string | null;
  message: string;
  details?: Record<string, unknown>;
  /** Says which problem this records: while one with the same key is open, raising it again adds nothing. */
  dedupeKey?: string | null;
}

/** Which exceptions to list. */
export interface ExceptionFilter {
  status: 'open' | 'resolved' | 'all';
  kind?: ExceptionKind | undefined;
  storeId?: string | undefined;
  limit: number;
}

/** A recorded exception as the API shows it. */
export interface ExceptionRecord {
  id: number;
  kind: string;
  storeId: string | null;
  sku: string | null;
  saleId: string | null;
  orderId: string | null;
  message: string;
  details: Record<string, unknown>;
  status: string;
  createdAt: string;
  resolvedAt: string | null;
  resolution: string | null;
}

const iso = (value: unknown): string =>
  (value instanceof Date ? value : new Date(String(value))).toISOString();

/** Records, lists and resolves exceptions. */
export class ExceptionsRepository {
  constructor(private readonly db: Queryable) {}

  /** Records exceptions in one statement; one whose `dedupeKey` is open already is not added again. */
  async raise(items: readonly ExceptionInput[], tx: Queryable = this.db): Promise<void> {
    if (items.length === 0) return;
    await tx.query(
      `INSERT INTO exceptions (kind, store_id, sku, sale_id, order_id, message, details, dedupe_key)
       SELECT x.kind, x.store_id, x.sku, x.sale_id, x.order_id, x.message, coalesce(x.details, '{}'::jsonb),
              x.dedupe_key
       FROM jsonb_to_recordset($1::jsonb) AS x(kind text, store_id text, sku text, sale_id uuid, order_id text,
            message text, details jsonb, dedupe_key text)
       ON CONFLICT DO NOTHING`,
      [
        JSON.stringify(
          items.map((e) => ({
            kind: e.kind,
            store_id: e.storeId,
            sku: e.sku,
            sale_id: e.saleId ?? null,
            order_id: e.orderId ?? null,
            message: e.message,
            details: e.details ?? {},
            dedupe_key: e.dedupeKey ?? null,
          })),
        ),
      ],
    );
  }

  /** The newest exceptions matching `filter`. */
  async list(filter: ExceptionFilter, tx: Queryable = this.db): Promise<ExceptionRecord[]> {
    const rows = await tx.query<
      Omit<ExceptionRecord, 'createdAt' | 'resolvedAt'> & {
        createdAt: unknown;
        resolvedAt: unknown;
      }
    >(
      `SELECT id, kind, store_id AS "storeId", sku, sale_id AS "saleId", order_id AS "orderId", message, details,
              status, created_at AS "createdAt", resolved_at AS "resolvedAt", resolution
       FROM exceptions
       WHERE ($1 = 'all' OR status = $1) AND ($2::text IS NULL OR kind = $2) AND ($3::text IS NULL OR store_id = $3)
       ORDER BY id DESC LIMIT $4`,
      [filter.status, filter.kind ?? null, filter.storeId ?? null, filter.limit],
    );
    return rows.map((r) => ({
      ...r,
      createdAt: iso(r.createdAt),
      resolvedAt: r.resolvedAt == null ? null : iso(r.resolvedAt),
    }));
  }

  /** Marks one exception resolved; false when there is no such exception. */
  async resolve(id: number, resolution: string, tx: Queryable = this.db): Promise<boolean> {
    const rows = await tx.query(
      `UPDATE exceptions SET status = 'resolved', resolved_at = now(), resolution = $2 WHERE id = $1 RETURNING id`,
      [id, resolution],
    );
    return rows.length > 0;
  }
}
