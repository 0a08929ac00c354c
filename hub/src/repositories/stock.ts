/**
 * The stock ledger and levels. Every change is a movement row; levels are updated by the same
 * transaction with one multi-row upsert whose rows are taken in (store, sku) order, so two transactions
 * touching overlapping SKUs lock them in the same order and cannot deadlock.
 */
import type { Queryable } from '../db/port';
import type { LevelChange } from './changes';

/** One ledger entry. `at` is when the stock moved (a sale's createdAt), not when the hub heard of it. */
export interface Movement {
  storeId: string;
  sku: string;
  onHandDelta: number;
  reservedDelta: number;
  reason: string;
  saleId?: string | null;
  orderId?: string | null;
  lineId?: string | null;
  at?: string | null;
}

/** A store's level of one SKU. */
export interface StoreLevel {
  storeId: string;
  onHand: number;
  reserved: number;
}

interface LevelRow {
  store_id: string;
  sku: string;
  on_hand: number;
  reserved: number;
}

const toLevel = (r: LevelRow): LevelChange => ({
  storeId: r.store_id,
  sku: r.sku,
  onHand: r.on_hand,
  reserved: r.reserved,
});

/** Compares (store, sku) the way every locking statement orders its rows. */
export function levelOrder(a: { storeId: string; sku: string }, b: { storeId: string; sku: string }): number {
  return a.storeId < b.storeId ? -1 : a.storeId > b.storeId ? 1 : a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0;
}

/** Appends movements to the ledger in one statement. */
export async function insertMovements(tx: Queryable, movements: readonly Movement[]): Promise<void> {
  if (movements.length === 0) return;
  await tx.query(
    `INSERT INTO stock_movements (store_id, sku, on_hand_delta, reserved_delta, reason, sale_id, order_id, line_id, at)
     SELECT m.store_id, m.sku, m.on_hand_delta, m.reserved_delta, m.reason, m.sale_id, m.order_id, m.line_id,
            coalesce(m.at, now())
     FROM jsonb_to_recordset($1::jsonb) AS m(store_id text, sku text, on_hand_delta int, reserved_delta int,
            reason text, sale_id uuid, order_id text, line_id text, at timestamptz)`,
    [
      JSON.stringify(
        movements.map((m) => ({
          store_id: m.storeId,
          sku: m.sku,
          on_hand_delta: m.onHandDelta,
          reserved_delta: m.reservedDelta,
          reason: m.reason,
          sale_id: m.saleId ?? null,
          order_id: m.orderId ?? null,
          line_id: m.lineId ?? null,
          at: m.at ?? null,
        })),
      ),
    ],
  );
}

/**
 * Applies net deltas to the levels (creating missing rows) in one statement, rows in (store, sku) order,
 * and returns the levels after the change. This and the sales statement (repositories/sales.ts) are the
 * only writers of stock_levels, so they stamp (xid, seq) themselves instead of paying for a trigger on
 * the hottest table.
 */
export async function applyLevelDeltas(tx: Queryable, deltas: readonly Movement[]): Promise<LevelChange[]> {
  if (deltas.length === 0) return [];
  const sorted = [...deltas].sort(levelOrder);
  const rows = await tx.query<LevelRow>(
    `INSERT INTO stock_levels AS s (store_id, sku, on_hand, reserved)
     SELECT d.store_id, d.sku, d.on_hand, d.reserved
     FROM unnest($1::text[], $2::text[], $3::int[], $4::int[]) WITH ORDINALITY AS d(store_id, sku, on_hand, reserved, n)
     ORDER BY d.n
     ON CONFLICT (store_id, sku) DO UPDATE
       SET on_hand = s.on_hand + excluded.on_hand, reserved = s.reserved + excluded.reserved, updated_at = now(),
           xid = pg_current_xact_id(), seq = nextval('change_seq')
     RETURNING s.store_id, s.sku, s.on_hand, s.reserved`,
    [
      sorted.map((d) => d.storeId),
      sorted.map((d) => d.sku),
      sorted.map((d) => d.onHandDelta),
      sorted.map((d) => d.reservedDelta),
    ],
  );
  return rows.map(toLevel);
}

/** Reads and writes the ledger and the levels. */
export class StockRepository {
  constructor(private readonly db: Queryable) {}

  /** Appends movements to the ledger. */
  insertMovements(movements: readonly Movement[], tx: Queryable = this.db): Promise<void> {
    return insertMovements(tx, movements);
  }

  /** Applies net deltas to the levels; returns the levels after. */
  applyLevelDeltas(deltas: readonly Movement[], tx: Queryable = this.db): Promise<LevelChange[]> {
    return applyLevelDeltas(tx, deltas);
  }

  /**
   * Locks the levels of (store, sku) pairs in the fixed order and returns them (missing rows are absent),
   * for a caller that must check availability before changing it.
   */
  async lockLevels(
    keys: readonly { storeId: string; sku: string }[],
    tx: Queryable = this.db,
  ): Promise<LevelChange[]> {
    if (keys.length === 0) return [];
    const sorted = [...keys].sort(levelOrder);
    const rows = await tx.query<LevelRow>(
      `SELECT s.store_id, s.sku, s.on_hand, s.reserved
       FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS k(store_id, sku, n)
       JOIN stock_levels s ON s.store_id = k.store_id AND s.sku = k.sku
       ORDER BY k.n
       FOR UPDATE OF s`,
      [sorted.map((k) => k.storeId), sorted.map((k) => k.sku)],
    );
    return rows.map(toLevel);
  }

  /** The levels of `skus`, at one store or at every store (`storeId` null); missing rows are absent. */
  async levels(
    skus: readonly string[],
    storeId: string | null,
    tx: Queryable = this.db,
  ): Promise<LevelChange[]> {
    const rows = await tx.query<LevelRow>(
      `SELECT store_id, sku, on_hand, reserved FROM stock_levels
       WHERE sku = ANY($1::text[]) AND ($2::text IS NULL OR store_id = $2)`,
      [skus, storeId],
    );
    return rows.map(toLevel);
  }

  /** One SKU's level at every store, in store order (zero where the store never had it). */
  async levelsAtEveryStore(sku: string, tx: Queryable = this.db): Promise<StoreLevel[]> {
    const rows = await tx.query<{ store_id: string; on_hand: number; reserved: number }>(
      `SELECT s.id AS store_id, coalesce(l.on_hand, 0) AS on_hand, coalesce(l.reserved, 0) AS reserved
       FROM stores s LEFT JOIN stock_levels l ON l.store_id = s.id AND l.sku = $1 ORDER BY s.id`,
      [sku],
    );
    return rows.map((r) => ({ storeId: r.store_id, onHand: r.on_hand, reserved: r.reserved }));
  }

  /** Units sold per store and SKU over the last `hours` (returns excluded), for the web's buffer. */
  async unitsSold(
    hours: number,
    tx: Queryable = this.db,
  ): Promise<{ storeId: string; sku: string; units: number }[]> {
    const rows = await tx.query<{ store_id: string; sku: string; units: number }>(
      `SELECT store_id, sku, (-sum(on_hand_delta))::int AS units FROM stock_movements
       WHERE reason = 'sale' AND at > now() - make_interval(hours => $1::int) GROUP BY store_id, sku`,
      [hours],
    );
    return rows.map((r) => ({ storeId: r.store_id, sku: r.sku, units: r.units }));
  }
}
