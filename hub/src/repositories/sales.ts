/**
 * Sales, applied set-wise in ONE statement: insert the sales that are new, and for those only append the
 * ledger, upsert every touched level in one multi-row statement taken in (store, sku) order, raise
 * `unknown_sku` and `oversold` exceptions and queue the change notification. One statement is one round
 * trip and, outside a transaction, its own atomic transaction: on a small machine the round trips, not the
 * rows, are what a busy hub waits for.
 *
 * A sale whose id is stored already is left as it is when it is the same document (a re-sent push: equal
 * as JSON, and of the same store); any other content or store aborts the whole statement with SQLSTATE
 * `TL409` (`till_refuse`, migration 003), and so does a sale whose currency is not its store's (`TL400`).
 * The check sits in `ON CONFLICT … DO UPDATE … WHERE`, which sees the stored row even when another
 * transaction committed it after this statement began, and it updates nothing: its WHERE is false or
 * aborts. The domain then reads which documents to name (`collisions`).
 *
 * Each sale is stored with `pushed_by`, the register whose token pushed it, beside the `register_id` the
 * document names: the two differ when a re-enrolled register sends sales queued under its old id.
 */
import type { SaleDocument } from '@till/shared/schemas/sale';
import type { Queryable } from '../db/port';
import { CHANGES_CHANNEL } from './changes';
import { levelOrder } from './stock';

/** SQLSTATEs the sales statement refuses with (raised by `till_refuse`, migration 003). */
export const SALE_REFUSALS = { idCollision: 'TL409', currencyMismatch: 'TL400' } as const;

/** Which refusal of the sales statement `err` is, or null when it is none of them. */
export function saleRefusalOf(err: unknown): keyof typeof SALE_REFUSALS | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === SALE_REFUSALS.idCollision) return 'idCollision';
  if (code === SALE_REFUSALS.currencyMismatch) return 'currencyMismatch';
  return null;
}

/** A pushed sale whose id is stored already with other content or at another store. */
export interface StoredCollision {
  id: string;
  /** Whether the stored sale belongs to the pushed sale's store. */
  sameStore: boolean;
  /** A summary of the stored sale (for the exception a person reads). */
  existing: {
    storeId: string;
    registerId: string;
    number: string;
    createdAt: string;
    gross: number;
    currency: string;
  };
}

/** A sale and the register that pushed it. */
export interface PushedSale {
  doc: SaleDocument;
  /** The authenticated register that sent the push. */
  pushedBy: string;
}

// Levels are notified in chunks of about this many characters (NOTIFY payloads must stay under 8000 bytes).
const NOTIFY_CHUNK = 6000;

const APPLY_SQL = `
WITH x AS (
  SELECT * FROM json_to_recordset($1::json) AS x(id uuid, store_id text, register_id text, pushed_by text,
    number text, kind text, customer_id text, currency text, gross bigint, created_at timestamptz, doc jsonb)
), cur AS (
  SELECT till_refuse('${SALE_REFUSALS.currencyMismatch}',
           format('sale %s is in %s, not in its store''s currency', x.id, x.currency)) AS refused
  FROM x JOIN store_settings st ON st.store_id = x.store_id
  WHERE st.doc->>'currency' IS DISTINCT FROM x.currency
), ins AS (
  INSERT INTO sales AS s (id, store_id, register_id, pushed_by, number, kind, customer_id, currency, gross, created_at, doc)
  SELECT id, store_id, register_id, pushed_by, number, kind, customer_id, currency, gross, created_at, doc FROM x
  -- In id order: two statements that meet on the same ids take their row locks in the same order.
  ORDER BY id
  ON CONFLICT (id) DO UPDATE SET doc = s.doc
  WHERE CASE WHEN s.store_id <> excluded.store_id OR s.doc <> excluded.doc
             THEN till_refuse('${SALE_REFUSALS.idCollision}', format('sale %s is stored with other content', s.id))
             ELSE false END
  RETURNING id, number, register_id
), l AS (
  SELECT m.*, EXISTS (SELECT 1 FROM products p WHERE p.sku = m.sku) AS known
  FROM json_to_recordset($2::json) AS m(sale_id uuid, store_id text, sku text, delta int, reason text,
    line_id text, at timestamptz, ord int)
  JOIN ins ON ins.id = m.sale_id
), mv AS (
  INSERT INTO stock_movements (store_id, sku, on_hand_delta, reason, sale_id, line_id, at)
  SELECT store_id, sku, delta, reason, sale_id, line_id, at FROM l WHERE known
), d AS (
  SELECT store_id, sku, sum(delta)::int AS delta, min(ord) AS ord FROM l WHERE known GROUP BY store_id, sku
), lv AS (
  INSERT INTO stock_levels AS s (store_id, sku, on_hand, reserved)
  SELECT store_id, sku, delta, 0 FROM d WHERE delta <> 0 ORDER BY ord
  ON CONFLICT (store_id, sku) DO UPDATE
    SET on_hand = s.on_hand + excluded.on_hand, updated_at = now(),
        xid = pg_current_xact_id(), seq = nextval('change_seq')
  RETURNING s.store_id, s.sku, s.on_hand, s.reserved
), ex AS (
  INSERT INTO exceptions (kind, store_id, sku, sale_id, message, details)
  SELECT 'unknown_sku', u.store_id, u.sku, u.sale_id,
         format('sale %s sold SKU %s, which the hub does not know; no stock was moved for it', i.number, u.sku),
         jsonb_build_object('number', i.number, 'registerId', i.register_id)
  FROM (SELECT DISTINCT store_id, sku, sale_id FROM l WHERE NOT known) u JOIN ins i ON i.id = u.sale_id
  UNION ALL
  SELECT 'oversold', v.store_id, v.sku, sa.ids[1]::uuid,
         CASE WHEN v.on_hand < 0
           THEN format('%s at %s is at %s on hand after counter sales', v.sku, v.store_id, v.on_hand)
           ELSE format('%s at %s: %s on hand no longer covers %s reserved for web orders',
                       v.sku, v.store_id, v.on_hand, v.reserved) END,
         jsonb_build_object('onHand', v.on_hand, 'reserved', v.reserved, 'saleIds', to_jsonb(sa.ids))
  FROM lv v
  JOIN d ON d.store_id = v.store_id AND d.sku = v.sku
  JOIN (SELECT store_id, sku, array_agg(DISTINCT sale_id::text) AS ids FROM l WHERE reason = 'sale'
        GROUP BY store_id, sku) sa ON sa.store_id = v.store_id AND sa.sku = v.sku
  -- Raised when these sales take the level short (one exception per shortfall, not one per later sale).
  WHERE d.delta < 0 AND v.on_hand - v.reserved < 0 AND v.on_hand - d.delta - v.reserved >= 0
), w AS (
  SELECT json_build_array(store_id, sku, on_hand, reserved) AS level FROM lv
), c AS (
  SELECT level, (sum(length(level::text) + 1) OVER (ROWS UNBOUNDED PRECEDING)) / ${NOTIFY_CHUNK} AS chunk FROM w
), nt AS (
  -- One notification even when no level moved (sales of unknown SKUs), none when nothing was new.
  SELECT pg_notify('${CHANGES_CHANNEL}', pg_current_xact_id()::text || '|' ||
           json_build_object('c', $3::json, 'l', coalesce(json_agg(c.level) FILTER (WHERE c.level IS NOT NULL), '[]'::json))::text)
  FROM (SELECT 1) one LEFT JOIN c ON true
  GROUP BY c.chunk
  HAVING EXISTS (SELECT 1 FROM ins)
)
SELECT (SELECT coalesce(json_agg(id), '[]'::json) FROM ins) AS inserted, (SELECT count(*) FROM nt)::int AS notified,
       (SELECT bool_or(refused) FROM cur) AS refused`;

const COLLISIONS_SQL = `
SELECT s.id::text AS id, s.store_id = x.store_id AS "sameStore",
       json_build_object('storeId', s.store_id, 'registerId', s.register_id, 'number', s.number,
         'createdAt', s.created_at, 'gross', s.gross, 'currency', s.currency) AS existing
FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, store_id text, doc jsonb)
JOIN sales s ON s.id = x.id
WHERE s.store_id <> x.store_id OR s.doc <> x.doc
ORDER BY s.id`;

/** The statement's parameters: sales, their lines as ledger rows, and the collections to notify. */
function parameters(items: readonly PushedSale[]): [string, string, string] {
  const sales = items.map(({ doc: d, pushedBy }) => ({
    id: d.id,
    store_id: d.storeId,
    register_id: d.registerId,
    pushed_by: pushedBy,
    number: d.number,
    kind: d.kind,
    customer_id: d.customerId,
    currency: d.currency,
    gross: d.totals.gross,
    created_at: d.createdAt,
    doc: d,
  }));
  const docs = items.map((i) => i.doc);
  // Every (store, sku) gets its rank in the one lock order all writers share (levelOrder).
  const pairs = new Map<string, { storeId: string; sku: string }>();
  for (const d of docs)
    for (const l of d.lines) pairs.set(`${d.storeId}\u0000${l.sku}`, { storeId: d.storeId, sku: l.sku });
  const rank = new Map(
    [...pairs.entries()].sort((a, b) => levelOrder(a[1], b[1])).map(([key], i) => [key, i]),
  );
  // A sale takes units out; a resellable return puts them back; a damaged return moves nothing sellable.
  const lines = docs.flatMap((d) =>
    d.lines.map((l) => {
      const damaged = d.kind === 'return' && l.disposition === 'damaged';
      return {
        sale_id: d.id,
        store_id: d.storeId,
        sku: l.sku,
        delta: damaged ? 0 : -l.qty,
        reason: d.kind === 'sale' ? 'sale' : damaged ? 'return_damaged' : 'return',
        line_id: l.lineId,
        at: d.createdAt,
        ord: rank.get(`${d.storeId}\u0000${l.sku}`),
      };
    }),
  );
  const stores = [...new Set(docs.map((d) => d.storeId))];
  const collections = stores.flatMap((s) => [
    ['sales', s],
    ['stock', s],
  ]);
  return [JSON.stringify(sales), JSON.stringify(lines), JSON.stringify(collections)];
}

/** Writes and reads sales. */
export class SalesRepository {
  constructor(private readonly db: Queryable) {}

  /**
   * Inserts the sales that are new, with their stock, exceptions and notification, in one statement;
   * returns the ids that were new. A sale already stored as the same document is left as it is (a
   * re-sent push is a no-op); an id stored with other content, or a sale in another currency than its
   * store's, aborts the statement (`saleRefusalOf` tells which). `items` must not repeat an id.
   */
  async apply(items: readonly PushedSale[], tx: Queryable = this.db): Promise<string[]> {
    if (items.length === 0) return [];
    const rows = await tx.query<{ inserted: string[] }>(APPLY_SQL, parameters(items));
    return rows[0]?.inserted ?? [];
  }

  /** The pushed sales whose ids are stored with other content or at another store. */
  async collisions(docs: readonly SaleDocument[], tx: Queryable = this.db): Promise<StoredCollision[]> {
    if (docs.length === 0) return [];
    const rows = await tx.query<StoredCollision>(COLLISIONS_SQL, [
      JSON.stringify(docs.map((d) => ({ id: d.id, store_id: d.storeId, doc: d }))),
    ]);
    return rows.map((r) => ({
      ...r,
      existing: { ...r.existing, createdAt: new Date(r.existing.createdAt).toISOString() },
    }));
  }

  /** A customer's latest store sales (documents), newest first. */
  async byCustomer(customerId: string, limit = 50, tx: Queryable = this.db): Promise<unknown[]> {
    const rows = await tx.query<{ doc: unknown }>(
      'SELECT doc FROM sales WHERE customer_id = $1 ORDER BY created_at DESC LIMIT $2',
      [customerId, limit],
    );
    return rows.map((r) => r.doc);
  }
}
